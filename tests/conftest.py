"""Shared fixtures: project paths, the shared corpus, and one built copy of the site."""
from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = ROOT / "seeds" / "000_e7d82218e8e66958.txt"
SEED_GOLD = SHARED / "gold" / "000_e7d82218e8e66958.gold.yaml"
SITE_INPUTS = ("mkdocs.yml", "docs", "theme_overrides", "seeds")


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run ``python -m generator ARGS`` in ``cwd``; returns the completed process (text mode)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True,
                          text=True, env=env, timeout=600)


def copy_project(dest: Path) -> Path:
    """Copy what a site build reads (config, hand-written docs, theme, seeds) to ``dest``."""
    for name in SITE_INPUTS:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("digest"))
        else:
            shutil.copy2(src, dest / name)
    return dest


@pytest.fixture(scope="session")
def score_facts():
    """The shared scorer module (../shared/tools/score_facts.py)."""
    spec = importlib.util.spec_from_file_location("score_facts", SHARED / "tools" / "score_facts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def seed_doc() -> dict:
    """The seed's facts document as ``python -m generator extract`` prints it."""
    result = run_cli("extract", str(SEED.relative_to(ROOT)))
    assert result.returncode == 0, result.stderr
    return yaml.safe_load(result.stdout)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """A copy of the project with ``generator build`` and ``mkdocs build --strict`` run in it."""
    root = copy_project(tmp_path_factory.mktemp("project"))
    result = run_cli("build", cwd=root)
    assert result.returncode == 0, result.stderr
    mkdocs = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root,
                            capture_output=True, text=True, timeout=600)
    assert mkdocs.returncode == 0, mkdocs.stderr[-3000:]
    return root

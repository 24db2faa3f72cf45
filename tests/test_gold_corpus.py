"""Extraction over hand-made gold files: the issue's bar for the genre.

Two sets, scored alike by ../shared/tools/score_facts.py:

- ``shared``: every gold file in ../shared/gold (sources in seeds/, ../shared/seeds, ../shared/corpus);
- ``own``: tests/unseen/, articles of the genre written for this project by testers who had not
  seen the extraction rules (several layouts: Traditional newspaper, county government site,
  Xinhua dateline, WeChat repost, saved HTML page, flattened table), with their gold files. They
  stand in for the articles we do not have; do not tune rules to one of them.

Prints each set's per-article table (run pytest with -s to see it, or read it on failure).
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator import pipeline

from conftest import ROOT, SHARED

OWN = Path(__file__).resolve().parent / "unseen"
SETS = {
    "shared": (sorted((SHARED / "gold").glob("*.gold.yaml")), (ROOT / "seeds", SHARED / "seeds", SHARED / "corpus")),
    "own": (sorted(OWN.glob("*.gold.yaml")), (OWN,)),
}


def source_of(gold: Path, folders: tuple[Path, ...]) -> Path:
    """The article a gold file annotates: ``NAME.txt`` or ``NAME.html`` in the first folder holding it."""
    name = gold.name[: -len(".gold.yaml")]
    for folder in folders:
        for suffix in (".txt", ".html"):
            if (folder / f"{name}{suffix}").is_file():
                return folder / f"{name}{suffix}"
    raise FileNotFoundError(name)


@pytest.fixture(scope="module", params=sorted(SETS))
def table(request, score_facts):
    golds, folders = SETS[request.param]
    rows = {}
    for gold in golds:
        doc = pipeline.facts_for(source_of(gold, folders))
        rows[gold.name[: -len(".gold.yaml")]] = score_facts.score(yaml.safe_load(gold.read_text("utf-8")), doc,
                                                                  out=lambda line: None)
    keys = ("f1", "provenance", "metadata", "sections", "place_en")
    lines = [f"{request.param + ' set':58s} " + " ".join(f"{k:>10s}" for k in keys)]
    for name, r in rows.items():
        lines.append(f"{name:58s} " + " ".join(f"{r[k]:10.3f}" for k in keys))
    means = {k: sum(r[k] for r in rows.values()) / len(rows) for k in keys}
    lines.append(f"{'mean':58s} " + " ".join(f"{means[k]:10.3f}" for k in keys))
    print("\n" + "\n".join(lines))
    return rows, means, "\n".join(lines)


@pytest.mark.parametrize("name", sorted(SETS))
def test_gold_set_is_present(name):
    assert len(SETS[name][0]) >= 10


def test_genre_bar_over_the_whole_gold_set(table):
    rows, means, text = table
    assert means["f1"] >= 0.92, text
    assert min(r["f1"] for r in rows.values()) >= 0.85, text
    assert all(r["provenance"] == 1.0 for r in rows.values()), text
    assert means["metadata"] >= 0.95, text
    assert means["sections"] >= 0.95, text
    assert means["place_en"] >= 0.95, text

"""The seed article end to end through `python -m generator extract`, against its gold file."""
from __future__ import annotations

import copy

import pytest
import yaml

from generator import document

from conftest import SEED_GOLD


@pytest.fixture(scope="module")
def scores(seed_doc, score_facts):
    gold = yaml.safe_load(SEED_GOLD.read_text("utf-8"))
    lines: list[str] = []
    result = score_facts.score(gold, seed_doc, out=lines.append)
    print("\n".join(lines))
    return result


def test_seed_meets_the_extraction_bar(scores):
    assert scores["f1"] >= 0.92
    assert scores["provenance"] == 1.0
    assert scores["metadata"] == 1.0
    assert scores["sections"] == 1.0
    assert scores["place_en"] == 1.0


def test_seed_metadata(seed_doc):
    src = seed_doc["source"]
    assert seed_doc["title"]["zh"] == "天津市教育兩委全力打好教育脫貧攻堅戰"
    assert src["url"] == "http://www.wandqa.cn"
    assert src["published"] == "2019-12-23T13:40:00+08:00"
    assert src["publisher"] == "教育裝備網"
    assert src["editor"] == "董曉娟"
    assert src["script"] == "hant"


def test_seed_junk_is_dropped_and_listed(seed_doc):
    texts = [p["zh"] for s in seed_doc["sections"] for p in s["paragraphs"]]
    assert not any("本文鏈接" in t or "責任編輯" in t for t in texts)
    dropped = {d["text"]: d["reason"] for d in seed_doc["dropped"]}
    assert "本文鏈接:TOP↑" in dropped
    assert dropped["責任編輯:董曉娟"] == "editor line"


def test_every_fact_is_an_exact_slice_of_its_paragraph(seed_doc):
    paras = {p["id"]: p["zh"] for s in seed_doc["sections"] for p in s["paragraphs"]}
    assert seed_doc["facts"]
    for fact in seed_doc["facts"]:
        assert paras[fact["paragraph"]][fact["start"]:fact["end"]] == fact["text"], fact["id"]


@pytest.mark.parametrize("text, value, approx", [
    ("約1240萬元", 12400000, True), ("48.95萬元", 489500, False), ("34.275萬元", 342750, False),
])
def test_seed_money_values(seed_doc, text, value, approx):
    fact = next(f for f in seed_doc["facts"] if f["type"] == "money" and f["text"] == text)
    assert fact["value"] == value and isinstance(fact["value"], int)
    assert fact["approx"] is approx


def test_seed_places_carry_english_and_gbt2260_codes(seed_doc):
    places = {f["name"]["zh"]: f["name"] for f in seed_doc["facts"] if f["type"] == "place"}
    assert places["會寧縣"]["en"] == "Huining County"
    assert places["和田"]["en"].startswith("Hotan")
    assert places["會寧縣"]["code"] == "620422"


def test_seed_document_is_valid_against_the_schema(seed_doc):
    document.validate(seed_doc)


@pytest.mark.parametrize("path, bad", [
    (("facts", 0, "value"), "12400000"),          # a number as a string
    (("source", "script"), "latin"),
    (("sections", 0, "category"), "misc"),
    (("source", "published"), "23/12/2019"),
])
def test_schema_rejects_bad_documents(seed_doc, path, bad):
    doc = copy.deepcopy(seed_doc)
    target = doc
    for key in path[:-1]:
        target = target[key]
    if path[0] == "facts":
        target = next(f for f in doc["facts"] if f["type"] == "money")
    target[path[-1]] = bad
    with pytest.raises(document.FactsError):
        document.validate(doc)


def test_validation_catches_a_fact_pointing_at_the_wrong_characters(seed_doc):
    doc = copy.deepcopy(seed_doc)
    doc["facts"][0]["start"] += 1
    with pytest.raises(document.FactsError, match="is not at"):
        document.validate(doc)


def test_yaml_round_trip_is_exact(seed_doc):
    assert yaml.safe_load(document.dump(seed_doc)) == seed_doc

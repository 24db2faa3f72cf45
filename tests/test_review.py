"""Editors' corrections survive: seeds/NAME.review.yaml, applied on every build and by extract.

Also: generated files say so, and a generated file edited by hand is reported, not overwritten.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import SEED, copy_project, run_cli
from generator import __main__ as cli
from generator import build as build_mod
from generator import pipeline, render, review

ARTICLE = "2019-12-23-000-e7d82218e8e66958"
REVIEW = """\
review: policy-digest/review@1
facts:
  - action: drop
    type: quantity
    text: 十戶
    note: the families are not beneficiaries
  - action: correct
    type: money
    text: 約1240萬元
    value: 12,400,001
    approx: false
    note: checked against the bureau's report
  - action: correct
    type: place
    text: 和田
    occurrence: all
    en: Hotan Prefecture
    note: the prefecture, not the city
  - action: add
    type: program
    text: 教育脫貧攻堅戰
    context: 全力打好
    en: the battle against poverty through education
    note: missed by the extractor
"""


@pytest.fixture
def seeds(tmp_path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    shutil.copy(SEED.with_name(SEED.stem + ".en.po"), folder)
    return folder


def write_review(seeds: Path, text: str) -> Path:
    path = seeds / f"{SEED.stem}.review.yaml"
    path.write_text(text, "utf-8")
    return path


def facts_of(doc: dict, kind: str, text: str) -> list[dict]:
    return [f for f in doc["facts"] if f["type"] == kind and f["text"] == text]


# --- applying ------------------------------------------------------------------------------

def test_drop_correct_and_add_are_applied_with_their_notes(seeds):
    raw = pipeline.process(seeds / SEED.name, apply_review=False).doc
    write_review(seeds, REVIEW)
    result = pipeline.process(seeds / SEED.name, f"seeds/{SEED.name}")
    doc = result.doc
    assert result.warnings == []
    assert not facts_of(doc, "quantity", "十戶") and facts_of(raw, "quantity", "十戶")
    assert doc["review"]["dropped_facts"][0]["note"] == "the families are not beneficiaries"
    money = facts_of(doc, "money", "約1240萬元")[0]
    assert (money["value"], money["approx"], money["reviewed"]) == (12400001, False, True)
    assert money["review"] == {"action": "correct", "note": "checked against the bureau's report",
                               "was": {"value": 12400000, "approx": True}}
    hotan = facts_of(doc, "place", "和田")
    assert len(hotan) == len(facts_of(raw, "place", "和田")) > 1
    assert all(f["name"]["en"] == "Hotan Prefecture" and f["name"]["code"] for f in hotan)
    added = facts_of(doc, "program", "教育脫貧攻堅戰")
    assert len(added) == 1 and added[0]["review"]["action"] == "add"
    paragraph = next(p["zh"] for s in doc["sections"] for p in s["paragraphs"] if p["id"] == added[0]["paragraph"])
    assert paragraph[added[0]["start"]:added[0]["end"]] == "教育脫貧攻堅戰"
    assert [f["id"] for f in doc["facts"]] == [f"f{n}" for n in range(1, len(doc["facts"]) + 1)]
    assert len(doc["facts"]) == len(raw["facts"]) - 1 + 1
    assert doc["review"]["file"] == f"seeds/{SEED.stem}.review.yaml"


def test_corrections_survive_changes_to_the_source(seeds):
    """Entries find facts by type, text and context, so new text before them changes nothing."""
    write_review(seeds, REVIEW)
    source = seeds / SEED.name
    lines = source.read_text("utf-8").splitlines()
    lines.insert(3, "新增的一段：某縣投入資金300萬元，新建學校5所，資助學生1000名。")
    source.write_text("\n".join(lines) + "\n", "utf-8")
    result = pipeline.process(source)
    assert result.warnings == []
    assert facts_of(result.doc, "money", "約1240萬元")[0]["value"] == 12400001
    assert facts_of(result.doc, "money", "300萬元") and not facts_of(result.doc, "quantity", "十戶")


def test_a_correction_whose_fact_is_gone_is_reported_not_dropped_silently(seeds, tmp_path):
    write_review(seeds, REVIEW)
    source = seeds / SEED.name
    source.write_text(source.read_text("utf-8").replace("約1240萬元", "約1300萬元"), "utf-8")
    result = pipeline.process(source, f"seeds/{SEED.name}")
    assert result.warnings == [f"seeds/{SEED.stem}.review.yaml: entry 2 (line 7, correct money '約1240萬元'): "
                               f"no such fact any more; not applied (update or remove the entry)"]
    assert result.doc["review"]["not_applied"][0]["entry"] == 2
    report = build_mod.build(tmp_path)
    assert report.built and any("no such fact any more" in w for w in report.warnings)


@pytest.mark.parametrize("entry, problem", [
    ("  - {action: correct, type: place, text: 和田, en: Hotan, note: x}", "matches; add 'context:'"),
    ("  - {action: correct, type: place, text: 和田, occurrence: 9, en: Hotan, note: x}",
     "occurrence 9 asked for but only"),
    ("  - {action: drop, type: money, text: 999萬元, note: x}", "no such fact any more"),
    ("  - {action: add, type: place, text: 火星, en: Mars, note: x}", "no such text any more"),
    ("  - {action: correct, type: money, text: 約1240萬元, value: null, note: x}",
     "the corrected fact would be invalid"),
    ("  - {action: add, type: money, text: 約1240萬元, value: 1, note: x}", "the extractor now finds this fact"),
])
def test_entries_that_cannot_be_applied_are_reported(seeds, entry, problem):
    write_review(seeds, "facts:\n" + entry + "\n")
    result = pipeline.process(seeds / SEED.name, f"seeds/{SEED.name}")
    assert len(result.warnings) == 1 and problem in result.warnings[0]
    assert result.warnings[0].startswith(f"seeds/{SEED.stem}.review.yaml: entry 1 (line 2, ")
    assert result.doc["review"]["not_applied"][0]["problem"] in result.warnings[0]


def test_two_entries_for_one_fact(seeds):
    write_review(seeds, "facts:\n  - {action: drop, type: quantity, text: 十戶, note: a}\n"
                        "  - {action: correct, type: quantity, text: 十戶, value: 11, note: b}\n")
    result = pipeline.process(seeds / SEED.name, "s.txt")
    assert len(result.warnings) == 1 and "the same fact as entry 1" in result.warnings[0]


def test_yaml_hostile_values_in_a_review_file_stay_strings(seeds):
    write_review(seeds, "facts:\n"
                        "  - action: correct\n    type: place\n    text: 和田\n    occurrence: 1\n"
                        "    en: NO\n    note: 10:30\n"
                        "  - action: correct\n    type: place\n    text: 會寧縣\n    occurrence: all\n"
                        "    en: 2024-03-01\n    note: on\n"
                        "  - action: correct\n    type: money\n    text: 約1240萬元\n    value: 010\n"
                        "    note: '!!python/object'\n")
    doc = pipeline.process(seeds / SEED.name).doc
    first_hotan = facts_of(doc, "place", "和田")[0]
    assert first_hotan["name"]["en"] == "NO" and first_hotan["review"]["note"] == "10:30"
    assert facts_of(doc, "place", "會寧縣")[0]["name"]["en"] == "2024-03-01"
    money = facts_of(doc, "money", "約1240萬元")[0]
    assert money["value"] == 10 and money["review"]["note"] == "!!python/object"
    files = render.render_site([doc])
    assert yaml.safe_load(files[f"facts/{ARTICLE}.yaml"].split("\n", 1)[1]) == doc


# --- checking ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, message", [
    ("facts:\n  - action: drop\n    type: money\n    text: x\n", "entry 1 (line 2): 'note' is a required property"),
    ("facts:\n  - {action: zap, type: money, text: x, note: n}\n", "entry 1 (line 2): action: 'zap' is not one of"),
    ("facts:\n  - {action: drop, type: cash, text: x, note: n}\n", "entry 1 (line 2): type: 'cash' is not one of"),
    ("facts:\n  - {action: correct, type: money, text: x, value: 12x, note: n}\n", "value: '12x' is not a number"),
    ("facts:\n  - {action: correct, type: money, text: x, approx: maybe, note: n}\n", "is not true or false"),
    ("facts:\n  - {action: correct, type: money, text: x, en: Money, note: n}\n", "'en' does not apply to money facts"),
    ("facts:\n  - {action: drop, type: money, text: x, value: 1, note: n}\n", "makes no sense when dropping"),
    ("facts:\n  - {action: correct, type: money, text: x, note: n}\n", "nothing to correct"),
    ("facts:\n  - {action: add, type: money, text: x, note: n}\n", "an added money fact needs a value"),
    ("facts:\n  - {action: drop, type: money, text: x, note: n, txt: y}\n", "('txt' was unexpected)"),
    ("facts:\n  - {action: drop, type: money, text: !!python/object:os.system x, note: n}\n", "is not allowed"),
    ("facts:\n  - {action: drop, type: money, text: &a x, note: *a}\n", "anchors and aliases"),
    ("facts:\n  - {action: drop, type: money, text: x, note: a, note: b}\n", "key 'note' given twice"),
    ("facts: [\n", "not valid YAML: line 2"),
    ("- just a list\n", "expected a mapping with a 'facts:' list"),
    ("review: policy-digest/review@2\nfacts: []\n", "review: 'policy-digest/review@1' was expected"),
    ("facts:\n  - {action: drop, type: money, text: x, note: n, occurrence: 0}\n", "entry 1 (line 2): occurrence"),
    (b"\xff\xfe broken".decode("latin-1"), "cannot read review file"),
])
def test_invalid_review_files_get_one_line_naming_file_and_entry(seeds, text, message):
    path = seeds / "x.review.yaml"
    if message == "cannot read review file":
        path.write_bytes(b"facts: [\xff\xfe]\n")
    else:
        path.write_text(text, "utf-8")
    with pytest.raises(review.ReviewError) as err:
        review.load(path, "seeds/x.review.yaml")
    line = str(err.value)
    assert "\n" not in line and line.startswith("seeds/x.review.yaml: ") and message in line, line


def test_empty_review_file_changes_nothing(seeds):
    raw = pipeline.process(seeds / SEED.name, apply_review=False).doc
    write_review(seeds, "# nothing reviewed yet\n")
    doc = pipeline.process(seeds / SEED.name).doc
    assert doc.pop("review") == {"file": str(seeds / f"{SEED.stem}.review.yaml"), "entries": 0,
                                 "dropped_facts": [], "not_applied": []}
    assert doc == raw


def test_an_invalid_review_file_stops_only_its_article(seeds, tmp_path):
    (seeds / "other.txt").write_text("另一篇文章\n2021年3月4日\n某县选派教师20名赴乡村学校支教。\n", "utf-8")
    write_review(seeds, "facts:\n  - {action: drop, type: money, text: x}\n")
    result = run_cli("build", "--root", str(tmp_path))
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert f"error: seeds/{SEED.stem}.review.yaml: entry 1 (line 2): 'note' is a required property" in result.stderr
    assert (tmp_path / "docs" / "digest" / "facts" / "2021-03-04-other.yaml").is_file()
    assert not (tmp_path / "docs" / "digest" / "facts" / f"{ARTICLE}.yaml").exists()


# --- shown on the page and applied by every command ------------------------------------------

def test_reviewed_facts_are_marked_on_the_pages(seeds, tmp_path):
    write_review(seeds, REVIEW)
    report = build_mod.build(tmp_path)
    assert report.built == [ARTICLE] and not report.problems
    out = tmp_path / "docs" / "digest" / "articles" / ARTICLE
    for lang, word in (("", "已审核"), (".en", "reviewed")):
        overview = BeautifulSoup((out / f"index{lang}.md").read_text("utf-8"), "html.parser")
        marks = overview.select("span.reviewed")
        assert {m.get_text() for m in marks} == {word}
        cells = [m.parent.get_text() for m in marks]
        assert any("12,400,001" in c for c in cells) and any("Hotan Prefecture" in c for c in cells)
        assert any("the prefecture, not the city" in m["title"] for m in marks)
        full = BeautifulSoup((out / f"full-text{lang}.md").read_text("utf-8"), "html.parser")
        dropped = full.select_one("table.review-dropped")
        assert "十戶" in dropped.get_text() and "the families are not beneficiaries" in dropped.get_text()
    zh_full = BeautifulSoup((out / "full-text.md").read_text("utf-8"), "html.parser")
    notes = " ".join(li.get_text() for li in zh_full.select("ul.review-notes li"))
    assert "missed by the extractor" in notes and "checked against the bureau's report" in notes


def test_pages_without_review_are_unchanged_by_the_review_marks(seeds):
    """The templates add review marks only where a fact is reviewed (compare with a review that
    touches nothing: identical pages)."""
    doc = pipeline.process(seeds / SEED.name).doc
    write_review(seeds, "facts: []\n")
    reviewed = pipeline.process(seeds / SEED.name).doc
    plain, marked = render.render_site([doc]), render.render_site([reviewed])
    assert {k: v for k, v in plain.items() if not k.startswith("facts/")} == \
        {k: v for k, v in marked.items() if not k.startswith("facts/")}


def test_extract_applies_the_review_and_no_review_shows_raw_facts(seeds, capsys):
    write_review(seeds, REVIEW)
    assert cli.main(["extract", str(seeds / SEED.name)]) == 0
    doc = yaml.safe_load(capsys.readouterr().out)
    assert facts_of(doc, "money", "約1240萬元")[0]["value"] == 12400001
    assert cli.main(["extract", "--no-review", str(seeds / SEED.name)]) == 0
    raw = yaml.safe_load(capsys.readouterr().out)
    assert facts_of(raw, "money", "約1240萬元")[0]["value"] == 12400000 and "review" not in raw


def test_every_build_applies_the_review(seeds, tmp_path):
    write_review(seeds, REVIEW)
    facts = tmp_path / "docs" / "digest" / "facts" / f"{ARTICLE}.yaml"
    for _ in range(2):
        assert run_cli("build", "--root", str(tmp_path)).returncode == 0
        doc = yaml.safe_load(facts.read_text("utf-8"))
        assert facts_of(doc, "money", "約1240萬元")[0]["value"] == 12400001


# --- generated files: marked, and hand edits detected ------------------------------------------

def test_generated_files_carry_a_header(tmp_path):
    root = copy_project(tmp_path)
    assert run_cli("build", cwd=root).returncode == 0
    out = root / "docs" / "digest"
    for path in out.rglob("*"):
        if path.is_file() and path.name != build_mod.MANIFEST:
            first = after_front_matter(path.read_text("utf-8")).splitlines()[0]
            assert render.GENERATED_NOTE in first and first.startswith(("<!--", "#")), path


def after_front_matter(text: str) -> str:
    """``text`` without a leading YAML front matter block (``---`` … ``---``)."""
    if text.startswith("---\n"):
        return text.split("\n---\n", 1)[1]
    return text


def test_hand_edited_generated_files_are_reported_and_left_alone(tmp_path):
    root = copy_project(tmp_path)
    assert run_cli("build", cwd=root).returncode == 0
    out = root / "docs" / "digest"
    page = out / "articles" / ARTICLE / "index.en.md"
    facts = out / "facts" / f"{ARTICLE}.yaml"
    page.write_text(page.read_text("utf-8") + "\nA note added by hand.\n", "utf-8")
    facts.write_text(facts.read_text("utf-8").replace("12400000", "12400009", 1), "utf-8")
    edited = {page: page.read_bytes(), facts: facts.read_bytes()}
    po = root / "seeds" / f"{SEED.stem}.en.po"
    po.write_text(po.read_text("utf-8").replace("Tianjin", "Tientsin"), "utf-8")   # changes every page
    result = run_cli("build", cwd=root)
    assert result.returncode == 0 and "Traceback" not in result.stderr
    for path in edited:
        assert f"warning: {path.relative_to(root)}: edited by hand since it was generated; left as it is" \
            in result.stderr
        assert path.read_bytes() == edited[path]
    assert "Tientsin" in (out / "articles" / ARTICLE / "full-text.en.md").read_text("utf-8")
    again = run_cli("build", cwd=root)                   # still reported, still kept
    assert f"{page.relative_to(root)}: edited by hand" in again.stderr and page.read_bytes() == edited[page]
    page.unlink()
    facts.unlink()
    final = run_cli("build", cwd=root)
    assert "edited by hand" not in final.stderr
    assert "Tientsin" in page.read_text("utf-8") and "12400000" in facts.read_text("utf-8")


def test_hand_edited_page_of_a_removed_article_is_kept(tmp_path):
    root = copy_project(tmp_path)
    extra = root / "seeds" / "second.txt"
    extra.write_text("第二篇文章\n2021年3月4日\n某县选派教师20名赴乡村学校支教。\n", "utf-8")
    assert run_cli("build", cwd=root).returncode == 0
    page = root / "docs" / "digest" / "articles" / "2021-03-04-second" / "index.md"
    page.write_text(page.read_text("utf-8") + "hand edit\n", "utf-8")
    extra.unlink()
    result = run_cli("build", cwd=root)
    assert result.returncode == 0
    assert f"{page.relative_to(root)}: its article is gone but the file was edited by hand; left as it is" \
        in result.stderr
    assert page.exists() and not (page.parent / "full-text.md").exists()


def test_files_the_generator_did_not_write_are_left_alone(tmp_path):
    root = copy_project(tmp_path)
    out = root / "docs" / "digest"
    mine = out / "articles" / ARTICLE / "index.md"
    mine.parent.mkdir(parents=True)
    mine.write_text("my own page\n", "utf-8")
    notes = out / "notes.md"
    notes.write_text("# Notes\n", "utf-8")
    result = run_cli("build", cwd=root)
    assert result.returncode == 0
    assert f"warning: {mine.relative_to(root)}: not written by the generator; left as it is" in result.stderr
    assert mine.read_text("utf-8") == "my own page\n" and notes.read_text("utf-8") == "# Notes\n"

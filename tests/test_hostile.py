"""Hostile text is shown as text: markup, template and Markdown syntax, YAML-hostile strings.

One project copy holds the seed and ``tests/hostile_article.py``'s article (with a hostile PO file
and review file); it is built with the generator and ``mkdocs build --strict``, then the facts
file and the HTML are parsed. The browser check (no script runs) is
``tests/browser/test_hostile_browser.py``.
"""
from __future__ import annotations

import filecmp
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import copy_project, run_cli
from generator import document
from hostile_article import (ARTICLE_ID, DROPPED, EDITOR, PARAGRAPHS, PUBLISHER, TITLE, TRANSLATIONS, URL,
                             YAML_HOSTILE, build_hostile_project, write_hostile)

PAGES = {
    "overview": f"digest/articles/{ARTICLE_ID}/index.html",
    "full_text": f"digest/articles/{ARTICLE_ID}/full-text/index.html",
    "articles": "digest/index.html",
    "projects": "digest/topics/projects/index.html",
}
PREFIX = {"zh": "", "en": "en/"}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    return build_hostile_project(tmp_path_factory.mktemp("hostile"))


def soup(root: Path, lang: str, name: str) -> BeautifulSoup:
    path = root / "site" / (PREFIX[lang] + PAGES[name])
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def facts(root: Path) -> dict:
    return yaml.safe_load((root / "docs" / "digest" / "facts" / f"{ARTICLE_ID}.yaml").read_text("utf-8"))


def all_strings(value):
    if isinstance(value, dict):
        for v in value.values():
            yield from all_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from all_strings(v)
    else:
        yield value


def test_facts_file_keeps_every_hostile_string_exactly(hostile):
    doc = facts(hostile)
    assert doc["title"] == {"zh": TITLE, "en": TRANSLATIONS[TITLE]}
    src = doc["source"]
    assert (src["url"], src["publisher"], src["editor"]) == (URL, PUBLISHER, EDITOR)
    paragraphs = {p["zh"]: p for s in doc["sections"] for p in s["paragraphs"]}
    headings = {s["heading"]["zh"] for s in doc["sections"] if s["heading"]}
    for text in PARAGRAPHS:
        assert text in paragraphs, text
    for text in YAML_HOSTILE:
        assert text in paragraphs or text in headings, text
    assert paragraphs[PARAGRAPHS[0]]["en"] == TRANSLATIONS[PARAGRAPHS[0]]
    assert paragraphs[PARAGRAPHS[5]]["en"] == "10:30"
    assert [d["text"] for d in doc["dropped"] if d["reason"] == "leftover markup"] == DROPPED
    notes = {f["review"]["note"] for f in doc["facts"] if f.get("reviewed")}
    assert notes == {"<script>window.__pwned=13</script> {{ x }} *y*", "&anchor"}
    added = next(f for f in doc["facts"] if f.get("review", {}).get("action") == "add")
    assert added["name"] == {"zh": "模板语法", "en": "NO"}
    # Nothing turned into a bool, a date, a number or None on the way.
    texts = [p["zh"] for p in paragraphs.values()] + sorted(headings)
    assert all(isinstance(t, str) for t in texts)
    document.validate(doc)
    assert yaml.safe_load(document.dump(doc)) == doc


def test_every_page_of_the_article_is_free_of_source_markup(hostile):
    for path in sorted((hostile / "site").rglob("*.html")):
        page = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        for tag in page.find_all(True):
            assert tag.name not in ("iframe", "object", "embed"), path
            assert not (tag.name == "img" and tag.get("src") == "x"), path
            for attr, value in tag.attrs.items():
                assert not attr.lower().startswith("on"), (path, tag.name, attr)
                if attr in ("href", "src", "action"):
                    assert not str(value).strip().lower().startswith("javascript:"), (path, tag)
            if tag.name == "script":
                assert "pwned" not in tag.get_text(), path
            if tag.name == "b":
                assert "onmouseover" not in str(tag.attrs), path


def article_text(page: BeautifulSoup) -> str:
    return page.find("article").get_text()


def test_chinese_full_text_shows_every_snippet_literally(hostile):
    page = soup(hostile, "zh", "full_text")
    text = article_text(page)
    for snippet in [TITLE, *PARAGRAPHS, *DROPPED, *YAML_HOSTILE, "<script>window.__pwned=13</script> {{ x }} *y*",
                    "&anchor"]:
        assert snippet in text, snippet
    assert page.find("h1").get_text().rstrip("¶") == TITLE


def test_english_pages_show_translations_and_untranslated_text_literally(hostile):
    page = soup(hostile, "en", "full_text")
    text = article_text(page)
    for snippet in [TRANSLATIONS[TITLE], TRANSLATIONS[PARAGRAPHS[0]], "10:30", *PARAGRAPHS[1:5]]:
        assert snippet in text, snippet
    assert page.find("h1").get_text().rstrip("¶") == TRANSLATIONS[TITLE]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_overview_metadata_is_text_and_the_link_is_the_exact_url(hostile, lang):
    page = soup(hostile, lang, "overview")
    meta = page.select_one("div.article-meta")
    assert PUBLISHER in meta.get_text() and f": {EDITOR}" in meta.get_text()
    assert {a["href"] for a in meta.find_all("a")} == {URL}
    title = TITLE if lang == "zh" else TRANSLATIONS[TITLE]
    assert page.find("h1").get_text().rstrip("¶") == title
    listing = soup(hostile, lang, "articles")
    assert title in listing.find("article").get_text()


def test_markdown_syntax_in_a_paragraph_stays_text(hostile):
    doc = facts(hostile)
    pid = next(p["id"] for s in doc["sections"] for p in s["paragraphs"] if p["zh"] == PARAGRAPHS[4])
    element = soup(hostile, "zh", "full_text").find(id=f"{ARTICLE_ID}-{pid}")
    assert element.get_text() == PARAGRAPHS[4]
    assert not element.find_all(["em", "strong", "code", "a", "h1", "h2", "hr", "blockquote", "ol", "li", "table"])


def test_template_syntax_is_not_evaluated(hostile):
    text = article_text(soup(hostile, "zh", "full_text"))
    assert "{{7*7}}" in text and "{{ config }}" in text and '{% include "base.html" %}' in text
    assert "49" not in text


def test_two_builds_of_the_hostile_project_are_byte_identical(hostile, tmp_path):
    other = copy_project(tmp_path)
    write_hostile(other / "seeds")
    assert run_cli("build", cwd=other).returncode == 0
    a, b = hostile / "docs" / "digest", other / "docs" / "digest"
    files = sorted(str(p.relative_to(a)) for p in a.rglob("*") if p.is_file())
    assert files == sorted(str(p.relative_to(b)) for p in b.rglob("*") if p.is_file())
    _, mismatch, errors = filecmp.cmpfiles(a, b, files, shallow=False)
    assert not mismatch and not errors

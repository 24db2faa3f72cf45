"""Search as a reader uses it: queries typed into the real site in Chromium (tests/search_intentions.yaml)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from .conftest import Served

INTENTIONS_FILE = Path(__file__).resolve().parents[1] / "search_intentions.yaml"
SEED_ID = "2019-12-23-000-e7d82218e8e66958"
INTENTIONS = yaml.safe_load(INTENTIONS_FILE.read_text("utf-8"))

# The result count line, once the worker has answered (placeholder and "initializing" differ).
_ANSWERED = """() => {
  const meta = document.querySelector('.md-search-result__meta')
  if (!meta) return false
  const t = JSON.parse(document.getElementById('__config').textContent).translations
  const text = meta.textContent.trim()
  return text === t['search.result.none'] || /\\d/.test(text)
}"""


def search(tab, site: Served, start: str, query: str) -> list[str]:
    """Type ``query`` into the search box of page ``start``; the result pages, best first.

    Text entered through an input method sends no keyup, and Material's search listens to
    keyup: after filling the box the events a browser sends when composition ends are sent.
    Returns site-relative page URLs (one per result group, query and fragment removed).
    """
    tab.goto(site.url(start))
    box = tab.page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    for event in ("compositionend", "input", "keyup"):
        box.dispatch_event(event)
    tab.page.wait_for_function(_ANSWERED, timeout=15000)
    tab.page.wait_for_timeout(200)      # a late second answer would replace the list
    hrefs = tab.page.eval_on_selector_all(
        ".md-search-result__list > .md-search-result__item",
        "items => items.map(i => i.querySelector('a.md-search-result__link').href)")
    pages: list[str] = []
    for href in hrefs:
        page = site.path(href)
        if page not in pages:
            pages.append(page)
    return pages


def _case_id(case: dict) -> str:
    return f"{case['script']}-{'en' if case['from'].startswith('en/') else 'zh'}-{case['query']}"


def _param(case: dict):
    marks = []
    if case.get("known_failure"):
        marks.append(pytest.mark.xfail(reason=case["known_failure"], strict=True))
    return pytest.param(case, id=_case_id(case), marks=marks)


def test_intentions_cover_both_languages_and_scripts():
    assert len(INTENTIONS) >= 20
    assert {c["script"] for c in INTENTIONS} == {"hant", "hans", "en"}
    assert {c["from"] for c in INTENTIONS} >= {"", "en/"}
    for case in INTENTIONS:
        assert set(case) <= {"query", "from", "script", "expect", "why", "known_failure"}, case
        assert case["query"] and case["expect"] and case["why"], case
    failures = [c for c in INTENTIONS if "known_failure" in c]
    assert len(failures) <= 2, "at most two known failures"
    assert all(isinstance(c["known_failure"], str) and len(c["known_failure"]) > 20 for c in failures)


@pytest.mark.parametrize("case", [_param(c) for c in INTENTIONS])
def test_search_intention(tab, root_site, case):
    expect = case["expect"].format(seed=SEED_ID)
    assert (root_site.site / expect / "index.html").is_file(), f"no page {expect}"
    top = search(tab, root_site, case["from"], case["query"])[:3]
    assert expect in top, f"{case['query']!r} from /{case['from']}: top three {top}"
    assert not tab.errors, tab.errors


def test_search_works_under_a_sub_path(tab, subpath_site):
    top = search(tab, subpath_site, "", "协作")[:3]
    assert f"digest/articles/{SEED_ID}/full-text/" in top
    top = search(tab, subpath_site, "en/", "Hotan")[:3]
    assert f"en/digest/articles/{SEED_ID}/full-text/" in top
    assert not tab.errors, tab.errors


def test_result_links_open_the_page(tab, root_site):
    """A result is a link to the page with the query to highlight, and it opens that page."""
    search(tab, root_site, "", "頂層設計")
    first = tab.page.locator(".md-search-result__item a.md-search-result__link").first
    href = first.get_attribute("href")
    assert re.search(r"\?h=", href), href
    first.click()
    tab.page.wait_for_load_state("load")
    assert root_site.path(tab.page.url) in (f"digest/articles/{SEED_ID}/full-text/",
                                            "digest/topics/institutional-framework/")
    assert not tab.errors, tab.errors

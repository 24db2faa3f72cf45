"""In Chromium: the hostile article's pages run no script of the source, in both languages.

Every script in ``tests/hostile_article.py`` would set ``window.__pwned`` (or load ``src=x``) if
escaping failed anywhere: page body, title, metadata, translations, review notes, search results.
"""
from __future__ import annotations

import functools
import http.server
import threading

import pytest

from hostile_article import ARTICLE_ID, PARAGRAPHS, TITLE, build_hostile_project

PAGES = [
    f"digest/articles/{ARTICLE_ID}/",
    f"digest/articles/{ARTICLE_ID}/full-text/",
    "digest/",
    "digest/topics/projects/",
    "digest/topics/deep-poverty-support/",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    root = build_hostile_project(tmp_path_factory.mktemp("hostile-browser"))
    handler = functools.partial(_QuietHandler, directory=str(root / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def _watch(tab) -> tuple[list[str], list[str]]:
    dialogs, requests = [], []

    def on_dialog(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    tab.page.on("dialog", on_dialog)
    tab.page.on("request", lambda r: requests.append(r.url))
    return dialogs, requests


@pytest.mark.parametrize("lang", ["", "en/"])
@pytest.mark.parametrize("path", PAGES)
def test_no_source_script_runs(tab, hostile_url, lang, path):
    dialogs, requests = _watch(tab)
    tab.goto(hostile_url + lang + path)
    tab.page.hover("article h1")
    # Any inline mouse handler that escaped escaping would run now.
    tab.page.evaluate("""() => document.querySelectorAll('*').forEach(e => {
        for (const type of ['mouseover', 'mouseenter', 'focus']) e.dispatchEvent(new Event(type, {bubbles: true}))
    })""")
    assert tab.page.evaluate("typeof window.__pwned") == "undefined"
    assert not dialogs
    assert not [url for url in requests if url.rstrip("/").endswith("/x") or url.startswith("javascript:")]


def test_hostile_text_is_visible_as_text(tab, hostile_url):
    tab.goto(hostile_url + f"digest/articles/{ARTICLE_ID}/full-text/")
    text = tab.page.inner_text("article")
    assert TITLE in text
    for snippet in PARAGRAPHS[:5]:
        assert snippet.replace("&nbsp; ", "&nbsp; ") in text, snippet
    assert tab.page.evaluate("typeof window.__pwned") == "undefined"


def test_search_results_show_hostile_text_without_running_it(tab, hostile_url):
    dialogs, requests = _watch(tab)
    tab.goto(hostile_url + "digest/")
    box = tab.page.locator("input.md-search__input")
    box.click()
    box.fill("onerror")
    for event in ("compositionend", "input", "keyup"):    # as tests/browser/test_search.py does
        box.dispatch_event(event)
    tab.page.wait_for_selector(".md-search-result__item", timeout=15000)
    tab.page.wait_for_timeout(500)
    assert "onerror" in tab.page.inner_text(".md-search-result")
    assert tab.page.evaluate("typeof window.__pwned") == "undefined"
    assert not dialogs
    assert not [url for url in requests if url.rstrip("/").endswith("/x")]

"""Switching language in a real browser: the switcher, hreflang links, <html lang>, 404 pages,
console errors; on the site served at / and under a sub-path (/digest/)."""
from __future__ import annotations

import urllib.error
import urllib.request

import pytest
import yaml
from bs4 import BeautifulSoup

from .conftest import Served, counterpart, site_pages

SEED_ID = "2019-12-23-000-e7d82218e8e66958"
# Every page type: home, article list, overview, full text, topic pages, about, 404.
PAGE_TYPES = {
    "home": "",
    "articles": "digest/",
    "overview": f"digest/articles/{SEED_ID}/",
    "full_text": f"digest/articles/{SEED_ID}/full-text/",
    "topic": "digest/topics/projects/",
    "about": "about/",
    "404": "404.html",
}


def fetch(url: str) -> int:
    """HTTP status of ``url`` (redirects followed)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def html_of(site: Served, page: str) -> BeautifulSoup:
    path = site.site / (page if page.endswith(".html") else page + "index.html")
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def switch_language(tab, site: Served, lang: str) -> str:
    """Open the language selector and choose ``lang``; returns the page reached (site-relative)."""
    page = tab.page
    page.locator(".md-header__option .md-select").hover()
    link = page.locator(f".md-select__link[hreflang={lang}]")
    link.wait_for(state="visible")
    with page.expect_navigation(wait_until="load"):
        link.click()
    page.wait_for_load_state("networkidle")
    return site.path(page.url)


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_switcher_round_trip(tab, any_site, name):
    zh = PAGE_TYPES[name]
    en = counterpart(zh)
    tab.goto(any_site.url(zh))
    assert switch_language(tab, any_site, "en") == en
    assert tab.page.locator("html").get_attribute("lang") == "en"
    assert switch_language(tab, any_site, "zh") == zh
    assert tab.page.locator("html").get_attribute("lang").startswith("zh")
    assert not tab.errors, tab.errors


def test_every_page_has_both_languages_and_hreflang_targets_exist(any_site):
    pages = site_pages(any_site.site)
    assert len(pages) >= 9      # home, list, overview, full text, 3 topics, about, 404
    for zh in pages:
        for page in (zh, counterpart(zh)):
            soup = html_of(any_site, page)
            url = any_site.url(page)
            links = {l["hreflang"]: l["href"] for l in soup.find_all("link", rel="alternate", hreflang=True)}
            switcher = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link[hreflang]")}
            assert set(links) == {"zh", "en"} == set(switcher), page
            for lang, target in (*links.items(), *switcher.items()):
                absolute = urllib.request.urljoin(url, target)
                expected = page if (lang == "en") == page.startswith("en/") else counterpart(page)
                assert any_site.path(absolute) == expected, (page, lang, target)
                assert fetch(absolute) == 200, absolute


def test_html_lang_is_the_language_of_the_page(root_site):
    for zh in site_pages(root_site.site):
        assert html_of(root_site, counterpart(zh)).html["lang"] == "en", zh
        assert html_of(root_site, zh).html["lang"].startswith("zh"), zh


@pytest.mark.parametrize("page", [f"digest/articles/{SEED_ID}/", f"digest/articles/{SEED_ID}/full-text/"])
def test_html_lang_of_an_article_page_is_its_script(root_site, page):
    """zh-Hant or zh-Hans as the article's `source.script`, through the page's `lang` front matter."""
    facts = yaml.safe_load((root_site.root / "docs" / "digest" / "facts" / f"{SEED_ID}.yaml").read_text("utf-8"))
    expected = {"hant": "zh-Hant", "hans": "zh-Hans"}[facts["source"]["script"]]
    assert html_of(root_site, page).html["lang"] == expected


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_language_has_its_own_styled_404_page(tab, any_site, lang):
    page = "404.html" if lang == "zh" else "en/404.html"
    response = tab.goto(any_site.url(page))
    assert response.status == 200
    html = tab.page.locator("html")
    assert html.get_attribute("lang").startswith(lang)
    heading = tab.page.locator("article h1").inner_text()
    assert heading == ("页面不存在" if lang == "zh" else "Page not found")
    # styled: Material's stylesheet applied (header coloured, not the browser default)
    colour = tab.page.eval_on_selector(".md-header", "el => getComputedStyle(el).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent"), colour
    home = tab.page.locator("article a").first.get_attribute("href")
    assert fetch(urllib.request.urljoin(any_site.url(page), home)) == 200
    assert not tab.errors, tab.errors


def test_a_missing_address_gets_the_404_page_with_its_styles(tab, any_site):
    """Served (as by GitHub Pages) at any depth: links and styles are absolute."""
    missing = any_site.url("en/digest/no-such-article/")
    response = tab.goto(missing)
    assert response.status == 404
    assert tab.page.locator("article h1").inner_text() == "页面不存在"
    colour = tab.page.eval_on_selector(".md-header", "el => getComputedStyle(el).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent"), colour
    english = tab.page.locator("article p[lang=en] a").get_attribute("href")
    assert any_site.path(urllib.request.urljoin(missing, english)) == "en/"
    # the only console error is the missing page itself
    assert all(missing in e for e in tab.errors), tab.errors


def test_no_console_errors_on_any_page(tab, any_site):
    for zh in site_pages(any_site.site):
        for page in (zh, counterpart(zh)):
            tab.goto(any_site.url(page))
    assert not tab.errors, tab.errors

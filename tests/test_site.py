"""The built site, parsed: pages in both languages, switcher, facts marks and downloads."""
from __future__ import annotations

import filecmp
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import copy_project, run_cli

ARTICLE = "2019-12-23-000-e7d82218e8e66958"
PAGES = {
    "overview": f"digest/articles/{ARTICLE}/index.html",
    "full_text": f"digest/articles/{ARTICLE}/full-text/index.html",
    "institutional_framework": "digest/topics/institutional-framework/index.html",
    "projects": "digest/topics/projects/index.html",
    "deep_poverty_support": "digest/topics/deep-poverty-support/index.html",
}
LANG_PREFIX = {"zh": "", "en": "en/"}


def page(site: Path, lang: str, name: str) -> BeautifulSoup:
    path = site / "site" / (LANG_PREFIX[lang] + PAGES.get(name, name))
    assert path.is_file(), path
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def local_target(site: Path, page_path: str, href: str) -> Path:
    """File that a relative ``href`` on ``page_path`` (relative to site/) resolves to."""
    url = urlparse(urljoin("http://site/" + page_path, href))
    path = url.path.lstrip("/")
    target = site / "site" / path
    return target / "index.html" if path.endswith("/") or not path else target


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", PAGES)
def test_page_exists_with_the_right_html_lang(built_site, lang, name):
    soup = page(built_site, lang, name)
    expected = {"zh": "zh-Hant" if name in ("overview", "full_text") else "zh-Hans", "en": "en"}[lang]
    assert soup.html["lang"] == expected        # the seed is Traditional; site text is Simplified
    assert soup.find("h1").get_text(strip=True)
    assert soup.title.get_text().startswith(soup.find("h1").get_text(strip=True).rstrip("¶")[:10])


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", PAGES)
def test_language_switcher_goes_to_the_same_page(built_site, lang, name):
    soup = page(built_site, lang, name)
    other = "en" if lang == "zh" else "zh"
    link = soup.find("a", class_="md-select__link", hreflang=other)
    target = local_target(built_site, LANG_PREFIX[lang] + PAGES[name], link["href"])
    assert target == built_site / "site" / (LANG_PREFIX[other] + PAGES[name])
    alternate = soup.find("link", rel="alternate", hreflang=other)
    assert local_target(built_site, LANG_PREFIX[lang] + PAGES[name], alternate["href"]) == target


def test_english_pages_of_the_seed_have_no_untranslated_paragraph(built_site):
    for name in PAGES:
        soup = page(built_site, "en", name)
        assert not soup.select(".untranslated"), name
    full = page(built_site, "en", "full_text")
    assert "Hotan" in full.get_text()
    assert full.find("h1").get_text(strip=True).startswith("Tianjin")


def test_english_headings_and_labels_are_english(built_site):
    soup = page(built_site, "en", "overview")
    headings = [h.get_text(strip=True).rstrip("¶") for h in soup.select("article h2")]
    assert "Key figures" in headings and "Places" in headings
    places = {tr.find_all("td")[0].get_text(strip=True): tr.find_all("td")[1].get_text(strip=True)
              for tr in soup.select("table.names-place tbody tr")}
    assert places["和田"].startswith("Hotan")
    assert places["會寧縣"] == "Huining County"


def test_overview_key_figures_link_to_their_sentence(built_site):
    for lang in ("zh", "en"):
        soup = page(built_site, lang, "overview")
        rows = soup.select("table.key-figures tbody tr")
        texts = [r.find("td").get_text() for r in rows]
        assert "約1240萬元" in texts and "十戶" in texts
        full = page(built_site, lang, "full_text")
        for row in rows:
            href = row.find("a")["href"]
            anchor = href.split("#", 1)[1]
            target = full.find(id=anchor)
            assert target is not None, (lang, href)
            assert row.find("td").get_text() in target.get_text()


def test_full_text_marks_facts_and_drops_page_junk(built_site):
    soup = page(built_site, "zh", "full_text")
    marks = soup.select("article mark.fact")
    assert {"fact-money", "fact-quantity", "fact-place", "fact-organization",
            "fact-document", "fact-program"} <= {c for m in marks for c in m["class"]}
    money = next(m for m in marks if m.get_text() == "約1240萬元")
    assert "fact-money" in money["class"]
    body = soup.find("article")
    paragraphs = " ".join(p.get_text() for p in body.select("p.source-paragraph"))
    assert "TOP↑" not in paragraphs and "責任編輯" not in paragraphs


def test_topic_pages_show_their_sections(built_site):
    expected = {"institutional_framework": "逐級壓實責任", "projects": "369名",
                "deep_poverty_support": "控輟保學"}
    for name, snippet in expected.items():
        assert snippet in page(built_site, "zh", name).find("article").get_text(), name


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_facts_file_is_offered_for_download(built_site, lang):
    soup = page(built_site, lang, "overview")
    link = next(a for a in soup.select("article a") if a["href"].endswith(".yaml"))
    target = local_target(built_site, LANG_PREFIX[lang] + PAGES["overview"], link["href"])
    doc = yaml.safe_load(target.read_text("utf-8"))
    assert doc["id"] == ARTICLE and doc["schema"] == "policy-digest/facts@1"


def test_search_index_holds_segmented_chinese(built_site):
    index = (built_site / "site" / "search" / "search_index.json").read_text("utf-8")
    assert "\u200b" in index     # jieba's word boundaries


def test_two_builds_are_byte_identical(built_site, tmp_path):
    other = copy_project(tmp_path)
    assert run_cli("build", cwd=other).returncode == 0
    a, b = built_site / "docs" / "digest", other / "docs" / "digest"
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert files_a == files_b and files_a
    _, mismatch, errors = filecmp.cmpfiles(a, b, [str(p) for p in files_a], shallow=False)
    assert not mismatch and not errors


def test_build_removes_pages_of_articles_no_longer_in_seeds(tmp_path):
    root = copy_project(tmp_path)
    extra = root / "seeds" / "second.txt"
    extra.write_text("第二篇文章\n2021年3月4日\n某县选派教师20名赴乡村学校支教。\n", "utf-8")
    assert run_cli("build", cwd=root).returncode == 0
    page_dir = root / "docs" / "digest" / "articles" / "2021-03-04-second"
    assert (page_dir / "index.en.md").is_file()
    extra.unlink()
    result = run_cli("build", cwd=root)
    assert result.returncode == 0
    assert not page_dir.exists()
    assert not (root / "docs" / "digest" / "facts" / "2021-03-04-second.yaml").exists()
    assert (root / "docs" / "digest" / "articles" / ARTICLE / "index.md").is_file()


def test_mkdocs_build_is_strict_clean(built_site):
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=built_site,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0
    # Material's end-of-life banner mentions NO_MKDOCS_2_WARNING; real warnings start the line.
    assert not [ln for ln in result.stderr.splitlines() if ln.startswith("WARNING")]

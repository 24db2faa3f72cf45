"""The search index the build writes, and the segmentation behind it (no browser needed)."""
from __future__ import annotations

import json
import re
from functools import lru_cache

import pytest

from generator import script, search_index, site_languages

SEED_ID = "2019-12-23-000-e7d82218e8e66958"


@lru_cache(maxsize=1)
def segmenter() -> search_index.Segmenter:
    return search_index.Segmenter()


def index_of(site_root) -> dict:
    return json.loads((site_root / "site" / "search" / "search_index.json").read_text("utf-8"))


def test_index_holds_the_words_a_reader_types(built_site):
    index = index_of(built_site)
    separator = index["config"]["separator"]
    tokens = set()
    for doc in index["docs"]:
        tokens |= search_index.index_tokens(doc["title"], separator)
        tokens |= search_index.index_tokens(doc["text"], separator)
    for word in ("扶貧", "責任", "協作", "頂層設計", "和田", "壓實", "控輟保學", "扶貧協作", "會寧縣",
                 "天津", "甘肅", "職業教育"):
        assert word in tokens, word
    assert "實責任" not in tokens      # jieba's cut of the Traditional text, before


def test_index_entries_hold_one_language(built_site):
    index = index_of(built_site)
    han = re.compile(f"[{search_index.HAN}]")
    latin = re.compile(r"[A-Za-z]{2,}")
    for doc in index["docs"]:
        text = re.sub(r"<[^>]*>|&#?\w+;", " ", doc["text"])
        if doc["location"].startswith("en/"):
            assert not han.search(text), doc["location"]
        else:
            assert not latin.search(text), (doc["location"], latin.findall(text)[:5])


def test_every_page_of_the_index_has_its_page_entry(built_site):
    """Material groups results under the page's own entry; a missing one shows as 'undefined'."""
    locations = [d["location"] for d in index_of(built_site)["docs"]]
    pages = {loc.split("#")[0] for loc in locations}
    for page in pages:
        first = next(loc for loc in locations if loc.split("#")[0] == page)
        assert first == page, f"{page}: first entry is {first}"
    assert f"en/digest/articles/{SEED_ID}/full-text/" in pages


def test_search_config_uses_the_bilingual_zh_plugin(built_site):
    index = index_of(built_site)
    assert index["config"]["lang"] == ["zh"]
    plugin = (built_site / "site" / search_index.LUNR_ZH_PATH).read_text("utf-8")
    assert "policy-digest" in plugin and "lunr.zh.stemmer" in plugin


def test_traditional_and_simplified_are_cut_alike():
    seg = segmenter()
    trad = "市教育兩委注重調查研究加強頂層設計逐級壓實責任確保工作落實"
    simp = script.t2s(trad)
    assert len(simp) == len(trad)
    assert [len(w) for w in seg.words(trad)] == [len(w) for w in seg.words(simp)]
    words = seg.words(trad)
    assert "責任" in words and "壓實" in words and "頂層設計" in words


def test_glossary_and_gazetteer_names_are_kept_whole():
    seg = segmenter()
    assert any(s.startswith("glossary:") and "not found" not in s for s in seg.lexicon.sources)
    assert any(s.startswith("gazetteer:") and "not available" not in s for s in seg.lexicon.sources)
    sep = r"[\s\u200b]+"
    assert {"東西部扶貧協作", "扶貧協作", "協作"} <= search_index.index_tokens(seg.segment("東西部扶貧協作和對口支援工作"), sep)
    assert "市教育兩委" in seg.words("市教育兩委認真貫徹")        # a glossary organisation
    assert "和田" in search_index.index_tokens(seg.segment("新疆和田地區天津高級中學"), sep)


def test_compound_words_keep_their_parts():
    seg = segmenter()
    assert seg.parts("扶貧協作") == ["扶貧", "協作"]
    assert seg.parts("責任") == ["責任"]
    assert seg.parts("董曉娟") == ["董曉娟"]
    marked = seg.segment("東西部扶貧協作")
    assert search_index.PART_JOIN in marked
    assert search_index.index_tokens(marked, r"[\s\u200b]+") >= {"東西部扶貧協作", "扶貧協作", "扶貧", "協作"}
    assert search_index.compound_forms("扶貧\u200c協作") == ["扶貧協作", "扶貧", "協作"]


def test_segmentation_is_idempotent_and_keeps_the_text():
    seg = segmenter()
    text = "<p>天津市教育兩委全力打好教育脫貧攻堅戰, 2019年12月23日</p>"
    once = seg.segment(text)
    assert seg.segment(once) == once
    assert once.replace(search_index.WORD_BREAK, "").replace(search_index.PART_JOIN, "") == text


def test_without_a_glossary_or_gazetteer_jieba_still_cuts(monkeypatch):
    """The name sources are optional: segmentation degrades to jieba's dictionary."""
    lexicon = search_index.Lexicon(frozenset(), frozenset(), ("glossary: not found",))
    seg = search_index.Segmenter(lexicon)
    assert "責任" in seg.words("逐級壓實責任")


def test_lunr_plugin_tables_convert_one_character_for_one():
    t2s, s2t = search_index.script_tables()
    assert t2s["協"] == "协" and s2t["协"] == "協"
    assert all(len(k) == 1 and len(v) == 1 for k, v in {**t2s, **s2t}.items())
    js = search_index.lunr_zh_js()
    assert js == search_index.lunr_zh_js()      # deterministic


@pytest.mark.parametrize("html, lang, excluded", [
    ('<p lang="zh-Hant">原文</p>', "en", True),
    ('<p lang="zh-Hant">原文</p>', "zh", False),
    ('<td lang="en">Hotan</td>', "zh", True),
    ('<a hreflang="en" href="x">English</a>', "zh", False),
    ('<span lang="zh-Hans" data-search-exclude>x</span>', "en", True),
])
def test_other_language_elements_are_left_out_of_search(html, lang, excluded):
    out = site_languages.mark_other_language(html, lang)
    assert ("data-search-exclude" in out) is excluded
    assert out.count("data-search-exclude") <= 1


def test_page_language_comes_from_front_matter_or_suffix():
    assert site_languages.page_language("digest/index.en.md", "zh") == "en"
    assert site_languages.page_language("digest/index.md", "zh") == "zh"
    assert site_languages.page_language("digest/index.md", "zh", "zh-Hant") == "zh"


def test_amounts_are_one_word_with_their_number():
    """Material keeps a query like 1240萬元 as one term: the index has it, and its parts."""
    marked = segmenter().segment("約1240萬元")
    assert marked.split(search_index.WORD_BREAK) == ["約", "", "1240" + search_index.PART_JOIN + "萬元"]
    assert search_index.compound_forms("1240" + search_index.PART_JOIN + "萬元") == ["1240萬元", "1240", "萬元"]


def test_names_extracted_from_the_articles_are_kept_whole(built_site):
    facts = sorted((built_site / "docs" / "digest" / "facts").glob("*.yaml"))
    names = search_index.facts_names(facts)
    assert "教育裝備網" in names and "市教育兩委" in names
    seg = search_index.Segmenter(search_index.load_lexicon(names))
    assert "教育裝備網" in seg.words("來源教育裝備網")

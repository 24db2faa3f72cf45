"""Place layer: provinces, prefectures, counties, townships and villages named in a paragraph.

Matching runs on the folded text (Simplified, half-width), so 會寧縣 is found as 会宁县 with the
source offsets. Candidates come from the gazetteer (``names/gazetteer.py``: full names, short
forms such as 黄南州 or 天祝县, abbreviations such as 甘肃 or 和田, township and village names of
the data) and from one pattern for villages missing from the data (X村 before 村民/村委…). The
longest candidate wins an overlap. Acceptance, by how safe the written form is:

- full and suffixed names of three or more characters (甘肃省, 会宁县, 黄南州): always;
- abbreviations and two-character full names: only at word boundaries (jieba), and not when the
  word is mainly an ordinary word (jieba dictionary: 合作, 和平, 大方);
- a county's bare abbreviation (阜平, 民乐): also only when the article names its province or
  prefecture (context), so that 河西 or 江南 in running text stay words;
- township and village names (四开乡, 华溪村): at a word boundary or right after another place,
  and not when the whole name is a dictionary word (小山村).

Names inside an organisation (承德应用技术学院), a 《》 title or a quoted programme name belong to
that name and are not emitted. Broad regions (三区三州, 中西部) are not in the gazetteer.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

import jieba
import jieba.posseg

from ..model import Article, Fact, Name, Paragraph
from ..names import gazetteer
from ..script import fold
from . import organizations, programs
from .organizations import BLOCK, block_bounds
from .documents import title_spans
from .memo import ArticleCache, article_key

_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")

#: Village names missing from the data, recognised by what follows them (白银湖村村民).
VILLAGE_BY_CONTEXT = re.compile(r"(?=([\u4e00-\u9fff]{2,4}村)(?:村民|村委|村党|村两委|村干部|村支书))")

#: jieba dictionary tags of place and proper names; other tags with a high count mark an
#: ordinary word (合作 vn 13478, 大方 n 559). Proper-name tags are unreliable for places (拉萨 nrt
#: 568), so only a very high count makes such a word ordinary (和平 nz 7998, 武功 nr 7887).
PLACE_TAGS = {"ns", "nsf"}
PROPER_TAGS = {"nr", "nrt", "nz", "nrfg", "nr1", "nr2"}
COMMON_COUNT = 100
PROPER_COUNT = 1000

#: Abbreviations of units that are far more often everyday words and that the counts above miss
#: (来宾 guests, 安康 well-being, 白银 silver, 阿里 Alibaba, 比如 for example).
ORDINARY_WORDS = frozenset("来宾 安康 白银 阿里 比如 新华 东方 光明 长安 大同 江南 城关 前进 向阳 胜利 解放 团结 "
                           "红星 文化 和谐 幸福 民主 友谊 新兴 兴业 长寿 永安 吉利".split())


class _Bounds:
    """Offsets where a jieba word starts or ends in ``folded``; ``pos in bounds`` segments only
    the block holding ``pos``. Block edges and the ends of the text are boundaries."""

    def __init__(self, folded: str):
        self.blocks = [m.span() for m in BLOCK.finditer(folded)]
        self.folded = folded

    def __contains__(self, pos: int) -> bool:
        for start, end in self.blocks:
            if start < pos < end:
                return pos - start in block_bounds(self.folded[start:end])
        return True


def is_common_word(word: str) -> bool:
    """True when jieba's dictionary knows ``word`` mainly as an ordinary word, not a place.

    Rule: ``ORDINARY_WORDS`` always; tag ``ns`` never; proper-name tags (nr, nz…) from a count of
    ``PROPER_COUNT``; any other tag from ``COMMON_COUNT``. Source: jieba's dict.txt counts and tags.
    """
    if word in ORDINARY_WORDS:
        return True
    count = jieba.dt.FREQ.get(word, 0)
    tag = jieba.posseg.dt.word_tag_tab.get(word)
    if not count or tag in PLACE_TAGS:
        return False
    return count >= (PROPER_COUNT if tag in PROPER_TAGS else COMMON_COUNT)


def _unit_ok(key: str, hits, context: frozenset[str], at_bounds: Callable[[], bool]) -> bool:
    """Acceptance of a province-, prefecture- or county-level form (see the module docstring).

    ``at_bounds()`` tells whether the form starts and ends at word boundaries; it is asked last,
    for forms that pass every other test, since it segments the text.
    """
    if len(key) >= 3 and any(h.form in ("full", "suffixed", "old") for h in hits):
        return True
    best = gazetteer.resolve(key, context)
    if best.unit.level == "province":
        ok = True
    elif is_common_word(key):
        ok = False
    elif best.unit.level == "prefecture":
        ok = True
    else:
        # Counties written short (阜平) or with a two-character full name (和县, 云县) need context.
        ok = _in_context(best.unit, context)
    return ok and at_bounds()


def _in_context(unit: gazetteer.Unit, context: frozenset[str]) -> bool:
    """True when ``context`` holds the unit itself, its prefecture (or a unit in it) or its
    province."""
    code = unit.code or ""
    return any(other == code or other[:4] == code[:4] or (other.endswith("0000") and other[:2] == code[:2])
               for other in context)


def _local_ok(folded: str, start: int, end: int, bounds: _Bounds, after_place: bool,
              before_place: bool) -> bool:
    name = folded[start:end]
    if jieba.dt.FREQ.get(name):
        return False
    # 新建乡村幼儿园: 新建乡 is a township somewhere, but here 乡 opens the word 乡村.
    # (Cheap conditions first: ``in bounds`` segments the text.)
    if end != len(folded) and not before_place and end not in bounds:
        return False
    return after_place or start in bounds or not _HAN_CHAR.match(folded[start - 1:start] or " ")


@lru_cache(maxsize=512)
def _bounds(folded: str) -> _Bounds:
    # Cached: both passes over a paragraph (article_context, article_places) ask.
    return _Bounds(folded)


@lru_cache(maxsize=512)
def _candidates(folded: str) -> tuple[tuple[int, int, str], ...]:
    # Place-like substrings of ``folded`` (gazetteer forms, villages by context), longest first
    # then leftmost: the order in which ``_accepted`` takes them.
    cands = gazetteer.scan(folded)
    bounds = _bounds(folded)
    # The search tries every Han character; most paragraphs name no village at all.
    for m in VILLAGE_BY_CONTEXT.finditer(folded) if "村" in folded else ():
        start, end = m.start(1), m.end(1)
        # Shortest stem that starts a word: 来到华溪村 -> 华溪村, not 来到华溪村.
        for s in range(end - 3, start - 1, -1):
            if s in bounds or s == start and not _HAN_CHAR.match(folded[s - 1:s] or " "):
                cands.append((s, end, "village"))
                break
    return tuple(sorted(cands, key=lambda c: (c[0] - c[1], c[0])))


def matches(text: str, context: frozenset[str] = frozenset(),
            blocked: tuple[tuple[int, int], ...] = ()) -> list[tuple[int, int, Name]]:
    """Places in ``text`` (any script): ``[(start, end, Name)]`` in source order.

    Args:
        text: the text to search; offsets are offsets of ``text``.
        context: GB/T codes of places named elsewhere in the article (for counties' bare
            abbreviations and for choosing among units that share a name).
        blocked: spans whose places belong to another name (organisations, titles, programmes).
    Returns:
        one ``(start, end, Name(zh, en, code))`` per accepted mention.
    """
    folded = fold(text)
    out = []
    for start, end, hit in _accepted(folded, context, blocked):
        if hit is not None:
            name = Name(zh=text[start:end], en=gazetteer.english(hit), code=hit.unit.code)
        else:
            name = Name(zh=text[start:end], en=gazetteer.local_english(folded[start:end]), code=None)
        out.append((start, end, name))
    return sorted(out, key=lambda c: c[0])


def _accepted(folded: str, context: frozenset[str],
              blocked: tuple[tuple[int, int], ...]) -> list[tuple[int, int, gazetteer.Hit | None]]:
    """The mentions ``matches`` accepts in folded text, longest first: ``(start, end, hit)`` with
    the unit's reading, or None for a township or village (English is left to the caller)."""
    bounds = _bounds(folded)
    idx = gazetteer.index()
    chosen: list[tuple[int, int, gazetteer.Hit | None]] = []
    cands = _candidates(folded)
    local_starts = {s for s, _, kind in cands if kind != "unit"}
    for start, end, kind in cands:
        if any(start < e and s < end for s, e, _ in chosen):
            continue
        if any(start < e and s < end for s, e in blocked):
            continue
        key = folded[start:end]
        after_place = any(e == start for _, e, _ in chosen)
        if kind == "unit":
            def at_bounds() -> bool:
                return (after_place or start in bounds) and (end == len(folded) or end in bounds)

            if not _unit_ok(key, idx[key], context, at_bounds):
                continue
            chosen.append((start, end, gazetteer.resolve(key, context)))
        else:
            if kind == "local" and not _local_ok(folded, start, end, bounds, after_place,
                                                 end in local_starts):
                continue
            chosen.append((start, end, None))
    return chosen


_CONTEXT: ArticleCache = ArticleCache()  # {article key: frozenset of GB/T codes}


def article_context(article: Article) -> frozenset[str]:
    """Codes of the places an article names without needing context (title and paragraphs).

    Cached per article (id and source hash).
    """
    key = article_key(article)
    if key not in _CONTEXT:
        codes: set[str] = set()
        for text in (article.title, *(p.zh for p in article.paragraphs())):
            # Only the codes count here: no Name (and no English) is made.
            for _, _, hit in _accepted(fold(text or ""), frozenset(), ()):
                if hit is not None and hit.unit.code:
                    codes.add(hit.unit.code)
        _CONTEXT[key] = frozenset(codes)
    return _CONTEXT[key]


def blocked_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of ``text`` whose places belong to a longer name: organisations, 《》 titles,
    quoted programme names."""
    return organizations.spans(text) + title_spans(text) + programs.spans(text)


_BY_ARTICLE: ArticleCache = ArticleCache()  # {article key: {paragraph id: [(start, end, Name)]}}


def article_places(article: Article) -> dict[str, list[tuple[int, int, Name]]]:
    """Places of every paragraph of ``article``: ``{paragraph id: [(start, end, Name)]}``.

    One place has one ``Name`` in the whole article (CONTRACT.md: "the same place named five times
    is five facts with one name"): the name as first written, keyed by GB/T code (townships and
    villages by their written name), so 和田 and a later 和田地区 both carry ``Name(zh=和田,
    en=Hotan, code=653200)`` while each fact's ``text`` keeps what the paragraph says.
    """
    key = article_key(article)
    if key not in _BY_ARTICLE:
        context = article_context(article)
        first: dict[str, Name] = {}
        per: dict[str, list[tuple[int, int, Name]]] = {}
        for para in article.paragraphs():
            found = []
            for s, e, name in matches(para.zh, context, blocked_spans(para.zh)):
                canonical = first.setdefault(name.code or fold(name.zh), name)
                found.append((s, e, replace(canonical)))
            per[para.id] = found
        _BY_ARTICLE[key] = per
    return _BY_ARTICLE[key]


def find(paragraph: Paragraph, article: Article) -> list[Fact]:
    """Place facts of one paragraph, in source order, one per mention.

    Args:
        paragraph: the paragraph (any script); offsets index ``paragraph.zh``.
        article: the whole article, read for context (places named elsewhere in it) and for the
            one name per place (see ``article_places``); a paragraph that is not part of it is
            searched on its own.
    Returns:
        ``Fact(type="place", text=as written, name=Name(zh=as first written in the article,
        en=English, code=GB/T 2260 code or None))``; English and code from ``names/gazetteer.py``.
    """
    text = paragraph.zh
    known = article_places(article)
    if paragraph.id in known and any(p is paragraph or (p.id == paragraph.id and p.zh == text)
                                     for p in article.paragraphs()):
        found = known[paragraph.id]
    else:
        found = matches(text, article_context(article), blocked_spans(text))
    return [Fact(type="place", text=text[s:e], paragraph=paragraph.id, start=s, end=e, name=name)
            for s, e, name in found]

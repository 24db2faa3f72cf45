"""Place layer: provinces, prefectures, counties, townships and villages named in a paragraph.

Matching runs on the folded text (Simplified, half-width), so 會寧縣 is found as 会宁县 with the
source offsets. Candidates come from the gazetteer (``names/gazetteer.py``: full names, short
forms such as 黄南州 or 天祝县, abbreviations such as 甘肃 or 和田, township and village names of
the data) and from one pattern for villages missing from the data (X村 before 村民/村委…). The
longest candidate wins an overlap. Acceptance, by how safe the written form is:

- full and suffixed names of three or more characters (甘肃省, 会宁县, 黄南州): always;
- a county's two-character full name (单县, 歙县: a one-character short name + 县): at word
  boundaries (jieba), and not when jieba's dictionary has it mainly as an ordinary word; one
  opening with a function word (和县: 市和县两级) is treated as a county's short name;
- province and prefecture short names (甘肃, 合肥, 银川): at word boundaries;
- short names in ``ORDINARY_WORDS`` (安康 well-being, 白银 silver): only right after their
  province (陕西安康; for a county, only in a municipality: 重庆长寿) or when the article names
  the same unit in another form (白银市 … 白银);
- a county's bare short name (阜平, 民乐): at word boundaries, not a dictionary word (合作, 和平),
  and only when the article names its province or prefecture or the name follows a place that
  holds it (河北阜平), so that 河西 or 江南 in running text stay words;
- township and village names (四开乡, 华溪村): at a word boundary or right after another place,
  not when the whole name is a dictionary word (小山村) unless it is a place word of jieba's
  right after another place (会宁县城关镇), not when the ending belongs to an ordinary
  word that starts inside the name (同乡村学校: 同 + 乡村 "rural"), and not when the part before
  the ending is an ordinary word (中心村, 重点镇) unless a place comes right before.

A name several units share is read with the article's other places (``gazetteer.readings``):
北京朝阳 is Beijing's Chaoyang District, 青海海南 is Qinghai's Hainan Prefecture. Where the
article does not decide between units of the same level (和平区 of Tianjin or of Shenyang), the
fact carries the English they share and no code rather than a guess.

Names inside an organisation (承德应用技术学院), a 《》 title or a quoted programme name belong to
that name and are not emitted. Broad regions (三区三州, 中西部) are not in the gazetteer.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

import jieba
import jieba.posseg

from ..model import Article, Fact, Name, Paragraph
from ..names import gazetteer
from ..script import fold
from . import organizations, programs, segment
from .organizations import BLOCK
from .documents import title_spans
from .memo import ArticleCache, article_key

_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")

#: Villages missing from the data, recognised by what follows them (白银湖村村民): a 村 right
#: before 村民, 村委… ends a village name.
VILLAGE_BY_CONTEXT = re.compile(r"村(?=村民|村委|村党|村两委|村干部|村支书)")

#: jieba dictionary tags of place and proper names; other tags with a high count mark an
#: ordinary word (合作 vn 13478, 大方 n 559). Proper-name tags are unreliable for places (拉萨 nrt
#: 568), so only a very high count makes such a word ordinary (和平 nz 7998, 武功 nr 7887).
PLACE_TAGS = {"ns", "nsf"}
PROPER_TAGS = {"nr", "nrt", "nz", "nrfg", "nr1", "nr2"}
COMMON_COUNT = 100
PROPER_COUNT = 1000

#: jieba tags of function words: pronouns, prepositions, conjunctions, particles, adverbs. They
#: are no part of a village name (这个村, 他们村), and a two-character county name opening with
#: one is as often the word + 县 (和县: 市和县两级).
FUNCTION_TAGS = {"r", "p", "c", "u", "d"}

#: Short names that are far more often everyday words. jieba's tags cannot tell for province-
#: and prefecture-level names (银川 n, 大连 d, 包头 v, 保定 v are cities), so this list is the
#: only test for them: every prefecture-level short name was read against it. Source: the
#: ordinary senses in 现代汉语词典 (来宾 guests, 安康 well-being, 白银 silver, 阿里 Alibaba,
#: 朝阳 morning sun, 日照 sunshine, 桃园 peach orchard, 大同 great harmony, 比如 for example).
ORDINARY_WORDS = frozenset("来宾 安康 白银 阿里 比如 新华 东方 光明 长安 大同 江南 城关 前进 向阳 胜利 解放 团结 "
                           "红星 文化 和谐 幸福 民主 友谊 新兴 兴业 长寿 永安 吉利 朝阳 日照 桃园".split())

#: Endings of township and village names (乡, 镇, 村, 社区…).
_ENDINGS = frozenset({*gazetteer.TOWNSHIP_ENDINGS, *gazetteer.VILLAGE_ENDINGS})

#: Province-level municipalities (GB/T 2260): Beijing, Tianjin, Shanghai, Chongqing. Their
#: districts stand where other provinces have prefectures.
MUNICIPALITIES = frozenset({"110000", "120000", "310000", "500000"})

#: A word that follows a province's or prefecture's name inside one jieba word without being
#: part of the name (西藏地区 = 西藏 + "region").
AREA_WORD = "地区"


class _Bounds:
    """Offsets where a jieba word starts or ends in ``folded``; ``pos in bounds`` walks only the
    block holding ``pos``, up to ``pos`` (``segment.ends_word``). Block edges and the ends of the
    text are boundaries."""

    def __init__(self, folded: str):
        self.folded = folded
        # Found on the first question: a paragraph whose candidates are all safe forms asks none.
        self.blocks: list[tuple[int, int]] | None = None
        self._starts: list[int] = []

    def __contains__(self, pos: int) -> bool:
        if self.blocks is None:
            self.blocks = [m.span() for m in BLOCK.finditer(self.folded)]
            self._starts = [start for start, _ in self.blocks]
        # Blocks are sorted and disjoint: only the last one starting before ``pos`` can hold it.
        i = bisect_left(self._starts, pos) - 1
        if i >= 0:
            start, end = self.blocks[i]
            if pos < end:
                return segment.ends_word(self.folded[start:end], pos - start)
        return True

    def made_up(self, pos: int) -> bool:
        """True when the word holding ``folded[pos]`` is one jieba's HMM made of characters its
        dictionary does not join (赴克州: 克州 is not in the dictionary, so 赴 sticks to it)."""
        start = self.word_start(pos, max(0, pos - 8))
        end = pos + 1
        while end < len(self.folded) and end not in self:
            end += 1
        return start is not None and not _dictionary(self.folded[start:end])[0]

    def word_start(self, pos: int, floor: int) -> int | None:
        """Where the word holding ``folded[pos]`` starts: the last boundary from ``floor`` to
        ``pos``, or None when the word starts before ``floor``."""
        while pos >= floor:
            if pos in self:
                return pos
            pos -= 1
        return None


def is_common_word(word: str) -> bool:
    """True when jieba's dictionary knows ``word`` mainly as an ordinary word, not a place.

    Rule: ``ORDINARY_WORDS`` always; tag ``ns`` never; proper-name tags (nr, nz…) from a count of
    ``PROPER_COUNT``; any other tag from ``COMMON_COUNT``. Source: jieba's dict.txt counts and tags.
    """
    if word in ORDINARY_WORDS:
        return True
    count, tag = _dictionary(word)
    if not count or tag in PLACE_TAGS:
        return False
    return count >= (PROPER_COUNT if tag in PROPER_TAGS else COMMON_COUNT)


def _dictionary(word: str) -> tuple[int, str | None]:
    # jieba loads its dictionary on first use; before that every word would look unknown.
    jieba.dt.check_initialized()
    return jieba.dt.FREQ.get(word, 0), jieba.posseg.dt.word_tag_tab.get(word)


class Context:
    """The places an article names, as evidence for reading the names of one paragraph.

    Args:
        sources: ``(GB/T code, written form folded, decided)`` for each place found on a first
            reading of the article; ``decided`` is False when the code was a guess among units
            sharing the name (bare 朝阳: the prefecture-level city by default).

    A written form is no evidence for itself: 海南 read as the province must not make the next
    海南 the province, so ``codes(key)`` leaves out what only ``key`` named.
    """

    def __init__(self, sources: Iterable[tuple[str, str, bool]] = ()):
        # For all sources (False) and for decided ones (True): code -> the forms that named it.
        named: dict[bool, dict[str, set[str]]] = {False: {}, True: {}}
        for code, form, decided in sources:
            for which in {False, decided}:
                named[which].setdefault(code, set()).add(form)
        self._all = {which: frozenset(by_code) for which, by_code in named.items()}
        #: which -> {form: the codes that form alone named}.
        self._only: dict[bool, dict[str, set[str]]] = {False: {}, True: {}}
        for which, by_code in named.items():
            for code, forms in by_code.items():
                if len(forms) == 1:
                    self._only[which].setdefault(next(iter(forms)), set()).add(code)
        self._without: dict[tuple[str, bool], frozenset[str]] = {}

    @classmethod
    def of_codes(cls, codes: Iterable[str]) -> Context:
        """Context of bare codes (decided, named by no form of the text)."""
        return cls((code, "", True) for code in codes)

    def codes(self, key: str = "", decided: bool = False) -> frozenset[str]:
        """Codes named by written forms other than ``key``; only decided ones if ``decided``."""
        alone = self._only[decided].get(key)
        if not alone:
            return self._all[decided]
        # Kept: readings are cached by context, and a frozenset hashes once.
        if (key, decided) not in self._without:
            self._without[key, decided] = self._all[decided] - alone
        return self._without[key, decided]


_NO_CONTEXT = Context()


@lru_cache(maxsize=4096)
def _safe_form(key: str) -> bool:
    """True for a full, suffixed or former name of three or more characters (甘肃省, 黄南州):
    accepted wherever it is written."""
    return len(key) >= 3 and any(h.form in ("full", "suffixed", "old") for h in gazetteer.index()[key])


def _unit_ok(key: str, best: gazetteer.Hit, context: Context, near: str | None) -> bool:
    """Acceptance of a province-, prefecture- or county-level form that is not a ``_safe_form``
    (see the module docstring), but for the word boundaries (``_at_bounds``), which the caller
    asks last, for forms that pass every other test, since they segment the text.

    ``best`` is the form's reading; ``near`` the code of the place written right before it.
    """
    code = best.unit.code
    if key in ORDINARY_WORDS:
        # 陕西安康, or 安康市 earlier in the article: the city, not "well-being".
        ok = _after_its_province(near, best.unit) or code in context.codes(key)
    elif best.unit.level in ("province", "prefecture"):
        ok = True
    elif is_common_word(key):
        ok = False
    elif best.form == "full" and _dictionary(key[0])[1] not in FUNCTION_TAGS:
        # 单县, 歙县: the level word is written, so the name is as safe as a longer full name;
        # not 和县, which is 和 "and" + 县 as often (市和县两级).
        ok = True
    else:
        # Counties written short (阜平) need their province or prefecture nearby.
        ok = gazetteer.contains(near, code) or _in_context(best.unit, context.codes(key))
    return ok


@lru_cache(maxsize=4096)
def _at_bounds(folded: str, start: int, end: int, after: bool, area: bool) -> bool:
    """True when the unit form ``folded[start:end]`` starts and ends at word boundaries (jieba).

    ``after``: a place ends right before it (it starts a word then); ``area``: 地区 follows a
    province's or prefecture's name (西藏地区 is one jieba word). Cached: both passes over a
    paragraph (``article_context``, ``article_places``) ask for the same forms.
    """
    bounds = _bounds(folded)
    # A name jieba does not know may be glued to a neighbour by its HMM (赴克州).
    unknown = not _dictionary(folded[start:end])[0]
    opens = after or start in bounds or unknown and bounds.made_up(start)
    closes = end == len(folded) or end in bounds or area or unknown and bounds.made_up(end - 1)
    return opens and closes


def _after_its_province(near: str | None, unit: gazetteer.Unit) -> bool:
    """True when ``near`` is the province holding ``unit`` and ``unit`` is a prefecture or a
    district of a municipality (陕西安康, 北京朝阳, 重庆长寿). A province followed by an ordinary
    word that happens to name one of its counties is running text (广东省新兴产业)."""
    if not near or not near.endswith("0000") or not gazetteer.contains(near, unit.code):
        return False
    return unit.level == "prefecture" or near in MUNICIPALITIES


def _in_context(unit: gazetteer.Unit, context: frozenset[str]) -> bool:
    """True when ``context`` holds the unit itself, its prefecture (or a unit in it) or its
    province."""
    code = unit.code or ""
    return any(other == code or other[:4] == code[:4] or (other.endswith("0000") and other[:2] == code[:2])
               for other in context)


def _local_ok(folded: str, start: int, end: int, bounds: _Bounds, after_place: bool,
              before_place: bool) -> bool:
    """Acceptance of a township or village name of the data at ``folded[start:end]`` (see the
    module docstring); ``after_place``/``before_place``: another place ends right before it /
    starts right after it."""
    name = folded[start:end]
    count, tag = _dictionary(name)
    # 小山村, 大城镇 are words; 城关镇 (ns) is a town when its county comes first (会宁县城关镇).
    if count and not (after_place and tag in PLACE_TAGS):
        return False
    # 新建乡村幼儿园: 新建乡 is a township somewhere, but here 乡 opens the word 乡村.
    # (Cheap conditions first: ``in bounds`` segments the text.)
    if end != len(folded) and not before_place and end not in bounds:
        return False
    # 同乡村学校, 发展乡村教育: villages of the data, but the text's word is 乡村 "rural"; 中心村,
    # 重点镇: an ordinary word + the ending is a kind of place unless a place comes right before.
    last = bounds.word_start(end - 1, start + 1)
    if last is not None and last < end - 1 and is_common_word(folded[last:end]):
        return False
    if (not after_place and last is not None and folded[last:end] in _ENDINGS
            and is_common_word(folded[start:last])):
        return False
    return after_place or start in bounds or not _HAN_CHAR.match(folded[start - 1:start] or " ")


def _name_part(word: str, ordinary_ok: bool) -> bool:
    """True when ``word`` may be (part of) a village's name: not a function word (这个, 他们),
    and, unless ``ordinary_ok``, not an ordinary word (中心, 移民, 贫困)."""
    if _dictionary(word)[1] in FUNCTION_TAGS:
        return False
    return ordinary_ok or not is_common_word(word)


def _villages_by_context(folded: str, bounds: _Bounds) -> Iterable[tuple[int, int]]:
    """Spans of village names missing from the data, from the words that follow them (see
    ``VILLAGE_BY_CONTEXT``). The name is the jieba word ending in that 村 (下党村, 华溪村) or the
    words before a 村 standing alone (杨坊 + 村), two to four characters before 村; a two-character
    word X村 takes the word before it too (十八 + 洞村). Not when the word ending in 村 is an
    ordinary word (全村, 贫困村, 该村) or the words before 村 are (这个村, 中心村, 移民村)."""
    for m in VILLAGE_BY_CONTEXT.finditer(folded):
        cun, end = m.start(), m.end()
        floor = max(0, cun - 4)
        word = bounds.word_start(cun, floor)
        if word is None or end not in bounds:
            continue
        if word < cun:
            count, tag = _dictionary(folded[word:end])
            if count and tag not in PLACE_TAGS | PROPER_TAGS:
                continue
            if end - word >= 3:
                yield word, end
                continue
            before = bounds.word_start(word - 1, floor)
            if before is not None and _name_part(folded[before:word], ordinary_ok=True):
                yield before, end
            continue
        before = bounds.word_start(cun - 1, floor)
        if before is not None and cun - before == 1:
            single = before
            before = bounds.word_start(single - 1, floor)
            if before is None or not _name_part(folded[before:single], ordinary_ok=True):
                continue
        if before is not None and cun - before >= 2 and _name_part(folded[before:cun], ordinary_ok=False):
            yield before, end


#: What a township or village missing from the data may follow: a county-level unit before
#: 乡/镇 (纳雍县鬃岭镇), a township before 村 (鬃岭镇石板村).
_LOCAL_AFTER = {"county": "乡镇", "township": "村"}
_LOCAL_ENDING = re.compile("[乡镇村]")


class _Taken:
    """Spans of a text already taken (chosen places, blocked names), for overlap tests done by
    ``bytearray.find`` rather than a Python loop over the spans.

    Spans ``(s, e)`` and ``(start, end)`` overlap when ``start < e and s < end``. Cell ``2i + 1``
    stands for character ``i`` and cell ``2i`` for the cut before it; a span marks the cells
    strictly between its two cuts, and overlaps another exactly when their marked cells meet. An
    empty span ``(p, p)`` marks its cut, so it blocks the spans with ``p`` strictly inside, as the
    inequalities say.
    """

    def __init__(self, length: int, spans: Iterable[tuple[int, int]] = ()):
        self._cells = bytearray(2 * length + 1)
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        first, stop = (2 * start + 1, 2 * end) if start < end else (2 * start, 2 * start + 1)
        self._cells[first:stop] = b"\1" * (stop - first)

    def overlaps(self, start: int, end: int) -> bool:
        """True when the non-empty span ``(start, end)`` overlaps a span taken."""
        return self._cells.find(1, 2 * start + 1, 2 * end) >= 0


def _locals_after_units(folded: str, bounds: _Bounds, chosen: dict[tuple[int, int], str],
                        taken: _Taken, context: Context, after: Iterable[tuple[int, int]]
                        ) -> list[tuple[int, int]]:
    """Spans of townships and villages missing from the data, written right after one of the
    places ``after`` (spans of ``chosen``) that holds them (see ``_LOCAL_AFTER``): two or three
    characters + the ending, ending a word, overlapping nothing ``taken`` (chosen places and
    blocked names; the spans found are added to it). Not when the ending belongs to an ordinary
    word starting inside the name (各乡镇, 贫困乡村), the name is an ordinary dictionary word, or
    its part before the ending is an ordinary word or opens with a function word (新建镇, 各乡镇)."""
    found: list[tuple[int, int]] = []
    for s, e in after:
        # Most places have no ending two or three characters on: no need to read their level.
        if not _LOCAL_ENDING.search(folded, e + 2, e + 4):
            continue
        key, kind = folded[s:e], chosen[s, e]
        if kind == "unit":
            level = gazetteer.resolve(key, context.codes(key, decided=True)).unit.level
        else:
            level = "township" if key[-1] in "乡镇" else None
        endings = _LOCAL_AFTER.get(level or "", "")
        for size in (2, 3):
            end = e + size + 1
            stem = folded[e:end - 1]
            if end > len(folded) or folded[end - 1] not in endings or not all(map(_HAN_CHAR.match, stem)):
                continue
            if taken.overlaps(e, end):
                break
            if end != len(folded) and end not in bounds:
                continue
            last = bounds.word_start(end - 1, e + 1)
            count, tag = _dictionary(folded[e:end])
            if (last is not None and last < end - 1 and is_common_word(folded[last:end])
                    or count and tag not in PLACE_TAGS
                    or _dictionary(stem[0])[1] in FUNCTION_TAGS or not _name_part(stem, ordinary_ok=False)):
                break
            found.append((e, end))
            taken.add(e, end)
            break
    return found


@lru_cache(maxsize=512)
def _bounds(folded: str) -> _Bounds:
    # Cached: both passes over a paragraph (article_context, article_places) ask.
    return _Bounds(folded)


#: A candidate place: ``(start, end, kind, written form, before a local)``. ``kind`` is ``unit``,
#: ``local`` (a township or village of the data) or ``village`` (``_villages_by_context``);
#: ``before a local``: a township or village candidate starts where it ends.
Candidate = tuple[int, int, str, str, bool]


@lru_cache(maxsize=512)
def _candidates(folded: str) -> tuple[Candidate, ...]:
    """Place-like substrings of ``folded`` (gazetteer forms, villages by context), longest first
    then leftmost: the order in which ``_accepted`` takes them. Cached: both passes over a
    paragraph (``article_context``, ``article_places``) take them."""
    cands = gazetteer.scan(folded)
    # Most paragraphs name no village at all.
    if "村" in folded:
        cands.extend((s, e, "village") for s, e in _villages_by_context(folded, _bounds(folded)))
    local_starts = {s for s, _, kind in cands if kind != "unit"}
    return tuple((s, e, kind, folded[s:e], e in local_starts)
                 for s, e, kind in sorted(set(cands), key=lambda c: (c[0] - c[1], c[0])))


def matches(text: str, context: Context | Iterable[str] = (),
            blocked: tuple[tuple[int, int], ...] = ()) -> list[tuple[int, int, Name]]:
    """Places in ``text`` (any script): ``[(start, end, Name)]`` in source order.

    Args:
        text: the text to search; offsets are offsets of ``text``.
        context: the article's places (``article_context``), or GB/T codes of places named
            elsewhere: for counties' bare short names and for choosing among units that share a
            name.
        blocked: spans whose places belong to another name (organisations, titles, programmes).
    Returns:
        one ``(start, end, Name(zh, en, code, candidates))`` per accepted mention; ``code`` is None
        for townships, villages and names the context leaves ambiguous, which list the codes they
        may be in ``candidates`` instead.
    """
    if not isinstance(context, Context):
        context = Context.of_codes(context)
    folded = fold(text)
    out = []
    for start, end, found, _ in _accepted(folded, context, blocked):
        if found:
            code = found[0].unit.code if len(found) == 1 else None
            candidates = () if code else tuple(sorted({h.unit.code for h in found if h.unit.code}))
            name = Name(zh=text[start:end], en=gazetteer.english(found[0]), code=code, candidates=candidates)
        else:
            name = Name(zh=text[start:end], en=gazetteer.local_english(folded[start:end]), code=None)
        out.append((start, end, name))
    return out


def _accepted(folded: str, context: Context, blocked: tuple[tuple[int, int], ...],
              units_only: bool = False) -> list[tuple[int, int, tuple[gazetteer.Hit, ...], str | None]]:
    """The mentions ``matches`` accepts in folded text, in source order: ``(start, end,
    readings, near)`` with the unit's readings (``gazetteer.readings``; more than one when the
    context does not decide) and the code of the unit written right before it, or ``()`` and
    None for a township or village.

    ``units_only``: only the province-, prefecture- and county-level units (what
    ``article_context`` keeps). Townships and villages among the candidates are still chosen, as
    they compete with units for the text; those found after units (``_locals_after_units``) are
    not searched: they come after every unit is chosen and change none of them.
    """
    cands = _candidates(folded)
    if not cands:
        return []
    bounds = _bounds(folded)
    chosen: dict[tuple[int, int], str] = {}   # span -> candidate kind
    ends: dict[int, tuple[int, str]] = {}     # end of a chosen span -> (its start, its kind)
    taken = _Taken(len(folded), blocked)      # chosen and blocked spans

    for start, end, kind, key, before_local in cands:
        if taken.overlaps(start, end):
            continue
        after = ends.get(start)               # the place ending right before this one
        if kind == "unit" and not _safe_form(key):
            before = None                     # code of the unit written right before
            if after is not None and after[1] == "unit":
                # That unit's reading without a place before it of its own.
                prev = folded[after[0]:start]
                before = gazetteer.resolve(prev, context.codes(prev, decided=True)).unit.code
            best = gazetteer.resolve(key, context.codes(key, decided=True), before)
            # 西藏地区 is one jieba word; a county's short name + 地区 is a region (河西地区).
            area = best.unit.level in ("province", "prefecture") and folded.startswith(AREA_WORD, end)
            if not (_unit_ok(key, best, context, before)
                    and _at_bounds(folded, start, end, after is not None, area)):
                continue
        elif kind == "local":
            # 草海镇、石门乡: the second item of a list of places stands where the first does.
            listed = folded[start - 1:start] == "、" and start - 1 in ends
            if not _local_ok(folded, start, end, bounds, after is not None or listed, before_local):
                continue
        chosen[start, end] = kind
        ends[end] = (start, kind)
        taken.add(start, end)
    if not units_only:
        new = _locals_after_units(folded, bounds, chosen, taken, context, chosen)
        while new:   # a township found so may hold a village: 纳雍县鬃岭镇石板村
            chosen.update(dict.fromkeys(new, "local"))
            new = _locals_after_units(folded, bounds, chosen, taken, context, new)
    out = []
    resolved: dict[int, str | None] = {}   # end of a unit -> its code
    for (start, end), kind in sorted(chosen.items()):
        if kind != "unit":
            if not units_only:
                out.append((start, end, (), None))
            continue
        key = folded[start:end]
        # Read again now that every place is known: 长春朝阳区 is decided by 长春, found after it.
        before = resolved.get(start)
        found = gazetteer.readings(key, context.codes(key, decided=True), before)
        resolved[end] = found[0].unit.code if len(found) == 1 else None
        out.append((start, end, found, before))
    return out


_CONTEXT: ArticleCache = ArticleCache()  # {article key: Context}


def article_context(article: Article) -> Context:
    """The places an article names without needing context (title and paragraphs), with the
    written forms that named them: the evidence ``matches`` reads names with.

    A form whose units the first reading cannot tell apart (和平区) adds nothing; one read by
    default among units of different levels (朝阳: the city) adds its code as a guess, which
    counts for accepting counties' short names but not for choosing readings; one decided by
    the place before it (北京朝阳) is no guess. Cached per article (id and source hash).
    """
    key = article_key(article)
    if key not in _CONTEXT:
        sources = []
        for text in (article.title, *(p.zh for p in article.paragraphs())):
            folded = fold(text or "")
            for start, end, found, before in _accepted(folded, _NO_CONTEXT, (), units_only=True):
                if len(found) == 1 and found[0].unit.code:
                    code, form = found[0].unit.code, folded[start:end]
                    sources.append((code, form, gazetteer.unique(form) or gazetteer.contains(before, code)))
        _CONTEXT[key] = Context(sources)
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

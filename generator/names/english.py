"""English names for organisations, documents and programmes.

Order of preference: the curated ``glossary.yaml`` first; for organisations a type-aware fallback
next (the name's ending gives the English head noun: X大学 -> X University, X县教育局 -> X County
Education Bureau), with places in English from the gazetteer, known words from the glossary's
``terms`` and the rest in pinyin. Programmes fall back to the same word-by-word rendering, which
for a slogan is its pinyin (the usual way English writing on Chinese policy cites an untranslated
slogan). Documents have no fallback beyond document numbers (国发〔2016〕64号 -> State Council
Document [2016] No. 64): an unknown title gets None rather than a made-up translation.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache, partial
from pathlib import Path

import yaml

from ..script import fold
from . import gazetteer

#: Level words standing alone at the start of a relative name (市教育局: the city's bureau).
LEVEL_WORDS = {"自治区": "Autonomous Region", "省": "Provincial", "市": "Municipal", "州": "Prefectural",
               "县": "County", "区": "District"}

#: Document numbers: issuer prefix, year in 〔〕 (or look-alike brackets), serial number, 号.
#: Source: GB/T 9704-2012 (layout of official documents), 发文字号.
DOC_NUMBER = re.compile(r"^([\u4e00-\u9fff]{1,8})[〔\[［(（【]((?:19|20)\d\d)[〕\]］)）】]第?(\d{1,4})号$")

_NUMERALS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SCHOOL_ABBREV = re.compile(r"^(.*?)第?([一二三四五六七八九十]{1,3})中$")


@lru_cache(maxsize=1)
def glossary() -> dict[str, dict[str, str]]:
    """``glossary.yaml`` as ``{section: {Simplified key: English}}`` (sections as in the file)."""
    path = Path(__file__).resolve().parent / "glossary.yaml"
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    return {section: {fold(str(k)): ("" if v is None else str(v)) for k, v in (entries or {}).items()}
            for section, entries in data.items()}


def _key(text: str) -> str:
    return fold(text).strip().strip("《》“”「」\"' ")


def chinese_number(text: str) -> int | None:
    """一 -> 1, 十四 -> 14, 二十 -> 20, 一百零八 -> 108 (up to 999); None for anything else."""
    if not text or any(ch not in _NUMERALS and ch not in "十百" for ch in text):
        return None
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _NUMERALS[ch]
    return total + current


#: Last characters of township and village endings (乡, 镇, 街道, 村, 社区…): a name of the data
#: ends in one.
_LOCAL_LAST = frozenset(ending[-1] for ending in (*gazetteer.TOWNSHIP_ENDINGS, *gazetteer.VILLAGE_ENDINGS))


def _place_at(text: str, i: int) -> tuple[int, Callable[[], str]] | None:
    """Longest place name starting at ``text[i]`` -> (length, function giving its English), or
    None. The English is made only when asked: callers often only need to know that a place
    starts there, and its pinyin is slow to make."""
    idx = gazetteer.index()
    types = glossary().get("org_types", {})
    # Only lengths some unit's written form has, and township or village endings, can match.
    unit_lengths = gazetteer.key_lengths(text[i:i + 2])
    for length in range(min(12, len(text) - i), 1, -1):
        if length in unit_lengths and text[i:i + length] in idx:
            hit = gazetteer.resolve(text[i:i + length])
            # 昭觉县委: the 县 belongs to 县委 (county party committee), not to the place.
            if hit.written and text[i + length - 1: i + length + 1] in types:
                continue
            # Inside a name a bare short form stays bare (灵山小学: Lingshan, not Lingshan County).
            before_body = text[i + length: i + length + 2] in types and text[i + length] in LEVEL_WORDS
            if not hit.written or before_body:
                return length, partial(gazetteer.short_english, hit)
            return length, partial(gazetteer.english, hit)
        if text[i + length - 1] in _LOCAL_LAST and gazetteer.folded_local_level(text[i:i + length]):
            return length, partial(gazetteer.local_english, text[i:i + length])
    return None


@lru_cache(maxsize=1)
def _lengths_by_first() -> dict[str, dict[str, tuple[int, ...]]]:
    """Glossary section -> {first character of a key: the lengths of the keys it opens, longest
    first}, so that ``_words`` and ``_pinyin_run`` try only the lengths some key has."""
    out: dict[str, dict[str, tuple[int, ...]]] = {}
    for section, entries in glossary().items():
        by_first: dict[str, set[int]] = {}
        for key in entries:
            if key:
                by_first.setdefault(key[0], set()).add(len(key))
        out[section] = {first: tuple(sorted(lengths, reverse=True)) for first, lengths in by_first.items()}
    return out


def _cut(run: str) -> list[str]:
    """jieba's words of ``run`` (``segment.cut``: the same words as ``jieba.lcut``, made faster).

    Imported here: ``generator.extract`` imports this module while its package loads."""
    from ..extract.segment import cut
    return cut(run)


#: An ordinal opening a piece of a name (第一, 第十四).
_ORDINAL = re.compile(r"第([一二三四五六七八九十百]+)")


def _words(text: str) -> list[str]:
    """English words for the inside of a name, left to right, longest known piece first; a
    glossary organisation inside a longer name keeps its English (清华大学附属小学)."""
    lengths = _lengths_by_first()
    tables = [(glossary().get(section, {}), lengths.get(section, {}))
              for section in ("terms", "org_types", "organizations")]
    out: list[str] = []
    i = 0
    while i < len(text):
        best: tuple[int, str] | None = None
        ordinal = _ORDINAL.match(text, i)
        if ordinal and chinese_number(ordinal.group(1)):
            best = (ordinal.end() - i, f"No. {chinese_number(ordinal.group(1))}")
        # The longest key of each table, up to 10 characters, that is longer than the best yet.
        longest = min(10, len(text) - i)
        for table, by_first in tables:
            for length in by_first.get(text[i], ()):
                if length <= longest and text[i:i + length] in table:
                    if best is None or length > best[0]:
                        best = (length, table[text[i:i + length]])
                    break
        place = _place_at(text, i)
        if place and (best is None or place[0] > best[0]):
            best = (place[0], place[1]())
        if best is None and text[i:i + 3] == "自治区":
            best = (3, LEVEL_WORDS["自治区"])
        if best is None and i == 0 and text[0] in LEVEL_WORDS:
            best = (1, LEVEL_WORDS[text[0]])
        if best is None:
            run = text[i:i + _pinyin_run(text, i)]
            # One pinyin word per dictionary word: 焕蓝梦想 -> Huanlan Mengxiang.
            best = (len(run), " ".join(gazetteer.pinyin_word(w) for w in _cut(run)))
        out.append(best[1])
        i += best[0]
    return [w for w in out if w]


def _pinyin_run(text: str, i: int) -> int:
    """Length of the unknown stretch from ``text[i]`` up to the next known word (at least 1)."""
    terms = glossary().get("terms", {})
    lengths = _lengths_by_first().get("terms", {})
    j = i + 1
    # A known word: a term of up to 5 characters, or a place.
    while j < len(text) and not any(n <= 5 and text[j:j + n] in terms for n in lengths.get(text[j], ())):
        if _place_at(text, j) is not None:
            break
        j += 1
    return j - i


#: The level words of places' English names (gazetteer), by the level word written in Chinese.
_PLACE_LEVEL_WORDS = {"省": "Province", "市": "City", "县": "County", "区": "District", "州": "Prefecture"}

#: The Communist Youth League committee of a level: 团县委, 共青团会宁县委, 共青团甘肃省委.
_LEAGUE = re.compile(r"^(?:共青团|团)(.*?)([省市县区州])委$")


def _level_place(head: str, level: str) -> list[str]:
    """English words for ``head`` (a place or '') followed by the level word ``level``:
    ('会宁', '县') -> ['Huining County'], ('兰州', '市') -> ['Lanzhou', 'Municipal'], ('', '县') ->
    ['County']."""
    if not head:
        return [LEVEL_WORDS[level]]
    place = gazetteer.resolve(head + level) or gazetteer.resolve(head)
    if place is None:
        return [*_words(head), LEVEL_WORDS[level]]
    english = gazetteer.english(place)
    # Counties, districts and prefectures carry their level word in English (Huining County).
    return [english] if english.endswith(_PLACE_LEVEL_WORDS[level]) else [english, LEVEL_WORDS[level]]


@lru_cache(maxsize=4096)
def organization_english(name: str) -> str | None:
    """English name of an organisation written ``name`` (any script); None when nothing fits.

    Rules, in order: glossary ``organizations`` (国务院 -> State Council); a relative glossary name
    after a place (重庆 + 市教委 -> Chongqing Municipal Education Commission); a League committee
    (团县委 -> Communist Youth League County Committee); a school number abbreviation (市十四中 ->
    Municipal No. 14 Middle School); the ``org_types`` ending as head noun with the rest rendered
    word by word (天津师范大学 -> Tianjin Normal University, 会宁县教育局 -> Huining County Education
    Bureau, 县妇联 -> County Women's Federation, 兰州日报 -> Lanzhou Daily).
    """
    key = _key(name)
    orgs = glossary().get("organizations", {})
    if key in orgs:
        return orgs[key]
    for size in range(len(key) - 1, 0, -1):      # the longest relative name ending ``key`` first
        rel = key[len(key) - size:]
        english = orgs.get(rel)
        if english is None:
            continue
        head = key[: len(key) - size]
        # 重庆 + 市教委: the level word opens the relative name, so the place is 重庆(市).
        place = gazetteer.resolve(head + rel[0]) if rel[0] in LEVEL_WORDS else None
        if place is not None:
            return f"{gazetteer.short_english(place)} {english}"
        place = gazetteer.resolve(head)
        if place is not None:
            return f"{gazetteer.english(place)} {english}"
    league = _LEAGUE.match(key)
    if league:
        return " ".join(["Communist Youth League", *_level_place(league.group(1), league.group(2)), "Committee"])
    abbrev = _SCHOOL_ABBREV.match(key)
    if abbrev and chinese_number(abbrev.group(2)):
        words = _words(abbrev.group(1)) if abbrev.group(1) else []
        return " ".join([*words, f"No. {chinese_number(abbrev.group(2))} Middle School"])
    types = glossary().get("org_types", {})
    for size in range(len(key), -1, -1):          # the longest ending first
        ending = key[len(key) - size:]
        if ending in types:
            words = _words(key[: len(key) - size])
            return " ".join([*words, types[ending]]).strip() or None
    return None


def document_english(name: str) -> str | None:
    """English title of a document (title or document number, any script), or None.

    Glossary ``documents`` first; a document number becomes ``<issuer> [year] No. n`` when the
    issuer prefix is in ``document_issuers`` (国办发〔2018〕129号 -> General Office of the State
    Council Document [2018] No. 129). Unknown titles give None: no machine guess is offered.
    """
    key = _key(name)
    docs = glossary().get("documents", {})
    if key in docs:
        return docs[key]
    if key.replace(" ", "") in docs:
        return docs[key.replace(" ", "")]
    number = DOC_NUMBER.match(key)
    if number:
        issuer = glossary().get("document_issuers", {}).get(number.group(1))
        if issuer:
            return f"{issuer} [{number.group(2)}] No. {number.group(3)}"
    return None


#: English head nouns of programme names by their ending (春蕾计划 -> Chunlei Programme).
PROGRAM_TYPES = {"计划": "Programme", "工程": "Project", "项目": "Project", "行动": "Campaign",
                 "模式": "Model", "机制": "Mechanism", "活动": "Campaign", "基金": "Fund", "班": "Classes"}

#: Runs of Chinese characters inside a programme name; what lies between (3+1, 、, ·) is kept.
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


def _program_word(word: str) -> str:
    """English of one jieba word of a programme name: glossary ``terms`` (教育 -> Education), a
    province or prefecture by its English (西藏 -> Tibet; lower units are left to pinyin, as their
    short names are often ordinary words: 振兴 is also a district), else its pinyin."""
    known = glossary().get("terms", {}).get(word)
    if known:
        return known
    place = gazetteer.resolve(word) if len(word) > 1 else None
    if place is not None and place.unit.level in ("province", "prefecture"):
        return gazetteer.english(place)
    return gazetteer.pinyin_word(word)


@lru_cache(maxsize=1024)
def program_english(name: str) -> str | None:
    """English name of a programme or slogan written ``name`` (any script); None if it has no
    Chinese characters or letters to render.

    Glossary ``programs`` first (组团式 -> group-based assistance); else the name one jieba word at
    a time (``_program_word``: glossary term, place or pinyin), with the English head noun of a ``PROGRAM_TYPES`` ending last (春蕾计划 ->
    Chunlei Programme) and separators kept (听不懂、跟不上 -> Tingbudong, Genbushang).
    """
    key = _key(name)
    known = glossary().get("programs", {}).get(key)
    if known is not None:
        return known
    ending = next((e for e in PROGRAM_TYPES if key.endswith(e) and len(key) > len(e)), None)
    if ending is not None:
        key = key[: -len(ending)]
    parts, last = [], 0
    for run in _HAN_RUN.finditer(key):
        parts.append(key[last:run.start()].replace("、", ", ").replace("，", ", "))
        parts.append(" ".join(_program_word(word) for word in _cut(run.group())))
        last = run.end()
    parts.append(key[last:])
    english = "".join(parts).strip()
    if ending is not None:
        english = f"{english} {PROGRAM_TYPES[ending]}".strip()
    return english or None


def publisher_english(name: str) -> str | None:
    """English name of the outlet in ``source.publisher`` (any script), or None.

    Outlets are organisations (新华社, 临夏日报, 四川教育网, a school's own site), so this is
    ``organization_english`` with its glossary and its media and website endings (日报 -> Daily,
    网 -> Net, 在线 -> Online); a name written in Latin letters is already English.
    """
    if not re.search(r"[\u4e00-\u9fff]", name):
        return name.strip() or None
    return organization_english(name)

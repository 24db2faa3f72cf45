"""English names for organisations, documents and programmes.

Order of preference: the curated ``glossary.yaml`` first; for organisations a type-aware fallback
next (the name's ending gives the English head noun: X大学 -> X University, X县教育局 -> X County
Education Bureau), with places in English from the gazetteer, known words from the glossary's
``terms`` and the rest in pinyin. Documents and programmes have no fallback beyond document
numbers (国发〔2016〕64号 -> State Council Document [2016] No. 64): an unknown title gets None
rather than a made-up translation.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache, partial
from pathlib import Path

import jieba
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


def _place_at(text: str, i: int) -> tuple[int, Callable[[], str]] | None:
    """Longest place name starting at ``text[i]`` -> (length, function giving its English), or
    None. The English is made only when asked: callers often only need to know that a place
    starts there, and its pinyin is slow to make."""
    idx = gazetteer.index()
    types = glossary().get("org_types", {})
    for length in range(min(12, len(text) - i), 1, -1):
        piece = text[i:i + length]
        if piece in idx:
            hit = gazetteer.resolve(piece)
            # 昭觉县委: the 县 belongs to 县委 (county party committee), not to the place.
            if hit.written and text[i + length - 1: i + length + 1] in types:
                continue
            # Inside a name a bare short form stays bare (灵山小学: Lingshan, not Lingshan County).
            before_body = text[i + length: i + length + 2] in types and text[i + length] in LEVEL_WORDS
            if not hit.written or before_body:
                return length, partial(gazetteer.short_english, hit)
            return length, partial(gazetteer.english, hit)
        if gazetteer.folded_local_level(piece):
            return length, partial(gazetteer.local_english, piece)
    return None


#: An ordinal opening a piece of a name (第一, 第十四).
_ORDINAL = re.compile(r"第([一二三四五六七八九十百]+)")


def _words(text: str) -> list[str]:
    """English words for the inside of a name, left to right, longest known piece first."""
    terms = glossary().get("terms", {})
    types = glossary().get("org_types", {})
    out: list[str] = []
    i = 0
    while i < len(text):
        best: tuple[int, str] | None = None
        ordinal = _ORDINAL.match(text, i)
        if ordinal and chinese_number(ordinal.group(1)):
            best = (ordinal.end() - i, f"No. {chinese_number(ordinal.group(1))}")
        for table in (terms, types):
            for length in range(min(10, len(text) - i), 0, -1):
                piece = text[i:i + length]
                if piece in table and (best is None or length > best[0]):
                    best = (length, table[piece])
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
            best = (len(run), " ".join(gazetteer.pinyin_word(w) for w in jieba.lcut(run)))
        out.append(best[1])
        i += best[0]
    return [w for w in out if w]


def _pinyin_run(text: str, i: int) -> int:
    """Length of the unknown stretch from ``text[i]`` up to the next known word (at least 1)."""
    terms = glossary().get("terms", {})
    j = i + 1
    while j < len(text) and not any(text[j:j + n] in terms for n in range(1, 6)):
        if _place_at(text, j) is not None:
            break
        j += 1
    return j - i


@lru_cache(maxsize=4096)
def organization_english(name: str) -> str | None:
    """English name of an organisation written ``name`` (any script); None when nothing fits.

    Rules, in order: glossary ``organizations`` (国务院 -> State Council); a relative glossary name
    after a place (重庆 + 市教委 -> Chongqing Municipal Education Commission); a school number
    abbreviation (市十四中 -> Municipal No. 14 Middle School); the ``org_types`` ending as head
    noun with the rest rendered word by word (天津师范大学 -> Tianjin Normal University, 会宁县教育局
    -> Huining County Education Bureau).
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


def program_english(name: str) -> str | None:
    """English name of a programme or slogan from the glossary ``programs``, else None."""
    return glossary().get("programs", {}).get(_key(name))

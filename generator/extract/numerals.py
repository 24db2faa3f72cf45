"""Reading the numbers of Chinese news text: Arabic, full-width, Chinese numerals, 万 and 亿.

Every function here works on *folded* text (``script.fold``: Simplified script, half-width
digits, same length as the source), so ``１２３``, ``萬`` and ``兩`` need no rules of their own
and offsets stay those of the source. Arithmetic is exact: values are ``decimal.Decimal`` inside
and become ``int`` (or ``float`` only when not integral) at the edge, so ``16.4亿`` is exactly
1640000000 and ``34.275万`` exactly 342750.

The layers (money, quantity, percent) call ``scan`` to find number phrases, then decide from the
words after and before a phrase (元, 名, %, 第…) what, if anything, the number is.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from ..script import fold

#: Chinese digits; 两 is the form used before measure words, 〇/○ appear in written years.
CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_BIG_UNITS = {"万": 10 ** 4, "亿": 10 ** 8}
#: Multipliers written after Arabic digits (1240万, 16.4亿, 3千, 2千万).
ARABIC_MULT = {"": 1, "百": 100, "千": 1000, "万": 10 ** 4, "亿": 10 ** 8,
               "百万": 10 ** 6, "千万": 10 ** 7, "万亿": 10 ** 12}

_CN_CLASS = "零〇○一二两三四五六七八九十百千万亿几"
_ARABIC = r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?"

#: Hedges written right before a number. Source: 约1240万元, 近万人次, 近40所, 逾, 超过, 不少于两次,
#: 不到三成. Longest first. ``money`` also reads them before a currency word (逾人民币3000万元).
PREFIXES = ("大约", "约合", "约", "将近", "接近", "近", "逾", "超过", "超", "多达", "不少于",
            "不低于", "至少", "最少", "不到", "不足")
#: Hedges that count only before a bare 十/百/千/万/亿 (checked in ``scan``): 上千名, 上万人 (上 not
#: before 十: 上十 is rare and 上 + number is mostly 上 "on"); 数十所, 数百名, 数千万元 (数 =
#: "several", read like 几: 数十 -> 10..90).
BARE_PREFIXES = ("上", "数")
#: Chinese digits after 点, the decimal point of Chinese numerals (一点五亿, 三点二个百分点).
_CN_DECIMAL = "点[零〇○一二三四五六七八九]+"
#: Range separators between two numbers (3至5万元, 50-60万元, 4000至6000元, 2018—2020年).
RANGE_SEPS = "至到~～-—–－"


def _num(tag: str) -> str:
    # The group named ``tag`` spans the whole number (its end is where the number ends).
    return (rf"(?P<{tag}>(?:(?P<{tag}a>{_ARABIC})(?P<{tag}am>百万|千万|万亿|[百千万亿]?)|(?P<{tag}c>[{_CN_CLASS}]+(?:{_CN_DECIMAL})?))"
            rf"(?P<{tag}mid>余|多)?(?P<{tag}mult>万亿|亿|万)?(?P<{tag}post>余|多)?)")


_PHRASE = re.compile(
    # The lookahead names every character a phrase can start with (a hedge's first character, a
    # digit, a Chinese numeral): it changes no match, and lets the search skip other text fast.
    rf"(?=[\d{_CN_CLASS}{''.join(sorted({p[0] for p in PREFIXES + BARE_PREFIXES}))}])"
    rf"(?P<pre>{'|'.join(PREFIXES + BARE_PREFIXES)})?"
    rf"(?<![\dA-Za-z.{_CN_CLASS}])(?<!\d:)"
    rf"{_num('x')}"
    rf"(?:(?P<sep>[{re.escape(RANGE_SEPS)}]){_num('y')})?"
)
#: Words after which 近 is not a hedge (最近 recently, 附近 nearby…).
NOT_NEAR = set("最附临就靠邻贴")
#: Words ending in 数 (人数, 总数, 次数, 多数…): after them 数 is not "several" (学生总数十二万人).
_NOT_SEVERAL = set("人总次户多少无基指系参分倍岁件位半整函变实虚奇偶序代算票字页礼招路天年名校个点度"
                   "周场期班课门所家项笔册量额级岗床")
#: A clock time right after a number (13:40).
_CLOCK = re.compile(r"[:：]\d")


class Number(NamedTuple):
    """A number phrase found in folded text (immutable: ``scan`` shares its results between
    layers; a named tuple, which is made several times faster than a frozen dataclass).

    Attributes:
        start, end: character offsets of the whole phrase (hedge word included), end exclusive.
        core_start: offset where the digits begin (after any hedge word).
        value: the number (lower bound of a range), exact.
        value_max: upper bound for ranges (3至5, 两三, 四千余万), else None.
        approx: True when hedged (约 近 余 多 几 两三…).
        core: the folded text of the first number's digits (``一``, ``二``, ``1240``…), which the
            layers use for rules about 一 (indefinite article) and 二 (ordinal use).
        chinese: the digits are Chinese numerals.
        digits_only: Chinese digits read one by one (二〇一九): a year or code, never a count.
        has_mult: a 万/亿 multiplier is part of the phrase (29万, 三万, 1.6亿).
        prefix: the hedge word before the number, or None.
    """

    start: int
    end: int
    core_start: int
    value: Decimal
    value_max: Decimal | None = None
    approx: bool = False
    core: str = ""
    chinese: bool = False
    digits_only: bool = False
    has_mult: bool = False
    prefix: str | None = None


#: Digit groups joined by full-width commas as thousands separators (1，200名, １，２００万元): 1–3
#: digits, then groups of exactly three, the run not glued to another digit, decimal point or
#: comma-and-digit on either side, so that enumerations (1，2，3, “3，5”, 2019，2020) stay apart.
_FULL_WIDTH_GROUPS = re.compile(r"(?<![\d.])(?<!\d，)\d{1,3}(?:，\d{3})+(?!\d)(?!，\d)")
#: A full-width comma between digits: where ``_FULL_WIDTH_GROUPS`` can match at all.
_DIGIT_COMMA = re.compile(r"\d，\d")


@lru_cache(maxsize=1024)
def fold_for_numbers(text: str) -> str:
    """``script.fold(text)`` with the full-width comma kept as ``，``; same length as ``text``.

    A full-width comma ends a clause (培训教师300名，500名学生 is two figures), except between
    digit groups of three, where writers use it as the thousands separator like the ASCII comma
    (1,158所; 1，200名 and １，２００万元 are 1200): there it becomes ``,``, which ``scan`` reads as
    a thousands separator. Cached: the percent, money and quantity layers read the same paragraph.
    """
    folded = fold(text)          # per character, so the commas' offsets are those of ``text``
    commas = text.count("，")
    if not commas:
        return folded
    if folded.count(",") == commas:
        # Every , of ``folded`` is a folded ， (most paragraphs: no ASCII comma): put them back.
        joined = folded.replace(",", "，")
    else:
        pieces, pos = [], 0
        for piece in text.split("，"):
            pieces.append(folded[pos:pos + len(piece)])
            pos += len(piece) + 1
        joined = "，".join(pieces)
    if not _DIGIT_COMMA.search(joined):
        return joined            # no comma between digits (most paragraphs): nothing to replace
    return _FULL_WIDTH_GROUPS.sub(lambda m: m.group().replace("，", ","), joined)


def to_number(value: Decimal | None) -> int | float | None:
    """``Decimal`` -> ``int`` when integral (16.4亿 -> 1640000000), else ``float``; None -> None."""
    if value is None:
        return None
    value = Decimal(value)
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _section(text: str) -> Decimal | None:
    """Value of a Chinese numeral below 10^4 (``三千九百七十一``, ``十二``, ``三百五``); None if malformed."""
    total, pending, last_unit, prev = 0, None, None, ""
    for ch in text:
        if ch in CN_DIGITS:
            if prev in CN_DIGITS and prev not in "零〇○":
                return None  # two digits in a row (十三五): not one number
            pending = CN_DIGITS[ch] if ch not in "零〇○" else pending
        elif ch in CN_SMALL_UNITS:
            unit = CN_SMALL_UNITS[ch]
            if last_unit is not None and unit >= last_unit:
                return None
            total += (pending if pending is not None else 1) * unit
            pending, last_unit = None, unit
        else:
            return None
        prev = ch
    if pending is not None:
        # 三百五 = 350: a digit right after a unit, without 零, counts in the next lower place.
        if last_unit is not None and text[-2] in CN_SMALL_UNITS:
            total += pending * last_unit // 10
        else:
            total += pending
    return Decimal(total)


@lru_cache(maxsize=4096)
def parse_chinese(text: str) -> Decimal | None:
    """Value of one Chinese numeral in folded text, exact; None when ``text`` is not one number.

    Args:
        text: Chinese numeral characters only (零〇一二两三…十百千万亿), no hedges or units.
    Returns:
        ``Decimal`` or None. Handles 十, 二十, 十二, 两, 三百五 (= 350), 四千, 一百九十万零三千九百七十一,
        一千三百二十九万, 两万五 (= 25000) and bare 百/万 (= 100/10^4, as in 近百, 近万), splitting
        on 亿 then 万. Digit runs (二〇一九), digit pairs (两三) and 十三五 are not single numbers:
        see ``digits_reading`` and ``parse_cn_range``. Cached (一, 两, 十 recur in every article).
    """
    if not text:
        return None
    for big in ("亿", "万"):
        if big in text:
            i = text.rindex(big) if big == "亿" else text.index(big)
            left, right = text[:i], text[i + 1:]
            lv = parse_chinese(left) if left else Decimal(1)
            if lv is None:
                return None
            rv = Decimal(0)
            if right:
                if right[0] in "零〇○":
                    right = right.lstrip("零〇○")
                elif right[-1] in CN_DIGITS and len(right) == 1:
                    # 两万五 = 25000: a lone digit after 万 counts in the next lower place.
                    right = right + {"亿": "千万", "万": "千"}[big]
                rv = parse_chinese(right) if right else Decimal(0)
                if rv is None or rv >= CN_BIG_UNITS[big]:
                    return None
            return lv * CN_BIG_UNITS[big] + rv
    if len(text) > 1 and all(ch in CN_DIGITS for ch in text):
        return None
    return _section(text)


def digits_reading(text: str) -> Decimal | None:
    """Chinese digits read one by one (``二〇一九`` -> 2019), for runs of 3+ digits; else None."""
    if len(text) >= 3 and all(ch in CN_DIGITS for ch in text):
        return Decimal("".join(str(CN_DIGITS[ch]) for ch in text))
    return None


def parse_cn_range(text: str) -> tuple[Decimal, Decimal] | None:
    """Bounds of a Chinese numeral with a vague digit pair or 几, else None.

    Source patterns: 两三所 (2–3), 一两个 (1–2), 三五天 (3–5), 三四十 (30–40), 十五六 (15–16),
    两三百 (200–300); 十几 (11–19), 几十 (10–90), 几百 (100–900): 几 reads as 一..九.
    """
    if "几" in text:
        low, high = parse_chinese(text.replace("几", "一")), parse_chinese(text.replace("几", "九"))
        return (low, high) if low is not None and high is not None else None
    for i in range(len(text) - 1):
        a, b = text[i], text[i + 1]
        if a in CN_DIGITS and b in CN_DIGITS and CN_DIGITS[a] and (
                CN_DIGITS[b] - CN_DIGITS[a] == 1 or text == "三五"):
            low = parse_chinese(text[:i + 1] + text[i + 2:])
            high = parse_chinese(text[:i] + text[i + 1:])
            if low is not None and high is not None:
                return low, high
    return None


def _step(value: Decimal) -> Decimal:
    """Place value of the last non-zero digit: 4000 -> 1000, 20 -> 10, 1.5 -> 0.1."""
    exp = value.normalize().as_tuple().exponent
    return Decimal(1).scaleb(exp)


#: The groups of one number of ``_PHRASE`` (see ``_num``) that ``_one`` reads, by tag.
_PARTS = {tag: tuple(tag + part for part in ("a", "am", "c", "mid", "mult", "post")) for tag in "xy"}


def _one(m: re.Match, tag: str) -> tuple[Decimal, Decimal | None, bool, bool, bool] | None:
    """(value, value_max, approx, digits_only, has_mult) of one number of the phrase, or None."""
    arabic, arabic_mult, chinese, mid, mult, post = m.group(*_PARTS[tag])
    high, approx, digits_only = None, bool(mid or post), False
    if arabic is not None:
        value = Decimal(arabic.replace(",", "")) * ARABIC_MULT[arabic_mult]
        has_mult = bool(arabic_mult or mult)
    else:
        has_mult = bool(mult) or "万" in chinese or "亿" in chinese
        if chinese[0] in "百千万亿" and not (m.group("pre") or mid or post or tag == "y"):
            return None  # a bare 百/千/万 is a number only when hedged: 近万人次, 百余名, 上千名
        if "点" in chinese:
            return _decimal(chinese, mult)
        value = parse_chinese(chinese)
        if value is None:
            bounds = parse_cn_range(chinese)
            if bounds:
                value, high = bounds
                approx = True
            else:
                value = digits_reading(chinese)
                digits_only = value is not None
        if value is None:
            return None
    if mult:
        factor = ARABIC_MULT[mult]
        if high is not None:
            high *= factor
        elif mid:
            high = (value + _step(value)) * factor  # 四千余万 is below 5000万
        value *= factor
    return value, high, approx, digits_only, has_mult


def _decimal(chinese: str, mult: str | None):
    """``_one``'s tuple for a Chinese decimal (一点五, 三点二五) before an optional 万/亿, or None."""
    whole, frac = chinese.split("点")
    value = parse_chinese(whole)
    if value is None:
        return None
    value += Decimal("0." + "".join(str(CN_DIGITS[ch]) for ch in frac))
    return value * ARABIC_MULT[mult or ""], None, False, False, bool(mult)


def _several(m: re.Match, folded: str) -> tuple[Decimal, Decimal] | None:
    """Bounds of 数 + a bare 十/百/千/万/亿 (数十 -> 10..90, 数千万 -> 10^7..9*10^7), read like 几;
    None when this 数 ends a word (人数, 总数) or the phrase has more than one bare number."""
    xc = m.group("xc")
    if (not xc or xc[0] not in "十百千万亿" or m.group("xmid") or m.group("xmult") or m.group("xpost")
            or m.group("sep") or folded[m.start() - 1:m.start()] in _NOT_SEVERAL):
        return None
    return parse_cn_range("几" + xc)


def scan(folded: str) -> list[Number]:
    """Every number phrase in ``folded`` (output of ``script.fold``), left to right.

    Returns ``Number`` objects with character offsets into ``folded`` (and so into the source).
    A phrase is: optional hedge (约 近 逾 超过 不少于 至少 不到 上…; 数 reads as a range: 数十 ->
    10..90), digits (Arabic with optional thousands separators, decimals and 百/千/万/亿, or
    Chinese numerals, with 点 as their decimal point: 一点五亿), optional 余/多 before or after a
    万/亿 multiplier, and optionally a range separator (至 到 - —) and a second number.
    Numbers glued to Latin letters (K12, 5G) or to a clock time (13:40) are skipped.
    """
    return list(_scan(folded))


@lru_cache(maxsize=512)
def _scan(folded: str) -> tuple[Number, ...]:
    # Cached: the percent, money and quantity layers scan the same paragraph.
    out: list[Number] = []
    pos = 0
    while True:
        m = _PHRASE.search(folded, pos)
        if m is None:
            return tuple(out)
        first = _one(m, "x")
        x_end = m.end("x")
        prefix, arabic, chinese, sep = m.group("pre", "xa", "xc", "sep")
        pos = x_end if sep else m.end()
        if first is None:
            continue
        value, high, approx, digits_only, has_mult = first
        end = x_end
        second = _one(m, "y") if sep else None
        if second is not None:
            v2, h2, a2, _, m2 = second
            mult2 = m.group("yam") or m.group("ymult")
            if mult2 and not has_mult and value * ARABIC_MULT[mult2] <= v2:
                value *= ARABIC_MULT[mult2]  # 3至5万元: the second number's 万 applies to both
                has_mult = True
            if v2 > value:
                high, approx, end, pos = (h2 or v2), approx or a2, m.end(), m.end()
        core_start = m.start("xa") if arabic is not None else m.start("xc")
        start = m.start()
        bare = bool(chinese) and chinese[0] in "百千万亿"
        several = _several(m, folded) if prefix == "数" else None
        if several:
            value, high = several
        if ((prefix == "近" and start > 0 and folded[start - 1] in NOT_NEAR)
                or (prefix == "上" and not bare) or (prefix == "数" and not several)):
            if bare and not (m.group("xmid") or m.group("xpost")):
                continue  # 人数百分比, 附近万…: without its hedge a bare 百/万 is no number
            start, prefix = core_start, None
        after = folded[end:end + 2]
        if (after[:1].isascii() and after[:1].isalpha()) or _CLOCK.match(after):
            continue
        out.append(Number(start, end, core_start, value, high, approx or prefix is not None,
                          arabic or chinese, arabic is None, digits_only, has_mult, prefix))


def parse(text: str) -> int | float | None:
    """Value of a whole number phrase in folded text (``16.4亿``, ``两三``, ``近万``), or None.

    Convenience for callers and tests: the first phrase of ``scan(text)`` when it covers all of
    ``text``; a range gives its lower bound.
    """
    found = scan(text)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(text):
        return to_number(found[0].value)
    return None


# --- context shared by the layers --------------------------------------------------------

_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", "〈": "〉", "〔": "〕", "\"": "\""}
_OPENING = re.compile("[" + re.escape("".join(_PAIRS)) + "]")
_SENTENCE_PUNCT = set("，。！？；：,!?;:")
#: The serial number and 号 right after a document number's year bracket (〔2016〕64号).
_SERIAL = re.compile(r"\d+号")


@lru_cache(maxsize=512)
def shielded_spans(folded: str, quote_limit: int = 15) -> tuple[tuple[int, int], ...]:
    """Spans whose numbers are names, not figures: (start, end) character offsets, end exclusive.

    Rules and their sources: titles in 《》/〈〉 (《…2019年…工作要点》); document-number brackets
    〔〕 and the number right after them (国发〔2016〕64号); short quotations without clause
    punctuation, up to ``quote_limit`` characters (“3+1”, “832”, “万名计划”, “三区三州”). Long
    quoted speech keeps its numbers (“…每顿标准涨到了6块钱…”). Cached (money and quantity ask).
    """
    spans, closed = [], set()
    for opening in _OPENING.finditer(folded):
        i, ch = opening.start(), opening.group()
        close = _PAIRS[ch]
        if i in closed:
            continue
        j = folded.find(close, i + 1)
        if j < 0:
            continue
        closed.add(j)  # a straight " that closes a quotation opens none
        inner = folded[i + 1:j]
        if ch in "《〈〔":
            end = j + 1
            if ch == "〔":
                m = _SERIAL.match(folded, end)
                end = m.end() if m else end
            spans.append((i, end))
        elif len(inner) <= quote_limit and not (set(inner) & _SENTENCE_PUNCT):
            spans.append((i, j + 1))
    return tuple(spans)


def inside(spans, pos: int) -> bool:
    """True when character offset ``pos`` lies in one of ``spans`` (``(start, end)`` pairs)."""
    return any(s <= pos < e for s, e in spans)


#: Clause punctuation; an ASCII comma between digits is a thousands separator (1,158), not a break
#: (the lookbehind, tried only after a punctuation mark, holds a lookahead: "not digit, comma, digit").
_CLAUSE_BREAK = re.compile(r"[，。！？；：,!?;:\n](?<!\d,(?=\d))")


def clause_before(folded: str, pos: int) -> str:
    """Folded text of the clause holding offset ``pos``: from after the last ，。；：！？ (or the
    paragraph start) up to ``pos`` (exclusive). ``pos`` is a character offset."""
    breaks = _clause_breaks(folded)
    k = bisect_left(breaks, pos)          # breaks[:k] lie before ``pos``
    return folded[breaks[k - 1] + 1 if k else 0:pos]


@lru_cache(maxsize=512)
def _clause_breaks(folded: str) -> tuple[int, ...]:
    # Offsets of the clause punctuation in ``folded``, ascending (cached: asked for every figure).
    return tuple(m.start() for m in _CLAUSE_BREAK.finditer(folded))


def clause_after(folded: str, pos: int) -> str:
    """Folded text from character offset ``pos`` up to the next ，。；：！？ (or the end)."""
    m = _CLAUSE_BREAK.search(folded, pos)
    return folded[pos:m.start() if m else len(folded)]


#: Hedges that may stand a few characters before the number. Source: 至少结对帮带2名.
_LOOSE_HEDGE = re.compile(r"(至少|最少|不少于|不低于)[^\d，。；,;]{0,6}$")
_LOOSE_SPAN = 3 + 6      # the longest hedge and the characters that may follow it


def loosely_hedged(folded: str, pos: int) -> bool:
    """True when 至少/不少于… governs the number at ``pos`` from up to 6 characters before it."""
    # A match ends the clause and is at most _LOOSE_SPAN characters long: search only that tail.
    return bool(_LOOSE_HEDGE.search(clause_before(folded, pos)[-_LOOSE_SPAN:]))


_ORDINAL_BEFORE = re.compile(rf"第(?:[\d{_CN_CLASS}]+(?:个|[、,和及至到-]))?$")


def is_ordinal(folded: str, pos: int) -> bool:
    """True when the number at ``pos`` is an ordinal: 第 before it (第十届, 第27个), or 第 before
    the number it is listed or counted with (第1、2批, 第三个10年)."""
    return bool(_ORDINAL_BEFORE.search(folded, max(0, pos - 8), pos))

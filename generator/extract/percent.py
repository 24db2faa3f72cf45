"""Extraction layer for percentages (fact type ``percent``), valued in percent.

``find`` reads one paragraph. Rules match on folded text (``numerals.fold_for_numbers``), so
full-width ％ and digits need no rules of their own; ``text`` is cut from the source.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ..model import Article, Fact, Paragraph
from . import numerals

_TAIL = re.compile(r"左右|以上|以下|以内|上下|之多|多")
_RANGE_SEP = set("至到-—–－~～")
#: 百分之/千分之/万分之 + a Chinese or Arabic number, with 点 as the Chinese decimal point
#: (百分之九十五点五 -> 95.5, 千分之五 -> 0.5, 万分之三 -> 0.03: the value stays in percent).
_WORDED = re.compile(r"(?P<base>[百千万])分之(?P<int>[零〇一二两三四五六七八九十百]+|\d+(?:\.\d+)?)"
                     r"(?:点(?P<frac>[零〇一二三四五六七八九]+))?")
_PER_BASE = {"百": Decimal(1), "千": Decimal("0.1"), "万": Decimal("0.01")}
#: Signs after a figure and what one unit of them is in percent (5‰ -> 0.5).
_SIGN = re.compile(r"%|‰|个百分点")
_SIGN_VALUE = {"%": Decimal(1), "个百分点": Decimal(1), "‰": Decimal("0.1")}
#: 九成, 不到三成, 七八成: tenths, read as percent (七八成 -> 70..80). Only after a verb of proportion
#: (达到九成, 占到了九成, 不到三成) or at the start of a clause (九成以上学生…), so that 建成 / 一成不变
#: never match. The leading lookahead repeats what follows (it changes no match) so that the search
#: skips to a digit before 成 instead of trying the lookbehinds at every character.
_TENTHS = re.compile(r"(?=[一二两三四五六七八九][二三四五六七八九]?成)"
                     r"(?:(?<=[到达占为有了近约超过逾足至，。；,;：:])|^)(?P<d>[一二两三四五六七八九])"
                     r"(?P<d2>[二三四五六七八九])?成(?![员立为本果功长绩就熟交效不])")
_PREFIX = re.compile(r"(" + "|".join(numerals.PREFIXES) + r")$")
_CN_DIGITS = {k: str(v) for k, v in numerals.CN_DIGITS.items()}


def _fact(paragraph: Paragraph, start: int, end: int, value, value_max, approx) -> Fact:
    return Fact(type="percent", text=paragraph.zh[start:end], paragraph=paragraph.id, start=start,
                end=end, value=numerals.to_number(value), value_max=numerals.to_number(value_max),
                approx=approx)


def _hedges(folded: str, start: int, end: int) -> tuple[int, int, bool]:
    """Extend ``start..end`` over a hedge word before (约 近 超过 不到…) and after (左右 以上…)."""
    approx = False
    pre = _PREFIX.search(folded[max(0, start - 3):start])
    if pre:
        start, approx = start - len(pre.group(1)), True
    tail = _TAIL.match(folded, end)
    if tail:
        end, approx = tail.end(), True
    return start, end, approx


def find(paragraph: Paragraph, article: Article | None = None) -> list[Fact]:
    """Percent facts of one paragraph, in order.

    Args:
        paragraph: the paragraph; offsets index ``paragraph.zh`` (characters, end exclusive).
        article: unused; part of the layer interface.
    Returns:
        ``Fact(type="percent")`` with ``value`` in percent. Rules and sources: N% / N％ (96.5%,
        95%以上 -> 95 approx, 95%左右 approx), ranges (30%-40%, 30-40%, 30%至40%), 百分之N
        (百分之九十 -> 90), per mille (千分之五, 5‰ -> 0.5; 万分之三 -> 0.03), N个百分点
        (percentage points: 降低5个百分点 -> 5), N成 (九成以上 -> 90 approx, 不到三成 -> 30 approx,
        七八成 -> 70..80 approx). ``text`` covers the number, the sign or words, and hedges.
    """
    folded = numerals.fold_for_numbers(paragraph.zh)
    facts: list[Fact] = []
    nums = numerals.scan(folded)
    skip_to = -1
    for i, n in enumerate(nums):
        if n.start < skip_to:
            continue
        sign = _SIGN.match(folded, n.end)
        if not sign:
            continue
        end, value_max = sign.end(), n.value_max
        nxt = nums[i + 1] if i + 1 < len(nums) else None
        if nxt is not None and len(sign.group()) == 1 and folded[end:end + 1] in _RANGE_SEP \
                and nxt.start == end + 1 and folded[nxt.end:nxt.end + 1] == sign.group() \
                and nxt.value > n.value:
            value_max, end = nxt.value, nxt.end + 1  # 30%至40%
            skip_to = end
        scale = _SIGN_VALUE[sign.group()]
        start, end, approx = _hedges(folded, n.start, end)
        facts.append(_fact(paragraph, start, end, n.value * scale,
                           value_max * scale if value_max is not None else None, approx or n.approx))
    # The searches below, one per paragraph, are skipped where their fixed words are missing.
    for m in (_WORDED.finditer(folded) if "分之" in folded else ()):
        whole = m.group("int")
        value = Decimal(whole) if whole[0].isdigit() else numerals.parse_chinese(whole)
        if value is None:
            continue
        if m.group("frac"):
            value += Decimal("0." + "".join(_CN_DIGITS[c] for c in m.group("frac")))
        start, end, approx = _hedges(folded, m.start(), m.end())
        facts.append(_fact(paragraph, start, end, value * _PER_BASE[m.group("base")], None, approx))
    for m in (_TENTHS.finditer(folded) if "成" in folded else ()):
        low, high = numerals.CN_DIGITS[m.group("d")], numerals.CN_DIGITS.get(m.group("d2") or "")
        if high is not None and high != low + 1:
            continue  # 七八成 is a range of neighbours; 一九成 is no number
        start, end, approx = _hedges(folded, m.start(), m.end())
        facts.append(_fact(paragraph, start, end, low * 10, high * 10 if high else None,
                           approx or high is not None))
    facts.sort(key=lambda f: f.start)
    return facts

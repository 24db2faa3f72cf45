"""Extraction layer for percentages (fact type ``percent``), valued in percent.

``find`` reads one paragraph. Rules match on folded text (``numerals.fold_for_numbers``), so
full-width ％ and digits need no rules of their own; ``text`` is cut from the source.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ..model import Article, Fact, Paragraph
from . import numerals

_TAIL = re.compile(r"左右|以上|以下|上下|之多|多")
_RANGE_SEP = set("至到-—–－~～")
#: 百分之 + a Chinese or Arabic number, with 点 as the Chinese decimal point (百分之九十五点五).
_WORDED = re.compile(r"百分之(?P<int>[零〇一二两三四五六七八九十百]+|\d+(?:\.\d+)?)(?:点(?P<frac>[零〇一二三四五六七八九]+))?")
#: 九成, 不到三成: tenths, read as percent. Only after a verb of proportion (达到九成, 占到了九成,
#: 不到三成) or at the start of a clause (九成以上学生…), so that 建成 / 一成不变 never match.
_TENTHS = re.compile(r"(?:(?<=[到达占为有了近约超过逾足至，。；,;：:])|^)(?P<d>[一二两三四五六七八九])成(?![员立为本果功长绩就熟交效不])")
_PREFIX = re.compile(r"(" + "|".join(numerals.PREFIXES[:-1]) + r")$")
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
        (百分之九十 -> 90), N个百分点 (percentage points: 降低5个百分点 -> 5), N成 (九成以上 -> 90
        approx, 不到三成 -> 30 approx). ``text`` covers the number, the sign or words, and hedges.
    """
    folded = numerals.fold_for_numbers(paragraph.zh)
    facts: list[Fact] = []
    nums = numerals.scan(folded)
    skip_to = -1
    for i, n in enumerate(nums):
        if n.start < skip_to:
            continue
        sign = re.match(r"%|个百分点", folded[n.end:])
        if not sign:
            continue
        end, value_max = n.end + len(sign.group()), n.value_max
        nxt = nums[i + 1] if i + 1 < len(nums) else None
        if nxt is not None and folded[end:end + 1] in _RANGE_SEP and nxt.start == end + 1 \
                and folded[nxt.end:nxt.end + 1] == "%" and nxt.value > n.value:
            value_max, end = nxt.value, nxt.end + 1  # 30%至40%
            skip_to = end
        start, end, approx = _hedges(folded, n.start, end)
        facts.append(_fact(paragraph, start, end, n.value, value_max, approx or n.approx))
    for m in _WORDED.finditer(folded):
        whole = m.group("int")
        value = Decimal(whole) if whole[0].isdigit() else numerals.parse_chinese(whole)
        if value is None:
            continue
        if m.group("frac"):
            value += Decimal("0." + "".join(_CN_DIGITS[c] for c in m.group("frac")))
        start, end, approx = _hedges(folded, m.start(), m.end())
        facts.append(_fact(paragraph, start, end, value, None, approx))
    for m in _TENTHS.finditer(folded):
        start, end, approx = _hedges(folded, m.start(), m.end())
        value = numerals.CN_DIGITS[m.group("d")] * 10
        facts.append(_fact(paragraph, start, end, value, None, approx))
    facts.sort(key=lambda f: f.start)
    return facts

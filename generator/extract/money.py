"""Extraction layer for amounts of money (fact type ``money``), valued in CNY yuan.

``find`` reads one paragraph. Rules match on folded text (``numerals.fold_for_numbers``:
Simplified, half-width, same length), so 萬元/億元 and full-width digits need no rules of their
own; ``text`` is cut from the source.
"""
from __future__ import annotations

import re

from ..model import Article, Fact, Name, Paragraph
from . import numerals
from .quantity import glossary, glossary_keys, longest_key_ending

#: Yuan written after the figure. Source: 1240万元, 14000余元, 3.86億元, 6块钱, 元钱, 5000万人民币.
#: Foreign currencies (美元, 港元) do not match: the value would not be in yuan.
_YUAN = re.compile(r"元人民币|元钱|元(?![旦素首宵月])|块钱|人民币")
_TAIL = re.compile(r"左右|以上|上下|之多")
#: 3个亿: colloquial for 3亿元 (个 counts the 亿).
_GE_YI = re.compile(r"个亿元?")
#: Words that make a bare 万/亿 figure an amount of money when they stand earlier in its clause.
#: Source: 支援2000万, 采购150万的目标, 采购扶贫产品共计11.2万.
MONEY_WORDS = ("资金", "经费", "捐款", "捐赠", "捐资", "善款", "投入", "投资", "支援", "援助", "采购",
               "购买", "销售", "金额", "资助", "拨付", "拨款", "募集", "筹集", "筹措", "补贴", "补助",
               "奖金", "费用", "预算", "收入", "产值", "营业额", "销售额", "成交额", "花费", "支出")
#: Verbs that open the purpose of a payment after the amount. Source: 拨付100万元…设立教师培训基地,
#: 投入1.42亿元推进…工程, 投入2100万元为…配备录播教室, 挤出48.95万元举行…培训.
PURPOSE_VERBS = ("举行", "举办", "开展", "建设", "建成", "新建", "改建", "改扩建", "推进", "配备",
                 "设立", "采购", "购买", "购置", "资助", "培训", "添置", "实施", "帮助", "用于", "支持")
_RANGE_SEP = set("至到-—–－~～")
#: What may follow a bare 万/亿 amount: 的, or a verb saying what the money does.
#: Words between a purpose noun and its amount (生活费共计6000元).
_CONNECTORS_AT_END = re.compile(r"(共计|合计|累计|总计|共|达到|达|约|为)+$")
_SPEND_AFTER = re.compile("的|用于|用来|用作|支持|支援|资助|帮扶|建设|新建|改建|改造|购买|采购|购置|"
                          "设立|实施|开展|为|给|专项|全部|主要|已")


def _bare_money(folded: str, n: numerals.Number) -> int | None:
    """End offset of a 万/亿 figure used as money without 元, or None.

    Rule: the figure carries 万 or 亿, no noun follows it (only punctuation, the end, 左右/以上,
    的, or a verb of spending: 投入2000万支持…, 用于…), and a money word (资金 经费 投入 采购…)
    stands earlier in the same clause.
    """
    if not n.has_mult:
        return None
    end = n.end
    tail = _TAIL.match(folded, end)
    if tail:
        end = tail.end()
    nxt = folded[end:end + 1]
    if nxt and re.match(r"[\u4e00-\u9fff\d%]", nxt) and not _SPEND_AFTER.match(folded, end):
        return None
    clause = numerals.clause_before(folded, n.start)
    return end if any(word in clause for word in MONEY_WORDS) else None


def purpose(zh: str, folded: str, start: int, end: int) -> Name | None:
    """What the amount at ``zh[start:end]`` pays for, as ``Name(zh, en)``, or None (best effort).

    Rules: a known purpose noun right before the amount (生活费6000元, 交通费1000元); else the
    rest of the clause from the first purpose verb after the amount, when short (拨付100万元给…
    设立教师培训基地 -> 设立教师培训基地). ``en`` only when the phrase is in the glossary.
    """
    clause = numerals.clause_before(folded, start)
    stripped = _CONNECTORS_AT_END.sub("", clause)
    key = longest_key_ending(stripped, *glossary_keys("purposes"))
    if key is not None:
        s = start - (len(clause) - len(stripped)) - len(key)
        return Name(zh=zh[s:s + len(key)], en=glossary("purposes").get(key))
    rest = numerals.clause_after(folded, end)
    hits = [(rest.find(v), v) for v in PURPOSE_VERBS if v in rest]
    if hits:
        pos, _ = min(hits)
        phrase = rest[pos:]
        if 2 <= len(phrase) <= 16:
            return Name(zh=zh[end + pos:end + len(rest)], en=glossary("purposes").get(phrase))
    return None


def find(paragraph: Paragraph, article: Article | None = None) -> list[Fact]:
    """Money facts of one paragraph, in order.

    Args:
        paragraph: the paragraph; offsets index ``paragraph.zh`` (characters, end exclusive).
        article: unused; part of the layer interface.
    Returns:
        ``Fact(type="money")`` with ``value`` in CNY yuan (int; float only for fractions of a
        yuan), ``value_max`` for ranges (3至5万元, 50-60万元, 3500元至5000元, 四千余万元 ->
        40000000..50000000), ``approx`` for 约 近 余 多 左右 逾 超过 超 几 不少于 至少, and
        ``counts`` for the purpose when readable. Amounts end in 元/万元/亿元/块钱, or are a
        万/亿 figure without 元 in a money clause (支援2000万).
    """
    zh, folded = paragraph.zh, numerals.fold_for_numbers(paragraph.zh)
    shielded = numerals.shielded_spans(folded)
    nums = numerals.scan(folded)
    facts: list[Fact] = []
    skip_to = -1
    for i, n in enumerate(nums):
        if n.start < skip_to or numerals.inside(shielded, n.core_start):
            continue
        value, value_max, approx = n.value, n.value_max, n.approx
        unit = _YUAN.match(folded, n.end)
        if not n.has_mult and _GE_YI.match(folded, n.end):
            unit = _GE_YI.match(folded, n.end)
            value, value_max = value * 10 ** 8, (value_max * 10 ** 8 if value_max else None)
        if unit:
            end = unit.end()
            nxt = nums[i + 1] if i + 1 < len(nums) else None
            if nxt is not None and folded[end:end + 1] in _RANGE_SEP and nxt.start == end + 1:
                unit2 = _YUAN.match(folded, nxt.end)
                if unit2 and nxt.value > value:
                    value_max, end, skip_to = nxt.value_max or nxt.value, unit2.end(), unit2.end()
                    approx = approx or nxt.approx  # 3500元至5000元
            tail = _TAIL.match(folded, end)
            if tail:
                end, approx = tail.end(), True
        else:
            end = _bare_money(folded, n)
            if end is None:
                continue
            approx = approx or end > n.end  # 150万左右
        if numerals.is_ordinal(folded, n.start) or folded[n.start - 1:n.start] == "+":
            continue
        approx = approx or numerals.loosely_hedged(folded, n.start)
        facts.append(Fact(type="money", text=zh[n.start:end], paragraph=paragraph.id,
                          start=n.start, end=end, value=numerals.to_number(value),
                          value_max=numerals.to_number(value_max), approx=approx,
                          counts=purpose(zh, folded, n.start, end)))
    return facts

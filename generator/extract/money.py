"""Extraction layer for amounts of money (fact type ``money``), valued in their currency's units.

``find`` reads one paragraph. Rules match on folded text (``numerals.fold_for_numbers``:
Simplified, half-width, same length), so 萬元/億元, 港幣 and full-width digits need no rules of
their own; ``text`` is cut from the source. Amounts are in yuan (CNY) unless a currency word says
otherwise (500万港元, 美元20万): then ``value`` is in that currency's units, never converted, and
``currency_code(fact.text)`` gives its ISO 4217 code.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Article, Fact, Name, Paragraph
from ..script import fold
from . import numerals
from .quantity import glossary, longest_key_ending, purpose_keys

#: Currency words (folded, Simplified) -> ISO 4217 code, for words written after the figure
#: (500万港元, 3000万元人民币) or before it (港币3000万元, 人民币500万元, 美元20万). Yuan is CNY.
CURRENCIES = {
    "人民币": "CNY", "港元": "HKD", "港币": "HKD", "美元": "USD", "美金": "USD", "欧元": "EUR",
    "日元": "JPY", "英镑": "GBP", "澳门元": "MOP", "澳门币": "MOP", "澳元": "AUD", "新台币": "TWD",
    "台币": "TWD", "韩元": "KRW", "加元": "CAD", "卢布": "RUB", "新加坡元": "SGD", "瑞士法郎": "CHF",
}
_FOREIGN = "|".join(sorted((w for w in CURRENCIES if w != "人民币"), key=len, reverse=True))
#: The currency written after the figure. Source: 1240万元, 14000余元, 3.86億元, 6块钱, 元钱,
#: 5000万人民币, 3000万元人民币, 500万港元, 20万美元, 300万日元; 元旦/元月 are not yuan.
_AFTER = re.compile(rf"元人民币|元港币|元钱|{_FOREIGN}|元(?![旦素首宵月])|块钱|人民币")
#: A currency word right before the figure, with a hedge before it (逾人民币3000万元, 约合港币
#: 500万元). ``numerals.scan`` reads a hedge right before the digits itself (港币约3000万元).
_BEFORE = re.compile(rf"(?P<pre>{'|'.join(numerals.PREFIXES)})?(?P<cur>人民币|{_FOREIGN})$")
_BEFORE_SPAN = max(map(len, numerals.PREFIXES)) + max(map(len, CURRENCIES))
_CURRENCY_ENDS = frozenset(word[-1] for word in CURRENCIES)   # cheap test before ``_BEFORE``
_CURRENCY_WORD = re.compile(f"{_FOREIGN}|人民币")
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
#: Words between a purpose noun and its amount (生活费共计6000元).
_CONNECTORS_AT_END = re.compile(r"(共计|合计|累计|总计|共|达到|达|约|为)+$")
#: What may follow a bare 万/亿 amount: 的, or a verb saying what the money does.
_SPEND_AFTER = re.compile("的|用于|用来|用作|支持|支援|资助|帮扶|建设|新建|改建|改造|购买|采购|购置|"
                          "设立|实施|开展|为|给|专项|全部|主要|已")


@lru_cache(maxsize=64)
def currency_code(text: str) -> str:
    """ISO 4217 code of the currency of a money fact's ``text`` (any script): the currency word
    it contains (500万港元 -> HKD, 美元20万 -> USD, 3000萬元 -> CNY), CNY when none is written
    (支援2000万). ``find`` keeps the currency word in the fact's text for this."""
    found = _CURRENCY_WORD.search(fold(text))
    return CURRENCIES[found.group()] if found else "CNY"


def _bare_money(folded: str, n: numerals.Number, currency_before: bool) -> int | None:
    """End offset of a figure used as money without 元, or None.

    Rule: the figure carries 万 or 亿, no noun follows it (only punctuation, the end, 左右/以上,
    的, or a verb of spending: 投入2000万支持…, 用于…), and a money word (资金 经费 投入 采购…)
    stands earlier in the same clause; or a currency word stands right before the figure
    (``currency_before``: 人民币500万, 港币3000), which stands in for both.
    """
    if not (n.has_mult or currency_before):
        return None
    end = n.end
    tail = _TAIL.match(folded, end)
    if tail:
        end = tail.end()
    nxt = folded[end:end + 1]
    if nxt and re.match(r"[\u4e00-\u9fff\d%]", nxt) and not _SPEND_AFTER.match(folded, end):
        return None
    if currency_before:
        return end
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
    key = longest_key_ending(stripped, *purpose_keys())
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
        ``Fact(type="money")`` with ``value`` in the currency's units (CNY yuan unless a currency
        word says otherwise: see ``currency_code``; int, float only for fractions of a unit),
        ``value_max`` for ranges (3至5万元, 50-60万元, 3500元至5000元, 四千余万元 ->
        40000000..50000000), ``approx`` for 约 近 余 多 左右 逾 超过 超 几 数 不少于 至少, also
        before a currency word (逾人民币3000万元), and ``counts`` for the purpose when readable.
        Amounts end in 元/万元/亿元/块钱 or a currency word (500万港元, 20万美元), or are a 万/亿
        figure without 元 in a money clause (支援2000万), or follow a currency word (人民币500万,
        港币3000万元); ``text`` includes a currency word and hedge written before the figure.
    """
    zh, folded = paragraph.zh, numerals.fold_for_numbers(paragraph.zh)
    nums = numerals.scan(folded)
    if not nums:
        return []
    shielded = numerals.shielded_spans(folded)
    facts: list[Fact] = []
    skip_to = -1
    for i, n in enumerate(nums):
        if n.start < skip_to or numerals.inside(shielded, n.core_start):
            continue
        value, value_max, approx = n.value, n.value_max, n.approx
        before = (_BEFORE.search(folded, max(0, n.start - _BEFORE_SPAN), n.start)
                  if folded[n.start - 1:n.start] in _CURRENCY_ENDS else None)
        start = before.start() if before else n.start
        approx = approx or bool(before and before.group("pre"))
        unit = _AFTER.match(folded, n.end)
        if not n.has_mult and _GE_YI.match(folded, n.end):
            unit = _GE_YI.match(folded, n.end)
            value, value_max = value * 10 ** 8, (value_max * 10 ** 8 if value_max else None)
        if unit:
            end = unit.end()
            nxt = nums[i + 1] if i + 1 < len(nums) else None
            if nxt is not None and folded[end:end + 1] in _RANGE_SEP and nxt.start == end + 1:
                unit2 = _AFTER.match(folded, nxt.end)
                if unit2 and nxt.value > value:
                    value_max, end, skip_to = nxt.value_max or nxt.value, unit2.end(), unit2.end()
                    approx = approx or nxt.approx  # 3500元至5000元
            tail = _TAIL.match(folded, end)
            if tail:
                end, approx = tail.end(), True
        else:
            end = _bare_money(folded, n, before is not None)
            if end is None:
                continue
            approx = approx or end > n.end  # 150万左右
        if numerals.is_ordinal(folded, n.start) or folded[n.start - 1:n.start] == "+":
            continue
        approx = approx or numerals.loosely_hedged(folded, start)
        facts.append(Fact(type="money", text=zh[start:end], paragraph=paragraph.id,
                          start=start, end=end, value=numerals.to_number(value),
                          value_max=numerals.to_number(value_max), approx=approx,
                          counts=purpose(zh, folded, start, end)))
    return facts

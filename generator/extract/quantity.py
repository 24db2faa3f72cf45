"""Extraction layer for counts (fact type ``quantity``): a number and a measure word.

``find`` reads one paragraph. Rules match on folded text (``numerals.fold_for_numbers``:
Simplified, half-width, same length), so Traditional text and full-width digits need no rules of
their own; every fact's ``text`` and ``unit`` are cut from the source paragraph, so ``unit`` keeps
the source script (戶, not 户).
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import yaml

from ..model import Article, Fact, Name, Paragraph
from ..script import fold
from . import numerals

#: Measure words (folded, Simplified), matched longest first. Source: the genre's counts —
#: 名 人 人次 位 户 家 (people, households, companies), 所 个 间 座 栋 处 (schools, rooms),
#: 区 县 市 州 省 乡 镇 村 (places: 16區, 5縣, 两县), 批 批次 期 班 场 场次 次 趟 项 节 课时 堂 门 轮 遍
#: 学时 (batches, sessions, lessons), 名次 (places in a ranking: 前进了20名次), 本 册 套 台 部 张 条
#: 种 类 份 件 篇 对 笔 箱 道 副 杯 支 队 组 块 双 袋 顿 (objects, donations, meals), 年 天 周 小时
#: 分钟 学期 (durations), 平方米 厘米 公里 亩 吨 (measures).
#: Not here on purpose: 元 (money), 岁 (ages), 倍 (ratios), 分 点 号 日 (scores, times, dates),
#: bare 月 (12月 is a date; months are counted as 个月), 届 (十九届四中全会 is an ordinal).
UNITS = sorted("""
    人次 人 名次 名 位 户 家 所 个 间 座 栋 处 区 县 市 州 省 乡 镇 村 批次 批 期 班 场次 场 次 趟 项 节
    课时 学时 堂 门 轮 遍 本 册 套 台 部 张 条 种 类 份 件 篇 对 笔 箱 道 副 杯 支 队 组 块 辆 株 棵
    头 双 袋 顿 年 天 周 小时 分钟 学期 学年 平方米 平方公里 公顷 厘米 公里 米 亩 吨 公斤 千克
    """.split(), key=len, reverse=True)
#: Words that begin with a measure word's character but are not a measure after a number
#: (投入2000万支持…, 5000万人民币, 3期工程 is phase three, 九年义务教育 names the system).
NOT_MEASURE = re.compile(
    "支持|支援|支出|支付|支部|位于|所有|所以|所属|台账|对口|对接|对象|本科|本地|本土|道路|班子|期间|"
    "期工程|期项目|场所|场地|次数|条件|类别|座谈|组织|组长|户籍|户口|县城|县委|县级|区域|市场|市级|市委|"
    "省级|省委|州级|天然|年龄|年轻|年义务|年免费|年一贯|年制|周边|周末|周岁|周年|头部|块钱|套餐|家长|"
    "家乡|人民币|次性|个亿|双向|双语|双师|双减|双一流|双重|双方|双创|双线")
#: Time words after 个 (3个月, 3个多月, 一个多小时): the unit is the time word.
GE_TIME = ("小时", "星期", "学期", "学年", "月", "钟头")
DURATIONS = {"年", "月", "天", "周", "小时", "分钟", "星期", "学期", "学年", "钟头"}
#: Stages of schooling: N年 right after one names the stage (学前三年毛入园率, 学前三年行动计划,
#: 高中三年教育), unless a word of time follows (高中三年里, 初中三年来 count years).
STAGES = ("学前", "义务教育", "高中", "初中", "小学", "中职", "高职", "大学", "本科", "幼儿园")
_TIME_AFTER = re.compile(r"[里中内间来后前以多半期的，。；、,;:：！？）)]|时间|$")
#: N年 before a plan's or campaign's name is part of the name (三年行动计划, 五年规划, 三年攻坚).
_PLAN_AFTER = re.compile("行动|规划|计划|攻坚|工程")

_MEASURE = re.compile(
    rf"(?P<ge>个)(?P<gm>多|半)?(?P<time>{'|'.join(GE_TIME)})|(?P<unit>{'|'.join(UNITS)})")
_TAIL = re.compile(r"左右|以上|上下|之多")
#: Heads of people nouns written straight after a 万/亿 figure, without a measure word.
#: Source: 29万残疾人, 2.8万贫困残疾人, 200万小用户, 14亿人民 (gold 05 and 06).
PEOPLE_HEADS = ("人", "用户", "学生", "儿童", "农民", "群众", "人口", "贫困户", "家庭", "教师",
                "职工", "党员", "居民", "村民", "农牧民", "劳动力", "毕业生", "师生", "志愿者")
_NOUN_AFTER = re.compile(rf"(?P<mod>[\u4e00-\u9fff]{{0,4}}?)(?P<head>{'|'.join(PEOPLE_HEADS)})")
#: Characters that cannot stand inside a noun phrase after a figure (particles, prepositions,
#: measure words, 元): seeing one means the noun belongs to another phrase.
_NOT_NOUN = set("元块的和与及在为给向对是有个名次将已被把从等中到了也都共达约近")
_CN_DIGIT = set("一二两三四五六七八九十")
_RANGE_SEP = set("至到-—–－~～")
#: Words between a noun and its figure (教师共计369名, 学生达87名), skipped when reading counts.
_CONNECTORS = ("共计", "合计", "累计", "总计", "共有", "共", "计", "达到", "达", "为", "有", "各",
               "分别", "约", "近", "超过", "逾", "多达", "等")
#: Verbs of the genre that may stand between a figure and a noun but never modify the noun
#: (两批选派援疆教师: the batches are not "选派 teachers"; 2000万支援贫困人口 is money).
_VERBS = re.compile("选派|派出|培训|招收|招生|资助|劝返|建设|新建|改建|配备|开展|举办|组织|帮扶|带动|"
                    "惠及|覆盖|接收|发放|捐赠|投入|完成|实现|参加|参与|结对|帮带|录取|安置|设立|开设|组建|"
                    "支援|支持|用于|帮助|救助|慰问")


@lru_cache(maxsize=None)
def _names_file() -> dict:
    path = Path(__file__).resolve().parent.parent / "names" / "counted_nouns.yaml"
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


@lru_cache(maxsize=1)
def _glossaries() -> dict[str, dict[str, str]]:
    # Every section as ``glossary`` gives it, made once (argument-less: loaded data, as the file).
    return {str(section): {str(k): str(v) for k, v in (entries or {}).items()}
            for section, entries in _names_file().items()}


def glossary(section: str = "counts") -> dict[str, str]:
    """``names/counted_nouns.yaml``: Simplified noun -> English; ``section`` is ``counts`` (what a
    figure counts) or ``purposes`` (what money pays for). Loaded once and shared: read only."""
    return _glossaries().get(section, {})


def _keys(section: str, min_len: int) -> tuple[frozenset[str], tuple[int, ...]]:
    # Keys of ``glossary(section)`` with at least ``min_len`` characters, and their lengths,
    # longest first: ``(keys, lengths)``, for longest-match lookups by slicing.
    keys = frozenset(k for k in glossary(section) if len(k) >= min_len)
    return keys, tuple(sorted({len(k) for k in keys}, reverse=True))


@lru_cache(maxsize=1)
def count_keys() -> tuple[frozenset[str], tuple[int, ...]]:
    """The count nouns of two or more characters and their lengths, longest first (``_keys``):
    one-character nouns (人, 县) are too often the tail of a longer word (带头人) to match alone."""
    return _keys("counts", 2)


@lru_cache(maxsize=1)
def purpose_keys() -> tuple[frozenset[str], tuple[int, ...]]:
    """The purposes money pays for and their lengths, longest first (``_keys``)."""
    return _keys("purposes", 1)


def longest_key_at(text: str, pos: int, keys: frozenset[str], lengths: tuple[int, ...]) -> str | None:
    """The longest of ``keys`` written at offset ``pos`` of ``text`` (``lengths``: theirs, longest
    first), or None."""
    return next((text[pos:pos + n] for n in lengths if pos + n <= len(text) and text[pos:pos + n] in keys), None)


def longest_key_ending(text: str, keys: frozenset[str], lengths: tuple[int, ...]) -> str | None:
    """The longest of ``keys`` that ``text`` ends with (``lengths``: theirs, longest first), or None."""
    return next((text[len(text) - n:] for n in lengths if n <= len(text) and text[len(text) - n:] in keys), None)


#: A run of Han characters (modifiers between a figure and its noun).
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


@lru_cache(maxsize=1)
def _count_key_starts() -> frozenset[str]:
    # First characters of the count nouns ``_key_at`` looks for: at any other character none starts.
    return frozenset(key[0] for key in count_keys()[0])


def _key_at(folded: str, pos: int, max_gap: int = 0) -> tuple[int, str] | None:
    """A glossary noun starting at ``pos`` or after up to ``max_gap`` modifier characters."""
    rest = numerals.clause_after(folded, pos)
    keys, lengths = count_keys()
    starts = _count_key_starts()
    for gap in range(max_gap + 1):
        if gap and (set(rest[:gap]) & _NOT_NOUN or not _HAN_RUN.fullmatch(rest[:gap])
                    or _VERBS.search(rest[:gap])):
            return None
        if rest[gap:gap + 1] not in starts:
            continue
        key = longest_key_at(rest, gap, keys, lengths)
        if key is not None:
            return gap, key
    return None


def _key_before(folded: str, pos: int) -> tuple[int, int, list[str]] | None:
    """Glossary nouns ending at ``pos`` after skipping connectors (共计, 达…), with coordination
    (管理干部和支教教师). Returns (start, end, keys) character offsets, or None."""
    clause = numerals.clause_before(folded, pos)
    base = pos - len(clause)
    changed = clause.endswith(_CONNECTORS)   # else the loop would strip nothing
    while changed:
        changed = False
        for word in _CONNECTORS:
            if clause.endswith(word) and len(clause) > len(word):
                clause, changed = clause[:-len(word)], True
    key_end = base + len(clause)
    keys: list[str] = []
    known, lengths = count_keys()
    while True:
        key = longest_key_ending(clause, known, lengths)
        if key is None:
            break
        keys.insert(0, key)
        clause = clause[:-len(key)]
        if clause[-1:] not in ("和", "与", "及", "、"):
            break
        clause = clause[:-1]
    if not keys:
        return None
    start = base + len(clause)
    if folded[start] in "和与及、":
        start += 1
    return start, key_end, keys


def counted(zh: str, folded: str, start: int, end: int, unit: str | None = None) -> Name | None:
    """What the figure at ``zh[start:end]`` counts, as ``Name(zh, en)``, or None.

    Rules: the noun right after the figure (600名大学生, 10间远程教室, up to 4 modifier
    characters before a known noun); else the noun phrase right before the figure in its
    clause, connectors skipped (管理干部和支教教师369名, 教师共计…名); else the measure word
    itself when it is a noun (十户 -> households, 2000人次 -> person-times). ``zh`` is cut from
    the source; ``en`` comes from ``counted_nouns.yaml``.
    """
    after = _key_at(folded, end, max_gap=4)
    if after:
        gap, key = after
        return Name(zh=zh[end:end + gap + len(key)], en=glossary()[key])
    before = _key_before(folded, start)
    if before:
        s, e, keys = before
        return Name(zh=zh[s:e], en=" and ".join(glossary()[k] for k in keys))
    if unit and fold(unit) in glossary():
        return Name(zh=unit, en=glossary()[fold(unit)])
    return None


def _measure(folded: str, n: numerals.Number):
    """(unit_start, unit_end, end, approx, half) of the measure word after ``n``, or None."""
    m = _MEASURE.match(folded, n.end)
    if m is None:
        return None
    if m.group("ge"):
        us, ue = m.span("time")
        approx, half = m.group("gm") == "多", m.group("gm") == "半"
    else:
        us, ue = m.span("unit")
        approx, half = False, False
    end = ue
    if folded[us:ue] in DURATIONS and folded[end:end + 1] == "多":  # 3年多
        end, approx = end + 1, True
    elif folded[us:ue] in DURATIONS and folded[end:end + 1] == "半" and not half:  # 一年半
        end, half = end + 1, True
    tail = _TAIL.match(folded, end)
    if tail:
        end, approx = tail.end(), True
    return us, ue, end, approx, half


def _people_noun(folded: str, n: numerals.Number):
    """(unit_start, unit_end) of a people noun written right after a 万/亿 figure, or None."""
    if not n.has_mult:
        return None
    m = _NOUN_AFTER.match(folded, n.end)
    if m is None or set(m.group("mod")) & _NOT_NOUN or _VERBS.search(m.group("mod")):
        return None
    return m.start(), m.end()


def _excluded(folded: str, n: numerals.Number, unit: str, unit_end: int, ranged: bool,
              approx: bool, shielded) -> bool:
    """True when the number is not a count (each rule names its source pattern)."""
    before, after = folded[:n.start], folded[unit_end:unit_end + 3]
    if numerals.inside(shielded, n.core_start) or numerals.is_ordinal(folded, n.start):
        return True  # “3+1”, 《…三年行动方案》, 第十届, 第27个, 第三个10年
    if before.endswith("+") or folded[n.end:n.end + 1] == "+" or n.digits_only:
        return True  # 3+1, 二〇一九年
    if unit in ("年", "学年") and (after[:1] in "代级度初底末" or (
            not n.chinese and not n.has_mult and (n.value >= 1000 or (n.value_max or 0) >= 1000))):
        return True  # 2019年, 2018—2020年, 五十年代, 一年级
    if unit == "年" and (_PLAN_AFTER.match(folded, unit_end) or (
            before.endswith(STAGES) and (before.endswith("学前")
                                              or not _TIME_AFTER.match(folded, unit_end)))):
        return True  # 学前三年毛入园率, 高中三年教育, 三年行动计划: names, not counts of years
    if unit == "个" and after.startswith("百分"):
        return True  # 5个百分点 is a percentage
    if NOT_MEASURE.match(folded, unit_end - len(unit)):
        return True  # 2000万支持…, 一次性, 120周年, 6块钱
    single = n.chinese and len(n.core) == 1 and not ranged
    if (single or unit == "对") and (after[:1] in _CN_DIGIT or after[:1].isdigit()):
        return True  # 一对一, 1对1, 三区三州: slogans pairing numbers with words (not 312户1205人)
    if single and len(before) >= 2 and before[-2] in _CN_DIGIT and before[-1] not in _CN_DIGIT:
        return True  # the second half of 三区三州, 一村一幼, 十里八乡
    if n.core == "一" and not ranged and not approx:
        if len(unit) == 1 and after[:1] == unit:
            return True  # 一道道, 一年年: reduplication, not a count
        clause = numerals.clause_before(folded, n.start)
        if "每" not in clause or clause.endswith("每"):
            return True  # 一个“老大难”, 一所类似的…: the indefinite article; 每一个 is "every"
    if n.core == "二" and not ranged and unit != "人":
        return True  # 二期工程, 二类: 二 before a measure word names, 两 counts (but 师生二人)
    return False


def _fact(paragraph: Paragraph, start: int, end: int, value, value_max, approx, unit,
          counts) -> Fact:
    zh = paragraph.zh
    return Fact(type="quantity", text=zh[start:end], paragraph=paragraph.id, start=start, end=end,
                value=numerals.to_number(value), value_max=numerals.to_number(value_max),
                approx=approx, unit=unit, counts=counts)


def find(paragraph: Paragraph, article: Article | None = None) -> list[Fact]:
    """Quantity facts of one paragraph, in order.

    Args:
        paragraph: the paragraph; offsets index ``paragraph.zh`` (characters, end exclusive).
        article: unused; part of the layer interface.
    Returns:
        ``Fact(type="quantity")`` with ``value`` the count (int, or float for 1.5), ``value_max``
        for ranges (5至8名, 两三名, 一年至三年), ``approx`` for 余 多 近 约 左右 逾 超过 不少于 至少
        几, ``unit`` the measure word as written (戶, 個; 3個多月 -> 月), ``counts`` what is counted.
        Counts without a measure word after a 万/亿 figure take the noun as unit (29万残疾人).
    """
    zh, folded = paragraph.zh, numerals.fold_for_numbers(paragraph.zh)
    nums = numerals.scan(folded)
    if not nums:
        return []
    shielded = numerals.shielded_spans(folded)
    facts: list[Fact] = []
    skip_to = -1
    for i, n in enumerate(nums):
        if n.start < skip_to:
            continue
        hit = _measure(folded, n)
        value, value_max = n.value, n.value_max
        noun = _people_noun(folded, n)
        if hit and noun and noun[0] == n.end and noun[1] > hit[1]:
            hit = None  # 200万家庭, 14亿人口: the people noun, not its first character, is the unit
        if hit is None:
            if noun is None or numerals.inside(shielded, n.core_start):
                continue
            us, ue = noun
            approx = n.approx or numerals.loosely_hedged(folded, n.start)
            facts.append(_fact(paragraph, n.start, ue, value, value_max, approx, zh[us:ue],
                               Name(zh=zh[us:ue], en=glossary().get(folded[us:ue]))))
            continue
        us, ue, end, approx, half = hit
        if half:
            value += Decimal("0.5")  # 1个半月, 一年半
        ranged = value_max is not None and not n.approx
        nxt = nums[i + 1] if i + 1 < len(nums) else None
        if nxt is not None and folded[end:end + 1] in _RANGE_SEP and nxt.start == end + 1:
            hit2 = _measure(folded, nxt)
            if hit2 and folded[hit2[0]:hit2[1]] == folded[us:ue] and nxt.value > value:
                value_max, end, ranged = nxt.value_max or nxt.value, hit2[2], True  # 一年至三年
                approx = approx or hit2[3]
                skip_to = end
        # 近五年, 近3年来 mean "the past five years": 近 hedges other counts, not years.
        near_years = n.prefix == "近" and folded[us:ue] == "年"
        inner = folded[n.core_start:n.end]
        inner_hedge = n.value_max is not None or any(ch in inner for ch in "余多几")
        approx = (approx or numerals.loosely_hedged(folded, n.start)
                  or (n.approx and (not near_years or inner_hedge)))
        hedged = approx or half or bool(n.prefix)
        if _excluded(folded, n, folded[us:ue], ue, ranged, hedged, shielded):
            continue
        facts.append(_fact(paragraph, n.start, end, value, value_max, approx, zh[us:ue],
                           counted(zh, folded, n.start, end, zh[us:ue])))
    return facts

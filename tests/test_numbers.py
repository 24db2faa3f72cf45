"""Numeric extraction layers: numerals, money, quantity, percent.

Example sentences are invented for these tests (in the register of the genre); the one
corpus-based test reads the seed article and its gold file from their own places.
"""
from __future__ import annotations

import pytest
import yaml

from generator.extract import money, numerals, percent, quantity
from generator.model import Paragraph
from generator.script import fold

from conftest import SEED, SEED_GOLD


def para(text: str) -> Paragraph:
    return Paragraph(id="p1", zh=text, line=1)


def facts(text: str, *layers):
    """Facts of ``text`` from ``layers`` (default: all three), numeric overlaps resolved in layer
    order as ``generator.extract.extract_facts`` does; every fact is checked for provenance."""
    out, spans = [], []
    for layer in layers or (percent, money, quantity):
        for fact in layer.find(para(text), None):
            assert text[fact.start:fact.end] == fact.text
            assert not isinstance(fact.value, str)
            if any(fact.start < e and s < fact.end for s, e in spans):
                continue
            spans.append((fact.start, fact.end))
            out.append(fact)
    return sorted(out, key=lambda f: f.start)


def one(text: str, layer, wanted: str):
    found = [f for f in layer.find(para(text), None) if f.text == wanted]
    assert found, [f.text for f in layer.find(para(text), None)]
    return found[0]


# --- numerals -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("十", 10), ("二十", 20), ("十二", 12), ("两", 2), ("三百五", 350), ("四千", 4000),
    ("一百九十万零三千九百七十一", 1903971), ("一千三百二十九萬", 13290000), ("两万五", 25000),
    ("近万", 10000), ("近百", 100), ("1,158", 1158), ("１２３", 123), ("3.5", 3.5),
])
def test_numerals_parse(text, value):
    got = numerals.parse(fold(text))
    assert got == value and type(got) is type(value)


def test_numerals_are_exact_decimal_arithmetic():
    assert numerals.parse("16.4亿") == 1640000000 and isinstance(numerals.parse("16.4亿"), int)
    assert numerals.parse("34.275万") == 342750
    assert numerals.parse("0.978亿") == 97800000


@pytest.mark.parametrize("text, low, high", [
    ("两三", 2, 3), ("一两", 1, 2), ("三四十", 30, 40), ("十五六", 15, 16), ("3至5万", 30000, 50000),
    ("50-60万", 500000, 600000), ("四千余万", 40000000, 50000000), ("十几", 11, 19),
])
def test_numerals_ranges(text, low, high):
    (number,) = numerals.scan(text)
    assert (numerals.to_number(number.value), numerals.to_number(number.value_max)) == (low, high)


def test_full_width_comma_separates_figures_ascii_comma_groups_thousands():
    assert [f.text for f in facts("培训教师300，500名学生参加，共1,158所学校。")] == ["500名", "1,158所"]


def test_numerals_reject_what_is_not_one_number():
    assert numerals.scan("十三五") == []          # a plan's name, not 135
    assert numerals.parse("万") is None            # a bare 万 only counts when hedged (近万)
    assert numerals.scan("K12平台") == [] and numerals.scan("13:40") == []


# --- money ----------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, text, value, approx", [
    ("全县今年投入教育资金约2300万元。", "约2300万元", 23000000, True),
    ("师生共捐款8600余元。", "8600余元", 8600, True),
    ("每人每月补助800元左右。", "800元左右", 800, True),
    ("兩年來累計投入經費逾3.5億元。", "逾3.5億元", 350000000, True),
    ("投入资金超过1.2亿元。", "超过1.2亿元", 120000000, True),
    ("每位教师每天补贴12块钱。", "12块钱", 12, False),
    ("共拨付资金五百六十万元。", "五百六十万元", 5600000, False),
    ("全年培訓經費１２０萬元。", "１２０萬元", 1200000, False),
])
def test_money_amounts(sentence, text, value, approx):
    fact = one(sentence, money, text)
    assert fact.type == "money" and fact.value == value and fact.approx is approx


@pytest.mark.parametrize("sentence, text, low, high", [
    ("每所学校补助3至5万元。", "3至5万元", 30000, 50000),
    ("项目资金50-60万元。", "50-60万元", 500000, 600000),
    ("月薪在2800元至4000元之间。", "2800元至4000元", 2800, 4000),
    ("累计投入四千余万元。", "四千余万元", 40000000, 50000000),
])
def test_money_ranges(sentence, text, low, high):
    fact = one(sentence, money, text)
    assert (fact.value, fact.value_max) == (low, high)


def test_money_without_yuan_in_a_money_clause():
    assert one("该区今年支援2000万。", money, "2000万").value == 20000000
    assert one("完成采购80万的年度目标。", money, "80万").value == 800000
    assert one("各学院采购农产品共计6.5万。", money, "6.5万").value == 65000
    assert money.find(para("全县有留守儿童1.5万，分布在各乡镇。"), None) == []
    assert [f.type for f in facts("帮扶资金惠及200万家庭。")] == ["quantity"]


def test_money_purpose_is_read_when_written():
    fact = one("拨付80万元建设乡村学校图书室。", money, "80万元")
    assert fact.counts is not None and fact.counts.zh == "建设乡村学校图书室"
    assert one("每人每年补助生活费4000元。", money, "4000元").counts.en == "living allowance"


# --- quantity -------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, text, value, unit, approx", [
    ("全市選派支教教師１５０名。", "１５０名", 150, "名", False),
    ("幹部與八戶貧困戶結對。", "八戶", 8, "戶", False),
    ("开展培训五百余人次。", "五百余人次", 500, "人次", True),
    ("为期4個多月的支教。", "4個多月", 4, "月", True),
    ("共有近两千名学生参加。", "近两千名", 2000, "名", True),
    ("全县建成二十多所乡村幼儿园。", "二十多所", 20, "所", True),
    ("每批选派300名左右骨干教师。", "300名左右", 300, "名", True),
    ("惠及学生1.2万人次。", "1.2万人次", 12000, "人次", False),
    ("每年组织送教活动不少于三次。", "不少于三次", 3, "次", True),
    ("连续两年获评先进。", "两年", 2, "年", False),
])
def test_quantity_counts(sentence, text, value, unit, approx):
    fact = one(sentence, quantity, text)
    assert (fact.value, fact.unit, fact.approx) == (value, unit, approx)


@pytest.mark.parametrize("sentence, text, low, high", [
    ("每名教师帮带两三名新教师。", "两三名", 2, 3),
    ("援派周期为一年至两年。", "一年至两年", 1, 2),
    ("每校派出4至6名教师。", "4至6名", 4, 6),
])
def test_quantity_ranges(sentence, text, low, high):
    fact = one(sentence, quantity, text)
    assert (fact.value, fact.value_max) == (low, high)


def test_quantity_without_measure_word_after_wan():
    fact = one("全省约有15万留守儿童。", quantity, "15万留守儿童")
    assert (fact.value, fact.unit) == (150000, "留守儿童")


def test_quantity_counts_what_it_counts():
    assert one("今年共选派支教教师和管理干部85名。", quantity, "85名").counts.zh == "支教教师和管理干部"
    fact = one("选派3批共计90名大学生赴山区支教。", quantity, "90名")
    assert (fact.counts.zh, fact.counts.en) == ("大学生", "university students")


@pytest.mark.parametrize("sentence", [
    "2019年12月25日召开会议。",                     # year and date
    "8月5—6日举办培训。",                           # date range
    "举办第十届演讲比赛，第27个助残日，第五批教师到岗。",  # ordinals
    "根据国发〔2016〕64号文件精神。",                 # document number
    "推行“3+1”培养模式。",                         # programme name in quotes
    "会议于13:40开始。",                            # clock time
    "入学率提高5个百分点。",                         # percentage points
    "这是一个难题，也是一所特别的学校。",              # indefinite 一
    "推进二期工程，落实“一村一幼”。",                  # 二 names a phase; quoted slogan
    "党的十九届四中全会以来，三区三州全面推进。",        # 届 ordinal; slogan
    "实施九年义务教育，七年级学生入学。",              # system name, school year
])
def test_quantity_exclusions(sentence):
    assert [f.text for f in quantity.find(para(sentence), None)] == []


def test_quantity_indefinite_one_counts_after_mei():
    fact = one("每季度开展一次家访。", quantity, "一次")
    assert fact.value == 1


# --- percent --------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, text, value, approx", [
    ("巩固率达95%以上。", "95%以上", 95, True),
    ("覆盖率达到百分之九十。", "百分之九十", 90, False),
    ("约95％左右的学生。", "约95％左右", 95, True),
    ("上线率为58.6%。", "58.6%", 58.6, False),
    ("九成以上学生会说普通话。", "九成以上", 90, True),
])
def test_percent(sentence, text, value, approx):
    fact = one(sentence, percent, text)
    assert (fact.value, fact.approx) == (value, approx)


def test_percent_range():
    fact = one("占比在30%-40%之间。", percent, "30%-40%")
    assert (fact.value, fact.value_max) == (30, 40)


# --- the seed article against its gold file -------------------------------------------------

@pytest.mark.skipif(not SEED_GOLD.exists(), reason="shared gold files not available")
@pytest.mark.parametrize("kind", ["money", "quantity"])
def test_seed_gold_money_and_quantities_are_found(kind):
    from generator.read import read_article

    gold = yaml.safe_load(SEED_GOLD.read_text("utf-8"))[kind]
    found = [f for p in read_article(SEED).paragraphs() for f in facts(p.zh) if f.type == kind]
    for want in gold:
        hits = [f for f in found if (want["text"] in f.text or f.text in want["text"])
                and f.value == want["value"] and (not want.get("approx") or f.approx)]
        assert hits, f"gold {kind} {want['text']} not found"
    assert len(found) == len(gold)

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
    assert [f.text for f in facts("培训教师300名，500名学生参加，共1,158所学校。")] == [
        "300名", "500名", "1,158所"]


@pytest.mark.parametrize("sentence, text, value", [
    ("全年募集善款１，２００万元。", "１，２００万元", 12000000),
    ("共培训1，200名乡村教师。", "1，200名", 1200),
    ("累计资助1，250，000元。", "1，250，000元", 1250000),
    ("惠及学生1,200人。", "1,200人", 1200),
])
def test_full_width_comma_between_groups_of_three_is_a_thousands_separator(sentence, text, value):
    assert [(f.text, f.value) for f in facts(sentence)] == [(text, value)]


@pytest.mark.parametrize("sentence, texts", [
    ("分为1，2，3号楼，共5所。", ["5所"]),            # enumeration: groups of one digit
    ("见“3，5”两条。", ["两条"]),
    ("2019，2020年连续两年达标。", ["两年"]),           # a four-digit group is no thousands group
    ("培训教师12，3500名学生参加。", ["3500名"]),      # a group of four digits is a new figure
])
def test_full_width_comma_elsewhere_ends_a_clause(sentence, texts):
    assert [f.text for f in facts(sentence)] == texts


def test_clause_does_not_end_at_a_thousands_comma():
    folded = numerals.fold_for_numbers("资金1，200万元用于建设")
    assert numerals.clause_before(folded, folded.index("用")) == "资金1,200万元"


@pytest.mark.parametrize("text, value", [("一点五亿", 150000000), ("三点二五", 3.25), ("两点五万", 25000)])
def test_numerals_chinese_decimal_point(text, value):
    assert numerals.parse(text) == value


def test_numerals_chinese_decimal_is_not_a_clock_time():
    assert [f.text for f in facts("下午三点五十分，投入一点二亿元。")] == ["一点二亿元"]


@pytest.mark.parametrize("sentence, text, low, high", [
    ("每年培训数十名骨干教师。", "数十名", 10, 90),
    ("累计投入数千万元。", "数千万元", 10000000, 90000000),
    ("惠及数万名学生。", "数万名", 10000, 90000),
])
def test_numerals_shu_is_several(sentence, text, low, high):
    fact = one(sentence, money if "元" in text else quantity, text)
    assert (fact.value, fact.value_max, fact.approx) == (low, high, True)


@pytest.mark.parametrize("sentence, texts", [
    ("全县学生总数十二万人。", ["十二万人"]),           # 总数 is a word: 数 is not "several"
    ("参赛人数百分之八十来自农村。", ["百分之八十"]),
    ("少数民族学生300名。", ["300名"]),
])
def test_numerals_shu_ending_a_word_is_no_hedge(sentence, texts):
    found = facts(sentence)
    assert [f.text for f in found] == texts and not any(f.approx for f in found)


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


def test_money_exact_values():
    assert one("采购农产品一百九十万零三千九百七十一元。", money, "一百九十万零三千九百七十一元").value == 1903971
    fact = one("全省投入16.4亿元改善办学条件。", money, "16.4亿元")
    assert fact.value == 1640000000 and type(fact.value) is int


@pytest.mark.parametrize("sentence, text, value", [
    ("全年投入逾人民币3000万元。", "逾人民币3000万元", 30000000),
    ("累计筹集超过人民币1亿元。", "超过人民币1亿元", 100000000),
    ("企业捐赠约人民币500万元。", "约人民币500万元", 5000000),
    ("校友捐资近人民幣80萬元。", "近人民幣80萬元", 800000),
    ("基金会捐赠超人民币2亿元。", "超人民币2亿元", 200000000),
    ("项目折合人民币约2700万元。", "人民币约2700万元", 27000000),
])
def test_money_hedge_before_the_currency_word(sentence, text, value):
    fact = one(sentence, money, text)
    assert (fact.value, fact.approx, money.currency_code(fact.text)) == (value, True, "CNY")


@pytest.mark.parametrize("sentence, text, value, code", [
    ("香港爱心人士捐款港币3000万元。", "港币3000万元", 30000000, "HKD"),
    ("另募得善款500万港元。", "500万港元", 5000000, "HKD"),
    ("澳門基金會捐贈80萬澳門元。", "80萬澳門元", 800000, "MOP"),
    ("海外校友捐赠20万美元。", "20万美元", 200000, "USD"),
    ("该基金会资助美元15万，用于奖学金。", "美元15万", 150000, "USD"),
    ("欧盟援助10万欧元。", "10万欧元", 100000, "EUR"),
    ("日本友人捐赠300万日元。", "300万日元", 3000000, "JPY"),
    ("英国基金会资助5万英镑。", "5万英镑", 50000, "GBP"),
    ("捐资3000万元人民币。", "3000万元人民币", 30000000, "CNY"),
    ("捐资5000万人民币。", "5000万人民币", 50000000, "CNY"),
    ("生活费人民币6000元。", "人民币6000元", 6000, "CNY"),
    ("该区今年支援2000万。", "2000万", 20000000, "CNY"),
])
def test_money_currency_is_kept_not_converted(sentence, text, value, code):
    fact = one(sentence, money, text)
    assert (fact.value, money.currency_code(fact.text)) == (value, code)


def test_money_foreign_range_and_currency_code_in_any_script():
    fact = one("每人资助3000美元至5000美元。", money, "3000美元至5000美元")
    assert (fact.value, fact.value_max) == (3000, 5000)
    assert money.currency_code("港幣約3000萬元") == "HKD" and money.currency_code("3000萬元") == "CNY"


def test_money_currency_word_does_not_change_the_purpose():
    assert one("每人每年补助生活费人民币4000元。", money, "人民币4000元").counts.en == "living allowance"


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


@pytest.mark.parametrize("sentence, text, low, high, approx", [
    ("新建两三所乡村学校。", "两三所", 2, 3, True),
    ("每县新建3至5所学校。", "3至5所", 3, 5, False),
    ("每期培训50-60人。", "50-60人", 50, 60, False),
])
def test_quantity_ranges_of_schools_and_people(sentence, text, low, high, approx):
    fact = one(sentence, quantity, text)
    assert (fact.value, fact.value_max, fact.approx) == (low, high, approx)


@pytest.mark.parametrize("sentence, text, value, unit", [
    ("他的成绩前进了20个名次。", "20个", 20, "个"),       # 个 + noun: the unit is 个 (gold style)
    ("全班排名提升15名次。", "15名次", 15, "名次"),
    ("每天阅读40分钟。", "40分钟", 40, "分钟"),
    ("完成培训120学时。", "120学时", 120, "学时"),
    ("捐赠运动鞋300双、大米200袋。", "300双", 300, "双"),
    ("班主任为劝返这名学生先后家访七趟。", "七趟", 7, "趟"),
])
def test_quantity_measure_words(sentence, text, value, unit):
    fact = one(sentence, quantity, text)
    assert (fact.value, fact.unit) == (value, unit)


def test_quantity_ranking_places_are_counted_as_such():
    assert one("他的成绩前进了20个名次。", quantity, "20个").counts.en == "places in the ranking"


@pytest.mark.parametrize("sentence", [
    "全县学前三年毛入园率达到90%。",
    "实施学前三年行动计划。",
    "普及学前三年教育，推行高中三年免费教育。",
    "制定教育脱贫攻坚三年行动计划，编制五年规划。",
])
def test_quantity_stage_and_plan_names_with_years_are_no_counts(sentence):
    assert [f.text for f in quantity.find(para(sentence), None)] == []


@pytest.mark.parametrize("sentence, text", [
    ("用三年时间完成改造。", "三年"),
    ("学校连续三年获评先进。", "三年"),
    ("三年来累计投入资金。", "三年"),
    ("初中三年里他从未缺课。", "三年"),
])
def test_quantity_durations_in_years_are_counts(sentence, text):
    fact = one(sentence, quantity, text)
    assert (fact.value, fact.unit) == (3, "年")


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
    ("巩固率达到百分之九十五。", "百分之九十五", 95, False),
    ("农村学生约三成。", "约三成", 30, True),
    ("辍学率降到千分之五。", "千分之五", 0.5, False),
    ("辍学率控制在5‰以内。", "5‰以内", 0.5, True),
    ("差错率为万分之三。", "万分之三", 0.03, False),
    ("入学率提高了一点五个百分点。", "一点五个百分点", 1.5, False),
])
def test_percent(sentence, text, value, approx):
    fact = one(sentence, percent, text)
    assert (fact.value, fact.approx) == (value, approx)


def test_percent_tenths_range():
    fact = one("有七八成的学生住校。", percent, "七八成")
    assert (fact.value, fact.value_max, fact.approx) == (70, 80, True)


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

"""Every money fact carries the ISO 4217 code of its currency, and pages show the amount in it."""
from generator.document import validate
from generator.pipeline import facts_for


def test_money_facts_carry_their_currency(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("示例标题\n2020年1月2日\n今年以来，香港爱心人士捐款港币3000万元、20万美元，"
                   "全县投入逾人民币1亿元建设学校。\n", "utf-8")
    doc = facts_for(src)
    validate(doc)
    money = [(f["text"], f["currency"]) for f in doc["facts"] if f["type"] == "money"]
    assert money == [("港币3000万元", "HKD"), ("20万美元", "USD"), ("逾人民币1亿元", "CNY")]
    assert all("currency" not in f for f in doc["facts"] if f["type"] != "money")


def test_pages_show_each_amount_in_its_own_currency():
    from generator.pages import format_value
    hkd = {"type": "money", "value": 30000000, "value_max": None, "approx": True, "currency": "HKD"}
    cny = {"type": "money", "value": 12400000, "value_max": None, "approx": False, "currency": "CNY"}
    assert format_value(hkd, "en") == "≈ HKD 30,000,000"
    assert format_value(hkd, "zh") == "约 30,000,000 港元"
    assert format_value(cny, "en") == "CNY 12,400,000"
    assert format_value(cny, "zh") == "12,400,000 元"

"""Name layers: gazetteer, English names, places, organisations, documents, programmes.

Sentences here are invented for the tests; the one corpus check reads the seed file in place.
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml

from generator.extract import documents, organizations, places, programs
from generator.model import Article, Paragraph, Section, Source
from generator.names import gazetteer
from generator.names.english import document_english, organization_english, program_english
from generator.script import t2s

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_e7d82218e8e66958.txt"
SEED_GOLD = ROOT.parent / "shared" / "gold" / "000_e7d82218e8e66958.gold.yaml"


def article(*texts: str) -> Article:
    """An article made of invented paragraphs ``p1``, ``p2``…"""
    paras = [Paragraph(id=f"p{i}", zh=t, line=i) for i, t in enumerate(texts, 1)]
    return Article(id=f"test-{abs(hash(texts))}", source=Source(file="test.txt", sha256=str(hash(texts))),
                   title="", sections=[Section(id="s1", category="lead", heading=None, paragraphs=paras)])


def facts(layer, *texts: str):
    art = article(*texts)
    out = []
    for para in art.paragraphs():
        for fact in layer.find(para, art):
            assert para.zh[fact.start:fact.end] == fact.text
            out.append(fact)
    return out


def texts(layer, *paragraphs: str) -> list[str]:
    return [f.text for f in facts(layer, *paragraphs)]


# --- gazetteer ------------------------------------------------------------------------------

@pytest.mark.parametrize("written, en, code", [
    ("会宁县", "Huining County", "620422"),
    ("會寧縣", "Huining County", "620422"),
    ("甘肃省", "Gansu", "620000"),
    ("甘肃", "Gansu", "620000"),
    ("黄南藏族自治州", "Huangnan Prefecture", "632300"),
    ("黃南州", "Huangnan Prefecture", "632300"),
    ("甘南州", "Gannan Prefecture", "623000"),
    ("和田地区", "Hotan Prefecture", "653200"),
    ("天祝县", "Tianzhu County", "620623"),
    ("承德", "Chengde", "130800"),
    ("承德市", "Chengde", "130800"),
    ("思明区", "Siming District", "350203"),
    ("锡林郭勒盟", "Xilingol League", "152500"),
])
def test_gazetteer_full_names_and_short_forms(written, en, code):
    name = gazetteer.place_name(written)
    assert (name.zh, name.en, name.code) == (written, en, code)


@pytest.mark.parametrize("written, en", [
    ("西藏", "Tibet"), ("新疆", "Xinjiang"), ("内蒙古", "Inner Mongolia"), ("和田", "Hotan"),
    ("喀什", "Kashgar"), ("昌都", "Qamdo"), ("日喀则", "Xigaze"), ("乌鲁木齐", "Ürümqi"),
    ("六安市", "Lu'an"), ("蚌埠市", "Bengbu"), ("厦门", "Xiamen"), ("重庆", "Chongqing"),
    ("陕西", "Shaanxi"), ("塔什库尔干塔吉克自治县", "Taxkorgan County"),
])
def test_exonyms_come_before_pinyin(written, en):
    assert gazetteer.place_name(written).en == en


def test_pinyin_fallback_spells_apostrophes_and_place_readings():
    assert gazetteer.pinyin_word("西安") == "Xi'an"
    assert gazetteer.pinyin_word("延安") == "Yan'an"
    assert gazetteer.pinyin_word("吕梁") == "Lüliang"
    assert gazetteer.pinyin_word("长治") == "Changzhi"  # 长 reads chang in place names
    assert gazetteer.place_name("延安市").en == "Yan'an"


def test_county_level_city_gets_city_only_when_a_prefecture_shares_its_name():
    assert gazetteer.place_name("喀什市").en == "Kashgar City"
    assert gazetteer.place_name("泸水市").en == "Lushui"


def test_short_names_strip_level_words_and_ethnic_groups():
    assert gazetteer.stem_of("积石山保安族东乡族撒拉族自治县") == "积石山"
    assert gazetteer.stem_of("塔什库尔干塔吉克自治县") == "塔什库尔干"
    assert gazetteer.stem_of("新疆维吾尔自治区") == "新疆"
    assert gazetteer.stem_of("东乡族自治县", "东乡县") == "东乡"


def test_former_names_point_at_the_unit_that_replaced_them():
    assert gazetteer.place_name("襄樊市").code == "420600"


def test_context_chooses_among_units_sharing_a_name():
    # 和平区 exists in Tianjin and in Shenyang; the place named nearby decides.
    assert gazetteer.resolve("和平区", frozenset({"120000"})).unit.code == "120101"
    assert gazetteer.resolve("和平区", frozenset({"210100"})).unit.code == "210102"


def test_townships_and_villages_have_english_but_no_code():
    name = gazetteer.place_name("四开乡")
    assert (name.en, name.code) == ("Sikai Township", None)
    assert gazetteer.local_english("华溪村") == "Huaxi Village"


def test_unknown_names_give_none():
    assert gazetteer.place_name("东西部") is None
    assert gazetteer.place_name("三区三州") is None


# --- places -------------------------------------------------------------------------------

def test_places_one_fact_per_mention_with_english_and_code():
    found = facts(places, "今年，甘肃省会宁县与天津结对，选派教师赴黄南州和西藏昌都支教。", "天津教师再赴会宁县。")
    assert [f.text for f in found] == ["甘肃省", "会宁县", "天津", "黄南州", "西藏", "昌都", "天津", "会宁县"]
    by_text = {f.text: f.name for f in found}
    assert (by_text["会宁县"].en, by_text["会宁县"].code) == ("Huining County", "620422")
    assert by_text["昌都"].en == "Qamdo"
    assert all(f.type == "place" and f.id == "" for f in found)


def test_one_name_per_place_in_an_article():
    found = facts(places, "志愿者先到和田实习。", "随后在和田地区各县支教。")
    assert [f.text for f in found] == ["和田", "和田地区"]
    assert found[0].name == found[1].name  # as first written: 和田, Hotan


def test_traditional_text_keeps_source_offsets():
    text = "援藏教師來自甘肅省會寧縣和青海黃南州。"
    found = facts(places, text)
    assert [(f.text, f.name.en) for f in found] == [
        ("甘肅省", "Gansu"), ("會寧縣", "Huining County"), ("青海", "Qinghai"), ("黃南州", "Huangnan Prefecture")]


def test_ordinary_words_and_regions_are_not_places():
    assert texts(places, "我们珍惜世界和平，祝大家生活安康，欢迎各位来宾。") == []
    assert texts(places, "向三区三州和中西部地区倾斜，深化东西部协作。") == []


def test_bare_county_short_form_needs_its_province_nearby():
    assert texts(places, "河北阜平的孩子们上学更方便了。") == ["河北", "阜平"]
    assert texts(places, "阜平的孩子们上学更方便了。") == []


def test_places_inside_organisation_names_are_left_to_the_organisation():
    found = texts(places, "承德应用技术学院的老师回到承德授课。")
    assert found == ["承德"]
    assert texts(organizations, "承德应用技术学院的老师回到承德授课。") == ["承德应用技术学院"]


def test_chain_of_places_before_a_school_stays_with_the_place_layer():
    text = "学生来自浙江衢州龙游县灵山小学。"
    assert texts(organizations, text) == ["灵山小学"]
    assert texts(places, text) == ["浙江", "衢州", "龙游县"]


def test_villages_and_townships_written_with_their_ending():
    found = facts(places, "记者来到四川省昭觉县四开乡好谷村。")
    assert [(f.text, f.name.en) for f in found] == [
        ("四川省", "Sichuan"), ("昭觉县", "Zhaojue County"), ("四开乡", "Sikai Township"), ("好谷村", "Haogu Village")]


# --- organisations ------------------------------------------------------------------------

def test_organisation_boundaries_stop_at_verbs_and_split_lists():
    text = "依托北京师范大学援建西宁市第二中学，兰州大学、西北师范大学和甘肃农业大学派出教师。"
    assert texts(organizations, text) == ["北京师范大学", "西宁市第二中学", "兰州大学", "西北师范大学", "甘肃农业大学"]


def test_department_names_join_two_fields():
    assert texts(organizations, "会议由凉山州教育和体育局主持，成立督导与评估处。") == ["凉山州教育和体育局", "督导与评估处"]


def test_glossary_and_relative_names():
    found = facts(organizations, "贯彻党中央、国务院部署，重庆市教委和教育部有关司局参加。")
    assert [(f.text, f.name.en) for f in found] == [
        ("党中央", "CPC Central Committee"), ("国务院", "State Council"),
        ("重庆市教委", "Chongqing Municipal Education Commission"), ("教育部", "Ministry of Education")]


def test_generic_words_are_not_organisations():
    assert texts(organizations, "各学校要把受援学校和乡村学校的需求放在首位，政府和学校共同推进，教育部门负责落实。") == []
    assert texts(organizations, "区教育局和县教育局分别派员参加，发展格局持续优化。") == []


def test_organisation_english_fallback_by_type():
    assert organization_english("会宁县教育局") == "Huining County Education Bureau"
    assert organization_english("天津师范大学") == "Tianjin Normal University"
    assert organization_english("珠海市第一中学") == "Zhuhai No. 1 Middle School"
    assert organization_english("西宁市实验小学") == "Xining Experimental Primary School"
    assert organization_english("昭觉县委宣传部") == "Zhaojue County Party Committee Publicity Department"
    assert organization_english("國務院") == "State Council"


def test_school_number_abbreviation():
    found = facts(organizations, "市十四中师生为残疾人捐款。")
    assert [(f.text, f.name.en) for f in found] == [("市十四中", "Municipal No. 14 Middle School")]


def test_traditional_organisations():
    assert texts(organizations, "廈門大學與臨夏州教育局簽訂協議。") == ["廈門大學", "臨夏州教育局"]


# --- documents ----------------------------------------------------------------------------

def test_titles_and_document_numbers():
    text = "根据《乡村教师支持计划（2015—2020年）》（国办发〔2015〕43号）和《学校安全管理办法》，按照教基〔2019〕3号文件要求。"
    found = facts(documents, text)
    assert [f.text for f in found] == ["乡村教师支持计划（2015—2020年）", "国办发〔2015〕43号", "学校安全管理办法", "教基〔2019〕3号"]
    assert found[0].name.zh == "乡村教师支持计划（2015—2020年）"  # brackets kept out
    assert found[1].name.en == "General Office of the State Council Document [2015] No. 43"
    assert found[2].name.en is None  # no glossary entry: no machine guess


def test_traditional_document_number():
    found = facts(documents, "落實《某省教育規劃》（教發〔2018〕7號）要求。")
    assert [f.text for f in found] == ["某省教育規劃", "教發〔2018〕7號"]
    assert document_english("教發〔2018〕7號").endswith("[2018] No. 7")


# --- programmes ---------------------------------------------------------------------------

def test_programmes_versus_quoted_speech():
    text = "学校坚持“一校一策、一人一档”，开展“手拉手”和“3+1”帮扶。校长说：“我们一定把每个孩子教好。”"
    assert texts(programs, text) == ["一校一策、一人一档", "手拉手", "3+1"]


def test_programme_quoted_inside_speech_and_corner_brackets():
    text = "她说：“落实‘控辍保学’，一个也不能少。”各校推行「一村一幼」。"
    found = facts(programs, text)
    assert [f.text for f in found] == ["控辍保学", "一村一幼"]
    assert program_english("控輟保學") == "dropout prevention and school retention"


def test_descriptions_and_titles_are_not_programmes():
    assert texts(programs, "这里被称为“山区教育的明珠”，印发《教育“十四五”规划》。") == []


# --- the seed article against its gold places ---------------------------------------------

def _en_key(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return plain.replace("'", "").lower().split()[0]


@pytest.mark.skipif(not SEED_GOLD.exists(), reason="shared gold files not available")
def test_seed_article_finds_every_gold_place_with_its_english_name():
    from generator.read import read_article

    art = read_article(SEED)
    found = [f for para in art.paragraphs() for f in places.find(para, art)]
    gold = yaml.safe_load(SEED_GOLD.read_text(encoding="utf-8"))
    for entry in gold["place"]:
        want = t2s(entry["zh"])
        names = [f.name for f in found if t2s(f.name.zh).startswith(want) or want.startswith(t2s(f.name.zh))]
        assert names, f"{entry['zh']} not found"
        accepted = entry["en"] if isinstance(entry["en"], list) else [entry["en"]]
        assert _en_key(names[0].en) in {_en_key(a) for a in accepted}, (entry, names[0])


@pytest.mark.parametrize("name, english", [
    ("组团式", "group-based assistance"),                   # glossary first
    ("春雨计划", "Chunyu Programme"),                       # ending -> English head noun
    ("聽不懂、跟不上", "Tingbudong, Genbushang"),            # Traditional; 、 kept as a comma
    ("3+1", "3+1"),
])
def test_program_english_falls_back_to_pinyin_words(name, english):
    assert program_english(name) == english

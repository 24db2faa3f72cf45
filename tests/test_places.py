"""Place layer and gazetteer: bare city names, one-character counties, prefecture abbreviations,
conventional English names, village names, and names several units share.

Every sentence here is invented for the tests; the word-boundary test reads the seed's lines, as
tests/test_segment.py does.
"""
from __future__ import annotations

import jieba
import pytest
from test_segment import texts as seed_texts

from generator.extract import places
from generator.model import Article, Paragraph, Section, Source
from generator.names import gazetteer


def article(*texts: str) -> Article:
    """An article made of invented paragraphs ``p1``, ``p2``…"""
    paras = [Paragraph(id=f"p{i}", zh=t, line=i) for i, t in enumerate(texts, 1)]
    return Article(id=f"places-{abs(hash(texts))}", source=Source(file="t.txt", sha256=str(hash(texts))),
                   title="", sections=[Section(id="s1", category="lead", heading=None, paragraphs=paras)])


def found(*texts: str) -> list[tuple[str, str, str | None]]:
    """``(text, English, code)`` of every place fact of an article made of ``texts``."""
    art = article(*texts)
    out = []
    for para in art.paragraphs():
        for fact in places.find(para, art):
            assert para.zh[fact.start:fact.end] == fact.text
            out.append((fact.text, fact.name.en, fact.name.code))
    return out


def texts(*paragraphs: str) -> list[str]:
    return [text for text, _, _ in found(*paragraphs)]


# --- prefecture-level cities by their short name ---------------------------------------------

@pytest.mark.parametrize("name, en, code", [
    ("合肥", "Hefei", "340100"), ("银川", "Yinchuan", "640100"), ("海口", "Haikou", "460100"),
    ("大连", "Dalian", "210200"), ("包头", "Baotou", "150200"), ("保定", "Baoding", "130600"),
    ("遵义", "Zunyi", "520300"), ("天水", "Tianshui", "620500"), ("商丘", "Shangqiu", "411400"),
])
def test_prefecture_level_cities_are_found_by_their_short_name(name, en, code):
    assert found(f"支教老师从{name}出发，来到山区学校。") == [(name, en, code)]


def test_short_names_that_are_ordinary_words_stay_words():
    assert texts("各位来宾，祝大家生活安康。", "孩子们迎着朝阳走进校园，这里日照充足。",
                 "学校后面有一片桃园，求同存异才能世界大同。") == []


def test_ordinary_word_names_after_their_province_or_named_in_full_elsewhere():
    assert found("陕西安康的孩子和西藏阿里的孩子。") == [
        ("陕西", "Shaanxi", "610000"), ("安康", "Ankang", "610900"),
        ("西藏", "Tibet", "540000"), ("阿里", "Ngari", "542500")]
    assert texts("老师们来到白银市。", "白银的孩子们很高兴。") == ["白银市", "白银"]
    # A province followed by an ordinary word naming one of its counties is running text.
    assert texts("广东省新兴产业发展很快。") == ["广东省"]


def test_short_names_inside_longer_words_are_not_places():
    assert texts("他从不夸下海口，只求长治久安。", "学校用大理石铺地，三明治很好吃。") == []


# --- counties with a one-character short name ----------------------------------------------

@pytest.mark.parametrize("name, en, code", [
    ("单县", "Shan County", "371722"), ("莘县", "Shenxian", "371522"), ("歙县", "She County", "341021"),
    ("岷县", "Min County", "621126"), ("滑县", "Hua County", "410526"),
])
def test_one_character_counties_written_with_their_level_word(name, en, code):
    assert found(f"志愿者来到{name}的一所小学。") == [(name, en, code)]


def test_he_county_needs_its_province_since_he_is_and():
    assert texts("省、市和县三级教育部门都参加了会议。") == []
    assert found("安徽和县的学校。") == [("安徽", "Anhui", "340000"), ("和县", "He County", "340523")]


def test_folded_names_are_found_in_simplified_text():
    assert found("陕西乾县的学校。") == [("陕西", "Shaanxi", "610000"), ("乾县", "Qian County", "610424")]


# --- prefecture abbreviations ---------------------------------------------------------------

@pytest.mark.parametrize("name, en, code", [
    ("克州", "Kizilsu Prefecture", "653000"), ("博州", "Bortala Prefecture", "652700"),
    ("巴州", "Bayingolin Prefecture", "652800"), ("昌吉州", "Changji Prefecture", "652300"),
    ("伊犁州", "Ili Prefecture", "654000"), ("甘南州", "Gannan Prefecture", "623000"),
    ("临夏州", "Linxia Prefecture", "622900"), ("凉山州", "Liangshan Prefecture", "513400"),
    ("阿坝州", "Ngawa Prefecture", "513200"), ("甘孜州", "Garzê Prefecture", "513300"),
    ("黔东南州", "Qiandongnan Prefecture", "522600"), ("黔南州", "Qiannan Prefecture", "522700"),
    ("黔西南州", "Qianxinan Prefecture", "522300"), ("湘西州", "Xiangxi Prefecture", "433100"),
    ("恩施州", "Enshi Prefecture", "422800"), ("延边州", "Yanbian Prefecture", "222400"),
    ("大理州", "Dali Prefecture", "532900"), ("红河州", "Honghe Prefecture", "532500"),
    ("文山州", "Wenshan Prefecture", "532600"), ("楚雄州", "Chuxiong Prefecture", "532300"),
    ("德宏州", "Dehong Prefecture", "533100"), ("怒江州", "Nujiang Prefecture", "533300"),
    ("迪庆州", "Dêqên Prefecture", "533400"), ("西双版纳州", "Xishuangbanna Prefecture", "532800"),
    ("海北州", "Haibei Prefecture", "632200"), ("海南州", "Hainan Prefecture", "632500"),
    ("黄南州", "Huangnan Prefecture", "632300"), ("果洛州", "Golog Prefecture", "632600"),
    ("玉树州", "Yushu Prefecture", "632700"), ("海西州", "Haixi Prefecture", "632800"),
    ("阿克苏地区", "Aksu Prefecture", "652900"), ("和田地区", "Hotan Prefecture", "653200"),
    ("锡盟", "Xilingol League", "152500"),
])
def test_prefecture_abbreviations(name, en, code):
    assert found(f"教育局选派教师赴{name}支教。") == [(name, en, code)]


def test_cities_written_with_their_former_level_word():
    assert found("援藏教师在日喀则地区和昌都地区工作。") == [
        ("日喀则地区", "Xigaze", "540200"), ("昌都地区", "Qamdo", "540300")]
    # 西藏地区 is one jieba word: the province is still named.
    assert found("西藏地区的孩子。") == [("西藏", "Tibet", "540000")]


# --- English names that are not plain pinyin -------------------------------------------------

@pytest.mark.parametrize("written, en", [
    ("哈尔滨", "Harbin"), ("齐齐哈尔", "Qiqihar"), ("呼和浩特", "Hohhot"), ("乌鲁木齐", "Ürümqi"),
    ("拉萨", "Lhasa"), ("日喀则", "Xigaze"), ("喀什", "Kashgar"), ("包头", "Baotou"), ("陕西", "Shaanxi"),
    ("山西", "Shanxi"), ("内蒙古", "Inner Mongolia"), ("西藏", "Tibet"), ("香港", "Hong Kong"),
    ("澳门", "Macao"), ("厦门", "Xiamen"), ("六安", "Lu'an"), ("蚌埠", "Bengbu"), ("西安", "Xi'an"),
    ("延安", "Yan'an"), ("泰安", "Tai'an"), ("兴安盟", "Hinggan League"), ("吐鲁番", "Turpan"),
    ("哈密", "Hami"), ("和田", "Hotan"), ("阿勒泰", "Altay"), ("塔城", "Tacheng"), ("伊宁市", "Yining"),
    ("阿克苏", "Aksu"), ("林芝", "Nyingchi"), ("那曲", "Nagqu"), ("阿里地区", "Ngari Prefecture"),
    ("山南", "Shannan"), ("昌都", "Qamdo"), ("玉树", "Yushu"), ("果洛", "Golog"), ("甘孜", "Garzê"),
    ("阿坝", "Ngawa"), ("迪庆", "Dêqên"), ("德宏", "Dehong"), ("巴音郭楞", "Bayingolin"), ("伊犁", "Ili"),
    ("昌吉", "Changji"), ("海西", "Haixi"), ("大兴安岭地区", "Da Hinggan Ling Prefecture"),
    ("呼伦贝尔", "Hulunbuir"), ("鄂尔多斯", "Ordos"), ("科尔沁右翼前旗", "Horqin Right Front Banner"),
    ("台北", "Taipei"), ("高雄", "Kaohsiung"), ("吉林市", "Jilin City"), ("吉林", "Jilin"),
])
def test_conventional_english_names(written, en):
    assert gazetteer.place_name(written).en == en


# --- townships and villages ------------------------------------------------------------------

def test_rural_words_are_not_villages():
    assert texts("同乡村学校的孩子和城乡村民一起劳动。", "推动发展乡村教育，建设美丽乡村。",
                 "乡镇、城乡、乡村振兴、农村、村民和村级组织都很重要。") == []


def test_words_before_village_words_are_not_village_names():
    assert texts("他带领全村村民脱贫，本村村民和外村村民都来了。", "每个村村委都有人值班，这个村村干部很努力。",
                 "贫困村村民收入提高，中心村村民搬进新居。") == []


def test_real_villages_are_found():
    assert found("记者来到杨坊村村民家中。", "十八洞村村民和下党村村民都来了。") == [
        ("杨坊村", "Yangfang Village", None), ("十八洞村", "Shibadong Village", None),
        ("下党村", "Xiadang Village", None)]


def test_townships_missing_from_the_data_after_their_county():
    assert found("志愿者来到会宁县翠岭镇的小学。", "会宁县翠岭镇青枫村的孩子。") == [
        ("会宁县", "Huining County", "620422"), ("翠岭镇", "Cuiling Town", None),
        ("会宁县", "Huining County", "620422"), ("翠岭镇", "Cuiling Town", None), ("青枫村", "Qingfeng Village", None)]
    assert texts("会宁县各乡镇和所辖乡镇都有学校，会宁县新建镇村学校。") == ["会宁县", "会宁县"]


def test_second_item_of_a_list_of_townships():
    # 石门乡 is also a jieba word: alone it would stay unread.
    assert texts("他们走访了草海镇、石门乡。") == ["草海镇", "石门乡"]


def test_ethnic_townships_read_without_their_ethnic_groups():
    assert gazetteer.local_english("三宝彝族乡") == "Sanbao Township"
    assert gazetteer.local_english("军赛佤族拉祜族傈僳族德昂族乡") == "Junsai Township"


def test_dictionary_town_names_after_their_county():
    assert found("会宁县城关镇的学校。") == [
        ("会宁县", "Huining County", "620422"), ("城关镇", "Chengguan Town", None)]
    assert texts("城关镇的学校。", "重点镇建设加快。") == []


# --- names several units share ---------------------------------------------------------------

def test_the_place_before_a_shared_name_decides_it():
    assert found("北京朝阳的学校。")[1] == ("朝阳", "Chaoyang District", "110105")
    assert found("辽宁朝阳的学校。")[1] == ("朝阳", "Chaoyang", "211300")
    assert found("长春市朝阳区的学校。")[1] == ("朝阳区", "Chaoyang District", "220104")
    assert found("沈阳和平区的学校。")[1] == ("和平区", "Heping District", "210102")
    assert found("青海海南的学校。")[1] == ("海南", "Hainan Prefecture", "632500")


def test_places_named_elsewhere_in_the_article_decide_a_shared_name():
    assert found("天津市的老师。", "和平区的学校。")[1] == ("和平区", "Heping District", "120101")
    assert found("青海省海南藏族自治州的学校。", "海南的孩子们。")[2] == ("海南", "Hainan Prefecture", "632500")


def test_a_province_keeps_its_name_in_a_list_of_provinces():
    assert found("海南、青海等省的学校。") == [("海南", "Hainan", "460000"), ("青海", "Qinghai", "630000")]
    assert found("在青海工作。", "他又去了海南。")[1] == ("海南", "Hainan", "460000")


def test_undecided_shared_names_carry_no_code():
    assert found("和平区的学校。") == [("和平区", "Heping District", None)]
    assert found("朝阳区的学校。") == [("朝阳区", "Chaoyang District", None)]


def test_readings_of_the_gazetteer():
    assert gazetteer.unique("和田") and gazetteer.unique("吉林") and gazetteer.unique("天津市")
    assert not gazetteer.unique("朝阳") and not gazetteer.unique("海南")
    assert [h.unit.code for h in gazetteer.readings("和平区")] == ["120101", "210102"]
    assert [h.unit.code for h in gazetteer.readings("和平区", {"210100"})] == ["210102"]
    assert [h.unit.code for h in gazetteer.readings("海南", {"632521"})] == ["632500"]
    assert [h.unit.code for h in gazetteer.readings("和田")] == ["653200"]
    assert gazetteer.contains("650000", "653221") and gazetteer.contains("653200", "653221")
    assert not gazetteer.contains("653200", "653200") and not gazetteer.contains("653100", "653221")


def test_ambiguous_place_is_left_unresolved_with_its_candidates(tmp_path):
    """和平区 is a district of Tianjin and of Shenyang: with nothing else named, no code is guessed
    and both codes are listed; naming the city decides it."""
    from generator.document import validate
    from generator.pipeline import facts_for

    def place(body: str) -> dict:
        src = tmp_path / "a.txt"
        src.write_text(f"教育扶贫工作\n2020年5月6日\n{body}\n", "utf-8")
        doc = facts_for(src)
        validate(doc)
        return next(f["name"] for f in doc["facts"] if f["type"] == "place" and f["text"] == "和平区")

    undecided = place("今年，和平区投入资金300万元，帮扶困难学生1200名。")
    assert "code" not in undecided and undecided["candidates"] == ["120101", "210102"]
    decided = place("今年，天津市和平区投入资金300万元，帮扶困难学生1200名。")
    assert decided["code"] == "120101" and "candidates" not in decided


def test_overview_page_shows_the_candidates_of_an_undecided_place(tmp_path):
    from generator.pipeline import facts_for
    from generator.render import render_site

    src = tmp_path / "a.txt"
    src.write_text("教育扶贫工作\n2020年5月6日\n今年，和平区投入资金300万元。\n", "utf-8")
    doc = facts_for(src)
    pages = render_site([doc])
    en = next(text for path, text in pages.items() if path.endswith(f"{doc['id']}/index.en.md"))
    zh = next(text for path, text in pages.items() if path.endswith(f"{doc['id']}/index.md"))
    assert "<td>not decided, one of 120101 / 210102</td>" in en
    assert "<td>未能确定，可能为 120101 / 210102</td>" in zh


def test_word_boundaries_are_jiebas():
    # ``pos in _Bounds(text)`` is a word boundary of ``jieba.cut``, on the seed's lines and
    # random runs of their characters: block edges and the offsets between jieba's words.
    for text in seed_texts():
        bounds = places._Bounds(text)
        expected, pos = {0, len(text)}, 0
        for word in jieba.lcut(text):
            pos += len(word)
            expected.add(pos)
        assert {q for q in range(len(text) + 1) if q in bounds} == expected

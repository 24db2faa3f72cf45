"""Organisation layer: abbreviated bodies, governments, full school names, determiners, media,
League committees and the English of organisations and publishers.

Sentences here are invented for the tests.
"""
from __future__ import annotations

import pytest

from generator.extract import organizations, places
from generator.model import Article, Paragraph, Section, Source
from generator.names.english import organization_english, publisher_english


def article(*texts: str, title: str = "") -> Article:
    """An article made of invented paragraphs ``p1``, ``p2``…"""
    paras = [Paragraph(id=f"p{i}", zh=t, line=i) for i, t in enumerate(texts, 1)]
    return Article(id=f"test-{abs(hash((title, texts)))}",
                   source=Source(file="test.txt", sha256=str(hash((title, texts)))),
                   title=title, sections=[Section(id="s1", category="lead", heading=None, paragraphs=paras)])


def facts(layer, *texts: str, title: str = ""):
    art = article(*texts, title=title)
    out = []
    for para in art.paragraphs():
        for fact in layer.find(para, art):
            assert para.zh[fact.start:fact.end] == fact.text
            out.append(fact)
    return out


def texts(layer, *paragraphs: str, title: str = "") -> list[str]:
    return [f.text for f in facts(layer, *paragraphs, title=title)]


def named(*paragraphs: str, title: str = "") -> list[tuple[str, str | None]]:
    return [(f.text, f.name.en) for f in facts(organizations, *paragraphs, title=title)]


# --- abbreviated bodies ---------------------------------------------------------------------

def test_abbreviated_county_bodies_in_a_county_article():
    found = named("渭源县召开助学大会。县妇联、县残联和团县委联合开展活动，县教体局、县扶贫办和县关工委参加。")
    assert found == [
        ("县妇联", "County Women's Federation"),
        ("县残联", "County Disabled Persons' Federation"),
        ("团县委", "Communist Youth League County Committee"),
        ("县教体局", "County Education and Sports Bureau"),
        ("县扶贫办", "County Poverty Alleviation Office"),
        ("县关工委", "County Committee for the Care of the Next Generation"),
    ]


def test_traditional_abbreviated_bodies_governments_and_media():
    # 臨夏 may be read as a county too, but as written here it is the prefecture.
    assert named("渭源縣召開大會，縣婦聯、團縣委參加，臨夏日報和紅河州政府也參與。") == [
        ("縣婦聯", "County Women's Federation"),
        ("團縣委", "Communist Youth League County Committee"),
        ("臨夏日報", "Linxia Daily"),
        ("紅河州政府", "Honghe Prefectural Government"),
    ]


def test_abbreviated_city_and_province_bodies():
    found = named("市残联、市发改委、市人社局和市慈善总会派员出席，区教委和省教育厅领导到会。", title="思明区教育简讯")
    assert found == [
        ("市残联", "Municipal Disabled Persons' Federation"),
        ("市发改委", "Municipal Development and Reform Commission"),
        ("市人社局", "Municipal Human Resources and Social Security Bureau"),
        ("市慈善总会", "Municipal Charity Federation"),
        ("区教委", "District Education Commission"),
        ("省教育厅", "Provincial Department of Education"),
    ]


def test_a_department_of_the_county_committee_needs_no_county_named():
    assert named("县委宣传部和县委办公室联合发文。") == [
        ("县委宣传部", "County Party Committee Publicity Department"),
        ("县委办公室", "County Party Committee Office"),
    ]


def test_bare_county_bodies_are_plural_without_one_county_in_the_article():
    # No county named: any county's federation.
    assert texts(organizations, "县妇联和区教育局要加强协作。") == []
    # Several counties named: 县教育局 means each of them.
    assert texts(organizations, "渭源县和临洮县签订协议，县教育局分别派员。") == []
    # Determiners: the corresponding district bureaus.
    assert texts(organizations, "思明区对应区教育局派出干部。") == []


def test_named_bodies_take_their_place():
    assert named("渭源县妇联和共青团甘肃省委走访学生。") == [
        ("渭源县妇联", "Weiyuan County Women's Federation"),
        ("共青团甘肃省委", "Communist Youth League Gansu Provincial Committee"),
    ]


def test_league_committee_is_not_a_group_or_a_delegation():
    assert texts(organizations, "集团市委员工和代表团县委领导。") == ["市委", "县委"]


def test_conjunction_before_a_level_committee_is_not_a_county():
    assert texts(organizations, "市委和县委高度重视。") == ["市委", "县委"]


# --- governments and offices ----------------------------------------------------------------

def test_governments_need_a_place_or_level_word_and_nothing_else():
    found = named("红河州政府、红河州人民政府和会宁县政府印发通知，自治区政府支持。")
    assert found == [
        ("红河州政府", "Honghe Prefectural Government"),
        ("红河州人民政府", "Honghe Prefecture People's Government"),
        ("会宁县政府", "Huining County Government"),
        ("自治区政府", "Autonomous Region Government"),
    ]
    assert texts(organizations, "各级政府、地方政府和上级政府高度重视，乡政府和两地政府也参与。") == []


def test_offices_belong_to_a_body():
    assert texts(organizations, "省政府办公厅和会宁县政府办公室印发通知。") == ["省政府办公厅", "会宁县政府办公室"]
    assert texts(organizations, "教育部办公厅发文。") == ["教育部办公厅"]
    assert texts(organizations, "学生来到校长办公室。") == []



def test_command_posts_of_paired_assistance_are_bodies():
    # Named after their work (援藏, 援疆: verbs elsewhere), with the place that sends them.
    assert named("杭州市援藏指挥部组织教师培训。") == [("杭州市援藏指挥部", "Hangzhou Tibet Aid Headquarters")]
    assert named("在阿克苏，温州援疆指挥部投入资金。") == [("温州援疆指挥部", "Wenzhou Xinjiang Aid Headquarters")]
    assert texts(organizations, "他在前方指挥部工作。") == []

# --- full names -----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, name, en", [
    ("他毕业于宁波市镇海中学。", "宁波市镇海中学", "Ningbo Zhenhai Middle School"),
    ("重庆西藏中学招收新生。", "重庆西藏中学", "Chongqing Tibet Middle School"),
    ("北京师范大学珠海分校派出志愿者。", "北京师范大学珠海分校", "Beijing Normal University Zhuhai Branch"),
    ("华东师范大学附属中学举办活动。", "华东师范大学附属中学", "East China Normal University Affiliated Middle School"),
    ("清华大学附属小学举办活动。", "清华大学附属小学", "Tsinghua University Affiliated Primary School"),
    ("黔东南民族职业技术学院招收学生。", "黔东南民族职业技术学院", "Qiandongnan Ethnic Vocational and Technical College"),
    ("会宁县第二完全小学开学。", "会宁县第二完全小学", "Huining County No. 2 Primary School"),
    ("田家庄希望小学建成。", "田家庄希望小学", "Tianjiazhuang Hope Primary School"),
    ("新庄中心校开学。", "新庄中心校", "Xinzhuang Central School"),
    ("他在昌都天津实验中学任教。", "昌都天津实验中学", "Qamdo Tianjin Experimental Middle School"),
])
def test_the_name_covers_place_name_type_and_branch(sentence, name, en):
    assert named(sentence) == [(name, en)]


def test_a_counted_kind_leaves_its_place_to_the_place_layer():
    assert texts(places, "他们与一所浙江学校结对。") == ["浙江"]


def test_places_before_a_name_stay_places():
    text = "他毕业于宁波市镇海中学。"
    assert texts(places, text) == ["宁波市"]
    assert organizations.spans(text) == ((7, 11),)    # 镇海中学: the place layer leaves 宁波市 alone


def test_address_chain_keeps_the_donor_of_an_aided_school():
    assert texts(organizations, "上海中学与新疆喀什地区上海高级中学结对。") == ["上海中学", "喀什地区上海高级中学"]
    text = "学生来自浙江杭州淳安县梓桐小学。"
    assert texts(organizations, text) == ["淳安县梓桐小学"]
    assert texts(places, text) == ["浙江", "杭州"]


def test_a_body_keeps_only_the_place_it_governs():
    assert texts(organizations, "他调到临夏州东乡县教育局工作。") == ["东乡县教育局"]


def test_later_short_mention_carries_the_full_name():
    found = facts(organizations, "他毕业于宁波市镇海中学。", "镇海中学的老师来到学校。")
    assert [(f.text, f.name.zh) for f in found] == [("宁波市镇海中学", "宁波市镇海中学"), ("镇海中学", "宁波市镇海中学")]


def test_a_schools_own_unit_is_named_without_the_school():
    assert texts(organizations, "学校后勤服务集团与农户签约。") == ["后勤服务集团"]


def test_a_leading_group_opens_with_its_direction_word_not_with_its_parent_body():
    assert texts(organizations, "成立市教育两委东西部扶贫协作工作领导小组。") == ["市教育两委", "东西部扶贫协作工作领导小组"]


# --- determiners, adjectives, people --------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "每所浙江学校都参加了活动。",
    "几所中学派了老师，这家公司捐了款。",
    "他们与一所浙江学校和两家深圳公司结对。",
    "资助困难大学新生一百名。",
    "贫困大学生和优秀中学生得到奖励。",
    "这所学校有三百名学生，该校师生和多所高校参与。",
    "中学生物教师和大学生村官参加了活动。",
    "学校成立了家长委员会。",
])
def test_determiners_adjectives_and_students_are_not_organisations(sentence):
    assert texts(organizations, sentence) == []


# --- media ----------------------------------------------------------------------------------

def test_news_media_are_organisations():
    found = named("据新华社报道，人民日报、中国教育报和光明日报刊发文章，兰州日报、兰州晚报、甘肃电视台、"
                  "临夏广播电视台和中国甘肃新闻网也作了报道。")
    assert found == [
        ("新华社", "Xinhua News Agency"),
        ("人民日报", "People's Daily"),
        ("中国教育报", "China Education Daily"),
        ("光明日报", "Guangming Daily"),
        ("兰州日报", "Lanzhou Daily"),
        ("兰州晚报", "Lanzhou Evening News"),
        ("甘肃电视台", "Gansu TV Station"),
        ("临夏广播电视台", "Linxia Radio and TV Station"),
        ("中国甘肃新闻网", "China Gansu News Network"),
    ]


def test_media_words_alone_are_not_organisations():
    assert texts(organizations, "他通过网络电视台和日报了解到消息。") == []


def test_media_inside_a_title_belong_to_the_title():
    assert texts(organizations, "他在《人民日报》上发表文章。") == []


@pytest.mark.parametrize("written, en", [
    ("臨夏日報", "Linxia Daily"),
    ("四川教育網", "Sichuan Education Net"),
    ("深圳教育在线", "Shenzhen Education Online"),
    ("珠海特区报", "Zhuhai Special Zone Daily"),
    ("新华社", "Xinhua News Agency"),
    ("开封第十四中学", "Kaifeng No. 14 Middle School"),
    ("Xinhua", "Xinhua"),
])
def test_publisher_english_uses_the_organisation_fallback(written, en):
    assert publisher_english(written) == en


# --- English --------------------------------------------------------------------------------

@pytest.mark.parametrize("written, en", [
    ("天津科技大学", "Tianjin University of Science and Technology"),
    ("安徽财经大学", "Anhui University of Finance and Economics"),
    ("天津中德应用技术大学", "Tianjin Sino-German University of Applied Sciences"),
    ("共青团会宁县委", "Communist Youth League Huining County Committee"),
    ("共青团兰州市委", "Communist Youth League Lanzhou Municipal Committee"),
    ("共青团临夏州委", "Communist Youth League Linxia Prefecture Committee"),
    ("会宁县残联", "Huining County Disabled Persons' Federation"),
    ("中央电视台", "CCTV"),
])
def test_organisation_english(written, en):
    assert organization_english(written) == en


def test_a_place_plus_bare_school_word_is_the_place_s_schools():
    """学校 after nothing but a place names no school (济南学校 = the schools of Jinan); a school's
    name has words of its own (深圳实验学校)."""
    assert texts(organizations, "今年，32所济南学校与湘西学校结对帮扶。") == []
    assert texts(organizations, "深圳实验学校与喀什学校结对。") == ["深圳实验学校"]

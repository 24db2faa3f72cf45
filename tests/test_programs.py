"""Programme and document layers: quotation marks, epithets, titles and document numbers.

Sentences here are invented for the tests.
"""
from __future__ import annotations

import pytest

from generator.extract import documents, programs
from generator.model import Article, Paragraph, Section, Source


def article(*texts: str) -> Article:
    """An article made of invented paragraphs ``p1``, ``p2``…"""
    paras = [Paragraph(id=f"p{i}", zh=t, line=i) for i, t in enumerate(texts, 1)]
    return Article(id=f"test-{abs(hash(texts))}", source=Source(file="test.txt", sha256=str(hash(texts))),
                   title="", sections=[Section(id="s1", category="lead", heading=None, paragraphs=paras)])


def texts(layer, *paragraphs: str) -> list[str]:
    """Texts of the facts ``layer`` finds in an article of ``paragraphs``; checks provenance."""
    art = article(*paragraphs)
    out = []
    for para in art.paragraphs():
        for fact in layer.find(para, art):
            assert para.zh[fact.start:fact.end] == fact.text
            out.append(fact.text)
    return out


# --- quotation marks --------------------------------------------------------------------------

@pytest.mark.parametrize("text, names", [
    ('甲县实施"三区三州"专项计划。', ["三区三州"]),
    ("甲县实施＂两不愁三保障＂和＂一村一幼＂。", ["两不愁三保障", "一村一幼"]),
    ("甲县启动〝雨露计划〞和〝春蕾计划〟。", ["雨露计划", "春蕾计划"]),
    ('甲县实施"三区三州"计划和"一村一幼"，他说"好', ["三区三州", "一村一幼"]),
    ('尺寸为5"，甲县另实施"三区三州"计划。', ["三区三州"]),
    ('他说："我们一定办好。"甲县随后开展"控辍保学"行动。12"长', ["控辍保学"]),
])
def test_straight_and_vertical_quotes(text, names):
    assert texts(programs, text) == names


def test_straight_quotes_pair_within_a_paragraph_only():
    assert texts(programs, '第一段说"三区', '三州"在第二段。') == []


def test_one_character_quotes_are_emphasis():
    assert texts(programs, "把“实”字落到底，办好每一个“家”，推进“9+3”。") == ["9+3"]


# --- epithets (scare quotes) ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "上学难曾是山区群众的一个“老大难”。",
    "这所学校成了家长眼中的“香饽饽”，报名的人很多。",
    "甲镇被誉为“书法之乡”。",
    "教师们争当“排头兵”。",
    "乡村小学的“变迁史”",
])
def test_epithets_are_not_programmes(text):
    assert texts(programs, text) == []


@pytest.mark.parametrize("text, names", [
    ("这是甲县推行的“导师制”。", ["导师制"]),             # a mechanism ending
    ("成果是两地共建的“示范班”。", ["示范班"]),             # a class type
    ("这就是“两不愁三保障”。", ["两不愁三保障"]),           # a numbered slogan
    ("两校开展“手拉手”结对。", ["手拉手"]),                 # not closing its clause
    ("社会组织合作成立的“甲乙启智儿童图书馆”，已落成。", ["甲乙启智儿童图书馆"]),  # no common word
    ("坚持“输血”与“造血”相结合。", ["输血", "造血"]),      # no copula before it
])
def test_programmes_where_an_epithet_could_stand(text, names):
    assert texts(programs, text) == names


def test_one_named_mention_makes_every_mention_a_programme():
    assert texts(programs, "两校开展“手拉手”结对。", "这种结对就是“手拉手”。") == ["手拉手", "手拉手"]


def test_is_epithet_needs_a_copula_or_a_short_phrase_line():
    assert programs.is_epithet("老大难", "它也是路上的一个", "。")
    assert programs.is_epithet("进化史", "图书馆的", "")
    assert not programs.is_epithet("老大难", "它也是路上的一个", "问题")
    assert not programs.is_epithet("老大难", "解决", "。")


# --- documents -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, number", [
    ("根据国发〔2016〕64号文件精神", "国发〔2016〕64号"),
    ("省政府印发教基〔2017〕1号", "教基〔2017〕1号"),
    ("关于印发川府发〔2018〕12号", "川府发〔2018〕12号"),
    ("我省认真贯彻国发〔2016〕64号", "国发〔2016〕64号"),
    ("执行教育部教发〔2016〕18号", "教发〔2016〕18号"),
    ("和国办发[2018]129号", "国办发[2018]129号"),
    ("以及教财（2017）5号", "教财（2017）5号"),
    ("通知要求教职成〔2019〕3号", "教职成〔2019〕3号"),
    ("按照黔府办发〔2017〕3号要求", "黔府办发〔2017〕3号"),
    ("认真学习甘教发［2018］1号", "甘教发［2018］1号"),
    ("转发省教育厅川教函〔2018〕12号", "川教函〔2018〕12号"),
    ("依據甘教發〔2018〕1號", "甘教發〔2018〕1號"),
])
def test_document_number_is_issuer_year_and_serial(text, number):
    assert texts(documents, text) == [number]


def test_title_and_its_number_are_two_documents():
    text = "按照《某省教育脱贫实施方案》（甲教发〔2018〕7号）执行。"
    assert texts(documents, text) == ["某省教育脱贫实施方案", "甲教发〔2018〕7号"]


def test_nested_title_is_one_document_and_single_brackets_alone_are_titles():
    assert texts(documents, "印发《关于印发〈某县教育规划〉的通知》。") == ["关于印发〈某县教育规划〉的通知"]
    assert texts(documents, "学习〈某县教师管理办法〉和〈某县资助细则〉。") == ["某县教师管理办法", "某县资助细则"]


def test_quotes_inside_single_bracket_titles_are_no_programmes():
    assert texts(programs, "学习〈某县“一村一幼”实施细则〉。") == []

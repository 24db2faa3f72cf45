"""The reader on small invented articles: metadata forms, junk, headings and non-headings."""
from __future__ import annotations

from generator.read import parse


def read(text: str):
    return parse(text, "t.txt", "0" * 64, stem="t")


def test_run_together_url_date_time_publisher():
    a = read("标题在此\nhttp://www.example.cn/a/2019/1.html2019年12月23日 13:40示例教育网\n正文第一段，内容较长一些。\n")
    assert a.source.url == "http://www.example.cn/a/2019/1.html"
    assert a.source.published == "2019-12-23T13:40:00+08:00"
    assert a.source.publisher == "示例教育网"
    assert a.dropped[0].reason == "metadata"


def test_pipe_separated_metadata_with_keys():
    a = read("標題\n來源：示例日報 | 發佈時間：2020-09-18 10:26 | 作者：記者 甲乙\n正文。\n責任編輯：丙丁\n")
    assert a.source.publisher == "示例日報"
    assert a.source.published == "2020-09-18T10:26:00+08:00"
    assert a.source.editor == "丙丁"
    assert a.source.script == "hant"


def test_date_only_gives_a_date_without_time():
    a = read("标题\n2022年06月18日\n正文很长的一段话。\n")
    assert a.source.published == "2022-06-18"
    assert a.source.url is None and a.source.publisher is None


def test_headings_and_their_categories():
    a = read("标题\n2020年1月1日\n导语一段，介绍全文内容。\n完善制度体系\n成立领导小组，压实责任，建立考核机制。\n"
             "实施支教项目\n选派教师支教，开展培训和结对帮扶项目。\n聚焦深度贫困地区\n做好控辍保学和贫困学生资助工作。\n")
    assert [(s.heading, s.category) for s in a.sections] == [
        (None, "lead"), ("完善制度体系", "institutional_framework"),
        ("实施支教项目", "projects"), ("聚焦深度贫困地区", "deep_poverty_support")]


def test_captions_and_sentences_are_not_headings():
    a = read("标题\n2020年1月1日\n第一段正文，说明情况。\n▲学生在上课\n第二段正文，说明更多情况。\n这是一句话。\n第三段正文，继续说明。\n")
    assert len(a.sections) == 1
    assert "▲学生在上课" not in [p.zh for p in a.paragraphs()]
    assert {d.text: d.reason for d in a.dropped}["▲学生在上课"] == "photo caption"


def test_page_furniture_is_dropped_with_reasons():
    a = read("标题\n2020年1月1日\n正文一段。\n分享到：\n上一篇：别的新闻\n版权所有 示例网\n返回顶部\n")
    reasons = {d.text: d.reason for d in a.dropped}
    assert reasons["分享到："] == "page furniture"
    assert reasons["上一篇：别的新闻"] == "link to another story"
    assert reasons["版权所有 示例网"] == "copyright line"
    assert [p.zh for p in a.paragraphs()] == ["正文一段。"]


def test_full_width_digits_in_metadata():
    a = read("标题\n２０１９年１２月２３日\n正文。\n")
    assert a.source.published == "2019-12-23"


def test_dateline_title_link_line_and_bracketed_editor():
    a = read("新华社北京8月20日电 题：示例标题在这里\n新华社记者 张三 李四\n正文一段，内容充实。\n"
             "【纠错】 【责任编辑:王五 】\n本文链接：http://www.example.com/politics/2018-08/20/c_1.htm\n")
    assert a.title == "示例标题在这里"
    assert a.source.publisher == "新华社"
    assert a.source.editor == "王五"
    assert a.source.url == "http://www.example.com/politics/2018-08/20/c_1.htm"
    assert a.source.published == "2018-08-20"      # the year comes from the URL
    assert {d.reason for d in a.dropped} >= {"byline", "editor line", "page furniture"}


def test_a_lone_short_line_is_a_caption_not_a_heading():
    a = read("标题\n2020年1月1日\n第一段正文，说明情况。\n图书馆的新面貌\n第二段正文，说明更多情况。\n")
    assert len(a.sections) == 1
    numbered = read("标题\n2020年1月1日\n第一段正文，说明情况。\n（一）庄严的承诺\n第二段正文，说明更多情况。\n")
    assert [s.heading for s in numbered.sections] == [None, "（一）庄严的承诺"]


def test_bracket_heads_open_their_paragraph():
    a = read("标题\n2020年1月1日\n导语一段，说明情况。\n【概述】某市建立协作机制，签订框架协议。\n【控辍保学】做好控辍保学工作，资助贫困学生。\n")
    assert [(s.heading, s.category) for s in a.sections][1:] == [
        ("【概述】", "institutional_framework"), ("【控辍保学】", "deep_poverty_support")]
    assert a.sections[1].paragraphs[0].zh == "某市建立协作机制，签订框架协议。"


def test_saved_html_page_gives_body_and_metadata(tmp_path):
    from generator.read import read_article
    page = tmp_path / "page.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>示例标题_示例网</title>"
        '<meta property="og:title" content="示例标题"><meta property="og:site_name" content="示例教育网">'
        '<meta name="publishdate" content="2020-05-06"></head><body>'
        '<nav><a href="/">首页</a> &gt; <a href="/n">新闻</a></nav>'
        "<article><h1>示例标题</h1><p>今年以来，某县投入资金300万元，建设学校3所，这一段足够长。</p>"
        "<p>成立领导小组，压实责任，建立考核机制，确保各项工作落实到位。</p></article>"
        "<script>alert('x')</script><div class='comments'>评论：很好</div></body></html>", "utf-8")
    a = read_article(page)
    assert a.title == "示例标题"
    assert a.source.published == "2020-05-06"
    texts = [p.zh for p in a.paragraphs()]
    assert texts[0].startswith("今年以来") and len(texts) == 2
    assert not any("alert" in t or "评论" in t for t in texts)


def test_rhetorical_question_is_not_a_heading_but_question_heads_are():
    a = read("标题\n2020年1月1日\n第一段正文，说明情况。\n难道山里的孩子就注定与好学校无缘吗？\n第二段正文，说明更多情况。\n"
             "经费从哪里来？\n第三段正文，继续说明经费情况。\n成效怎么样？\n第四段正文，说明成效情况。\n")
    assert [s.heading for s in a.sections] == [None, "经费从哪里来？", "成效怎么样？"]


def test_dateline_opening_the_body_gives_publisher_and_day():
    a = read("标题\n新华社成都11月6日电（记者 某某）清晨七点，学校里书声琅琅。\n相关新闻\n·别的新闻\n"
             "本文链接：http://www.example.com/local/2020-11/06/c_1.htm\n")
    assert a.source.publisher == "新华社"
    assert a.source.published == "2020-11-06"
    assert a.source.url == "http://www.example.com/local/2020-11/06/c_1.htm"


def test_labelled_and_pipe_metadata_forms():
    cases = {
        "香港文匯報 | 2020年07月08日 星期三 | 記者 某某 甘南報道": ("香港文匯報", None),
        "作者：张三 来源：甘肃日报 发布时间：2020年7月8日": ("甘肃日报", None),
        "【来源：甘肃日报】【发布时间：2020-07-08】": ("甘肃日报", None),
        "稿件来源：人民网-甘肃频道 2020年07月08日": ("人民网-甘肃频道", None),
        "时间：2020-07-08 来源：新华网 责任编辑：王丽": ("新华网", "王丽"),
    }
    for line, (publisher, editor) in cases.items():
        a = read(f"标题\n{line}\n正文第一段，内容充实。\n")
        assert (a.source.publisher, a.source.editor, a.source.published) == (publisher, editor, "2020-07-08"), line

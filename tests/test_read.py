"""The reader on small invented articles: metadata forms, junk, headings and non-headings."""
from __future__ import annotations

from generator.read import article_id, parse


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


def test_labelled_fields_after_date_and_time_with_any_blanks():
    for blank in (" ", "  ", "\t", "\u3000", "\xa0", "\u200b"):
        line = blank.join(["2021-03-05", "10:20", "来源：示例日报", "作者：某某"])
        a = read(f"标题\n{line}\n正文第一段，内容充实。\n")
        assert (a.source.publisher, a.source.published) == ("示例日报", "2021-03-05T10:20:00+08:00"), repr(line)


def test_labels_without_colon_on_a_metadata_line():
    for line in ("2021-03-05 10:20 来源 示例日报 作者 某某", "作者 某某 来源 示例日报 2021-03-05 10:20",
                 "2021-03-05 10:20 | 来源 示例日报 | 编辑 某某"):
        a = read(f"标题\n{line}\n正文第一段，内容充实。\n")
        assert (a.source.publisher, a.source.published) == ("示例日报", "2021-03-05T10:20:00+08:00"), line


def test_article_id_is_an_ascii_slug_of_latin_and_chinese():
    assert article_id("Ünïcode 文章", None) == "unicode-wen-zhang"
    assert article_id("Ærø_łódź", "2021-03-05") == "2021-03-05-aero-lodz"
    assert article_id("000_e7d82218e8e66958", "2019-12-23T13:40:00+08:00") == "2019-12-23-000-e7d82218e8e66958"
    assert article_id("ＡＢＣ 深圳", None) == "abc-shen-zhen"


def test_flattened_table_rows_are_paragraphs_not_headings():
    a = read("标题\n2020年1月1日\n导语一段，说明发放情况如下：\n类别　　人数　　金额\n小学　　120人　　6万元\n"
             "初中\t80人\t4.5万元\n合计    200人    10.5万元\n一、　总体情况\n全县学校均已完成发放工作，情况良好。\n")
    assert [s.heading for s in a.sections] == [None, "一、　总体情况"]
    texts = [p.zh for p in a.paragraphs()]
    assert "小学　　120人　　6万元" in texts and "类别　　人数　　金额" in texts and "初中\t80人\t4.5万元" in texts


def test_marked_subheads_are_headings_and_triangle_lines_captions():
    a = read("标题\n2020-09-10\n导语一段，介绍全文。\n■ 精准资助，一个不漏\n全市建立资助机制，资助学生一万人次。\n"
             "▲ 学生们在上课\n◆ 控辍保学\n组织教师上门劝返失学学生，效果明显。\n")
    assert [s.heading for s in a.sections] == [None, "精准资助，一个不漏", "控辍保学"]
    assert a.sections[1].heading_line == 4
    assert {d.text: d.reason for d in a.dropped}["▲ 学生们在上课"] == "photo caption"


def test_wechat_end_marks_and_calls_to_action_are_dropped():
    junk = ["—END—", "- THE END -", "END", "↓↓↓", "👇", "点击阅读原文，了解更多资讯", "喜欢就点个“在看”吧",
            "长按识别二维码", "关注我们", "点击上方蓝字关注我们"]
    a = read("标题\n2020-09-10\n正文一段，内容充实。\n第二段正文，说明情况。\n" + "\n".join(junk) + "\n")
    assert [p.zh for p in a.paragraphs()] == ["正文一段，内容充实。", "第二段正文，说明情况。"]
    assert len(a.sections) == 1
    reasons = {d.text: d.reason for d in a.dropped}
    assert reasons["—END—"] == "end mark" and reasons["长按识别二维码"] == "WeChat furniture"


def test_page_buttons_are_furniture():
    a = read("标题\n发布时间：2020-06-12\n【字体：大 中 小】【打印】\n正文一段，内容充实。\n【打印】\n【收藏】【关闭窗口】\n")
    assert [p.zh for p in a.paragraphs()] == ["正文一段，内容充实。"]
    assert len(a.sections) == 1


def test_credits_lines_name_the_editor_up_to_the_next_label():
    cases = {"编辑：某甲 审核：某乙": "某甲", "【纠错】　责任编辑： 某丙": "某丙", "责编：某丁　监制：某戊": "某丁",
             "（责任编辑：某己）": "某己", "审核：某庚": "某庚"}
    for line, editor in cases.items():
        a = read(f"标题\n2020-09-10\n正文一段，内容充实。\n{line}\n")
        assert a.source.editor == editor, line
        assert [p.zh for p in a.paragraphs()] == ["正文一段，内容充实。"], line


def test_source_fields_lose_account_wrapping_and_stop_at_the_next_label():
    cases = {"来源：公众号“示例教育发布”": "示例教育发布", "来源：微信公众号「示例发布」": "示例发布",
             "示例网　2020-10-16 07:38:00　来源：示例日报　记者 某甲 通讯员 某乙": "示例日报",
             "2020-10-16 来源：示例日报记者某甲": "示例日报", "2020-10-16 来源：示例日报 作者某乙": "示例日报",
             "示例日报　２０２０年１２月０８日　第０３版：要闻": "示例日报",
             "原创 某作者 示例教育发布 2020-09-10": "示例教育发布"}
    for line, publisher in cases.items():
        a = read(f"标题\n{line}\n正文一段，内容充实。\n")
        assert a.source.publisher == publisher, line


def test_source_line_closing_the_body_is_metadata():
    a = read("标题\n2020-09-10\n正文一段，内容充实。\n来源：公众号“示例发布”\n")
    assert a.source.publisher == "示例发布"
    assert [p.zh for p in a.paragraphs()] == ["正文一段，内容充实。"]


def test_html_info_bar_between_title_and_body_is_read_as_metadata():
    import lxml.html

    from generator.html import _meta_lines
    tree = lxml.html.document_fromstring(
        "<html><head><title>示例标题_示例新闻网</title></head><body><div class='top'>2024年1月1日 星期一</div>"
        "<div class='article'><h1>示例标题</h1><div class='info'><span>2019-04-18 10:05</span>&nbsp;&nbsp;"
        "<span>来源：示例日报</span></div><div class='content'><p>今年以来，某县投入资金300万元。</p>"
        "<p>第二段。</p></div></div><div class='footer'>2019-2024 示例网</div></body></html>")
    lines = _meta_lines(tree, "示例标题", "今年以来，某县投入资金300万元。")
    assert lines == ["2019-04-18 10:05 来源：示例日报"]
    assert _meta_lines(tree, "示例标题", "不在页面上的正文") == []
    a = parse("示例标题\n今年以来，某县投入资金300万元。\n", "t.html", "0" * 64,
              hints={"date": "2019-04-18", "publisher": None, "lines": lines})
    assert (a.source.published, a.source.publisher) == ("2019-04-18T10:05:00+08:00", "示例日报")


def test_a_time_belongs_to_the_date_of_its_line():
    a = read("标题\n2024年1月1日 星期一\n2019-04-18 10:05 来源：示例日报\n正文一段，内容充实。\n")
    assert a.source.published == "2024-01-01"


def test_metadata_first_line_with_bare_labels_is_no_title():
    from generator.pipeline import untitled
    assert untitled("来源 示例日报 作者 某甲 2021-03-05") == "the first line is the metadata line"
    assert untitled("时间 都去哪儿了") is None


def test_bulleted_lists_and_marked_bylines_are_not_headings():
    a = read("标题\n2020-09-10\n导语一段，介绍全文。\n● 学前教育120人\n● 义务教育300人\n● 普通高中80人，其余为中职学生\n"
             "正文继续说明资助情况，内容较长。\n■ 记者 某甲\n正文最后一段，说明更多的情况。\n【分享经验】\n又一段正文，说明更多的情况。\n")
    assert len(a.sections) == 1
    assert "● 学前教育120人" in [p.zh for p in a.paragraphs()]


def test_empty_or_bracket_only_source_fields_give_no_publisher():
    for line in ("来源： | 日期：2017-09-29", "来源：） 2017-09-29", "来源：公众号“” 2017-09-29"):
        a = read(f"标题\n{line}\n正文一段，内容充实。\n")
        assert a.source.publisher is None, line


def test_marked_question_heads_but_not_marked_sentences():
    a = read("标题\n2020-09-10\n导语一段，介绍全文。\n■ 经费从哪里来？\n全市设立专项资金，资助学生一万人次。\n"
             "◆ 学生们都回到了课堂。\n组织教师上门劝返失学学生，效果明显。\n")
    assert [s.heading for s in a.sections] == [None, "经费从哪里来？"]

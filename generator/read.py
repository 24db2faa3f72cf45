"""Stage 1, read: source bytes -> ``Article`` (metadata, sections, paragraphs, dropped lines).

The reader decides, line by line, what each line of a news page is: title, metadata, heading,
body paragraph, or page furniture to drop. It never rewrites a kept line beyond stripping the
blanks around it, so facts can point into paragraphs by offsets.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pypinyin import lazy_pinyin

from . import classify, html
from .decode import decode
from .model import Article, Dropped, Paragraph, Section, Source
from .script import detect_script, fold


class SourceError(Exception):
    """A source file that cannot be made into an article. ``str(err)`` names the file."""


# --- line patterns (matched on the folded text: Simplified, half-width) ---------------------

DATE = re.compile(r"(?:(\d{4})\s*[年./-]\s*)?(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?")
FULL_DATE = re.compile(r"(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?")
TIME = re.compile(r"(?<!\d)(\d{1,2}):(\d{2})(?::(\d{2}))?")
URL = re.compile(r"https?://[\x21-\x7e]+")
URL_YEAR = re.compile(r"(?<!\d)(20\d{2}|19\d{2})(?:[/_-]?\d{2})")
#: Labels of the source field (Simplified; matched on folded text).
SOURCE_LABELS = ("信息来源", "文章来源", "稿件来源", "新闻来源", "来源", "稿源", "转自", "出处")
#: Labels whose value names the publisher: the source labels and the issuing body.
PUBLISHER_KEYS = {*SOURCE_LABELS, "学校", "发布单位", "发布机构", "单位"}
#: Labels of metadata fields (Simplified; matched on folded text). Longer labels first so that
#: 发布时间 wins over 时间. Source: header lines of Chinese government and news pages.
META_LABELS = (
    *SOURCE_LABELS, "学校", "发布单位", "发布机构", "单位", "发布时间", "发布日期", "更新时间", "时间", "日期",
    "作者", "记者", "通讯员", "责任编辑", "编辑",
    "点击数", "点击量", "浏览次数", "阅读次数", "浏览", "阅读", "点击", "字号",
)
META_KEY = re.compile(r"[【\[]?\s*(" + "|".join(META_LABELS) + r")\s*[:：]\s*")
#: The same labels without a colon, as a field of their own: at the start of the line or after a
#: blank or bar, and followed by blanks (``2021-03-05 来源 四川日报 作者 李明``). Read only on a
#: line that is metadata for another reason (a date, a URL or a labelled field). 学校 and 单位
#: are left out: without a colon they are as likely words of a value.
BARE_META_KEY = re.compile(r"(?:^|(?<=[\s|｜]))(" + "|".join(k for k in META_LABELS if k not in ("学校", "单位"))
                           + r")\s+(?=[^\s:：])")
#: Blanks around a field value: any Unicode space, zero-width spaces and the BOM.
BLANKS = re.compile(r"^[\s\u200b-\u200d\u2060\ufeff]+|[\s\u200b-\u200d\u2060\ufeff]+$")
EDITOR_KEYS = {"责任编辑", "编辑"}
WEEKDAY = re.compile(r"^(星期|周)[一二三四五六日天]$")
#: Labels of the credits block under an article (editor, reviewer, producer…). Source: footers
#: of news sites and WeChat posts (``编辑：甲 审核：乙``, ``责编：甲　监制：乙``).
CREDIT_LABELS = ("责任编辑", "责编", "编辑", "审核", "校对", "终审", "二审", "一审", "监制", "统筹",
                 "记者", "通讯员", "摄影", "作者", "美编", "排版")
CREDIT_KEY = re.compile(r"(?:^|(?<=[\s|｜【\[（(】\]）)]))(" + "|".join(CREDIT_LABELS) + r")\s*(?:[:：]\s*|\s+(?=\S))")
#: A line of credits under an article: ``编辑：甲 审核：乙``, ``（责任编辑：甲）``, ``监制：丙``. The
#: labels that also open header metadata (作者 记者 通讯员, read by ``_metadata_from``) are left out.
CREDITS_LINE = re.compile(r"^[【\[（(]?\s*(?:" + "|".join(k for k in CREDIT_LABELS if k not in ("作者", "记者", "通讯员"))
                          + r")\s*(?:[:：]|\s+(?=\S))")
#: A responsible editor inside a short line of other furniture: ``（责任编辑：甲）``,
#: ``【纠错】　责任编辑： 甲`` (Xinhua's footer).
EDITOR_IN_LINE = re.compile(r"(?:^|(?<=[\s【\[（(】\]）)]))(?:责任编辑|责编)\s*[:：]\s*([^】\]）)\s|｜]+)")
LINK_LINE = re.compile(r"^(?:本文链接|原文链接|本文网址|原文地址)\s*[:：]\s*(https?://\S+)")
AGENCY_TITLE = re.compile(r"^(新华社|中新社|人民日报|经济日报|光明日报|央视新闻|中国新闻网)(?=[\u4e00-\u9fff]{0,6}[:：])")
BYLINE_END = re.compile(r"^[（(][^（）()]{0,30}(?:记者|通讯员|供稿|摄)[^（）()]*[)）]$")
DATELINE = re.compile(r"^(新华社|中新社|中新网|人民网|央视网|新华网|中国新闻网|光明网|央广网)([\u4e00-\u9fff]{0,8}?)(\d{1,2})月(\d{1,2})日电")
REPORTER_LINE = re.compile(r"^(新华社|本报|中新社)?记者\s*[\u4e00-\u9fff ]{2,30}$")

#: Page furniture: (pattern, reason). Source: lines seen on Chinese news and government pages.
FURNITURE = [
    (re.compile(r"^(本文链接|分享到|返回顶部|返回上一页|查看原文|打印本页|关闭窗口|【?打印|【?关闭|【纠错】|TOP|扫一扫|字号"
                r"|字体\s*[:：])"), "page furniture"),
    # a row of page buttons: 【字体：大 中 小】【打印】【关闭窗口】, [收藏] [返回]
    (re.compile(r"^(?:[【\[]\s*(?:(?:字体|字号)[^】\]]{0,12}|大\s*中\s*小|打印(?:本页|此页)?|关闭(?:窗口|本页)?"
                r"|(?:加入)?收藏(?:本页)?|返回(?:顶部|首页|列表)?|分享到?|纠错)\s*[】\]]\s*)+$"), "page furniture"),
    # the call-to-action lines that close WeChat posts
    (re.compile(r"^(?:[^。！？]{0,8}(?:阅读原文|点个?[“\"]?在看|(?:点击|关注)[^。！？]{0,4}蓝字|(?:分享|转发)[到至给]?朋友圈)"
                r"|长按(?:识别|扫描)?(?:下方|上方|图中)?(?:二维码|图片)|(?:扫描|扫码|扫)(?:下方|上方)?(?:二维码)?关注"
                r"|(?:欢迎)?关注(?:我们|本号|本公众号)[!！。~]*$)[^。]{0,24}$"), "WeChat furniture"),
    (re.compile(r"^[\W_]*(?:(?:THE\s*)?END|完|全文完)[\W_]*$", re.I), "end mark"),
    # rules and pointers between blocks: ↓↓↓, 👇, ————, ***
    (re.compile(r"^(?:[\s↓↑→←⇓⇩⬇⬆▼▽👇👆☟☝]+|[\s—–\-=_*~·•.…]{3,})$"), "decoration"),
    (re.compile(r"^【?\s*(上一篇|下一篇)"), "link to another story"),
    (re.compile(r"(版权所有|Copyright|©|未经授权禁止|ICP备)", re.I), "copyright line"),
    (re.compile(r"^<[a-z/!][^>]*>|</script>|document\.write", re.I), "leftover markup"),
    (re.compile(r"^(浏览|阅读|点击)(次数|量)?\s*[:：]?\s*\d+"), "counter"),
    (re.compile(r"^(首页|当前位置|您的位置|位置)\s*(>|＞|»|›|/)"), "breadcrumb"),
    (re.compile(r"^[^。，,]{1,20}(\s*(>|＞|»|›)\s*[^。，,]{1,20}){2,}$"), "breadcrumb"),
]
#: A source line standing at the end of the body: ``来源：公众号“示例发布”``, ``（来源：示例日报）``.
SOURCE_LINE = re.compile(r"^[【\[（(]?\s*(?:信息来源|文章来源|稿件来源|新闻来源|本文来源|来源|稿源|转自)\s*[:：][^。！？]{1,50}$")
RELATED = re.compile(r"^(相关新闻|相关信息|相关阅读|相关链接|延伸阅读|更多|推荐阅读)\s*[:：]?$")

HEADING_NUMBERED = re.compile(
    r"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|[（(]\d{1,2}[)）]|\d{1,2}[.、．]\s*"
    r"|第[一二三四五六七八九十]+[部分章节]\s*|第[一二三四五六七八九十]+[,，、])")
#: Particles of a rhetorical question (难道…吗？), which opens a thought rather than a section.
RHETORICAL = re.compile(r"难道|岂|[吗呢吧么][?？]?$")
BRACKET_HEAD = re.compile(r"^(【[^】]{1,12}】)(?=\S)")
#: A heading set off by a typographic marker instead of a number (WeChat and feature layouts):
#: ``■ 精准资助，一个不落``, ``◆推进控辍保学``, ``▍师资建设``. ▲ marks photo captions instead.
MARKED_HEAD = re.compile(r"^[■◆●▍▌◼◾◇□▶►★☆]\s*(\S.{0,29})$")
#: Cells of a flattened table row: runs of two or more blanks, or a tab, between them.
TABLE_GAP = re.compile(r"[ \u3000\xa0]*\t[ \t\u3000\xa0]*|[ \u3000\xa0]{2,}")
CAPTION = re.compile(r"^[▲■●△◆图]|图为|（摄）|\(摄\)|摄$|^（?图片|供图|[（(][左右中][一二三四五六七八九]?[)）]|(仪式|现场|合影|留影|一角|掠影)$")
#: Photo captions, kept out of the body: ▲/■ captions, 图为…, and lines credited to a
#: photographer or picture source (…摄, （资料图片）, （图片来源：…）).
PHOTO_CAPTION = re.compile(r"^[▲■△]|^图为|^[(（]?图片来源|(摄|供图|资料图片|图片来源[:：][^)）]*)[)）]?$")
SENTENCE_END = "。！？；…"


@dataclass
class _Line:
    no: int          # 1-based line number
    text: str        # stripped source text
    key: str         # fold(text): Simplified, half-width


def _labelled_fields(key: str, text: str) -> list[tuple[str, str]]:
    """``[(label, value)]`` of a line like ``来源：X 发布时间：Y【编辑：Z】`` or
    ``2021-03-05 10:20 来源 X 作者 Y``.

    A value runs from its label to the next label, ``|``, or bracket, so fields need no
    particular separator between them; labels may stand without a colon (``BARE_META_KEY``).
    A date inside a value that is not a date field is a field of its own.
    """
    marks = list(META_KEY.finditer(key))
    marks += [m for m in BARE_META_KEY.finditer(key)
              if not any(c.start() <= m.start() < c.end() for c in marks)]
    marks.sort(key=lambda m: m.start())
    fields = []
    for i, m in enumerate(marks):
        stop = marks[i + 1].start() if i + 1 < len(marks) else len(key)
        value = text[m.end():stop]
        value = re.split(r"[|｜】\]]", value, maxsplit=1)[0]
        date = FULL_DATE.search(fold(value))
        if date and m.group(1) not in ("发布时间", "发布日期", "更新时间", "时间", "日期"):
            value = value[:date.start()]     # "来源：人民网 2020年07月08日": the date is its own field
        credit = CREDIT_KEY.search(fold(value), 1)
        if credit:      # "编辑：甲 审核：乙": 审核 is no metadata label but ends the value
            value = value[:credit.start()]
        fields.append((m.group(1), BLANKS.sub("", value.strip(" \u3000【["))))
    return fields


#: Outlet names as they head a newspaper page or site line: ``毕节日报　2020年12月08日　第03版``,
#: ``中国宁波网　2020-10-16 07:38``. Source: mastheads of Chinese papers, sites and broadcasters.
OUTLET_NAME = re.compile(r"^[\u4e00-\u9fff]{1,16}(?:日报|晚报|早报|晨报|商报|时报|导报|周报|报|新闻网|网|电视台|广播电台"
                         r"|融媒体中心|新闻|客户端|杂志|周刊|通讯社|社)$")
#: The byline of a WeChat post: ``原创 AUTHOR ACCOUNT 2020-09-10``; the account is the last field.
WECHAT_BYLINE = re.compile(r"^原创\s+(?:\S+\s+)*?(\S+)\s+(?=\d{4}\s*[年./-])")
#: What wraps an outlet name in a source field: ``公众号“湘西教育发布”``, ``《示例日报》``.
PUBLISHER_WRAP = re.compile(r"^(?:微信)?公众号\s*[:：]?\s*|^[“\"「『《]|[”\"」』》]$")


def _publisher(value: str) -> str:
    """The outlet named in a source field, without its wrapping.

    ``公众号“湘西教育发布”`` -> ``湘西教育发布``; ``宁波日报记者陈晓东`` -> ``宁波日报`` (a reporter's
    credit run into the field ends it; 记者站 is part of a name); ``宁波日报 作者张三`` -> ``宁波日报``
    (a label after a blank ends it, with or without colon).
    """
    value = PUBLISHER_WRAP.sub("", PUBLISHER_WRAP.sub("", value)).strip()
    if value and value[-1] in ")）" and value.count(value[-1]) > value.count("(" if value[-1] == ")" else "（"):
        value = value[:-1].rstrip()    # "（来源：示例日报）": the bracket closes the line, not the name
    credit = re.search(r"记者(?!站)|通讯员|\s(?:作者|责任编辑|责编|编辑|摄影|点击|浏览|阅读)", fold(value))
    return value[:credit.start()].rstrip() if credit and credit.start() >= 2 else value


def _editor_in_furniture(key: str) -> bool:
    """True for a short line that names the responsible editor among page furniture
    (``【纠错】　责任编辑： 甲``, ``（责任编辑：甲）``) and holds no other metadata: a header line
    ``时间：… 来源：… 责任编辑：…`` is read whole by ``_metadata_from``."""
    return (len(key) <= 40 and EDITOR_IN_LINE.search(key) is not None and not FULL_DATE.search(key)
            and all(m.group(1) in EDITOR_KEYS for m in META_KEY.finditer(key)))


def _credited_editor(key: str, text: str) -> str | None:
    """The editor named in a credits line (``key`` folded, ``text`` as written), or None.

    ``编辑：甲 审核：乙`` -> 甲; ``【纠错】　责任编辑： 甲`` -> 甲; ``审核：乙`` -> 乙 (a reviewer
    only: the one person answerable for the text). Each value runs to the next credit label
    (``CREDIT_LABELS``, with or without colon) or bracket.
    """
    marks = list(CREDIT_KEY.finditer(key))
    fields = []
    for i, m in enumerate(marks):
        stop = marks[i + 1].start() if i + 1 < len(marks) else len(key)
        value = re.split(r"[|｜】\]）)]", text[m.end():stop], maxsplit=1)[0]
        value = BLANKS.sub("", value.strip(" \u3000【[（("))
        if value:
            fields.append((m.group(1), value))
    editors = [v for label, v in fields if label in ("责任编辑", "责编", "编辑")]
    return (editors or [v for label, v in fields if label in ("审核", "校对")] or [None])[0]


def _outlet(part: str) -> bool:
    """True for a pipe-separated field that can be an outlet name: short, no digits, no label."""
    key = fold(part)
    return (0 < len(key) <= 20 and not re.search(r"\d", key) and not WEEKDAY.match(key)
            and not META_KEY.search(key) and not re.search(r"记者|通讯员|报道|摄", key))


def _metadata_from(line: _Line, meta: dict) -> bool:
    """Read URL/date/time/publisher/editor off a header line; True when it was metadata.

    Forms (source: header lines of Chinese news pages): run-together ``URL日期 时间出版者``;
    labelled fields ``来源：X 发布时间：Y 作者：Z`` in any order and with any separators;
    pipe-separated fields ``香港文匯報 | 2020年07月08日 星期三 | 記者 …`` where the outlet is the
    unlabelled field without digits; a masthead before the date (``毕节日报　2020年12月08日　第03版``,
    ``OUTLET_NAME``); a WeChat byline ``原创 作者 公众号 日期`` (the account, kept as ``account``:
    the publisher only when nothing else names one).
    """
    key, text = line.key, line.text
    if len(text) > 160 or any(p in key for p in "。！？"):
        return False
    url = URL.search(key)
    has_key = META_KEY.search(key)
    date = FULL_DATE.search(key) or (DATE.search(key) if (url or has_key) else None)
    if not (url or date or has_key):
        return False
    found = {}
    if url:
        end = url.end()
        if date and url.start() <= date.start() < end < date.end():
            end = date.start()   # run-together "…cn2019年12月23日": the date starts the next field
        found["url"] = text[url.start():end].rstrip("\u3000 ")
    for label, value in _labelled_fields(key, text):
        if label in PUBLISHER_KEYS and _publisher(value):
            found.setdefault("publisher", _publisher(value))
        elif label in EDITOR_KEYS and value:
            found.setdefault("editor", value)
    if "|" in key or "｜" in key:
        for part in re.split(r"[|｜]", text):
            if _outlet(part.strip()) and not (url and part.strip() in found.get("url", "")):
                found.setdefault("publisher", part.strip())
                break
    if date:
        y = date.group(1)
        found["date"] = (int(y) if y else None, int(date.group(2)), int(date.group(3)))
        t = TIME.search(key, date.end())
        if t:
            found["time"] = (int(t.group(1)), int(t.group(2)), int(t.group(3)) if t.group(3) else None)
        head = text[:date.start()].strip(" \u3000|｜")
        tail = text[t.end() if t else date.end():].strip(" \u3000|｜")
        if "publisher" not in found and not has_key:
            if OUTLET_NAME.match(fold(head)):
                found["publisher"] = head
            elif _outlet(tail):
                found["publisher"] = tail
        wechat = WECHAT_BYLINE.match(key)
        if wechat:
            found["account"] = text[wechat.start(1):wechat.end(1)]
    if "date" in meta and "date" in found:
        found.pop("time", None)       # a time belongs to the date on its own line
    for k, v in found.items():
        meta.setdefault(k, v)
    return True


def _published(meta: dict) -> str | None:
    """ISO 8601 from the parsed date/time; +08:00 (China Standard Time) when a time is given."""
    if "date" not in meta:
        return None
    y, mo, d = meta["date"]
    if y is None:
        y = meta.get("url_year")
    if y is None or not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    if "time" in meta:
        h, mi, s = meta["time"]
        return f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s or 0:02d}+08:00"
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _table_row(text: str) -> bool:
    """True for a row of a table flattened to text: two or more cells split by ``TABLE_GAP``
    (``学段　　资助人数　　资助金额``, ``义务教育　　3018人　　227.4万元``). A heading number
    standing apart from its words (``一、　　总体情况``) is no cell.
    """
    cells = TABLE_GAP.split(text.strip())
    if cells and HEADING_NUMBERED.fullmatch(fold(cells[0])):
        cells = cells[1:]
    return len(cells) >= 2


def _marked_head(key: str) -> re.Match | None:
    """The ``MARKED_HEAD`` match of a line shaped like a marked heading: a short phrase after the
    marker that does not end a sentence (a question head may end in ？), is no photo caption
    (图为…, …摄) and no credit (记者 甲)."""
    m = MARKED_HEAD.match(key)
    if not m:
        return None
    phrase = m.group(1)
    ends = phrase[-1] in SENTENCE_END + "!" or (phrase[-1] == "?" and RHETORICAL.search(phrase))
    if (ends or "。" in phrase or CAPTION.search(phrase) or PHOTO_CAPTION.search(phrase)
            or META_KEY.search(phrase) or CREDIT_KEY.match(phrase) or REPORTER_LINE.match(phrase)):
        return None
    return m


def _is_heading(line: _Line, next_line: _Line | None) -> bool:
    """A standalone heading line: short, no sentence punctuation inside, followed by body text.

    Rules from the genre: numbered heads (一、 （一） 1.) up to 40 characters; marked heads
    (■ ◆ ▍… + a phrase, ``MARKED_HEAD``); unnumbered heads up to 20 characters ending without
    。，; question-form heads ending in ？; never a caption (▲ 图为 摄), a byline, a table row
    (``_table_row``) or a line that ends a sentence.
    """
    key = line.key
    if next_line is None or BYLINE_END.match(key) or _table_row(line.text):
        return False
    if len(next_line.key) < len(key):
        return False
    if _marked_head(key):
        return True
    if CAPTION.search(key):
        return False
    if HEADING_NUMBERED.match(key):
        return len(key) <= 40 and key[-1] not in SENTENCE_END
    if key.endswith("?"):
        return len(key) <= 24 and not RHETORICAL.search(key)
    if len(key) > 20 or key[-1] in SENTENCE_END + ",:：，":
        return False
    return not any(p in key for p in "。，,；;")


def _latin_ascii(text: str) -> str:
    """``text`` with Latin letters made ASCII (Ü -> U, ï -> i, ø -> o, æ -> ae); others kept.

    Rule: Unicode compatibility decomposition (NFKD) without its combining marks; a letter that
    does not decompose (ø đ ł æ ß ı) becomes the letter its Unicode name is built on (LATIN SMALL
    LETTER O WITH STROKE -> o) when that is one or two letters. Han characters are unchanged.
    """
    out = []
    for ch in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(ch):
            continue
        if ch.isascii() or not ch.isalpha():
            out.append(ch)
            continue
        name = unicodedata.name(ch, "")
        base = name.split(" WITH ")[0].split(" ")[-1] if name.startswith("LATIN ") else ""
        out.append(base.lower() if base.isalpha() and len(base) <= 2 else ch)
    return "".join(out)


def article_id(stem: str, published: str | None) -> str:
    """ASCII slug: the ISO date (when known) + the file stem, Chinese characters in pinyin and
    Latin letters without their accents (``_latin_ascii``).

    ``000_e7d82218e8e66958`` published 2019-12-23 -> ``2019-12-23-000-e7d82218e8e66958``;
    ``Ünïcode 文章`` -> ``unicode-wen-zhang``.
    """
    words = lazy_pinyin(_latin_ascii(stem), errors=lambda s: [s])
    slug = re.sub(r"[^a-z0-9]+", "-", "-".join(words).lower()).strip("-") or "article"
    return f"{published[:10]}-{slug}" if published else slug


def read_article(path: str | Path, display_name: str | None = None) -> Article:
    """Read one source file into an ``Article``.

    Args:
        path: the source file (plain text, one paragraph per line).
        display_name: the path recorded in ``source.file`` and in error messages (default: path).
    Returns:
        The ``Article`` with metadata, sections (categorised), paragraphs and dropped lines.
    Raises:
        SourceError: the file is missing, not a file, unreadable, empty, binary, or has no body.
    """
    path = Path(path)
    name = display_name or str(path)
    if not path.exists():
        raise SourceError(f"{name}: no such file")
    if not path.is_file():
        raise SourceError(f"{name}: not a file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{name}: cannot read ({exc.strerror})") from exc
    text, encoding = decode(data, name)
    hints = None
    if html.looks_like_html(text, path.suffix):
        extracted = html.html_to_text(text)
        if extracted is None:
            raise SourceError(f"{name}: no article text found in the HTML page")
        text, hints = extracted
    return parse(text, name, hashlib.sha256(data).hexdigest(), encoding, stem=path.stem, hints=hints)


def parse(text: str, file: str, sha256: str, encoding: str = "utf-8", stem: str = "article",
          hints: dict | None = None) -> Article:
    """Split decoded text into an ``Article``; see ``read_article``. Raises ``SourceError``.

    ``hints`` (from an HTML page's metadata: url, date ``YYYY-MM-DD``, publisher, and ``lines``:
    the page's metadata lines outside the article text, read like header lines) fill in what
    the text itself does not give.
    """
    lines = [_Line(i, raw.strip(), fold(raw.strip())) for i, raw in enumerate(text.splitlines(), 1)]
    lines = [ln for ln in lines if ln.text]
    dropped: list[Dropped] = []
    meta: dict = {}
    kept: list[_Line] = []
    related = False
    for ln in lines:
        link = LINK_LINE.match(ln.key)
        if link:      # the page's own link, often below the related-stories list
            meta.setdefault("link_url", ln.text[link.start(1):link.end(1)])
            dropped.append(Dropped(ln.no, ln.text, "page furniture"))
            continue
        if related:
            dropped.append(Dropped(ln.no, ln.text, "related stories list"))
            continue
        if RELATED.match(ln.key):
            related = True
            dropped.append(Dropped(ln.no, ln.text, "related stories list"))
            continue
        reason = next((r for pat, r in FURNITURE if pat.search(ln.key)), None)
        credits = (CREDITS_LINE.match(ln.key) and len(ln.key) <= 60
                   and not any(p in ln.key for p in "。！？；，"))
        editor = (_credited_editor(ln.key, ln.text) if credits or _editor_in_furniture(ln.key) else None)
        if PHOTO_CAPTION.search(ln.key) and not editor and not _marked_head(ln.key):
            dropped.append(Dropped(ln.no, ln.text, "photo caption"))
            continue
        if editor:
            meta.setdefault("editor", editor)
            dropped.append(Dropped(ln.no, ln.text, "editor line"))
        elif credits:
            dropped.append(Dropped(ln.no, ln.text, "credits line"))
        elif reason:
            dropped.append(Dropped(ln.no, ln.text, reason))
        else:
            kept.append(ln)
    if not kept:
        raise SourceError(f"{file}: no article text")

    title_line = kept.pop(0)
    title = title_line.text
    dl = DATELINE.match(title_line.key)
    if dl and ("题:" in title_line.key or "题：" in title_line.key):
        cut = max(title_line.key.find("题:"), title_line.key.find("题："))
        meta["publisher"] = title_line.text[dl.start(1):dl.end(1)]
        meta["dateline"] = (int(dl.group(3)), int(dl.group(4)))
        title = title_line.text[cut + 2:].strip()
    # header: metadata lines right after the title, before the body
    while kept and (_metadata_from(kept[0], meta) or REPORTER_LINE.match(kept[0].key)
                    or kept[0].key.startswith("原标题")):
        ln = kept.pop(0)
        reason = ("original title" if ln.key.startswith("原标题")
                  else "byline" if REPORTER_LINE.match(ln.key) else "metadata")
        dropped.append(Dropped(ln.no, ln.text, reason))
    # a dateline opening the body (新华社成都11月6日电) names the publisher and the day
    dl = DATELINE.match(kept[0].key) if kept else None
    if dl and "dateline" not in meta:
        meta.setdefault("publisher", kept[0].text[dl.start(1):dl.end(1)])
        meta["dateline"] = (int(dl.group(3)), int(dl.group(4)))
    # bylines in parentheses and source lines (来源：公众号“…”) at the end are credits, not body
    late: dict = {}
    while kept and (BYLINE_END.match(kept[-1].key) or SOURCE_LINE.match(kept[-1].key)):
        ln = kept.pop()
        source_line = SOURCE_LINE.match(ln.key) and _metadata_from(ln, late)
        dropped.append(Dropped(ln.no, ln.text, "metadata" if source_line else "byline"))
    if not kept:
        raise SourceError(f"{file}: no article text after the title")
    # the metadata line of an HTML page, which the article extractor leaves out of the text
    for page_line in (hints or {}).get("lines", ()):
        _metadata_from(_Line(0, page_line, fold(page_line)), late)
    for key, value in late.items():
        meta.setdefault(key, value)
    if "account" in meta:
        meta.setdefault("publisher", meta["account"])

    for key, value in (hints or {}).items():
        if not value or key in meta or key == "lines":
            continue
        if key == "date":
            d = FULL_DATE.match(value)
            if d and "date" not in meta:
                meta["date"] = (int(d.group(1)), int(d.group(2)), int(d.group(3)))
        else:
            meta[key] = value
    agency = AGENCY_TITLE.match(fold(title))
    if agency and "publisher" not in meta:
        meta["publisher"] = title[agency.start(1):agency.end(1)]
    if "url" not in meta and "link_url" in meta:
        meta["url"] = meta["link_url"]
    if "url" in meta:
        y = URL_YEAR.search(meta["url"].split("://", 1)[-1].split("/", 1)[-1])
        if y:
            meta["url_year"] = int(y.group(1))
    if "date" not in meta and "dateline" in meta:
        meta["date"] = (None, *meta["dateline"])

    headings = {ln.no for ln, nxt in zip(kept, kept[1:] + [None]) if _is_heading(ln, nxt)}
    # Marked lines next to each other are the items of a bulleted list, not heads.
    headings -= {no for ln, nxt in zip(kept, kept[1:])
                 if MARKED_HEAD.match(ln.key) and nxt.key[:1] == ln.key[:1] for no in (ln.no, nxt.no)}
    # A lone unnumbered short line is more often a caption or pull quote than a heading: articles
    # with unnumbered subheads have several of them.
    numbered = {ln.no for ln in kept if HEADING_NUMBERED.match(ln.key) or _marked_head(ln.key)}
    if len(headings - numbered) < 2:
        headings &= numbered
    sections: list[Section] = [Section("s1", "lead", None)]
    n_par = 0
    for ln in kept:
        body = ln.text
        bracket = BRACKET_HEAD.match(ln.key)
        if ln.no in headings:
            marked = _marked_head(ln.key)     # the marker is decoration, the phrase is the heading
            heading = ln.text[marked.start(1):] if marked else ln.text
            sections.append(Section(f"s{len(sections) + 1}", "other", heading, heading_line=ln.no))
            continue
        if bracket:
            sections.append(Section(f"s{len(sections) + 1}", "other", ln.text[:bracket.end(1)], heading_line=ln.no))
            body = ln.text[bracket.end(1):].strip()
        n_par += 1
        sections[-1].paragraphs.append(Paragraph(f"p{n_par}", body, ln.no))
    if not sections[0].paragraphs and len(sections) > 1:
        sections.pop(0)
        for n, s in enumerate(sections, 1):
            s.id = f"s{n}"
    classify.categorise(sections)

    source = Source(
        file=file,
        sha256=sha256,
        url=meta.get("url"),
        published=_published(meta),
        publisher=meta.get("publisher"),
        editor=meta.get("editor"),
        script=detect_script(text),
        encoding=encoding,
    )
    dropped.sort(key=lambda d: d.line)
    return Article(article_id(stem, source.published), source, title, sections, dropped)

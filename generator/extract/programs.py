"""Programme layer: named programmes, slogans, mechanisms and class types in quotation marks.

The genre names its schemes in quotes (“组团式”, “3+1”, 「一村一幼」, “内高班”) and also quotes
speech; a quoted stretch counts as a name when it is short and has no sentence punctuation.
Facts have type ``program``; ``text`` and ``name.zh`` are the words inside the quotes.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Article, Fact, Name, Paragraph
from ..names.english import program_english
from ..script import fold
from .documents import title_spans
from .memo import ArticleCache, article_key

#: Quotation pairs of Chinese text (GB/T 15834-2011 引号): “” 「」 『』 and the inner ‘’.
QUOTES = (
    re.compile(r"“([^“”\n]{1,60})”"),
    re.compile(r"「([^「」\n]{1,60})」"),
    re.compile(r"『([^『』\n]{1,60})』"),
    re.compile(r"‘([^‘’\n]{1,60})’"),
)

#: Longest name kept, in characters; longer quotations are speech or citations.
MAX_LEN = 20

#: Sentence punctuation marks quoted speech, not a name (a name may hold 、 · + —: “一校一策、一人一档”).
SPEECH_MARKS = re.compile(r"[，。！？；：,!?;…]|\.\s|\.$")

#: Words after a closing quote that make it reported speech (“……”他说).
SPEECH_VERBS = re.compile(r"^[”」』’]?\s*(?:[\u4e00-\u9fff]{0,4}?(?:说|表示|介绍|指出|强调|告诉))")


def _is_name(inner: str, after: str) -> bool:
    """True when the quoted ``inner`` (folded) reads as a name rather than speech or a description."""
    words = inner.strip()
    if not words or len(words) > MAX_LEN or SPEECH_MARKS.search(words):
        return False
    if "的" in words:  # “新中国的雏形”: a description, not a name
        return False
    if not re.search(r"[\u4e00-\u9fff0-9]", words) or "__" in words:
        return False
    return not SPEECH_VERBS.match(after)


@lru_cache(maxsize=512)
def spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans ``(start, end)`` of quoted names in ``text`` (any script), quotes excluded, sorted.

    Quotes inside a 《》 title belong to the title and are skipped.
    """
    folded = fold(text)
    titles = title_spans(text)
    out = []
    for pattern in QUOTES:
        for m in pattern.finditer(text):
            start, end = m.start(1), m.end(1)
            if any(s <= start and end <= e for s, e in titles):
                continue
            if not _is_name(folded[start:end], folded[m.end():m.end() + 8]):
                continue
            inner = text[start:end]
            start += len(inner) - len(inner.lstrip())
            out.append((start, start + len(inner.strip())))
    return tuple(sorted(out))


_BY_ARTICLE: ArticleCache = ArticleCache()  # {article key: {paragraph id: [(start, end, Name)]}}


def article_programs(article: Article) -> dict[str, list[tuple[int, int, Name]]]:
    """Programme names of every paragraph: ``{paragraph id: [(start, end, Name)]}``.

    One programme has one ``Name`` in the article (CONTRACT.md), the name as first written; a
    later quote that is the start of an earlier name (“组团” after “组团式”) refers back to it.
    """
    key = article_key(article)
    if key not in _BY_ARTICLE:
        names: list[tuple[str, Name]] = []
        per: dict[str, list[tuple[int, int, Name]]] = {}
        for para in article.paragraphs():
            found = []
            for s, e in spans(para.zh):
                written = para.zh[s:e]
                folded = fold(written)
                name = next((n for f, n in names
                             if f == folded or (len(folded) >= 2 and f.startswith(folded))), None)
                if name is None:
                    name = Name(zh=written, en=program_english(written))
                    names.append((folded, name))
                found.append((s, e, Name(zh=name.zh, en=name.en)))
            per[para.id] = found
        _BY_ARTICLE[key] = per
    return _BY_ARTICLE[key]


def find(paragraph: Paragraph, article: Article) -> list[Fact]:
    """Programme facts of one paragraph, in source order.

    Args:
        paragraph: the paragraph (any script); offsets index ``paragraph.zh``.
        article: the article, for one name per programme (``article_programs``); a paragraph that
            is not part of it is searched on its own.
    Returns:
        ``Fact(type="program", text=as written, name=Name(zh=as first written, en=glossary English
        or None))`` for each quoted name (see ``spans``).
    """
    text = paragraph.zh
    known = article_programs(article)
    if paragraph.id in known and any(p.id == paragraph.id and p.zh == text for p in article.paragraphs()):
        found = known[paragraph.id]
    else:
        found = [(s, e, Name(zh=text[s:e], en=program_english(text[s:e]))) for s, e in spans(text)]
    return [Fact(type="program", text=text[s:e], paragraph=paragraph.id, start=s, end=e, name=name)
            for s, e, name in found]

"""Document layer: titles cited in 《》 and document numbers (国发〔2016〕64号).

Facts have type ``document``; ``text`` and ``name.zh`` are the title without its brackets, or the
whole document number. ``name.en`` comes from ``names/english.py`` (glossary titles, document
numbers with a known issuer) and is None otherwise.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Article, Fact, Name, Paragraph
from ..names.english import document_english
from ..script import fold

#: A title in double angle brackets; nested 〈〉 stay inside. Source: GB/T 15834-2011 书名号.
TITLE = re.compile(r"《([^《》\n]{1,100})》")

#: A document number (发文字号, as laid out by GB/T 9704-2012 党政机关公文格式): issuer
#: abbreviation, year in 〔〕 (or the look-alikes [] 【】 （）), serial number, 号. Matched on
#: folded text (號 -> 号, ［ -> [).
DOC_NUMBER = re.compile(r"([\u4e00-\u9fff]{1,10})[〔\[【(（]((?:19|20)\d{2})[〕\]】)）]第?(\d{1,4})号")

#: The opening brackets ``DOC_NUMBER`` allows before the year: a number needs one of them.
_YEAR_BRACKETS = "〔[【(（"

#: Words that introduce a document number and are not part of its issuer (按照国发〔…〕: issuer 国发).
_LEAD_WORDS = ("按照", "根据", "依据", "依照", "参照", "落实", "贯彻", "印发", "转发", "执行", "详见", "文件",
               "通知", "见", "和", "与", "及", "即", "的", "号", "按", "据", "依")


def _issuer_start(folded: str, start: int, end: int) -> int:
    """Start of the issuer inside the Han run ``folded[start:end]`` (leading verbs dropped)."""
    changed = True
    while changed and end - start > 2:
        changed = False
        for word in _LEAD_WORDS:
            if folded.startswith(word, start) and end - start - len(word) >= 2:
                start += len(word)
                changed = True
                break
    return start


@lru_cache(maxsize=512)
def title_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans ``(start, end)`` of whole 《…》 titles in ``text``, brackets included.

    Other name layers use them to leave names inside a document title to the title.
    """
    return tuple((m.start(), m.end()) for m in TITLE.finditer(text))


def find(paragraph: Paragraph, article: Article) -> list[Fact]:
    """Document facts of one paragraph, in source order.

    Args:
        paragraph: the paragraph (any script); offsets index ``paragraph.zh``.
        article: unused; part of the layer interface.
    Returns:
        ``Fact(type="document", text=…, name=Name(zh=text, en=English or None))`` per title and
        per document number.
    """
    text = paragraph.zh
    folded = fold(text)
    facts: list[Fact] = []
    for m in TITLE.finditer(text):
        title = m.group(1)
        if not title.strip():
            continue
        facts.append(Fact(type="document", text=title, paragraph=paragraph.id, start=m.start(1),
                          end=m.end(1), name=Name(zh=title, en=document_english(title))))
    # The search tries every Han character; most paragraphs hold no year bracket at all.
    numbers = DOC_NUMBER.finditer(folded) if any(b in folded for b in _YEAR_BRACKETS) else ()
    for m in numbers:
        start = _issuer_start(folded, m.start(1), m.end(1))
        number = text[start:m.end()]
        facts.append(Fact(type="document", text=number, paragraph=paragraph.id, start=start,
                          end=m.end(), name=Name(zh=number, en=document_english(number))))
    facts.sort(key=lambda f: f.start)
    return facts

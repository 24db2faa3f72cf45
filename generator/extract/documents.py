"""Document layer: titles cited in 《》 and document numbers (国发〔2016〕64号).

Facts have type ``document``; ``text`` and ``name.zh`` are the title without its brackets, or the
whole document number. ``name.en`` comes from ``names/english.py`` (glossary titles, document
numbers with a known issuer) and is None otherwise.
"""
from __future__ import annotations

import re
from functools import lru_cache

import jieba.posseg

from ..model import Article, Fact, Name, Paragraph
from ..names.english import document_english
from ..script import fold
from . import segment

#: A title in double angle brackets; nested 〈〉 stay inside (《关于印发〈…〉的通知》 is one
#: document, the notice). Source: GB/T 15834-2011 书名号.
TITLE = re.compile(r"《([^《》\n]{1,100})》")
#: A title in single angle brackets standing alone (〈…〉 outside any 《》), as some texts mark
#: titles; U+2329/U+232A are look-alikes of 〈〉.
SINGLE_TITLE = re.compile(r"[〈\u2329]([^〈〉\u2329\u232a《》\n]{1,100})[〉\u232a]")

#: A document number (发文字号, as laid out by GB/T 9704-2012 党政机关公文格式): the issuer's
#: abbreviation (机关代字: 国发, 国办发, 教基一, 黔府办发), year in 〔〕 (or the look-alikes [] 【】
#: （）), serial number, 号. Matched on folded text (號 -> 号, ［ -> [). The Han run before the
#: year holds the abbreviation and maybe words before it; ``_issuer_start`` finds where it starts.
DOC_NUMBER = re.compile(r"([\u4e00-\u9fff]{1,12})[〔\[【(（]((?:19|20)\d{2})[〕\]】)）]第?(\d{1,4})号")

#: The bracketed year of ``DOC_NUMBER``: a paragraph without one holds no document number.
_BRACKETED_YEAR = re.compile(r"[〔\[【(（](?:19|20)\d{2}[〕\]】)）]")

#: Longest issuer abbreviation, in characters (黔府办发, 国开办发, 教职成厅).
MAX_ISSUER = 6
#: Shortest issuer abbreviation, in characters (国发, 中发).
MIN_ISSUER = 2
#: One-character words that introduce a number and are never part of its issuer (和国办发〔…〕,
#: 即教基〔…〕): conjunctions, prepositions, particles.
_LEAD_CHARS = frozenset("和与及即的见按据依等在为将从由经对把被以或并同")


def _leading(word: str, freq: dict, tags: dict) -> bool:
    """True for a word that stands before an issuer abbreviation, not in it (see ``_issuer_start``)."""
    return word in _LEAD_CHARS or (len(word) >= 2 and bool(freq.get(word)) and tags.get(word) != "j")


def _issuer_start(folded: str, start: int, end: int) -> int:
    """Start of the issuer abbreviation in the Han run ``folded[start:end]`` before a year.

    Rule: an abbreviation is made of one-character abbreviations (国 办 发 教 基 川 府), so the
    words before it are the run's leading words of jieba's dictionary (根据, 印发, 关于, 认真贯彻,
    教育部 in 教育部教发) and the conjunctions and prepositions of ``_LEAD_CHARS``; words jieba
    tags as abbreviations (j: 国办发, 中办) are the issuer's own. A one-character word goes with
    a leading word after it (省 in 省教育厅川教). A word stays when dropping it would leave fewer
    than ``MIN_ISSUER`` characters (教职成, not 成); at most ``MAX_ISSUER`` characters are kept.
    """
    words = segment.cut(folded[start:end])
    freq, tags = segment.tokenizer().FREQ, jieba.posseg.dt.word_tag_tab   # after cut: loaded
    pos, i = start, 0
    while i < len(words):
        left, word = end - pos, words[i]
        pair = words[i + 1] if len(word) == 1 and i + 1 < len(words) else ""
        if left - len(word) >= MIN_ISSUER and (left > MAX_ISSUER or _leading(word, freq, tags)):
            pos, i = pos + len(word), i + 1
        elif pair and left - 1 - len(pair) >= MIN_ISSUER and _leading(pair, freq, tags):
            pos, i = pos + 1 + len(pair), i + 2
        else:
            break
    return max(pos, end - MAX_ISSUER)


@lru_cache(maxsize=512)
def title_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans ``(start, end)`` of whole titles in ``text``, brackets included, in source order:
    every 《…》 and every 〈…〉 outside them.

    Other name layers use them to leave names inside a document title to the title.
    """
    double = [(m.start(), m.end()) for m in TITLE.finditer(text)]
    if "〈" not in text and "\u2329" not in text:
        return tuple(double)
    single = [(m.start(), m.end()) for m in SINGLE_TITLE.finditer(text)
              if not any(s <= m.start() and m.end() <= e for s, e in double)]
    return tuple(sorted(double + single))


def find(paragraph: Paragraph, article: Article) -> list[Fact]:
    """Document facts of one paragraph, in source order.

    Args:
        paragraph: the paragraph (any script); offsets index ``paragraph.zh``.
        article: unused; part of the layer interface.
    Returns:
        ``Fact(type="document", text=…, name=Name(zh=text, en=English or None))`` per title
        (``title_spans``) and per document number. A number right after its title
        (《…》（国发〔2016〕64号）) is a fact of its own, as the reference annotations list both.
    """
    text = paragraph.zh
    folded = fold(text)
    facts: list[Fact] = []
    for start, end in title_spans(text):
        title = text[start + 1:end - 1]
        if not title.strip():
            continue
        facts.append(Fact(type="document", text=title, paragraph=paragraph.id, start=start + 1,
                          end=end - 1, name=Name(zh=title, en=document_english(title))))
    # The search tries every Han character; most paragraphs hold no bracketed year at all.
    numbers = DOC_NUMBER.finditer(folded) if _BRACKETED_YEAR.search(folded) else ()
    for m in numbers:
        start = _issuer_start(folded, m.start(1), m.end(1))
        number = text[start:m.end()]
        facts.append(Fact(type="document", text=number, paragraph=paragraph.id, start=start,
                          end=m.end(), name=Name(zh=number, en=document_english(number))))
    facts.sort(key=lambda f: f.start)
    return facts

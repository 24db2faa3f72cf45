"""Programme layer: named programmes, slogans, mechanisms and class types in quotation marks.

The genre names its schemes in quotes (“组团式”, “3+1”, 「一村一幼」, "三区三州", “内高班”) and also
quotes speech and sets off common words as epithets (是脱贫路上的“老大难”). A quoted stretch
counts as a name when it is short, has no sentence punctuation, and is not an epithet.
Facts have type ``program``; ``text`` and ``name.zh`` are the words inside the quotes.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Article, Fact, Name, Paragraph
from ..names.english import program_english
from ..script import fold
from . import segment
from .documents import title_spans
from .memo import ArticleCache, article_key

#: Quotation pairs of Chinese text (GB/T 15834-2011 引号): “” 「」 『』, the inner ‘’, and the
#: vertical-text marks 〝〞 (closed by 〞 or its look-alike 〟). Straight quotes ("" and the
#: full-width ＂＂, which fold to ") cannot tell opening from closing: see ``_straight_pairs``.
QUOTES = (
    re.compile(r"“([^“”\n]{1,60})”"),
    re.compile(r"「([^「」\n]{1,60})」"),
    re.compile(r"『([^『』\n]{1,60})』"),
    re.compile(r"‘([^‘’\n]{1,60})’"),
    re.compile(r"〝([^〝〞〟\n]{1,60})[〞〟]"),
)
#: Longest quotation between straight quotes that can be a name's, in characters (as ``QUOTES``).
STRAIGHT_MAX = 60

#: Shortest and longest name kept, in characters: a one-character quote (“好”, “实”) is an
#: emphasised word, a longer quotation is speech or a citation.
MIN_LEN = 2
MAX_LEN = 20

#: Sentence punctuation marks quoted speech, not a name (a name may hold 、 · + —: “一校一策、一人一档”).
SPEECH_MARKS = re.compile(r"[，。！？；：,!?;…]|\.\s|\.$")

#: Words after a closing quote that make it reported speech (“……”他说).
SPEECH_VERBS = re.compile(r"^[”」』’]?\s*(?:[\u4e00-\u9fff]{0,4}?(?:说|表示|介绍|指出|强调|告诉))")

#: Words (jieba's) that equate or name, in the clause before an epithet: 是, 成为, 称为, 当好.
#: Source: scare quotes of the genre, such as 是脱贫路上的一个“老大难”, 成了群众眼中的“香饽饽”,
#: 争当“排头兵”, 被誉为“教育之乡”. Words, not characters: 但是, 于是, 特别是 do not equate.
COPULA = frozenset("是 就是 正是 便是 即是 都是 也是 成 成为 变成 化身 称为 誉为 被誉为 评为 号称 堪称 素有 "
                   "当好 当起 争当 争做".split())
#: Clause punctuation: the clause before a quote starts after the last of these.
CLAUSE_MARKS = re.compile(r"[，。！？；：,!?;:]")
#: An epithet closes its clause: after the quote (and any closing outer quote) comes clause
#: punctuation or the end of the paragraph.
CLAUSE_END = re.compile(r"^[”’」』〞〟\"]*(?:$|[，。！？；：,!?;:…])")
#: A paragraph that is one short phrase ending in a quoted noun (图书馆的“进化史”) is a subhead
#: kept as text; its quote is an epithet like those after a copula. Longest such line, in characters.
PHRASE_LINE = 20
#: Endings of programme, mechanism, team and class-type names (…计划 …工程 …班 组团式 导师制
#: 送教团), and numbered slogans (两不愁三保障, 一村一幼, 3+1): names even where an epithet would stand.
PROGRAMME_ENDING = re.compile(r"(?:计划|工程|行动|项目|模式|机制|制度|体系|工作法|活动|基金|助学金|课堂|专柜|"
                              r"之家|平台|联盟|工作室|政策|[班式制团队])$")
NUMBERED_SLOGAN = re.compile(r"[一二三四五六七八九十百千万两双\d].*[一二三四五六七八九十百千万两双\d]|\+")
#: Longest epithet, in characters: 老大难, 教育之乡, 最后一公里.
EPITHET_LEN = 5


def _is_name(inner: str, after: str) -> bool:
    """True when the quoted ``inner`` (folded) reads as a name rather than speech or a description."""
    words = inner.strip()
    if len(words) < MIN_LEN or len(words) > MAX_LEN or SPEECH_MARKS.search(words):
        return False
    if "的" in words:  # “新中国的雏形”: a description, not a name
        return False
    if not re.search(r"[\u4e00-\u9fff0-9]", words) or "__" in words:
        return False
    return not SPEECH_VERBS.match(after)


def is_epithet(words: str, before: str, after: str) -> bool:
    """True when quoted ``words`` are an epithet (scare quotes), not the name of a programme.

    Args:
        words: the quoted words, folded (Simplified, half-width), without the quotes.
        before: the folded paragraph up to the opening quote.
        after: folded text right after the closing quote ("" at the end of the paragraph).
    Rule (source: the genre's scare quotes, 民乐县是当地的‘教育之乡’, 成了“香饽饽”, a subhead
    图书馆的“进化史”): an epithet closes its clause (``CLAUSE_END``) after a copula or naming verb
    in that clause (``COPULA``), or ends a one-phrase paragraph after 的 (``PHRASE_LINE``); and it
    is a common word: at most ``EPITHET_LEN`` characters, all words of jieba's dictionary. A
    programme ending (…计划, …班, …式) or a numbered slogan makes it a name wherever it stands.
    """
    if (not CLAUSE_END.match(after) or len(words) > EPITHET_LEN or PROGRAMME_ENDING.search(words)
            or NUMBERED_SLOGAN.search(words)):
        return False
    parts = segment.cut(words)               # first: it loads jieba's dictionary into FREQ
    freq = segment.tokenizer().FREQ
    if not all(freq.get(w) for w in parts):
        return False
    clause = CLAUSE_MARKS.split(before)[-1]
    if not after and before.endswith("的") and clause == before and len(before) + len(words) <= PHRASE_LINE:
        return True
    return not COPULA.isdisjoint(segment.cut(clause))


#: Marks around a straight quote that tell its direction (Chinese punctuation usage): a quote
#: after a colon opens; a quote after sentence-final punctuation, or before a comma or a stop,
#: closes (他说："……。" / “三区三州”，).
OPENS_AFTER = frozenset(":：")
CLOSES_AFTER = frozenset("。！？!?…")
CLOSES_BEFORE = frozenset("，。、；：！？,;:!?")


def _stray(line: str, quotes: list[int]) -> int:
    """Index in ``quotes`` (offsets of an odd number of straight quotes in ``line``) of the one
    left unpaired.

    The others pair in order. Of the possible strays (every other one) the one chosen leaves,
    in this order, the fewest quotes used against their direction (``OPENS_AFTER``…), the fewest
    quotations that hold clause punctuation, and the shortest quotations in all: a wrong pairing
    quotes the text between two quotations, which is longer or spans a clause break.
    """
    def closes(q: int) -> bool:
        return (q > 0 and line[q - 1] in CLOSES_AFTER) or (q + 1 < len(line) and line[q + 1] in CLOSES_BEFORE)

    def opens(q: int) -> bool:
        return q > 0 and line[q - 1] in OPENS_AFTER

    # The cost of pairing quote i with quote i + 1.
    gaps = [((closes(a) and not opens(a)) + (opens(b) and not closes(b)),
             1 if SPEECH_MARKS.search(line, a + 1, b) else 0, b - a)
            for a, b in zip(quotes, quotes[1:])]
    # Stray at index 2k: pairs before it use gaps 0, 2, …, 2k-2; pairs after it 2k+1, 2k+3, …
    before = [(0, 0, 0)]
    for gap in gaps[0::2]:
        before.append(tuple(x + y for x, y in zip(before[-1], gap)))
    after = [(0, 0, 0)]
    for gap in gaps[:0:-2]:
        after.append(tuple(x + y for x, y in zip(after[-1], gap)))
    n = len(quotes) // 2
    costs = [tuple(x + y for x, y in zip(before[k], after[n - k])) for k in range(n + 1)]
    return 2 * costs.index(min(costs))


def _straight_pairs(folded: str) -> list[tuple[int, int]]:
    """``(open, close)`` offsets of paired straight quotes (" and ＂) in ``folded``.

    Straight quotes pair in order within a line (a paragraph); a line with an odd number has
    one stray quote, which pairs with none (``_stray``). Pairs farther apart than
    ``STRAIGHT_MAX`` are kept as pairs (a quoted sentence) but hold no name.
    """
    pairs = []
    base = 0
    for line in folded.split("\n"):
        quotes = [i for i, ch in enumerate(line) if ch == '"']
        if len(quotes) % 2:
            quotes.pop(_stray(line, quotes))
        pairs += [(base + quotes[i], base + quotes[i + 1]) for i in range(0, len(quotes), 2)
                  if quotes[i + 1] - quotes[i] - 1 <= STRAIGHT_MAX]
        base += len(line) + 1
    return pairs


def _quotations(text: str, folded: str) -> list[tuple[int, int]]:
    """``(open, close)`` offsets of the quotation marks around every quotation in ``text``."""
    # Each pattern of ``QUOTES`` starts with its opening mark: a text without it is not searched.
    found = [(m.start(), m.end() - 1) for pattern in QUOTES if pattern.pattern[0] in text
             for m in pattern.finditer(text)]
    if '"' in folded:
        found += _straight_pairs(folded)
    return found


@lru_cache(maxsize=512)
def mentions(text: str) -> tuple[tuple[int, int, bool], ...]:
    """Quoted names in ``text`` (any script): ``(start, end, epithet)``, quotes excluded, sorted.

    ``epithet`` is True when this mention reads as an epithet (``is_epithet``); the article
    decides per name (``article_programs``). Quotes inside a 《》 title belong to the title and
    are skipped.
    """
    folded = fold(text)
    titles = title_spans(text)
    out = []
    for opening, closing in _quotations(text, folded):
        start, end = opening + 1, closing
        if any(s <= start and end <= e for s, e in titles):
            continue
        after = folded[closing + 1:closing + 9]
        if not _is_name(folded[start:end], after):
            continue
        inner = text[start:end]
        start += len(inner) - len(inner.lstrip())
        end = start + len(inner.strip())
        epithet = is_epithet(folded[start:end], folded[:opening], after)
        out.append((start, end, epithet))
    return tuple(sorted(out))


@lru_cache(maxsize=512)
def spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans ``(start, end)`` of all quoted names in ``text`` (``mentions``, epithets too), for the
    layers that leave words inside a quoted name to it."""
    return tuple((s, e) for s, e, _ in mentions(text))


_BY_ARTICLE: ArticleCache = ArticleCache()  # {article key: article_programs(article)}


def article_programs(article: Article) -> tuple[set[tuple[str, str]], dict[str, list[tuple[int, int, Name]]]]:
    """Programme names of every paragraph: ``({(paragraph id, text)}, {paragraph id: [(start, end,
    Name)]})``; the set tells ``find`` in one look-up whether a paragraph is the article's.

    One programme has one ``Name`` in the article (CONTRACT.md), the name as first written; a
    later quote that is the start of an earlier name (“组团” after “组团式”) refers back to it.
    A name is kept when at least one of its mentions is no epithet (see ``mentions``): the genre
    introduces a programme once (开展“手拉手”结对) and may then use it as a noun anywhere.
    """
    key = article_key(article)
    if key not in _BY_ARTICLE:
        # A name is known by its first written form: two names written alike would fold alike
        # and so be one.
        names: list[tuple[str, str]] = []   # (folded, as first written)
        named: set[str] = set()             # the names with a mention that is no epithet
        per: dict[str, list[tuple[int, int, str]]] = {}
        searched: set[tuple[str, str]] = set()
        for para in article.paragraphs():
            searched.add((para.id, para.zh))
            found = []
            for s, e, epithet in mentions(para.zh):
                written = para.zh[s:e]
                folded = fold(written)
                name = next((w for f, w in names
                             if f == folded or (len(folded) >= 2 and f.startswith(folded))), None)
                if name is None:
                    name = written
                    names.append((folded, name))
                if not epithet:
                    named.add(name)
                found.append((s, e, name))
            per[para.id] = found
        # English only for the names kept (rendering it is the costly part).
        english = {name: program_english(name) for name in named}
        _BY_ARTICLE[key] = (searched,
                            {pid: [(s, e, Name(zh=n, en=english[n])) for s, e, n in found if n in named]
                             for pid, found in per.items()})
    return _BY_ARTICLE[key]


def find(paragraph: Paragraph, article: Article) -> list[Fact]:
    """Programme facts of one paragraph, in source order.

    Args:
        paragraph: the paragraph (any script); offsets index ``paragraph.zh``.
        article: the article, for one name per programme (``article_programs``); a paragraph that
            is not part of it is searched on its own.
    Returns:
        ``Fact(type="program", text=as written, name=Name(zh=as first written, en=glossary English
        or None))`` for each quoted name (see ``mentions``; epithets left out).
    """
    text = paragraph.zh
    searched, known = article_programs(article)
    if (paragraph.id, text) in searched:
        found = known[paragraph.id]
    else:
        found = [(s, e, Name(zh=text[s:e], en=program_english(text[s:e])))
                 for s, e, epithet in mentions(text) if not epithet]
    return [Fact(type="program", text=text[s:e], paragraph=paragraph.id, start=s, end=e, name=name)
            for s, e, name in found]

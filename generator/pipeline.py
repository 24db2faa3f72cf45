"""One article through the stages: source file -> Article -> facts -> reviewed facts document.

``process`` is what ``extract`` and ``build`` run for each article. It never lets odd input
through as a traceback: everything it cannot use is a ``SourceError``/``TranslationError``/
``FactsError``/``ReviewError`` with a one-line message naming the file, and everything it could
repair or work around comes back as a warning (and, when it changes the data, as a sentence in
the document's ``notes``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import polib

from . import decode, document, html, review, translate
from .extract import extract_facts
from .model import Article
from .read import BARE_META_KEY, FULL_DATE, META_KEY, URL, SourceError, parse, read_article
from .script import fold

#: Stands in for a missing title line while the reader parses (it takes line 1 as the title).
_PLACEHOLDER = "Untitled"
#: A title is at most this long; a longer first line is body text. Source: Chinese news titles
#: run to about 40 characters, double titles (主题+副题) to about 60.
TITLE_MAX = 60
#: Largest source file read, in bytes. News articles are 2-20 KB (../shared/corpus: 1.5-9.4 KB);
#: a 1 MiB article (about 350,000 characters, a book) already takes a minute to extract and render.
MAX_SOURCE_BYTES = 1024 * 1024
_SENTENCE = re.compile(r"[^。！？!?；;]+[。！？!?；;]?")


@dataclass
class Result:
    """A facts document and the one-line warnings about it (repairs, stale corrections…)."""

    doc: dict
    warnings: list[str] = field(default_factory=list)


def process(path: Path, display_name: str | None = None, apply_review: bool = True) -> Result:
    """The validated facts document of the source file ``path``, with its review applied.

    English comes from ``NAME.en.po`` and corrections from ``NAME.review.yaml`` beside the
    source, when they exist.

    Args:
        path: the source file.
        display_name: the name in ``source.file`` and in messages (default: ``path``).
        apply_review: False to see the facts as extracted.
    Returns:
        ``Result(doc, warnings)``.
    Raises:
        read.SourceError, document.FactsError, review.ReviewError: one line naming the file.
    """
    path = Path(path)
    shown = display_name or str(path)
    article, notes = read_source(path, shown)
    warnings = [f"{shown}: {note}" for note in notes]
    facts = extract_facts(article)
    tr, po_problems = load_translations(translate.po_path(path))
    warnings += po_problems
    doc = document.facts_document(article, facts, tr)
    if notes:
        doc["notes"] = notes
    if apply_review:
        rev = review.load(review.review_path(path), _sibling(shown, review.review_path(path).name))
        if rev is not None:
            warnings += review.apply(doc, rev)
    try:
        document.validate(doc)
    except document.FactsError as exc:
        raise document.FactsError(f"{shown}: {exc}") from exc
    return Result(doc, warnings)


def facts_for(path: Path, display_name: str | None = None) -> dict:
    """The facts document of ``path`` (see ``process``), without the warnings."""
    return process(path, display_name).doc


def _sibling(shown: str, name: str) -> str:
    """``seeds/a.txt`` + ``a.review.yaml`` -> ``seeds/a.review.yaml`` (for messages)."""
    return str(Path(shown).with_name(name))


# --- reading with repairs -------------------------------------------------------------------

def read_source(path: Path, shown: str) -> tuple[Article, list[str]]:
    """Read ``path`` like ``read.read_article`` and fix what the reader cannot know.

    Returns ``(article, notes)``; ``notes`` are sentences about repairs (mojibake, a legacy
    encoding, a missing title or date). A plain-text article whose first line is not a title
    (it is the metadata line or body text) is read again as if a title line stood above, and
    its title becomes the first sentence of the text.

    Raises:
        read.SourceError: the file cannot be made into an article or is larger than
            ``MAX_SOURCE_BYTES`` (message names the file).
    """
    try:
        size = path.stat().st_size if path.is_file() else 0
    except OSError:
        size = 0                                  # read_article reports why it cannot read
    if size > MAX_SOURCE_BYTES:
        raise SourceError(f"{shown}: too large for one article ({size / 2**20:.1f} MiB, the limit is "
                          f"{MAX_SOURCE_BYTES / 2**20:g} MiB); split it into separate articles")
    article = read_article(path, shown)

    def text() -> str | None:
        if path.suffix.lower() in (".html", ".htm"):
            return None
        decoded = decode.decode_source(path.read_bytes(), shown).text
        return None if html.looks_like_html(decoded, path.suffix) else decoded

    return _complete(article, text, path.stem)


def article_from_text(text: str, file: str = "article.txt", sha256: str = "0" * 64,
                      encoding: str = "utf-8", stem: str = "article") -> tuple[Article, list[str]]:
    """``read.parse`` plus the repairs of ``read_source``, for text already decoded.

    Returns ``(article, notes)``. Raises ``read.SourceError`` (message starts with ``file``).
    """
    return _complete(parse(text, file, sha256, encoding, stem=stem), lambda: text, stem)


def _complete(article: Article, text, stem: str) -> tuple[Article, list[str]]:
    """Notes about ``article`` and, when its first line is no title, ``article`` read again
    from ``text()`` (the decoded source, or None when it cannot be re-read) with a title."""
    notes = _encoding_notes(article.source.encoding)
    why = untitled(article.title)
    source = text() if why else None
    if source is not None:
        article = _reparse_with_title(source, article, stem)
        notes.append(f"No title line ({why}); the title shown is the text's first sentence.")
    if article.source.published is None:
        notes.append("No publication date found; the date is shown as unknown.")
    return article, notes


def _encoding_notes(encoding: str) -> list[str]:
    if encoding.startswith(decode.MOJIBAKE[:-1]):
        lost = re.search(r"; (\d+) lost", encoding)
        tail = f"; {lost.group(1)} characters could not be recovered and show as \ufffd" if lost else ""
        return [f"Mojibake repaired: the file was UTF-8 once read as GBK and saved again{tail}."]
    if encoding in decode.LEGACY or encoding == "utf-16":
        return [f"The file is not UTF-8; read as {encoding.upper()}."]
    if encoding != "utf-8":
        return [f"Text encoding guessed as {encoding}; check the text."]
    return []


def untitled(title: str) -> str | None:
    """Why the reader's title is not a title, or None when it looks like one.

    Rules: a title has no sentence-ending 。 and is at most ``TITLE_MAX`` characters; a line
    that starts with a full date, a URL or a ``来源：``-style key is the page's metadata line
    (titles may mention a date, they do not start with one); so is one that starts with a
    label without colon (``来源 四川日报 作者 李明 2021-03-05``) when a date or a second label
    follows (a title may start with a word like 时间, not with two fields).
    """
    key = fold(title)
    bare = BARE_META_KEY.match(key) and (FULL_DATE.search(key) or len(BARE_META_KEY.findall(key)) >= 2)
    if URL.match(key) or FULL_DATE.match(key) or META_KEY.match(key) or bare:
        return "the first line is the metadata line"
    if "。" in key or len(key) > TITLE_MAX:
        return "the first line is body text"
    return None


def _reparse_with_title(text: str, first: Article, stem: str) -> Article:
    src = first.source
    article = parse(f"{_PLACEHOLDER}\n{text}", src.file, src.sha256, src.encoding, stem=stem)
    for section in article.sections:
        if section.heading_line:
            section.heading_line -= 1
        for p in section.paragraphs:
            p.line -= 1
    article.dropped = [d for d in article.dropped if d.line > 1]
    for d in article.dropped:
        d.line -= 1
    first_para = next(article.paragraphs(), None)
    sentence = _SENTENCE.match(first_para.zh) if first_para else None
    title = (sentence.group(0) if sentence else (first_para.zh if first_para else stem)).strip()
    article.title = title if len(title) <= 40 else title[:39] + "…"
    return article


# --- translations, broken entries skipped ----------------------------------------------------

#: One line of a PO file (GNU gettext manual, "The Format of PO Files"): blank, a comment
#: (``#``, ``#.``, ``#:``, ``#,``, ``#|``, ``#~``), a keyword with a quoted string, or a quoted
#: continuation string. polib accepts some broken lines silently (an unterminated ``"Sample``
#: becomes ``Sampl``), so lines are checked before it reads them.
_PO_LINE = re.compile(r'\s*(#.*|(msgctxt|msgid|msgid_plural|msgstr(\[\d+\])?)\s+"(?:[^"\\]|\\.)*"|"(?:[^"\\]|\\.)*")?\s*')


def po_syntax_errors(text: str) -> list[int]:
    """1-based numbers of the lines of PO ``text`` that are not valid PO syntax."""
    return [n for n, line in enumerate(text.split("\n"), 1) if not _PO_LINE.fullmatch(line)]


def load_translations(path: Path) -> tuple[translate.Translations, list[str]]:
    """English strings from ``path`` (see ``translate.load``) and one-line problems.

    A PO file with broken entries is read entry by entry (entries are separated by blank
    lines): broken entries are skipped and reported, the others still translate their
    paragraphs. A missing file gives no translations and no problem.
    """
    if not path.exists():
        return translate.Translations(), []
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return translate.Translations(), [f"{path}: cannot read PO file ({exc}); no translations used"]
    if not po_syntax_errors(text):
        try:
            return translate.load(path), []
        except translate.TranslationError:
            pass
    out, broken, line = translate.Translations(), [], 1
    for block in re.split(r"(?<=\n)(?=[ \t]*\n)", text):
        bad = po_syntax_errors(block)
        entries = []
        if block.strip() and not bad:
            try:
                entries = polib.pofile(block + "\n", encoding="utf-8")
            except (OSError, ValueError):
                bad = [1]
        if bad:
            broken.append(line + bad[0] - 1)
        for entry in entries:
            # Same rule as translate.load: fuzzy, obsolete and empty entries are untranslated.
            if entry.obsolete or "fuzzy" in entry.flags or not entry.msgstr.strip():
                continue
            out.strings[entry.msgid] = entry.msgstr.strip()
        line += block.count("\n")
    where = ", ".join(str(n) for n in broken)
    return out, [f"{path}: broken PO entr{'y' if len(broken) == 1 else 'ies'} at line {where} skipped; "
                 f"{len(out.strings)} other translation(s) used"]

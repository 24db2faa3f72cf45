"""The data model shared by every stage: an article read from a source file, and its facts.

Stages hand these objects one way (read -> extract -> translate -> render); none of them
rewrites a paragraph's text. Offsets are Python ``str`` indexes (code points) into
``Paragraph.zh``, end exclusive.
"""
from __future__ import annotations

from dataclasses import dataclass, field

#: Section and paragraph categories, in the order the site lists its topic pages.
CATEGORIES = ("lead", "institutional_framework", "projects", "deep_poverty_support", "other")

#: The three categories that have a site-level topic page.
TOPICS = ("institutional_framework", "projects", "deep_poverty_support")

#: Fact types of the facts document (CONTRACT.md).
FACT_TYPES = ("money", "quantity", "percent", "place", "organization", "document", "program")


@dataclass
class Paragraph:
    """One paragraph of the article body.

    Attributes:
        id: ``p1``, ``p2``… in source order, unique in the article.
        zh: the paragraph exactly as in the source (script unchanged, surrounding blanks removed).
        line: 1-based line number in the decoded source.
        category: topic of the paragraph itself (one of ``CATEGORIES`` minus ``lead``), so an
            article without headings still reaches the topic pages.
    """

    id: str
    zh: str
    line: int
    category: str = "other"


@dataclass
class Section:
    """A heading and the paragraphs under it; the text before the first heading is the lead.

    Attributes:
        id: ``s1``, ``s2``… in source order.
        category: one of ``CATEGORIES``.
        heading: the heading line as written (numbering kept), or None for the lead.
        paragraphs: the section's paragraphs in source order.
    """

    id: str
    category: str
    heading: str | None
    paragraphs: list[Paragraph] = field(default_factory=list)
    heading_line: int | None = None


@dataclass
class Dropped:
    """A source line kept out of the paragraphs: ``line`` 1-based, ``reason`` in plain words."""

    line: int
    text: str
    reason: str


@dataclass
class Source:
    """Where the article came from and what its page said about itself.

    Attributes:
        file: path of the source file as given (relative to the project root in builds).
        sha256: hex digest of the source bytes.
        url: the article's URL as printed in it, or None.
        published: ISO 8601 string (``2019-12-23T13:40:00+08:00``, or ``2017-12-28`` when only a
            date is given), or None.
        publisher, editor: as written in the source, or None.
        script: ``hant`` (Traditional) or ``hans`` (Simplified).
        encoding: the codec the bytes were decoded with.
    """

    file: str
    sha256: str
    url: str | None = None
    published: str | None = None
    publisher: str | None = None
    editor: str | None = None
    script: str = "hans"
    encoding: str = "utf-8"


@dataclass
class Article:
    """A source article split into metadata, sections and paragraphs.

    Attributes:
        id: stable ASCII slug, unique in the corpus (``2019-12-23-000-e7d82218e8e66958``).
        source: see ``Source``.
        title: the article's own title as written.
        sections: in source order; the lead is ``sections[0]`` when the article has one.
        dropped: lines kept out of the paragraphs, with the reason.
    """

    id: str
    source: Source
    title: str
    sections: list[Section]
    dropped: list[Dropped] = field(default_factory=list)

    def paragraphs(self):
        """Yield every ``Paragraph`` in source order."""
        for section in self.sections:
            yield from section.paragraphs


@dataclass
class Name:
    """A name as written and its English form; ``code`` is the GB/T 2260 code of a place.

    ``candidates``: for a place name that several units bear (朝阳区 of Beijing or of Changchun)
    and that the article's context does not decide, the GB/T 2260 codes of those units, sorted;
    ``code`` is then None. Empty for every other name.
    """

    zh: str
    en: str | None = None
    code: str | None = None
    candidates: tuple[str, ...] = ()


@dataclass
class Fact:
    """One extracted fact, tied to its exact source characters.

    Invariant: ``paragraph.zh[start:end] == text`` for the paragraph whose id is ``paragraph``.

    Attributes:
        type: one of ``FACT_TYPES``.
        value: money in the units of its currency (yuan for CNY; ``money.currency_code``), quantity
            as the count, percent in percent; None for names.
        value_max: upper bound when the text bounds a range, else None.
        approx: True for 約 近 余 多 左右 逾 超过 etc.
        unit: quantity's measure word as written (名 人次 所…); None otherwise.
        name: place/organization/document/program name; None for numbers.
        counts: for money and quantities, what the figure counts or pays for (a short phrase
            from the same clause), when one can be read off the text.
    """

    type: str
    text: str
    paragraph: str
    start: int
    end: int
    value: int | float | None = None
    value_max: int | float | None = None
    approx: bool = False
    unit: str | None = None
    name: Name | None = None
    counts: Name | None = None
    id: str = ""

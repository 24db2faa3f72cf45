"""The page model: what each page shows, computed from facts documents (never from sources).

The renderer (``render.py``) turns these objects into Markdown through Jinja2 templates. Text
from sources is kept as plain ``str`` here; HTML is made only by ``marked_html``, which escapes
every character of source text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from importlib import resources

import yaml
from markupsafe import Markup, escape

from .extract.money import CURRENCIES
from .model import TOPICS
from .names.english import publisher_english

NUMERIC = ("money", "quantity", "percent")
NAME_TYPES = ("place", "organization", "document", "program")


@lru_cache(maxsize=1)
def labels() -> dict[str, dict[str, str]]:
    """UI strings: ``{key: {"zh": …, "en": …}}`` from ``templates/labels.yaml``."""
    text = resources.files("generator").joinpath("templates/labels.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def label(key: str, lang: str) -> str:
    """The UI string ``key`` in ``lang`` (``zh`` or ``en``); raises KeyError for unknown keys."""
    return labels()[key][lang]


def topic_slug(category: str) -> str:
    """``deep_poverty_support`` -> ``deep-poverty-support`` (URL path segment)."""
    return category.replace("_", "-")


# --- values -----------------------------------------------------------------------------------

def _num(value) -> str:
    """Thousands-separated number; decimals kept without float noise (``342,750``, ``48.5``)."""
    d = Decimal(str(value))
    if d == d.to_integral_value():
        return f"{int(d):,}"
    return f"{d.normalize():,f}"


#: Chinese name of each currency by ISO 4217 code, for the Chinese pages' value column: the first
#: word the money layer reads for it (港元 for HKD), and 元 for yuan.
CURRENCY_ZH = {code: word for word, code in reversed(CURRENCIES.items())} | {"CNY": "元"}


def format_value(fact: dict, lang: str) -> str:
    """The value of a numeric fact for a table cell, e.g. ``≈ CNY 12,400,000`` / ``约 12,400,000 元``.

    Money is in the units of its ``currency`` (ISO 4217, CNY when absent: ``USD 200,000`` /
    ``200,000 美元``), quantities carry their measure word (English: the counted thing when known),
    percent a ``%`` sign; ``value_max`` makes a range, ``approx`` a leading ≈/约.
    """
    value = _num(fact["value"])
    if fact.get("value_max") is not None:
        value = f"{value}–{_num(fact['value_max'])}"
    approx = fact.get("approx")
    if fact["type"] == "money":
        code = fact.get("currency") or "CNY"
        text = f"{code} {value}" if lang == "en" else f"{value} {CURRENCY_ZH.get(code, code)}"
    elif fact["type"] == "percent":
        text = f"{value}%"
    else:
        unit = fact.get("unit") or ""
        if lang == "en":
            text = value
        else:
            text = f"{value} {unit}".strip()
    if approx:
        text = ("≈ " if lang == "en" else "约 ") + text
    return text


def counts_label(fact: dict, lang: str) -> str:
    """What a figure counts or pays for, in ``lang``; the measure word's English as fallback."""
    counts = fact.get("counts") or {}
    if lang == "zh":
        return counts.get("zh") or fact.get("unit") or ""
    if counts.get("en"):
        return counts["en"]
    units = labels()["units"]["en"]
    return units.get(fact.get("unit") or "", "")


def name_en(fact: dict) -> str:
    """English of a name fact, or the Chinese as written when no English is known."""
    name = fact.get("name") or {}
    return name.get("en") or name.get("zh") or fact["text"]


# --- marking facts in text --------------------------------------------------------------------

def _title(fact: dict, lang: str) -> str:
    kind = label(f"type_{fact['type']}", lang)
    if fact["type"] in NUMERIC:
        return f"{kind}: {format_value(fact, lang)}"
    name = fact.get("name") or {}
    return f"{kind}: {name.get('en') or name.get('zh')}" if lang == "en" else f"{kind}: {name.get('zh')}"


def marked_html(text: str, facts: list[dict], prefix: str, lang: str, anchors: bool = True) -> Markup:
    """``text`` as HTML with each fact wrapped in ``<mark class="fact fact-TYPE" id=…>``.

    Args:
        text: the paragraph's Chinese text (any characters: all are escaped).
        facts: facts of this paragraph (offsets in characters into ``text``).
        prefix: id prefix making anchors unique on pages that show several articles.
        lang: language of the tooltip.
        anchors: False to leave out ``id`` attributes (for a second copy of the same text).
    Returns:
        Markup. Facts nest when one lies inside another; a fact crossing another's boundary is
        left unmarked (it still has its row in the tables).
    """
    spans = sorted(facts, key=lambda f: (f["start"], -f["end"]))
    out: list[str] = []
    stack: list[dict] = []
    pos = 0

    def close_until(limit: int) -> None:
        nonlocal pos
        while stack and stack[-1]["end"] <= limit:
            f = stack.pop()
            out.append(str(escape(text[pos:f["end"]])))
            out.append("</mark>")
            pos = f["end"]

    for f in spans:
        close_until(f["start"])
        if stack and f["end"] > stack[-1]["end"]:
            continue
        out.append(str(escape(text[pos:f["start"]])))
        pos = f["start"]
        ident = f' id="{escape(prefix)}-{escape(f["id"])}"' if anchors else ""
        out.append(f'<mark class="fact fact-{f["type"]}"{ident} title="{escape(_title(f, lang))}">')
        stack.append(f)
    close_until(len(text) + 1)
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


# --- views ------------------------------------------------------------------------------------

@dataclass
class ParagraphView:
    id: str
    zh: str
    en: str | None
    category: str
    facts: list[dict]


@dataclass
class SectionView:
    id: str
    category: str
    heading_zh: str | None
    heading_en: str | None
    paragraphs: list[ParagraphView]


@dataclass
class ArticleView:
    """Everything the pages show of one article (see ``article_view``)."""

    id: str
    doc: dict
    title_zh: str
    title_en: str
    title_en_translated: bool
    script: str
    date: str | None
    time: str | None
    url: str | None
    publisher: str | None
    publisher_en: str | None
    editor: str | None
    sections: list[SectionView]
    facts: list[dict]
    dropped: list[dict] = field(default_factory=list)

    @property
    def lang_zh(self) -> str:
        """BCP 47 tag of the article's Chinese: ``zh-Hant`` or ``zh-Hans``."""
        return "zh-Hant" if self.script == "hant" else "zh-Hans"

    def key_figures(self) -> list[dict]:
        """Money and quantity facts (then percentages), in source order."""
        return [f for f in self.facts if f["type"] in NUMERIC]

    def names(self, kind: str) -> list[dict]:
        """Distinct names of one type, first mention first: ``[{zh, en, code, fact}]``."""
        seen: dict[str, dict] = {}
        for f in self.facts:
            if f["type"] == kind:
                name = f.get("name") or {}
                seen.setdefault(name.get("zh") or f["text"],
                                {"zh": f["text"], "en": None, "code": None, **name, "fact": f, "mentions": 0})
                seen[name.get("zh") or f["text"]]["mentions"] += 1
        return list(seen.values())

    def topic_sections(self, category: str) -> list[SectionView]:
        """The parts of this article that belong on a topic page.

        A headed section of that category comes whole; from the lead and ``other`` sections,
        the paragraphs classified as that category on their own (so articles without headings
        still contribute).
        """
        out = []
        for s in self.sections:
            if s.category == category:
                out.append(s)
            elif s.category not in TOPICS:
                paras = [p for p in s.paragraphs if p.category == category]
                if paras:
                    out.append(SectionView(s.id, category, s.heading_zh, s.heading_en, paras))
        return out


def fallback_title_en(doc: dict) -> str:
    """English title for an article nobody translated, made from its facts.

    ``Education poverty alleviation: Xiamen and Linxia (Linxia Daily, 2020-09-18)``: the places
    named in the Chinese title, in title order, else the two places mentioned most; then the
    publisher's English name (``publisher_english``) and the date, each when known.
    """
    title = doc["title"]["zh"]
    places: dict[str, tuple[int, int]] = {}     # English -> (position in title or large, -mentions)
    for f in doc["facts"]:
        if f["type"] != "place" or not (f.get("name") or {}).get("en"):
            continue
        en = f["name"]["en"]
        pos = min((title.find(w) for w in (f["text"], f["name"]["zh"]) if w in title), default=len(title) + 1)
        old_pos, old_count = places.get(en, (pos, 0))
        places[en] = (min(pos, old_pos), old_count - 1)
    ranked = sorted(places, key=lambda en: places[en])
    in_title = [en for en in ranked if places[en][0] <= len(title)]
    chosen = in_title or ranked[:2]
    topic = label("untitled_topic", "en")
    where = " and ".join(chosen[:3])
    publisher = doc["source"].get("publisher")
    tail = [part for part in ((publisher_english(publisher) if publisher else None),
                              (doc["source"].get("published") or "")[:10]) if part]
    text = f"{topic}: {where}" if where else topic
    return f"{text} ({', '.join(tail)})" if tail else text


def article_view(doc: dict) -> ArticleView:
    """Build the ``ArticleView`` of one validated facts document."""
    by_para: dict[str, list[dict]] = {}
    for f in doc["facts"]:
        by_para.setdefault(f["paragraph"], []).append(f)
    sections = []
    for s in doc["sections"]:
        heading = s.get("heading") or {}
        sections.append(SectionView(
            s["id"], s["category"], heading.get("zh"), heading.get("en"),
            [ParagraphView(p["id"], p["zh"], p.get("en"), p.get("category", "other"), by_para.get(p["id"], []))
             for p in s["paragraphs"]],
        ))
    src = doc["source"]
    published = src.get("published") or ""
    return ArticleView(
        id=doc["id"],
        doc=doc,
        title_zh=doc["title"]["zh"],
        title_en=doc["title"].get("en") or fallback_title_en(doc),
        title_en_translated=bool(doc["title"].get("en")),
        script=src["script"],
        date=published[:10] or None,
        time=published[11:16] or None,
        url=src.get("url"),
        publisher=src.get("publisher"),
        publisher_en=publisher_english(src["publisher"]) if src.get("publisher") else None,
        editor=src.get("editor"),
        sections=sections,
        facts=doc["facts"],
        dropped=doc.get("dropped", []),
    )

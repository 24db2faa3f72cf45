"""Stage 2, extract: ``Article`` -> facts, one layer per fact type.

Each layer module exposes ``find(paragraph, article) -> list[Fact]`` returning facts of its own
types for one paragraph, with exact provenance (``paragraph.zh[start:end] == text``). Layers never
rewrite paragraph text; they match on ``script.fold(paragraph.zh)``, which has the same length.
"""
from __future__ import annotations

from ..model import Article, Fact
from . import documents, money, organizations, percent, places, programs, quantity

#: Layers in the order their facts win an overlap: an earlier layer's span blocks a later
#: layer's overlapping span of a *numeric* type (money before quantity, percent before both).
LAYERS = (percent, money, quantity, documents, programs, organizations, places)


def extract_facts(article: Article) -> list[Fact]:
    """All facts of ``article`` in source order (paragraph, then start offset).

    Returns facts with ids ``f1``, ``f2``… assigned in that order. Raises nothing for odd text:
    a layer that finds nothing returns an empty list.
    """
    facts: list[Fact] = []
    order = {p.id: i for i, p in enumerate(article.paragraphs())}
    for para in article.paragraphs():
        numeric_spans: list[tuple[int, int]] = []
        for layer in LAYERS:
            for fact in layer.find(para, article):
                if fact.type in ("money", "quantity", "percent"):
                    if any(fact.start < e and s < fact.end for s, e in numeric_spans):
                        continue
                    numeric_spans.append((fact.start, fact.end))
                facts.append(fact)
    facts.sort(key=lambda f: (order[f.paragraph], f.start, -f.end))
    for n, fact in enumerate(facts, 1):
        fact.id = f"f{n}"
    return facts

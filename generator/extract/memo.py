"""Per-article caches of the name layers.

The name layers (places, organisations, programmes) settle one ``Name`` per entity over the
whole article, so they compute their results for all paragraphs at once and keep them here while
``extract_facts`` asks paragraph by paragraph.
"""
from __future__ import annotations

from ..model import Article


class ArticleCache(dict):
    """``{article_key(article): result}`` for results computed once per article.

    A plain ``dict`` with ``cache_clear`` like ``functools`` caches, so that tools
    (tests/bench_extract.py) can find and empty every per-article cache of the layers.
    """

    cache_clear = dict.clear


def article_key(article: Article) -> tuple[str, str, str | None]:
    """Key of ``article`` in an ``ArticleCache``: (id, source sha256, title).

    The source hash changes with the text, so an edited article is computed afresh.
    """
    return (article.id, article.source.sha256, article.title)


_TEXTS: ArticleCache = ArticleCache()  # {article key: {paragraph id: text}}


def paragraph_texts(article: Article) -> dict[str, str]:
    """``{paragraph id: text}`` of ``article``'s paragraphs, cached per article, so that a layer
    tells whether a paragraph it is given is the article's own (same id, same text) in one
    look-up rather than a walk over the article for every paragraph."""
    key = article_key(article)
    if key not in _TEXTS:
        _TEXTS[key] = {p.id: p.zh for p in article.paragraphs()}
    return _TEXTS[key]

"""One article through the stages: source file -> Article -> facts -> facts document."""
from __future__ import annotations

from pathlib import Path

from . import document, translate
from .extract import extract_facts
from .read import read_article


def facts_for(path: Path, display_name: str | None = None) -> dict:
    """The validated facts document of the source file ``path``.

    English comes from ``NAME.en.po`` beside the source when it exists.

    Raises:
        read.SourceError, translate.TranslationError, document.FactsError: with a message that
            names the file and the problem.
    """
    article = read_article(path, display_name)
    facts = extract_facts(article)
    tr = translate.load(translate.po_path(Path(path)))
    doc = document.facts_document(article, facts, tr)
    try:
        document.validate(doc)
    except document.FactsError as exc:
        raise document.FactsError(f"{display_name or path}: {exc}") from exc
    return doc

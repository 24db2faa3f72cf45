"""Saved HTML news pages -> plain article text (one paragraph per line) and metadata hints.

The article body and its metadata are found by trafilatura; navigation, comments and scripts
are left out. The reader then treats the text like any plain-text source, so the same junk,
heading and metadata rules apply, and ``line`` numbers refer to the extracted text.
"""
from __future__ import annotations

import re

import lxml.html
import trafilatura

#: Page parts that never hold the article (HTML5 sectioning elements for site chrome).
CHROME_TAGS = ("nav", "footer", "aside", "form", "script", "style", "noscript", "iframe")

_HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])", re.I | re.S)


def looks_like_html(text: str, suffix: str) -> bool:
    """True for ``.html``/``.htm`` files and for text that starts like an HTML document."""
    return suffix.lower() in (".html", ".htm") or bool(_HTML_START.match(text[:2000]))


def html_to_text(html: str) -> tuple[str, dict] | None:
    """Extract an article from an HTML page.

    Returns:
        ``(text, hints)``: the title on the first line and one paragraph per line, and metadata
        hints ``{"url", "date", "publisher"}`` (values may be None; ``date`` is ``YYYY-MM-DD``)
        for what the text itself does not say. None when the page holds no article text.
    """
    tree = lxml.html.document_fromstring(html)
    for element in tree.xpath(" | ".join(f"//{tag}" for tag in CHROME_TAGS)):
        element.drop_tree()
    doc = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False,
                                      include_tables=True, favor_recall=True)
    if doc is None or not (doc.text or "").strip():
        return None
    title = (doc.title or "").strip()
    lines = [ln for ln in doc.text.splitlines() if ln.strip() and ln.strip() != title]
    if title:
        lines.insert(0, title)
    return "\n".join(lines) + "\n", {"url": doc.url, "date": doc.date, "publisher": doc.sitename}

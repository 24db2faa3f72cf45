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

#: Longest text block read as a page metadata line; longer blocks are a summary or the body.
META_LINE_MAX = 160
#: Most metadata lines taken between the title and the body (date, source, author lines).
META_LINES_MAX = 6

_HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])", re.I | re.S)


def looks_like_html(text: str, suffix: str) -> bool:
    """True for ``.html``/``.htm`` files and for text that starts like an HTML document."""
    return suffix.lower() in (".html", ".htm") or bool(_HTML_START.match(text[:2000]))


def html_to_text(html: str) -> tuple[str, dict] | None:
    """Extract an article from an HTML page.

    Returns:
        ``(text, hints)``: the title on the first line and one paragraph per line, and metadata
        hints ``{"url", "date", "publisher", "lines"}`` (values may be None; ``date`` is
        ``YYYY-MM-DD``; ``lines`` the page's text blocks between title and body, see
        ``_meta_lines``) for what the text itself does not say. None when the page holds no
        article text.
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
    body = lines[1] if title and len(lines) > 1 else lines[0]
    return "\n".join(lines) + "\n", {"url": doc.url, "date": doc.date, "publisher": doc.sitename,
                                     "lines": _meta_lines(tree, title, body)}


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _meta_lines(tree, title: str, body: str) -> list[str]:
    """Short text blocks between the article's title element and its body, in page order.

    The info bar under a news headline (``<div class="info"><span>2019-04-18 10:05</span>
    <span>来源：恩施日报</span></div>``) holds the date, time and source, but the article extractor
    keeps neither; the reader reads these lines like header lines. Each block is one line
    (its text with blanks squeezed); blocks longer than ``META_LINE_MAX`` are skipped.

    Args:
        tree: the page (lxml), chrome removed.
        title: the article title found by the extractor.
        body: the first body line found by the extractor.
    Returns:
        At most ``META_LINES_MAX`` lines; empty when the title element (the first element of
        the page body whose text is the title) or the body after it is not found.
    """
    want, start = _squeeze(title), _squeeze(body)[:12]
    body_el = tree.find("body")
    if not want or not start or body_el is None:
        return []
    node = next((el for el in body_el.iter() if isinstance(el.tag, str) and _squeeze(el.text_content()) == want),
                None)
    lines: list[str] = []

    def scan(el) -> bool:
        """Collect ``el`` or its blocks before the body; True once the body is reached."""
        text = " ".join(el.text_content().split())
        if start in _squeeze(text):
            return any(scan(child) for child in el) or True
        if text and len(text) <= META_LINE_MAX and len(lines) < META_LINES_MAX:
            lines.append(text)
        return False

    while node is not None:
        if any(scan(sibling) for sibling in node.itersiblings()):
            return lines
        node = node.getparent()
    return []

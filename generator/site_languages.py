"""The site's two languages, the parts MkDocs, Material and mkdocs-static-i18n leave open.

Plain functions on strings and paths, called by the thin MkDocs hook
``theme_overrides/hooks/site_hooks.py``; nothing here imports MkDocs.

* ``mark_other_language``: a page's search entries hold only the page's own language, so an
  English query ranks English pages first and a Chinese query Chinese pages (the Chinese
  original under each English paragraph is not indexed twice).
* ``error_page_alternates`` and ``error_page_path``: one styled 404 page per language
  (``404.html`` and ``en/404.html``) whose language switcher and hreflang links point at each
  other; mkdocs-static-i18n writes one 404 page for all languages.
* ``sitemap_stub``: Material's language integration fetches ``sitemap.xml`` next to the target
  of every ``<link rel="alternate">`` of a page (``integrations/alternate``); with one hreflang
  link per page counterpart that is one missing file, and one console error, per link. An empty
  sitemap in each page folder answers that request.
"""
from __future__ import annotations

import os
import re
from urllib.parse import urlsplit

#: A start tag with a ``lang`` attribute (``hreflang`` and ``xml:lang`` do not match: ``\b``).
_LANG_TAG = re.compile(r'<([a-zA-Z][\w-]*)(\s[^<>]*?)?\slang="([^"]*)"([^<>]*?)(/?)>')
#: Material's attribute for blocks left out of the search index (documented: "Search
#: exclusion"); its search plugin removes every ``data-search-*="…"`` attribute after indexing.
EXCLUDE_ATTR = 'data-search-exclude="other-language"'
#: ``page.en.md`` -> ``en``: the suffix layout of the generated and hand-written pages.
_SUFFIX = re.compile(r"\.([a-z]{2})\.md$")

SITEMAP_STUB = """<?xml version="1.0" encoding="UTF-8"?>
<!-- Empty on purpose. The site map is sitemap.xml at the root of the site. Material for MkDocs
     requests sitemap.xml beside each page named by a rel="alternate" link of a page. -->
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>
"""


def primary(tag: str | None) -> str:
    """Primary language subtag, lower case: ``zh-Hant`` -> ``zh``; ``""`` for None or empty."""
    return (tag or "").split("-")[0].split("_")[0].lower()


def page_language(src_uri: str, default: str, meta_lang: str | None = None) -> str:
    """Language of a page's content (a primary subtag).

    Args:
        src_uri: the page's source path in ``docs/`` (``digest/index.en.md``).
        default: the default language (pages without a language suffix).
        meta_lang: the page's ``lang`` front matter, if any; it wins.
    Returns:
        ``meta_lang``'s primary subtag, else the two-letter suffix before ``.md``, else
        ``default``.
    """
    if meta_lang:
        return primary(meta_lang)
    m = _SUFFIX.search(src_uri)
    return m.group(1) if m else primary(default)


def mark_other_language(html: str, lang: str) -> str:
    """Add ``EXCLUDE_ATTR`` to every element of ``html`` whose ``lang`` is not ``lang``.

    Args:
        html: a page's content as Markdown rendered it (``on_page_content``).
        lang: the page's language (primary subtag, e.g. ``en``).
    Returns:
        The HTML with the attribute added to the start tags of other-language elements
        (``<p lang="zh-Hant">`` on an English page). Elements without ``lang`` and of the same
        language, and tags that already carry ``data-search-exclude``, are left as they are.
    """
    want = primary(lang)

    def mark(m: re.Match) -> str:
        whole = m.group(0)
        if primary(m.group(3)) == want or "data-search-exclude" in whole:
            return whole
        closing = m.group(5) + ">"
        return whole[: -len(closing)] + " " + EXCLUDE_ATTR + closing

    return _LANG_TAG.sub(mark, html)


def site_path(site_url: str | None) -> str:
    """The path the site is served under, with slashes at both ends: ``/`` or ``/digest/``."""
    path = urlsplit(site_url or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def language_prefix(lang: str, default: str) -> str:
    """Folder of a language's pages: ``""`` for the default language, else ``en/``."""
    return "" if lang == default else f"{lang}/"


def error_page_path(lang: str, default: str) -> str:
    """Output path of a language's 404 page, relative to the site folder: ``en/404.html``."""
    return language_prefix(lang, default) + "404.html"


def error_page_alternates(alternates: list[dict], site_url: str | None, default: str) -> list[dict]:
    """The language switcher entries of a 404 page: each language's own 404 page.

    Args:
        alternates: Material's ``extra.alternate`` entries (``{name, link, lang}``); only
            ``name`` and ``lang`` are used (mkdocs-static-i18n points ``link`` at the last
            page it rendered).
        site_url: ``site_url`` of the configuration (a sub-path is kept).
        default: the default language.
    Returns:
        New entries with absolute-path links (``/digest/en/404.html``), since a 404 page is
        served at any address.
    """
    base = site_path(site_url)
    return [{**alt, "link": base + error_page_path(alt["lang"], default)} for alt in alternates]


def write_error_pages(site_dir: str, pages: dict[str, str], default: str) -> list[str]:
    """Write each language's rendered 404 page to its path; returns the paths written.

    Args:
        site_dir: the built site folder.
        pages: ``{language: HTML}`` as rendered by each language build.
        default: the default language, whose page is the site's ``404.html``.
    """
    written = []
    for lang, html in sorted(pages.items()):
        path = os.path.join(site_dir, error_page_path(lang, default))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(html)
        written.append(path)
    return written


def write_sitemap_stubs(site_dir: str, page_urls: set[str]) -> int:
    """Write ``SITEMAP_STUB`` as ``sitemap.xml`` in the folder of each page URL that has none.

    Args:
        site_dir: the built site folder.
        page_urls: page URLs relative to the site (``en/digest/``, ``""`` for the home page);
            with MkDocs' directory URLs each is a folder.
    Returns:
        The number of stubs written. The real ``sitemap.xml`` at the root is never touched.
    """
    count = 0
    for url in sorted(page_urls):
        folder = url if url.endswith("/") or not url else os.path.dirname(url)
        path = os.path.join(site_dir, folder, "sitemap.xml")
        if os.path.isdir(os.path.dirname(path)) and not os.path.exists(path):
            with open(path, "w", encoding="utf-8") as f:
                f.write(SITEMAP_STUB)
            count += 1
    return count

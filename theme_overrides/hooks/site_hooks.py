"""MkDocs hooks (``hooks:`` in mkdocs.yml): search in both languages and scripts, 404 pages and
language switching. Thin: the rules live in ``generator/search_index.py`` and
``generator/site_languages.py``; this file only connects them to MkDocs' documented events.

It lives beside the theme overrides (MkDocs copies no ``*.py`` of a theme folder to the site)
so that a copy of the site inputs (mkdocs.yml, docs/, theme_overrides/) builds on its own; the
``generator`` package comes from the project's installation.

Event order matters with mkdocs-static-i18n, which builds the other languages from inside its
own ``on_post_build`` (priority -100) and then writes one merged search index: the events that
must see its results run at lower priority.
"""
from __future__ import annotations

import glob
import logging
import os

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from generator import search_index, site_languages

log = logging.getLogger("mkdocs.hooks.site_hooks")


class _State:
    """What the hook remembers across the language builds of one ``mkdocs build``."""

    default: str | None = None         # language of the first build: the site's default
    error_pages: dict[str, str] = {}   # language -> rendered 404 page
    page_urls: set[str] = set()        # URLs of all pages built, for the sitemap stubs
    page_languages: dict[str, str] = {}  # page URL -> language of its content
    saved_alternate = None
    segmenter: search_index.Segmenter | None = None


@event_priority(-150)   # after mkdocs-static-i18n has set the build's language
def on_config(config):
    if _State.default is None:
        _State.default = config.theme["language"]
    return config


@event_priority(-200)   # after mkdocs-static-i18n has sorted the files of this language
def on_files(files, config):
    """Serve the ``lunr.zh`` search plugin that indexes both Chinese scripts (see search_index)."""
    theme_file = files.get_file_from_path(search_index.LUNR_ZH_PATH)
    if theme_file is not None:
        files.remove(theme_file)
    files.append(File.generated(config, search_index.LUNR_ZH_PATH, content=search_index.lunr_zh_js()))
    return files


def on_page_content(html, page, config, files):
    """Keep other-language passages of a page out of its search entries."""
    lang = site_languages.page_language(page.file.src_uri, _State.default or config.theme["language"],
                                        page.meta.get("lang"))
    _State.page_languages[page.url] = lang
    return site_languages.mark_other_language(html, lang)


def on_post_page(output, page, config):
    _State.page_urls.add(page.url)
    return output


def on_template_context(context, template_name, config):
    """Point the 404 page's language switcher and hreflang links at the other 404 page."""
    # mkdocs-static-i18n sets `extra.alternate` both as an item and as an attribute of the
    # `extra` mapping, and Jinja reads the attribute first: replace (and later restore) both.
    extra = config.extra
    alternates = getattr(extra, "alternate", None) or extra.get("alternate")
    if template_name == "404.html" and alternates:
        _State.saved_alternate = (extra.get("alternate"), extra.__dict__.get("alternate"))
        new = site_languages.error_page_alternates(alternates, config.site_url,
                                                   _State.default or config.theme["language"])
        extra["alternate"] = new
        extra.__dict__["alternate"] = new
    return context


def on_post_template(output_content, template_name, config):
    if template_name == "404.html":
        _State.error_pages[config.theme["language"]] = output_content
        if _State.saved_alternate is not None:
            item, attribute = _State.saved_alternate
            config.extra["alternate"] = item
            if attribute is None:
                config.extra.__dict__.pop("alternate", None)
            else:
                config.extra.__dict__["alternate"] = attribute
            _State.saved_alternate = None
    return output_content


@event_priority(-200)   # after Material's search plugin and mkdocs-static-i18n wrote the index
def on_post_build(config):
    site_dir = config.site_dir
    default = _State.default or config.theme["language"]
    index = os.path.join(site_dir, "search", "search_index.json")
    if os.path.exists(index):
        if _State.segmenter is None:
            facts = glob.glob(os.path.join(config.docs_dir, "digest", "facts", "*.yaml"))
            lexicon = search_index.load_lexicon(search_index.facts_names(sorted(facts)))
            _State.segmenter = search_index.Segmenter(lexicon)
            log.info("search segmentation words: %s", "; ".join(_State.segmenter.lexicon.sources))
        entries = search_index.rewrite_index_file(index, _State.segmenter, _State.page_languages)
        log.debug("search index re-segmented: %d entries", entries)
    site_languages.write_error_pages(site_dir, _State.error_pages, default)
    site_languages.write_sitemap_stubs(site_dir, _State.page_urls)

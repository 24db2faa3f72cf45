"""Stage 3, translate: English for titles, headings and paragraphs from gettext PO files.

Each article ``seeds/NAME.txt`` has an optional ``seeds/NAME.en.po``: one entry per title,
heading and paragraph, ``msgid`` = the Chinese text exactly as in the source, ``msgstr`` = the
editor's English. Fuzzy or empty entries count as untranslated. Files are read and written with
polib.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polib

from .model import Article
from .write import write_text


class TranslationError(Exception):
    """A PO file that cannot be read; ``str(err)`` names the file and the problem."""


@dataclass
class Translations:
    """English strings of one article: ``msgid`` (Chinese) -> ``msgstr`` (English).

    ``problems`` lists one-line messages about entries that could not be used.
    """

    strings: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def get(self, zh: str | None) -> str | None:
        """English for ``zh``, or None when there is no usable translation."""
        return self.strings.get(zh) if zh else None


def po_path(source: Path) -> Path:
    """``seeds/NAME.txt`` -> ``seeds/NAME.en.po``."""
    return source.with_name(source.stem + ".en.po")


def load(path: Path) -> Translations:
    """Read a PO file; a missing file gives empty ``Translations``.

    Raises:
        TranslationError: the file exists but polib cannot parse it.
    """
    if not path.exists():
        return Translations()
    try:
        po = polib.pofile(str(path), encoding="utf-8")
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise TranslationError(f"{path}: cannot read PO file ({exc})") from exc
    out = Translations()
    for entry in po:
        if entry.obsolete or "fuzzy" in entry.flags or not entry.msgstr.strip():
            continue
        out.strings[entry.msgid] = entry.msgstr.strip()
    return out


def msgids(article: Article) -> list[tuple[str, int]]:
    """The translatable strings of an article in source order: ``[(zh, line)]``.

    Title first, then each heading and paragraph; duplicates are kept once.
    """
    items: list[tuple[str, int]] = [(article.title, 1)]
    for section in article.sections:
        if section.heading:
            items.append((section.heading, section.heading_line or 0))
        items.extend((p.zh, p.line) for p in section.paragraphs)
    seen: set[str] = set()
    return [(zh, line) for zh, line in items if not (zh in seen or seen.add(zh))]


def update_po(article: Article, path: Path) -> tuple[int, int]:
    """Create or update ``path`` so it holds one entry per translatable string of ``article``.

    Existing translations are kept; entries whose Chinese no longer occurs are kept as obsolete
    (``#~``) so an editor's work is never lost. Returns ``(added, obsoleted)`` entry counts.

    Raises:
        TranslationError: the existing file cannot be parsed (it is left untouched).
    """
    if path.exists():
        try:
            po = polib.pofile(str(path), encoding="utf-8", wrapwidth=78)
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            raise TranslationError(f"{path}: cannot read PO file ({exc})") from exc
    else:
        po = polib.POFile(wrapwidth=78)
        po.metadata = {
            "Project-Id-Version": "policy-digest",
            "Language": "en",
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
        }
    wanted = msgids(article)
    by_id = {e.msgid: e for e in po}
    added = obsoleted = 0
    source_name = article.source.file
    entries = []
    for zh, line in wanted:
        entry = by_id.pop(zh, None)
        if entry is None:
            entry = polib.POEntry(msgid=zh, msgstr="")
            added += 1
        entry.obsolete = False
        entry.occurrences = [(source_name, str(line))]
        entries.append(entry)
    for entry in by_id.values():
        if not entry.obsolete and entry.msgstr:
            obsoleted += 1
        if entry.msgstr:
            entry.obsolete = True
            entries.append(entry)
    po[:] = entries
    write_text(path, str(po))
    return added, obsoleted

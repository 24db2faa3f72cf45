"""Chinese script handling with OpenCC: detection and per-character conversion.

OpenCC's ``t2s`` and ``s2t`` configurations convert whole phrases; the helpers here also give a
character-for-character form so that offsets in the converted text equal offsets in the source.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from opencc import OpenCC


@lru_cache(maxsize=None)
def _converter(config: str) -> OpenCC:
    return OpenCC(config)


def t2s(text: str) -> str:
    """Traditional -> Simplified (OpenCC ``t2s``); may change the length of ``text``."""
    return _converter("t2s").convert(text)


def s2t(text: str) -> str:
    """Simplified -> Traditional (OpenCC ``s2t``)."""
    return _converter("s2t").convert(text)


class _Unseen(Exception):
    """Raised through ``str.translate`` by a ``_CharTable`` that lacks a character (not a
    ``LookupError``, which ``str.translate`` would take as "keep the character")."""


#: Code points converted up front, in one OpenCC call, the first time a table is used: the CJK
#: blocks from the radicals to the Unified Ideographs (U+2E80–U+9FFF: punctuation, kana, Extension
#: A, the common ideographs), the Compatibility Ideographs (U+F900–U+FAFF) and the half- and
#: full-width forms (U+FF00–U+FFEF). About 29,000 characters, some 25 ms: almost every character
#: of the genre, so an article seldom needs a call of its own.
PRELOAD = "".join(chr(c) for lo, hi in ((0x2E80, 0xA000), (0xF900, 0xFB00), (0xFF00, 0xFFF0))
                  for c in range(lo, hi))


class _CharTable(dict):
    """``{code point: replacement character}`` for ``str.translate``: the ``PRELOAD`` blocks,
    converted on first use, and other characters as texts bring them.

    Converting characters is a call into OpenCC; ``convert_text`` maps a text with one
    ``str.translate`` and, when the text holds characters not in the table, first converts all of
    them in one call (``fill``). ``convert`` maps a list of characters to a list of one-character
    results.
    """

    def __init__(self, convert):
        super().__init__()
        self._convert = convert
        self._preloaded: dict[int, str] | None = None

    def __missing__(self, code: int) -> str:
        raise _Unseen

    def cache_clear(self) -> None:
        """Forget the characters texts brought; keep the ``PRELOAD`` blocks (loaded data, like
        OpenCC's own dictionaries). The name is that of ``functools`` caches (tests/bench_extract.py)."""
        self.clear()
        if self._preloaded is not None:
            self.update(self._preloaded)

    def fill(self, text: str) -> None:
        """Add the characters of ``text`` that are not in the table yet (the ``PRELOAD`` blocks
        the first time)."""
        if self._preloaded is None:
            self._preloaded = dict(zip(map(ord, PRELOAD), self._convert(list(PRELOAD))))
            self.update(self._preloaded)
        new = [ch for ch in set(text) if ord(ch) not in self]
        if new:
            self.update(zip(map(ord, new), self._convert(new)))

    def convert_text(self, text: str) -> str:
        """``text`` with every character replaced by its entry (same length)."""
        try:
            return text.translate(self)
        except _Unseen:
            self.fill(text)
            return text.translate(self)


def _t2s_chars(chars: list[str]) -> list[str]:
    """OpenCC ``t2s`` of each character on its own, kept when it would not stay one character."""
    convert = _converter("t2s").convert
    todo = [ch for ch in chars if ord(ch) > 0x2E7F]    # below the CJK radicals block nothing converts
    if not todo:
        return chars
    # One OpenCC call for all, a character per line: OpenCC converts a character between line
    # breaks as it converts it alone, except after an ideographic description character (⿰…),
    # which makes it read the next characters as parts of a description. Those go one by one.
    alone = _IDC.intersection(todo)
    batch = [ch for ch in todo if ch not in alone] if alone else todo
    converted = convert("\n".join(batch)).split("\n") if batch else []
    if len(converted) != len(batch):                     # not expected; convert one by one
        converted = [convert(ch) for ch in batch]
    done = dict(zip(batch, converted))
    done.update((ch, convert(ch)) for ch in alone)
    return [conv if len(conv := done.get(ch, ch)) == 1 else ch for ch in chars]


#: Ideographic description characters: U+2FF0–U+2FFF and U+31EF (Unicode 15.1).
_IDC = frozenset(map(chr, [*range(0x2FF0, 0x3000), 0x31EF]))


def _fold_chars(chars: list[str]) -> list[str]:
    out = []
    for ch in _t2s_chars(chars):
        if "\uff01" <= ch <= "\uff5e":
            narrow = unicodedata.normalize("NFKC", ch)
            ch = narrow if len(narrow) == 1 else ch
        out.append(ch)
    return out


_T2S_TABLE = _CharTable(_t2s_chars)
_FOLD_TABLE = _CharTable(_fold_chars)


def t2s_aligned(text: str) -> str:
    """Simplified form of ``text`` with exactly one character per source character.

    Each character is converted on its own and kept as it was when OpenCC would turn it into
    more or fewer characters, so ``len(result) == len(text)`` and offsets carry over.
    Raises ``UnicodeEncodeError`` for a lone surrogate (OpenCC takes UTF-8).
    """
    return _T2S_TABLE.convert_text(text)


@lru_cache(maxsize=2048)
def fold(text: str) -> str:
    """Same-length normal form for matching: Simplified script, full-width ASCII made half-width.

    ``len(fold(text)) == len(text)``; used by the extraction rules so that one rule covers
    Traditional and Simplified text and full-width digits (１２３) while offsets stay those of
    the source. Cached: every extraction layer folds the same paragraph.
    """
    return _FOLD_TABLE.convert_text(text)


def detect_script(text: str) -> str:
    """Return ``hant`` when ``text`` is mainly Traditional Chinese, else ``hans``.

    Rule: count the characters that OpenCC's ``t2s`` would change (Traditional-only forms) and
    those ``s2t`` would change (Simplified-only forms); the larger count wins, Simplified on a tie.
    """
    hant = sum(1 for a, b in zip(text, t2s_aligned(text)) if a != b)
    s2t_convert = _converter("s2t").convert
    hans = sum(1 for ch in text if ord(ch) > 0x2E7F and len(c := s2t_convert(ch)) == 1 and c != ch)
    return "hant" if hant > hans else "hans"

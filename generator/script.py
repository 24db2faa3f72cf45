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


def t2s_aligned(text: str) -> str:
    """Simplified form of ``text`` with exactly one character per source character.

    Each character is converted on its own and kept as it was when OpenCC would turn it into
    more or fewer characters, so ``len(result) == len(text)`` and offsets carry over.
    """
    return "".join(map(_t2s_char, text))


@lru_cache(maxsize=65536)
def _t2s_char(ch: str) -> str:
    if ord(ch) <= 0x2E7F:        # below the CJK radicals block nothing converts
        return ch
    conv = _converter("t2s").convert(ch)
    return conv if len(conv) == 1 else ch


def fold(text: str) -> str:
    """Same-length normal form for matching: Simplified script, full-width ASCII made half-width.

    ``len(fold(text)) == len(text)``; used by the extraction rules so that one rule covers
    Traditional and Simplified text and full-width digits (１２３) while offsets stay those of
    the source.
    """
    simplified = t2s_aligned(text)
    out = []
    for ch in simplified:
        if "\uff01" <= ch <= "\uff5e":
            narrow = unicodedata.normalize("NFKC", ch)
            out.append(narrow if len(narrow) == 1 else ch)
        else:
            out.append(ch)
    return "".join(out)


def detect_script(text: str) -> str:
    """Return ``hant`` when ``text`` is mainly Traditional Chinese, else ``hans``.

    Rule: count the characters that OpenCC's ``t2s`` would change (Traditional-only forms) and
    those ``s2t`` would change (Simplified-only forms); the larger count wins, Simplified on a tie.
    """
    hant = sum(1 for a, b in zip(text, t2s_aligned(text)) if a != b)
    s2t_convert = _converter("s2t").convert
    hans = sum(1 for ch in text if ord(ch) > 0x2E7F and len(c := s2t_convert(ch)) == 1 and c != ch)
    return "hant" if hant > hans else "hans"

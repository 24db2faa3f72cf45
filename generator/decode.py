"""Source bytes -> text: encoding detection, binary refusal and mojibake repair.

Chinese news pages saved as text arrive as UTF-8 (with or without BOM), as GB18030/GBK or Big5
without any declaration, or as *mojibake*: UTF-8 that some tool read as GBK and saved again as
UTF-8 (``教育`` became ``鏁欒偛``; repaired by ``mojibake.py``). The rule that tells good Chinese text from garbage is the share of
common characters: the 3,755 "commonly used" hanzi of GB 2312 level 1 make up 98-100% of the
hanzi of a real article in either script (Traditional is folded to Simplified first) and only
20-65% of text decoded with the wrong codec (measured on ../shared/corpus and the seed: mojibake
about 20%, GB18030 read as Big5 about 40%, Big5 read as GB18030 about 60%).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from .mojibake import GOOD, quality
from .mojibake import repair as repair_mojibake


#: File signatures of formats that are sometimes renamed ``.txt`` by mistake.
MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "executable"),
    (b"RIFF", "RIFF media file"),
    (b"OggS", "Ogg media file"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x00\x18ftyp", "MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "MP4 video"),
)

#: Legacy Chinese codecs tried when the bytes are not UTF-8, most common first.
LEGACY = ("gb18030", "big5", "cp950", "big5hkscs")

#: ``source.encoding`` of repaired mojibake; ``; N lost)`` replaces the ``)`` when characters
#: could not be recovered.
MOJIBAKE = "utf-8 (mojibake repaired: UTF-8 once read as GBK)"

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")
_INVISIBLE = re.compile(r"[\s\ufeff\u200b-\u200d\u2060]+")


@dataclass(frozen=True)
class Decoded:
    """Decoded source text.

    Attributes:
        text: the text, BOM removed.
        encoding: the codec used (``utf-8``, ``gb18030``, ``big5``…); for repaired mojibake
            ``MOJIBAKE``, with the number of characters lost for good.
        note: a sentence for the facts document's ``notes`` when something was repaired or
            guessed, else None.
    """

    text: str
    encoding: str
    note: str | None = None


def _fail(message: str):
    # Imported late: read.py imports this module, and SourceError lives there.
    from .read import SourceError
    raise SourceError(message)


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in MAGIC:
        if data.startswith(magic):
            return kind
    if b"\x00" in data[:8192]:
        return "binary data"
    return None


def _unbom(data: bytes) -> tuple[bytes, str | None]:
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):], codec
    return data, None


def _legacy(data: bytes) -> tuple[str, str] | None:
    """Best strict decoding among ``LEGACY`` codecs by ``quality``; None when none is Chinese."""
    best = None
    for codec in LEGACY:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        share, n = quality(text)
        if n and (best is None or share > best[0]):
            best = (share, text, codec)
    if best is None or best[0] < GOOD:
        return None
    return best[1], best[2]


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode source bytes; return ``(text, encoding)``. See ``decode_source`` (same rules)."""
    result = decode_source(data, name)
    return result.text, result.encoding


def decode_source(data: bytes, name: str) -> Decoded:
    """Decode the bytes of a source file.

    Order: refuse empty and binary input (file signatures, NUL bytes); a BOM decides (UTF-8,
    UTF-16); then strict UTF-8, repaired when it is mojibake; then the legacy Chinese codecs
    GB18030 and Big5, the one giving the most common hanzi winning; then charset-normalizer's
    guess for anything else.

    Args:
        data: the file's bytes.
        name: the file name shown in error messages.
    Returns:
        ``Decoded(text, encoding, note)``.
    Raises:
        read.SourceError: ``NAME: empty file``, ``NAME: only whitespace``, ``NAME: binary file
            (PNG image), not an article``, ``NAME: cannot tell the text encoding``.
    """
    if not data:
        _fail(f"{name}: empty file")
    kind = _binary_kind(data) if not data.startswith((b"\xff\xfe", b"\xfe\xff")) else None
    if kind:
        _fail(f"{name}: binary file ({kind}), not an article")
    data, bom_codec = _unbom(data)
    result = _decode_text(data, bom_codec, name)
    text = result.text
    if not _INVISIBLE.sub("", text):
        _fail(f"{name}: only whitespace, no text")
    if len(_CONTROL.findall(text[:65536])) > max(8, len(text[:65536]) // 100):
        _fail(f"{name}: binary file (control characters), not an article")
    return result


def _decode_text(data: bytes, bom_codec: str | None, name: str) -> Decoded:
    if bom_codec and bom_codec != "utf-8":
        try:
            return Decoded(data.decode(bom_codec), "utf-16")
        except UnicodeDecodeError:
            _fail(f"{name}: starts with a {bom_codec} byte-order mark but is not {bom_codec} text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        if bom_codec == "utf-8":
            _fail(f"{name}: starts with a UTF-8 byte-order mark but is not valid UTF-8")
    else:
        repaired = repair_mojibake(text)
        if repaired is None:
            return Decoded(text, "utf-8")
        fixed, lost = repaired
        note = "Mojibake repaired: the file was UTF-8 once read as GBK and saved again"
        label = MOJIBAKE
        if lost:
            note += f"; {lost} character{'s' if lost > 1 else ''} could not be recovered (shown as \ufffd)"
            label = f"{MOJIBAKE[:-1]}; {lost} lost)"
        return Decoded(fixed, label, note + ".")
    legacy = _legacy(data)
    if legacy:
        return Decoded(legacy[0], legacy[1])
    best = from_bytes(data).best()
    if best is None:
        _fail(f"{name}: cannot tell the text encoding (not UTF-8, GB18030 or Big5)")
    return Decoded(str(best), best.encoding, f"Text encoding guessed as {best.encoding}.")

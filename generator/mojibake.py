"""Repair of mojibake: UTF-8 text that a tool once read as GBK and saved again as UTF-8.

``教育`` (UTF-8 ``e6 95 99 e8 82 b2``) read as GBK pairs the bytes differently and becomes
``鏁欒偛``; re-encoding as GB18030 gives the UTF-8 bytes back. Where GBK could not pair two bytes
the damaging decoder wrote U+FFFD for *one* byte (Python's GBK codec, iconv ``-c``, editors), so
that byte is lost; it is restored when the evidence points to one character, otherwise the
character comes back as one U+FFFD.

Evidence for a lost byte, strongest first: the character must be valid UTF-8 with the bytes
around the gap, and GBK must have been unable to pair the lost byte with the next one; then a
line's last character is a sentence end (。, or the only one of ”！？）… among the candidates);
after a digit come 年 月 日 and measure words; the candidate that makes a far more frequent
two-character word with its neighbour, then the far more frequent character (jieba's
word-frequency dictionary); the only common character (GB 2312 level 1 and punctuation rows)
among the candidates.

Measured on ../shared/corpus and the seed, damaged by Python's GBK and GB18030 decoders
(``tests/test_bad_input.py``): about 2.5% of the characters stay lost (U+FFFD), 0.14% are
restored wrongly; undamaged text is never changed.
"""
from __future__ import annotations

import importlib.util
import itertools
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from .script import t2s_aligned

#: Share of common hanzi above which decoded text counts as real Chinese (see decode.py).
GOOD = 0.9
#: Share below which UTF-8 text with hanzi is suspected of being mojibake.
SUSPECT = 0.6
#: Characters that end a paragraph (a lost byte at a line's end): 。 wins, another only when it
#: is the one candidate of these.
SENTENCE_FINAL = "。”！？）」』】…—"
#: Characters that follow a number, most frequent first: dates, then money and measure words.
#: GBK cannot pair their last byte with a digit, so 2017年09月29日 always loses those bytes.
AFTER_DIGIT = "年月日时万元亿个名人所"
#: How many times more frequent than the runner-up a candidate must be to be chosen: as the
#: word it makes with a neighbour, or as a character. Tuned on ../shared/corpus and the seed
#: damaged both ways (lower values restore more characters and guess more of them wrongly).
WORD_DOMINANCE = 20
CHAR_DOMINANCE = 100
#: Longest run of lost bytes tried (64**2 candidates); longer runs stay lost.
MAX_RUN = 2

_HANZI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LOST = re.compile("\ufffd+")
_REPLACEMENT = "\ufffd".encode("utf-8")


def _gb2312_row(ch: str) -> int | None:
    try:
        b = t2s_aligned(ch).encode("gb2312")
    except UnicodeEncodeError:
        return None
    return b[0] if len(b) == 2 else None


def _is_common_hanzi(ch: str) -> bool:
    row = _gb2312_row(ch)
    return row is not None and 0xB0 <= row <= 0xD7          # rows 16-55: level-1 hanzi


def _is_common(ch: str) -> bool:
    row = _gb2312_row(ch)
    return row is not None and (0xB0 <= row <= 0xD7 or row in (0xA1, 0xA3))


def quality(text: str) -> tuple[float, int]:
    """``(share of common hanzi among all hanzi, number of hanzi)`` of ``text``; ``(0.0, 0)``
    when it has none. Traditional characters count as their Simplified forms."""
    hanzi = _HANZI.findall(text)
    if not hanzi:
        return 0.0, 0
    return sum(map(_is_common_hanzi, hanzi)) / len(hanzi), len(hanzi)


@lru_cache(maxsize=1)
def frequencies() -> tuple[dict[str, int], dict[str, int]]:
    """``(character frequencies, two-character word frequencies)`` of Chinese, from jieba's
    dictionary (word counts of a large corpus; a character's count is the sum over the words
    holding it). Both empty when jieba is not installed."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        return {}, {}
    chars: Counter = Counter()
    pairs: dict[str, int] = {}
    with open(Path(spec.origin).with_name("dict.txt"), encoding="utf-8") as fh:
        for line in fh:
            word, _, rest = line.partition(" ")
            freq = int(rest.split(" ", 1)[0] or 0)
            for ch in word:
                chars[ch] += freq
            if len(word) == 2:
                pairs[word] = freq
    return dict(chars), pairs


def repair(text: str) -> tuple[str, int] | None:
    """Undo the damage; ``(repaired text, characters lost for good)`` or None when ``text`` is
    not mojibake.

    Line by line, so a file with only some damaged lines is repaired there only: first the
    suspicious lines (few common hanzi). Only if some were repaired, the other lines too when
    they turn into valid UTF-8 without any loss (``更多`` became ``鏇村``, two common hanzi that
    do not look damaged). A repaired line needs more common hanzi than before, a share of at
    least ``GOOD`` and fewer lost characters than hanzi.
    """
    lines = text.split("\n")
    first = [_repair_line(line) for line in lines]
    if not any(first):
        return None
    out, lost = [], 0
    for line, fixed in zip(lines, first):
        fixed = fixed or _repair_line(line, lossless=True)
        out.append(fixed[0] if fixed else line)
        lost += fixed[1] if fixed else 0
    return "\n".join(out), lost


def _repair_line(line: str, lossless: bool = False) -> tuple[str, int] | None:
    before, n_before = quality(line)
    suspect = n_before >= 2 and before < SUSPECT
    if not suspect and not (lossless and any(ord(ch) > 0x7F for ch in line)):
        return None
    fixed = restore(line)
    after, n_after = quality(fixed)
    lost = fixed.count("\ufffd")
    if not suspect:
        return (fixed, 0) if lost == 0 and fixed != line and (not n_after or after >= GOOD) else None
    if after < GOOD or after * n_after < before * n_before or lost >= n_after:
        return None
    return fixed, lost


def restore(line: str) -> str:
    """The UTF-8 text behind one mojibake line; each character lost for good is one U+FFFD."""
    pieces = _LOST.split(line)
    runs = [len(m.group(0)) for m in _LOST.finditer(line)]
    data = pieces[0].encode("gb18030")
    for n, (run, piece) in enumerate(zip(runs, pieces[1:])):
        after = piece.encode("gb18030")
        at_end = n == len(runs) - 1 and not piece.strip()
        cut, tail = _damaged(data, after, run)
        head = data[cut:]
        found = _candidates(head, after[:tail], after[tail:tail + 1], run) if cut < len(data) else {}
        prev = _char_before(data[:cut])
        nxt = after[tail:tail + 4].decode("utf-8", errors="ignore")[:1]
        lost = _choose(found, at_end, prev, nxt)
        if lost is None:
            data = data[:cut] + _REPLACEMENT + after[tail:] if cut < len(data) else \
                data + _REPLACEMENT * run + after
        else:
            data += lost + after
    return data.decode("utf-8", errors="replace")


def _char_size(lead: int) -> int:
    return 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4


def _damaged(before: bytes, after: bytes, run: int) -> tuple[int, int]:
    """The character holding ``run`` lost bytes: ``(where it starts in before, how many of its
    bytes start after)``; ``(len(before), 0)`` when that cannot be told."""
    lead_at = next((i for i in range(len(before) - 1, max(len(before) - 4, -1), -1) if before[i] >= 0xC0), None)
    if lead_at is None or any(b < 0x80 or b >= 0xC0 for b in before[lead_at + 1:]):
        return len(before), 0
    need = _char_size(before[lead_at]) - (len(before) - lead_at) - run
    if need < 0:
        return len(before), 0
    tail = 0
    while tail < need and tail < len(after) and 0x80 <= after[tail] < 0xC0:
        tail += 1
    return (lead_at, tail) if tail == need else (len(before), 0)


@lru_cache(maxsize=65536)
def _candidates(head: bytes, tail: bytes, following: bytes, run: int) -> dict[bytes, str]:
    """Lost bytes that fit: ``{bytes: character}``.

    Each lost byte was a UTF-8 continuation byte (0x80-0xBF: a UTF-8 lead byte always makes a
    valid GBK pair with the continuation byte after it) that GBK could not pair with the byte
    after it (the next lost byte, or ``following``/``tail``'s first byte).
    """
    if run > MAX_RUN:
        return {}
    pairs = _gbk_pairs()
    found = {}
    nxt = (tail or following)[:1]
    for combo in itertools.product(range(0x80, 0xC0), repeat=run):
        seq = bytes(combo)
        if any(pairs[a << 8 | b] for a, b in zip(seq, seq[1:] + nxt)):
            continue                    # GBK would have decoded that pair: not what was lost
        try:
            found[seq] = (head + seq + tail).decode("utf-8")
        except UnicodeDecodeError:
            continue
    return found


@lru_cache(maxsize=1)
def _gbk_pairs() -> bytes:
    """``table[a << 8 | b]`` is 1 when GBK decodes the byte pair ``a b`` to one character."""
    table = bytearray(65536)
    for a in range(0x81, 0xFF):
        for b in range(0x40, 0xFF):
            try:
                bytes([a, b]).decode("gbk")
            except UnicodeDecodeError:
                continue
            table[a << 8 | b] = 1
    return bytes(table)


def _char_before(data: bytes) -> str:
    return data[-4:].decode("utf-8", errors="ignore")[-1:]


def _dominant(found: dict[bytes, str], weight, dominance: int) -> bytes | None:
    ranked = sorted(found, key=lambda seq: weight(found[seq]), reverse=True)
    if not ranked:
        return None
    top = weight(found[ranked[0]])
    second = weight(found[ranked[1]]) if len(ranked) > 1 else 0
    return ranked[0] if top > 0 and top >= dominance * max(second, 1) else None


def _choose(found: dict[bytes, str], at_end: bool, prev: str, nxt: str) -> bytes | None:
    """The lost bytes, or None when the evidence does not point to one character (module docstring)."""
    if not found:
        return None
    if at_end:
        ends = [seq for seq, ch in found.items() if ch in SENTENCE_FINAL]
        full_stop = [seq for seq, ch in found.items() if ch == "。"]
        if full_stop or len(ends) == 1:
            return (full_stop or ends)[0]
    if prev.isdigit():
        hits = sorted((AFTER_DIGIT.index(ch), seq) for seq, ch in found.items() if ch in AFTER_DIGIT)
        if hits:
            return hits[0][1]
    chars, pairs = frequencies()
    if pairs:
        before, after = t2s_aligned(prev), t2s_aligned(nxt)

        def word(ch: str) -> int:
            ch = t2s_aligned(ch)
            return max(pairs.get(before + ch, 0) if before else 0, pairs.get(ch + after, 0) if after else 0)

        chosen = _dominant(found, word, WORD_DOMINANCE)
        if chosen is not None:
            return chosen
        chosen = _dominant(found, lambda ch: chars.get(t2s_aligned(ch), 0), CHAR_DOMINANCE)
        if chosen is not None:
            return chosen
    common = [seq for seq, ch in found.items() if _is_common(ch)]
    return common[0] if len(common) == 1 else None

"""``generator.extract.segment`` gives jieba's own results: words, word ends, POS tags and the
tagger's HMM paths, on the seed article and on random runs of its characters."""
from __future__ import annotations

import importlib
import random

import jieba
import jieba.posseg
from conftest import SEED

from generator.extract import segment
from generator.script import fold

_jieba_viterbi = importlib.import_module("jieba.posseg.viterbi")


def texts() -> list[str]:
    """The seed's lines, folded as the layers read them, and random runs of their characters."""
    lines = [fold(line) for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    chars = [ch for line in lines for ch in line]
    rnd = random.Random(0)
    return lines + ["".join(rnd.choice(chars) for _ in range(rnd.randrange(1, 20))) for _ in range(120)]


def test_cut_and_tags_are_jiebas():
    for text in texts():
        assert segment.cut(text) == jieba.lcut(text)
        assert segment.tag(text) == [tuple(p) for p in jieba.posseg.cut(text)]


def test_word_ends_and_ends_word_are_jiebas():
    for text in texts():
        for block in jieba.re_han_default.findall(text):
            ends, pos = [], 0
            for word in jieba.lcut(block):
                pos += len(word)
                ends.append(pos)
            assert segment.word_ends(block) == ends
            assert [q for q in range(1, len(block)) if segment.ends_word(block, q)] == ends[:-1]


def test_viterbi_is_jiebas():
    # Han runs, including characters the model has no state table for (all 256 states).
    rnd = random.Random(1)
    unlisted = [chr(c) for c in range(0x9F00, 0x9FD6) if chr(c) not in jieba.posseg.char_state_tab_P][:10]
    han = [ch for text in texts() for ch in text if "\u4e00" <= ch <= "\u9fd5"] + unlisted
    # 舢戾, 栲暄: no state of the second character can follow one of the first (jieba then takes
    # every state that can).
    runs = ["舢戾", "栲暄", "菖爨栲"] + ["".join(rnd.choice(han) for _ in range(rnd.randrange(1, 6))) for _ in range(200)]
    for run in runs:
        prob, route = _jieba_viterbi.viterbi(run, jieba.posseg.char_state_tab_P, jieba.posseg.start_P,
                                             jieba.posseg.trans_P, jieba.posseg.emit_P)
        assert segment.viterbi.__wrapped__(run) == (prob, tuple(route))

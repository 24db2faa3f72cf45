"""jieba's word segmentation and part-of-speech tagging: the same results in less time.

The layers cut parts of a paragraph into words with jieba (``jieba.cut``: where words start and
end) and tag some parts with jieba's POS tagger (``jieba.posseg.cut``: the organisation walk).
Both are pure Python and were most of an article's extraction time. This module runs jieba's own
algorithms on jieba's default dictionary and tables (``jieba.dt``, ``jieba.posseg.dt``) and
replaces three of its steps by equivalents that give exactly jieba's results:

- ``Tokenizer.get_DAG`` and ``Tokenizer.calc`` (the word graph of a text and its most probable
  route) are ``best_ends``: both steps in one right-to-left pass that builds no graph, with the
  same dictionary look-ups, the same sums in the same order and the same tie-breaking.
  ``word_ends``, ``cut`` and ``tag_lazy``, which need only where the route's words end, are
  jieba's loops on that route; ``ends_word`` tells whether a word ends at one offset.
- ``viterbi`` is the tagger's HMM search over (position in word, tag) states for runs of unknown
  characters (杨坊, 吉克阿木). jieba scores every pair of a previous and a next state, about
  256 x 256 per character it has no table for; the model allows about 20 transitions out of a
  state, and this search follows only those. It adds the same three terms in the same order and
  breaks ties as jieba's ``max`` does (the larger previous state wins), so it finds the same path;
  where jieba would meet an impossible path (score -inf) it hands over to jieba's own search.
  States are numbered in their sort order and each character's states and emission
  probabilities are read from a table made once from the model (``_model``, ``_allowed``).
- ``tag_lazy`` is jieba's tagging loop, written out, that leaves each unknown run whole, for
  ``tag_run`` to tag if a caller needs its words.

The algorithms are those of jieba 0.42 (pyproject pins ``jieba>=0.42,<0.43``). The dictionary is
read from ``jieba.dt`` at each call, so words added to jieba count here too.
"""
from __future__ import annotations

import importlib
from collections.abc import Iterator
from functools import lru_cache
from math import log
from typing import NamedTuple

import jieba
import jieba.finalseg
import jieba.posseg
from jieba.posseg import POSTokenizer, pair

_jieba_viterbi = importlib.import_module("jieba.posseg.viterbi")   # the package shadows the module's name

#: A state of the tagger's model: (position in the word, B/M/E/S; POS tag).
State = tuple[str, str]


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    """jieba's default tokenizer ``jieba.dt``, its dictionary loaded (``FREQ``)."""
    jieba.dt.check_initialized()
    return jieba.dt


def best_ends(sentence: str) -> list[int]:
    """The inclusive end of the word that jieba's most probable route takes at every start offset
    of ``sentence`` (``route[x][1]`` of ``Tokenizer.calc`` over ``Tokenizer.get_DAG``).

    One right-to-left pass: at each start, the dictionary keys starting there are looked up
    while they are prefixes of words (``get_DAG``), and the best ``log(freq) - log(total) +
    best sum after the word`` is kept, the longer word among equals (``calc`` takes the ``max``
    of ``(sum, end)``, and ends only grow here). A start where no word begins takes its
    character alone, at ``log(freq or 1) - log(total)``.
    """
    tk = tokenizer()
    get = tk.FREQ.get
    logtotal = log(tk.total)
    n = len(sentence)
    prob = [0] * (n + 1)       # route[x][0]; route[n] is (0, 0)
    ends = [0] * n
    for k in range(n - 1, -1, -1):
        best = None
        i = k
        freq = get(sentence[k])
        while freq is not None:          # a word, or the prefix of one (frequency 0)
            if freq:
                p = log(freq) - logtotal + prob[i + 1]
                if best is None or p >= best:
                    best, end = p, i
            i += 1
            if i == n:
                break
            freq = get(sentence[k:i + 1])
        if best is None:
            best, end = log(get(sentence[k]) or 1) - logtotal + prob[k + 1], k
        prob[k] = best
        ends[k] = end
    return ends


def cut(text: str) -> list[str]:
    """Words of ``text``, equal to ``jieba.lcut(text)`` (accurate mode, HMM on): jieba 0.42's
    ``Tokenizer.cut``, with ``word_ends`` for its blocks."""
    han, skip = jieba.re_han_default, jieba.re_skip_default
    words: list[str] = []
    for blk in han.split(text):
        if not blk:
            continue
        if han.match(blk):
            start = 0
            for end in word_ends(blk):
                words.append(blk[start:end])
                start = end
        else:
            for piece in skip.split(blk):
                if skip.match(piece):
                    words.append(piece)
                else:
                    words.extend(piece)       # each character alone
    return words


def _pieces(route: list[int] | tuple[int, ...]) -> Iterator[tuple[int, int, bool]]:
    """The pieces of a block along its ``best_ends`` route, in order, as ``(start, end, single)``:
    each word of two or more characters (``single`` False), and each maximal run of one-character
    words (True), which jieba 0.42's ``Tokenizer.__cut_DAG`` keeps in a buffer and cuts as a
    whole (``word_ends``)."""
    x, run, n = 0, -1, len(route)   # run: where the pending one-character words begin
    while x < n:
        y = route[x] + 1
        if y - x == 1:
            if run < 0:
                run = x
        else:
            if run >= 0:
                yield run, x, True
                run = -1
            yield x, y, False
        x = y
    if run >= 0:
        yield run, n, True


def word_ends(block: str) -> list[int]:
    """End offsets of the words of ``block``, a run of the characters jieba segments together
    (``jieba.re_han_default``), as ``jieba.cut(block)`` cuts it (HMM on): jieba 0.42's
    ``Tokenizer.__cut_DAG``, keeping only where words end. A run of one-character words is cut by
    jieba's HMM when it is two or more characters that do not make a dictionary word, else each
    character is a word."""
    freq = tokenizer().FREQ
    ends: list[int] = []
    for start, end, single in _pieces(best_ends(block)):
        if not single:
            ends.append(end)
        elif end - start > 1 and not freq.get(block[start:end]):
            pos = start
            for word in jieba.finalseg.cut(block[start:end]):
                pos += len(word)
                ends.append(pos)
        else:
            ends.extend(range(start + 1, end + 1))
    return ends


@lru_cache(maxsize=4096)
def route(block: str) -> tuple[int, ...]:
    """``best_ends(block)``, cached: the layers ask ``ends_word`` about several offsets of a block
    (names' starts and ends, over both passes of the place layer)."""
    return tuple(best_ends(block))


@lru_cache(maxsize=8192)
def ends_word(block: str, q: int) -> bool:
    """True when a word of ``jieba.cut(block)`` ends at offset ``q`` (``q in word_ends(block)``),
    ``block`` as for ``word_ends`` and ``0 < q < len(block)``: ``word_ends``' pieces of the
    block's ``route`` up to the one holding ``q`` only, and jieba's HMM only for that piece: most
    of a block's words and unknown runs are never needed.
    """
    for start, end, single in _pieces(route(block)):
        if end < q:
            continue
        if end == q:
            return True
        if not single:
            return False       # a word of two or more characters spans q
        buf = block[start:end]
        if tokenizer().FREQ.get(buf):
            return True        # a dictionary word written as single characters: each alone
        pos = start            # an unknown run: jieba's HMM cuts it
        for word in jieba.finalseg.cut(buf):
            pos += len(word)
            if pos >= q:
                return pos == q
    return False


# --- part-of-speech tagging ---------------------------------------------------------------------

class _Model(NamedTuple):
    """jieba's POS HMM (``jieba.posseg``) with its states numbered in their sort order, so that
    comparing numbers compares states as jieba's ``max`` over ``(score, state)`` does, and
    tables are read by number instead of by tuple."""
    states: list[State]                 # number -> state
    number: dict[State, int]            # state -> number
    start: list[float]                  # number -> start log probability
    trans: list[dict[int, float]]       # number -> {next state: transition log probability}
    nexts: list[frozenset[int]]         # number -> the states that may follow (about 20 of 256)


@lru_cache(maxsize=1)
def _model() -> _Model:
    states = sorted(jieba.posseg.trans_P)
    number = {state: i for i, state in enumerate(states)}
    trans = [{number[y]: p for y, p in jieba.posseg.trans_P[state].items()} for state in states]
    return _Model(states, number, [jieba.posseg.start_P[state] for state in states], trans,
                  [frozenset(edges) for edges in trans])


def _jieba(obs: str) -> tuple[float, tuple[State, ...]]:
    prob, route = _jieba_viterbi.viterbi(obs, jieba.posseg.char_state_tab_P, jieba.posseg.start_P,
                                         jieba.posseg.trans_P, jieba.posseg.emit_P)
    return prob, tuple(route)


def _emit(ch: str, numbers: frozenset[int]) -> dict[int, float]:
    # Emission log probabilities of ``ch`` in the states ``numbers``, as jieba reads them.
    states, emit_p, min_float = _model().states, jieba.posseg.emit_P, _jieba_viterbi.MIN_FLOAT
    return {y: emit_p[states[y]].get(ch, min_float) for y in numbers}


@lru_cache(maxsize=1)
def _listed() -> dict[str, tuple[frozenset[int], dict[int, float]]]:
    # ``_allowed`` of every character in the model's state table, made once with the model.
    number = _model().number
    out = {}
    for ch, table in jieba.posseg.char_state_tab_P.items():
        numbers = frozenset(map(number.get, table))
        out[ch] = numbers, _emit(ch, numbers)
    return out


@lru_cache(maxsize=4096)
def _unlisted(ch: str) -> tuple[frozenset[int], dict[int, float]]:
    # ``_allowed`` of a character the state table lacks: every state.
    numbers = frozenset(range(len(_model().states)))
    return numbers, _emit(ch, numbers)


def _allowed(ch: str) -> tuple[frozenset[int], dict[int, float]]:
    """The states the model allows for ``ch`` (all of them when its state table has no entry)
    and their emission log probabilities."""
    return _listed().get(ch) or _unlisted(ch)


def _best(scores: dict[int, float]) -> float:
    return max(scores.values())


def _best_state(scores: dict[int, float]) -> int:
    # jieba takes max((score, state)): the best score, the larger state among equals.
    top = max(scores.values())
    return max(y for y, score in scores.items() if score == top)


def _step(V: dict[int, float], prev_states: list[int], obs_states: frozenset[int], emit: dict[int, float],
          trans: list[dict[int, float]], nexts: list[frozenset[int]]) -> tuple[dict[int, float], dict[int, int]]:
    # One character of the search: the best score of each state of ``obs_states`` that a state
    # of ``V`` can reach, and the state it comes from (the larger among equal scores).
    scores: dict[int, float] = {}
    path: dict[int, int] = {}
    for y0 in prev_states:
        v0, edges = V[y0], trans[y0]
        for y in nexts[y0] & obs_states:     # the transitions that exist, into this character
            score = v0 + edges[y] + emit[y]  # jieba's sum, in jieba's order
            best = scores.get(y)
            if best is None or score > best or (score == best and y0 > path[y]):
                scores[y] = score
                path[y] = y0
    return scores, path


@lru_cache(maxsize=4096)
def viterbi(obs: str) -> tuple[float, tuple[State, ...]]:
    """Most probable (B/M/E/S, tag) state per character of ``obs``: ``(log probability, states)``.

    Same result as ``jieba.posseg.viterbi.viterbi(obs, char_state_tab_P, start_P, trans_P,
    emit_P)``, with the states as a tuple. ``obs`` is a non-empty run of Han characters. Raises
    what jieba's raises (it is called in that case). Cached: names recur in an article (杨坊).
    """
    model = _model()
    trans, nexts = model.trans, model.nexts
    allowed, emit = _allowed(obs[0])
    V = {y: model.start[y] + emit[y] for y in allowed}
    if len(obs) == 1:   # one character (年 in 2017年)
        return _best(V), (model.states[_best_state(V)],)
    paths: list[dict[int, int]] = [{}]
    for ch in obs[1:]:
        prev_states = [x for x in V if nexts[x]]
        allowed, emit = _allowed(ch)
        scores, path = _step(V, prev_states, allowed, emit, trans, nexts)
        if not scores:   # no allowed state can follow: jieba then takes every state that can
            expect = frozenset().union(*[nexts[x] for x in prev_states])
            if not expect:   # no state can follow at all: jieba's search fails its own way
                return _jieba(obs)
            scores, path = _step(V, prev_states, expect, _emit(ch, expect), trans, nexts)
        # jieba also scores missing transitions, as -inf: they matter only if nothing else is finite.
        if any(score == float("-inf") for score in scores.values()):
            return _jieba(obs)
        V = scores
        paths.append(path)
    prob, state = _best(V), _best_state(V)
    route: list[State] = [None] * len(obs)   # type: ignore[list-item]
    for i in range(len(obs) - 1, -1, -1):
        route[i] = model.states[state]
        state = paths[i].get(state)
    return prob, tuple(route)


class _Tagger(POSTokenizer):
    """jieba's default tagger ``jieba.posseg.dt`` behind a proxy (its word tags are read from it),
    whose HMM step (the private ``__cut``) runs on ``viterbi``; used for unknown runs."""

    def __init__(self):   # no super().__init__: it would read the dictionary again
        self.tokenizer = tokenizer()

    def __getattr__(self, name: str):
        return getattr(jieba.posseg.dt, name)

    def _POSTokenizer__cut(self, sentence):
        # jieba 0.42's POSTokenizer.__cut, with the faster search.
        prob, pos_list = viterbi(sentence)
        begin, nexti = 0, 0
        for i, char in enumerate(sentence):
            pos = pos_list[i][0]
            if pos == "B":
                begin = i
            elif pos == "E":
                yield pair(sentence[begin:i + 1], pos_list[i][1])
                nexti = i + 1
            elif pos == "S":
                yield pair(char, pos_list[i][1])
                nexti = i + 1
        if nexti < len(sentence):
            yield pair(sentence[nexti:], pos_list[nexti][1])


@lru_cache(maxsize=1)
def _tagger() -> _Tagger:
    return _Tagger()


def tag_lazy(text: str) -> list[tuple[str, str | None]]:
    """``tag(text)`` with the HMM's part left undone: each unknown run that jieba tags by its HMM
    is one item ``(run, None)``, and ``tag_run(run)`` gives the items ``tag`` has in its place.

    jieba 0.42's ``POSTokenizer.cut`` (``__cut_internal`` and ``__cut_DAG``, HMM on), with
    tuples for its ``pair`` objects.
    """
    posseg = jieba.posseg
    posseg.dt.makesure_userdict_loaded()
    word_tag, freq = posseg.dt.word_tag_tab, tokenizer().FREQ
    out: list[tuple[str, str | None]] = []

    def flush(buf: str) -> None:
        if len(buf) == 1:
            out.append((buf, word_tag.get(buf, "x")))
        elif not freq.get(buf):
            out.append((buf, None))           # jieba: __cut_detail(buf), the HMM
        else:
            out.extend((ch, word_tag.get(ch, "x")) for ch in buf)

    han = posseg.re_han_internal
    # The usual text is one block: splitting it would only add empty pieces around it.
    for blk in (text,) if han.fullmatch(text) else han.split(text):
        if han.match(blk):
            for start, end, single in _pieces(best_ends(blk)):
                word = blk[start:end]
                if single:
                    flush(word)
                else:
                    out.append((word, word_tag.get(word, "x")))
        else:
            for piece in posseg.re_skip_internal.split(blk):
                if posseg.re_skip_internal.match(piece):
                    out.append((piece, "x"))
                else:
                    for ch in piece:
                        if posseg.re_num.match(ch):
                            out.append((ch, "m"))
                        elif posseg.re_eng.match(piece):   # sic: jieba tests the piece here
                            out.append((ch, "eng"))
                        else:
                            out.append((ch, "x"))
    return out


def tag_run(run: str) -> list[tuple[str, str]]:
    """``[(word, tag)]`` of an unknown run from ``tag_lazy`` (jieba's ``__cut_detail``)."""
    return [(p.word, p.flag) for p in POSTokenizer._POSTokenizer__cut_detail(_tagger(), run)]


def tag(text: str) -> list[tuple[str, str]]:
    """``[(word, tag)]`` of ``text``, equal to ``[tuple(p) for p in jieba.posseg.cut(text)]``."""
    out: list[tuple[str, str]] = []
    for word, flag in tag_lazy(text):
        if flag is None:
            out.extend(tag_run(word))
        else:
            out.append((word, flag))
    return out

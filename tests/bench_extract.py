"""Benchmark: first extraction of an article in a warm process ÷ jieba's segmentation of its text.

Run: .venv/bin/python tests/bench_extract.py [--wall] [FILES...]   (default: seeds/ and ../shared/corpus/)

What is measured, per article T:

- extraction: time of ``extract_facts(article)`` for the *first* extraction of T in a warm
  process. Before each timed run T is read afresh (reading is stage 1, not timed), then every
  cache of per-text or per-article results in the generator's modules is emptied (see
  ``clear_text_caches``) and another article of the list is extracted as a warm-up. So the data
  (gazetteer, glossaries, jieba's dictionary and models, OpenCC) is loaded and the caches hold
  another article's entries, but nothing computed from T's own text. Best of ``ROUNDS`` runs.
- jieba: time of ``jieba.lcut(text)`` (default mode, HMM on, as Material's search plugin segments
  Chinese) on the article's paragraphs joined by newlines, jieba already initialised. Best of
  ``ROUNDS * JIEBA_PER_ROUND`` runs (jieba keeps no cache of results, so repeats are fair).

The two are timed in alternation, so that changing load on the machine weighs on both alike.
Times are CPU time of the process (``time.process_time``), so that other work on a busy machine
does not count against either side; ``--wall`` uses wall time (``time.perf_counter``) instead. Both
sides are single-threaded, so on an idle machine the two clocks agree.

Prints one row per article (characters, both times in ms, their ratio), then the median and the
maximum ratio; the target is a median ratio ≤ 2. Not a test: timings vary by machine and load.
"""
from __future__ import annotations

import inspect
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import jieba

from generator.extract import extract_facts
from generator.read import read_article

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = 15            # timed first extractions per article
JIEBA_PER_ROUND = 2    # timed segmentations per round

#: Parametrised functools caches that hold loaded data, not results for a text: kept between runs.
KEEP = {("generator.script", "_converter")}      # OpenCC converter per configuration name


def clear_text_caches() -> int:
    """Empty the caches of results computed from text in the loaded ``generator`` modules.

    Emptied: every object of a ``generator.*`` module namespace with a ``cache_clear`` method:
    ``functools`` caches whose function takes arguments (results per paragraph, word, name…)
    except those in ``KEEP``, the per-character conversion tables of ``generator.script`` (back to
    the blocks they convert up front, which are loaded data like OpenCC's dictionaries) and the
    layers' ``ArticleCache`` dicts (results per article). Kept: argument-less cached loaders
    (gazetteer, glossaries, key sets, compiled patterns), which a warm process has loaded for good.
    Returns the number of caches emptied (0 would mean the discovery is broken).
    """
    seen: set[int] = set()
    for mod_name, module in list(sys.modules.items()):
        if not mod_name.startswith("generator.") or module is None:
            continue
        for obj in list(vars(module).values()):
            clear = getattr(obj, "cache_clear", None)
            if isinstance(obj, type) or not callable(clear) or id(obj) in seen:
                continue
            wrapped = getattr(obj, "__wrapped__", None)
            if wrapped is not None and (not inspect.signature(wrapped).parameters
                                        or (wrapped.__module__, wrapped.__name__) in KEEP):
                continue
            seen.add(id(obj))
            clear()
    return len(seen)


def timed(fn: Callable[[], object], clock: Callable[[], float]) -> float:
    """Time of one run of ``fn()`` by ``clock``, in seconds."""
    start = clock()
    fn()
    return clock() - start


def main(paths: list[Path], clock: Callable[[], float] = time.process_time) -> None:
    """Print the table for the articles at ``paths`` (two or more, so each has a warm-up other),
    timed by ``clock``.

    The two sides are timed in alternation (an extraction, then ``JIEBA_PER_ROUND`` segmentations,
    ``ROUNDS`` times), so that changing load on the machine weighs on both alike; each side keeps
    its best time.
    """
    if len(paths) < 2:
        sys.exit("bench_extract: give at least two articles (one warms up for the other)")
    jieba.initialize()
    extract_facts(read_article(paths[-1]))        # loads gazetteer, glossaries, jieba's POS model
    ratios = []
    print(f"{'article':60s} {'chars':>7s} {'extract ms':>11s} {'jieba ms':>9s} {'ratio':>6s}")
    for i, path in enumerate(paths):
        text = "\n".join(p.zh for p in read_article(path).paragraphs())
        t_extract = t_jieba = float("inf")
        for _ in range(ROUNDS):
            article = read_article(path)              # reading is not timed
            if not clear_text_caches():
                sys.exit("bench_extract: no cache found to clear; update clear_text_caches")
            extract_facts(read_article(paths[i - 1]))  # warm-up on a different article
            t_extract = min(t_extract, timed(lambda: extract_facts(article), clock))
            for _ in range(JIEBA_PER_ROUND):
                t_jieba = min(t_jieba, timed(lambda: jieba.lcut(text), clock))
        ratios.append(t_extract / t_jieba)
        print(f"{path.name[:60]:60s} {len(text):7d} {t_extract * 1e3:11.1f} {t_jieba * 1e3:9.1f} {ratios[-1]:6.2f}")
    print(f"median ratio {statistics.median(ratios):.2f}, max {max(ratios):.2f} (target: median ≤ 2)")


if __name__ == "__main__":
    wall = "--wall" in sys.argv[1:]
    args = [Path(a) for a in sys.argv[1:] if a != "--wall"]
    main(args or sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT.parent / "shared" / "corpus").glob("*.txt")),
         time.perf_counter if wall else time.process_time)

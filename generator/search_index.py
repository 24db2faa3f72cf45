"""Site search in both languages and both Chinese scripts: word segmentation for the search index,
and the browser half of cross-script matching.

Material for MkDocs builds ``search/search_index.json`` at the end of a build; when jieba is
importable its search plugin cuts every run of Han characters with jieba's Simplified dictionary
(``material/plugins/search/plugin.py``, ``_segment_chinese``). Traditional text comes out cut
wrongly (壓實責任 -> 壓 / 實責任), so a search for 責任 finds nothing. This module re-segments the
finished index (``rewrite_index``), called from the thin MkDocs hook
``theme_overrides/hooks/site_hooks.py``:

* Each Han run is segmented on its Simplified twin: ``script.t2s_aligned`` converts character by
  character, so the twin has the same length and jieba's word boundaries carry back to the
  original characters unchanged.
* Names are kept whole: organisations and programmes of the glossary
  (``generator/names/glossary.yaml``), the names extracted from the articles (``facts_names``)
  and the genre's set phrases (``SET_PHRASES``) are matched first, longest leftmost; place names
  of the gazetteer (``generator.names.gazetteer``) and the glossary's ``terms`` are added to
  jieba's dictionary. All sources are optional: without them jieba's own dictionary decides,
  and ``Lexicon.sources`` says what was loaded.
* Words are separated with U+200B ZERO WIDTH SPACE, as Material does (the search ``separator``
  in mkdocs.yml includes it). A word of several dictionary words (扶貧協作 = 扶貧 + 協作) keeps
  U+200C ZERO WIDTH NON-JOINER between its parts: invisible in the search results, it lets the
  browser index the compound and each part, so 協作 finds 扶貧協作 and 頂層設計 is one word too.

In the browser (``lunr_zh_js``), the search worker's ``zh`` language plugin - the search's only
lunr language - indexes every Chinese word in its written form, its Simplified form and its
Traditional form (OpenCC's ``t2s`` and ``s2t`` tables, one character for one character), so a
query in either script finds articles in either script, and every English word as written and in
the singular. Queries are left alone: Material adds a trailing wildcard to every query term and
lunr does not run wildcard terms through its pipeline, so every form must be in the index (and
lunr's Porter stemmer, whose stems such queries never meet, is not used).

Nothing here imports MkDocs; the functions take and return plain data.
"""
from __future__ import annotations

import json
import logging
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from . import script


#: Han characters: CJK Unified Ideographs with extension A, compatibility ideographs and the
#: supplementary-plane extensions (Unicode blocks; ``〇``, which Material's ``\p{Han}`` counts,
#: is left out: it is a numeral, not the start of a word a reader types).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HAN_RUN = re.compile(f"[{HAN}]+")
#: A Han run with the number written right before it (1240萬元, 48.95萬元, 2019年).
_NUMBER_AND_HAN = re.compile(rf"(\d+(?:\.\d+)?)?([{HAN}]+)")

WORD_BREAK = "\u200b"      # between words: part of the search separator
PART_JOIN = "\u200c"       # between the parts of a compound word: not a separator

#: Set phrases of Chinese policy writing that readers type as one word but jieba's dictionary
#: cuts in two (顶层设计 -> 顶层 / 设计). Simplified; matched on the Simplified twin, so the
#: Traditional forms (頂層設計) are covered. Their parts stay searchable (see module docstring).
SET_PHRASES = (
    "顶层设计", "精准扶贫", "精准脱贫", "脱贫攻坚", "脱贫攻坚战", "教育扶贫", "扶贫协作",
    "东西部扶贫协作", "对口支援", "对口帮扶", "结对帮扶", "建档立卡", "控辍保学", "深度贫困地区",
    "职业教育", "义务教育", "乡村振兴", "支教", "援派干部", "援派教师",
)

#: Glossary sections whose entries are names kept whole, and sections added to jieba only.
GLOSSARY_FORCED = ("organizations", "programs")
GLOSSARY_SOFT = ("terms",)


@dataclass(frozen=True)
class Lexicon:
    """Words the segmenter knows beyond jieba's dictionary (all Simplified).

    Attributes:
        forced: names and set phrases kept whole wherever they occur (longest leftmost match).
        soft: words added to jieba's dictionary; jieba still weighs them against their context.
        sources: what was loaded, e.g. ``("set phrases: 20", "glossary: 180", "gazetteer: 6538")``
            or ``"glossary: not found"`` — for the build log.
    """

    forced: frozenset[str]
    soft: frozenset[str]
    sources: tuple[str, ...]


def _han_words(values) -> set[str]:
    """Keys of glossary sections that are words of two or more Han characters (no spaces)."""
    return {k for k in values if isinstance(k, str) and len(k) >= 2 and HAN_RUN.fullmatch(k)}


#: Fact types whose written text is a name to keep whole (document titles are left to the
#: segmenter: a reader searches for words inside them).
NAME_FACTS = ("organization", "program", "place")


def facts_names(paths) -> set[str]:
    """Names in facts documents: publishers and the text of organisation, programme and place
    facts, of two or more Han characters (either script, as written).

    Args:
        paths: facts files (``docs/digest/facts/*.yaml``, the format of
            ``generator/schema/facts.schema.json``).
    Returns:
        The names; a file that cannot be read or parsed is skipped (this only refines search).
    """
    names: set[str] = set()
    for path in paths:
        try:
            with open(path, encoding="utf-8") as f:
                doc = yaml.safe_load(f) or {}
        except (OSError, yaml.YAMLError):
            continue
        names.add(str((doc.get("source") or {}).get("publisher") or ""))
        names.update(str(f.get("text") or "") for f in doc.get("facts") or () if f.get("type") in NAME_FACTS)
    return {n for n in names if len(n) >= 2 and HAN_RUN.fullmatch(n)}


def load_lexicon(names: set[str] | frozenset[str] = frozenset()) -> Lexicon:
    """Collect the words of the set phrases, the glossary, the gazetteer and ``names``.

    Args:
        names: more names to keep whole, in either script (``facts_names``: the publishers
            and names extracted from the articles, so that 教育裝備網 stays one word).
    Returns:
        A ``Lexicon``. Never raises for a missing or unreadable glossary or gazetteer (they are
        written by other parts of the project and may be absent): the source is then reported
        as not found in ``Lexicon.sources`` and segmentation falls back to jieba's dictionary.
    """
    forced = set(SET_PHRASES) | {script.t2s_aligned(n) for n in names}
    soft: set[str] = set()
    sources = [f"set phrases: {len(SET_PHRASES)}", f"names from facts: {len(names)}"]
    try:
        text = resources.files("generator").joinpath("names/glossary.yaml").read_text("utf-8")
        glossary = yaml.safe_load(text) or {}
        names = set().union(*(_han_words((glossary.get(s) or {}).keys()) for s in GLOSSARY_FORCED))
        terms = set().union(*(_han_words((glossary.get(s) or {}).keys()) for s in GLOSSARY_SOFT))
        forced |= names
        soft |= terms
        sources.append(f"glossary: {len(names)} names, {len(terms)} terms")
    except (OSError, yaml.YAMLError, AttributeError, TypeError) as exc:
        sources.append(f"glossary: not found ({exc.__class__.__name__})")
    try:
        from .names import gazetteer
        places = {k for k in gazetteer.index() if len(k) >= 2}
        soft |= places
        sources.append(f"gazetteer: {len(places)} place names")
    except Exception as exc:  # noqa: BLE001 - any failure of an optional source degrades alike
        sources.append(f"gazetteer: not available ({exc.__class__.__name__})")
    return Lexicon(frozenset(forced), frozenset(soft - forced), tuple(sources))


class Segmenter:
    """Cuts Chinese text into words the same way in both scripts.

    Args:
        lexicon: extra words (``load_lexicon()`` by default).

    Builds a private ``jieba.Tokenizer`` (jieba's default dictionary, the soft words added), so
    the global tokenizer that Material's search plugin uses is left as it was.
    """

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        import jieba

        jieba.setLogLevel(logging.WARNING)   # its "Building prefix dict…" lines are noise here
        self.lexicon = lexicon or load_lexicon()
        self._jieba = jieba.Tokenizer()
        self._jieba.initialize()
        freq = self._jieba.FREQ
        for word in sorted(self.lexicon.soft | self.lexicon.forced):
            if not freq.get(word):
                # the frequency jieba suggests is just enough to keep the word whole on its own
                self._jieba.add_word(word, self._jieba.suggest_freq(word, False))
        self._forced_longest = max((len(w) for w in self.lexicon.forced), default=0)
        self._log_total = math.log(self._jieba.total)

    # --- words ------------------------------------------------------------------------------

    def words(self, run: str) -> list[str]:
        """Words of ``run`` (Han characters only, either script), in order.

        ``"".join(result) == run``. Boundaries are found on ``script.t2s_aligned(run)``: forced
        words first (longest leftmost), jieba with its HMM for unknown words in between.
        """
        twin = script.t2s_aligned(run)
        cuts: list[int] = [0]
        start = i = 0
        while i < len(twin):
            hit = self._forced_at(twin, i)
            if hit:
                cuts.extend(self._jieba_cuts(twin, start, i))
                cuts.extend((i, i + hit))
                i = start = i + hit
            else:
                i += 1
        cuts.extend(self._jieba_cuts(twin, start, len(twin)))
        cuts = sorted(set(cuts) | {len(run)})
        return [run[a:b] for a, b in zip(cuts, cuts[1:])]

    def _forced_at(self, twin: str, i: int) -> int:
        for n in range(min(self._forced_longest, len(twin) - i), 1, -1):
            if twin[i:i + n] in self.lexicon.forced:
                return n
        return 0

    def _jieba_cuts(self, twin: str, a: int, b: int) -> list[int]:
        out, pos = [], a
        for word in self._jieba.cut(twin[a:b], HMM=True):
            pos += len(word)
            out.append(pos)
        return out

    def parts(self, word: str) -> list[str]:
        """Dictionary words that make up ``word`` (either script), or ``[word]`` if none do.

        A word of three or more characters is split into two or more pieces, at least one of
        them of two characters or more, by jieba's rule (the most probable path through its
        dictionary), the whole word itself excluded; pieces are split again the same way.
        扶貧協作 -> [扶貧, 協作]; 東西部扶貧協作 -> [東西, 部, 扶貧, 協作]; 責任 -> [責任]. The browser
        indexes every run of consecutive parts (``compound_forms``).
        """
        if len(word) < 3:
            return [word]
        twin = script.t2s_aligned(word)
        freq, n = self._jieba.FREQ, len(twin)
        # best[j]: (log probability, cut positions) of the best path over twin[:j]
        best: list[tuple[float, list[int]] | None] = [None] * (n + 1)
        best[0] = (0.0, [])
        for i in range(n):
            if best[i] is None:
                continue
            for j in range(i + 1, n + 1):
                if j - i == n:
                    continue
                piece = twin[i:j]
                f = freq.get(piece) or (1 if j - i == 1 else 0)
                if not f:
                    continue
                score = best[i][0] + math.log(f) - self._log_total
                if best[j] is None or score > best[j][0]:
                    best[j] = (score, best[i][1] + [j])
        if best[n] is None:
            return [word]
        cuts = [0] + best[n][1]
        pieces = [word[a:b] for a, b in zip(cuts, cuts[1:])]
        if len(pieces) < 2 or max(map(len, pieces)) < 2:
            return [word]
        # a piece may be a compound itself (東西部扶貧協作 = 東西部 + 扶貧協作): down to words
        return [leaf for piece in pieces for leaf in self.parts(piece)]

    # --- text -------------------------------------------------------------------------------

    def segment(self, text: str) -> str:
        """``text`` with its Han runs cut into words for the search index.

        Words are separated by ``WORD_BREAK`` (also around each run, as Material does), the
        parts of a compound joined by ``PART_JOIN``; a number written right before a run is the
        first part of its first word (1240萬元 = 1240 + 萬元). Everything else is unchanged. Marks left by
        an earlier segmentation (Material's, or this function's) are removed first, so
        ``segment(segment(t)) == segment(t)``.
        """
        text = text.replace(WORD_BREAK, "").replace(PART_JOIN, "")

        def cut(match: re.Match) -> str:
            number, run = match.group(1), match.group(2)
            words = [PART_JOIN.join(self.parts(w)) for w in self.words(run)]
            if number:
                # an amount as written (1240萬元) is a compound of the number and its unit:
                # Material's search keeps a query like 1240萬元 as one term
                words[0] = number + PART_JOIN + words[0]
            return WORD_BREAK + WORD_BREAK.join(words) + WORD_BREAK

        return _NUMBER_AND_HAN.sub(cut, text).strip(WORD_BREAK)


def compound_forms(token: str) -> list[str]:
    """The words indexed for one token: for a compound (parts joined by ``PART_JOIN``) every run
    of consecutive parts, whole word first; one-character words are left out.

    ``東西‌部‌扶貧‌協作`` -> 東西部扶貧協作, 東西部, 部扶貧 …, 扶貧協作, 東西, 扶貧, 協作. The browser
    plugin (``lunr_zh_js``) does the same, then adds each form's other script.
    """
    parts = token.split(PART_JOIN)
    out: list[str] = []
    for size in range(len(parts), 0, -1):
        for i in range(len(parts) - size + 1):
            form = "".join(parts[i:i + size])
            if len(form) >= 2 and form not in out:
                out.append(form)
    return out


def index_tokens(text: str, separator: str) -> set[str]:
    """The Chinese words the browser indexes for ``text`` (a title or text of the index).

    A model of the search worker for tests and checks: ``text`` is split by the search
    ``separator`` (a regular expression, as in the index's ``config``); each token yields its
    ``compound_forms``. Script forms (``lunr_zh_js``) are not added.
    """
    out: set[str] = set()
    for token in re.split(separator, re.sub(r"<[^>]*>", " ", text)):
        if HAN_RUN.search(token):
            out.update(compound_forms(token))
    return out


#: Markup that Material keeps in index texts (``<p>``, ``</li>``, ``<code>``) and character
#: references (``&amp;``): never changed by the filters below.
_MARKUP = re.compile(r"(<[^<>]*>|&#?\w+;)")
_LATIN_WORD = re.compile(r"[A-Za-z\uff21-\uff3a\uff41-\uff5a][A-Za-z\uff21-\uff3a\uff41-\uff5a'’]*")


def _outside_markup(text: str, fn) -> str:
    parts = _MARKUP.split(text)
    return "".join(p if i % 2 else fn(p) for i, p in enumerate(parts))


def _tidy(text: str) -> str:
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def without_han(text: str) -> str:
    """``text`` without Han characters (nor segmentation marks); markup kept, spaces tidied."""
    text = text.replace(WORD_BREAK, "").replace(PART_JOIN, "")
    return _tidy(_outside_markup(text, lambda t: HAN_RUN.sub(" ", t)))


def without_latin(text: str) -> str:
    """``text`` without words in Latin letters (half- or full-width); markup kept, spaces tidied."""
    return _tidy(_outside_markup(text, lambda t: _LATIN_WORD.sub(" ", t)))


def rewrite_index(data: dict, segmenter: Segmenter, page_languages: dict[str, str] | None = None) -> dict:
    """Re-segment the Chinese of a Material search index and keep each page to its language.

    Args:
        data: the parsed ``search/search_index.json`` (``{"config": …, "docs": [{location,
            title, text, …}]}``).
        segmenter: a ``Segmenter``.
        page_languages: ``{page URL: language}`` (primary subtags; a page URL is an entry's
            ``location`` before ``#``); pages not listed count as ``zh``.
    Returns:
        ``data``, changed in place: the ``title`` and ``text`` of an entry of a ``zh`` page
        lose their words in Latin letters and are segmented (``Segmenter.segment``); those of
        any other language lose their Han characters. So a query in English letters ranks
        English pages first and a query in Chinese characters Chinese pages, whichever page the
        reader is on: Chinese labels and names on English pages (and English names in Chinese
        tables, the ``seeds/`` and ``YAML`` of the Chinese about page) no longer compete.
        Digits stay in both; a title that would be left empty is kept as it was. Other fields
        and the order of entries are kept.
    Raises:
        KeyError: ``data`` has no ``docs`` list (not a Material search index).
    """
    languages = page_languages or {}
    for doc in data["docs"]:
        lang = languages.get(str(doc.get("location", "")).split("#")[0], "zh")
        for field in ("title", "text"):
            value = doc.get(field)
            if not isinstance(value, str):
                continue
            kept = without_latin(value) if lang == "zh" else without_han(value)
            if field == "title" and not kept.strip():
                kept = value        # a title in the other script is still the page's name
            doc[field] = segmenter.segment(kept) if lang == "zh" or field == "title" else kept
    return data


def rewrite_index_file(path, segmenter: Segmenter, page_languages: dict[str, str] | None = None) -> int:
    """Rewrite the search index at ``path`` (``str`` or ``Path``) in place; returns its entries.

    ``page_languages`` as for ``rewrite_index``. The JSON is written compactly like Material
    writes it. Raises OSError or ValueError when the file is missing or not JSON.
    """
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    rewrite_index(data, segmenter, page_languages)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, separators=(",", ":"))
    return len(data["docs"])


# --- browser side -----------------------------------------------------------------------------

#: Where Material's search worker loads the ``zh`` language plugin from when the search ``lang``
#: includes ``zh`` (``assets/javascripts/workers/search.*.js``: ``../lunr/min/lunr.zh.min.js``).
LUNR_ZH_PATH = "assets/javascripts/lunr/min/lunr.zh.min.js"

#: lunr-languages' Chinese stop words (``lunr.zh.js``), kept so the plugin is a drop-in; the
#: search ``pipeline`` setting leaves the stop word filter out for both languages.
_STOP_WORDS = (
    "的 一 不 在 人 有 是 为 為 以 于 於 上 他 而 后 後 之 来 來 及 了 因 下 可 到 由 这 這 与 與 也 此 但 并 並 "
    "个 個 其 已 无 無 小 我 们 們 起 最 再 今 去 好 只 又 或 很 亦 某 把 那 你 乃 它 吧 被 比 别 趁 当 當 从 從 "
    "得 打 凡 儿 兒 尔 爾 该 該 各 给 給 跟 和 何 还 還 即 几 幾 既 看 据 據 距 靠 啦 另 么 麽 每 嘛 拿 哪 您 凭 "
    "憑 且 却 卻 让 讓 仍 啥 如 若 使 谁 誰 虽 雖 随 隨 同 所 她 哇 嗡 往 些 向 沿 哟 喲 用 咱 则 則 怎 曾 至 致 "
    "着 著 诸 諸 自"
)

_LUNR_ZH = """\
/* lunr "zh" language plugin for the search worker of Material for MkDocs, written by
 * policy-digest (generator/search_index.py: lunr_zh_js) in place of lunr-languages' lunr.zh.js,
 * which needs a segmenter that browsers do not have. Words arrive segmented from the build.
 * It is the only language of the search (mkdocs.yml: search lang zh) and serves English too.
 * Its "stemmer" indexes each Chinese word in three forms - as written, Simplified and
 * Traditional (OpenCC %(opencc)s t2s/s2t, one character for one character) - and a compound
 * (parts joined by U+200C) as the whole word and each part, so that a query in either script
 * finds text in either script; one-character Chinese words are left out. An English word is
 * indexed as written and in the singular; lunr's Porter stemmer is not used, because Material
 * queries with a trailing wildcard and lunr does not stem those (vocational* never met the
 * stem "vocat"). Trimmer and stop words as in lunr.zh.js. */
!function (root, factory) {
  if (typeof define === "function" && define.amd) define(factory)
  else if (typeof exports === "object") module.exports = factory()
  else factory()(root.lunr)
}(this, function () {
  return function (lunr) {
    if (typeof lunr === "undefined")
      throw new Error("Lunr is not present. Please include / require Lunr before this script.")
    if (typeof lunr.trimmerSupport === "undefined")
      throw new Error("Lunr stemmer support is not present. Please include it before this script.")
    var T2S = [%(t2s_from)s, %(t2s_to)s], S2T = [%(s2t_from)s, %(s2t_to)s]
    function table(pair) {
      var map = {}, from = Array.from(pair[0]), to = Array.from(pair[1])
      for (var i = 0; i < from.length; i++) map[from[i]] = to[i]
      return map
    }
    var t2s = table(T2S), s2t = table(S2T)
    function convert(word, map) {
      var out = ""
      for (var i = 0; i < word.length; i++) out += map[word.charAt(i)] || word.charAt(i)
      return out
    }
    var HAN = /[%(han_bmp)s]/, JOIN = "\\u200c"
    // English plural -> singular, so that "teacher" finds "teachers" and "responsibility"
    // finds "responsibilities" (queries end in a wildcard and are not stemmed, see above)
    function singular(word) {
      if (word.length > 4 && /ies$/.test(word)) return word.slice(0, -3) + "y"
      if (word.length > 4 && /(sses|shes|ches|xes|zes)$/.test(word)) return word.slice(0, -2)
      if (word.length > 3 && /[^siu]s$/.test(word)) return word.slice(0, -1)
      return word
    }
    lunr.zh = function () {
      this.pipeline.reset()
      this.pipeline.add(lunr.zh.trimmer, lunr.zh.stopWordFilter, lunr.zh.stemmer)
      // queries are matched as typed: every form is in the index already
      if (this.searchPipeline) this.searchPipeline.reset()
    }
    lunr.zh.wordCharacters = "\\\\w%(han_bmp)s"
    lunr.zh.trimmer = lunr.trimmerSupport.generateTrimmer(lunr.zh.wordCharacters)
    lunr.Pipeline.registerFunction(lunr.zh.trimmer, "trimmer-zh")
    lunr.zh.stemmer = function (token) {
      var text = token.toString(), forms = []
      function add(word) {
        for (var i = 0; i < arguments.length; i++)
          if (forms.indexOf(arguments[i]) < 0) forms.push(arguments[i])
      }
      if (HAN.test(text)) {
        // every run of consecutive parts of a compound, whole word first; a one-character
        // word is left out: Material's query segmenter would otherwise cut a query at it
        // (和田 -> 和), and nobody searches for one character
        var parts = text.split(JOIN)
        for (var size = parts.length; size > 0; size--)
          for (var i = 0; i + size <= parts.length; i++) {
            var form = parts.slice(i, i + size).join("")
            if (Array.from(form).length > 1) add(form, convert(form, t2s), convert(form, s2t))
          }
        if (!forms.length) return undefined
      } else if (/^[a-z]+$/.test(text)) {
        add(text, singular(text))
      } else {
        return token
      }
      return forms.map(function (form) { return token.clone(function () { return form }) })
    }
    lunr.Pipeline.registerFunction(lunr.zh.stemmer, "stemmer-zh")
    lunr.zh.stopWordFilter = lunr.generateStopWordFilter("%(stop_words)s".split(" "))
    lunr.Pipeline.registerFunction(lunr.zh.stopWordFilter, "stopWordFilter-zh")
  }
})
"""

#: Basic Multilingual Plane ranges of ``HAN`` (the tables only hold BMP characters, so a JS
#: string index is one character).
_HAN_BMP_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))


@lru_cache(maxsize=1)
def script_tables() -> tuple[dict[str, str], dict[str, str]]:
    """OpenCC's one-character conversions over the BMP Han blocks: ``(t2s, s2t)`` dicts.

    A character is in a table when OpenCC converts it, on its own, to exactly one different
    character (the same rule as ``script.t2s_aligned``).
    """
    t2s, s2t = {}, {}
    for lo, hi in _HAN_BMP_RANGES:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            a, b = script.t2s(ch), script.s2t(ch)
            # one BMP character for one: the plugin converts a word code unit by code unit
            if len(a) == 1 and a != ch and ord(a) < 0x10000:
                t2s[ch] = a
            if len(b) == 1 and b != ch and ord(b) < 0x10000:
                s2t[ch] = b
    return t2s, s2t


def lunr_zh_js() -> str:
    """Source of the ``lunr.zh`` plugin that Material's search worker loads (``LUNR_ZH_PATH``).

    Deterministic for one OpenCC version. See the module docstring for what it does.
    """
    from importlib.metadata import PackageNotFoundError, version

    try:
        opencc_version = version("opencc")
    except PackageNotFoundError:
        opencc_version = ""
    t2s, s2t = script_tables()
    han_bmp = "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in _HAN_BMP_RANGES)
    return _LUNR_ZH % {
        "opencc": opencc_version,
        "t2s_from": json.dumps("".join(t2s), ensure_ascii=False),
        "t2s_to": json.dumps("".join(t2s.values()), ensure_ascii=False),
        "s2t_from": json.dumps("".join(s2t), ensure_ascii=False),
        "s2t_to": json.dumps("".join(s2t.values()), ensure_ascii=False),
        "han_bmp": han_bmp,
        "stop_words": _STOP_WORDS,
    }

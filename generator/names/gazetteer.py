"""China's administrative divisions (GB/T 2260) from jionlp's data files, with English names.

Data: ``jionlp/dictionary/china_location.txt`` (one unit a line, ``name TAB code TAB alias``,
indented by level: province, prefecture, county, then township and village names without codes)
and ``china_location_change.txt`` (renamed or abolished units, ``old => new``). The package keeps
the first file zipped until jionlp is imported, so both forms are read here; jionlp itself is
never imported (its import takes seconds). Everything is loaded on first use and cached.

Written forms besides the data's: short name + plain level word for autonomous units (黄南州,
天祝县), short name + 地区 for prefecture-level cities (日喀则地区, the usual name before the
prefecture became a city in 2014), and the abbreviations in ``ABBREVIATIONS`` (博州). Keys are
folded (``script.fold``) as the text is.

English names: ``exonyms.yaml`` first (Tibet, Hotan, Qamdo, Lu'an…), else tone-less pinyin of the
short name written as one word with an apostrophe before a syllable starting with a, o or e
(Xi'an), plus a level word: County (县), District (区), Banner (旗), Prefecture (州, 地区, 自治州
when written so), League (盟), City (a county-level 市 sharing its short name with a prefecture),
Township (乡), Town (镇), Village (村). Provinces and prefecture-level cities get no level word
(甘肃省 -> Gansu, 承德市 -> Chengde).
"""
from __future__ import annotations

import importlib.util
import re
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from pypinyin import Style
from pypinyin.contrib.uv import V2UMixin
from pypinyin.converter import DefaultConverter
from pypinyin.core import Pinyin

from ..model import Name
from ..script import fold

LEVELS = ("province", "prefecture", "county", "township", "village")

#: The 56 officially recognised ethnic groups, as they appear inside autonomous units' names
#: (黄南藏族自治州, 积石山保安族东乡族撒拉族自治县), plus 各 of 各族 (隆林各族自治县); longest first
#: so that 东乡 is tried before shorter names.
ETHNIC = sorted(
    "汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 "
    "东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 "
    "俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各".split(),
    key=len, reverse=True,
)
_ETHNIC_RUN = re.compile("(?:(?:%s)族)+$" % "|".join(ETHNIC))
#: Some names leave out 族 (塔什库尔干塔吉克自治县, 新疆维吾尔自治区, 伊犁哈萨克自治州).
_ETHNIC_RUN_LOOSE = re.compile("(?:(?:%s)族?)+$" % "|".join(ETHNIC))

#: Level words at the end of full names, longest first (GB/T 2260 naming).
_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区", "省", "市", "盟", "州",
             "县", "区", "旗")

#: Full names that are ordinary words in running text (城区 = "urban area") or groupings rather
#: than units (市辖区); they are never matched.
_GENERIC_FULL = {"城区", "郊区", "矿区", "东区", "西区", "南区", "北区", "中区", "新区", "市辖区"}

#: Township-level and village-level name endings and their English level words.
TOWNSHIP_ENDINGS = {"乡": "Township", "镇": "Town", "街道": "Subdistrict", "苏木": "Sumu"}
VILLAGE_ENDINGS = {"村": "Village", "社区": "Community", "嘎查": "Gacha"}

#: Abbreviations in official use that the data lacks -> full name of the unit. Source: the
#: prefectures' own usage (博州 in Bortala's government reports, 锡盟 in Xilingol's); the data
#: already has 巴州 and 克州.
ABBREVIATIONS = {"博州": "博尔塔拉蒙古自治州", "锡盟": "锡林郭勒盟"}


@dataclass(frozen=True)
class Unit:
    """One administrative unit.

    Attributes:
        name: full Simplified name (甘肃省, 黄南藏族自治州, 会宁县).
        code: six-digit GB/T 2260 code, or None (townships and villages carry none in the data).
        level: one of ``LEVELS``.
        stem: short name used for English and abbreviations (甘肃, 黄南, 会宁).
        parent: code of the unit above, or None.
    """

    name: str
    code: str | None
    level: str
    stem: str
    parent: str | None = None


@dataclass(frozen=True)
class Hit:
    """One way of writing a unit.

    Attributes:
        unit: the ``Unit``.
        form: ``full`` (the full name), ``suffixed`` (short name + level word not in the data, as
            黄南州 or 天祝县), ``alias`` (the data's abbreviation or the bare short name) or ``old``
            (a former name from the change list).
        written: the level word as written at the end ('' when bare): 省 自治区 市 州 地区 盟 县 区 旗…
    """

    unit: Unit
    form: str
    written: str


_FORM_RANK = {"full": 0, "suffixed": 0, "alias": 1, "old": 2}
_LEVEL_RANK = {level: i for i, level in enumerate(LEVELS)}


# --- loading ----------------------------------------------------------------------------------

def _data_dir() -> Path:
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.origin:
        raise ModuleNotFoundError("jionlp is not installed: its data files hold the gazetteer")
    return Path(spec.origin).resolve().parent / "dictionary"


def _read_data(name: str) -> list[str]:
    """Lines of a jionlp dictionary file, from the .txt or, before jionlp's first import, the .zip."""
    folder = _data_dir()
    path = folder / name
    if path.exists():
        text = path.read_text(encoding="utf-8")
    else:
        with zipfile.ZipFile(path.with_suffix(".zip")) as zf:
            text = zf.read(name).decode("utf-8")
    return text.replace("\r", "").split("\n")


def _written_level(name: str) -> str:
    return next((s for s in _SUFFIXES if name.endswith(s) and len(name) > len(s)), "")


def stem_of(full: str, alias: str = "") -> str:
    """Short name of a unit: the full name without level word and ethnic groups.

    甘肃省 -> 甘肃, 黄南藏族自治州 -> 黄南, 塔什库尔干塔吉克自治县 -> 塔什库尔干, 会宁县 -> 会宁.
    Falls back to the data's alias without level word when nothing is left (东乡族自治县 -> 东乡).
    """
    level = _written_level(full)
    stem = full[: len(full) - len(level)] if level else full
    if "自治" in level:
        strict = _ETHNIC_RUN.sub("", stem)
        loose = _ETHNIC_RUN_LOOSE.sub("", stem)
        # The loose form may eat a last character that only looks like an ethnic name.
        stem = loose if len(loose) >= 2 and len(loose) < len(strict) else strict
    if not stem:
        alias_level = _written_level(alias)
        stem = alias[: len(alias) - len(alias_level)] if alias_level else alias
    return stem or full


def _skipped(full: str, code: str) -> bool:
    # County-level codes 71-79 are development zones and similar areas (the statistical division
    # codes, 统计用区划代码, that the data follows), not GB/T 2260 counties; 直辖 entries are
    # groupings, not units.
    return full in _GENERIC_FULL or "直辖" in full or (code[2:4] != "00" and "71" <= code[4:6] <= "79")


@lru_cache(maxsize=1)
def _load():
    """Parse the data once: (index {written name: [Hit]}, towns {name: n}, villages {name: n})."""
    index: dict[str, list[Hit]] = {}
    towns: dict[str, int] = {}
    villages: dict[str, int] = {}
    units_by_path: dict[tuple[str, ...], Unit] = {}
    prefecture_cities: list[Unit] = []

    def add(key: str, hit: Hit) -> None:
        if len(key) < 2:
            return
        hits = index.setdefault(key, [])
        if all(h.unit != hit.unit for h in hits):
            hits.append(hit)

    path: list[str] = ["", "", ""]
    parents: list[str | None] = [None, None, None]
    skip_below = False
    for line in _read_data("china_location.txt"):
        if not line.strip():
            continue
        depth = len(line) - len(line.lstrip("\t"))
        parts = line.strip().split("\t")
        if depth >= 3:
            if skip_below:
                continue
            name = parts[0]
            table = villages if depth >= 4 else towns
            table[name] = table.get(name, 0) + 1
            continue
        if len(parts) != 3:  # units without a code (some Taiwan districts) are left out
            skip_below = True
            continue
        full, code, alias = parts
        skip_below = _skipped(full, code)
        path[depth] = full
        parents[depth] = code
        if skip_below:
            continue
        aliases = [a for a in alias.split("/") if a]
        unit = Unit(full, code, LEVELS[depth], stem_of(full, aliases[0] if aliases else ""),
                    parents[depth - 1] if depth else None)
        units_by_path[tuple(path[: depth + 1])] = unit
        add(full, Hit(unit, "full", _written_level(full)))
        for a in aliases:
            add(a, Hit(unit, "alias", _written_level(a) if a != unit.stem else ""))
        if unit.stem not in aliases and unit.stem != full:
            add(unit.stem, Hit(unit, "alias", ""))
        written = _written_level(full)
        # Autonomous units are usually written short name + plain level word: 黄南州, 天祝县, 新疆自治区.
        if written in ("自治州", "自治县", "自治旗", "自治区"):
            add(unit.stem + written[-1], Hit(unit, "suffixed", written[-1]))
            if written == "自治区":
                add(unit.stem + written, Hit(unit, "suffixed", written))
        elif unit.level == "prefecture" and written == "市":
            prefecture_cities.append(unit)
    provinces = {u.stem for u in units_by_path.values() if u.level == "province"}
    for unit in prefecture_cities:
        # 海南地区 is the province's area, not a prefecture.
        if unit.stem not in provinces:
            add(unit.stem + "地区", Hit(unit, "suffixed", "地区"))
    by_name = {u.name: u for u in units_by_path.values()}
    for short, full in ABBREVIATIONS.items():
        add(short, Hit(by_name[full], "alias", _written_level(short)))
    _add_old_names(index, units_by_path, add)
    _fold_keys(index)
    return index, towns, villages


def _fold_keys(index: dict[str, list[Hit]]) -> None:
    """Re-key the few names that ``script.fold`` changes (乾安 -> 干安): text is folded before
    lookup. Folding is per character, so one call over the characters in use finds them."""
    chars = "".join(sorted({ch for key in index for ch in key}))
    changed = {ch: to for ch, to in zip(chars, fold(chars)) if ch != to}
    for key in [k for k in index if any(ch in changed for ch in k)]:
        folded = "".join(changed.get(ch, ch) for ch in key)
        hits = index.setdefault(folded, [])
        hits.extend(h for h in index.pop(key) if all(h.unit != o.unit for o in hits))


def _add_old_names(index, units_by_path, add) -> None:
    """Former full names (襄樊市, 邢台县…) pointing at the unit that replaced them."""
    for line in _read_data("china_location_change.txt"):
        if "=>" not in line:
            continue
        old, new = (side.split("\t") for side in line.split("=>", 1))
        old_names = [n for n in old[2::2] if n]
        new_path = tuple(n for n in new if n)
        unit = units_by_path.get(new_path)
        if unit is None or not old_names:
            continue
        old_full = old_names[-1]
        if old_full not in index and not _skipped(old_full, unit.code or "000000"):
            add(old_full, Hit(unit, "old", _written_level(old_full)))


@lru_cache(maxsize=1)
def _exonyms() -> tuple[dict[str, str], dict[str, str]]:
    path = Path(__file__).resolve().parent / "exonyms.yaml"
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    names = {str(k): str(v) for k, v in (data.get("names") or {}).items()}
    readings = {str(k): str(v) for k, v in (data.get("readings") or {}).items()}
    return names, readings


# --- lookup -----------------------------------------------------------------------------------

def index() -> dict[str, list[Hit]]:
    """Every written form of every province-, prefecture- and county-level unit -> its ``Hit`` list.

    Keys are Simplified; use ``script.fold`` on the text before looking up.
    """
    return _load()[0]


def lookup(name: str) -> list[Hit]:
    """All units ``name`` can mean (any script), best first without context; ``[]`` if none.

    Order: full or suffixed forms before abbreviations before former names, then higher levels
    first (承德 is the prefecture-level city before 承德县's abbreviation).
    """
    return list(_lookup(name))


@lru_cache(maxsize=4096)
def _lookup(name: str) -> tuple[Hit, ...]:
    hits = index().get(fold(name), [])
    return tuple(sorted(hits, key=lambda h: (_FORM_RANK[h.form], _LEVEL_RANK[h.unit.level], h.unit.code or "")))


def resolve(name: str, context: tuple[str, ...] | frozenset[str] = (),
            near: str | None = None) -> Hit | None:
    """The best reading of ``name`` given ``context`` (GB/T codes of places named nearby).

    The first of ``readings(name, context, near)``, or None for an unknown name.
    """
    found = _readings(name, frozenset(context), near)
    return found[0] if found else None


def readings(name: str, context: tuple[str, ...] | frozenset[str] = (),
             near: str | None = None) -> tuple[Hit, ...]:
    """The readings of ``name`` that context cannot tell apart, best first; ``()`` if unknown.

    Args:
        name: a written form (any script).
        context: GB/T codes of other places the text names.
        near: code of the place written right before ``name`` (青海 in 青海海南), if any.
    Returns:
        one Hit when the reading is decided; several (same level, equally close to the context:
        和平区 of Tianjin and of Shenyang with no context) when it is not, so that the caller
        can leave the code out instead of guessing.

    Rule, in order:
    - only the best written form counts (a full or suffixed name before an abbreviation before a
      former name);
    - a reading inside another reading of the same name stands for nothing of its own: bare
      和田 is the prefecture, not its county 和田县; 吉林 is the province, not 吉林市;
    - closeness to the context: inside ``near`` (4), the same code named elsewhere (3), the same
      prefecture (2), the same province (1);
    - a province reading wins over lower ones unless they are inside ``near`` or named elsewhere
      (closeness 2 or more) while the province is not (海南 in a list of provinces is the
      province even in an article about Qinghai; 青海海南 is Qinghai's prefecture);
    - otherwise the closest, then the higher level (bare 朝阳 is the prefecture-level city).
    Cached (the place layer asks again and again).
    """
    return _readings(name, frozenset(context), near)


def contains(outer: str | None, inner: str | None) -> bool:
    """True when the unit coded ``outer`` strictly contains the unit coded ``inner`` (GB/T codes:
    a province xx0000 holds xx….., a prefecture xxxx00 holds xxxx..)."""
    if not outer or not inner or outer == inner:
        return False
    if outer.endswith("0000"):
        return inner[:2] == outer[:2]
    return outer.endswith("00") and inner[:4] == outer[:4]


def unique(name: str) -> bool:
    """True when ``name`` (any script) can mean one unit only, readings inside another reading of
    the same name aside (和田, 吉林: yes; 朝阳, 海南, 和平区: no; unknown names: no)."""
    return len(_distinct(name)) == 1


@lru_cache(maxsize=4096)
def _distinct(name: str) -> tuple[Hit, ...]:
    # The readings of the best written form that no other of them contains.
    hits = _lookup(name)
    if len(hits) < 2:
        return hits
    top = min(_FORM_RANK[h.form] for h in hits)
    # The data lists a municipality twice (天津市 as province and as prefecture, one code);
    # ``hits`` is sorted by level, so the province comes first.
    by_code: dict[str | None, Hit] = {}
    for h in hits:
        if _FORM_RANK[h.form] == top:
            by_code.setdefault(h.unit.code, h)
    units = tuple(by_code.values())
    return tuple(h for h in units if not any(contains(o.unit.code, h.unit.code) for o in units))


@lru_cache(maxsize=8192)
def _readings(name: str, context: frozenset[str], near: str | None) -> tuple[Hit, ...]:
    reps = _distinct(name)
    if len(reps) < 2:
        return reps

    def closeness(hit: Hit) -> int:
        code = hit.unit.code or ""
        if contains(near, code):
            return 4
        best = 0
        for other in context:
            if other == code:
                return 3
            if other[:4] == code[:4] and code[2:4] != "00":
                best = max(best, 2)
            elif other[:2] == code[:2]:
                best = max(best, 1)
        return best

    scored = sorted(((closeness(h), h) for h in reps),
                    key=lambda sh: (-sh[0], _LEVEL_RANK[sh[1].unit.level], sh[1].unit.code or ""))
    best_score, best = scored[0]
    province = next(((c, h) for c, h in scored if h.unit.level == "province"), None)
    if province is not None and province[1] is not best and best_score < 4 \
            and not (best_score >= 2 and province[0] == 0):
        return (province[1],)
    tied = tuple(h for c, h in scored[1:] if c == best_score and h.unit.level == best.unit.level
                 and h.unit.code != best.unit.code)
    return (best, *tied)


def scan(folded: str) -> list[tuple[int, int, str]]:
    """Every place-like substring of ``folded`` (Simplified text): ``[(start, end, kind)]``.

    ``kind`` is ``unit`` for a written form of a province-, prefecture- or county-level unit
    (``index()`` key) and ``local`` for a township or village name of the data (two or more
    characters before its 乡/镇/村… ending). Overlapping and nested matches are all returned;
    choosing among them is the caller's business. A new list each call (the search is cached:
    the organisation and place layers both scan each paragraph).
    """
    return list(_scan(folded))


@lru_cache(maxsize=512)
def _scan(folded: str) -> tuple[tuple[int, int, str], ...]:
    idx, towns, villages = _load()
    may_open, lengths_by_opening = _key_shape()
    out: list[tuple[int, int, str]] = []
    n = len(folded)
    for m in may_open.finditer(folded):  # most positions start no name at all
        i = m.start()
        lengths = lengths_by_opening.get(folded[i:i + 2])
        if lengths is None:
            continue
        for length in lengths:
            if i + length <= n and folded[i:i + length] in idx:
                out.append((i, i + length, "unit"))
    for m in _LOCAL_LAST_CHAR.finditer(folded):
        j = m.end()
        for ending in _LOCAL_ENDINGS:
            if not folded.endswith(ending, 0, j):
                continue
            for i in range(max(0, j - len(ending) - 6), j - len(ending) - 1):
                piece = folded[i:j]
                if piece in towns or piece in villages:
                    out.append((i, j, "local"))
    return tuple(out)


#: Township and village endings, longest first, and their last characters (for ``scan``).
_LOCAL_ENDINGS = sorted({*TOWNSHIP_ENDINGS, *VILLAGE_ENDINGS}, key=len, reverse=True)
_LOCAL_LAST_CHAR = re.compile("[" + "".join(sorted({e[-1] for e in _LOCAL_ENDINGS})) + "]")


@lru_cache(maxsize=1)
def _key_shape() -> tuple[re.Pattern, dict[str, tuple[int, ...]]]:
    """Where ``index()`` keys may start, for ``scan`` and ``key_lengths``: a pattern matching each
    character that opens a key and is followed by a character that is second in some key (the
    pattern takes one character, so that the next search starts right after it), and the keys'
    first two characters -> the lengths of the keys they open, longest first. Testing both
    characters in the pattern leaves about 40% of the positions testing the first alone would,
    on the corpus."""
    shape: dict[str, set[int]] = {}
    for key in index():
        shape.setdefault(key[:2], set()).add(len(key))
    firsts = "".join(sorted({opening[0] for opening in shape}))
    seconds = "".join(sorted({opening[1] for opening in shape}))
    may_open = re.compile("[" + re.escape(firsts) + "](?=[" + re.escape(seconds) + "])")
    return may_open, {opening: tuple(sorted(lengths, reverse=True)) for opening, lengths in shape.items()}


def key_lengths(opening: str) -> tuple[int, ...]:
    """Lengths of the ``index()`` keys that start with the two characters ``opening``, longest
    first; ``()`` when none does."""
    return _key_shape()[1].get(opening, ())


def local_level(name: str) -> str | None:
    """``township`` or ``village`` when ``name`` (with its 乡/镇/村… ending) is in the data, else None."""
    return folded_local_level(fold(name))


def folded_local_level(key: str) -> str | None:
    """``local_level`` for a name already in Simplified script (no conversion: for inner loops)."""
    _, towns, villages = _load()
    if key in towns and any(key.endswith(e) for e in TOWNSHIP_ENDINGS):
        return "township"
    if key in villages and any(key.endswith(e) for e in VILLAGE_ENDINGS):
        return "village"
    return None


# --- English ----------------------------------------------------------------------------------

class _UConverter(V2UMixin, DefaultConverter):
    """pypinyin's converter writing ü for its v (lüe, not lve), as pypinyin's documentation of
    ``V2UMixin`` builds it: what ``lazy_pinyin(..., v_to_u=True)`` does, without making a
    converter per call and another per character."""


#: pypinyin with that converter, made once (``lazy_pinyin`` builds both anew on every call).
_PINYIN = Pinyin(_UConverter())


@lru_cache(maxsize=4096)
def pinyin_word(text: str) -> str:
    """One capitalised pinyin word without tones: 会宁 -> Huining, 西安 -> Xi'an, 吕梁 -> Lüliang.

    Readings from ``exonyms.yaml`` override pypinyin's for characters read differently in place
    names (长治 -> Changzhi). An apostrophe goes before a syllable starting with a, o or e (the
    pinyin spelling rule), never before the first.
    """
    _, readings = _exonyms()
    syllables = _PINYIN.lazy_pinyin(text, style=Style.NORMAL)
    if len(syllables) == len(text):
        syllables = [readings.get(ch, syl) for ch, syl in zip(text, syllables)]
    out = ""
    for i, syl in enumerate(syllables):
        if i and syl[:1] in ("a", "o", "e"):
            out += "'"
        out += syl
    return out[:1].upper() + out[1:]


def _base_english(unit: Unit) -> tuple[str, bool]:
    """English short name and whether it is complete (a full-name exonym takes no level word)."""
    names, _ = _exonyms()
    if unit.name in names:
        return names[unit.name], True
    if unit.stem in names:
        return names[unit.stem], False
    return pinyin_word(unit.stem), False


def _shares_stem_with_province(unit: Unit) -> bool:
    return any(h.unit.level == "province" for h in index().get(unit.stem, []))


def _shares_stem_with_prefecture(unit: Unit) -> bool:
    return any(h.unit.level == "prefecture" for h in index().get(unit.stem, []))


def short_english(hit: Hit) -> str:
    """English short name without level word (for 昭觉 in 昭觉县委: Zhaojue + County Party Committee)."""
    return _base_english(hit.unit)[0]


@lru_cache(maxsize=4096)
def english(hit: Hit) -> str:
    """English name of a unit as written: stem English + level word (see the module docstring).

    A bare abbreviation takes the level word of the unit's full name for counties (阜平 -> Fuping
    County) and none for provinces and prefectures (和田 -> Hotan), unless the prefecture shares
    its short name with a province (海南 of Qinghai -> Hainan Prefecture, 吉林市 -> Jilin City); a
    city written with its former level word 地区 takes none (日喀则地区 -> Xigaze).
    """
    unit = hit.unit
    base, complete = _base_english(unit)
    if complete:
        return base
    full_level = _written_level(unit.name)
    if unit.level == "prefecture":
        # 日喀则地区 names the city Xigaze by its pre-2014 form: the unit is no prefecture now.
        if hit.written in ("州", "自治州") or (hit.written == "地区" and full_level != "市"):
            return f"{base} Prefecture"
        if hit.written == "盟" or (not hit.written and full_level == "盟"):
            return f"{base} League"
        if _shares_stem_with_province(unit):
            # Qinghai's 海南 and the city 吉林 must not read as the provinces.
            return f"{base} City" if full_level == "市" else f"{base} Prefecture"
        return base
    if unit.level == "county":
        level = hit.written or full_level
        if level in ("县", "自治县"):
            return f"{base} County"
        if level in ("区", "林区", "特区"):
            return f"{base} District"
        if level in ("旗", "自治旗"):
            return f"{base} Banner"
        if level == "市" and _shares_stem_with_prefecture(unit):
            return f"{base} City"
        return base
    return base


def local_english(name: str) -> str:
    """English of a township or village name: pinyin of the part before the ending + level word.

    四开乡 -> Sikai Township, 南古镇 -> Nangu Town, 华溪村 -> Huaxi Village. The ethnic groups of
    an ethnic township are left out as in county names (三宝彝族乡 -> Sanbao Township).
    """
    key = fold(name)
    for ending, word in {**TOWNSHIP_ENDINGS, **VILLAGE_ENDINGS}.items():
        if key.endswith(ending) and len(key) > len(ending):
            stem = key[: -len(ending)]
            bare = _ETHNIC_RUN.sub("", stem)
            return f"{pinyin_word(bare if len(bare) >= 2 else stem)} {word}"
    return pinyin_word(key)


def place_name(text: str, context: tuple[str, ...] | frozenset[str] = ()) -> Name | None:
    """``Name(zh=text, en=English, code=GB/T 2260 code)`` for a place as written, or None.

    ``text`` may be Traditional (會寧縣 -> Huining County, 620422); townships and villages found in
    the data get their English and ``code=None``; unknown names give None.
    """
    hit = resolve(text, context)
    if hit is not None:
        return Name(zh=text, en=english(hit), code=hit.unit.code)
    if local_level(text):
        return Name(zh=text, en=local_english(text), code=None)
    return None

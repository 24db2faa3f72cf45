"""Organisation layer: named institutions (government bodies, party committees, schools,
universities, companies, foundations, named offices and teams).

Two rules, both on the folded text (Simplified, half-width) so they cover Traditional input:

1. Glossary names (``names/glossary.yaml`` ``organizations``: 国务院, 教育部, 市教育两委…), a
   relative one (市教委, 省委) taking in the place written just before it (重庆 + 市教委).
2. A name ending (``SUFFIXES``: 大学, 中学, 教育局, 集团…) plus the words before it, walked back
   token by token (jieba, with place names kept whole) until a function word, a verb, a number
   or punctuation. Coordinated lists split at 、 与 和 (天津商业大学、天津科技大学); inside a
   department name 与/和 joins two fields (扶贫协作与语言文字处, 教育和体育局).

A candidate is dropped when nothing but generic words precede its ending (受援学校, 乡村学校,
二级学院) or a determiner (各 该 每…) comes before it. When a chain of places opens the name, only
the last stays in it (浙江衢州龙游县灵山小学 -> 灵山小学): the others locate the institution and
are left to the place layer. Names inside a 《》 title belong to the title.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_right
from operator import itemgetter
from functools import lru_cache

import jieba

from ..model import Article, Fact, Name, Paragraph
from ..names import gazetteer
from ..names.english import chinese_number, glossary, organization_english
from ..script import fold
from . import programs, segment
from .documents import title_spans
from .memo import ArticleCache, article_key

jieba.setLogLevel(logging.WARNING)

#: Name endings, Simplified. Sources: the usual make-up of Chinese institution names: schools
#: (place + proper name + 小学/中学/学校/大学/学院), local government departments (names after the
#: 2018 reform of Party and state institutions: 教育局, 教育体育局…), party committees (省委, 县委,
#: 宣传部) and companies (Company Law: 有限公司; 集团).
SCHOOL_SUFFIXES = ("大学", "学院", "中学", "小学", "中心小学", "中心学校", "中心校", "幼儿园", "学校",
                   "研究院", "研究所", "图书馆")
BODY_SUFFIXES = ("局", "厅", "处", "教委", "两委", "工委", "委员会", "省委", "市委", "县委", "州委", "区委",
                 "宣传部", "组织部", "统战部", "人民政府", "扶贫办", "领导小组")
COMPANY_SUFFIXES = ("集团", "有限公司", "公司", "基金会", "基金", "总会", "协会", "联合会", "银行", "医院")
SUFFIXES = SCHOOL_SUFFIXES + BODY_SUFFIXES + COMPANY_SUFFIXES
SUFFIX_RE = re.compile("|".join(sorted(SUFFIXES, key=len, reverse=True)))

#: Endings whose name may join two fields with 与/和 (教育和体育局, 管理科学与工程学院).
JOINING_SUFFIXES = {"局", "厅", "处", "委员会", "学院", "领导小组", "宣传部", "组织部"}

#: Level words written alone before a body (县教育局, 市委); jieba tags them zg.
LEVEL_CHARS = frozenset("省 市 县 区 州 乡 镇 盟 旗".split())

#: Party committees named by level word + 委, which take the level word from a place before them.
LEVEL_BODIES = frozenset("省委 市委 县委 州委 区委 盟委 旗委".split())

#: Teams and offices are named after their work (东西部扶贫协作和对口支援工作领导小组), so the
#: verbs of that work do not end their names.
GROUP_SUFFIXES = {"领导小组", "委员会"}
GROUP_WORDS = frozenset("扶贫 协作 对口 支援 帮扶 援助 结对 援疆 援藏 合作 工作".split())

#: Endings where places + generic words name a category, not an institution (怒江州寄宿制学校).
CATEGORY_SUFFIXES = {"中学", "小学", "学校", "幼儿园", "中心学校", "图书馆"}

#: Fields of government departments; 局 and 厅 need one right before them (教育局, 财政厅),
#: so that 格局, 大局, 餐厅, 多功能厅 are not bodies. Source: department names after the 2018
#: reform of local government (国务院机构改革方案 and its provincial counterparts).
FIELDS = ("教育", "体育", "教育体育", "教育和体育", "文体", "财政", "民政", "人社", "人力资源和社会保障",
          "人力资源社会保障", "扶贫", "扶贫开发", "乡村振兴", "农业农村", "农业", "林业", "林业和草原", "水利",
          "交通", "交通运输", "住建", "住房和城乡建设", "自然资源", "生态环境", "卫健", "卫生健康", "卫生",
          "医保", "医疗保障", "市场监管", "市场监督管理", "统计", "审计", "税务", "公安", "司法", "商务",
          "文旅", "文化和旅游", "文化旅游", "文化", "旅游", "应急管理", "退役军人事务", "科技", "工信",
          "工业和信息化", "发改", "发展和改革", "民族宗教", "民宗", "信访", "人事", "编办", "气象", "邮政")

#: Words that end a name walked back from its ending: function words and the verbs that introduce
#: institutions in the genre (依托X大学, 协调X学院, 来自X).
STOP_WORDS = frozenset(
    "与 和 及 跟 同 在 于 为 赴 从 到 向 对 把 被 由 将 让 使 给 等 的 之 了 是 有 也 都 还 并 或 各 该 其 这 那 "
    "我 我市 我省 我县 我区 我校 本 本市 全 全市 全省 全县 全国 所 据 经 以 如 即 及其 以及 共 共有 包括 其中 "
    "来自 依托 援建 协调 组织 联合 选派 成立 设立 组建 制定 印发 出台 位于 推动 携手 会同 实施 开展 参加 "
    "参与 举办 邀请 走进 进入 考入 就读 带领 指导 帮助 支持 推进 落实 贯彻 按照 通过 依靠 召开 签订 签约 "
    "机关 对应 对口 帮扶 支援 结对 援助 捐建 捐赠 资助 至 受 派 派出 新建 改扩建 建成 建设 覆盖 惠及 捐资 投入 "
    "县级 市级 省级 以上 以下 以内 每个 每所 多所".split())

#: Verbs that are part of institution names (应用技术大学, 扶贫协作处, 实验中学).
NAME_VERBS = frozenset("应用 实验 示范 管理 服务 发展 扶贫 协作 建设 培训 指导 改革 规划 保障 救助 "
                       "开发 创新 合作 交流 促进 评估 考试 招生 就业 援助 监督 移动 通信".split())

#: Words that describe a kind of institution rather than name one (受援学校, 乡村学校).
GENERIC = frozenset(
    "受援 受援地 受援地区 帮扶 结对 派出 当地 本地 附近 周边 所在 相关 有关 其他 其它 各级 各类 重点 贫困 "
    "乡镇 乡村 农村 城镇 城区 山区 牧区 中小 中职 高职 职业 普通 公办 民办 薄弱 小规模 寄宿制 寄宿 高中 "
    "初中 儿童 完全 九年一贯制 十二年一贯制 少数民族 民族 公益 内地 高等 试点 全日制 双语 优质 名 名校 省属 市属 "
    "区属 县属 校属 地方 本科 专科 二级 一级 三级 专项 助学 新 老 大 小 中 该 各 这些 那些 幼教点 教学点 村级 "
    "两地 定点 国家级 省级 市级 县级 示范性 标准化 合格 一流 高水平 高校 院校 中小学 中学 小学 学校 区 县 乡 "
    "镇".split())

#: Words before a name that make it a category (各学校, 每所小学, 该校).
DETERMINERS = frozenset("各 每 该 本 这 那 某 其他 其它 部分 所有 全部 多所 一批 一些 有关 相关 这些 那些".split())

#: POS tags (jieba/ICTCLAS) of tokens that can sit inside a name.
NAME_FLAGS = frozenset("n nr nr1 nr2 nrj nrf nrt ns nsf nt nz nl ng j b l s an vn eng i t".split())

#: A school written as number + 中 after a place or level word (市十四中, 开封五中, 县一中).
SCHOOL_ABBREV = re.compile(r"第?[一二三四五六七八九十]{1,3}中(?![心央国部间期文医华药专小]|学(?![习生子]))")

#: Direction words that open names (中德, 西南, 东城); other locatives (上, 内, 以上) end a name.
DIRECTIONS = frozenset("中 东 西 南 北".split())

HAN = re.compile(r"^[\u4e00-\u9fff]+$")
MAX_LEN = 24


# --- tokens -----------------------------------------------------------------------------------

@lru_cache(maxsize=512)
def strong_places(folded: str) -> tuple[tuple[int, int], ...]:
    """Spans of ``folded`` that are place names beyond doubt for tokenising: full or suffixed
    forms of units, province and prefecture abbreviations, township and village names; the longest
    wins. Used to keep 锁南镇 whole where jieba cuts 锁/南镇."""
    idx = gazetteer.index()
    chosen: list[tuple[int, int]] = []
    for start, end, kind in sorted(gazetteer.scan(folded), key=lambda m: (m[0] - m[1], m[0])):
        if any(start < e and s < end for s, e in chosen):
            continue
        key = folded[start:end]
        if kind == "unit":
            hits = idx[key]
            if not any(h.form in ("full", "suffixed") or h.unit.level in ("province", "prefecture")
                       for h in hits) and len(key) < 3:
                continue
        elif jieba.dt.FREQ.get(key):  # 小山村 is a word before it is a village
            continue
        # 昭觉县委: the level word belongs to 县委 (the county party committee), not to the place.
        if folded[end - 1:end + 1] in LEVEL_BODIES and folded[start:end - 1] in idx:
            end -= 1
        chosen.append((start, end))
    return tuple(sorted(chosen))


#: jieba cuts text in blocks of these characters (its ``re_han_default``) and never across them,
#: so text can be segmented block by block, only where a rule needs words.
BLOCK = re.compile(r"[\u4e00-\u9fd5a-zA-Z0-9+#&._%\-]+")


@lru_cache(maxsize=4096)
def block_bounds(block: str) -> frozenset[int]:
    """Offsets in ``block`` where a plain jieba word starts or ends."""
    return frozenset((0, *segment.word_ends(block)))


#: A token: ``(start, end, word, flag)``, offsets into the folded paragraph, flag a jieba POS tag.
Token = tuple[int, int, str, str]
_start = itemgetter(0)


class Tokens:
    """Words of the blocks of a folded paragraph that hold a name ending or a glossary name (the
    only words the rules walk): ``strong_places`` (flag ``ns``) and glossary organisation names
    (flag ``nt``) kept whole, and the stretches between them cut on their own by jieba's POS
    tagger (10名市教育两委: not 名市).

    The tokens tile those blocks in order. A stretch is tagged only when a rule asks for a token
    in it (``at``, ``before``): jieba's POS tagger is the slowest step of extraction, and most
    stretches lie far from any name ending. Tagging a stretch on its own gives the same tokens
    whenever it is asked for, so the result is that of tagging every stretch up front.

    Args:
        folded: the paragraph after ``script.fold``.
    """

    def __init__(self, folded: str):
        self.folded = folded
        places = strong_places(folded)
        #: Selected blocks as ``(start, end)`` and, for each, its segments ``(start, end, flag)``:
        #: an atom with its flag, or a stretch to tag with flag None.
        self.blocks: list[tuple[int, int]] = []
        self.segments: list[list[tuple[int, int, str | None]]] = []
        #: (start, end) of the glossary names kept whole.
        self.glossary_atoms: set[tuple[int, int]] = set()
        self._tagged: dict[int, list[Token]] = {}     # stretch start -> its tokens
        for block in BLOCK.finditer(folded):
            bs, be = block.span()
            text = block.group()
            if not (SUFFIX_RE.search(text) or _glossary_re().search(text)):
                continue
            names = [m for m in _glossary_re().finditer(text)]
            ends = block_bounds(text) if any(m.end() != len(text) for m in names) else frozenset()
            # A glossary name must end where a word ends: 教育部门 holds 教育部 but means "departments".
            spans = [(bs + m.start(), bs + m.end(), "nt") for m in names
                     if m.end() in ends or m.end() == len(text)]
            spans += [(s, e, "ns") for s, e in places if bs <= s and e <= be]
            atoms: list[tuple[int, int, str]] = []
            for s, e, flag in sorted(spans, key=lambda x: (x[0] - x[1], x[0])):
                if not any(s < ae and as_ < e for as_, ae, _ in atoms):
                    atoms.append((s, e, flag))
            segments: list[tuple[int, int, str | None]] = []
            pos = bs
            for start, end, flag in (*sorted(atoms), (be, be, "")):
                if pos < start:
                    segments.append((pos, start, None))
                if start < end:
                    segments.append((start, end, flag))
                    if flag == "nt":
                        self.glossary_atoms.add((start, end))
                pos = end
            self.blocks.append((bs, be))
            self.segments.append(segments)
        self._block_starts = [bs for bs, _ in self.blocks]

    def _block_index(self, pos: int) -> int | None:
        i = bisect_right(self._block_starts, pos) - 1
        return i if i >= 0 and pos < self.blocks[i][1] else None

    def _segment_tokens(self, start: int, end: int, flag: str | None) -> list:
        # Tokens of one segment; in a stretch, unknown runs stay whole with tag None until
        # ``at`` needs their words (segment.tag_lazy).
        if flag is not None:
            return [(start, end, self.folded[start:end], flag)]
        if start not in self._tagged:
            out, at = [], start
            for word, tag in segment.tag_lazy(self.folded[start:end]):
                out.append((at, at + len(word), word, tag))
                at += len(word)
            self._tagged[start] = out
        return self._tagged[start]

    def at(self, pos: int) -> Token | None:
        """The token holding character offset ``pos``; None outside the selected blocks."""
        i = self._block_index(pos)
        if i is None:
            return None
        # Segments tile the block and tokens tile a segment: the last one starting at or before
        # ``pos`` holds it.
        segments = self.segments[i]
        tokens = self._segment_tokens(*segments[bisect_right(segments, pos, key=_start) - 1])
        k = bisect_right(tokens, pos, key=_start) - 1
        if tokens[k][3] is None:      # an unknown run: tag it now, in place
            at, words = tokens[k][0], []
            for word, tag in segment.tag_run(tokens[k][2]):
                words.append((at, at + len(word), word, tag))
                at += len(word)
            tokens[k:k + 1] = words
            k = bisect_right(tokens, pos, key=_start) - 1
        return tokens[k]

    def before(self, token: Token) -> Token | None:
        """The token before ``token``: in its block, else the last of the previous selected block
        (across punctuation); None for the first token."""
        i = self._block_index(token[0])
        if token[0] > self.blocks[i][0]:
            return self.at(token[0] - 1)
        return self.at(self.blocks[i - 1][1] - 1) if i > 0 else None

    def all(self) -> list[Token]:
        """Every token, in order (tags everything; for tests and inspection)."""
        out: list[Token] = []
        for segments in self.segments:
            for seg in segments:
                pos = seg[0]
                while pos < seg[1]:
                    out.append(self.at(pos))
                    pos = out[-1][1]
        return out


@lru_cache(maxsize=512)
def tokens(folded: str) -> Tokens:
    """The ``Tokens`` of the folded paragraph ``folded`` (cached: both candidate rules read them)."""
    return Tokens(folded)


def _is_place(word: str) -> bool:
    # A township or village needs two characters before its ending (乡村 is not 乡 + 村).
    return word in gazetteer.index() or (len(word) >= 3 and gazetteer.folded_local_level(word) is not None)


def _name_token(word: str, flag: str) -> bool:
    """True when a token can be part of a name walked back from its ending."""
    if not HAN.match(word) or word in STOP_WORDS:
        return False
    if flag == "ns" or _is_place(word) or word in LEVEL_CHARS:
        return True
    if flag == "m":
        # 第一中学, 双十中学; not 4所 or 一批 (a count before the name).
        return word.startswith("第") or (not re.search(r"[\d所个名批家位]$", word) and len(word) >= 2)
    if flag == "f":
        return word in DIRECTIONS
    if flag == "a":
        return len(word) >= 2
    if flag.startswith("v") and flag != "vn":
        # jieba tags unknown name parts (建发) as verbs; dictionary verbs end the name.
        return word in NAME_VERBS or word not in jieba.dt.FREQ
    return flag in NAME_FLAGS or flag.startswith("n")


# --- candidates -------------------------------------------------------------------------------

#: A count written before a name's first word (10名市教育两委).
_COUNT_WORD = re.compile(r"[\d.]+|[一二三四五六七八九十百千万两几]+")


def _walk_back(toks: Tokens, last: Token, suffix: str, limit: int) -> Token:
    """First token of the name whose ending sits in token ``last``."""
    first = last
    tok = toks.before(last)
    while tok is not None and last[1] - tok[0] <= limit:
        word, flag = tok[2], tok[3]
        if tok[1] != first[0]:
            break  # punctuation or another block lies between
        prev = toks.before(tok)
        if prev is not None and _COUNT_WORD.fullmatch(prev[2]) and len(word) == 1:
            break  # 10名市教育两委: 名 counts the people, it is no part of the name
        if _name_token(word, flag) or (suffix in GROUP_SUFFIXES and word in GROUP_WORDS):
            first, tok = tok, prev
            continue
        if (word in ("与", "和") and suffix in JOINING_SUFFIXES and prev is not None
                and _name_token(prev[2], prev[3]) and not _is_place(prev[2])
                and not SUFFIX_RE.search(prev[2][-2:]) and first[2] not in gazetteer.index()):
            first, tok = prev, toks.before(prev)
            continue
        break
    return first


def _split_place_start(folded: str, start: int, a: int) -> int:
    """Move ``start`` left when jieba split a place name across it (和/政中学 -> 和政中学).

    Only at the start of a clause, where the cut-off character cannot be a conjunction.
    """
    idx = gazetteer.index()
    for s in range(max(0, start - 2), start):
        if s and HAN.match(folded[s - 1]):
            continue
        if any(folded[s:e] in idx for e in range(start + 1, min(a, s + 8) + 1)):
            return s
    return start


def _trim_places(folded: str, start: int, end: int) -> tuple[int, bool]:
    """Drop all but the last of a chain of places opening ``folded[start:end]``.

    Returns the new start and whether a place opens the (trimmed) name.
    """
    places = strong_places(folded)
    chain = []
    pos = start
    while True:
        nxt = next(((s, e) for s, e in places if s == pos and e <= end), None)
        if nxt is None:
            key = next((folded[pos:e] for e in range(min(end, pos + 12), pos + 1, -1)
                        if _is_place(folded[pos:e])), None)
            nxt = (pos, pos + len(key)) if key else None
        if nxt is None:
            break
        chain.append(nxt)
        pos = nxt[1]
    if not chain:
        return start, False
    return chain[-1][0], True


def _proper(core: str) -> bool:
    """True when ``core`` (the words between places and ending) holds a non-generic word.

    A level word opening it (市教育局: the city's) does not count; 市属 (city-run) stays generic.
    """
    words = [w for w in segment.cut(core) if w.strip()]
    if words and words[0] in ("市", "省", "州", "自治区"):
        words = words[1:]
    return any(w not in GENERIC and not re.fullmatch(r"[\d一二三四五六七八九十百千两几多]+[个所名级类批]?", w)
               for w in words)


def _named(core: str) -> bool:
    """True when ``core`` holds a proper-name word: a place, person or other proper noun by
    jieba's tags, a word jieba does not know (杨坊), an ordinal (第一) or a name word such as 实验."""
    for word, flag in segment.tag(core):
        if word in GENERIC or not HAN.match(word):
            continue
        if (flag in ("ns", "nr", "nrt", "nz", "nt", "nrfg") or word not in jieba.dt.FREQ
                or word.startswith("第") or word in NAME_VERBS or _is_place(word)):
            return True
    return False


def _extent(text: str, folded: str, toks: Tokens, last: Token, a: int, suffix: str) -> tuple[int, bool] | None:
    """Start of the name whose ending ``suffix`` starts at ``a`` inside token ``last``, and whether
    a place opens it; None when a determiner makes it a category (各学校)."""
    first = _walk_back(toks, last, suffix, MAX_LEN)
    before = toks.before(first)
    if before is not None and before[2] in DETERMINERS:
        return None
    start = _split_place_start(folded, first[0], a)
    b = a + len(suffix)
    # A quoted name that ends with the ending is a name as a whole (“焕蓝梦想基金”).
    start = next((qs for qs, qe in programs.spans(text) if qe == b and qs < start and b - qs <= MAX_LEN),
                 start)
    return _trim_places(folded, start, a)


def _accepted(core: str, suffix: str, placed: bool, whole: str) -> bool:
    """Whether ``whole`` (places + ``core`` + ``suffix``) names one institution.

    Rules: a bare 区/县/乡/镇/村 before the name is a plural (区教育局); 局 and 厅 need a field
    (教育局, not 格局) and a place or level word; 处 needs a four-character field; level-word party
    committees need a place (bare 省委 comes from the glossary); schools and libraries need a proper
    word unless a place names them (深圳中学), and a place plus generic words is a category
    (怒江州寄宿制学校).
    """
    level = not placed and re.match(r"^(自治区|省|市|州)", core) is not None
    if not placed and re.match(r"^(区|县|乡|镇|村|县市|市县|区县)", core):
        return False
    if suffix in ("局", "厅") and not (whole.endswith(tuple(f + suffix for f in FIELDS)) and (placed or level)):
        return False
    if suffix == "处" and len(core) < 4:
        return False
    if suffix in LEVEL_BODIES and not placed:
        return False
    if suffix in CATEGORY_SUFFIXES and not (placed or level) and not _named(core):
        return False
    if _proper(core):
        return True
    return (placed or level) and not (suffix in CATEGORY_SUFFIXES and core)


def _suffix_candidates(text: str, folded: str) -> list[tuple[int, int]]:
    """Names found from their endings (rule 2 of the module docstring)."""
    toks = tokens(folded)
    out = []
    for m in SUFFIX_RE.finditer(folded):
        a, b = m.span()
        suffix = m.group()
        end_token = toks.at(b - 1)
        if end_token is None or end_token[1] != b:  # 大学生, 部门, 处理: the ending is inside a longer word
            continue
        token = toks.at(a)
        if suffix == "处" and token[2] != "处":
            continue  # 好处, 处室
        # A token holding more than the ending (体育局, 中小学): its head belongs to the name.
        head = folded[token[0]:a]
        if head and not _name_token(head, "n") and head not in GENERIC:
            continue
        extent = _extent(text, folded, toks, token, a, suffix)
        if extent is None:
            continue
        start, placed = extent
        core = folded[start:a]
        if placed:
            core = folded[next(e for e in range(a, start, -1) if _is_place(folded[start:e])):a]
        if _accepted(core, suffix, placed, folded[start:b]):
            out.append((start, b))
    return out


def _abbrev_candidates(folded: str) -> list[tuple[int, int]]:
    """市十四中, 开封五中: number + 中 right after a level word or a place."""
    out = []
    for m in SCHOOL_ABBREV.finditer(folded):
        digits = m.group().lstrip("第")[:-1]
        if chinese_number(digits) is None:
            continue
        a = m.start()
        if a and folded[a - 1] in "市县区":
            start = a - 1
        else:
            start = next((s for s in range(max(0, a - 8), a) if _is_place(folded[s:a])), None)
            if start is None:
                continue
        place_start = next((s for s in range(max(0, start - 8), start) if _is_place(folded[s:start])), None)
        out.append((place_start if place_start is not None else start, m.end()))
    return out


@lru_cache(maxsize=1)
def _glossary_re() -> re.Pattern:
    keys = sorted(glossary().get("organizations", {}), key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in keys))


def _glossary_candidates(folded: str) -> list[tuple[int, int]]:
    """Glossary names (rule 1 of the module docstring); only those ``tokens`` kept whole."""
    atoms = tokens(folded).glossary_atoms
    out = []
    for m in _glossary_re().finditer(folded):
        a, b = m.span()
        if (a, b) not in atoms:
            continue  # 教育部门: 部门 is a word; or inside a longer name
        if a and m.group()[0] in LEVEL_CHARS:
            # 天津 + 市教育两委: a place right before a relative name belongs to it.
            a = next((s for s in range(max(0, a - 10), a) if _is_place(folded[s:a])), a)
        out.append((a, b))
    return out


@lru_cache(maxsize=512)
def spans(text: str) -> tuple[tuple[int, int], ...]:
    """Organisation spans ``(start, end)`` in ``text`` (any script), source offsets, sorted.

    Nested candidates give way to the one containing them (天津医科大学 inside
    天津医科大学临床医学院); names inside 《》 titles are left out.
    """
    folded = fold(text)
    titles = title_spans(text)
    cands = _glossary_candidates(folded) + _suffix_candidates(text, folded) + _abbrev_candidates(folded)
    cands = [(s, e) for s, e in cands if not any(ts <= s and e <= te for ts, te in titles)]
    chosen: list[tuple[int, int]] = []
    for s, e in sorted(set(cands), key=lambda c: (c[0] - c[1], c[0])):
        if not any(s < ce and cs < e for cs, ce in chosen):
            chosen.append((s, e))
    return tuple(sorted(chosen))


def _same(earlier: str, later: str) -> bool:
    """True when two folded names denote one institution: equal, or one is the other with a
    place before it (深圳市教育局 / 市教育局), or a school written with and without 学 (市十四中 /
    市十四中学)."""
    if earlier == later:
        return True
    long, short = (earlier, later) if len(earlier) > len(later) else (later, earlier)
    head = long[: len(long) - len(short)]
    if not long.endswith(short):
        return short.endswith("中") and long == short + "学"
    # 深圳 + 市教育局, 和 + 政中学: the short form lacks the head of a place name.
    if _is_place(head + short[:1]):
        return True
    # 民乐 + 杨坊寄宿制小学: a place before a distinctive name (not 第一中学, not 教育局).
    ending = next((e for e in sorted(SUFFIXES, key=len, reverse=True) if short.endswith(e)), "")
    return (_is_place(head) and len(short) >= 4 and not short.startswith("第")
            and _named(short[: len(short) - len(ending)]))


_BY_ARTICLE: ArticleCache = ArticleCache()  # {article key: {paragraph id: [(start, end, Name)]}}


def article_organizations(article: Article) -> dict[str, list[tuple[int, int, Name]]]:
    """Organisations of every paragraph: ``{paragraph id: [(start, end, Name)]}``.

    One institution has one ``Name`` in the article (CONTRACT.md), the name as first written:
    a later 市教育局 after 深圳市教育局 carries ``Name(zh=深圳市教育局, …)``.
    """
    key = article_key(article)
    if key not in _BY_ARTICLE:
        names: list[tuple[str, Name]] = []
        per: dict[str, list[tuple[int, int, Name]]] = {}
        for para in article.paragraphs():
            found = []
            for s, e in spans(para.zh):
                written = para.zh[s:e]
                folded = fold(written)
                name = next((n for f, n in names if _same(f, folded)), None)
                if name is None:
                    name = Name(zh=written, en=organization_english(written))
                    names.append((folded, name))
                found.append((s, e, Name(zh=name.zh, en=name.en)))
            per[para.id] = found
        _BY_ARTICLE[key] = per
    return _BY_ARTICLE[key]


def find(paragraph: Paragraph, article: Article) -> list[Fact]:
    """Organisation facts of one paragraph, in source order.

    Args:
        paragraph: the paragraph (any script); offsets index ``paragraph.zh``.
        article: the article, for one name per institution (``article_organizations``); a
            paragraph that is not part of it is searched on its own.
    Returns:
        ``Fact(type="organization", text=as written, name=Name(zh=as first written, en=English or
        None))`` per mention; English from ``names.english.organization_english``.
    """
    text = paragraph.zh
    known = article_organizations(article)
    if paragraph.id in known and any(p.id == paragraph.id and p.zh == text for p in article.paragraphs()):
        found = known[paragraph.id]
    else:
        found = [(s, e, Name(zh=text[s:e], en=organization_english(text[s:e]))) for s, e in spans(text)]
    return [Fact(type="organization", text=text[s:e], paragraph=paragraph.id, start=s, end=e, name=name)
            for s, e, name in found]

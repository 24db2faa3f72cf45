"""Organisation layer: named institutions (government bodies, party committees, mass
organisations, schools, universities, companies, foundations, news media, named offices and teams).

Rules, all on the folded text (Simplified, half-width) so they cover Traditional input:

1. Glossary names (``names/glossary.yaml`` ``organizations``: 国务院, 教育部, 新华社, 市教育两委…),
   a relative one (市教委, 省委) taking in the place written just before it (重庆 + 市教委).
2. A name ending (``SUFFIXES``: 大学, 中学, 教育局, 妇联, 政府, 集团, 日报…) plus the words
   before it, walked back token by token (jieba, with place names kept whole) until a function
   word, a verb, an adjective, a number or punctuation. Coordinated lists split at 、 与 和
   (天津商业大学、天津科技大学); inside a department name 与/和 joins two fields
   (扶贫协作与语言文字处, 教育和体育局).
3. Communist Youth League committees (团县委, 共青团甘肃省委) and school numbers (市十四中).

A candidate is dropped when nothing but generic words precede its ending (受援学校, 乡村学校,
二级学院) or a determiner (各 该 每所 几所…) comes before it. A bare county or district word
opening it (县妇联, 区教委) refers to the county the article is about, so such names count only in
an article about one county or district (``article_levels``). Up to two places open a school's
name (宁波市镇海中学, 拉萨北京实验中学); a longer chain is an address and only its last place
stays (浙江衢州龙游县灵山小学 -> 灵山小学). Places before the last one locate the institution and
are also left to the place layer (``spans``). Names inside a 《》 title belong to the title.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_right
from functools import lru_cache

import jieba

from ..model import Article, Fact, Name, Paragraph
from ..names import gazetteer
from ..names.english import chinese_number, glossary, organization_english
from ..script import fold
from . import programs, segment
from .documents import title_spans
from .memo import ArticleCache, article_key, paragraph_texts

jieba.setLogLevel(logging.WARNING)

#: Name endings, Simplified. Sources: the usual make-up of Chinese institution names: schools
#: (place + proper name + 小学/中学/学校/大学/学院, a campus as 分校), local government departments
#: (names after the 2018 reform of Party and state institutions: 教育局, 教育体育局…, and their
#: usual short forms: 教体局, 发改委, 扶贫办; the command posts of paired assistance: 援疆指挥部),
#: mass organisations (残联, 妇联, 科协, 关工委),
#: party committees (省委, 县委, 宣传部), companies (Company Law: 有限公司; 集团) and news media
#: (日报, 电视台, 新闻网).
SCHOOL_SUFFIXES = ("大学", "学院", "中学", "小学", "中心小学", "中心学校", "中心校", "希望小学", "幼儿园",
                   "学校", "分校", "研究院", "研究所", "图书馆")
BODY_SUFFIXES = ("局", "厅", "处", "教委", "两委", "工委", "委员会", "省委", "市委", "县委", "州委", "区委",
                 "宣传部", "组织部", "统战部", "人民政府", "政府", "扶贫办", "政府办", "办公室", "办公厅", "领导小组",
                 "发改委", "残联", "妇联", "科协", "指挥部")
COMPANY_SUFFIXES = ("集团", "有限公司", "公司", "基金会", "基金", "总会", "协会", "联合会", "红十字会", "银行",
                    "医院")
MEDIA_SUFFIXES = ("日报", "晚报", "晨报", "早报", "都市报", "商报", "青年报", "教育报", "电视台", "广播电视台",
                  "广播电台", "新闻网", "报社", "通讯社")
SUFFIXES = SCHOOL_SUFFIXES + BODY_SUFFIXES + COMPANY_SUFFIXES + MEDIA_SUFFIXES
#: The endings, longest first: the order in which an ending is tried at a position.
LONGEST_FIRST = tuple(sorted(SUFFIXES, key=len, reverse=True))
SUFFIX_RE = re.compile("|".join(LONGEST_FIRST))
#: Every ending at every position (overlapping). The class of first characters lets the regex
#: engine pass over most positions without trying each alternative there; it matches the same.
SUFFIX_AT = re.compile("(?=[%s])(?=(%s))" % ("".join(sorted({s[0] for s in SUFFIXES})), SUFFIX_RE.pattern))

#: Governments and their offices are named by their place alone: a place or level word right
#: before the ending and nothing else (会宁县政府, 州人民政府; not 上级政府, 地方政府).
GOVERNMENT_SUFFIXES = {"政府", "人民政府", "政府办"}

#: 办公室 and 办公厅 name an office only as the office of a party, government or leading body
#: (县委办公室, 省政府办公厅, 教育部办公厅, 领导小组办公室), not 校长办公室.
OFFICES = ("办公室", "办公厅")
OFFICE_OF = ("委", "政府", "领导小组", "委员会", "部", "厅", "局")

#: Endings whose name may join two fields with 与/和 (教育和体育局, 管理科学与工程学院).
JOINING_SUFFIXES = {"局", "厅", "处", "委员会", "学院", "领导小组", "宣传部", "组织部"}

#: Level words written alone before a body (县教育局, 市委); jieba tags them zg.
LEVEL_CHARS = frozenset("省 市 县 区 州 乡 镇 盟 旗".split())

#: Party committees named by level word + 委, which take the level word from a place before them.
LEVEL_BODIES = frozenset("省委 市委 县委 州委 区委 盟委 旗委".split())

#: Teams, offices and command posts are named after their work (东西部扶贫协作和对口支援工作领导小组,
#: 援藏指挥部), so the verbs of that work do not end their names.
GROUP_SUFFIXES = {"领导小组", "委员会", "指挥部"}
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
          "工业和信息化", "发改", "发展和改革", "民族宗教", "民宗", "信访", "人事", "编办", "气象", "邮政",
          "教体", "教科")
#: Field + ending for the endings that need a field (``_accepted``): 教育局, 财政厅…
FIELD_ENDINGS = {suffix: tuple(f + suffix for f in FIELDS) for suffix in ("局", "厅")}

#: Words that end a name walked back from its ending: function words and the verbs that introduce
#: institutions in the genre (依托X大学, 协调X学院, 来自X).
STOP_WORDS = frozenset(
    "与 和 及 跟 同 在 于 为 赴 从 到 向 对 把 被 由 将 让 使 给 等 的 之 了 是 有 也 都 还 并 或 各 该 其 这 那 "
    "我 我市 我省 我县 我区 我校 本 本市 全 全市 全省 全县 全国 所 据 经 以 如 即 及其 以及 共 共有 包括 其中 "
    "来自 依托 援建 协调 组织 联合 选派 成立 设立 组建 制定 印发 出台 位于 推动 携手 会同 实施 开展 参加 "
    "参与 举办 邀请 走进 进入 考入 就读 带领 指导 帮助 支持 推进 落实 贯彻 按照 通过 依靠 召开 签订 签约 "
    "机关 对应 对口 帮扶 支援 结对 援助 捐建 捐赠 资助 至 受 派 派出 新建 改扩建 建成 建设 覆盖 惠及 捐资 投入 "
    "县级 市级 省级 以上 以下 以内 每个 每所 多所 "
    # Adjectives that describe people or schools do not open names (困难大学新生, 优秀中学).
    "困难 贫困 特困 贫寒 优秀 先进 落后 偏远".split())

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
    "镇 家长".split())

#: A bare school word opening a unit's name means "the school's" (学校后勤服务集团). Two
#: characters each (``_extent`` reads them so).
POSSESSIVE_SCHOOL = frozenset("学校 学院 大学 全校".split())

#: Words before a name that make it a category (各学校, 每所浙江学校, 几所高校), alone or with a
#: measure word (每所, 这家, 各级).
DETERMINERS = frozenset("各 每 该 本 这 那 某 多 几 些 其他 其它 部分 所有 全部 全体 一批 一些 有关 相关 这些 "
                        "那些 对应 相应".split())
DETERMINER = re.compile("(?:%s)[所个家名批类级些]?" % "|".join(sorted(DETERMINERS, key=len, reverse=True)))

#: Measure words written between a determiner and a name (每/所/浙江学校 as jieba cuts it).
MEASURE_WORDS = frozenset("所 个 家 名 批 类 级 些".split())

#: A count of institutions before a name makes it a kind (一所浙江学校, 两家深圳公司); 5名深圳中学
#: 教师 counts people, not schools.
COUNTED = re.compile(r"(?:[\d.]+|[一二三四五六七八九十百千两几多]+)[所家]")

#: POS tags (jieba/ICTCLAS) of tokens that can sit inside a name.
NAME_FLAGS = frozenset("n nr nr1 nr2 nrj nrf nrt ns nsf nt nz nl ng j b l s an vn eng i t".split())

#: A school written as number + 中 after a place or level word (市十四中, 开封五中, 县一中).
SCHOOL_ABBREV = re.compile(r"第?[一二三四五六七八九十]{1,3}中(?![心央国部间期文医华药专小]|学(?![习生子]))")

#: Direction words that open names (中德, 西南, 东城, 东西部扶贫协作…领导小组); other locatives
#: (上, 内, 以上) end a name.
DIRECTION_WORD = re.compile(r"[中东西南北]+部?")

#: Places a name may hold before its own words (宁波市 + 镇海 + 中学, 拉萨 + 北京 + 实验中学).
NAME_PLACES = 2

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
            if len(key) < 3 and not any(h.form in ("full", "suffixed") or h.unit.level in ("province", "prefecture")
                                        for h in idx[key]):
                continue
        elif jieba.dt.FREQ.get(key):  # 小山村 is a word before it is a village
            continue
        # 市和县, 省与县: a conjunction before a level word, not the two-character county 和县.
        if (end - start == 2 and key[0] in "和与及同" and start and HAN.match(folded[start - 1])):
            continue
        # 昭觉县委: the level word belongs to 县委 (the county party committee), not to the place;
        # 和县委 (and the county committee) holds no place at all, though 和县 is one.
        if folded[end - 1:end + 1] in LEVEL_BODIES:
            if folded[start:end - 1] not in idx:
                continue
            end -= 1
        chosen.append((start, end))
    return tuple(sorted(chosen))


#: jieba cuts text in blocks of these characters (its ``re_han_default``) and never across them,
#: so text can be segmented block by block, only where a rule needs words.
BLOCK = re.compile(r"[\u4e00-\u9fd5a-zA-Z0-9+#&._%\-]+")


#: A token: ``(start, end, word, flag)``, offsets into the folded paragraph, flag a jieba POS tag.
Token = tuple[int, int, str, str]


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
        #: Selected blocks as ``(start, end)`` and, for each, its segments ``(start, end, flag)``:
        #: an atom with its flag, or a stretch to tag with flag None.
        self.blocks: list[tuple[int, int]] = []
        self.segments: list[list[tuple[int, int, str | None]]] = []
        #: (start, end) of the glossary names kept whole.
        self.glossary_atoms: set[tuple[int, int]] = set()
        #: Every name ending (``SUFFIX_AT``) as ``(start, end, ending)``, in order.
        self.endings = [(m.start(), m.end(1), m.group(1)) for m in SUFFIX_AT.finditer(folded)]
        # Per offset: the segment holding it (None outside the selected blocks), and the token
        # holding it once that segment is cut; the walks ask for tokens many times each.
        self._segment_at: list[tuple[int, int, str | None] | None] = [None] * len(folded)
        self._token_at: list[Token | None] = [None] * len(folded)
        self._block_starts: list[int] = []
        glossary_names = [m.span() for m in _glossary_re().finditer(folded)]
        if not (glossary_names or self.endings):
            return      # no block to select
        # Glossary names and name endings are runs of block characters, so each match of one
        # search over the paragraph lies in one block, and the matches in a block are those of
        # a search of the block alone.
        spans = [m.span() for m in BLOCK.finditer(folded)]
        starts = [bs for bs, _ in spans]
        names: dict[int, list[tuple[int, int]]] = {}    # block index -> its glossary names
        for s, e in glossary_names:
            names.setdefault(bisect_right(starts, s) - 1, []).append((s, e))
        selected = set(names).union(bisect_right(starts, a) - 1 for a, _, _ in self.endings)
        places = strong_places(folded) if selected else ()
        for i in sorted(selected):
            bs, be = spans[i]
            # A glossary name must end where a word ends: 教育部门 holds 教育部 but means "departments".
            found = [(s, e, "nt") for s, e in names.get(i, ())
                     if e == be or segment.ends_word(folded[bs:be], e - bs)]
            found += [(s, e, "ns") for s, e in places if bs <= s and e <= be]
            atoms: list[tuple[int, int, str]] = []
            for s, e, flag in sorted(found, key=lambda x: (x[0] - x[1], x[0])):
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
            for seg in segments:
                self._segment_at[seg[0]:seg[1]] = [seg] * (seg[1] - seg[0])
            self.blocks.append((bs, be))
            self.segments.append(segments)
        self._block_starts = [bs for bs, _ in self.blocks]

    def _place(self, start: int, words: list[tuple[str, str | None]]) -> None:
        # Record ``words`` (word, flag), written from offset ``start`` on, as the tokens there.
        token_at = self._token_at
        for word, flag in words:
            end = start + len(word)
            token = (start, end, word, flag)
            for pos in range(start, end):
                token_at[pos] = token
            start = end

    def at(self, pos: int) -> Token | None:
        """The token holding character offset ``pos``; None outside the selected blocks."""
        token = self._token_at[pos]
        if token is None:
            seg = self._segment_at[pos]
            if seg is None:
                return None
            start, end, flag = seg
            # An atom is one token; a stretch is tagged on its own, its unknown runs left whole
            # with flag None until a token in them is asked for (segment.tag_lazy).
            self._place(start, [(self.folded[start:end], flag)] if flag is not None
                        else segment.tag_lazy(self.folded[start:end]))
            token = self._token_at[pos]
        if token[3] is None:      # an unknown run: tag it now, in place
            self._place(token[0], segment.tag_run(token[2]))
            token = self._token_at[pos]
        return token

    def before(self, token: Token, across: bool = False) -> Token | None:
        """The token before ``token`` in its block; None for the first token of a block.

        Args:
            token: a token of these tokens.
            across: for the first token of a block, give the last token of the previous selected
                block (across punctuation; None for the first block) instead. Only rules that
                read a word across punctuation ask for it: it may cost tagging another stretch.
        """
        start = token[0]
        # Blocks are maximal runs of block characters: the offset before a token lies in a
        # selected block only when it lies in the token's own.
        if start and self._segment_at[start - 1] is not None:
            return self.at(start - 1)
        if not across:
            return None
        i = bisect_right(self._block_starts, start) - 1
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


#: Endings of township and village names: only a word with one can be one (``_is_place``).
_LOCAL_ENDINGS = tuple({*gazetteer.TOWNSHIP_ENDINGS, *gazetteer.VILLAGE_ENDINGS})


def _is_place(word: str) -> bool:
    # A township or village needs two characters before its ending (乡村 is not 乡 + 村).
    return word in gazetteer.index() or (len(word) >= 3 and word.endswith(_LOCAL_ENDINGS)
                                         and gazetteer.folded_local_level(word) is not None)


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
        return DIRECTION_WORD.fullmatch(word) is not None
    if flag == "a":
        return len(word) >= 2
    if flag.startswith("v") and flag != "vn":
        # jieba tags unknown name parts (建发) as verbs; dictionary verbs end the name.
        return word in NAME_VERBS or word not in jieba.dt.FREQ
    return flag in NAME_FLAGS or flag.startswith("n")


# --- candidates -------------------------------------------------------------------------------

#: A conjunction and a level word that jieba takes for a county (和县, 与县).
_CONJOINED_LEVEL = re.compile(r"[和与及同][省市县区州]")

#: A count written before a name's first word (10名市教育两委).
_COUNT_WORD = re.compile(r"[\d.]+|[一二三四五六七八九十百千万两几]+")


def _walk_back(toks: Tokens, last: Token, suffix: str, limit: int) -> Token:
    """First token of the name whose ending sits in token ``last``."""
    first = last
    tok = toks.before(last)    # None at the start of a block: punctuation ends a name
    while tok is not None and last[1] - tok[0] <= limit:
        word, flag = tok[2], tok[3]
        # The token before, across punctuation, is read only after a one-character word (a
        # count before it, or 与/和 before a field); elsewhere the walk needs just the next token
        # in the block, so that no stretch is tagged for nothing.
        prev = toks.before(tok, across=True) if len(word) == 1 else None
        if prev is not None and _COUNT_WORD.fullmatch(prev[2]):
            break  # 10名市教育两委: 名 counts the people, it is no part of the name
        if _CONJOINED_LEVEL.fullmatch(word) and tok[0] and HAN.match(toks.folded[tok[0] - 1]):
            # 扶贫办和县关工委: jieba's 和县 is 和 + the level word of the next name.
            return tok[0] + 1, tok[1], word[1], "zg"
        if suffix in GROUP_SUFFIXES and (tok[0], tok[1]) in toks.glossary_atoms:
            break  # 市教育两委 + 东西部…领导小组: the body that set up a team is named on its own
        if _name_token(word, flag) or (suffix in GROUP_SUFFIXES and word in GROUP_WORDS):
            first, tok = tok, toks.before(tok)
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


def _trim_places(folded: str, start: int, end: int) -> tuple[int, int, bool]:
    """Where the name ``folded[start:end]`` opening with a chain of places starts.

    Up to ``NAME_PLACES`` places belong to the name (宁波市镇海中学, 拉萨北京实验中学); a longer
    chain is an address before it (浙江衢州龙游县灵山小学) and only its last place stays, or its
    last two when the last names the donor of an aided school (新疆 + 和田地区天津高级中学:
    ``_donor``). (Bodies keep only their last place: ``_suffix_candidates``.)

    Returns ``(start of the name, start of its own part, whether a place opens the name)``: the
    own part starts at the last place of the chain (镇海中学, 北京实验中学, 灵山小学); the places
    before it locate the institution and stay with the place layer as well.
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
        return start, start, False
    own = chain[-1][0]
    if len(chain) <= NAME_PLACES:
        return chain[0][0], own, True
    (ls, le), (ps, pe) = chain[-2:]
    return (ls if _donor(folded[ls:le], folded[ps:pe]) else own), own, True


def _donor(locating: str, place: str) -> bool:
    """True when ``place`` after ``locating`` in a school's name is the province or city that
    aids it rather than a part of ``locating``: a province or prefecture outside it (和田地区 +
    天津, 拉萨 + 北京). Source: schools built under paired assistance (对口支援) carry the donor's
    name (拉萨北京实验中学, 日喀则市上海实验学校)."""
    hit, where = gazetteer.resolve(place), gazetteer.resolve(locating)
    if hit is None or where is None or hit.unit.level not in ("province", "prefecture"):
        return False
    prefix = {"province": 2, "prefecture": 4}.get(where.unit.level, 6)
    return not (hit.unit.code or "").startswith((where.unit.code or "")[:prefix])


@lru_cache(maxsize=4096)
def _proper(core: str) -> bool:
    """True when ``core`` (the words between places and ending) holds a non-generic word.

    A level word opening it (市教育局: the city's) does not count; 市属 (city-run) stays generic.
    Cached: a name recurs in an article.
    """
    words = [w for w in segment.cut(core) if w.strip()]
    if words and words[0] in ("市", "省", "州", "自治区"):
        words = words[1:]
    return any(w not in GENERIC and not re.fullmatch(r"[\d一二三四五六七八九十百千两几多]+[个所名级类批]?", w)
               for w in words)


@lru_cache(maxsize=4096)
def _named(core: str) -> bool:
    """True when ``core`` holds a proper-name word: a place, person or other proper noun by
    jieba's tags, a word jieba does not know (杨坊), an ordinal (第一) or a name word such as 实验.
    Cached: a name recurs in an article."""
    for word, flag in segment.tag(core):
        if word in GENERIC or not HAN.match(word):
            continue
        if (flag in ("ns", "nr", "nrt", "nz", "nt", "nrfg") or word not in jieba.dt.FREQ
                or word.startswith("第") or word in NAME_VERBS or _is_place(word)):
            return True
    return False


def _determined(toks: Tokens, first: Token) -> bool:
    """True when a determiner or a count of institutions, alone or before a measure word, comes
    right before token ``first`` (各学校, 每所浙江学校, 一所浙江学校): the name is then a kind."""
    before = toks.before(first)
    if before is None or before[1] != first[0]:
        return False
    if DETERMINER.fullmatch(before[2]) or COUNTED.fullmatch(before[2]):
        return True
    if before[2] not in MEASURE_WORDS:
        return False
    prev = toks.before(before)
    return (prev is not None and prev[1] == before[0]
            and (prev[2] in DETERMINERS or COUNTED.fullmatch(prev[2] + before[2]) is not None))


def _extent(text: str, folded: str, toks: Tokens, last: Token, a: int, suffix: str) -> tuple[int, int, bool] | None:
    """Where the name whose ending ``suffix`` starts at ``a`` inside token ``last`` starts:
    ``_trim_places``' ``(start, own start, whether a place opens it)``; None when a determiner
    makes it a category (各学校)."""
    first = _walk_back(toks, last, suffix, MAX_LEN)
    if _determined(toks, first):
        return None
    start = first[0]
    # 学校 + 后勤服务集团 (jieba: 学校后勤/服务/集团): the school's unit, named without it.
    opening = first[2][:2]
    school = opening if opening in POSSESSIVE_SCHOOL and opening in (first[2], "学校") else None
    if school and start + len(school) < a:
        start += len(school)
    else:
        start = _split_place_start(folded, start, a)
    b = a + len(suffix)
    # A quoted name that ends with the ending is a name as a whole (“焕蓝梦想基金”).
    start = next((qs for qs, qe in programs.spans(text) if qe == b and qs < start and b - qs <= MAX_LEN),
                 start)
    return _trim_places(folded, start, a)


#: A level word opening a name without a place: the province, city or prefecture the article is
#: about (市教育局); a bare county or district (县妇联, 区教委) names one only in an article that
#: names a county or district; townships, villages and pairs of levels (乡政府, 县市教育局) are
#: plurals.
_LEVEL_OPENING = re.compile(r"^(?:自治区|省|市|州)")
_BARE_OPENING = re.compile(r"^(?:县市|市县|区县|县区|乡|镇|村|县|区)")
_PLURAL_OPENINGS = frozenset("县市 市县 区县 县区 乡 镇 村".split())
#: A department of the county's own party committee or government (县委宣传部, 县政府办公室),
#: which is one body wherever it is written, as 县委 is.
_OWN_BODY = re.compile(r"^[县区](?:委|政府)")


def _accepted(core: str, suffix: str, placed: bool, whole: str) -> str | None:
    """Whether ``whole`` (places + ``core`` + ``suffix``) names one institution.

    Rules: a bare 区/县 before the name needs the article's county or district (县妇联), other
    bare level words are plurals (乡政府); governments need a place or level word and nothing else
    (``GOVERNMENT_SUFFIXES``); offices must belong to a body (``OFFICE_OF``); 分校 must follow a
    school's name; 局 and 厅 need a field (教育局, not 格局) and a place or level word; 处 needs a
    four-character field; level-word party committees need a place (bare 省委 comes from the
    glossary); schools, libraries and media need a proper word unless a place names them (深圳中学,
    兰州日报), and a place plus generic words is a category (怒江州寄宿制学校), as is a place plus
    学校 alone (济南学校: the schools of Jinan).

    Returns:
        None when it names no institution; else the bare level word (县 or 区) the article must
        resolve, or '' when it needs none.
    """
    needs = ""
    opening = None if placed else (_BARE_OPENING.match(core) or _LEVEL_OPENING.match(core))
    if opening and opening.group() in _PLURAL_OPENINGS:
        return None
    if opening and opening.group() in ("县", "区") and not _OWN_BODY.match(core):
        needs = opening.group()
    level = opening is not None
    if suffix in GOVERNMENT_SUFFIXES:
        return needs if (placed or level) and not core[opening.end() if opening else 0:] else None
    if suffix in OFFICES and not core.endswith(OFFICE_OF):
        return None
    if suffix == "分校" and not re.search("大学|学院|中学|小学|学校", core):
        return None
    if suffix in FIELD_ENDINGS and not (whole.endswith(FIELD_ENDINGS[suffix]) and (placed or level)):
        return None
    if suffix == "处" and len(core) < 4:
        return None
    if suffix in LEVEL_BODIES and not placed:
        return None
    if suffix == "学校" and not core:
        return None     # 32所济南学校与湘西学校结对: a place's schools; a school's name has words of its own
    if (suffix in CATEGORY_SUFFIXES or suffix in MEDIA_SUFFIXES) and not (placed or level) and not _named(core):
        return None
    # _proper segments the core: asked last.
    if ((placed or level) and not (suffix in CATEGORY_SUFFIXES and core)) or _proper(core):
        return needs
    return None


#: A candidate name: ``(start, own start, end, level word the article must resolve or '')``,
#: offsets into the folded paragraph (``_trim_places`` for the own start).
Candidate = tuple[int, int, int, str]


def _suffix_candidates(text: str, folded: str) -> list[Candidate]:
    """Names found from their endings (rule 2 of the module docstring)."""
    toks = tokens(folded)
    out = []
    taken = 0    # end of the last ending that made a name: endings inside it are not tried
    # Endings may overlap (政府办 / 办公室 in 县政府办公室): each position is tried, longest first.
    for a, b, suffix in toks.endings:
        if a < taken:
            continue
        end_token = toks.at(b - 1)
        if end_token is None or end_token[1] != b:  # 大学生, 部门, 处理: the ending is inside a longer word
            continue
        if folded[b:b + 1] == "生" and suffix in ("大学", "中学", "小学"):
            continue  # 困难大学/生: students, however jieba cuts them
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
        start, own, placed = extent
        core = folded[own:a]
        if placed:
            core = folded[next(e for e in range(a, own, -1) if _is_place(folded[own:e])):a]
        needs = _accepted(core, suffix, placed, folded[own:b])
        if needs is not None:
            # A body is named by the place it governs alone (临夏州 + 东乡县教育局).
            out.append((own if suffix in BODY_SUFFIXES else start, own, b, needs))
            taken = b
    return out


#: Where a Communist Youth League committee may start: 团 right before a level committee
#: (团县委) or 共青团 (共青团会宁县委, 共青团甘肃省委).
_LEAGUE = re.compile(r"团(?=[省市县区州盟旗]委)|共青团")
_LEAGUE_LEVELS = "省市县区州盟旗"


def _league_candidates(folded: str) -> list[Candidate]:
    """团县委, 团市委, 共青团会宁县委: the League committee of a level (its own body, as 县委 is);
    between 共青团 and the committee only a place (共青团甘肃省委)."""
    out = []
    toks = tokens(folded)
    for m in _LEAGUE.finditer(folded):
        a, b = m.span()
        if m.group() == "团":
            tok = toks.at(a)
            if tok is not None and tok[2] == "团":   # not 集团 or 代表团
                out.append((a, a, b + 2, ""))
            continue
        for e in range(b + 2, min(len(folded) - 1, b + 10)):
            if (folded[e] in _LEAGUE_LEVELS and folded[e + 1] == "委"
                    and (_is_place(folded[b:e]) or _is_place(folded[b:e + 1]))):
                out.append((a, a, e + 2, ""))
                break
    return out


def _abbrev_candidates(folded: str) -> list[Candidate]:
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
        start = place_start if place_start is not None else start
        out.append((start, start, m.end(), ""))
    return out


@lru_cache(maxsize=1)
def _glossary_re() -> re.Pattern:
    """Glossary organisation names, longest first. Only names of block characters: ``Tokens``
    keeps a name whole only inside one block (jieba never joins words across punctuation)."""
    keys = sorted((k for k in glossary().get("organizations", {}) if BLOCK.fullmatch(k)), key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in keys))


def _glossary_candidates(folded: str) -> list[Candidate]:
    """Glossary names (rule 1 of the module docstring); only those ``tokens`` kept whole (not
    教育部 of 教育部门, where 部门 is a word, nor a name inside a longer one)."""
    out = []
    for a, b in sorted(tokens(folded).glossary_atoms):
        if a and folded[a] in LEVEL_CHARS:
            # 天津 + 市教育两委: a place right before a relative name belongs to it.
            a = next((s for s in range(max(0, a - 10), a) if _is_place(folded[s:a])), a)
        out.append((a, a, b, ""))
    return out


@lru_cache(maxsize=512)
def _candidates(text: str) -> tuple[Candidate, ...]:
    """Every candidate name in ``text`` (any script), source offsets, outside 《》 titles."""
    folded = fold(text)
    titles = title_spans(text)
    cands = (_glossary_candidates(folded) + _suffix_candidates(text, folded) + _league_candidates(folded)
             + _abbrev_candidates(folded))
    if not titles:
        return tuple(cands)
    return tuple(c for c in cands if not any(ts <= c[0] and c[2] <= te for ts, te in titles))


@lru_cache(maxsize=1024)
def name_spans(text: str, levels: frozenset[str] = frozenset()) -> tuple[tuple[int, int, int], ...]:
    """Organisation names in ``text`` (any script) as ``(start, own start, end)``, source
    offsets, sorted; the own part leaves out places that only locate the name (``_trim_places``).

    Args:
        text: a paragraph.
        levels: bare level words (县, 区) the article resolves (it names a county or a district),
            so that 县妇联 names that county's federation; see ``article_levels``.

    Nested candidates give way to the one containing them (天津医科大学 inside
    天津医科大学临床医学院); names inside 《》 titles are left out.
    """
    chosen: list[tuple[int, int, int]] = []
    for s, own, e, needs in sorted(set(_candidates(text)), key=lambda c: (c[0] - c[2], c[0])):
        if needs and needs not in levels:
            continue
        if not any(s < ce and cs < e for cs, _, ce in chosen):
            chosen.append((s, own, e))
    return tuple(sorted(chosen))


def spans(text: str) -> tuple[tuple[int, int], ...]:
    """The own parts ``(start, end)`` of the organisation names in ``text`` (``name_spans``
    without article context): the spans whose places belong to an organisation. Places that
    only locate it (宁波市 of 宁波市镇海中学) stay outside."""
    return tuple((own, e) for _, own, e in name_spans(text))


def article_levels(article: Article) -> frozenset[str]:
    """The bare level words ``article`` resolves (``{'县'}``, ``{'区'}`` or none): the level of the
    county-level unit the article is about, when its title names one or it names only one
    (会宁县, 思明区). Source: county news, where 县教育局 is the bureau of the county reported
    on; an article naming several counties means them all (各县, 区教育局 of a city's districts)."""
    def units(text: str) -> set[tuple[str, str]]:
        folded = fold(text)
        hits = (gazetteer.resolve(folded[s:e]) for s, e in strong_places(folded))
        return {(h.unit.code or h.unit.name, h.unit.name[-1]) for h in hits if h and h.unit.level == "county"}

    found = units(article.title or "")
    if not found:
        for para in article.paragraphs():
            found |= units(para.zh)
            if len(found) > 1:
                return frozenset()
    levels = {level for _, level in found}
    return frozenset(levels) if len(levels) == 1 and levels <= {"县", "区"} else frozenset()


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
    if not (_is_place(head) and len(short) >= 4 and not short.startswith("第")):
        return False
    ending = next((e for e in LONGEST_FIRST if short.endswith(e)), "")
    return _named(short[: len(short) - len(ending)])


_BY_ARTICLE: ArticleCache = ArticleCache()  # {article key: {paragraph id: [(start, end, Name)]}}


def article_organizations(article: Article) -> dict[str, list[tuple[int, int, Name]]]:
    """Organisations of every paragraph: ``{paragraph id: [(start, end, Name)]}``.

    One institution has one ``Name`` in the article (CONTRACT.md), the name as first written:
    a later 市教育局 after 深圳市教育局 carries ``Name(zh=深圳市教育局, …)``.
    """
    key = article_key(article)
    if key not in _BY_ARTICLE:
        levels: frozenset[str] | None = None     # looked up only when a name needs them
        names: list[tuple[str, Name]] = []
        per: dict[str, list[tuple[int, int, Name]]] = {}
        for para in article.paragraphs():
            if levels is None and any(c[3] for c in _candidates(para.zh)):
                levels = article_levels(article)
            found = []
            for s, _, e in name_spans(para.zh, levels or frozenset()):
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
    if paragraph_texts(article).get(paragraph.id) == text:
        found = known[paragraph.id]
    else:
        found = [(s, e, Name(zh=text[s:e], en=organization_english(text[s:e])))
                 for s, _, e in name_spans(text, article_levels(article))]
    return [Fact(type="organization", text=text[s:e], paragraph=paragraph.id, start=s, end=e, name=name)
            for s, e, name in found]

"""Topic categories of sections and paragraphs, from their words.

Categories (gold/README.md): ``institutional_framework`` (institutions, rules, plans, leadership,
responsibility systems), ``projects`` (programmes, teacher dispatch, school pairing, training,
enrolment, project funds), ``deep_poverty_support`` (deep-poverty areas, dropout control, student
aid, targeted support to the poorest), ``other``. The text before the first heading is ``lead``.

Each category has weighted cue words (Simplified; text is folded first so Traditional matches).
A heading's cues count ``HEADING_WEIGHT`` times, since a heading states what its section is about.
"""
from __future__ import annotations

from .model import Section
from .script import fold

CUES: dict[str, dict[str, float]] = {
    "institutional_framework": {
        "制度": 2, "体系": 2, "机制": 2, "领导小组": 2, "顶层设计": 2, "责任": 2, "压实": 1.5,
        "规划": 1, "方案": 1, "办法": 1, "政策": 1, "部署": 1, "组织保障": 2, "组织领导": 2,
        "承诺": 2, "统筹": 1, "协作机制": 2, "工作要点": 1, "调研": 1, "会议": 0.5, "领导": 1,
        "框架协议": 2, "会商": 1.5, "目标管理": 1.5, "责任制": 2, "协议": 1,
        "建章立制": 2, "议事": 1, "考核": 1, "督导": 1, "党委": 1, "保障": 0.5,
    },
    "projects": {
        "项目": 2, "实施": 1, "培训": 1.5, "支教": 2, "选派": 1.5, "结对": 1.5, "招生": 1.5,
        "援建": 1.5, "计划": 0.5, "工程": 1, "远程": 1, "课堂": 1, "教师": 0.5, "职业教育": 1.5,
        "职教": 1.5, "组团": 1.5, "资金": 1, "建设": 0.5, "辅导员": 1.5, "成效": 1, "经验": 1,
        "成长": 1, "班": 0.5, "开展": 0.5,
    },
    "deep_poverty_support": {
        "深度贫困": 3, "控辍保学": 3, "辍学": 2, "资助": 2, "建档立卡": 2, "特困": 1.5,
        "贫困学生": 2, "困难学生": 2, "兜底": 2.5, "三区三州": 2, "农牧区": 1.5, "扶智": 1.5,
        "扶志": 1.5, "听不懂": 1.5, "不敢说": 1.5, "留守": 1, "延伸": 1, "家访": 1, "奖学金": 1,
        "贫困家庭": 1.5, "乡村": 0.5, "县乡": 1, "劝返": 3, "失学": 2, "因贫": 2, "助学金": 2,
        "生活补助": 2, "三包": 2, "免费教育": 2, "送教上门": 2, "营养改善": 1.5,
    },
    # Work outside education proper (consumption and industry poverty alleviation) is "other", and
    # so is the shortcomings section of a work report (一、主要做法 … 四、存在的问题).
    "other": {
        "存在的问题": 3, "存在问题": 3, "问题和不足": 3,
        "消费扶贫": 1.5, "采购": 1.5, "销售": 1.5, "产品": 1, "食堂": 1, "工会": 1.5, "专柜": 1,
        "电商": 1.5, "展销": 1.5, "农特产品": 1.5, "下单": 1.5, "礼包": 1, "产业": 1,
    },
}
HEADING_WEIGHT = 4.0


def score(text: str, weight: float = 1.0) -> dict[str, float]:
    """Cue-word score per category (the three topics and ``other``) for ``text`` (any script). Returns {category: score}."""
    key = fold(text)
    return {cat: weight * sum(w * key.count(cue) for cue, w in cues.items()) for cat, cues in CUES.items()}


def best(scores: dict[str, float]) -> str:
    """The category with the highest score; ``other`` when nothing scored."""
    cat, top = max(scores.items(), key=lambda kv: kv[1])
    return cat if top > 0 else "other"


def categorise(sections: list[Section]) -> None:
    """Set ``category`` on every section and paragraph in place.

    A headed section's category comes from its heading (weighted) plus its paragraphs; the lead
    stays ``lead``. Each paragraph also gets a category of its own, from its own words, so
    articles without headings still feed the topic pages.
    """
    for section in sections:
        for para in section.paragraphs:
            para.category = best(score(para.zh))
        if section.heading is None:
            section.category = "lead"
            continue
        total = score(section.heading, HEADING_WEIGHT)
        for para in section.paragraphs:
            for cat, s in score(para.zh).items():
                total[cat] += s
        section.category = best(total)

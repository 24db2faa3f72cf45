"""Property tests (Hypothesis) of read + extract on arbitrary and damaged input.

For any input: no exception but a one-line ``SourceError`` naming the file; every fact's text is
exactly ``paragraph.zh[start:end]``; numeric facts carry numbers (not strings, not booleans);
the facts document is valid against the JSON Schema and unchanged by a YAML round trip. Real
articles are read from ../shared/corpus and seeds/ at test time (never copied into the repo) and
mutated: lines shuffled, characters deleted, junk inserted.

The unmarked tests run few examples (derandomized, so every run tries the same ones); the
``slow`` test runs ``SLOW_EXAMPLES`` of each kind.
"""
from __future__ import annotations

import hashlib

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, SHARED
from generator import decode, document, pipeline, translate
from generator.extract import extract_facts
from generator.read import SourceError

NAME = "seeds/prop.txt"
ARTICLES = [p.read_text("utf-8-sig") for p in sorted((SHARED / "corpus").glob("*.txt"))
            + sorted((ROOT / "seeds").glob("*.txt"))]
QUICK = settings(max_examples=25, deadline=None, database=None, derandomize=True,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
#: Examples per strategy in the slow test (three strategies: about 4,000 in all).
SLOW_EXAMPLES = {"text": 3000, "bytes": 1000, "mutation": 2000}

#: Characters the extraction rules react to: numerals, units, measure words, place and
#: organisation suffixes, punctuation, metadata keys.
GENRE = list("0123456789０１２３.．,，%％一二三四五六七八九十百千万萬亿億两兩零〇余餘多近约約逾超过過左右以上"
             "元块钱人民币名人次所个個间間批户戶县縣市省区區乡鄉镇村州自治旗盟部厅局委会會办校学學院中小"
             "《》“”「」（）()【】、：:；;。！？!?—-·/ \u3000年月日时来源编辑记者扶贫教育资金项目计划工程")
#: Any Unicode scalar value. Lone surrogates (U+D800-U+DFFF) are left out: decoded files cannot
#: hold them (every decoder here is strict), and OpenCC cannot encode them.
CHARACTERS = st.characters(exclude_categories=["Cs"])
GENRE_TEXT = st.text(alphabet=st.one_of(st.sampled_from(GENRE), CHARACTERS), max_size=400)
LINES = st.lists(GENRE_TEXT, max_size=12).map("\n".join)
ANY_TEXT = st.one_of(st.text(alphabet=CHARACTERS, max_size=400), GENRE_TEXT, LINES)


@st.composite
def mutated_articles(draw) -> str:
    """A real article, cut to a window of lines, then damaged by a few random edits."""
    lines = draw(st.sampled_from(ARTICLES)).splitlines()
    start = draw(st.integers(0, max(0, len(lines) - 2)))
    lines = lines[start:start + draw(st.integers(1, 12))]
    if draw(st.booleans()):
        lines = draw(st.permutations(lines))
    text = "\n".join(lines)
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["delete", "insert", "replace", "newline"]))
        at = draw(st.integers(0, len(text)))
        if op == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 8)):]
        elif op == "insert":
            text = text[:at] + draw(ANY_TEXT.filter(lambda s: len(s) < 40)) + text[at:]
        elif op == "replace":
            text = text[:at] + draw(st.sampled_from(GENRE)) + text[at + 1:]
        else:
            text = text[:at] + "\n" + text[at:]
    return text


def check_text(text: str) -> dict | None:
    """Read, extract and document ``text``; assert the properties; the document or None."""
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    try:
        article, _ = pipeline.article_from_text(text, NAME, sha, stem="prop")
    except SourceError as exc:
        message = str(exc)
        assert message.startswith(NAME + ": ") and "\n" not in message
        return None
    return check_article(article)


def check_article(article) -> dict:
    facts = extract_facts(article)
    paragraphs = {p.id: p.zh for p in article.paragraphs()}
    for fact in facts:
        assert paragraphs[fact.paragraph][fact.start:fact.end] == fact.text, fact
        if fact.type in ("money", "quantity", "percent"):
            assert type(fact.value) in (int, float), fact
            assert fact.value_max is None or type(fact.value_max) in (int, float), fact
        else:
            assert fact.value is None and fact.name is not None and fact.name.zh, fact
    doc = document.facts_document(article, facts, translate.Translations())
    document.validate(doc)                           # the JSON Schema and the provenance rule
    assert yaml.load(document.dump(doc), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) == doc
    return doc


def check_bytes(data: bytes) -> None:
    try:
        text = decode.decode_source(data, NAME).text
    except SourceError as exc:
        assert str(exc).startswith(NAME + ": ") and "\n" not in str(exc)
        return
    check_text(text)


# --- quick (every run) ------------------------------------------------------------------------

@QUICK
@given(ANY_TEXT)
def test_any_text(text):
    check_text(text)


@QUICK
@given(st.binary(max_size=600))
def test_any_bytes(data):
    check_bytes(data)


@QUICK
@given(mutated_articles())
def test_mutated_articles(text):
    check_text(text)


def test_every_real_article_passes_the_properties():
    for text in ARTICLES:
        assert check_text(text) is not None


def test_the_same_input_gives_the_same_document():
    for text in ARTICLES[:3]:
        assert check_text(text) == check_text(text)


# --- slow (CI) ----------------------------------------------------------------------------------

def _slow(n: int):
    return settings(max_examples=n, deadline=None, database=None, print_blob=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.mark.slow
@_slow(SLOW_EXAMPLES["text"])
@given(ANY_TEXT)
def test_any_text_many(text):
    check_text(text)


@pytest.mark.slow
@_slow(SLOW_EXAMPLES["bytes"])
@given(st.one_of(st.binary(max_size=600), ANY_TEXT.map(lambda s: s.encode("utf-8")),
                 mutated_articles().map(lambda s: s.encode("gb18030", "replace"))))
def test_any_bytes_many(data):
    check_bytes(data)


@pytest.mark.slow
@_slow(SLOW_EXAMPLES["mutation"])
@given(mutated_articles())
def test_mutated_articles_many(text):
    check_text(text)

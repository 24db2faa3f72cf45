"""The facts document (``policy-digest/facts@1``, ../shared/CONTRACT.md): build, dump, validate.

This is the hand-off between extraction and rendering: the renderer reads only this document.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

import jsonschema
import yaml

from .extract.money import currency_code
from .model import Article, Fact
from .translate import Translations

SCHEMA_ID = "policy-digest/facts@1"


class FactsError(Exception):
    """A facts document that does not match the schema; the message names the field."""


def _name(name) -> dict | None:
    if name is None:
        return None
    out = {"zh": name.zh, "en": name.en}
    if name.code:
        out["code"] = name.code
    if name.candidates:
        out["candidates"] = list(name.candidates)
    return out


def _fact(f: Fact) -> dict:
    out = {
        "id": f.id,
        "type": f.type,
        "text": f.text,
        "paragraph": f.paragraph,
        "start": f.start,
        "end": f.end,
        "value": f.value,
        "value_max": f.value_max,
        "approx": f.approx,
        "unit": f.unit,
        "name": _name(f.name),
    }
    if f.type == "money":
        out["currency"] = currency_code(f.text)
    if f.counts is not None:
        out["counts"] = _name(f.counts)
    return out


def facts_document(article: Article, facts: list[Fact], tr: Translations) -> dict:
    """The facts document of one article as plain data (dicts, lists, str, int, float, None).

    Args:
        article: the read article.
        facts: its facts, ids assigned, in source order.
        tr: English strings; paragraphs and headings without one get ``en: null``.
    Returns:
        A dict in contract key order, ready for ``dump``.
    """
    src = article.source
    return {
        "schema": SCHEMA_ID,
        "id": article.id,
        "source": {
            "file": src.file,
            "sha256": src.sha256,
            "url": src.url,
            "published": src.published,
            "publisher": src.publisher,
            "editor": src.editor,
            "script": src.script,
            "encoding": src.encoding,
        },
        "title": {"zh": article.title, "en": tr.get(article.title)},
        "sections": [
            {
                "id": s.id,
                "category": s.category,
                "heading": {"zh": s.heading, "en": tr.get(s.heading)} if s.heading else None,
                "paragraphs": [
                    {"id": p.id, "zh": p.zh, "en": tr.get(p.zh), "line": p.line, "category": p.category}
                    for p in s.paragraphs
                ],
            }
            for s in article.sections
        ],
        "facts": [_fact(f) for f in facts],
        "dropped": [{"line": d.line, "text": d.text, "reason": d.reason} for d in article.dropped],
    }


#: Plain scalars that a YAML 1.2 (core schema) reader takes for a number, boolean or null although
#: PyYAML, a YAML 1.1 reader, takes them for strings (``1e3``, ``0o17``, ``.5E2``): such strings are
#: quoted so that every reader gets the string back. Source: YAML 1.2.2 §10.3.2, tag resolution.
_YAML12_NON_STR = re.compile(
    r"null|Null|NULL|~|true|True|TRUE|false|False|FALSE"
    r"|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")

# Not libyaml's faster emitter: it writes characters beyond the BMP (emoji in WeChat reposts) as
# \U escapes, which the editors who read these files could not.
class _Dumper(yaml.SafeDumper):
    """Safe YAML with block style; strings YAML would read as something else are quoted."""


def _str(dumper, data: str):
    if "\n" in data:
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|")
    if _YAML12_NON_STR.fullmatch(data):
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="'")
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)


_Dumper.add_representer(str, _str)


def dump(doc: dict) -> str:
    """YAML text of a facts document: UTF-8 characters kept, key order kept, no line folding."""
    return yaml.dump(doc, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**9)


@lru_cache(maxsize=1)
def schema() -> dict:
    """The JSON Schema of the facts document (``generator/schema/facts.schema.json``)."""
    text = resources.files("generator").joinpath("schema/facts.schema.json").read_text("utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema())


def validate(doc: dict) -> None:
    """Check ``doc`` against the schema and the provenance rule.

    Raises:
        FactsError: naming the first offending field (JSON path) and the problem, or the first
            fact whose ``text`` is not ``paragraph.zh[start:end]``.
    """
    error = next(iter(sorted(_validator().iter_errors(doc), key=lambda e: list(e.path))), None)
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(document)"
        raise FactsError(f"{where}: {error.message}")
    paras = {p["id"]: p["zh"] for s in doc["sections"] for p in s["paragraphs"]}
    for fact in doc["facts"]:
        zh = paras.get(fact["paragraph"])
        if zh is None or zh[fact["start"]:fact["end"]] != fact["text"]:
            raise FactsError(f"facts/{fact['id']}: text {fact['text']!r} is not at "
                             f"{fact['paragraph']}[{fact['start']}:{fact['end']}]")

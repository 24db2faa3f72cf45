"""Editors' corrections of extracted facts: ``seeds/NAME.review.yaml``, applied on every build.

A review file lists entries that drop a fact, correct a fact's value or name, or add a fact the
extractor missed, each with a note. Entries find their fact by what an editor can see, never by
volatile ids (``f12`` changes whenever extraction changes): the fact's ``type`` and exact
``text``, narrowed by ``context`` (characters of the paragraph that holds it) and
``occurrence`` (the n-th remaining match in reading order, or ``all``). The format is documented in
README.md, section "Reviewing facts".

Review files are read with every plain scalar as a string (YAML 1.1 would turn ``NO`` into
false, ``10:30`` into 630 and ``010`` into 8); numbers and true/false are converted only where
the format asks for them.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema
import yaml

from . import document
from .extract.money import currency_code

SCHEMA_ID = "policy-digest/review@1"
NUMERIC = ("money", "quantity", "percent")
NAMED = ("place", "organization", "document", "program")
ACTIONS = ("drop", "correct", "add")
#: Entry keys that change a fact (``correct``/``add``), by the fact types they apply to.
FIELDS = {"value": NUMERIC, "value_max": NUMERIC, "approx": NUMERIC, "unit": NUMERIC,
          "counts": NUMERIC, "en": NAMED, "zh": NAMED, "code": ("place",)}
SELECTOR = ("type", "text", "context", "occurrence")

_NAME = {"type": "object", "additionalProperties": False, "required": ["zh"],
         "properties": {"zh": {"type": "string", "minLength": 1}, "en": {"type": ["string", "null"]}}}

#: JSON Schema of a review file (after number/boolean conversion).
SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "additionalProperties": False,
    "required": ["facts"],
    "properties": {
        "review": {"const": SCHEMA_ID},
        "facts": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["action", "type", "text", "note"],
                "properties": {
                    "action": {"enum": list(ACTIONS)},
                    "type": {"enum": list(NUMERIC + NAMED)},
                    "text": {"type": "string", "minLength": 1},
                    "context": {"type": "string", "minLength": 1},
                    "occurrence": {"oneOf": [{"type": "integer", "minimum": 1}, {"const": "all"}]},
                    "note": {"type": "string", "minLength": 1},
                    "value": {"type": ["number", "null"]},
                    "value_max": {"type": ["number", "null"]},
                    "approx": {"type": "boolean"},
                    "unit": {"type": ["string", "null"]},
                    "counts": {"oneOf": [{"type": "null"}, _NAME]},
                    "en": {"type": ["string", "null"]},
                    "zh": {"type": "string", "minLength": 1},
                    "code": {"type": ["string", "null"], "pattern": "^\\d{6}$"},
                },
            },
        },
    },
}


class ReviewError(Exception):
    """A review file that cannot be used; ``str(err)`` names the file, the entry and the problem."""


@dataclass
class Entry:
    """One correction: ``action`` on the fact found by ``select``; ``changes`` to apply.

    ``number`` is the 1-based position in the file, ``line`` its line, for messages.
    """

    number: int
    line: int
    action: str
    select: dict
    changes: dict
    note: str

    def where(self) -> str:
        return f"entry {self.number} (line {self.line}, {self.action} {self.select['type']} {self.select['text']!r})"


@dataclass
class Review:
    """A parsed review file: ``file`` as shown in messages, ``entries`` in file order."""

    file: str
    entries: list[Entry] = field(default_factory=list)


def review_path(source: Path) -> Path:
    """``seeds/NAME.txt`` -> ``seeds/NAME.review.yaml``."""
    return source.with_name(source.stem + ".review.yaml")


# --- reading -------------------------------------------------------------------------------

class _StringLoader(yaml.SafeLoader):
    """Safe YAML where a plain scalar is a string unless it is null (``~``, ``null``, empty)."""


_StringLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag == "tag:yaml.org,2002:null"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_STR, _NULL = "tag:yaml.org,2002:str", "tag:yaml.org,2002:null"
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def _plain(node, seen: set[int]):
    """Node tree -> dicts, lists, str, None; line numbers kept as ``"__line__"``."""
    if id(node) in seen:
        raise ValueError(f"line {node.start_mark.line + 1}: anchors and aliases (&, *) are not allowed; "
                         f"quote a value that starts with & or *")
    seen.add(id(node))
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _NULL:
            return None
        if node.tag != _STR:
            raise ValueError(f"line {node.start_mark.line + 1}: tag {node.tag} is not allowed; "
                             f"quote a value that starts with !")
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item, seen) for item in node.value]
    out: dict = {"__line__": node.start_mark.line + 1}
    for key_node, value_node in node.value:
        key = _plain(key_node, seen)
        if not isinstance(key, str):
            raise ValueError(f"line {key_node.start_mark.line + 1}: keys must be plain words")
        if key in out:
            raise ValueError(f"line {key_node.start_mark.line + 1}: key {key!r} given twice")
        out[key] = _plain(value_node, seen)
    return out


def _convert(entry: dict, where: str) -> None:
    """Numbers, true/false and occurrence from their strings, in place; ValueError when not."""
    for key in ("value", "value_max"):
        raw = entry.get(key)
        if isinstance(raw, str):
            text = raw.replace(",", "").replace("_", "").strip()
            if not _NUMBER.fullmatch(text):
                raise ValueError(f"{where}: {key}: {raw!r} is not a number")
            number = float(text)
            entry[key] = int(number) if number.is_integer() and abs(number) < 2**53 else number
    if isinstance(entry.get("approx"), str):
        if entry["approx"].lower() not in ("true", "false"):
            raise ValueError(f"{where}: approx: {entry['approx']!r} is not true or false")
        entry["approx"] = entry["approx"].lower() == "true"
    if isinstance(entry.get("occurrence"), str) and entry["occurrence"] != "all":
        if not entry["occurrence"].isdigit():
            raise ValueError(f"{where}: occurrence: {entry['occurrence']!r} is not a whole number or all")
        entry["occurrence"] = int(entry["occurrence"])


def _strip_lines(value):
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


def load(path: Path, shown: str | None = None) -> Review | None:
    """Read and check a review file; None when it does not exist.

    Args:
        path: ``seeds/NAME.review.yaml``.
        shown: the name used in messages (default: ``path``).
    Returns:
        The ``Review``; an empty file gives a review without entries.
    Raises:
        ReviewError: ``FILE: entry N (line L): problem`` for YAML syntax errors, unknown keys,
            wrong types, a missing note, fields that do not apply to the action or fact type.
    """
    shown = shown or str(path)
    if not path.exists():
        return None
    try:
        node = yaml.compose(path.read_text("utf-8"), Loader=_StringLoader)
        data = _plain(node, set()) if node is not None else {"facts": []}
    except (OSError, UnicodeDecodeError) as exc:
        raise ReviewError(f"{shown}: cannot read review file ({exc})") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ReviewError(f"{shown}: not valid YAML: {where}{problem}") from exc
    except ValueError as exc:
        raise ReviewError(f"{shown}: {exc}") from exc
    if not isinstance(data, dict):
        raise ReviewError(f"{shown}: expected a mapping with a 'facts:' list")
    if data.get("facts") is None:
        data["facts"] = []
    entries = data["facts"] if isinstance(data["facts"], list) else []
    try:
        for n, entry in enumerate(entries, 1):
            if isinstance(entry, dict):
                _convert(entry, f"entry {n} (line {entry['__line__']})")
    except ValueError as exc:
        raise ReviewError(f"{shown}: {exc}") from exc
    _check_schema(data, shown)
    review = Review(shown)
    for n, entry in enumerate(entries, 1):
        review.entries.append(_entry(n, entry, shown))
    return review


def _check_schema(data: dict, shown: str) -> None:
    validator = jsonschema.Draft202012Validator(SCHEMA)
    error = next(iter(sorted(validator.iter_errors(_strip_lines(data)), key=lambda e: list(e.path))), None)
    if error is None:
        return
    path = list(error.absolute_path)
    where = "/".join(str(p) for p in path) or "(file)"
    if len(path) >= 2 and path[0] == "facts":
        entry = data["facts"][path[1]]
        line = entry.get("__line__") if isinstance(entry, dict) else None
        key = "/".join(str(p) for p in path[2:])
        where = f"entry {path[1] + 1}" + (f" (line {line})" if line else "") + (f": {key}" if key else "")
    raise ReviewError(f"{shown}: {where}: {error.message}")


def _entry(n: int, raw: dict, shown: str) -> Entry:
    action, kind = raw["action"], raw["type"]
    changes = {k: v for k, v in raw.items() if k in FIELDS}
    entry = Entry(n, raw["__line__"], action, {k: raw[k] for k in SELECTOR if k in raw}, changes, raw["note"])
    for key in changes:
        if action == "drop":
            raise ReviewError(f"{shown}: {entry.where()}: '{key}' makes no sense when dropping a fact")
        if kind not in FIELDS[key]:
            raise ReviewError(f"{shown}: {entry.where()}: '{key}' does not apply to {kind} facts "
                              f"(only to {', '.join(FIELDS[key])})")
    if action == "correct" and not changes:
        raise ReviewError(f"{shown}: {entry.where()}: nothing to correct (give value, value_max, approx, "
                          f"unit or counts for numbers; en, zh or code for names)")
    if action == "add" and kind in NUMERIC and changes.get("value") is None:
        raise ReviewError(f"{shown}: {entry.where()}: an added {kind} fact needs a value")
    return entry


# --- applying ------------------------------------------------------------------------------

def _paragraphs(doc: dict) -> list[dict]:
    return [p for s in doc["sections"] for p in s["paragraphs"]]


def _matches(entry: Entry, facts: list[dict], paras: dict[str, str]) -> list[dict]:
    """Facts of the entry's type and text, in a paragraph containing its context."""
    sel = entry.select
    return [f for f in facts if f["type"] == sel["type"] and f["text"] == sel["text"]
            and sel.get("context", "") in paras[f["paragraph"]]]


def _spans(entry: Entry, paras: dict[str, str]) -> list[tuple[str, int]]:
    """Where an added fact's text stands: ``[(paragraph id, start)]`` in reading order."""
    sel, out = entry.select, []
    for pid, zh in paras.items():
        if sel.get("context", "") not in zh:
            continue
        start = zh.find(sel["text"])
        while start >= 0:
            out.append((pid, start))
            start = zh.find(sel["text"], start + 1)
    return out


def _pick(entry: Entry, found: list) -> tuple[list, str | None]:
    """The matches the entry means (one, or all for ``occurrence: all``), or ``([], why not)``."""
    n = entry.select.get("occurrence")
    if not found:
        what = "text" if entry.action == "add" else "fact"
        return [], (f"no such {what} any more"
                    + (f" in a paragraph containing {entry.select['context']!r}" if "context" in entry.select else "")
                    + "; not applied (update or remove the entry)")
    if n == "all":
        return list(found), None
    if n is None and len(found) > 1:
        return [], (f"{len(found)} matches; add 'context:' (words of its paragraph) or 'occurrence:' "
                    f"(a number, or all) to say which; not applied")
    if n is not None and n > len(found):
        return [], f"occurrence {n} asked for but only {len(found)} found; not applied"
    return [found[(n or 1) - 1]], None


def _change(fact: dict, changes: dict) -> dict:
    """Apply ``changes`` to ``fact`` in place; returns the previous values (``was``)."""
    was = {}
    for key, value in changes.items():
        if key in ("en", "zh", "code"):
            name = dict(fact.get("name") or {"zh": fact["text"], "en": None})
            was[key] = name.get(key)
            name[key] = value
            if name.get("code") is None:
                name.pop("code", None)
            fact["name"] = name
        elif key == "counts":
            was[key] = fact.get(key)
            fact[key] = {"zh": value["zh"], "en": value.get("en")} if value else None
        else:
            was[key] = fact.get(key)
            fact[key] = value
    return was


def _invalid(fact: dict) -> str | None:
    """Why ``fact`` breaks the facts schema, or None."""
    schema = document.schema()
    validator = jsonschema.Draft202012Validator({"$defs": schema["$defs"], "$ref": "#/$defs/fact"})
    error = next(iter(validator.iter_errors(fact)), None)
    if error is None:
        return None
    where = "/".join(str(p) for p in error.absolute_path)
    return f"{where + ': ' if where else ''}{error.message}"


def _new_fact(entry: Entry, span: tuple[str, int]) -> dict:
    pid, start = span
    kind, text, ch = entry.select["type"], entry.select["text"], entry.changes
    fact = {"id": "f0", "type": kind, "text": text, "paragraph": pid, "start": start, "end": start + len(text),
            "value": ch.get("value"), "value_max": ch.get("value_max"), "approx": ch.get("approx", False),
            "unit": ch.get("unit"), "name": None}
    if kind == "money":
        fact["currency"] = currency_code(text)
    if kind in NAMED:
        fact["name"] = {"zh": ch.get("zh", text), "en": ch.get("en")}
        if ch.get("code"):
            fact["name"]["code"] = ch["code"]
    elif ch.get("counts"):
        fact["counts"] = {"zh": ch["counts"]["zh"], "en": ch["counts"].get("en")}
    fact["reviewed"] = True
    fact["review"] = {"action": "add", "note": entry.note}
    return fact


class _Applier:
    """State of one ``apply`` run: the facts as extracted, the facts so far, what was refused."""

    def __init__(self, doc: dict, review: Review):
        self.review = review
        self.paras = {p["id"]: p["zh"] for p in _paragraphs(doc)}
        self.original = list(doc["facts"])
        self.facts = list(doc["facts"])
        self.claimed: dict[int, Entry] = {}
        self.problems: list[str] = []
        self.dropped: list[dict] = []
        self.not_applied: list[dict] = []

    def refuse(self, entry: Entry, why: str) -> None:
        self.problems.append(f"{self.review.file}: {entry.where()}: {why}")
        self.not_applied.append({"entry": entry.number, "line": entry.line, "action": entry.action,
                                 "type": entry.select["type"], "text": entry.select["text"], "problem": why})

    def run(self, entry: Entry) -> None:
        if entry.action == "add":
            self.add(entry)
            return
        targets, why = _pick(entry, _matches(entry, self.original, self.paras))
        taken = [t for t in targets if id(t) in self.claimed]
        if taken:
            why = f"the same fact as entry {self.claimed[id(taken[0])].number}; not applied"
        if why:
            self.refuse(entry, why)
            return
        if entry.action == "drop":
            for fact in targets:
                self.claimed[id(fact)] = entry
                self.facts.remove(fact)
                self.dropped.append({"type": fact["type"], "text": fact["text"], "paragraph": fact["paragraph"],
                                     "start": fact["start"], "end": fact["end"], "note": entry.note})
            return
        corrected = []
        for fact in targets:
            new = copy.deepcopy(fact)
            new["reviewed"] = True
            new["review"] = {"action": "correct", "note": entry.note, "was": _change(new, entry.changes)}
            why = _invalid(new)
            if why:
                self.refuse(entry, f"the corrected fact would be invalid ({why}); not applied")
                return
            corrected.append((fact, new))
        for fact, new in corrected:
            self.claimed[id(fact)] = entry
            self.facts[self.facts.index(fact)] = new

    def add(self, entry: Entry) -> None:
        spans, why = _pick(entry, _spans(entry, self.paras))
        if why:
            self.refuse(entry, why)
            return
        have = {(f["paragraph"], f["start"], f["type"]) for f in self.facts}
        new = [_new_fact(entry, span) for span in spans if (*span, entry.select["type"]) not in have]
        if not new:
            self.refuse(entry, "the extractor now finds this fact; make the entry a 'correct' (or remove it); "
                               "not applied")
            return
        why = _invalid(new[0])
        if why:
            self.refuse(entry, f"the added fact would be invalid ({why}); not applied")
            return
        self.facts += new


def apply(doc: dict, review: Review) -> list[str]:
    """Apply ``review`` to the facts document ``doc`` (in place).

    Entries are matched against the facts as extracted, so their order does not matter. A
    corrected or added fact gets ``reviewed: true`` and ``review: {action, note, was}``; dropped
    facts move to ``doc["review"]["dropped_facts"]``; entries that could not be applied are
    listed in ``doc["review"]["not_applied"]`` and returned as problems. Fact ids are
    renumbered in reading order afterwards.

    Returns:
        One-line problems naming the review file and entry: a fact or text that no longer
        exists (stale), several matches without ``context``/``occurrence``, two entries for one
        fact, a correction that would make the fact invalid, an addition the extractor now makes.
    """
    run = _Applier(doc, review)
    for entry in review.entries:
        run.run(entry)
    order = {pid: i for i, pid in enumerate(run.paras)}
    facts = sorted(run.facts, key=lambda f: (order[f["paragraph"]], f["start"], -f["end"]))
    for n, fact in enumerate(facts, 1):
        fact["id"] = f"f{n}"
    doc["facts"] = facts
    doc["review"] = {"file": review.file, "entries": len(review.entries), "dropped_facts": run.dropped,
                     "not_applied": run.not_applied}
    return run.problems

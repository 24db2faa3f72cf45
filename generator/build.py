"""Stage 5, build: every article in ``seeds/`` -> facts files and pages under ``docs/digest/``.

Files are written atomically. ``docs/digest/.manifest.json`` records the SHA-256 of every file the
build wrote, so the next build can tell its own stale files (removed) from files a person edited
(reported and left alone).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from . import pipeline, render
from .document import FactsError
from .read import SourceError
from .translate import TranslationError
from .write import write_text

MANIFEST = ".manifest.json"
SOURCE_SUFFIXES = (".txt", ".html", ".htm")


@dataclass
class BuildReport:
    """What a build did: ``built`` article ids, one-line ``problems``, files written/removed."""

    built: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    written: int = 0
    removed: int = 0


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sources(seeds: Path) -> list[Path]:
    """Article files in ``seeds`` (``*.txt``), sorted by name. Raises SourceError if none."""
    if not seeds.is_dir():
        raise SourceError(f"{seeds}: seed folder not found")
    found = sorted(p for p in seeds.iterdir() if p.is_file() and p.suffix in SOURCE_SUFFIXES)
    if not found:
        raise SourceError(f"{seeds}: no articles (*.txt, *.html) in the seed folder")
    return found


def build(root: Path, seeds: Path | None = None, out: Path | None = None) -> BuildReport:
    """Build all articles of ``seeds`` (default ``root/seeds``) into ``out`` (``root/docs/digest``).

    An article that fails is reported and the others are still built. Returns a ``BuildReport``.
    Raises:
        SourceError: the seed folder is missing or holds no article.
    """
    seeds = seeds or root / "seeds"
    out = out or root / "docs" / "digest"
    report = BuildReport()
    docs, seen = [], {}
    for path in sources(seeds):
        try:
            shown = str(path.relative_to(root))
        except ValueError:
            shown = str(path)
        try:
            doc = pipeline.facts_for(path, shown)
        except (SourceError, TranslationError, FactsError) as exc:
            report.problems.append(str(exc))
            continue
        sha, ident = doc["source"]["sha256"], doc["id"]
        if sha in seen:
            report.problems.append(f"{shown}: same content as {seen[sha]}, built once")
            continue
        if ident in {d["id"] for d in docs}:
            report.problems.append(f"{shown}: article id {ident} already used, skipped")
            continue
        seen[sha] = shown
        docs.append(doc)
        report.built.append(ident)
    if not docs:
        return report
    _write_outputs(out, render.render_site(docs), report)
    return report


def _write_outputs(out: Path, files: dict[str, str], report: BuildReport) -> None:
    manifest_path = out / MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text("utf-8"))
    except (OSError, ValueError):
        manifest = {}
    new_manifest = {}
    for rel, text in sorted(files.items()):
        path = out / rel
        if path.exists() and rel in manifest and _sha(path.read_bytes()) != manifest[rel]:
            report.problems.append(f"{path}: edited by hand since it was generated; left as it is "
                                   f"(move your change to the seed, its PO or review file, then delete this file)")
            new_manifest[rel] = manifest[rel]
            continue
        if path.exists() and rel not in manifest and _sha(path.read_bytes()) != _sha(text.encode()):
            report.problems.append(f"{path}: not written by the generator; left as it is")
            continue
        report.written += write_text(path, text)
        new_manifest[rel] = _sha(text.encode("utf-8"))
    for rel, sha in manifest.items():
        if rel in files:
            continue
        path = out / rel
        if not path.exists():
            continue
        if _sha(path.read_bytes()) != sha:
            report.problems.append(f"{path}: its article is gone but the file was edited by hand; left as it is")
            continue
        path.unlink()
        report.removed += 1
        for parent in path.parents:
            if parent == out or any(parent.iterdir()):
                break
            parent.rmdir()
    write_text(manifest_path, json.dumps(new_manifest, indent=1, sort_keys=True, ensure_ascii=False) + "\n")

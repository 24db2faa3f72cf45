"""Stage 5, build: every article in ``seeds/`` -> facts files and pages under ``docs/digest/``.

Every file is written atomically (``write.write_text``), and in an order that keeps the site
whole if the build is killed at any moment: an article's pages and facts file first, then the
topic pages and the article list that link to them, then the manifest, and only then the
removal of pages whose article is gone. ``docs/digest/.manifest.json`` records the SHA-256 of
every file the build wrote, so the next build can tell its own stale files (removed) from files
a person edited (reported and left alone). While files are being replaced the manifest accepts
the old and the new content of each, so an interrupted build is never mistaken for hand edits.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from . import pipeline, render
from .document import FactsError
from .read import SourceError
from .review import ReviewError
from .translate import TranslationError
from .write import remove_stale_temps, write_text

MANIFEST = ".manifest.json"
SOURCE_SUFFIXES = (".txt", ".html", ".htm")
#: Errors that make one article unusable; the build reports them and goes on with the others.
ARTICLE_ERRORS = (SourceError, TranslationError, FactsError, ReviewError)


@dataclass
class BuildReport:
    """What a build did.

    Attributes:
        built: ids of the articles built.
        errors: one line per article that could not be built.
        warnings: one line per thing repaired, skipped or left alone (duplicates, hand-edited
            files, stale review entries, broken PO entries…).
        written, removed: numbers of files.
    """

    built: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    written: int = 0
    removed: int = 0

    @property
    def problems(self) -> list[str]:
        """Errors, then warnings."""
        return self.errors + self.warnings


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sources(seeds: Path) -> list[Path]:
    """Article files in ``seeds`` (``*.txt``, ``*.html``; hidden files skipped), sorted by name.

    Raises:
        SourceError: the folder is missing, not a folder, or holds no article.
    """
    if not seeds.exists():
        raise SourceError(f"{seeds}: seed folder not found")
    if not seeds.is_dir():
        raise SourceError(f"{seeds}: not a folder")
    found = sorted(p for p in seeds.iterdir()
                   if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES and not p.name.startswith("."))
    if not found:
        raise SourceError(f"{seeds}: no articles (*.txt, *.html) in the seed folder")
    return found


def shown_name(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` when inside it (as recorded in ``source.file``)."""
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def read_all(root: Path, seeds: Path, report: BuildReport) -> list[dict]:
    """The facts documents of every article in ``seeds``, duplicates left out.

    Same bytes as an earlier file: built once, reported. Same id as an earlier, different
    article (``a b.txt`` and ``a-b.txt`` both give ``a-b``): the later one gets the id plus the
    start of its SHA-256, reported.
    """
    docs, by_sha, by_id = [], {}, {}
    for path in sources(seeds):
        shown = shown_name(path, root)
        try:
            result = pipeline.process(path, shown)
        except ARTICLE_ERRORS as exc:
            report.errors.append(str(exc))
            continue
        except Exception as exc:  # noqa: BLE001 - a bug on one article must not stop the others
            report.errors.append(f"{shown}: internal error ({type(exc).__name__}: {exc}); "
                                 f"run `python -m generator --traceback extract {shown}` for details")
            continue
        doc = result.doc
        report.warnings += result.warnings
        sha, ident = doc["source"]["sha256"], doc["id"]
        if sha in by_sha:
            report.warnings.append(f"{shown}: same content as {by_sha[sha]}, built once")
            continue
        if ident in by_id:
            doc["id"] = f"{ident}-{sha[:8]}"
            report.warnings.append(f"{shown}: article id {ident} is already used by {by_id[ident]}; "
                                   f"this article is {doc['id']}")
        by_sha[sha], by_id[doc["id"]] = shown, shown
        docs.append(doc)
        report.built.append(doc["id"])
    return docs


def build(root: Path, seeds: Path | None = None, out: Path | None = None) -> BuildReport:
    """Build all articles of ``seeds`` (default ``root/seeds``) into ``out`` (``root/docs/digest``).

    An article that fails is reported and the others are still built; when none can be built,
    nothing is written (the previous site stays as it was).

    Returns:
        A ``BuildReport``.
    Raises:
        SourceError: the seed folder is missing or holds no article.
    """
    seeds = seeds or root / "seeds"
    out = out or root / "docs" / "digest"
    report = BuildReport()
    docs = read_all(root, seeds, report)
    if not docs:
        return report
    files = render_all(docs, report)
    if files is None:
        return report
    if out.is_dir():
        remove_stale_temps(out)
    write_outputs(out, files, report)
    return report


def render_all(docs: list[dict], report: BuildReport) -> dict[str, str] | None:
    """``render.render_site(docs)``; when that fails, the articles whose pages cannot be made
    are reported and left out (``report.built`` updated). None when no article renders."""
    try:
        return render.render_site(docs)
    except Exception:  # noqa: BLE001 - find the article(s) responsible, build the others
        pass
    good = []
    for doc in docs:
        try:
            render.render_site([doc])
        except Exception as exc:  # noqa: BLE001
            report.errors.append(f"{doc['source']['file']}: cannot render its pages "
                                 f"({type(exc).__name__}: {exc}); other articles were built")
            report.built.remove(doc["id"])
        else:
            good.append(doc)
    return render.render_site(good) if good else None


def _order(rel: str) -> tuple[int, str]:
    """Write order: targets of links before the pages that link to them."""
    if rel.startswith(("facts/", "articles/")):
        return 0, rel
    if rel.startswith("topics/"):
        return 1, rel
    return 2, rel


def _read_manifest(path: Path) -> dict[str, set[str]]:
    try:
        raw = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(raw, dict):
        return {}
    return {rel: {sha} if isinstance(sha, str) else set(sha) for rel, sha in raw.items()
            if isinstance(sha, (str, list))}


def _write_manifest(path: Path, manifest: dict[str, set[str] | str]) -> None:
    plain = {rel: (sorted(v) if isinstance(v, set) and len(v) > 1 else
                   (next(iter(v)) if isinstance(v, set) else v)) for rel, v in manifest.items()}
    write_text(path, json.dumps(plain, indent=1, sort_keys=True, ensure_ascii=False) + "\n")


def write_outputs(out: Path, files: dict[str, str], report: BuildReport) -> None:
    """Write ``files`` (``{path relative to out: text}``) and remove this generator's stale files.

    A file whose content is neither what the generator last wrote nor what it writes now was
    edited by hand: it is reported and left alone (also when its article is gone).
    """
    manifest_path = out / MANIFEST
    manifest = _read_manifest(manifest_path)
    new_sha = {rel: _sha(text.encode("utf-8")) for rel, text in files.items()}
    # Pending: old and new content both count as generated until every file is replaced.
    pending = {rel: manifest.get(rel, set()) | {sha} for rel, sha in new_sha.items()}
    pending.update({rel: shas for rel, shas in manifest.items() if rel not in files})
    _write_manifest(manifest_path, pending)

    final: dict[str, set[str] | str] = {}
    for rel in sorted(files, key=_order):
        path = out / rel
        current = _sha(path.read_bytes()) if path.is_file() else None
        if current is not None and current != new_sha[rel]:
            if rel in manifest and current not in manifest[rel]:
                report.warnings.append(f"{path}: edited by hand since it was generated; left as it is "
                                       f"(move your change to the seed, its PO or review file, then delete this file)")
                final[rel] = manifest[rel]
                continue
            if rel not in manifest:
                report.warnings.append(f"{path}: not written by the generator; left as it is")
                continue
        report.written += write_text(path, files[rel])
        final[rel] = new_sha[rel]
    stale = {rel: shas for rel, shas in manifest.items() if rel not in files}
    final.update(stale)
    _write_manifest(manifest_path, final)
    for rel, shas in sorted(stale.items()):
        path = out / rel
        if not path.is_file():
            final.pop(rel)
            continue
        if _sha(path.read_bytes()) not in shas:
            report.warnings.append(f"{path}: its article is gone but the file was edited by hand; left as it is")
            continue
        path.unlink()
        final.pop(rel)
        report.removed += 1
        for parent in path.parents:
            if parent == out or any(parent.iterdir()):
                break
            parent.rmdir()
    _write_manifest(manifest_path, final)

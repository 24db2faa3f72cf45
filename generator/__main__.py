"""Command line: ``python -m generator {extract,build,po}``.

Errors are one line on stderr naming the file and the problem; exit status 1 when nothing
useful could be made, 2 for bad usage (argparse).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import build as build_mod
from . import document, pipeline, translate
from .document import FactsError
from .read import SourceError, read_article
from .translate import TranslationError

ERRORS = (SourceError, TranslationError, FactsError)


def _extract(args) -> int:
    doc = pipeline.facts_for(Path(args.file), args.file)
    sys.stdout.write(document.dump(doc))
    return 0


def _build(args) -> int:
    report = build_mod.build(Path(args.root), Path(args.seeds) if args.seeds else None)
    for problem in report.problems:
        print(f"warning: {problem}", file=sys.stderr)
    print(f"built {len(report.built)} article(s): {report.written} file(s) written, "
          f"{report.removed} removed", file=sys.stderr)
    return 0 if report.built else 1


def _po(args) -> int:
    root = Path(args.root)
    seeds = Path(args.seeds) if args.seeds else root / "seeds"
    failed = 0
    for path in build_mod.sources(seeds):
        shown = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
        try:
            added, obsolete = translate.update_po(read_article(path, shown), translate.po_path(path))
        except ERRORS as exc:
            print(f"error: {exc}", file=sys.stderr)
            failed += 1
            continue
        print(f"{translate.po_path(path).name}: {added} new entr{'y' if added == 1 else 'ies'}, "
              f"{obsolete} made obsolete", file=sys.stderr)
    return 1 if failed else 0


def parser() -> argparse.ArgumentParser:
    """The argparse parser of the CLI (also used by tests to check ``--help``)."""
    p = argparse.ArgumentParser(prog="python -m generator",
                                description="Bilingual policy-digest site generator.")
    sub = p.add_subparsers(dest="command", required=True)
    e = sub.add_parser("extract", help="print the facts document (YAML) of one article")
    e.add_argument("file", help="source article (.txt)")
    e.set_defaults(run=_extract)
    for name, run, text in (("build", _build, "write facts files and pages of every article in seeds/ to docs/digest/"),
                            ("po", _po, "create or update seeds/NAME.en.po for every article, keeping translations")):
        s = sub.add_parser(name, help=text, description=text)
        s.add_argument("--root", default=".", help="project root (default: current folder)")
        s.add_argument("--seeds", help="seed folder (default: ROOT/seeds)")
        s.set_defaults(run=run)
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit status."""
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except ERRORS as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())

"""Command line: ``python -m generator {extract,build,po}``.

Errors are one line on stderr naming the file and the problem (``error: …``), things repaired or
left alone are ``warning: …`` lines; never a traceback unless ``--traceback`` is given. Exit
status 1 when nothing useful could be made, 2 for bad usage (argparse).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import build as build_mod
from . import document, pipeline, translate

ERRORS = build_mod.ARTICLE_ERRORS


def _warn(lines: list[str]) -> None:
    for line in lines:
        print(f"warning: {line}", file=sys.stderr)


def _extract(args) -> int:
    result = pipeline.process(Path(args.file), args.file, apply_review=not args.no_review)
    _warn(result.warnings)
    sys.stdout.write(document.dump(result.doc))
    return 0


def _build(args) -> int:
    report = build_mod.build(Path(args.root), Path(args.seeds) if args.seeds else None)
    for error in report.errors:
        print(f"error: {error}", file=sys.stderr)
    _warn(report.warnings)
    print(f"built {len(report.built)} article(s): {report.written} file(s) written, "
          f"{report.removed} removed", file=sys.stderr)
    return 0 if report.built else 1


def _po(args) -> int:
    root = Path(args.root)
    seeds = Path(args.seeds) if args.seeds else root / "seeds"
    failed = 0
    for path in build_mod.sources(seeds):
        shown = build_mod.shown_name(path, root)
        po = translate.po_path(path)
        bad = pipeline.po_syntax_errors(po.read_text("utf-8", errors="replace")) if po.exists() else []
        if bad:
            print(f"error: {po}: line {bad[0]}: not valid PO syntax (unterminated or unquoted string?); "
                  f"left as it is, fix it and run po again", file=sys.stderr)
            failed += 1
            continue
        try:
            article, _ = pipeline.read_source(path, shown)
            added, obsolete = translate.update_po(article, po)
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
    p.add_argument("--traceback", action="store_true",
                   help="show the Python traceback of an internal error (for bug reports)")
    sub = p.add_subparsers(dest="command", required=True)
    e = sub.add_parser("extract", help="print the facts document (YAML) of one article")
    e.add_argument("file", help="source article (.txt)")
    e.add_argument("--no-review", action="store_true",
                   help="show the facts as extracted, without the corrections of NAME.review.yaml")
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
    except KeyboardInterrupt:
        print("error: interrupted; files already written are complete, run the command again", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - one line instead of a traceback, unless asked for
        if args.traceback:
            raise
        where = f" on {args.file}" if getattr(args, "file", None) else ""
        print(f"error: internal error{where} ({type(exc).__name__}: {exc}); "
              f"run again with --traceback for details", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())

"""Bad input: nothing crashes, nothing is lost, and the other articles still build.

Each kind of bad input gets correct output or a one-line error naming the file (never a
traceback); ``build`` exits non-zero only when no article could be built. Builds are atomic and
deterministic: a build killed half-way leaves a usable site and the next build is correct.
Real articles are read from ../shared/corpus and seeds/ at test time, never copied into the repo.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SEED, SHARED, copy_project, run_cli
from generator import __main__ as cli
from generator import build as build_mod
from generator import decode, document, pipeline, render, write

CORPUS = SHARED / "corpus"
C02 = CORPUS / "02_rmrb-2022-chongqing-zhongyi-compulsory-education.txt"      # Simplified, date-only line 2
C06 = CORPUS / "06_kaifeng-no14-school-2017-poverty-disability-donation.txt"  # Simplified, pipe metadata
S03 = CORPUS / "synth-03_xinhua-lhasa-group-teachers.txt"


def text_of(path: Path) -> str:
    return path.read_text("utf-8-sig")


def png() -> bytes:
    head = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + head
            + struct.pack(">I", zlib.crc32(b"IHDR" + head)) + b"\x00\x00\x00\x00IEND\xaeB`\x82")


def mojibake(text: str) -> bytes:
    """UTF-8 read as GBK (undecodable bytes replaced, as editors do) and saved again as UTF-8."""
    return text.encode("utf-8").decode("gbk", errors="replace").encode("utf-8")


def many_paragraphs(n: int) -> str:
    body = [f"第{i}段：某县第{i}所学校获得资金{i}万元，新增教师{i % 50 + 1}名。" for i in range(1, n + 1)]
    return "\n".join(["五千段的长文章", "2021年6月1日 来源：测试网", *body]) + "\n"


def extract(path: Path, capsys, *extra: str) -> tuple[int, dict | None, list[str]]:
    """Run ``extract`` in-process: ``(exit status, facts document or None, stderr lines)``."""
    status = cli.main(["extract", str(path), *extra])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, (yaml.safe_load(out) if out else None), err.strip().splitlines()


def paragraphs(doc: dict) -> list[str]:
    return [p["zh"] for s in doc["sections"] for p in s["paragraphs"]]


# --- one file at a time ---------------------------------------------------------------------

@pytest.mark.parametrize("name, data, message", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", " \t\n\r\n\u3000\u3000\n\ufeff\n".encode("utf-8"), "only whitespace"),
    ("image.txt", png(), "binary file (PNG image)"),
    ("zip.txt", b"PK\x03\x04" + bytes(range(256)), "binary file (ZIP archive"),
    ("nul.txt", "标题\n正文。\n".encode("utf-8") + b"\x00\x01\x02", "binary file"),
    ("control.txt", bytes([3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]) * 10, "binary file"),
])
def test_unusable_file_gives_one_line_naming_it(tmp_path, capsys, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    status, doc, err = extract(path, capsys)
    assert (status, doc) == (1, None)
    assert err == [f"error: {path}: {err[0].split(': ', 2)[2]}"] and message in err[0]


def test_ten_megabyte_article_is_refused_clearly(tmp_path, capsys):
    path = tmp_path / "huge.txt"
    line = text_of(C02).splitlines()[3] + "\n"
    path.write_text(line * (10 * 2**20 // len(line.encode()) + 1), "utf-8")
    started = time.monotonic()
    status, doc, err = extract(path, capsys)
    assert (status, doc) == (1, None)
    assert len(err) == 1 and str(path) in err[0] and "too large" in err[0] and "10.0 MiB" in err[0]
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("codec", ["gb18030", "big5"])
def test_legacy_encoding_without_declaration_is_read(tmp_path, capsys, codec):
    source = SEED if codec == "big5" else C02    # the seed is Traditional, C02 Simplified
    original = text_of(source)
    path = tmp_path / f"{codec}.txt"
    path.write_bytes(original.encode(codec))
    status, doc, err = extract(path, capsys)
    assert status == 0 and doc["source"]["encoding"] == codec
    expected = pipeline.process(source).doc
    assert doc["title"]["zh"] == expected["title"]["zh"]
    assert paragraphs(doc) == paragraphs(expected)
    assert [(f["type"], f["text"], f["value"]) for f in doc["facts"]] == \
        [(f["type"], f["text"], f["value"]) for f in expected["facts"]]
    assert any(f"read as {codec.upper()}" in line for line in err)


@pytest.mark.parametrize("source", [C06, SEED, S03], ids=["kaifeng", "seed", "lhasa"])
def test_mojibake_is_detected_and_repaired(tmp_path, capsys, source):
    original = text_of(source)
    path = tmp_path / "mojibake.txt"
    path.write_bytes(mojibake(original))
    status, doc, err = extract(path, capsys)
    assert status == 0
    assert doc["source"]["encoding"].startswith("utf-8 (mojibake repaired")
    assert any("Mojibake repaired" in line for line in err)
    assert any("Mojibake repaired" in note for note in doc["notes"])
    expected = pipeline.process(source).doc
    assert doc["source"]["published"] == expected["source"]["published"]
    # Bytes the damaging decoder replaced are restored or shown as U+FFFD; line by line, the
    # repaired paragraphs have the original length and differ in few places.
    got = {p["line"]: p["zh"] for s in doc["sections"] for p in s["paragraphs"]}
    for para in (p for s in expected["sections"] for p in s["paragraphs"]):
        repaired = got.get(para["line"])
        if repaired is None:                           # became the title or a heading: check text
            continue
        assert len(repaired) == len(para["zh"]), para["line"]
        lost = repaired.count("\ufffd")
        wrong = sum(a != b and b != "\ufffd" for a, b in zip(para["zh"], repaired))
        assert lost <= len(repaired) // 8 + 1 and wrong <= len(repaired) // 50 + 2, (para["zh"], repaired)


def test_mojibake_repair_quality_on_the_corpus():
    """Over every corpus article damaged by a GBK and a GB18030 decoder: few characters lost,
    almost none guessed wrong."""
    total = lost = wrong = 0
    for path in [SEED, *sorted(CORPUS.glob("*.txt"))]:
        original = text_of(path)
        for codec in ("gbk", "gb18030"):
            damaged = original.encode("utf-8").decode(codec, errors="replace").encode("utf-8")
            repaired = decode.decode_source(damaged, path.name).text
            for a, b in zip(original.split("\n"), repaired.split("\n")):
                total += len(a)
                if len(a) != len(b):
                    lost += len(a)
                    continue
                lost += b.count("\ufffd")
                wrong += sum(x != y and y != "\ufffd" for x, y in zip(a, b))
    assert lost / total < 0.04 and wrong / total < 0.002, (total, lost, wrong)


def test_mojibake_without_lost_bytes_is_repaired_exactly():
    # Lines whose UTF-8 bytes all pair up in GB18030, so the damage lost nothing.
    text = "天津市教育两委全力打好教育脱贫攻坚战\n完善机制压实责任\n选派骨干结对帮扶\n倾斜资金改善条件\n"
    damaged = text.encode("utf-8").decode("gb18030")          # strict: no byte lost
    result = decode.decode_source(damaged.encode("utf-8"), "x.txt")
    assert result.text == text
    assert result.encoding == decode.MOJIBAKE and "could not be recovered" not in result.note


def test_real_chinese_is_never_taken_for_mojibake():
    for path in [SEED, *sorted(CORPUS.glob("*.txt"))]:
        result = decode.decode_source(path.read_bytes(), path.name)
        assert result.encoding == "utf-8" and result.text == text_of(path), path.name


def test_article_whose_first_line_is_the_metadata_line(tmp_path, capsys):
    lines = text_of(C02).splitlines()
    path = tmp_path / "notitle.txt"
    path.write_text("\n".join(lines[1:]) + "\n", "utf-8")
    status, doc, err = extract(path, capsys)
    assert status == 0
    expected = pipeline.process(C02).doc
    assert doc["source"]["published"] == expected["source"]["published"]
    assert paragraphs(doc) == paragraphs(expected)            # no paragraph became the title
    assert doc["title"]["zh"] and doc["title"]["zh"] in paragraphs(doc)[0]
    assert any("No title line" in line for line in err)
    lines_in_doc = [p["line"] for s in doc["sections"] for p in s["paragraphs"]]
    assert lines_in_doc == [n - 1 for n in (p["line"] for s in expected["sections"] for p in s["paragraphs"])]


def test_article_that_starts_with_body_text(tmp_path, capsys):
    lines = text_of(C02).splitlines()
    path = tmp_path / "body-first.txt"
    path.write_text("\n".join(lines[2:]) + "\n", "utf-8")
    status, doc, err = extract(path, capsys)
    assert status == 0
    assert paragraphs(doc)[0] == lines[2].strip()
    assert doc["title"]["zh"] == lines[2].strip().split("。")[0] + "。"
    assert any("No title line" in line for line in err)


def test_article_without_any_date(tmp_path, capsys):
    lines = text_of(C02).splitlines()
    path = tmp_path / "nodate.txt"
    path.write_text("\n".join([lines[0], *lines[2:]]) + "\n", "utf-8")
    status, doc, err = extract(path, capsys)
    assert status == 0 and doc["source"]["published"] is None
    assert doc["id"] == "nodate"
    assert any("No publication date" in line for line in err)
    files = render.render_site([doc])
    assert "不详" in files["articles/nodate/index.md"] and "unknown" in files["articles/nodate/index.en.md"]


@pytest.mark.parametrize("name, ident", [("file with  spaces.txt", "file-with-spaces"),
                                         ("深圳 喀什教育.txt", "shen-zhen-ka-shi-jiao-yu"),
                                         ("Ünïcode—name.txt", "code-name")])
def test_file_names_with_spaces_or_chinese(tmp_path, capsys, name, ident):
    path = tmp_path / name
    path.write_text("\n".join(text_of(S03).splitlines()) + "\n", "utf-8")
    status, doc, _ = extract(path, capsys)
    assert status == 0 and doc["id"].endswith(ident) and doc["id"].isascii()
    assert doc["source"]["file"] == str(path)


def test_five_thousand_paragraphs(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(many_paragraphs(5000), "utf-8")
    started = time.monotonic()
    doc = pipeline.process(path).doc
    files = render.render_site([doc])
    elapsed = time.monotonic() - started
    assert len(paragraphs(doc)) == 5000
    money = [f for f in doc["facts"] if f["type"] == "money"]
    assert len(money) == 5000 and money[-1]["value"] == 50_000_000
    full = files[f"articles/{doc['id']}/full-text.md"]
    assert full.count('class="source-paragraph"') == 5000
    assert elapsed < 120, f"5,000 paragraphs took {elapsed:.0f} s"


def test_broken_po_entry_skips_only_that_entry(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    lines = text_of(C06).splitlines()
    source = seeds / "a.txt"
    source.write_text("\n".join(lines) + "\n", "utf-8")
    doc = pipeline.process(source).doc
    paras = paragraphs(doc)
    po = (f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
          f'msgid "{doc["title"]["zh"]}"\nmsgstr "Broken\n\n'
          f'msgid "{paras[0]}"\nmsgstr "First paragraph."\n\n'
          f'msgid "{paras[1]}"\nmsgstr unquoted\n\n'
          f'msgid "{paras[2]}"\nmsgstr "Third paragraph."\n')
    (seeds / "a.en.po").write_text(po, "utf-8")
    result = pipeline.process(source, "seeds/a.txt")
    english = {p["zh"]: p["en"] for s in result.doc["sections"] for p in s["paragraphs"]}
    assert english[paras[0]] == "First paragraph." and english[paras[2]] == "Third paragraph."
    assert english[paras[1]] is None and result.doc["title"]["en"] is None
    assert result.warnings == [f"{seeds / 'a.en.po'}: broken PO entries at line 6, 12 skipped; "
                               f"2 other translation(s) used"]


def test_po_command_leaves_a_broken_po_file_alone(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(text_of(C06), "utf-8")
    broken = 'msgid "x"\nmsgstr "Sample\n'
    (seeds / "a.en.po").write_text(broken, "utf-8")
    result = run_cli("po", "--root", str(tmp_path))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "a.en.po: line 2: not valid PO syntax" in result.stderr
    assert (seeds / "a.en.po").read_text("utf-8") == broken


# --- whole builds ---------------------------------------------------------------------------

BAD_INPUTS = {
    # name: (bytes, expected stderr line fragment or None when it builds)
    "empty.txt": (b"", "error: seeds/empty.txt: empty file"),
    "blank.txt": (b"  \n\t\n", "error: seeds/blank.txt: only whitespace"),
    "image.txt": (png(), "error: seeds/image.txt: binary file (PNG image), not an article"),
    "gb18030.txt": (text_of(C02).encode("gb18030"), "warning: seeds/gb18030.txt: The file is not UTF-8"),
    "big5.txt": (text_of(SEED).encode("big5"), "warning: seeds/big5.txt: The file is not UTF-8"),
    "mojibake.txt": (mojibake(text_of(C06)), "warning: seeds/mojibake.txt: Mojibake repaired"),
    "notitle.txt": ("\n".join(text_of(C02).splitlines()[1:]).encode(), "warning: seeds/notitle.txt: No title line"),
    "nodate.txt": ("\n".join(text_of(C06).splitlines()[:1] + text_of(C06).splitlines()[2:]).encode(),
                   "warning: seeds/nodate.txt: No publication date"),
    "dup1.txt": (S03.read_bytes(), None),
    "dup2.txt": (S03.read_bytes(), "warning: seeds/dup2.txt: same content as seeds/dup1.txt, built once"),
    "file with spaces.txt": (text_of(CORPUS / "synth-06_bengbu-university-consumption-poverty.txt").encode(), None),
    "深圳喀什教育援疆.txt": (text_of(CORPUS / "synth-01_shenzhen-kashgar-education-aid.txt").encode(), None),
    "long.txt": (many_paragraphs(5000).encode(), None),
}


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory):
    """A project copy with every bad input beside the seed, built; ``(root, process)``."""
    root = copy_project(tmp_path_factory.mktemp("bad"))
    for name, (data, _) in BAD_INPUTS.items():
        (root / "seeds" / name).write_bytes(data)
    (root / "seeds" / "huge.txt").write_bytes(b"x" * (pipeline.MAX_SOURCE_BYTES + 1))
    result = run_cli("build", cwd=root)
    return root, result


def test_build_reports_each_bad_input_on_one_line_and_builds_the_rest(bad_build):
    root, result = bad_build
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert all(line.startswith(("error: ", "warning: ", "built ")) for line in lines), lines
    for name, (_, expected) in BAD_INPUTS.items():
        if expected:
            assert any(line.startswith(expected) for line in lines), (name, lines)
    assert any(line.startswith("error: seeds/huge.txt: too large") for line in lines)
    errors = [line for line in lines if line.startswith("error: ")]
    assert len(errors) == 4, errors                 # empty, blank, image, huge
    facts = sorted(p.name for p in (root / "docs" / "digest" / "facts").glob("*.yaml"))
    assert len(facts) == 1 + len(BAD_INPUTS) - 3 - 1, facts     # + seed, - unusable, - duplicate
    assert lines[-1].startswith(f"built {len(facts)} article(s)")


def test_the_bad_input_site_builds_strictly(bad_build):
    root, _ = bad_build
    mkdocs = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root,
                            capture_output=True, text=True, timeout=600)
    assert mkdocs.returncode == 0, mkdocs.stderr[-3000:]
    for ident in ("file-with-spaces", "shen-zhen-ka-shi-jiao-yu-yuan-jiang"):
        pages = list((root / "site" / "digest" / "articles").glob(f"*{ident}/full-text/index.html"))
        assert pages, ident


def test_build_with_only_bad_inputs_fails_and_keeps_the_previous_site(tmp_path):
    root = copy_project(tmp_path)
    assert run_cli("build", cwd=root).returncode == 0
    before = {p: p.read_bytes() for p in (root / "docs" / "digest").rglob("*") if p.is_file()}
    shutil.rmtree(root / "seeds")
    (root / "seeds").mkdir()
    (root / "seeds" / "empty.txt").write_bytes(b"")
    (root / "seeds" / "image.txt").write_bytes(png())
    result = run_cli("build", cwd=root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "built 0 article(s)" in result.stderr
    assert {p: p.read_bytes() for p in (root / "docs" / "digest").rglob("*") if p.is_file()} == before


@pytest.mark.parametrize("make, message", [
    (lambda seeds: None, "seed folder not found"),
    (lambda seeds: seeds.mkdir(), "no articles (*.txt, *.html) in the seed folder"),
    (lambda seeds: seeds.mkdir() or (seeds / "notes.md").write_text("x"), "no articles"),
    (lambda seeds: seeds.write_text("a file"), "not a folder"),
])
def test_missing_or_empty_seed_folder(tmp_path, make, message):
    make(tmp_path / "seeds")
    result = run_cli("build", "--root", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [f"error: {tmp_path / 'seeds'}: {message}"] or \
        message in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "docs").exists()


def test_same_id_for_different_articles_keeps_both(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a b.txt").write_text(text_of(S03), "utf-8")
    (seeds / "a-b.txt").write_text(text_of(S03).replace("拉萨", "日喀则"), "utf-8")
    report = build_mod.build(tmp_path)
    assert len(report.built) == 2 and len(set(report.built)) == 2
    assert any("already used by seeds/a b.txt" in w for w in report.warnings)


def test_an_internal_error_on_one_article_does_not_stop_the_others(tmp_path, monkeypatch, capsys):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_text(text_of(S03), "utf-8")
    (seeds / "trap.txt").write_text(text_of(C06), "utf-8")
    real = pipeline.process

    def process(path, shown=None, apply_review=True):
        if path.name == "trap.txt":
            raise RuntimeError("an extraction layer tripped")
        return real(path, shown, apply_review)

    monkeypatch.setattr(pipeline, "process", process)
    assert cli.main(["build", "--root", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert "error: seeds/trap.txt: internal error (RuntimeError: an extraction layer tripped)" in err
    assert "Traceback" not in err and "built 1 article(s)" in err
    assert cli.main(["extract", str(seeds / "trap.txt")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "internal error" in err[0] and "--traceback" in err[0]


# --- writes: atomic, deterministic, interruptible --------------------------------------------

def corpus_project(root: Path, copies: int) -> Path:
    """A project whose seeds are ``copies`` variants of each corpus article (distinct content)."""
    root.mkdir(parents=True)
    copy_project(root)
    articles = sorted(CORPUS.glob("*.txt"))
    for n in range(copies):
        for article in articles:
            text = text_of(article)
            lines = text.splitlines()
            lines[0] = f"{lines[0]}（{n}）"
            (root / "seeds" / f"{article.stem[:12]}-{n:02d}.txt").write_text("\n".join(lines) + "\n", "utf-8")
    return root


def digest_files(root: Path) -> dict[str, bytes]:
    out = root / "docs" / "digest"
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def site_is_usable(root: Path) -> None:
    """Every generated file is whole, every facts file valid, and MkDocs builds the site strictly."""
    out = root / "docs" / "digest"
    for path in out.rglob("*"):
        if not path.is_file() or path.name == build_mod.MANIFEST:
            continue
        if path.name.startswith("."):
            # A killed write's temporary file: MkDocs skips dot files, the next build removes it.
            assert write.TEMP_NAME.match(path.name), path
            continue
        text = path.read_text("utf-8")
        body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text   # front matter
        assert text.endswith("\n") and render.GENERATED_NOTE in body.splitlines()[0], path
        if path.suffix == ".yaml":
            document.validate(yaml.safe_load(text))
    mkdocs = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root,
                            capture_output=True, text=True, timeout=600)
    assert mkdocs.returncode == 0, mkdocs.stderr[-3000:]


@pytest.mark.slow
def test_interrupted_build_leaves_a_usable_site_and_the_next_build_is_correct(tmp_path):
    root = corpus_project(tmp_path / "project", copies=2)
    first = run_cli("build", cwd=root)
    assert first.returncode == 0, first.stderr
    # Change every article (new facts, new pages) and drop some, then kill the build mid-write.
    for n, seed in enumerate(sorted((root / "seeds").glob("*-0[12].txt"))):
        if n % 3 == 0:
            seed.unlink()
        else:
            seed.write_text(seed.read_text("utf-8").replace("。", "。资金300万元。", 1), "utf-8")
    manifest = root / "docs" / "digest" / build_mod.MANIFEST
    manifest_before = manifest.read_bytes()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "generator", "build"], cwd=root, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while manifest.read_bytes() == manifest_before and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.002)                    # the pending manifest marks the start of the writes
    time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    pending = json.loads(manifest.read_text("utf-8"))
    assert any(isinstance(sha, list) for sha in pending.values()), "the build was not killed mid-write"
    site_is_usable(root)
    again = run_cli("build", cwd=root)
    assert again.returncode == 0 and "edited by hand" not in again.stderr, again.stderr
    assert not list((root / "docs" / "digest").rglob(".*.tmp"))
    fresh = corpus_project(tmp_path / "fresh", copies=2)
    for seed in (fresh / "seeds").glob("*.txt"):
        if not (root / "seeds" / seed.name).exists():
            seed.unlink()
        else:
            shutil.copy(root / "seeds" / seed.name, seed)
    assert run_cli("build", cwd=fresh).returncode == 0
    assert digest_files(root) == digest_files(fresh)


def test_temporary_files_of_a_killed_write_are_removed_by_the_next_build(tmp_path):
    root = copy_project(tmp_path)
    assert run_cli("build", cwd=root).returncode == 0
    out = root / "docs" / "digest"
    leftover = out / "facts" / ".x.yaml.ab12cd_9.tmp"
    leftover.write_text("half a fi")
    keep = out / "facts" / ".notes.tmp"
    keep.write_text("not ours")
    assert run_cli("build", cwd=root).returncode == 0
    assert not leftover.exists() and keep.exists()


def test_manifest_lists_every_generated_file(tmp_path):
    root = copy_project(tmp_path)
    assert run_cli("build", cwd=root).returncode == 0
    files = digest_files(root)
    manifest = json.loads(files.pop(build_mod.MANIFEST))
    assert sorted(manifest) == sorted(files)
    assert all(isinstance(sha, str) and len(sha) == 64 for sha in manifest.values())

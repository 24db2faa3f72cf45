"""`python -m generator po`: PO files created and updated without losing translations."""
from __future__ import annotations

import polib

from conftest import run_cli

ARTICLE = "示例标题\n2020年5月6日 来源：示例网\n第一段，某县建设学校3所。\n第二段。\n"


def test_po_creates_one_entry_per_title_heading_and_paragraph(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(ARTICLE, "utf-8")
    result = run_cli("po", "--root", str(tmp_path))
    assert result.returncode == 0, result.stderr
    po = polib.pofile(str(tmp_path / "seeds" / "a.en.po"))
    assert [e.msgid for e in po] == ["示例标题", "第一段，某县建设学校3所。", "第二段。"]
    assert po.metadata["Language"] == "en"


def test_po_update_keeps_translations_and_obsoletes_vanished_text(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(ARTICLE, "utf-8")
    assert run_cli("po", "--root", str(tmp_path)).returncode == 0
    path = seeds / "a.en.po"
    po = polib.pofile(str(path))
    po.find("示例标题").msgstr = "Sample title"
    po.find("第二段。").msgstr = "Second paragraph."
    po.save()
    (seeds / "a.txt").write_text(ARTICLE.replace("第二段。", "新的第二段。"), "utf-8")
    assert run_cli("po", "--root", str(tmp_path)).returncode == 0
    po = polib.pofile(str(path))
    assert po.find("示例标题").msgstr == "Sample title"
    assert po.find("新的第二段。").msgstr == ""
    old = [e for e in po.obsolete_entries() if e.msgid == "第二段。"]
    assert old and old[0].msgstr == "Second paragraph."


def test_broken_po_file_is_reported_and_left_alone(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(ARTICLE, "utf-8")
    broken = 'msgid "示例标题"\nmsgstr "Sample\n'
    (seeds / "a.en.po").write_text(broken, "utf-8")
    result = run_cli("po", "--root", str(tmp_path))
    assert result.returncode == 1
    assert "a.en.po" in result.stderr and "Traceback" not in result.stderr
    assert (seeds / "a.en.po").read_text("utf-8") == broken

"""The command line: help texts, and one-line errors naming the file for bad input."""
from __future__ import annotations

import pytest

from conftest import run_cli


@pytest.mark.parametrize("command", ["extract", "build", "po"])
def test_every_command_has_help(command):
    result = run_cli(command, "--help")
    assert result.returncode == 0
    assert "usage: python -m generator " + command in result.stdout


def written(name: str, data: bytes):
    """A maker of a file ``name`` holding ``data`` in a given folder."""
    def make(folder):
        (folder / name).write_bytes(data)
        return folder / name
    return make


@pytest.mark.parametrize("make, message", [
    (lambda d: d / "missing.txt", "no such file"),
    (lambda d: d, "not a file"),
    (written("empty.txt", b""), "empty file"),
    (written("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binary"),
])
def test_extract_errors_are_one_line_naming_the_file(tmp_path, make, message):
    path = make(tmp_path)
    result = run_cli("extract", str(path))
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0] and message in lines[0]
    assert "Traceback" not in result.stderr


def test_build_without_seed_folder_fails_clearly(tmp_path):
    result = run_cli("build", "--root", str(tmp_path))
    assert result.returncode == 1
    assert "seed folder not found" in result.stderr and "Traceback" not in result.stderr


def test_build_reports_a_bad_article_and_builds_the_others(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_text("示例标题\n2020年1月2日\n今年以来，某县投入资金300万元建设学校。\n", "utf-8")
    (seeds / "bad.txt").write_bytes(b"\x00\x01\x02 binary")
    result = run_cli("build", "--root", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "seeds/bad.txt: binary file" in result.stderr
    assert (tmp_path / "docs" / "digest" / "facts" / "2020-01-02-good.yaml").is_file()

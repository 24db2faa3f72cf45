"""A hostile article for tests: markup, template syntax, Markdown and YAML-hostile strings.

Every string here must reach the built pages as text (never as markup or code) and the facts file
unchanged. Scripts that would run if escaping failed set ``window.__pwned``.
"""
from __future__ import annotations

from pathlib import Path

import polib

#: Strings YAML 1.1 would read as something else, or reject, when written plain.
YAML_HOSTILE = ["NO", "on", "10:30", "010", "2024-03-01", "&anchor", "!!python/object:os.system",
                "*alias", "~", "null", "yes", "0x1F", "1e3", ".inf", "- item", "key: value",
                "? question", "@at", "%TAG", "'single'", '"double"', "#hash", "|", ">", "[a, b]", "{a: b}"]

TITLE = "扶贫<b onmouseover=window.__pwned=1>专题</b>{{7*7}}*重*_点_&amp;"
URL = 'http://x.example/a?b=1&c="onmouseover=window.__pwned=2//'
PUBLISHER = "<img src=x onerror=window.__pwned=3>"
EDITOR = "on"

#: Body paragraphs (each kept as a paragraph by the reader: none starts with a tag or holds </script>).
PARAGRAPHS = [
    "今年以来，某县投入资金300万元，<script>window.__pwned=4 用于改善办学条件。",
    '到岗教师20名<img src=x onerror="window.__pwned=5">，<iframe src="javascript:window.__pwned=6"></iframe>全部完成培训。',
    "[点击查看](javascript:window.__pwned=7) 与 <a href=\"javascript:window.__pwned=8\">链接</a>，以及 &lt;script&gt; 和 &amp;amp; 与 &#60;b&#62; 和 &nbsp; 。",
    "模板语法 {{ config }} 与 {% include \"base.html\" %} 及 {# 注释 #} 和 ${7*7} 不应执行。",
    "Markdown：*星号* _下划线_ **粗体** # 井号 | 竖线 | 表格 |，--- 分隔线，[x](y)，<!-- 注释 -->，`代码`，> 引用，1. 列表，\\转义。",
    "资助贫困学生1200名，发放补助资金48.5万元，覆盖率达到95%以上。",
]

#: Lines the reader drops as leftover markup; the page lists them as text.
DROPPED = ["<script>window.__pwned=9</script>", "<p onclick=\"window.__pwned=10\">返回</p>"]

#: English of some strings (the PO file), hostile too.
TRANSLATIONS = {
    TITLE: "<script>window.__pwned=11</script> on",
    PARAGRAPHS[0]: "<img src=x onerror=window.__pwned=12> {{ x }} *not emphasis* NO",
    PARAGRAPHS[5]: "10:30",
}

REVIEW = """\
review: policy-digest/review@1
facts:
  - action: correct
    type: money
    text: 300万元
    value: 3000000
    note: "<script>window.__pwned=13</script> {{ x }} *y*"
  - action: add
    type: program
    text: 模板语法
    en: "NO"
    note: "&anchor"
"""


def article_text() -> str:
    """The source file: title, metadata line, body (with YAML-hostile lines), junk, editor."""
    lines = [TITLE, f"{URL} | 2024-03-01 10:30 | 来源：{PUBLISHER}", *PARAGRAPHS[:2], DROPPED[0], *PARAGRAPHS[2:],
             DROPPED[1], *YAML_HOSTILE, "这是最后一段正文，说明情况，内容较长一些以免成为标题。", f"【责任编辑：{EDITOR}】"]
    return "\n".join(lines) + "\n"


def write_hostile(seeds: Path, name: str = "hostile") -> Path:
    """Write ``seeds/NAME.txt``, its PO file and its review file; returns the source path."""
    source = seeds / f"{name}.txt"
    source.write_text(article_text(), "utf-8")
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    for zh, en in TRANSLATIONS.items():
        po.append(polib.POEntry(msgid=zh, msgstr=en))
    po.save(str(seeds / f"{name}.en.po"))
    (seeds / f"{name}.review.yaml").write_text(REVIEW, "utf-8")
    return source


def build_hostile_project(dest: Path) -> Path:
    """A project copy with the hostile article beside the seed, built (generator + mkdocs --strict).

    Returns the project root; asserts that both builds succeed.
    """
    import subprocess
    import sys

    from conftest import copy_project, run_cli

    root = copy_project(dest)
    write_hostile(root / "seeds")
    result = run_cli("build", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    mkdocs = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root,
                            capture_output=True, text=True, timeout=600)
    assert mkdocs.returncode == 0, mkdocs.stderr[-3000:]
    return root


ARTICLE_ID = "2024-03-01-hostile"

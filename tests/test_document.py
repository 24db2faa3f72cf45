"""The facts document's YAML: strings stay strings for YAML 1.1 and YAML 1.2 readers alike."""
import re

import pytest
import yaml

from generator import document

#: Strings a YAML 1.2 core-schema reader would resolve to a number, boolean or null if written plain.
YAML12_LOOKALIKES = ["1e3", "0o17", "0x1F", ".5E2", "-.inf", ".NaN", "12", "True", "null", "~"]


@pytest.mark.parametrize("text", YAML12_LOOKALIKES)
def test_yaml12_lookalikes_are_quoted(text):
    out = document.dump({"text": text})
    assert out == f"text: '{text}'\n"
    assert yaml.safe_load(out) == {"text": text}


@pytest.mark.parametrize("text", ["1e3元", "16.4亿元", "hello", "Ürümqi", "第1e3"])
def test_other_strings_stay_plain(text):
    out = document.dump({"text": text})
    assert out == f"text: {text}\n"


def test_multiline_and_astral_characters_are_readable():
    doc = {"zh": "第一行\n第二行", "emoji": "👍点赞"}
    out = document.dump(doc)
    assert "|-\n  第一行\n  第二行" in out
    assert "👍点赞" in out and not re.search(r"\\U[0-9A-F]{8}", out)
    assert yaml.safe_load(out) == doc

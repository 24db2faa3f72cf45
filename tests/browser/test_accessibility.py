"""axe-core (axe-playwright-python, which ships axe.js) on the main page types, in both languages."""
from __future__ import annotations

import pytest

from .conftest import counterpart

SEED_ID = "2019-12-23-000-e7d82218e8e66958"
PAGES = {
    "home": "",
    "overview": f"digest/articles/{SEED_ID}/",
    "topic": "digest/topics/institutional-framework/",
    "full_text": f"digest/articles/{SEED_ID}/full-text/",
}


def serious_violations(page) -> list[str]:
    """axe's serious and critical violations on ``page``: ``["rule: target …"]``."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    out = []
    for violation in results.response["violations"]:
        if violation.get("impact") in ("serious", "critical"):
            targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:5]]
            out.append(f"{violation['id']} ({violation['impact']}): {violation['help']} -> {targets}")
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", PAGES)
def test_no_serious_or_critical_axe_violations(tab, root_site, name, lang):
    page = PAGES[name] if lang == "zh" else counterpart(PAGES[name])
    tab.goto(root_site.url(page))
    assert serious_violations(tab.page) == []

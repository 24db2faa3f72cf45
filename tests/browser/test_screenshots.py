"""Screenshots of the main pages, desktop (1280 px) and phone (390 px), in both languages.

Written to artifacts/screenshots/ (kept by CI) for people to look at; `make screenshots` copies
the overview ones to docs/assets/ for the README. The test checks what a reader would notice
first: the page fills the width without a horizontal scroll bar and the heading is on screen.
"""
from __future__ import annotations

import pytest

from .conftest import ARTIFACTS, DESKTOP, PHONE, counterpart

SEED_ID = "2019-12-23-000-e7d82218e8e66958"
PAGES = {
    "home": "",
    "overview": f"digest/articles/{SEED_ID}/",
    "full-text": f"digest/articles/{SEED_ID}/full-text/",
    "topic": "digest/topics/projects/",
    "404": "404.html",
}


@pytest.mark.parametrize("device", ["desktop", "phone"])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", PAGES)
def test_screenshot(chromium, root_site, name, lang, device):
    viewport = DESKTOP if device == "desktop" else PHONE
    context = chromium.new_context(viewport=viewport, device_scale_factor=1,
                                   is_mobile=device == "phone", has_touch=device == "phone")
    try:
        page = context.new_page()
        path = PAGES[name] if lang == "zh" else counterpart(PAGES[name])
        page.goto(root_site.url(path), wait_until="load")
        page.wait_for_load_state("networkidle")
        out = ARTIFACTS / "screenshots" / f"{lang}-{name}-{device}.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out))
        assert out.stat().st_size > 10_000
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px on {device}"
        assert page.locator("article h1").is_visible()
    finally:
        context.close()

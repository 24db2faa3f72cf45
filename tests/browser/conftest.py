"""Browser fixtures: built sites served from 127.0.0.1, and Debian's Chromium driven by Playwright.

Two sites are served: the session's ``built_site`` (tests/conftest.py) at ``/``, and a copy built
with a sub-path ``site_url`` served under ``/digest/``, the way GitHub Pages serves a project
site. The server answers a missing address with the site's ``404.html`` and status 404, as GitHub
Pages does. Playwright never downloads a browser: it drives ``/usr/bin/chromium`` (Debian's
``chromium`` package; ``.ci/run`` installs it with ``fonts-noto-cjk``).
"""
from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import copy_project, run_cli

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


# --- serving --------------------------------------------------------------------------------

class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files; a missing file gets ``not_found_page`` with status 404 (GitHub Pages)."""

    not_found_page: Path | None = None

    def log_message(self, *args):      # keep the test output clean
        pass

    def send_error(self, code, message=None, explain=None):
        if code == 404 and self.not_found_page and self.not_found_page.is_file():
            body = self.not_found_page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


@dataclass
class Served:
    """A built site served over HTTP.

    Attributes:
        root: the project copy the site was built in.
        site: its ``site/`` folder.
        base: URL of the site's home page, ending in ``/`` (``http://127.0.0.1:PORT/digest/``).
    """

    root: Path
    site: Path
    base: str
    server: http.server.ThreadingHTTPServer = field(repr=False, default=None)

    def url(self, path: str) -> str:
        """Absolute URL of ``path`` relative to the site (``en/digest/``)."""
        return urljoin(self.base, path)

    def path(self, url: str) -> str:
        """Site-relative path of an absolute URL of this site, without query and fragment."""
        full = urlsplit(url).path
        prefix = urlsplit(self.base).path
        assert full.startswith(prefix), (url, self.base)
        return full[len(prefix):]


def _serve(directory: Path, not_found: Path) -> http.server.ThreadingHTTPServer:
    handler = type("Handler", (_Handler,), {"not_found_page": not_found})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def root_site(built_site) -> Served:
    """The session's built site served at ``http://127.0.0.1:PORT/``."""
    site = built_site / "site"
    server = _serve(site, site / "404.html")
    yield Served(built_site, site, f"http://127.0.0.1:{server.server_address[1]}/", server)
    server.shutdown()


@pytest.fixture(scope="session")
def subpath_site(tmp_path_factory) -> Served:
    """A copy built with ``SITE_URL=http://127.0.0.1:PORT/digest/``, served under ``/digest/``."""
    serve_root = tmp_path_factory.mktemp("serve")
    root = copy_project(tmp_path_factory.mktemp("subpath-project"))
    server = _serve(serve_root, serve_root / "digest" / "404.html")
    base = f"http://127.0.0.1:{server.server_address[1]}/digest/"
    result = run_cli("build", cwd=root)
    assert result.returncode == 0, result.stderr
    env = {**os.environ, "SITE_URL": base}
    mkdocs = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root, env=env,
                            capture_output=True, text=True, timeout=600)
    assert mkdocs.returncode == 0, mkdocs.stderr[-3000:]
    (serve_root / "digest").symlink_to(root / "site", target_is_directory=True)
    yield Served(root, root / "site", base, server)
    server.shutdown()


@pytest.fixture(scope="session", params=["root", "subpath"])
def any_site(request) -> Served:
    """Each served site in turn: at ``/`` and under ``/digest/``."""
    return request.getfixturevalue(f"{request.param}_site")


def site_pages(site: Path) -> list[str]:
    """Site-relative URLs of every page of the default language, and ``404.html``.

    The English counterpart of ``X`` is ``en/X``.
    """
    pages = []
    for path in sorted(site.rglob("index.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(("en/", "search/", "assets/")):
            continue
        pages.append(rel[: -len("index.html")])
    return pages + ["404.html"]


def counterpart(page: str) -> str:
    """The other language's URL of a site-relative page URL (``about/`` <-> ``en/about/``)."""
    return page[3:] if page.startswith("en/") else "en/" + page


# --- browser ----------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def chromium():
    """Playwright's Chromium API driving ``/usr/bin/chromium`` (skipped without it, except in CI)."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} not found: install Debian's chromium and fonts-noto-cjk (.ci/run does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Tab:
    """A browser page with the console errors and uncaught exceptions it reported."""

    page: object
    errors: list[str]

    def goto(self, url: str):
        """Open ``url`` and wait until the page and its scripts have loaded."""
        response = self.page.goto(url, wait_until="load")
        self.page.wait_for_load_state("networkidle")
        return response


@pytest.fixture
def tab(chromium):
    """A fresh desktop-sized page (1280 px wide) in its own browser context."""
    context = chromium.new_context(viewport=DESKTOP, locale="en-GB")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(f"{m.text} @ {m.location.get('url')}"))
    page.on("pageerror", lambda e: errors.append(f"uncaught: {e}"))
    yield Tab(page, errors)
    context.close()

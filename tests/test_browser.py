"""A real browser opens the built site: headless Chromium (Debian's package) driven by Playwright.

Screenshots go to artifacts/screenshots/ (git-ignored). Without Chromium the test is
skipped, unless ARGMAP_REQUIRE_BROWSER=1 (CI sets it after installing Chromium).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading

import pytest

from conftest import REPO
from test_site import fixture_project, mkdocs_build

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SHOTS = REPO / "artifacts" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

if not CHROMIUM:
    if os.environ.get("ARGMAP_REQUIRE_BROWSER") == "1":
        pytest.fail("Chromium is required (ARGMAP_REQUIRE_BROWSER=1) but not installed", pytrace=False)
    pytest.skip("Chromium not installed (apt-get install chromium); browser test skipped", allow_module_level=True)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The shipped site (or the fixture site if no claims ship yet), served on a loopback port."""
    tmp = tmp_path_factory.mktemp("browser")
    from argmap.load.project import load_folder

    shipped = load_folder(REPO / "claims", REPO).kb
    if shipped.claims:
        project, config = REPO, REPO / "mkdocs.yml"
    else:
        project = fixture_project(tmp)
        config = project / "mkdocs.yml"
    out = tmp / "site"
    result = mkdocs_build(project, config, out)
    assert result.returncode == 0, result.stderr
    handler = functools.partial(_Quiet, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", load_folder(project / "claims", project).kb
    finally:
        server.shutdown()


def test_home_topic_and_claim_pages_render_without_console_errors(served):
    from playwright.sync_api import sync_playwright

    url, kb = served
    topic = kb.topics[0]
    claim = next(c for c in kb.claims if c.kind == "thesis")
    pages = {
        "home": (f"{url}/", "argmap"),
        "topic": (f"{url}/topics/{topic.id}/", topic.title[:20]),
        "claim": (f"{url}/claims/{claim.id}/", claim.text[:20]),
    }
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            for name, (address, title_part) in pages.items():
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                errors: list[str] = []
                page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
                page.on("pageerror", lambda e: errors.append(str(e)))
                response = page.goto(address, wait_until="networkidle")
                assert response is not None and response.ok, address
                assert title_part in page.title(), (name, page.title())
                assert page.locator("h1").first.is_visible()
                page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)
                assert errors == [], (name, errors)
                page.close()
        finally:
            browser.close()
    for name in pages:
        assert (SHOTS / f"{name}.png").stat().st_size > 10_000

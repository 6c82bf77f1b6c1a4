"""``make preview`` (devkit/preview.py): a site served for one review on an address of
its own, a random port printed, never ``make serve``'s 8000; no service worker, no cache;
and the pull request's artifact keeps instant navigation at that address."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from conftest import MINIMAL, ROOT, mkdocs_build

from devkit.preview import SERVE_PORT, open_server
from devkit.site import serve_directory

ADDRESS = re.compile(r"^  (http://127\.0\.0\.1:(\d+)/)$", re.M)


@contextmanager
def make_preview(*arguments: str, env: dict[str, str] | None = None) -> Iterator[tuple[str, str]]:
    """``make preview ARGUMENTS`` while the block lasts: its address, and what it printed
    until then."""
    process = subprocess.Popen(
        ["make", "-s", "preview", *arguments],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # make and the server it starts: one group to stop
    )
    assert process.stdout is not None
    printed = ""
    try:
        for line in process.stdout:  # until the address, which it prints once serving
            printed += line
            found = ADDRESS.search(printed)
            if found:
                yield found.group(1), printed
                return
        pytest.fail(f"make preview printed no address:\n{printed}")
    finally:
        # SIGTERM, not Ctrl-C's SIGINT: a shell without job control starts its background
        # commands with SIGINT ignored, and so, inherited, would make and the server be.
        os.killpg(process.pid, signal.SIGTERM)
        try:  # reading what it still prints, so that a full pipe cannot hold it up
            process.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            pytest.fail(f"make preview did not stop on SIGTERM within 120 s:\n{printed}")


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], str]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), ""


@pytest.fixture
def artifact(tmp_path: Path) -> Path:
    """The minimal story's site, built as the pull-request workflow builds its preview."""
    site = tmp_path / "pr-123"
    result = mkdocs_build(site, site_url="http://127.0.0.1/", content=MINIMAL)
    assert result.returncode == 0, result.stderr
    return site


def test_make_preview_serves_the_artifact_on_a_fresh_port_never_8000(artifact: Path) -> None:
    ports = []
    for _ in range(2):
        with make_preview(f"SITE={artifact}") as (url, printed):
            status, _, page = get(url)
            assert status == 200 and "A tiny story" in page, "the site is not served there"
            assert "pull request's own Makefile, generator and theme" in printed
            ports.append(int(url.rsplit(":", 1)[1].rstrip("/")))
    assert SERVE_PORT not in ports, ports
    assert ports[0] != ports[1], "two previews, one address"


def test_make_preview_builds_this_checkout_for_its_own_address(tmp_path: Path) -> None:
    with make_preview(env={"EXPLAINER_CONTENT": str(MINIMAL)}) as (url, printed):
        assert "this checkout's own Makefile" in printed
        status, _, page = get(url)
        assert status == 200 and "A tiny story" in page
        assert f'<link rel="canonical" href="{url}">' in page, "not built for its address"


def test_a_preview_refuses_service_workers_and_caching_and_rewrites_its_sitemap(
    artifact: Path,
) -> None:
    (artifact / "sw.js").write_text("self.addEventListener('fetch', () => {})")
    server = open_server(artifact)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        status, headers, _ = get(url, {"Sec-Fetch-Mode": "navigate"})
        assert (status, headers["Cache-Control"]) == (200, "no-store")
        assert headers["Clear-Site-Data"] == '"cache", "storage"'
        assert "Clear-Site-Data" not in get(url, {"Sec-Fetch-Mode": "navigate"})[1], "twice"
        assert get(url + "sw.js")[0] == 200
        assert get(url + "sw.js", {"Service-Worker": "script"})[0] == 404
        assert get(url + "sw.js", {"Sec-Fetch-Dest": "serviceworker"})[0] == 404
        locations = re.findall(r"<loc>([^<]*)</loc>", get(url + "sitemap.xml")[2])
        assert locations and all(loc.startswith(url) for loc in locations), locations
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def served(root: Path) -> Iterator[str]:
    server = open_server(root)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


REGISTER = (
    "() => navigator.serviceWorker.register('sw.js')"
    ".then(() => 'registered', (error) => 'refused: ' + error.message)"
)


@pytest.mark.browser
def test_a_page_in_the_preview_cannot_register_a_service_worker(
    artifact: Path, browser: Any, tmp_path: Path
) -> None:
    (artifact / "sw.js").write_text("self.addEventListener('fetch', () => {})")
    plain = tmp_path / "plain"
    shutil.copytree(artifact, plain)
    context = browser.new_context()
    try:
        page = context.new_page()
        with serve_directory(plain) as url:  # the control: any other server lets it
            page.goto(url)
            assert page.evaluate(REGISTER) == "registered"
        with served(artifact) as url:
            page.goto(url)
            said = page.evaluate(REGISTER)
            assert said.startswith("refused: ") and "404" in said, said
    finally:
        context.close()


@pytest.mark.browser
def test_instant_navigation_works_in_the_artifacts_preview(artifact: Path, browser: Any) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        with served(artifact) as url:
            page.goto(url, wait_until="networkidle")
            page.evaluate("window.__stayed = 'yes'")
            page.click("article a[href$='tiny-story/']")
            page.wait_for_url(url + "tiny-story/")
            page.wait_for_selector("article h1")
            assert page.evaluate("window.__stayed") == "yes", "the page reloaded"
    finally:
        context.close()

"""Helpers for tests, benchmarks and scripts: build the site as ``make site`` does,
serve it, and launch Debian's Chromium.

Chromium comes from Debian (`apt-get install -y chromium`); Playwright drives it through
``executable_path``, since downloading a browser is not possible everywhere we run.
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


def mkdocs_build(
    site_dir: Path,
    *,
    site_url: str = "https://example.github.io/explainer/",
    content: Path | None = None,
    config: Path | None = None,
    epoch: str = "1700000000",
    story: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict`` like ``make site`` does, into ``site_dir``.

    ``content`` replaces the content folder, ``config`` the repository's mkdocs.yml;
    ``story`` builds that story alone, as ``make serve STORY=<id>`` does.
    """
    env = {
        **os.environ,
        "SITE_URL": site_url,
        "SOURCE_DATE_EPOCH": epoch,
        "NO_MKDOCS_2_WARNING": "1",
    }
    if content is not None:
        env["EXPLAINER_CONTENT"] = str(content)
    env.pop("EXPLAINER_STORY", None)  # a preview set in the caller's shell builds one story
    if story is not None:
        env["EXPLAINER_STORY"] = story
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    if config is not None:
        command += ["--config-file", str(config)]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve_directory(
    root: Path, handler_class: type[http.server.SimpleHTTPRequestHandler] = _QuietHandler
) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 on a free port; yields the base URL, ending in '/'.

    The port is bound before the URL is yielded, so a site can be built for that
    address (Material's instant navigation needs the site_url it is served from).
    """
    handler = functools.partial(handler_class, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def chromium_available() -> bool:
    """Whether Debian's Chromium is installed where the tests look for it."""
    return Path(CHROMIUM).is_file()


@contextmanager
def launch_chromium() -> Iterator[Any]:
    """A headless Debian Chromium driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()

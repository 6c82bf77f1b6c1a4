"""Debian's Chromium, driven by Playwright, with the flags that keep it quiet offline.

Chromium comes from Debian (``apt-get install -y chromium``); Playwright drives it
through ``executable_path``, since downloading a browser is not possible everywhere we
run. Lighthouse launches it itself, with :data:`CHROMIUM_ARGS` too.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

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


def chromium_available() -> bool:
    """Whether Debian's Chromium is installed where :data:`CHROMIUM` says."""
    return Path(CHROMIUM).is_file()


@contextmanager
def launch_chromium(args: Sequence[str] = ()) -> Iterator[Any]:
    """A headless Debian Chromium driven by Playwright, with ``args`` added to its flags."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=[*CHROMIUM_ARGS, *args]
        )
        try:
            yield browser
        finally:
            browser.close()

"""The browser and server helpers, for the tests that import them as ``browser``: most
live in :mod:`devkit`, which the benchmarks and scripts share; :func:`watch`, what a page
did while loading, is the tests' own."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from devkit.chromium import CHROMIUM, CHROMIUM_ARGS, chromium_available, launch_chromium
from devkit.site import mkdocs_build, serve_directory

__all__ = [
    "CHROMIUM",
    "CHROMIUM_ARGS",
    "Watch",
    "chromium_available",
    "launch_chromium",
    "mkdocs_build",
    "serve_directory",
    "watch",
]


@dataclass
class Watch:
    """What a page did while loading: requests, failures, console errors."""

    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def watch(page: Any) -> Watch:
    """Record, from now on, every request ``page`` makes, every failed or refused one
    (status 400 and up) and every console or script error."""
    seen = Watch()

    def on_response(response: Any) -> None:
        if response.status >= 400:
            seen.failed.append(f"{response.url} {response.status}")

    def on_console(message: Any) -> None:
        if message.type == "error":
            seen.errors.append(message.text)

    page.on("request", lambda r: seen.requests.append(r.url))
    page.on("requestfailed", lambda r: seen.failed.append(f"{r.url} {r.failure}"))
    page.on("response", on_response)
    page.on("console", on_console)
    page.on("pageerror", lambda e: seen.errors.append(str(e)))
    return seen

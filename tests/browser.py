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
    "SharedContext",
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


class SharedContext:
    """A browser context whose ``new_page()`` hands out its one tab again (a new one if a
    test closed it), for the tests of a module to share: a page loaded in an open tab costs
    Chromium about a third of one in a new context, whose renderer process starts cold.
    Anything else (permissions, CDP sessions) is the context's. Not for a test that weighs
    or counts what a first visit fetches (the tab has it cached), or that installs a clock
    or stores a reader's choice: those take a context of their own."""

    def __init__(self, context: Any) -> None:
        self.context = context
        self.tab: Any = None

    def new_page(self) -> Any:
        if self.tab is None or self.tab.is_closed():
            self.tab = self.context.new_page()
        return self.tab

    def reset(self) -> None:
        """The tab as a new page is: blank, no route, screen media, light scheme, the mouse
        off the page's content; no permission granted."""
        self.context.clear_permissions()
        if self.tab is not None and not self.tab.is_closed():
            self.tab.unroute_all(behavior="ignoreErrors")
            self.tab.emulate_media(media="screen", color_scheme="light")
            self.tab.goto("about:blank")
            self.tab.mouse.move(0, 0)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.context, name)

"""The browser and server helpers, for the tests that import them as ``browser``: most
live in :mod:`devkit`, which the benchmarks and scripts share; :func:`watch`, what a page
did while loading, and :func:`inline_picture`, the timeline chart's static picture as
elements of the page, are the tests' own."""

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
    "inline_picture",
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


INLINE_PICTURE = """async () => {
  const svg = document.querySelector(".timeline-chart__preview");
  const uses = svg ? Array.from(svg.querySelectorAll(":scope > use")) : [];
  if (!uses.length) return 0;
  const href = (use) => use.getAttribute("xlink:href");
  const url = new URL(href(uses[0]).split("#")[0], document.baseURI);
  const response = await fetch(url);
  if (!response.ok) throw new Error(url + ": " + response.status);
  const file = new DOMParser().parseFromString(await response.text(), "image/svg+xml");
  const style = document.createElementNS("http://www.w3.org/2000/svg", "style");
  style.textContent = ".timeline-chart__preview {" + file.querySelector("style").textContent + "}";
  svg.prepend(style);
  for (const use of uses) {
    const drawn = file.getElementById(href(use).split("#")[1]);
    const group = document.importNode(drawn, true);
    group.removeAttribute("id");
    if (use.hasAttribute("class")) {
      group.setAttribute("class", use.getAttribute("class"));
      use.replaceWith(group);
    } else {
      use.replaceWith(...Array.from(group.childNodes));
    }
  }
  return uses.length;
}"""


def inline_picture(page: Any) -> int:
    """Put the timeline chart's static picture into ``page`` (a page or a frame) as
    elements of its own: the groups of the picture's file in place of the ``<use>``
    elements that draw them (whose copies, in a shadow tree, no selector or script of
    the page reaches), the base's elements unwrapped and each layout's group with its
    ``<use>``'s class, the file's style scoped to the picture. What the reader sees is
    unchanged (test_chart_browser.py holds the two equal, pixel for pixel); the tests
    can then measure each text and mark as drawn. Returns the ``<use>`` elements
    replaced."""
    return int(page.evaluate(INLINE_PICTURE))


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

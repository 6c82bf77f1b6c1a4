"""axe-core, the accessibility checker, run over a built site in Chromium.

axe-core is pinned in tests/npm/package-lock.json and installed by ``make test``
(``npm ci --prefix tests/npm``). :func:`scan` loads each page once and runs axe over it
with every rule at desktop width in the light palette, and the pages :func:`kinds` picks
(one of each kind of page, and enough to hold every kind of element any page holds) at
phone width and in the dark palette too; pages with the timeline chart again once it has
been made interactive. Each :class:`Violation` names the page, the width, the palette,
the rule and the element.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conftest import ROOT

AXE = ROOT / "tests" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
"""Every rule of WCAG 2.0, 2.1 and 2.2 at levels A and AA that axe-core checks."""
WIDTHS = (375, 1280)
"""A phone and a desktop, in CSS pixels."""
PALETTES = {"light": "default", "dark": "slate"}
"""Material's colour schemes, by the name of the palette a reader picks."""
CHART = ".timeline-chart__box"
TABS = 2
"""Pages checked at once: one per core of the machines we run on."""

# Material fades colours when the palette changes: axe must see the final ones.
_NO_TRANSITIONS = """document.addEventListener("DOMContentLoaded", () => {
  const style = document.createElement("style");
  style.textContent = "*, *::before, *::after { transition: none !important }";
  document.head.append(style);
})"""

_START = """([scheme, tags, colourOnly, parts]) => {
  document.body.setAttribute("data-md-color-scheme", scheme);
  // A palette changes colours only: in the second one, the rules about colour suffice.
  const rules = axe.getRules(tags).filter(r => !colourOnly || r.tags.includes("cat.color"));
  const context = parts.length ? {include: parts.map(p => [p])} : document;
  window.__axe = axe.run(context, {
    runOnly: {type: "rule", values: rules.map(r => r.ruleId)},
    resultTypes: ["violations"], performanceTimer: false,
  }).then(result => result.violations.flatMap(rule => rule.nodes.map(node => ({
    rule: rule.id, impact: node.impact || "", target: node.target.join(" "), html: node.html
  }))))
}"""
"""Sets the palette and starts axe; ``window.__axe`` is then the promise of its findings."""


@dataclass(frozen=True, order=True)
class Violation:
    """One element that breaks one axe rule, and where it was seen."""

    page: str
    rule: str
    target: str
    width: int
    palette: str
    chart: str
    """'static' or 'interactive': the state of the timeline chart, if the page has one."""
    impact: str
    html: str

    def __str__(self) -> str:
        state = f", chart {self.chart}" if self.chart else ""
        return (
            f"{self.page} at {self.width}px, {self.palette} palette{state}: "
            f"{self.rule} ({self.impact}) on {self.target}\n      {self.html[:300]}"
        )


def report(violations: list[Violation]) -> str:
    """The violations, one per line, in page order, for a test's failure message."""
    lines = [str(v) for v in sorted(violations)]
    return f"{len(lines)} accessibility violation(s):\n  " + "\n  ".join(lines)


CLASSES = re.compile(r'\sclass="([^"]*)"')
"""A class attribute of the built HTML: which kinds of element a page holds."""


def kind_of(folder: Path, page: str) -> str:
    """The kind of ``page`` (a path under the built site ``folder``, as :func:`scan`
    takes it): its path with a year, an actor's id or a story's id in place of '*' (a
    story is a folder of pages with pages of its own in it)."""
    parts = page.split("/")
    if len(parts) > 3 and parts[:2] == ["stories", "with"]:  # an actor's page
        parts[2] = "*"
    elif len(parts) > 2 and parts[0] == "stories":  # a year's page
        parts[1] = "*"
    elif len(parts) > 1 and any(
        (sub / "index.html").is_file() for sub in _folders(folder / parts[0])
    ):
        parts[0] = "*"
    return "/".join(parts)


def _folders(folder: Path) -> list[Path]:
    return [sub for sub in folder.iterdir() if sub.is_dir()] if folder.is_dir() else []


def kinds(folder: Path, pages: list[str]) -> list[str]:
    """The pages that stand for all of ``pages``: a page of each kind (:func:`kind_of`),
    the one holding the most classes of element, then, while some class of element on some
    page is on none of them, the page holding the most such classes. So every template,
    and every kind of element any page holds, is among them."""

    def classes(page: str) -> frozenset[str]:
        html = folder / page if page.endswith(".html") else folder / page / "index.html"
        text = html.read_text(encoding="utf-8")
        return frozenset(c for m in CLASSES.finditer(text) for c in m.group(1).split())

    held = {page: classes(page) for page in pages}
    chosen: dict[str, str] = {}
    for page in pages:
        kind = kind_of(folder, page)
        if kind not in chosen or len(held[page]) > len(held[chosen[kind]]):
            chosen[kind] = page
    picked = set(chosen.values())
    missing = set().union(*held.values()) - set().union(*(held[p] for p in picked))
    while missing:
        best = max(pages, key=lambda p: len(held[p] & missing))
        picked.add(best)
        missing -= held[best]
    return [page for page in pages if page in picked]


def scan(
    browser: Any,
    base: str,
    paths: list[str],
    interact: Callable[[Any], None],
    parts: tuple[str, ...] = (),
    everywhere: Collection[str] | None = None,
) -> list[Violation]:
    """Every violation on every page (URL ``base + path``).

    Each page is loaded once and checked with every rule at desktop width in the light
    palette; the pages in ``everywhere`` (None: all of them; :func:`kinds` picks some) at
    each width, in the dark palette with the rules about colour (switching palettes changes
    colours only). Pages with the timeline chart are checked again, so, after
    ``interact(page)`` has made the chart interactive. Pages are checked :data:`TABS` at a
    time, their axe runs overlapping. ``parts`` (CSS selectors) limits the check to those
    parts of each page; by default the whole page is checked.
    """
    contexts = [browser.new_context() for _ in range(TABS)]
    found: list[Violation] = []
    every = [(width, palette) for width in reversed(WIDTHS) for palette in PALETTES]
    once = [(WIDTHS[-1], "light")]

    def combos(path: str, widths: list[int]) -> list[tuple[int, str]]:
        if everywhere is not None and path not in everywhere:
            return once
        return sorted(every, key=lambda combo: widths.index(combo[0]))

    try:
        for context in contexts:
            context.add_init_script(AXE.read_text(encoding="utf-8"))
            context.add_init_script(_NO_TRANSITIONS)
        tabs = [context.new_page() for context in contexts]
        for start in range(0, len(paths), TABS):
            batch = list(zip(tabs, paths[start : start + TABS], strict=False))
            for tab, path in batch:
                tab.set_viewport_size({"width": WIDTHS[-1], "height": 900})
                tab.goto(base + path, wait_until="commit")
            for tab, _ in batch:
                tab.wait_for_load_state("load")
            charts = [(tab, path) for tab, path in batch if tab.locator(CHART).count()]
            static = list(reversed(WIDTHS))
            found += _check(
                [
                    (tab, path, "static" if (tab, path) in charts else "", combos(path, static))
                    for tab, path in batch
                ],
                parts,
            )
            for tab, _ in charts:
                interact(tab)
                tab.mouse.move(0, 0)  # the pointer leaves: no check depends on where it was
            widths = list(WIDTHS)
            found += _check(
                [(tab, path, "interactive", combos(path, widths)) for tab, path in charts], parts
            )
    finally:
        for context in contexts:
            context.close()
    return found


def _check(
    batch: list[tuple[Any, str, str, list[tuple[int, str]]]], parts: tuple[str, ...]
) -> list[Violation]:
    """axe in each tab of the batch at once, at each of its (width, palette) in turn."""
    found = []
    order = []
    for *_, combos in batch:
        order += [combo for combo in combos if combo not in order]
    for width, palette in order:
        now = [
            (tab, path, chart) for tab, path, chart, combos in batch if (width, palette) in combos
        ]
        for tab, _, _ in now:
            if tab.viewport_size["width"] != width:
                tab.set_viewport_size({"width": width, "height": 900})
        for tab, _, _ in now:
            tab.evaluate(_START, [PALETTES[palette], WCAG_TAGS, palette != "light", list(parts)])
        for tab, path, chart in now:
            found += [
                Violation(path or "/", width=width, palette=palette, chart=chart, **node)
                for node in tab.evaluate("window.__axe")
            ]
    return found

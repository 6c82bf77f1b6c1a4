"""axe-core, the accessibility checker, run over a built site in Chromium.

axe-core is pinned in tests/npm/package-lock.json and installed by ``make test``
(``npm ci --prefix tests/npm``). :func:`scan` loads each page once per width, runs
axe in the light and the dark palette, and again once the timeline chart has been made
interactive; each :class:`Violation` names the page, the width, the palette, the rule
and the element.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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


def scan(
    browser: Any,
    base: str,
    paths: list[str],
    interact: Callable[[Any], None],
    parts: tuple[str, ...] = (),
) -> list[Violation]:
    """Every violation on every page (URL ``base + path``) at each width, in each palette.

    Each page is loaded once and checked at each width in the light palette, then in the
    dark one with the rules about colour (switching palettes changes colours only).
    Pages with the timeline chart are checked again after ``interact(page)`` has made
    the chart interactive. Pages are checked :data:`TABS` at a time, their axe runs
    overlapping. ``parts`` (CSS selectors) limits the check to those parts of each page;
    by default the whole page is checked.
    """
    contexts = [browser.new_context() for _ in range(TABS)]
    found: list[Violation] = []
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
            static = [(tab, path, "static" if (tab, path) in charts else "") for tab, path in batch]
            found += _check(static, list(reversed(WIDTHS)), parts)
            for tab, _ in charts:
                interact(tab)
                tab.mouse.move(0, 0)  # the pointer leaves: no check depends on where it was
            interactive = [(tab, path, "interactive") for tab, path in charts]
            found += _check(interactive, list(WIDTHS), parts)
    finally:
        for context in contexts:
            context.close()
    return found


def _check(
    batch: list[tuple[Any, str, str]], widths: list[int], parts: tuple[str, ...]
) -> list[Violation]:
    """axe in each tab of the batch at once, at each width, in each palette."""
    found = []
    for width in widths:
        for tab, _, _ in batch:
            tab.set_viewport_size({"width": width, "height": 900})
        for palette, scheme in PALETTES.items():
            for tab, _, _ in batch:
                tab.evaluate(_START, [scheme, WCAG_TAGS, palette != "light", list(parts)])
            for tab, path, chart in batch:
                found += [
                    Violation(path or "/", width=width, palette=palette, chart=chart, **node)
                    for node in tab.evaluate("window.__axe")
                ]
    return found

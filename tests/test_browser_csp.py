"""The Content-Security-Policy in Chromium (generator/publish/csp.py): the site works under it
with no violation, search, chart, embed, palette and instant navigation included; and a
script planted in a page without its hash is refused."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import watch
from conftest import FIRST_STORY
from test_browser import wait_for_chart_script

pytestmark = pytest.mark.browser

REPORT = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  const seen = [e.effectiveDirective, e.blockedURI, e.sample].join(" ");
  window.__csp.push(seen);
  window.__cspSeen(location.href + ": " + seen);
});
"""
"""Run in every document and frame before its own scripts: each violation, recorded in
the page (``window.__csp``) and handed to the test (``__cspSeen``)."""

PLANTED = (
    '<script>window.__planted = "ran"</script>'
    '<img alt="" src="data:," onerror="window.__handler = \'ran\'">'
)
"""What an escape that failed would put in an article: a script and an event handler."""

POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>')


class Seen:
    """What the browser said about the policy: violations, and console lines naming it."""

    def __init__(self) -> None:
        self.violations: list[str] = []
        self.console: list[str] = []


@pytest.fixture
def context(browser: Any) -> Iterator[tuple[Any, Seen]]:
    """A browser context that reports every violation of the policy, in every frame."""
    made = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    seen = Seen()
    made.expose_binding("__cspSeen", lambda _source, text: seen.violations.append(text))
    made.add_init_script(REPORT)
    yield made, seen
    made.close()


def open_page(context: tuple[Any, Seen]) -> tuple[Any, Seen, Any]:
    made, seen = context
    page = made.new_page()

    def on_console(message: Any) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            seen.console.append(message.text)

    page.on("console", on_console)
    return page, seen, watch(page)


def painted(page: Any) -> None:
    """Wait for two frames: Chromium drops keys pressed before a page has painted."""
    page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def hover_first_mark(page: Any, root: Any) -> str:
    """Move the pointer onto the chart's first mark in view (in ``root``, the page or a
    frame at its top left); its tooltip's text."""
    x, y = root.locator("#timeline-chart").evaluate(
        """gd => { const plot = gd.querySelector('.draglayer .nsewdrag').getBoundingClientRect();
          for (const p of gd.querySelectorAll('.scatterlayer .point')) {
            const b = p.getBoundingClientRect();
            const x = (b.left + b.right) / 2, y = (b.top + b.bottom) / 2;
            if (x > plot.left && x < plot.right && y > plot.top && y < plot.bottom) return [x, y];
          } return null; }"""
    )
    page.mouse.move(x, y)
    tooltip = root.locator("#timeline-chart .hoverlayer .hovertext").first
    tooltip.wait_for(state="attached", timeout=60000)
    return str(tooltip.text_content())


def test_the_site_works_under_its_policy_with_no_violation(
    live_site: tuple[str, Path], context: tuple[Any, Seen]
) -> None:
    base, _ = live_site
    page, seen, watched = open_page(context)
    page.goto(base + FIRST_STORY + "/", wait_until="networkidle")
    assert POLICY.search(page.content()), "the page has no Content-Security-Policy"
    # A mark that only survives an instant navigation.
    page.evaluate("window.__stayed = 'yes'")

    painted(page)
    page.keyboard.press("/")  # the search: its dialog, Pagefind's script and WebAssembly
    page.wait_for_selector("#site-search[open]")
    page.keyboard.type("Yongbyon")
    page.wait_for_function(
        "() => document.querySelector('#site-search-results').dataset.query === 'Yongbyon'",
        timeout=60000,
    )
    assert page.locator(".site-search__result").count() > 0, "search found nothing"
    page.keyboard.press("Escape")

    page.click("article a[href$='/timeline/']")  # instant navigation to the chart's page
    page.wait_for_url("**/" + FIRST_STORY + "/timeline/")
    page.wait_for_selector("article h1:has-text('Timeline')")
    assert page.evaluate("window.__stayed") == "yes", "the page reloaded: no instant navigation"
    # Instant navigation runs the new page's inline scripts of Material's main grid under
    # the first page's policy: there are none (Material's content-tab scripts are left out,
    # theme/partials/javascripts/content.html), so none can be refused.
    assert page.locator(".md-main__inner > script:not([src])").count() == 0

    wait_for_chart_script(page)
    page.hover(".timeline-chart__box")  # plotly.js and the figure come; the chart is drawn
    page.wait_for_selector("figure.timeline-chart.is-ready", timeout=60000)
    assert hover_first_mark(page, page).strip(), "the chart's tooltip is empty"

    page.click("label[title='Switch to dark mode']")  # the palette
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    page.reload(wait_until="networkidle")  # the palette's inline script keeps the choice
    assert page.get_attribute("body", "data-md-color-scheme") == "slate", "choice not kept"

    assert seen.violations == [], seen.violations
    assert seen.console == [], seen.console
    assert watched.errors == [], watched.errors


def test_the_embeddable_timeline_works_under_its_policy_in_another_sites_frame(
    live_site: tuple[str, Path], context: tuple[Any, Seen]
) -> None:
    base, _ = live_site
    page, seen, watched = open_page(context)
    embed = f"{base}{FIRST_STORY}/timeline/embed/"
    frame = f"<iframe src='{embed}' style='width:100%;height:900px;border:0'></iframe>"
    page.set_content(f"<!doctype html><html><body>{frame}</body></html>")  # another site
    inside = page.frame_locator("iframe")
    inside.locator("figure.timeline-chart figcaption").wait_for()
    wait_for_chart_script(inside)
    inside.locator(".timeline-chart__box").hover()
    inside.locator("figure.timeline-chart.is-ready").wait_for(timeout=60000)
    assert hover_first_mark(page, inside).strip(), "the chart's tooltip is empty"
    inner = page.frames[1]
    assert POLICY.search(inner.content()), "the embed page has no Content-Security-Policy"
    assert seen.violations == [], seen.violations
    assert seen.console == [], seen.console
    assert watched.errors == [], watched.errors


def plant(
    page: Any, site: tuple[str, Path], path: str, change: Callable[[str], str] = lambda h: h
) -> str:
    """Serve the page at ``path`` of ``site`` to ``page`` with :data:`PLANTED` at the end
    of its article, and ``change`` made to it; its address. The page is read from the
    built folder: the site's address is the browser's alone (tests/sites.py)."""
    base, folder = site
    html = (folder / path / "index.html").read_text(encoding="utf-8")
    html = html.replace("</article>", PLANTED + "</article>", 1)
    assert PLANTED in html
    body = change(html)
    page.route(base + path, lambda route: route.fulfill(content_type="text/html", body=body))
    return base + path


def test_a_planted_script_without_its_hash_is_refused(
    live_site: tuple[str, Path], context: tuple[Any, Seen]
) -> None:
    page, seen, _ = open_page(context)
    url = plant(page, live_site, FIRST_STORY + "/")
    page.goto(url, wait_until="networkidle")
    page.wait_for_function("() => window.__csp.length >= 2")
    assert page.evaluate("[window.__planted, window.__handler]") == [None, None]
    refused = sorted(v.split(" ")[0] for v in page.evaluate("window.__csp"))
    assert refused == ["script-src-attr", "script-src-elem"], refused
    said = [line for line in seen.console if "violates the following Content Security" in line]
    assert len(said) == 2, seen.console  # and Chromium says so in the console, each
    # The page's own inline scripts still ran: the search button is put in the header.
    assert page.is_visible(".md-header #site-search-open")


def test_without_the_policy_the_planted_script_runs(
    live_site: tuple[str, Path], context: tuple[Any, Seen]
) -> None:
    """The control: the planting works, so the test above can fail."""
    page, seen, _ = open_page(context)
    url = plant(page, live_site, FIRST_STORY + "/", lambda html: POLICY.sub("", html, count=1))
    page.goto(url, wait_until="networkidle")
    page.wait_for_function("() => window.__planted === 'ran' && window.__handler === 'ran'")
    assert seen.violations == []

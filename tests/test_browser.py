"""The built site in headless Chromium, served under a sub-path as on GitHub Pages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from browser import Watch, watch

pytestmark = pytest.mark.browser


def site_pages(site: tuple[str, Path]) -> list[str]:
    base, folder = site
    pages = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("index.html"))
    return [base + p.removesuffix("index.html") for p in pages]


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def tab(shared_context: Any) -> Any:
    """The module's shared 1280 px tab (conftest's ``shared_context``), for the tests that
    load pages and read them or follow their links, with no listener and no stored choice."""
    return shared_context(1280).new_page()


def test_every_page_loads_cleanly_from_this_host_only(
    live_site: tuple[str, Path], page: Any
) -> None:
    base, _ = live_site
    host = urlsplit(base).netloc
    pages = site_pages(live_site)
    assert len(pages) > 10
    seen = watch(page)
    for url in pages:  # in one tab: a page loaded in a new one costs Chromium twice as much
        for found in (seen.requests, seen.failed, seen.errors):
            found.clear()
        page.goto(url, wait_until="networkidle")
        assert seen.errors == [], f"{url}: console errors {seen.errors}"
        assert seen.failed == [], f"{url}: failed requests {seen.failed}"
        foreign = [r for r in seen.requests if urlsplit(r).netloc not in (host, "")]
        assert foreign == [], f"{url}: requests to other hosts {foreign}"


def test_instant_navigation_does_not_reload(live_site: tuple[str, Path], tab: Any) -> None:
    page = tab
    base, _ = live_site
    page.goto(base + "hanoi-summit-2019/", wait_until="networkidle")
    page.evaluate("window.__stayed = 'yes'")
    page.click("article a[href$='/background/']")
    page.wait_for_url("**/hanoi-summit-2019/background/")
    page.wait_for_selector("h1:has-text('Background')")
    assert page.evaluate("window.__stayed") == "yes", "the page reloaded: no instant navigation"


def test_dark_mode_toggle_switches_palette(live_site: tuple[str, Path], page: Any) -> None:
    base, _ = live_site
    page.emulate_media(color_scheme="light")
    page.goto(base, wait_until="networkidle")
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    page.click("label[title='Switch to dark mode']")
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    page.reload(wait_until="networkidle")
    assert page.get_attribute("body", "data-md-color-scheme") == "slate", "choice not kept"
    # The switch is written by md-palette.js, not sent in the page: after instant
    # navigation to a page two folders down it is there once, and works.
    page.evaluate("window.__stayed = true")
    page.click("a[href$='hanoi-summit-2019/']")
    page.click("article a[href$='/background/']")
    page.wait_for_selector("h1:has-text('Background')")
    assert page.evaluate("window.__stayed"), "the page reloaded: no instant navigation"
    assert page.locator("form[data-md-component=palette]").count() == 1
    page.click("label[title='Switch to light mode']")
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    page.goto(base + "hanoi-summit-2019/background/", wait_until="networkidle")  # loaded there
    assert page.locator("form[data-md-component=palette]").count() == 1
    assert page.get_attribute("body", "data-md-color-scheme") == "default", "choice not kept"
    page.click("label[title='Switch to dark mode']")
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_tab_reaches_the_palette_switch_the_reader_sees(
    live_site: tuple[str, Path], browser: Any, scheme: str
) -> None:
    """Tab stops on the palette's checked radio: the one of the palette in use, whose
    label is the icon shown, with its focus ring and the name of what it does."""
    context = browser.new_context(color_scheme=scheme)
    tab = context.new_page()
    tab.goto(live_site[0] + "hanoi-summit-2019/", wait_until="networkidle")
    for _ in range(3):  # the skip link, the logo, the palette's switch
        tab.keyboard.press("Tab")
    focused = tab.evaluate(
        """() => { const e = document.activeElement, label = e.nextElementSibling;
          return [e.name, e.getAttribute('aria-label'), label && !label.hidden,
                  label && getComputedStyle(label).outlineStyle]; }"""
    )
    tab.keyboard.press("Enter")  # and it does what it says
    other = "default" if scheme == "dark" else "slate"
    tab.wait_for_function(f"() => document.body.dataset.mdColorScheme === {other!r}")
    context.close()
    name = "Switch to light mode" if scheme == "dark" else "Switch to dark mode"
    assert focused[:3] == ["__palette", name, True], focused


@pytest.mark.parametrize("path", ["positions/", "accounts/", "reactions/", "timeline/", ""])
def test_side_by_side_views_fit_a_phone(
    live_site: tuple[str, Path], shared_context: Any, path: str
) -> None:
    base, _ = live_site
    page = shared_context(375, 812).new_page()
    page.goto(base + "hanoi-summit-2019/" + path, wait_until="networkidle")
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"{path}: content is {widths[0]}px wide on a 375px screen"


def test_sides_stand_side_by_side_on_desktop(live_site: tuple[str, Path], tab: Any) -> None:
    page = tab
    base, _ = live_site
    page.goto(base + "hanoi-summit-2019/accounts/", wait_until="networkidle")
    tops = page.eval_on_selector_all(
        ".sides > .side", "els => els.map(e => e.getBoundingClientRect().top)"
    )
    assert len(tops) >= 2 and tops[0] == tops[1], "answers are not side by side"


def test_glossary_terms_explain_themselves_on_hover(live_site: tuple[str, Path], tab: Any) -> None:
    page = tab
    base, _ = live_site
    page.goto(base + "hanoi-summit-2019/", wait_until="networkidle")
    # glossary.js moves each definition from title to data-definition, and shows it as text.
    definitions = page.eval_on_selector_all(
        "article abbr", "els => els.map(e => e.getAttribute('data-definition'))"
    )
    assert definitions and all(definitions), "no glossary term is marked on the story page"
    page.locator("article abbr").first.hover()
    tip = page.locator("#glossary-tip")
    tip.wait_for(state="visible")
    assert tip.text_content() == definitions[0]


def test_citations_lead_to_numbered_sources(live_site: tuple[str, Path], tab: Any) -> None:
    page = tab
    base, _ = live_site
    page.goto(base + "hanoi-summit-2019/background/", wait_until="networkidle")
    page.click("sup.cite a >> nth=0")
    page.wait_for_url("**/sources/#source-*")
    target = page.evaluate("location.hash")
    # The URL changes before Material swaps the sources page in: wait, don't poll once.
    page.wait_for_selector(f"article {target}", state="visible", timeout=60000)
    assert page.evaluate("location.pathname").endswith("/sources/")


def test_print_hides_navigation_and_shows_source_addresses(
    live_site: tuple[str, Path], tab: Any
) -> None:
    page = tab
    base, _ = live_site
    page.goto(base + "hanoi-summit-2019/sources/", wait_until="networkidle")
    chrome = (".md-header", ".md-footer", ".story-chapters__bar")
    assert all(page.is_visible(selector) for selector in chrome), "on screen, the chrome shows"
    page.emulate_media(media="print")
    assert not page.is_visible(".md-header")
    assert not page.is_visible(".md-footer")
    after = page.eval_on_selector(
        "ol.sources a[href^='http']", "a => getComputedStyle(a, '::after').content"
    )
    assert "http" in after or "attr(href)" in after


PLOT = "#timeline-chart .main-svg"


def events_of(live_site: tuple[str, Path]) -> list[dict[str, Any]]:
    import json

    data = json.loads((live_site[1] / "hanoi-summit-2019" / "data" / "story.json").read_text())
    return list(data["events"])


def open_timeline(page: Any, base: str) -> None:
    page.goto(base + "hanoi-summit-2019/timeline/", wait_until="networkidle")
    reach_for_chart(page)


CHART_SCRIPT = ".timeline-chart__keys:not([hidden])"
"""The events' slider, shown by the timeline's script as it sets the chart up: from then
on, a reader reaching for the chart has it drawn (before, the reach would go unseen)."""


def wait_for_chart_script(page: Any) -> None:
    """Until the timeline's script on ``page`` (a page or a frame) listens for a reader."""
    page.locator(CHART_SCRIPT).wait_for(state="attached", timeout=60000)


def reach_for_chart(page: Any) -> None:
    """Point at the chart's static picture, as a reader does; Plotly's chart replaces it."""
    wait_for_chart_script(page)
    page.hover(".timeline-chart__box")
    page.wait_for_selector("figure.timeline-chart.is-ready", timeout=60000)


def test_timeline_chart_is_drawn_without_javascript(
    live_site: tuple[str, Path], browser: Any
) -> None:
    from xml.etree import ElementTree

    from generator.render.chart.preview import HOVERED_LAYERS

    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    seen = watch(page)
    page.goto(live_site[0] + "hanoi-summit-2019/timeline/", wait_until="networkidle")
    # The picture is a file of the story's, drawn through <use> elements: read the file.
    hrefs = page.eval_on_selector_all(
        ".timeline-chart__preview > use", "u => u.map(e => e.getAttribute('xlink:href'))"
    )
    box = page.locator(".timeline-chart__preview").bounding_box()
    keys_hidden = page.locator(".timeline-chart__keys").is_hidden()
    context.close()
    assert hrefs and {h.split("#")[0] for h in hrefs} == {"picture.svg"}, hrefs
    picture = live_site[1] / "hanoi-summit-2019" / "timeline" / "picture.svg"
    assert [r for r in seen.requests if r.endswith("/timeline/picture.svg")], seen.requests
    assert seen.failed == []
    svg = "{http://www.w3.org/2000/svg}"
    groups = {g.get("id", ""): g for g in ElementTree.parse(picture).getroot().iter(f"{svg}g")}
    assert sorted(groups) == sorted(h.split("#")[1] for h in hrefs)  # each drawn, once
    # the layouts a mouse points at name each mark's event (HOVERED_LAYERS); a phone's not
    marks = [c for name in HOVERED_LAYERS for c in groups[name].iter(f"{svg}circle")]
    tips = [t.text or "" for c in marks for t in c.iter(f"{svg}title")]
    titles = {e["title"] for e in events_of(live_site)}
    assert box["width"] > 300 and box["height"] > 100
    assert len(marks) == len(tips) and tips
    for tip in tips:  # its event's title and date, or the events a mark stands for
        assert any(tip.startswith(t + ", ") for t in titles) or re.match(r"\d+ events: ", tip), tip
    assert keys_hidden, "the keyboard's slider needs the script: without it, the list serves"


@pytest.fixture(scope="module")
def timeline(live_site: tuple[str, Path], browser: Any) -> Iterator[tuple[Any, Watch]]:
    """The first story's timeline, its chart opened, and what the page did from the start
    (:func:`watch`): shared by the tests that only read and hover it."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    seen = watch(page)
    open_timeline(page, live_site[0])
    yield page, seen
    context.close()


def test_timeline_chart_has_one_mark_per_event(
    live_site: tuple[str, Path], timeline: tuple[Any, Watch]
) -> None:
    page, seen = timeline
    marks = page.eval_on_selector_all("#timeline-chart .scatterlayer .point", "els => els.length")
    assert marks == len(events_of(live_site))
    assert seen.errors == []


def test_hovering_a_mark_shows_its_own_event(timeline: tuple[Any, Watch]) -> None:
    page, _ = timeline
    page.mouse.move(1, 1)  # off the chart: no hover left over
    x, y, title = page.evaluate(
        """() => { const gd = document.getElementById('timeline-chart');
          const plot = gd.querySelector('.draglayer .nsewdrag').getBoundingClientRect();
          const seen = Array.from(gd.querySelectorAll('.scatterlayer .point')).filter((p) => {
            const b = p.getBoundingClientRect();
            return b.left > plot.left && b.right < plot.right && b.top > plot.top; });
          const point = seen[seen.length - 1], b = point.getBoundingClientRect();
          const trace = point.closest('.trace').__data__[0].trace, i = point.__data__.i;
          const title = trace.text[i] ? trace.text[i].match(/<b>(.*?)<\\/b>/)[1]
            : trace.customdata[i][1];
          return [b.x + b.width / 2, b.y + b.height / 2, title.replace(/<br>/g, '')]; }"""
    )
    page.mouse.move(x, y)
    page.wait_for_selector("#timeline-chart .hoverlayer .hovertext", state="attached")
    text = page.eval_on_selector("#timeline-chart .hoverlayer .hovertext", "e => e.textContent")
    assert text.startswith(title), (title, text)  # that mark's event, not a neighbour's


def test_chart_survives_instant_navigation_away_and_back(
    live_site: tuple[str, Path], tab: Any
) -> None:
    page = tab
    base, _ = live_site
    open_timeline(page, base)
    page.evaluate("window.__stayed = 'yes'")
    page.click("article a[href$='/actors/#actor-donald-trump'] >> nth=0")
    page.wait_for_url(lambda url: url.endswith("/actors/#actor-donald-trump"))
    # The URL changes before Material swaps the content in: wait for the swap, or
    # going back cancels it and the old chart is still there when the test looks.
    page.wait_for_selector("#timeline-chart", state="detached", timeout=60000)
    page.go_back()
    page.wait_for_url("**/timeline/")
    page.wait_for_selector(".timeline-chart__box", timeout=60000)
    reach_for_chart(page)
    assert page.evaluate("window.__stayed") == "yes", "the page reloaded"
    marks = page.eval_on_selector_all("#timeline-chart .scatterlayer .point", "els => els.length")
    assert marks == len(events_of(live_site))


def test_keyboard_focus_on_the_chart_is_visible(live_site: tuple[str, Path], tab: Any) -> None:
    page = tab
    page.goto(live_site[0] + "hanoi-summit-2019/timeline/", wait_until="networkidle")
    # The slider is hidden until timeline.js has set it up: a reader tabbing sooner
    # passes a chart that is still its picture.
    page.wait_for_selector(".timeline-chart__keys", state="visible")
    page.evaluate("(h) => { h.tabIndex = -1; h.focus(); }", page.query_selector("article h1"))
    for _ in range(10):  # then Tab, as a keyboard user moves on
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('timeline-chart__keys')"):
            break
    # A real control, announced by its name and the event it is on; not a focusable image.
    assert page.evaluate("document.activeElement.type") == "range"
    assert page.get_attribute(".timeline-chart__keys", "aria-label")
    assert page.get_attribute(".timeline-chart__keys", "aria-valuetext")
    assert page.locator("#timeline-chart[role], #timeline-chart[tabindex]").count() == 0
    style = page.eval_on_selector(".timeline-chart__box", "b => getComputedStyle(b).outlineStyle")
    assert style == "solid"
    page.wait_for_selector(PLOT, timeout=60000)  # focus made it interactive


def test_chart_follows_the_palette_toggle(live_site: tuple[str, Path], page: Any) -> None:
    page.emulate_media(color_scheme="light")
    open_timeline(page, live_site[0])
    tick = "#timeline-chart .xtick text"
    light = page.eval_on_selector(tick, "t => getComputedStyle(t).fill")
    page.click("label[title='Switch to dark mode']")
    page.wait_for_function(
        "([s, before]) => getComputedStyle(document.querySelector(s)).fill !== before",
        arg=[tick, light],
        timeout=60000,
    )
    dark = page.eval_on_selector(tick, "t => getComputedStyle(t).fill")
    assert dark != light


def test_plotly_is_fetched_only_on_the_chart_page(live_site: tuple[str, Path], page: Any) -> None:
    base, _ = live_site
    seen = watch(page)
    for path in ("", "hanoi-summit-2019/", "hanoi-summit-2019/sources/", "about/"):
        page.goto(base + path, wait_until="networkidle")
    assert not [r for r in seen.requests if "plotly" in r]
    page.goto(base + "hanoi-summit-2019/timeline/", wait_until="networkidle")
    assert not [r for r in seen.requests if "plotly" in r], "fetched before the reader asked"
    reach_for_chart(page)
    assert len([r for r in seen.requests if "plotly-basic" in r]) == 1

"""The newsroom's chrome, in headless Chromium: the publisher's masthead in both
palettes at phone and desktop width, and the footer every page ends with, whose links
all lead to pages of the site."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from conftest import ROOT

pytestmark = pytest.mark.browser

PUBLISHER = yaml.safe_load((ROOT / "content" / "publisher.yml").read_text(encoding="utf-8"))
WIDTHS = {"phone": 375, "desktop": 1280}


@pytest.fixture(params=list(WIDTHS))
def page(shared_context: Any, request: pytest.FixtureRequest) -> Any:
    """The module's shared tab at each width (conftest's ``shared_context``)."""
    return shared_context(WIDTHS[request.param], 812).new_page()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_masthead_shows_the_publishers_logo_and_name(
    live_site: tuple[str, Path], page: Any, scheme: str
) -> None:
    base, _ = live_site
    page.emulate_media(color_scheme=scheme)
    page.goto(base + "hanoi-summit-2019/outcomes/", wait_until="networkidle")
    masthead = page.locator(".md-header .md-logo")
    assert masthead.is_visible(), "no masthead in the header"
    assert masthead.locator(".masthead__name").inner_text() == PUBLISHER["name"]
    logo = masthead.locator("img.masthead__logo")
    assert logo.is_visible() and logo.evaluate("i => i.complete && i.naturalWidth > 0")
    box = logo.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 56, "the logo is not in the bar"
    colours = page.evaluate(
        """() => { const h = document.querySelector('.md-header'); const n =
        h.querySelector('.masthead__name'); return [getComputedStyle(h).backgroundColor,
        getComputedStyle(n).color] }"""
    )
    assert colours[0] != colours[1], f"the publisher's name is not seen on its bar: {colours}"


def test_every_page_ends_with_the_sites_footer(live_site: tuple[str, Path], browser: Any) -> None:
    base, folder = live_site
    pages = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("index.html"))
    pages = [p for p in pages if not p.endswith("/embed/index.html")]  # for other sites
    assert len(pages) > 10
    context = browser.new_context()
    page = context.new_page()
    for path in pages:  # each page loaded once, seen at each width
        page.set_viewport_size({"width": WIDTHS["desktop"], "height": 812})
        page.goto(base + path.removesuffix("index.html"), wait_until="domcontentloaded")
        footer = page.locator("footer .site-footer")
        for width in WIDTHS.values():
            page.set_viewport_size({"width": width, "height": 812})
            assert footer.is_visible(), f"{path}: no footer at {width} px"
            text = footer.inner_text()
            assert f"Published by {PUBLISHER['name']}" in text, f"{path} {width}: {text}"
            assert PUBLISHER["licence"] in text, f"{path} {width}: no licence: {text}"
        links = footer.locator("a").evaluate_all("as => as.map(a => a.href)")
        for href in links:
            if urlsplit(href).netloc != urlsplit(base).netloc:
                continue  # the licence's own page
            target = urlsplit(href).path.removeprefix(urlsplit(base).path)
            found = folder / target / "index.html" if target.endswith("/") else folder / target
            assert found.is_file(), f"{path}: the footer's {href} leads nowhere"
    context.close()


def test_footer_names_the_pages_a_reader_looks_for(live_site: tuple[str, Path], page: Any) -> None:
    base, _ = live_site
    page.goto(base + "hanoi-summit-2019/", wait_until="networkidle")
    names = page.locator("footer .site-footer a").all_inner_texts()
    wanted = ["About", "How we source and correct", "Feed", "Open data", PUBLISHER["licence"]]
    for name in wanted:
        assert any(name in shown for shown in names), f"no {name!r} in the footer: {names}"
    sizes = page.locator("footer .site-footer__links a").evaluate_all(
        "as => as.map(a => [a.getBoundingClientRect().width, a.getBoundingClientRect().height])"
    )
    assert all(w >= 24 and h >= 24 for w, h in sizes), f"targets under 24 px: {sizes}"


def test_no_menu_and_the_data_schema_is_in_the_footer(
    live_site: tuple[str, Path], page: Any
) -> None:
    """The site has no menu nor drawer (a story's chapters, the masthead and the footer
    lead everywhere): the open data's schema is reached from every page's footer."""
    base, _ = live_site
    page.goto(base, wait_until="networkidle")
    assert page.locator("nav.md-nav--primary, .md-header [for=__drawer]").count() == 0
    assert urljoin(base, "schema/") in page.locator("footer a").evaluate_all(
        "as => as.map(a => a.href)"
    )


STORY = "hanoi-summit-2019/"
CHAPTERS = ["background/", "outcomes/", "timeline/", "actors/", "sources/"]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_a_phone_reader_sees_the_story_and_its_chapters_in_the_first_screen(
    live_site: tuple[str, Path], shared_context: Any, chapter: str
) -> None:
    base, _ = live_site
    page = shared_context(375, 812).new_page()
    page.goto(base + STORY + chapter, wait_until="networkidle")
    kicker = page.locator(".story-kicker a")
    box = kicker.bounding_box()
    assert box and box["y"] + box["height"] <= 812, f"{chapter}: no story title in view"
    assert kicker.evaluate("a => a.href") == base + STORY
    bar = page.locator("nav[aria-label='Chapters of this story']")
    assert bar.is_visible()
    chapters = bar.locator("a").evaluate_all("as => as.map(a => a.href)")
    assert base + STORY + "outcomes/" in chapters and base + STORY + "sources/" in chapters
    current = bar.locator("a[aria-current]").evaluate_all("as => as.map(a => a.href)")
    assert current == [base + STORY + chapter.split("/")[0] + "/"], current
    bar.locator("a", has_text="Glossary").click()  # no drawer needed
    page.wait_for_url(base + STORY + "glossary/")


@pytest.mark.parametrize("width", [320, 375])
def test_every_chapter_is_in_sight_on_a_phone_without_scrolling_sideways(
    live_site: tuple[str, Path], shared_context: Any, width: int
) -> None:
    """The chapter bar wraps rather than scroll: every chapter in the window, a target of
    24 x 24 px apart from the others, and the keyboard reaches each in order, in sight."""
    base, _ = live_site
    page = shared_context(width, 812).new_page()
    page.goto(base + STORY + "accounts/", wait_until="networkidle")
    bar = page.locator("nav[aria-label='Chapters of this story']")
    lists = bar.locator("ol").evaluate("o => [o.scrollWidth, o.clientWidth]")
    assert lists[0] <= lists[1], f"the bar scrolls sideways: {lists}"
    links = bar.locator("a")
    boxes = links.evaluate_all(
        "as => as.map(a => { const r = a.getBoundingClientRect();"
        " return [r.left, r.top, r.right, r.bottom] })"
    )
    assert len(boxes) >= 8
    for left, top, right, bottom in boxes:
        assert left >= 0 and right <= width, f"a chapter out of sight: {boxes}"
        assert right - left >= 24 and bottom - top >= 24, f"a target under 24 px: {boxes}"
    for one, two in itertools.combinations(boxes, 2):
        apart = one[2] <= two[0] or two[2] <= one[0] or one[3] <= two[1] or two[3] <= one[1]
        assert apart, f"two chapters overlap: {one} {two}"
    page.locator(".story-kicker a").focus()
    for n in range(links.count()):
        page.keyboard.press("Tab")
        focused = page.evaluate("() => document.activeElement.href")
        assert focused == links.nth(n).evaluate("a => a.href"), n
        box = links.nth(n).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width


def test_each_chapter_ends_with_the_storys_chapters_and_labelled_neighbours(
    live_site: tuple[str, Path], shared_context: Any
) -> None:
    base, _ = live_site
    page = shared_context(375, 812).new_page()
    page.goto(base + STORY + "outcomes/", wait_until="networkidle")
    end = page.locator("nav.story-chapters--end")
    assert end.locator("a[aria-current='page']").inner_text() == "Outcomes"
    assert len(end.locator("li").all()) == len(page.locator(".story-chapters__bar li").all())
    for direction in ("prev", "next"):
        label = page.locator(f".md-footer__link--{direction} .md-footer__title")
        assert label.is_visible(), f"{direction} has no visible title on a phone"


def test_landing_and_other_pages_have_no_chapter_bar(
    live_site: tuple[str, Path], page: Any
) -> None:
    base, _ = live_site
    for path in (STORY, "", "about/"):
        page.goto(base + path, wait_until="domcontentloaded")
        assert page.locator(".story-chapters").count() == 0, path


def test_no_table_of_contents_of_one_entry(
    live_site: tuple[str, Path], shared_context: Any
) -> None:
    base, folder = live_site
    page = shared_context(1280, 900).new_page()
    shown = {}
    pages = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("index.html"))
    assert len(pages) > 10
    for path in (p.removesuffix("index.html") for p in pages):
        page.goto(base + path, wait_until="domcontentloaded")
        toc = page.locator(".md-sidebar--secondary")
        entries = toc.locator(".md-nav__link").count()
        shown[path] = toc.is_visible()
        assert not (shown[path] and entries < 2), f"{path}: a contents list of {entries}"
    assert shown[STORY + "outcomes/"], "a page of many sections lost its contents"


@pytest.mark.parametrize(
    ("path", "cards"), [("actors/", ".cast > ul"), ("reactions/", ".reaction-group")]
)
def test_pages_of_cards_have_the_whole_content_width(
    live_site: tuple[str, Path], shared_context: Any, path: str, cards: str
) -> None:
    """Who's who and Reactions, like the timeline, give their cards the content area's
    whole width at 1280 px: no table of contents of documentation beside them."""
    base, _ = live_site
    page = shared_context(1280, 900).new_page()
    page.goto(base + STORY + path, wait_until="domcontentloaded")
    assert not page.locator(".md-sidebar--secondary").is_visible(), "a contents list beside"
    widths = page.locator(f"article {cards}").evaluate_all(
        "es => es.map(e => e.getBoundingClientRect().width)"
    )
    assert widths and min(widths) >= 1100, f"{path}: cards laid out in {widths} px"
    if path == "reactions/":  # a card wider than the measure lays its text out in columns
        columns = page.locator("article .reaction-card").evaluate_all(
            "es => es.map(e => [e.getBoundingClientRect().width, getComputedStyle(e).columnCount])"
        )
        wide = [c for c in columns if c[0] > 800]
        assert all(c[1] != "auto" for c in wide), columns


def test_the_timeline_chart_has_the_whole_content_width(
    live_site: tuple[str, Path], shared_context: Any
) -> None:
    base, _ = live_site
    page = shared_context(1280, 900).new_page()
    page.goto(base + STORY + "timeline/", wait_until="networkidle")
    chart = page.locator("figure.timeline-chart").bounding_box()
    assert chart and chart["width"] >= 1100, f"the chart is {chart and chart['width']} px wide"


def test_the_landing_page_tells_the_story_before_its_bookkeeping(
    live_site: tuple[str, Path], shared_context: Any
) -> None:
    base, _ = live_site
    page = shared_context(1280, 900).new_page()
    page.goto(base + STORY, wait_until="networkidle")
    parts = "article h1, article .standfirst, article .byline, article .lead-quote, article h2"
    order = page.locator(parts).evaluate_all("es => es.map(e => e.id || e.className.split(' ')[0])")
    wanted = ["standfirst", "byline", "lead-quote", "at-a-glance", "sections"]
    assert order[1 : len(wanted) + 1] == wanted, order
    assert order[-1] == "about-this-story", order
    about = page.locator("#about-this-story ~ h3").all_inner_texts()
    assert [t.split(" ")[0] for t in about] == ["What", "Open", "Corrections"], about
    quote = page.locator(".lead-quote")
    assert "Sometimes you have to walk" in quote.locator("blockquote").inner_text()
    assert "Donald Trump" in quote.locator("figcaption").inner_text()
    lines = page.locator(".dateline").evaluate(
        "p => p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight)"
    )
    assert round(lines) == 1, f"the dateline takes {lines} lines at 1280 px"
    assert page.locator(".byline__credits").inner_text().startswith(f"By {PUBLISHER['name']}")


ONLINE_CITATION = "article .standfirst sup.cite a"
"""The standfirst's citations: of sources with a web address (their popovers have a link)."""


def _popover_text(page: Any) -> str:
    """The citation popover's text, once it shows its source (not its loading line)."""
    page.wait_for_selector(".cite-pop .cite-pop__source", state="visible")
    text: str = page.locator(".cite-pop").inner_text()
    return text


def test_pointing_at_a_citation_shows_its_source_until_escape(
    live_site: tuple[str, Path], shared_context: Any
) -> None:
    base, _ = live_site
    page = shared_context(1280, 900).new_page()
    page.goto(base + STORY, wait_until="networkidle")
    citation = page.locator(ONLINE_CITATION).first
    citation.hover()
    text = _popover_text(page)
    assert text.startswith(f"Source {citation.inner_text()}: "), text
    assert page.url == base + STORY, "the citation left the page"
    link = page.locator(".cite-pop a").first
    assert (link.get_attribute("href") or "").startswith("https://")
    link.hover()  # hoverable: the pointer can reach the popover's link
    assert page.locator(".cite-pop").is_visible()
    page.keyboard.press("Escape")
    page.wait_for_selector(".cite-pop", state="detached")


def test_a_focused_citation_shows_its_source_and_tab_reaches_its_link(
    live_site: tuple[str, Path], shared_context: Any
) -> None:
    base, _ = live_site
    page = shared_context(1280, 900).new_page()
    page.goto(base + STORY, wait_until="networkidle")
    citation = page.locator(ONLINE_CITATION).first
    citation.focus()
    assert _popover_text(page).startswith(f"Source {citation.inner_text()}: ")
    described = citation.get_attribute("aria-describedby")
    assert described and page.locator(f"#{described}").is_visible()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('.cite-pop') !== null")
    assert focused, "Tab from the citation does not reach the popover's link"
    page.keyboard.press("Escape")
    page.wait_for_selector(".cite-pop", state="detached")


def test_a_tap_shows_the_source_and_a_second_tap_follows_the_citation(
    live_site: tuple[str, Path], browser: Any
) -> None:
    base, _ = live_site
    context = browser.new_context(
        viewport={"width": 375, "height": 812}, has_touch=True, is_mobile=True
    )
    page = context.new_page()
    page.goto(base + STORY + "outcomes/", wait_until="networkidle")
    citation = page.locator("article sup.cite a").first
    citation.tap()
    assert _popover_text(page).startswith("Source ")
    assert page.url == base + STORY + "outcomes/"
    box = page.locator(".cite-pop").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 375, box
    citation.tap()
    page.wait_for_url(base + STORY + "sources/#source-*")
    context.close()


def test_citations_are_24px_targets_and_never_alone_on_a_line(
    live_site: tuple[str, Path], shared_context: Any
) -> None:
    base, _ = live_site
    page = shared_context(375, 812).new_page()
    page.goto(base + STORY, wait_until="networkidle")
    sizes = page.locator("article sup.cite a").evaluate_all(
        "as => as.map(a => [a.getBoundingClientRect().width, a.getBoundingClientRect().height])"
    )
    assert sizes and all(w >= 24 and h >= 24 for w, h in sizes), sizes
    alone = page.locator("article sup.cite").evaluate_all(
        """sups => sups.filter(sup => {
          const range = document.createRange()
          range.setStartBefore(sup.parentNode.firstChild)
          range.setEndBefore(sup)
          const before = [...range.getClientRects()].filter(r => r.width > 0).pop()
          const own = sup.getBoundingClientRect()
          return before && before.bottom <= own.top + 2
        }).map(sup => sup.parentNode.textContent.slice(-60))"""
    )
    assert alone == [], f"citations on a line of their own: {alone}"


def test_permalinks_show_on_hover_and_focus_only(live_site: tuple[str, Path], page: Any) -> None:
    base, _ = live_site
    page.goto(base + STORY + "outcomes/", wait_until="networkidle")
    mark = page.locator("article a.permalink").first
    assert mark.evaluate("a => getComputedStyle(a).opacity") == "0"
    mark.focus()
    page.wait_for_function("a => getComputedStyle(a).opacity === '1'", arg=mark.element_handle())

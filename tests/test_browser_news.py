"""The news look in headless Chromium, on the news fixture: one story with pictures,
credits and key numbers, one without. Every element is there, or cleanly absent; no
request leaves the site; the first view of a page loads only the pictures it shows."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from browser import watch
from conftest import FIXTURES
from sites import SiteCache

pytestmark = pytest.mark.browser

LEAD = "example-lead-summit"
PLAIN = "example-geneva-talks"
PICTURE = re.compile(r"/images/[^/]+\.(jpg|png)$")  # a published picture's address


@pytest.fixture(scope="session")
def news_site(sites: SiteCache) -> tuple[str, Path]:
    """The news fixture, built once per run for and served at
    http://news.sites.localhost/news/."""
    return sites.served("news", lambda _: (FIXTURES / "news", None), path="news")


@pytest.fixture
def page(shared_context: Any) -> Any:
    """The module's shared 1280 px tab (conftest's ``shared_context``), for the tests that
    load pages and read them, with no listener and no stored choice."""
    return shared_context(1280).new_page()


@pytest.fixture
def new_page(browser: Any) -> Iterator[Any]:
    """A page of a context of its own, for a test that counts what a first visit fetches."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def pictures_requested(page: Any) -> list[str]:
    seen: list[str] = []

    def on_request(request: Any) -> None:
        # the publisher's logo (the fixture's logo.png), in every page's masthead, is not
        # one of the stories' pictures
        if PICTURE.search(request.url) and "/images/logo-" not in request.url:
            seen.append(request.url.rsplit("/", 1)[-1])

    page.on("request", on_request)
    return seen


def visit(browser: Any, url: str) -> tuple[list[str], list[str]]:
    """The requests a page made, down to its end, and its errors and failed requests."""
    context = browser.new_context()
    tab = context.new_page()
    seen = watch(tab)
    tab.goto(url, wait_until="networkidle")
    tab.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # every picture, too
    tab.wait_for_load_state("networkidle")
    context.close()
    return seen.requests, seen.failed + seen.errors


def test_every_page_loads_only_from_this_host_without_errors(
    news_site: tuple[str, Path], browser: Any
) -> None:
    base, folder = news_site
    host = urlsplit(base).netloc
    pages = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("index.html"))
    assert len(pages) > 15
    for path in pages:
        requests, problems = visit(browser, base + path.removesuffix("index.html"))
        assert problems == [], f"{path}: {problems}"
        foreign = [r for r in requests if urlsplit(r).netloc not in (host, "")]
        assert foreign == [], f"{path}: requests to other hosts {foreign}"


def test_the_story_page_has_byline_dateline_reading_time_picture_and_key_numbers(
    news_site: tuple[str, Path], page: Any
) -> None:
    page.goto(news_site[0] + LEAD + "/", wait_until="networkidle")
    credits = page.inner_text(".byline__credits")
    assert credits.startswith("By Jane Example (Diplomatic correspondent) and Sam Sample.")
    assert (
        "Edited by Alex Editor (Foreign editor) and Robin Checker. Published by Example Newsroom."
        in credits
    )
    assert page.inner_text(".dateline__place") == "HARBOURTOWN, EXAMPLE COAST"  # upper case
    assert "The whole explainer:" in page.inner_text(".byline .page-meta")
    lead = page.locator(".news-figure--lead img")
    assert lead.get_attribute("alt") == (
        "The two delegations seated facing each other across a long table."
    )
    assert page.evaluate("document.querySelector('.news-figure--lead img').naturalWidth") > 0
    caption = page.inner_text(".news-figure--lead figcaption")
    assert "PAT PHOTOGRAPHER / EXAMPLE AGENCY" in caption.upper() and "CC BY 4.0" in caption
    figures = page.eval_on_selector_all(".key-number dt", "els => els.map(e => e.textContent)")
    assert figures == ["2", "3.5%", "11 hours", "2 ports"]


def test_a_story_without_credits_or_pictures_shows_neither_and_no_gap(
    news_site: tuple[str, Path], page: Any
) -> None:
    page.goto(news_site[0] + PLAIN + "/", wait_until="networkidle")
    assert page.locator(".news-figure, .key-numbers").count() == 0
    assert page.inner_text(".byline__credits") == "By Example Newsroom."  # its publisher
    assert page.locator(".dateline").count() == 1
    assert "read" in page.inner_text(".byline .page-meta")
    links = page.eval_on_selector_all("#related ~ ul a", "els => els.map(e => e.pathname)")
    assert any(link.endswith(f"/{LEAD}/") for link in links), links


def test_each_page_says_its_reading_time_under_its_title(
    news_site: tuple[str, Path], page: Any
) -> None:
    for path in ("background/", "timeline/", "actors/", "sources/"):
        page.goto(news_site[0] + LEAD + "/" + path, wait_until="networkidle")
        heading = page.locator("article h1").bounding_box()
        meta = page.locator("article .page-meta").first
        assert re.match(r"\d+ min read", meta.inner_text()), path
        assert meta.bounding_box()["y"] > heading["y"], path


def test_the_reading_time_matches_the_words_on_the_page(
    news_site: tuple[str, Path], page: Any
) -> None:
    from generator.render.reading import minutes

    page.goto(news_site[0] + LEAD + "/background/", wait_until="networkidle")
    words = page.evaluate(
        """() => {
          const article = document.querySelector("article").cloneNode(true);
          article.querySelectorAll("sup.cite, .reading-time, .headerlink, .permalink, noscript")
            .forEach((e) => e.remove());
          return (article.innerText.match(/\\w+(?:['\u2019.-]\\w+)*/g) || []).length;
        }"""
    )
    shown = page.inner_text("article .page-meta .reading-time")
    assert shown == f"{minutes(words)} min", (words, shown)


def test_the_first_view_loads_only_the_pictures_it_shows(
    news_site: tuple[str, Path], browser: Any
) -> None:
    for width, height in ((1280, 900), (375, 812)):
        context = browser.new_context(viewport={"width": width, "height": height})
        tab = context.new_page()
        seen = pictures_requested(tab)
        tab.goto(news_site[0] + LEAD + "/background/", wait_until="networkidle")
        tops = tab.eval_on_selector_all(
            "article img", "els => els.map(e => e.getBoundingClientRect().top)"
        )
        assert len(tops) == 2 and tops[0] < height < tops[1], tops  # one shown, one below
        assert [name.split("-")[0] for name in seen] == ["harbour"], seen
        tab.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        tab.wait_for_function("() => !document.querySelector('article img[data-src]')")
        tab.wait_for_function(
            # a function, not an expression: Playwright polls an expression with eval,
            # which the pages' Content-Security-Policy refuses
            "() => [...document.querySelectorAll('article img')]"
            ".every(i => i.complete && i.currentSrc)"
        )
        assert [name.split("-")[0] for name in seen] == ["harbour", "old"], seen
        chosen = tab.evaluate("document.querySelectorAll('article img')[1].currentSrc")
        context.close()
        assert chosen.endswith("-480.jpg" if width < 500 else "-800.jpg"), chosen


def test_pictures_show_without_javascript(news_site: tuple[str, Path], browser: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(news_site[0] + LEAD + "/background/", wait_until="load")
    shown = tab.eval_on_selector_all(
        "article img", "els => els.filter(e => e.offsetWidth > 0).map(e => e.alt)"
    )
    context.close()
    assert shown == [
        "The harbour of Harbourtown seen from the sea wall.",
        "A page of an old treaty, with two seals at its foot.",
    ]


def test_share_copies_the_link_where_there_is_no_share_sheet(
    news_site: tuple[str, Path], browser: Any
) -> None:
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    tab.goto(news_site[0] + LEAD + "/", wait_until="networkidle")
    has_share_sheet = tab.evaluate("'share' in navigator")
    button = tab.locator("[data-share]")
    assert button.is_visible()
    assert button.inner_text() == ("Share" if has_share_sheet else "Copy link")
    if not has_share_sheet:
        button.click()
        tab.wait_for_function("() => document.querySelector('.share__status').textContent !== ''")
        assert tab.evaluate("navigator.clipboard.readText()") == news_site[0] + LEAD + "/"
    context.close()


def test_permalinks_of_events_quotations_and_log_entries_lead_to_them(
    news_site: tuple[str, Path], page: Any
) -> None:
    base = news_site[0] + LEAD + "/"
    for path, anchor in (
        ("timeline/", "event-agreement-signed"),
        ("outcomes/", "quote-side-a-page"),
        ("", "log-2"),
    ):
        page.goto(base + path, wait_until="networkidle")
        # Material writes each "#anchor" link as a whole address
        assert page.locator(f"a.permalink[href$='#{anchor}']").count() == 1, anchor
        assert page.locator(f"#{anchor}").count() == 1, anchor


def test_share_and_permalinks_are_hidden_without_javascript_and_in_print(
    news_site: tuple[str, Path], browser: Any
) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(news_site[0] + LEAD + "/", wait_until="load")
    assert tab.locator("[data-share]").count() == 0  # news.js writes it: not in the page
    context.close()
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(news_site[0] + LEAD + "/", wait_until="networkidle")
    assert tab.locator(".page-meta [data-share]").is_visible()  # one, on the screen
    tab.emulate_media(media="print")
    assert not tab.locator("[data-share]").is_visible()
    assert not tab.locator("a.permalink").first.is_visible()
    assert tab.locator(".key-numbers").is_visible()
    columns = tab.eval_on_selector(
        ".key-numbers", "e => getComputedStyle(e).gridTemplateColumns.split(' ').length"
    )
    context.close()
    assert columns == 3


def test_key_numbers_and_story_cards_fit_a_phone(news_site: tuple[str, Path], browser: Any) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 812})
    tab = context.new_page()
    for path in ("", LEAD + "/"):
        tab.goto(news_site[0] + path, wait_until="networkidle")
        widths = tab.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1], (path, widths)
    columns = tab.eval_on_selector_all(
        ".key-number", "els => new Set(els.map(e => e.getBoundingClientRect().top)).size"
    )
    assert columns == 2  # four figures: two rows of two
    tab.goto(news_site[0], wait_until="networkidle")
    cards = tab.eval_on_selector_all(
        ".story-card",
        "els => els.map(e => [e.getBoundingClientRect().width, getComputedStyle(e).fontSize])",
    )
    context.close()
    assert len(cards) == 3 and all(width >= 300 for width, _ in cards), cards


def test_the_home_page_shows_the_newest_story_first_with_its_picture(
    news_site: tuple[str, Path], new_page: Any
) -> None:
    page = new_page
    seen = pictures_requested(page)
    page.goto(news_site[0], wait_until="networkidle")
    titles = page.eval_on_selector_all(".story-card h2", "els => els.map(e => e.textContent)")
    assert titles[0].startswith("How Side A and Side B met again") and len(titles) == 3
    meta = page.eval_on_selector_all(".story-card .story-meta", "els => els.map(e => e.innerText)")
    assert meta[0].endswith("min read") and "10–11 March 2021" in meta[0]
    assert page.locator(".story-card").nth(2).locator("img").count() == 0  # cleanly absent
    assert seen and all(name.startswith("summit-table-") for name in seen)


def _luminance(rgb: str) -> float:
    channels = [int(c) / 255 for c in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(one: str, two: str) -> float:
    high, low = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280])
def test_every_story_card_shows_its_lead_visual_a_picture_or_its_map(
    news_site: tuple[str, Path], browser: Any, scheme: str, width: int
) -> None:
    """A story without a lead picture shows its locator map on its card: one SVG file of
    the story's, named for a screen reader, legible in the reader's palette."""
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    tab = context.new_page()
    tab.goto(news_site[0], wait_until="networkidle")
    cards = tab.locator(".story-card")
    assert cards.count() == 3
    shown = {}
    for card in cards.all():
        story = card.locator("h2").get_attribute("id")
        image = card.locator("img.story-card__image")
        if image.count():
            image.scroll_into_view_if_needed()
            image.evaluate("i => i.decode()")  # loaded, whether lazily or not
            box = image.bounding_box()
            assert box and box["width"] >= min(300, width - 40), (story, box)
            shown[story] = (image.get_attribute("src"), image.get_attribute("alt"))
    assert set(shown) == {LEAD, PLAIN}, shown  # the bare notice has no places, no picture
    src, alt = shown[PLAIN]
    assert src.removeprefix(news_site[0]) == f"{PLAIN}/locator-map.svg", src
    assert alt == "Map: Geneva, Vienna, Rome and Lyon"
    tab.goto(urljoin(news_site[0], src), wait_until="load")  # the file itself, in this palette
    colours = tab.evaluate(
        """() => Object.fromEntries(['sea', 'land', 'place', 'name'].map(c => [c,
        getComputedStyle(document.querySelector('.' + c)).fill]))"""
    )
    context.close()
    assert _contrast(colours["name"], colours["sea"]) >= 4.5, colours
    assert _contrast(colours["name"], colours["land"]) >= 4.5, colours
    assert _contrast(colours["place"], colours["land"]) >= 3, colours


def test_body_text_keeps_a_reading_measure_on_a_desktop(
    news_site: tuple[str, Path], page: Any
) -> None:
    page.goto(news_site[0] + LEAD + "/background/", wait_until="networkidle")
    per_line = page.evaluate(
        """() => {
          const p = document.querySelector("article .prose p");
          const text = p.textContent;
          const probe = document.createElement("span");
          probe.style.whiteSpace = "nowrap";
          probe.textContent = text;
          p.appendChild(probe);
          const average = probe.getBoundingClientRect().width / text.length;
          probe.remove();
          return p.getBoundingClientRect().width / average;
        }"""
    )
    assert 60 <= per_line <= 75, per_line


@pytest.mark.parametrize("throttle", [1, 12])
def test_a_profile_links_to_the_same_actors_profile_in_other_stories(
    news_site: tuple[str, Path], page: Any, throttle: int
) -> None:
    """Also on a CPU 12 times slower (a phone's), where Material's instant navigation kept
    the previous page's scroll offset and left the profile under the header (news.js)."""
    page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": throttle})
    page.goto(news_site[0] + LEAD + "/actors/", wait_until="networkidle")
    link = page.locator("#actor-side-a--elsewhere ~ ul a").first
    story = yaml.safe_load((FIXTURES / "news" / PLAIN / "story.yml").read_text(encoding="utf-8"))
    assert link.inner_text() == story["title"]  # the other story, by its title
    link.click()
    page.wait_for_url(lambda url: url.endswith(f"/{PLAIN}/actors/#actor-side-a"))
    # The address changes before Material swaps the new page in: wait for the new page,
    # whose "elsewhere" list links to other stories but not to its own, scrolled to the
    # actor's profile, below the header.
    page.wait_for_function(
        """plain => {
          const links = [...document.querySelectorAll('#actor-side-a--elsewhere ~ ul a')];
          const profile = document.getElementById('actor-side-a');
          const top = profile && profile.getBoundingClientRect().top;
          const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
          return links.length > 0 && !links.some(a => a.pathname.endsWith('/' + plain + '/actors/'))
            && top !== null && top >= header && top < innerHeight / 2;
        }""",
        arg=PLAIN,
        timeout=60000,
    )
    heading = page.inner_text("#actor-side-a bdi")
    assert heading == "Side A"
    back = page.eval_on_selector_all(
        "#actor-side-a--elsewhere ~ ul a", "els => els.map(e => e.pathname + e.hash)"
    )
    assert any(path.endswith(f"/{LEAD}/actors/#actor-side-a") for path in back), back


def test_side_cards_show_each_side_in_its_colour_in_both_palettes(
    news_site: tuple[str, Path], page: Any
) -> None:
    page.goto(news_site[0] + LEAD + "/", wait_until="networkidle")
    colours = []
    for scheme in ("default", "slate"):
        # Set and read in one task: Material's palette, still starting on a busy machine,
        # may set the page's own scheme again between two calls (seen once in CI's run).
        colours.append(
            page.evaluate(
                "s => { document.body.setAttribute('data-md-color-scheme', s);"
                " return getComputedStyle(document.body).getPropertyValue('--side-1').trim() }",
                scheme,
            )
        )
    assert colours[0] and colours[1] and colours[0] != colours[1]


def test_the_feeds_are_linked_and_served(news_site: tuple[str, Path], page: Any) -> None:
    import feedparser

    """A story's page names its own feed in its head; the other pages, the site's every-story
    feed (the footer links that one on every page)."""
    heads = []
    for address in (news_site[0] + LEAD + "/", news_site[0]):
        page.goto(address, wait_until="networkidle")
        heads.append(
            page.eval_on_selector_all(
                "link[rel=alternate][type='application/atom+xml']", "els => els.map(e => e.href)"
            )
        )
    assert [len(feeds) for feeds in heads] == [1, 1], heads
    story_feed, every_story = heads[0][0], heads[1][0]
    assert story_feed.endswith(f"/feeds/{LEAD}.xml") and every_story.endswith("/feeds/stories.xml")
    # Fetched by the page: its address is the browser's alone (sites.py).
    for url in (story_feed, every_story):
        ok, body = page.evaluate("u => fetch(u).then(async r => [r.ok, await r.text()])", url)
        assert ok, url
        parsed = feedparser.parse(body)
        assert not parsed.bozo and parsed.entries, url


def test_a_long_list_of_citations_wraps_on_a_phone_its_first_number_kept(
    news_site: tuple[str, Path], browser: Any
) -> None:
    """A claim that cites many sources (a balance note cites every source of the parties
    it names): its numbers wrap after their commas, and the page never scrolls sideways
    at 375 px; the first number stays on the line of the word it follows."""
    context = browser.new_context(viewport={"width": 375, "height": 812})
    tab = context.new_page()
    tab.goto(news_site[0] + LEAD + "/", wait_until="networkidle")
    cite = tab.locator("sup.cite").first
    cite.evaluate(  # the page's own citation, its number repeated as the generator writes
        "c => { const a = c.querySelector('a');"
        " const rest = c.querySelector('span') || c.appendChild(document.createElement('span'));"
        " for (let n = 0; n < 14; n++) rest.append(', ', a.cloneNode(true)); }"
    )
    found = tab.evaluate(
        """() => {
          const sup = document.querySelector('sup.cite')
          const range = document.createRange()
          range.setStartBefore(sup.parentNode.firstChild)
          range.setEndBefore(sup)
          const before = [...range.getClientRects()].filter(r => r.width > 0).pop()
          const first = sup.querySelector('a').getBoundingClientRect()
          return [document.scrollingElement.scrollWidth, innerWidth,
                  sup.getClientRects().length, before.bottom > first.top + 2]
        }"""
    )
    context.close()
    scrolled, width, lines, kept = found
    assert scrolled <= width and lines > 1, found  # on more than one line, within the page
    assert kept, "the first number went to a line of its own"


def test_the_maps_names_are_smaller_where_the_map_is_drawn_large(
    news_site: tuple[str, Path], browser: Any
) -> None:
    """The map file sets its names for a card's or a phone's width, and smaller where it
    is drawn 500 px wide or more (the landing page on a desktop): a media query in the
    file reads the width it is drawn at, so both come from one cached file."""
    sizes = {}
    for width in (375, 640):
        context = browser.new_context(viewport={"width": width, "height": 400})
        tab = context.new_page()
        tab.goto(f"{news_site[0]}{PLAIN}/locator-map.svg", wait_until="load")
        sizes[width] = tab.evaluate(
            "() => parseFloat(getComputedStyle(document.querySelector('.name')).fontSize)"
        )
        context.close()
    assert sizes[375] == 28 and sizes[640] == 20, sizes


@pytest.mark.parametrize("system", ["light", "dark"])
@pytest.mark.parametrize("site", ["default", "slate"])
def test_a_cards_map_matches_the_palette_the_reader_chose(
    news_site: tuple[str, Path], browser: Any, system: str, site: str
) -> None:
    """The map file is dark where the page's color-scheme is (the palette the reader
    chose, whatever the system's): dark on a dark page, light on a light one."""
    import io

    from PIL import Image, ImageStat

    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=system)
    tab = context.new_page()
    tab.goto(news_site[0], wait_until="networkidle")
    tab.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", site)
    image = tab.locator(f"#{PLAIN}").locator("xpath=..").locator("img.story-card__map")
    image.scroll_into_view_if_needed()
    image.evaluate("i => i.decode()")
    shot = Image.open(io.BytesIO(image.screenshot())).convert("L")
    context.close()
    brightness = ImageStat.Stat(shot).mean[0] / 255
    assert (brightness < 0.5) == (site == "slate"), f"{brightness:.2f} on a {site} page"

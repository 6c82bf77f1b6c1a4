"""The site's search in headless Chromium, on the site served under a sub-path: found by a
word on one page, by keyboard alone, after instant navigation, in both palettes and on a
phone; nothing fetched before it is opened and nothing from another host."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from browser import watch
from conftest import CONTENT, FIXTURES, MINIMAL, STORY_IDS, mkdocs_build
from searchindex import BADGES, word_on_one_page

from devkit.content import copy_story, edit_file
from generator.content.load import load_stories
from generator.content.models import LABEL_CHARS_AT_MOST
from generator.render.render import slugify

pytestmark = pytest.mark.browser

RESULT = ".site-search__result"
SEARCH_FILES = ("/pagefind/", "search-dialog.", "search_index", "/workers/search")
"""What a page must not fetch before the reader opens the search: Pagefind's files, the
dialog's script and style, Material's index and search worker."""


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def requested(page: Any) -> list[str]:
    """Every URL the page requests from now on (the list fills as it does)."""
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    return urls


def painted(page: Any) -> None:
    """Wait for the page's next two frames: Chromium drops keys pressed before a loaded
    page has painted, which a busy machine makes likely (seen: 6 presses in 15 lost)."""
    page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def search_for(page: Any, query: str, key: str | None = "/") -> list[str]:
    """Open the search with ``key`` (None: it is open), type ``query``; the results'
    addresses, best first."""
    if key is not None:
        painted(page)
        page.keyboard.press(key)
    # The first press fetches the dialog's markup, script and stylesheet before it opens.
    page.wait_for_selector("#site-search[open]", timeout=60000)
    page.keyboard.type(query)
    page.wait_for_function(
        "q => document.querySelector('#site-search-results').dataset.query === q",
        arg=query,
        timeout=60000,
    )
    return list(page.eval_on_selector_all(f"{RESULT} a", "els => els.map(e => e.pathname)"))


def test_search_fetches_nothing_until_it_is_opened(live_site: tuple[str, Path], page: Any) -> None:
    base, _ = live_site
    urls = requested(page)
    for path in ("", "hanoi-summit-2019/", "hanoi-summit-2019/timeline/", "about/"):
        page.goto(base + path, wait_until="networkidle")
    searching = [u for u in urls if any(part in u for part in SEARCH_FILES)]
    assert searching == [], "fetched before the reader opened the search"
    assert page.is_visible(".md-header #site-search-open"), "no search button in the header"
    with page.expect_request(lambda request: "/pagefind/pagefind.js" in request.url):
        page.click("#site-search-open")
    assert [u for u in urls if "search-dialog.js" in u], "the dialog's script was not fetched"


def test_a_word_on_one_page_finds_that_page_first(live_site: tuple[str, Path], page: Any) -> None:
    base, site = live_site
    word, url = word_on_one_page(site)
    page.goto(base + "about/", wait_until="networkidle")
    results = search_for(page, word)
    assert results[0] == urlsplit(base).path + url.lstrip("/"), (word, results)


def test_results_name_their_story_and_page(live_site: tuple[str, Path], page: Any) -> None:
    base, _ = live_site
    (story,) = load_stories(CONTENT, "hanoi-summit-2019")
    page.goto(base, wait_until="networkidle")
    search_for(page, "Yongbyon")
    first = page.locator(RESULT).first
    labels = page.eval_on_selector_all(
        ".site-search__story-name", "els => els.map(e => e.textContent)"
    )
    title = first.locator(".site-search__title").inner_text()
    first.locator("a").click()
    page.wait_for_selector(f"article h1:has-text({title!r})", timeout=60000)
    assert page.title().startswith(title)
    # Each result names its story by its short label, not by its headline (with more
    # stories under content/, theirs may mention Yongbyon too).
    every_label = {other.meta.label for other in load_stories(CONTENT)}
    assert story.meta.label in labels and set(labels) <= every_label, labels
    assert story.meta.short_title == story.meta.label
    assert len(story.meta.label) <= LABEL_CHARS_AT_MOST < len(story.meta.title)


LANDED = """
q => {
  const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (!target) return null;
  // The section the fragment opens: the element, and what follows it up to the next
  // element of its kind (the next heading after a heading, the next term after a term).
  const heading = /^H[1-6]$/.test(target.tagName);
  let text = target.textContent;
  for (let next = target.nextElementSibling; next; next = next.nextElementSibling) {
    if (heading ? /^H[1-6]$/.test(next.tagName) : next.tagName === target.tagName) break;
    text += " " + next.textContent;
  }
  const box = target.getBoundingClientRect();
  const header = document.querySelector(".md-header").getBoundingClientRect().bottom;
  return {text: text.toLowerCase(), top: box.top, header, height: innerHeight};
}
"""
"""Where the page opened: the text of the section its fragment names, and where it is."""


@pytest.mark.parametrize("query", ["Singapore", "dismantle", "armistice", "Stockholm"])
def test_a_result_opens_at_the_section_that_matched(
    live_site: tuple[str, Path], page: Any, query: str
) -> None:
    base, _ = live_site
    page.goto(base + "about/", wait_until="networkidle")
    search_for(page, query)
    hashes = page.eval_on_selector_all(f"{RESULT} a", "els => els.map(e => e.hash)")
    assert hashes[0], "the best result opens its page at the top"
    page.locator(f"{RESULT} a").first.click()
    page.wait_for_function("h => location.hash === h", arg=hashes[0], timeout=60000)
    landed = page.wait_for_function(f"q => ({LANDED})(q)", arg=query.lower()).json_value()
    assert query.lower() in landed["text"], (hashes[0], landed["text"][:300])
    assert landed["header"] <= landed["top"] < landed["height"], (hashes[0], landed)


@pytest.mark.parametrize("story_id", STORY_IDS)
def test_a_term_finds_its_glossary_entry_first(
    live_site: tuple[str, Path], page: Any, story_id: str
) -> None:
    base, _ = live_site
    (story,) = load_stories(CONTENT, story_id)
    assert story.glossary
    page.goto(base + f"{story_id}/", wait_until="networkidle")
    painted(page)
    page.keyboard.press("/")
    for entry in story.glossary:
        page.fill("#site-search-query", "")
        results = search_for(page, entry.term, key=None)
        first = page.eval_on_selector(f"{RESULT} a", "a => a.pathname + a.hash")
        entry_url = f"{urlsplit(base).path}{story_id}/glossary/#term-{slugify(entry.term)}"
        assert first == entry_url, (entry.term, results[:3])


def test_an_excerpt_is_prose_with_no_badge(live_site: tuple[str, Path], page: Any) -> None:
    base, _ = live_site
    page.goto(base, wait_until="networkidle")
    painted(page)
    page.keyboard.press("/")
    for query in ("Stated", "reported", "analysis", "sanctions", "offered"):  # one search each
        page.fill("#site-search-query", "")
        search_for(page, query, key=None)
        while page.is_visible(".site-search__more"):  # every result, not the first ten
            shown = page.locator(RESULT).count()
            page.click(".site-search__more")
            page.wait_for_function(
                f"() => document.querySelectorAll('{RESULT}').length > {shown}", timeout=60000
            )
        excerpts = page.eval_on_selector_all(
            ".site-search__excerpt", "els => els.map(e => e.textContent)"
        )
        assert excerpts, query
        for text in excerpts:
            words = text.split()
            assert not BADGES.intersection(words), (query, text)
            assert "#" not in words and "·" not in words, text  # permalinks, the meta line
            assert "min read" not in text and "Share" not in words, text


def test_search_works_after_instant_navigation(live_site: tuple[str, Path], page: Any) -> None:
    base, _ = live_site
    page.goto(base + "hanoi-summit-2019/", wait_until="networkidle")
    page.evaluate("window.__stayed = 'yes'")
    page.click("article a[href$='/background/']")
    page.wait_for_selector("h1:has-text('Background')")
    results = search_for(page, "Yongbyon", key="s")
    assert results and all(r.startswith(urlsplit(base).path) for r in results), results
    # Material announces each page it puts in place on document$ (at once, for this one):
    # search again once the new page is there, not while it is swapped in (the URL changes
    # first; keys typed during the swap reached no field, once on a busy machine).
    page.evaluate("() => { window.__pages = 0; document$.subscribe(() => window.__pages++); }")
    page.locator(f"{RESULT} a").first.click()
    page.wait_for_url(base + results[0].removeprefix(urlsplit(base).path) + "**")
    page.wait_for_function(
        f"() => location.pathname === {results[0]!r} && window.__pages >= 2", timeout=60000
    )
    assert not page.evaluate("document.querySelector('#site-search').open")
    assert page.evaluate("window.__stayed") == "yes", "the page reloaded: no instant navigation"
    search_for(page, "Kim")  # and again, on the page it led to
    assert page.locator(RESULT).count() > 0


def test_search_by_keyboard_alone(live_site: tuple[str, Path], page: Any) -> None:
    base, _ = live_site
    page.goto(base + "hanoi-summit-2019/", wait_until="networkidle")
    results = search_for(page, "Yongbyon")
    assert len(results) >= 2
    selected = "document.querySelector('a[role=option][aria-selected=true]').pathname"
    assert page.evaluate(selected) == results[0]
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    assert page.evaluate(selected) == results[1]
    active = page.evaluate("document.activeElement.getAttribute('aria-activedescendant')")
    assert page.evaluate(f"document.getElementById({active!r}).pathname") == results[1]
    # Material announces each page it puts in place on document$ (at once, for this one):
    # the reader presses the button once the new page is there, not while it is swapped in.
    page.evaluate("() => { window.__pages = 0; document$.subscribe(() => window.__pages++); }")
    page.keyboard.press("Enter")
    page.wait_for_function(
        f"() => location.pathname === {results[1]!r} && window.__pages >= 2", timeout=60000
    )
    page.focus("#site-search-open")  # as Tab reaches it: Enter opens, Escape closes
    page.keyboard.press("Enter")
    page.wait_for_selector("#site-search[open]")
    assert page.evaluate("document.activeElement.id") == "site-search-query"
    page.keyboard.press("Escape")
    page.wait_for_selector("#site-search", state="hidden")
    assert page.evaluate("document.activeElement.id") == "site-search-open", "focus lost"


def test_escape_leaves_focus_on_the_button_when_the_key_opened_the_search(
    live_site: tuple[str, Path], page: Any
) -> None:
    """Opened with "/" while no control had focus, closed with Escape: focus goes to the
    search button, not left in the hidden dialog (where the browser left it)."""
    page.goto(live_site[0] + "about/", wait_until="networkidle")
    painted(page)
    assert page.evaluate("document.activeElement === document.body")
    page.keyboard.press("/")
    page.wait_for_selector("#site-search[open]")
    page.wait_for_function("() => document.activeElement.id === 'site-search-query'")
    page.keyboard.press("Escape")
    page.wait_for_selector("#site-search", state="hidden")
    assert page.evaluate("document.activeElement.id") == "site-search-open", "focus left behind"


def test_typing_in_a_field_does_not_open_the_search(live_site: tuple[str, Path], page: Any) -> None:
    page.goto(live_site[0], wait_until="networkidle")
    page.evaluate(
        "document.querySelector('article').append(Object.assign("
        "document.createElement('input'), {id: 'scratch'}))"
    )
    page.focus("#scratch")
    painted(page)
    page.keyboard.type("s/")
    assert page.input_value("#scratch") == "s/"
    assert not page.evaluate("(document.querySelector('#site-search') || {}).open")


def test_search_asks_no_other_host(live_site: tuple[str, Path], page: Any) -> None:
    base, _ = live_site
    seen = watch(page)
    page.goto(base, wait_until="networkidle")
    search_for(page, "Hanoi")
    if page.is_visible(".site-search__more"):
        page.click(".site-search__more")
    page.wait_for_load_state("networkidle")
    host = urlsplit(base).netloc
    assert [u for u in seen.requests if urlsplit(u).netloc not in (host, "")] == []
    assert seen.failed == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_fits_a_phone_in_both_palettes(
    live_site: tuple[str, Path], browser: Any, scheme: str
) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 812}, color_scheme=scheme)
    page = context.new_page()
    page.goto(live_site[0] + "hanoi-summit-2019/", wait_until="networkidle")
    page.click("#site-search-open")
    search_for(page, "summit", key=None)
    box = page.locator("#site-search").bounding_box()
    width = page.evaluate("document.documentElement.clientWidth")
    colours = page.eval_on_selector(
        "#site-search",
        "d => [getComputedStyle(d).backgroundColor, getComputedStyle(d).color,"
        " document.body.dataset.mdColorScheme]",
    )
    context.close()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
    background, text, palette = colours
    assert palette == {"light": "default", "dark": "slate"}[scheme]
    assert background != text
    dark = sum(int(c) for c in background[background.index("(") + 1 : -1].split(",")[:3]) < 300
    assert dark == (scheme == "dark"), background


def test_without_javascript_no_search_box_shows(live_site: tuple[str, Path], browser: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_site[0] + "hanoi-summit-2019/")
    button = page.is_visible("#site-search-open")
    inputs = page.locator("input[type=search]:visible").count()
    context.close()
    assert not button and inputs == 0


def test_search_dialog_has_an_accessible_name(live_site: tuple[str, Path], page: Any) -> None:
    page.goto(live_site[0], wait_until="networkidle")
    assert page.get_attribute("#site-search-open", "aria-keyshortcuts") == "/ s"
    assert page.locator("#site-search").count() == 0, "the dialog comes with the search"
    painted(page)
    page.keyboard.press("/")
    page.wait_for_selector("#site-search[open]")
    assert page.get_attribute("#site-search", "aria-label") == "Search this site"
    assert page.get_attribute("#site-search-open", "aria-controls") == "site-search"
    # its icons, resolved from the fragment's address, are drawn (the sprite's symbol)
    href = page.eval_on_selector(".site-search__close use", "u => u.href.baseVal")
    assert href == live_site[0] + "assets/images/icons.svg#close", href
    page.wait_for_function(
        "() => document.querySelector('.site-search__close use').getBBox().width > 0"
    )


@contextmanager
def _served(browser: Any, tmp_path: Path, content: Path) -> Iterator[tuple[str, Any]]:
    """A site of ``content`` built for and served at a sub-path, and a page to read it
    with: the site's address and the page."""
    from browser import serve_directory

    with serve_directory(tmp_path / "www") as base:
        url = base + "news/"
        result = mkdocs_build(tmp_path / "www" / "news", site_url=url, content=content)
        assert result.returncode == 0, result.stderr
        context = browser.new_context()
        try:
            yield url, context.new_page()
        finally:
            context.close()


def test_stories_are_a_filter(browser: Any, tmp_path: Path) -> None:
    """Also for a title with a double quote and a backslash, which Pagefind matches in no
    filter's value unless they are encoded (theme/main.html)."""
    title = 'A "tiny" \\ story'
    content = tmp_path / "content"
    shutil.copytree(MINIMAL, content)
    shutil.copytree(FIXTURES / "varied", content, dirs_exist_ok=True)
    edit_file(content / "tiny-story" / "story.yml", "title: A tiny story", f"title: '{title}'")
    with _served(browser, tmp_path, content) as (url, page):
        page.goto(url, wait_until="networkidle")
        both = search_for(page, "sources")
        stories = page.eval_on_selector_all(
            "#site-search-story option", "os => os.map(o => o.value && o.textContent)"
        )
        page.select_option("#site-search-story", label=title)
        page.wait_for_function(
            "t => [...document.querySelectorAll('.site-search__story-name')]"
            ".every(e => e.textContent === t)"
            " && document.querySelectorAll('.site-search__result').length > 0",
            arg=title,
            timeout=60000,
        )
        one = page.eval_on_selector_all(f"{RESULT} a", "els => els.map(e => e.pathname)")
    assert stories[0] == "" and title in stories and len(stories) == 3
    assert any("/news/example-river-dispute/" in r for r in both)
    assert one and all(r.startswith("/news/tiny-story/") for r in one), one


def test_the_menu_of_stories_fits_a_phone(browser: Any, tmp_path: Path) -> None:
    """A story's title longer than a phone is wide ("How the Example Republic and the
    Sample Federation shared a river") is cut to the dialog, not spilt past its edge."""
    content = tmp_path / "content"
    shutil.copytree(MINIMAL, content)
    shutil.copytree(FIXTURES / "varied", content, dirs_exist_ok=True)
    with _served(browser, tmp_path, content) as (url, page):
        page.set_viewport_size({"width": 375, "height": 812})
        page.goto(url, wait_until="networkidle")
        search_for(page, "sources")
        page.wait_for_function("() => !document.querySelector('.site-search__filter').hidden")
        edges = page.eval_on_selector(
            "#site-search",
            "d => [d.getBoundingClientRect().right,"
            " ...[...d.querySelectorAll('*')].map(e => e.getBoundingClientRect().right)]",
        )
    dialog, *inside = edges
    assert max(inside) <= dialog + 0.5, (dialog, max(inside))


@pytest.mark.parametrize(
    ("title", "title_again"), [("A tiny  story", "The tiny story again"), ("A tiny story",) * 2]
)
def test_a_tie_between_two_stories_goes_to_the_story_searched_from(
    browser: Any, tmp_path: Path, title: str, title_again: str
) -> None:
    """Two stories with the same glossary entry (a newsroom's stories share their terms):
    Pagefind scores both entries the same, and the reader gets first the entry of the
    story whose page they search from, whichever it is; also when the two stories have
    one title (``make check`` warns of it), which search's menu then tells apart by id.
    Pagefind's own order puts tiny-story-again first (its pages' paths sort first), so the
    title with two spaces in a row, which Pagefind would run together in a filter's value
    not encoded, is tiny-story's."""
    content = tmp_path / "content"
    shutil.copytree(MINIMAL, content)
    again = copy_story(content / "tiny-story", content, "tiny-story-again")
    again.write_text(again.read_text().replace("A tiny story", title_again, 1))
    first = content / "tiny-story" / "story.yml"
    first.write_text(first.read_text().replace("A tiny story", title, 1))
    firsts = {}
    with _served(browser, tmp_path, content) as (url, page):
        page.goto(url, wait_until="networkidle")
        search_for(page, "tariff")
        page.wait_for_function(
            "() => document.querySelectorAll('#site-search-story option').length === 3"
        )
        menu = page.eval_on_selector_all(
            "#site-search-story option", "os => os.slice(1).map(o => o.textContent)"
        )
        for story_id in ("tiny-story", "tiny-story-again"):
            page.goto(f"{url}{story_id}/", wait_until="networkidle")
            results = search_for(page, "tariff")
            firsts[story_id] = results[0]
            assert {r.split("/")[2] for r in results[:2]} == {"tiny-story", "tiny-story-again"}
    assert firsts == {
        "tiny-story": "/news/tiny-story/glossary/",
        "tiny-story-again": "/news/tiny-story-again/glossary/",
    }
    if title == title_again:
        assert menu == ["A tiny story (tiny-story)", "A tiny story (tiny-story-again)"]
    else:  # each title as written, its two spaces too
        assert menu == [title, title_again]


def test_a_site_without_its_index_says_search_is_not_available(
    live_site: tuple[str, Path], browser: Any, tmp_path: Path
) -> None:
    from browser import serve_directory

    base, site = live_site
    shutil.copytree(site, tmp_path / urlsplit(base).path.strip("/"))
    shutil.rmtree(tmp_path / urlsplit(base).path.strip("/") / "pagefind")
    with serve_directory(tmp_path) as other:
        context = browser.new_context()
        page = context.new_page()
        page.goto(other + urlsplit(base).path.lstrip("/"), wait_until="networkidle")
        page.click("#site-search-open")
        page.wait_for_selector("#site-search[open]")  # its markup comes with its script
        page.keyboard.type("Hanoi")
        page.wait_for_function(
            "() => document.querySelector('.site-search__status').textContent"
            ".startsWith('Search is not available')",
            timeout=60000,
        )
        context.close()


def test_what_is_typed_while_the_search_opens_is_kept(
    live_site: tuple[str, Path], page: Any
) -> None:
    held: list[Any] = []  # the dialog's script, held back as a slow network would

    def hold(route: Any) -> None:
        held.append(route)

    page.goto(live_site[0] + "about/", wait_until="networkidle")
    page.route("**/search-dialog.js", hold)
    painted(page)
    page.keyboard.press("/")
    page.keyboard.type("Yongbyon")  # at once, before the dialog's script has come
    for _ in range(600):  # until the page has asked for it (a frame at a time)
        if held:
            break
        page.evaluate("new Promise(requestAnimationFrame)")
    assert held, "the search never asked for its dialog's script"
    held[0].continue_()
    page.wait_for_selector(f"{RESULT} a", timeout=60000)
    assert page.input_value("#site-search-query") == "Yongbyon"


@pytest.mark.parametrize("width", [375, 1280])
def test_results_pass_axe_in_both_palettes(
    live_site: tuple[str, Path], browser: Any, width: int
) -> None:
    from accessibility import _START, AXE, PALETTES, WCAG_TAGS

    context = browser.new_context(viewport={"width": width, "height": 900})
    context.add_init_script(AXE.read_text(encoding="utf-8"))
    page = context.new_page()
    page.goto(live_site[0] + "hanoi-summit-2019/", wait_until="networkidle")
    page.click("#site-search-open")
    search_for(page, "Yongbyon", key=None)  # marks in titles, sections and excerpts
    assert page.locator(".site-search__section mark").count() > 0
    found = {}
    for palette, scheme in PALETTES.items():
        page.evaluate(_START, [scheme, WCAG_TAGS, False, ["#site-search"]])
        found[palette] = page.evaluate("window.__axe")
    context.close()
    assert found == {"light": [], "dark": []}


def test_an_actors_name_finds_its_page_of_stories(browser: Any, tmp_path: Path) -> None:
    """An actor in four stories has a page of them all (generator/render/related.py): its
    name finds it among the first results; a story's title does not, since its list is
    left out of the index (it would find the page of every actor of the story)."""
    content = tmp_path / "content"
    shutil.copytree(MINIMAL, content)
    for number in range(3):
        story = copy_story(content / "tiny-story", content, f"tiny-story-{number}")
        story.write_text(story.read_text().replace("A tiny story", f"Tiny story {number}", 1))
    with _served(browser, tmp_path, content) as (url, page):
        page.goto(url, wait_until="networkidle")
        by_name = search_for(page, "Side A")
        page.goto(url, wait_until="networkidle")
        by_title = search_for(page, "Tiny story 2")
    assert "/news/stories/with/side-a/" in by_name[:3], by_name
    assert not [r for r in by_title if "/stories/with/" in r], by_title

"""WCAG 2.2 AA: axe-core finds nothing on any page, before and after the timeline chart
becomes interactive, on the real site and in the article and footer of the pages of a site
built from every fixture story: every page at desktop width in the light palette, and a
page of each kind, with every kind of element a page holds among them, at phone and
desktop width in both palettes. Titles reach HTML escaped once; no page scrolls sideways;
without JavaScript the palette follows the system; sidebar targets are 24 px; a missing
address gets a page that leads on."""

from __future__ import annotations

import http.server
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from accessibility import AXE, CLASSES, WIDTHS, kind_of, kinds, report, scan
from conftest import CONTENT, FIXTURES, ROOT, STORY_IDS
from sites import SiteCache

from devkit.content import copy_story
from generator.content.load import load_stories

pytestmark = pytest.mark.browser

PLANTED = FIXTURES / "pages" / "unlabelled-link.md"
"""A page with a link that has no name, added to the fixture site: the check must fail on it."""
TRICKY = 'Tom & Jerry\'s "<b>" talks > all'
"""A story title and an actor name with every character HTML escapes."""
FILLER = "filler-story-"
"""Copies of the minimal story, which make the fixture site one of many stories (home page
and years' pages); their own pages are the minimal story's, checked once."""
STORY_PARTS = (".md-content", ".md-footer")
"""What the stories' words reach: the article and the footer's links to the next pages
(the chrome around them, the same on every site, is checked on the real one)."""


def html_pages(folder: Path) -> list[str]:
    """Every HTML page of a built site, as the path its URL ends with ('' for home)."""
    pages = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html"))
    return [p.removesuffix("index.html") for p in pages]


def make_chart_interactive(page: Any) -> None:
    """Point at the chart's static picture, as a reader does, until Plotly draws it."""
    from test_browser import reach_for_chart

    reach_for_chart(page)


@pytest.fixture(scope="module")
def axe(browser: Any) -> Any:
    """The browser, once axe-core is installed (``make test`` installs it)."""
    if not AXE.is_file():
        message = "axe-core is missing: npm ci --prefix tests/npm (make test does it)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return browser


@pytest.fixture(scope="session")
def fixture_site(sites: SiteCache) -> tuple[str, Path]:
    """Every fixture story, a story and an actor with a TRICKY name, the PLANTED page, and
    copies of the minimal story (FILLER) enough for the site to have pages of years, built
    once per run into one site served at http://fixtures.sites.localhost/fixtures/."""
    return sites.served("fixtures", _every_fixture_story, path="fixtures")


def _every_fixture_story(work: Path) -> tuple[Path, Path]:
    from generator.render.archive import NAV_BY_YEAR_FROM

    content = work / "content"
    for story in (p for p in FIXTURES.glob("*/*") if (p / "story.yml").is_file()):
        shutil.copytree(story, content / story.name)
    _tricky_copy(FIXTURES / "minimal" / "tiny-story", content / "tricky-titles")
    for number in range(NAV_BY_YEAR_FROM - len(list(content.iterdir()))):
        copy_story(FIXTURES / "minimal" / "tiny-story", content, f"{FILLER}{number}")
    docs = work / "docs"
    shutil.copytree(ROOT / "docs", docs)
    shutil.copy(PLANTED, docs / PLANTED.name)
    config = work / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {docs}\n"
        f"theme:\n  name: material\n  custom_dir: {ROOT / 'theme'}\n"
    )
    return content, config


def _tricky_copy(story: Path, target: Path) -> None:
    shutil.copytree(story, target)
    meta = target / "story.yml"
    data = yaml.safe_load(meta.read_text())
    meta.write_text(yaml.safe_dump({**data, "id": target.name, "title": TRICKY}))
    actors = target / "actors.yml"
    data = yaml.safe_load(actors.read_text())
    data["actors"][0]["name"] = TRICKY
    actors.write_text(yaml.safe_dump(data))


def fixture_pages(folder: Path) -> list[str]:
    """The fixture site's pages that :func:`scan` checks: all but a FILLER story's, the
    PLANTED page last."""
    pages = [p for p in html_pages(folder) if not p.startswith(FILLER)]
    assert [p for p in pages if p.startswith("stories/")], "no page of a year to check"
    planted = PLANTED.stem + "/"
    assert planted in pages
    return [p for p in pages if p != planted] + [planted]


SHARDS = 4
"""Each site's pages are checked in this many tests, every SHARDS-th page in each, so that
pytest-xdist's workers share the checking."""


@pytest.mark.parametrize("shard", range(SHARDS))
def test_no_violation_on_any_page_of_the_site(
    axe: Any, live_site: tuple[str, Path], shard: int
) -> None:
    base, folder = live_site
    pages = html_pages(folder)
    assert "404.html" in pages and len(pages) > 10
    found = scan(axe, base, pages[shard::SHARDS], make_chart_interactive, (), kinds(folder, pages))
    assert found == [], report(found)


@pytest.mark.parametrize("shard", range(SHARDS))
def test_no_violation_on_a_site_of_every_fixture_story(
    axe: Any, fixture_site: tuple[str, Path], shard: int
) -> None:
    base, folder = fixture_site
    pages = fixture_pages(folder)[:-1]  # all but the PLANTED page
    every = kinds(folder, pages)
    found = scan(axe, base, pages[shard::SHARDS], make_chart_interactive, STORY_PARTS, every)
    assert found == [], report(found)


@pytest.mark.parametrize("site", ["live_site", "fixture_site"])
def test_a_page_of_each_kind_and_every_kind_of_element_is_checked_everywhere(
    request: pytest.FixtureRequest, site: str
) -> None:
    folder = request.getfixturevalue(site)[1]
    pages = html_pages(folder) if site == "live_site" else fixture_pages(folder)[:-1]
    every = kinds(folder, pages)
    assert {kind_of(folder, p) for p in every} == {kind_of(folder, p) for p in pages}
    assert {"*/actors/", "*/timeline/", "404.html", ""} <= {kind_of(folder, p) for p in every}
    if site == "fixture_site":  # its stories share actors: an actor's page, and a year's
        assert {"stories/with/*/", "stories/*/"} <= {kind_of(folder, p) for p in every}
    assert not [p for p in pages if p.count("/actors/") and not p.endswith("/actors/")]

    def classes(page: str) -> set[str]:
        html = (folder / page / "index.html") if not page.endswith(".html") else folder / page
        return {c for m in CLASSES.finditer(html.read_text()) for c in m.group(1).split()}

    held = [classes(page) for page in every]
    assert set().union(*held) == set().union(*(classes(page) for page in pages))


def test_the_check_fails_on_a_page_with_an_unlabelled_link(
    axe: Any, fixture_site: tuple[str, Path]
) -> None:
    base, folder = fixture_site
    planted = fixture_pages(folder)[-1]
    found = scan(axe, base, [planted], make_chart_interactive, STORY_PARTS)
    # Found at each width; the dark palette is checked with the rules about colour alone.
    assert {(v.rule, v.target, v.width, v.palette) for v in found} == {
        ("link-name", ".unlabelled", width, "light") for width in WIDTHS
    }, report(found)
    message = report(found)
    # A page checked once, at desktop width in the light palette, with every rule.
    once = scan(axe, base, [planted], make_chart_interactive, STORY_PARTS, everywhere=())
    assert [(v.rule, v.width, v.palette) for v in once] == [("link-name", 1280, "light")]
    assert "unlabelled-link/ at 375px, light palette: link-name (serious) on .unlabelled" in message
    assert '<a class="unlabelled" href=' in message


def test_titles_reach_every_place_escaped_exactly_once(
    axe: Any, fixture_site: tuple[str, Path]
) -> None:
    base, folder = fixture_site
    seen = axe.new_context().new_page()
    places = """() => ({
      title: document.title,
      meta: [...document.querySelectorAll("meta[property$=':title'], meta[name$=':title']")]
        .map(m => m.content),
      header: document.querySelector(".md-header__topic:last-child .md-ellipsis")
        .textContent.trim(),
      chapters: [...document.querySelectorAll(".story-chapters a")].map(a => a.textContent.trim()),
      footer: [...document.querySelectorAll(".md-footer__link")].map(a => [
        a.getAttribute("aria-label"),
        a.querySelector(".md-footer__direction").textContent.trim() + ": " +
        a.querySelector(".md-ellipsis").textContent.trim()]),
    })"""
    seen.goto(base + "tricky-titles/")
    story = seen.evaluate(places)
    seen.goto(base + "tricky-titles/background/")
    chapter = seen.evaluate(places)
    seen.goto(base + "tricky-titles/actors/")
    actors = seen.evaluate(places)
    names = seen.evaluate(
        """() => [document.querySelector("#actor-side-a bdi"),
                  document.querySelector(".cast__name a[href$='#actor-side-a']")]
                 .map(e => e.textContent)"""
    )
    seen.context.close()
    assert story["title"] == f"{TRICKY} - Explainers"
    assert story["meta"] == [TRICKY]  # og:title; X's card takes it, with no twitter:title
    assert story["header"] == TRICKY
    assert TRICKY in chapter["chapters"]  # the kicker over the chapters: a story has no menu
    assert names == [TRICKY, TRICKY]  # the actor's profile on Who's who, and its cast entry
    labels = [label for page in (story, chapter, actors) for label, _ in page["footer"]]
    assert f"Previous: {TRICKY}" in labels and "Previous: Timeline" in labels, labels
    for page in (story, chapter, actors):
        for label, shown in page["footer"]:
            assert label == shown  # the accessible name is the text a reader sees
    html = (folder / "tricky-titles" / "index.html").read_text()
    assert "&amp;amp;" not in html and "&amp;#" not in html and "&amp;lt;" not in html


@pytest.mark.parametrize(
    ("site", "widths"),
    # Every width on the real site; the narrowest, where the stories' words wrap least, on
    # the fixture site.
    [("live_site", (1280, 768, 375, 320)), ("fixture_site", (320,))],
    ids=["site", "fixtures"],
)
def test_no_page_scrolls_sideways_without_javascript_at_320px_and_up(
    browser: Any, request: pytest.FixtureRequest, site: str, widths: tuple[int, ...]
) -> None:
    base, folder = request.getfixturevalue(site)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    wide = []
    # A FILLER story's pages are the minimal story's, checked under its own id.
    for path in html_pages(folder) if site == "live_site" else fixture_pages(folder):
        page.set_viewport_size({"width": widths[0], "height": 800})
        page.goto(base + path)
        for width in widths:
            page.set_viewport_size({"width": width, "height": 800})
            scroll, view = page.evaluate(
                "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            if scroll > view:
                wide.append(f"{base}{path} at {width}px: {scroll - view}px too wide")
    context.close()
    assert wide == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_without_javascript_the_palette_follows_the_system(
    browser: Any, live_site: tuple[str, Path], scheme: str
) -> None:
    colours = """() => [document.body, document.querySelector("article p a"),
      document.querySelector(".md-nav__link")].map(e => {
        const style = getComputedStyle(e); return [style.backgroundColor, style.color] })"""
    seen = []
    for script in (True, False):  # with JavaScript, Material follows the system
        context = browser.new_context(java_script_enabled=script, color_scheme=scheme)
        page = context.new_page()
        page.goto(live_site[0] + "hanoi-summit-2019/positions/", wait_until="load")
        seen.append(page.evaluate(colours))
        context.close()
    with_script, without = seen
    assert without == with_script
    assert (without[0][0] == "rgb(255, 255, 255)") == (scheme == "light"), without


TARGETS = ".md-sidebar a, .md-header a, .md-footer a, .story-chapters a"
"""Links of the navigation: the contents beside the article, the masthead, the footer, a
story's chapters (the site has no menu: these lead everywhere)."""


@pytest.mark.parametrize("width", WIDTHS)
def test_navigation_links_are_targets_of_24px_at_least(
    browser: Any, live_site: tuple[str, Path], width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    small = []
    # A chapter: its chapters, footer and contents; a landing page, which has no
    # contents beside it, its footer's links; a page that is no story's (About), its
    # footer and, on a wide screen, its contents.
    for path, least in (
        ("hanoi-summit-2019/background/", 10),
        ("hanoi-summit-2019/", 5),
        ("about/", 5),
    ):
        page.goto(live_site[0] + path, wait_until="load")
        sizes = page.eval_on_selector_all(
            TARGETS,
            """els => els.filter(e => e.checkVisibility({visibilityProperty: true}))
              .map(e => { const r = e.getBoundingClientRect();
                return [e.textContent.trim() || e.outerHTML.slice(0, 80), r.width, r.height] })""",
        )
        assert len(sizes) > least, sizes
        small += [f"{path} {name!r}: {w:.0f}x{h:.0f}" for name, w, h in sizes if w < 24 or h < 24]
    context.close()
    assert small == []


class _PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves as GitHub Pages does: any missing address under /explainer/ gets 404.html."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        body = (Path(self.directory) / "explainer" / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def test_an_actors_page_of_earlier_versions_leads_to_the_profile(
    browser: Any, live_site: tuple[str, Path]
) -> None:
    """Stories had a page per actor (<story>/actors/<id>/) until their profiles moved to
    Who's who: a link to one, kept in a reader's bookmarks or another site, lands on the
    actor's profile, in view below the header."""
    from browser import serve_directory

    story = STORY_IDS[0]
    actor = load_stories(CONTENT, story)[0].actors[0].id
    with serve_directory(live_site[1].parent, _PagesHandler) as root:
        context = browser.new_context(viewport={"width": 375, "height": 812})
        page = context.new_page()
        page.goto(root + f"explainer/{story}/actors/{actor}/", wait_until="load")
        page.wait_for_url(root + f"explainer/{story}/actors/#actor-{actor}", timeout=60000)
        profile = page.locator(f"#actor-{actor}")
        profile.wait_for()
        page.wait_for_function(
            "id => { const r = document.getElementById(id).getBoundingClientRect();"
            " const h = document.querySelector('.md-header').getBoundingClientRect();"
            " return r.top >= h.bottom - 1 && r.top < innerHeight }",
            arg=f"actor-{actor}",
            timeout=60000,
        )
        context.close()


@pytest.mark.parametrize("script", [True, False], ids=["javascript", "no-javascript"])
def test_a_missing_address_says_so_and_leads_home_under_a_sub_path(
    browser: Any, live_site: tuple[str, Path], script: bool
) -> None:
    from browser import serve_directory

    with serve_directory(live_site[1].parent, _PagesHandler) as root:
        context = browser.new_context(java_script_enabled=script)
        page = context.new_page()
        response = page.goto(root + "explainer/no/such/page/", wait_until="load")
        assert response is not None and response.status == 404
        assert page.title() == "Page not found - Explainers"
        assert page.inner_text("article h1") == "Page not found"
        assert "There is no page at this address" in page.inner_text("article")
        header = page.eval_on_selector(".md-header", "h => getComputedStyle(h).backgroundColor")
        assert header not in ("rgba(0, 0, 0, 0)", ""), "the stylesheets did not load"
        search = page.locator("article button", has_text="Search the stories")
        if script:
            search.click()
            page.wait_for_selector("dialog#site-search[open]", timeout=60000)
            page.keyboard.press("Escape")
        else:
            assert not search.is_visible()  # no search box that cannot work
        page.click("text=Go to the home page")
        page.wait_for_url(root + "explainer/")
        assert page.locator("article h1").count() == 1
        context.close()

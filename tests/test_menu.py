"""What a page carries around its article (theme/main.html): no menu, since a story's
chapters, the masthead, the home page and the footer lead everywhere, so that a page does
not grow with the archive; no right-hand contents on the home page or a landing page;
icons from one cached file; no indentation only the templates needed; one stylesheet; no
script in the page's own text; a head without what only the build reads."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
from conftest import ROOT
from sites import SiteCache

from generator.render.build import build_site

NEWS = Path(__file__).parent / "fixtures" / "news"

pytestmark = pytest.mark.build

ROOT_URL = "https://site.example/"


class _Menu(HTMLParser):
    """The text and links of the page's menu (Material's primary sidebar; links within the
    page, its own contents, left out), whether it is hidden, whether the page has a
    table of contents beside it."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # inside the sidebar: the depth of its open <div>s
        self.text: list[str] = []
        self.links: list[str] = []
        self.hidden: bool | None = None
        self.toc = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "div" and "md-sidebar--secondary" in classes:
            self.toc = True
        if self.depth:
            self.depth += tag == "div"
            if tag == "a" and not (dict(attrs).get("href") or "#").startswith("#"):
                self.links.append(dict(attrs).get("href") or "")
        elif tag == "div" and "md-sidebar--primary" in classes:
            self.depth, self.hidden = 1, "hidden" in dict(attrs)

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag == "div":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.text.append(data.strip())


def menu(page: Path) -> _Menu:
    parser = _Menu()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def _links(page: Path, site: Path, article: bool = True) -> set[str]:
    """The site paths ``page`` links to (a folder's page as the folder); without its
    article (what the story itself says), its chrome's alone."""
    here = ROOT_URL + page.relative_to(site).as_posix()
    html = page.read_text(encoding="utf-8")
    if not article:
        html = re.sub(r"<div data-pagefind-body.*?</article>", "", html, flags=re.S)
    hrefs = re.findall(r'<a [^>]*href="([^"#]*)"', html)
    return {urljoin(here, h).removeprefix(ROOT_URL) for h in hrefs if not h.startswith("http")}


def test_no_page_has_a_menu_and_every_page_still_leads_everywhere_it_did(
    sites: SiteCache,
) -> None:
    """No page carries Material's menu nor its drawer's button (3 KB on every page of
    every story, which repeated a story's chapters): a story's chapters (the bar on each
    page, the landing page's list), the masthead, the home page's stories and every
    page's footer lead to every page the menu did; around a story's article, to no other
    story's."""
    site = sites.build(NEWS).folder
    titles = build_site(NEWS).titles
    assert len(titles) >= 3
    static = {"", "about/", "standards/", "schema/"}
    every = [site / "index.html", *sorted(site.glob("*/index.html")), *site.glob("*/*/index.html")]
    for page in every:
        found = menu(page)
        assert found.hidden is None and found.text == [], f"{page}: a menu"
        # No label of the drawer is left (its overlay neither): no button opens it. Its
        # toggle stays, which Material's script requires.
        text = page.read_text(encoding="utf-8")
        assert "__drawer" not in text and "md-overlay" not in text, page
        assert text.count('data-md-toggle="drawer"') == 1, page
        itself = page.parent.relative_to(site).as_posix() + "/"
        missing = static - _links(page, site) - {itself.removeprefix("./")}
        assert missing == set(), f"{page}: no way to {missing}"
    home = _links(site / "index.html", site)
    assert {f"{story}/" for story in titles} <= home, "the home page lists every story"
    for story, title in titles.items():
        pages = [site / story / "index.html", *sorted((site / story).glob("*/index.html"))]
        chapters = {p.parent.relative_to(site).as_posix() + "/" for p in pages}
        assert len(pages) >= 2
        for page in pages:
            assert title in page.read_text(encoding="utf-8"), f"{page}: its story's title"
            itself = page.parent.relative_to(site).as_posix() + "/"
            missing = chapters - _links(page, site) - {itself}
            assert missing == set(), f"{page}: no way to {missing}"
            chrome = _links(page, site, article=False)
            others = {p for p in chrome for s in titles if s != story and p.startswith(s + "/")}
            assert others == set(), f"{page}: other stories' pages around it: {others}"


def test_the_home_page_and_landing_pages_have_no_contents(sites: SiteCache) -> None:
    site = sites.build(NEWS).folder
    assert not menu(site / "index.html").toc
    assert menu(site / "about" / "index.html").toc  # a page of docs/ with sections has
    for story in build_site(NEWS).titles:
        assert not menu(site / story / "index.html").toc, story


def test_icons_come_from_one_cached_file_and_pages_carry_no_indentation(
    sites: SiteCache,
) -> None:
    site = sites.build(NEWS).folder
    sprite = (site / "assets" / "images" / "icons.svg").read_text(encoding="utf-8")
    drawings = re.findall(r'<path d="([^"]+)"', sprite)
    assert len(drawings) >= 8
    for page in [site / "index.html", *sorted(site.glob("*/*/index.html"))]:
        html = page.read_text(encoding="utf-8")
        uses = re.findall(r'<use xlink:href="[./]*assets/images/icons\.svg#([\w-]+)"', html)
        assert uses, f"{page}: no icon from the sprite"
        assert all(f'<symbol id="{name}"' in sprite for name in uses), uses
        inline = [d for d in drawings if d in html]
        assert inline == [], f"{page}: icons drawn inline"
        assert "<svg xmlns=" not in html, f"{page}: an xmlns the HTML parser gives itself"
        body = re.sub(r"<(pre|code|script|style|textarea)\b.*?</\1>", "<kept>", html, flags=re.S)
        assert not re.search(r"\n[ \t]+<", body), f"{page}: indented markup"
        assert "\n\n" not in body, f"{page}: blank lines"


def test_pages_link_one_stylesheet_of_the_site_and_no_inline_helpers(sites: SiteCache) -> None:
    """What was on every page once is one cached file: the site's stylesheets joined (in
    mkdocs.yml's order), Material's helpers and palette script, the search dialog; and no
    script runs from the page's own text."""
    import yaml

    from generator.publish.compact import compact_css

    site = sites.build(NEWS).folder
    listed = yaml.safe_load(
        re.search(r"^extra_css:\n(?:  .*\n)+", (ROOT / "mkdocs.yml").read_text(), re.M)[0]  # type: ignore[index]
    )["extra_css"]
    joined = (site / "assets" / "stylesheets" / "site.css").read_text(encoding="utf-8")
    starts = [joined.index(f"/* {uri} */\n") for uri in listed]
    assert starts == sorted(starts), "joined in mkdocs.yml's order"
    for uri in listed:
        assert not (site / uri).exists(), f"{uri} is served joined, not alone"
        if (ROOT / "theme" / uri).is_file():
            assert compact_css((ROOT / "theme" / uri).read_text()).rstrip() in joined, uri
    for page in [site / "index.html", *sorted(site.glob("*/*/index.html"))]:
        html = page.read_text(encoding="utf-8")
        own = re.findall(r'<link rel="stylesheet" href="[./]*(assets/stylesheets/[^"]+)"', html)
        assert [
            s
            for s in own
            if "material" not in s
            and not s.startswith(("assets/stylesheets/main.", "assets/stylesheets/palette."))
        ] == ["assets/stylesheets/site.css"], (page, own)
        assert "__md_scope=" not in html and "var palette=__md_get" not in html, page
        assert "md-scope.js" in html, page
        # No script runs from the page itself (the search button is in the header, not
        # moved there): only data, in Material's configuration (without what only its
        # search, versions, tags and annotations read) and the story's JSON-LD.
        inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
        assert all('type="application/' in attributes for attributes in inline), (page, inline)
        config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html)
        assert config and set(json.loads(config[1])) == {"base", "features", "translations"}
        # Of the features, what Material's script reads; no translation, which only its
        # copy buttons (none here) would read.
        assert json.loads(config[1])["features"] == ["navigation.instant"], page
        assert json.loads(config[1])["translations"] == {}, page
        # The site's own scripts: one file, mkdocs.yml's extra_javascript joined.
        scripts = re.findall(r'<script src="[./]*(assets/javascripts/[^"]+)"', html)
        assert [s for s in scripts if "bundle." not in s] == [
            "assets/javascripts/md-scope.js",
            "assets/javascripts/md-palette.js",
            "assets/javascripts/site.js",
        ], (page, scripts)
        # Nothing of Material's that does nothing here (generator/publish/chrome.py).
        assert 'data-md-component="announce"' not in html and "md-dialog" not in html, page


def test_the_sites_scripts_are_one_file_in_mkdocs_order(sites: SiteCache) -> None:
    """mkdocs.yml's extra_javascript, joined in its order, each file as the theme has it
    (compacted), the files gone but timeline.js, which the embeddable page loads alone."""
    import yaml

    from generator.publish.compact import compact_js

    site = sites.build(NEWS).folder
    listed = yaml.safe_load(
        re.search(r"^extra_javascript:\n(?:  .*\n)+", (ROOT / "mkdocs.yml").read_text(), re.M)[0]  # type: ignore[index]
    )["extra_javascript"]
    assert len(listed) >= 5
    joined = (site / "assets" / "javascripts" / "site.js").read_text(encoding="utf-8")
    starts = [joined.index(f"/* {uri} */\n") for uri in listed]
    assert starts == sorted(starts), "joined in mkdocs.yml's order"
    for uri in listed:
        assert compact_js((ROOT / "theme" / uri).read_text()).rstrip() in joined, uri
        assert (site / uri).exists() == uri.endswith("/timeline.js"), uri
    embed = next(site.glob("*/timeline/embed/index.html")).read_text(encoding="utf-8")
    assert "assets/javascripts/timeline.js" in embed and "site.js" not in embed


def test_the_logos_link_is_named_by_the_name_it_shows(sites: SiteCache) -> None:
    """WCAG 2.5.3 (label in name): with a publisher's name shown beside its logo, the
    link to the home page is named by that text, not by another name in aria-label."""
    html = (sites.build(NEWS).folder / "index.html").read_text(encoding="utf-8")
    logo = re.search(r'<a [^>]*class="md-header__button md-logo"[^>]*>(.*?)</a>', html, re.S)
    assert logo, "no logo link"
    assert "aria-label" not in logo[0].split(">", 1)[0], logo[0][:200]
    assert re.search(r'<span class="masthead__name">[^<]+</span>', logo[1]), logo[1]


def test_the_palettes_switch_is_in_its_script_not_in_every_page(sites: SiteCache) -> None:
    """The switch works only with JavaScript, so the palette's script writes it
    (generator/publish/header_controls.py): once in a cached file, not on every page; with
    each palette of mkdocs.yml that has a toggle, and the icons' addresses from the site's."""
    import yaml

    site = sites.build(NEWS).folder
    script = (site / "assets" / "javascripts" / "md-palette.js").read_text(encoding="utf-8")
    first = script.split("\n", 1)[0]
    assert 'data-md-component=\\"palette\\"' in first, first[:200]
    assert first.count('type=\\"radio\\"') == 2 and "{site-root}/assets/images/icons.svg#" in first
    palettes = yaml.safe_load(
        re.search(r"^  palette:\n(?:    .*\n)+", (ROOT / "mkdocs.yml").read_text(), re.M)[0]  # type: ignore[index]
    )["palette"]
    for palette in palettes:
        assert f'title=\\"{palette["toggle"]["name"]}\\"' in first, palette
    assert "</" not in first  # written as \\u003c/: no end of a script element in it
    for page in [site / "index.html", *sorted(site.glob("*/*/index.html"))]:
        html = page.read_text(encoding="utf-8")
        assert 'data-md-component="palette"' not in html and "__palette" not in html, page
        assert "md-palette.js" in html, page


def test_a_pages_head_carries_what_readers_browsers_and_search_engines_read(
    sites: SiteCache,
) -> None:
    """Not what only the build knows (Material's <meta name="generator">), nor what the
    page says elsewhere (og:locale: <html lang>), nor the <noscript> style of lazy
    pictures on a page without one: a hundred bytes on every page of every story."""
    site = sites.build(NEWS).folder
    pages = [site / "index.html", *sorted(site.glob("*/index.html")), *site.glob("*/*/index.html")]
    lazy = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        head = html[: html.index("</head>")]
        assert '<meta name="generator"' not in head and "og:locale" not in head, page
        assert '<meta name="description"' in head and '<link rel="canonical"' in head, page
        pictures = "data-src=" in html[len(head) :]
        lazy += pictures
        assert ("img[data-src]{display:none" in head) == pictures, page
    assert lazy, "no page with a lazy picture to check"

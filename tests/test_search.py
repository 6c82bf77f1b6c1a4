"""The search index: Pagefind, run by the plugin after every build, indexes what readers look
for (page text, titles, actors' names, glossary terms, quotations) and not the chrome or
the chart; Material's whole-site index is gone."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import CONTENT, MINIMAL, ROOT, STORY_IDS, mkdocs_build
from searchindex import BADGES, fragments, searchable_text
from sites import SiteCache

from devkit.content import edit_file
from devkit.site import MkDocsServe, fetch, wait_for
from generator.content.load import load_stories
from generator.content.models import LABEL_CHARS_AT_MOST
from generator.publish.search import SearchIndexError, index_site

CHROME = ("Table of contents", "Back to top", "Switch to dark mode", "Explainers Home")
"""Text of the header, navigation and footer, which is not what readers search for."""


@pytest.fixture(scope="module")
def built(sites: SiteCache) -> Path:
    site = sites.build()  # the content/ site test_site.py and test_pages.py check too
    assert "Search: indexed" in site.log
    return site.folder


@pytest.mark.build
def test_pagefind_is_pinned_and_its_binary_comes_from_the_wheel() -> None:
    pins = (ROOT / "requirements.txt").read_text().split()
    assert "pagefind==1.5.2" in pins and "pagefind-bin==1.5.2" in pins
    version = subprocess.run(
        [sys.executable, "-m", "pagefind_bin", "--version"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert version.stdout.strip() == "pagefind 1.5.2"


def test_the_build_writes_a_chunked_index_and_no_whole_site_index(built: Path) -> None:
    assert (built / "pagefind" / "pagefind.js").is_file()
    assert list((built / "pagefind" / "index").glob("*.pf_index"))
    assert not (built / "search" / "search_index.json").exists(), "Material's index is back"


def test_every_page_but_the_404_is_indexed_once(built: Path) -> None:
    # The timeline's embed pages are chromeless copies of the chart, made for an <iframe>
    # in another site: a search result leads to the timeline page itself instead.
    pages = {
        "/" + p.parent.relative_to(built).as_posix().removeprefix(".") + "/"
        for p in built.rglob("index.html")
        if "pagefind" not in p.parts and p.parent.name != "embed"
    }
    urls = [page["url"] for page in fragments(built)]
    assert sorted(urls) == sorted(u.replace("//", "/") for u in pages)


@pytest.mark.parametrize("story_id", STORY_IDS)
def test_story_pages_carry_their_story_as_filter_and_metadata(built: Path, story_id: str) -> None:
    (story,) = load_stories(CONTENT, story_id)
    pages = [p for p in fragments(built) if p["url"].startswith(f"/{story_id}/")]
    assert pages
    for page in pages:
        assert page["filters"] == {"story": [f"{story.id} {quote(story.meta.title)}"]}, page["url"]
        assert page["meta"]["story"] == story.meta.label
    others = [p for p in fragments(built) if p["url"] in ("/", "/about/")]
    assert others and all(p["filters"] == {} for p in others)


@pytest.mark.parametrize("story_id", STORY_IDS)
def test_names_terms_and_quotations_are_indexed(built: Path, story_id: str) -> None:
    (story,) = load_stories(CONTENT, story_id)
    text = " ".join(searchable_text(p) for p in fragments(built))
    for actor in story.actors:
        assert _words(actor.name) in text, actor.name
    for entry in story.glossary:
        assert _words(entry.term) in text, entry.term
    for quotation in story.quotations:
        assert _words(quotation.text) in text, quotation.text


def test_chrome_and_chart_markup_are_not_indexed(built: Path) -> None:
    for page in fragments(built):
        content = page["content"]
        for chrome in CHROME:
            assert chrome not in content, (page["url"], chrome)
        assert "A timeline chart of" not in content, page["url"]  # the chart's caption
        assert "hovertemplate" not in content, page["url"]  # the chart's data
        assert "¶" not in content, page["url"]  # headings' permalinks


def test_the_dialog_is_one_cached_file_not_markup_on_every_page(built: Path) -> None:
    fragment = (built / "assets" / "javascripts" / "search-dialog.htm").read_text()
    assert fragment.startswith('<dialog class="site-search" id="site-search"'), fragment[:80]
    assert "<html" not in fragment and "<script" not in fragment
    assert 'id="site-search-result"' in fragment, "the result's template"
    assert "\n  " not in fragment, "the fragment is compacted as pages are"
    # its icons' addresses are relative to the fragment, which search.js resolves them to
    assert (
        re.findall(r'href="([^"]*icons\.svg)#', fragment) == ["../../assets/images/icons.svg"] * 2
    )
    pages = [p for p in built.rglob("*.html") if "pagefind" not in p.parts]
    assert len(pages) > 10
    for page in pages:
        html = page.read_text()
        assert "<dialog" not in html and "site-search-result" not in html, page
    # the button is written by the header's script (generator/publish/header_controls.py)
    header = (built / "assets" / "javascripts" / "md-palette.js").read_text()
    assert 'id=\\"site-search-open\\"' in header.split("\n", 1)[0], "the button stays"
    assert 'id="site-search-open"' not in (built / "index.html").read_text()


def test_index_site_fails_loudly_when_there_is_nothing_to_index(tmp_path: Path) -> None:
    with pytest.raises(SearchIndexError, match="Pagefind could not index"):
        index_site(tmp_path)


def test_a_page_that_cannot_be_read_fails_the_index_and_names_the_page(tmp_path: Path) -> None:
    for name in ("a", "b"):
        page = tmp_path / name / "index.html"
        page.parent.mkdir()
        page.write_text(f"<html><body><main data-pagefind-body>{name}</main></body></html>")
    (tmp_path / "b" / "index.html").write_bytes(b"<html><body>\xff\xfe</body></html>")
    raised: list[BaseException] = []

    def index() -> None:
        try:
            index_site(tmp_path)
        except BaseException as error:  # handed to the test, in its own thread
            raised.append(error)

    indexing = threading.Thread(target=index, daemon=True)  # a hang must not hold pytest
    indexing.start()
    indexing.join(timeout=120)  # a writer that died would leave the reader waiting
    assert not indexing.is_alive(), "the index never ended"
    assert isinstance(raised[0], SearchIndexError), raised
    assert re.search(r"b/index\.html: .*utf-8", str(raised[0])), raised[0]


@pytest.mark.build
def test_with_materials_search_turned_back_on_pagefind_does_not_run(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        f"docs_dir: {ROOT / 'docs'}\n"
        f"theme:\n  name: material\n  custom_dir: {ROOT / 'theme'}\n"
        f"plugins: [search, {{explainer: {{content: {MINIMAL}}}}}]\n"
    )
    site = tmp_path / "site"
    result = mkdocs_build(site, content=MINIMAL, config=config)
    assert result.returncode == 0, result.stderr
    assert (site / "search" / "search_index.json").is_file()
    assert not (site / "pagefind").exists()
    assert 'id="site-search"' not in (site / "index.html").read_text()
    # nor the site's search button, which the header's script writes only for Pagefind
    header = (site / "assets" / "javascripts" / "md-palette.js").read_text()
    assert "site-search-open" not in header and "__palette" in header.split("\n", 1)[0]


@pytest.mark.build
def test_serve_indexes_the_preview_and_again_after_an_edit(content: Path) -> None:
    with MkDocsServe(content) as served:
        assert wait_for(lambda: "Two sides met" in fetch(served.url + "tiny-story/"))
        entry = served.url + "pagefind/pagefind-entry.json"
        before = json.loads(fetch(entry))["languages"]["en"]
        assert before["page_count"] > 10
        edit_file(content / "tiny-story" / "story.yml", "Two sides met", "Two sides met in Geneva")
        assert wait_for(lambda: json.loads(fetch(entry))["languages"]["en"] != before)
        # The index is written before the line saying so is logged: wait for the line too.
        assert wait_for(lambda: served.count("Search: indexed") == 2), served.log


def test_index_site_reports_what_it_indexed(built: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(built, copy)
    shutil.rmtree(copy / "pagefind")
    indexed = index_site(copy)
    assert indexed.pages == len(fragments(built))
    assert fragments(copy) == fragments(built)


def _words(text: str) -> str:
    """Text as the index holds it to match: lower case, one space between words."""
    return re.sub(r"\s+", " ", text).strip().lower()


def test_badges_signs_and_the_page_meta_line_are_not_indexed(built: Path) -> None:
    # What an excerpt may show is prose: not how we know a claim ("Offered Stated: ..."),
    # citation numbers, permalinks, the reading time and the Share button. (The standards
    # page, about the site, explains the badges in words.)
    for page in fragments(built):
        content = page["content"]
        words = {word.strip(".,:;()") for word in content.split()}
        if page["filters"]:  # a story's page
            assert not BADGES & words, (page["url"], BADGES & words)
        assert "#" not in content.split(), page["url"]
        assert "min read" not in content and "Share" not in words, page["url"]


@pytest.mark.parametrize("story_id", STORY_IDS)
def test_story_pages_are_labelled_with_the_story_s_short_label(built: Path, story_id: str) -> None:
    (story,) = load_stories(CONTENT, story_id)
    labels = {p["meta"]["story"] for p in fragments(built) if p["url"].startswith(f"/{story_id}/")}
    assert labels == {story.meta.label}
    assert len(story.meta.label) <= LABEL_CHARS_AT_MOST


def _copy_in_order(site: Path, target: Path, newest_first: bool) -> None:
    """A copy of ``site`` whose files and folders are made in the order of their paths, or
    in the reverse order."""
    paths = sorted(site.rglob("*"), reverse=newest_first)
    for path in sorted((p for p in paths if p.is_dir()), key=lambda p: len(p.parts)):
        (target / path.relative_to(site)).mkdir(parents=True, exist_ok=True)
    for path in paths:
        if path.is_file():
            shutil.copyfile(path, target / path.relative_to(site))


def test_the_index_does_not_depend_on_the_order_the_file_system_lists_pages(
    built: Path,
) -> None:
    """Pagefind numbers the pages in the order it is given them; run over a folder, that is
    the order the file system lists it, which differs between machines. A tmpfs lists a
    folder newest first: two copies made in opposite orders list their pages in opposite
    orders, and must still get the same index."""
    shm = Path("/dev/shm")
    if not shm.is_dir() or not os.access(shm, os.W_OK):
        pytest.skip("no /dev/shm to make copies that list their files in another order")
    with tempfile.TemporaryDirectory(dir=shm) as scratch:
        copies = [Path(scratch) / "oldest-first", Path(scratch) / "newest-first"]
        for copy, newest_first in zip(copies, (False, True), strict=True):
            _copy_in_order(built, copy, newest_first)
            shutil.rmtree(copy / "pagefind")
        listed = [[p.name for p in os.scandir(copy)] for copy in copies]
        if listed[0] == listed[1]:
            pytest.skip("/dev/shm lists both copies alike: the test would prove nothing")
        bundles = []
        for copy in copies:
            index_site(copy)
            bundle = copy / "pagefind"
            bundles.append(
                {
                    p.relative_to(bundle).as_posix(): p.read_bytes()
                    for p in bundle.rglob("*")
                    if p.is_file()
                }
            )
    assert sorted(bundles[0]) == sorted(bundles[1])
    assert [name for name in bundles[0] if bundles[0][name] != bundles[1][name]] == []


@pytest.mark.build
def test_two_indexes_of_a_site_of_many_stories_are_byte_identical(tmp_path: Path) -> None:
    """Pagefind writes a filter's values in a random order each run (search_order.py):
    twelve stories' values in the same order twice by chance is one run in 479 million."""
    folders = [tmp_path / "one", tmp_path / "two"]
    for folder in folders:
        for number in range(12):
            page = folder / f"story-{number}" / "index.html"
            page.parent.mkdir(parents=True)
            page.write_text(
                f'<!doctype html><html lang="en"><head><title>Story {number}</title></head>'
                f'<body><main data-pagefind-body data-pagefind-filter="story:Story {number}">'
                f"<h1>Story {number}</h1><p>Talks number {number} ended early.</p></main>"
                "</body></html>"
            )
        index_site(folder)
    one, two = (
        {p.relative_to(f).as_posix(): p.read_bytes() for p in f.rglob("*") if p.is_file()}
        for f in folders
    )
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []
    (filters,) = [name for name in one if name.endswith(".pf_filter")]
    assert filters.startswith("pagefind/filter/en_")

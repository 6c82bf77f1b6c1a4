"""The site's search index: Pagefind, run over the HTML that MkDocs wrote.

Pagefind (``pagefind[bin]``, pinned in requirements.txt; its binary comes inside the
``pagefind_bin`` wheel, so indexing needs no network) writes a static index under
``pagefind/`` in the site folder, split into chunks: a reader's browser fetches nothing
of it until they open the search, then only the chunks their query needs.

What is indexed is marked in the theme: ``data-pagefind-body`` on each page's article
(``theme/main.html``), so navigation, header and footer are left out. Inside the
article, :data:`EXCLUDED` is left out too, so that excerpts are prose. A glossary term
weighs the most (``data-pagefind-weight`` in ``glossary.md.j2``): its entry ranks first for
its own term. The theme's ``search-dialog.js`` opens each result at the section that
matched. The MkDocs plugin runs :func:`index_site` after every build (``on_post_build``),
``make site`` and ``make serve`` alike; after another engine, ``python -m generator search
SITE_DIR`` does. So that two builds of the same site are byte-identical, on any machine,
Pagefind is handed the pages in the order of their paths (it numbers them in the order
it gets them), and :mod:`search_order` puts the filters it writes in a random order in a
fixed one.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from generator.publish.pagefind_service import ServiceError, write_index
from generator.publish.search_order import UnknownIndexFormat, settle_filters

BUNDLE = "pagefind"
"""The folder of the site where the index and Pagefind's scripts are written."""

EXCLUDED = (
    ".timeline-chart",  # the chart: its picture's labels and the figure's data
    ".timeline-embed",  # how to embed the timeline in another site
    "sup.cite",  # citation numbers
    ".headerlink",  # the permalink sign after each heading
    ".basis-legend",  # what the badges mean, the same line on many pages
    ".permalink",  # the '#' after each quotation and event
    ".basis",  # the badges saying how we know a claim: Stated, Reported, Analysis
    ".claim-stance",  # a stated claim's stance before its badge: Offered, Refused
    ".claim-lead",  # on an actor's profile, all of it before the issue: "Offered Stated on"
    ".stance-badge",  # a reaction's stance
    ".page-meta",  # reading time and the Share button
    ".byline",  # byline and dateline of a story's first page
    ".story-meta",  # a story's place and dates, on the home page
    ".grid.cards",  # the chapters of a story, listed on its first page
)
"""CSS selectors of what is not indexed inside a page's article: badges, numbers and
signs, and links to other pages, so that an excerpt in the search results is prose."""


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message holds its output."""


@dataclass(frozen=True)
class Indexed:
    """What one run of Pagefind indexed, and how long it took."""

    pages: int
    seconds: float


def index_site(site_dir: Path) -> Indexed:
    """Index the built site in ``site_dir``, writing ``site_dir/pagefind/`` anew.

    The pages are handed to Pagefind one by one, in the order of their paths
    (:mod:`pagefind_service`), so that it numbers them alike on every machine: run over a
    folder, it numbers them in the order the file system lists them. The new index is
    written beside the old one and takes its place only when whole.

    Raises :class:`SearchIndexError` when Pagefind fails or indexes no page.
    """
    started = time.perf_counter()
    if not site_dir.is_dir():
        raise SearchIndexError(f"Pagefind could not index {site_dir}: no such folder")
    pages = sorted(
        path.relative_to(site_dir).as_posix()
        for path in site_dir.rglob("*.html")
        if path.relative_to(site_dir).parts[0] != BUNDLE
    )
    bundle = site_dir / BUNDLE
    new = Path(tempfile.mkdtemp(prefix=".pagefind-", dir=site_dir))
    try:
        try:
            write_index(site_dir, pages, EXCLUDED, new)
        except ServiceError as error:
            raise SearchIndexError(f"Pagefind could not index {site_dir}:\n{error}") from error
        count = _pages_indexed(new)
        if not count:
            raise SearchIndexError(f"Pagefind could not index {site_dir}: no page to index")
        try:
            settle_filters(new)
        except (UnknownIndexFormat, OSError, KeyError) as error:
            message = f"Pagefind's index in {site_dir} is not as expected: {error}"
            raise SearchIndexError(message) from error
        if bundle.exists():
            shutil.rmtree(bundle)
        new.rename(bundle)
    finally:
        shutil.rmtree(new, ignore_errors=True)  # gone already, unless something failed
    return Indexed(count, time.perf_counter() - started)


def _pages_indexed(bundle: Path) -> int:
    """The number of pages the index in ``bundle`` holds, as its entry file says."""
    entry = bundle / "pagefind-entry.json"
    try:
        languages = json.loads(entry.read_text(encoding="utf-8"))["languages"]
        return sum(language["page_count"] for language in languages.values())
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise SearchIndexError(f"Pagefind wrote no readable {entry}: {error}") from error

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
SITE_DIR`` does. Pagefind writes its filters in a random order; :mod:`search_order` puts
them in a fixed one, so that two builds of the same site are byte-identical.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

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
    words: int
    seconds: float


def index_site(site_dir: Path) -> Indexed:
    """Index the built site in ``site_dir``, writing ``site_dir/pagefind/``.

    Raises :class:`SearchIndexError` when Pagefind fails or indexes no page.
    """
    command = [sys.executable, "-m", "pagefind_bin", "--site", str(site_dir)]
    command += ["--output-subdir", BUNDLE]
    for selector in EXCLUDED:
        command += ["--exclude-selectors", selector]
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    output = result.stdout + result.stderr
    pages = _count(r"Indexed (\d+) pages?", output)
    if result.returncode != 0 or not pages:
        raise SearchIndexError(f"Pagefind could not index {site_dir}:\n{output.strip()}")
    try:
        settle_filters(site_dir / BUNDLE)
    except (UnknownIndexFormat, OSError, KeyError) as error:
        message = f"Pagefind's index in {site_dir} is not as expected: {error}"
        raise SearchIndexError(message) from error
    seconds = time.perf_counter() - started
    return Indexed(pages, _count(r"Indexed (\d+) words?", output), seconds)


def _count(pattern: str, output: str) -> int:
    found = re.search(pattern, output)
    return int(found.group(1)) if found else 0

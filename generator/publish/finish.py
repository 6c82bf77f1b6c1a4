"""What is done to a built site once all its pages are written: the sitemap split past
what search engines read (:mod:`generator.publish.sitemap`) and the search index over
every page (:mod:`generator.publish.search`).

The MkDocs plugin runs it after a build on one machine (``on_post_build``); a site built
in shards runs it once, after the merge (:func:`generator.publish.shards.merge`), since
neither step can be done a part at a time.
"""

from __future__ import annotations

from pathlib import Path

from generator.publish.search import index_site
from generator.publish.sitemap import split_sitemap


def finish_site(site_dir: Path, *, search: bool = True) -> list[str]:
    """Split ``site_dir``'s sitemap if it must be, and index the site with Pagefind unless
    ``search`` is False; return the lines saying what was done.

    Raises :class:`generator.publish.search.SearchIndexError` when Pagefind fails.
    """
    said = []
    split = split_sitemap(site_dir)
    if split.parts:
        said.append(f"Sitemap: {split.urls} pages listed in {len(split.parts)} files and an index")
    if search:
        indexed = index_site(site_dir)
        said.append(f"Search: indexed {indexed.pages} pages in {indexed.seconds:.2f} s (Pagefind)")
    return said

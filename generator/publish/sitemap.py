"""The site's sitemap within what search engines read: ``python -m generator sitemap SITE_DIR``.

A sitemap file may list at most 50,000 addresses and weigh at most 50 MB uncompressed
(the sitemaps.org protocol, which Google and Bing follow; they refuse a larger file as a
whole). MkDocs writes one ``sitemap.xml`` of every page: a newsroom's archive passes
50,000 pages at about 1,600 stories of 31 pages. Past either limit, :func:`split_sitemap`
writes the addresses into numbered files under :data:`FOLDER`, each within both limits, in
the order MkDocs listed them, and turns ``sitemap.xml`` (and its ``.gz``) into a sitemap
index of those files: the address search engines and ``robots.txt`` already know stays
right. Material's instant navigation, which reads ``sitemap.xml`` as a list of pages, is
off on a site of that size (:data:`generator.publish.plugin.INSTANT_NAVIGATION_MAX_PAGES`).

A sitemap within both limits is left byte for byte as it is. Time and memory are linear
in the sitemap. The MkDocs plugin runs this after every build; after another engine, the
command does.
"""

from __future__ import annotations

import gzip
import io
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

MAX_URLS = 50_000
"""The most addresses one sitemap file may list."""
MAX_BYTES = 50_000_000
"""The most one sitemap file may weigh, uncompressed (50 MB; the protocol's 52,428,800
bytes, rounded down to leave room)."""
FOLDER = "sitemaps"
"""Where the parts of a split sitemap are written, under the site's folder."""
NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'


@dataclass(frozen=True)
class Entry:
    """One page of the sitemap: its address and, if MkDocs gave one, its last change."""

    loc: str
    lastmod: str | None

    def xml(self) -> str:
        """The entry as a ``<url>`` element, its values escaped for XML text."""
        lastmod = f"<lastmod>{escape(self.lastmod)}</lastmod>" if self.lastmod else ""
        return f"<url><loc>{escape(self.loc)}</loc>{lastmod}</url>\n"


@dataclass(frozen=True)
class SplitSitemap:
    """What :func:`split_sitemap` did: the addresses it found and the files it wrote (none
    when the sitemap was within the limits, or already an index)."""

    urls: int
    parts: list[Path]


def read_entries(sitemap: bytes) -> list[Entry] | None:
    """The entries of a ``<urlset>``, in order; None for a sitemap index (already split)."""
    root = ElementTree.fromstring(sitemap)
    if root.tag != f"{{{NAMESPACE}}}urlset":
        return None
    entries = []
    for url in root.iter(f"{{{NAMESPACE}}}url"):
        loc = url.findtext(f"{{{NAMESPACE}}}loc", default="").strip()
        lastmod = url.findtext(f"{{{NAMESPACE}}}lastmod")
        entries.append(Entry(loc, lastmod.strip() if lastmod else None))
    return entries


def chunks(entries: list[Entry], max_urls: int, max_bytes: int) -> list[list[str]]:
    """The entries, each written as its ``<url>`` element once, cut into consecutive runs
    of at most ``max_urls`` entries and ``max_bytes`` bytes once written as one file."""
    fixed = len(_urlset([]).encode("utf-8"))
    parts: list[list[str]] = [[]]
    size = fixed
    for entry in entries:
        written = entry.xml()
        length = len(written.encode("utf-8"))
        if parts[-1] and (len(parts[-1]) >= max_urls or size + length > max_bytes):
            parts.append([])
            size = fixed
        parts[-1].append(written)
        size += length
    return parts


def split_sitemap(site: Path, max_urls: int = MAX_URLS, max_bytes: int = MAX_BYTES) -> SplitSitemap:
    """Split ``site``'s ``sitemap.xml`` past either limit (see the module's docstring)."""
    path = site / "sitemap.xml"
    if not path.is_file():
        return SplitSitemap(0, [])
    raw = path.read_bytes()
    entries = read_entries(raw)
    if entries is None:
        return SplitSitemap(0, [])
    if len(entries) <= max_urls and len(raw) <= max_bytes:
        return SplitSitemap(len(entries), [])
    site_root = _site_root(entries)
    written = []
    for number, part in enumerate(chunks(entries, max_urls, max_bytes), start=1):
        target = site / FOLDER / f"sitemap-{number:04}.xml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(_urlset(part).encode("utf-8"))
        written.append(target)
    index = _index([f"{site_root}{FOLDER}/{part.name}" for part in written])
    path.write_bytes(index.encode("utf-8"))
    (site / "sitemap.xml.gz").write_bytes(_gzip(index.encode("utf-8")))
    return SplitSitemap(len(entries), written)


def _site_root(entries: list[Entry]) -> str:
    """The site's address: the longest start every address shares, up to its last ``/``
    (MkDocs lists the home page, so that is the site's folder)."""
    locs = [entry.loc for entry in entries]
    shortest, longest = min(locs), max(locs)
    common = 0
    while common < len(shortest) and shortest[common] == longest[common]:
        common += 1
    return shortest[: shortest.rfind("/", 0, common + 1) + 1]


def _urlset(urls: list[str]) -> str:
    return f'{_HEAD}<urlset xmlns="{NAMESPACE}">\n{"".join(urls)}</urlset>\n'


def _index(locs: list[str]) -> str:
    items = "".join(f"<sitemap><loc>{escape(loc)}</loc></sitemap>\n" for loc in locs)
    return f'{_HEAD}<sitemapindex xmlns="{NAMESPACE}">\n{items}</sitemapindex>\n'


def _gzip(data: bytes) -> bytes:
    """``data`` gzipped with no time or name in its header: the same bytes every build."""
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, filename="") as compressed:
        compressed.write(data)
    return buffer.getvalue()

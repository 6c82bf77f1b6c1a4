"""The real site and a plain Material page, built for and served from one local address.

The site is built with ``SITE_URL`` set to the address it is served from, since
Material's instant navigation engages only there. The baseline is a one-page site with
Material's defaults (and ``font: false``, as ours), served beside it.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bench import util

PLAIN_PAGE = """\
# A plain page

This page is built by Material for MkDocs with its default settings and no
customisation, to serve as the baseline the explainer's pages are compared with.

It holds two short paragraphs of text, a heading and nothing else: what every page
of any Material site carries, and no more.
"""


@dataclass(frozen=True)
class Served:
    """Where the two sites are served, and where the explainer site's files are."""

    site_url: str
    site_dir: Path
    plain_url: str


@contextlib.contextmanager
def served_sites(content: Path | None = None) -> Iterator[Served]:
    """Build both sites into a scratch folder and serve it (gzipped) while in the block."""
    with tempfile.TemporaryDirectory(prefix="bench-served-") as scratch:
        root = Path(scratch) / "www"
        root.mkdir()
        with util.serve(root) as base:
            site_url, plain_url = base + "explainer/", base + "plain/"
            util.mkdocs_build(root / "explainer", site_url, content=content)
            _build_plain(Path(scratch) / "plain", root / "plain", plain_url)
            yield Served(site_url, root / "explainer", plain_url)


def _build_plain(folder: Path, site_dir: Path, url: str) -> None:
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "index.md").write_text(PLAIN_PAGE, encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(
        f"site_name: Plain Material\nsite_url: {url}\ntheme:\n  name: material\n  font: false\n",
        encoding="utf-8",
    )
    util.mkdocs_build(site_dir, url, config=config)


def page_urls(served: Served) -> list[str]:
    """The address of every page of the explainer site, home first."""
    pages = sorted(
        path.parent.relative_to(served.site_dir).as_posix()
        for path in served.site_dir.rglob("index.html")
    )
    return [served.site_url + ("" if page == "." else page + "/") for page in pages]

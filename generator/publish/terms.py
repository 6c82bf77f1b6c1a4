"""The glossary's marks in a built site, whichever engine built it: ``python -m generator
terms SITE_DIR [CONTENT_DIR]``.

The MkDocs plugin marks the first use of each glossary term on a story's page as MkDocs
renders it (:meth:`generator.publish.plugin.ExplainerPlugin.on_page_content`). After an
engine that runs no plugin (Zensical, any engine's build of the project ``build --out``
writes), this step does the same on the built site: in each page of a story's folder,
the page's article (:data:`ARTICLE`, Material's and Zensical's element around the
page's content, which holds nothing else on this site's pages) is marked with that
story's glossary (:meth:`generator.render.abbr.Glossary.mark`), read from the content.

A page already marked (by the plugin, or by a run before) is left as it is: it holds
one of its glossary's own marks (``<abbr title="the definition">``); marking it again
would mark a term's second use. Time is linear in the site; memory, its largest page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.render.abbr import Glossary

ARTICLE = '<article class="md-content__inner md-typeset">'
"""Where a page's content begins, in Material's and Zensical's templates; it ends at the
page's one ``</article>``."""


@dataclass(frozen=True)
class MarkedSite:
    """What :func:`mark_site` did: pages marked, and pages left as they were (already
    marked, or with no term of their story's glossary)."""

    marked: int
    kept: int


def mark_page(html: str, glossary: Glossary) -> str:
    """The page with the first use of each of ``glossary``'s terms in its article marked;
    the page as it is when it has no article or is already marked."""
    start = html.find(ARTICLE)
    end = html.rfind("</article>")
    if start == -1 or end < start:
        return html
    start += len(ARTICLE)
    article = html[start:end]
    if any(f'<abbr title="{title}">' in article for title in glossary.titles.values()):
        return html
    return html[:start] + glossary.mark(article) + html[end:]


def mark_site(site_dir: Path, glossaries: Mapping[str, Glossary]) -> MarkedSite:
    """Mark every page of each story's folder under ``site_dir`` with its story's
    glossary (``glossaries``: by the story's id, which names its folder)."""
    marked = kept = 0
    for story_id, glossary in sorted(glossaries.items()):
        for page in sorted((site_dir / story_id).rglob("*.html")):
            html = page.read_text(encoding="utf-8")
            written = mark_page(html, glossary)
            if written == html:
                kept += 1
                continue
            page.write_text(written, encoding="utf-8")
            marked += 1
    return MarkedSite(marked, kept)

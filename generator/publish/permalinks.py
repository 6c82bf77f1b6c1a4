"""Permalinks on the headings a reader links to: a page's sections and entries.

Python-Markdown's ``toc`` extension (``permalink: true`` in mkdocs.yml) gives every
heading a "¶" link to itself. A page's title (``h1``) is the page's own address, and a
part of an entry (an ``h4`` or below, such as "Events" in an actor's profile) sits under
the entry's own heading and its link; their links, some 90 bytes each, were 5 KB of the
first story's bytes. This extension, which runs after ``toc``, takes them off those
headings and leaves their ids, so that every address that led to one still does.
"""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

LINKED = frozenset({"h2", "h3"})
"""The headings that keep their permalink: sections and entries."""

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


class _Unlink(Treeprocessor):  # type: ignore[misc]  # Markdown has no types
    def run(self, root: Element) -> None:
        for tag in sorted(HEADINGS - LINKED):  # the tree walked in C, once a tag
            for heading in root.iter(tag):
                _drop_permalinks(heading)


def _drop_permalinks(heading: Element) -> None:
    """Remove the heading's "¶" links (class ``headerlink``), keeping any text after one."""
    children = list(heading)
    for index, child in enumerate(children):
        if child.tag == "a" and "headerlink" in (child.get("class") or "").split():
            if child.tail:
                before = children[index - 1] if index else None
                if before is not None:
                    before.tail = (before.tail or "") + child.tail
                else:
                    heading.text = (heading.text or "") + child.tail
            heading.remove(child)


class PermalinksExtension(Extension):  # type: ignore[misc]  # Markdown has no types
    """Keep ``toc``'s permalinks on sections and entries (:data:`LINKED`) only."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_Unlink(md), "explainer_permalinks", 4)  # after toc (5)


def makeExtension(**kwargs: Any) -> PermalinksExtension:
    """What ``markdown_extensions: [generator.publish.permalinks]`` in mkdocs.yml loads."""
    return PermalinksExtension(**kwargs)

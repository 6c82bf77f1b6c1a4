"""The site's own stylesheets as one file, linked from every page.

``extra_css`` in mkdocs.yml lists the theme's stylesheets (and the palette the generator
writes, :mod:`generator.publish.palette`) one file each, so that each is written and
read on its own; a page linked each of them, seven ``<link>`` elements of about 75
bytes on every page of every story, and a first view fetched seven files. The plugin
(and ``build --out``'s project) serve them as :data:`STYLESHEET`, the files one after
another in the order listed, which keeps the cascade as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from generator.publish.compact import compact_css

STYLESHEET = "assets/stylesheets/site.css"
"""Where the joined stylesheet goes in the site; the only entry of ``extra_css`` the
pages see."""


def joined(extra_css: Sequence[str], read: Callable[[str], str]) -> str:
    """The stylesheets ``extra_css`` lists, read by ``read`` (a site path to its text),
    one after another, each under a comment naming it and without its own comments
    (:func:`~generator.publish.compact.compact_css`)."""
    return "".join(f"/* {uri} */\n{compact_css(read(uri)).rstrip()}\n" for uri in extra_css)

"""The site's own scripts as one file, loaded by every page.

``extra_javascript`` in mkdocs.yml lists the theme's scripts one file each, so that each
is written and read on its own; a page loaded each of them, five ``<script>`` elements of
about 60 bytes on every page of every story, and a first view fetched five files. The
plugin serves them as :data:`SCRIPT`, the files one after another in the order listed
(each runs as it did: every one is a function that calls itself, and finds its
neighbours' files from its own address, the same folder). The embeddable timeline
(theme/embed.html) loads ``timeline.js`` alone, which stays in the site for it
(:data:`KEPT`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

SCRIPT = "assets/javascripts/site.js"
"""Where the joined script goes in the site; the only entry of ``extra_javascript`` the
pages see."""

KEPT = frozenset({"assets/javascripts/timeline.js"})
"""Scripts that stay files of their own too: a page loads them alone."""


def joined(extra_javascript: Sequence[str], read: Callable[[str], str]) -> str:
    """The scripts ``extra_javascript`` lists, read by ``read`` (a site path to its text),
    one after another, each under a comment naming it, each a statement of its own."""
    return "".join(f"/* {uri} */\n{read(uri).rstrip()}\n;\n" for uri in extra_javascript)

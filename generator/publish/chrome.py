"""A built page without the parts of Material's page that do nothing on this site.

Material's ``base.html`` writes a few elements outside any block a theme can override
(copying the template would leave the site on a copy of Material's markup): on this site
they serve no reader, no screen reader and no search engine, and they were on every page
of every story. :func:`without_unused_chrome` removes each, as Material writes it once the
page is compacted (:func:`generator.publish.compact.compact`); :data:`UNUSED` says why
each can go. Material's script looks each of them up only if it is there (checked against
its bundle: its components are found with ``querySelectorAll``, and instant navigation
replaces the announcement bar only when both pages have one); the drawer's toggle, which
its script requires, stays, without what only the overlay used (its ``id``).
"""

from __future__ import annotations

UNUSED: tuple[tuple[str, str, str], ...] = (
    (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer"'
        ' autocomplete="off">',
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox">',
        "The drawer's toggle: Material's script requires it, but no menu opens the drawer "
        "(theme/main.html site_nav), so nothing refers to its id.",
    ),
    (
        '<label class="md-overlay" for="__drawer"></label>\n',
        "",
        "The overlay behind the drawer, which never opens.",
    ),
    (
        '<div data-md-component="announce">\n</div>\n',
        "",
        "An empty announcement bar: the site announces nothing there.",
    ),
    (
        '<div class="md-dialog" data-md-component="dialog">\n'
        '<div class="md-dialog__inner md-typeset"></div>\n</div>\n',
        "",
        "Material's dialog, which only its copy-to-clipboard buttons use; the site has none "
        "(the embed code's button says 'Copied' itself).",
    ),
)
"""Each part of Material's page this site leaves out: as Material writes it (compacted),
what it becomes, and why."""


def without_unused_chrome(html: str) -> str:
    """A compacted page without :data:`UNUSED`'s parts (each where Material writes it)."""
    for markup, replacement, _why in UNUSED:
        html = html.replace(markup, replacement, 1)
    return html

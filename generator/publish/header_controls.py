"""The header's controls that only JavaScript runs, written by the header's script rather
than sent on every page.

Material writes the palette's switch (two radio inputs and two labels with their icons,
about 900 bytes) into the header of every page, and the site its search button (about
350 bytes); JavaScript alone shows and runs them: without it the switch's labels stay
``hidden``, and search.css hides the button. The site sends them once instead, in
``md-palette.js``, the cached script that the header loads where the switch was
(``theme/partials/javascripts/palette.html``): the script writes the switch before
itself and the search button after itself, so that both are in the page, where they
were, before the first paint and before the rest of that script, Material's bundle and
the site's script look for them. Material's instant navigation keeps the header, and
them with it. In a story's eleven pages they were 14 KB of the story's bytes.
"""

from __future__ import annotations

import json

HEADER_SCRIPT = "assets/javascripts/md-palette.js"
"""The theme's palette script, which the header loads in place of the controls."""

SITE_SEARCH_BUTTON = "partials/site-search.html"
"""The site's search button, the template each page's header had."""

HEADER_CONTROLS_KEY = "header_controls_in_script"
"""Set in mkdocs.yml's ``extra`` by the plugin once the script writes the controls: the
header template writes them itself where it is not set (an engine that runs no plugin)."""

ROOT = "{site-root}"
"""What the controls are rendered with as the site's address (MkDocs' ``base_url``): the
script puts the site's own address in its place, found from the script's, so that the
icons' addresses hold on every page, however deep."""


def lines(markup: str) -> str:
    """Rendered markup without the indentation and blank lines of its template: each line
    break kept, white space between elements as the page had it."""
    return "\n".join(line.strip() for line in markup.splitlines() if line.strip())


def with_controls(script: str, before: str, after: str) -> str:
    """``script``, first writing ``before`` and ``after`` (rendered with :data:`ROOT` as
    the site's address; either may be empty) on either side of the ``<script>`` element
    that runs it.

    ``json.dumps`` writes each as a JavaScript string; ``<`` is escaped too, so that no
    ``</script>`` in it could end a script element if the file were ever inlined."""
    root = json.dumps(ROOT + "/")

    def text(markup: str) -> str:
        return json.dumps(lines(markup), ensure_ascii=False).replace("<", "\\u003c")

    return (
        "(s=>{const root=s.src.slice(0,s.src.lastIndexOf(" + json.dumps(HEADER_SCRIPT) + "));"
        f's.insertAdjacentHTML("beforebegin",{text(before)}.replaceAll({root},root));'
        f's.insertAdjacentHTML("afterend",{text(after)}.replaceAll({root},root))}})'
        f"(document.currentScript);\n{script}"
    )

"""The palette's switch, drawn by the script that runs it rather than sent on every page.

Material writes the palette's form (two radio inputs and two labels with their icons,
about 900 bytes) into the header of every page, and its JavaScript is what shows and
runs it: without JavaScript the labels stay ``hidden`` and the inputs do nothing. The
site sends it once instead, in ``md-palette.js``, the cached script that the header loads
where the form was (``theme/partials/javascripts/palette.html``); the script writes the
form before itself, so it is in the page when the rest of that script and Material's
bundle look for it, as before. Material's instant navigation keeps the header, and the
form with it. In a story's eleven pages it was 10 KB of the story's bytes.
"""

from __future__ import annotations

import json

PALETTE_SCRIPT = "assets/javascripts/md-palette.js"
"""The theme's palette script, which the header loads in place of the form."""

ROOT = "{site-root}"
"""What the form is rendered with as the site's address (MkDocs' ``base_url``): the
script puts the site's own address in its place, found from the script's, so that the
icons' addresses hold on every page, however deep."""


def one_line(form: str) -> str:
    """Material's rendered form without the indentation and line breaks of its template."""
    return "".join(line.strip() for line in form.splitlines())


def with_form(script: str, form: str) -> str:
    """``script``, first writing ``form`` (rendered with :data:`ROOT` as the site's
    address) before the ``<script>`` element that runs it.

    ``json.dumps`` writes the form as a JavaScript string; ``<`` is escaped too, so that
    no ``</script>`` in it could end a script element if the file were ever inlined."""
    text = json.dumps(one_line(form), ensure_ascii=False).replace("<", "\\u003c")
    root = json.dumps(ROOT + "/")
    return (
        "(s=>{const root=s.src.slice(0,s.src.lastIndexOf(" + json.dumps(PALETTE_SCRIPT) + "));"
        f's.insertAdjacentHTML("beforebegin",{text}.replaceAll({root},root))}})'
        f"(document.currentScript);\n{script}"
    )

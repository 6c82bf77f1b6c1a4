"""The dark palette for readers without JavaScript.

Material picks the palette with JavaScript: it sets the body's ``data-md-color-scheme``
to the scheme whose media query matches the reader's system. Without JavaScript the body
keeps the first palette's scheme, light, even when the system prefers dark.
:func:`dark_without_javascript` derives, from the site's own stylesheets, one that gives
the light scheme's attribute every rule of the dark scheme, only when the system prefers
dark and scripting is off: nothing changes for readers with JavaScript.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from generator.publish.stylesheets import STYLESHEET

NO_SCRIPT_PALETTE = "assets/stylesheets/palette-no-js.css"
"""Its place in mkdocs.yml's extra_css: the site serves it inside the joined stylesheet
(:mod:`generator.publish.stylesheets`)."""

DARK, LIGHT = "slate", "default"
"""Material's dark scheme, and the scheme the page has before JavaScript runs."""
MEDIA = "(prefers-color-scheme: dark) and (scripting: none)"

_DARK_ATTRIBUTE = re.compile(rf"\[data-md-color-scheme=([\"']?){DARK}\1\]")
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_GROUPING = ("@media", "@supports", "@layer", "@container")
"""At-rules that hold rules, which are searched in turn."""


STYLESHEETS = "assets/stylesheets"
"""The folder of a theme, or of the docs, that holds its stylesheets."""


def theme_stylesheets(folders: Sequence[Path], extra_css: Sequence[str]) -> list[str]:
    """The text of every stylesheet under :data:`STYLESHEETS` in ``folders`` (the docs
    folder, then the theme's folders, the first holding a path winning), as MkDocs lists
    them: the theme's own (Material's) first, in path order, then ``extra_css`` in its
    order. The stylesheets written here and by :mod:`generator.publish.stylesheets` are
    never read back."""
    found: dict[str, Path] = {}
    for folder in folders:
        for path in sorted((folder / STYLESHEETS).glob("*.css")):
            found.setdefault(f"{STYLESHEETS}/{path.name}", path)
    found.pop(NO_SCRIPT_PALETTE, None)
    found.pop(STYLESHEET, None)  # the joined one, in a project written before

    def order(uri: str) -> tuple[int, str]:
        return (extra_css.index(uri) if uri in extra_css else -1, uri)

    return [found[uri].read_text(encoding="utf-8") for uri in sorted(found, key=order)]


def dark_without_javascript(stylesheets: Iterable[str]) -> str:
    """A stylesheet applying the dark scheme's rules of ``stylesheets`` to the light
    scheme's attribute, under :data:`MEDIA`; empty when they have no dark rule."""
    rules = [rule for css in stylesheets for rule in _dark_rules(_COMMENT.sub("", css))]
    if not rules:
        return ""
    return f"@media {MEDIA} {{\n" + "\n".join(rules) + "\n}\n"


def _dark_rules(css: str) -> Iterator[str]:
    for prelude, body in _blocks(css):
        if prelude.startswith(_GROUPING):
            inner = list(_dark_rules(body))
            if inner:
                yield f"{prelude} {{\n" + "\n".join(inner) + "\n}"
        elif not prelude.startswith("@"):
            selectors = [_as_light(s) for s in _split(prelude) if _is_dark(s)]
            if selectors:
                yield f"{', '.join(selectors)} {{{body}}}"


def _is_dark(selector: str) -> bool:
    """Whether the selector requires the dark scheme: outside brackets, not in ``:not()``."""
    return any(_depth(selector, m.start()) == 0 for m in _DARK_ATTRIBUTE.finditer(selector))


def _as_light(selector: str) -> str:
    return _DARK_ATTRIBUTE.sub(f"[data-md-color-scheme={LIGHT}]", selector)


def _depth(text: str, end: int) -> int:
    return text.count("(", 0, end) - text.count(")", 0, end)


def _split(prelude: str) -> list[str]:
    """A selector list at its top-level commas."""
    parts, start = [], 0
    for index, char in enumerate(prelude):
        if char == "," and _depth(prelude, index) == 0:
            parts.append(prelude[start:index])
            start = index + 1
    return [part.strip() for part in [*parts, prelude[start:]] if part.strip()]


def _blocks(css: str) -> Iterator[tuple[str, str]]:
    """Each top-level ``prelude { body }`` of a stylesheet; statements (``@import x;``)
    are skipped. Quoted strings may hold braces."""
    depth, start, opened, quote = 0, 0, 0, ""
    for index, char in enumerate(css):
        if quote:
            quote = "" if char == quote and css[index - 1] != "\\" else quote
        elif char in "\"'":
            quote = char
        elif char == ";" and depth == 0:
            start = index + 1
        elif char == "{":
            depth += 1
            if depth == 1:
                opened = index
        elif char == "}":
            depth -= 1
            if depth == 0:
                yield css[start:opened].strip(), css[opened + 1 : index]
                start = index + 1

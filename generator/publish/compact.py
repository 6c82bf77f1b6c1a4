"""A built page without the whitespace only its templates needed.

Material's templates and ours are indented for their readers: a page of the first story
was a fifth blank lines and indentation, repeated on every page of every story, which
GitHub Pages counts against its 1 GB. :func:`compact` removes it where a browser ignores
it, so the page reads, looks and is indexed the same:

- a run of whitespace that holds a line break, in text between tags, becomes one line
  break (a browser shows any run of whitespace there as one space);
- the same between a tag's attributes (never inside a quoted value);
- nothing changes inside ``<pre>``, ``<textarea>``, ``<code>``, ``<script>`` and
  ``<style>``, whose whitespace may mean something (the Content-Security-Policy's hashes
  of inline scripts stay true).
"""

from __future__ import annotations

import re

KEPT = frozenset({"pre", "textarea", "code", "script", "style"})
"""Elements whose content is left exactly as written."""

_RAW_TEXT = frozenset({"script", "style"})
"""Elements whose content is not markup: it ends only at their closing tag."""

_TAG = re.compile(
    r"<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.S
)
_CLOSING = {name: re.compile(f"</{name}", re.I) for name in _RAW_TEXT}
_BREAK = re.compile(r"[ \t\r\f]*\n\s*")
_IN_TAG = re.compile(r"(\"[^\"]*\"|'[^']*')|\s*\n\s*")


def compact(html: str) -> str:
    """``html`` with the whitespace a browser ignores reduced to single line breaks."""
    out: list[str] = []
    kept: list[str] = []  # the open elements of KEPT, innermost last
    position = 0
    while (match := _TAG.search(html, position)) is not None:
        text = html[position : match.start()]
        out.append(text if kept else _BREAK.sub("\n", text))
        closing, name, attributes = match.group(1), (match.group(2) or "").lower(), match.group(3)
        if not name:  # a comment, as written
            out.append(match.group(0))
            position = match.end()
            continue
        out.append(f"<{closing}{match.group(2)}{_IN_TAG.sub(_attribute_gap, attributes)}>")
        position = match.end()
        if closing and kept and kept[-1] == name:
            kept.pop()
        elif not closing and name in KEPT and not attributes.rstrip().endswith("/"):
            if name in _RAW_TEXT:
                found = _CLOSING[name].search(html, position)
                end = found.start() if found else len(html)
                out.append(html[position:end])
                position = end
            kept.append(name)
    rest = html[position:]
    out.append(rest if kept else _BREAK.sub("\n", rest))
    return "".join(out)


def _attribute_gap(match: re.Match[str]) -> str:
    """A quoted value as it is; whitespace with a line break between attributes, one space."""
    return match.group(1) or " "

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

The theme's own stylesheets and scripts are written for their readers too, with comments
that explain them: on a timeline page they were a third of the theme's bytes, gzipped,
in every reader's first view. :func:`compact_css` and :func:`compact_js` leave those
comments out of the built site (the plugin applies them to the theme's files under
``assets/``), and change nothing else a browser reads.
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
        out.append(text if kept or "\n" not in text else _BREAK.sub("\n", text))
        closing, name, attributes = match.group(1), (match.group(2) or "").lower(), match.group(3)
        if not name:  # a comment, as written
            out.append(match.group(0))
            position = match.end()
            continue
        if "\n" in attributes:
            out.append(f"<{closing}{match.group(2)}{_IN_TAG.sub(_attribute_gap, attributes)}>")
        else:  # the tag as written: only a line break between attributes changes
            out.append(match.group(0))
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


_CSS_TOKEN = re.compile(r"(\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*')|/\*.*?\*/", re.S)
_LINE_START = re.compile(r"^[ \t]+", re.M)
_BLANK_LINES = re.compile(r"\n\s*\n")


def compact_css(css: str) -> str:
    """A stylesheet without its comments, indentation and blank lines; strings kept as
    written, so a ``/*`` in a ``content:`` value stays."""
    bare = _CSS_TOKEN.sub(lambda m: m.group(1) or "", css)
    return _BLANK_LINES.sub("\n", _LINE_START.sub("", bare)).strip() + "\n"


def compact_js(script: str) -> str:
    """A script without the comments that fill lines of their own: a line that is only a
    ``//`` comment, and a ``/* ... */`` block that starts a line and ends one. Nothing
    else changes, since only a parser tells a regular expression or a template string
    from code; in the theme's scripts those comments are nearly all there are. A script
    this cannot read safely is left as written: one with a ``/*`` after code on a line,
    or with a template string (a backquote) in its code, a line of which may look like a
    comment and be text."""
    out: list[str] = []
    lines = script.split("\n")
    n = 0
    while n < len(lines):
        stripped = lines[n].strip()
        if stripped.startswith("//"):
            n += 1
            continue
        if stripped.startswith("/*"):
            end = n
            while "*/" not in (lines[end][lines[end].find("/*") + 2 :] if end == n else lines[end]):
                end += 1
                if end == len(lines):
                    return script
            closing = lines[end].rstrip()
            if not closing.endswith("*/") or closing.count("*/") != 1:
                return script
            n = end + 1
            continue
        if "/*" in lines[n] or "`" in lines[n]:
            return script
        out.append(lines[n])
        n += 1
    return "\n".join(out)

"""Make editors' text safe for the Markdown pages MkDocs renders.

All text from YAML is untrusted. Two kinds reach pages:

- plain text goes through :func:`escape_markdown`: HTML-escaped, and every character
  that Markdown or its extensions could read as syntax is written as an HTML entity, so
  it shows as typed and can never become a link, an attribute list or a tag;
- Markdown fields go through :func:`render_markdown`: rendered by Python-Markdown with
  a small set of extensions, then sanitised by nh3 against an allow-list, and placed
  in the page as a raw HTML block that MkDocs passes through untouched.
"""

from __future__ import annotations

import functools
import re

import markdown
import nh3
from markupsafe import Markup

# Characters with a meaning anywhere in a line of Markdown, its extensions (attribute
# lists, abbreviations, tables, marks) or HTML; and those that mean something only at
# the start of a line (lists: "- ", "+ ", "1. "). Letters, digits, spaces and ordinary
# punctuation ( . , ; : ! ? ' " ) pass unchanged, so pages stay readable.
_SPECIAL = re.compile(r"[&<>\\`*_{}\[\]()#|~^=]")
_LINE_START = re.compile(r"^(?:[-+]|\d+(?=\.))")
_WHITESPACE = re.compile(r"\s+")

_ALLOWED_TAGS = {
    "p", "a", "em", "strong", "ul", "ol", "li", "blockquote", "br", "abbr", "sup", "sub",
    "code", "span",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
_URL_SCHEMES = {"https", "http", "mailto"}


def escape_markdown(text: str) -> Markup:
    """Plain text as Markdown that renders exactly as typed, on one line."""
    flat = _WHITESPACE.sub(" ", text).strip()
    escaped = _SPECIAL.sub(_entity, flat)
    start = _LINE_START.match(escaped)
    if start:  # "- x", "+ x" or "1. x" would start a list: encode the mark or the dot
        end = start.end()
        escaped = (
            _entity(escaped[0]) + escaped[1:]
            if escaped[0] in "-+"
            else escaped[:end] + _entity(".") + escaped[end + 1 :]
        )
    return Markup(escaped)


def _entity(char: str | re.Match[str]) -> str:
    text = char if isinstance(char, str) else char.group()
    return f"&#{ord(text)};"


def render_markdown(text: str) -> Markup:
    """Markdown prose as sanitised HTML (glossary terms are marked later, on the whole
    page: :mod:`generator.render.abbr`)."""
    html = _converter().reset().convert(text)
    clean = nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )
    return Markup(clean)


@functools.cache
def _converter() -> markdown.Markdown:
    # One converter, reset before each use: building one costs more than converting.
    return markdown.Markdown(extensions=["sane_lists"], output_format="html")

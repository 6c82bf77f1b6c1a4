"""Glossary terms marked as ``<abbr>`` in a page's HTML: the first use of each, whole.

A story's :class:`Glossary` is compiled once into one pattern (a trie of its terms, as
written and in lower case, so that finding them costs the same however many there
are), and :meth:`Glossary.mark` goes once through a page's HTML, after Markdown has run,
marking the first use of each term on the page with its definition
(``<abbr title="...">``, the ``abbr`` macro of ``_inline.md.j2``): style guides explain a
term at its first use, and a definition printed at every use would make a page grow with
the product of the two. A term is marked only where no letter, digit or joining mark
(``+ - / &``) touches it on either side ("E3" is not in "E3+3"), and never inside
headings, links, code, another abbreviation, a term's own ``<dt>``, a date or a script.

The MkDocs plugin marks every page of a story (``on_page_content``); ``check`` asks
:class:`~generator.content.terms.TermFinder` which terms the story's text uses at all,
by the same rule.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterable, Iterator

from markupsafe import escape

from generator.content.models import Term
from generator.content.terms import JOINED, TermFinder, trie_pattern

_JOINED_ENTITIES = ("&amp;", "&#38;", "&#x26;", "&#43;", "&#x2b;", "&#45;", "&#x2d;",
                    "&#47;", "&#x2f;", "&#95;", "&#x5f;")  # fmt: skip
"""The same marks as a page's HTML may write them."""
_BEFORE_IN_HTML = f"(?<!{JOINED})" + "".join(f"(?<!{re.escape(e)})" for e in _JOINED_ENTITIES)
_AFTER_IN_HTML = f"(?!{JOINED.replace('&', '')}|" + "|".join(map(re.escape, _JOINED_ENTITIES)) + ")"

_SKIPPED = frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", "a", "abbr", "code", "pre", "kbd", "samp", "script",
     "style", "svg", "button", "textarea", "select", "option", "title", "dt", "time"}
)  # fmt: skip
"""Elements whose text is never marked: titles, links, code, dates, and what is no prose."""

_TOKEN = re.compile(
    r"<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.DOTALL
)
"""A comment or a tag (attribute values may hold '>'): what lies between is text."""

_ONE_LINE = re.compile(r"\s+")

_ENTITIES = {"&": ("&amp;",), "<": ("&lt;",), ">": ("&gt;",), '"': ("&quot;",)}
_ENCODED = frozenset("&<>\"'\\`*_{}[]()#|~^=+-")
"""Characters a page may hold as an entity (Markdown's escapes, ``escape_markdown``)."""


def _in_html(char: str) -> str:
    """A character as a page's HTML may hold it: as itself or as an entity."""
    if char not in _ENCODED:
        return re.escape(char)
    forms = [re.escape(char), f"&#{ord(char)};", f"&#x{ord(char):x};", *_ENTITIES.get(char, ())]
    return "(?:" + "|".join(forms) + ")"


class Glossary(TermFinder):
    """A story's glossary terms and their one-line definitions, compiled once."""

    def __init__(self, terms: Iterable[tuple[str, str]]) -> None:
        pairs = [(term.strip(), definition) for term, definition in terms if term.strip()]
        super().__init__(term for term, _ in pairs)
        self.titles: dict[str, str] = {
            term: str(escape(_ONE_LINE.sub(" ", definition).strip())) for term, definition in pairs
        }
        """Each term as written -> its definition on one line, escaped for an attribute."""

    @functools.cached_property
    def _in_html(self) -> re.Pattern[str]:
        trie = trie_pattern(self.terms, _in_html)
        return re.compile(f"{_BEFORE_IN_HTML}(?:{trie}){_AFTER_IN_HTML}")

    def mark(self, page: str) -> str:
        """The page's HTML with the first use of each term marked as ``<abbr>``."""
        if not self.terms:
            return page
        from generator.render.render import inline  # the page's markup lives in the templates

        abbr = inline("abbr", "title", "text")
        marked: set[str] = set()

        def first_use(match: re.Match[str]) -> str:
            term = self.terms.get(html.unescape(match.group()))
            if term is None or term in marked:
                return match.group()
            marked.add(term)
            return abbr.format(title=self.titles[term], text=match.group())

        return "".join(
            self._in_html.sub(first_use, text) if text else markup for text, markup in _pieces(page)
        )


def _pieces(page: str) -> Iterator[tuple[str, str]]:
    """The page as (text to mark, "") and ("", markup or text to leave) pieces, in order."""
    skipped: dict[str, int] = {}
    at = 0
    while at < len(page):
        token = _TOKEN.search(page, at)
        end = token.start() if token else len(page)
        if end > at:
            yield ("", page[at:end]) if any(skipped.values()) else (page[at:end], "")
        if token is None:
            return
        at = token.end()
        closing, name = token.group(1), (token.group(2) or "").lower()
        if name in _RAW_TEXT and not closing:  # a script's text is no markup: skip to its end
            close = _find_close(page, name, at)
            yield "", page[token.start() : close]
            at = close
            continue
        if name in _SKIPPED and not token.group().endswith("/>"):
            skipped[name] = max(0, skipped.get(name, 0) + (-1 if closing else 1))
        yield "", token.group()


_RAW_TEXT = frozenset({"script", "style"})


def _find_close(page: str, name: str, at: int) -> int:
    """Where the element ``name`` opened before ``at`` closes (its end tag), or the end."""
    found = re.compile(f"</{name}", re.IGNORECASE).search(page, at)
    return found.start() if found else len(page)


def glossary_of(terms: Iterable[Term]) -> Glossary:
    """The :class:`Glossary` of a story's terms."""
    return Glossary((term.term, term.definition) for term in terms)

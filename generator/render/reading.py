"""Reading time, counted in the words of the rendered pages (not in the YAML).

Templates print :data:`PAGE_MARK` where a page's reading time goes and
:data:`EXPLAINER_MARK` where the whole explainer's goes (its landing page); once every
page of a story is rendered, :func:`fill_reading_times` counts the words a reader sees
on each page and writes the minutes in their place. A page's words after
:data:`CONSULTED_MARK` (Who's who's profiles, looked up rather than read through) count
in its own time but not in the whole explainer's; the mark itself is taken out.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable

WORDS_PER_MINUTE = 230
"""A common reading speed for news prose on screen."""

PAGE_MARK = "@@reading-time-of-this-page@@"
EXPLAINER_MARK = "@@reading-time-of-the-explainer@@"
CONSULTED_MARK = "@@consulted-from-here@@\n"

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_UNSEEN = re.compile(
    r"<(script|svg|style)\b.*?</\1>|<sup class=\"cite\">.*?</sup>|<!--.*?-->"
    r"|<span class=\"reading-time\">.*?</span>",
    re.S | re.I,
)
_ABBREVIATION = re.compile(r"^\*\[[^\]]*\]:.*$", re.M)
_LINK_TARGET = re.compile(r"\]\([^)\s]*\)")
_ATTRIBUTES = re.compile(r"\{\s*[#.:][^}\n]*\}")
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+(?:['\u2019.-]\w+)*")  # "don't", "Jean-Luc", "3.67"


def words_in(page: str) -> int:
    """How many words a reader sees on a generated page (Markdown with HTML in it).

    Left out: front matter, scripts, the chart's picture, citation numbers, link
    addresses, attribute lists, tags and glossary definitions (shown on hover only).
    """
    text = _FRONT_MATTER.sub("", page)
    text = text.replace(PAGE_MARK, "").replace(EXPLAINER_MARK, "").replace(CONSULTED_MARK, "")
    text = _UNSEEN.sub(" ", text)
    text = _ABBREVIATION.sub(" ", text)
    text = _LINK_TARGET.sub("] ", text)
    text = _ATTRIBUTES.sub(" ", text)
    text = html.unescape(_TAG.sub(" ", text))
    return len(_WORD.findall(text))


def minutes(words: int) -> int:
    """Minutes to read ``words`` words: at least one."""
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def phrase(words: int) -> str:
    """How a page says its reading time: '4 min' (the template adds 'read')."""
    return f"{minutes(words)} min"


def read_words(page: str) -> int:
    """How many words of a page count in the whole explainer's time: those before
    :data:`CONSULTED_MARK`, or all of them."""
    return words_in(page.partition(CONSULTED_MARK)[0])


def explainer_words(pages: dict[str, str], counted: Iterable[str]) -> int:
    """The words of the pages ``counted`` (paths), which make the explainer itself."""
    return sum(read_words(pages[path]) for path in counted)


def fill_reading_times(pages: dict[str, str], counted: Iterable[str]) -> dict[str, str]:
    """The pages with each mark replaced: a page's own time, and the whole explainer's
    (the pages ``counted``, such as the landing page and its sections)."""
    words = {path: words_in(text) for path, text in pages.items()}
    whole = phrase(explainer_words(pages, counted))
    return {
        path: text.replace(PAGE_MARK, phrase(words[path]))
        .replace(EXPLAINER_MARK, whole)
        .replace(CONSULTED_MARK, "")
        for path, text in pages.items()
    }

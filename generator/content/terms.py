"""Where a story uses its glossary terms: one rule, for ``check`` and for the pages.

A term counts as used where it stands whole: no letter, digit or joining mark
(``+ - / &``) touches it on either side ("E3" is not in "E3+3"), as written or in lower
case. :class:`TermFinder` compiles a story's terms once into one pattern (a trie, so that
finding them costs the same however many there are); ``check`` asks it which terms the
text uses, and :class:`generator.render.abbr.Glossary` marks their first use on a page
by the same rule.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

JOINED = r"[\w+\-/&]"
"""What may not touch a term: letters, digits, underscores and marks that join words."""


def _plain(char: str) -> str:
    return re.escape(char)


def trie_pattern(forms: Iterable[str], unit: Callable[[str], str]) -> str:
    """One regex matching any of ``forms``, longest first, built as a trie: at each
    character, one branch per next character, so that matching does not try each term."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]  # nested to the terms' length
    for form in forms:
        node = root
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: dict) -> str:  # type: ignore[type-arg]
        parts = []
        for char, child in sorted(node.items()):
            if not char:
                continue
            run = unit(char)
            while len(child) == 1 and "" not in child:  # one way on: one literal run
                ((following, child),) = child.items()
                run += unit(following)
            parts.append(run + branch(child))
        if not parts:
            return ""
        if len(parts) == 1 and "" not in node:
            return parts[0]
        body = "(?:" + "|".join(parts) + ")"
        return body + "?" if "" in node else body

    return branch(root)


class TermFinder:
    """A story's glossary terms, compiled once, to find where plain text uses them."""

    def __init__(self, terms: Iterable[str]) -> None:
        self.terms: dict[str, str] = {}
        """Each form (the term as written, and in lower case) -> the term as written."""
        for term in terms:
            term = term.strip()
            for form in dict.fromkeys([term, term.lower()]) if term else ():
                self.terms.setdefault(form, term)

    @functools.cached_property
    def _in_text(self) -> re.Pattern[str]:
        return re.compile(f"(?<!{JOINED})(?:{trie_pattern(self.terms, _plain)})(?!{JOINED})")

    def found(self, text: str) -> set[str]:
        """The terms (as written) that plain ``text`` uses, as a page would mark them."""
        if not self.terms:
            return set()
        return {self.terms[match.group()] for match in self._in_text.finditer(text)}

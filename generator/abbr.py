"""Glossary terms marked as ``<abbr>`` only where they stand as whole terms.

Python-Markdown's ``abbr`` extension finds terms between regex word boundaries, so "E3"
is marked inside "E3+3" and "P5" inside "P5+1". This extension is the same but for the
boundary: a term is marked only where no letter, digit or joining mark (``+ - / &``)
touches it on either side. Headings are left as written: a term there is a title, not
an abbreviation to explain (the text below explains it). MkDocs loads it by name
(``generator.abbr`` in mkdocs.yml); :func:`generator.text.render_markdown` uses it too,
so both agree.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions.abbr import AbbrBlockprocessor, AbbrExtension, AbbrTreeprocessor

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_JOINED = r"[\w+\-/&]"
"""What may not touch a term: letters, digits, underscores and marks that join words."""


def term_pattern(terms: list[str]) -> re.Pattern[str]:
    """A regex finding any of the terms as a whole term, longest first."""
    alternatives = "|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True))
    return re.compile(f"(?<!{_JOINED})(?:{alternatives})(?!{_JOINED})")


class WholeTermTreeprocessor(AbbrTreeprocessor):  # type: ignore[misc]  # untyped base
    """Python-Markdown's abbreviation processor with whole-term matching."""

    def run(self, root: etree.Element) -> etree.Element | None:
        if not self.abbrs:
            return None
        self.RE = term_pattern(list(self.abbrs))
        self.iter_element(root)
        return None

    def iter_element(self, el: etree.Element, parent: etree.Element | None = None) -> None:
        """Mark terms in the element and below it, but not inside a heading."""
        if el.tag not in _HEADINGS:
            super().iter_element(el, parent)
            return
        # Only the heading's tail, the text after it, is searched: it belongs to the parent.
        text, children = el.text, list(el)
        el.text = None
        for child in children:
            el.remove(child)
        super().iter_element(el, parent)
        el.text = text
        el.extend(children)


class WholeTermAbbrExtension(AbbrExtension):  # type: ignore[misc]  # untyped base
    """``abbr`` with whole-term matching; definitions are written the same way."""

    def extendMarkdown(self, md: Markdown) -> None:
        if self.config["glossary"][0]:
            self.load_glossary(self.config["glossary"][0])
        self.abbrs.update(self.glossary)
        md.registerExtension(self)
        md.treeprocessors.register(WholeTermTreeprocessor(md, self.abbrs), "abbr", 7)
        md.parser.blockprocessors.register(AbbrBlockprocessor(md.parser, self.abbrs), "abbr", 16)


def makeExtension(**kwargs: object) -> WholeTermAbbrExtension:
    """The entry point Python-Markdown calls (by this name) for ``generator.abbr``."""
    return WholeTermAbbrExtension(**kwargs)

"""Compare two builds of the site page by page: `make engines` (`python -m devkit.engines`).

Each HTML page's article (the element marked ``data-pagefind-body``, which the theme
wraps around what the generator wrote) is reduced to its text as a reader reads it
(whitespace collapsed; an inline element such as ``<abbr>`` around a word does not part it
from the comma after it, a block such as ``<p>`` or ``<td>`` does), and compared with the
same page of the other build; so are the links a reader moves through a story with (its
chapters at the top and end of the page, the footer's Previous and Next: where each
leads, and its words), the glossary's marks (each term marked, with its definition),
whether the page shows a table of contents and whether it has a Content-Security-Policy.
A page missing from either build, or that differs in any of these, is printed and makes
the exit code 1. The engines' own chrome (the ``<meta name="generator">`` line, their
scripts) is not compared: what the reader reads and moves with is.
"""

from __future__ import annotations

import argparse
import posixpath
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

ARTICLE_MARK = "data-pagefind-body"
INLINE = {
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark",
    "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
}  # fmt: skip
"""Elements inside a line of text: their tags part no words."""
READING_LINKS = {"story-chapters", "md-footer__inner"}
"""The classes of the story's chapters (``theme/partials/story-chapters.html``) and of
the footer's Previous and Next (``theme/partials/footer.html``)."""
GLOSSARY_MARK = re.compile(r'<abbr title="([^"]*)">(.*?)</abbr>', re.DOTALL)
"""A glossary term marked at its first use (the plugin's, or ``python -m generator terms``')."""
POLICY_MARK = 'http-equiv="Content-Security-Policy"'
"""A page's Content-Security-Policy (the plugin's, or ``python -m generator csp``'s)."""
TOC_MARK = 'data-md-type="toc"'
"""The table of contents beside the article (``theme/main.html``), shown or not."""
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}


class _ArticleText(HTMLParser):
    """The text inside the element that carries :data:`ARTICLE_MARK`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth and tag not in INLINE:
            self.text.append(" ")
        if tag in VOID:
            return
        if self.depth or any(name == ARTICLE_MARK for name, _ in attrs):
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag not in VOID:
            self.depth -= 1
            if tag not in INLINE:
                self.text.append(" ")

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.text.append(data)


class _ReadingLinks(HTMLParser):
    """The links inside the elements whose class is one of :data:`READING_LINKS`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.links: list[list[str]] = []
        self.in_link = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        found = dict(attrs)
        classes = set((found.get("class") or "").split())
        if self.depth or classes & READING_LINKS:
            self.depth += 1
        if self.depth and tag == "a":
            self.in_link = True
            self.links.append([found.get("href") or "", found.get("aria-current") or "", ""])

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag not in VOID:
            self.depth -= 1
        if tag == "a":
            self.in_link = False

    def handle_data(self, data: str) -> None:
        if self.in_link:
            self.links[-1][2] += data


def reading_links(html: str, address: str) -> list[str]:
    """The links a reader moves through a story with, on a page at ``address`` (its
    path from the site's root, such as '/story/timeline/'): the story's chapters at the
    top and the end of the page, and the footer's Previous and Next; each as the page
    it leads to (resolved, so that '..' and './..' are the same), whether it is marked
    as the current one, and its text, whitespace collapsed."""
    parser = _ReadingLinks()
    parser.feed(html)
    parser.close()
    return [
        f"{posixpath.normpath(urljoin(address, href))} {current} {' '.join(text.split())}"
        for href, current, text in parser.links
    ]


def article_text(html: str) -> str:
    """The article's text of a page, whitespace collapsed ('' when it has none)."""
    parser = _ArticleText()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.text).split())


def differences(first: Path, second: Path) -> list[str]:
    """What differs between two built sites, one line per page, in path order."""
    pages = {p.relative_to(first) for p in first.rglob("*.html")}
    pages |= {p.relative_to(second) for p in second.rglob("*.html")}
    found: list[str] = []
    for page in sorted(pages):
        a, b = first / page, second / page
        if not (a.is_file() and b.is_file()):
            found.append(f"{page}: only in {first if a.is_file() else second}")
            continue
        html_a, html_b = a.read_text(encoding="utf-8"), b.read_text(encoding="utf-8")
        if article_text(html_a) != article_text(html_b):
            found.append(f"{page}: the article's text differs")
        folder = page.parent.as_posix()
        address = "/" if folder == "." else f"/{folder}/"
        if reading_links(html_a, address) != reading_links(html_b, address):
            found.append(f"{page}: the story's chapters or Previous and Next differ")
        if (TOC_MARK in html_a) != (TOC_MARK in html_b):
            found.append(f"{page}: one build shows a table of contents, the other none")
        if GLOSSARY_MARK.findall(html_a) != GLOSSARY_MARK.findall(html_b):
            found.append(f"{page}: the glossary's marks differ")
        if (POLICY_MARK in html_a) != (POLICY_MARK in html_b):
            found.append(f"{page}: one build has a Content-Security-Policy, the other none")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("first", type=Path, help="a built site (the MkDocs build)")
    parser.add_argument("others", type=Path, nargs="+", help="the same site built by other engines")
    args = parser.parse_args(argv)
    pages = sum(1 for _ in args.first.rglob("*.html"))
    differ = 0
    for other in args.others:
        found = differences(args.first, other)
        for line in found:
            print(f"{other}: {line}")
        print(f"{other}: {pages} pages compared, {len(found)} differ", file=sys.stderr)
        differ += len(found)
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())

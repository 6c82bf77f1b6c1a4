"""Every built page as a reader receives it: what ``test_pages.py`` checks of a whole site.

:func:`check_site` reads each HTML page MkDocs wrote and returns what a reader would trip
over, one line each: Markdown, template or list syntax left in the text, an entity
escaped twice, a list that is not one, an empty heading or section, headings out of order,
an id given twice (an anchor that leads to one of two places), an internal link or anchor
that leads nowhere. An empty list means the site is clean.
"""

from __future__ import annotations

import html
import itertools
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

LEFTOVER = {
    "list syntax": re.compile(r"^[-*+][ \t]|\n[ \t]*[-*+][ \t]"),
    "Markdown syntax": re.compile(
        r"\*\*|__|~~|`|\]\(|\]\[|!\[|\[\^|\*\[|(?:^|\n)[ \t]*(?:#{1,6}|>)[ \t]"
    ),
    "an attribute list": re.compile(r"\{[ \t]*[#.:][^}]*\}"),
    "template syntax": re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}"),
    "an entity escaped twice": re.compile(r"&(?:#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]+);"),
}
"""What must not be left in a page's text once Markdown and the templates have run."""

SKIPPED = {"script", "style", "code", "pre", "svg", "textarea", "template", "noscript"}
"""Elements whose text is not prose (code, data, pictures): not checked for syntax."""

READ_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")
"""Attributes whose value a reader sees or hears."""

CONTENT_ELEMENTS = {"img", "table", "figure", "iframe", "svg", "input", "video", "picture"}
"""Elements that are content of a section even without text."""

LINKING = {("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"), ("iframe", "src")}


@dataclass
class Heading:
    level: int
    text: str = ""


@dataclass
class _Page(HTMLParser):
    """One page's ids, links, headings, sections and text, as the parser met them."""

    ids: set[str] = field(default_factory=set)
    twice: list[str] = field(default_factory=list)  # ids given to a second element
    links: list[str] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    texts: list[tuple[str, str]] = field(default_factory=list)  # (where, text)
    empty_lists: int = 0
    empty_sections: list[str] = field(default_factory=list)
    _skip: int = 0
    _article: int = 0
    _heading: Heading | None = None
    _list_items: list[int] = field(default_factory=list)
    _open_section: Heading | None = None  # the last heading, until content follows it
    _title: bool = False

    def __post_init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self._collect(tag, values)
        if tag == "title":
            self._title = True
        if tag in SKIPPED:
            self._skip += 1
        if tag == "article":
            self._article += 1
        if self._article:
            self._structure(tag)

    def _collect(self, tag: str, values: dict[str, str]) -> None:
        """The element's ids, the address it links to and the text it gives a reader."""
        self.ids.update(values[n] for n in ("id", "name") if values.get(n) and tag == "a")
        if values.get("id"):
            if values["id"] in self.ids:
                self.twice.append(values["id"])
            self.ids.add(values["id"])
        self.links += [values[a] for e, a in LINKING if tag == e and values.get(a)]
        self.texts += [(f"<{tag} {n}>", values[n]) for n in READ_ATTRIBUTES if values.get(n)]

    def _structure(self, tag: str) -> None:
        """Lists, headings and sections of the article."""
        if tag in {"ul", "ol"}:
            self._list_items.append(0)
        elif tag == "li" and self._list_items:
            self._list_items[-1] += 1
        if re.fullmatch(r"h[1-6]", tag):
            self._close_section(int(tag[1]))
            self._heading = Heading(int(tag[1]))
        elif tag in CONTENT_ELEMENTS and self._heading is None:
            self._open_section = None

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in SKIPPED or tag == "article":
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._title = False
        if tag in SKIPPED and self._skip:
            self._skip -= 1
        if not self._article:
            return
        if tag == "article":
            self._close_section(1)
            self._article -= 1
        elif tag in {"ul", "ol"} and self._list_items:
            if self._list_items.pop() == 0:
                self.empty_lists += 1
        elif re.fullmatch(r"h[1-6]", tag) and self._heading:
            self._heading.text = " ".join(self._heading.text.replace("¶", "").split())
            self.headings.append(self._heading)
            self._open_section = self._heading
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._title:
            self.texts.append(("<title>", data))
        if not self._article or self._skip:
            return
        if self._heading is not None:
            self._heading.text += data
        elif data.strip():
            self._open_section = None
        self.texts.append(("text", data))

    def _close_section(self, level: int) -> None:
        """A heading of ``level`` (or the article's end) closes the open section."""
        if self._open_section is not None and level <= self._open_section.level:
            self.empty_sections.append(self._open_section.text)
        self._open_section = None  # empty, or holding the subsection that starts here


def page_url(site: Path, page: Path) -> str:
    """The address of ``page`` under the site's root, as a relative-URL base."""
    return "https://site.invalid/" + page.relative_to(site).as_posix()


def _target(site: Path, address: str) -> Path | None:
    """The file an internal address (path under the site's root) is served from."""
    path = site / unquote(address)
    if address == "" or address.endswith("/"):
        path = path / "index.html"
    return path if path.is_file() else None


def check_page(site: Path, page: Path, ids: dict[Path, set[str]], site_url: str) -> list[str]:
    """What is wrong with one built page (see the module's docstring)."""
    parsed = _parse(page)
    name = page.relative_to(site).as_posix()
    problems: list[str] = []
    for index, (where, text) in enumerate(parsed.texts):
        for what, pattern in LEFTOVER.items():
            found = pattern.search(text)
            if found:
                snippet = _around(parsed.texts, index, found.start(), found.end())
                problems.append(f"{name}: {what} left in the {where}: {snippet!r}")
    problems += [f"{name}: the id {twice!r} is given twice" for twice in parsed.twice]
    if parsed.empty_lists:
        problems.append(f"{name}: {parsed.empty_lists} list(s) without an item")
    headings = parsed.headings
    problems += [f"{name}: an empty heading (h{h.level})" for h in headings if not h.text]
    problems += [f"{name}: nothing under the heading {text!r}" for text in parsed.empty_sections]
    if [h.level for h in headings].count(1) != 1:
        problems.append(f"{name}: {[h.level for h in headings].count(1)} h1 headings, not 1")
    for before, after in itertools.pairwise(headings):
        if after.level > before.level + 1:
            problems.append(f"{name}: h{after.level} {after.text!r} follows h{before.level}")
    here = page_url(site, page)
    for link in parsed.links:
        problem = _check_link(site, here, link, ids, site_url)
        if problem:
            problems.append(f"{name}: {problem}")
    return problems


def _around(texts: list[tuple[str, str]], index: int, start: int, end: int) -> str:
    """The text found at ``start:end`` of text ``index`` with 30 characters either side, taken
    from the text before and after where it is a piece of the page's text."""
    where, text = texts[index]
    before = texts[index - 1][1] if index and where == "text" else ""
    after = texts[index + 1][1] if index + 1 < len(texts) and where == "text" else ""
    found = text[start:end].strip()
    return " ".join(
        [*(before + text[:start])[-30:].split(), found, *(text[end:] + after)[:30].split()]
    )


def _check_link(
    site: Path, here: str, link: str, ids: dict[Path, set[str]], site_url: str
) -> str | None:
    """Why an internal link leads nowhere; None if it resolves or leads off the site."""
    link = html.unescape(link)
    if link.startswith(site_url):
        link = "https://site.invalid/" + link.removeprefix(site_url)
    resolved = urljoin(here, link)
    parts = urlsplit(resolved)
    if parts.scheme != "https" or parts.netloc != "site.invalid":
        return None
    target = _target(site, parts.path.removeprefix("/"))
    if target is None:
        return f"the link {link!r} leads to no file"
    if parts.fragment and target.suffix == ".html":
        if target not in ids:
            ids[target] = _parse(target).ids
        if unquote(parts.fragment) not in ids[target]:
            return f"the link {link!r} leads to no anchor on {target.relative_to(site)}"
    return None


def _parse(page: Path) -> _Page:
    parser = _Page()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    return parser


def check_site(site: Path, site_url: str) -> list[str]:
    """Everything wrong with every HTML page of the built ``site`` (built for ``site_url``)."""
    ids: dict[Path, set[str]] = {}
    problems: list[str] = []
    for page in sorted(site.rglob("*.html")):
        if page.parent == site and page.name == "404.html":
            continue  # served at any address: its relative links are not meant to resolve
        problems += check_page(site, page, ids, site_url)
    return problems

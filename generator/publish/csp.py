"""Every page's Content-Security-Policy: a ``<meta>`` tag, written after MkDocs and
Material have rendered the page (the plugin's ``on_post_page`` and ``on_post_template``),
or, after an engine that runs no plugin (Zensical, any engine's build of the project
``build --out`` writes), into the built site by ``python -m generator csp SITE_DIR``
(:func:`secure_site`): the same policy, page for page.

Scripts run from the site's own address (``'self'``) and, inline, only the scripts the
theme writes, each allowed by the SHA-256 hash of its text: no ``'unsafe-inline'``, no
``'unsafe-eval'`` (neither Material's bundle nor the vendored plotly.js basic bundle
needs it), so a ``<script>`` or an event-handler attribute (``onerror=``, ``onfocus=``)
that reaches a page from content is refused by the browser, even if an escape fails.
``'wasm-unsafe-eval'`` lets Pagefind compile its WebAssembly and nothing else.

Which inline scripts are the theme's: those whose parent is ``<head>``, ``<body>``,
Material's header bar or its main grid, where the templates put them. Editors' words
land elsewhere (the article, the navigation, titles), so a script there is never hashed.
Material's instant navigation runs the inline scripts of the next page's main grid under
the first page's policy: they are the same on every page (:func:`container_hashes`; the
plugin stops a build where they differ).

Under ``mkdocs serve`` (``make serve``), inline scripts are allowed (:data:`LIVE_RELOAD`)
for MkDocs' live-reload script; ``make site``, the deploy and ``make preview`` write the
hashes.

What a ``<meta>`` policy cannot say: ``frame-ancestors`` (and ``report-uri``,
``sandbox``) are ignored in a meta tag; only an HTTP header could set them, and GitHub
Pages sends none. The embeddable timeline is meant for other sites' frames anyway.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from html import parser as html_parser
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

TRUSTED_PARENTS = ("head", "body")
"""Where the theme's templates put inline scripts: in these elements,"""

TRUSTED_CLASSES = ("md-header__inner", "md-main__inner")
"""and in Material's header bar (the palette's script) and main grid (:data:`CONTAINER`).
No editor's words are ever a child of these: they sit in elements of their own inside."""

CONTAINER = "md-main__inner"
"""The class of Material's main grid, a <div>: a theme's inline script stands there, and
instant navigation runs it again on each page it swaps in."""

EXECUTABLE_TYPES = frozenset(
    {"", "module", "text/javascript", "application/javascript", "application/ecmascript"}
)
"""Script types a browser runs (a data block, such as application/json, is not run)."""

VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
    | {"track", "wbr"}
)
"""Elements without an end tag: nothing opens for them."""

FIXED_DIRECTIVES = (
    ("default-src", "'self'"),
    ("style-src", "'self' 'unsafe-inline'"),
    ("img-src", "'self' data:"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)
"""Everything but ``script-src``. Styles keep ``'unsafe-inline'``: Material, the chart's
picture and plotly.js set ``style`` attributes, and CSS runs no script. ``data:``
images are Material's icons, drawn by its stylesheet."""

SCRIPT_SOURCES = "'self' 'wasm-unsafe-eval'"
"""``script-src`` before the hashes: the site's own files, and Pagefind's WebAssembly."""

_CHARSET = re.compile(r"<meta charset=\"?utf-8\"?\s*/?>", re.IGNORECASE)


class PolicyError(ValueError):
    """A page where the policy cannot be written (no charset declaration before scripts)."""


@dataclass(frozen=True)
class InlineScript:
    """An inline script of a page: its text, and whether the theme wrote it."""

    text: str
    trusted: bool
    in_container: bool

    @property
    def source(self) -> str:
        """The CSP source that allows it: ``'sha256-…'``."""
        digest = hashlib.sha256(self.text.encode("utf-8")).digest()
        return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


class _Scripts(HTMLParser):
    """Finds a page's inline scripts that a browser runs, with where they stand."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[tuple[str, str]] = []  # (tag, class) of the open elements
        self.scripts: list[InlineScript] = []
        self._open: tuple[bool, bool, list[str]] | None = None  # trusted, container, text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and values.get("src") is None:
            kind = (values.get("type") or "").strip().lower()
            if kind in EXECUTABLE_TYPES:
                parent, classes = self.stack[-1] if self.stack else ("", "")
                names = classes.split()
                trusted = parent in TRUSTED_PARENTS or any(c in names for c in TRUSTED_CLASSES)
                self._open = (trusted, CONTAINER in names, [])
        if tag not in VOID:
            self.stack.append((tag, values.get("class") or ""))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass  # <br/>, <path/>: nothing opened

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._open is not None:
            trusted, container, text = self._open
            self.scripts.append(InlineScript("".join(text), trusted, container))
            self._open = None
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                break

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open[2].append(data)


def inline_scripts(html: str) -> list[InlineScript]:
    """The inline scripts of ``html`` a browser would run, in page order.

    Read as :class:`HTMLParser` reads it (:class:`_Scripts`), a page of well-formed
    markup quickly (:func:`_quick_scripts`: every page the theme writes); one with any
    markup the quick reading does not follow (an unterminated tag or comment, a marked
    section), by :class:`_Scripts` itself."""
    try:
        return _quick_scripts(html)
    except _Irregular:
        parser = _Scripts()
        parser.feed(html)
        parser.close()
        return parser.scripts


class _Irregular(Exception):
    """Markup that :func:`_quick_scripts` leaves to :class:`_Scripts`."""


_OPENING = re.compile(r"<[a-zA-Z/!?]")
_RAW_TEXT_END = {name: re.compile(rf"</\s*{name}\s*>", re.I) for name in ("script", "style")}
_COMMENT_END = re.compile(r"--\s*>")
_UNREAD_CHARREF = re.compile(r"&#(?!(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F])")
"""A ``&#`` that is no character reference, after which :class:`HTMLParser` reads the
rest of the page as text."""

# HTMLParser's own rules (typeshed does not declare them): a start tag's extent, its
# name, an attribute, an end tag.
_START_TAG: re.Pattern[str] = html_parser.locatestarttagend_tolerant  # type: ignore[attr-defined]
_TAG_NAME: re.Pattern[str] = html_parser.tagfind_tolerant  # type: ignore[attr-defined]
_ATTRIBUTE: re.Pattern[str] = html_parser.attrfind_tolerant  # type: ignore[attr-defined]
_END_TAG: re.Pattern[str] = html_parser.endtagfind  # type: ignore[attr-defined]


def _quick_scripts(html: str) -> list[InlineScript]:
    """What :class:`_Scripts` finds, with one regular expression a tag rather than a
    parser's call for each tag, text and character reference (a build's pages were a
    seventh of its time in :class:`_Scripts`). It follows :class:`HTMLParser`'s own rules
    (its regular expressions), reads the attributes of a script and of a script's parent
    only, and raises :class:`_Irregular` on anything else."""
    if _UNREAD_CHARREF.search(html):
        raise _Irregular("&#")
    stack: list[tuple[str, str]] = []  # (tag, start tag as written) of the open elements
    scripts: list[InlineScript] = []
    position = 0
    while (found := _OPENING.search(html, position)) is not None:
        start = found.start()
        if html[start + 1] in "!?":
            position = _skip_declaration(html, start)
        elif html[start + 1] == "/":
            position = _end_tag(html, start, stack)
        else:
            position = _start_tag(html, start, stack, scripts)
    return scripts


def _end_tag(html: str, start: int, stack: list[tuple[str, str]]) -> int:
    """Close the element whose end tag is at ``start``, and the open elements inside it,
    as :class:`_Scripts` does; where the tag ends."""
    closing = _END_TAG.match(html, start)
    if closing is None:
        raise _Irregular(start)
    name = closing.group(1).lower()
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth][0] == name:
            del stack[depth:]
            break
    return closing.end()


def _start_tag(
    html: str, start: int, stack: list[tuple[str, str]], scripts: list[InlineScript]
) -> int:
    """Open the element whose start tag is at ``start`` (a script or a stylesheet: read
    it to its end tag, and note the script); where it ends."""
    tag_end = _START_TAG.match(html, start).end()  # type: ignore[union-attr]
    if html.startswith("/>", tag_end):
        position = tag_end + 2
    elif html.startswith(">", tag_end):
        position = tag_end + 1
    else:
        raise _Irregular(start)
    tag = html[start:position]
    if tag.endswith("/>"):
        rest = tag[_attributes(tag)[1] :].strip()
        if rest == "/>":
            return position  # <br/>, <path/>: nothing opened
        if rest != ">":
            raise _Irregular(start)
    name_found = _TAG_NAME.match(tag, 1)
    name = name_found.group(1).lower() if name_found else ""
    if name in _RAW_TEXT_END:
        ended = _RAW_TEXT_END[name].search(html, position)
        if ended is None:
            raise _Irregular(start)
        if name == "script" and (script := _script(tag, html[position : ended.start()], stack)):
            scripts.append(script)
        return ended.end()  # opened and closed
    if name not in VOID:
        stack.append((name, tag))
    return position


def _skip_declaration(html: str, start: int) -> int:
    """Where a comment, declaration or processing instruction at ``start`` ends, as
    :class:`HTMLParser` reads it."""
    if html.startswith("<!--", start):
        ended = _COMMENT_END.search(html, start + 4)
        if ended is None:
            raise _Irregular(start)
        return ended.end()
    if html.startswith("<![", start):
        raise _Irregular(start)  # a marked section
    end = html.find(">", start + 2)
    if end == -1:
        raise _Irregular(start)
    return end + 1


def _script(tag: str, text: str, stack: list[tuple[str, str]]) -> InlineScript | None:
    """The inline script a ``<script>`` start tag opens, with its text, as
    :class:`_Scripts` records it; None for one a browser loads or does not run."""
    values = _attributes(tag)[0]
    kind = (values.get("type") or "").strip().lower()
    if values.get("src") is not None or kind not in EXECUTABLE_TYPES:
        return None
    parent, written = stack[-1] if stack else ("", "")
    names = (_attributes(written)[0].get("class") or "").split() if written else []
    trusted = parent in TRUSTED_PARENTS or any(c in names for c in TRUSTED_CLASSES)
    return InlineScript(text, trusted, CONTAINER in names)


def _attributes(tag: str) -> tuple[dict[str, str | None], int]:
    """The attributes of a start tag as written, read as :class:`HTMLParser` reads
    them (its ``parse_starttag``: the last of a name that is repeated), and where they
    end in ``tag``."""
    values: dict[str, str | None] = {}
    found = _TAG_NAME.match(tag, 1)
    position = found.end() if found else len(tag)
    while (attribute := _ATTRIBUTE.match(tag, position)) is not None:
        name, rest, value = attribute.group(1, 2, 3)
        if not rest:
            value = None
        elif value[:1] == "'" == value[-1:] or value[:1] == '"' == value[-1:]:
            value = value[1:-1]
        values[name.lower()] = unescape(value) if value else value
        position = attribute.end()
    return values, position


LIVE_RELOAD = "'unsafe-inline'"
"""In ``mkdocs serve`` (``make serve``), in place of the hashes: MkDocs adds its live-reload
script to each page as it serves it, with a number that changes on every request, which
no hash written at build time can allow. ``make site`` and ``make preview`` write hashes."""


def policy(scripts: list[InlineScript], *, live_reload: bool = False) -> str:
    """The policy for a page with these inline scripts: the trusted ones hashed, sorted;
    with ``live_reload``, :data:`LIVE_RELOAD` instead."""
    hashes = sorted({script.source for script in scripts if script.trusted})
    if live_reload:
        hashes = [LIVE_RELOAD]
    directives = [*FIXED_DIRECTIVES[:1], ("script-src", " ".join([SCRIPT_SOURCES, *hashes]))]
    directives += FIXED_DIRECTIVES[1:]
    return "; ".join(f"{name} {value}" for name, value in directives)


def container_hashes(scripts: list[InlineScript]) -> frozenset[str]:
    """The hashes of the trusted scripts instant navigation runs again on each page."""
    return frozenset(script.source for script in scripts if script.trusted and script.in_container)


def with_policy(html: str, *, live_reload: bool = False) -> tuple[str, list[InlineScript]]:
    """``html`` with its policy's meta tag right after ``<meta charset>``, before any
    script; and the page's inline scripts. :class:`PolicyError` when there is no charset
    declaration in the head, or a script before it. ``live_reload``: for ``mkdocs serve``
    (:data:`LIVE_RELOAD`)."""
    found = _CHARSET.search(html)
    head_end = html.find("</head>")
    if found is None or (head_end != -1 and found.start() > head_end):
        raise PolicyError('no <meta charset="utf-8"> in the page\'s <head>')
    if "<script" in html[: found.start()].lower():
        raise PolicyError("a <script> comes before <meta charset>, before the policy")
    scripts = inline_scripts(html)
    written = policy(scripts, live_reload=live_reload)
    tag = f'<meta http-equiv="Content-Security-Policy" content="{written}">'
    return html[: found.end()] + tag + html[found.end() :], scripts


POLICY_MARK = 'http-equiv="Content-Security-Policy"'
"""What a page that already has its policy carries (the MkDocs plugin writes it)."""


@dataclass(frozen=True)
class SecuredSite:
    """What :func:`secure_site` did: pages given their policy, pages that had one, and
    the pages with an inline script outside the theme's places (not allowed)."""

    written: int
    kept: int
    refused: list[str]


def secure_site(site_dir: Path) -> SecuredSite:
    """Write every HTML page's policy under ``site_dir``, whichever engine built it: the
    step after an engine that runs no plugin (``python -m generator csp SITE_DIR``), as
    the MkDocs plugin does while it builds. A page that has its policy is left as it is.

    Raises :class:`PolicyError`, before any page is written, when a page cannot have one
    or when pages differ in the inline scripts instant navigation runs again (the first
    page's policy would refuse another's). Reads each page twice rather than holding the
    site in memory: time linear in the site, memory in its largest page.
    """
    pages = sorted(site_dir.rglob("*.html"))
    containers: dict[frozenset[str], str] = {}
    refused: list[str] = []
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if POLICY_MARK in html:
            continue
        name = page.relative_to(site_dir).as_posix()
        try:
            _, scripts = with_policy(html)
        except PolicyError as error:
            raise PolicyError(
                f"{name}: cannot write its Content-Security-Policy: {error}"
            ) from None
        containers.setdefault(container_hashes(scripts), name)
        refused += [name for script in scripts if not script.trusted][:1]
    if len(containers) > 1:
        pages_named = ", ".join(sorted(containers.values()))
        raise PolicyError(f"the inline scripts of the main grid differ between {pages_named}")
    written = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if POLICY_MARK not in html:
            page.write_text(with_policy(html)[0], encoding="utf-8")
            written += 1
    return SecuredSite(written, len(pages) - written, refused)

"""Render a story's pages: Jinja templates in, Markdown files (with front matter) out.

One Jinja environment, built in :func:`environment`, renders every template. It is made
safe by default: every string printed with ``{{ }}`` is passed through
:func:`~generator.render.text.escape_markdown`, so editors' text shows exactly as typed and can
never become Markdown or HTML. Only values the generator built itself, marked as
``Markup`` (sanitised prose, links, citations), are printed as they are.
"""

from __future__ import annotations

import enum
import functools
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlsplit

import jinja2
import yaml
from markupsafe import Markup, escape

from generator.content.models import DateSpan, PartialDate, Speaker, Story
from generator.content.types import SLUG_PATTERN
from generator.render import balance, dates, grouping, wording
from generator.render.related import actor_page_path
from generator.render.text import escape_markdown, render_markdown


class PageKind(enum.Enum):
    """What a page is to a reader: the rules that treat pages differently (the menu,
    reading time, JSON-LD, where a quotation is printed) ask a page's kind."""

    LANDING = "landing"
    """A story's first page: its summary, at a glance, the lead quotation."""
    CHAPTER = "chapter"
    """A chapter of a story, read in order (background, positions... timeline)."""
    WHOS_WHO = "whos-who"
    """The story's chapter of people: its cast list, then every actor's profile. Rendered
    after the other chapters: a quotation one of them prints, a profile links to there."""
    SOURCES = "sources"
    """The story's numbered sources, consulted rather than read."""
    GLOSSARY = "glossary"
    """The story's terms, consulted rather than read."""
    EMBED = "embed"
    """The story's timeline alone, for an ``<iframe>`` on another site."""
    HOME = "home"
    """The site's home page, a year's page or an actor's page: lists of stories."""
    SCHEMA = "schema"
    """The open data's schema."""


@dataclass(frozen=True)
class Page:
    """One generated Markdown page: where it goes, its template and its front matter."""

    path: str
    template: str
    title: str
    description: str
    blurb: str = ""
    """What the page holds, in a few words, for the cards that link to it."""
    meta: dict[str, Any] = field(default_factory=dict)
    """Front matter beyond title and description (such as JSON-LD data)."""
    context: dict[str, Any] = field(default_factory=dict)
    """Values the template needs beyond the story (such as a year's page's year)."""
    kind: PageKind = PageKind.CHAPTER
    """What the page is to a reader; rules about pages ask this, never the template."""


_SLUG = re.compile(SLUG_PATTERN)

TOC_MIN_ENTRIES = 2
"""The fewest sections (``##`` headings, the entries under the page's title) a page's
table of contents lists; a page with fewer shows none: a contents list of one line is
chrome, not help."""

_SECTION = re.compile(r"^## ", re.MULTILINE)
"""A section's heading in a page's Markdown (editors' prose is HTML there by then, and
its headings are not the table of contents')."""


def hides_toc(markdown: str) -> bool:
    """Whether a page of this Markdown hides its table of contents (Material's
    ``hide: [toc]``): fewer than :data:`TOC_MIN_ENTRIES` sections."""
    return len(_SECTION.findall(markdown)) < TOC_MIN_ENTRIES


def _finalize(value: Any) -> Any:
    # Ids (validated slugs) print as they are, so they can serve as anchors.
    if isinstance(value, str) and not isinstance(value, Markup) and not _SLUG.fullmatch(value):
        return escape_markdown(value)
    return value


@functools.cache
def environment() -> jinja2.Environment:
    """The one Jinja environment: templates from ``generator/render/templates``, safe output."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.render", "templates"),
        autoescape=True,
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["prose"] = render_markdown
    env.filters["when"] = time_element
    env.filters["when_range"] = range_element
    env.filters["to_month"] = to_month
    env.filters["date"] = dates.format_date
    env.filters["safe_url"] = lambda url: Markup(escape(url))  # validated by the model
    env.filters["host"] = url_host
    env.filters["slug"] = slugify
    env.filters["attr"] = attribute_value
    env.filters["name"] = name_markup
    env.globals["quote"] = quote_markup
    env.filters["actor_summary"] = wording.actor_summary
    env.globals["shown_country"] = wording.shown_country
    env.globals["translation_note"] = wording.translation_note
    env.globals["kind_note"] = wording.kind_note
    env.globals["members_of"] = wording.members_of
    env.globals["groups_of"] = wording.groups_of
    env.globals["position_columns"] = grouping.position_columns
    env.globals["side_number"] = grouping.side_number
    env.globals["cast_of"] = grouping.cast_of
    env.globals["reaction_groups"] = grouping.reaction_groups
    env.globals["kind_label"] = grouping.kind_label
    env.globals["basis_label"] = wording.basis_label
    env.globals["unknown_of"] = wording.unknown_of
    env.globals["in_sentence"] = wording.in_sentence
    env.filters["in_sentence"] = wording.in_sentence
    env.globals["side_records"] = balance.side_records
    env.globals["unquoted"] = balance.unquoted
    env.globals["duration"] = dates.duration_phrase
    env.globals["profile_anchor"] = profile_anchor
    return env


def to_month(value: PartialDate) -> PartialDate:
    """The month of a date ('March 2013' of 18 March 2013), or its year if that is all
    it says: where a list gives a story's time, not its days."""
    return PartialDate(value.year, value.month)


def url_host(url: str) -> str:
    """The site a web address is on, as a list of sources shows it ('bbc.co.uk' of
    'https://www.bbc.co.uk/news/...'): the reader sees whose page it is, and the link
    holds the rest (explainer.css prints the whole address on paper)."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def attribute_value(text: str) -> Markup:
    """Editors' text for a double-quoted HTML attribute (alt, title...): the one way in.

    Python-Markdown reads the page's raw HTML too, attribute values included, and turns
    link or image syntax there into tags whose quotation marks close the attribute; so
    the text is escaped for Markdown (every character of its syntax an entity, nothing
    left for it to read) and its quotation marks for the attribute. What the browser reads
    back is the text as typed. Templates write it as ``{{ value | attr }}``.
    """
    return Markup(str(escape_markdown(text)).replace('"', "&quot;"))


def name_markup(text: str) -> Markup:
    """A name or a title set apart from the text around it (``<bdi>``): a right-to-left
    name cannot turn around the words after it. Templates write ``{{ name | name }}``."""
    return Markup(inline("name", "text").format(text=escape_markdown(text)))


class Anchors:
    """The anchors given on one page so far: an item shown twice is anchored once."""

    def __init__(self) -> None:
        self.given: set[str] = set()

    def first(self, anchor: str) -> bool:
        """True the first time ``anchor`` is asked for on the page, False after."""
        seen = anchor in self.given
        self.given.add(anchor)
        return not seen


class QuotedOn:
    """Which chapter of a story prints each quotation in full: a quotation is printed
    once, in its chapter (and the landing page's lead quotation there too); an actor's
    profile on Who's who links to it there instead of printing it again. The quotation
    macro records each page that prints one; a story's other chapters are rendered before
    Who's who (:func:`generator.render.pages.render_story`), which prints, and is the home
    of, only the quotations no other chapter prints."""

    PAGES_THAT_REPEAT = frozenset({PageKind.LANDING, PageKind.EMBED})
    """Pages whose quotations are repeated from a chapter, never their home."""

    def __init__(self) -> None:
        self.pages: dict[str, Page] = {}

    def record(self, quotation_id: str, page: Page) -> str:
        """Note that ``page`` prints the quotation (the first such chapter is kept);
        returns '' so that a template can call it where it prints the quotation."""
        if page.kind not in self.PAGES_THAT_REPEAT:
            self.pages.setdefault(quotation_id, page)
        return ""

    def chapter(self, quotation_id: str) -> Page | None:
        """The chapter that prints the quotation, or None when no chapter does."""
        return self.pages.get(quotation_id)


def slugify(text: str) -> str:
    """An anchor made of lower-case letters, digits and hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "term"


@functools.cache
def inline(macro: str, *names: str) -> str:
    """The markup of a macro of ``_inline.md.j2``, each argument a ``{name}`` to fill in.

    Rendered once; ``str.format`` fills it in with values escaped for where they go, far
    faster than calling the macro for each of the thousands of dates and citations.
    """
    module = environment().get_template("_inline.md.j2").module
    return str(getattr(module, macro)(*(Markup(f"{{{name}}}") for name in names)))


def time_element(value: PartialDate | DateSpan | Any) -> Markup:
    """A date as ``<time datetime=...>`` showing it at its precision."""
    if isinstance(value, PartialDate | DateSpan):
        machine, shown = dates.machine_date(value), dates.format_when(value)
        title = dates.describe_when(value) if isinstance(value, DateSpan) else None
    else:
        machine, shown, title = value.isoformat(), dates.format_date(value), None
    filled = {"machine": escape(machine), "shown": escape_markdown(shown)}
    if title:
        return Markup(
            inline("time", "machine", "shown", "title").format(
                **filled, title=attribute_value(title)
            )
        )
    return Markup(inline("time", "machine", "shown").format(**filled))


def range_element(start: PartialDate, end: PartialDate) -> Markup:
    """A story's dates as one or two ``<time>`` elements: '27–28 February 2019'."""
    first, separator, last = dates.range_parts(start, end)
    filled = {"start": escape(str(start)), "first": escape_markdown(first)}
    if not last:
        return Markup(inline("time", "start", "first").format(**filled))
    markup = inline("time_range", "start", "first", "separator", "end", "last")
    return Markup(
        markup.format(
            **filled, separator=escape(separator), end=escape(str(end)), last=escape_markdown(last)
        )
    )


class Links:
    """Links from one page to the others, as relative Markdown paths MkDocs checks."""

    def __init__(self, story: Story, page_path: str) -> None:
        self.story = story
        self.page_path = page_path
        self.here = posixpath.dirname(page_path)
        self.built = built_folder(page_path)
        self.numbers = {source.id: n for n, source in enumerate(story.sources, start=1)}

    def to(self, path: str, anchor: str = "") -> Markup:
        """The relative link to a page of the site (``path`` from the docs root).

        Paths and anchors are made of ids, which are validated slugs. A link to an anchor
        of the page itself is the anchor alone.
        """
        if anchor and path == self.page_path:
            return Markup(escape(f"#{anchor}"))
        relative = _relative(path, self.here)
        return Markup(escape(f"{relative}#{anchor}" if anchor else relative))

    def asset(self, path: str) -> Markup:
        """The address of a file of the site (``path`` from its root), relative to the
        page as built: for raw HTML, whose addresses MkDocs does not rewrite."""
        return Markup(escape(_relative(path, self.built)))

    def story_page(self, name: str, anchor: str = "") -> Markup:
        """Link to a page of this story, such as 'timeline.md'."""
        return self.to(f"{self.story.id}/{name}", anchor)

    def cite(self, source_ids: Iterable[str]) -> Markup:
        """Footnote-style citation links to the numbered sources page."""
        sources, link = self.story_page("sources.md"), inline("link", "text", "href")
        links = [
            link.format(text=self.numbers[i], href=f"{sources}#source-{i}")
            for i in sorted(set(source_ids), key=self.numbers.__getitem__)
        ]  # numbers, a path and slugs: nothing to escape
        if not links:
            return Markup()
        first, *rest = links
        if not rest:
            return Markup(inline("citation", "first").format(first=first))
        rest_links = "".join(f", {later}" for later in rest)
        return Markup(inline("citations", "first", "rest").format(first=first, rest=rest_links))

    def actor(self, actor_id: str) -> Markup:
        """The actor's name, linked to their profile on Who's who."""
        name = name_markup(self.story.actor(actor_id).name)
        href = self.profile(self.story.id, actor_id)
        return Markup(inline("link", "text", "href").format(text=name, href=href))

    def profile(self, story_id: str, actor_id: str) -> Markup:
        """The address of an actor's profile on a story's Who's who (this story's or
        another's, for the actor's other stories)."""
        return self.to(whos_who_path(story_id), profile_anchor(actor_id))

    def actor_page(self, actor_id: str) -> Markup:
        """The address of the page of every story an actor is in (:func:`.related.has_page`)."""
        return self.to(actor_page_path(actor_id))

    def speaker(self, speaker: str | Speaker) -> Markup:
        """Who said a quotation: the actor's linked name, or the name and role of a speaker
        named in place ('Jane Example, Spokesperson of the ministry')."""
        if isinstance(speaker, str):
            return self.actor(speaker)
        return Markup("{}, {}").format(name_markup(speaker.name), escape_markdown(speaker.role))

    def whose(self, item: Any) -> Markup:
        """Who a position or an account belongs to: the actor's linked name, else the side's."""
        if item.actor is not None:
            return self.actor(item.actor)
        return name_markup(self.story.side(item.side).name)

    def event(self, event_id: str) -> Markup:
        """Link to an event in the timeline list."""
        return self.story_page("timeline.md", f"event-{event_id}")


WHOS_WHO = "actors/index.md"
"""A story's Who's who page, under the story's folder."""


def whos_who_path(story_id: str) -> str:
    """The path of a story's Who's who page from the docs root."""
    return f"{story_id}/{WHOS_WHO}"


def profile_anchor(actor_id: str, part: str = "") -> str:
    """The anchor of an actor's profile on Who's who ('actor-jane-doe'), or of a part of
    it ('actor-jane-doe--positions').

    Unique on the page whatever the ids: the cast list's anchors are the sides' (``side-``
    and an id), the kinds' (one word) and 'others', none starting with ``actor-``; and
    an id never holds two hyphens in a row (a slug), so a part's anchor ('--' and a
    word) cannot be another actor's profile.
    """
    return f"actor-{actor_id}--{part}" if part else f"actor-{actor_id}"


def built_folder(page_path: str) -> str:
    """The folder a page's HTML is built into (directory URLs): 'a/b.md' -> 'a/b',
    'a/index.md' -> 'a', 'index.md' -> ''."""
    stem = page_path.removesuffix(".md")
    return posixpath.dirname(stem) if posixpath.basename(stem) == "index" else stem


@functools.lru_cache(maxsize=4096)
def _relative(path: str, here: str) -> str:
    return posixpath.relpath(path, here or ".")


def render_page(story: Story | None, page: Page, context: dict[str, Any]) -> str:
    """The Markdown of one page: YAML front matter and the template's body (glossary
    terms are marked in the page's HTML: :mod:`generator.render.abbr`)."""
    template = environment().get_template(page.template)
    links = Links(story, page.path) if story else None
    body = template.render(
        story=story, links=links, page=page, anchors=Anchors(), **context, **page.context
    )
    hidden = page.meta.get("hide", [])
    if hides_toc(body) and "toc" not in hidden:  # in the front matter, for every engine
        page = replace(page, meta={**page.meta, "hide": [*hidden, "toc"]})
    return front_matter(page) + body


_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter when there


def front_matter(page: Page) -> str:
    """Front matter written by a YAML serialiser, never by string formatting.

    Themes print the title and description into HTML without escaping them (Material's
    ``<title>``, navigation and ``<meta name="description">``), so they are HTML-escaped
    here; the JSON-LD data is left as text, since the theme serialises it as JSON.
    """
    meta = {
        "title": shown_title(page.title),
        "description": shown_title(page.description),
        **page.meta,
    }
    dumped = yaml.dump(meta, Dumper=_Dumper, allow_unicode=True, sort_keys=True, width=1000)
    return f"---\n{dumped}---\n\n"


def shown_title(text: str) -> str:
    """A title (or description) as front matter holds it: on one line, HTML-escaped,
    since themes print it into HTML as it is."""
    return str(escape(_one_line(text)))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def quote_markup(text: str) -> Markup:
    """A verbatim quotation wrapped in typographic quotation marks."""
    return Markup(inline("quoted", "text").format(text=escape_markdown(text)))


__all__ = [
    "Links",
    "Page",
    "PageKind",
    "QuotedOn",
    "environment",
    "escape",
    "profile_anchor",
    "quote_markup",
    "render_page",
]

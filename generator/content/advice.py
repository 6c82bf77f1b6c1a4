"""Warnings: what an editor wants to hear about in a story that is valid.

A warning never stops a build: ``check`` prints it (``check --strict`` fails on it) and
the site build logs it. Checks about things (a source, an actor, a phase, a quotation, a
term) read the typed models of files that passed them, and name the place of what they
are about in the data (``("sources", 3, "id")``); the loader turns places into lines and
columns from the document (see :func:`locate`), reading a file again with positions only
when it has a warning. Checks about the words as written (placeholders, http://
addresses, words YAML reads as a comment) read each file's texts, whose keys the models
say (:mod:`generator.content.fields`).

Checks run on every ``check`` of every story, so those over words first look at a file's
texts gathered by key (one walk per file); only a file that has something to report is
walked again for the places.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import chain
from typing import Any, TypeVar

from generator.content.errors import Problem
from generator.content.fields import address_keys, markdown_keys, text_keys
from generator.content.models import (
    FILES,
    GLOSSARY_TERMS_AT_MOST,
    LABEL_CHARS_AT_MOST,
    GlossaryFile,
    Model,
    QuotationsFile,
    SourcesFile,
    StoryFile,
    TimelineFile,
    cut,
)
from generator.content.references import DEFINED_IN, REFERENCE_KEYS
from generator.content.terms import TermFinder
from generator.content.yamlsource import Document, Location

M = TypeVar("M", bound=Model)


@dataclass(frozen=True)
class Advice:
    """One warning before it has a line and a column: the file, the place, what to do."""

    file: str
    location: Location
    message: str


@dataclass(frozen=True)
class Texts:
    """A file's texts by the key they are under (a list's items: the list's key), and joined."""

    by_key: dict[str, list[str]]
    joined: str


@dataclass(frozen=True)
class Files:
    """One story's valid files, by name: each document, its texts and its model."""

    documents: dict[str, Document]
    texts: dict[str, Texts]
    models: dict[str, Model]

    def model(self, name: str, kind: type[M]) -> M | None:
        """The validated model of file ``name``, or None when the story has no valid one."""
        found = self.models.get(name)
        return found if isinstance(found, kind) else None

    def words(self) -> Iterator[tuple[str, Document, Texts]]:
        """Each file's name, document and texts."""
        for name, document in self.documents.items():
            yield name, document, self.texts[name]


def advise(
    documents: dict[str, Document],
    models: dict[str, Model],
    *,
    whole_story: bool = True,
    extra: Sequence[Check] = (),
) -> list[Advice]:
    """Every warning about one story, from the data of its files (each valid).

    With ``whole_story`` false, the documents are the valid files of a story that has
    errors: only the checks of one file at a time run (:data:`FILE_CHECKS`), since a
    check across files would warn of what an invalid file may hold (a source cited
    only there). ``extra`` are checks of one file at a time that a later stage knows how
    to make (the chart's, :mod:`generator.render.chart.advice`), run in both cases.
    """
    story = Files(
        documents,
        {name: _texts(document.data) for name, document in documents.items()},
        {name: model for name, model in models.items() if name in documents},
    )
    found: list[Advice] = []
    for check in (*(CHECKS if whole_story else FILE_CHECKS), *extra):
        found += check(story)
    return found


def locate(advice: list[Advice], documents: dict[str, Document]) -> list[Problem]:
    """The warnings at their lines and columns in ``documents`` (read with positions)."""
    return [
        replace(documents[item.file].problem(item.location, item.message), severity="warning")
        for item in advice
    ]


def _uncited_sources(story: Files) -> Iterator[Advice]:
    cited = {ref for texts in story.texts.values() for ref in texts.by_key.get("sources", ())}
    sources = story.model("sources.yml", SourcesFile)
    for index, source in enumerate(sources.sources if sources else []):
        if source.id not in cited:
            yield Advice(
                "sources.yml",
                ("sources", index, "id"),
                f"source '{source.id}' is never cited; cite it with sources: [{source.id}] "
                "where it supports a fact, or delete it",
            )


_UNREFERENCED = {
    "actors": "actor '{id}' is never referred to; name it where it takes part (an event's "
    "actors, a position, an answer, a quotation's speaker, a reaction or a group's members), "
    "or delete it",
    "issues": "issue '{id}' is never referred to; add a position on it in positions.yml "
    "(issue: {id}), or delete it",
}
"""The kinds of things a story should not define without naming them, and what to say."""


def _unreferenced(story: Files) -> Iterator[Advice]:
    """Actors and issues that nothing names (their own definition does not count)."""
    named: dict[str, set[str]] = {kind: set() for kind in _UNREFERENCED}
    for texts in story.texts.values():
        for key, refs in texts.by_key.items():
            kind = REFERENCE_KEYS.get(key)
            if kind in named:
                named[kind].update(refs)
    for kind, message in _UNREFERENCED.items():
        filename, key = DEFINED_IN[kind]
        defined = story.models.get(filename)
        for index, item in enumerate(getattr(defined, key, None) or []):
            if item.id not in named[kind]:
                yield Advice(filename, (key, index, "id"), message.format(id=item.id))


_TODO = re.compile(r"\bTODO\b")
_TODO_ID = re.compile(r"(?:^|-)todo(?:-|$)", re.MULTILINE)


def _placeholders(story: Files) -> Iterator[Advice]:
    """What ``new-story`` writes for editors to replace: TODO texts and todo-... ids."""

    def may_hold(texts: Texts) -> bool:
        ids = "\n".join(texts.by_key.get("id", ()))
        return "TODO" in texts.joined or ("todo" in ids and bool(_TODO_ID.search(ids)))

    def message(key: str, text: str) -> str | None:
        if _TODO.search(text):
            return (
                "placeholder text from new-story ('TODO'); write the story's own text here, "
                "or delete what the story does not need"
            )
        if key == "id" and _TODO_ID.search(text):
            return (
                f"id '{text}' is a placeholder from new-story; choose an id that says what it "
                "is, and change it wherever it is used"
            )
        return None

    return _flagged(story, may_hold, message)


_DOUBLE_QUOTES = '"“”„‟«»'
_SINGLE_QUOTES = "'‘’‚‛"  # noqa: RUF001 (typographic quotation marks, on purpose)


def _quotation_marks(story: Files) -> Iterator[Advice]:
    """Quotation marks the site would double: around the text, or double ones inside it."""
    quotations = story.model("quotations.yml", QuotationsFile)
    for index, quotation in enumerate(quotations.quotations if quotations else []):
        text = quotation.text.strip()
        ends = text[:1] + text[-1:]
        if any(mark in ends for mark in _DOUBLE_QUOTES) or (
            len(text) > 1 and ends[0] in _SINGLE_QUOTES and ends[1] in _SINGLE_QUOTES
        ):
            message = (
                "the quotation's text starts or ends with a quotation mark; delete the "
                "quotation marks around the words: the site adds its own"
            )
        elif any(mark in text for mark in _DOUBLE_QUOTES):
            message = (
                "double quotation marks inside a quotation's text; the site puts the text "
                "in double quotation marks, so write the words quoted inside it between "
                "single quotation marks ('...')"
            )
        else:
            continue
        yield Advice("quotations.yml", ("quotations", index, "text"), message)


def _overlapping_phases(story: Files) -> Iterator[Advice]:
    """Phases that share a day: their bands would cover each other on the chart."""
    timeline = story.model("timeline.yml", TimelineFile)
    phases = sorted(
        enumerate(timeline.phases if timeline else []),
        key=lambda pair: (pair[1].start.first_day, pair[0]),
    )
    latest = None  # the phase that ends last so far
    for index, phase in phases:
        if latest is not None and phase.start.first_day <= latest.end.last_day:
            yield Advice(
                "timeline.yml",
                ("phases", index, "start"),
                f"phase '{phase.id}' (from {phase.start}) overlaps phase "
                f"'{latest.id}' (until {latest.end}), so their bands cover each "
                f"other on the chart; make '{latest.id}' end before '{phase.id}' starts",
            )
        if latest is None or phase.end.last_day > latest.end.last_day:
            latest = phase


def _long_short_title(story: Files) -> Iterator[Advice]:
    """A short_title longer than search results show: it is cut there."""
    meta = story.model("story.yml", StoryFile)
    if meta is None or meta.short_title is None or len(meta.short_title) <= LABEL_CHARS_AT_MOST:
        return
    yield Advice(
        "story.yml",
        ("short_title",),
        f"short_title has {len(meta.short_title)} characters and search results show "
        f"{LABEL_CHARS_AT_MOST} at most, so they cut it to "
        f"'{cut(meta.short_title, LABEL_CHARS_AT_MOST)}'; shorten it to a few words that "
        "name the story, such as 'The Geneva talks'",
    )


def _unlogged_update(story: Files) -> Iterator[Advice]:
    """An 'updated' day later than the newest log entry and the first publication: readers
    are shown the log's newest day as 'Last updated', so a change they should know of
    needs an entry."""
    meta = story.model("story.yml", StoryFile)
    if meta is None:
        return
    days = [entry.date for entry in meta.corrections]
    if meta.published is not None:
        days.append(meta.published)
    updated = meta.updated
    if days and updated > max(days):
        yield Advice(
            "story.yml",
            ("updated",),
            f"updated ({updated}) is later than the newest entry of the corrections log and "
            "the publication day; add an entry under corrections saying what changed "
            f"(date: {updated}), or set updated back to {max(days)}",
        )


_COMMENT_AFTER_TEXT = re.compile(
    r"^[ \t]*(?:-[ \t]+)?(?P<key>[A-Za-z_]+):[ \t]+(?P<value>[^'\"|>#\[{\s][^\n]*?)[ \t]+#",
    re.MULTILINE,
)
"""A key, a plain text value and ' #' on the same line: YAML reads what follows the ' #'
as a comment, so those words never reach the page."""


def _cut_by_comments(story: Files) -> Iterator[Advice]:
    """Words after ' #' in a text value, which YAML drops as a comment without a word."""
    for name, document, texts in story.words():
        raw = document.path.read_text(encoding="utf-8-sig") if document.path.is_file() else ""
        if " #" not in raw and "\t#" not in raw:
            continue
        for match in _COMMENT_AFTER_TEXT.finditer(raw):
            key, value = match["key"], match["value"]
            if key not in _TEXT_KEYS or key not in texts.by_key or " " not in value:
                continue  # a comment after an id, a date or a single word is meant as one
            for where, place, found_key, text in _strings(document.data):
                if found_key == key and text == value:
                    yield Advice(
                        name,
                        (*where, place),
                        "the words after ' #' are read as a comment and left out of the page; "
                        f"write '{key}: >-' and the whole text on the next line, indented",
                    )
                    break


_HTTP = re.compile(r"[Hh][Tt][Tt][Pp]://")
_HTTP_LINK = re.compile(r"(?:\]\(|<|\]:)\s*[Hh][Tt][Tt][Pp]://")
"""An http:// address as a Markdown link's target: ``[text](http://...)``,
``<http://...>`` or a reference ``[text]: http://...``."""

_ADDRESS_KEYS = address_keys(FILES.values())
"""Keys whose values are web addresses (read off the models: every ``Url`` field)."""

_MARKDOWN_KEYS = markdown_keys(FILES.values())
"""Keys whose values are Markdown, whose links are web addresses (``MarkdownText``)."""

HTTP_ADVICE = (
    "an http:// address; write https:// if the page opens with it (keep http:// only for a "
    "page that has no https:// version; for a source's url, say why under no_https)"
)


def _insecure_addresses(story: Files) -> Iterator[Advice]:
    """http:// addresses: in fields that hold an address, and as links' targets in
    Markdown; never in prose (a note may say an address "began with http://"). A source
    that says why its url has no https:// version (``no_https``) is not warned of."""

    def may_hold(texts: Texts) -> bool:
        return "://" in texts.joined and bool(_HTTP.search(texts.joined))

    def message(key: str, text: str) -> str | None:
        if key in _ADDRESS_KEYS and _HTTP.match(text.strip()):
            return HTTP_ADVICE
        if key in _MARKDOWN_KEYS and _HTTP_LINK.search(text):
            return HTTP_ADVICE
        return None

    for item in _flagged(story, may_hold, message):
        if not _explained_http(story, item):
            yield item


def _explained_http(story: Files, advice: Advice) -> bool:
    """Whether the warning is about a source's url whose no_https says why it is http://."""
    sources = story.model("sources.yml", SourcesFile)
    if sources is None or advice.file != "sources.yml" or len(advice.location) != 3:
        return False
    key, index, field = advice.location
    return key == "sources" and field == "url" and bool(sources.sources[int(index)].no_https)


def _flagged(
    story: Files,
    may_hold: Callable[[Texts], bool],
    message: Callable[[str, str], str | None],
) -> Iterator[Advice]:
    """Advice on each text ``message`` has something to say about (from its key and the
    text), in the files that ``may_hold`` one: a quick look at all their text at once, so
    that only those files are walked for the places."""
    for name, document, texts in story.words():
        if may_hold(texts):
            for where, place, key, text in _strings(document.data):
                said = message(key, text)
                if said:
                    yield Advice(name, (*where, place), said)


_TEXT_KEYS = text_keys(FILES.values())
"""Keys whose values are editors' words, which readers see (read off the models)."""


def _unused_terms(story: Files) -> Iterator[Advice]:
    """Glossary terms the story's text (outside the glossary) never uses."""
    glossary = story.model("glossary.yml", GlossaryFile)
    terms = glossary.glossary if glossary else []
    if not terms or len(terms) > GLOSSARY_TERMS_AT_MOST:  # too many is an error of its own
        return
    text = "\n".join(
        text
        for name, texts in story.texts.items()
        if name != "glossary.yml"
        for key, values in texts.by_key.items()
        if key in _TEXT_KEYS
        for text in values
    )
    named = [(index, item.term.strip()) for index, item in enumerate(terms)]
    used = TermFinder(term for _, term in named).found(text)  # one pass, all terms
    for index, term in named:
        if not _TODO.search(term) and term not in used:
            yield Advice(
                "glossary.yml",
                ("glossary", index, "term"),
                f"the term '{term}' never appears in the story's text, so no page explains "
                "it; use it in the text as written here (or in lower case; a plural does not "
                "count), or delete it",
            )


Check = Callable[[Files], Iterator[Advice]]
"""A check: a function of the story's valid files (documents, texts and models)."""

FILE_CHECKS: tuple[Check, ...] = (
    _placeholders,
    _quotation_marks,
    _overlapping_phases,
    _insecure_addresses,
    _unlogged_update,
    _cut_by_comments,
    _long_short_title,
)
"""The checks that look at one file at a time: they run on the valid files of a story
that has errors too, so that its warnings come in the same run as its errors."""

STORY_CHECKS: tuple[Check, ...] = (_uncited_sources, _unreferenced, _unused_terms)
"""The checks across a story's files, which run when every file of the story is valid."""

CHECKS: tuple[Check, ...] = FILE_CHECKS + STORY_CHECKS
"""Every check."""


def _texts(data: dict[str, Any]) -> Texts:
    """The texts of a file's data, by key; one walk with an explicit stack."""
    by_key: dict[str, list[str]] = {}
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack:
        node, name = stack.pop()
        if type(node) is dict:
            for key, value in node.items():
                if type(value) is str:
                    by_key.setdefault(key, []).append(value)
                elif value is not None:
                    stack.append((value, key))
        else:  # a list: its items are under the list's key
            strings = [v for v in node if type(v) is str]
            if strings:
                by_key.setdefault(name, []).extend(strings)
            if len(strings) < len(node):
                stack += [(v, name) for v in node if type(v) is dict or type(v) is list]
    return Texts(by_key, "\n".join(chain.from_iterable(by_key.values())))


def _strings(data: Any) -> Iterator[tuple[Location, str | int, str, str]]:
    """Every text in the data: (its block's location, its key or index, nearest key, text).

    For the files that have a warning to place; the location of a text is built only
    when a check reports it.
    """
    stack: list[tuple[Any, Location, str]] = [(data, (), "")]
    while stack:
        node, where, name = stack.pop()
        pairs = node.items() if type(node) is dict else enumerate(node)
        for place, value in pairs:
            key = place if type(place) is str else name
            if type(value) is str:
                yield where, place, key, value
            elif type(value) is dict or type(value) is list:
                stack.append((value, (*where, place), key))

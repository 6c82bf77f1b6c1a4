"""Value types shared by the content model: ids, dates at a precision, safe URLs.

Every scalar reaches the model as the text the editor typed (see ``yamlsource``), so
each type here parses text and explains, in editors' words, what to write instead.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, PlainSerializer, WithJsonSchema

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_SLUG = re.compile(SLUG_PATTERN)
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
SAFE_URL_SCHEMES = ("https://", "http://")
LANGUAGE_PATTERN = r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$"
LOGO_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*\.(?:jpg|jpeg|png)$"
IMAGE_PATTERN = r"^images/[a-z0-9]+(?:-[a-z0-9]+)*\.(?:jpg|jpeg|png|webp)$"
_IMAGE = re.compile(IMAGE_PATTERN)
_LANGUAGE = re.compile(LANGUAGE_PATTERN)

Precision = Literal["day", "month", "year"]


def _require_text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("expected a single piece of text here")
    return value


def _check_slug(value: Any) -> str:
    text = _require_text(value)
    if not _SLUG.match(text) or len(text) > 64:
        suggestion = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "my-id"
        raise ValueError(
            f"ids are lower-case letters and digits joined by hyphens, such as '{suggestion}'"
        )
    return text


def _check_url(value: Any) -> str:
    text = _require_text(value).strip()
    lowered = text.lower()
    if not lowered.startswith(SAFE_URL_SCHEMES) or len(text) <= len("https://"):
        raise ValueError(
            "a URL must start with https:// (or http://), such as 'https://example.org/page'"
        )
    if any(ch.isspace() for ch in text) or any(ch in text for ch in "<>\"'`"):
        raise ValueError(
            "a URL cannot contain spaces, quotes or angle brackets; copy it from the address bar"
        )
    return text


def _check_text(value: Any) -> str:
    text = _require_text(value).strip()
    if not text:
        raise ValueError("this text is empty; write something or remove the key")
    return text


BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Invisible marks that change the direction of the text after them (U+202E and kin)."""


def _check_line(value: Any) -> str:
    text = _check_text(value)
    if "\n" in text:
        raise ValueError(
            "this text must be on one line; join its lines with a space (a line break here "
            "would end the line it is printed on)"
        )
    return text


def _check_name(value: Any) -> str:
    text = _check_line(value)
    bidi = BIDI_CONTROLS.search(text)
    if bidi:
        raise ValueError(
            f"an invisible direction mark (U+{ord(bidi.group()):04X}) would turn the text "
            "after it around; delete it (right-to-left names show correctly without it)"
        )
    return text


def _check_language(value: Any) -> str:
    text = _require_text(value).strip()
    if not _LANGUAGE.match(text):
        raise ValueError(
            f"'{text}' is not a language code; write the two-letter code of the language, "
            "such as 'ko' for Korean, 'fa' for Persian or 'zh-Hant' for traditional Chinese"
        )
    return text


UNKNOWN_LANGUAGE = "unknown"
"""What a quotation's ``language`` says when the source does not give the language."""


def _check_spoken_language(value: Any) -> str:
    text = _require_text(value).strip()
    if text == UNKNOWN_LANGUAGE:
        return text
    try:
        return _check_language(text)
    except ValueError as error:
        raise ValueError(f"{error}, or '{UNKNOWN_LANGUAGE}' when the source does not say") from None


def _check_image_file(value: Any) -> str:
    text = _require_text(value).strip()
    if not _IMAGE.match(text):
        name = re.sub(r"[^a-z0-9.]+", "-", text.lower().rsplit("/", 1)[-1]).strip("-.")
        raise ValueError(
            f"'{text}' is not an image of the story's images folder; write images/ and the "
            "file's name, in lower-case letters, digits and hyphens, ending in .jpg, .jpeg, "
            f".png or .webp, such as 'images/{name or 'photo.jpg'}'"
        )
    return text


def _check_logo_file(value: Any) -> str:
    text = _require_text(value).strip()
    if not re.match(LOGO_PATTERN, text):
        raise ValueError(
            f"'{text}' is not a logo file's name; write the name of a PNG or JPEG file beside "
            "publisher.yml, in lower-case letters, digits and hyphens, such as 'logo.png'"
        )
    return text


def _days_in(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


FIRST_YEAR, LAST_YEAR = 1000, 2999
"""The years a date may have. Every date computation of the build (the chart's margins,
durations, feeds) works well inside the calendar's own limits (years 1 to 9999), and
editors are told this range at ``check``, not met by an error in the build."""


def _check_year(year: int, raw: str) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(
            f"'{raw}' is in the year {year}; dates go from the year {FIRST_YEAR} to "
            f"{LAST_YEAR}: check the year"
        )


def _check_calendar(year: int, month: int, day: int | None, raw: str) -> None:
    if not 1 <= month <= 12:
        raise ValueError(f"'{raw}' has month {month:02d}; months go from 01 to 12")
    if day is not None and not 1 <= day <= _days_in(year, month):
        raise ValueError(
            f"'{raw}' is not a real date: {calendar.month_name[month]} {year} "
            f"has {_days_in(year, month)} days"
        )


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to a day, a month or a year, such as 2019-02-27, 2019-02 or 2019."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        """How much of the date is known: 'day', 'month' or 'year'."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @functools.cached_property  # the chart asks it of each event in every layout
    def first_day(self) -> date:
        """The earliest calendar day this date can mean."""
        return date(self.year, self.month or 1, self.day or 1)

    @functools.cached_property
    def last_day(self) -> date:
        """The latest calendar day this date can mean."""
        month = self.month or 12
        return date(self.year, month, self.day or _days_in(self.year, month))

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"]
        parts += [f"{p:02d}" for p in (self.month, self.day) if p is not None]
        return "-".join(parts)


def parse_partial_date(value: Any) -> PartialDate:
    """Parse 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY' into a :class:`PartialDate`."""
    if isinstance(value, PartialDate):
        return value
    raw = _require_text(value).strip()
    for pattern in (_DAY, _MONTH, _YEAR):
        match = pattern.match(raw)
        if match:
            year, month, day = (int(g) if g else None for g in (*match.groups(), None, None)[:3])
            assert year is not None  # every pattern starts with the year
            _check_year(year, raw)
            if month is not None:
                _check_calendar(year, month, day, raw)
            return PartialDate(year, month, day)
    advice = _rewritten(raw) or "write a day as 2019-02-27, a month as 2019-02 or a year as 2019"
    raise ValueError(f"'{raw}' is not a date; {advice}")


_SLASHED = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
_UNPADDED = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")


def _rewritten(raw: str) -> str:
    """ "write 2015-07-20 (year-month-day)" for a date in another common form, or ''."""
    unpadded = _UNPADDED.match(raw)
    if unpadded:
        parts = [unpadded[1], *(f"{int(p):02d}" for p in unpadded.groups()[1:] if p)]
        return f"write {'-'.join(parts)} (two digits for months and days)"
    slashed = _SLASHED.match(raw)
    if not slashed:
        return ""
    first, second, year = int(slashed[1]), int(slashed[2]), slashed[3]
    if first > 12 and second <= 12:
        return f"write {year}-{second:02d}-{first:02d} (year-month-day)"
    if second > 12 and first <= 12:
        return f"write {year}-{first:02d}-{second:02d} (year-month-day)"
    if first <= 12 and second <= 12:
        return (
            f"write {year}-{second:02d}-{first:02d} if the day comes first, or "
            f"{year}-{first:02d}-{second:02d} if the month does (year-month-day)"
        )
    return ""


def parse_day(value: Any) -> date:
    """Parse an exact day written as YYYY-MM-DD."""
    if isinstance(value, date):
        return value
    raw = _require_text(value).strip()
    match = _DAY.match(raw)
    if not match:
        advice = _rewritten(raw) or "write it as year-month-day, such as 2019-02-27"
        raise ValueError(f"'{raw}' is not a date; {advice}")
    year, month, day = (int(g) for g in match.groups())
    _check_year(year, raw)
    _check_calendar(year, month, day, raw)
    return date(year, month, day)


Slug = Annotated[
    str,
    BeforeValidator(_check_slug),
    WithJsonSchema({"type": "string", "pattern": SLUG_PATTERN, "maxLength": 64}),
]
"""An id: lower-case letters and digits joined by hyphens."""


@dataclass(frozen=True)
class Ref:
    """Marks a type of ids that name things defined elsewhere in the story.

    ``kind`` is the key of the list that defines them: ``Ref("actors")`` names an actor
    of the ``actors`` list of actors.yml. Every field whose type carries it is checked
    (:mod:`generator.content.references`), warned of when nothing names a thing, compared by the
    content diff, and filled in by the benchmarks' synthetic content; nothing else needs
    to know of the field.
    """

    kind: str


@dataclass(frozen=True)
class Marker:
    """Marks a kind of field in a type's metadata; :mod:`generator.content.fields` finds
    the fields of a kind by its marker, so a new field of the kind needs no list."""

    kind: str


FREE_TEXT = Marker("editors' words")
"""The marker of :data:`Text` and :data:`MarkdownText`: what a field of editors' words is."""


ONE_LINE = Marker("one line")
"""The marker of :data:`Text` and :data:`Name`: a line break there is refused."""


NAME = Marker("name")
"""The marker of :data:`Name`: direction marks are refused, and it is printed in <bdi>."""

Text = Annotated[
    str,
    BeforeValidator(_check_line),
    WithJsonSchema({"type": "string", "minLength": 1, "pattern": "^[^\\n]*\\n?$"}),
    FREE_TEXT,
    ONE_LINE,
]
"""Plain text on one line, shown exactly as written (never read as Markdown or HTML)."""

Name = Annotated[
    str,
    BeforeValidator(_check_name),
    WithJsonSchema(
        {
            "type": "string",
            "minLength": 1,
            "pattern": "^[^\\n\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]*\\n?$",
        }
    ),
    FREE_TEXT,
    ONE_LINE,
    NAME,
]
"""A name or a title: :data:`Text` without the marks that turn text around (U+202E...)."""


MARKDOWN = Marker("Markdown")
"""The marker of :data:`MarkdownText`: editors' words whose links are web addresses."""

MarkdownText = Annotated[
    str,
    BeforeValidator(_check_text),
    WithJsonSchema({"type": "string", "minLength": 1, "description": "Markdown allowed"}),
    FREE_TEXT,
    MARKDOWN,
]
"""Text where Markdown (emphasis, links, lists) is allowed; it is sanitised on output."""

LanguageTag = Annotated[
    str,
    BeforeValidator(_check_language),
    WithJsonSchema({"type": "string", "pattern": LANGUAGE_PATTERN}),
]
"""A language as a BCP 47 code: 'ko', 'fa', 'zh-Hant'."""

SpokenLanguage = Annotated[
    str,
    BeforeValidator(_check_spoken_language),
    WithJsonSchema(
        {"type": "string", "pattern": f"^(?:{UNKNOWN_LANGUAGE}|{LANGUAGE_PATTERN[1:-1]})$"}
    ),
]
"""The language words were said in: a code (:data:`LanguageTag`), or 'unknown' when the
source does not say."""


ADDRESS = Marker("web address")
"""The marker of :data:`Url`: what a field holding a web address is."""

Url = Annotated[
    str,
    BeforeValidator(_check_url),
    WithJsonSchema({"type": "string", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://"}),
    ADDRESS,
]
"""A web address starting with https:// or http://."""

ImageFile = Annotated[
    str,
    BeforeValidator(_check_image_file),
    WithJsonSchema({"type": "string", "pattern": IMAGE_PATTERN}),
]
"""An image file of the story, under its images/ folder: 'images/summit-handshake.jpg'."""

LogoFile = Annotated[
    str,
    BeforeValidator(_check_logo_file),
    WithJsonSchema({"type": "string", "pattern": LOGO_PATTERN}),
]
"""The publisher's logo: a PNG or JPEG file beside publisher.yml, such as 'logo.png'."""

Day = Annotated[
    date,
    BeforeValidator(parse_day),
    PlainSerializer(lambda d: d.isoformat(), return_type=str),
    WithJsonSchema({"type": "string", "pattern": _DAY.pattern}),
]
"""An exact day, YYYY-MM-DD."""

WhenDate = Annotated[
    PartialDate,
    BeforeValidator(parse_partial_date),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}),
]
"""A date at its precision: 2019-02-27 (a day), 2019-02 (a month) or 2019 (a year)."""


def _require_sources(value: list[str]) -> list[str]:
    if not value:
        raise ValueError(
            "every fact needs a source; write sources: [source-id] using ids from sources.yml"
        )
    return value


ActorId = Annotated[Slug, Ref("actors")]
"""The id of an actor of actors.yml."""
SideId = Annotated[Slug, Ref("sides")]
"""The id of a side of actors.yml."""
IssueId = Annotated[Slug, Ref("issues")]
"""The id of an issue of issues.yml."""
QuotationId = Annotated[Slug, Ref("quotations")]
"""The id of a quotation of quotations.yml."""
CategoryId = Annotated[Slug, Ref("categories")]
"""The id of a category (a lane) of timeline.yml."""
SourceId = Annotated[Slug, Ref("sources")]
"""The id of a source of sources.yml."""

SourceRefs = Annotated[
    list[SourceId],
    AfterValidator(_require_sources),
    Field(
        description="Ids of the sources (from sources.yml) this item rests on.",
        json_schema_extra={"minItems": 1},
    ),
]

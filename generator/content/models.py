"""The content model: what editors write in ``content/<story-id>/*.yml``.

Each YAML file of a story has its own model (``StoryFile``, ``ActorsFile`` ...), listed
in :data:`FILES`; the loader validates each file against its model and assembles them
into one :class:`Story`. Every model refuses unknown keys, and every field carries a
description, which the exported JSON Schema shows in editors' tools.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any, ClassVar, Literal, TypeVar, get_args

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, model_validator

from generator.content.errors import FieldError
from generator.content.types import (
    UNKNOWN_LANGUAGE,
    ActorId,
    CategoryId,
    Day,
    ImageFile,
    IssueId,
    LanguageTag,
    LogoFile,
    MarkdownText,
    Name,
    PartialDate,
    QuotationId,
    SideId,
    Slug,
    SourceRefs,
    SpokenLanguage,
    Text,
    Url,
    WhenDate,
)


class Model(BaseModel):
    """Base of every content model: unknown keys are errors, objects are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    noun: ClassVar[str] = ""
    """What one item is called in messages, if not its class name in words ('actor')."""


# --- story.yml -----------------------------------------------------------------------


Basis = Literal["stated", "reported", "analysis"]
"""How we know a claim: an actor said it, a source reports it as fact, or a source infers it."""

BASIS_DESCRIPTION = (
    "How we know it: 'stated' (the actor said it: a quotation, or a source reporting the "
    "statement), 'reported' (a source reports it as fact; the default) or 'analysis' (a "
    "source's reading or inference; say whose in analysis_by)."
)


class Claim(Model):
    """Base of every claim a page shows: its basis, and whose analysis it is if it is one."""

    basis: Basis = Field(default="reported", description=BASIS_DESCRIPTION)
    analysis_by: Text | None = Field(
        default=None,
        description="For basis: analysis, whose reading it is, such as 'the article' or "
        "'a BBC analysis'; shown as 'Analysis (the article)'.",
    )

    @model_validator(mode="after")
    def _analysis_names_whose(self) -> Claim:
        if self.basis == "analysis" and self.analysis_by is None:
            raise FieldError(
                "basis",
                "an analysis names whose reading it is; add analysis_by: such as 'the article'",
            )
        if self.basis != "analysis" and self.analysis_by is not None:
            raise FieldError(
                "analysis_by",
                f"analysis_by is only for basis: analysis, and this claim is {self.basis}; "
                "write basis: analysis or remove analysis_by",
            )
        return self


class KeyFact(Claim):
    """One line of the 'at a glance' box on the story page."""

    text: Text = Field(description="The fact, in one short sentence.")
    sources: SourceRefs


class KeyNumber(Claim):
    """One figure of the 'key numbers' grid on the story page, such as '3.67%'."""

    figure: Text = Field(
        description="The number as readers see it, short: '3.67%', '2', '$1.2bn', '8 months'."
    )
    label: Text = Field(
        description="What it counts, in a few words: 'enrichment cap', 'summits in 8 months'."
    )
    sources: SourceRefs


KEY_NUMBERS_AT_MOST = 6
"""Key numbers a story may show: a few figures, not a table."""
LABEL_CHARS_AT_MOST = 32
"""Characters of the story's label (``short_title``) that search results show above each
page's title: a longer one is cut there, and the check warns."""

# Limits that keep a story's build time and memory linear in its content (CONTRIBUTING's
# "Limits"); each is told to an editor at `check`, at the line that passes it.
ACTORS_AT_MOST = 100
"""Actors a story may have: each has a profile on the one page of Who's who."""
GLOSSARY_TERMS_AT_MOST = 200
"""Terms a glossary may hold: every page of the story is searched for each."""
DEFINITION_CHARS_AT_MOST = 1000
"""Characters a glossary definition may have: it is printed where each term is first used
on each page of the story."""


def cut(text: str, limit: int) -> str:
    """``text`` whole when it has ``limit`` characters or fewer; otherwise cut after its
    last whole word that leaves room for an ellipsis (mid-word when it has no space)."""
    if len(text) <= limit:
        return text
    room = text[: limit - 1]
    if not (room[-1].isspace() or text[limit - 1].isspace()) and " " in room.strip():
        room = room[: room.rstrip().rindex(" ")]
    return room.rstrip(" ,;:–—-") + "…"


def at_most(count: int, limit: int, field: str | tuple[str | int, ...], message: str) -> None:
    """Raise a :class:`FieldError` at ``field`` when ``count`` passes ``limit``; the
    message is formatted with both."""
    if count > limit:
        raise FieldError(field, message.format(limit=f"{limit:,}", count=f"{count:,}"))


PLACES_AT_MOST = 8
"""Places a story's locator map may mark: a few, each with its name beside it."""


class Place(Model):
    """A place the story happened in, marked on its locator map."""

    name: Name = Field(description="Its name as the map labels it, such as 'Geneva'.")
    latitude: float = Field(
        ge=-90, le=90, description="Degrees north (negative: south), such as 21.03."
    )
    longitude: float = Field(
        ge=-180, le=180, description="Degrees east (negative: west), such as 105.85."
    )
    label: Literal["right", "left", "above", "below"] = Field(
        default="right",
        description="Where its name goes beside its mark: right (the default), left, above "
        "or below; change it when two names would touch.",
    )


class Credit(Model):
    """A person credited for the explainer: one of its authors or editors."""

    name: Name = Field(description="The person's name as it is printed in the byline.")
    role: Text | None = Field(
        default=None, description="Their job or part, such as 'Diplomatic correspondent'."
    )
    url: Url | None = Field(
        default=None, description="A page about them, such as their author page (https://...)."
    )


class Image(Model):
    """A picture of the story: a file of its images/ folder, described and credited."""

    file: ImageFile = Field(
        description="The file, under the story's images/ folder: 'images/summit-handshake.jpg' "
        "(JPEG, PNG or WebP; resized for the site when it is built)."
    )
    alt: Text = Field(
        description="What the picture shows, for readers who cannot see it (alt text)."
    )
    caption: Text = Field(description="The caption shown under the picture.")
    credit: Text = Field(
        description="Who made it, as the credit line shows it: 'Jane Doe / Example Agency'."
    )
    licence: Text = Field(
        description="Under what terms we publish it: 'CC BY 4.0', 'Used with permission'."
    )
    licence_url: Url | None = Field(
        default=None, description="The licence's text, if it is online (https://...)."
    )


class Correction(Model):
    """One entry of the corrections and updates log shown on the story page."""

    date: Day = Field(description="When the change was published (YYYY-MM-DD).")
    kind: Literal["correction", "update"] = Field(
        description="'correction' fixes an error; 'update' adds or changes information."
    )
    note: Text = Field(description="What changed, in a sentence readers understand.")


class StoryFile(Model):
    """story.yml: the story's identity and the facts shown on its landing page."""

    id: Slug = Field(description="The story's id; must match its folder name.")
    title: Name = Field(description="The headline of the explainer.")
    short_title: Name | None = Field(
        default=None,
        description=f"A short name for the story, {LABEL_CHARS_AT_MOST} characters at most, "
        "such as 'The Geneva talks': the label of its pages in search results. Without it, "
        "the title when it is that short, or else the id in words.",
    )
    standfirst: Text = Field(description="One or two sentences under the title: what happened.")
    place: Text = Field(description="Where it happened, such as 'Geneva, Switzerland'.")
    start: WhenDate = Field(
        description="When the story begins: a day (2019-02-27), a month (2015-07) or a year (2002)."
    )
    end: WhenDate = Field(
        description="When it ends, at any precision; the same as start for one day."
    )
    language: Literal["en", "fr", "de", "es", "it", "ko", "vi", "zh", "ja"] = Field(
        description="Language of the text, as a two-letter code."
    )
    published: Day | None = Field(
        default=None,
        description="When the explainer was first published (YYYY-MM-DD). The page's 'Last "
        "updated' is the newest entry of corrections, or this day when there is none.",
    )
    updated: Day = Field(
        description="When the explainer was last changed (YYYY-MM-DD); a change readers should "
        "know of gets an entry in corrections with the same day."
    )
    sources: SourceRefs
    authors: list[Credit] = Field(
        default_factory=list, description="Who wrote it, in byline order (name, role, url)."
    )
    editors: list[Credit] = Field(
        default_factory=list, description="Who edited it (name, role, url)."
    )
    image: Image | None = Field(
        default=None,
        description="The lead picture, shown under the headline, on the home page and when "
        "the story is shared.",
    )
    places: list[Place] = Field(
        default_factory=list,
        description=f"Up to {PLACES_AT_MOST} places (name, latitude, longitude) the story "
        "happened in: without a lead picture, the landing page opens on a map of them.",
    )
    lead_quotation: QuotationId | None = Field(
        default=None,
        description="The id of the quotation (in quotations.yml) that sums the story up, "
        "chosen by the editor: shown on the landing page under the lead picture.",
    )
    key_numbers: list[KeyNumber] = Field(
        default_factory=list,
        description=f"Up to {KEY_NUMBERS_AT_MOST} figures shown as a grid on the story page, "
        "each with its label and sources.",
    )
    key_facts: list[KeyFact] = Field(
        default_factory=list, description="Facts at a glance, shown at the top of the story."
    )
    related: list[Slug] = Field(
        default_factory=list,
        description="Ids of related or earlier stories of this site (their folder names); "
        "each is linked from this story and links back to it.",
    )
    corrections: list[Correction] = Field(
        default_factory=list, description="Corrections and updates, newest last."
    )

    @model_validator(mode="after")
    def _end_not_before_start(self) -> StoryFile:
        if self.last_day < self.first_day:
            raise FieldError(
                "end",
                f"the end ({self.end}) is before the start ({self.start}); "
                "swap them or fix the date",
            )
        return self

    @model_validator(mode="after")
    def _a_few_key_numbers(self) -> StoryFile:
        if len(self.key_numbers) > KEY_NUMBERS_AT_MOST:
            raise FieldError(
                ("key_numbers", KEY_NUMBERS_AT_MOST),
                f"a story shows at most {KEY_NUMBERS_AT_MOST} key numbers, and this one has "
                f"{len(self.key_numbers)}; keep the ones that matter most",
            )
        at_most(
            len(self.places),
            PLACES_AT_MOST,
            ("places", PLACES_AT_MOST),
            "a map marks at most {limit} places, and this one has {count}; keep the places "
            "the story happened in",
        )
        if self.id in self.related:
            raise FieldError(
                ("related", self.related.index(self.id)),
                "a story cannot be related to itself; remove its own id",
            )
        return self

    @property
    def label(self) -> str:
        """The story's short label (search results): ``short_title``, else the title when
        it is short enough, else the id in words; cut to :data:`LABEL_CHARS_AT_MOST`."""
        if self.short_title:
            return cut(self.short_title, LABEL_CHARS_AT_MOST)
        if len(self.title) <= LABEL_CHARS_AT_MOST:
            return self.title
        words = self.id.replace("-", " ")
        return cut(words[:1].upper() + words[1:], LABEL_CHARS_AT_MOST)

    @property
    def last_logged(self) -> datetime.date | None:
        """The day of the newest entry of the corrections and updates log, if any."""
        return max((c.date for c in self.corrections), default=None)

    @property
    def first_published(self) -> datetime.date:
        """The day the explainer was first published (``updated`` when not given)."""
        return self.published or self.updated

    @property
    def first_day(self) -> datetime.date:
        """The earliest day the story's start can mean."""
        return self.start.first_day

    @property
    def last_day(self) -> datetime.date:
        """The latest day the story's end can mean."""
        return self.end.last_day


# --- background.yml ------------------------------------------------------------------


class BackgroundSection(Model):
    """A section of background prose."""

    noun: ClassVar[str] = "background section"
    id: Slug = Field(description="Id of the section, used in its web address.")
    title: Name = Field(description="Heading of the section.")
    body: MarkdownText = Field(description="The prose; Markdown allowed.")
    image: Image | None = Field(
        default=None, description="A picture shown under the section's heading."
    )
    sources: SourceRefs


class BackgroundFile(Model):
    """background.yml: what a reader needs to know first."""

    background: list[BackgroundSection] = Field(description="Sections, in reading order.")


# --- actors.yml ----------------------------------------------------------------------


class NativeName(Model):
    """An actor's name in their own language and script, such as 李明 for Li Ming."""

    text: Name = Field(description="The name as written in its own script.")
    lang: LanguageTag = Field(description="Its language, as a code such as 'ko' or 'fa'.")


def _one_or_many(value: Any) -> str:
    # Called on YAML data when validating and on model values when serialising.
    return "many" if isinstance(value, list) else "one"


NativeNames = Annotated[
    Annotated[NativeName, Tag("one")] | Annotated[list[NativeName], Tag("many")],
    Discriminator(_one_or_many),
]
"""One native name ({text:, lang:}), or a list of them, in several languages or scripts."""

Involvement = Literal["party", "mediator", "host", "observer"]
"""An actor's part in the story: one of its parties, or a third party that brings them
together (mediator), receives them (host) or watches (observer)."""

ActorKind = Literal["person", "government", "authority", "organisation", "group"]
"""What an actor is; 'authority' is a de facto or disputed authority (a self-proclaimed
republic, a government whose status is contested), shown as such."""


class Actor(Model):
    """A person, government, organisation, or a group of other actors (a coalition)."""

    id: Slug = Field(
        description="Id used to refer to this actor elsewhere. Give the same person or body the "
        "same id in every story: their pages then link to each other."
    )
    name: Name = Field(description="Name as readers know it.")
    kind: ActorKind = Field(
        description="person, government, authority (a de facto or disputed authority, such "
        "as a self-proclaimed republic; shown as such), organisation, or group (a coalition "
        "of other actors, such as 'P5+1'; list them under members)."
    )
    role: Text = Field(description="Role in the story, such as 'President of the United States'.")
    country: Text | None = Field(
        default=None,
        description="Country or affiliation; leave out where it makes no sense (a coalition).",
    )
    involvement: Involvement = Field(
        default="party",
        description="Their part in the story: 'party' (the default), or 'mediator', 'host' "
        "or 'observer', whom the pages do not count as a side the sources fail to quote.",
    )
    native_name: NativeNames | None = Field(
        default=None,
        description="The name in the actor's own language and script, if different: "
        "{text: 김정은, lang: ko}; or a list of them for a name in several languages or "
        "scripts, each {text:, lang:}.",
    )
    members: list[ActorId] = Field(
        default_factory=list,
        description="For kind: group only, the ids of its members (other actors in actors.yml).",
    )
    image: Image | None = Field(
        default=None, description="A portrait or emblem, shown in the actor's profile on Who's who."
    )
    sources: SourceRefs

    @property
    def native_names(self) -> list[NativeName]:
        """The actor's native names, in the order written (none, one or several)."""
        if self.native_name is None:
            return []
        return self.native_name if isinstance(self.native_name, list) else [self.native_name]

    @model_validator(mode="after")
    def _members_only_for_groups(self) -> Actor:
        if self.members and self.kind != "group":
            raise FieldError(
                "members",
                f"only a group (kind: group) has members, and this actor is a {self.kind}; "
                "remove members, or write kind: group if it is in fact a coalition",
            )
        if self.id in self.members:
            raise FieldError("members", f"a group cannot be a member of itself; remove '{self.id}'")
        return self


class Side(Model):
    """A side or camp of the story, such as 'Iran' or 'P5+1', and who belongs to it."""

    id: Slug = Field(description="Id used by positions, accounts and quotations (side: ...).")
    name: Name = Field(description="Name of the side as readers know it.")
    actors: list[ActorId] = Field(
        default_factory=list,
        description="Ids of the actors on this side; their positions and words are shown with it.",
    )


class ActorsFile(Model):
    """actors.yml: who is involved, and the sides they are on.

    An actor is on one side at most: :func:`generator.content.sides.check_sides` says so, on the
    file's data, so that the rule is reported even when another actor has an error.
    """

    actors: list[Actor] = Field(
        description=f"Every actor of the story, {ACTORS_AT_MOST} at most (each has a page)."
    )
    sides: list[Side] = Field(
        default_factory=list,
        description="The story's sides or camps, if it has them; positions are shown by side.",
    )

    @model_validator(mode="after")
    def _a_cast_not_a_directory(self) -> ActorsFile:
        at_most(
            len(self.actors),
            ACTORS_AT_MOST,
            ("actors", ACTORS_AT_MOST),
            "a story has {limit} actors at most (each has a profile on Who's who), and this one "
            "has {count}; keep those who act in the story and name the others in the text",
        )
        return self


# --- issues.yml ----------------------------------------------------------------------


class AgendaIssue(Model):
    """An issue on the table, such as sanctions or the Yongbyon reactor."""

    noun: ClassVar[str] = "issue"
    id: Slug = Field(description="Id used by positions.")
    name: Name = Field(description="Short name of the issue.")
    summary: Text = Field(description="What the issue is about, in one or two sentences.")
    sources: SourceRefs


class IssuesFile(Model):
    """issues.yml: the issues on the table."""

    issues: list[AgendaIssue] = Field(description="Issues, in the order to show them.")


# --- positions.yml -------------------------------------------------------------------

_Whose = TypeVar("_Whose", "Position", "Answer")

Stance = Literal[
    "demanded", "offered", "refused", "urged", "accepted", "proposed", "mediated", "rejected"
]
STANCES: tuple[str, ...] = get_args(Stance)
"""Every stance, in the order editors' messages list them."""


class Position(Claim):
    """Where an actor or a whole side stood on one issue: what they demanded, offered..."""

    actor: ActorId | None = Field(
        default=None, description="Id of the actor (from actors.yml); or give side instead."
    )
    side: SideId | None = Field(
        default=None,
        description="Id of the side (from sides in actors.yml), for a position a whole side "
        "shares; with actor, the side that actor spoke for.",
    )
    issue: IssueId = Field(description="Id of the issue (from issues.yml).")
    stance: Stance = Field(
        description="demanded, offered, refused, urged, accepted, proposed, mediated or rejected."
    )
    summary: Text = Field(description="The position in one or two sentences.")
    quotations: list[QuotationId] = Field(
        default_factory=list, description="Ids of verbatim quotations (from quotations.yml)."
    )
    sources: SourceRefs

    @model_validator(mode="after")
    def _whose(self) -> Position:
        return _require_actor_or_side(self)


def _require_actor_or_side(item: _Whose) -> _Whose:
    if item.actor is None and item.side is None:
        raise FieldError(
            "actor", "say whose this is: add actor: with an actor's id, or side: with a side's id"
        )
    return item


class PositionsFile(Model):
    """positions.yml: what each side wants."""

    positions: list[Position] = Field(description="Positions of actors on issues.")


# --- accounts.yml --------------------------------------------------------------------


class Answer(Claim):
    """One actor's, or one side's, stated answer to a question."""

    basis: Basis = Field(
        default="stated",
        description="How we know it; an answer is what a side says, so the default is "
        "'stated'. 'reported' or 'analysis' (with analysis_by) when it is a source's account.",
    )
    actor: ActorId | None = Field(
        default=None, description="Id of the actor who gave this account; or give side instead."
    )
    side: SideId | None = Field(
        default=None, description="Id of the side whose account this is (from sides in actors.yml)."
    )
    summary: Text = Field(description="Their account, in our words.")
    quotations: list[QuotationId] = Field(
        default_factory=list, description="Ids of verbatim quotations (from quotations.yml)."
    )
    sources: SourceRefs

    @model_validator(mode="after")
    def _whose(self) -> Answer:
        return _require_actor_or_side(self)


class Account(Model):
    """A question the sides answer differently, with each side's answer."""

    id: Slug = Field(description="Id of the question, used in its web address.")
    question: Text = Field(description="The question, such as 'Why did the talks end?'")
    answers: list[Answer] = Field(min_length=2, description="At least two answers to compare.")


class AccountsFile(Model):
    """accounts.yml: differing accounts, set side by side."""

    accounts: list[Account] = Field(description="Questions with each side's answer.")


# --- outcomes.yml --------------------------------------------------------------------


class Outcome(Claim):
    """Something that was, or was not, agreed, what came of it since, or what comes next."""

    id: Slug = Field(description="Id of the outcome.")
    status: Literal["agreed", "not-agreed", "followed", "next"] = Field(
        description=(
            "agreed, not-agreed, followed (what came next: it has happened since), or next "
            "(what is still to come)."
        )
    )
    title: Name = Field(description="Short heading.")
    summary: Text = Field(description="What happened, in one or two sentences.")
    quotations: list[QuotationId] = Field(
        default_factory=list, description="Ids of verbatim quotations (from quotations.yml)."
    )
    sources: SourceRefs


class OutcomesFile(Model):
    """outcomes.yml: what came out of it."""

    outcomes: list[Outcome] = Field(description="Outcomes, in the order to show them.")


# --- reactions.yml -------------------------------------------------------------------


ReactionStance = Literal[
    "welcoming", "hopeful", "cautious", "mixed", "divided", "regretful", "critical", "neutral"
]


class Reaction(Model):
    """How another actor reacted."""

    actor: ActorId = Field(description="Id of the actor who reacted.")
    stance: ReactionStance = Field(
        description="The tone of the reaction: welcoming, hopeful, cautious, mixed, divided, "
        "regretful, critical or neutral."
    )
    summary: Text = Field(description="The reaction, in our words.")
    date: WhenDate | None = Field(
        default=None,
        description="When the actor reacted, at the precision known: a day (2015-02-12), a "
        "month (2015-02) or a year (2015). Dated reactions are shown in date order.",
    )
    quotations: list[QuotationId] = Field(
        default_factory=list, description="Ids of verbatim quotations (from quotations.yml)."
    )
    sources: SourceRefs


class ReactionsFile(Model):
    """reactions.yml: international reactions."""

    reactions: list[Reaction] = Field(
        description="Reactions: those with a date in date order, then the others in the "
        "order written."
    )


# --- timeline.yml --------------------------------------------------------------------


class DateSpan(Model):
    """An approximate span, such as 'end of 2017' (from 2017-10 to 2017-12)."""

    start: WhenDate = Field(alias="from", description="Earliest the event may have begun.")
    end: WhenDate = Field(alias="to", description="Latest it may have ended.")
    label: Text = Field(description="How to say it, such as 'end of 2017'.")

    @property
    def first_day(self) -> datetime.date:
        """The earliest day the span can mean."""
        return self.start.first_day

    @property
    def last_day(self) -> datetime.date:
        """The latest day the span can mean."""
        return self.end.last_day

    @model_validator(mode="after")
    def _ordered(self) -> DateSpan:
        if self.end.last_day < self.start.first_day:
            raise FieldError("to", f"'to' ({self.end}) is before 'from' ({self.start}); swap them")
        return self


def _mapping_or(model: type[Model], mapping: str, other: str) -> Discriminator:
    """Tell a union's two shapes apart: ``mapping`` for a YAML mapping (when validating)
    or a ``model`` (when serialising), ``other`` for anything else."""
    return Discriminator(lambda value: mapping if isinstance(value, dict | model) else other)


EventDate = Annotated[
    Annotated[WhenDate, Tag("point")] | Annotated[DateSpan, Tag("span")],
    _mapping_or(DateSpan, "span", "point"),
]


class Category(Model):
    """A lane of the timeline chart."""

    id: Slug = Field(description="Id used by events.")
    name: Name = Field(description="Name shown on the chart.")


class Phase(Model):
    """An era shown as a shaded band behind the timeline chart."""

    id: Slug = Field(description="Id of the phase.")
    title: Name = Field(description="Name of the phase.")
    start: WhenDate = Field(description="When it began.")
    end: WhenDate = Field(description="When it ended.")
    sources: SourceRefs

    @model_validator(mode="after")
    def _ordered(self) -> Phase:
        if self.end.last_day < self.start.first_day:
            raise FieldError(
                "end", f"the end ({self.end}) is before the start ({self.start}); swap them"
            )
        return self


class Event(Model):
    """One dated event of the timeline."""

    id: Slug = Field(description="Id of the event, used in its web address.")
    date: EventDate = Field(
        description="2019-02-27 (a day), 2019-02 (a month), 2019 (a year), or a span "
        "{from: 2017-10, to: 2017-12, label: end of 2017}."
    )
    title: Name = Field(description="Short title shown on the chart.")
    description: Text = Field(description="What happened, in one to three sentences.")
    category: CategoryId = Field(
        description="Id of its category (from categories in timeline.yml)."
    )
    actors: list[ActorId] = Field(default_factory=list, description="Ids of the actors involved.")
    image: Image | None = Field(
        default=None, description="A picture of the event, shown in the timeline's list."
    )
    sources: SourceRefs
    key: bool = Field(
        default=False,
        description="true for the events that carry the story (a summit, a walk-out): "
        "the chart labels them first at every zoom and width, and never folds them into "
        "a count while any other event in view is labelled.",
    )

    @property
    def first_day(self) -> datetime.date:
        """The earliest day the event can mean (used for ordering)."""
        return self.date.first_day


def _middle(event: Event) -> datetime.date:
    """The middle of the time an event's date can mean (its day, for a day)."""
    return _middle_of(event.date)


def _middle_of(date: PartialDate | DateSpan) -> datetime.date:
    """The middle of the time a date can mean: "May 2018" after "8 May 2018"."""
    first, last = date.first_day, date.last_day
    return first + (last - first) / 2


def reactions_in_order(reactions: list[Reaction]) -> list[Reaction]:
    """Dated reactions in time order (each at the middle of the time its date can mean),
    then the undated ones; each group keeps the order written where dates tie.

    One rule for every page that lists reactions, whatever else groups them (by region,
    by stance): group first, then order each group with this.
    """
    dated = [r for r in reactions if r.date is not None]
    undated = [r for r in reactions if r.date is None]
    return (
        sorted(dated, key=lambda r: _middle_of(r.date) if r.date else datetime.date.min) + undated
    )


class OpeningView(Model):
    """The dates the timeline chart opens on, when the editor chooses them."""

    start: WhenDate = Field(alias="from", description="The first day, month or year shown.")
    end: WhenDate = Field(alias="to", description="The last day, month or year shown.")

    @model_validator(mode="after")
    def _ordered(self) -> OpeningView:
        if self.end.last_day < self.start.first_day:
            raise FieldError("to", f"'to' ({self.end}) is before 'from' ({self.start}); swap them")
        return self


class TimelineFile(Model):
    """timeline.yml: categories, phases and dated events."""

    lanes: Literal["category", "actor"] = Field(
        default="category", description="Group the chart's lanes by category or by actor."
    )
    categories: list[Category] = Field(description="Categories (chart lanes).")
    phases: list[Phase] = Field(default_factory=list, description="Eras shown as bands.")
    events: list[Event] = Field(description="Events, in any order; shown by date.")
    caption: Text | None = Field(
        default=None,
        description="What the chart shows, in a sentence or two, under it (screen readers "
        "also hear a description of the chart written from the events).",
    )
    opening: OpeningView | None = Field(
        default=None,
        description="The dates the chart opens on, {from: 2018-01, to: 2019-12}; by "
        "default, the story's own dates and their lead-up.",
    )


# --- quotations.yml ------------------------------------------------------------------


OUR_TRANSLATION = "us"
"""What ``translator`` says when the newsroom translated the words itself."""


class Translation(Model):
    """How a quotation came into English: from which language, the original words, by whom."""

    language: SpokenLanguage = Field(
        description="The language it was said in, as a code such as 'ko', 'fa' or 'ru'; "
        "'unknown' when the source does not say (shown as 'Translated', without a language)."
    )
    original: Text | None = Field(
        default=None, description="The exact words in that language, if a source gives them."
    )
    translator: Text | None = Field(
        default=None,
        description="Who translated it, such as 'KCNA' or 'the BBC', when a source says; "
        "'us' when we translated it ourselves (shown as 'Our translation').",
    )

    @property
    def language_known(self) -> bool:
        """Whether the source gives the language the words were said in."""
        return self.language != UNKNOWN_LANGUAGE

    @property
    def ours(self) -> bool:
        """Whether the newsroom translated the words itself."""
        return self.translator == OUR_TRANSLATION


class Speaker(Model):
    """Someone quoted who is not an actor of the story, named where they are quoted."""

    name: Name = Field(description="Their name, such as 'Jane Example'.")
    role: Text = Field(
        description="Their role when they spoke, such as 'Spokesperson of the ministry'."
    )


SpeakerRef = Annotated[
    Annotated[ActorId, Tag("actor")] | Annotated[Speaker, Tag("named")],
    _mapping_or(Speaker, "named", "actor"),
]
"""An actor's id, or a speaker named in place ({name:, role:})."""


class Quotation(Model):
    """A verbatim quotation, attributed and cited."""

    id: Slug = Field(description="Id used to refer to the quotation.")
    speaker: SpeakerRef = Field(
        description="Id of the actor who said it; or, for someone who is not an actor of "
        "the story, their name and role in place: {name: Jane Example, role: Spokesperson}."
    )
    side: SideId | None = Field(
        default=None,
        description="Id of the side the speaker spoke for (from sides in actors.yml), if the "
        "speaker is not listed on a side.",
    )
    text: Text = Field(description="The exact words, without quotation marks (in English).")
    translation: Translation | None = Field(
        default=None, description="For words said in another language: the original and by whom."
    )
    context: Text = Field(description="When and why it was said.")
    date: WhenDate = Field(description="When it was said (day, month or year).")
    sources: SourceRefs

    @property
    def speaker_id(self) -> str | None:
        """The id of the actor who said it; None for a speaker named in place."""
        return self.speaker if isinstance(self.speaker, str) else None


class QuotationsFile(Model):
    """quotations.yml: what people said, word for word."""

    quotations: list[Quotation] = Field(description="Quotations.")


# --- sources.yml ---------------------------------------------------------------------


class Source(Model):
    """A publication the facts rest on."""

    id: Slug = Field(description="Id used in sources: lists.")
    title: Name = Field(description="Title of the article or document.")
    title_from: Literal["source", "us"] = Field(
        default="source",
        description="Whose title it is: 'source' (its own headline; the default) or 'us' "
        "(the copy has no headline and we describe it; shown in square brackets).",
    )
    kind: Text | None = Field(
        default=None,
        description="What sort of source it is, such as 'news article', 'UN Security Council "
        "resolution' or 'press conference transcript'; say it above all when there is no URL.",
    )
    identifier: Text | None = Field(
        default=None,
        description="A document symbol or number that finds it, such as 'S/RES/2231 (2015)'.",
    )
    publisher: Text | None = Field(
        default=None, description="Who published it; leave out if the source does not say."
    )
    date: WhenDate | None = Field(
        default=None,
        description="Publication date, at the precision known (2015-07-20, 2015-07 or 2015); "
        "leave out if the source does not say.",
    )
    url: Url | None = Field(default=None, description="Web address (https://...), if it has one.")
    archive_url: Url | None = Field(
        default=None,
        description="Address of an archived copy (such as on web.archive.org), if there is one.",
    )
    note: Text | None = Field(default=None, description="Anything readers should know about it.")
    no_https: Text | None = Field(
        default=None,
        exclude=True,
        description="For a url that keeps http:// because the page has no https:// version: "
        "why, such as 'the site serves no https:// version (tried 2026-11-30)'. It silences "
        "the http:// warning and is not shown to readers.",
    )

    @model_validator(mode="after")
    def _no_https_only_for_http(self) -> Source:
        if self.no_https is not None and not (self.url or "").lower().startswith("http://"):
            raise FieldError(
                "no_https",
                "no_https is for a url that starts with http://, and this source's "
                + ("url starts with https://" if self.url else "has no url")
                + "; remove no_https",
            )
        return self


class SourcesFile(Model):
    """sources.yml: every source of the story, once."""

    sources: list[Source] = Field(min_length=1, description="Sources, in the order to number them.")


# --- glossary.yml --------------------------------------------------------------------


class Term(Model):
    """A term defined once and explained wherever it appears."""

    noun: ClassVar[str] = "glossary term"
    term: Name = Field(description="The term as it appears in the text, such as 'CVID'.")
    definition: Text = Field(description="A one-sentence definition.")
    sources: SourceRefs

    @model_validator(mode="after")
    def _short(self) -> Term:
        at_most(
            len(self.definition),
            DEFINITION_CHARS_AT_MOST,
            "definition",
            "a definition is a sentence or two, {limit} characters at most (it is printed "
            "where the term is first used on each page), and this one has {count}; "
            "shorten it",
        )
        return self


class GlossaryFile(Model):
    """glossary.yml: terms and their definitions."""

    glossary: list[Term] = Field(description=f"Terms, {GLOSSARY_TERMS_AT_MOST} at most.")

    @model_validator(mode="after")
    def _a_glossary_not_a_dictionary(self) -> GlossaryFile:
        at_most(
            len(self.glossary),
            GLOSSARY_TERMS_AT_MOST,
            ("glossary", GLOSSARY_TERMS_AT_MOST),
            "a glossary holds {limit} terms at most, and this one has {count}; keep the "
            "terms readers of this story need",
        )
        return self


FILES: dict[str, type[Model]] = {
    "story.yml": StoryFile,
    "sources.yml": SourcesFile,
    "actors.yml": ActorsFile,
    "issues.yml": IssuesFile,
    "background.yml": BackgroundFile,
    "positions.yml": PositionsFile,
    "accounts.yml": AccountsFile,
    "outcomes.yml": OutcomesFile,
    "reactions.yml": ReactionsFile,
    "timeline.yml": TimelineFile,
    "quotations.yml": QuotationsFile,
    "glossary.yml": GlossaryFile,
}
"""Every file a story folder may hold, with its model. story.yml and sources.yml are required."""

REQUIRED_FILES = ("story.yml", "sources.yml")


class PublisherFile(Model):
    """publisher.yml, beside the story folders: who publishes the explainers (optional)."""

    name: Name = Field(description="The publisher's name, such as 'Example News'.")
    url: Url | None = Field(
        default=None, description="The publisher's web address (https://...), if it has one."
    )
    logo: LogoFile | None = Field(
        default=None,
        description="A PNG or JPEG file beside publisher.yml, such as 'logo.png': the logo "
        "search engines and news readers show with the stories.",
    )
    licence: Text | None = Field(
        default=None,
        description="The terms the stories' text is published under, as every page's "
        "footer names them, such as 'CC BY 4.0'; without it, the footer names none.",
    )
    licence_url: Url | None = Field(
        default=None, description="Where those terms can be read (https://...), if online."
    )


class ImageData(BaseModel):
    """An image file as the loader read it: its bytes, format and size in pixels."""

    model_config = ConfigDict(frozen=True)

    data: bytes = Field(repr=False, description="The file's bytes.")
    format: Literal["JPEG", "PNG", "WEBP"] = Field(description="The file's format.")
    width: int = Field(description="Width in pixels, once turned upright.")
    height: int = Field(description="Height in pixels, once turned upright.")


class Story(Model):
    """A whole story: every file of its folder, validated and assembled."""

    meta: StoryFile = Field(description="story.yml: identity, key facts, corrections.")
    sources: list[Source] = Field(description="sources.yml.")
    actors: list[Actor] = Field(default=[], description="actors.yml.")
    sides: list[Side] = Field(default=[], description="actors.yml.")
    issues: list[AgendaIssue] = Field(default=[], description="issues.yml.")
    background: list[BackgroundSection] = Field(default=[], description="background.yml.")
    positions: list[Position] = Field(default=[], description="positions.yml.")
    accounts: list[Account] = Field(default=[], description="accounts.yml.")
    outcomes: list[Outcome] = Field(default=[], description="outcomes.yml.")
    reactions: list[Reaction] = Field(default=[], description="reactions.yml.")
    lanes: Literal["category", "actor"] = Field(default="category", description="timeline.yml.")
    categories: list[Category] = Field(default=[], description="timeline.yml.")
    phases: list[Phase] = Field(default=[], description="timeline.yml.")
    events: list[Event] = Field(default=[], description="timeline.yml.")
    caption: Text | None = Field(default=None, description="timeline.yml.")
    opening: OpeningView | None = Field(default=None, description="timeline.yml.")
    quotations: list[Quotation] = Field(default=[], description="quotations.yml.")
    glossary: list[Term] = Field(default=[], description="glossary.yml.")
    image_files: dict[str, ImageData] = Field(
        default={},
        exclude=True,
        description="The image files the story uses, by their path in its folder "
        "('images/x.jpg'), as the loader read them; not part of the open data.",
    )

    @property
    def id(self) -> str:
        """The story's id (its folder name)."""
        return self.meta.id

    # Lookups by id scan a list of a few dozen items. They are not cached on the model:
    # model_copy() would carry a stale cache over to the copy.
    def actor(self, actor_id: str) -> Actor:
        """The actor with this id."""
        return next(a for a in self.actors if a.id == actor_id)

    def side(self, side_id: str) -> Side:
        """The side with this id."""
        return next(s for s in self.sides if s.id == side_id)

    def side_of(self, actor_id: str) -> Side | None:
        """The side the actor is on, if the story names sides and the actor is on one."""
        return next((s for s in self.sides if actor_id in s.actors), None)

    def quotation(self, quotation_id: str) -> Quotation:
        """The quotation with this id."""
        return next(q for q in self.quotations if q.id == quotation_id)

    def issue(self, issue_id: str) -> AgendaIssue:
        """The issue with this id."""
        return next(i for i in self.issues if i.id == issue_id)

    def images(self) -> list[Image]:
        """Every picture of the story, lead image first, in reading order."""
        found = [self.meta.image]
        found += [section.image for section in self.background]
        found += [event.image for event in self.events_in_order()]
        found += [actor.image for actor in self.actors]
        return [image for image in found if image is not None]

    def reactions_in_order(self) -> list[Reaction]:
        """Reactions with a date in time order (each at the middle of the time its date
        can mean, as events are), then those without one, each in the order written."""
        return reactions_in_order(self.reactions)

    def events_in_order(self) -> list[Event]:
        """Events in time order, each placed at the middle of the time its date can mean,
        then by id (stable output).

        "May 2018" happened some time in May, so it comes after "8 May 2018" rather than
        before it, as it would if it stood for 1 May; "2019" stands for mid-2019.
        """
        return sorted(self.events, key=lambda e: (_middle(e), e.id))


__all__ = ["FILES", "REQUIRED_FILES", "PartialDate", "Story"]

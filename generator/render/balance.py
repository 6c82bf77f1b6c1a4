"""How much room the sources give each side: quotations and sources per side, and the
sides a page quotes no one from.

The sources do not always quote both sides (a story may rest on an article that quotes
one leader seven times and the other side's officials never); the pages say so in plain
words rather than let the layout suggest an even record.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.content.models import Answer, Position, Quotation, Side, Story


@dataclass(frozen=True)
class SideRecord:
    """What the story draws on for one side: its quotations and the sources of its claims."""

    side: Side
    quotations: int
    sources: int


@dataclass(frozen=True)
class Unquoted:
    """The parties that a page quotes no one from, and the sources their claims there
    cite: one note names them all.

    ``everyone`` is true when the page quotes none of its parties: then the note says so
    of all of them ("A or B"), else of those it fails to quote ("A and B").
    """

    names: list[str]
    sources: list[str]
    everyone: bool = False

    @property
    def conjunction(self) -> str:
        """The word before the last name: "or" of every party, "and" of some."""
        return "or" if self.everyone else "and"


def side_of_quotation(story: Story, quotation: Quotation) -> Side | None:
    """The side a quotation belongs to: its own, else its speaker's."""
    if quotation.side is not None:
        return story.side(quotation.side)
    return story.side_of(quotation.speaker_id) if quotation.speaker_id is not None else None


def side_of_claim(story: Story, claim: Position | Answer) -> Side | None:
    """The side a position or an answer belongs to: its own, else its actor's."""
    if claim.side is not None:
        return story.side(claim.side)
    return story.side_of(claim.actor) if claim.actor is not None else None


def side_records(story: Story) -> list[SideRecord]:
    """Each side's quotations and the sources of its positions, answers and quotations."""
    records = []
    claims: list[Position | Answer] = [*story.positions]
    claims += [answer for account in story.accounts for answer in account.answers]
    for side in story.sides:
        quotations = [q for q in story.quotations if side_of_quotation(story, q) == side]
        sources = {s for q in quotations for s in q.sources}
        sources |= {s for c in claims if side_of_claim(story, c) == side for s in c.sources}
        records.append(SideRecord(side, len(quotations), len(sources)))
    return records


def unquoted(story: Story, claims: Iterable[Position | Answer]) -> list[Unquoted]:
    """The parties (sides, or actors in a story without sides) that these claims quote
    no one from, with the sources their claims cite: one, or all of them in one, named
    together in the order they first appear.

    Mediators, hosts and observers are not parties (:func:`is_third_party`): the pages
    do not count them as sides the sources fail to quote.
    """
    quoted: dict[str, bool] = {}
    cited: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for claim in claims:
        if is_third_party(story, claim):
            continue
        key, name = _party(story, claim)
        names[key] = name
        quoted[key] = quoted.get(key, False) or bool(claim.quotations)
        cited.setdefault(key, [])
        cited[key] += [s for s in claim.sources if s not in cited[key]]
    if len(names) < 2:  # a page with one party has nothing to compare
        return []
    silent = [key for key in names if not quoted[key]]
    if not silent:
        return []
    # One note names them all: a note each said the same thing as many times.
    sources = list(dict.fromkeys(s for key in silent for s in cited[key]))
    return [Unquoted([names[key] for key in silent], sources, everyone=silent == list(names))]


def is_third_party(story: Story, claim: Position | Answer) -> bool:
    """Whether the claim is a mediator's, a host's or an observer's, not a party's: a
    position with the stance 'mediated', or the claim of an actor (or of a side whose
    actors all are) marked as such (``involvement`` in actors.yml)."""
    if isinstance(claim, Position) and claim.stance == "mediated":
        return True
    if claim.actor is not None and claim.side is None:
        return story.actor(claim.actor).involvement != "party"
    side = side_of_claim(story, claim)
    actors = side.actors if side is not None else []
    return bool(actors) and all(story.actor(a).involvement != "party" for a in actors)


def _party(story: Story, claim: Position | Answer) -> tuple[str, str]:
    side = side_of_claim(story, claim)
    if side is not None:
        return f"side:{side.id}", side.name
    assert claim.actor is not None  # a claim without a side has an actor (the model checks)
    return f"actor:{claim.actor}", story.actor(claim.actor).name

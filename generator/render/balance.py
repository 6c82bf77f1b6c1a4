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
from generator.render.wording import in_sentence


@dataclass(frozen=True)
class SideRecord:
    """What the story draws on for one side: its quotations and the sources of its claims."""

    side: Side
    quotations: int
    sources: int


@dataclass(frozen=True)
class Unquoted:
    """A party that a page quotes no one from, and the sources its claims there cite.

    ``everyone`` is true when the page quotes none of its parties: then one sentence says
    so for all of them, rather than one unequal-sources note each.
    """

    name: str
    sources: list[str]
    everyone: bool = False


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
    no one from, each with the sources its claims cite, in the order they first appear.

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
    if not any(quoted.values()):
        sources = list(dict.fromkeys(s for key in names for s in cited[key]))
        return [Unquoted(_joined([names[key] for key in names], "or"), sources, everyone=True)]
    return [Unquoted(names[key], cited[key]) for key in names if not quoted[key]]


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


def _joined(names: list[str], conjunction: str) -> str:
    """'Iran or the P5+1', 'A, B or C': names as they read in a sentence."""
    names = [in_sentence(name) for name in names]
    return ", ".join(names[:-1]) + f" {conjunction} " + names[-1]


def _party(story: Story, claim: Position | Answer) -> tuple[str, str]:
    side = side_of_claim(story, claim)
    if side is not None:
        return f"side:{side.id}", side.name
    assert claim.actor is not None  # a claim without a side has an actor (the model checks)
    return f"actor:{claim.actor}", story.actor(claim.actor).name

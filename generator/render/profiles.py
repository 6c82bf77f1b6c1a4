"""The actors' profiles of Who's who: everything the story says of each actor, one
profile an actor, in the order of the cast list above them (:func:`grouping.cast_of`).

A story's people are on one page, as a newsroom's "who's who" puts them, rather than a
page each: each page of a site carries its chrome, which an actor's page repeated for a
few paragraphs of its own. Each collection of the story is read once, whatever the
number of actors.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.content.models import (
    Account,
    Actor,
    Answer,
    Claim,
    Event,
    Position,
    Quotation,
    Reaction,
    Story,
)
from generator.render.grouping import cast_of


@dataclass
class Profile:
    """What Who's who shows of one actor, below the cast list."""

    actor: Actor
    positions: list[Position] = field(default_factory=list)
    """The actor's own positions."""
    side_positions: list[Position] = field(default_factory=list)
    """Positions the actor's whole side took (written with ``side:`` and no actor)."""
    answers: list[tuple[Account, Answer]] = field(default_factory=list)
    said: list[Quotation] = field(default_factory=list)
    reactions: list[Reaction] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


def claims_of(shown: list[Profile]) -> list[Claim]:
    """The claims the profiles show, for the one legend of their badges."""
    return [
        claim
        for p in shown
        for claim in [*p.positions, *p.side_positions, *(answer for _, answer in p.answers)]
    ]


def cast_order(story: Story) -> list[Actor]:
    """Every actor once, in the order of the cast list: the sides' then the others'."""
    cast = cast_of(story)
    shown = {a.id: a for group in [*cast.sides, *cast.others] for a in group.actors}
    return list(shown.values())


def profiles(story: Story, events: list[Event]) -> list[Profile]:
    """One profile an actor of the story, in the cast list's order; ``events`` are the
    story's events in the timeline's order."""
    found = {a.id: Profile(a) for a in cast_order(story)}
    _add_positions(story, found)
    for account in story.accounts:
        for answer in account.answers:
            if answer.actor is not None:
                found[answer.actor].answers.append((account, answer))
    for q in story.quotations:
        if isinstance(q.speaker, str):
            found[q.speaker].said.append(q)
    for r in story.reactions_in_order():
        found[r.actor].reactions.append(r)
    for e in events:
        for actor_id in dict.fromkeys(e.actors):
            found[actor_id].events.append(e)
    return list(found.values())


def _add_positions(story: Story, found: dict[str, Profile]) -> None:
    """Each actor's own positions, and those of the actor's side as a whole."""
    by_side: dict[str, list[Position]] = {}
    for p in story.positions:
        if p.actor is not None:
            found[p.actor].positions.append(p)
        elif p.side is not None:
            by_side.setdefault(p.side, []).append(p)
    for side in story.sides:
        for actor_id in side.actors:
            if story.side_of(actor_id) is side:
                found[actor_id].side_positions = by_side.get(side.id, [])

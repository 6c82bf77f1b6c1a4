"""How items are grouped on a page: positions by side or by actor, Who's who's cast by
side and kind, reactions by the tone they end on.

A story that names its sides (``sides:`` in actors.yml) shows each issue's positions in
one column a side, in the order the sides are listed, with positions of actors on no
side after them; a story without sides shows one column an actor. Who's who lists each
side's actors together, then the others by kind; the reactions page gives each actor one
card with all its reactions.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, field

from generator.content.models import (
    Actor,
    Answer,
    Position,
    Reaction,
    ReactionStance,
    Side,
    Story,
)
from generator.render.balance import side_of_claim


@dataclass
class Column:
    """One column of positions, headed by a side or by an actor."""

    side: Side | None = None
    actor: str | None = None
    positions: list[Position] = field(default_factory=list)


def position_columns(story: Story, positions: list[Position]) -> list[Column]:
    """The positions on one issue in columns: by side when the story has sides."""
    columns = {f"side:{side.id}": Column(side=side) for side in story.sides}
    for position in positions:
        side = side_of_claim(story, position)
        key = f"side:{side.id}" if side else f"actor:{position.actor}"
        if key not in columns:
            columns[key] = Column(actor=position.actor) if side is None else Column(side=side)
        columns[key].positions.append(position)
    return [column for column in columns.values() if column.positions]


def side_number(
    story: Story, claim: Position | Answer | None = None, side: Side | None = None
) -> int:
    """The 1-based place of a claim's side (or of ``side``) in the story's list of sides,
    or 0 for none: the pages colour each side's cards by it."""
    found = side if side is not None else side_of_claim(story, claim) if claim else None
    return next((n for n, s in enumerate(story.sides, start=1) if found and s.id == found.id), 0)


KINDS: dict[str, tuple[str, str]] = {
    "person": ("People", "Person"),
    "government": ("Governments", "Government"),
    "authority": ("De facto and disputed authorities", "De facto or disputed authority"),
    "organisation": ("Organisations", "Organisation"),
    "group": ("Groups and coalitions", "Group or coalition"),
}
"""Each kind of actor, in the order Who's who shows them: its heading and its label."""


@dataclass
class CastGroup:
    """One group of Who's who: a side's actors (``side``), or the actors of one kind."""

    anchor: str
    heading: str
    actors: list[Actor]
    side: Side | None = None


@dataclass
class Cast:
    """Who's who as a newsroom's cast list: each side's actors, then the others by kind."""

    sides: list[CastGroup]
    others: list[CastGroup]


def cast_of(story: Story) -> Cast:
    """The story's actors grouped for Who's who: one group a side, in the order the sides
    are listed, each side's people first; then the actors on no side, one group a kind.
    A story without sides has kind groups only. Empty groups are left out."""
    order = list(KINDS)
    sides = [
        CastGroup(
            anchor=f"side-{side.id}",
            heading=side.name,
            actors=sorted((story.actor(a) for a in side.actors), key=lambda a: order.index(a.kind)),
            side=side,
        )
        for side in story.sides
        if side.actors
    ]
    unsided = [a for a in story.actors if story.side_of(a.id) is None]
    others = [
        CastGroup(anchor=kind, heading=heading, actors=of_kind)
        for kind, (heading, _) in KINDS.items()
        if (of_kind := [a for a in unsided if a.kind == kind])
    ]
    return Cast(sides=sides, others=others)


def kind_label(actor: Actor) -> str:
    """What the actor is, in one or a few words: 'Person', 'Government'."""
    return KINDS[actor.kind][1]


@dataclass
class ReactionCard:
    """One actor's reactions, in the order :func:`generator.models.reactions_in_order`
    gives them: dated ones by date, then the undated ones as written."""

    actor: str
    reactions: list[Reaction] = field(default_factory=list)

    @property
    def stance(self) -> ReactionStance:
        """The tone the actor's reactions end on: that of the last one shown."""
        return self.reactions[-1].stance


@dataclass
class StanceGroup:
    """The cards of the actors whose reactions end on one tone (``stance``)."""

    stance: ReactionStance
    cards: list[ReactionCard]


def reaction_groups(story: Story) -> list[StanceGroup]:
    """The reactions page's groups: one card an actor with all its reactions, the cards
    grouped by the tone each ends on, tones from welcoming to critical (then neutral) as
    the model lists them; cards within a group in the order of their first reaction."""
    cards: dict[str, ReactionCard] = {}
    for reaction in story.reactions_in_order():
        cards.setdefault(reaction.actor, ReactionCard(reaction.actor)).reactions.append(reaction)
    groups = [
        StanceGroup(stance, [card for card in cards.values() if card.stance == stance])
        for stance in typing.get_args(ReactionStance)
    ]
    return [group for group in groups if group.cards]

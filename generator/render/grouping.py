"""How items are set side by side on a page: positions by side, or by actor.

A story that names its sides (``sides:`` in actors.yml) shows each issue's positions in
one column a side, in the order the sides are listed, with positions of actors on no
side after them; a story without sides shows one column an actor.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.content.models import Answer, Position, Side, Story
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

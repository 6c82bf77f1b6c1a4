"""The timeline chart's lanes: which events each lane holds, and when each event falls.

Lanes are the story's categories, in their order, or (``lanes: actor``) its actors. A
story with many actors would need a lane per actor, most of them nearly empty and each
too thin to read, so at most :data:`MAX_ACTOR_LANES` actors get a lane of their own: those
in the most events (ties in the order of actors.yml), shown in that order. Every other
event, including one with no actor at all, goes in one last lane, :data:`OTHERS`. An event
with several of those actors is drawn in each of their lanes; its label is shown once,
in the first (see :mod:`generator.render.chart.labels`).
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from generator.content.models import DateSpan, Event, Story

MAX_ACTOR_LANES = 5
"""Actors with a lane of their own; the rest share :data:`OTHERS`. Six lanes of three
rows fit a phone's screen with the axis and the phase titles."""

OTHERS = "Others"
"""The lane of events with none of the actors that have a lane (or no actor at all)."""


@dataclass(frozen=True)
class Lane:
    """One lane of the chart: its name and its events, in time order."""

    name: str
    events: tuple[Event, ...]


def chart_lanes(story: Story) -> list[Lane]:
    """The chart's lanes, top to bottom; a category lane is kept even when empty (a view
    with none of a lane's events folds it away: :func:`generator.render.chart.plan.rows_used`)."""
    events = story.events_in_order()
    if story.lanes == "category":
        return [
            Lane(c.name, tuple(e for e in events if e.category == c.id)) for c in story.categories
        ]
    counts = Counter(actor for event in events for actor in event.actors)
    ranked = sorted(counts, key=lambda a: (-counts[a], _index(story, a)))
    own = sorted(_own_lanes(ranked, events), key=lambda a: _index(story, a))
    lanes = [Lane(story.actor(a).name, tuple(e for e in events if a in e.actors)) for a in own]
    rest = tuple(e for e in events if not set(e.actors) & set(own))
    return lanes + ([Lane(OTHERS, rest)] if rest else [])


def _own_lanes(ranked: list[str], events: list[Event]) -> list[str]:
    """The actors that get a lane: all of them when they fit, else the first few."""
    without_actor = any(not event.actors for event in events)
    if len(ranked) + without_actor <= MAX_ACTOR_LANES + 1:
        return ranked
    return ranked[:MAX_ACTOR_LANES]


def _index(story: Story, actor_id: str) -> int:
    return next(i for i, actor in enumerate(story.actors) if actor.id == actor_id)


def event_days(event: Event) -> tuple[datetime.date, datetime.date]:
    """The first and the last day the event's date can mean."""
    date = event.date
    if isinstance(date, DateSpan):
        return date.start.first_day, date.end.last_day
    return date.first_day, date.last_day


def mark_day(event: Event) -> datetime.date:
    """Where the event's mark goes: its day, or the middle of the days it can mean."""
    first, last = event_days(event)
    return first + (last - first) / 2


def is_fuzzy(event: Event) -> bool:
    """Whether the event's date is wider than a day (a month, a year or a span)."""
    return isinstance(event.date, DateSpan) or event.date.precision != "day"

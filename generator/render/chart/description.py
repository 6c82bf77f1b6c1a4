"""The timeline chart in words: its text alternative, and what lies outside its view.

The text alternative is the figure's caption, announced once with the figure. The
chart opens on the story and its lead-up; events before or after that view are
counted under the chart ("2 earlier events, 1950–1953"), each count a link that pans the
chart there (or, without JavaScript, leads to the first of them in the list).
``timeline.js`` words the counts the same way when the reader moves the chart.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from generator.content.models import Event, Story
from generator.render.chart.lanes import chart_lanes, event_days
from generator.render.dates import format_when


def text_alternative(story: Story) -> str:
    """One paragraph saying what the chart shows, for its caption."""
    events = story.events_in_order()
    if not events:
        return "A timeline chart with no events yet."
    last = max(events, key=lambda e: (event_days(e)[1], e.id))
    lanes = chart_lanes(story)
    counts = [f"{lane.name} ({count(len(lane.events), 'event')})" for lane in lanes]
    text = (
        f"A timeline chart of {count(len(events), 'event')} "
        f"from {format_when(events[0].date)} to {format_when(last.date)}, "
        f"in {count(len(lanes), 'lane')} by {story.lanes}: {join(counts)}."
    )
    if story.phases:
        titles = [phase.title for phase in story.phases]
        text += f" Shaded bands mark {count(len(titles), 'phase')}: {join(titles)}."
    return text


def outside_view(
    story: Story, window: tuple[datetime.date, datetime.date]
) -> tuple[list[Event], list[Event]]:
    """The events wholly before the view, nearest first, and those wholly after it."""
    left, right = window
    events = story.events_in_order()
    earlier = [e for e in events if event_days(e)[1] < left]
    later = [e for e in events if event_days(e)[0] > right]
    return sorted(earlier, key=lambda e: (event_days(e)[1], e.id), reverse=True), later


def outside_wording(events: Sequence[Event], direction: str) -> str:
    """'2 earlier events, 1950–1953': how many lie that way, and in which years."""
    first = min(event_days(e)[0].year for e in events)
    last = max(event_days(e)[1].year for e in events)
    years = str(first) if first == last else f"{first}–{last}"
    return f"{count(len(events), f'{direction} event')}, {years}"


def count(number: int, noun: str) -> str:
    """'1 event', '2 events'."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def join(items: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"

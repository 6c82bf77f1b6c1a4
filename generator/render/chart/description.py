"""The timeline chart in words: its text alternative, and what lies outside its view.

The text alternative is the figure's caption, announced once with the figure. The
chart opens on the story and its lead-up; events before or after that view are
counted under the chart ("2 earlier events, 1950–1953"), each count a link that pans the
chart there (or, without JavaScript, leads to the first of them in the list). When the
reader moves the chart, ``timeline-chart.js`` counts the events outside the new view and
takes their wording and the nearest of them from :func:`outside_counts`, which the
figure carries: the counts are worded here alone.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

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
    return _wording(len(events), direction, first, last)


def _wording(number: int, direction: str, first: int, last: int) -> str:
    years = str(first) if first == last else f"{first}–{last}"
    return f"{count(number, f'{direction} event')}, {years}"


def outside_counts(story: Story) -> dict[str, dict[str, list[Any]]]:
    """For ``earlier`` and ``later``, what the count under the chart says when ``n``
    events lie outside the view that way (``words[n - 1]``), and the nearest of them
    (``nearest[n - 1]``, its place in time order), as :func:`outside_view` and
    :func:`outside_wording` have them.

    Whatever the view, the events wholly before it are those that end first, and those
    wholly after it those that begin last: a count names its events. Built in one pass.
    """
    events = story.events_in_order()
    place = {e.id: n for n, e in enumerate(events)}
    ending = sorted(events, key=lambda e: (event_days(e)[1], e.id))
    earlier, first, last = [], datetime.MAXYEAR, datetime.MINYEAR
    for number, event in enumerate(ending, start=1):  # the nearest: the last to end
        first, last = min(first, event_days(event)[0].year), max(last, event_days(event)[1].year)
        earlier.append((_wording(number, "earlier", first, last), place[event.id]))
    starting = sorted(events, key=lambda e: (event_days(e)[0], place[e.id]), reverse=True)
    later, first, last, nearest = [], datetime.MAXYEAR, datetime.MINYEAR, len(events)
    for number, event in enumerate(starting, start=1):  # the nearest: the first in time
        first, last = min(first, event_days(event)[0].year), max(last, event_days(event)[1].year)
        nearest = min(nearest, place[event.id])
        later.append((_wording(number, "later", first, last), nearest))
    return {
        direction: {"words": [words for words, _ in counts], "nearest": [n for _, n in counts]}
        for direction, counts in (("earlier", earlier), ("later", later))
    }


def count(number: int, noun: str) -> str:
    """'1 event', '2 events'."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def join(items: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"

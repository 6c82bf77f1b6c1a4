"""What the timeline chart draws, and where: its traces and items, and their layout.

:func:`chart_plan` turns a story into the figure's traces (a lane's bars and its marks)
and items (an event drawn in one lane), with the two orders the layout rule of
:mod:`generator.render.chart.labels` places them in: marks in time order, labels from the
story's own events outwards. :func:`layout_items` runs the rule in a :class:`View`; the
lanes' rows and heights follow from it (:func:`rows_used`, :func:`lane_tops`).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from generator.content.models import Event, Story
from generator.render.chart import labels as labels
from generator.render.chart.lanes import chart_lanes, event_days, is_fuzzy, mark_day
from generator.render.chart.palette import TraceKind


@dataclass(frozen=True)
class PictureLayer:
    """A layout of the static picture: shown where the chart's box is at least ``box`` px
    wide (a container query in ``timeline.css``), made for a plot ``plot`` px wide."""

    name: str
    box: int
    plot: int


PICTURE_LAYERS = (
    PictureLayer("narrow", 0, 312),
    PictureLayer("phone", 343, 327),
    PictureLayer("wide", 630, 614),
    PictureLayer("desktop", 880, 864),
)
"""The static picture's layouts, narrowest first: for a 360 px phone (and anything
narrower than the next), for a 375 px phone (the box 343 px wide), for a tablet or a
narrow desktop window (630 px), and for a desktop (the box beside the event panel, 880 px
wide in the story's full-width column from a 1280 px window on). Each holds at any wider
width, since marks only move apart as the plot widens; at the widths they are made for,
the picture is exactly what ``timeline-chart.js`` draws when it takes over, from the same
placements (``meta.timeline.openings``), so nothing moves."""
PICTURE_PLOT_PX = PICTURE_LAYERS[0].plot
"""Width of the plot on a 360 px phone, the narrowest common one: the layout carried by
the figure's own data is made for it."""
WIDE_PLOT_PX = PICTURE_LAYERS[-1].plot
"""Width of the plot beside the event panel on a desktop."""
LANE_PAD = 8
"""Space in a lane above its first row and below its last, px (half each)."""
MIN_ROWS, MAX_ROWS = 2, 4
"""Sub-rows of a lane with events: what its densest stretch needs, within these."""


@dataclass(frozen=True)
class Trace:
    """A trace of the figure: a lane's bars (fuzzy dates) or its marks."""

    lane: int
    kind: TraceKind
    events: tuple[Event, ...]


@dataclass(frozen=True)
class PlanItem:
    """An event drawn in one lane: its mark (and bar), and its label if it has one."""

    event: Event
    lane: int
    marks: tuple[int, int]  # (trace, point)
    bar: tuple[int, int] | None
    forms: tuple[str, ...]  # its title's label forms: none in the lanes after its first
    first: datetime.date  # the first and last day its date can mean, and its mark's day
    last: datetime.date
    mark: datetime.date


@dataclass(frozen=True)
class Plan:
    """The figure's traces and items, and the orders the layout places them in."""

    lane_names: list[str]
    traces: list[Trace]
    items: list[PlanItem]
    in_time: list[int]  # items in time order: their marks are placed in it
    order: list[int]  # items in the order their labels are placed


def chart_plan(story: Story) -> Plan:
    """What the story's chart draws: a trace per lane and kind, an item per mark."""
    lanes = chart_lanes(story)
    traces: list[Trace] = []
    items: list[PlanItem] = []
    seen: set[str] = set()
    for index, lane in enumerate(lanes):
        fuzzy = {e.id: n for n, e in enumerate(e for e in lane.events if is_fuzzy(e))}
        if fuzzy:
            traces.append(Trace(index, "span", tuple(e for e in lane.events if is_fuzzy(e))))
        if lane.events:
            traces.append(Trace(index, "marks", lane.events))
        for point, event in enumerate(lane.events):
            bar = (len(traces) - 2, fuzzy[event.id]) if event.id in fuzzy else None
            forms = () if event.id in seen else labels.label_forms(event.title)  # titled once
            seen.add(event.id)
            days = event_days(event)
            marks = (len(traces) - 1, point)
            items.append(PlanItem(event, index, marks, bar, forms, *days, mark_day(event)))
    order = sorted(
        range(len(items)),
        key=lambda i: (
            _distance(story, items[i].first, items[i].last),
            items[i].first,
            not items[i].forms,
            items[i].lane,
        ),
    )
    in_time = sorted(range(len(items)), key=lambda i: (items[i].mark, i))
    return Plan([lane.name for lane in lanes], traces, items, in_time, order)


def _distance(story: Story, first: datetime.date, last: datetime.date) -> int:
    """Days between an event's first and last day and the story's own dates (0 within)."""
    return max((story.meta.first_day - last).days, (first - story.meta.last_day).days, 0)


@dataclass(frozen=True)
class View:
    """A view of the chart: its dates from ``left`` to ``right`` over ``width`` px."""

    left: datetime.date
    right: datetime.date
    width: float = PICTURE_PLOT_PX

    def px(self, day: datetime.date) -> float:
        return (day - self.left).days / max((self.right - self.left).days, 1) * self.width


def layout_items(
    plan: Plan, view: View, rows: Sequence[int]
) -> tuple[list[labels.Item], list[labels.Placement]]:
    """Each item's geometry in ``view`` and where the layout rule places it."""
    reserved = [lane_title_width(name) for name in plan.lane_names]
    items = [geometry(item, view) for item in plan.items]
    placed = labels.place_items(
        items, plan.in_time, plan.order, view.width, rows, reserved, count_width
    )
    return items, placed


def count_width(number: int) -> float:
    """The estimated width of the label of a mark that stands for ``number`` events."""
    return labels.text_width(labels.count_label(number))


def geometry(item: PlanItem, view: View) -> labels.Item:
    """Where an item's mark and bar are in ``view``, and its labels' estimated widths."""
    first, last = item.first, item.last
    bar = (view.px(first), view.px(last + datetime.timedelta(days=1))) if item.bar else None
    widths = tuple(labels.text_width(form) for form in item.forms)
    return labels.Item(item.lane, view.px(item.mark), bar, widths, item.event.key)


def lane_title_width(name: str) -> float:
    """What a lane's title takes at the left of its first row, px (estimated)."""
    return labels.GAP / 2 + labels.text_width(name, bold=True)


def rows_used(plan: Plan, placements: Sequence[labels.Placement]) -> list[int]:
    """Rows of each lane: what its items used when the chart opens, within the limits;
    none for a lane with no item in view (it folds away, :func:`lane_tops`)."""
    used = [0] * len(plan.lane_names)
    for item, placed in zip(plan.items, placements, strict=True):
        if placed.shown:
            used[item.lane] = max(used[item.lane], placed.row + 1)
    return [min(MAX_ROWS, max(MIN_ROWS, count)) if count else 0 for count in used]


def rows_in_view(plan: Plan, rows: Sequence[int]) -> list[int]:
    """Rows each lane takes whenever it has an item in view: ``rows``, those it took when
    the chart opened, or :data:`MIN_ROWS` for a lane folded away then (so the chart is
    never taller than with every lane as it opened); none for a lane with no event."""
    has_events = {item.lane for item in plan.items}
    return [count or (MIN_ROWS if lane in has_events else 0) for lane, count in enumerate(rows)]


def lane_tops(rows: Sequence[int]) -> list[int]:
    """Where each lane starts, px from the plot's top, and (last) the plot's height; a
    lane of no rows (no event in view) takes no height: it folds away."""
    tops, top = [], 0
    for count in rows:
        tops.append(top)
        top += count * labels.ROW + LANE_PAD if count else 0
    return [*tops, top]  # the last is the plot's height


def lane_rules(rows: Sequence[int]) -> list[int]:
    """Where a grid line parts two lanes, px from the plot's top (folded lanes have none)."""
    tops = lane_tops(rows)
    shown = [tops[lane] for lane, count in enumerate(rows) if count]
    return shown[1:]


def row_centre(tops: Sequence[int], lane: int, row: int) -> int:
    """The middle of a row of a lane, px from the plot's top."""
    return tops[lane] + LANE_PAD // 2 + row * labels.ROW + labels.ROW // 2

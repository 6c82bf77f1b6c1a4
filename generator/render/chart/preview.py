"""A static SVG of the timeline chart as it opens, drawn from the same Plotly figure.

The picture is a file of its own beside the story's timeline pages
(:data:`generator.render.chart.page.PICTURE_FILE`), written once and drawn by both (the
timeline page and its embeddable twin), each through ``<use>`` elements in an ``<svg>``
of its own. The page shows this picture at once, with or without JavaScript, and on paper;
``timeline.js`` fetches plotly.js and swaps in the interactive chart only when the
reader reaches for it (pointer, touch or keyboard on the chart), so a reader who only
reads never pays for plotly.js. The picture is read off the figure
(:func:`generator.render.chart.figure.timeline_figure_data`): its initial x range, lanes, marks and
their rows, labels, spans, phase bands and titles, so the two cannot disagree.

This module computes the geometry; ``templates/timeline_picture.svg.j2`` writes the
file, whose own style colours it through the custom properties ``timeline.css`` sets for
either scheme (classes ``lane-1`` to ``lane-6``, ``band``, ``grid``, ``muted``), and
``templates/_timeline.md.j2`` the page's ``<svg>``, which places it. The SVG fills the
plot area of a box padded like the figure's margins: x is a percentage of its width (so
it fits any width without scaling its text, and the figure's layout, made for a narrow
phone, holds at any wider width), y is in px (the figure's y axis is in px). Labels hang
from a date by an offset in px, as Plotly's annotations do.
"""

from __future__ import annotations

import datetime
import html
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from generator.render.chart.palette import LANE_COLOURS, SPAN_OPACITY, merge_patch
from generator.render.dates import MONTHS
from generator.render.render import environment

TICK_STEPS = (1, 2, 3, 6, 12, 24, 60, 120, 240, 600)
"""Months between axis labels: the smallest step that gives at most MAX_TICKS labels."""
MAX_TICKS = 5  # labels that fit a 360px-wide phone
MARK_RADIUS = 4.5  # as Plotly draws a size-11 marker with a 2px line


@dataclass(frozen=True)
class Band:
    kind: str
    x: float
    width: float


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Text:
    """A line of text: at ``x`` percent plus ``dx`` px, ``y`` px from the plot's top."""

    text: Markup
    x: float
    dx: float
    y: float
    anchor: str


@dataclass(frozen=True)
class Mark:
    lane: str
    open: bool
    x: float
    y: float
    tooltip: Markup | None
    """None in the layouts for phones, where no reader hovers (:data:`HOVERED_LAYERS`)."""


@dataclass(frozen=True)
class Bar:
    lane: str
    x: float
    width: float
    y: float
    height: float


@dataclass(frozen=True)
class Layer:
    """What a layout places: for a narrow plot (a phone), or a wide one (a desktop)."""

    name: str
    phase_titles: list[Text]
    bars: list[Bar]
    marks: list[Mark]
    labels: list[Text]


@dataclass(frozen=True)
class Picture:
    """Everything the template draws, in the order it draws it."""

    top: int
    left: int
    sides: int
    height: float
    bands: list[Band]
    ticks: list[Tick]
    rules: list[float]
    lane_titles: list[Text]
    layers: list[Layer]


HOVERED_LAYERS = frozenset({"wide", "desktop"})
"""The layouts whose marks carry a tooltip, for readers without JavaScript who point at
them: those a mouse points at, from a tablet's width on. A phone's layouts leave them out,
since nobody hovers on a touch screen: they were a quarter of the picture's bytes."""

Patches = dict[str, Any] | list[tuple[str, dict[str, Any]]] | None
"""The picture's wider layouts: each a layer's name and its patch
(:func:`generator.render.chart.figure.picture_patches`); a single patch is the layer "wide"."""


def preview_svg(figure: dict[str, Any], wide: Patches = None) -> Markup:
    """The figure's opening view as an SVG file; with ``wide``, its layouts for wider
    plots too."""
    return picture_svg(picture(figure, wide))


def picture_svg(drawn: Picture) -> Markup:
    """The picture's SVG file: a group ``base`` and a group a layout, named as it is."""
    template = environment().get_template("timeline_picture.svg.j2")
    text = template.render(picture=drawn, lanes=LANE_COLOURS, span_opacity=SPAN_OPACITY)
    return Markup(text.strip() + "\n")


def picture(figure: dict[str, Any], wide: Patches = None) -> Picture:
    """The geometry of the figure's opening view, in one layout or more."""
    layout = figure["layout"]
    frame = _Frame(*(_date(value) for value in layout["xaxis"]["range"]))
    margin = layout["margin"]
    notes = layout["annotations"]
    layers = [_layer("narrow", frame, figure)]
    patches = [("wide", wide)] if isinstance(wide, dict) else wide or []
    layers += [_layer(name, frame, merge_patch(figure, patch)) for name, patch in patches]
    return Picture(
        top=margin["t"],
        left=margin["l"],
        sides=margin["l"] + margin["r"],
        height=layout["yaxis"]["range"][0],
        bands=list(_bands(frame, layout)),
        ticks=[Tick(_round(frame.x(day)), label) for day, label in _ticks(frame.left, frame.right)],
        rules=list(layout["yaxis"]["tickvals"]),
        lane_titles=[_lane_title(n) for n in notes if _is_lane_title(n) and n["visible"]],
        layers=layers,
    )


def _layer(name: str, frame: _Frame, figure: dict[str, Any]) -> Layer:
    notes = figure["layout"]["annotations"]
    traces = list(zip(figure["data"], _trace_lanes(figure), strict=True))
    return Layer(
        name=name,
        phase_titles=[_phase_title(n) for n in notes if n["yref"] == "paper" and n["visible"]],
        bars=[bar for t, lane in traces if t["type"] == "bar" for bar in _bars(frame, t, lane)],
        marks=[
            m
            for t, lane in traces
            if t["type"] == "scatter"
            for m in _marks(frame, t, lane, tooltips=name in HOVERED_LAYERS)
        ],
        labels=[_label(frame, n) for n in notes if n["xref"] == "x" and n["visible"]],
    )


class _Frame:
    """Where a date falls in the plot area, in percent of its width."""

    def __init__(self, left: datetime.date, right: datetime.date) -> None:
        self.left, self.right = left, right
        self.days = max((right - left).days, 1)

    def x(self, day: datetime.date) -> float:
        return (day - self.left).days / self.days * 100

    def visible(self, day: datetime.date) -> bool:
        return self.left <= day <= self.right


def _trace_lanes(figure: dict[str, Any]) -> list[str]:
    """Each trace's colour class, from the lane of its first item."""
    lanes: dict[int, int] = {}
    for lane, marks, _, bars, _, _, _ in figure["layout"]["meta"]["timeline"]["items"]:
        lanes.setdefault(marks, lane)
        if bars >= 0:
            lanes.setdefault(bars, lane)
    return [f"lane-{lanes.get(t, 0) % LANE_COLOURS + 1}" for t in range(len(figure["data"]))]


def _bands(frame: _Frame, layout: dict[str, Any]) -> Iterator[Band]:
    for index, shape in enumerate(layout.get("shapes", [])):
        x0 = max(frame.x(_date(shape["x0"])), 0.0)
        x1 = min(frame.x(_date(shape["x1"])), 100.0)
        if x1 > x0:
            yield Band("band" if index % 2 == 0 else "band-alt", _round(x0), _round(x1 - x0))


def _ticks(left: datetime.date, right: datetime.date) -> list[tuple[datetime.date, str]]:
    months = (right.year - left.year) * 12 + right.month - left.month
    step = next((s for s in TICK_STEPS if months / s <= MAX_TICKS), TICK_STEPS[-1])
    index = left.year * 12 + left.month - 1  # months since year 0, first of left's month
    index += -index % step  # round up to a multiple of the step
    ticks: list[tuple[datetime.date, str]] = []
    while True:
        day = datetime.date(index // 12, index % 12 + 1, 1)
        if day > right:
            return ticks
        if day >= left:
            label = str(day.year) if step >= 12 else f"{MONTHS[day.month][:3]} {day.year}"
            ticks.append((day, label))
        index += step


def _is_lane_title(note: dict[str, Any]) -> bool:
    return bool(note["xref"] == "paper" and note["yref"] == "y")


def _lane_title(note: dict[str, Any]) -> Text:
    return Text(_text(note["text"]), 0, note["xshift"], note["y"], "start")


def _phase_title(note: dict[str, Any]) -> Text:
    # Above the plot: its baseline a little over the yshift Plotly gives the box's bottom.
    return Text(_text(note["text"]), _round(note["x"] * 100), 0, -(note["yshift"] + 3), "start")


def _label(frame: _Frame, note: dict[str, Any]) -> Text:
    anchor = "start" if note["xanchor"] == "left" else "end"
    x = _round(frame.x(_date(note["x"])))
    return Text(_text(note["text"]), x, note["xshift"], note["y"], anchor)


def _bars(frame: _Frame, trace: dict[str, Any], lane: str) -> Iterator[Bar]:
    """A translucent bar per fuzzy date, from its first to the end of its last day."""
    height = trace["width"]
    for base, length, y in zip(trace["base"], trace["x"], trace["y"], strict=True):
        first = _date(base)
        x0 = max(frame.x(first), 0.0)
        x1 = min(frame.x(first + datetime.timedelta(milliseconds=length)), 100.0)
        if x1 > x0 and y >= 0:  # above the plot: another mark stands for its event
            yield Bar(lane, _round(x0), _round(x1 - x0), y - height / 2, height)


def _marks(frame: _Frame, trace: dict[str, Any], lane: str, *, tooltips: bool) -> Iterator[Mark]:
    """A circle per mark in view, hollow when its date is fuzzy; with ``tooltips``, a
    tooltip of its title and date (or the titles it stands for) for readers without
    JavaScript."""
    marks = zip(
        trace["x"], trace["y"], trace["marker"]["symbol"], trace["customdata"], trace["text"],
        strict=True,
    )  # fmt: skip
    for when, y, symbol, data, group in marks:
        day = _date(when)
        if frame.visible(day) and y >= 0:
            words = _group_words(group) if group else f"{data[1]}, {data[2]}"
            tooltip = _text(words.replace("<br>", " ")) if tooltips else None
            yield Mark(lane, symbol.endswith("-open"), _round(frame.x(day)), y, tooltip)


def _group_words(hover: str) -> str:
    """'3 events: A; B; C. Zoom in to see each', from a group's hover text."""
    for old, new in (("</b><br>", ": "), (";<br>", "; "), ("<br><i>", ". "), ("</i>", "")):
        hover = hover.replace(old, new)
    return hover


def _text(value: str) -> Markup:
    """Plotly's HTML subset (``<b>``, ``<br>``, entities) as plain, escaped text."""
    return escape(html.unescape(value.replace("<b>", "").replace("</b>", "")))


def _round(value: float) -> float:
    return round(value, 2)


def _date(value: str) -> datetime.date:
    return datetime.date.fromisoformat(value[:10])

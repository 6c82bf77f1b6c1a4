"""A static SVG of the timeline chart as it opens, drawn from the same Plotly figure.

The page shows this picture at once, with or without JavaScript, and on paper;
``timeline.js`` fetches plotly.js and swaps in the interactive chart only when the
reader reaches for it (pointer, touch or keyboard on the chart), so a reader who only
reads never pays for plotly.js. The picture is read off the figure
(:func:`generator.charts.timeline_figure_data`): its initial x range, lanes, marks,
title positions, spans, phase bands and both palettes, so the two cannot disagree.

Geometry: the SVG fills the plot area of a box padded like the figure's margins; x
and y are percentages of that area (so it fits any width without scaling its text),
offsets from a mark are in ``em`` of 11px text. All text is unescaped from Plotly's
HTML subset and escaped again for SVG.
"""

from __future__ import annotations

import datetime
import html
from collections.abc import Iterator
from typing import Any

from markupsafe import Markup, escape

from .dates import MONTHS

TICK_STEPS = (1, 2, 3, 6, 12, 24, 60, 120, 240, 600)
"""Months between axis labels: the smallest step that gives at most MAX_TICKS labels."""
MAX_TICKS = 5  # labels that fit a 375px-wide phone
LINE_EM = 1.2  # line height of a mark's title
SPAN_HEIGHT = 0.2  # a span's bar, as a share of its lane (the figure's bar width)


def preview_svg(figure: dict[str, Any]) -> Markup:
    """The figure's opening view as an ``<svg>`` element (one line, no blank lines)."""
    layout = figure["layout"]
    left, right = (_date(value) for value in layout["xaxis"]["range"])
    lanes: list[str] = list(layout["yaxis"]["categoryarray"])
    frame = _Frame(left, right, max(len(lanes), 1))
    margin = layout["margin"]
    # An SVG does not stretch between insets like a box: its size is set outright.
    inset = (
        f"top:{margin['t']}px;left:{margin['l']}px;"
        f"width:calc(100% - {margin['l'] + margin['r']}px);"
        f"height:calc(100% - {margin['t'] + margin['b']}px)"
    )
    parts = [
        '<svg class="timeline-chart__preview" aria-hidden="true" focusable="false" '
        f'style="{inset}">',
        _style(figure),
        *_bands(frame, layout),
        *_axis(frame),
        *(f'<line class="grid" x1="0" x2="100%" y1="{y}" y2="{y}"/>' for y in _lane_ys(frame)),
        *_lane_labels(frame, layout),
        *_phase_labels(frame, layout),
    ]
    for index, trace in enumerate(figure["data"]):
        lane = lanes.index(trace["y"][0]) if trace["y"] else 0
        draw = _spans if trace["type"] == "bar" else _marks
        parts += draw(frame, trace, index, lane)
    parts.append("</svg>")
    return Markup("".join(parts))


class _Frame:
    """Where a date or a lane falls in the plot area, in percent."""

    def __init__(self, left: datetime.date, right: datetime.date, lanes: int) -> None:
        self.left, self.right, self.lanes = left, right, lanes
        self.days = max((right - left).days, 1)

    def x(self, day: datetime.date) -> float:
        return (day - self.left).days / self.days * 100

    def lane(self, index: float) -> float:
        return (index + 0.5) / self.lanes * 100

    def visible(self, day: datetime.date) -> bool:
        return self.left <= day <= self.right


def _style(figure: dict[str, Any]) -> str:
    """Each trace's and label's colours, for Material's light and dark schemes."""
    palettes = figure["layout"]["meta"]["palettes"]
    rules = []
    for scheme, prefix in (("light", ""), ("dark", '[data-md-color-scheme="slate"] ')):
        patch = palettes[scheme]
        font = patch["layout"]["font"]["color"]
        grid = patch["layout"]["xaxis"]["gridcolor"]
        annotations = patch["layout"]["annotations"]
        muted = annotations[0]["font"]["color"] if annotations else font
        scope = f"{prefix}.timeline-chart__preview"
        rules.append(f"{scope}{{color:{font}}}")
        rules.append(f"{scope} .grid{{stroke:{grid}}}")
        rules.append(f"{scope} .muted{{fill:{muted}}}")
        for index, shape in enumerate(patch["layout"].get("shapes", [])):
            rules.append(f"{scope} .band{index}{{fill:{shape['fillcolor']}}}")
        for index, trace in enumerate(patch["data"]):
            marker = trace["marker"]
            rules.append(
                f"{scope} .t{index}{{fill:{marker['color']};stroke:{marker['line']['color']}}}"
            )
            rules.append(f"{scope} .t{index}.open{{fill:none}}")
    return f"<style>{''.join(rules)}</style>"


def _bands(frame: _Frame, layout: dict[str, Any]) -> Iterator[str]:
    for index, shape in enumerate(layout.get("shapes", [])):
        x0 = max(frame.x(_date(shape["x0"])), 0.0)
        x1 = min(frame.x(_date(shape["x1"])), 100.0)
        if x1 > x0:
            yield (
                f'<rect class="band{index}" x="{x0:.2f}%" y="0" '
                f'width="{x1 - x0:.2f}%" height="100%"/>'
            )


def _axis(frame: _Frame) -> Iterator[str]:
    """Grid lines and labels at round months or years, and the axis line."""
    for day, label in _ticks(frame.left, frame.right):
        x = f"{frame.x(day):.2f}%"
        yield f'<line class="grid" x1="{x}" x2="{x}" y1="0" y2="100%"/>'
        yield (
            f'<text class="muted" x="{x}" y="100%" dy="1.6em" text-anchor="middle" '
            f'font-size="12">{label}</text>'
        )
    yield '<line class="grid" x1="0" x2="100%" y1="100%" y2="100%"/>'


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


def _lane_ys(frame: _Frame) -> list[str]:
    return [f"{frame.lane(index):.2f}%" for index in range(frame.lanes)]


def _lane_labels(frame: _Frame, layout: dict[str, Any]) -> Iterator[str]:
    for note in layout.get("annotations", []):
        if note["xref"] == "paper":  # a lane's name, at the top of its lane
            y = (note["y"] + 0.5) / frame.lanes * 100  # its y is the lane's top edge
            yield (
                f'<text class="muted" x="0" y="{y:.2f}%" dx="2" dy="1.1em" font-size="11" '
                f'font-weight="bold">{_text(note["text"])}</text>'
            )


def _phase_labels(frame: _Frame, layout: dict[str, Any]) -> Iterator[str]:
    for note in layout.get("annotations", []):
        if note["xref"] == "x":  # a phase's title, above the plot
            anchor = {"left": "start", "right": "end"}.get(note["xanchor"], "middle")
            x = min(max(frame.x(_date(note["x"])), 0.0), 100.0)
            yield (
                f'<text class="muted" x="{x:.2f}%" y="0" dy="-{note["yshift"] + 3}px" '
                f'text-anchor="{anchor}" font-size="11">{_text(note["text"])}</text>'
            )


def _spans(frame: _Frame, trace: dict[str, Any], index: int, lane: int) -> Iterator[str]:
    """A translucent bar per fuzzy date, from its first to the end of its last day."""
    height = SPAN_HEIGHT / frame.lanes * 100
    y = frame.lane(lane) - height / 2
    for base, length in zip(trace["base"], trace["x"], strict=True):
        first = _date(base)
        x0 = max(frame.x(first), 0.0)
        x1 = min(frame.x(first + datetime.timedelta(milliseconds=length)), 100.0)
        if x1 > x0:
            yield (
                f'<rect class="t{index}" x="{x0:.2f}%" y="{y:.2f}%" width="{x1 - x0:.2f}%" '
                f'height="{height:.2f}%" stroke-width="1.5"/>'
            )


def _marks(frame: _Frame, trace: dict[str, Any], index: int, lane: int) -> Iterator[str]:
    """A circle per event in view, hollow when its date is fuzzy, titled as Plotly does.

    The event's title and date are the mark's tooltip, for readers without JavaScript.
    """
    y = f"{frame.lane(lane):.2f}%"
    marks = zip(
        trace["x"], trace["text"], trace["textposition"], trace["marker"]["symbol"],
        trace["customdata"], strict=True,
    )  # fmt: skip
    for when, text, position, symbol, data in marks:
        day = _date(when)
        if not frame.visible(day):
            continue
        x = f"{frame.x(day):.2f}%"
        hollow = " open" if symbol.endswith("-open") else ""
        tooltip = _text(f"{data[1]}, {data[2]}".replace("<br>", " "))
        yield (
            f'<g class="t{index}{hollow}"><title>{tooltip}</title>'
            f'<circle cx="{x}" cy="{y}" r="4.5" stroke-width="2"/>'
            f"{_title(x, y, text, position)}</g>"
        )


def _title(x: str, y: str, text: str, position: str) -> str:
    """A mark's title, in lines, above or below it and to its right or left."""
    lines = [_text(line) for line in text.split("<br>")]
    row, side = position.split(" ")
    first = -(0.7 + LINE_EM * (len(lines) - 1)) if row == "top" else 1.5
    anchor, dx = ("start", "0.3em") if side == "right" else ("end", "-0.3em")
    spans = "".join(
        f'<tspan x="{x}" dx="{dx}" dy="{first if n == 0 else LINE_EM:.2f}em">{line}</tspan>'
        for n, line in enumerate(lines)
    )
    return f'<text x="{x}" y="{y}" text-anchor="{anchor}" font-size="11">{spans}</text>'


def _text(value: str) -> Markup:
    """Plotly's HTML subset (``<b>``, ``<br>``, entities) as plain, escaped text."""
    return escape(html.unescape(value.replace("<b>", "").replace("</b>", "")))


def _date(value: str) -> datetime.date:
    return datetime.date.fromisoformat(value[:10])

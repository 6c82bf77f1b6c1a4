"""The timeline chart: a Plotly figure built from a story, and its JSON for the page.

Pure functions over the models, no I/O. :func:`timeline_figure` draws every event on a
time axis, one lane per category (or per actor). A day is a point; a month, a year or
an approximate span is a translucent bar from its first to its last possible day with
a hollow marker, so no fuzzy date ever reads as an exact day.

Light and dark mode: the figure's ``layout.meta.palettes`` holds, for ``light`` and
``dark``, a patch ``{"layout": {...}, "data": [{...} per trace]}`` of every colour in
the figure. ``timeline.js`` deep-merges the patch for the reader's scheme into a fresh
copy of the figure (:func:`merge_patch` is the same rule in Python) and calls
``Plotly.react``; ``layout.uirevision`` keeps the reader's pan and zoom.

Text from YAML reaches Plotly, which reads a subset of HTML in hover and mark text, so
every string is HTML-escaped here; :func:`figure_json` then makes the JSON safe inside
``<script type="application/json">``.
"""

from __future__ import annotations

import datetime
import json
import math
import re
import textwrap
from collections.abc import Sequence
from typing import Any, Literal

import plotly.graph_objects as go  # type: ignore[import-untyped]
import plotly.io as pio  # type: ignore[import-untyped]
from plotly.offline import get_plotlyjs_version  # type: ignore[import-untyped]

from .dates import describe_when, format_when
from .models import DateSpan, Event, Story

PLOTLY_BUNDLE = f"assets/vendor/plotly-basic-{get_plotlyjs_version()}.min.js"
"""The vendored plotly.js the figures are written for, relative to the site's root
(``theme/assets/vendor``, written by ``scripts/vendor_plotly.sh``)."""

FONT_FAMILY = "-apple-system, BlinkMacSystemFont, Helvetica, Arial, sans-serif"
"""Material's system font stack (the site sets ``theme.font: false``)."""

OTHER_LANE = "Other"
"""The lane of events without actors when lanes are actors."""

PALETTES: dict[str, dict[str, str]] = {
    "light": {
        "background": "#ffffff",  # Material's default scheme; colours are checked on it
        "text": "#1f2329",
        "muted": "#545b66",
        "grid": "#dde1e6",
        "band": "#eef1f6",
        "band-alt": "#f7f8fa",
        "hover": "#ffffff",
        "lane-1": "#1f5fbf",
        "lane-2": "#b34700",
        "lane-3": "#1d7a4a",
        "lane-4": "#8a3fb0",
        "lane-5": "#a11d48",
        "lane-6": "#006d80",
    },
    "dark": {
        "background": "#1e2129",  # Material's slate scheme
        "text": "#e4e6eb",
        "muted": "#a9afba",
        "grid": "#3a3f4b",
        "band": "#2a2e39",
        "band-alt": "#23262f",
        "hover": "#2d313c",
        "lane-1": "#7db4ff",
        "lane-2": "#ffa066",
        "lane-3": "#5fd39a",
        "lane-4": "#d2a1ff",
        "lane-5": "#ff87a8",
        "lane-6": "#4fd2e6",
    },
}
"""Colours of the chart on Material's light (``default``) and dark (``slate``) schemes."""

SPAN_OPACITY = 0.3
LOOKBACK = datetime.timedelta(days=731)  # events this long before the start open in view
LEAD = datetime.timedelta(days=150)
TITLE_WIDTH = 24  # characters per line of a mark's title
PHONE_PLOT_PX = 340  # width of the plot on a 375px-wide phone: titles are laid out for it
CHAR_PX = 6.5  # average width of a character of 11px text in the system font
HOVER_WIDTH = 44  # characters per line of hover text: fits a 375px-wide phone
HOVER_TEMPLATE = (
    "<b>%{customdata[1]}</b><br>%{customdata[2]}%{customdata[3]}<br>%{customdata[4]}<extra></extra>"
)
_HTML = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))  # "&" first
_SCRIPT_SAFE = (
    ("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
    ("\u2028", "\\u2028"), ("\u2029", "\\u2029"),
)  # fmt: skip

TraceKind = Literal["span", "marks"]


# --- public API ----------------------------------------------------------------------


def timeline_figure(story: Story, *, dark: bool = False) -> go.Figure:
    """The story's timeline as a Plotly figure, coloured for the light or dark scheme."""
    return go.Figure(timeline_figure_data(story, dark=dark))


def timeline_figure_data(story: Story, *, dark: bool = False) -> dict[str, Any]:
    """The figure as plain data, the same as ``timeline_figure(...).to_plotly_json()``.

    The site uses this: plotly's validation of a ``go.Figure`` costs more than building
    the data, and the tests check that both give the same JSON.
    """
    structure = {"data": _traces(story), "layout": _layout(story)}
    figure = merge_patch(structure, palette_patch(story, dark=dark))
    figure["layout"]["meta"] = {
        "palettes": {
            "light": palette_patch(story, dark=False),
            "dark": palette_patch(story, dark=True),
        }
    }
    return dict(figure)


def palette_layout(dark: bool) -> dict[str, Any]:
    """The story-independent colours of the layout: text, axes, hover labels, modebar."""
    p = _palette(dark)
    return {
        "font": {"color": p["text"]},
        "xaxis": {"gridcolor": p["grid"], "linecolor": p["grid"], "tickcolor": p["grid"]},
        "yaxis": {"gridcolor": p["grid"]},
        "hoverlabel": {
            "bgcolor": p["hover"],
            "bordercolor": p["muted"],
            "font": {"color": p["text"]},
        },
        "modebar": {"bgcolor": "rgba(0,0,0,0)", "color": p["muted"], "activecolor": p["text"]},
    }


def palette_patch(story: Story, *, dark: bool) -> dict[str, Any]:
    """Every colour of the story's figure for one scheme: ``{"layout": ..., "data": [...]}``."""
    p = _palette(dark)
    layout = palette_layout(dark)
    layout["shapes"] = [
        {"fillcolor": p["band" if i % 2 == 0 else "band-alt"]} for i in range(len(story.phases))
    ]
    layout["annotations"] = [{"font": {"color": p["muted"]}} for _ in _annotation_slots(story)]
    data = [_trace_colours(_lane_colour(p, lane), kind) for lane, kind, _ in _trace_plan(story)]
    return {"layout": layout, "data": data}


def merge_patch(base: Any, patch: Any) -> Any:
    """``base`` with ``patch`` merged in: dicts by key, lists by index, others replaced.

    timeline.js applies the palettes with the same rule.
    """
    if isinstance(patch, dict) and isinstance(base, dict):
        return {**base, **{k: merge_patch(base.get(k), v) for k, v in patch.items()}}
    if isinstance(patch, list) and isinstance(base, list):
        merged = [merge_patch(b, p) for b, p in zip(base, patch, strict=False)]
        return merged + base[len(patch) :] + patch[len(base) :]
    return patch


def figure_json(figure: go.Figure | dict[str, Any]) -> str:
    """Compact, deterministic JSON of the figure that cannot end a ``<script>`` element."""
    text = json.dumps(
        figure if isinstance(figure, dict) else figure.to_plotly_json(),
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        allow_nan=False,
    )
    return _replace_all(text, _SCRIPT_SAFE)


def text_alternative(story: Story) -> str:
    """One paragraph saying what the chart shows, for its aria-label and figcaption."""
    events = story.events_in_order()
    if not events:
        return "A timeline chart with no events yet."
    last = max(events, key=lambda e: (_days(e)[1], e.id))
    lanes = _lane_events(story)
    counts = [
        f"{lane} ({_count(len(lane_events), 'event')})" for lane, lane_events in lanes.items()
    ]
    text = (
        f"A timeline chart of {_count(len(events), 'event')} "
        f"from {format_when(events[0].date)} to {format_when(last.date)}, "
        f"in {_count(len(lanes), 'lane')} by {story.lanes}: {_join(counts)}."
    )
    if story.phases:
        titles = [phase.title for phase in story.phases]
        text += f" Shaded bands mark {_count(len(titles), 'phase')}: {_join(titles)}."
    return text


def lane_names(story: Story) -> list[str]:
    """The chart's lanes, top to bottom: categories in their order, or actors with events."""
    return list(_lane_events(story))


def initial_range(story: Story) -> tuple[datetime.date, datetime.date]:
    """The x range the chart opens on: the story and its recent lead-up, with a margin.

    Older events (a war decades earlier) stay on the chart, reachable by pan or zoom.
    """
    start, end = story.meta.first_day, story.meta.last_day
    recent = [e.first_day for e in story.events if start - LOOKBACK <= e.first_day <= start]
    after = [_days(e)[1] for e in story.events if end <= _days(e)[1] <= end + LOOKBACK / 2]
    left, right = min([start - LEAD, *recent]), max([end, *after])
    pad = datetime.timedelta(days=max(14, (right - left).days // 20))
    return left - pad, right + pad


def is_fuzzy(event: Event) -> bool:
    """Whether the event's date is wider than a day (a month, a year or a span)."""
    return isinstance(event.date, DateSpan) or event.date.precision != "day"


# --- lanes and traces ----------------------------------------------------------------


def _lane_events(story: Story) -> dict[str, list[Event]]:
    if story.lanes == "category":
        lanes: dict[str, list[Event]] = {c.name: [] for c in story.categories}
        names = {c.id: c.name for c in story.categories}
        for event in story.events_in_order():
            lanes.setdefault(names[event.category], []).append(event)
        return lanes
    by_actor: dict[str, list[Event]] = {a.id: [] for a in story.actors}
    for event in story.events_in_order():
        for actor_id in event.actors or [""]:
            by_actor.setdefault(actor_id, []).append(event)
    return {
        story.actor(actor_id).name if actor_id else OTHER_LANE: events
        for actor_id, events in sorted(by_actor.items(), key=lambda item: item[0] == "")
        if events
    }


def _trace_plan(story: Story) -> list[tuple[int, TraceKind, list[Event]]]:
    """(lane index, kind, events) of each trace, in the figure's order."""
    plan: list[tuple[int, TraceKind, list[Event]]] = []
    for index, events in enumerate(_lane_events(story).values()):
        fuzzy = [e for e in events if is_fuzzy(e)]
        if fuzzy:
            plan.append((index, "span", fuzzy))
        if events:
            plan.append((index, "marks", events))
    return plan


def _traces(story: Story) -> list[dict[str, Any]]:
    lanes = lane_names(story)
    window = initial_range(story)
    return [
        _span_trace(story, lanes[index], events)
        if kind == "span"
        else _marks_trace(story, lanes[index], events, window)
        for index, kind, events in _trace_plan(story)
    ]


def _span_trace(story: Story, lane: str, events: list[Event]) -> dict[str, Any]:
    """A horizontal bar per fuzzy event, from its first day to the end of its last day."""
    days = [_days(e) for e in events]
    return {
        "type": "bar",
        "orientation": "h",
        "name": f"{lane} (approximate dates)",
        "y": [lane] * len(events),
        "base": [first.isoformat() for first, _ in days],
        "x": [((last - first).days + 1) * 86_400_000 for first, last in days],
        "width": 0.2,
        "marker": {"line": {"width": 1.5}},
        "textposition": "none",
        "customdata": [_customdata(story, e) for e in events],
        "hovertemplate": HOVER_TEMPLATE,
    }


def _marks_trace(
    story: Story, lane: str, events: list[Event], window: tuple[datetime.date, datetime.date]
) -> dict[str, Any]:
    """A marker per event with its title beside it: solid for a day, hollow when fuzzy."""
    xs = [_mark_day(e) for e in events]
    return {
        "type": "scatter",
        "mode": "markers+text",
        "name": lane,
        "x": [x.isoformat() for x in xs],
        "y": [lane] * len(events),
        "text": [_wrap(e.title, TITLE_WIDTH) for e in events],
        "textposition": _text_positions(story, lane, events, window),
        "textfont": {"size": 11},
        "marker": {
            "size": 11,
            "symbol": ["circle-open" if is_fuzzy(e) else "circle" for e in events],
            "line": {"width": 2},
        },
        "customdata": [_customdata(story, e) for e in events],
        "hovertemplate": HOVER_TEMPLATE,
    }


def _customdata(story: Story, event: Event) -> list[str]:
    """[id, title, date wording, '<br>Who: ...' or '', description], HTML-escaped."""
    names = ", ".join(story.actor(a).name for a in event.actors)
    who = f"<br>{_wrap(f'Who: {names}', HOVER_WIDTH)}" if names else ""
    return [
        event.id,
        _wrap(event.title, HOVER_WIDTH),
        _wrap(describe_when(event.date), HOVER_WIDTH),
        who,
        _wrap(event.description, HOVER_WIDTH),
    ]


def _text_positions(
    story: Story, lane: str, events: list[Event], window: tuple[datetime.date, datetime.date]
) -> list[str]:
    """Where each title goes, laid out for a phone's width so titles rarely overprint.

    The story's own events are placed first, then the others from the nearest in time.
    A title goes right of its mark (left of it in the right part of the view, so it
    stays in the plot), above the mark or else below, or else on the other side if it
    fits there. If nothing is free it takes the row whose marks are furthest away, which
    zooming in separates. The lane's own label holds the start of the top row.
    """
    left, right = window
    span = (right - left).days
    per_px = span / PHONE_PLOT_PX  # days per pixel when the chart opens on a phone
    rows: dict[str, list[tuple[float, float, float]]] = {  # (from, to, mark) per title
        "top": [(0, (len(lane) * CHAR_PX + 8) * per_px, -math.inf)],
        "bottom": [],
    }
    positions = [""] * len(events)
    for i in sorted(range(len(events)), key=lambda i: (_distance(story, events[i]), i)):
        at = (_mark_day(events[i]) - left).days
        width = (max(map(len, textwrap.wrap(events[i].title, TITLE_WIDTH))) * CHAR_PX + 8) * per_px
        preferred = "left" if at > 0.6 * span else "right"
        extents = {"right": (at, at + width), "left": (at - width, at)}
        choices = [
            (row, side)
            for side in (preferred, "right" if preferred == "left" else "left")
            for row in ("top", "bottom")
            if (side == preferred or 0 <= extents[side][0] <= extents[side][1] <= span)
            and all(
                end < extents[side][0] or start > extents[side][1] for start, end, _ in rows[row]
            )
        ]
        row, side = choices[0] if choices else (_furthest_row(rows, at), preferred)
        rows[row].append((*extents[side], at))
        positions[i] = f"{row} {side}"
    return positions


def _furthest_row(rows: dict[str, list[tuple[float, float, float]]], at: float) -> str:
    return max(
        rows, key=lambda row: min((abs(at - mark) for *_, mark in rows[row]), default=math.inf)
    )


def _distance(story: Story, event: Event) -> int:
    """Days between the event and the story's own dates (0 within them)."""
    first, last = _days(event)
    return max((story.meta.first_day - last).days, (first - story.meta.last_day).days, 0)


def _trace_colours(colour: str, kind: TraceKind) -> dict[str, Any]:
    if kind == "span":
        return {"marker": {"color": _rgba(colour, SPAN_OPACITY), "line": {"color": colour}}}
    return {"marker": {"color": colour, "line": {"color": colour}}}


# --- layout --------------------------------------------------------------------------


_NO_TEMPLATE: dict[str, Any] = pio.templates["none"].to_plotly_json()
"""Plotly's "none" template, as go.Figure expands it."""


def _layout(story: Story) -> dict[str, Any]:
    lanes = lane_names(story)
    left, right = initial_range(story)
    return {
        "template": _NO_TEMPLATE,  # keeps plotly.py's large default template out of the page
        "font": {"family": FONT_FAMILY, "size": 12},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        # The top margin holds the modebar and, below it, two rows of phase titles.
        "margin": {"l": 8, "r": 8, "t": 64, "b": 28, "pad": 0},
        "autosize": True,
        "showlegend": False,
        "dragmode": "pan",
        "hovermode": "closest",
        "barmode": "overlay",
        "hoverlabel": {"align": "left"},
        "uirevision": story.id,
        "xaxis": {
            "type": "date",
            "range": [left.isoformat(), right.isoformat()],
            "showgrid": True,
            "showline": True,
            "ticks": "outside",
            "zeroline": False,
        },
        "yaxis": {
            "type": "category",
            "categoryorder": "array",
            "categoryarray": lanes,
            "range": [max(len(lanes), 1) - 0.5, -0.5],  # first lane on top
            "fixedrange": True,
            "showticklabels": False,
            "zeroline": False,
        },
        "shapes": [
            _phase_band(phase.start.first_day, phase.end.last_day) for phase in story.phases
        ],
        "annotations": _annotations(story, lanes, (left, right)),
    }


def _phase_band(first: datetime.date, last: datetime.date) -> dict[str, Any]:
    return {
        "type": "rect",
        "xref": "x",
        "yref": "paper",
        "x0": first.isoformat(),
        "x1": (last + datetime.timedelta(days=1)).isoformat(),
        "y0": 0,
        "y1": 1,
        "layer": "below",
        "line": {"width": 0},
    }


def _annotation_slots(story: Story) -> list[str]:
    """One entry per annotation, in order: a label per phase, then per lane."""
    return [p.id for p in story.phases] + lane_names(story)


def _annotations(
    story: Story, lanes: Sequence[str], window: tuple[datetime.date, datetime.date]
) -> list[dict[str, Any]]:
    phases = [
        _phase_label(i, phase.title, (phase.start.first_day, phase.end.last_day), window)
        for i, phase in enumerate(story.phases)
    ]
    return phases + [_lane_label(i, lane) for i, lane in enumerate(lanes)]


def _phase_label(
    index: int,
    title: str,
    days: tuple[datetime.date, datetime.date],
    window: tuple[datetime.date, datetime.date],
) -> dict[str, Any]:
    # Centre the title on the part of the phase in view when the chart opens, anchored
    # inwards near the edges; consecutive titles alternate between two rows.
    left, right = window
    first, last = days
    if first <= right and last >= left:
        first, last = max(first, left), min(last, right)
    at = first + (last - first) / 2
    share = (at - left) / (right - left)
    anchor = "left" if share < 0.2 else "right" if share > 0.8 else "center"
    return {
        "text": _escape(title),
        "xref": "x",
        "yref": "paper",
        "x": at.isoformat(),
        "y": 1,
        "xanchor": anchor,
        "yanchor": "bottom",
        "yshift": 2 + 15 * (index % 2),
        "showarrow": False,
        "font": {"size": 11},
    }


def _lane_label(index: int, lane: str) -> dict[str, Any]:
    return {
        "text": f"<b>{_escape(lane)}</b>",
        "xref": "paper",
        "yref": "y",
        "x": 0,
        "y": index - 0.5,  # the top edge of the lane (the axis runs downwards)
        "xanchor": "left",
        "yanchor": "top",
        "showarrow": False,
        "font": {"size": 11},
    }


# --- small helpers -------------------------------------------------------------------


def _days(event: Event) -> tuple[datetime.date, datetime.date]:
    """The first and last day the event's date can mean."""
    date = event.date
    if isinstance(date, DateSpan):
        return date.start.first_day, date.end.last_day
    return date.first_day, date.last_day


def _mark_day(event: Event) -> datetime.date:
    first, last = _days(event)
    return first + (last - first) / 2


def _palette(dark: bool) -> dict[str, str]:
    return PALETTES["dark" if dark else "light"]


def _lane_colour(palette: dict[str, str], index: int) -> str:
    lanes = sorted(key for key in palette if key.startswith("lane-"))
    return palette[lanes[index % len(lanes)]]


def _rgba(hex_colour: str, alpha: float) -> str:
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


def _escape(text: str) -> str:
    return _replace_all(text, _HTML)


def _replace_all(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    # A str.replace per pair: several times faster than str.translate with a dict.
    for old, new in pairs:
        if old in text:
            text = text.replace(old, new)
    return text


_ASCII_SPACE = re.compile(r"[\t\n\x0b\x0c\r ]+")  # as textwrap: other spaces stay in words


def _wrap(text: str, width: int) -> str:
    """Escaped text in lines of at most ``width`` characters (longer words stand alone)."""
    words = [word for word in _ASCII_SPACE.split(text) if word]
    if not words:
        return _escape(text)
    if len(text) <= width:  # one line (collapsing spaces only shortens it)
        return _escape(" ".join(words))
    lines: list[str] = []
    line, length = [words[0]], len(words[0])
    for word in words[1:]:
        if length + 1 + len(word) <= width:
            line.append(word)
            length += 1 + len(word)
        else:
            lines.append(" ".join(line))
            line, length = [word], len(word)
    lines.append(" ".join(line))
    return "<br>".join(map(_escape, lines))


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _join(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"

"""The timeline chart: a Plotly figure built from a story, and its JSON for the page.

Pure functions over the models, no I/O. :func:`timeline_figure_data` draws every event
on a time axis, in the lanes of :mod:`generator.chart_lanes`. A day is a point; a month, a
year or an approximate span is a translucent bar from its first to its last possible day
with a hollow mark, so no fuzzy date ever reads as an exact day.

**The opening view.** The chart opens on the story and its lead-up (:func:`initial_range`),
and counts under the plot the events before and after that view, each count a link that
pans there (:mod:`generator.chart_description`). On a 375 px phone the plot is about 330 px
wide: the whole span of the first story (1950 to 2019) would put five of its seven events
within 7 px of each other; a range slider would take 40 px of height for a strip whose
handles are smaller than a finger, and Plotly's ``rangebreaks`` would hide how far apart
events are and break the date ticks. The counts keep the story legible and every event
accounted for; Autoscale shows the whole span.

**Lanes and labels.** The plot's y axis is in pixels: each lane has a few sub-rows
:data:`~generator.chart_labels.ROW` px apart, as many as its densest stretch needs on a
phone when the chart opens. Where marks and labels go is :mod:`generator.chart_labels`'
rule; the figure carries its result for a :data:`PICTURE_PLOT_PX`-wide plot (the static
picture's) and, in ``layout.meta.timeline``, what ``timeline-chart.js`` needs to run the
rule again at the reader's width after every change of view. Labels are annotations; a
label that does not fit is shortened or hidden, and the full title is in the mark's
tooltip and in the list.

Text from YAML reaches Plotly, which reads a subset of HTML in hover and annotation text,
so it is HTML-escaped here; :func:`figure_json` then makes the JSON safe inside a
``<script>`` element.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go  # type: ignore[import-untyped]
import plotly.io as pio  # type: ignore[import-untyped]
from plotly.offline import get_plotlyjs_version  # type: ignore[import-untyped]

from . import chart_labels as labels
from .chart_lanes import chart_lanes, event_days, is_fuzzy, mark_day
from .chart_palette import NoteKind, TraceKind, merge_patch, palette_patch
from .dates import describe_when
from .models import Event, Story

PLOTLY_BUNDLE = f"assets/vendor/plotly-basic-{get_plotlyjs_version()}.min.js"
"""The vendored plotly.js the figures are written for, relative to the site's root
(``theme/assets/vendor``, written by ``scripts/vendor_plotly.sh``)."""

FONT_FAMILY = "-apple-system, BlinkMacSystemFont, Helvetica, Arial, sans-serif"
"""Material's system font stack (the site sets ``theme.font: false``)."""

MARGIN = {"l": 8, "r": 8, "t": 64, "b": 28, "pad": 0}
"""Around the plot, px: the top holds the modebar and two rows of phase titles, the
bottom the date labels."""
PICTURE_PLOT_PX = 312
"""Width of the plot on a 360 px phone, the narrowest common one: the layout carried by
the figure (and drawn by the static picture) is made for it, and holds at any wider
width, since marks only move apart as the plot widens."""
WIDE_PLOT_PX = 640
"""Width of the plot in a desktop's column (from about 1220 px of window): the static
picture has a second layout made for it (:func:`wide_patch`), shown from that width on."""
LANE_PAD = 8
"""Space in a lane above its first row and below its last, px (half each)."""
MIN_ROWS, MAX_ROWS = 2, 4
"""Sub-rows of a lane with events: what its densest stretch needs, within these."""
LOOKBACK = datetime.timedelta(days=731)  # events this long before the start open in view
LEAD = datetime.timedelta(days=150)
BAR_PX = 4
BAR_BELOW = 9
"""A fuzzy date's bar: its thickness, and how far under its row's middle it runs, px, so
that it underlines the mark and the labels of its row instead of crossing them."""
HIDDEN_Y = -2 * labels.ROW
"""Where a mark that another stands for is put: above the plot, out of sight."""
PHASE_ROW_PX = 15
"""Distance between the two rows of phase titles."""
HOVER_WIDTH = 44  # characters per line of hover text: fits a 375px-wide phone
HOVER_TEMPLATE = (
    "<b>%{customdata[1]}</b><br>%{customdata[2]}%{customdata[3]}<br>%{customdata[4]}<extra></extra>"
)
GROUP_TEMPLATE = "%{text}<extra></extra>"
"""The hover of a mark that stands for several events (see :func:`group_hover`)."""
GROUP_ZOOM, GROUP_SAME_DAY = "Zoom in to see each", "All on the same day: see the list"
_HTML = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))  # "&" first
_SCRIPT_SAFE = (
    ("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
    ("\u2028", "\\u2028"), ("\u2029", "\\u2029"),
)  # fmt: skip


# --- public API ----------------------------------------------------------------------


def timeline_figure(story: Story, *, dark: bool = False) -> go.Figure:
    """The story's timeline as a Plotly figure, coloured for the light or dark scheme."""
    return go.Figure(timeline_figure_data(story, dark=dark))


def timeline_figure_data(story: Story, *, dark: bool = False) -> dict[str, Any]:
    """The figure as plain data, the same as ``timeline_figure(...).to_plotly_json()``.

    The site uses this: plotly's validation of a ``go.Figure`` costs more than building
    the data, and the tests check that both give the same JSON.
    """
    plan = _plan(story)
    kinds: list[tuple[int, TraceKind]] = [(t.lane, t.kind) for t in plan.traces]
    counts: dict[NoteKind, int] = {
        "phase": len(story.phases),
        "lane": len(plan.lane_names),
        "label": len(plan.items),
    }
    notes = [kind for kind, number in counts.items() for _ in range(number)]
    light = palette_patch(kinds, len(story.phases), notes, dark=False)
    dark_patch = palette_patch(kinds, len(story.phases), notes, dark=True)
    figure = merge_patch(_figure(story, plan), dark_patch if dark else light)
    figure["layout"]["meta"]["palettes"] = {"light": light, "dark": dark_patch}
    return dict(figure)


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


def initial_range(story: Story) -> tuple[datetime.date, datetime.date]:
    """The x range the chart opens on: the story and its recent lead-up, with a margin.

    Older events (a war decades earlier) stay on the chart, counted under it and
    reachable by the count's link, by pan, zoom or Autoscale.
    """
    start, end = story.meta.first_day, story.meta.last_day
    recent = [e.first_day for e in story.events if start - LOOKBACK <= e.first_day <= start]
    after = [
        event_days(e)[1] for e in story.events if end <= event_days(e)[1] <= end + LOOKBACK / 2
    ]
    left, right = min([start - LEAD, *recent]), max([end, *after])
    pad = datetime.timedelta(days=max(14, (right - left).days // 20))
    return left - pad, right + pad


def lane_names(story: Story) -> list[str]:
    """The chart's lanes, top to bottom."""
    return [lane.name for lane in chart_lanes(story)]


# --- the plan: traces, items and the order they are placed in -------------------------


@dataclass(frozen=True)
class _Trace:
    lane: int
    kind: TraceKind
    events: tuple[Event, ...]


@dataclass(frozen=True)
class _Item:
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
class _Plan:
    lane_names: list[str]
    traces: list[_Trace]
    items: list[_Item]
    in_time: list[int]  # items in time order: their marks are placed in it
    order: list[int]  # items in the order their labels are placed


def _plan(story: Story) -> _Plan:
    lanes = chart_lanes(story)
    traces: list[_Trace] = []
    items: list[_Item] = []
    seen: set[str] = set()
    for index, lane in enumerate(lanes):
        fuzzy = {e.id: n for n, e in enumerate(e for e in lane.events if is_fuzzy(e))}
        if fuzzy:
            traces.append(_Trace(index, "span", tuple(e for e in lane.events if is_fuzzy(e))))
        if lane.events:
            traces.append(_Trace(index, "marks", lane.events))
        for point, event in enumerate(lane.events):
            bar = (len(traces) - 2, fuzzy[event.id]) if event.id in fuzzy else None
            forms = () if event.id in seen else labels.label_forms(event.title)  # titled once
            seen.add(event.id)
            days = event_days(event)
            marks = (len(traces) - 1, point)
            items.append(_Item(event, index, marks, bar, forms, *days, mark_day(event)))
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
    return _Plan([lane.name for lane in lanes], traces, items, in_time, order)


def _distance(story: Story, first: datetime.date, last: datetime.date) -> int:
    """Days between an event's first and last day and the story's own dates (0 within)."""
    return max((story.meta.first_day - last).days, (first - story.meta.last_day).days, 0)


# --- the layout for the picture's width ------------------------------------------------


@dataclass(frozen=True)
class _View:
    """The opening view at the picture's width: px of each date."""

    left: datetime.date
    right: datetime.date
    width: float = PICTURE_PLOT_PX

    def px(self, day: datetime.date) -> float:
        return (day - self.left).days / max((self.right - self.left).days, 1) * self.width


def _layout_items(
    plan: _Plan, view: _View, rows: Sequence[int]
) -> tuple[list[labels.Item], list[labels.Placement]]:
    reserved = [_lane_title_width(name) for name in plan.lane_names]
    items = [_geometry(item, view) for item in plan.items]
    placed = labels.place_items(
        items, plan.in_time, plan.order, view.width, rows, reserved, _count_width
    )
    return items, placed


def _count_width(number: int) -> float:
    return labels.text_width(labels.count_label(number))


def _geometry(item: _Item, view: _View) -> labels.Item:
    first, last = item.first, item.last
    bar = (view.px(first), view.px(last + datetime.timedelta(days=1))) if item.bar else None
    widths = tuple(labels.text_width(form) for form in item.forms)
    return labels.Item(item.lane, view.px(item.mark), bar, widths)


def _lane_title_width(name: str) -> float:
    return labels.GAP / 2 + labels.text_width(name, bold=True)


def _rows(plan: _Plan, placements: Sequence[labels.Placement]) -> list[int]:
    """Rows of each lane: what its items used when the chart opens, within the limits."""
    used = [0] * len(plan.lane_names)
    for item, placed in zip(plan.items, placements, strict=True):
        used[item.lane] = max(used[item.lane], placed.row + 1 if placed.shown else 1)
    has_events = {item.lane for item in plan.items}
    return [
        min(MAX_ROWS, max(MIN_ROWS, count)) if lane in has_events else 1
        for lane, count in enumerate(used)
    ]


def _lane_tops(rows: Sequence[int]) -> list[int]:
    tops, top = [], 0
    for count in rows:
        tops.append(top)
        top += count * labels.ROW + LANE_PAD
    return [*tops, top]  # the last is the plot's height


def _row_centre(tops: Sequence[int], lane: int, row: int) -> int:
    return tops[lane] + LANE_PAD // 2 + row * labels.ROW + labels.ROW // 2


# --- the figure ----------------------------------------------------------------------


_NO_TEMPLATE: dict[str, Any] = pio.templates["none"].to_plotly_json()
"""Plotly's "none" template, as go.Figure expands it."""


def _figure(story: Story, plan: _Plan) -> dict[str, Any]:
    view = _View(*initial_range(story))
    # Laid out with the most rows a lane may have; each lane then gets the rows it used,
    # which changes no placement (none went beyond them), so the layout is kept.
    _, placements = _layout_items(plan, view, [MAX_ROWS] * len(plan.lane_names))
    rows = _rows(plan, placements)
    tops = _lane_tops(rows)
    hover = {event.id: _customdata(story, event) for event in story.events}
    data = [_trace(story, trace, hover) for trace in plan.traces]
    layout = _layout(story, plan, view, tops)
    layout["annotations"] += _arrange(plan, view, rows, data, placements)
    layout["meta"] = {"timeline": _model(story, plan, rows, tops)}
    return {"data": data, "layout": layout}


def wide_patch(story: Story, figure: dict[str, Any]) -> dict[str, Any]:
    """The figure laid out for a :data:`WIDE_PLOT_PX`-wide plot, as a patch for
    :func:`~generator.chart_palette.merge_patch`: each trace's heights and group hovers,
    the phase titles and the labels. The static picture draws it as its second layout,
    shown where the chart is that wide (a desktop's column), so that a wide screen shows
    the labels a phone has no room for before any script runs."""
    plan = _plan(story)
    view = _View(*initial_range(story), WIDE_PLOT_PX)
    rows = [lane["rows"] for lane in figure["layout"]["meta"]["timeline"]["lanes"]]
    data = [  # copies of what _arrange changes: the figure stays as it is
        {
            **trace,
            "y": list(trace["y"]),
            "text": [""] * len(trace["x"]) if "text" in trace else [],
            "hovertemplate": HOVER_TEMPLATE,
        }
        for trace in figure["data"]
    ]
    labels_ = _arrange(plan, view, rows, data)
    notes = _phase_titles(story, view) + _lane_titles(plan, _lane_tops(rows)) + labels_
    patch = [{"y": trace["y"], "text": trace["text"]} for trace in data]
    return {"data": patch, "layout": {"annotations": notes}}


def _arrange(
    plan: _Plan,
    view: _View,
    rows: Sequence[int],
    data: list[dict[str, Any]],
    placements: Sequence[labels.Placement] | None = None,
) -> list[dict[str, Any]]:
    """Lays the items out in ``view`` (unless ``placements`` are given): sets each mark's
    and bar's height in ``data`` (and the hover of a mark that stands for several), and
    returns the labels."""
    if placements is None:
        _, placements = _layout_items(plan, view, rows)
    tops = _lane_tops(rows)
    ys = [
        HIDDEN_Y if p.host is not None else _row_centre(tops, it.lane, p.row)
        for it, p in zip(plan.items, placements, strict=True)
    ]
    for index, (item, placed, y) in enumerate(zip(plan.items, placements, ys, strict=True)):
        data[item.marks[0]]["y"][item.marks[1]] = y
        if item.bar:
            data[item.bar[0]]["y"][item.bar[1]] = y + BAR_BELOW
        if placed.group > 1:
            _stand_for_group(data, plan, placements, index)
    return [
        _label(item, placed, y) for item, placed, y in zip(plan.items, placements, ys, strict=True)
    ]


def _stand_for_group(
    data: list[dict[str, Any]], plan: _Plan, placements: Sequence[labels.Placement], index: int
) -> None:
    """A mark that stands for several events: its hover names them all (its ``text``)."""
    host = plan.items[index]
    group = [host] + [it for it, p in zip(plan.items, placements, strict=True) if p.host == index]
    trace = data[host.marks[0]]
    titles = [data[it.marks[0]]["customdata"][it.marks[1]][1] for it in group]
    same_day = len({it.mark for it in group}) == 1
    hint = GROUP_SAME_DAY if same_day else GROUP_ZOOM
    trace["text"][host.marks[1]] = group_hover(len(group), titles, hint)
    if isinstance(trace["hovertemplate"], str):
        trace["hovertemplate"] = [trace["hovertemplate"]] * len(trace["x"])
    trace["hovertemplate"][host.marks[1]] = GROUP_TEMPLATE


def group_hover(number: int, titles: Sequence[str], hint: str) -> str:
    """The hover text of a mark that stands for ``number`` events (titles escaped)."""
    return f"<b>{labels.count_label(number)}</b><br>{';<br>'.join(titles)}<br><i>{hint}</i>"


def _trace(story: Story, trace: _Trace, hover: dict[str, list[str]]) -> dict[str, Any]:
    """A trace of a lane; its points' heights (rows) are filled in by the layout."""
    ys = [0.0] * len(trace.events)
    if trace.kind == "span":
        return _span_trace(trace.events, ys, hover)
    return _marks_trace(trace.events, ys, hover)


def _span_trace(
    events: Sequence[Event], ys: list[float], hover: dict[str, list[str]]
) -> dict[str, Any]:
    """A horizontal bar per fuzzy event, from its first day to the end of its last day."""
    days = [event_days(e) for e in events]
    return {
        "type": "bar",
        "orientation": "h",
        "y": ys,
        "base": [first.isoformat() for first, _ in days],
        "x": [((last - first).days + 1) * 86_400_000 for first, last in days],
        "width": BAR_PX,
        "marker": {"line": {"width": 1}},
        "textposition": "none",
        "customdata": [hover[e.id] for e in events],
        "hovertemplate": HOVER_TEMPLATE,
    }


def _marks_trace(
    events: Sequence[Event], ys: list[float], hover: dict[str, list[str]]
) -> dict[str, Any]:
    """A mark per event: solid for a day, hollow when the date is fuzzy."""
    return {
        "type": "scatter",
        "mode": "markers",
        "x": [mark_day(e).isoformat() for e in events],
        "y": ys,
        "text": [""] * len(events),  # a group's hover, on a mark that stands for several
        "marker": {
            "size": 2 * labels.RADIUS,
            "symbol": ["circle-open" if is_fuzzy(e) else "circle" for e in events],
            "line": {"width": 2},
        },
        "customdata": [hover[e.id] for e in events],
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


def _layout(story: Story, plan: _Plan, view: _View, tops: Sequence[int]) -> dict[str, Any]:
    height = tops[-1]
    return {
        "template": _NO_TEMPLATE,  # keeps plotly.py's large default template out of the page
        "font": {"family": FONT_FAMILY, "size": 12},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "margin": MARGIN,
        "height": height + MARGIN["t"] + MARGIN["b"],
        "autosize": True,
        "showlegend": False,
        "dragmode": "pan",
        "hovermode": "closest",
        "barmode": "overlay",
        "hoverlabel": {"align": "left"},
        "uirevision": story.id,
        "xaxis": {
            "type": "date",
            "range": [view.left.isoformat(), view.right.isoformat()],
            "showgrid": True,
            "showline": True,
            "ticks": "outside",
            "zeroline": False,
        },
        "yaxis": {
            "type": "linear",
            "range": [height, 0],  # px from the top of the plot
            "fixedrange": True,
            "showticklabels": False,
            "ticks": "",
            "tickmode": "array",
            "tickvals": list(tops[1:-1]),  # a grid line between lanes
            "showgrid": True,
            "zeroline": False,
        },
        "shapes": [_phase_band(p.start.first_day, p.end.last_day) for p in story.phases],
        "annotations": _phase_titles(story, view) + _lane_titles(plan, tops),
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


def _phase_titles(story: Story, view: _View) -> list[dict[str, Any]]:
    """A title per phase, above the plot, placed by the labels' rule (None: hidden)."""
    bands = [_band_px(p.start.first_day, p.end.last_day, view) for p in story.phases]
    forms = [labels.label_forms(p.title) for p in story.phases]
    widths = [tuple(labels.text_width(f) for f in fs) for fs in forms]
    placed = labels.place_phase_titles(bands, widths, _phase_order(story), view.width)
    return [_phase_title(fs, title, view.width) for fs, title in zip(forms, placed, strict=True)]


def _band_px(first: datetime.date, last: datetime.date, view: _View) -> tuple[float, float]:
    return view.px(first), view.px(last + datetime.timedelta(days=1))


def _phase_order(story: Story) -> list[int]:
    """Phases by how near they are to the story's own dates: the story's own first."""
    start, end = story.meta.first_day, story.meta.last_day

    def distance(index: int) -> int:
        phase = story.phases[index]
        return max((start - phase.end.last_day).days, (phase.start.first_day - end).days, 0)

    return sorted(range(len(story.phases)), key=lambda i: (distance(i), i))


def _phase_title(forms: Sequence[str], title: labels.Title | None, width: float) -> dict[str, Any]:
    return {
        "text": _escape(forms[title.form] if title else forms[0]),
        "visible": title is not None,
        "xref": "paper",
        "yref": "paper",
        "x": round(title.start / width, 4) if title else 0,
        "y": 1,
        "xanchor": "left",
        "yanchor": "bottom",
        "yshift": 3 + PHASE_ROW_PX * (title.row if title else 0),
        "showarrow": False,
        "borderpad": 0,
        "font": {"size": labels.FONT_SIZE},
    }


def _lane_titles(plan: _Plan, tops: Sequence[int]) -> list[dict[str, Any]]:
    return [
        {
            "text": f"<b>{_escape(name)}</b>",
            "xref": "paper",
            "yref": "y",
            "x": 0,
            "xshift": labels.GAP / 2,
            "y": _row_centre(tops, lane, 0),
            "xanchor": "left",
            "yanchor": "middle",
            "showarrow": False,
            "borderpad": 0,
            "font": {"size": labels.FONT_SIZE},
        }
        for lane, name in enumerate(plan.lane_names)
    ]


def _label(item: _Item, placed: labels.Placement, y: float) -> dict[str, Any]:
    """An item's label beside its mark: a form of its title, its group's count, or none."""
    right = placed.side == "right"
    if placed.form == labels.COUNT:
        text = labels.count_label(placed.group)
    else:
        text = item.forms[placed.form or 0] if item.forms else ""
    return {
        "text": _escape(text),
        "visible": placed.shown and placed.form is not None,
        "xref": "x",
        "yref": "y",
        "x": item.mark.isoformat(),
        "xshift": (1 if right else -1) * (labels.RADIUS + labels.GAP),
        "y": y,
        "xanchor": "left" if right else "right",
        "yanchor": "middle",
        "showarrow": False,
        "borderpad": 0,
        "font": {"size": labels.FONT_SIZE},
    }


def _model(story: Story, plan: _Plan, rows: Sequence[int], tops: Sequence[int]) -> dict[str, Any]:
    """What timeline-chart.js needs to lay the chart out again at the reader's width."""
    phases = len(story.phases)
    lanes = len(plan.lane_names)
    return {
        "row": labels.ROW,
        "target": labels.TARGET,
        "radius": labels.RADIUS,
        "gap": labels.GAP,
        "lanePad": LANE_PAD,
        "phaseRow": PHASE_ROW_PX,
        "barBelow": BAR_BELOW,
        "hiddenY": HIDDEN_Y,
        "hover": [HOVER_TEMPLATE, GROUP_TEMPLATE, GROUP_ZOOM, GROUP_SAME_DAY],
        "lanes": [
            {"name": name, "top": top, "rows": count}
            for name, top, count in zip(plan.lane_names, tops, rows, strict=False)
        ],
        "items": [[it.lane, *it.marks, *(it.bar or (-1, -1)), list(it.forms)] for it in plan.items],
        "inTime": plan.in_time,
        "order": plan.order,
        "phases": [
            [
                p.start.first_day.isoformat(),
                (p.end.last_day + datetime.timedelta(days=1)).isoformat(),
                list(labels.label_forms(p.title)),
            ]
            for p in story.phases
        ],
        "phaseOrder": _phase_order(story),
        "notes": {"phases": 0, "lanes": phases, "labels": phases + lanes},
        "events": [
            next(i for i, it in enumerate(plan.items) if it.event.id == e.id)
            for e in story.events_in_order()
        ],
    }


# --- small helpers -------------------------------------------------------------------


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

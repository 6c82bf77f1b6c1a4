"""The timeline chart: a Plotly figure built from a story, and its JSON for the page.

Pure functions over the models, no I/O. :func:`timeline_figure_data` draws every event
on a time axis, in the lanes of :mod:`generator.render.chart.lanes`. A day is a point; a month, a
year or an approximate span is a hollow mark over a translucent bar from its first to its
last possible day, so no fuzzy date ever reads as an exact day.

**The opening view.** The chart opens on the story and its lead-up (:func:`initial_range`),
and counts under the plot the events before and after that view, each count a link that
pans there (:mod:`generator.render.chart.description`). On a 375 px phone the plot is about 330 px
wide: the whole span of the first story (1950 to 2019) would squeeze its 22 events from
2017 on into 13 px; a range slider would take 40 px of height for a strip whose handles
are smaller than a finger, and Plotly's ``rangebreaks`` would hide how far apart events
are and break the date ticks. The counts keep the story legible and every event
accounted for; Autoscale shows the whole span.

**Lanes and labels.** The plot's y axis is in pixels: each lane has a few sub-rows
:data:`~generator.render.chart.labels.ROW` px apart, as many as its densest stretch needs on a
phone when the chart opens. What is drawn and where is :mod:`generator.render.chart.plan`'s, by
the rule of :mod:`generator.render.chart.labels`; the figure carries its result for a phone's
plot (the static picture's) and, in ``layout.meta.timeline``, what ``timeline-chart.js``
needs to run the rule again at the reader's width after every change of view. Labels
and titles are annotations (:mod:`generator.render.chart.notes`); a label is its full title
wherever its row has room, shortened or hidden only where it has none, and the full
title is in the mark's tooltip (:mod:`generator.render.chart.hover`) and in the list.

:func:`figure_json` writes the figure as compact JSON; the site serves it as a file of
its own (never inside a page's ``<script>``, so ``<``, ``>`` and ``&`` are written as
they are), fetched when the reader reaches for the chart
(:mod:`generator.render.chart.page`).
"""

from __future__ import annotations

import collections
import datetime
import json
from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go  # type: ignore[import-untyped]
import plotly.io as pio  # type: ignore[import-untyped]
from plotly.offline import get_plotlyjs_version  # type: ignore[import-untyped]

from generator.content.models import Event, Story
from generator.render.chart import labels as labels
from generator.render.chart.description import outside_counts
from generator.render.chart.hover import (
    GROUP_HOVER,
    GROUP_JOIN,
    GROUP_SAME_DAY,
    GROUP_TEMPLATE,
    GROUP_ZOOM,
    HOVER_TEMPLATE,
    HOVER_WHO,
    HOVER_WIDTH,
    customdata,
    group_hover,
    page_customdata,
)
from generator.render.chart.lanes import chart_lanes, event_days, is_fuzzy, mark_day
from generator.render.chart.notes import PHASE_ROW_PX, label, lane_titles, phase_order, phase_titles
from generator.render.chart.palette import (
    NoteKind,
    TraceKind,
    merge_patch,
    palette_patch,
    plotly_update,
)
from generator.render.chart.plan import (
    LANE_PAD,
    MAX_ROWS,
    PICTURE_LAYERS,
    WIDE_PLOT_PX,
    Plan,
    Trace,
    View,
    chart_plan,
    lane_rules,
    lane_tops,
    layout_items,
    row_centre,
    rows_in_view,
    rows_used,
)

PLOTLY_BUNDLE = f"assets/vendor/plotly-basic-{get_plotlyjs_version()}.min.js"
"""The vendored plotly.js the figures are written for, relative to the site's root
(``theme/assets/vendor``, written by ``scripts/vendor_plotly.sh``)."""

FONT_FAMILY = "Helvetica, Arial, 'Liberation Sans', sans-serif"
"""The chart's font: three faces with the same advance widths (macOS, Windows, Linux),
the widths :mod:`generator.render.chart.font` holds, so that the static picture's labels are
measured ahead of time as the browser draws them (``timeline.css`` sets the picture's
text in it too, and turns kerning off in both)."""

MARGIN = {"l": 8, "r": 8, "t": 64, "b": 28, "pad": 0}
"""Around the plot, px: the top holds the modebar and two rows of phase titles, the
bottom the date labels."""
LOOKBACK = datetime.timedelta(days=731)  # events this long before the start open in view
LEAD = datetime.timedelta(days=150)
BAR_PX = 4
BAR_BELOW = 9
"""A fuzzy date's bar: its thickness, and how far under its row's middle it runs, px, so
that it underlines the mark and the labels of its row instead of crossing them."""
HIDDEN_Y = -2 * labels.ROW
"""Where a mark that another stands for is put: above the plot, out of sight."""


# --- public API ----------------------------------------------------------------------


def timeline_figure(story: Story, *, dark: bool = False) -> go.Figure:
    """The story's timeline as a Plotly figure, coloured for the light or dark scheme."""
    return go.Figure(timeline_figure_data(story, dark=dark))


def timeline_figure_data(
    story: Story, *, dark: bool = False, coloured: bool = True
) -> dict[str, Any]:
    """The figure as plain data, the same as ``timeline_figure(...).to_plotly_json()``.

    The site uses this: plotly's validation of a ``go.Figure`` costs more than building
    the data, and the tests check that both give the same JSON. The site's figure is not
    ``coloured``: ``timeline-chart.js`` colours it for the reader's scheme from
    ``layout.meta.palettes`` before it is shown, so each colour is carried once a scheme.
    """
    plan = chart_plan(story)
    kinds: list[tuple[int, TraceKind]] = [(t.lane, t.kind) for t in plan.traces]
    counts: dict[NoteKind, int] = {
        "phase": len(story.phases),
        "lane": len(plan.lane_names),
        "label": len(plan.items),
    }
    notes = [kind for kind, number in counts.items() for _ in range(number)]
    light = palette_patch(kinds, len(story.phases), notes, dark=False)
    dark_patch = palette_patch(kinds, len(story.phases), notes, dark=True)
    figure = _figure(story, plan)
    if coloured:
        figure = merge_patch(figure, dark_patch if dark else light)
    figure["layout"]["meta"]["palettes"] = {
        "light": plotly_update(light, dark=False),
        "dark": plotly_update(dark_patch, dark=True),
    }
    return dict(figure)


def figure_json(figure: go.Figure | dict[str, Any]) -> str:
    """Compact, deterministic JSON of the figure, for a file of its own: not escaped for
    a ``<script>`` element (a sixth of the hover texts' bytes were ``\\u003cbr\\u003e``)."""
    return json.dumps(
        figure if isinstance(figure, dict) else figure.to_plotly_json(),
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        allow_nan=False,
    )


LAID_OUT = ("text", "visible", "x", "y", "xanchor", "xshift")
"""What ``timeline-chart.js`` sets on every label's annotation at every layout, before the
chart is shown: the figure's file leaves it out."""


def page_figure(figure: dict[str, Any]) -> dict[str, Any]:
    """The figure as its file holds it, each value once, for the same chart:

    - each point's hover data only what the page's list of events does not hold
      (:func:`generator.render.chart.hover.page_customdata`), and only on the event's mark:
      ``timeline-chart.js`` gives a fuzzy date's bar its mark's (``meta.timeline.items``);
    - the values every trace of a type, or every annotation, shares, in the layout's
      template (``layout.template``: Plotly applies it to each), and nothing of a label
      that the script lays out (:data:`LAID_OUT`);
    - a label's shorter forms, each its title's first characters and an ellipsis, as the
      number of those characters (:func:`short_forms`), and a label the picture's layout
      does not show as ``0`` (``meta.timeline.openings``): ``timeline-chart.js`` reads
      them back.
    """
    layout = figure["layout"]
    model = layout["meta"]["timeline"]
    layout = {
        **layout,
        "meta": {
            **layout["meta"],
            "timeline": {
                **model,
                "items": [[*item[:5], short_forms(item[5]), *item[6:]] for item in model["items"]],
                "openings": [
                    {**opening, "placed": [0 if p == UNSHOWN else p for p in opening["placed"]]}
                    for opening in model.get("openings", [])
                ],
            },
        },
    }
    barred = {item[3] for item in layout["meta"]["timeline"]["items"] if item[3] >= 0}
    data = []
    trace_defaults: dict[str, dict[str, Any]] = {}
    for number, trace in enumerate(figure["data"]):
        shared = trace_defaults.setdefault(trace["type"], _shared(figure["data"], trace["type"]))
        page = {k: v for k, v in trace.items() if k == "type" or shared.get(k, _NONE) != v}
        if number in barred:
            page.pop("customdata")
        else:
            page["customdata"] = [page_customdata(row) for row in trace["customdata"]]
        data.append(page)
    first_label = layout["meta"]["timeline"]["notes"]["labels"]
    notes = layout["annotations"]
    note_defaults = _note_defaults(notes, notes[first_label:])
    template = {
        "data": {kind: [{"type": kind, **shared}] for kind, shared in trace_defaults.items()},
        "layout": {"annotationdefaults": note_defaults} if note_defaults else {},
    }
    annotations = [
        {
            k: v
            for k, v in note.items()
            if note_defaults.get(k, _NONE) != v and not (index >= first_label and k in LAID_OUT)
        }
        for index, note in enumerate(notes)
    ]
    return {
        **figure,
        "data": data,
        "layout": {**layout, "annotations": annotations, "template": template},
    }


UNSHOWN = [0, -2, 0, 0, -1]
"""An item the picture's layout does not show, as ``meta.timeline.openings`` places it
(row, no form, right, not shown, no host): the figure's file writes it ``0``."""

ELLIPSIS = "…"


def short_forms(forms: list[str]) -> list[str | int]:
    """A label's forms, each shorter one that is the first's start and an ellipsis
    written as the length of that start in UTF-16 code units (JavaScript's ``slice``)."""
    if not forms:
        return []
    full = forms[0]
    written: list[str | int] = [full]
    for form in forms[1:]:
        start = form.removesuffix(ELLIPSIS)
        if form.endswith(ELLIPSIS) and full.startswith(start):
            written.append(len(start.encode("utf-16-le")) // 2)
        else:
            written.append(form)
    return written


_NONE = object()
"""No value (a figure's values are never this)."""


def _shared(traces: list[dict[str, Any]], kind: str) -> dict[str, Any]:
    """What every trace of ``kind`` has alike but its points' values (no list)."""
    same = [trace for trace in traces if trace["type"] == kind]
    return {
        key: value
        for key, value in same[0].items()
        if key != "type"
        and not isinstance(value, list)
        and all(t.get(key, _NONE) == value for t in same)
    }


def _note_defaults(notes: list[dict[str, Any]], labels: list[dict[str, Any]]) -> dict[str, Any]:
    """The annotations' defaults: what every label has alike, among what every annotation
    sets (so that none takes a value it did not have), and ``visible: false`` for the
    labels, which the script lays out (:data:`LAID_OUT`) before the chart is shown."""
    if not labels:
        return {}
    keys = set.intersection(*(set(note) for note in notes))
    defaults = {
        key: labels[0][key]
        for key in sorted(keys)
        if key not in LAID_OUT and all(label.get(key, _NONE) == labels[0][key] for label in labels)
    }
    if "visible" in keys:
        defaults["visible"] = False
    return defaults


def initial_range(story: Story) -> tuple[datetime.date, datetime.date]:
    """The x range the chart opens on: the editor's (``opening:`` in timeline.yml), or
    the story and its recent lead-up, with a margin.

    Older events (a war decades earlier) stay on the chart, counted under it and
    reachable by the count's link, by pan, zoom or Autoscale.
    """
    if story.opening is not None:  # the editor's choice
        return story.opening.start.first_day, story.opening.end.last_day
    start, end = story.meta.first_day, story.meta.last_day
    recent = [e.first_day for e in story.events if start - LOOKBACK <= e.first_day <= start]
    after = [
        event_days(e)[1] for e in story.events if end <= event_days(e)[1] <= end + LOOKBACK / 2
    ]
    left, right = min([start - LEAD, *recent]), max([end, *after])
    pad = datetime.timedelta(days=max(14, (right - left).days // 20))
    return left - pad, right + pad


def picture_patches(story: Story, figure: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The static picture's wider layouts: each layer's name and its :func:`wide_patch`."""
    return [(layer.name, wide_patch(story, figure, layer.plot)) for layer in PICTURE_LAYERS[1:]]


def lane_names(story: Story) -> list[str]:
    """The chart's lanes, top to bottom."""
    return [lane.name for lane in chart_lanes(story)]


# --- the figure ----------------------------------------------------------------------


_NO_TEMPLATE: dict[str, Any] = pio.templates["none"].to_plotly_json()
"""Plotly's "none" template, as go.Figure expands it."""


def _figure(story: Story, plan: Plan) -> dict[str, Any]:
    view = View(*initial_range(story))
    # Laid out with the most rows a lane may have; each lane then gets the rows it used,
    # which changes no placement (none went beyond them), so the layout is kept.
    _, placements = layout_items(plan, view, [MAX_ROWS] * len(plan.lane_names))
    rows = rows_used(plan, placements)  # none for a lane with no event in view
    hover = {event.id: customdata(story, event) for event in story.events}
    data = [_trace(story, trace, hover) for trace in plan.traces]
    layout = _layout(story, plan, view, rows)
    layout["annotations"] += _arrange(plan, view, rows, data, placements)
    layout["meta"] = {"timeline": _model(story, plan, rows, rows_in_view(plan, rows))}
    layout["meta"]["timeline"]["openings"] = [
        {
            "box": layer.box,
            "plot": layer.plot,
            "placed": _encode(
                placements
                if layer.plot == view.width
                else layout_items(plan, View(view.left, view.right, layer.plot), rows)[1]
            ),
        }
        for layer in PICTURE_LAYERS
    ]
    return {"data": data, "layout": layout}


def _encode(placements: Sequence[labels.Placement]) -> list[list[int]]:
    """Placements as timeline-chart.js reads them: row, form (-2: none, -1: the count),
    side (0: right, 1: left), shown (0 or 1), host (-1: none)."""
    return [
        [
            p.row,
            -2 if p.form is None else p.form,
            int(p.side == "left"),
            int(p.shown),
            -1 if p.host is None else p.host,
        ]
        for p in placements
    ]


def _decode(encoded: Sequence[Sequence[int]]) -> list[labels.Placement]:
    """Placements from :func:`_encode`'s lists; each mark's group counts the items it hosts."""
    hosted = collections.Counter(host for *_, host in encoded if host >= 0)
    return [
        labels.Placement(
            row=row,
            form=None if form == -2 else form,
            side="left" if side else "right",
            shown=bool(shown),
            host=None if host < 0 else host,
            group=1 + hosted[number],
        )
        for number, (row, form, side, shown, host) in enumerate(encoded)
    ]


def wide_patch(story: Story, figure: dict[str, Any], width: float = WIDE_PLOT_PX) -> dict[str, Any]:
    """The figure laid out for a plot ``width`` px wide, as a patch for
    :func:`~generator.render.chart.palette.merge_patch`: each trace's heights and group hovers,
    the phase titles and the labels. The static picture draws one for each of its wider
    layouts (:data:`~generator.render.chart.plan.PICTURE_LAYERS`), shown where the chart is that
    wide, so that a wide screen shows the labels a phone has no room for before any
    script runs."""
    plan = chart_plan(story)
    view = View(*initial_range(story), width)
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
    # The layout the figure made for this width when it laid out the picture's openings,
    # else a new one.
    opened = {o["plot"]: o["placed"] for o in figure["layout"]["meta"]["timeline"]["openings"]}
    placements = _decode(opened[width]) if width in opened else None
    labels_ = _arrange(plan, view, rows, data, placements)
    notes = phase_titles(story, view) + lane_titles(plan, rows) + labels_
    patch = [{"y": trace["y"], "text": trace["text"]} for trace in data]
    return {"data": patch, "layout": {"annotations": notes}}


def _arrange(
    plan: Plan,
    view: View,
    rows: Sequence[int],
    data: list[dict[str, Any]],
    placements: Sequence[labels.Placement] | None = None,
) -> list[dict[str, Any]]:
    """Lays the items out in ``view`` (unless ``placements`` are given): sets each mark's
    and bar's height in ``data`` (and the hover of a mark that stands for several), and
    returns the labels."""
    if placements is None:
        _, placements = layout_items(plan, view, rows)
    tops = lane_tops(rows)
    ys = [
        HIDDEN_Y if p.host is not None else row_centre(tops, it.lane, p.row)
        for it, p in zip(plan.items, placements, strict=True)
    ]
    for index, (item, placed, y) in enumerate(zip(plan.items, placements, ys, strict=True)):
        data[item.marks[0]]["y"][item.marks[1]] = y
        if item.bar:
            data[item.bar[0]]["y"][item.bar[1]] = y + BAR_BELOW
        if placed.group > 1:
            _stand_for_group(data, plan, placements, index)
    return [
        label(item, placed, y) for item, placed, y in zip(plan.items, placements, ys, strict=True)
    ]


def _stand_for_group(
    data: list[dict[str, Any]], plan: Plan, placements: Sequence[labels.Placement], index: int
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


def _trace(story: Story, trace: Trace, hover: dict[str, list[str]]) -> dict[str, Any]:
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


def _layout(story: Story, plan: Plan, view: View, rows: Sequence[int]) -> dict[str, Any]:
    height = lane_tops(rows)[-1]
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
            "tickvals": lane_rules(rows),  # a grid line between lanes
            "showgrid": True,
            "zeroline": False,
        },
        "shapes": [_phase_band(p.start.first_day, p.end.last_day) for p in story.phases],
        "annotations": phase_titles(story, view) + lane_titles(plan, rows),
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


def _model(story: Story, plan: Plan, rows: Sequence[int], most: Sequence[int]) -> dict[str, Any]:
    """What timeline-chart.js needs to lay the chart out again at the reader's width:
    each lane's rows when the chart opens (none: folded away) and whenever it has an event
    in view (``most``)."""
    tops = lane_tops(rows)
    phases = len(story.phases)
    lanes = len(plan.lane_names)
    first_item: dict[str, int] = {}  # each event's first item (an event has one a lane)
    for number, item in enumerate(plan.items):
        first_item.setdefault(item.event.id, number)
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
        # Every word the script shows: the templates of the counts' labels and of the hover
        # of a mark that stands for several events, and the counts of events outside a view.
        "words": {
            "count": labels.COUNT_LABEL,
            "group": GROUP_HOVER,
            "join": GROUP_JOIN,
            "who": HOVER_WHO,
        },
        "hoverWidth": HOVER_WIDTH,
        "outside": outside_counts(story),
        "lanes": [
            {"name": name, "top": top, "rows": count, "most": full}
            for name, top, count, full in zip(plan.lane_names, tops, rows, most, strict=False)
        ],
        "items": [
            [it.lane, *it.marks, *(it.bar or (-1, -1)), list(it.forms), int(it.event.key)]
            for it in plan.items
        ],
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
        "phaseOrder": phase_order(story),
        "notes": {"phases": 0, "lanes": phases, "labels": phases + lanes},
        "events": [first_item[e.id] for e in story.events_in_order()],
    }

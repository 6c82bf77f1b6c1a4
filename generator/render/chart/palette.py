"""The timeline chart's colours on Material's light and dark schemes, as figure patches.

Every colour of the figure for one scheme is a patch ``{"layout": {...}, "data": [{...}
per trace]}`` (:func:`palette_patch`), merged into the figure by :func:`merge_patch`. The
figure's ``layout.meta.palettes`` carries, for ``light`` and ``dark``, the same colours as
the arguments of ``Plotly.update`` (:func:`plotly_update`): ``timeline-chart.js`` hands
the reader's scheme's to Plotly when the chart is drawn and when the scheme changes, and
merges nothing itself. With them, ``ring``: the colour of the ring around the selected
event. The static picture takes the same colours from ``timeline.css``, whose custom
properties a test holds to :data:`PALETTES`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

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

LANE_COLOURS = 6
"""Lanes take the colours ``lane-1`` to ``lane-6`` in turn."""
SPAN_OPACITY = 0.3
"""Opacity of the bar of a fuzzy date (its outline is solid)."""

TraceKind = Literal["span", "marks"]
NoteKind = Literal["phase", "lane", "label"]


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


def palette_patch(
    traces: Sequence[tuple[int, TraceKind]],
    phases: int,
    notes: Sequence[NoteKind],
    *,
    dark: bool,
) -> dict[str, Any]:
    """Every colour of a figure for one scheme: ``{"layout": ..., "data": [...]}``.

    ``traces`` gives each trace's lane and kind, ``phases`` the number of phase bands,
    ``notes`` each annotation's kind (titles are muted, labels in the text colour, the
    layout's).
    """
    p = _palette(dark)
    layout = palette_layout(dark)
    layout["shapes"] = [
        {"fillcolor": p["band" if i % 2 == 0 else "band-alt"]} for i in range(phases)
    ]
    # Labels take the layout's font colour (Plotly's default for annotations): only the
    # titles, muted, carry a colour of their own.
    layout["annotations"] = [
        {} if kind == "label" else {"font": {"color": p["muted"]}} for kind in notes
    ]
    data = [_trace_colours(lane_colour(p, lane), kind) for lane, kind in traces]
    return {"layout": layout, "data": data}


def merge_patch(base: Any, patch: Any) -> Any:
    """``base`` with ``patch`` merged in: dicts by key, lists by index, others replaced."""
    if isinstance(patch, dict) and isinstance(base, dict):
        return {**base, **{k: merge_patch(base.get(k), v) for k, v in patch.items()}}
    if isinstance(patch, list) and isinstance(base, list):
        merged = [merge_patch(b, p) for b, p in zip(base, patch, strict=False)]
        return merged + base[len(patch) :] + patch[len(base) :]
    return patch


def plotly_update(patch: dict[str, Any], *, dark: bool) -> dict[str, Any]:
    """A palette patch as ``Plotly.update(plot, data, layout)`` takes it, in Plotly's own
    attribute strings (``"annotations[3].font.color"``): ``data`` sets each attribute of
    every trace (a list, a value per trace: every trace's patch has the same attributes),
    ``layout`` each attribute of the layout; and ``ring``, the selection's colour."""
    traces = [dict(_attributes(trace)) for trace in patch["data"]]
    names = list(traces[0]) if traces else []
    assert all(list(trace) == names for trace in traces), "a colour missing from a trace"
    return {
        "data": {name: [trace[name] for trace in traces] for name in names},
        "layout": dict(_attributes(patch["layout"])),
        "ring": _palette(dark)["text"],
    }


def _attributes(value: Any, path: str = "") -> list[tuple[str, Any]]:
    """The leaves of a patch, each with its attribute string: keys joined by dots, list
    items by their index in brackets."""
    if isinstance(value, dict):
        return [
            leaf
            for key, item in value.items()
            for leaf in _attributes(item, f"{path}.{key}" if path else key)
        ]
    if isinstance(value, list):
        return [leaf for i, item in enumerate(value) for leaf in _attributes(item, f"{path}[{i}]")]
    return [(path, value)]


def lane_colour(palette: dict[str, str], lane: int) -> str:
    """The colour of a lane (by its index) in a palette."""
    return palette[f"lane-{lane % LANE_COLOURS + 1}"]


def _trace_colours(colour: str, kind: TraceKind) -> dict[str, Any]:
    if kind == "span":
        return {"marker": {"color": _rgba(colour, SPAN_OPACITY), "line": {"color": colour}}}
    return {"marker": {"color": colour, "line": {"color": colour}}}


def _palette(dark: bool) -> dict[str, str]:
    return PALETTES["dark" if dark else "light"]


def _rgba(hex_colour: str, alpha: float) -> str:
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"

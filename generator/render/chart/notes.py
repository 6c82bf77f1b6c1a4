"""The timeline chart's annotations: phase titles above the plot, lane titles, labels.

Each is placed by the layout rule (:mod:`generator.render.chart.labels`): phase titles in two
rows of their own, centred on the part of their band in view; a lane's title at the left
of its first row; an item's label beside its mark, a form of its title or the count of
the events its mark stands for. Their text is HTML-escaped: Plotly reads a subset of HTML.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from generator.content.models import Story
from generator.render.chart import labels as labels
from generator.render.chart.hover import escape
from generator.render.chart.plan import Plan, PlanItem, View, lane_tops, row_centre

PHASE_ROW_PX = 15
"""Distance between the two rows of phase titles."""


def phase_titles(story: Story, view: View) -> list[dict[str, Any]]:
    """A title per phase, above the plot, placed by the labels' rule (or hidden)."""
    bands = [_band_px(p.start.first_day, p.end.last_day, view) for p in story.phases]
    forms = [labels.label_forms(p.title) for p in story.phases]
    widths = [tuple(labels.text_width(f) for f in fs) for fs in forms]
    placed = labels.place_phase_titles(bands, widths, phase_order(story), view.width)
    return [_phase_title(fs, title, view.width) for fs, title in zip(forms, placed, strict=True)]


def _band_px(first: datetime.date, last: datetime.date, view: View) -> tuple[float, float]:
    return view.px(first), view.px(last + datetime.timedelta(days=1))


def phase_order(story: Story) -> list[int]:
    """Phases by how near they are to the story's own dates: the story's own first."""
    start, end = story.meta.first_day, story.meta.last_day

    def distance(index: int) -> int:
        phase = story.phases[index]
        return max((start - phase.end.last_day).days, (phase.start.first_day - end).days, 0)

    return sorted(range(len(story.phases)), key=lambda i: (distance(i), i))


def _phase_title(forms: Sequence[str], title: labels.Title | None, width: float) -> dict[str, Any]:
    return {
        "text": escape(forms[title.form] if title else forms[0]),
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


def lane_titles(plan: Plan, rows: Sequence[int]) -> list[dict[str, Any]]:
    """Each lane's name, in bold, at the left of its first row; none for a lane folded
    away (no rows: no event in view)."""
    tops = lane_tops(rows)
    return [
        {
            "text": f"<b>{escape(name)}</b>",
            "visible": rows[lane] > 0,
            "xref": "paper",
            "yref": "y",
            "x": 0,
            "xshift": labels.GAP / 2,
            "y": row_centre(tops, lane, 0),
            "xanchor": "left",
            "yanchor": "middle",
            "showarrow": False,
            "borderpad": 0,
            "font": {"size": labels.FONT_SIZE},
        }
        for lane, name in enumerate(plan.lane_names)
    ]


def label(item: PlanItem, placed: labels.Placement, y: float) -> dict[str, Any]:
    """An item's label beside its mark: a form of its title, its group's count, or none."""
    right = placed.side == "right"
    if placed.form == labels.COUNT:
        text = labels.count_label(placed.group)
    else:
        text = item.forms[placed.form or 0] if item.forms else ""
    return {
        "text": escape(text),
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

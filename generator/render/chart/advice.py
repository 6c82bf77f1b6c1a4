"""The chart's warnings to editors: event titles a phone's chart always cuts.

They are checks of :mod:`generator.content.advice`'s kind, made here because only the
chart knows its font and its room; ``check`` and the build pass :data:`CHART_CHECKS` to
the loader (``extra``), so the content stage never imports the chart.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.content.advice import Advice, Check, Files
from generator.content.models import TimelineFile
from generator.render.chart import labels as chart_labels
from generator.render.chart.plan import PICTURE_PLOT_PX

PHONE = PICTURE_PLOT_PX - chart_labels.RADIUS - chart_labels.GAP
"""The widest label a phone's chart has room for, px: beside a mark at the plot's edge."""


def long_titles(story: Files) -> Iterator[Advice]:
    """Titles too wide for a phone's chart in any view: their label is always cut there."""
    timeline = story.model("timeline.yml", TimelineFile)
    for index, event in enumerate(timeline.events if timeline else []):
        title = event.title.strip()
        if chart_labels.text_width(title) <= PHONE:
            continue
        forms = chart_labels.label_forms(title)
        fits = next((f for f in forms if chart_labels.text_width(f) <= PHONE), "")
        room = max(n for n in range(len(title)) if chart_labels.text_width(title[:n]) <= PHONE)
        yield Advice(
            "timeline.yml",
            ("events", index, "title"),
            f"the title of event '{event.id}' ({len(title)} characters) is too wide for a "
            f"phone's chart, which cuts it to '{fits}'; a title of up to {room} characters "
            "fits whole: shorten it, or keep it (the full title is in the tooltip, the "
            "event panel and the list)",
        )


CHART_CHECKS: tuple[Check, ...] = (long_titles,)
"""The chart's checks, one file at a time, for the loader's ``extra``."""

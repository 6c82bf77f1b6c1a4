"""What a page needs to show the timeline chart: the figure, its picture, its words.

The timeline page and its embeddable twin (``<story>/timeline/embed/``) show the same
chart, through the macros of ``templates/_timeline.md.j2``; the figure is a file of its
own (:func:`chart_files`), fetched only when the reader reaches for the chart, and so is
its static picture, which both pages draw.
"""

from __future__ import annotations

import posixpath
from typing import Any

from generator.content.models import Story
from generator.render.chart import figure as charts
from generator.render.chart.description import outside_view, outside_wording, text_alternative
from generator.render.chart.preview import picture, picture_svg

FIGURE_FILE = "timeline/figure.json"
"""Where a story's figure is written, in its folder: beside its timeline pages."""
PICTURE_FILE = "timeline/picture.svg"
"""Where the chart's static picture is written, beside the figure."""

EMBED_EXTRA_PX = 500
"""What the embeddable page shows around the chart on a phone, px: its title, the counts
under the chart, the caption and the links to the timeline page and the story. The embed
code's frame has this height until its script hears the content's own."""


def chart_context(story: Story) -> dict[str, Any] | None:
    """What the timeline pages need to show their chart, or None without events."""
    if not story.events:
        return None
    figure = charts.timeline_figure_data(story, coloured=False)  # coloured by the browser
    earlier, later = outside_view(story, charts.initial_range(story))
    height = figure["layout"]["height"]
    drawn = picture(figure, charts.picture_patches(story, figure))
    return {
        # The figure, a file of its own (FIGURE_FILE): timeline.js fetches it with
        # plotly.js when the reader reaches for the chart, so the page opens lighter.
        "figure_json": charts.figure_json(charts.page_figure(figure)),
        # The chart as it opens, drawn at once; timeline.js swaps in Plotly's on demand.
        # A file of its own (PICTURE_FILE), which both pages place ("picture").
        "picture": drawn,
        "picture_svg": picture_svg(drawn),
        "height": height,
        "alternative": text_alternative(story),
        "events": len(story.events),
        "phases": len(story.phases),
        # Where the keyboard's slider starts: the first event in the opening view.
        "first": min(len(earlier) + 1, len(story.events)),
        # Events outside the opening view: how many, and the nearest, for the links.
        "earlier": outside_wording(earlier, "earlier") if earlier else "",
        "earlier_id": earlier[0].id if earlier else story.events_in_order()[0].id,
        "later": outside_wording(later, "later") if later else "",
        "later_id": later[0].id if later else story.events_in_order()[-1].id,
        "embed_height": height + EMBED_EXTRA_PX,
        # Read by timeline.js relative to its own address (assets/javascripts/).
        "plotly_src": posixpath.relpath(charts.PLOTLY_BUNDLE, "assets/javascripts"),
    }


def chart_files(story: Story, chart: dict[str, Any] | None) -> dict[str, str]:
    """The files beside the story's pages that the chart needs: its figure's JSON and
    its static picture."""
    if not chart:
        return {}
    return {
        f"{story.id}/{FIGURE_FILE}": chart["figure_json"],
        f"{story.id}/{PICTURE_FILE}": str(chart["picture_svg"]),
    }

"""The timeline chart at density: what its figure and picture cost the build, and what its
page costs a reader who opens it.

- Time: the figure and its static picture in its two layouts (``timeline_figure_data``,
  ``wide_patch``, ``preview_svg``) for each story, against the render of its timeline
  page: those, and Python-Markdown's conversion of the page the generator wrote, with
  the site's extensions, as MkDocs does before the theme. CPU time, median of several
  runs in this process.
- Weight: each story's timeline page in headless Chromium (bench/weight.py's
  ``weigh``): gzipped bytes of the first view, before any interaction, and once the
  pointer has reached for the chart and plotly.js has drawn it; plotly.js must be
  requested after the first paint.

The stories: the first one, a 25-event story over 16 years and a 150-event story over
60 years with 20 actors (tests/fixtures/dense/).
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import served, util, weight
from devkit.chromium import launch_chromium

STORIES = (
    (util.ROOT / "content", "hanoi-summit-2019"),
    (util.ROOT / "tests" / "fixtures" / "dense", "example-harbour-accord"),
    (util.ROOT / "tests" / "fixtures" / "dense", "synthetic-long-story"),
)
SHARE_BUDGET = 0.25
"""The figure and picture take at most this share of their page's render."""
FIRST_VIEW_BUDGET_KB = 100.0
"""A timeline page weighs at most this much (gzipped) before the reader reaches for the
chart: plotly.js, 400 KB of it, comes only then."""


def run(repeats: int = 9) -> dict[str, Any]:
    """Time each story's chart and its page's render, then weigh each timeline page."""
    stories = [_timing(folder, story_id, repeats) for folder, story_id in STORIES]
    with tempfile.TemporaryDirectory(prefix="bench-chart-") as scratch:
        content = Path(scratch) / "content"
        for folder, story_id in STORIES:
            shutil.copytree(folder / story_id, content / story_id)
        with served.served_sites(content) as sites, launch_chromium() as browser:
            for story in stories:
                base = f"{sites.site_url}{story['story']}/timeline/"
                story["weight"] = weight.weigh(browser, base)
                story["embed_weight"] = weight.weigh(browser, base + "embed/")
                kb = story["weight"]["before"]["kb"]
                print(f"  {story['story']}: timeline page {kb:.1f} KB", flush=True)
    return {"when": util.now(), "repeats": repeats, "load": util.load(), "stories": stories}


def _timing(folder: Path, story_id: str, repeats: int) -> dict[str, Any]:
    import markdown
    from mkdocs.config import load_config

    from generator.content.load import load_stories
    from generator.render.chart.figure import timeline_figure_data, wide_patch
    from generator.render.chart.preview import preview_svg
    from generator.render.pages import render_story

    (story,) = load_stories(folder, story_id)
    config = load_config(str(util.ROOT / "mkdocs.yml"))
    path = f"{story_id}/timeline.md"
    page = render_story(story)[path]

    def convert() -> None:
        extensions, configs = config.markdown_extensions, config.mdx_configs
        markdown.Markdown(extensions=extensions, extension_configs=configs).convert(page)

    def figure_and_picture() -> None:
        figure = timeline_figure_data(story)
        preview_svg(figure, wide_patch(story, figure))

    chart, markdown_ms = _cpu_ms_both(figure_and_picture, convert, repeats)
    rendered = chart + markdown_ms
    print(f"  {story_id}: figure and picture {chart:.1f} ms of {rendered:.1f} ms", flush=True)
    return {
        "story": story_id,
        "events": len(story.events),
        "actors": len(story.actors),
        "chart_ms": round(chart, 1),
        "markdown_ms": round(rendered - chart, 1),
        "page_ms": round(rendered, 1),
        "share": round(chart / rendered, 3),
    }


def _cpu_ms_both(
    one: Callable[[], Any], other: Callable[[], Any], repeats: int
) -> tuple[float, float]:
    """The median CPU time of each action, in ms, the two run in turn, so that both meet
    the same machine: CPU time is not slowed by other work as the wall clock is, but a
    busy or noisy machine still costs it some (caches, a shared core), and the share
    compares the two."""
    one()  # caches warmed, as in a build of many pages
    other()
    runs: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeats):
        for action, times in zip((one, other), runs, strict=True):
            start = time.process_time()
            action()
            times.append(time.process_time() - start)
    return statistics.median(runs[0]) * 1000, statistics.median(runs[1]) * 1000


def judge(story: dict[str, Any]) -> dict[str, bool]:
    """Whether a story's chart and page meet their budgets."""
    weighed = story.get("weight", {})
    return {
        "share": story["share"] <= SHARE_BUDGET,
        "first_view": weighed.get("before", {}).get("kb", 0) <= FIRST_VIEW_BUDGET_KB
        and bool(weighed.get("plotly_after_paint")),
    }

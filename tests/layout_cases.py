"""Cases of the timeline's layout rule, each with the placements Python gives it, for the
Node test that runs ``timeline-chart.js``'s copy of the rule on the same input
(``tests/layout_agreement.mjs``, run by ``test_chart_layout.py``).

Two kinds of case, both from fixed seeds: synthetic charts (random lanes and rows,
events clustered in time, fuzzy bars, key events, labels of up to seven forms, a random
zoom range and plot width), and the test stories' own charts at random zoom ranges and
widths, measured as the static picture measures them. Each case gives ``placeItems`` its
arguments and ``placePhaseTitles`` a set of phase bands, and holds what
:func:`~generator.render.chart.labels.place_items` and
:func:`~generator.render.chart.labels.place_phase_titles` return. Written as JSON:

    .venv/bin/python tests/layout_cases.py cases.json
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.content.load import load_stories
from generator.content.models import Story
from generator.render.chart import labels
from generator.render.chart import plan as chart_plan
from generator.render.chart.figure import initial_range

ROOT = Path(__file__).resolve().parent.parent
STORIES = (
    (ROOT / "content", "hanoi-summit-2019"),
    (ROOT / "tests" / "fixtures" / "dense", "example-harbour-accord"),
    (ROOT / "tests" / "fixtures" / "dense", "synthetic-long-story"),
    (ROOT / "tests" / "fixtures" / "varied", "example-river-dispute"),
)
SEED = 21
SYNTHETIC = 400
"""Synthetic cases; the stories add :data:`VIEWS` each."""
VIEWS = 30
METRICS = {"target": labels.TARGET, "radius": labels.RADIUS, "gap": labels.GAP}


def cases(synthetic: int = SYNTHETIC, views: int = VIEWS, seed: int = SEED) -> list[dict[str, Any]]:
    """The synthetic cases, then the stories' views, each with Python's placements."""
    rng = random.Random(seed)
    made = [_synthetic(rng, f"synthetic {n}") for n in range(synthetic)]
    for folder, story_id in STORIES:
        made += _story_views(rng, folder, story_id, views)
    return made


def _synthetic(rng: random.Random, name: str) -> dict[str, Any]:
    """A random chart in a random view: lanes, events in clusters, phases."""
    lanes = rng.randint(1, 4)
    rows = [rng.choice((1, 2, 2, 3, 4, 4)) for _ in range(lanes)]
    span = rng.choice((30, 400, 3650, 20000))  # days the events spread over
    centres = [rng.uniform(0, span) for _ in range(rng.randint(1, 5))]
    days = [
        rng.gauss(rng.choice(centres), span / 40) if rng.random() < 0.7 else rng.uniform(0, span)
        for _ in range(rng.randint(0, 45))
    ]
    left = rng.uniform(-span / 5, span * 0.8)
    right = left + rng.choice((span / 50, span / 5, span / 2, span * 1.3)) + 1
    keys = rng.choice((0.05, 0.15, 0.6))  # the share of key events: few, some, most
    width = rng.choice((312, 327, 614, 864, rng.uniform(120, 1200)))
    # On a grid, stretches meet and marks stand exactly 48 px apart: every boundary is
    # met. Half pixels, since a mark's radius is 5.5; 12 px, half a mark's target.
    grid = rng.choice((0, 0, 0.5, 0.5, 12))
    if grid:
        width = round(width)

    def px(day: float) -> float:
        at = (day - left) / (right - left) * width
        return round(at / grid) * grid if grid else at

    def size(low: float, high: float) -> float:
        return float(rng.randint(round(low), round(high))) if grid else rng.uniform(low, high)

    reserved = [size(10, 140) for _ in range(lanes)]

    items: list[dict[str, Any]] = []
    for day in days:
        fuzzy = rng.random() < 0.3
        bar = None
        if fuzzy:
            first = day - rng.uniform(0, span / 30)
            bar = [px(first), px(first + rng.uniform(1, span / 15))]
        full = size(20, 420)
        forms = [full, *sorted(size(14, full) for _ in range(rng.randint(0, 6)))[::-1]]
        widths = forms if rng.random() < 0.85 else []  # an event's second lane: no label
        key = rng.random() < keys
        items.append(
            {"lane": rng.randrange(lanes), "x": px(day), "bar": bar, "widths": widths, "key": key}
        )
    in_time = sorted(range(len(items)), key=lambda i: (items[i]["x"], i))
    story = rng.uniform(left, right)  # the story's own days: labels are placed outwards
    order = sorted(
        range(len(items)),
        key=lambda i: (abs(items[i]["x"] - px(story)), not items[i]["widths"], i),
    )
    phases = _phases(rng, px, size, span, width)
    return _case(
        name, items, in_time, order, width, rows, reserved, phases, collide=rng.random() > 0.03
    )


def _phases(
    rng: random.Random,
    px: Callable[[float], float],
    size: Callable[[float, float], float],
    span: float,
    width: float,
) -> dict[str, Any]:
    """Phase bands, some out of view or empty, some titles as wide as the plot."""
    bands, widths = [], []
    for _ in range(rng.randint(0, 6)):
        first = rng.uniform(-span / 5, span)
        band = [px(first), px(first + rng.uniform(-1, span / 3))]
        edge = rng.uniform(1, 100)  # or a band that ends where the plot begins, and so on
        bands.append(rng.choice((band, band, band, [-edge, 0], [width, width + edge], [40, 40])))
        full = size(20, 300) if rng.random() > 0.1 else width
        widths.append([full, *sorted(size(14, full) for _ in range(3))[::-1]])
    order = list(range(len(bands)))
    rng.shuffle(order)
    return {"bands": bands, "widths": widths, "order": order}


def _story_views(
    rng: random.Random, folder: Path, story_id: str, views: int
) -> list[dict[str, Any]]:
    """The story's chart as the figure plans it, in random zoom ranges and widths."""
    (story,) = load_stories(folder, story_id)
    plan = chart_plan.chart_plan(story)
    opening = initial_range(story)
    first = min(it.first for it in plan.items)
    last = max(it.last for it in plan.items)
    made = []
    for n in range(views):
        left, right = opening if n == 0 else _zoom(rng, first, last)
        width = rng.choice([layer.plot for layer in chart_plan.PICTURE_LAYERS] + [500, 1100])
        view = chart_plan.View(left, right, width)
        rows = [rng.randint(chart_plan.MIN_ROWS, chart_plan.MAX_ROWS) for _ in plan.lane_names]
        items = [chart_plan.geometry(item, view) for item in plan.items]
        reserved = [chart_plan.lane_title_width(name) for name in plan.lane_names]
        given = [
            {
                "lane": i.lane,
                "x": i.x,
                "bar": list(i.bar) if i.bar else None,
                "widths": list(i.widths),
                "key": i.key,
            }
            for i in items
        ]
        phases = _story_phases(story, view)
        made.append(
            _case(
                f"{story_id}, view {n}",
                given,
                plan.in_time,
                plan.order,
                width,
                rows,
                reserved,
                phases,
                collide=True,
            )
        )
    return made


def _zoom(
    rng: random.Random, first: datetime.date, last: datetime.date
) -> tuple[datetime.date, datetime.date]:
    """A random view of a story's span: from a hundredth of it to more than all of it."""
    total = max((last - first).days, 1)
    length = max(1, int(total * rng.choice((0.01, 0.05, 0.2, 0.5, 1.2))))
    left = first + datetime.timedelta(days=rng.randint(-length // 4, total))
    return left, left + datetime.timedelta(days=length)


def _story_phases(story: Story, view: chart_plan.View) -> dict[str, Any]:
    """A story's phase bands in a view, and its titles' widths, as the picture has them."""
    day = datetime.timedelta(days=1)
    return {
        "bands": [
            [view.px(p.start.first_day), view.px(p.end.last_day + day)] for p in story.phases
        ],
        "widths": [
            [labels.text_width(f) for f in labels.label_forms(p.title)] for p in story.phases
        ],
        "order": list(range(len(story.phases))),
    }


def _case(
    name: str,
    items: list[dict[str, Any]],
    in_time: list[int],
    order: list[int],
    width: float,
    rows: list[int],
    reserved: list[float],
    phases: dict[str, Any],
    *,
    collide: bool,
) -> dict[str, Any]:
    """A case's arguments and Python's placements of its items and phase titles."""
    counts = {n: chart_plan.count_width(n) for n in range(2, len(items) + 1)}
    given = [
        labels.Item(
            it["lane"],
            it["x"],
            tuple(it["bar"]) if it["bar"] else None,
            tuple(it["widths"]),
            it["key"],
        )
        for it in items
    ]
    placed = labels.place_items(
        given, in_time, order, width, rows, reserved, counts.__getitem__, collide=collide
    )
    titles = labels.place_phase_titles(
        [tuple(b) for b in phases["bands"]],
        [tuple(w) for w in phases["widths"]],
        phases["order"],
        width,
        collide=collide,
    )
    return {
        "name": name,
        "items": items,
        "inTime": in_time,
        "order": order,
        "width": width,
        "rows": rows,
        "reserved": reserved,
        "counts": counts,
        "metrics": METRICS,
        "collide": collide,
        "phases": phases,
        "expected": {
            "items": [[p.row, p.form, p.side, p.shown, p.host, p.group] for p in placed],
            "phases": [None if t is None else [t.row, t.start, t.form] for t in titles],
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the JSON file to write")
    parser.add_argument("--synthetic", type=int, default=SYNTHETIC)
    parser.add_argument("--views", type=int, default=VIEWS)
    arguments = parser.parse_args()
    made = cases(arguments.synthetic, arguments.views)
    arguments.out.write_text(json.dumps(made, allow_nan=False), encoding="utf-8")


if __name__ == "__main__":
    main()

"""The timeline chart without a browser: lanes, the layout rule, the figure's dict, its
JSON, the static picture, the colours, the text alternative and the vendored plotly.js.

The chart in Chromium (measured label boxes, the keyboard, the embeddable page) is
tested by test_chart_browser.py."""

from __future__ import annotations

import datetime
import gzip
import html
import itertools
import json
import re
from pathlib import Path
from typing import Any

import plotly.offline  # type: ignore[import-untyped]
import pytest
from conftest import CONTENT, FIRST_STORY, FIXTURES
from markupsafe import escape

from generator.content.load import load_stories
from generator.content.models import PartialDate, Story
from generator.render.build import build_site
from generator.render.chart import labels as labels
from generator.render.chart.description import outside_view, outside_wording, text_alternative
from generator.render.chart.figure import (
    PLOTLY_BUNDLE,
    figure_json,
    initial_range,
    lane_names,
    page_figure,
    picture_patches,
    timeline_figure,
    timeline_figure_data,
    wide_patch,
)
from generator.render.chart.lanes import MAX_ACTOR_LANES, OTHERS, chart_lanes
from generator.render.chart.page import chart_context
from generator.render.chart.palette import PALETTES, merge_patch, palette_layout
from generator.render.chart.plan import PICTURE_LAYERS, PICTURE_PLOT_PX, PictureLayer
from generator.render.chart.preview import HOVERED_LAYERS, MAX_TICKS, _ticks, picture, preview_svg
from generator.render.pages import render_story

ROOT = CONTENT.parent
VENDOR = ROOT / "theme" / "assets" / "vendor"
STYLESHEET = ROOT / "theme" / "assets" / "stylesheets" / "timeline.css"
PLOTLY_VERSION = plotly.offline.get_plotlyjs_version()
BUNDLE = VENDOR / f"plotly-basic-{PLOTLY_VERSION}.min.js"
DENSE = FIXTURES / "dense"
DAY_MS = 86_400_000


@pytest.fixture(scope="module")
def tiny() -> Story:
    return load_stories(FIXTURES / "minimal")[0]


@pytest.fixture(scope="module")
def hanoi() -> Story:
    (story,) = load_stories(CONTENT, FIRST_STORY)  # by id: others may exist
    return story


@pytest.fixture(scope="module")
def harbour() -> Story:
    (story,) = load_stories(DENSE, "example-harbour-accord")  # 25 events over 16 years
    return story


@pytest.fixture(scope="module")
def long_story() -> Story:
    (story,) = load_stories(DENSE, "synthetic-long-story")  # 150 events, 60 years, 20 actors
    return story


@pytest.fixture(scope="module")
def varied() -> Story:
    return load_stories(FIXTURES / "varied")[0]  # lanes by actor, 17 actors


STORIES = ["tiny", "hanoi", "harbour", "long_story", "varied"]


@pytest.fixture(params=STORIES)
def story(request: pytest.FixtureRequest) -> Story:
    story: Story = request.getfixturevalue(request.param)
    return story


def figure_dict(story: Story, *, dark: bool = False) -> dict[str, Any]:
    """The figure as the page receives it."""
    loaded: dict[str, Any] = json.loads(figure_json(timeline_figure_data(story, dark=dark)))
    return loaded


def traces(figure: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [t for t in figure["data"] if t["type"] == kind]


def marks_of(figure: dict[str, Any], event_id: str, kind: str = "scatter") -> list[dict[str, Any]]:
    """Each point of ``kind`` traces that stands for the event, with its own values."""
    found = []
    for trace in traces(figure, kind):
        for i, data in enumerate(trace["customdata"]):
            if data[0] == event_id:
                point = {k: v[i] for k, v in trace.items() if isinstance(v, list)}
                symbols = trace["marker"].get("symbol")
                point["symbol"] = symbols[i] if isinstance(symbols, list) else symbols
                found.append({**point, "marker": trace["marker"], "trace": trace})
    return found


def labels_of(figure: dict[str, Any]) -> list[dict[str, Any]]:
    """The annotations that label marks (one per mark), in the items' order."""
    notes = figure["layout"]["meta"]["timeline"]["notes"]
    return list(figure["layout"]["annotations"][notes["labels"] :])


def plain(text: str) -> str:
    """Hover or mark text as the reader sees it: lines joined, entities decoded."""
    return html.unescape(text.replace("<br>", " "))


def with_event(story: Story, event_id: str, **changes: Any) -> Story:
    events = [e.model_copy(update=changes) if e.id == event_id else e for e in story.events]
    return story.model_copy(update={"events": events})


# --- lanes ---------------------------------------------------------------------------


def test_category_lanes_are_the_categories_in_their_order(hanoi: Story) -> None:
    figure = figure_dict(hanoi)
    names = [c.name for c in hanoi.categories]
    assert lane_names(hanoi) == names
    assert [lane["name"] for lane in figure["layout"]["meta"]["timeline"]["lanes"]] == names


def test_many_actors_get_the_busiest_lanes_and_the_rest_share_one(long_story: Story) -> None:
    lanes = chart_lanes(long_story)
    assert len(lanes) == MAX_ACTOR_LANES + 1 and lanes[-1].name == OTHERS
    counts = {a.name: sum(a.id in e.actors for e in long_story.events) for a in long_story.actors}
    own = {lane.name for lane in lanes[:-1]}
    assert min(counts[name] for name in own) >= max(
        n for name, n in counts.items() if name not in own
    )
    order = [a.name for a in long_story.actors if a.name in own]
    assert [lane.name for lane in lanes[:-1]] == order  # in the order of actors.yml
    for event in long_story.events:  # every event in every lane it belongs to, no other
        expected = {
            lane.name for lane in lanes[:-1] if lane.name in _actor_names(long_story, event)
        }
        drawn = {lane.name for lane in lanes if event in lane.events}
        assert drawn == (expected or {OTHERS}), event.id


def _actor_names(story: Story, event: Any) -> set[str]:
    return {story.actor(a).name for a in event.actors}


def test_few_actors_each_get_a_lane_and_events_without_one_go_last(tiny: Story) -> None:
    story = tiny.model_copy(update={"lanes": "actor"})
    assert lane_names(story) == ["Side A", "Side B", OTHERS]
    figure = figure_dict(story)
    assert len(marks_of(figure, "talks-open")) == 2  # once in each of its actors' lanes


def test_an_event_in_several_lanes_is_labelled_once(long_story: Story) -> None:
    figure = figure_dict(long_story)
    model = figure["layout"]["meta"]["timeline"]
    titled: dict[str, int] = {}
    for _, trace, point, _, _, forms, _ in model["items"]:
        event_id = figure["data"][trace]["customdata"][point][0]
        titled[event_id] = titled.get(event_id, 0) + bool(forms)
    assert set(titled.values()) == {1}
    assert len(titled) == len(long_story.events)


# --- marks ---------------------------------------------------------------------------


def test_every_event_has_a_mark_in_each_of_its_lanes(story: Story) -> None:
    figure = figure_dict(story)
    for lane_index, lane in enumerate(chart_lanes(story)):
        for event in lane.events:
            (mark,) = [m for m in marks_of(figure, event.id) if _lane_of(figure, m) == lane_index]
            assert mark["x"] == _mark_day(event)


def _lane_of(figure: dict[str, Any], mark: dict[str, Any]) -> int:
    model = figure["layout"]["meta"]["timeline"]
    trace = figure["data"].index(mark["trace"])
    return int(next(lane for lane, t, *_ in model["items"] if t == trace))


def _mark_day(event: Any) -> str:
    from generator.render.chart.lanes import mark_day

    return mark_day(event).isoformat()


def test_a_day_is_one_solid_point_and_no_span(tiny: Story) -> None:
    figure = figure_dict(tiny)
    (mark,) = marks_of(figure, "talks-open")
    assert mark["x"] == "2020-01-02"
    assert mark["symbol"] == "circle"
    assert marks_of(figure, "talks-open", "bar") == []


@pytest.mark.parametrize(
    "story_name, event_id, first, last",
    [
        ("tiny", "talks-year", "2019-01-01", "2019-12-31"),
        ("tiny", "earlier-contacts", "2019-10-01", "2019-12-31"),
        ("hanoi", "korean-war", "1950-01-01", "1953-12-31"),
        ("harbour", "first-talks", "2003-04-01", "2003-06-30"),
    ],
)
def test_a_fuzzy_date_spans_its_first_to_last_day_with_a_hollow_mark(
    request: pytest.FixtureRequest, story_name: str, event_id: str, first: str, last: str
) -> None:
    figure = figure_dict(request.getfixturevalue(story_name))
    (bar,) = marks_of(figure, event_id, "bar")
    start = datetime.date.fromisoformat(bar["base"])
    end = start + datetime.timedelta(milliseconds=bar["x"])  # the end of the last day
    assert (start.isoformat(), end - datetime.timedelta(days=1)) == (
        first,
        datetime.date.fromisoformat(last),
    )
    assert bar["trace"]["orientation"] == "h"
    assert bar["marker"]["color"].startswith("rgba(")  # translucent
    (mark,) = marks_of(figure, event_id)
    assert mark["symbol"] == "circle-open"
    assert first < mark["x"] < last  # never shown on its first day as if exact
    assert bar["y"] > mark["y"]  # the bar runs under its mark's row, not through its label


def test_a_month_spans_the_month(tiny: Story) -> None:
    story = with_event(tiny, "talks-open", date=PartialDate(2020, 2))
    (bar,) = marks_of(figure_dict(story), "talks-open", "bar")
    assert (bar["base"], bar["x"]) == ("2020-02-01", 29 * DAY_MS)
    (mark,) = marks_of(figure_dict(story), "talks-open")
    assert mark["customdata"][2] == "during February 2020"


# --- the layout rule (generator/render/chart/labels.py) --------------------------------------


def _item(
    x: float,
    title: str = "",
    lane: int = 0,
    bar: tuple[float, float] | None = None,
    *,
    key: bool = False,
) -> Any:
    widths = tuple(labels.text_width(f) for f in labels.label_forms(title)) if title else ()
    return labels.Item(lane, x, bar, widths, key)


def _place(items: list[Any], width: float = 300, rows: int = 3, **options: Any) -> list[Any]:
    order = list(range(len(items)))
    return labels.place_items(items, order, order, width, [rows], [40.0], _count_width, **options)


def _count_width(number: int) -> float:
    return labels.text_width(labels.count_label(number))


def test_marks_that_would_touch_are_stacked_in_rows() -> None:
    placed = _place([_item(100), _item(101), _item(102)])
    assert [p.row for p in placed] == [0, 1, 2]
    assert all(p.shown and p.host is None for p in placed)


def test_a_mark_keeps_clear_of_its_lanes_title() -> None:
    (placed,) = _place([_item(30)])  # the title takes 40 px of the first row
    assert placed.row == 1
    (under,) = _place([_item(200, bar=(-50, 300))])  # a bar may run under the title
    assert under.row == 0


def test_a_label_goes_right_of_its_mark_then_left_then_shortened_then_nowhere() -> None:
    long = "A title that is long enough to be cut short"
    assert _place([_item(60, long)])[0].side == "right"
    right_edge = _place([_item(290, long)], rows=1)[0]
    assert (right_edge.side, right_edge.form) == ("left", 0)
    narrow = _place([_item(100, long)], width=180, rows=2)[0]
    forms = labels.label_forms(long)
    assert narrow.form and narrow.form > 0  # a cut: the full one fits on neither side
    longer = labels.text_width(forms[narrow.form - 1])
    assert 100 + labels.RADIUS + labels.GAP + longer > 180  # the longer cut had no room
    assert 100 - labels.RADIUS - labels.GAP - longer < 0
    assert _place([_item(60, long)], width=70, rows=1)[0].form is None


def test_a_mark_with_no_room_is_hosted_by_its_nearest_neighbour() -> None:
    items = [_item(100, "One"), _item(110, "Two"), _item(300, "Far"), _item(104, "Three")]
    placed = _place(items, width=400, rows=2)
    assert placed[2].host is None and placed[2].group == 1
    hosts = [p for p in placed if p.group > 1]
    (host,) = hosts
    assert host.group == 2 and host.form == labels.COUNT  # labelled "2 events"
    assert [p.host for p in placed].count(placed.index(host)) == 1


def test_a_key_event_takes_its_place_before_the_events_around_it() -> None:
    crowd = [_item(60 + 40 * n, f"Minor event number {n} happens") for n in range(4)]
    *_, summit = _place([*crowd, _item(200, "The summit", key=True)], width=300, rows=1)
    assert (summit.host, summit.form) == (None, 0), "the key event keeps its mark and label"
    *_, plain = _place([*crowd, _item(200, "The summit")], width=300, rows=1)
    assert plain.host is not None, "the test could not fail: a plain event is folded here"


def test_a_key_event_is_never_folded_into_a_count() -> None:
    close = [_item(100 + n, f"Event {n}") for n in range(4)]
    plain = _place(close, width=400, rows=2)
    assert any(p.host is not None for p in plain), "the crowd needs a count"
    for at in range(4):
        items = [_item(100 + n, f"Event {n}", key=n == at) for n in range(4)]
        placed = _place(items, width=400, rows=2)
        mine = placed[at]
        assert mine.host is None and mine.group == 1 and mine.form == 0, (at, placed)


def test_key_events_come_from_the_yaml_to_the_layout(hanoi: Story) -> None:
    model = figure_dict(hanoi)["layout"]["meta"]["timeline"]
    ids = {tuple(labels.label_forms(e.title)): e.id for e in hanoi.events}
    keyed = {ids[tuple(it[5])] for it in model["items"] if it[6]}
    assert keyed == {e.id for e in hanoi.events if e.key}
    assert {"hanoi-summit-opens", "talks-cut-short"} <= keyed


@pytest.mark.parametrize("layer", PICTURE_LAYERS, ids=[layer.name for layer in PICTURE_LAYERS])
def test_labels_never_overlap_when_the_chart_opens(story: Story, layer: PictureLayer) -> None:
    figure = figure_dict(story)
    width = layer.plot
    if width != PICTURE_PLOT_PX:  # the static picture's wider layouts
        figure = merge_patch(figure, wide_patch(story, timeline_figure_data(story), width))
    boxes = _label_boxes(figure, width)
    for (a, one), (b, two) in itertools.combinations(boxes, 2):
        assert not _overlap(one, two), (a, b)
    for text, (left, right, _, _) in boxes:
        assert left >= 0 and right <= width, text


def test_a_wide_plot_shows_more_labels_than_a_phone(long_story: Story) -> None:
    figure = timeline_figure_data(long_story)
    narrow = [n for n in labels_of(figure) if n["visible"]]
    wide = [
        n for n in labels_of(merge_patch(figure, wide_patch(long_story, figure))) if n["visible"]
    ]
    assert len(wide) > 1.5 * len(narrow)


def test_the_layout_test_can_fail_without_the_collision_rule(harbour: Story) -> None:
    from generator.render.chart import plan as chart_plan

    plan = chart_plan.chart_plan(harbour)
    view = chart_plan.View(*initial_range(harbour))
    items, _ = chart_plan.layout_items(plan, view, [4] * len(plan.lane_names))
    off = labels.place_items(
        items, plan.in_time, plan.order, view.width, [4] * 5, [40.0] * 5, _count_width,
        collide=False,
    )  # fmt: skip
    boxes = [
        ((it.lane, p.row), _box(it, p, PICTURE_PLOT_PX))
        for it, p in zip(items, off, strict=True)
        if p.form is not None
    ]
    clashes = [
        (a, b) for (a, one), (b, two) in itertools.combinations(boxes, 2)
        if a == b and _overlap(one, two)
    ]  # fmt: skip
    assert clashes, "with the rule off, labels should overprint: the test could not fail"


def _box(item: Any, placed: Any, width: float) -> tuple[float, float, float, float]:
    size = item.widths[placed.form]
    start = labels.label_start(item, size, placed.side)
    return start, start + size, placed.row, placed.row


def _label_boxes(
    figure: dict[str, Any], width: float = PICTURE_PLOT_PX
) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Every shown label and lane title as (text, (left, right, top, bottom)) in px of a
    plot ``width`` px wide, with widths estimated as the picture's are."""
    layout = figure["layout"]
    left, right = (datetime.date.fromisoformat(d[:10]) for d in layout["xaxis"]["range"])
    days = (right - left).days
    boxes = []
    for note in layout["annotations"]:
        if not note.get("visible", True) or note["yref"] != "y":
            continue
        text = html.unescape(re.sub("</?b>", "", note["text"]))
        size = labels.text_width(text, bold="<b>" in note["text"])
        if note["xref"] == "paper":
            x = note["x"] * width + note["xshift"]
        else:
            day = datetime.date.fromisoformat(note["x"])
            x = (day - left).days / days * width + note["xshift"]
        start = x if note["xanchor"] == "left" else x - size
        boxes.append((text, (start, start + size, note["y"] - 6, note["y"] + 6)))
    return boxes


def _overlap(one: tuple[float, ...], two: tuple[float, ...]) -> bool:
    return one[0] < two[1] and two[0] < one[1] and one[2] <= two[3] and two[2] <= one[3]


def test_marks_in_view_keep_24_px_apart_when_the_chart_opens(story: Story) -> None:
    figure = timeline_figure_data(story)
    layers = picture(figure, picture_patches(story, figure)).layers
    for layer, width in zip(layers, (layer.plot for layer in PICTURE_LAYERS), strict=True):
        for one, two in itertools.combinations(layer.marks, 2):
            dx = (one.x - two.x) / 100 * width
            assert (dx**2 + (one.y - two.y) ** 2) ** 0.5 >= labels.TARGET - 0.01, (one, two)


def test_lanes_have_the_rows_their_densest_stretch_needs(long_story: Story, tiny: Story) -> None:
    from generator.render.chart.plan import MAX_ROWS, MIN_ROWS

    for story in (long_story, tiny):
        lanes = figure_dict(story)["layout"]["meta"]["timeline"]["lanes"]
        assert all(MIN_ROWS <= lane["most"] <= MAX_ROWS for lane in lanes)
        assert all(lane["rows"] in (0, lane["most"]) for lane in lanes)
    assert figure_dict(tiny)["layout"]["meta"]["timeline"]["lanes"][0]["rows"] < MAX_ROWS


def test_a_lane_with_no_event_in_the_opening_view_folds_away(story: Story) -> None:
    from generator.render.chart import plan as chart_plan

    figure = figure_dict(story)
    lanes = figure["layout"]["meta"]["timeline"]["lanes"]
    plan = chart_plan.chart_plan(story)
    left, right = initial_range(story)
    in_view = {it.lane for it in plan.items if it.first <= right and it.last >= left}
    for index, lane in enumerate(lanes):
        assert (lane["rows"] > 0) == (index in in_view), (story.id, lane)
        assert lane["most"] >= chart_plan.MIN_ROWS or not any(
            it.lane == index for it in plan.items
        )  # rows for when it comes into view
    height = sum(lane["rows"] * labels.ROW + chart_plan.LANE_PAD for lane in lanes if lane["rows"])
    assert figure["layout"]["yaxis"]["range"][0] == height  # no height for a folded lane
    svg = str(preview_svg(figure, picture_patches(story, figure)))
    titles = re.findall(r'font-weight="bold">([^<]+)</text>', svg)
    assert titles == [html.escape(lane["name"]) for lane in lanes if lane["rows"]]
    assert len(figure["layout"]["yaxis"]["tickvals"]) == len(titles) - 1  # lines between


def test_the_first_storys_opening_view_has_no_empty_war_lane(hanoi: Story) -> None:
    lanes = figure_dict(hanoi)["layout"]["meta"]["timeline"]["lanes"]
    war = next(lane for lane in lanes if lane["name"] == "War and armistice")
    assert war["rows"] == 0 and war["most"] > 0  # folded when the chart opens, not for good
    assert "War and armistice" not in str(preview_svg(figure_dict(hanoi)))


def test_giving_each_lane_only_the_rows_it_used_changes_no_placement(story: Story) -> None:
    from generator.render.chart import plan as chart_plan

    plan = chart_plan.chart_plan(story)
    view = chart_plan.View(*initial_range(story))
    _, most = chart_plan.layout_items(plan, view, [chart_plan.MAX_ROWS] * len(plan.lane_names))
    _, used = chart_plan.layout_items(plan, view, chart_plan.rows_used(plan, most))
    assert used == most  # what charts._figure relies on to lay out once


def test_labels_are_shortened_at_a_word_by_rule() -> None:
    assert labels.shorten("Talks open", 14) == "Talks open"
    assert (
        labels.shorten("First Trump–Kim summit, in Singapore", 28) == "First Trump–Kim summit, in…"
    )
    assert labels.label_forms("Talks open") == ("Talks open",)
    title = "First Trump–Kim summit, in Singapore"
    forms = labels.label_forms(title)
    assert forms[0] == title, "a label is the full title wherever it fits"
    assert [len(f) for f in forms] == sorted((len(f) for f in forms), reverse=True)
    assert forms[-1] == labels.shorten(title, min(labels.CUTS))


def test_each_picture_layer_shows_where_the_stylesheet_says(story: Story) -> None:
    css = STYLESHEET.read_text()
    queries = [int(px) for px in re.findall(r"@container \(min-width: (\d+)px\)", css)]
    assert queries == [layer.box for layer in PICTURE_LAYERS[1:]]
    for layer in PICTURE_LAYERS:
        assert f".timeline-chart__{layer.name}" in css
    svg = str(preview_svg(timeline_figure_data(story), picture_patches(story, figure_dict(story))))
    assert [f'<g id="{layer.name}">' in svg for layer in PICTURE_LAYERS] == [True] * len(
        PICTURE_LAYERS
    )


def test_the_opening_placements_are_the_pictures(story: Story) -> None:
    """What timeline-chart.js draws first is what each layer of the picture shows."""
    figure = timeline_figure_data(story)
    openings = figure["layout"]["meta"]["timeline"]["openings"]
    assert [o["plot"] for o in openings] == [layer.plot for layer in PICTURE_LAYERS]
    patches = dict(picture_patches(story, figure))
    for opening, layer in zip(openings, PICTURE_LAYERS, strict=True):
        drawn = merge_patch(figure, patches[layer.name]) if layer.name in patches else figure
        shown = [n["visible"] for n in labels_of(drawn)]
        assert [p[1] != -2 and p[3] == 1 and p[4] == -1 for p in opening["placed"]] == shown


def test_text_widths_are_the_fonts_advance_widths() -> None:
    # Liberation Sans (Arial's metrics), measured in Chromium at 11 px with kerning off:
    # "Talks open" 53.81 px (52.59 with kerning), and a pixel for rounding, as
    # timeline-chart.js adds it.
    assert labels.text_width("Talks open") == pytest.approx(53.81 + labels.ROUNDING, abs=0.02)
    assert labels.text_width("Talks", bold=True) > labels.text_width("Talks")
    assert labels.text_width("会谈") > labels.text_width("ab")  # wide scripts count wide


def test_the_font_table_is_what_its_script_writes(tmp_path: Path) -> None:
    import subprocess
    import sys

    fonts = Path("/usr/share/fonts/truetype/liberation")
    if not (fonts / "LiberationSans-Regular.ttf").is_file():
        pytest.skip("Liberation Sans is not installed")
    out = tmp_path / "font.py"
    script = ROOT / "scripts" / "font_metrics.py"
    subprocess.run([sys.executable, script, "--out", out], check=True, capture_output=True)
    assert out.read_text() == (ROOT / "generator" / "render" / "chart" / "font.py").read_text()


def test_phase_titles_share_two_rows_without_overlapping(long_story: Story) -> None:
    figure = figure_dict(long_story)
    titles = [n for n in figure["layout"]["annotations"] if n["yref"] == "paper" and n["visible"]]
    starts = [(t["yshift"], t["x"] * PICTURE_PLOT_PX, labels.text_width(t["text"])) for t in titles]
    boxes = [(row, start, start + size) for row, start, size in starts]
    assert titles
    for one, two in itertools.combinations(boxes, 2):
        assert one[0] != two[0] or one[2] <= two[1] or two[2] <= one[1], (one, two)
    assert all(left >= 0 and right <= PICTURE_PLOT_PX for _, left, right in boxes)


# --- hover, ids, escaping ------------------------------------------------------------


@pytest.mark.parametrize(
    "event_id, wording",
    [
        ("talks-open", "on 2 January 2020"),
        ("talks-year", "during 2019"),
        ("earlier-contacts", "around end of 2019 (between October 2019 and December 2019)"),
    ],
)
def test_hover_says_how_sure_the_date_is(tiny: Story, event_id: str, wording: str) -> None:
    figure = figure_dict(tiny)
    for mark in marks_of(figure, event_id) + marks_of(figure, event_id, "bar"):
        assert plain(mark["customdata"][2]) == wording
        assert all(len(line) <= 44 for line in mark["customdata"][2].split("<br>"))
        assert "%{customdata[2]}" in mark["trace"]["hovertemplate"]


def test_hover_names_actors_and_describes(tiny: Story) -> None:
    (mark,) = marks_of(figure_dict(tiny), "talks-open")
    event_id, title, _, who, description = mark["customdata"]
    assert (event_id, title, who, description) == (
        "talks-open",
        "Talks open",
        "<br>Who: Side A, Side B",
        "The two sides meet.",
    )
    (other,) = marks_of(figure_dict(tiny), "talks-year")
    assert other["customdata"][3] == ""


def test_a_mark_that_stands_for_several_names_them_all(long_story: Story) -> None:
    figure = figure_dict(long_story)
    hosts = [
        (trace, i) for trace in traces(figure, "scatter")
        for i, text in enumerate(trace["text"]) if text
    ]  # fmt: skip
    assert hosts, "the long story opens with marks standing for several events"
    for trace, i in hosts:
        count = int(re.match(r"<b>(\d+) events</b>", trace["text"][i]).group(1))  # type: ignore[union-attr]
        assert trace["text"][i].count(";<br>") == count - 1
        assert trace["hovertemplate"][i] == "%{text}<extra></extra>"
    hidden = [y for trace in figure["data"] for y in trace["y"] if y < 0]
    assert hidden, "the events they stand for are not drawn"


def test_every_hover_and_click_target_carries_its_event_id(hanoi: Story) -> None:
    ids = {e.id for e in hanoi.events}
    for trace in figure_dict(hanoi)["data"]:
        assert {data[0] for data in trace["customdata"]} <= ids


def test_text_from_yaml_is_html_escaped(tiny: Story) -> None:
    hostile = '<a href="javascript:alert(1)">x</a> & <b>bold</b>'
    story = with_event(tiny, "talks-open", title=hostile, description=hostile)
    story = story.model_copy(
        update={"phases": [tiny.phases[0].model_copy(update={"title": "<i>phase</i>"})]}
    )
    figure = figure_dict(story)
    (mark,) = marks_of(figure, "talks-open")
    notes = figure["layout"]["annotations"]
    strings = [*mark["customdata"][1:], *(n["text"] for n in notes if "<b>" not in n["text"])]
    for text in strings:
        assert "<a" not in text and "<b>" not in text and "<i>" not in text
    assert plain(mark["customdata"][1]) == hostile
    assert notes[0]["text"] == "&lt;i&gt;phase&lt;/i&gt;"


# --- phases, range, layout -----------------------------------------------------------


def test_phases_are_shaded_bands_behind_the_marks(hanoi: Story) -> None:
    layout = figure_dict(hanoi)["layout"]
    assert len(layout["shapes"]) == len(hanoi.phases)
    for shape, phase in zip(layout["shapes"], hanoi.phases, strict=True):
        assert shape["type"] == "rect"
        assert (shape["xref"], shape["yref"], shape["y0"], shape["y1"]) == ("x", "paper", 0, 1)
        assert shape["layer"] == "below"
        assert shape["x0"] == phase.start.first_day.isoformat()
        assert shape["x1"] == (phase.end.last_day + datetime.timedelta(days=1)).isoformat()
    titles = [html.unescape(a["text"]) for a in layout["annotations"][: len(hanoi.phases)]]
    for title, phase in zip(titles, hanoi.phases, strict=True):
        assert phase.title.startswith(title.rstrip("…"))  # whole, or shortened by rule


def test_chart_opens_on_the_story_and_its_lead_up(hanoi: Story) -> None:
    xaxis = figure_dict(hanoi)["layout"]["xaxis"]
    left, right = (datetime.date.fromisoformat(d) for d in xaxis["range"])
    assert (left, right) == initial_range(hanoi)
    assert left < hanoi.meta.first_day - datetime.timedelta(days=150)  # the lead-up
    assert right >= hanoi.meta.last_day
    assert not xaxis.get("fixedrange")  # the earlier events are reachable by pan and zoom
    assert "autorange" not in xaxis


def test_events_outside_the_opening_view_are_counted(hanoi: Story, tiny: Story) -> None:
    left, right = initial_range(hanoi)
    earlier, later = outside_view(hanoi, (left, right))
    assert {e.id for e in earlier} >= {"korean-war"}
    assert all(e.first_day > right for e in later)  # what followed, years after the summit
    ends = [max(e.date.last_day, e.first_day) for e in earlier]
    assert ends == sorted(ends, reverse=True)  # the nearest first
    words = outside_wording(earlier, "earlier")
    assert re.fullmatch(rf"{len(earlier)} earlier events?, 1950(–\d{{4}})?", words), words
    context = chart_context(hanoi)
    assert context is not None and context["earlier"] == words
    assert context["later"] == (outside_wording(later, "later") if later else "")
    assert context["earlier_id"] == earlier[0].id
    assert chart_context(tiny)["earlier"] == ""  # type: ignore[index]


@pytest.mark.parametrize("fixture", ["hanoi", "long_story", "varied"])
def test_the_figure_words_the_counts_outside_any_view_as_the_page_does(
    fixture: str, request: pytest.FixtureRequest
) -> None:
    """The counts the browser shows after a change of view are Python's: for a view
    beginning or ending at each day an event begins or ends, the figure's entry for that
    many events outside says what outside_view and outside_wording say."""
    story: Story = request.getfixturevalue(fixture)
    counts = timeline_figure_data(story)["layout"]["meta"]["timeline"]["outside"]
    in_order = [e.id for e in story.events_in_order()]
    ends = [d for e in story.events for d in (e.first_day, e.date.last_day)]
    days = {d + datetime.timedelta(days=shift) for d in ends for shift in (-1, 0, 1)}
    for day in sorted(days):
        earlier, later = outside_view(story, (day, day))
        for events, direction in ((earlier, "earlier"), (later, "later")):
            if events:
                words = counts[direction]["words"][len(events) - 1]
                nearest = counts[direction]["nearest"][len(events) - 1]
                assert words == outside_wording(events, direction), (day, direction)
                assert in_order[nearest] == events[0].id, (day, direction)
    assert {len(words) for count in counts.values() for words in count.values()} == {
        len(story.events)
    }


def test_layout_fits_a_phone_and_the_page(hanoi: Story) -> None:
    layout = figure_dict(hanoi)["layout"]
    assert layout["dragmode"] == "pan"
    assert layout["yaxis"]["fixedrange"] is True
    assert layout["yaxis"]["range"][1] == 0  # px from the top: first lane on top
    assert layout["showlegend"] is False
    assert layout["margin"]["l"] <= 10 and layout["margin"]["r"] <= 10
    assert layout["paper_bgcolor"] == layout["plot_bgcolor"] == "rgba(0,0,0,0)"
    assert layout["font"]["family"].startswith("Helvetica, Arial, 'Liberation Sans'")
    assert "width" not in layout  # the column sets the width, the lanes the height
    rows = sum(lane["rows"] for lane in layout["meta"]["timeline"]["lanes"])
    assert layout["height"] == layout["yaxis"]["range"][0] + layout["margin"]["t"] + 28
    assert layout["yaxis"]["range"][0] >= rows * labels.ROW
    assert layout["uirevision"] == hanoi.id  # Plotly.react keeps the reader's pan


# --- palettes ------------------------------------------------------------------------


def test_light_and_dark_palettes_differ(hanoi: Story) -> None:
    light, dark = figure_dict(hanoi), figure_dict(hanoi, dark=True)
    assert light["layout"]["font"]["color"] != dark["layout"]["font"]["color"]
    assert light["data"][0]["marker"]["color"] != dark["data"][0]["marker"]["color"]
    assert palette_layout(False) != palette_layout(True)
    assert set(PALETTES) == {"light", "dark"}
    assert PALETTES["light"].keys() == PALETTES["dark"].keys()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_embedded_palette_turns_either_figure_into_the_other(hanoi: Story, scheme: str) -> None:
    # timeline-chart.js hands layout.meta.palettes[scheme] to Plotly.update; plotly.py's
    # plotly_update reads the same attribute strings by the same rules.
    target = timeline_figure(hanoi, dark=scheme == "dark").to_plotly_json()
    for dark in (False, True):
        figure = timeline_figure(hanoi, dark=dark)
        palette = figure.layout.meta["palettes"][scheme]
        assert palette["ring"] == PALETTES[scheme]["text"]
        figure.plotly_update(restyle_data=palette["data"], relayout_data=palette["layout"])
        assert figure.to_plotly_json() == target


def _luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else float(((s + 0.055) / 1.055) ** 2.4)

    r, g, b = (channel(int(hex_colour[i : i + 2], 16)) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(one: str, two: str) -> float:
    high, low = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_palette_contrast_meets_wcag(scheme: str) -> None:
    palette = PALETTES[scheme]
    grounds = [palette[k] for k in ("background", "band", "band-alt")]
    for ground in grounds:
        for key in ("text", "muted"):  # text: 4.5:1
            assert _contrast(palette[key], ground) >= 4.5, (key, ground)
        for key in (k for k in palette if k.startswith("lane-")):  # marks: 3:1
            assert _contrast(palette[key], ground) >= 3, (key, ground)
    assert _contrast(palette["text"], palette["hover"]) >= 4.5


def test_the_picture_takes_the_figures_colours_from_the_stylesheet() -> None:
    css = STYLESHEET.read_text()
    light, dark = css.split('[data-md-color-scheme="slate"] .timeline-chart {', 1)
    dark = dark.split("}", 1)[0]
    for scheme, block in (("light", light), ("dark", dark)):
        declared = dict(re.findall(r"--timeline-([a-z0-9-]+):\s*(#[0-9a-f]{6});", block))
        expected = {k: v for k, v in PALETTES[scheme].items() if k not in ("background", "hover")}
        assert declared == expected, scheme


# --- JSON for the page ---------------------------------------------------------------


def test_json_is_a_file_of_its_own_with_hostile_text_as_data(tiny: Story) -> None:
    # Served as timeline/figure.json and read with JSON.parse, never inside a <script>:
    # no escapes for HTML, which cost a sixth of the hover texts' bytes (<br> as \u003c...).
    title = "</script><script>alert(1)</script> <!-- \u2028 \u2029 &amp;"
    story = with_event(tiny, "talks-open", title=title, description=title)
    figure = timeline_figure(story)
    text = figure_json(figure)
    assert "\\u003c" not in text and "<br>" in text
    assert json.loads(text) == json.loads(json.dumps(figure.to_plotly_json()))
    (mark,) = marks_of(json.loads(text), "talks-open")
    assert plain(mark["customdata"][1]) == title


def _with_template(item: dict[str, Any], defaults: dict[str, Any]) -> dict[str, Any]:
    """``item`` as Plotly reads it under a template's ``defaults``, key by key, nested."""
    merged = dict(item)
    for key, value in defaults.items():
        if key not in merged:
            merged[key] = value
        elif isinstance(value, dict) and isinstance(merged[key], dict):
            merged[key] = _with_template(merged[key], value)
    return merged


def test_the_figures_file_holds_each_value_once_for_the_same_chart(hanoi: Story) -> None:
    """figure.json keeps each point's event id and date wording, on the event's mark only
    (timeline-chart.js gives a bar its mark's; the title, actors and description are the
    page's list's); what every trace of a type or every annotation shares is in the
    layout's template, once; a label's annotation has nothing the script lays out. Read
    as Plotly and the script read it, it is the whole figure."""
    chart = chart_context(hanoi)
    assert chart is not None
    written = json.loads(chart["figure_json"])
    full = json.loads(figure_json(timeline_figure_data(hanoi, coloured=False)))
    template = written["layout"]["template"]
    model = written["layout"]["meta"]["timeline"]
    read = [_with_template(t, template["data"][t["type"]][0]) for t in written["data"]]
    bars = 0
    for _, mt, mp, bt, bp, *_rest in model["items"]:
        if bt >= 0:
            assert "customdata" not in written["data"][bt]  # the when phrase, once
            read[bt].setdefault("customdata", [None] * len(read[bt]["x"]))[bp] = read[mt][
                "customdata"
            ][mp]
            bars += 1
    assert bars > 0
    for kept, trace in zip(read, full["data"], strict=True):
        assert kept == {**trace, "customdata": [[row[0], row[2]] for row in trace["customdata"]]}
    notes = [
        _with_template(note, template["layout"]["annotationdefaults"])
        for note in written["layout"]["annotations"]
    ]
    first = model["notes"]["labels"]
    laid_out = ("text", "visible", "x", "y", "xanchor", "xshift")
    assert notes[:first] == full["layout"]["annotations"][:first]
    assert all(set(note) & set(laid_out) == {"visible"} for note in notes[first:])
    assert [{k: v for k, v in note.items() if k not in laid_out} for note in notes[first:]] == [
        {k: v for k, v in note.items() if k not in laid_out}
        for note in full["layout"]["annotations"][first:]
    ]

    # A label's shorter forms as lengths, an unshown placement as 0: read back as the
    # script does (timeline-chart.js readBack), in UTF-16 code units.
    def form(full: str, short: str | int) -> str:
        if isinstance(short, str):
            return short
        return full.encode("utf-16-le")[: 2 * short].decode("utf-16-le") + "…"

    assert any(isinstance(f, int) for item in model["items"] for f in item[5])
    for item in model["items"]:
        item[5] = [form(item[5][0], f) for f in item[5]]
    for opening in model["openings"]:
        opening["placed"] = [[0, -2, 0, 0, -1] if p == 0 else p for p in opening["placed"]]
    rest = {k: v for k, v in written["layout"].items() if k not in ("annotations", "template")}
    assert rest == {k: v for k, v in full["layout"].items() if k not in ("annotations", "template")}
    assert len(chart["figure_json"]) < 0.75 * len(figure_json(page_customdata_only(full)))


def page_customdata_only(figure: dict[str, Any]) -> dict[str, Any]:
    """The figure with each point's hover data its id and date wording (the file's
    before it held each value once)."""
    data = [
        {**t, "customdata": [[row[0], row[2]] for row in t["customdata"]]} for t in figure["data"]
    ]
    return {**figure, "data": data}


def test_json_is_deterministic(hanoi: Story) -> None:
    (again,) = load_stories(CONTENT, FIRST_STORY)
    assert figure_json(timeline_figure(hanoi)) == figure_json(timeline_figure(again))
    assert figure_json(timeline_figure(hanoi, dark=True)) == figure_json(
        timeline_figure(again, dark=True)
    )


def test_json_is_small_without_plotlys_default_template(hanoi: Story, long_story: Story) -> None:
    for story in (hanoi, long_story):
        text = chart_context(story)["figure_json"]  # type: ignore[index]  # what the site ships
        per_event = len(gzip.compress(text.encode())) / len(story.events)
        assert per_event < 250, (story.id, per_event)  # gzipped bytes per event
        template = json.loads(text)["layout"]["template"]  # the figure's shared values
        assert len(json.dumps(template)) < 700  # plotly.py's default 'plotly' one is ~10 KB
        assert "uid" not in text and "uuid" not in text


def test_plain_figure_data_is_what_plotly_validates(hanoi: Story, long_story: Story) -> None:
    for story in (hanoi, long_story):
        for dark in (False, True):
            assert figure_json(timeline_figure_data(story, dark=dark)) == figure_json(
                timeline_figure(story, dark=dark)
            )


# --- text alternative ----------------------------------------------------------------


def test_text_alternative_of_the_tiny_story(tiny: Story) -> None:
    assert text_alternative(tiny) == (
        "A timeline chart of 3 events from 2019 to 2 January 2020, in 1 lane by category: "
        "Diplomacy (3 events). Shaded bands mark 1 phase: The talks."
    )


def test_text_alternative_names_every_lane_and_phase(hanoi: Story, long_story: Story) -> None:
    text = text_alternative(hanoi)
    assert text.startswith(f"A timeline chart of {len(hanoi.events)} events from 1950\u20131953")
    for lane in chart_lanes(hanoi):
        assert f"{lane.name} ({len(lane.events)} event" in text
    assert all(phase.title in text for phase in hanoi.phases)
    assert f"{OTHERS} (" in text_alternative(long_story)


def test_text_alternative_without_events(tiny: Story) -> None:
    empty = tiny.model_copy(update={"events": [], "phases": []})
    assert text_alternative(empty) == "A timeline chart with no events yet."
    assert figure_json(timeline_figure(empty))  # still a valid, empty chart
    assert chart_context(empty) is None


# --- the pages -----------------------------------------------------------------------


def test_each_story_gets_an_embeddable_timeline_outside_the_navigation(tiny: Story) -> None:
    pages = render_story(tiny)
    embed = pages["tiny-story/timeline/embed.md"]
    assert "template: embed.html" in embed.split("---")[1]
    assert '<figure class="timeline-chart">' in embed and "<figcaption>" in embed
    assert "[Read the whole story](../index.md)" in embed
    # No list of its own: a link to the timeline page's, which its chart reads (data-list)
    assert 'id="event-talks-open"' not in embed and 'class="timeline"' not in embed
    assert "](../timeline.md)" in embed and 'data-list="../"' in embed
    assert 'href="../#event-talks-open"' in embed and 'target="_self"' not in embed
    timeline = pages["tiny-story/timeline.md"]  # its links stay in the frame, or the page
    assert re.search(
        r'<a class="timeline-chart__later" href="#event-[^"]+" target="_self"', timeline
    )
    site = build_site(FIXTURES / "minimal")
    assert "tiny-story/timeline/embed.md" in site.files and "embed" not in str(site.nav)


def test_the_figure_is_a_file_beside_the_pages_that_show_it(tiny: Story) -> None:
    pages = render_story(tiny)
    figure = pages["tiny-story/timeline/figure.json"]
    assert figure == figure_json(page_figure(timeline_figure_data(tiny, coloured=False)))
    assert 'data-figure="figure.json"' in pages["tiny-story/timeline.md"]
    assert 'data-figure="../figure.json"' in pages["tiny-story/timeline/embed.md"]
    assert "<script" not in pages["tiny-story/timeline.md"]  # nothing inline to run


def test_the_timeline_page_offers_the_code_to_embed_it(tiny: Story) -> None:
    page = render_story(tiny)["tiny-story/timeline.md"]
    code = re.search(r'<pre class="timeline-embed__code"[^>]*><code>(.*?)</code></pre>', page, re.S)
    assert code, "no embed code"
    frame, script = html.unescape(code.group(1)).split("\n")
    assert frame.startswith('<iframe src="embed/" title="Timeline: A tiny story"')
    assert script.startswith("<script>") and "explainerTimelineHeight" in script  # sizes it
    assert "(timeline/embed.md)" in page  # a link MkDocs checks, which timeline.js reads


def test_the_chart_has_one_description_and_no_interactive_image(tiny: Story) -> None:
    page = render_story(tiny)["tiny-story/timeline.md"]
    figure = page[page.index("<figure") : page.index("</figure>")]
    assert (
        'role="img"' not in figure
        and "tabindex" not in figure
        and 'aria-label="A time' not in figure
    )
    assert figure.count(text_alternative(tiny).split(",")[0]) == 1  # in the figcaption alone
    assert '<input class="timeline-chart__keys" type="range"' in figure


# --- the static picture ---------------------------------------------------------------


def test_picture_draws_every_mark_in_view_once(story: Story) -> None:
    figure = figure_dict(story)
    left, right = figure["layout"]["xaxis"]["range"]
    shown = [
        (x, symbol)
        for trace in traces(figure, "scatter")
        for x, y, symbol in zip(trace["x"], trace["y"], trace["marker"]["symbol"], strict=True)
        if left <= x <= right and y >= 0
    ]
    data = timeline_figure_data(story)
    svg = str(preview_svg(data, wide_patch(story, data)))
    narrow, wide = svg.split('<g id="wide">')
    assert narrow.count("<circle ") == len(shown)  # each layout draws each mark once
    hollow = [s for _, s in shown if s.endswith("-open")]
    assert narrow.count('open" cx=') == len(hollow)
    assert 0 < wide.count("<circle ") <= len({x for x, _ in shown}) * 6


def test_picture_gives_tooltips_where_a_mouse_points_not_on_a_phone(story: Story) -> None:
    """A mark of the wider layouts names its event for a reader without JavaScript who
    points at it; the phone's layouts, which nobody hovers, carry no tooltip."""
    data = timeline_figure_data(story)
    svg = str(preview_svg(data, picture_patches(story, figure_dict(story))))
    layers = dict(re.findall(r'<g id="([a-z]+)">(.*?)</g>', svg, re.S))
    assert set(layers) == {"base", *(layer.name for layer in PICTURE_LAYERS)}
    assert set(layers) > HOVERED_LAYERS
    for name, drawn in layers.items():
        marks = drawn.count("<circle ")
        tooltips = re.findall(r"<title>([^<]+)</title></circle>", drawn)
        if name in HOVERED_LAYERS:
            assert marks and len(tooltips) == marks
            titles = {str(event.title) for event in story.events}
            shown = [html.unescape(tip) for tip in tooltips]
            assert any(any(title in tip for title in titles) for tip in shown)
        else:
            assert not tooltips, name


def test_picture_is_markup_from_a_template_coloured_by_the_stylesheet(hanoi: Story) -> None:
    """The picture's file has one style, whose colours are all the page's custom
    properties (timeline.css, for either scheme): no colour of its own."""
    svg = str(preview_svg(timeline_figure_data(hanoi)))
    assert svg.count("<style") == 1 and not re.search(r"#[0-9a-fA-F]{3}|rgb|hsl", svg)
    used = set(re.findall(r"var\(--timeline-([a-z0-9-]+)\)", svg))
    css = STYLESHEET.read_text()
    light, dark = css.split('[data-md-color-scheme="slate"] .timeline-chart {', 1)
    for block in (light, dark.split("}", 1)[0]):
        assert used <= set(re.findall(r"--timeline-([a-z0-9-]+):\s*#", block))
    assert {f"lane-{n}" for n in range(1, 7)} <= used
    assert "\n\n" not in svg
    assert svg.count("\n") > 20  # an element a line, for a reader of the file


def test_picture_shows_phases_lanes_labels_and_dates(hanoi: Story) -> None:
    figure = figure_dict(hanoi)
    svg = preview_svg(timeline_figure_data(hanoi))
    lanes = figure["layout"]["meta"]["timeline"]["lanes"]
    for lane in (lane for lane in lanes if lane["rows"]):  # the others fold away
        assert f'font-weight="bold">{html.escape(lane["name"])}</text>' in svg
    notes = figure["layout"]["annotations"]
    shown = [n for n in notes if n.get("visible", True) and "<b>" not in n["text"]]
    for note in shown:
        assert f">{escape(html.unescape(note['text']))}</text>" in svg  # as Plotly has them
    ticks = re.findall(r'font-size="12">([^<]+)</text>', svg)
    assert 2 <= len(ticks) <= MAX_TICKS


def test_picture_escapes_text_from_yaml(tiny: Story) -> None:
    hostile = '<a href="javascript:alert(1)">x</a> & <b>bold</b>'
    story = with_event(tiny, "talks-open", title=hostile)
    story = story.model_copy(
        update={"phases": [tiny.phases[0].model_copy(update={"title": "<i>phase</i>"})]}
    )
    data = timeline_figure_data(story)
    svg = preview_svg(data, wide_patch(story, data))  # the wide layout's tooltips too
    assert "<a" not in svg and "<b>" not in svg and "<i>" not in svg
    assert "&lt;i&gt;phase&lt;/i&gt;" in svg and "&lt;a href=" in svg


@pytest.mark.parametrize(
    ("left", "right", "ticks"),
    [
        ("2017-10-01", "2019-03-31", ["Jan 2018", "Jul 2018", "Jan 2019"]),
        ("2019-02-01", "2019-04-30", ["Feb 2019", "Mar 2019", "Apr 2019"]),
        ("1950-01-01", "2019-12-31", ["1960", "1980", "2000"]),
    ],
)
def test_picture_axis_labels_are_round_dates(left: str, right: str, ticks: list[str]) -> None:
    found = _ticks(datetime.date.fromisoformat(left), datetime.date.fromisoformat(right))
    assert [label for _, label in found] == ticks
    assert len(found) <= MAX_TICKS


# --- vendored plotly.js and the fixtures ------------------------------------------------


def test_vendored_plotly_is_the_basic_bundle_the_python_package_targets() -> None:
    assert BUNDLE.is_file(), "run scripts/vendor_plotly.sh"
    assert ROOT / "theme" / PLOTLY_BUNDLE == BUNDLE  # the path pages point data-plotly at
    header = BUNDLE.read_bytes()[:300].decode()
    assert re.search(rf"plotly\.js \(basic[^)]*\) v{re.escape(PLOTLY_VERSION)}\b", header)
    assert BUNDLE.stat().st_size < 1_500_000  # the full bundle is 4.8 MB
    assert [p.name for p in VENDOR.glob("plotly-basic-*.min.js")] == [BUNDLE.name]
    assert "MIT" in (VENDOR / "plotly.js-LICENSE.txt").read_text()


def test_vendored_plotly_gzips_under_half_a_megabyte() -> None:
    assert len(gzip.compress(BUNDLE.read_bytes())) < 500_000


def test_the_long_fixture_is_what_its_script_writes(tmp_path: Path) -> None:
    from long_story import write

    folder = write(tmp_path)
    committed = DENSE / folder.name
    for path in folder.iterdir():
        assert path.read_text() == (committed / path.name).read_text(), path.name


def test_a_labels_shorter_forms_are_written_as_lengths_in_javascripts_units() -> None:
    """figure.json writes a shorter form that is the title's start and an ellipsis as the
    start's length in UTF-16 code units, what JavaScript's slice counts (an emoji is two);
    any other form as it is."""
    from generator.render.chart.figure import short_forms

    assert short_forms(["Talks 🙂 open in Hanoi", "Talks 🙂…", "Other…"]) == [
        "Talks 🙂 open in Hanoi",
        8,
        "Other…",
    ]
    assert short_forms([]) == []

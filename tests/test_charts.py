"""The timeline chart: the figure's dict, its JSON for the page, the vendored plotly.js,
and (in Chromium) the script that draws it."""

from __future__ import annotations

import datetime
import gzip
import html
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import plotly.offline
import pytest

from generator.chart_preview import preview_svg
from generator.charts import (
    PALETTES,
    PLOTLY_BUNDLE,
    figure_json,
    initial_range,
    lane_names,
    merge_patch,
    palette_layout,
    text_alternative,
    timeline_figure,
    timeline_figure_data,
)
from generator.load import load_stories
from generator.models import PartialDate, Story

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "theme" / "assets" / "vendor"
SCRIPT = ROOT / "theme" / "assets" / "javascripts" / "timeline.js"
STYLESHEET = ROOT / "theme" / "assets" / "stylesheets" / "timeline.css"
PLOTLY_VERSION = plotly.offline.get_plotlyjs_version()
BUNDLE = VENDOR / f"plotly-basic-{PLOTLY_VERSION}.min.js"
DAY_MS = 86_400_000


@pytest.fixture(scope="module")
def tiny() -> Story:
    return load_stories(ROOT / "tests" / "fixtures" / "minimal")[0]


@pytest.fixture(scope="module")
def hanoi() -> Story:
    (story,) = load_stories(ROOT / "content", "hanoi-summit-2019")  # by id: others may exist
    return story


@pytest.fixture(params=["tiny", "hanoi"])
def story(request: pytest.FixtureRequest) -> Story:
    story: Story = request.getfixturevalue(request.param)
    return story


def figure_dict(story: Story, *, dark: bool = False) -> dict[str, Any]:
    """The figure as the page receives it."""
    loaded: dict[str, Any] = json.loads(figure_json(timeline_figure(story, dark=dark)))
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


def plain(text: str) -> str:
    """Hover or mark text as the reader sees it: lines joined, entities decoded."""
    return html.unescape(text.replace("<br>", " "))


def with_event(story: Story, event_id: str, **changes: Any) -> Story:
    events = [e.model_copy(update=changes) if e.id == event_id else e for e in story.events]
    return story.model_copy(update={"events": events})


# --- lanes and marks -----------------------------------------------------------------


def test_one_lane_per_category_in_their_order(story: Story) -> None:
    figure = figure_dict(story)
    names = [c.name for c in story.categories]
    assert lane_names(story) == names
    assert figure["layout"]["yaxis"]["categoryarray"] == names
    assert {y for t in figure["data"] for y in t["y"]} <= set(names)


def test_every_event_has_exactly_one_labelled_mark(story: Story) -> None:
    figure = figure_dict(story)
    ids = [data[0] for t in traces(figure, "scatter") for data in t["customdata"]]
    assert sorted(ids) == sorted(e.id for e in story.events)
    assert all(t["mode"] == "markers+text" for t in traces(figure, "scatter"))


def test_marks_sit_in_their_category_lane(hanoi: Story) -> None:
    figure = figure_dict(hanoi)
    names = {c.id: c.name for c in hanoi.categories}
    for event in hanoi.events:
        (mark,) = marks_of(figure, event.id)
        assert mark["y"] == names[event.category], event.id


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
        ("hanoi", "missile-test-pause", "2017-10-01", "2017-12-31"),
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


def test_a_month_spans_the_month(tiny: Story) -> None:
    story = with_event(tiny, "talks-open", date=PartialDate(2020, 2))
    (bar,) = marks_of(figure_dict(story), "talks-open", "bar")
    assert (bar["base"], bar["x"]) == ("2020-02-01", 29 * DAY_MS)
    (mark,) = marks_of(figure_dict(story), "talks-open")
    assert mark["customdata"][2] == "during February 2020"


def test_titles_of_neighbouring_marks_take_different_rows(hanoi: Story) -> None:
    figure = figure_dict(hanoi)
    (opens,) = marks_of(figure, "hanoi-summit-opens")
    (ends,) = marks_of(figure, "talks-cut-short")  # the next day, in the same lane
    assert opens["textposition"].split()[0] != ends["textposition"].split()[0]
    right = figure["layout"]["xaxis"]["range"][1]
    assert opens["textposition"].endswith("left") and opens["x"] < right  # kept in view


def test_actor_lanes_repeat_an_event_for_each_actor(tiny: Story) -> None:
    story = tiny.model_copy(update={"lanes": "actor"})
    figure = figure_dict(story)
    assert lane_names(story) == ["Side A", "Side B", "Other"]
    assert sorted(m["y"] for m in marks_of(figure, "talks-open")) == ["Side A", "Side B"]
    assert [m["y"] for m in marks_of(figure, "talks-year")] == ["Other"]


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


def test_every_hover_and_click_target_carries_its_event_id(hanoi: Story) -> None:
    ids = {e.id for e in hanoi.events}
    for trace in figure_dict(hanoi)["data"]:
        assert trace["hovertemplate"].endswith("<extra></extra>")
        assert {data[0] for data in trace["customdata"]} <= ids


def test_text_from_yaml_is_html_escaped(tiny: Story) -> None:
    hostile = '<a href="javascript:alert(1)">x</a> & <b>bold</b>'
    story = with_event(tiny, "talks-open", title=hostile, description=hostile)
    story = story.model_copy(
        update={"phases": [tiny.phases[0].model_copy(update={"title": "<i>phase</i>"})]}
    )
    figure = figure_dict(story)
    (mark,) = marks_of(figure, "talks-open")
    strings = [mark["text"], *mark["customdata"][1:], figure["layout"]["annotations"][0]["text"]]
    for text in strings:
        assert "<a" not in text and "<b>" not in text and "<i>" not in text
    assert plain(mark["customdata"][1]) == hostile
    assert figure["layout"]["annotations"][0]["text"] == "&lt;i&gt;phase&lt;/i&gt;"


# --- phases, range, layout -----------------------------------------------------------


def test_phases_are_shaded_bands_behind_the_marks(hanoi: Story) -> None:
    layout = figure_dict(hanoi)["layout"]
    assert len(layout["shapes"]) == len(hanoi.phases) == 4
    for shape, phase in zip(layout["shapes"], hanoi.phases, strict=True):
        assert shape["type"] == "rect"
        assert (shape["xref"], shape["yref"], shape["y0"], shape["y1"]) == ("x", "paper", 0, 1)
        assert shape["layer"] == "below"
        assert shape["x0"] == phase.start.first_day.isoformat()
        assert shape["x1"] == (phase.end.last_day + datetime.timedelta(days=1)).isoformat()
    titles = [a["text"] for a in layout["annotations"][:4]]
    assert titles == ["Before Singapore", "Between the summits", "Hanoi summit", "After Hanoi"]


def test_chart_opens_on_the_story_and_its_lead_up(hanoi: Story) -> None:
    xaxis = figure_dict(hanoi)["layout"]["xaxis"]
    left, right = (datetime.date.fromisoformat(d) for d in xaxis["range"])
    assert datetime.date(2017, 5, 1) < left < datetime.date(2017, 7, 1)  # the 2017 tests
    assert datetime.date(2019, 10, 5) < right < datetime.date(2020, 1, 1)  # up to Stockholm
    assert (left, right) == initial_range(hanoi)
    assert not xaxis.get("fixedrange")  # the Korean War is reachable by pan and zoom
    assert "autorange" not in xaxis


def test_layout_fits_a_phone_and_the_page(hanoi: Story) -> None:
    layout = figure_dict(hanoi)["layout"]
    assert layout["dragmode"] == "pan"
    assert layout["yaxis"]["fixedrange"] is True
    assert layout["showlegend"] is False
    assert layout["margin"]["l"] <= 10 and layout["margin"]["r"] <= 10
    assert layout["paper_bgcolor"] == layout["plot_bgcolor"] == "rgba(0,0,0,0)"
    assert layout["font"]["family"].startswith("-apple-system")
    assert "height" not in layout and "width" not in layout  # the CSS sizes the box
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
    # timeline.js merges layout.meta.palettes[scheme] into the figure with this rule.
    target = figure_dict(hanoi, dark=scheme == "dark")
    for start in (figure_dict(hanoi), figure_dict(hanoi, dark=True)):
        assert merge_patch(start, start["layout"]["meta"]["palettes"][scheme]) == target


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


# --- JSON for the page ---------------------------------------------------------------


def test_json_cannot_break_out_of_its_script_element(tiny: Story) -> None:
    title = "</script><script>alert(1)</script> <!-- \u2028 \u2029 &amp;"
    story = with_event(tiny, "talks-open", title=title, description=title)
    figure = timeline_figure(story)
    text = figure_json(figure)
    assert "</" not in text
    assert "<script" not in text.lower() and "<!--" not in text
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == json.loads(json.dumps(figure.to_plotly_json()))
    (mark,) = marks_of(json.loads(text), "talks-open")
    assert plain(mark["customdata"][1]) == title


def test_json_is_deterministic(hanoi: Story) -> None:
    (again,) = load_stories(ROOT / "content", "hanoi-summit-2019")
    assert figure_json(timeline_figure(hanoi)) == figure_json(timeline_figure(again))
    assert figure_json(timeline_figure(hanoi, dark=True)) == figure_json(
        timeline_figure(again, dark=True)
    )


def test_json_is_small_without_plotlys_default_template(hanoi: Story) -> None:
    text = figure_json(timeline_figure(hanoi))
    assert len(text.encode()) < 1_000 * len(hanoi.events)
    template = json.loads(text)["layout"]["template"]
    assert len(json.dumps(template)) < 100  # plotly.py's default 'plotly' one is ~10 KB
    assert "uid" not in text and "uuid" not in text


# --- text alternative ----------------------------------------------------------------


def test_text_alternative_of_the_tiny_story(tiny: Story) -> None:
    assert text_alternative(tiny) == (
        "A timeline chart of 3 events from 2019 to 2 January 2020, in 1 lane by category: "
        "Diplomacy (3 events). Shaded bands mark 1 phase: The talks."
    )


def test_text_alternative_of_the_hanoi_story(hanoi: Story) -> None:
    text = text_alternative(hanoi)
    assert text.startswith("A timeline chart of 24 events from 1950\u20131953 to 5 October 2019,")
    assert "in 5 lanes by category: War and armistice (2 events), Diplomacy (10 events)," in text
    assert text.endswith("Before Singapore, Between the summits, Hanoi summit and After Hanoi.")


def test_text_alternative_without_events(tiny: Story) -> None:
    empty = tiny.model_copy(update={"events": [], "phases": []})
    assert text_alternative(empty) == "A timeline chart with no events yet."
    assert figure_json(timeline_figure(empty))  # still a valid, empty chart


# --- vendored plotly.js --------------------------------------------------------------


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


def test_script_and_stylesheet_keep_the_page_contract() -> None:
    script, css = SCRIPT.read_text(), STYLESHEET.read_text()
    for name in ('"timeline-chart"', '"timeline-figure"', '"data-plotly"', '"event-"'):
        assert name in script, name
    assert "window.document$.subscribe(onPage)" in script  # runs after instant navigation
    assert "showSendToCloud: false" in script  # plotly.js 4 would upload to Plotly Cloud
    assert re.search(r"@media print\s*{\s*\.timeline-chart__plot\s*{\s*display: none", css)


# --- the static picture ---------------------------------------------------------------


def _in_view(story: Story) -> list[dict[str, Any]]:
    left, right = initial_range(story)
    figure = figure_dict(story)
    return [
        {"symbol": symbol, "x": x}
        for trace in traces(figure, "scatter")
        for x, symbol in zip(trace["x"], trace["marker"]["symbol"], strict=True)
        if left.isoformat() <= x[:10] <= right.isoformat()
    ]


def test_picture_draws_every_mark_in_view_once(story: Story) -> None:
    svg = preview_svg(timeline_figure_data(story))
    marks = _in_view(story)
    assert marks, "nothing in view"
    assert svg.count("<circle ") == len(marks)
    hollow = [m for m in marks if m["symbol"].endswith("-open")]
    assert len(re.findall(r'<g class="t\d+ open">', svg)) == len(hollow)


def test_picture_shows_phases_lanes_and_dates(hanoi: Story) -> None:
    svg = preview_svg(timeline_figure_data(hanoi))
    for phase in hanoi.phases:
        assert f">{html.escape(phase.title)}</text>" in svg
    for lane in lane_names(hanoi):
        assert f'font-weight="bold">{html.escape(lane)}</text>' in svg
    labels = re.findall(r'font-size="12">([^<]+)</text>', svg)
    assert 2 <= len(labels) <= 5 and labels == sorted(labels, key=lambda t: t[-4:])


def test_picture_has_the_colours_of_both_schemes(hanoi: Story) -> None:
    svg = preview_svg(timeline_figure_data(hanoi))
    style = svg[svg.index("<style>") : svg.index("</style>")]
    for scheme, prefix in (("light", ""), ("dark", '[data-md-color-scheme="slate"] ')):
        assert f"{prefix}.timeline-chart__preview{{color:{PALETTES[scheme]['text']}}}" in style
        assert PALETTES[scheme]["lane-1"] in style


def test_picture_escapes_text_from_yaml(tiny: Story) -> None:
    hostile = '<a href="javascript:alert(1)">x</a> & <b>bold</b>'
    story = with_event(tiny, "talks-open", title=hostile)
    story = story.model_copy(
        update={"phases": [tiny.phases[0].model_copy(update={"title": "<i>phase</i>"})]}
    )
    svg = preview_svg(timeline_figure_data(story))
    assert "<a" not in svg and "<b>" not in svg and "<i>" not in svg
    assert "&lt;i&gt;phase&lt;/i&gt;" in svg and "&lt;a href=" in svg


@pytest.mark.parametrize(
    ("left", "right", "labels"),
    [
        ("2017-10-01", "2019-03-31", ["Jan 2018", "Jul 2018", "Jan 2019"]),
        ("2019-02-01", "2019-04-30", ["Feb 2019", "Mar 2019", "Apr 2019"]),
        ("1950-01-01", "2019-12-31", ["1960", "1980", "2000"]),
    ],
)
def test_picture_axis_labels_are_round_dates(left: str, right: str, labels: list[str]) -> None:
    from generator.chart_preview import MAX_TICKS, _ticks

    ticks = _ticks(datetime.date.fromisoformat(left), datetime.date.fromisoformat(right))
    assert [label for _, label in ticks] == labels
    assert len(ticks) <= MAX_TICKS


# --- the script in Chromium ----------------------------------------------------------

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<link rel="stylesheet" href="assets/stylesheets/timeline.css">
<script>window.document$ = {{ fns: [], subscribe(fn) {{ this.fns.push(fn); fn(document); }},
  next() {{ this.fns.forEach((fn) => fn(document)); }} }};</script></head>
<body data-md-color-scheme="default"><article id="content">{body}</article>
<script src="assets/javascripts/timeline.js"></script></body></html>"""

# data-plotly is read relative to timeline.js (assets/javascripts/), as the site emits it.
CHART = """<p>Text first.</p><figure class="timeline-chart"><div class="timeline-chart__box">
<div id="timeline-chart" class="timeline-chart__plot" role="img" tabindex="0" aria-label="{alt}"
 data-plotly="../vendor/{bundle}"></div>{preview}</div>
<script type="application/json" id="timeline-figure">{figure}</script>
<figcaption>{alt}</figcaption></figure><ol class="timeline">{items}</ol>
<div style="height: 2000px"></div>"""


@pytest.fixture(scope="module")
def harness(tmp_path_factory: pytest.TempPathFactory, hanoi: Story) -> Iterator[str]:
    """A page holding the chart exactly as the timeline template emits it, served."""
    from browser import serve_directory

    root = tmp_path_factory.mktemp("harness")
    shutil.copytree(ROOT / "theme" / "assets", root / "assets")
    alt = html.escape(text_alternative(hanoi))
    items = "".join(
        f'<li id="event-{e.id}">{html.escape(e.title)}</li>' for e in hanoi.events_in_order()
    )
    figure = timeline_figure_data(hanoi)
    chart = CHART.format(
        alt=alt,
        bundle=BUNDLE.name,
        preview=preview_svg(figure),
        figure=figure_json(figure),
        items=items,
    )
    (root / "chart.html").write_text(PAGE.format(body=chart), encoding="utf-8")
    (root / "plain.html").write_text(PAGE.format(body="<p>No chart.</p>"), encoding="utf-8")
    with serve_directory(root) as base:
        yield base


@pytest.fixture
def tab(browser: Any) -> Iterator[tuple[Any, list[str], list[str]]]:
    context = browser.new_context(viewport={"width": 1000, "height": 800})
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: m.type in ("error", "warning") and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page, requests, errors
    context.close()


def reach_for_chart(page: Any) -> None:
    """Move the pointer over the chart's picture, as a reader does, and wait for Plotly."""
    page.hover(".timeline-chart__box")
    page.wait_for_selector("#timeline-chart .main-svg", timeout=15000)


@pytest.mark.browser
def test_plotly_waits_until_the_reader_reaches_for_the_chart(harness: str, tab: Any) -> None:
    page, requests, errors = tab
    page.goto(harness + "chart.html", wait_until="networkidle")
    page.wait_for_timeout(1000)  # idle, with the chart in view: still no plotly.js
    assert not [r for r in requests if "plotly" in r]
    assert page.locator(".timeline-chart__preview").is_visible()
    reach_for_chart(page)
    assert len([r for r in requests if "plotly" in r]) == 1
    assert page.locator(".timeline-chart__preview").is_hidden()  # Plotly's chart replaces it
    assert errors == []


@pytest.mark.browser
def test_keyboard_focus_makes_the_chart_interactive(harness: str, tab: Any) -> None:
    page, _, errors = tab
    page.goto(harness + "chart.html", wait_until="networkidle")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "timeline-chart"
    page.wait_for_selector("#timeline-chart .main-svg", timeout=15000)
    page.keyboard.press("Tab")  # on to the modebar's buttons: not a trap
    assert page.evaluate("document.activeElement.closest('.modebar') !== null")
    assert errors == []


@pytest.mark.browser
def test_picture_and_chart_agree_on_where_marks_are(harness: str, tab: Any) -> None:
    page, _, _ = tab
    page.goto(harness + "chart.html", wait_until="networkidle")
    centre = "(e) => { const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }"  # noqa: E501
    drawn = page.eval_on_selector_all(
        ".timeline-chart__preview circle", f"els => els.map({centre})"
    )
    reach_for_chart(page)
    plotted = page.eval_on_selector_all(
        "#timeline-chart .scatterlayer .point", f"els => els.map({centre})"
    )
    inside = [p for p in plotted if 0 < p[0] < 1000]
    assert drawn and len(drawn) == len(inside)
    for x, y in drawn:  # every mark of the picture has Plotly's within two pixels
        assert min(abs(x - px) + abs(y - py) for px, py in inside) < 4, (x, y)


@pytest.mark.browser
def test_script_does_nothing_on_a_page_without_a_chart(harness: str, tab: Any) -> None:
    page, requests, errors = tab
    page.goto(harness + "plain.html", wait_until="networkidle")
    assert not [r for r in requests if "plotly" in r]
    assert errors == []


@pytest.mark.browser
def test_script_draws_recolours_and_jumps_to_the_list(harness: str, tab: Any) -> None:
    page, _, errors = tab
    page.goto(harness + "chart.html")
    reach_for_chart(page)
    gd = "document.getElementById('timeline-chart')"
    assert page.evaluate(f"{gd}._fullLayout.font.color") == PALETTES["light"]["text"]
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    page.wait_for_function(f"{gd}._fullLayout.font.color === '{PALETTES['dark']['text']}'")

    box = page.evaluate(
        """() => { const r = Array.from(document.querySelectorAll('.scatterlayer .point'))
             .map((p) => p.getBoundingClientRect()).find((r) => r.x > 0);
           return [r.x + r.width / 2, r.y + r.height / 2]; }"""
    )
    page.mouse.click(*box)
    page.wait_for_function("document.activeElement.id.startsWith('event-')")
    assert page.evaluate("document.activeElement.classList.contains('is-highlighted')")
    assert page.evaluate("document.activeElement.getAttribute('tabindex')") == "-1"
    assert errors == []


@pytest.mark.browser
def test_script_loads_plotly_once_across_instant_navigations(harness: str, tab: Any) -> None:
    page, requests, errors = tab
    page.goto(harness + "chart.html")
    reach_for_chart(page)
    for _ in range(2):  # away and back, as Material's instant navigation does
        page.evaluate(
            """async () => { const away = '<p>Another page.</p>';
               const html = await (await fetch('chart.html')).text();
               const next = new DOMParser().parseFromString(html, 'text/html');
               document.getElementById('content').innerHTML = away; document$.next();
               document.getElementById('content').replaceWith(next.getElementById('content'));
               document$.next(); }"""
        )
        reach_for_chart(page)
    assert len([r for r in requests if r.endswith(BUNDLE.name)]) == 1
    assert page.evaluate("document.querySelectorAll('script[src$=\".min.js\"]').length") == 1
    assert errors == []


@pytest.mark.browser
def test_chart_fits_a_phone_and_lets_the_page_scroll(harness: str, browser: Any) -> None:
    context = browser.new_context(
        viewport={"width": 375, "height": 740}, has_touch=True, is_mobile=True
    )
    page = context.new_page()
    page.goto(harness + "chart.html")
    page.tap(".timeline-chart__preview")  # a first touch fetches plotly.js
    page.wait_for_selector("#timeline-chart .main-svg")
    assert page.evaluate("document.documentElement.scrollWidth") == 375
    assert page.evaluate("document.getElementById('timeline-chart')._fullLayout.dragmode") is False
    cdp = context.new_cdp_session(page)
    box = page.locator("#timeline-chart").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, 11):
        point = {"x": x, "y": y - 20 * step}
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    page.wait_for_function("window.scrollY > 50")  # a swipe on the chart scrolls the page
    overlaps = page.evaluate(
        """() => { const boxes = Array.from(document.querySelectorAll('.scatterlayer text'))
             .map((t) => t.getBoundingClientRect()).filter((r) => r.right > 0 && r.width);
           const hit = (a, b) => a.left + 2 < b.right && b.left + 2 < a.right
             && a.top + 2 < b.bottom && b.top + 2 < a.bottom;  // more than touching
           return boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => hit(a, b))).length; }"""
    )
    assert overlaps == 0  # no two titles overprint when the chart opens on a phone
    context.close()


@pytest.mark.browser
def test_picture_and_caption_stay_when_plotly_cannot_load(harness: str, tab: Any) -> None:
    page, _, errors = tab
    page.route("**/plotly-basic-*.min.js", lambda route: route.abort())
    page.goto(harness + "chart.html")
    page.hover(".timeline-chart__preview")
    page.wait_for_selector("figure.timeline-chart.is-failed")
    assert page.locator("figcaption").is_visible()
    assert page.locator(".timeline-chart__preview").is_visible()  # the picture stays
    assert [e for e in errors if "net::" not in e] == []


def test_plain_figure_data_is_what_plotly_validates(hanoi: Story) -> None:
    from generator.charts import timeline_figure_data

    for dark in (False, True):
        assert figure_json(timeline_figure_data(hanoi, dark=dark)) == figure_json(
            timeline_figure(hanoi, dark=dark)
        )

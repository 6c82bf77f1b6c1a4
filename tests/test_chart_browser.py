"""The timeline chart in Chromium, on a site of three stories of rising density: the
first story, a 25-event story over 16 years and a 150-event story over 60 years with
20 actors (tests/fixtures/dense/), served under a sub-path as on GitHub Pages.

Label boxes are measured as drawn, in the static picture and in Plotly's chart, at
375 and 1280 px, light and dark, when the chart opens and after Autoscale, Zoom in and
Reset axes: no two texts (labels, lane and phase titles) intersect, none crosses the
plot's edge, and every mark in view keeps a 24 px target to itself."""

from __future__ import annotations

import datetime
import math
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from browser import inline_picture
from conftest import CONTENT, FIRST_STORY, FIXTURES
from sites import SiteCache
from test_browser import wait_for_chart_script

pytestmark = pytest.mark.browser

DENSE = FIXTURES / "dense"
STORIES = [FIRST_STORY, "example-harbour-accord", "synthetic-long-story"]
WIDTHS = [375, 1280]
PLOT = "#timeline-chart"
DAY_MS = 86_400_000

MEASURE = """(mode) => {
  const rect = (b) => ({ left: b.left, right: b.right, top: b.top, bottom: b.bottom });
  const out = { texts: [], marks: [] };
  if (mode === "picture") {
    const svg = document.querySelector(".timeline-chart__preview");
    out.plot = rect(svg.getBoundingClientRect());
    svg.querySelectorAll("text").forEach((t) => {
      const kind = t.classList.contains("label") ? "label"
        : t.getAttribute("font-weight") === "bold" ? "lane"
        : t.getAttribute("font-size") === "12" ? "tick" : "phase";
      out.texts.push({ kind, text: t.textContent, box: rect(t.getBoundingClientRect()) });
    });
    svg.querySelectorAll("circle").forEach((c) => out.marks.push(rect(c.getBoundingClientRect())));
  } else {
    const gd = document.getElementById("timeline-chart");
    const notes = gd.layout.meta.timeline.notes;
    out.plot = rect(gd.querySelector(".draglayer .nsewdrag").getBoundingClientRect());
    gd.querySelectorAll(".annotation").forEach((a) => {
      const i = Number(a.getAttribute("data-index"));
      const kind = i >= notes.labels ? "label" : i >= notes.lanes ? "lane" : "phase";
      const t = a.querySelector(".annotation-text");
      out.texts.push({ kind, text: t.textContent, box: rect(t.getBoundingClientRect()) });
    });
    gd.querySelectorAll(".scatterlayer .point")
      .forEach((p) => out.marks.push(rect(p.getBoundingClientRect())));
    out.modebar = rect(gd.querySelector(".modebar").getBoundingClientRect());
  }
  const plot = out.plot;
  const centres = out.marks.map((b) => [(b.left + b.right) / 2, (b.top + b.bottom) / 2])
    .filter(([x, y]) => x >= plot.left && x <= plot.right && y >= plot.top && y <= plot.bottom);
  const hit = (a, b) => a.left + 0.5 < b.right && b.left + 0.5 < a.right
    && a.top + 0.5 < b.bottom && b.top + 0.5 < a.bottom;
  const texts = out.texts.filter((t) => t.kind !== "tick" && t.box.right > t.box.left);
  const result = { overlaps: [], outside: [], close: [], modebar: [], marks: centres.length };
  texts.forEach((a, i) => texts.slice(i + 1).forEach((b) => {
    if (hit(a.box, b.box)) result.overlaps.push([a.text, b.text]);
  }));
  texts.forEach((t) => {
    const across = t.box.left < plot.left - 0.5 || t.box.right > plot.right + 0.5;
    const below = t.box.top < plot.top - 0.5 || t.box.bottom > plot.bottom + 0.5;
    if (across || (t.kind !== "phase" && below)) result.outside.push(t.text);
    if (out.modebar && hit(t.box, out.modebar)) result.modebar.push(t.text);
  });
  centres.forEach((a, i) => centres.slice(i + 1).forEach((b) => {
    if (Math.hypot(a[0] - b[0], a[1] - b[1]) < 23.5) result.close.push([a, b]);
  }));
  result.labels = texts.filter((t) => t.kind === "label").length;
  return result;
}"""


@pytest.fixture(scope="session")
def dense_site(sites: SiteCache) -> str:
    """The first story and the two dense fixtures, built once per run for and served at
    http://dense.sites.localhost/explainer/."""
    return sites.served("dense", _dense_content)[0]


def _dense_content(work: Path) -> tuple[Path, None]:
    content = work / "content"
    shutil.copytree(CONTENT / FIRST_STORY, content / FIRST_STORY)
    for story in DENSE.iterdir():
        if (story / "story.yml").is_file():
            shutil.copytree(story, content / story.name)
    river = FIXTURES / "varied" / "example-river-dispute"  # lanes by actor
    shutil.copytree(river, content / river.name)
    return content, None


@pytest.fixture
def context(browser: Any, shared_context: Any) -> Iterator[Any]:
    """``context(width, **options)``: the module's context of that viewport and options,
    whose tab its tests share (conftest's ``shared_context``); ``fresh=True``: a context of
    the test's own, for a test that weighs or counts what a first visit fetches or
    installs a clock or a route."""
    made: list[Any] = []

    def make(width: int = 1280, fresh: bool = False, **options: Any) -> Any:
        if not fresh:
            return shared_context(width, **options)
        made.append(browser.new_context(viewport={"width": width, "height": 900}, **options))
        return made[-1]

    yield make
    for item in made:
        item.close()


@pytest.fixture(scope="module")
def opened(browser: Any, dense_site: str) -> Iterator[Any]:
    """``opened(story, width)``: a page of that story's timeline with its chart opened in
    its opening view (:func:`open_chart`), shared by the tests that only read it (they
    measure, evaluate and hover, and change no view): each chart is opened once per
    worker, not once per test. The mouse is moved off the chart before it is handed out."""
    pages: dict[tuple[str, int], Any] = {}

    def get(story: str, width: int) -> Any:
        if (story, width) not in pages:
            made = browser.new_context(viewport={"width": width, "height": 900})
            pages[story, width] = made.new_page()
            open_chart(pages[story, width], f"{dense_site}{story}/timeline/")
        page = pages[story, width]
        page.mouse.move(1, 1)  # no hover left over from another test
        return page

    yield get
    for page in pages.values():
        page.context.close()


def open_chart(page: Any, url: str) -> None:
    """Open a timeline page (unless ``page`` is there) and reach for its chart, as a reader
    does, until laid out."""
    if page.url != url:
        page.goto(url, wait_until="networkidle")
    wait_for_chart_script(page)
    page.hover(".timeline-chart__box")
    page.wait_for_selector("figure.timeline-chart.is-ready", timeout=60000)
    page.wait_for_selector(f"{PLOT}[data-layouts]", state="attached")


def layouts(page: Any) -> int:
    return int(page.get_attribute(PLOT, "data-layouts") or 0)


def after(page: Any, action: Any) -> None:
    """Do ``action`` and wait until the chart has been laid out again."""
    before = layouts(page)
    action()
    page.wait_for_function(
        f"n => Number(document.querySelector('{PLOT}').getAttribute('data-layouts')) > n",
        arg=before,
        timeout=60000,
    )
    frames(page, 2)  # Plotly draws in the frame after its layout: let it be painted


def frames(page: Any, count: int) -> None:
    """Wait until the page has drawn ``count`` more animation frames."""
    page.evaluate(
        """n => new Promise(done => { const next = () => --n < 0 ? done() :
             requestAnimationFrame(next); next(); })""",
        count,
    )


def click_modebar(page: Any, title: str) -> None:
    after(page, lambda: page.click(f"{PLOT} .modebar-btn[data-title='{title}']"))


def assert_legible(found: dict[str, Any], where: str) -> None:
    assert found["overlaps"] == [], f"{where}: texts overprint: {found['overlaps']}"
    assert found["outside"] == [], f"{where}: texts cut by the plot's edge: {found['outside']}"
    assert found["close"] == [], f"{where}: marks closer than a 24 px target: {found['close']}"
    assert found.get("modebar", []) == [], f"{where}: texts under the modebar"


def titles_in_order(story: str) -> list[str]:
    """The story's event titles in time order, by the models' own rule."""
    from generator.content.load import load_stories

    folder = CONTENT if story == FIRST_STORY else DENSE
    (loaded,) = load_stories(folder, story)
    return [event.title for event in loaded.events_in_order()]


# --- labels, titles and marks keep clear, in every view ---------------------------------


def test_the_measurement_fails_when_the_collision_rule_is_off(
    dense_site: str, context: Any
) -> None:
    page = context(375).new_page()
    open_chart(page, f"{dense_site}example-harbour-accord/timeline/")
    after(page, lambda: page.evaluate("window.ExplainerTimeline.current.setCollide(false)"))
    found = page.evaluate(MEASURE, "chart")
    assert found["overlaps"] and found["close"], "the measurement cannot fail: it proves nothing"


def test_the_browser_runs_the_same_rule_as_the_picture(opened: Any) -> None:
    """timeline-chart.js and generator/render/chart/labels.py, given the same input, agree."""
    from generator.content.load import load_stories
    from generator.render.chart import figure as charts
    from generator.render.chart import plan as chart_plan

    page = opened(FIRST_STORY, 375)
    for folder, story_id in ((CONTENT, FIRST_STORY), (DENSE, "synthetic-long-story")):
        (story,) = load_stories(folder, story_id)
        plan = chart_plan.chart_plan(story)
        view = chart_plan.View(*charts.initial_range(story))
        for rows in ([2] * len(plan.lane_names), [4] * len(plan.lane_names)):
            items, placed = chart_plan.layout_items(plan, view, rows)
            reserved = [chart_plan.lane_title_width(name) for name in plan.lane_names]
            given = [
                {"lane": i.lane, "x": i.x, "bar": i.bar, "widths": i.widths, "key": i.key}
                for i in items
            ]
            counts = {n: chart_plan.count_width(n) for n in range(2, len(items) + 1)}
            js = page.evaluate(
                """([items, inTime, order, width, rows, reserved, counts, m]) =>
                     window.ExplainerTimeline.layout.placeItems(items, inTime, order, width,
                       rows, reserved, (n) => counts[n], m)""",
                [given, plan.in_time, plan.order, view.width, rows, reserved, counts,
                 {"target": 24, "radius": 5.5, "gap": 4}],
            )  # fmt: skip
            python = [[p.row, p.form, p.side, p.shown, p.host, p.group] for p in placed]
            browser = [
                [p["row"], p["form"], p["side"], p["shown"], p["host"], p["group"]] for p in js
            ]
            assert browser == python, story_id


@pytest.mark.parametrize("story_id", STORIES)
def test_the_hover_texts_read_from_the_page_are_the_figures(
    dense_site: str, context: Any, story_id: str
) -> None:
    """figure.json keeps each event's id and date wording; timeline-chart.js fills in its
    title, actors and description from the page's list of events, wrapped as hover.py
    wraps them: on the timeline page, and on its embeddable twin from the timeline page's
    list, which it fetches, every event's hover data is what Python's figure holds."""
    from generator.content.load import load_stories
    from generator.render.chart.figure import timeline_figure_data

    (story,) = load_stories(CONTENT if story_id == FIRST_STORY else DENSE, story_id)
    python = {
        row[0]: row for trace in timeline_figure_data(story)["data"] for row in trace["customdata"]
    }
    assert len(python) == len(story.events)
    page = context(375).new_page()
    for url in (f"{dense_site}{story_id}/timeline/", f"{dense_site}{story_id}/timeline/embed/"):
        open_chart(page, url)
        drawn = page.evaluate(
            "() => document.getElementById('timeline-chart').data.flatMap((t) => t.customdata)"
        )
        assert len(drawn) == sum(len(t["customdata"]) for t in timeline_figure_data(story)["data"])
        wrong = [(row, python[row[0]]) for row in drawn if row != python[row[0]]]
        assert wrong == [], f"{url}: {wrong[:3]}"


# --- every event reachable ------------------------------------------------------------


@pytest.mark.parametrize("story", [FIRST_STORY, "synthetic-long-story"])
def test_hovering_each_mark_shows_its_own_event(opened: Any, story: str) -> None:
    page = opened(story, 375)
    marks = page.evaluate(
        """() => { const gd = document.getElementById('timeline-chart');
          const plot = gd.querySelector('.draglayer .nsewdrag').getBoundingClientRect();
          const found = [];
          gd.querySelectorAll('.scatterlayer .point').forEach((p) => {
            const trace = p.closest('.trace').__data__[0].trace, i = p.__data__.i;
            const b = p.getBoundingClientRect();
            const x = (b.left + b.right) / 2, y = (b.top + b.bottom) / 2;
            if (x < plot.left || x > plot.right || y < plot.top || y > plot.bottom) return;
            const text = trace.text && trace.text[i];
            const title = text ? text.match(/<b>(.*?)<\\/b>/)[1] : trace.customdata[i][1];
            found.push([x, y, title.replace(/<br>/g, ' ')]);
          }); return found; }"""
    )
    assert len(marks) >= 5
    for x, y, title in marks:
        page.mouse.move(x, y)
        page.wait_for_selector(f"{PLOT} .hoverlayer .hovertext", state="attached", timeout=60000)
        shown = page.eval_on_selector(f"{PLOT} .hoverlayer .hovertext", "h => h.textContent")
        assert shown.replace(" ", "").startswith(title.replace(" ", "")), (title, shown)
        page.mouse.move(1, 1)


@pytest.mark.parametrize("story", [FIRST_STORY, "example-harbour-accord"])
def test_arrow_keys_reach_every_event_in_time_order(
    dense_site: str, context: Any, story: str
) -> None:
    page = context(375).new_page()
    page.goto(f"{dense_site}{story}/timeline/", wait_until="networkidle")
    page.evaluate("(h) => { h.tabIndex = -1; h.focus(); }", page.query_selector("article h1"))
    for _ in range(10):  # Tab, as a keyboard user moves on from the heading
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('timeline-chart__keys')"):
            break
    assert page.evaluate("document.activeElement.getAttribute('type')") == "range"
    style = page.eval_on_selector(".timeline-chart__box", "b => getComputedStyle(b).outlineStyle")
    assert style == "solid", "the chart shows where the keyboard is"
    page.wait_for_selector("figure.timeline-chart.is-ready", timeout=60000)  # focus drew it
    events = events_in_order(story)
    page.keyboard.press("Home")
    for index, (event_id, title) in enumerate(events):
        if index:
            page.keyboard.press("ArrowRight")
        said = page.get_attribute(".timeline-chart__keys", "aria-valuetext")
        assert said.startswith(title + ", "), (index, said)
        assert said.endswith(f"({index + 1} of {len(events)})")
        wait_selected(page, event_id, title)  # and the panel and the chart show it
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.matches('ol.timeline > li:last-child')")


def test_one_tap_on_a_mark_selects_it_and_leaves_no_tooltip_over_its_neighbours(
    dense_site: str, context: Any
) -> None:
    page = context(375, has_touch=True, is_mobile=True).new_page()
    page.goto(f"{dense_site}{FIRST_STORY}/timeline/", wait_until="networkidle")
    wait_for_chart_script(page)
    page.tap(".timeline-chart__preview")  # a first touch draws the chart
    page.wait_for_selector(f"{PLOT}[data-layouts]", state="attached", timeout=60000)
    tooltip = f"{PLOT} .hoverlayer .hovertext"
    before = page.evaluate("location.hash")
    box = page.evaluate(
        """() => { const gd = document.getElementById('timeline-chart');
          const plot = gd.querySelector('.draglayer .nsewdrag').getBoundingClientRect();
          const r = Array.from(gd.querySelectorAll('.scatterlayer .point'))
            .map((p) => p.getBoundingClientRect())
            .find((b) => b.left > plot.left + 20 && b.right < plot.right - 20
              && b.top > plot.top && b.bottom < plot.bottom);
          return [r.left + r.width / 2, r.top + r.height / 2]; }"""
    )
    page.touchscreen.tap(*box)
    page.wait_for_function("(h) => location.hash !== h", arg=before, timeout=60000)
    page.wait_for_function(
        "() => document.getElementById('timeline-chart').layout.shapes"
        ".some((s) => s.type === 'circle')"
    )
    assert page.locator(tooltip).count() == 0
    after(page, lambda: page.tap(f"{PLOT} .modebar-btn[data-title='Zoom in']"))
    assert page.locator(tooltip).count() == 0


def test_a_mark_that_stands_for_several_events_zooms_in_on_them(
    dense_site: str, context: Any
) -> None:
    page = context(375).new_page()
    open_chart(page, f"{dense_site}synthetic-long-story/timeline/")
    view = f"(() => {{ const xa = document.querySelector('{PLOT}')._fullLayout.xaxis;" \
        " return xa.r2l(xa.range[1]) - xa.r2l(xa.range[0]); })()"  # fmt: skip
    host = page.evaluate(
        """() => { const gd = document.getElementById('timeline-chart');
          const plot = gd.querySelector('.draglayer .nsewdrag').getBoundingClientRect();
          for (const p of gd.querySelectorAll('.scatterlayer .point')) {
            const trace = p.closest('.trace').__data__[0].trace, text = trace.text[p.__data__.i];
            const b = p.getBoundingClientRect(), x = b.x + b.width / 2, y = b.y + b.height / 2;
            if (text && !text.includes('same day') && x > plot.left && x < plot.right
                && y > plot.top && y < plot.bottom)
              return [x, y, Number(text.match(/<b>(\\d+) events/)[1])];
          } return null; }"""
    )
    assert host, "the long story opens with a mark that stands for several events"
    before = page.evaluate(view)
    page.mouse.move(host[0], host[1])
    tooltip = page.locator(f"{PLOT} .hoverlayer .hovertext")
    tooltip.wait_for(state="attached")
    assert tooltip.text_content().startswith(f"{host[2]} events")  # it names them all
    after(page, lambda: page.mouse.click(host[0], host[1]))
    assert page.evaluate(view) < before / 2


def test_the_counts_under_the_chart_pan_to_the_events_outside_it(
    dense_site: str, context: Any
) -> None:
    page = context(1280).new_page()
    page.goto(f"{dense_site}{FIRST_STORY}/timeline/", wait_until="networkidle")
    earlier = page.locator(".timeline-chart__earlier")
    assert earlier.is_visible() and earlier.text_content().endswith("1950–1953")
    target = earlier.get_attribute("href").split("#")[1]
    assert page.locator(f"li#{target}").count() == 1, "without the chart, it leads to the list"
    open_chart(page, f"{dense_site}{FIRST_STORY}/timeline/")
    after(page, lambda: earlier.click())
    left, right = page.evaluate(
        f"(() => {{ const xa = document.querySelector('{PLOT}')._fullLayout.xaxis;"
        " return [xa.r2l(xa.range[0]), xa.r2l(xa.range[1])]; })()"
    )
    assert left < -536_457_600_000 < right  # 1953 is in view now
    assert page.locator(".timeline-chart__later").is_visible()  # and the story after it
    assert page.evaluate("location.hash") == ""  # panned, did not jump


COLOURS = """() => {
  const gd = document.getElementById("timeline-chart");
  const ring = (gd.layout.shapes || []).find((s) => s.type === "circle");
  return {
    traces: gd.data.map((t) => [t.marker.color, t.marker.line.color]),
    font: gd._fullLayout.font.color,
    hover: gd._fullLayout.hoverlabel.bgcolor,
    bands: gd._fullLayout.shapes.filter((s) => s.type === "rect").map((s) => s.fillcolor),
    notes: gd._fullLayout.annotations.map((a) => (a.visible ? a.font.color : null)),
    ring: ring ? ring.line.color : null,
  };
}"""


def test_the_chart_takes_each_schemes_colours_from_the_figure(
    dense_site: str, context: Any
) -> None:
    """Drawn in the dark scheme, then switched to the light one, the chart has every colour
    of Python's figure for that scheme (the browser only hands the figure's palettes to
    Plotly), the ring around the selected event the scheme's text colour."""
    from generator.content.load import load_stories
    from generator.render.chart.figure import timeline_figure_data
    from generator.render.chart.palette import PALETTES

    (story,) = load_stories(DENSE, "example-harbour-accord")
    page = context(375).new_page()
    page.goto(f"{dense_site}{story.id}/timeline/", wait_until="networkidle")
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    open_chart(page, f"{dense_site}{story.id}/timeline/#event-{story.events[0].id}")
    page.wait_for_function(RING, arg=story.events[0].id, timeout=60000)
    for scheme in ("dark", "light"):
        if scheme == "light":
            page.evaluate("document.body.setAttribute('data-md-color-scheme', 'default')")
            # Laid out again in the same view: the ring is drawn in the new scheme.
            after(page, lambda: page.evaluate("window.ExplainerTimeline.current.setCollide(true)"))
        figure = timeline_figure_data(story, dark=scheme == "dark")
        found = page.evaluate(COLOURS)
        expected = [[t["marker"]["color"], t["marker"]["line"]["color"]] for t in figure["data"]]
        assert found["traces"] == expected, scheme
        assert found["font"] == figure["layout"]["font"]["color"] == PALETTES[scheme]["text"]
        assert found["hover"] == figure["layout"]["hoverlabel"]["bgcolor"], scheme
        assert found["bands"] == [s["fillcolor"] for s in figure["layout"]["shapes"]], scheme
        notes = [n["font"].get("color", found["font"]) for n in figure["layout"]["annotations"]]
        shown = [
            (note, colour) for note, colour in zip(notes, found["notes"], strict=True) if colour
        ]
        assert len(shown) > 10 and all(note == colour for note, colour in shown), scheme
        assert found["ring"] == PALETTES[scheme]["text"], scheme


def test_the_counts_under_the_chart_word_any_view_as_python_does(
    dense_site: str, context: Any
) -> None:
    """After each change of view, each count under the chart says what outside_wording
    says of the events wholly outside the view, and leads to the nearest of them."""
    from generator.content.load import load_stories
    from generator.render.chart.description import outside_view, outside_wording

    (story,) = load_stories(DENSE, "synthetic-long-story")
    page = context(1280).new_page()
    open_chart(page, f"{dense_site}{story.id}/timeline/")
    epoch = datetime.date(1970, 1, 1)
    for button in ("Zoom in", "Zoom in", "Autoscale", "Reset axes", "Zoom out"):
        click_modebar(page, button)
        r0, r1 = page.evaluate(
            f"(() => {{ const xa = document.querySelector('{PLOT}')._fullLayout.xaxis;"
            " return [xa.r2l(xa.range[0]), xa.r2l(xa.range[1])]; })()"
        )
        # Whole days: an event lies before the view when its last day ends by r0, after
        # it when its first day begins after r1.
        left = epoch + datetime.timedelta(days=math.floor(r0 / DAY_MS))
        right = epoch + datetime.timedelta(days=math.floor(r1 / DAY_MS))
        outside = outside_view(story, (left, right))
        for events, direction in zip(outside, ("earlier", "later"), strict=True):
            link = page.locator(f".timeline-chart__{direction}")
            assert link.is_hidden() == (not events), (button, direction)
            if events:
                assert link.text_content() == outside_wording(events, direction), button
                assert link.get_attribute("href") == f"#event-{events[0].id}", button


# --- the chart's page life ------------------------------------------------------------


def test_plotly_is_not_fetched_until_the_reader_reaches_for_the_chart(
    dense_site: str, context: Any
) -> None:
    page = context(1280, fresh=True).new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.clock.install()
    page.goto(f"{dense_site}{FIRST_STORY}/timeline/", wait_until="networkidle")
    page.evaluate("document.querySelector('.timeline-chart').scrollIntoView()")
    page.clock.run_for(60_000)  # a minute with the chart in view: no timer fetches it
    page.wait_for_load_state("networkidle")
    later = ("plotly", "timeline-chart.js", "figure.json")  # what reaching for it fetches
    assert not [r for r in requests if any(name in r for name in later)]
    assert page.locator(".timeline-chart__preview").is_visible()
    page.clock.resume()
    wait_for_chart_script(page)
    page.hover(".timeline-chart__box")
    page.wait_for_selector("figure.timeline-chart.is-ready", timeout=60000)
    assert len([r for r in requests if "plotly-basic" in r]) == 1
    assert len([r for r in requests if r.endswith("/timeline/figure.json")]) == 1
    assert page.locator(".timeline-chart__preview").is_hidden()  # Plotly's chart replaces it


FIRST_VIEW_KB = 100
"""The 150-event timeline page before the reader reaches for the chart (issue 23), as
bench/weight.py weighs it: every response body of the first view, gzipped if text."""


def test_the_150_event_timelines_first_view_is_under_100_kb_gzipped(
    dense_site: str, context: Any
) -> None:
    import gzip

    page = context(1280, fresh=True).new_page()
    finished: list[Any] = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(f"{dense_site}synthetic-long-story/timeline/", wait_until="networkidle")
    sizes = {}
    for request in finished:
        response = request.response()
        body = response.body() if response else b""
        text = any(
            t in response.headers.get("content-type", "")
            for t in ("text/", "script", "json", "svg", "xml")
        )
        sizes[request.url] = len(gzip.compress(body, 6, mtime=0)) if text else len(body)
    assert page.locator(".timeline-chart__preview").is_visible()  # the picture, no JS asked
    assert not [url for url in sizes if "plotly" in url]
    total = sum(sizes.values()) / 1024
    assert total < FIRST_VIEW_KB, (
        f"{total:.1f} KB: {sorted(sizes.items(), key=lambda s: -s[1])[:6]}"
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_the_picture_and_the_chart_agree_on_where_marks_are(
    dense_site: str, context: Any, width: int
) -> None:
    page = context(width).new_page()
    page.goto(f"{dense_site}{FIRST_STORY}/timeline/", wait_until="networkidle")
    assert inline_picture(page)  # its marks, as drawn, for the page's scripts to measure
    centre = "(e) => { const r = e.getBoundingClientRect(); return r.x + r.width / 2; }"
    shown = "els => els.filter((e) => e.getClientRects().length)"  # the layer in use
    drawn = page.eval_on_selector_all(".timeline-chart__preview circle", f"{shown}.map({centre})")
    open_chart(page, f"{dense_site}{FIRST_STORY}/timeline/")
    plotted = page.eval_on_selector_all(f"{PLOT} .scatterlayer .point", f"els => els.map({centre})")
    assert drawn
    for x in drawn:  # every mark of the picture has Plotly's at the same date
        assert min(abs(x - px) for px in plotted) < 2, x


def picture_shots(page: Any, scheme: str) -> list[bytes]:
    """The chart's box as drawn, in the palette Material chose for the system's ``scheme``,
    then in the other one (the site's toggle), then back."""
    shots = []
    chosen = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert chosen == ("slate" if scheme == "dark" else "default"), chosen
    for palette in (chosen, "default" if chosen == "slate" else "slate", chosen):
        page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", palette)
        shots.append(page.locator(".timeline-chart__box").screenshot(animations="disabled"))
    return shots


@pytest.mark.parametrize("width", WIDTHS)
def test_the_picture_drawn_from_its_file_is_the_picture_the_tests_measure(
    dense_site: str, context: Any, width: int
) -> None:
    """Both timeline pages draw the picture's one file through <use> elements, whose
    copies no script of the page reaches; the tests measure it put into the page instead
    (browser.inline_picture). The two are the same, pixel for pixel, on either page, in
    the system's light and dark palettes and the site's toggle."""
    from generator.render.chart.plan import PICTURE_LAYERS

    for scheme in ("light", "dark"):  # a context each: Material keeps the palette it chose
        page = context(width, color_scheme=scheme).new_page()
        for url in (
            f"{dense_site}{FIRST_STORY}/timeline/",
            f"{dense_site}{FIRST_STORY}/timeline/embed/",
        ):
            page.goto(url, wait_until="networkidle")
            drawn = picture_shots(page, scheme)
            assert inline_picture(page) == 1 + len(PICTURE_LAYERS), url  # base and layouts
            same = [a == b for a, b in zip(drawn, picture_shots(page, scheme), strict=True)]
            assert same == [True] * 3, f"{url}, {scheme}, {width} px: {same}"
            assert drawn[0] != drawn[1] and drawn[0] == drawn[2], "the toggle shows, and back"


def test_the_picture_is_drawn_after_instant_navigation(dense_site: str, context: Any) -> None:
    """Material's instant navigation swaps the page in without a reload (and rewrites
    every href it finds, which a <use> element's cannot take: the picture's use
    xlink:href); the picture's file is found from the new page's address all the same."""
    page = context(1280).new_page()
    failed: list[str] = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("response", lambda r: failed.extend([r.url] if r.status >= 400 else []))
    page.goto(f"{dense_site}{FIRST_STORY}/", wait_until="networkidle")
    page.evaluate("window.__stayed = 'yes'")
    page.mouse.move(0, 0)  # by the keyboard: a pointer over the chart would draw Plotly's
    page.focus("article a[href$='/timeline/']")
    page.keyboard.press("Enter")
    page.wait_for_selector("article h1:has-text('Timeline')")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__stayed") == "yes", "the page reloaded: no instant navigation"
    picture = "figure.timeline-chart:not(.is-ready) .timeline-chart__box"
    arrived = page.locator(picture).screenshot(animations="disabled")
    page.reload(wait_until="networkidle")
    assert page.locator(picture).screenshot(animations="disabled") == arrived
    assert failed == []


def test_the_chart_fits_a_phone_and_lets_the_page_scroll(dense_site: str, context: Any) -> None:
    made = context(375, has_touch=True, is_mobile=True)
    page = made.new_page()
    page.goto(f"{dense_site}synthetic-long-story/timeline/")
    wait_for_chart_script(page)
    page.tap(".timeline-chart__preview")
    page.wait_for_selector(f"{PLOT}[data-layouts]", state="attached", timeout=60000)
    assert page.evaluate("document.documentElement.scrollWidth") == 375
    assert page.evaluate(f"document.querySelector('{PLOT}')._fullLayout.dragmode") is False
    cdp = made.new_cdp_session(page)
    box = page.locator(PLOT).bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, 11):
        point = {"x": x, "y": y - 20 * step}
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    page.wait_for_function("() => window.scrollY > 50")  # a swipe on the chart scrolls the page


def test_the_picture_and_caption_stay_when_plotly_cannot_load(
    dense_site: str, context: Any
) -> None:
    page = context(1280, fresh=True).new_page()
    page.route("**/plotly-basic-*.min.js", lambda route: route.abort())
    page.goto(f"{dense_site}{FIRST_STORY}/timeline/")
    wait_for_chart_script(page)
    page.hover(".timeline-chart__preview")
    page.wait_for_selector("figure.timeline-chart.is-failed")
    assert page.locator("figcaption").is_visible()
    assert page.locator(".timeline-chart__preview").is_visible()


def test_on_paper_the_picture_replaces_the_chart(dense_site: str, context: Any) -> None:
    page = context(1280).new_page()
    open_chart(page, f"{dense_site}{FIRST_STORY}/timeline/")
    page.emulate_media(media="print")
    assert page.locator(PLOT).is_hidden()
    assert page.locator(".timeline-chart__preview").is_visible()
    assert page.locator(".timeline-embed").is_hidden()


# --- the embeddable timeline ------------------------------------------------------------


@pytest.mark.parametrize("story", [FIRST_STORY, "synthetic-long-story"])
def test_the_embeddable_timeline_stands_alone(dense_site: str, context: Any, story: str) -> None:
    page = context(375, fresh=True).new_page()  # a shared tab, blank again, left its frame empty
    host = urlsplit(dense_site).netloc
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    embed = f"{dense_site}{story}/timeline/embed/"
    frame = f"<iframe src='{embed}' style='width:100%;height:900px;border:0'></iframe>"
    page.set_content(f"<!doctype html><html><body>{frame}</body></html>")  # another site
    inside = page.frame_locator("iframe")
    inside.locator("figure.timeline-chart figcaption").wait_for()
    assert inside.locator(".md-header, .md-sidebar, .md-footer, nav").count() == 0
    back = inside.locator("a", has_text="Read the whole story")
    assert back.get_attribute("href") == "../../"  # relative: it holds under any sub-path
    assert inside.locator("base").get_attribute("target") == "_top"  # links leave the frame
    wait_for_chart_script(inside)
    assert inside.locator("ol.timeline, details").count() == 0  # the list is a link away
    listed = inside.locator("a", has_text="Every event, in order, on the timeline page")
    assert listed.get_attribute("href") == "../"
    inside.locator(".timeline-chart__box").hover()
    inside.locator("figure.timeline-chart.is-ready").wait_for(timeout=60000)
    # The panel shows the event's whole entry, read from the timeline page's list; its
    # links lead where they lead there.
    inside.locator(".timeline-panel__next").click()
    entry = inside.locator(".timeline-panel__event")
    entry.locator("strong").wait_for()
    hrefs = entry.locator("a[href]").evaluate_all("(a) => a.map((e) => e.href)")
    assert hrefs and all(h.startswith(f"{dense_site}") for h in hrefs), hrefs
    assert not any(h.startswith(f"{dense_site}{story}/timeline/embed/") for h in hrefs), hrefs
    foreign = [r for r in requests if urlsplit(r).netloc not in (host, "")]
    assert foreign == [] and errors == []
    back.click()
    page.wait_for_url(f"{dense_site}{story}/")  # the top window, not the frame


def test_enter_on_the_embeds_slider_opens_the_event_on_the_timeline_page(
    dense_site: str, context: Any
) -> None:
    """The embeddable page has no list: Enter on its slider opens the event's entry on
    the timeline page, in the top window, and the slider names each event as there."""
    page = context(1280, fresh=True).new_page()
    embed = f"{dense_site}{FIRST_STORY}/timeline/embed/"
    frame = f"<iframe src='{embed}' style='width:100%;height:900px;border:0'></iframe>"
    page.set_content(f"<!doctype html><html><body>{frame}</body></html>")
    inside = page.frame_locator("iframe")
    wait_for_chart_script(inside)
    inside.locator(".timeline-chart__outside a:visible").first.focus()  # reaches the chart
    slider = inside.locator(".timeline-chart__keys")
    slider.wait_for()
    slider.focus()
    page.keyboard.press("ArrowRight")
    named = inside.locator(".timeline-chart__keys[aria-valuetext]")
    text = named.get_attribute("aria-valuetext")
    assert text and " of " in text and not text.startswith(", "), text
    value = slider.evaluate("(s) => s.value")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{dense_site}{FIRST_STORY}/timeline/#event-*")
    index = page.evaluate(
        "() => Array.from(document.querySelectorAll('ol.timeline > li')).findIndex("
        "(li) => '#' + li.id === location.hash)"
    )
    assert index + 1 == int(value)


def test_the_embed_draws_its_chart_when_the_timeline_page_cannot_be_fetched(
    dense_site: str, context: Any
) -> None:
    """Without the timeline page's list (a failed fetch), the embed's chart is drawn all
    the same, and its slider, with no event to name, goes away."""
    page = context(1280, fresh=True).new_page()
    page.route(f"**/{FIRST_STORY}/timeline/", lambda route: route.abort())
    page.goto(f"{dense_site}{FIRST_STORY}/timeline/embed/", wait_until="networkidle")
    wait_for_chart_script(page)
    page.hover(".timeline-chart__box")
    page.wait_for_selector("figure.timeline-chart.is-ready", timeout=60000)
    page.wait_for_selector(".timeline-chart__keys", state="hidden")
    assert page.locator(".timeline-chart__preview").is_hidden()  # the chart took its place


def test_the_timeline_page_gives_the_code_to_embed_it(dense_site: str, context: Any) -> None:
    made = context(1280)
    made.grant_permissions(["clipboard-read", "clipboard-write"])
    page = made.new_page()
    page.goto(f"{dense_site}{FIRST_STORY}/timeline/", wait_until="networkidle")
    page.click("summary:has-text('Embed this timeline')")
    code = page.locator(".timeline-embed__code code").text_content()
    src = f"{dense_site}{FIRST_STORY}/timeline/embed/"
    assert code.startswith(f'<iframe src="{src}" title="Timeline: ')
    page.click("button.timeline-embed__copy")
    page.wait_for_selector(".timeline-embed__status:has-text('Copied')")
    assert page.evaluate("navigator.clipboard.readText()") == code
    assert page.evaluate("u => fetch(u).then(r => r.ok)", src)  # as the browser reaches it


@pytest.mark.parametrize("width", WIDTHS)
def test_the_embed_code_sizes_its_frame_to_what_it_shows(
    dense_site: str, context: Any, width: int
) -> None:
    made = context(width)
    page = made.new_page()
    page.goto(f"{dense_site}{FIRST_STORY}/timeline/", wait_until="networkidle")
    code = page.locator(".timeline-embed__code code", has_text=f'src="{dense_site}')
    code = code.text_content()  # once the script has written the site's address into it
    page.close()
    page = made.new_page()  # another site's page: not under this site's policy
    page.set_content(f"<!doctype html><html><body style='margin:0'>{code}</body></html>")
    page.wait_for_function("() => document.querySelector('iframe').style.height !== ''")
    inside = page.frames[1]
    inside.wait_for_load_state("networkidle")
    content = inside.evaluate(
        "Math.ceil(document.querySelector('.md-content').getBoundingClientRect().bottom)"
    )
    frame = page.evaluate("document.querySelector('iframe').getBoundingClientRect().height")
    assert abs(frame - content) <= 1, (frame, content)  # no scroll bar, no blank below
    # The content grows (the panel fills in once the chart is reached; here, a block
    # added under it): the frame follows.
    inside.evaluate(
        "() => document.querySelector('.md-content article').append("
        "Object.assign(document.createElement('div'), {style: 'height:300px'}))"
    )
    height = "document.querySelector('iframe').getBoundingClientRect().height"
    page.wait_for_function(f"() => {height} > {frame + 100}")


# --- one layout: the picture and the chart, the same labels in the same places -------

PICTURE_LABELS = """() => {
  const svg = document.querySelector(".timeline-chart__preview");
  const layer = Array.from(svg.querySelectorAll("g"))
    .find((g) => getComputedStyle(g).display !== "none");
  const box = document.querySelector(".timeline-chart__box").getBoundingClientRect();
  return Array.from(layer.querySelectorAll("text.label")).map((t) => {
    const b = t.getBoundingClientRect();
    return [t.textContent, b.left - box.left, (b.top + b.bottom) / 2 - box.top];
  });
}"""

CHART_LABELS = """() => {
  const gd = document.getElementById("timeline-chart");
  const notes = gd.layout.meta.timeline.notes;
  const box = document.querySelector(".timeline-chart__box").getBoundingClientRect();
  return Array.from(gd.querySelectorAll(".annotation"))
    .filter((a) => Number(a.getAttribute("data-index")) >= notes.labels)
    .map((a) => {
      const t = a.querySelector(".annotation-text");
      const b = t.getBoundingClientRect();
      return [t.textContent, b.left - box.left, (b.top + b.bottom) / 2 - box.top];
    })
    .filter(([text]) => text);
}"""

# Each shortened label, and whether its next longer form would fit in its row on either
# side of its mark, clear of every other text and mark target of that row, inside the plot.
ROOM = """() => {
  const gd = document.getElementById("timeline-chart");
  const model = gd.layout.meta.timeline;
  const edge = gd.querySelector(".draglayer .nsewdrag").getBoundingClientRect();
  const canvas = document.createElement("canvas").getContext("2d");
  canvas.font = "11px " + gd.layout.font.family;
  canvas.fontKerning = "none";
  const texts = Array.from(gd.querySelectorAll(".annotation")).map((a) => ({
    index: Number(a.getAttribute("data-index")),
    text: a.querySelector(".annotation-text").textContent,
    box: a.querySelector(".annotation-text").getBoundingClientRect(),
  })).filter((t) => t.text);
  const rects = (selector) => Array.from(gd.querySelectorAll(selector))
    .map((p) => p.getBoundingClientRect());
  const marks = rects(".scatterlayer .point");
  const bars = rects(".barlayer .point");
  const found = [];
  texts.filter((t) => t.index >= model.notes.labels).forEach((t) => {
    const forms = model.items[t.index - model.notes.labels][5];
    const form = forms.indexOf(t.text);
    if (form <= 0) return;
    const y = (t.box.top + t.box.bottom) / 2;
    const mark = marks.find((m) => Math.abs((m.top + m.bottom) / 2 - y) < 4
      && Math.min(Math.abs(m.right + 4 - t.box.left), Math.abs(t.box.right + 4 - m.left)) < 3);
    if (!mark) return;
    const x = (mark.left + mark.right) / 2;
    const width = canvas.measureText(forms[form - 1]).width + 1;
    const mid = (b) => (b.top + b.bottom) / 2;
    const hits = (a, b) => a[0] < b[1] + 4 && b[0] < a[1] + 4;
    const others = texts.filter((o) => o !== t && Math.abs(mid(o.box) - y) < 8);
    const targets = marks.filter((m) => m !== mark && Math.abs(mid(m) - y) < 8)
      .map((m) => [(m.left + m.right) / 2 - 12, (m.left + m.right) / 2 + 12]);
    const under = bars.filter((b) => mid(b) - y > 2 && mid(b) - y < 16
      && !(b.left <= x + 0.5 && b.right >= x - 0.5)); // its own bar runs under it
    const fits = [[x + 9.5, x + 9.5 + width], [x - 9.5 - width, x - 9.5]].some(([l, r]) =>
      l >= edge.left && r <= edge.right
      && !others.some((o) => hits([l, r], [o.box.left, o.box.right]))
      && !targets.some((m) => hits([l, r], m))
      && !under.some((b) => hits([l, r], [b.left, b.right])));
    if (fits) found.push([t.text, forms[form - 1]]);
  });
  return found;
}"""

# Each key event whose mark stands in view for itself alone, and its label's text.
KEY_LABELS = """() => {
  const gd = document.getElementById("timeline-chart");
  const model = gd.layout.meta.timeline;
  const xa = gd._fullLayout.xaxis;
  const [r0, r1] = xa.range.map((v) => xa.r2l(v));
  return model.items.map((item, index) => {
    if (!item[6] || !item[5].length) return null;
    const x = xa.d2l(gd.data[item[1]].x[item[2]]);
    const y = gd.data[item[1]].y[item[2]];
    if (x < r0 || x > r1 || y < 0) return null;
    const note = gd.layout.annotations[model.notes.labels + index];
    return [item[5][0], note.visible ? note.text : null];
  }).filter((k) => k);
}"""

TIMELINE_STORIES = [*STORIES, "example-river-dispute"]

# Lanes drawn with a title but no event near the view (they should fold away), lanes
# with an event in view but folded, and whether the chart's box is as tall as its plot.
FOLDED = """() => {
  const gd = document.getElementById("timeline-chart");
  const model = gd.layout.meta.timeline;
  const xa = gd._fullLayout.xaxis;
  const [r0, r1] = xa.range.map((v) => xa.r2l(v));
  const area = gd.querySelector(".draglayer .nsewdrag").getBoundingClientRect();
  const margin = (13 * (r1 - r0)) / area.width; // a mark's half target, in ms
  const lanes = model.lanes.map(() => ({ within: false, near: false }));
  model.items.forEach(([lane, mt, mp, bt, bp]) => {
    let first = xa.d2l(gd.data[mt].x[mp]);
    let last = first;
    if (bt >= 0) {
      first = xa.d2l(gd.data[bt].base[bp]);
      last = first + gd.data[bt].x[bp];
    }
    if (last >= r0 && first <= r1) lanes[lane].within = true;
    if (last >= r0 - margin && first <= r1 + margin) lanes[lane].near = true;
  });
  const titles = Array.from(gd.querySelectorAll(".annotation"))
    .filter((a) => {
      const i = Number(a.getAttribute("data-index"));
      return i >= model.notes.lanes && i < model.notes.labels;
    })
    .map((a) => a.textContent);
  const names = model.lanes.map((lane) => lane.name);
  const box = gd.parentElement.getBoundingClientRect();
  return {
    empty: names.filter((name, i) => titles.includes(name) && !lanes[i].near),
    folded: names.filter((name, i) => lanes[i].within && !titles.includes(name)),
    titles: titles,
    fits: Math.abs(box.height - gd._fullLayout.height) < 1,
    tallest: titles.length * (4 * model.row + model.lanePad) >= area.height,
  };
}"""


def _same_labels(picture: list[Any], chart: list[Any]) -> list[Any]:
    """Labels of one that the other lacks, or draws more than 3 px away (Plotly sets an
    annotation's text in a box of its own, whole px, up to about 2 px from the picture's)."""

    def key(label: list[Any]) -> tuple[str, float]:
        return label[0], label[2]

    picture, chart = sorted(picture, key=key), sorted(chart, key=key)
    if [p[0] for p in picture] != [c[0] for c in chart]:
        return [sorted({p[0] for p in picture} ^ {c[0] for c in chart})]
    return [
        (p, c) for p, c in zip(picture, chart, strict=True)
        if abs(p[1] - c[1]) > 3 or abs(p[2] - c[2]) > 3
    ]  # fmt: skip


VIEWS = ("Autoscale", "Zoom in", "Zoom in", "Reset axes")
"""The modebar's buttons every view test presses, in turn, after the opening view."""


def check_lanes(page: Any, where: str) -> str:
    """The lanes shown fit the view (:data:`FOLDED`); their titles, as one string."""
    found = page.evaluate(FOLDED)
    assert found["empty"] == [], f"{where}: empty lanes take rows: {found['empty']}"
    assert found["folded"] == [], f"{where}: lanes with events folded: {found['folded']}"
    assert found["fits"] and found["tallest"], f"{where}: {found}"
    return " ".join(found["titles"])


def check_words(page: Any, where: str) -> None:
    """Key events are labelled, and no label is shortened where it has room to be whole."""
    keys = page.evaluate(KEY_LABELS)
    assert all(text for _, text in keys), f"{where}: key events unlabelled {keys}"
    room = page.evaluate(ROOM)
    assert room == [], f"{where}: shortened with room to spare: {room}"


def check_legible(page: Any, where: str, labels: bool = True) -> None:
    """Texts and marks of the chart keep clear (:func:`assert_legible`), some label shown."""
    found = page.evaluate(MEASURE, "chart")
    assert_legible(found, where)
    assert not labels or found["labels"] > 0, f"{where}: no label at all"


def change_view(page: Any, change: str) -> bool:
    """Press a modebar button, follow the count of earlier events (False: there is none),
    or turn to the dark palette ('dark'); until the chart is laid out again."""
    if change == "dark":
        page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
        page.wait_for_function(
            f"() => document.querySelector('{PLOT}')._fullLayout.font.color === '#e4e6eb'"
        )
    elif change == "earlier":  # the count of the events before the view pans to them
        if page.locator(".timeline-chart__earlier").is_hidden():
            return False
        after(page, lambda: page.click(".timeline-chart__earlier"))
    else:
        click_modebar(page, change)
    return True


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("story", TIMELINE_STORIES)
def test_labels_keep_clear_stay_put_and_are_whole_and_lanes_fold_in_every_view(
    dense_site: str, context: Any, story: str, width: int
) -> None:
    """One chart per story and width, measured in every view for four rules: labels, titles
    and marks keep clear of each other and the edges (the stories of STORIES), in the
    picture and the chart, light and dark; nothing moves when the chart takes over; labels
    are whole where they fit and key events labelled; and (the first story's lanes) a lane
    with no event near the view folds away."""
    legible, lanes = story in STORIES, story == FIRST_STORY
    where = f"{story} at {width} px"
    page = context(width).new_page()
    page.emulate_media(color_scheme="light")
    url = f"{dense_site}{story}/timeline/"
    page.goto(url, wait_until="networkidle")
    assert inline_picture(page)  # its texts and marks, as drawn, for the page's scripts
    for scheme in ("default", "slate") if legible else ():  # the picture, light and dark
        page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
        found = page.evaluate(MEASURE, "picture")
        assert_legible(found, f"{where}, picture, {scheme}")
        assert found["marks"] > 0
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'default')")
    svg = page.locator(".timeline-chart__preview")
    assert not lanes or "War and armistice" not in (svg.text_content() or "")  # none in view
    picture = page.evaluate(PICTURE_LABELS)
    assert picture, "the picture shows labels"
    open_chart(page, url)
    if legible:
        check_legible(page, f"{where}, opening view", labels=False)
    assert _same_labels(picture, page.evaluate(CHART_LABELS)) == [], f"{where}: labels moved"
    check_words(page, f"{where}, opening view")
    seen = {check_lanes(page, f"{where}, opening")} if lanes else set()
    for change in (*VIEWS, "dark", "earlier"):  # dark: the view after Reset axes, again
        if not change_view(page, change):
            assert not lanes, "the first story has events before its opening view"
            continue
        if legible and change != "earlier":
            check_legible(page, f"{where}, {change}", labels=change != "dark")
        if change != "dark":
            check_words(page, f"{where}, {change}")
        if lanes and change != "dark":
            seen.add(check_lanes(page, f"{where}, {change}"))
    assert not lanes or len(seen) >= 3, f"{where}: the lanes shown never changed: {seen}"


def test_the_comparison_of_picture_and_chart_can_fail(opened: Any) -> None:
    page = opened(FIRST_STORY, 375)
    chart = page.evaluate(CHART_LABELS)
    moved = [[text, left + 5, middle] for text, left, middle in chart]
    assert _same_labels(moved, chart), "a label drawn 5 px away counts as moved"
    assert _same_labels(chart[1:], chart), "a missing label counts"


# --- the event panel ------------------------------------------------------------------

PANEL = """() => {
  const panel = document.querySelector(".timeline-panel");
  const title = panel.querySelector(".timeline-panel__event strong");
  const figure = document.querySelector("figure.timeline-chart").getBoundingClientRect();
  return {
    title: title ? title.textContent : null,
    count: panel.querySelector(".timeline-panel__count").textContent,
    hash: location.hash,
    inView: figure.top < innerHeight && figure.bottom > 0,
    panelInView: panel.getBoundingClientRect().top < innerHeight,
  };
}"""

RING = """(id) => {
  const gd = document.getElementById("timeline-chart");
  const model = gd.layout.meta.timeline;
  const ring = (gd.layout.shapes || []).find((s) => s.type === "circle");
  if (!ring) return false;
  const xa = gd._fullLayout.xaxis;
  const [r0, r1] = xa.range.map((v) => xa.r2l(v));
  const at = xa.d2l(ring.xanchor);
  const index = model.items.findIndex((it) => gd.data[it[1]].customdata[it[2]][0] === id);
  const placed = gd.data[model.items[index][1]];
  return at >= r0 && at <= r1 && ring.xanchor === placed.x[model.items[index][2]];
}"""


SELECTED = f"""([id, title]) => {{
  const s = document.querySelector(".timeline-panel__event strong");
  if (!s || s.textContent !== title || !({RING})(id)) return false;
  return ({PANEL})();
}}"""
"""Once the panel shows the event and the chart rings it, in view: the panel (:data:`PANEL`)."""


def wait_selected(page: Any, event_id: str, title: str) -> dict[str, Any]:
    """Until the panel shows the event and the chart rings it, in view; then what
    :data:`PANEL` reads (one round trip to the page a step of a walk, not three)."""
    found = page.wait_for_function(SELECTED, arg=[event_id, title], timeout=60000)
    return dict(found.json_value())


def events_in_order(story: str) -> list[tuple[str, str]]:
    from generator.content.load import load_stories

    folder = (
        CONTENT
        if story == FIRST_STORY
        else FIXTURES / "varied"
        if story == "example-river-dispute"
        else DENSE
    )
    (loaded,) = load_stories(folder, story)
    return [(event.id, event.title) for event in loaded.events_in_order()]


LONG = 40
"""A story of more events than this is walked forward through its first LONG events at
phone width, where its chart pans and merges marks the most, then :data:`ENDS` events in
from the end; at desktop width, :data:`ENDS` events in from each end (the slider jumps
between them). A story of LONG events or fewer is walked whole forward at both widths.
Back, every story is walked :data:`ENDS` events from the end, panning the way it came. The
rule that keeps an event in view is the same for every event."""
ENDS = 12


def jump(page: Any, index: int) -> None:
    """Move the events' slider to the event at ``index``, as dragging it does."""
    page.eval_on_selector(
        ".timeline-chart__keys",
        "(s, n) => { s.value = String(n); s.dispatchEvent(new Event('input', {bubbles: true})) }",
        index + 1,
    )


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("story", TIMELINE_STORIES)
def test_previous_next_and_the_arrow_keys_walk_every_event_with_the_chart_in_view(
    dense_site: str, context: Any, story: str, width: int
) -> None:
    events = events_in_order(story)
    whole = len(events) <= LONG
    stops = list(range(len(events)))
    if not whole:
        stops = stops[: LONG if width == min(WIDTHS) else ENDS] + stops[-ENDS:]
    page = context(width).new_page()
    open_chart(page, f"{dense_site}{story}/timeline/")
    page.click(".timeline-panel__next")  # a selection, wherever the panel opened
    if not whole:
        jump(page, 1)
    while not page.is_disabled(".timeline-panel__prev"):
        page.click(".timeline-panel__prev")
    for step, index in enumerate(stops):
        if step and index == stops[step - 1] + 1:
            page.click(".timeline-panel__next")
        elif step:
            jump(page, index)
        event_id, title = events[index]
        found = wait_selected(page, event_id, title)
        assert found["count"] == f"{index + 1} of {len(events)}"
        assert found["hash"] == f"#event-{event_id}"
        assert found["inView"] and found["panelInView"], f"{story} {width}: {event_id} out of view"
    assert page.is_disabled(".timeline-panel__next")
    page.focus(".timeline-panel__prev")
    back = list(range(len(events) - 2, -1, -1))[: ENDS - 1]  # from the end, as the way there
    for index in back:
        page.keyboard.press("ArrowLeft")
        wait_selected(page, *events[index])
    assert page.is_disabled(".timeline-panel__prev") == (back[-1] == 0)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_click_or_a_tap_on_a_mark_selects_its_event_and_the_chart_stays(
    dense_site: str, context: Any, width: int
) -> None:
    touch = width == 375
    page = context(width, has_touch=touch, is_mobile=touch).new_page()
    page.goto(f"{dense_site}{FIRST_STORY}/timeline/", wait_until="networkidle")
    if touch:
        wait_for_chart_script(page)
        page.tap(".timeline-chart__box")
    else:
        wait_for_chart_script(page)
        page.hover(".timeline-chart__box")
    page.wait_for_selector("figure.timeline-chart.is-ready", timeout=60000)
    page.wait_for_selector(f"{PLOT}[data-layouts]", state="attached")
    where = page.evaluate(
        """() => { const gd = document.getElementById("timeline-chart");
          const model = gd.layout.meta.timeline;
          const [, mt, mp] = model.items.find(
            (it) => gd.data[it[1]].customdata[it[2]][0] === "talks-cut-short");
          const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
          const box = gd.querySelector(".draglayer .nsewdrag").getBoundingClientRect();
          const x = box.left + xa.d2p(gd.data[mt].x[mp]);
          return [x, box.top + ya.d2p(gd.data[mt].y[mp]), window.scrollY]; }"""
    )
    if touch:
        page.touchscreen.tap(where[0], where[1])
    else:
        page.mouse.click(where[0], where[1])
    wait_selected(page, "talks-cut-short", "Talks end hours early, without a deal")
    assert page.evaluate("window.scrollY") == where[2], "the page did not jump"
    assert page.evaluate(PANEL)["inView"]


def test_an_event_address_opens_the_page_on_that_event(dense_site: str, context: Any) -> None:
    for width in WIDTHS:
        page = context(width).new_page()
        page.goto(
            f"{dense_site}{FIRST_STORY}/timeline/#event-stockholm-talks", wait_until="networkidle"
        )
        page.wait_for_selector("figure.timeline-chart.is-ready", timeout=60000)
        wait_selected(page, "stockholm-talks", "Working-level talks in Stockholm")
        found = page.evaluate(PANEL)
        assert found["inView"] and found["panelInView"], width


def test_dragging_the_chart_pans_it(dense_site: str, context: Any) -> None:
    page = context(1280).new_page()
    open_chart(page, f"{dense_site}{FIRST_STORY}/timeline/")
    before = page.evaluate(f"document.querySelector('{PLOT}')._fullLayout.xaxis.range.slice()")
    box = page.locator(f"{PLOT} .draglayer .nsewdrag").bounding_box()
    y = box["y"] + box["height"] - 6
    page.mouse.move(box["x"] + 300, y)
    page.mouse.down()
    page.mouse.move(box["x"] + 200, y, steps=5)
    page.mouse.up()
    page.wait_for_function(
        f"r => document.querySelector('{PLOT}')._fullLayout.xaxis.range[0] !== r[0]", arg=before
    )
    after_ = page.evaluate(f"document.querySelector('{PLOT}')._fullLayout.xaxis.range.slice()")
    assert after_[0] > before[0], "dragging left shows later dates"


# --- touch --------------------------------------------------------------------------

TARGETS = """() => {
  const size = (e) => { const r = e.getBoundingClientRect(); return [r.width, r.height]; };
  const controls = document.querySelectorAll(
    "#timeline-chart .modebar-btn, .timeline-chart__outside a:not([hidden]),"
    + " .timeline-panel__nav button:not([hidden])");
  return Array.from(controls).map((e) => [e.getAttribute("data-title") || e.textContent.trim(),
    ...size(e)]);
}"""


def open_on_touch(page: Any, url: str) -> None:
    """Open a timeline page on a touch screen and touch its chart, until laid out."""
    page.goto(url, wait_until="networkidle")
    wait_for_chart_script(page)
    page.tap(".timeline-chart__preview")  # a first touch draws the chart
    page.wait_for_selector("figure.timeline-chart.is-ready", timeout=60000)
    page.wait_for_selector(f"{PLOT}[data-layouts]", state="attached", timeout=60000)


def test_on_a_touch_screen_the_charts_controls_are_44_px_and_nothing_moves(
    dense_site: str, context: Any
) -> None:
    page = context(375, has_touch=True, is_mobile=True).new_page()
    url = f"{dense_site}{FIRST_STORY}/timeline/"
    page.goto(url, wait_until="networkidle")
    assert inline_picture(page)
    picture = page.evaluate(PICTURE_LABELS)
    open_on_touch(page, url)
    targets = page.evaluate(TARGETS)
    assert len(targets) >= 8, targets  # six buttons, the counts, Previous / Next
    small = [t for t in targets if t[1] < 44 or t[2] < 44]
    assert small == [], f"touch targets under 44 x 44 px: {small}"
    assert _same_labels(picture, page.evaluate(CHART_LABELS)) == [], "labels moved"
    assert_legible(page.evaluate(MEASURE, "chart"), "touch, opening view")
    after(page, lambda: page.tap(f"{PLOT} .modebar-btn[data-title='Zoom in']"))
    assert_legible(page.evaluate(MEASURE, "chart"), "touch, after Zoom in")


PINCH = """() => {
  const gd = document.getElementById("timeline-chart");
  const box = gd.querySelector(".draglayer .nsewdrag").getBoundingClientRect();
  const mid = box.left + box.width / 2;
  const y = box.top + box.height - 8;
  return { mid: mid, y: y };
}"""


def pinch(page: Any, spread_from: float, spread_to: float) -> None:
    """Two fingers on the middle of the plot, spreading from one distance to another,
    as the browser's touch input (CDP) sends them."""
    where = page.evaluate(PINCH)
    cdp = page.context.new_cdp_session(page)

    def points(spread: float) -> list[dict[str, float]]:
        return [
            {"x": where["mid"] - spread / 2, "y": where["y"], "id": 0},
            {"x": where["mid"] + spread / 2, "y": where["y"], "id": 1},
        ]

    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": points(spread_from)})
    for step in range(1, 6):
        spread = spread_from + (spread_to - spread_from) * step / 5
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": points(spread)})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    cdp.detach()


VIEW_SPAN = f"""() => {{ const xa = document.querySelector('{PLOT}')._fullLayout.xaxis;
  return xa.r2l(xa.range[1]) - xa.r2l(xa.range[0]); }}"""


def test_pinching_the_chart_zooms_it_on_a_touch_screen(dense_site: str, context: Any) -> None:
    page = context(375, has_touch=True, is_mobile=True).new_page()
    open_on_touch(page, f"{dense_site}{FIRST_STORY}/timeline/")
    before = page.evaluate(VIEW_SPAN)
    scale = page.evaluate("() => visualViewport.scale")
    pinch(page, 60, 240)  # spread: zoom in about four-fold
    page.wait_for_function(f"s => ({VIEW_SPAN})() < s / 2", arg=before, timeout=60000)
    page.wait_for_function(  # the last step is laid out: no label overprints
        f"() => !document.querySelector('{PLOT}').hasAttribute('data-pinching')", timeout=60000
    )
    frames(page, 2)
    assert page.evaluate("() => visualViewport.scale") == scale, "the page zoomed, not the chart"
    assert_legible(page.evaluate(MEASURE, "chart"), "after a pinch")
    narrowed = page.evaluate(VIEW_SPAN)
    pinch(page, 240, 80)  # pinch: zoom out
    page.wait_for_function(f"s => ({VIEW_SPAN})() > s * 2", arg=narrowed, timeout=60000)


def test_back_to_top_never_covers_the_charts_toolbar_on_a_phone(
    dense_site: str, context: Any
) -> None:
    page = context(375, has_touch=True, is_mobile=True).new_page()
    open_on_touch(page, f"{dense_site}{FIRST_STORY}/timeline/")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_function("() => scrollY > 1000")
    bar_top = page.evaluate(
        f"() => document.querySelector('{PLOT} .modebar').getBoundingClientRect().top + scrollY"
    )
    # The toolbar where the button floats, and the button shown, as Material shows it
    # when the reader scrolls up (its attribute hidden removed).
    top = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.md-top')).top)")
    page.evaluate("y => window.scrollTo(0, y)", bar_top - top - 4)
    page.wait_for_function("y => Math.abs(scrollY - y) < 1", arg=bar_top - top - 4)
    page.evaluate("() => { document.querySelector('.md-top').hidden = false; }")
    covered = f"""() => {{
      const top = document.querySelector('.md-top');
      const a = top.getBoundingClientRect();
      const b = document.querySelector('{PLOT} .modebar').getBoundingClientRect();
      const over = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      return {{ over: over, hidden: top.hidden, seen: getComputedStyle(top).visibility }};
    }}"""
    page.wait_for_function(f"() => ({covered})().over", timeout=60000)  # where they would meet
    frames(page, 3)
    found = page.evaluate(covered)
    assert found["seen"] == "hidden", f"Back to top covers the toolbar: {found}"

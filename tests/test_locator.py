"""The locator map: Natural Earth's shapes decoded right, framed around the places,
clipped and light, shown on a landing page without a lead picture, and its data the
pinned package's."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, problems

from generator.content.models import PLACES_AT_MOST, Place
from generator.render import locator
from generator.render.locator import HEIGHT, MIN_SPAN, WIDTH, clip, frame, locator_map, world

HANOI = [
    Place(name="Hanoi", latitude=21.03, longitude=105.85),
    Place(name="Singapore", latitude=1.35, longitude=103.82),
    Place(name="Pyongyang", latitude=39.04, longitude=125.76, label="left"),
]


def _inside(point: tuple[float, float], ring: list[tuple[float, float]]) -> bool:
    """Whether ``point`` is inside ``ring`` (ray casting)."""
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _country_of(point: tuple[float, float]) -> list[str]:
    return [name for name, rings in world() if any(_inside(point, ring) for ring in rings)]


@pytest.mark.parametrize(
    ("lon_lat", "country"),
    [
        ((105.85, 21.03), "Vietnam"),
        ((125.76, 39.04), "North Korea"),
        ((126.98, 37.57), "South Korea"),
        ((2.35, 48.86), "France"),
        ((-77.04, 38.91), "United States of America"),
        ((151.21, -33.87), "Australia"),
    ],
)
def test_the_shapes_are_decoded_where_the_countries_are(
    lon_lat: tuple[float, float], country: str
) -> None:
    assert _country_of(lon_lat) == [country]


def test_the_sea_is_no_country() -> None:
    assert _country_of((-30.0, 30.0)) == []  # the middle of the Atlantic


def test_the_frame_holds_every_place_with_room_and_keeps_the_maps_proportions() -> None:
    view = frame(HANOI)
    for place in HANOI:
        x, y = view.project((place.longitude, place.latitude))
        assert 0.1 * WIDTH < x < 0.9 * WIDTH and 0.1 * HEIGHT < y < 0.9 * HEIGHT, place.name
    stretched = (view.east - view.west) * view.stretch / (view.north - view.south)
    assert stretched == pytest.approx(WIDTH / HEIGHT)


def test_one_place_is_shown_in_its_region() -> None:
    view = frame(HANOI[:1])
    assert view.north - view.south >= MIN_SPAN
    x, y = view.project((105.85, 21.03))
    assert (x, y) == pytest.approx((WIDTH / 2, HEIGHT / 2))


def test_a_ring_is_clipped_to_the_box() -> None:
    square = [(-10.0, -10.0), (10.0, -10.0), (10.0, 10.0), (-10.0, 10.0)]
    clipped = clip(square, (0.0, 0.0, 20.0, 20.0))
    assert sorted(clipped) == [(0.0, 0.0), (0.0, 10.0), (10.0, 0.0), (10.0, 10.0)]
    assert clip(square, (20.0, 20.0, 30.0, 30.0)) == []


def test_the_maps_file_is_a_standalone_svg_with_its_own_colours_in_both_palettes() -> None:
    shown = locator_map(HANOI)
    assert shown is not None
    text = shown.svg_file()
    root = ET.fromstring(text)  # well formed, on its own
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert (root.get("width"), root.get("height")) == (str(WIDTH), str(HEIGHT))
    assert root.findtext("{http://www.w3.org/2000/svg}title") == shown.label
    style = root.findtext("{http://www.w3.org/2000/svg}style") or ""
    assert "prefers-color-scheme:dark" in style and "var(" not in style  # no page's variables
    names = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert names == ["Hanoi", "Singapore", "Pyongyang"]
    assert len(text.encode()) < 16_000  # a region of the world, not the world
    left = next(t for t in root.iter("{http://www.w3.org/2000/svg}text") if t.text == "Pyongyang")
    assert left.get("text-anchor") == "end"


def test_a_story_without_a_lead_picture_writes_its_maps_file_and_its_card_shows_it(
    news: Path,
) -> None:
    from generator.render.build import build_site

    files = build_site(news).files
    assert "example-geneva-talks/locator-map.svg" in files
    assert not [f for f in files if f.endswith("locator-map.svg") and "geneva" not in f]
    home = files["index.md"]
    assert isinstance(home, str)
    assert home.count("locator-map.svg") == 3  # src, srcset and <noscript>: one file
    assert 'data-src="example-geneva-talks/locator-map.svg"' in home
    assert 'alt="Map: Geneva, Vienna, Rome and Lyon"' in home


def test_no_places_no_map() -> None:
    assert locator_map([]) is None


def test_a_place_name_is_text_in_the_map_never_markup() -> None:
    planted = Place(name='<script>alert(1)</script> & "x"', latitude=0, longitude=0)
    shown = locator_map([planted])
    assert shown is not None
    alone = ET.fromstring(shown.svg_file())  # XML of its own
    texts = [t.text for t in alone.iter("{http://www.w3.org/2000/svg}text")]
    assert texts == ['<script>alert(1)</script> & "x"']
    assert not list(alone.iter("{http://www.w3.org/2000/svg}script"))


def test_a_map_marks_a_few_places(news: Path) -> None:
    story = news / "example-geneva-talks" / "story.yml"
    extra = "".join(
        f"  - name: Place {n}\n    latitude: 45\n    longitude: {n}\n"
        for n in range(PLACES_AT_MOST)
    )
    story.write_text(
        story.read_text(encoding="utf-8").replace("places:\n", "places:\n" + extra, 1),
        encoding="utf-8",
    )
    (said,) = [p for p in problems(news) if "a map marks" in p]
    assert "example-geneva-talks/story.yml:32:5: " in said  # the ninth place
    assert f"a map marks at most {PLACES_AT_MOST} places, and this one has" in said


def test_the_landing_page_opens_on_the_map_only_without_a_picture(news: Path) -> None:
    from generator.render.build import build_site

    files = build_site(news).files
    landing = files["example-geneva-talks/index.md"]
    assert isinstance(landing, str)
    assert '<figure class="locator-map" data-pagefind-ignore>' in landing  # not searched
    assert "Natural Earth" in landing
    # the map file beside it, which its cards show too: not drawn into the page again
    assert '<img class="locator-map__image" src="locator-map.svg"' in landing
    assert 'alt="Map: Geneva, Vienna, Rome and Lyon"' in landing and "<svg" not in landing
    assert "locator-map" not in files["example-lead-summit/index.md"]  # its picture leads
    assert "locator-map" not in files["example-bare-notice/index.md"]  # no places


def test_the_shapes_are_the_pinned_packages() -> None:
    package = ROOT / "tests" / "npm" / "node_modules" / "world-atlas" / "countries-110m.json"
    if not package.exists():
        pytest.fail("tests/npm is not installed: run make test (npm ci --prefix tests/npm)")
    assert package.read_bytes() == locator.WORLD.read_bytes()


def test_a_years_page_shows_each_cards_picture_and_map_from_the_sites_top() -> None:
    """A year's page (stories/<year>/) is two folders down: its cards' pictures and maps,
    raw HTML that MkDocs does not rewrite, lead there (they led nowhere before)."""
    from generator.content.load import load_stories
    from generator.render.archive import NAV_BY_YEAR_FROM
    from generator.render.pages import render_home

    news = FIXTURES / "news"
    (lead,) = load_stories(news, "example-lead-summit")
    (mapped,) = load_stories(news, "example-geneva-talks")
    stories = [
        story.model_copy(update={"meta": story.meta.model_copy(update={"id": f"{story.id}-{n}"})})
        for n in range(NAV_BY_YEAR_FROM)
        for story in (lead, mapped)
    ]
    files = render_home(stories, reading={story.id: "1 min" for story in stories})
    years = [page for page in files if page.startswith("stories/")]
    assert years
    for year in years:
        images = re.findall(r"<img [^>]*>", files[year])
        assert images, year
        for tag in images:
            addresses = re.findall(r'(?:src|srcset)="([^"]+)"', tag)
            for address in (a.split(" ")[0] for v in addresses for a in v.split(", ")):
                assert address.startswith("../../"), (year, tag)

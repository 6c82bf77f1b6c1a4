"""A locator map of a story's places: SVG drawn at build time, from Natural Earth.

A story without a lead picture opens on a map of the places it happened in
(``places:`` in story.yml). The shapes are Natural Earth's countries at 1:110 million
(public domain), as the pinned npm package world-atlas 2.0.2 publishes them in TopoJSON
(``maps/countries-110m.json``, copied from the package and checked against it by
``tests/test_locator.py``): nothing is fetched from any host, at build time or in the
reader's browser.

The map is an equirectangular projection around the places, stretched by the cosine of
its middle latitude so that shapes keep their proportions near it, framed with room
around the places and at least :data:`MIN_SPAN` degrees tall so that a single city
still shows its region. Each country's rings are clipped to the frame and thinned to
what shows at the map's size, so the file is a few kilobytes, not the world. The
geometry is computed here; ``templates/locator_map_file.svg.j2`` writes it as a file of
the story's, coloured for either palette, which its landing page and its cards show. A
map does not cross the antimeridian (180°): places on both sides of it are framed the
long way round.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.content.models import Place
from generator.render.render import environment

WORLD = Path(__file__).resolve().parent / "maps" / "countries-110m.json"
"""Natural Earth's countries, 1:110m, from world-atlas 2.0.2 (TopoJSON): the scale of
a map of a region, and a few kilobytes on the page."""

WIDTH, HEIGHT = 640, 400
"""The map's size in its own units (its viewBox); it scales to the column's width."""

MIN_SPAN = 20.0
"""Fewest degrees of latitude the map shows: one city is shown in its region."""

PADDING = 0.3
"""Room around the places, as a share of the span they cover."""

THIN = 1.0
"""Points closer than this to the last one kept (in the map's units) are left out."""

Point = tuple[float, float]
Ring = list[Point]


@dataclass(frozen=True)
class Mark:
    """A place as the map marks it: its dot, and the side its name goes (the template
    sets the name beside the dot, on that side)."""

    name: str
    x: float
    y: float
    side: str = "right"
    """Where the name goes (``label`` in the YAML)."""

    @property
    def anchor(self) -> str:
        """How the name's text is anchored on its side: its start right of the dot, its
        end left of it, its middle above or below."""
        return {"right": "start", "left": "end"}.get(self.side, "middle")


@dataclass(frozen=True)
class LocatorMap:
    """What the template draws: the land as one path, the places, and their names."""

    width: int
    height: int
    land: str
    """The countries' outlines as SVG path data (each country's border drawn once)."""
    marks: list[Mark]
    names: str
    """The places' names in a sentence: 'Geneva, Vienna and Rome'."""

    @property
    def label(self) -> str:
        """The map's text alternative, wherever it is shown."""
        return map_label(self.names)

    def svg_file(self) -> str:
        """The map as an SVG file of its own, for an ``<img>``: the story's landing page
        and its cards show it, the same file, cached once (drawn into each landing page,
        it cost every story its bytes twice). An ``<img>`` takes no styles
        from its page, so the file carries its colours, light, or dark where the page's
        ``color-scheme`` is (the palette the reader chose), and its names set large
        enough for a card."""
        template = environment().get_template("locator_map_file.svg.j2")
        return template.render(map=self)


@functools.cache
def world() -> tuple[tuple[str, tuple[Ring, ...]], ...]:
    """Every country's name and rings, in degrees (longitude, latitude), decoded from
    the TopoJSON: each arc's quantised steps added up and scaled, and each ring joined
    from its arcs (``~i`` is arc ``i`` reversed), the point they share kept once."""
    topology = json.loads(WORLD.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs: list[Ring] = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:  # quantised and delta-encoded
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indices: list[int]) -> Ring:
        points: Ring = []
        for index in indices:
            arc = arcs[index] if index >= 0 else arcs[~index][::-1]
            points += arc[1:] if points else arc
        return points

    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs", [])], "MultiPolygon": geometry.get("arcs", [])}
        rings = [ring(r) for polygon in polygons.get(geometry["type"], []) for r in polygon]
        countries.append((str(geometry.get("properties", {}).get("name", "")), tuple(rings)))
    return tuple(countries)


@dataclass(frozen=True)
class _Frame:
    """The part of the world the map shows, in degrees, and its projection."""

    west: float
    east: float
    south: float
    north: float

    @property
    def stretch(self) -> float:
        return math.cos(math.radians((self.south + self.north) / 2))

    def project(self, point: Point) -> Point:
        lon, lat = point
        x = (lon - self.west) / (self.east - self.west) * WIDTH
        y = (self.north - lat) / (self.north - self.south) * HEIGHT
        return x, y


def frame(places: Sequence[Place]) -> _Frame:
    """The frame around ``places``: their extent, padded, at least MIN_SPAN tall, and
    widened or heightened to the map's proportions."""
    lons = [p.longitude for p in places]
    lats = [p.latitude for p in places]
    lat_span = max(max(lats) - min(lats), MIN_SPAN / (1 + 2 * PADDING)) * (1 + 2 * PADDING)
    mid_lat = (max(lats) + min(lats)) / 2
    stretch = math.cos(math.radians(mid_lat))
    lon_span = (max(lons) - min(lons)) * (1 + 2 * PADDING)
    if lon_span * stretch / lat_span < WIDTH / HEIGHT:
        lon_span = lat_span * WIDTH / HEIGHT / stretch
    else:
        lat_span = lon_span * stretch * HEIGHT / WIDTH
    mid_lon = (max(lons) + min(lons)) / 2
    south = max(-89.0, mid_lat - lat_span / 2)
    north = min(89.0, south + lat_span)
    return _Frame(mid_lon - lon_span / 2, mid_lon + lon_span / 2, north - lat_span, north)


def clip(ring: Ring, box: tuple[float, float, float, float]) -> Ring:
    """The ring clipped to ``box`` (west, south, east, north): Sutherland and Hodgman's
    algorithm, one edge of the box at a time. Edges it adds run along the box, outside
    the map's visible frame."""
    west, south, east, north = box
    points = ring
    for axis, limit, keep_above in (
        (0, west, True),
        (0, east, False),
        (1, south, True),
        (1, north, False),
    ):
        if not points:
            break
        kept: Ring = []
        previous = points[-1]
        for point in points:
            here = (point[axis] >= limit) == keep_above
            before = (previous[axis] >= limit) == keep_above
            if here != before:
                kept.append(_crossing(previous, point, axis, limit))
            if here:
                kept.append(point)
            previous = point
        points = kept
    return points


def _crossing(a: Point, b: Point, axis: int, limit: float) -> Point:
    """Where the segment from ``a`` to ``b`` crosses the line ``axis`` = ``limit``."""
    t = (limit - a[axis]) / (b[axis] - a[axis])
    other = a[1 - axis] + t * (b[1 - axis] - a[1 - axis])
    return (limit, other) if axis == 0 else (other, limit)


def _path(rings: list[Ring]) -> str:
    """SVG path data of projected rings: whole units (half a unit is a fraction of a
    pixel at the widths pages show the map), each point relative to the last, thinned."""
    parts = []
    for ring in rings:
        kept: Ring = [ring[0]]
        for point in ring[1:]:
            if abs(point[0] - kept[-1][0]) + abs(point[1] - kept[-1][1]) >= THIN:
                kept.append(point)
        if len(kept) < 3:
            continue
        x, y = round(kept[0][0]), round(kept[0][1])
        steps = [f"M{x} {y}"]
        for point in kept[1:]:
            nx, ny = round(point[0]), round(point[1])
            steps.append(f"l{nx - x} {ny - y}")
            x, y = nx, ny
        parts.append("".join(steps) + "z")
    return "".join(parts)


def _mark(place: Place, view: _Frame) -> Mark:
    x, y = view.project((place.longitude, place.latitude))
    return Mark(place.name, round(x, 1), round(y, 1), place.label)


MAP_FILE = "locator-map.svg"
"""A story's map as a file, in its folder (:meth:`LocatorMap.svg_file`)."""


def map_file_path(story_id: str) -> str:
    """Where a story's map file is, from the site's top."""
    return f"{story_id}/{MAP_FILE}"


def map_image(places: Sequence[Place]) -> dict[str, str | int]:
    """What an ``<img>`` of the map file needs besides its address: its size and text
    alternative (the places are not drawn here: a home page need not draw every map)."""
    return {"width": WIDTH, "height": HEIGHT, "alt": map_label(place_names(places))}


def map_label(names: str) -> str:
    """A map's text alternative: 'Map: Geneva, Vienna and Rome'."""
    return f"Map: {names}"


def place_names(places: Sequence[Place]) -> str:
    """The places' names in a sentence, as the map's text alternative says them."""
    names = [place.name for place in places]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def locator_map(places: Sequence[Place]) -> LocatorMap | None:
    """The map of ``places``, or None when the story names none."""
    if not places:
        return None
    view = frame(places)
    margin = 0.02 * (view.east - view.west)
    box = (view.west - margin, view.south - margin, view.east + margin, view.north + margin)
    rings = []
    for _, country in world():
        for ring in country:
            lons = [p[0] for p in ring]
            lats = [p[1] for p in ring]
            if max(lons) < box[0] or min(lons) > box[2] or max(lats) < box[1] or min(lats) > box[3]:
                continue
            clipped = clip(ring, box)
            if len(clipped) >= 3:
                rings.append([view.project(point) for point in clipped])
    marks = [_mark(place, view) for place in places]
    return LocatorMap(WIDTH, HEIGHT, _path(rings), marks, place_names(places))

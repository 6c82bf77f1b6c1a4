"""Where the timeline's marks and labels go: one rule for sub-rows, sides and short titles.

Each event drawn in a lane is an *item*: its mark, the bar of a fuzzy date (which runs
under the row's text), and perhaps a label beside the mark. Marks come first, so that
every event in view can be reached: the key events' (``key: true``) and then the
others', each in time order, each takes the first row of its lane where its stretch (its
24 px target and its bar) keeps :data:`GAP` px clear of the stretches already there, as
vis-timeline and TimelineJS stack their items. Rows are :data:`ROW` px apart, so every
mark has a target of at least 24 x 24 px to itself (WCAG 2.5.8). Labels come next, the
key events' first, then the counts, then the others, each group from the story's own
events outwards in time: each takes the first of its forms (the full title, then ever
shorter cuts of it), for each the lane's rows from the top, in each the right side of
the mark and then its left, where mark and label together stay clear of everything
placed, inside the plot and, in the first row, clear of the lane's title (a bar may run
under it); its mark moves to that row. A label that fits nowhere is left out (the full
title is in the mark's tooltip, the event panel and the list). So no two labels, nor a
label and a title or a mark, ever overprint, and a title is cut only where its row has
no room for it.

A mark that finds no row at all (more events within a few pixels than the lane has rows)
is not drawn: the nearest mark of its lane that is not a key event's stands for it too,
labelled with the count ("3 events"), its tooltip names them all and a click zooms in on
them. So every event in view is reachable, by itself or with its neighbours, and a key
event stands in a count only when key events alone crowd a lane. Phase titles, above
the plot, follow the same rule in two rows of their own.

The static picture runs this with widths measured ahead of time from the font's advance
widths (:func:`text_width`, :mod:`generator.render.chart.font`); ``timeline-chart.js``
runs the same rule in the browser with widths measured there whenever the view changes,
the one rule the browser keeps (every wording, hover and colour comes with the figure).
The two are held together by ``tests/test_chart_layout.py``, which runs both, Python here
and the script in Node, on hundreds of generated charts and views and compares every
placement.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from generator.render.chart import font as chart_font

ROW = 26
"""Height of a sub-row of a lane, px: more than a 24 px target, room for 11 px text."""
TARGET = 24
"""Width kept free around each mark, px (WCAG 2.5.8's minimum target)."""
RADIUS = 5.5
"""Radius of a mark, px (Plotly's marker size 11)."""
GAP = 4
"""Space kept between a label and anything beside it, px."""
CUTS = (60, 50, 40, 28, 20, 14)
"""The lengths, in characters, a title is cut to (at a word, ending in an ellipsis) where
its full form has no room: a label tries its full title first, then each shorter cut."""
FONT_SIZE = 11
"""Size of labels and titles, px."""
ROUNDING = 1
"""Px added to every measured width, as ``timeline-chart.js`` adds it to the browser's."""

Side = Literal["right", "left"]

_REGULAR = {char: width for width, chars in chart_font.REGULAR.items() for char in chars}
_BOLD = {char: width for width, chars in chart_font.BOLD.items() for char in chars}
_OTHER = 667  # a character the table lacks: as wide as a capital
_WIDE = 1000  # East Asian wide and full-width characters


@functools.lru_cache(maxsize=8192)
def text_width(text: str, *, size: float = FONT_SIZE, bold: bool = False) -> float:
    """The width of ``text`` in px, as the browser draws it in the chart's font
    (:mod:`generator.render.chart.font`: Helvetica's, Arial's and Liberation Sans's advances,
    kerning off), plus :data:`ROUNDING`."""
    table = _BOLD if bold else _REGULAR
    units = sum(table.get(char) or _char_width(char) for char in text)
    return units * size / 1000 + ROUNDING


def _char_width(char: str) -> int:
    return _WIDE if unicodedata.east_asian_width(char) in "WF" else _OTHER


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters at a word, ending in an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:–—-") + "…"


def label_forms(title: str) -> tuple[str, ...]:
    """The forms a title's label may take: the full title, then its cuts, longest first."""
    forms = [title]
    for limit in CUTS:
        cut = shorten(title, limit)
        if len(cut) < len(forms[-1]):
            forms.append(cut)
    return tuple(forms)


@dataclass(frozen=True)
class Item:
    """What one mark needs for the layout, in px from the plot's left edge."""

    lane: int
    x: float
    """The centre of the mark."""
    bar: tuple[float, float] | None
    """The bar of a fuzzy date, from its first day to the end of its last."""
    widths: tuple[float, ...]
    """Widths of its label's forms, longest first; none when it is drawn unlabelled."""
    key: bool = False
    """A key event (``key: true``): its mark and label are placed before any other."""


COUNT = -1
"""The form of a label that counts the events a mark stands for ("3 events")."""
COUNT_LABEL = "{n} events"
"""The label of a mark that stands for ``n`` events (the figure carries it to the
browser, which fills it in where its layout makes a count: the one wording of counts)."""


@dataclass(frozen=True)
class Placement:
    """Where an item went: its row, its label (a form, the count, or none) and side."""

    row: int = 0
    form: int | None = None
    """Which of the item's label forms is shown, :data:`COUNT`, or None for no label."""
    side: Side = "right"
    shown: bool = False
    """Whether it is in view at all (an item out of view is not placed)."""
    host: int | None = None
    """The item whose mark stands for this one, which found no room of its own."""
    group: int = 1
    """How many items the mark stands for: itself and those it hosts."""


def count_label(number: int) -> str:
    """The label of a mark that stands for several events."""
    return COUNT_LABEL.format(n=number)


Stretch = tuple[float, float]


class _Row:
    """The stretches taken in one row, and the title at its left. A row holds at most one
    stretch per mark's target (24 px) of the plot's width: a check goes over all of them."""

    def __init__(self, title: float | None = None) -> None:
        self.taken: list[Stretch] = []
        self.title = None if title is None else (0.0, title)

    def is_clear(self, stretch: Stretch, front: Stretch) -> bool:
        """Whether ``stretch`` keeps clear of the others, and ``front`` (its mark's target
        and label: a bar may run under the title) of the title."""
        start, end = stretch
        for left, right in self.taken:  # _clear(stretch, each), inline: the chart's hot loop
            if end + GAP > left and right + GAP > start:
                return False
        return self.title is None or _clear(front, self.title)

    def add(self, stretch: Stretch) -> None:
        self.taken.append(stretch)

    def remove(self, stretch: Stretch) -> None:
        self.taken.remove(stretch)


def place_items(
    items: Sequence[Item],
    in_time: Sequence[int],
    order: Sequence[int],
    width: float,
    rows: Sequence[int],
    reserved: Sequence[float],
    count_width: Callable[[int], float],
    *,
    collide: bool = True,
) -> list[Placement]:
    """Place each item in a plot ``width`` px wide, by the module's rule.

    Marks first, key events' and then the others', each in time order (``in_time``): each
    in the first row of its lane with room for it, or else hosted by the nearest mark of
    its lane that is not a key event's (the nearest of all when every one is). Then
    labels: the key events' in ``order``, the marks that stand for several events,
    labelled with their count (``count_width(n)`` px wide), then the others in ``order``;
    a label takes the first row and side where it fits beside its mark, moving the mark
    there. ``rows[lane]`` is how many rows a lane
    has; ``reserved[lane]`` the px its title takes at the left of its first row. With
    ``collide=False`` the rule is off (every item in the first row, labelled on the
    right): the tests use it to show they can fail.

    Longer than the house's 40 lines by its signature and this docstring alone: its body
    is the rule's outline in some twenty lines, the marks and each label already placed
    by helpers, and it is ``placeItems`` in ``timeline-chart.js`` line for line. Split
    further, it would take most of these arguments again and no longer read like its
    mirror, which ``tests/test_chart_layout.py`` holds to it on hundreds of generated cases.
    """
    cores = [_core(item) for item in items]
    shown = [in_view(item, width) for item in items]
    if not collide:
        return [
            Placement(0, 0 if item.widths else None, "right", True) if seen else Placement()
            for item, seen in zip(items, shown, strict=True)
        ]
    lanes = [
        [_Row(title if row == 0 else None) for row in range(count)]
        for count, title in zip(rows, reserved, strict=True)
    ]
    placements = [Placement()] * len(items)
    keys = [i for i in order if shown[i] and items[i].key and items[i].widths]
    for index in keys:  # their shortest forms first: as many as can be are labelled
        item, lane = items[index], lanes[items[index].lane]
        placed = _place_label(item, item.widths[::-1], cores[index], None, lane, width)
        form = None if placed.form is None else len(item.widths) - 1 - placed.form
        placements[index] = replace(placed, form=form)
    rest = [i for i in in_time if shown[i] and not placements[i].shown]
    placements = _place_marks(items, cores, rest, lanes, placements)
    unlabelled = [i for i in order if placements[i].form is None]
    hosts = [i for i in unlabelled if placements[i].group > 1]
    labelled = [i for i in order if items[i].widths and _alone(placements[i])]
    for index in hosts + [i for i in labelled if placements[i].form is None]:
        placed = placements[index]
        widths = (count_width(placed.group),) if placed.group > 1 else items[index].widths
        lane = lanes[items[index].lane]
        placements[index] = _place_label(items[index], widths, cores[index], placed, lane, width)
    cut = [i for i in keys if _is_cut(placements[i])] + [
        i for i in labelled if _is_cut(placements[i])
    ]
    for index in dict.fromkeys(cut):  # the key events' first: a cut label, made longer
        lane = lanes[items[index].lane]
        placements[index] = _lengthen(items[index], cores[index], placements[index], lane, width)
    return placements


def _is_cut(placed: Placement) -> bool:
    """Whether a label is a cut of its title (not the full title, nor a count)."""
    return placed.form is not None and placed.form > 0


def _alone(placed: Placement) -> bool:
    """Whether a mark in view stands for its own event alone."""
    return placed.shown and placed.host is None and placed.group == 1


def _place_marks(
    items: Sequence[Item],
    cores: list[Stretch],
    in_time: list[int],
    lanes: list[list[_Row]],
    placements: list[Placement],
) -> list[Placement]:
    """Each mark in the first row with room, or hosted by the nearest placed mark (the
    key events' already placed with their labels)."""
    placements = list(placements)
    placed: list[list[int]] = [[] for _ in lanes]
    for index, placement in enumerate(placements):
        if placement.shown:
            placed[items[index].lane].append(index)
    for index in in_time:
        lane, core, target = items[index].lane, cores[index], _target(items[index])
        row = next((r for r, taken in enumerate(lanes[lane]) if taken.is_clear(core, target)), None)
        if row is None and not placed[lane]:
            row = len(lanes[lane]) - 1  # a lane too short for its title: the mark goes in
        if row is not None:
            lanes[lane][row].add(core)
            placements[index] = Placement(row, None, "right", True)
            placed[lane].append(index)
            continue
        near = [i for i in placed[lane] if abs(items[i].x - items[index].x) <= 2 * TARGET]
        hosts = [i for i in near if not items[i].key] or placed[lane]
        host = min(hosts, key=lambda i: abs(items[i].x - items[index].x))
        placements[index] = Placement(placements[host].row, None, "right", True, host=host)
        placements[host] = replace(placements[host], group=placements[host].group + 1)
    return placements


def _place_label(
    item: Item,
    widths: tuple[float, ...],
    core: Stretch,
    placed: Placement | None,
    lane: list[_Row],
    width: float,
) -> Placement:
    """The first form, row and side where the label fits beside its mark, the mark moving
    there; ``placed`` None: a key event's, whose mark is not placed yet (then, if it
    fits nowhere, it is not placed at all: its mark is placed with the others')."""
    if placed is not None:
        lane[placed.row].remove(core)
    if 0 <= item.x <= width:
        for form, size in enumerate(widths):
            for row, taken in enumerate(lane):
                for side in ("right", "left"):
                    if _fits(item, core, size, side, taken, width):
                        taken.add(_stretch(item, core, size, side))
                        base = placed or Placement(shown=True)
                        shown = COUNT if base.group > 1 else form
                        return replace(base, row=row, form=shown, side=side)
    if placed is None:
        return Placement()
    lane[placed.row].add(core)
    return placed


def _lengthen(
    item: Item, core: Stretch, placed: Placement, lane: list[_Row], width: float
) -> Placement:
    """A cut label at its longest form that fits in its row now, on either side."""
    assert placed.form is not None and placed.form > 0
    taken = lane[placed.row]
    taken.remove(_stretch(item, core, item.widths[placed.form], placed.side))
    for form, size in enumerate(item.widths[: placed.form]):
        for side in ("right", "left"):
            if _fits(item, core, size, side, taken, width):
                taken.add(_stretch(item, core, size, side))
                return replace(placed, form=form, side=side)
    taken.add(_stretch(item, core, item.widths[placed.form], placed.side))
    return placed


def _fits(item: Item, core: Stretch, size: float, side: Side, taken: _Row, width: float) -> bool:
    """Whether a label ``size`` px wide fits on that side of its mark in a row."""
    start = label_start(item, size, side)
    end = start + size
    if start < 0 or end > width:  # outside the plot: the cheap test first
        return False
    # The label's _stretch with its mark's core, and with its _target alone, inline: this
    # runs for every form, row and side of every label.
    if side == "right":
        return taken.is_clear((core[0], end), (item.x - TARGET / 2, end))
    return taken.is_clear((start, core[1]), (start, item.x + TARGET / 2))


def _target(item: Item) -> Stretch:
    """The stretch of the mark's target alone."""
    return item.x - TARGET / 2, item.x + TARGET / 2


def in_view(item: Item, width: float) -> bool:
    """Whether any of the item's mark target or bar is in a plot ``width`` px wide: an
    item in view is drawn, and its lane takes rows (``inView`` in timeline-chart.js)."""
    left, right = _core(item)
    return right >= 0 and left <= width


def _core(item: Item) -> Stretch:
    """The stretch of the mark's target and its bar."""
    left, right = _target(item)
    if item.bar is not None:
        left, right = min(left, item.bar[0]), max(right, item.bar[1])
    return left, right


def label_start(item: Item, width: float, side: Side) -> float:
    """Where a label of ``width`` px begins, on that side of the mark (a bar runs under
    the row's text, so a label may stand over it)."""
    return item.x + RADIUS + GAP if side == "right" else item.x - RADIUS - GAP - width


def _stretch(item: Item, core: Stretch, width: float, side: Side) -> Stretch:
    start = label_start(item, width, side)
    return (core[0], start + width) if side == "right" else (start, core[1])


def _clear(one: Stretch, other: Stretch) -> bool:
    return one[1] + GAP <= other[0] or other[1] + GAP <= one[0]


@dataclass(frozen=True)
class Title:
    """Where a phase's title went: its row above the plot, left edge (px) and form."""

    row: int
    start: float
    form: int


PHASE_ROWS = 2
"""Rows of phase titles above the plot."""


def place_phase_titles(
    bands: Sequence[Stretch],
    widths: Sequence[tuple[float, ...]],
    order: Sequence[int],
    width: float,
    *,
    collide: bool = True,
) -> list[Title | None]:
    """Each phase's title, centred on the part of its band in view and kept inside the
    plot, in the first of two rows where it keeps clear of the titles placed before it;
    shortened, or left out (None), when neither row has room."""
    rows: list[list[Stretch]] = [[] for _ in range(PHASE_ROWS)]
    titles: list[Title | None] = [None] * len(bands)
    for index in order:
        left, right = max(bands[index][0], 0), min(bands[index][1], width)
        if right < 0 or left > width or bands[index][1] <= bands[index][0]:
            continue
        titles[index] = _fit_title(widths[index], (left + right) / 2, width, rows, collide)
    return titles


def _fit_title(
    forms: tuple[float, ...], centre: float, width: float, rows: list[list[Stretch]], collide: bool
) -> Title | None:
    for form, size in enumerate(forms):
        if size > width:
            continue
        start = min(max(centre - size / 2, 0), width - size)
        stretch = (start, start + size)
        for row, taken in enumerate(rows):
            if not collide or all(_clear(stretch, other) for other in taken):
                taken.append(stretch)
                return Title(row, start, form)
    return None

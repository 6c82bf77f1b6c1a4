"""Pages that scan, in headless Chromium at phone and desktop width: Who's who's entries
in a grid that fits the screen, and the reactions' cards in balanced columns, none beside
blank space (issue 22)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

WIDTHS = {"phone": 375, "desktop": 1280}

BOXES = """selector => [...document.querySelectorAll(selector)].map(e => {
  const r = e.getBoundingClientRect();
  return {left: Math.round(r.left), right: Math.round(r.right), top: Math.round(r.top),
          bottom: Math.round(r.bottom)};
})"""

ARTICLE = "() => document.querySelector('.md-content__inner').getBoundingClientRect().right"


@pytest.fixture(params=list(WIDTHS))
def page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": WIDTHS[request.param], "height": 812})
    page = context.new_page()
    page.width = WIDTHS[request.param]
    yield page
    context.close()


def test_reaction_cards_fill_balanced_columns_none_beside_blank_space(
    live_site: tuple[str, Path], page: Any
) -> None:
    base, _ = live_site
    page.goto(base + "hanoi-summit-2019/reactions/", wait_until="domcontentloaded")
    groups = page.locator("article .reaction-group").all()
    assert len(groups) >= 3
    right = page.evaluate(ARTICLE)
    for group in groups:
        box = group.bounding_box()
        cards = group.evaluate(
            "g => [...g.querySelectorAll(':scope > .reaction-card')].map(e => {"
            " const r = e.getBoundingClientRect(); return {left: Math.round(r.left),"
            " right: Math.round(r.right), top: Math.round(r.top), bottom: Math.round(r.bottom)}})"
        )
        assert cards and max(card["right"] for card in cards) <= right
        columns: dict[int, list[dict[str, int]]] = {}
        for card in cards:
            columns.setdefault(card["left"], []).append(card)
        if len(cards) == 1:  # alone, the card takes the group's whole width
            assert cards[0]["right"] - cards[0]["left"] >= box["width"] - 1, cards
            continue
        assert len(columns) == (1 if page.width < 600 else 2), f"{len(columns)} at {page.width}"
        for column in columns.values():
            for above, below in itertools.pairwise(column):
                assert above["bottom"] <= below["top"], "two cards overlap"
        ends = [max(c["bottom"] for c in column) for column in columns.values()]
        tallest = max(c["bottom"] - c["top"] for c in cards)
        assert max(ends) - min(ends) <= tallest, f"a column stands half empty: {columns}"


def test_whos_who_entries_fill_rows_and_fit_the_screen(
    live_site: tuple[str, Path], page: Any
) -> None:
    base, _ = live_site
    page.goto(base + "hanoi-summit-2019/actors/", wait_until="domcontentloaded")
    entries = page.evaluate(BOXES, ".cast > ul > li")
    assert len(entries) >= 10
    columns = len({entry["left"] for entry in entries})
    assert columns == (1 if page.width < 600 else 3), f"{columns} columns at {page.width} px"
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], "Who's who scrolls sideways"
    for entry in entries:  # name, role and what they are, each on its own line
        assert entry["bottom"] - entry["top"] >= 3 * 16

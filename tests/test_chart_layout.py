"""The layout rule is written once in Python and run again in the browser after every
change of view (``timeline-chart.js``): the two agree on hundreds of generated cases,
run in Node (``tests/layout_agreement.mjs``) in about a second, and the comparison can
fail."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from layout_cases import SYNTHETIC, VIEWS, cases

from generator.render.chart import labels

pytestmark = pytest.mark.build  # runs a command (node) in a process of its own

HERE = Path(__file__).resolve().parent
SCRIPT = HERE / "layout_agreement.mjs"


@pytest.fixture(scope="module")
def made() -> list[dict[str, Any]]:
    return cases()


def agree(tmp_path: Path, made: list[dict[str, Any]]) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    assert node, "Node is needed for the tests (it runs axe and Biome too)"
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(made, allow_nan=False), encoding="utf-8")
    return subprocess.run(
        [node, str(SCRIPT), str(path)], capture_output=True, text=True, timeout=120, check=False
    )


def test_the_browser_places_every_generated_case_as_python_does(
    tmp_path: Path, made: list[dict[str, Any]]
) -> None:
    result = agree(tmp_path, made)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == f"{len(made)} cases agree"
    assert len(made) >= SYNTHETIC + 4 * VIEWS


def test_the_cases_reach_every_part_of_the_rule(made: list[dict[str, Any]]) -> None:
    """Counts, hosted marks, cut labels, left sides, key events standing for others,
    titles in the second row: each is placed in some case, so the agreement covers it."""
    placed = [p for case in made for p in case["expected"]["items"]]
    keys = [
        placed
        for case in made
        for item, placed in zip(case["items"], case["expected"]["items"], strict=True)
        if item["key"]
    ]
    titles = [t for case in made for t in case["expected"]["phases"] if t is not None]
    assert sum(p[1] == labels.COUNT for p in placed) >= 50
    assert sum(p[4] is not None for p in placed) >= 200
    assert sum(p[1] is not None and p[1] > 0 for p in placed) >= 100
    assert sum(p[2] == "left" for p in placed) >= 100
    assert sum(p[1] == labels.COUNT for p in keys) >= 1  # once a crash in Python
    assert sum(t[0] == 1 for t in titles) >= 20
    assert sum(t[2] > 0 for t in titles) >= 10


def test_the_agreement_fails_on_one_placement_changed(
    tmp_path: Path, made: list[dict[str, Any]]
) -> None:
    changed = json.loads(json.dumps(made))
    case = next(c for c in changed if c["expected"]["items"])
    case["expected"]["items"][0][0] += 1  # a row lower than Python's
    result = agree(tmp_path, changed)
    assert result.returncode == 1
    assert result.stdout.startswith(f"1 of {len(made)} cases disagree:"), result.stdout
    assert f"{case['name']}: items[0]" in result.stdout


def test_two_key_events_crowding_a_lane_are_counted_not_lengthened() -> None:
    """Two key events on one day whose titles fit nowhere: one mark stands for both,
    labelled with the count (Python once tried to lengthen the count, and failed)."""
    items = [labels.Item(0, 100.0, None, (5000.0,), key=True)] * 2
    placed = labels.place_items(items, [0, 1], [0, 1], 300, [1], [10.0], lambda n: 40.0)
    assert [(p.form, p.host, p.group) for p in placed] == [(labels.COUNT, None, 2), (None, 0, 1)]

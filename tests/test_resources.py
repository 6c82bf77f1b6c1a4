"""Content cannot make the build's time or memory grow faster than the content: each
resource problem of issue 19 (and each limit an editor is told about) has a test here.

Growth is shown by counting work (comparisons, bytes, menu entries) at two sizes, never
by timing: timings belong to bench/, as ratios against a baseline.
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from generator.load import load_story


class CountingMatcher(difflib.SequenceMatcher[str]):
    """difflib's matcher, counting the words it is asked to compare with another."""

    compared = 0

    def set_seq1(self, a: str) -> None:  # type: ignore[override]
        CountingMatcher.compared += 1
        super().set_seq1(a)


def _near_misses(content: Path, count: int) -> list[str]:
    """The minimal story with ``count`` more actors and an event naming each of them with
    a letter left out: the problems `check` reports."""
    story = content / "tiny-story"
    ids = [f"delegate-{n:04d}" for n in range(count)]
    actors = "".join(
        f"  - id: {i}\n    name: Delegate {i[-4:]}\n    kind: person\n    role: A delegate\n"
        f"    country: Country A\n    sources: [report]\n"
        for i in ids
    )
    with (story / "actors.yml").open("a", encoding="utf-8") as file:
        file.write(actors)
    timeline = (story / "timeline.yml").read_text(encoding="utf-8")
    misses = ", ".join(i.replace("delegate", "delgate") for i in ids)
    timeline = timeline.replace("actors: [side-a, side-b]", f"actors: [side-a, {misses}]")
    (story / "timeline.yml").write_text(timeline, encoding="utf-8")
    _, problems = load_story(story)
    return [p.message for p in problems]


def test_did_you_mean_is_linear_in_the_unknown_ids(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Issue 19, item 6: 2,000 unknown ids, each compared with every one of 2,000 known ids.
    monkeypatch.setattr(difflib, "SequenceMatcher", CountingMatcher)
    work = []
    for count in (100, 200):
        copy = tmp_path / f"at-{count}"
        shutil.copytree(content, copy)
        CountingMatcher.compared = 0
        messages = _near_misses(copy, count)
        assert len(messages) == count
        assert "unknown actor 'delgate-0007'; did you mean 'delegate-0007'?" in messages[7]
        work.append(CountingMatcher.compared)
    assert work[1] <= 2.2 * work[0], f"comparisons at 100 and 200 unknown ids: {work}"

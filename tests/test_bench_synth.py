"""The benchmarks' synthetic content is valid content, written the same way every time."""

from __future__ import annotations

from pathlib import Path

from bench import synth
from generator.load import load_stories


def test_synthetic_stories_load_with_the_promised_sizes(tmp_path: Path) -> None:
    synth.write_content(tmp_path / "content", stories=2)
    stories = load_stories(tmp_path / "content")
    assert sorted(s.id for s in stories) == ["synthetic-story-001", "synthetic-story-002"]
    for story in stories:
        assert (len(story.events), len(story.quotations), len(story.actors)) == (100, 30, 20)
        assert story.positions and story.accounts and story.reactions and story.glossary
        precisions = {getattr(e.date, "precision", "span") for e in story.events}
        assert precisions == {"day", "month", "year", "span"}


def test_synthetic_content_is_the_same_for_the_same_seed(tmp_path: Path) -> None:
    first, second = synth.write_story(tmp_path, 7), tmp_path / "again"
    second.mkdir()
    again = synth.write_story(second, 7)
    for path in sorted(first.iterdir()):
        assert (again / path.name).read_bytes() == path.read_bytes()

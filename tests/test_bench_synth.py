"""The benchmarks' synthetic content is valid content, written the same way every time."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import Field

from bench import synth
from generator.content.load import load_content, load_stories
from generator.content.models import FILES, Event, TimelineFile
from generator.content.types import ActorId


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


def test_synthetic_stories_have_no_warnings(tmp_path: Path) -> None:
    synth.write_content(tmp_path / "content", stories=3)
    assert load_content(tmp_path / "content").warnings == []


class NegotiatedEvent(Event):
    negotiators: list[ActorId] = Field(description="Who negotiated.")


class NegotiatedTimeline(TimelineFile):
    events: list[NegotiatedEvent] = Field(description="Events.")  # type: ignore[assignment]


def test_a_new_required_field_is_written_from_the_model_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(FILES, "timeline.yml", NegotiatedTimeline)
    folder = synth.write_story(tmp_path, 1)
    (story,) = load_stories(tmp_path)  # valid, references included, with the new field
    actors = {actor.id for actor in story.actors}
    named = [set(event.negotiators) for event in story.events]  # type: ignore[attr-defined]
    assert all(named) and set().union(*named) <= actors
    assert "negotiators: [" in (folder / "timeline.yml").read_text()

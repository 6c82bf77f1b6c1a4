"""Which fields refer to what, and which hold editors' words, is declared once, on the
model; the reference check, the warnings and the content diff read it from there."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import pytest
from conftest import MINIMAL
from pydantic import Field

from generator.content import fields
from generator.content.models import FILES, Event, Model, TimelineFile
from generator.content.references import DEFINED_IN, REFERENCE_KEYS, check_story
from generator.content.types import ActorId, Ref, Slug
from generator.content.yamlsource import Document, read_document

STORY = MINIMAL / "tiny-story"


class NegotiatedEvent(Event):
    """An event as a contributor might extend it: a new field that names actors."""

    negotiators: list[ActorId] = Field(default_factory=list, description="Who negotiated.")


class NegotiatedTimeline(TimelineFile):
    events: list[NegotiatedEvent] = Field(description="Events.")  # type: ignore[assignment]


def documents(tmp_path: Path, old: str, new: str) -> dict[str, Document]:
    """The minimal story's files, read with positions, timeline.yml edited."""
    timeline = tmp_path / "timeline.yml"
    text = (STORY / "timeline.yml").read_text(encoding="utf-8")
    assert old in text
    timeline.write_text(text.replace(old, new, 1), encoding="utf-8")
    found = {path.name: read_document(path) for path in STORY.glob("*.yml")}
    return {**found, "timeline.yml": read_document(timeline)}


def test_a_new_field_that_names_actors_is_checked_with_no_other_change(tmp_path: Path) -> None:
    edited = "    negotiators: [side-a, nobody]\n    category: diplomacy\n"
    docs = documents(tmp_path, "    category: diplomacy\n", edited)
    files: dict[str, type[Model]] = {**FILES, "timeline.yml": NegotiatedTimeline}
    (problem,) = check_story(docs, files)
    assert problem.path.name == "timeline.yml"
    assert problem.message.startswith("unknown actor 'nobody'; ")
    assert problem.message.endswith("use an id defined in actors.yml")
    line = (tmp_path / "timeline.yml").read_text().splitlines()[problem.line - 1]
    assert line[problem.column - 1 :].startswith("nobody")
    assert fields.reference_keys(files.values())["negotiators"] == "actors"
    assert check_story(docs) == []  # the real timeline has no such field


def test_every_reference_names_a_kind_a_file_defines() -> None:
    assert set(REFERENCE_KEYS.values()) <= set(DEFINED_IN)
    for kind, (filename, key) in DEFINED_IN.items():
        assert key in {f.alias or name for name, f in FILES[filename].model_fields.items()}, kind


def test_an_items_own_id_is_no_reference() -> None:
    for model in fields.nested(FILES.values()):
        if "id" in model.model_fields:
            assert fields.ref(model.model_fields["id"]) is None, model.__name__
    assert "id" not in REFERENCE_KEYS


def test_a_key_that_would_name_two_kinds_is_an_error_of_the_schema() -> None:
    class Named(Model):
        actor: ActorId = Field(description="An actor.")

    class Renamed(Model):
        actor: Annotated[Slug, Ref("issues")] = Field(description="An issue, under that key.")

    with pytest.raises(TypeError, match="'actor' names actors and issues"):
        fields.reference_keys([Named, Renamed])


@pytest.mark.parametrize(
    ("kind", "noun"),
    [("actors", "actor"), ("issues", "issue"), ("categories", "category"), ("sides", "side")],
)
def test_each_kind_is_named_by_its_model(kind: str, noun: str) -> None:
    _, item = fields.definitions(FILES)[kind]
    assert fields.noun(item) == noun
    assert fields.plural(noun) == kind


def test_free_text_is_what_the_models_type_as_text() -> None:
    keys = fields.text_keys(FILES.values())
    assert {"title", "summary", "body", "text", "definition", "label"} <= keys
    assert not keys & {"id", "url", "date", "stance", "speaker", "lang", "sources", "lanes"}

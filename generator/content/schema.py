"""JSON Schema of each content file, exported from the models for editors' tools.

Each content file starts with a yaml-language-server modeline pointing at its schema,
so editors get autocompletion, descriptions and inline errors as they type.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.content.models import FILES, PublisherFile, Story
from generator.content.publisher import PUBLISHER_FILE

STORY_DATA_SCHEMA = "story-data.schema.json"
"""Schema of the JSON each story publishes as open data (all its files in one)."""

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schema"
"""Where the committed schema files live (``schema/`` at the top of the repository)."""


def schema_name(filename: str) -> str:
    """The schema file for a content file: 'timeline.yml' -> 'timeline.schema.json'."""
    return filename.removesuffix(".yml") + ".schema.json"


def schemas() -> dict[str, str]:
    """Every schema file's name and its JSON text, as committed."""
    result = {}
    for filename, model in FILES.items():
        schema = model.model_json_schema(by_alias=True)
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"{filename} of a story"
        result[schema_name(filename)] = _dump(schema)
    publisher = PublisherFile.model_json_schema(by_alias=True)
    publisher["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    publisher["title"] = "publisher.yml, beside the story folders"
    result[schema_name(PUBLISHER_FILE)] = _dump(publisher)
    data_schema = Story.model_json_schema(by_alias=True, mode="serialization")
    data_schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    data_schema["title"] = "A story's open data (data/story.json)"
    data_schema["$defs"]["PublisherFile"] = PublisherFile.model_json_schema(by_alias=True)
    data_schema["properties"]["publisher"] = {
        "$ref": "#/$defs/PublisherFile",
        "description": "Who publishes the site (publisher.yml), when it names one.",
    }
    result[STORY_DATA_SCHEMA] = _dump(data_schema)
    return result


def _dump(schema: dict[str, object]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(directory: Path = SCHEMA_DIR) -> list[Path]:
    """Write every schema file into ``directory``; returns the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schemas().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written

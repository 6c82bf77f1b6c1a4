"""The committed JSON Schema files are current and every field is described."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

from generator.content import models
from generator.content.schema import SCHEMA_DIR, schemas


@pytest.mark.parametrize("name, text", sorted(schemas().items()))
def test_committed_schema_is_current(name: str, text: str) -> None:
    committed = SCHEMA_DIR / name
    assert committed.exists(), f"run `make schema` to write {name}"
    assert committed.read_text(encoding="utf-8") == text, f"{name} is stale: run `make schema`"


def all_models() -> list[type[BaseModel]]:
    return [
        value
        for value in vars(models).values()
        if isinstance(value, type) and issubclass(value, models.Model) and value is not models.Model
    ]


@pytest.mark.parametrize("model", all_models(), ids=lambda m: m.__name__)
def test_every_field_is_described(model: type[BaseModel]) -> None:
    undocumented = [name for name, f in model.model_fields.items() if not _described(f)]
    assert not undocumented, f"{model.__name__} fields without description: {undocumented}"


def _described(field: Any) -> bool:
    if field.description:
        return True
    # SourceRefs carries its description in its Annotated metadata.
    return any(getattr(m, "description", None) for m in field.metadata)

"""Turn pydantic's validation errors into editors' messages at the right line.

Pydantic reports where a value is (a ``loc``) and a machine-readable error type; this
module finds the line and column of that place in the YAML file and says, in plain
words, what is wrong and what to write instead.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from generator.content.errors import FieldError, Problem, did_you_mean, one_of
from generator.content.fields import model_in
from generator.content.yamlsource import Document, Location

_MISSING_HINTS = {
    "sources": "every fact needs a source; add sources: [source-id] with ids from sources.yml",
}


def validate_document(document: Document, model: type[BaseModel]) -> tuple[Any, list[Problem]]:
    """Validate a document against its model: (the model, []) or (None, problems)."""
    try:
        return model.model_validate(document.data), []
    except ValidationError as error:
        errors = _without_misspelt_missing(error.errors(include_url=False))
        return None, [_problem(document, model, item) for item in errors]


def _without_misspelt_missing(errors: list[Any]) -> list[Any]:
    """Drop "'title' is missing" where the same block has an unknown key like 'titel'.

    The message about the unknown key already says "did you mean 'title'?".
    """
    unknown = {(e["loc"][:-1], str(e["loc"][-1])) for e in errors if e["type"] == "extra_forbidden"}

    def is_misspelt(error: Any) -> bool:
        block, name = error["loc"][:-1], str(error["loc"][-1])
        return any(b == block and did_you_mean(k, [name]) for b, k in unknown)

    return [e for e in errors if not (e["type"] == "missing" and is_misspelt(e))]


def _data_location(data: Any, loc: tuple[int | str, ...]) -> Location:
    """The part of pydantic's ``loc`` that names places in the data.

    Pydantic adds names of its own (union tags, validator names) between the keys, and a
    missing key is not in the data at all: both are skipped.
    """
    found: list[str | int] = []
    for part in loc:
        if _has(data, part):
            data = data[part]
            found.append(part)
    return tuple(found)


def _has(data: Any, part: int | str) -> bool:
    if isinstance(data, dict):
        return part in data
    return isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)


def _problem(document: Document, model: type[BaseModel], error: Any) -> Problem:
    loc: tuple[int | str, ...] = (*error["loc"], *_field_named(error))
    location = _data_location(document.data, loc)
    kind = error["type"]
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = _allowed_keys(model, location[:-1])
        return document.problem(
            location,
            f"unknown key '{key}'; {did_you_mean(key, allowed)}allowed here: {one_of(allowed)}",
            key=True,
        )
    if kind == "missing":
        field = str(loc[-1])
        hint = _MISSING_HINTS.get(field, f"add a line '{field}: ...'")
        where = "the file" if not location else "this block"
        return document.problem(location, f"'{field}' is missing from {where}; {hint}", key=True)
    message = _message(error, document, location)
    if error["type"] in _BLOCK_WANTED and isinstance(_value_at(document.data, location), str):
        message += _block_form(model, location, _value_at(document.data, location))
    return document.problem(location, message)


_BLOCK_WANTED = ("model_type", "dict_type", "model_attributes_type")
"""Pydantic's error types for a value that should be a block of keys."""


def _block_form(model: type[BaseModel], location: Location, text: str) -> str:
    """'; write native_name: {text: Жан, lang: ...}': the block a text should have been,
    its first required key holding the text, when the model at ``location`` says."""
    block = _model_at(model, location)
    if block is None:
        return ""
    required = [(f.alias or name) for name, f in block.model_fields.items() if f.is_required()]
    if not required:
        return ""
    keys = ", ".join(f"{key}: {text if i == 0 else '...'}" for i, key in enumerate(required))
    named = f"{location[-1]}: " if location and isinstance(location[-1], str) else "it as "
    return f"; write {named}{{{keys}}}"


def _field_named(error: Any) -> tuple[int | str, ...]:
    """The field a model validator's :class:`FieldError` is about, below the block's ``loc``.

    Pydantic places a model validator's error at the whole block; the field it names is
    where the editor has something to change. A field the block lacks is skipped later,
    so the problem then points at the block.
    """
    cause = (error.get("ctx") or {}).get("error")
    return cause.field if error["type"] == "value_error" and isinstance(cause, FieldError) else ()


def _message(error: Any, document: Document, location: Location) -> str:
    kind, ctx = error["type"], error.get("ctx") or {}
    value = _value_at(document.data, location)
    field = _name_of(location)
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind == "literal_error":
        expected = [e.strip().strip("'") for e in str(ctx.get("expected", "")).split(" or ")]
        choices = [c for part in expected for c in part.split("', '")]
        hint = _meaning(str(value), choices) or did_you_mean(str(value), choices)
        return f"'{value}' is not a valid {field}; {hint}write one of {one_of(choices)}"
    if kind in ("list_type", "model_type", "dict_type", "model_attributes_type", "string_type"):
        wanted = {"list_type": "a list (lines starting with '- ')", "string_type": "text"}.get(
            kind, "a block of 'key: value' lines"
        )
        name = field if field.startswith("each") else f"'{field}'"
        return f"{name} should be {wanted}, but it is {_describe(value)}"
    if kind == "too_short":
        return f"'{field}' needs at least {ctx.get('min_length', 1)} item(s); add more"
    if kind == "union_tag_invalid":
        return f"'{field}' is not understood; see the editors' guide for the forms it takes"
    return f"'{field}': {error['msg']}"


SYNONYMS = {
    "opposed": ("refused", "rejected"),
    "objected": ("refused", "rejected"),
    "supported": ("accepted",),
    "backed": ("accepted",),
    "agreed": ("accepted",),
    "asked": ("demanded",),
    "requested": ("demanded",),
    "insisted": ("demanded",),
    "suggested": ("proposed",),
    "called-for": ("urged",),
    "coalition": ("group",),
    "alliance": ("group",),
    "bloc": ("group",),
    "country": ("government",),
    "state": ("government",),
    "organization": ("organisation",),
    "ngo": ("organisation",),
    "individual": ("person",),
    "de-facto": ("authority",),
    "self-proclaimed": ("authority",),
    "disputed": ("authority",),
    "unrecognised": ("authority",),
    "unrecognized": ("authority",),
    "breakaway": ("authority",),
    "positive": ("welcoming", "hopeful"),
    "negative": ("critical",),
    "concerned": ("cautious",),
    "split": ("divided", "mixed"),
}
"""Words editors write for a fixed value, and the values that say it. A close spelling
can mean the opposite ('opposed' is one letter from 'proposed'), so meaning comes first."""


def _meaning(value: str, choices: list[str]) -> str:
    """ "for 'opposed', write 'refused' or 'rejected'; " when the word means a choice."""
    meant = [c for c in SYNONYMS.get(value.strip().casefold(), ()) if c in choices]
    return f"for '{value}', use {one_of(meant)}; " if meant else ""


def _name_of(location: Location) -> str:
    """How to name the value at ``location`` in a message: 'title', "each entry of 'actors'"."""
    if not location:
        return "the file"
    if isinstance(location[-1], int):
        parent = next((str(p) for p in reversed(location) if isinstance(p, str)), "the list")
        return f"each entry of '{parent}'"
    return str(location[-1])


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a block of keys"
    return f"the text '{value}'"


def _value_at(data: Any, location: Location) -> Any:
    for part in location:
        data = data[part]
    return data


def _allowed_keys(model: type[BaseModel], location: Location) -> list[str]:
    """The keys allowed in the block at ``location``, found by walking the model."""
    current = _model_at(model, location)
    return [f.alias or name for name, f in current.model_fields.items()] if current else []


def _model_at(model: type[BaseModel], location: Location) -> type[BaseModel] | None:
    """The model of the block at ``location`` (the first, where a field takes several)."""
    current: type[BaseModel] | None = model
    for part in location:
        if current is None:
            return None
        if isinstance(part, str):
            field = next(
                (f for name, f in current.model_fields.items() if (f.alias or name) == part), None
            )
            current = model_in(field.annotation) if field else None
    return current

"""What the content model says about its fields, read off the models themselves.

The models declare each fact once: a field that names things defined elsewhere in the
story has a :class:`~generator.content.types.Ref` in its type (``ActorId``, ``SourceRefs``...), a
field of editors' words is :data:`~generator.content.types.Text` or ``MarkdownText``, and the
lists of things with an ``id`` say where each kind is defined. The reference check, the
warnings, the content diff, the tests and the benchmarks' synthetic content ask here
instead of keeping lists of keys of their own, so a new field changes the model alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.content.types import ADDRESS, FREE_TEXT, MARKDOWN, NAME, ONE_LINE, Marker, Ref


def key(name: str, field: FieldInfo) -> str:
    """The key editors write for a field (its alias, such as 'from', or its name)."""
    return field.alias or name


def metadata(field: FieldInfo) -> list[Any]:
    """Every marker of a field's type, at any depth (``list[ActorId] | None`` too)."""
    return [*field.metadata, *_annotated_metadata(field.annotation)]


def _annotated_metadata(annotation: Any) -> Iterator[Any]:
    if get_origin(annotation) is Annotated:
        yield from annotation.__metadata__
    for arg in get_args(annotation):
        yield from _annotated_metadata(arg)


def ref(field: FieldInfo) -> Ref | None:
    """The kind of thing the field's ids name, if it is a reference."""
    return next((m for m in metadata(field) if isinstance(m, Ref)), None)


def _marked(field: FieldInfo, marker: Marker) -> bool:
    return any(m is marker for m in metadata(field))


def is_text(field: FieldInfo) -> bool:
    """Whether the field holds editors' words, shown to readers (Text, MarkdownText)."""
    return _marked(field, FREE_TEXT)


def is_address(field: FieldInfo) -> bool:
    """Whether the field holds a web address (:data:`~generator.content.types.Url`)."""
    return _marked(field, ADDRESS)


def is_markdown(field: FieldInfo) -> bool:
    """Whether the field holds Markdown, whose links are web addresses (``MarkdownText``)."""
    return _marked(field, MARKDOWN)


def is_one_line(field: FieldInfo) -> bool:
    """Whether the field holds editors' words on one line (Text, Name): no line breaks."""
    return _marked(field, ONE_LINE)


def is_name(field: FieldInfo) -> bool:
    """Whether the field holds a name or a title (Name): no direction marks, isolated."""
    return _marked(field, NAME)


def model_in(annotation: Any) -> type[BaseModel] | None:
    """The first pydantic model inside a type such as ``list[Actor]`` or ``A | B``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next(filter(None, (model_in(arg) for arg in get_args(annotation))), None)


def models_in(annotation: Any) -> list[type[BaseModel]]:
    """Every pydantic model inside a type: both of ``WhenDate | DateSpan``, say."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in get_args(annotation) for model in models_in(arg)]


def nested(models: Iterable[type[BaseModel]]) -> list[type[BaseModel]]:
    """The models and every model their fields hold, at any depth, each once."""
    found: dict[type[BaseModel], None] = {}
    todo = list(models)
    while todo:
        model = todo.pop(0)
        if model not in found:
            found[model] = None
            todo += [m for f in model.model_fields.values() for m in models_in(f.annotation)]
    return list(found)


def references(model: type[BaseModel]) -> dict[str, str]:
    """The model's own reference fields: {key: the kind of thing its ids name}."""
    return {key(name, f): r.kind for name, f in model.model_fields.items() if (r := ref(f))}


def reference_keys(models: Iterable[type[BaseModel]]) -> dict[str, str]:
    """Every key that holds ids in these models or below, and the kind each names.

    A key names one kind wherever it is used (so that ``actor`` means an actor in every
    file); a model that gave it two would be an error of the schema, raised here.
    """
    keys: dict[str, str] = {}
    for model in nested(models):
        for name, kind in references(model).items():
            if keys.setdefault(name, kind) != kind:
                raise TypeError(f"'{name}' names {keys[name]} and {kind} in {model.__name__}")
    return keys


def text_keys(models: Iterable[type[BaseModel]]) -> frozenset[str]:
    """Every key that holds editors' words somewhere in these models or below."""
    return frozenset(
        key(name, f) for m in nested(models) for name, f in m.model_fields.items() if is_text(f)
    )


def address_keys(models: Iterable[type[BaseModel]]) -> frozenset[str]:
    """Every key that holds a web address somewhere in these models or below."""
    return frozenset(
        key(name, f) for m in nested(models) for name, f in m.model_fields.items() if is_address(f)
    )


def markdown_keys(models: Iterable[type[BaseModel]]) -> frozenset[str]:
    """Every key that holds Markdown (whose links are addresses) in these models or below."""
    return frozenset(
        key(name, f) for m in nested(models) for name, f in m.model_fields.items() if is_markdown(f)
    )


def definitions(
    files: Mapping[str, type[BaseModel]],
) -> dict[str, tuple[str, type[BaseModel]]]:
    """Where each kind of thing with an id is listed: {key: (file, model of an item)}.

    A kind is the key of a top-level list of things with ids, such as ``actors`` in
    actors.yml; references name a kind by that key.
    """
    found: dict[str, tuple[str, type[BaseModel]]] = {}
    for filename, model in files.items():
        for name, f in model.model_fields.items():
            item = model_in(f.annotation)
            if get_origin(f.annotation) is list and item and "id" in item.model_fields:
                found[key(name, f)] = (filename, item)
    return found


def noun(model: type[BaseModel]) -> str:
    """What one item of a model is called in messages: its ``noun``, or its name in words."""
    declared = getattr(model, "noun", "")
    return str(declared) or re.sub(r"(?<!^)(?=[A-Z])", " ", model.__name__).lower()


def plural(noun: str) -> str:
    """'actor' -> 'actors', 'category' -> 'categories'."""
    return noun[:-1] + "ies" if noun.endswith("y") else noun + "s"

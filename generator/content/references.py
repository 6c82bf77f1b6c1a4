"""Checks across a story's files: ids are unique and every reference resolves.

These run on the YAML data of files that already passed their models, so every value
has the right type and every problem can point at the exact line of the bad id.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from generator.content import fields
from generator.content.errors import Nearby, Problem, did_you_mean
from generator.content.models import FILES
from generator.content.yamlsource import Document, Location

REFERENCE_KEYS = fields.reference_keys(FILES.values())
"""Keys whose values are ids, and the kind of thing each names (read off the models)."""

_DEFINITIONS = fields.definitions(FILES)

DEFINED_IN = {kind: (filename, kind) for kind, (filename, _) in _DEFINITIONS.items()}
"""Where the ids of each kind are defined: (file, top-level key)."""

_UNDEFINED = set(REFERENCE_KEYS.values()) - set(DEFINED_IN)
if _UNDEFINED:  # pragma: no cover (an error in the models, found when they are imported)
    raise TypeError(f"references to kinds no file defines: {sorted(_UNDEFINED)}")

_SINGULAR = {kind: fields.noun(item) for kind, (_, item) in _DEFINITIONS.items()}
"""What one thing of each kind is called in messages: 'actor', 'issue'."""


def fold(identifier: str) -> str:
    """The form two ids are compared in: Unicode-normalised and case-folded."""
    return unicodedata.normalize("NFKC", identifier).casefold()


def check_story(
    documents: dict[str, Document], files: Mapping[str, type[BaseModel]] = FILES
) -> list[Problem]:
    """Every problem of uniqueness and reference in one story's files.

    Works on the files' data, valid or not, so these problems are reported in the same
    run as the others. References of a kind are checked only when the file that
    defines that kind could be read (a missing file defines nothing). The fields that
    hold references are read off ``files``, the model of each file.
    """
    known = {
        kind: _defined_ids(documents.get(filename), key)
        for kind, (filename, key) in DEFINED_IN.items()
    }
    problems: list[Problem] = []
    for document in documents.values():
        problems += _duplicates(document)
        model = files.get(document.path.name)
        if model is not None:
            problems += _unresolved(document, _plan(model), known)
    return problems


def _duplicates(document: Document) -> Iterator[Problem]:
    for key, items in document.data.items():
        if not isinstance(items, list):
            continue
        for field in ("id", "term"):
            seen: dict[str, int] = {}
            for index, item in enumerate(items):
                if not isinstance(item, dict) or not isinstance(item.get(field), str):
                    continue
                folded = fold(item[field])
                if folded in seen:
                    first_line = document.position((key, seen[folded], field))[0]
                    yield document.problem(
                        (key, index, field),
                        f"{field} '{item[field]}' is already used on line {first_line}; "
                        f"give each entry of '{key}' its own {field}",
                    )
                else:
                    seen[folded] = index


def _defined_ids(document: Document | None, key: str) -> set[str] | None:
    if document is None:
        return None
    items = document.data.get(key)
    if not isinstance(items, list):
        return set()
    return {
        item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)
    }


def _unresolved(
    document: Document, plan: _Plan, known: dict[str, set[str] | None]
) -> Iterator[Problem]:
    nearby: dict[str, Nearby] = {}  # built for a kind when the first unknown id is found
    for location, key, value, kind in _references(document.data, plan):
        values = value if isinstance(value, list) else [value]
        for index, ref in enumerate(values):
            defined = known[kind]
            if not isinstance(ref, str) or defined is None or ref in defined:
                continue
            where = (*location, key, index) if isinstance(value, list) else (*location, key)
            if kind not in nearby:
                nearby[kind] = Nearby(defined)
            yield document.problem(
                where,
                f"unknown {_SINGULAR[kind]} '{ref}'; {did_you_mean(ref, nearby[kind])}"
                f"use an id defined in {DEFINED_IN[kind][0]}",
            )


@dataclass(frozen=True)
class _Plan:
    """Where a model's data holds ids: its reference keys, and the blocks below that do."""

    refs: dict[str, str]
    children: dict[str, _Plan]


@functools.cache
def _plan(model: type[BaseModel]) -> _Plan:
    children: dict[str, _Plan] = {}
    for name, field in model.model_fields.items():
        for inner in fields.models_in(field.annotation):
            plan = _plan(inner)
            if plan.refs or plan.children:
                children[fields.key(name, field)] = plan
    return _Plan(fields.references(model), children)


def _references(data: Any, plan: _Plan) -> Iterator[tuple[Location, str, Any, str]]:
    """Every (location of its block, key, value, kind) in the data whose key names ids.

    Walks only the blocks the model says hold ids, with an explicit stack: this runs
    over every file of every story.
    """
    stack: list[tuple[Any, _Plan, Location]] = [(data, plan, ())]
    while stack:
        node, plan, where = stack.pop()
        if type(node) is list:
            stack.extend((item, plan, (*where, index)) for index, item in enumerate(node))
        elif type(node) is dict:
            for key, kind in plan.refs.items():
                if key in node:
                    yield where, key, node[key], kind
            for key, child in plan.children.items():
                value = node.get(key)
                if type(value) is dict or type(value) is list:
                    stack.append((value, child, (*where, key)))

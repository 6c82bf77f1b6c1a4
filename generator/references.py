"""Checks across a story's files: ids are unique and every reference resolves.

These run on the YAML data of files that already passed their models, so every value
has the right type and every problem can point at the exact line of the bad id.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

from .errors import Problem, did_you_mean
from .yamlsource import Document, Location

REFERENCE_KEYS = {
    "actor": "actors",
    "actors": "actors",
    "speaker": "actors",
    "members": "actors",
    "side": "sides",
    "issue": "issues",
    "quotations": "quotations",
    "category": "categories",
    "sources": "sources",
}
"""Keys whose values are ids, and the kind of thing (and file) each must name."""

DEFINED_IN = {
    "actors": ("actors.yml", "actors"),
    "issues": ("issues.yml", "issues"),
    "quotations": ("quotations.yml", "quotations"),
    "categories": ("timeline.yml", "categories"),
    "sources": ("sources.yml", "sources"),
    "sides": ("actors.yml", "sides"),
}
"""Where the ids of each kind are defined: (file, top-level key)."""


def fold(identifier: str) -> str:
    """The form two ids are compared in: Unicode-normalised and case-folded."""
    return unicodedata.normalize("NFKC", identifier).casefold()


def check_story(documents: dict[str, Document]) -> list[Problem]:
    """Every problem of uniqueness and reference in one story's files.

    Works on the files' data, valid or not, so these problems are reported in the same
    run as the others. References of a kind are checked only when the file that
    defines that kind could be read (a missing file defines nothing).
    """
    known = {
        kind: _defined_ids(documents.get(filename), key)
        for kind, (filename, key) in DEFINED_IN.items()
    }
    problems: list[Problem] = []
    for document in documents.values():
        problems += _duplicates(document)
        problems += _unresolved(document, known)
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


_SINGULAR = {
    "actors": "actor",
    "issues": "issue",
    "quotations": "quotation",
    "categories": "category",
    "sources": "source",
    "sides": "side",
}


def _defined_ids(document: Document | None, key: str) -> set[str] | None:
    if document is None:
        return None
    items = document.data.get(key)
    if not isinstance(items, list):
        return set()
    return {
        item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)
    }


def _unresolved(document: Document, known: dict[str, set[str] | None]) -> Iterator[Problem]:
    for location, key, value in _entries(document.data, ()):
        kind = REFERENCE_KEYS[key]
        values = value if isinstance(value, list) else [value]
        for index, ref in enumerate(values):
            defined = known[kind]
            if not isinstance(ref, str) or defined is None or ref in defined:
                continue
            where = (*location, key, index) if isinstance(value, list) else (*location, key)
            yield document.problem(
                where,
                f"unknown {_SINGULAR[kind]} '{ref}'; {did_you_mean(ref, defined)}"
                f"use an id defined in {DEFINED_IN[kind][0]}",
            )


def _entries(data: Any, location: Location) -> Iterator[tuple[Location, str, Any]]:
    """Every (location of its block, key, value) in the data whose key names ids.

    Walks with an explicit stack: this runs over every value of every file.
    """
    stack: list[tuple[Any, Location]] = [(data, location)]
    while stack:
        node, where = stack.pop()
        if type(node) is dict:
            for key, value in node.items():
                if key in REFERENCE_KEYS:
                    yield where, key, value
                if type(value) is dict or type(value) is list:
                    stack.append((value, (*where, key)))
        elif type(node) is list:
            stack.extend((item, (*where, index)) for index, item in enumerate(node))

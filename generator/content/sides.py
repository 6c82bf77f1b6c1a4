"""Checks of the sides: an actor is on one side at most, and a claim's side agrees with
its actor's (an actor listed on one side cannot speak for the other).

``sides`` in actors.yml puts each actor on one side at most; a position, an answer or a
quotation may name both an actor (or speaker) and a side. When both are given and the
actor is on a different side, the claim would be shown in the wrong column, silently.
Both run on the files' data, valid or not, so that they are reported in the same run
as every other problem of the story.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.content.errors import Problem
from generator.content.yamlsource import Document, Location

CLAIMS = (
    ("positions.yml", ("positions",), "actor"),
    ("accounts.yml", ("accounts", "*", "answers"), "actor"),
    ("quotations.yml", ("quotations",), "speaker"),
)
"""Where claims that name an actor and a side live: file, path to their list, actor key."""


def check_sides(documents: dict[str, Document]) -> list[Problem]:
    """A problem for each actor on a second side, and each claim whose side differs from
    the side its actor is on."""
    actors = documents.get("actors.yml")
    if actors is None:
        return []
    side_of = _sides_by_actor(actors.data)
    problems = list(_on_two_sides(actors))
    for filename, path, actor_key in CLAIMS:
        document = documents.get(filename)
        if document is None:
            continue
        for location, item in _items(document.data, path, ()):
            actor, side = item.get(actor_key), item.get("side")
            if not isinstance(actor, str) or not isinstance(side, str):
                continue
            listed = side_of.get(actor)
            if listed is not None and listed != side:
                problems.append(
                    document.problem(
                        (*location, "side"),
                        f"'{actor}' is on the side '{listed}' (sides in actors.yml), not "
                        f"'{side}'; write side: {listed}, or leave side out",
                    )
                )
    return problems


def _on_two_sides(actors: Document) -> Iterator[Problem]:
    """A problem for each actor listed on a second side, at the second listing."""
    seen: dict[str, str] = {}
    for location, side in _items(actors.data, ("sides",), ()):
        side_id, listed = side.get("id"), side.get("actors")
        if not isinstance(side_id, str) or not isinstance(listed, list):
            continue
        for position, actor in enumerate(listed):
            if not isinstance(actor, str):
                continue
            if actor in seen and seen[actor] != side_id:
                yield actors.problem(
                    (*location, "actors", position),
                    f"'{actor}' is already on the side '{seen[actor]}'; "
                    "an actor belongs to one side at most",
                )
            seen.setdefault(actor, side_id)


def _sides_by_actor(data: dict[str, Any]) -> dict[str, str]:
    """The side of each actor listed on exactly one (two sides are an error of their own)."""
    found: dict[str, set[str]] = {}
    for side in data.get("sides") or []:
        if isinstance(side, dict) and isinstance(side.get("id"), str):
            for actor in side.get("actors") or []:
                if isinstance(actor, str):
                    found.setdefault(actor, set()).add(side["id"])
    return {actor: sides.pop() for actor, sides in found.items() if len(sides) == 1}


def _items(data: Any, path: tuple[str, ...], where: Location) -> Iterator[tuple[Location, Any]]:
    """Each mapping at ``path`` ('*' stands for every item of a list), with its location."""
    if not path:
        if isinstance(data, list):
            for index, item in enumerate(data):
                if isinstance(item, dict):
                    yield (*where, index), item
        return
    key, rest = path[0], path[1:]
    if key == "*" and isinstance(data, list):
        for index, item in enumerate(data):
            yield from _items(item, rest, (*where, index))
    elif isinstance(data, dict) and key in data:
        yield from _items(data[key], rest, (*where, key))

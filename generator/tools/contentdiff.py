"""What changed between two content folders, in editors' words, for a pull request.

Both folders are loaded through the models, so the summary speaks of events and
quotations rather than lines of YAML. Items are matched by their id, or by what
identifies them where they have none (actor and issue for a position, the actor for a
reaction, the term for a glossary entry, the date for a correction); a changed item
lists the fields that differ. The summary is Markdown, for a GitHub job summary.
"""

from __future__ import annotations

import operator
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_origin

from pydantic import BaseModel

from generator.content import fields
from generator.content.errors import ContentErrors
from generator.content.load import load_stories, load_story, story_folders
from generator.content.models import Correction, Model, Story
from generator.render.dates import format_date, format_when
from generator.render.render import environment

TEMPLATE = "contentdiff.md.j2"


@dataclass(frozen=True)
class Change:
    """One line of the summary, such as "Changed quotation 'no-change': text"."""

    verb: str
    kind: str
    label: str = ""
    when: str = ""
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class StoryChanges:
    """Every change to one story, in a fixed order."""

    id: str
    title: str
    changes: list[Change] = field(default_factory=list)
    note: str = ""


@dataclass(frozen=True)
class _Kind:
    """A kind of item in a story: how to find, match and name its items."""

    singular: str
    plural: str
    items: Callable[[Story], Sequence[Any]]
    key: Callable[[Any], Hashable]
    label: Callable[[Any], str]
    when: Callable[[Any], str]
    ordered: bool
    """Whether the order of the list shows on the site (events are shown by date)."""


_LABELS: dict[str, Callable[[Any], str]] = {
    "source": lambda x: x.id,
    "position": lambda x: f"{x.actor or x.side} on {x.issue}",
    "correction": lambda x: x.note,
}
"""How an item is named where its name, title or question would not do (the default)."""

_WHEN: dict[str, Callable[[Any], str]] = {
    "event": lambda x: format_when(x.date),
    "correction": lambda x: format_date(x.date),
}
"""The items whose summary line says when: events and corrections."""

_SHOWN_BY_DATE = frozenset({"event"})
"""The items the site shows in date order, whatever their order in the file."""


def _kind(model: type[BaseModel], items: Callable[[Story], Sequence[Any]]) -> _Kind:
    """A kind of item, read off its model: its noun, and what identifies an item.

    An item is identified by its id; one without an id by the single ids it refers to
    (a position by whose it is and on which issue, a reaction by its actor); else by its
    first field (a glossary term by the term, a correction by its date).
    """
    names = list(model.model_fields)
    refs = [
        name
        for name, info in model.model_fields.items()
        if fields.ref(info) and get_origin(info.annotation) is not list
    ]
    identity = ["id"] if "id" in names else refs or names[:1]
    noun = fields.noun(model)
    label_fields = [name for name in ("name", "title", "question") if name in names]
    return _Kind(
        singular=noun,
        plural=fields.plural(noun),
        items=items,
        key=lambda x: tuple(getattr(x, name) for name in identity),
        label=_LABELS.get(noun)
        or (lambda x: getattr(x, label_fields[0]) if label_fields else getattr(x, identity[0])),
        when=_WHEN.get(noun, lambda x: ""),
        ordered=noun not in _SHOWN_BY_DATE,
    )


def _kinds() -> tuple[_Kind, ...]:
    """Every list of items of a story, in the order of the Story model, then story.yml's
    log of corrections, compared entry by entry."""
    lists = [
        _kind(item, operator.attrgetter(name))
        for name, info in Story.model_fields.items()
        if get_origin(info.annotation) is list and (item := fields.model_in(info.annotation))
    ]
    return (*lists, _kind(Correction, lambda story: story.meta.corrections))


KINDS = _kinds()
"""Every kind of item the summary reports, in the order it reports them."""


def summarise_changes(base_dir: Path, head_dir: Path) -> str:
    """The Markdown summary of what changed from ``base_dir`` to ``head_dir``.

    Raises :class:`ContentErrors` when the head has problems. A missing or empty base
    folder means every story is new; a base story that no longer loads counts as new
    (or as removed, when the head has no story of that id).
    """
    changes = compare_content(base_dir, head_dir)
    return environment().get_template(TEMPLATE).render(stories=changes, problems=[])


def summarise_errors(errors: ContentErrors) -> str:
    """The head's content problems as a Markdown list, for the same job summary."""
    problems = [str(problem) for problem in errors.errors]  # warnings do not block it
    return environment().get_template(TEMPLATE).render(stories=[], problems=problems)


def compare_content(base_dir: Path, head_dir: Path) -> list[StoryChanges]:
    """Every story that changed, by id; stories without changes are left out."""
    head = {story.id: story for story in load_stories(head_dir)}  # the head must be valid
    base, broken = _load_base(base_dir)
    result = []
    for story_id in sorted(base.keys() | head.keys() | broken):
        if story_id in broken:
            story = _compare_broken(story_id, head.get(story_id))
        else:
            story = compare_story(base.get(story_id), head.get(story_id))
        if story.changes:
            result.append(story)
    return result


def _compare_broken(story_id: str, head: Story | None) -> StoryChanges:
    """A story whose base version does not load: all new, or removed by its folder name."""
    if head is None:
        return StoryChanges(story_id, story_id, [Change("Removed", "story", story_id)])
    story = compare_story(None, head)
    note = "Its earlier version does not load any more, so everything is listed as new."
    return StoryChanges(story.id, story.title, story.changes, note)


def compare_story(base: Story | None, head: Story | None) -> StoryChanges:
    """The changes from one version of a story to another (None: the story is absent)."""
    story = head or base
    assert story is not None, "compare at least one version of a story"
    changes = StoryChanges(story.id, story.meta.title)
    if head is None:
        changes.changes.append(Change("Removed", "story", story.meta.title))
        return changes
    if base is None:
        changes.changes.append(Change("Added", "story", head.meta.title))
    else:
        fields = _changed_fields(_story_fields(base), _story_fields(head))
        if fields:
            changes.changes.append(Change("Changed", "story", head.meta.title, fields=fields))
    for kind in KINDS:
        changes.changes.extend(_compare_items(kind, kind.items(base) if base else [], head))
    return changes


def _compare_items(kind: _Kind, base_items: Sequence[Any], head: Story) -> list[Change]:
    """Added, then changed, then removed items (each in file order), then any reordering."""
    old, new = _keyed(base_items, kind.key), _keyed(kind.items(head), kind.key)
    changes = [_change("Added", kind, item) for key, item in new.items() if key not in old]
    for key, item in new.items():
        fields = _changed_fields(_dump(old[key]), _dump(item)) if key in old else ()
        if fields:
            changes.append(_change("Changed", kind, item, fields))
    changes += [_change("Removed", kind, item) for key, item in old.items() if key not in new]
    kept_before = [key for key in old if key in new]
    if kind.ordered and kept_before != [key for key in new if key in old]:
        changes.append(Change("Reordered", kind.plural))
    return changes


def _change(verb: str, kind: _Kind, item: Any, fields: tuple[str, ...] = ()) -> Change:
    return Change(verb, kind.singular, kind.label(item), kind.when(item), fields)


def _keyed(items: Sequence[Any], key: Callable[[Any], Hashable]) -> dict[tuple[Hashable, int], Any]:
    """Items by (key, how many came before with that key): keys need not be unique."""
    seen: Counter[Hashable] = Counter()
    keyed: dict[tuple[Hashable, int], Any] = {}
    for item in items:
        keyed[(key(item), seen[key(item)])] = item
        seen[key(item)] += 1
    return keyed


def _dump(item: Model) -> dict[str, Any]:
    return item.model_dump(mode="json", by_alias=True)


def _story_fields(story: Story) -> dict[str, Any]:
    """The story's own fields: story.yml's but the log (compared entry by entry), and the
    story's other fields that hold no items (the timeline's lanes)."""
    own = story.meta.model_dump(mode="json", by_alias=True, exclude={"corrections"})
    for name, info in Story.model_fields.items():
        if name != "meta" and not fields.models_in(info.annotation):
            own[name] = getattr(story, name)
    return own


def _changed_fields(old: dict[str, Any], new: dict[str, Any]) -> tuple[str, ...]:
    """Names of the fields that differ, as editors write them ('key_facts' is 'key facts')."""
    return tuple(name.replace("_", " ") for name in new if old.get(name) != new[name])


def _load_base(base_dir: Path) -> tuple[dict[str, Story], set[str]]:
    """The base's stories by id, and the ids of its stories that do not load any more."""
    if not base_dir.is_dir():
        return {}, set()
    try:
        return {story.id: story for story in load_stories(base_dir)}, set()
    except ContentErrors:
        # Rules can tighten in the same pull request: compare what still loads.
        loaded = {folder.name: load_story(folder)[0] for folder in story_folders(base_dir)}
        stories = {story.id: story for story in loaded.values() if story is not None}
        return stories, {name for name, story in loaded.items() if story is None}

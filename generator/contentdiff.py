"""What changed between two content folders, in editors' words, for a pull request.

Both folders are loaded through the models, so the summary speaks of events and
quotations rather than lines of YAML. Items are matched by their id, or by what
identifies them where they have none (actor and issue for a position, the actor for a
reaction, the term for a glossary entry, the date for a correction); a changed item
lists the fields that differ. The summary is Markdown, for a GitHub job summary.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .dates import format_date, format_when
from .errors import ContentErrors
from .load import load_stories, load_story, story_folders
from .models import Model, Story
from .render import environment

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


def _no_date(item: Any) -> str:
    return ""


@dataclass(frozen=True)
class _Kind:
    """A kind of item in a story: how to find, match and name its items."""

    singular: str
    plural: str
    items: Callable[[Story], Sequence[Any]]
    key: Callable[[Any], Hashable]
    label: Callable[[Any], str]
    when: Callable[[Any], str] = _no_date
    ordered: bool = True
    """Whether the order of the list shows on the site (events are shown by date)."""


KINDS = (
    _Kind("source", "sources", lambda s: s.sources, lambda x: x.id, lambda x: x.id),
    _Kind("actor", "actors", lambda s: s.actors, lambda x: x.id, lambda x: x.name),
    _Kind("side", "sides", lambda s: s.sides, lambda x: x.id, lambda x: x.name),
    _Kind("issue", "issues", lambda s: s.issues, lambda x: x.id, lambda x: x.name),
    _Kind(
        "background section",
        "background sections",
        lambda s: s.background,
        lambda x: x.id,
        lambda x: x.title,
    ),
    _Kind(
        "position",
        "positions",
        lambda s: s.positions,
        lambda x: (x.actor, x.side, x.issue),
        lambda x: f"{x.actor or x.side} on {x.issue}",
    ),
    _Kind("account", "accounts", lambda s: s.accounts, lambda x: x.id, lambda x: x.question),
    _Kind("outcome", "outcomes", lambda s: s.outcomes, lambda x: x.id, lambda x: x.title),
    _Kind("reaction", "reactions", lambda s: s.reactions, lambda x: x.actor, lambda x: x.actor),
    _Kind("category", "categories", lambda s: s.categories, lambda x: x.id, lambda x: x.name),
    _Kind("phase", "phases", lambda s: s.phases, lambda x: x.id, lambda x: x.title),
    _Kind(
        "event",
        "events",
        lambda s: s.events,
        lambda x: x.id,
        lambda x: x.title,
        when=lambda x: format_when(x.date),
        ordered=False,
    ),
    _Kind("quotation", "quotations", lambda s: s.quotations, lambda x: x.id, lambda x: x.id),
    _Kind(
        "glossary term", "glossary terms", lambda s: s.glossary, lambda x: x.term, lambda x: x.term
    ),
    _Kind(
        "correction",
        "corrections",
        lambda s: s.meta.corrections,
        lambda x: x.date,
        lambda x: x.note,
        when=lambda x: format_date(x.date),
    ),
)
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
    """The story's own fields (corrections are compared one by one, as items)."""
    fields = story.meta.model_dump(mode="json", by_alias=True, exclude={"corrections"})
    fields["lanes"] = story.lanes
    return fields


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

"""Checks across the stories of a content folder: each id of ``related:`` names a story
folder, and no two stories share a title.

:mod:`generator.render.related` links the stories both ways on the site.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from generator.content.errors import Problem, did_you_mean
from generator.content.models import StoryFile
from generator.content.yamlsource import Document, YamlProblem, read_document


def unknown_related(
    folder: Path, meta: StoryFile | None, document: Document | None
) -> list[Problem]:
    """A problem for each id of ``related:`` that names no story folder beside ``folder``."""
    if meta is None or document is None or not meta.related:
        return []
    content = folder.parent
    ids = sorted(
        p.name for p in content.iterdir() if (p / "story.yml").is_file() and p.name != folder.name
    )
    return [
        document.problem(
            ("related", index),
            f"no story '{story_id}' in the content folder; {did_you_mean(story_id, ids)}"
            "write the id (the folder name) of another story",
        )
        for index, story_id in enumerate(meta.related)
        if story_id not in ids
    ]


def shared_titles(titles: Iterable[tuple[Path, str]]) -> list[Problem]:
    """A warning on the ``title:`` of each story (its folder, its title) whose title another
    story has too (:func:`same_title`): the home page's cards, the feeds and search's
    results would show two stories as one (search's menu of stories adds their ids). A
    story's story.yml is read again, for the title's line, only when it is warned: a
    folder of stories costs nothing more to check."""
    by_title: dict[str, list[Path]] = {}
    for folder, title in titles:
        by_title.setdefault(same_title(title), []).append(folder)
    problems = []
    for folders in by_title.values():
        for folder in folders if len(folders) > 1 else ():
            others = [f"'{other.name}'" for other in sorted(folders) if other != folder]
            named = ", ".join(others[:NAMED]) + (
                f" and {len(others) - NAMED} more" if len(others) > NAMED else ""
            )
            who = (
                f"another story, {named}, has"
                if len(others) == 1
                else f"other stories, {named}, have"
            )
            message = (
                f"{who} the same title (letter case and spaces aside): readers, the feeds and"
                " search would not tell them apart; give each story a title of its own"
            )
            problems.append(replace(_at_title(folder, message), severity="warning"))
    return problems


NAMED = 3
"""The most other stories a warning about a shared title names."""


def same_title(title: str) -> str:
    """A title as :func:`shared_titles` compares it: the same letters typed alike (Unicode
    NFKC), in any case, with its spaces as one."""
    return " ".join(unicodedata.normalize("NFKC", title).casefold().split())


def _at_title(folder: Path, message: str) -> Problem:
    """A problem at the ``title:`` of the folder's story.yml; at its start if the file
    has changed since it was read (an editor saving it under ``make serve``)."""
    path = folder / "story.yml"
    try:
        return read_document(path).problem(("title",), message)
    except (OSError, YamlProblem, LookupError, TypeError):
        return Problem(path, 1, 1, message)

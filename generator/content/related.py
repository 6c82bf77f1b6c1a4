"""Checks across the stories of a content folder: each id of ``related:`` names a story
folder, and no two stories share a title.

:mod:`generator.render.related` links the stories both ways on the site.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from generator.content.errors import Problem, did_you_mean
from generator.content.models import StoryFile
from generator.content.yamlsource import Document, read_document


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
    story has too, letter case and spaces aside: the home page's cards, the feeds and the
    search's story filter would show two stories as one. The title is found in story.yml
    again only for such a story, so a folder of stories costs nothing more to check."""
    by_title: dict[str, list[Path]] = {}
    for folder, title in titles:
        by_title.setdefault(" ".join(title.casefold().split()), []).append(folder)
    problems = []
    for folders in by_title.values():
        for folder in folders if len(folders) > 1 else ():
            others = ", ".join(f"'{other.name}'" for other in sorted(folders) if other != folder)
            message = (
                f"another story ({others}) has this title: readers, the feeds and search would"
                " not tell them apart; give each story a title of its own"
            )
            document = read_document(folder / "story.yml")
            problems.append(replace(document.problem(("title",), message), severity="warning"))
    return problems

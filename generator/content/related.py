"""Checks of the links between stories: each id of ``related:`` names a story folder.

:mod:`generator.render.related` links the stories both ways on the site.
"""

from __future__ import annotations

from pathlib import Path

from generator.content.errors import Problem, did_you_mean
from generator.content.models import StoryFile
from generator.content.yamlsource import Document


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

"""Start a new story: a folder with every content file, its placeholders marked TODO.

Each file comes from a template in ``generator/render/templates/scaffold/`` (one per file of
:data:`~generator.content.models.FILES`). The templates print nothing but the story's id, once
validated, and today's date, so the new story passes ``check`` as it is and the site
keeps building while editors replace the placeholders.
"""

from __future__ import annotations

import datetime
import functools
import re
from pathlib import Path

import jinja2
from pydantic import TypeAdapter, ValidationError

from generator.content.load import RESERVED_IDS
from generator.content.models import FILES
from generator.content.types import SLUG_PATTERN, Slug

MAX_ID_LENGTH = 64


class ScaffoldError(Exception):
    """A story that cannot be created; the message says why, on one line."""


def create_story(story_id: str, content_dir: Path, today: datetime.date) -> Path:
    """Write ``content_dir/story_id/`` with a placeholder version of every file.

    Raises :class:`ScaffoldError` when the id is not a valid story id or the folder
    already exists; nothing is written then. Returns the new folder.
    """
    check_story_id(story_id)
    folder = content_dir / story_id
    if folder.exists() or folder.is_symlink():
        raise ScaffoldError(
            f"{_display(folder)} already exists; choose another id or edit the story there"
        )
    texts = scaffold_files(story_id, today)  # every template renders before anything is written
    folder.mkdir(parents=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def scaffold_files(story_id: str, today: datetime.date) -> dict[str, str]:
    """The text of each file of a new story, by file name, in the order of FILES."""
    check_story_id(story_id)
    env = _environment()
    return {name: env.get_template(f"{name}.j2").render(id=story_id, today=today) for name in FILES}


def check_story_id(story_id: str) -> None:
    """Raise :class:`ScaffoldError` unless ``story_id`` can name a story folder."""
    if len(story_id) > MAX_ID_LENGTH:
        raise ScaffoldError(
            f"the story id is {len(story_id)} characters long; "
            f"keep it to {MAX_ID_LENGTH} at most, such as 'geneva-talks-2024'"
        )
    try:
        TypeAdapter(Slug).validate_python(story_id)
    except ValidationError as error:
        reason = error.errors()[0].get("ctx", {}).get("error", error)
        raise ScaffoldError(f"'{story_id}' is not a valid story id: {reason}") from None
    if story_id in RESERVED_IDS:
        raise ScaffoldError(
            f"'{story_id}' is a name the site itself uses; choose another id, "
            f"such as '{story_id}-2024'"
        )


@functools.cache
def _environment() -> jinja2.Environment:
    # Not the site's environment: that one escapes for Markdown, and these are YAML
    # files. Here only ids and dates may be printed (see _only_ids_and_days), so no
    # value can add YAML syntax to a template.
    return jinja2.Environment(
        loader=jinja2.PackageLoader("generator.render", "templates/scaffold"),
        autoescape=False,
        finalize=_only_ids_and_days,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def _only_ids_and_days(value: object) -> str:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str) and re.fullmatch(SLUG_PATTERN, value):
        return value
    raise TypeError(f"scaffold templates print only ids and dates, not {value!r}")


def _display(path: Path) -> str:
    """The path relative to the working directory when it is below it, as editors typed it."""
    try:
        return path.absolute().relative_to(Path.cwd()).as_posix()
    except ValueError:  # elsewhere: show it as given
        return path.as_posix()

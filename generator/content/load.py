"""Load every story under a content folder into validated :class:`Story` models.

``load_stories`` is the only way content enters the generator. It checks every file of
every story, collects every problem, and raises :class:`ContentErrors` once at the end,
so an editor sees all their mistakes in one run: every file of every story, and
``publisher.yml``. ``check_content`` does the same checks without keeping the stories,
sharing the work between the machine's cores. Warnings (see ``advice``) come in the same
run: a valid story's all, a story with errors those of its valid files. They are returned
by ``load_content`` and ``check_content``, and carried with the errors when there are any.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from generator.content.advice import Check, advise, locate
from generator.content.errors import ContentErrors, Problem, did_you_mean, one_of
from generator.content.models import FILES, REQUIRED_FILES, ImageData, Story
from generator.content.parallel import cycle_collection_paused, map_shared
from generator.content.pictures import read_story_images
from generator.content.publisher import publisher_problems
from generator.content.references import check_story
from generator.content.related import shared_titles, unknown_related
from generator.content.sides import check_sides
from generator.content.types import SLUG_PATTERN
from generator.content.validation import validate_document
from generator.content.yamlsource import Document, YamlProblem, read_document

IMAGES_FOLDER = "images"
"""The one folder a story folder may hold: the pictures its files name."""

RESERVED_IDS = frozenset(
    {
        "assets",
        "feeds",
        "schema",
        "search",
        "pagefind",
        "about",
        "index",
        "404",
        "sitemap",
        "stories",
    }
)
"""Names the site itself uses at its top level; a story folder cannot take them."""


class Loaded(NamedTuple):
    """The stories of a content folder, by folder name, and the warnings about them."""

    stories: list[Story]
    warnings: list[Problem]


def load_stories(content_dir: Path, story_id: str | None = None) -> list[Story]:
    """Every story under ``content_dir``, by folder name; raises ContentErrors on any error.

    With ``story_id``, only that story's folder is read (a one-story preview). Warnings
    are left out: :func:`load_content` returns them with the stories.
    """
    return load_content(content_dir, story_id).stories


def load_content(
    content_dir: Path, story_id: str | None = None, *, extra: Sequence[Check] = ()
) -> Loaded:
    """The stories, as :func:`load_stories` returns them, and the warnings about them.

    Raises ContentErrors on any error of the stories or publisher.yml; its problems
    include every warning found in the same run. ``extra`` are checks a later stage
    adds to the warnings (see :func:`generator.content.advice.advise`).
    """
    stories: list[Story] = []
    problems: list[Problem] = []
    titles: list[tuple[Path, str]] = []
    with cycle_collection_paused():
        for folder in _content_folders(content_dir, story_id):
            story, story_problems = load_story(folder, extra=extra)
            problems += story_problems
            if story is not None:
                stories.append(story)
                titles.append((folder, story.meta.title))
    problems += shared_titles(titles)
    problems += publisher_problems(content_dir)  # in the same run as the stories'
    _raise_errors(problems)
    return Loaded(stories, sorted(problems))


def _raise_errors(problems: list[Problem]) -> None:
    """Raise ContentErrors, warnings included, when any of the problems is an error."""
    if any(not problem.is_warning for problem in problems):
        raise ContentErrors(problems)


class Checked(NamedTuple):
    """What :func:`check_content` found in a content folder without errors."""

    stories: int
    warnings: list[Problem]


STORIES_PER_WORKER = 10
"""Stories each worker process should have to check, for a second process to pay off
(bench/README.md, Findings, gives the figures)."""


def check_content(
    content_dir: Path,
    workers: int | None = None,
    *,
    story_id: str | None = None,
    extra: Sequence[Check] = (),
) -> Checked:
    """Check every story (or only ``story_id``) as :func:`load_content` does.

    Returns how many stories there are and the warnings about them; raises the same
    :class:`ContentErrors`, with the problems in the same order. With many stories, the
    machine's cores share them (see :func:`generator.content.parallel.map_shared`), and send back
    only their problems and warnings.
    """
    folders = _content_folders(content_dir, story_id)
    found = map_shared(
        functools.partial(_problems_of, extra=tuple(extra)),
        folders,
        per_worker=STORIES_PER_WORKER,
        workers=workers,
    )
    problems = [problem for story_problems, _ in found for problem in story_problems]
    problems += shared_titles(
        (folder, title) for folder, (_, title) in zip(folders, found, strict=True) if title
    )
    problems += publisher_problems(content_dir)
    _raise_errors(problems)
    return Checked(len(folders), sorted(problems))


def _problems_of(folder: Path, extra: Sequence[Check] = ()) -> tuple[list[Problem], str]:
    """The story's problems and its title ("" when it has errors)."""
    with cycle_collection_paused():
        story, problems = load_story(folder, extra=extra)
    return problems, story.meta.title if story is not None else ""


def _content_folders(content_dir: Path, story_id: str | None = None) -> list[Path]:
    """The story folders of the content folder, or only ``story_id``'s.

    ContentErrors if there is no such content folder, or no such story in it.
    """
    if not content_dir.is_dir():
        raise ContentErrors([Problem(content_dir, 1, 1, "no such content folder")])
    folders = story_folders(content_dir)
    if story_id is None:
        return folders
    chosen = [folder for folder in folders if folder.name == story_id]
    if not chosen:
        ids = [folder.name for folder in folders]
        raise ContentErrors([Problem(content_dir, 1, 1, unknown_story(story_id, ids))])
    return chosen


def unknown_story(story_id: str, ids: list[str]) -> str:
    """What to say when asked for a story the content folder does not hold."""
    message = f"no story '{story_id}' in this content folder; "
    nearest = did_you_mean(story_id, ids)
    if nearest or not ids:
        return message + (nearest or "it holds no story yet").rstrip()
    if len(ids) <= UNKNOWN_STORY_LISTS:
        return f"{message}choose {one_of(ids)}"
    return f"{message}choose one of its {len(ids)} folders' names"


UNKNOWN_STORY_LISTS = 10
"""Up to this many stories, the message for an unknown story names them all."""


def story_folders(content_dir: Path) -> list[Path]:
    """The story folders of a content folder, by name (hidden folders are skipped)."""
    return sorted(
        p for p in content_dir.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))
    )


def load_story(
    folder: Path, *, positions: bool = False, extra: Sequence[Check] = ()
) -> tuple[Story | None, list[Problem]]:
    """One story folder: (the story, its warnings) or (None, every error found in it
    and the warnings about its valid files).

    Files are first read without recording positions, which is faster; a story with a
    problem is read again with them, so that each problem names its line and column.
    """
    problems = _folder_problems(folder)
    if problems:  # a folder that cannot be a story is not read further
        return None, problems
    documents, parts, file_problems = _read_files(folder, positions)
    problems += file_problems
    problems += [
        Problem(folder / name, 1, 1, f"{name} is missing; every story folder needs one")
        for name in REQUIRED_FILES
        if not (folder / name).exists()
    ]
    problems += check_story(documents)
    problems += check_sides(documents)
    image_files, image_problems = read_story_images(folder, parts, documents)
    problems += image_problems
    problems += unknown_related(folder, parts.get("story.yml"), documents.get("story.yml"))
    story_id = parts["story.yml"].id if "story.yml" in parts else folder.name
    if story_id != folder.name:
        problems.append(
            documents["story.yml"].problem(
                ("id",), f"id '{story_id}' differs from the folder name; write id: {folder.name}"
            )
        )
    if problems and not positions:
        return load_story(folder, positions=True, extra=extra)
    if problems:  # with the warnings about its valid files, to fix in the same run
        valid = {name: documents[name] for name in parts if name in documents}
        return None, problems + _warnings(valid, parts, positions, extra, whole_story=False)
    return assemble(parts, image_files), _warnings(documents, parts, positions, extra)


def _read_files(
    folder: Path, positions: bool
) -> tuple[dict[str, Document], dict[str, Any], list[Problem]]:
    """Each file of the folder read and validated: its documents, its models (by
    file name) and the problems found in them."""
    documents: dict[str, Document] = {}
    parts: dict[str, Any] = {}
    problems: list[Problem] = []
    for path in sorted(folder.iterdir()):
        if path.name == IMAGES_FOLDER and path.is_dir() and not path.is_symlink():
            continue  # read below, picture by picture, as the story names them
        if path.name not in FILES:
            problems += _unknown_file(path)
            continue
        document, model, file_problems = _load_file(path, positions)
        problems += file_problems
        if document is not None:
            documents[path.name] = document
        if model is not None:
            parts[path.name] = model
    return documents, parts, problems


def _warnings(
    documents: dict[str, Document],
    models: dict[str, Any],
    positions: bool,
    extra: Sequence[Check],
    *,
    whole_story: bool = True,
) -> list[Problem]:
    """The warnings about a valid story (or, without ``whole_story``, about the valid
    files of a story with errors), located (their files read again with positions)."""
    advice = advise(documents, models, whole_story=whole_story, extra=extra)
    if not positions:
        for name in {item.file for item in advice}:
            documents[name] = read_document(documents[name].path)
    return locate(advice, documents)


def assemble(parts: dict[str, Any], image_files: dict[str, ImageData] | None = None) -> Story:
    """Join the validated files of one story, and the pictures it names, into a :class:`Story`."""
    fields: dict[str, Any] = {"meta": parts["story.yml"], "image_files": image_files or {}}
    for name, part in parts.items():
        if name != "story.yml":
            fields.update(dict(part))
    return Story.model_validate(fields)


def _load_file(path: Path, positions: bool) -> tuple[Document | None, Any, list[Problem]]:
    try:
        document = read_document(path, positions=positions)
    except YamlProblem as error:
        message = f"{error.message}; {_what_it_holds(path.name)}" if error.empty else error.message
        return None, None, [Problem(path, error.line, error.column, message)]
    except OSError as error:
        return None, None, [Problem(path, 1, 1, f"cannot read the file: {error.strerror}")]
    model, problems = validate_document(document, FILES[path.name])
    return document, model, problems


def _what_it_holds(filename: str) -> str:
    required = [
        (f.alias or name) for name, f in FILES[filename].model_fields.items() if f.is_required()
    ]
    keys = " and ".join(f"'{key}:'" for key in required)
    return f"{filename} starts with {keys} (see CONTRIBUTING.md) or can be deleted"


def _folder_problems(folder: Path) -> list[Problem]:
    where = folder / "story.yml"
    if folder.is_symlink():
        return [Problem(where, 1, 1, "the story folder is a symbolic link; use a real folder")]
    if folder.name in RESERVED_IDS:
        return [
            Problem(
                where, 1, 1, f"'{folder.name}' is a name the site itself uses; rename the folder"
            )
        ]
    if not re.match(SLUG_PATTERN, folder.name):
        return [
            Problem(
                where,
                1,
                1,
                "folder names are lower-case words joined by hyphens, such as 'my-story'",
            )
        ]
    return []


def _unknown_file(path: Path) -> list[Problem]:
    if path.name.startswith(".") or path.name.lower() in ("readme.md", "notes.md"):
        return []
    if path.suffix == ".yaml" and path.with_suffix(".yml").name in FILES:
        hint = f"rename it to {path.with_suffix('.yml').name}"
    elif path.is_dir():
        hint = f"pictures go in a folder named '{IMAGES_FOLDER}'; a story folder holds no other"
    else:
        hint = f"a story folder holds {one_of(FILES)} and an '{IMAGES_FOLDER}' folder"
    return [Problem(path, 1, 1, f"unexpected file; {did_you_mean(path.name, FILES)}{hint}")]

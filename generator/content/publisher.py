"""Who publishes the explainers: ``publisher.yml`` beside the story folders, and its logo.

The file is optional: without it, pages name no publisher. With it, every story's
JSON-LD, byline and feeds name the publisher, and its logo is published once, resized
(:mod:`generator.render.masthead`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.content.errors import ContentErrors, Problem
from generator.content.models import ImageData, PublisherFile
from generator.content.pictures import ImageProblem, read_image
from generator.content.validation import validate_document
from generator.content.yamlsource import YamlProblem, read_document

PUBLISHER_FILE = "publisher.yml"
"""Its name, in the content folder beside the story folders."""


@dataclass(frozen=True)
class Publisher:
    """The publisher as the pages show it: publisher.yml and its logo, read."""

    info: PublisherFile
    logo: ImageData | None = None


def load_publisher(content_dir: Path) -> Publisher | None:
    """The content folder's publisher.yml, checked, or None when there is none.

    Raises ContentErrors naming the file, line and column of every problem.
    """
    path = content_dir / PUBLISHER_FILE
    if not path.exists():
        return None
    try:
        document = read_document(path)
    except YamlProblem as error:
        raise ContentErrors([Problem(path, error.line, error.column, error.message)]) from None
    info, problems = validate_document(document, PublisherFile)
    if problems:
        raise ContentErrors(problems)
    assert isinstance(info, PublisherFile)
    if info.logo is None:
        return Publisher(info)
    try:
        return Publisher(
            info,
            read_image(
                content_dir / info.logo, info.logo, "the content folder, beside publisher.yml"
            ),
        )
    except ImageProblem as problem:
        raise ContentErrors([document.problem(("logo",), str(problem))]) from None


def publisher_problems(content_dir: Path) -> list[Problem]:
    """Every problem of the content folder's publisher.yml (none when it has none)."""
    try:
        load_publisher(content_dir)
    except ContentErrors as errors:
        return errors.problems
    return []

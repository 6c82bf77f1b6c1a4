"""Who publishes the explainers: ``publisher.yml`` beside the story folders, and its logo.

The file is optional: without it, pages name no publisher. With it, every story's
JSON-LD, byline and feeds name the publisher, and its logo is published once, resized.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import ContentErrors, Problem
from .images import ImageProblem, Rendition, encode, read_image
from .models import ImageData, PublisherFile
from .validation import validate_document
from .yamlsource import YamlProblem, read_document

PUBLISHER_FILE = "publisher.yml"
"""Its name, in the content folder beside the story folders."""

LOGO_WIDTH = 600
"""Widest the published logo is, in pixels (what news readers ask for)."""


@dataclass(frozen=True)
class Publisher:
    """The publisher as the pages show it: publisher.yml and its logo, read."""

    info: PublisherFile
    logo: ImageData | None = None

    @property
    def logo_rendition(self) -> Rendition | None:
        """Where the logo is published in the site, and its size; None without a logo."""
        if self.logo is None or self.info.logo is None:
            return None
        width = min(self.logo.width, LOGO_WIDTH)
        height = max(1, round(self.logo.height * width / self.logo.width))
        stem = self.info.logo.rsplit(".", 1)[0]
        extension = "png" if self.logo.format == "PNG" else "jpg"
        return Rendition(f"images/{stem}-{width}.{extension}", width, height)

    def masthead(self) -> dict[str, str]:
        """What every page's header and footer show of the publisher (the theme's
        ``config.extra.publisher``): name, and address, logo and licence when given."""
        shown = self.logo_rendition
        found = {
            "name": self.info.name,
            "url": self.info.url,
            "logo": shown.path if shown else None,
            "logo_width": str(shown.width) if shown else None,
            "logo_height": str(shown.height) if shown else None,
            "licence": self.info.licence,
            "licence_url": self.info.licence_url,
        }
        return {key: value for key, value in found.items() if value}

    def files(self) -> dict[str, bytes]:
        """The logo as published: {path in the site: bytes}."""
        shown = self.logo_rendition
        if shown is None or self.logo is None:
            return {}
        return {shown.path: encode(self.logo.data, shown.width, shown.height)}


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

"""Pictures of a story, read and checked for the loader.

The loader calls :func:`read_story_images` for the pictures a story's files name, and
:func:`read_image` reads one (only the loader reads files): its bytes, format and size,
checked against the limits below, so that a broken or oversized file is an editor's
message at ``check``. :mod:`generator.render.pictures` resizes them for the site.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from generator.content.errors import Problem
from generator.content.models import Image, ImageData
from generator.content.yamlsource import Document, Location

if TYPE_CHECKING:  # Pillow is imported where it is used: `check` starts without it
    from PIL.Image import Image as PillowImage

MAX_BYTES = 5_000_000
"""Largest image file accepted: a photograph saved for the web is well under this."""

MAX_SIDE = 6000
"""Longest side accepted, in pixels; the site never shows more than WIDTHS[-1]."""

WIDTHS = (480, 800, 1200)
"""Widths (pixels) each picture is offered in: a phone, a desktop column, a sharp one."""

FORMATS = ("JPEG", "PNG", "WEBP")
"""Formats an image file may have."""


class ImageProblem(Exception):
    """Why an image file cannot be used, in editors' words."""


def read_image(path: Path, name: str, where: str = "the story's images/ folder") -> ImageData:
    """The image file at ``path`` (``name`` as the content wrote it), checked and read.

    ``where`` says, in a message about a missing file, where it should be.

    The file is decoded in full here, at ``check``, so that an image the build could not
    decode (truncated, corrupt, too many pixels) is refused at its line, never met by the
    build.

    Raises :class:`ImageProblem` for a missing, linked, oversized or unreadable file.
    """
    from PIL import Image as Pillow

    if path.is_symlink():
        raise ImageProblem(f"'{name}' is a symbolic link; copy the picture itself there")
    if not path.is_file():
        raise ImageProblem(_missing(path, name, where))
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ImageProblem(
            f"'{name}' is {size / 1_000_000:.1f} MB; a picture may be {MAX_BYTES // 1_000_000} "
            f"MB at most: save it again smaller (about {WIDTHS[-1] * 2} pixels wide is plenty)"
        )
    data = path.read_bytes()
    try:
        with warnings.catch_warnings():  # above 89 Mpx, a warning before the error below
            warnings.simplefilter("ignore", Pillow.DecompressionBombWarning)
            opened = Pillow.open(io.BytesIO(data))
        with opened as image:
            format_, (width, height) = image.format, image.size
            if format_ in FORMATS and max(width, height) <= MAX_SIDE:
                # Decoded and converted in full, as the build does, so that it cannot fail.
                width, height = prepared(image).size
    except Pillow.DecompressionBombError:
        raise ImageProblem(_too_large(name, "too many pixels to decode")) from None
    except Exception as error:  # a decoder fails in many ways: each is the file's
        raise ImageProblem(
            f"'{name}' cannot be read as a picture ({type(error).__name__}: {error}); "
            "save it again as JPEG or PNG"
        ) from None
    if format_ not in FORMATS:
        raise ImageProblem(f"'{name}' is a {format_} file; save it as JPEG, PNG or WebP")
    if max(width, height) > MAX_SIDE:
        raise ImageProblem(_too_large(name, f"{width} by {height} pixels"))
    kind = cast(Literal["JPEG", "PNG", "WEBP"], format_)
    return ImageData(data=data, format=kind, width=width, height=height)


def _too_large(name: str, size: str) -> str:
    return (
        f"'{name}' is {size}; a picture may be {MAX_SIDE} pixels at most on its longest "
        f"side: save it smaller (about {WIDTHS[-1] * 2} pixels wide is plenty)"
    )


IMAGE_PLACES = {"story.yml": None, "background.yml": "background", "actors.yml": "actors",
                "timeline.yml": "events"}  # fmt: skip
"""Files whose items may have an image: the file itself (story.yml) or each item of a list."""


def read_story_images(
    folder: Path, parts: dict[str, object], documents: dict[str, Document]
) -> tuple[dict[str, ImageData], list[Problem]]:
    """The loader's part: every image file the story's validated files name, read once.

    Returns them by the name written ('images/x.jpg'), and a problem at the ``file:`` key
    of each picture whose file is missing, too large or unreadable.
    """
    found: dict[str, ImageData] = {}
    problems: list[Problem] = []
    refused: dict[str, str] = {}
    for location, image, document in _named_images(parts, documents):
        if image.file not in found and image.file not in refused:
            try:
                found[image.file] = read_image(folder / image.file, image.file)
            except ImageProblem as problem:
                refused[image.file] = str(problem)
        if image.file in refused:
            problems.append(document.problem((*location, "file"), refused[image.file]))
    return found, problems


def _named_images(
    parts: dict[str, object], documents: dict[str, Document]
) -> list[tuple[Location, Image, Document]]:
    named: list[tuple[Location, Image, Document]] = []
    for filename, key in IMAGE_PLACES.items():
        part = parts.get(filename)
        if part is None:
            continue
        items: list[tuple[Location, Any]] = (
            [(("image",), part)]
            if key is None
            else [((key, index, "image"), item) for index, item in enumerate(getattr(part, key))]
        )
        named += [
            (location, item.image, documents[filename])
            for location, item in items
            if item.image is not None
        ]
    return named


def _missing(path: Path, name: str, where: str) -> str:
    from generator.content.errors import did_you_mean

    folder = path.parent
    there = sorted(p.name for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []
    hint = did_you_mean(path.name, there) if there else ""
    return f"no picture '{name}'; {hint}put the file in {where}, or correct its name"


def prepared(opened: PillowImage) -> PillowImage:
    """The picture decoded, turned upright (EXIF orientation) and in the mode it is
    published in: RGB(A) for PNG, RGB on white for the rest."""
    from PIL import ImageOps

    upright = ImageOps.exif_transpose(opened)
    if opened.format == "PNG":
        return upright.convert("RGBA" if _has_alpha(upright) else "RGB")
    return _on_white(upright) if _has_alpha(upright) else upright.convert("RGB")


def _has_alpha(image: PillowImage) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info


def _on_white(image: PillowImage) -> PillowImage:
    from PIL import Image as Pillow

    rgba = image.convert("RGBA")
    background = Pillow.new("RGBA", rgba.size, (255, 255, 255, 255))
    return Pillow.alpha_composite(background, rgba).convert("RGB")

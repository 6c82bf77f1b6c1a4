"""Pictures of a story, resized for the site.

:func:`picture` says what a page needs to show one: its addresses, widths and size in
pixels; :func:`image_files` makes the widths the pages offer (:data:`WIDTHS`), with
Pillow, and always the same way: the same file gives the same bytes on every build (no
metadata at all is copied: no comment, EXIF, XMP, colour profile or text, and the
encoder's settings are fixed). :mod:`generator.content.pictures` reads and checks them.
"""

from __future__ import annotations

import functools
import io
import posixpath
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.content.models import Image, ImageData, Story
from generator.content.pictures import WIDTHS, prepared

if TYPE_CHECKING:  # Pillow is imported where it is used: `check` starts without it
    pass

JPEG_QUALITY = 80


@dataclass(frozen=True)
class Rendition:
    """One width of a picture, as published: its path in the site and its bytes."""

    path: str
    width: int
    height: int


@dataclass(frozen=True)
class Picture:
    """What a page needs to show a picture: its renditions, smallest first, and its text."""

    image: Image
    renditions: tuple[Rendition, ...]

    @property
    def largest(self) -> Rendition:
        """The widest rendition (used where one address is wanted, such as og:image)."""
        return self.renditions[-1]


def widths(image: ImageData) -> list[int]:
    """The widths a picture is published in: those of WIDTHS it is wider than, and its
    own width when it is narrower than the largest."""
    chosen = [width for width in WIDTHS if width < image.width]
    return [*chosen, min(image.width, WIDTHS[-1])]


def picture(story_id: str, image: Image, data: ImageData) -> Picture:
    """The picture ``image`` of the story, as its pages show it."""
    stem, _ = posixpath.splitext(posixpath.basename(image.file))
    extension = "png" if data.format == "PNG" else "jpg"
    renditions = tuple(
        Rendition(
            f"{story_id}/images/{stem}-{width}.{extension}",
            width,
            max(1, round(data.height * width / data.width)),
        )
        for width in widths(data)
    )
    return Picture(image, renditions)


def pictures(story: Story) -> dict[str, Picture]:
    """Every picture of the story, by its file ('images/x.jpg')."""
    return {
        image.file: picture(story.id, image, story.image_files[image.file])
        for image in story.images()
    }


def image_files(story: Story) -> dict[str, bytes]:
    """Every rendition of every picture of the story: {path in the site: bytes}."""
    files = {}
    for file, shown in pictures(story).items():
        data = story.image_files[file]
        for rendition in shown.renditions:
            files[rendition.path] = encode(data.data, rendition.width, rendition.height)
    return files


@functools.lru_cache(maxsize=128)
def encode(data: bytes, width: int, height: int) -> bytes:
    """The picture ``data`` resized to ``width`` by ``height``, without its metadata.

    JPEG (and WebP) files are published as JPEG, PNG files as PNG. Cached, so that a
    live preview does not resize the same picture again on every rebuild.
    """
    from PIL import Image as Pillow

    with Pillow.open(io.BytesIO(data)) as opened:
        is_png = opened.format == "PNG"
        converted = prepared(opened)
    resized = converted.resize((width, height), Pillow.Resampling.LANCZOS)
    resized.info = {}  # resize() keeps the metadata (comments, ICC, XMP, text), which save() writes
    out = io.BytesIO()
    if is_png:
        resized.save(out, format="PNG", optimize=True)
    else:
        resized.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return out.getvalue()

"""Content at the edges is refused at `check`, at its line, never met by the build: any
picture that cannot be decoded in full (too many pixels, truncated, corrupt) and dates
beyond the years every date computation of the build handles. Pictures are published
with no metadata at all (issue 19, items 9 and 10)."""

from __future__ import annotations

import io
import random
import struct
import zlib
from pathlib import Path

import pytest
from conftest import FIXTURES, problems
from PIL import Image, PngImagePlugin

from devkit.content import edit_file
from generator.render.build import build_site
from generator.render.pictures import encode

NEWS = FIXTURES / "news"
LEAD = "example-lead-summit"
PICTURE = "summit-table.jpg"


def _line_naming(content: Path, picture: str) -> int:
    """The line of the lead story's story.yml that names ``picture``."""
    lines = (content / LEAD / "story.yml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if picture in line)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_header_only(width: int, height: int) -> bytes:
    """A valid PNG's start claiming ``width`` by ``height`` pixels, with one row of data."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit grey
    row = zlib.compress(b"\0" * (1 + width // 8))
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", row)


def noisy_jpeg(width: int = 800, height: int = 600) -> bytes:
    """A photograph-like JPEG (noise compresses badly, so cutting it loses real data)."""
    rng = random.Random(19)
    picture = Image.frombytes("RGB", (width, height), rng.randbytes(width * height * 3))
    out = io.BytesIO()
    picture.save(out, format="JPEG", quality=90)
    return out.getvalue()


def test_a_decompression_bomb_is_refused_at_its_line(news: Path) -> None:
    # 30,000 by 30,000 pixels: Pillow raised DecompressionBombError, a traceback at check.
    (news / LEAD / "images" / PICTURE).write_bytes(png_header_only(30000, 30000))
    (found,) = problems(news)
    assert f"{LEAD}/story.yml:{_line_naming(news, PICTURE)}:" in found
    assert "is too many pixels to decode; a picture may be 6000 pixels at most" in found


def test_a_truncated_picture_is_refused_at_check_not_met_by_the_build(news: Path) -> None:
    data = noisy_jpeg()
    (news / LEAD / "images" / PICTURE).write_bytes(data[: len(data) // 2])
    (found,) = problems(news)
    assert f"{LEAD}/story.yml:{_line_naming(news, PICTURE)}:" in found
    assert "cannot be read as a picture (OSError: image file is truncated" in found


def test_a_picture_with_corrupt_data_is_refused(news: Path) -> None:
    picture = io.BytesIO()
    Image.new("RGB", (300, 200), "#336699").save(picture, format="PNG")
    data = bytearray(picture.getvalue())
    at = data.index(b"IDAT") + 8
    data[at : at + 4] = b"\xff\xff\xff\xff"  # the compressed pixels, no longer valid
    (news / LEAD / "images" / "signing.png").write_bytes(bytes(data))
    (found,) = problems(news)
    assert "timeline.yml:" in found and "'images/signing.png' cannot be read as a picture" in found


EDGE_DATES = {
    "an event in the year 0": ("timeline.yml", "date: 2020-01-02", "date: 0000-01-02", "0"),
    "a story starting in the year 1": ("story.yml", "start: 2020-01-02", "start: 0001", "1"),
    "a span over every year": (
        "timeline.yml",
        "date: {from: 2019-10, to: 2019-12",
        "date: {from: 0001, to: 9999",
        "1",
    ),
    "a day in the year 9999": ("story.yml", "updated: 2020-02-01", "updated: 9999-12-31", "9999"),
}


@pytest.mark.parametrize("case", EDGE_DATES.values(), ids=EDGE_DATES.keys())
def test_a_date_beyond_the_years_the_build_handles_is_refused_at_its_line(
    content: Path, case: tuple[str, str, str, str]
) -> None:
    # Each passed check, then stopped the build with ValueError or OverflowError.
    filename, old, new, year = case
    edit_file(content / "tiny-story" / filename, old, new)
    found = problems(content)
    assert any(
        f"{filename}:" in p and f"is in the year {year}; dates go from the year 1000 to 2999" in p
        for p in found
    ), found


def test_dates_at_the_first_and_last_years_build(content: Path) -> None:
    story = content / "tiny-story"
    edit_file(story / "story.yml", "start: 2020-01-02", "start: 1000")
    edit_file(story / "story.yml", "end: 2020-01-03", "end: 2999-12-31")
    edit_file(story / "timeline.yml", "date: 2020-01-02", "date: 1000-01-01")
    edit_file(
        story / "timeline.yml", "date: {from: 2019-10, to: 2019-12", "date: {from: 1000, to: 2999"
    )
    files = build_site(content).files
    assert "tiny-story/timeline.md" in files


# --- item 10: renditions carry no metadata at all ------------------------------------


SECRET = "Photographer home address 1 Secret Lane"


def _with_every_kind_of_metadata(format_: str) -> bytes:
    picture = Image.new("RGB", (1000, 500), "#336699")
    exif = picture.getexif()
    exif[0x010F] = SECRET  # camera maker
    icc = b"\0" * 128 + SECRET.encode()  # not a working profile: only its bytes matter here
    xmp = f'<x:xmpmeta xmlns:x="adobe:ns:meta/">{SECRET}</x:xmpmeta>'.encode()
    out = io.BytesIO()
    if format_ == "JPEG":
        picture.save(out, "JPEG", exif=exif, comment=SECRET, icc_profile=icc, xmp=xmp)
    else:
        text = PngImagePlugin.PngInfo()
        text.add_text("Author", SECRET)
        text.add_text("Comment", SECRET, zip=True)
        text.add_itxt("Description", SECRET)
        picture.save(out, "PNG", pnginfo=text, exif=exif, icc_profile=icc)
    return out.getvalue()


@pytest.mark.parametrize("format_", ["JPEG", "PNG"])
def test_renditions_carry_no_metadata_at_all(format_: str) -> None:
    source = _with_every_kind_of_metadata(format_)
    assert source.count(SECRET.encode()) >= 3  # the test's file does carry them
    encode.cache_clear()
    published = encode(source, 480, 240)
    assert SECRET.encode() not in published
    assert b"xmpmeta" not in published and b"ICC_PROFILE" not in published
    with Image.open(io.BytesIO(published)) as out:
        assert not set(out.info) & {"comment", "exif", "icc_profile", "xmp", "Author"}, out.info

"""Writes generator/render/chart/font.py: the advance widths of the timeline chart's font.

The chart's labels are set in Helvetica, Arial or Liberation Sans, whichever the reader
has (macOS, Windows, Linux): three faces with the same advance widths, so one table
measures a title ahead of time as the browser will draw it (with kerning off, as the
chart sets it). This reads them from Liberation Sans, regular and bold, with Pillow,
once; the table is committed, and a test holds it to what this script writes:

    .venv/bin/python scripts/font_metrics.py [--fonts /usr/share/fonts/truetype/liberation]
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from PIL import ImageFont

FONTS = Path("/usr/share/fonts/truetype/liberation")
OUT = Path(__file__).resolve().parent.parent / "generator" / "render" / "chart" / "font.py"
SIZE = 2048  # Liberation Sans's units per em: advances come out in whole units
RANGES = (
    (0x20, 0x7E),  # ASCII
    (0xA0, 0x17F),  # Latin-1 and Latin Extended-A
    (0x2010, 0x2027),  # dashes, quotation marks, ellipsis
    (0x2030, 0x203A),
    (0x20AC, 0x20AC),  # euro sign
)


def widths(path: Path) -> dict[int, str]:
    """Characters by advance width in thousandths of an em."""
    font = ImageFont.truetype(str(path), SIZE, layout_engine=ImageFont.Layout.BASIC)
    table: dict[int, list[str]] = defaultdict(list)
    for first, last in RANGES:
        for code in range(first, last + 1):
            char = chr(code)
            table[round(font.getlength(char) * 1000 / SIZE)].append(char)
    return {width: "".join(chars) for width, chars in sorted(table.items())}


def module(regular: dict[int, str], bold: dict[int, str]) -> str:
    def table(name: str, rows: dict[int, str]) -> list[str]:
        return (
            [f"{name}: dict[int, str] = {{"]
            + [f"    {width}: {chars!r}," for width, chars in rows.items()]
            + ["}"]
        )

    return "\n".join(
        [
            "# ruff: noqa: RUF001, E501  (look-alike characters, on purpose; long rows)",
            '"""Advance widths of the timeline chart\'s font, in thousandths of an em.',
            "",
            "Written by scripts/font_metrics.py from Liberation Sans (whose advances are",
            "Arial's and Helvetica's); do not edit. Characters by width, regular and bold.",
            '"""',
            "",
            "# fmt: off",
            *table("REGULAR", regular),
            *table("BOLD", bold),
            "# fmt: on",
            "",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fonts", type=Path, default=FONTS, help="folder of Liberation Sans")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    regular = widths(args.fonts / "LiberationSans-Regular.ttf")
    bold = widths(args.fonts / "LiberationSans-Bold.ttf")
    args.out.write_text(module(regular, bold), encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()

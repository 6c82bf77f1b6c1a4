"""The command line: ``python -m generator check|schema|build|new-story|diff``.

A thin layer over the library. Content mistakes are printed as ``file:line:col:
message`` lines (or GitHub annotations) with exit code 1, never as a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import ContentErrors
from .load import load_stories
from .schema import SCHEMA_DIR, write_schemas

DEFAULT_CONTENT = Path("content")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except ContentErrors as errors:
        _print_problems(errors, getattr(args, "format", "text"))
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="validate every story; print every problem")
    check.add_argument("content", nargs="?", type=Path, default=DEFAULT_CONTENT)
    check.add_argument(
        "--format",
        choices=["text", "github"],
        default="text",
        help="'github' prints GitHub Actions annotations",
    )
    check.set_defaults(run=_check)

    schema = commands.add_parser("schema", help="write the JSON Schema files for editors")
    schema.add_argument("--out", type=Path, default=SCHEMA_DIR)
    schema.set_defaults(run=_schema)
    return parser


def _check(args: argparse.Namespace) -> int:
    stories = load_stories(args.content)
    print(f"{len(stories)} stories checked, no problems found.")
    return 0


def _schema(args: argparse.Namespace) -> int:
    for path in write_schemas(args.out):
        print(f"wrote {path}")
    return 0


def _print_problems(errors: ContentErrors, output_format: str) -> None:
    for problem in errors.problems:
        print(problem.as_github_annotation() if output_format == "github" else problem)
    count = len(errors.problems)
    print(f"{count} problem{'s' if count != 1 else ''} found; nothing was built.", file=sys.stderr)

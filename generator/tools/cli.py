"""The command line: ``python -m generator COMMAND``.

Commands: check, build, search, csp, sitemap, terms, schema, new-story, diff, size, merge.

A thin layer over the library. Content mistakes are printed as ``file:line:col:
message`` lines (or GitHub annotations) with exit code 1, never as a traceback; warnings
as ``file:line:col: warning: message`` lines, with exit code 0 unless ``--strict``.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from generator.content.errors import ContentErrors, Problem
from generator.content.load import check_content
from generator.content.schema import SCHEMA_DIR, write_schemas
from generator.render.chart.advice import CHART_CHECKS
from generator.settings import DEFAULT_SITE_NAME, SiteSettings, site_url_from_environment

# The rendering side (Jinja, Markdown, Plotly) is imported by the commands that use it,
# so that `check`, which editors and pre-commit run most, starts quickly.

DEFAULT_CONTENT = Path("content")
DEFAULT_CONFIG = Path("mkdocs.yml")


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

    _add_check(commands)
    _add_build(commands)
    _add_search(commands)
    _add_schema(commands)
    _add_new_story(commands)
    _add_diff(commands)
    _add_size(commands)
    _add_merge(commands)
    return parser


def _add_check(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = commands.add_parser("check", help="validate every story; print every problem")
    check.add_argument("content", nargs="?", type=Path, default=DEFAULT_CONTENT)
    check.add_argument("--story", metavar="ID", help="check only this story (its folder's name)")
    check.add_argument(
        "--format",
        choices=["text", "github"],
        default="text",
        help="'github' prints GitHub Actions annotations",
    )
    check.add_argument(
        "--strict", action="store_true", help="fail (exit code 1) on warnings as on errors"
    )
    check.set_defaults(run=_check)


def _add_build(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    build = commands.add_parser(
        "build", help="write the site's project (pages, navigation, theme) into a folder"
    )
    build.add_argument("content", nargs="?", type=Path, default=DEFAULT_CONTENT)
    build.add_argument(
        "--out",
        type=Path,
        required=True,
        help="folder to write into: DIR/mkdocs.yml, DIR/docs/, DIR/theme/, which MkDocs, "
        "ProperDocs or Zensical builds (`zensical build -f DIR/mkdocs.yml`)",
    )
    build.add_argument(
        "--config",
        type=Path,
        default=DEFAULT_CONFIG,
        help="the site's configuration, beside docs/ and theme/ (default: mkdocs.yml)",
    )
    build.add_argument(
        "--story", metavar="ID", help="build this story alone, as `make serve STORY=ID` does"
    )
    build.add_argument(
        "--site-url",
        default=site_url_from_environment(),
        help="the address the site is published at (default: $SITE_URL, else the "
        "default of mkdocs.yml); feeds and shared pictures name it",
    )
    build.set_defaults(run=_build)


def _add_search(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The steps that run on a built site after any engine: search, policy, sitemap, glossary."""

    def after_engine(
        name: str, run: Callable[[argparse.Namespace], int], help: str
    ) -> argparse.ArgumentParser:
        command = commands.add_parser(name, help=help)
        command.add_argument("site", type=Path, metavar="SITE_DIR")
        command.set_defaults(run=run)
        return command

    after_engine(
        "search", _search, "index a built site for search (Pagefind), whichever engine built it"
    )
    after_engine(
        "csp",
        _csp,
        "write each page's Content-Security-Policy into a built site, whichever engine "
        "built it (the MkDocs plugin writes it as it builds)",
    )
    after_engine(
        "sitemap",
        _sitemap,
        "split a built site's sitemap.xml past 50,000 pages or 50 MB into parts and an "
        "index, whichever engine built it (the MkDocs plugin does it as it builds)",
    )
    terms = after_engine(
        "terms",
        _terms,
        "mark the glossary's terms in a built site, whichever engine built it (the "
        "MkDocs plugin marks them as it builds)",
    )
    terms.add_argument("content", nargs="?", type=Path, default=DEFAULT_CONTENT)


def _add_schema(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    schema = commands.add_parser("schema", help="write the JSON Schema files for editors")
    schema.add_argument("--out", type=Path, default=SCHEMA_DIR)
    schema.set_defaults(run=_schema)


def _add_new_story(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    new_story = commands.add_parser(
        "new-story", help="start a story folder with every file, placeholders marked TODO"
    )
    new_story.add_argument("id", metavar="ID", help="the story's id, such as 'my-story'")
    new_story.add_argument(
        "--content",
        type=Path,
        default=DEFAULT_CONTENT,
        metavar="DIR",
        help="the content folder to add it to (default: content)",
    )
    new_story.set_defaults(run=_new_story)


def _add_diff(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    diff = commands.add_parser(
        "diff", help="summarise, in Markdown, what changed between two content folders"
    )
    diff.add_argument("base", metavar="BASE_DIR", type=Path, help="the content before")
    diff.add_argument("head", metavar="HEAD_DIR", type=Path, help="the content after")
    diff.set_defaults(run=_diff)


def _add_size(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    size = commands.add_parser(
        "size", help="measure a built site against GitHub Pages' limit (exit 1 when over)"
    )
    size.add_argument("site", nargs="?", type=Path, default=Path("site"), metavar="SITE_DIR")
    size.add_argument("--content", type=Path, default=DEFAULT_CONTENT, metavar="DIR")
    size.add_argument("--limit", type=int, default=None, help=argparse.SUPPRESS)
    size.set_defaults(run=_size)


def _add_merge(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    merge = commands.add_parser(
        "merge",
        help="put the shards of a split build together into one site, then split its "
        "sitemap and index it for search (generator/publish/shards.py)",
    )
    merge.add_argument("shards", nargs="+", type=Path, metavar="SHARD_DIR")
    merge.add_argument("--out", type=Path, default=Path("site"), metavar="SITE_DIR")
    merge.set_defaults(run=_merge)


def _check(args: argparse.Namespace) -> int:
    checked = check_content(args.content, story_id=args.story, extra=CHART_CHECKS)
    _print_each(checked.warnings, args.format)
    warnings = _count(len(checked.warnings), "warning")
    if checked.warnings and args.strict:
        print(f"{warnings} found; --strict counts them as problems.", file=sys.stderr)
        return 1
    found = f"no errors, {warnings}" if checked.warnings else "no problems found"
    stories = "1 story" if checked.stories == 1 else f"{checked.stories} stories"
    print(f"{stories} checked, {found}.")
    return 0


def _build(args: argparse.Namespace) -> int:
    from generator.publish.project import read_config, write_project
    from generator.render.build import build_site

    config = read_config(args.config) if args.config.is_file() else {}
    settings = SiteSettings(args.site_url, config.get("site_name") or DEFAULT_SITE_NAME)
    site = build_site(args.content, settings, args.story)
    if not config:  # the content is checked first: its problems are the editor's
        print(
            f"{args.config}: no such configuration; give the site's with --config", file=sys.stderr
        )
        return 1
    write_project(site, args.out, args.config.parent)
    print(f"wrote {len(site.files)} generated files and the project into {args.out}")
    return 0


def _search(args: argparse.Namespace) -> int:
    from generator.publish.search import SearchIndexError, index_site

    try:
        indexed = index_site(args.site)
    except SearchIndexError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Search: indexed {indexed.pages} pages in {indexed.seconds:.2f} s (Pagefind)")
    return 0


def _csp(args: argparse.Namespace) -> int:
    from generator.publish.csp import PolicyError, secure_site

    try:
        secured = secure_site(args.site)
    except PolicyError as error:
        print(error, file=sys.stderr)
        return 1
    for name in secured.refused:
        print(f"{name}: an inline script outside the theme's places is not allowed")
    print(
        f"Content-Security-Policy: written into {secured.written} pages ({secured.kept} had theirs)"
    )
    return 0


def _sitemap(args: argparse.Namespace) -> int:
    from generator.publish.sitemap import split_sitemap

    split = split_sitemap(args.site)
    if split.parts:
        print(f"Sitemap: {split.urls} pages listed in {len(split.parts)} files and an index")
    else:
        print(f"Sitemap: {split.urls} pages, within one file's limits: left as it was")
    return 0


def _terms(args: argparse.Namespace) -> int:
    from generator.content.load import load_stories
    from generator.publish.terms import mark_site
    from generator.render.abbr import glossary_of

    stories = load_stories(args.content)  # its problems are printed as check prints them
    glossaries = {story.id: glossary_of(story.glossary) for story in stories}
    marked = mark_site(args.site, glossaries)
    print(f"Glossary: terms marked in {marked.marked} pages ({marked.kept} left as they were)")
    return 0


def _schema(args: argparse.Namespace) -> int:
    for path in write_schemas(args.out):
        print(f"wrote {path}")
    return 0


def _new_story(args: argparse.Namespace) -> int:
    from generator.tools.scaffold import ScaffoldError, create_story

    try:
        folder = create_story(args.id, args.content, datetime.date.today())
    except ScaffoldError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"created {folder.as_posix()}/; replace every TODO in it, then run `make check`")
    return 0


def _diff(args: argparse.Namespace) -> int:
    from generator.tools.contentdiff import summarise_changes, summarise_errors

    try:
        print(summarise_changes(args.base, args.head), end="")
    except ContentErrors as errors:
        print(summarise_errors(errors), end="")
        return 1
    return 0


def _size(args: argparse.Namespace) -> int:
    from generator.publish.sitesize import PAGES_LIMIT_BYTES, measure_site, report

    stories = sorted(p.parent.name for p in args.content.glob("*/story.yml"))
    size = measure_site(args.site, stories, limit=args.limit or PAGES_LIMIT_BYTES)
    for line in report(size):
        print(line, file=sys.stderr if size.is_close else sys.stdout)
    return 1 if size.is_over else 0


def _merge(args: argparse.Namespace) -> int:
    from generator.publish.finish import finish_site
    from generator.publish.search import SearchIndexError
    from generator.publish.shards import ShardError, merge

    try:
        merged = merge(args.shards, args.out)
        print(
            f"Merged {merged.shards} shards into {args.out}: {merged.files} files "
            f"({merged.shared} written alike by several shards)"
        )
        for line in finish_site(args.out):
            print(line)
    except (ShardError, SearchIndexError) as error:
        print(error, file=sys.stderr)
        return 1
    return 0


def _print_problems(errors: ContentErrors, output_format: str) -> None:
    _print_each(errors.problems, output_format)
    found = _count(len(errors.errors), "problem")
    if errors.warnings:
        found += f" (and {_count(len(errors.warnings), 'warning')})"
    print(f"{found} found; nothing was built.", file=sys.stderr)


def _print_each(problems: list[Problem], output_format: str) -> None:
    for problem in problems:
        print(problem.as_github_annotation() if output_format == "github" else problem)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"

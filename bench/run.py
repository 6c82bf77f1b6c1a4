"""Run the benchmarks and write their results into bench/README.md.

    python bench/run.py [all|scale|profile|reload|weight|lighthouse|search|chart|archive|report]
        [options]

``all`` (the default, what ``make bench`` runs) measures every part but ``archive`` (up
to 3,000 stories, most of an hour: ``make bench-archive``); a single part
updates only its own results. Results are kept in bench/results/latest.json, from which
the README's results section is rewritten. ``--quick`` measures 1 and 10 stories only,
with fewer repeats, and writes bench/results/raw/quick.json instead of the README.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import sys
import time
from pathlib import Path
from typing import Any

from bench import (
    archive,
    chart,
    lighthouse,
    profiling,
    reload,
    report,
    scale,
    search,
    split,
    util,
    weight,
)

LATEST = util.BENCH / "results" / "latest.json"
QUICK = util.RAW / "quick.json"
PARTS = ("scale", "profile", "reload", "weight", "lighthouse", "search", "chart")
DEFAULT_SIZES = [1, 10, 100]
QUICK_SIZES = [1, 10]
PREVIEW_SIZES, QUICK_PREVIEW_SIZES = [100, 300], [10]  # one-story preview, synthetic stories
FULL_RELOAD_SIZES, QUICK_FULL_RELOAD_SIZES = [100], [10]  # the whole site, as its baseline
SEARCH_SIZES = [1, 100]  # Pagefind beside Material's search; --sizes 1 100 300 for more


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    results_file = QUICK if args.quick else LATEST
    results = _read(results_file)
    parts = PARTS if args.part == "all" else () if args.part == "report" else (args.part,)
    command = os.environ.get("BENCH_COMMAND") or shlex.join(
        ["python", "bench/run.py", *(argv if argv is not None else sys.argv[1:])]
    )
    started = time.monotonic()
    for part in parts:
        print(f"== {part}", flush=True)
        part_started = time.monotonic()
        commit = util.commit()
        result = _run_part(part, args, results)
        if util.commit() != commit:  # someone committed meanwhile: say the figures are mixed
            commit = f"{commit} to {util.commit()} (changed during the run)"
        result = {**result, "command": command, "commit": commit}
        if part == "scale" and not args.quick:
            result = _merge_sizes(results.get("scale"), result)
        if part == "search" and not args.quick:
            result = search.merge(results.get("search"), result)
        results[_key(part, args)] = result
        results[_key(part, args)]["duration_s"] = round(time.monotonic() - part_started)
        _write(results_file, results)
    if args.quick:
        print(report.render(results))
        print(f"(quick mode: results in {QUICK.relative_to(util.ROOT)}, README left alone)")
    elif args.readme:
        report.write_readme(results)
        print(f"wrote the results into {report.README.relative_to(util.ROOT)}")
    print(f"done in {time.monotonic() - started:.0f} s")
    return 0


def _run_part(part: str, args: argparse.Namespace, results: dict[str, Any]) -> dict[str, Any]:
    sizes = args.sizes or (QUICK_SIZES if args.quick else DEFAULT_SIZES)
    if part == "scale":
        return scale.run(sizes, repeats=args.repeats or (3 if args.quick else None))
    if part == "profile":
        large = args.profile_stories or min(max(sizes), 100)
        small = 10 if large > 10 else 1
        return profiling.run(large, small=small, whole_build=args.profile_mkdocs)
    if part == "reload":
        preview = QUICK_PREVIEW_SIZES if args.quick else PREVIEW_SIZES
        full = QUICK_FULL_RELOAD_SIZES if args.quick else FULL_RELOAD_SIZES
        return reload.run(
            edits=args.edits or (3 if args.quick else 9),
            preview_sizes=preview if args.preview_stories is None else args.preview_stories,
            full_sizes=full if args.full_reload_stories is None else args.full_reload_stories,
            full_edits=2 if args.quick else 3,
        )
    if part == "weight":
        return weight.run()
    if part == "lighthouse":
        runs = args.lighthouse_runs or (1 if args.quick else 3)
        return lighthouse.run(runs, timeline_runs=1 if args.quick else lighthouse.TIMELINE_RUNS)
    if part == "search":
        return search.run(args.sizes or (QUICK_SIZES if args.quick else SEARCH_SIZES))
    if part == "chart":
        return chart.run(repeats=args.repeats or (3 if args.quick else 9))
    if part == "archive":
        return archive.run(args.sizes or ([1, 10] if args.quick else archive.DEFAULT_SIZES))
    if part == "split":
        sizes = args.sizes or ([10] if args.quick else split.DEFAULT_SIZES)
        return split.run(sizes, shards=args.shards or (2 if args.quick else split.DEFAULT_SHARDS))
    raise ValueError(part)


def _key(part: str, args: argparse.Namespace) -> str:
    """Where a part's results are kept: a whole-build profile beside the generator's."""
    return "profile-mkdocs" if part == "profile" and args.profile_mkdocs else part


def _merge_sizes(old: dict[str, Any] | None, new: dict[str, Any]) -> dict[str, Any]:
    """Keep the sizes measured before that this run did not measure again."""
    for size in new["sizes"]:
        size["when"], size["commit"] = new["when"], new["commit"]
    measured = {size["stories"] for size in new["sizes"]}
    kept = [s for s in (old or {}).get("sizes", []) if s["stories"] not in measured]
    sizes = sorted([*kept, *new["sizes"]], key=lambda size: size["stories"])
    return {**new, "sizes": sizes, "growth": scale.growth(sizes)}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python bench/run.py", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "part", nargs="?", default="all", choices=["all", *PARTS, "archive", "split", "report"]
    )
    parser.add_argument("--quick", action="store_true", help="1 and 10 stories, fewer repeats")
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        help=f"numbers of stories (default {DEFAULT_SIZES}; for search, {SEARCH_SIZES})",
    )
    parser.add_argument(
        "--repeats", type=int, help="runs per stage and size (default: 5, 5, 3 for 100, 1 for 300)"
    )
    parser.add_argument("--edits", type=int, help="edits timed by the reload benchmark (9)")
    parser.add_argument(
        "--preview-stories",
        type=int,
        nargs="*",
        help=f"synthetic stories under content/ when timing the one-story preview "
        f"(make serve STORY=<id>; default {PREVIEW_SIZES}; none: skip)",
    )
    parser.add_argument(
        "--full-reload-stories",
        type=int,
        nargs="*",
        help=f"synthetic stories when timing the whole site's reload, the preview's baseline "
        f"(default {FULL_RELOAD_SIZES}, 3 edits: about 5 minutes; none: skip)",
    )
    parser.add_argument(
        "--shards", type=int, help=f"shards of the split build (default {split.DEFAULT_SHARDS})"
    )
    parser.add_argument("--lighthouse-runs", type=int, help="Lighthouse runs per page (3)")
    parser.add_argument(
        "--profile-stories", type=int, help="stories of the large profile (largest size, ≤ 100)"
    )
    parser.add_argument(
        "--profile-mkdocs", action="store_true", help="profile the whole mkdocs build (slow)"
    )
    parser.add_argument(
        "--no-readme", dest="readme", action="store_false", help="keep bench/README.md as it is"
    )
    return parser


def _read(path: Path) -> dict[str, Any]:
    if path.exists():
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return data
    return {}


def _write(path: Path, results: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())

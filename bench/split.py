"""A newsroom's archive built in shards (generator/publish/shards.py) against one build of
the same stories, in the same run.

For each size (1,000 synthetic stories by default, ``synth.py``): one ``mkdocs build
--strict`` as ``make site`` runs it (the baseline), then the ``--shards`` shards one after
the other as ``make site-shard`` runs each (on a runner of its own in the deploy's matrix,
so each is timed alone), then ``python -m generator merge`` as ``make site-merge`` runs it
(the merge, the sitemap and Pagefind's index). The split build's wall time on as many
runners as shards is its longest shard plus the merge; it is given as a ratio of the one
build's. The merged site is compared with the one build's, file by file.

    python bench/run.py split [--sizes 1000] [--shards 4]     (make bench-split)

What a runner adds is not measured here: setting up Python and the dependencies (about a
minute each in the deploy workflow's jobs) and moving each shard's folder as an artifact.
The target (issue 26): a split build of 3,000 stories within the deploy's 20 minutes.
"""

from __future__ import annotations

import filecmp
import shutil
import tempfile
from pathlib import Path
from typing import Any

from bench import synth, util
from generator.publish.shards import Shard

DEFAULT_SIZES = [1000]
DEFAULT_SHARDS = 4
TARGET_S = 20 * 60.0
"""The deploy's build job's time limit (``deploy.yml``): 20 minutes."""


def run(sizes: list[int] | None = None, shards: int = DEFAULT_SHARDS) -> dict[str, Any]:
    """Build each size once whole and once in ``shards`` shards; the results as plain data."""
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-split-") as scratch:
        for size in sizes or DEFAULT_SIZES:
            print(f"split: {size} stories, {shards} shards", flush=True)
            results.append(measure_size(Path(scratch), size, shards))
            done = results[-1]
            print(
                f"  one build {done['whole']['seconds']:.0f} s; longest shard "
                f"{done['longest_shard_s']:.0f} s + merge {done['merge']['seconds']:.0f} s: "
                f"x{done['ratio']:.2f}; identical: {done['identical']}",
                flush=True,
            )
    return {"when": util.now(), "machine": util.machine(), "sizes": results}


def measure_size(scratch: Path, size: int, count: int) -> dict[str, Any]:
    """One whole build of ``size`` synthetic stories and one split in ``count`` shards."""
    content = scratch / f"content-{size}"
    synth.write_content(content, size)
    env = {"EXPLAINER_CONTENT": str(content)}
    whole_dir = scratch / f"whole-{size}"
    mkdocs = [util.PYTHON, "-m", "mkdocs", "build", "--strict"]
    load_before = util.load()
    whole = util.measure([*mkdocs, "--site-dir", str(whole_dir)], env=env)
    folders, shard_runs = [], []
    for number in range(1, count + 1):
        shard = Shard(number, count)
        folder = scratch / "shards" / shard.folder
        shard_env = {**env, "EXPLAINER_SHARD": str(shard)}
        shard_runs.append(util.measure([*mkdocs, "--dirty", "--site-dir", str(folder)], shard_env))
        folders.append(folder)
    merged_dir = scratch / f"merged-{size}"
    merge = util.measure(
        [util.PYTHON, "-m", "generator", "merge", *map(str, folders), "--out", str(merged_dir)]
    )
    load_after = util.load()
    identical = _identical(whole_dir, merged_dir)
    for folder in (whole_dir, merged_dir, scratch / "shards", content):
        shutil.rmtree(folder, ignore_errors=True)
    longest = max(run.seconds for run in shard_runs)
    return {
        "stories": size,
        "shards": count,
        "whole": _figures(whole),
        "shard_runs": [_figures(run) for run in shard_runs],
        "merge": _figures(merge),
        "longest_shard_s": round(longest, 1),
        "split_s": round(longest + merge.seconds, 1),
        "ratio": round((longest + merge.seconds) / whole.seconds, 3),
        "identical": identical,
        "load": [load_before, load_after],
        "commit": util.commit(),
    }


def _figures(run: util.Run) -> dict[str, Any]:
    return {
        "seconds": round(run.seconds, 1),
        "cpu_seconds": round(run.cpu_seconds, 1),
        "peak_mb": round(run.peak_mb),
    }


def _identical(one: Path, other: Path) -> bool:
    """Whether two sites hold the same files with the same bytes."""
    names = sorted(p.relative_to(one).as_posix() for p in one.rglob("*") if p.is_file())
    others = sorted(p.relative_to(other).as_posix() for p in other.rglob("*") if p.is_file())
    if names != others:
        return False
    _, mismatch, errors = filecmp.cmpfiles(one, other, names, shallow=False)
    return not mismatch and not errors


def targets(result: dict[str, Any]) -> list[list[Any]]:
    """The target rows: the split build within the deploy's 20 minutes, the same site."""
    rows: list[list[Any]] = []
    for size in result["sizes"]:
        rows.append([
            f"Split build: {size['stories']} stories in {size['shards']} shards within the "
            "deploy's 20 minutes (longest shard + merge)",
            f"{size['split_s']:.0f} s (one build {size['whole']['seconds']:.0f} s: "
            f"x{size['ratio']:.2f})",
            size["split_s"] <= TARGET_S,
        ])  # fmt: skip
        rows.append([
            f"Split build: {size['stories']} stories merged byte for byte as one build",
            "identical" if size["identical"] else "differs",
            size["identical"],
        ])  # fmt: skip
    return rows


HEADER = [
    "Stories", "Shards", "One build", "Peak memory", "Shards (each)", "Peak memory a shard",
    "Merge", "Split on N runners", "Ratio", "Same bytes", "Load avg",
]  # fmt: skip


def rows(result: dict[str, Any]) -> list[list[Any]]:
    """One row a size."""
    return [
        [
            s["stories"],
            s["shards"],
            f"{s['whole']['seconds']:.0f} s",
            f"{s['whole']['peak_mb']} MB",
            ", ".join(f"{r['seconds']:.0f}" for r in s["shard_runs"]) + " s",
            f"{max(r['peak_mb'] for r in s['shard_runs'])} MB",
            f"{s['merge']['seconds']:.0f} s",
            f"{s['split_s']:.0f} s",
            f"x{s['ratio']:.2f}",
            "yes" if s["identical"] else "no",
            f"{s['load'][0]} to {s['load'][1]}",
        ]
        for s in result["sizes"]
    ]

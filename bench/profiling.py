"""Where the generator's time goes, and whether any of it grows faster than the content.

Runs ``build_site`` under cProfile on 10 synthetic stories and on N, and compares each
function's cumulative time per story: a ratio near 1 is linear; a ratio near N/10 is
quadratic. With ``--mkdocs``, profiles the whole ``mkdocs build`` the same way (slow).
"""

from __future__ import annotations

import cProfile
import os
import pstats
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from bench import synth, util

TOP = 15


def run(large: int, small: int = 10, whole_build: bool = False) -> dict[str, Any]:
    """Profiles at ``small`` and ``large`` stories; the functions that grow fastest."""
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as scratch:
        stats = {}
        for size in (small, large):
            content = Path(scratch) / f"content-{size}"
            synth.write_content(content, size)
            print(f"profile: {size} stories ({'mkdocs build' if whole_build else 'build_site'})")
            stats[size] = (
                _profile_build(content, Path(scratch)) if whole_build else _profile(content)
            )
    return {
        "when": util.now(),
        "target": "mkdocs build" if whole_build else "generator.render.build.build_site",
        "small": small,
        "large": large,
        "total_seconds": {str(size): round(_total(s), 2) for size, s in stats.items()},
        "functions": _compare(stats[small], stats[large], small, large),
        "hot": _hot(stats[large]),
    }


def _profile(content: Path) -> pstats.Stats:
    from generator.render.build import build_site

    profiler = cProfile.Profile()
    profiler.runcall(build_site, content)
    return pstats.Stats(profiler)


def _profile_build(content: Path, scratch: Path) -> pstats.Stats:
    output = scratch / f"{content.name}.prof"
    command = [util.PYTHON, "-m", "cProfile", "-o", str(output), "-m", "mkdocs", "build"]
    subprocess.run(
        [*command, "--site-dir", str(scratch / "site")],
        cwd=util.ROOT,
        env={**util.BASE_ENV, "EXPLAINER_CONTENT": str(content)},
        check=True,
        capture_output=True,
    )
    return pstats.Stats(str(output))


def _total(stats: pstats.Stats) -> float:
    return float(stats.total_tt)  # type: ignore[attr-defined]


def _name(key: tuple[str, int, str]) -> str:
    filename, line, function = key
    for marker in ("site-packages/", str(util.ROOT) + os.sep):
        if marker in filename:
            filename = filename.split(marker, 1)[1]
    return f"{filename}:{line}:{function}"


LOAD_MODULES = ("load.py", "yamlsource.py", "validation.py", "references.py", "models.py")
WRAPPERS = ("build_site", "load_stories", "load_story", "on_files", "_load_file")


def _hot(stats: pstats.Stats) -> list[dict[str, Any]]:
    """The generator's own functions with the largest cumulative time (not the wrappers)."""
    total = _total(stats)
    rows = []
    for key, value in stats.stats.items():  # type: ignore[attr-defined]
        filename, _, function = key
        if os.sep + "generator" + os.sep not in filename or function in WRAPPERS:
            continue
        share = value[3] / total
        if share >= 0.05:
            stage = "load" if filename.endswith(LOAD_MODULES) else "render"
            rows.append({"function": _name(key), "share": round(share, 3), "stage": stage})
    rows.sort(key=lambda row: row["share"], reverse=True)
    kept: list[dict[str, Any]] = []
    for row in rows:  # a callee in the same module with almost its caller's time adds nothing
        module = row["function"].split(":", 1)[0]
        if not any(
            k["function"].startswith(module) and k["share"] - row["share"] < 0.1 for k in kept
        ):
            kept.append(row)
    return kept[:5]


def _compare(
    small: pstats.Stats, large: pstats.Stats, small_n: int, large_n: int
) -> list[dict[str, Any]]:
    """Functions taking at least 2% of the large run, by growth of their time per story."""
    small_cum = {key: value[3] for key, value in small.stats.items()}  # type: ignore[attr-defined]
    total = _total(large)
    rows = []
    for key, value in large.stats.items():  # type: ignore[attr-defined]
        calls, cumulative = value[1], value[3]
        if cumulative < 0.02 * total or key not in small_cum or small_cum[key] <= 0:
            continue
        ratio = (cumulative / large_n) / (small_cum[key] / small_n)
        rows.append(
            {
                "function": _name(key),
                "calls": calls,
                "seconds": round(cumulative, 2),
                "share": round(cumulative / total, 3),
                "per_story_ratio": round(ratio, 2),
            }
        )
    rows.sort(key=lambda row: row["per_story_ratio"], reverse=True)
    return rows[:TOP]

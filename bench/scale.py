"""Build time and memory at scale: check, generate, full build, and a hook-less baseline.

For each size, synthetic content (``synth.py``) is written once, then each repeat runs,
one after another:

- check:    ``python -m generator check DIR``
- generate: ``python -m generator build --out OUT DIR`` (the generator alone)
- build:    ``mkdocs build --strict`` with ``EXPLAINER_CONTENT=DIR`` (the hook runs the generator)
- plain:    ``mkdocs build --strict`` of the Markdown that ``generate`` wrote, with no hook
            (a temporary mkdocs.yml inheriting the repository's, ``hooks: []``, the same
            navigation the hook would set): the baseline.

``build - plain`` is what the generator adds to a build; its share of ``build`` is the
figure held against the 10% target.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from bench import synth, util

DEFAULT_REPEATS = {1: 5, 10: 5, 100: 3, 300: 1}
STAGES = ("check", "generate", "build", "plain")

HOOK_SHARE_TARGET = 0.10
"""At 100 stories, the most of the whole build the hook may take: (build - plain) / build."""
CHECK_TARGET_S = 1.0
"""At 100 stories, the longest ``check`` may take."""
LINEAR_TOLERANCE = 1.2
"""How much the time per story may grow from 10 stories to the largest size measured and
still count as linear."""


def run(sizes: list[int], repeats: int | None = None, work: Path | None = None) -> dict[str, Any]:
    """Measure every size; returns the results as plain data."""
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-scale-", dir=work) as scratch:
        for size in sizes:
            count = repeats or DEFAULT_REPEATS.get(size, 3)
            print(f"scale: {size} stories, {count} run(s) of each stage", flush=True)
            results.append(measure_size(Path(scratch), size, count))
            _print_size(results[-1])
    return {
        "when": util.now(),
        "machine": util.machine(),
        "sizes": results,
        "growth": growth(results),
    }


def measure_size(scratch: Path, size: int, repeats: int) -> dict[str, Any]:
    """Every stage for one size, ``repeats`` times, interleaved so drift hits all alike."""
    content = scratch / f"content-{size}"
    synth.write_content(content, size)
    docs = scratch / f"docs-{size}"
    runs: dict[str, list[util.Run]] = {stage: [] for stage in STAGES}
    load_before = util.load()
    for index in range(repeats):
        runs["check"].append(util.measure([util.PYTHON, "-m", "generator", "check", str(content)]))
        out = scratch / f"out-{size}-{index}"
        runs["generate"].append(
            util.measure([util.PYTHON, "-m", "generator", "build", "--out", str(out), str(content)])
        )
        if index == 0:
            (out / "docs").rename(docs)
            shutil.rmtree(out)
            plain_config = _plain_config(scratch, docs, content)
        else:
            shutil.rmtree(out)
        site = scratch / f"site-{size}"
        runs["build"].append(util.measure(_mkdocs(site), env={"EXPLAINER_CONTENT": str(content)}))
        shutil.rmtree(site)
        runs["plain"].append(util.measure([*_mkdocs(site), "--config-file", str(plain_config)]))
        if index == 0:
            pages = sum(1 for _ in site.rglob("index.html"))
            site_mb = sum(f.stat().st_size for f in site.rglob("*") if f.is_file()) / 1024**2
        shutil.rmtree(site)
    shutil.rmtree(docs)
    shutil.rmtree(content)
    return _derive(size, repeats, runs, pages, site_mb, load_before)


def _mkdocs(site: Path) -> list[str]:
    return [util.PYTHON, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]


def _plain_config(scratch: Path, docs: Path, content: Path) -> Path:
    """A mkdocs.yml for the written-out Markdown: no hook, same navigation as the hook's."""
    folder = scratch / "plain"
    folder.mkdir(exist_ok=True)
    return util.mkdocs_config(
        folder, docs_dir=str(docs), plugins=[], watch=[], nav=hook_nav(content)
    )


def hook_nav(content: Path) -> list[Any]:
    """The ``nav`` the hook sets (:func:`generator.render.navigation.mkdocs_nav`)."""
    from generator.render.build import build_site
    from generator.render.navigation import mkdocs_nav

    docs = util.ROOT / "docs"
    static = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    return mkdocs_nav(build_site(content).nav, static)


def _derive(
    size: int,
    repeats: int,
    runs: dict[str, list[util.Run]],
    pages: int,
    site_mb: float,
    load_before: float,
) -> dict[str, Any]:
    stages = {stage: util.summarise(stage_runs) for stage, stage_runs in runs.items()}
    build, plain = stages["build"]["seconds"], stages["plain"]["seconds"]
    return {
        "stories": size,
        "repeats": repeats,
        "pages": pages,
        "site_mb": round(site_mb, 1),
        **stages,
        "hook_seconds": round(build - plain, 3),
        "hook_share": round((build - plain) / build, 3),
        "generate_share": round(stages["generate"]["seconds"] / build, 3),
        "build_over_plain": round(build / plain, 3),
        "load": [load_before, util.load()],
    }


def growth(results: list[dict[str, Any]]) -> dict[str, Any]:
    """Time per story at the largest size over time per story at 10 (1 = linear).

    Time per story is the time beyond that of one story (Python's start-up, imports and
    MkDocs' fixed work), divided by the stories beyond the first, when one story was
    measured on the same commit; else the whole time divided by the stories. Only sizes
    measured on the same commit as the 10 stories are compared.
    """
    by_size = {r["stories"]: r for r in results}
    if 10 not in by_size:
        return {}
    small = by_size[10]
    same = [r for r in results if r.get("commit") == small.get("commit") and r["stories"] > 10]
    if not same:
        return {}
    big = max(same, key=lambda r: r["stories"])
    one = by_size.get(1)
    marginal = one is not None and one.get("commit") == small.get("commit")

    def per_story(result: dict[str, Any], stage: str) -> float:
        if marginal:
            assert one is not None
            extra = result[stage]["seconds"] - one[stage]["seconds"]
            return float(extra / (result["stories"] - 1))
        return float(result[stage]["seconds"] / result["stories"])

    ratios = {stage: round(per_story(big, stage) / per_story(small, stage), 2) for stage in STAGES}
    return {"from": 10, "to": big["stories"], "marginal": marginal, **ratios}


def _print_size(result: dict[str, Any]) -> None:
    figures = ", ".join(
        f"{stage} {result[stage]['seconds']:.2f} s ({result[stage]['peak_mb']:.0f} MB)"
        for stage in STAGES
    )
    print(f"  {result['stories']} stories: {figures}; hook share {result['hook_share']:.0%}")

"""The results section of bench/README.md, written from bench/results/latest.json.

Everything between the two markers of the README is replaced; the rest is left alone.
Each missed target says by how much, and why, from what the run measured.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from bench import scale as scale_sizes
from bench import util

START = "<!-- results:start (written by bench/run.py; edit outside these markers) -->"
END = "<!-- results:end -->"
README = util.BENCH / "README.md"

LOCAL = re.compile(r"https?://127\.0\.0\.1:\d+")  # the local server's origin, new each run
HOOK_SHARE_TARGET = 0.10
CHECK_TARGET_S = 1.0
RELOAD_TARGET_S = 2.0
LINEAR_TOLERANCE = 1.2  # per-story time may grow this much and still count as linear


def write_readme(results: dict[str, Any], readme: Path = README) -> None:
    """Replace the README's results section with tables of ``results``."""
    text = readme.read_text(encoding="utf-8")
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    readme.write_text(f"{before}{START}\n{render(results)}\n{END}{after}", encoding="utf-8")


def render(results: dict[str, Any]) -> str:
    """The results section, in Markdown."""
    parts = [
        _machine(results),
        "### Targets\n\n"
        + _table(["Target", "Measured", "Met", "By how much, and why"], targets(results)),
    ]
    if "scale" in results:
        parts.append(_scale(results["scale"]))
    for key in ("profile", "profile-mkdocs"):
        if key in results:
            parts.append(_profile(results[key]))
    if "reload" in results:
        parts.append(_reload(results["reload"]))
    if "weight" in results:
        parts.append(_weight(results["weight"]))
    if "lighthouse" in results:
        parts.append(_lighthouse(results["lighthouse"]))
    return "\n\n".join(parts) + "\n"


def _table(header: list[str], rows: list[list[Any]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _machine(results: dict[str, Any]) -> str:
    machine = next((r["machine"] for r in results.values() if "machine" in r), util.machine())
    lines = [
        f"Machine: {machine['cpu']}, {machine['cores']} cores, {machine['memory_gb']} GB; "
        f"{machine['os']}; Python {machine['python']}; {machine['packages']}; "
        f"{machine['chromium']}; Node.js {machine['node']}.",
        "",
        "| Part | Measured | Commit | Command |",
        "|---|---|---|---|",
    ]
    for name in ("scale", "profile", "profile-mkdocs", "reload", "weight", "lighthouse"):
        if name in results:
            part = results[name]
            lines.append(
                f"| {name} | {part['when']} | {part.get('commit', '?')} | `{part['command']}` |"
            )
    return "\n".join(lines)


# --- targets ---------------------------------------------------------------------------


def targets(results: dict[str, Any]) -> list[list[str]]:
    """One row per target: what was measured, whether it is met, and why not."""
    rows: list[list[str]] = []
    scale = results.get("scale")
    if scale:
        rows += _scale_targets(scale, results.get("profile"))
    if "reload" in results:
        seconds = results["reload"]["seconds"]
        met = seconds < RELOAD_TARGET_S
        rows.append(
            [
                "YAML edit visible in the served page < 2 s",
                f"{seconds:.2f} s (median of {results['reload']['edits']} edits)",
                _mark(met),
                "" if met else f"{seconds - RELOAD_TARGET_S:.2f} s over; see Reload below",
            ]
        )
        rows += _preview_targets(results["reload"])
    if "weight" in results:
        rows += _weight_targets(results["weight"])
    if "lighthouse" in results:
        rows += _lighthouse_targets(results["lighthouse"])
    return rows


def _preview_targets(reload: dict[str, Any]) -> list[list[str]]:
    """The one-story preview's target, at the most stories it was measured with."""
    previews = [r for r in reload.get("synthetic", []) if r["preview"]]
    if not previews:
        return []
    largest = max(previews, key=lambda r: r["stories"])
    seconds, met = largest["seconds"], largest["seconds"] < RELOAD_TARGET_S
    return [
        [
            f"One-story preview (`make serve STORY=<id>`), {largest['stories']} stories "
            "under content/: edit visible < 2 s",
            f"{seconds:.2f} s (median of {largest['edits']} edits)",
            _mark(met),
            "" if met else f"{seconds - RELOAD_TARGET_S:.2f} s over; see Reload below",
        ]
    ]


def _mark(met: bool | None) -> str:
    return {True: "yes", False: "**no**", None: "n/a"}[met]


def _scale_targets(scale: dict[str, Any], profile: dict[str, Any] | None) -> list[list[str]]:
    by_size = {r["stories"]: r for r in scale["sizes"]}
    rows = []
    hundred = by_size.get(100)
    if hundred:
        share = hundred["hook_share"]
        met = share <= HOOK_SHARE_TARGET
        why = (
            f"{(share - HOOK_SHARE_TARGET) * 100:.1f} percentage points over: the hook adds "
            f"{hundred['hook_seconds']:.1f} s. The generator alone (`generate`) takes "
            f"{hundred['generate']['seconds']:.1f} s, loading and checking "
            f"(`check`) {hundred['check']['seconds']:.1f} s of it, so rendering the pages "
            "takes most" + _top_cost(profile)
        )
        rows.append(
            [
                "Generator ≤ 10% of the whole build (100 stories)",
                f"{share:.0%}: build {hundred['build']['seconds']:.1f} s, hook-less build "
                f"{hundred['plain']['seconds']:.1f} s",
                _mark(met),
                "" if met else why,
            ]
        )
        check = hundred["check"]["seconds"]
        met = check < CHECK_TARGET_S
        rows.append(
            [
                "Check of 100 stories < 1 s",
                f"{check:.2f} s",
                _mark(met),
                "" if met else _check_why(check, by_size),
            ]
        )
    growth = scale_sizes.growth(scale["sizes"])
    if growth:
        worst = max(("check", "generate", "build", "plain"), key=lambda s: growth[s])
        met = growth[worst] <= LINEAR_TOLERANCE
        small, big = by_size[growth["from"]], by_size[growth["to"]]
        page_kb = [s["site_mb"] * 1024 / s["pages"] for s in (small, big)]
        over = [s for s in ("check", "generate", "build", "plain") if growth[s] > LINEAR_TOLERANCE]
        why = (
            f"per-story time grows more than x{LINEAR_TOLERANCE}: "
            + ", ".join(f"{s} x{growth[s]:.2f}" for s in over)
            + f" (the generator alone x{growth['generate']:.2f}, the hook-less MkDocs build "
            f"x{growth['plain']:.2f}). "
        )
        one = by_size.get(1)
        if one is not None:
            why += (
                "Time per story beyond the first: "
                + "; ".join(
                    f"{s} {_marginal_ms(small, one, s):.1f} ms at {growth['from']}, "
                    f"{_marginal_ms(big, one, s):.1f} ms at {growth['to']}"
                    for s in over
                )
                + ". "
            )
        if page_kb[1] > 1.3 * page_kb[0]:
            why += (
                f"The output per page grows with the number of stories: {page_kb[0]:.0f} KB "
                f"per page at {growth['from']} stories, {page_kb[1]:.0f} KB at {growth['to']} "
                "(the navigation of every page lists every story)"
            )
        rows.append(
            [
                f"Build time linear ({growth['from']} → {growth['to']} stories)",
                ", ".join(
                    f"{stage} x{growth[stage]:.2f}"
                    for stage in ("check", "generate", "build", "plain")
                )
                + " per story",
                _mark(met),
                "" if met else why,
            ]
        )
    return rows


def _marginal_ms(result: dict[str, Any], one: dict[str, Any], stage: str) -> float:
    extra = result[stage]["seconds"] - one[stage]["seconds"]
    return float(extra / (result["stories"] - 1) * 1000)


def _check_why(check: float, by_size: dict[int, dict[str, Any]]) -> str:
    """How much over, split into a fixed cost (one story) and a cost per story."""
    why = f"{check - CHECK_TARGET_S:.2f} s over ({check / CHECK_TARGET_S - 1:.0%})"
    if 1 in by_size:
        fixed = by_size[1]["check"]["seconds"]
        per_story = (check - fixed) / 99
        why += (
            f": {fixed:.2f} s whatever the size (Python start-up, imports, one story) and "
            f"{per_story * 1000:.1f} ms per story"
        )
    return why


def _top_cost(profile: dict[str, Any] | None, check_only: bool = False) -> str:
    if not profile or not profile.get("hot"):
        return ""
    hot = profile["hot"]
    names = [h for h in hot if not check_only or h.get("stage") == "load"] or hot
    listed = "; ".join(f"{h['function']} {h['share']:.0%}" for h in names[:3])
    return f". Largest costs in build_site ({profile['large']} stories, cProfile): {listed}"


def _weight_targets(weight: dict[str, Any]) -> list[list[str]]:
    pages = weight["pages"]
    plain = [p for p in pages if not p["has_chart"]]
    charts = [p for p in pages if p["has_chart"]]
    baseline = weight["baseline"]["after"]["kb"]
    rows = []
    if plain:
        worst = max(plain, key=lambda p: p["overhead_kb"])
        median = util.median([p["overhead_kb"] for p in plain])
        failing = [p for p in plain if not p["ok"]]
        met = not failing
        why = (
            f"{len(failing)} of {len(plain)} pages over; the worst, {worst['page']}, by "
            f"{worst['overhead_kb'] - 20:.1f} KB: {_extra_kinds(worst, weight['baseline'])}"
        )
        rows.append(
            [
                "Page without a chart ≤ plain Material page + 20 KB (gzipped)",
                f"plain page {baseline:.1f} KB; ours +{median:.1f} KB median, "
                f"+{worst['overhead_kb']:.1f} KB worst ({worst['page']})",
                _mark(met),
                "" if met else why,
            ]
        )
    if charts:
        for page in charts:
            reasons = []
            if page["after"]["kb"] > 500:
                reasons.append(f"{page['after']['kb'] - 500:.0f} KB over 500 KB")
            if not page.get("plotly_after_paint"):
                reasons.append(
                    "plotly.js requested before the first contentful paint "
                    f"({page.get('plotly_requested_ms')} ms vs {page.get('fcp_ms')} ms)"
                )
            if not page.get("chart_drawn"):
                reasons.append("the chart did not draw")
            rows.append(
                [
                    "Chart page ≤ 500 KB in all; plotly.js after first paint",
                    f"{page['page']}: {page['after']['kb']:.0f} KB, {page['after']['requests']} "
                    f"requests; first paint {page.get('fcp_ms')} ms, plotly.js requested at "
                    f"{page.get('plotly_requested_ms')} ms",
                    _mark(page["ok"]),
                    "; ".join(reasons),
                ]
            )
    else:
        rows.append(
            [
                "Chart page ≤ 500 KB in all; plotly.js after first paint",
                "no page of the built site has the chart yet",
                _mark(None),
                "the timeline chart is not on the timeline page in this build; rerun when it is",
            ]
        )
    return rows


def _longest(page: dict[str, Any]) -> str:
    """The longest main-thread task, which Total Blocking Time mostly counts."""
    for audit in page["failing"]:
        if audit["id"] == "long-tasks" and audit["items"]:
            return f". Longest main-thread task: {LOCAL.sub('', audit['items'][0])}"
    return ""


def _extra_kinds(page: dict[str, Any], baseline: dict[str, Any]) -> str:
    ours, theirs = page["after"]["by_kind"], baseline["after"]["by_kind"]
    extra = {k: ours.get(k, 0) - theirs.get(k, 0) for k in set(ours) | set(theirs)}
    top = sorted(extra.items(), key=lambda item: item[1], reverse=True)[:3]
    return ", ".join(f"{kind} +{kb:.1f} KB" for kind, kb in top)


def _lighthouse_targets(lighthouse: dict[str, Any]) -> list[list[str]]:
    rows = []
    for name, page in lighthouse["pages"].items():
        if name.startswith("plain"):
            continue
        scores = page["scores"]
        missed = [
            f"{category} {scores[category]} < {target}"
            for category, target in lighthouse["targets"].items()
            if scores[category] < target
        ]
        missed_categories = {c for c, t in lighthouse["targets"].items() if scores[c] < t}
        audits = sorted(
            {
                f"{a['id']}" + (f" ({a['display']})" if a.get("display") else "")
                for a in page["failing"]
                if a["weight"] > 0 and a["category"] in missed_categories
            }
        )
        rows.append(
            [
                f"Lighthouse, {name} page: 100 / 100 / 100, performance ≥ 95",
                " / ".join(
                    f"{scores[c]}"
                    for c in ("performance", "accessibility", "best-practices", "seo")
                )
                + " (perf / a11y / best practices / SEO)",
                _mark(not missed),
                ""
                if not missed
                else "; ".join(missed) + ": failing audits " + ", ".join(audits) + _longest(page),
            ]
        )
    return rows


# --- detail tables ---------------------------------------------------------------------


def _scale(scale: dict[str, Any]) -> str:
    rows = []
    for r in scale["sizes"]:
        rows.append(
            [
                r["stories"],
                r["pages"],
                r["repeats"],
                *(
                    f"{r[stage]['seconds']:.2f} s / {r[stage]['peak_mb']:.0f} MB"
                    for stage in ("check", "generate", "build", "plain")
                ),
                f"{r['hook_seconds']:.2f} s",
                f"{r['hook_share']:.0%}",
                f"{r['generate_share']:.0%}",
                f"{r['site_mb']:.0f} MB",
                f"{r['search_index_gz_kb']:.0f} KB" if r.get("search_index_gz_kb") else "",
                " to ".join(str(x) for x in r["load"]),
                r.get("when", scale["when"]).removesuffix(" UTC"),
                r.get("commit", scale.get("commit", "?")),
            ]
        )
    table = _table(
        [
            "Stories",
            "Pages",
            "Runs",
            "check",
            "generate",
            "build",
            "plain (baseline)",
            "build - plain",
            "hook share",
            "generate / build",
            "site size",
            "search index (gz)",
            "load avg",
            "measured (UTC)",
            "commit",
        ],
        rows,
    )
    text = (
        "### Build time at scale\n\n"
        "Median wall time / peak resident memory of each command (a new process each run; "
        "Python's start-up included). `check`: `python -m generator check DIR`; `generate`: "
        "`python -m generator build --out OUT DIR`; `build`: `mkdocs build --strict` with "
        "`EXPLAINER_CONTENT=DIR`; `plain`: `mkdocs build --strict` of the Markdown "
        "`generate` wrote, without the hook, same navigation. Hook share = (build - plain) / "
        "build. Load avg: the machine's one-minute load average before and after (2 cores; "
        "other work on the machine makes the figures noisier).\n\n" + table
    )
    growth = scale_sizes.growth(scale["sizes"])
    if growth:
        per = "beyond the first story" if growth.get("marginal") else ""
        text += (
            f"\n\nTime per story {per} at {growth['to']} stories over that at "
            f"{growth['from']} (1.00 = linear; sizes of the same commit only): "
            + ", ".join(
                f"{stage} x{growth[stage]:.2f}" for stage in ("check", "generate", "build", "plain")
            )
            + "."
        )
    return text


def _profile(profile: dict[str, Any]) -> str:
    rows = [
        [f"`{f['function']}`", f["calls"], f"{f['seconds']:.2f} s", f"{f['share']:.0%}",
         f"x{f['per_story_ratio']:.2f}"]
        for f in profile["functions"]
    ]  # fmt: skip
    hot = "; ".join(f"`{h['function']}` {h['share']:.0%}" for h in profile.get("hot", []))
    return (
        f"### Profile of {profile['target']}\n\n"
        f"cProfile at {profile['small']} and {profile['large']} stories "
        f"({profile['total_seconds'][str(profile['small'])]} s and "
        f"{profile['total_seconds'][str(profile['large'])]} s under the profiler). Functions "
        "taking at least 2% of the large run, by growth of their time per story "
        "(x1 = linear, "
        f"x{profile['large'] / profile['small']:.0f} = quadratic).\n\n"
        + _table(["Function", "Calls", "Time", "Share", "Per story, large / small"], rows)
        + (f"\n\nLargest own costs of the generator: {hot}." if hot else "")
    )


def _reload(reload: dict[str, Any]) -> str:
    runs = ", ".join(f"{t:.2f}" for t in reload["runs"])
    return (
        "### Reload\n\n"
        f"`mkdocs serve` on a copy of content/ ({reload['story']}); one word appended to a "
        "key fact in story.yml, then the story page polled every 20 ms until it shows the "
        f"word. Median {reload['seconds']:.2f} s over {reload['edits']} edits (each, s: "
        f"{runs}); {reload['rebuilds_seen']} rebuilds logged. MkDocs polls the watched "
        "folders every 0.5 s and waits 0.1 s for more changes before it rebuilds, so about "
        "0.35 s of each figure is detection, the rest the rebuild."
        + _synthetic_reload(reload.get("synthetic", []))
    )


def _synthetic_reload(runs: list[dict[str, Any]]) -> str:
    """The same edit with synthetic stories: one story previewed, or the whole site."""
    if not runs:
        return ""
    rows = [
        [
            r["stories"],
            "one story (`EXPLAINER_STORY`, as `make serve STORY=<id>`)"
            if r["preview"]
            else "the whole site (`make serve`)",
            r["edits"],
            f"{r['seconds']:.2f} s",
            ", ".join(f"{t:.2f}" for t in r["runs"]),
            r["rebuilds_seen"],
            r["load"],
        ]
        for r in runs
    ]
    table = _table(
        ["Stories", "Served", "Edits", "Median", "Each (s)", "Rebuilds logged", "Load after"],
        rows,
    )
    return (
        "\n\nThe same edit with N synthetic stories (`synth.py`) under the content folder, "
        "to the first of them:\n\n" + table + _preview_ratios(runs)
    )


def _preview_ratios(runs: list[dict[str, Any]]) -> str:
    """How much sooner the preview shows an edit than the whole site, at the same size."""
    by_kind = {(r["stories"], r["preview"]): r["seconds"] for r in runs}
    ratios = [
        f"at {stories} stories the preview shows an edit x{whole / by_kind[(stories, True)]:.0f} "
        f"sooner ({by_kind[(stories, True)]:.2f} s against {whole:.2f} s)"
        for (stories, preview), whole in sorted(by_kind.items())
        if not preview and (stories, True) in by_kind
    ]
    return f"\n\nBaseline measured in the same run: {'; '.join(ratios)}." if ratios else ""


def _weight(weight: dict[str, Any]) -> str:
    base = weight["baseline"]
    rows = [
        [
            "*plain Material page*",
            base["after"]["requests"],
            f"{base['before']['kb']:.1f}",
            f"{base['after']['kb']:.1f}",
            "",
            "",
            "",
            "",
        ]
    ]
    for page in weight["pages"]:
        rows.append(
            [
                page["page"],
                page["after"]["requests"],
                f"{page['before']['kb']:.1f}",
                f"{page['after']['kb']:.1f}",
                f"{page['overhead_kb']:+.1f}",
                "drawn" if page.get("chart_drawn") else ("not drawn" if page["has_chart"] else ""),
                _order_cell(page),
                "yes" if page["ok"] else "**no**",
            ]
        )
    kinds = ", ".join(f"{k} {v:.1f}" for k, v in base["after"]["by_kind"].items())
    worst = weight["summary"]["worst_overhead"]
    example = next((p for p in weight["pages"] if worst and p["page"] == worst["page"]), None)
    example_kinds = (
        ", ".join(f"{k} {v:.1f}" for k, v in example["after"]["by_kind"].items()) if example else ""
    )
    return (
        "### Page weight\n\n"
        "Headless Chromium, a fresh cache per page, 1280x800. KB = response bodies "
        "gzipped (level 6), summed over every request, web workers' included; before "
        "interaction = after load and 500 ms of network quiet; after = once the pointer is "
        "over the chart's picture (if any), which fetches plotly.js, and Plotly has drawn "
        "it. The site is built with `SITE_URL` set to "
        "the address it is served from, and served gzipped.\n\n"
        f"Plain Material page by kind (KB): {kinds}. "
        + (f"Worst of ours, {example['page']}: {example_kinds}.\n\n" if example else "\n\n")
        + _table(
            [
                "Page",
                "Requests",
                "KB before interaction",
                "KB after chart",
                "KB over plain page",
                "Chart",
                "plotly.js after first paint",
                "Within budget",
            ],
            rows,
        )
    )


def _order_cell(page: dict[str, Any]) -> str:
    if not page["has_chart"]:
        return ""
    return (
        f"{'yes' if page.get('plotly_after_paint') else '**no**'} "
        f"(paint {page.get('fcp_ms')} ms, plotly {page.get('plotly_requested_ms')} ms)"
    )


def _lighthouse(lighthouse: dict[str, Any]) -> str:
    rows = []
    for name, page in lighthouse["pages"].items():
        scores, metrics = page["scores"], page["metrics"]
        rows.append(
            [
                name,
                *(scores[c] for c in ("performance", "accessibility", "best-practices", "seo")),
                *(
                    (metrics.get(m) or "").replace("\u00a0", " ")
                    for m in (
                        "first-contentful-paint",
                        "largest-contentful-paint",
                        "total-blocking-time",
                        "cumulative-layout-shift",
                    )
                ),
            ]
        )
    table = _table(
        [
            "Page",
            "Performance",
            "Accessibility",
            "Best practices",
            "SEO",
            "FCP",
            "LCP",
            "TBT",
            "CLS",
        ],
        rows,
    )
    lines = []
    for audit, groups in _failing_by_audit(lighthouse):
        weight = f"weight {audit['weight']}" if audit["weight"] else "not scored"
        lines.append(f"- **{audit['category']} / `{audit['id']}`** ({weight}): {audit['title']}")
        for pages, display, items in groups:
            shown = f": {display}" if display else ""
            lines.append(f"  - {', '.join(pages)}{shown}")
            lines += ["    - `" + item.replace("`", "'") + "`" for item in items]
    return (
        "### Lighthouse\n\n"
        f"{lighthouse['lighthouse']}, mobile (its defaults: emulated phone, simulated slow "
        f"4G, 4x CPU slowdown), Debian's Chromium headless, localhost; median of "
        f"{lighthouse['runs']} run(s) per page.\n\n"
        + table
        + "\n\nAudits that cost points, in the categories where a page misses its target "
        "(of the run with the median performance score; the plain page for comparison). "
        "Addresses are on the local server.\n\n" + "\n".join(lines).replace("\u00a0", " ")
    )


def _failing_by_audit(lighthouse: dict[str, Any]) -> list[tuple[dict[str, Any], list[Any]]]:
    """Failing audits of the categories each page misses, pages with the same details merged."""
    found: dict[str, dict[str, Any]] = {}
    groups: dict[str, dict[tuple[Any, ...], list[str]]] = {}
    for name, page in lighthouse["pages"].items():
        missed = {c for c, t in lighthouse["targets"].items() if page["scores"][c] < t}
        for audit in page["failing"]:
            if audit["category"] not in missed:
                continue
            found.setdefault(audit["id"], audit)
            items = tuple(LOCAL.sub("", item) for item in audit["items"])
            display = (audit.get("display") or "").replace("\u00a0", " ")
            groups.setdefault(audit["id"], {}).setdefault((display, items), []).append(name)
    order = sorted(found.values(), key=lambda a: (a["category"], -a["weight"], a["id"]))
    return [
        (
            audit,
            [(pages, display, items) for (display, items), pages in groups[audit["id"]].items()],
        )
        for audit in order
    ]

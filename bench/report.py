"""The results section of bench/README.md: tables written from bench/results/latest.json.

Everything between the two markers of the README is replaced; the rest, findings
included, is written by hand. Each budget is read from the module that measures against
it, so a target changes in one place.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import archive, chart, lighthouse, reload, scale, search, split, util, weight

START = "<!-- results:start (written by bench/run.py; edit outside these markers) -->"
END = "<!-- results:end -->"
README = util.BENCH / "README.md"

LOCAL = re.compile(r"https?://127\.0\.0\.1:\d+")  # the local server's origin, new each run
PARTS = (
    "scale",
    "profile",
    "profile-mkdocs",
    "reload",
    "weight",
    "lighthouse",
    "search",
    "chart",
    "archive",
)

Row = list[Any]


def write_readme(results: dict[str, Any], readme: Path = README) -> None:
    """Replace the README's results section with tables of ``results``."""
    text = readme.read_text(encoding="utf-8")
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    readme.write_text(f"{before}{START}\n{render(results)}\n{END}{after}", encoding="utf-8")


def render(results: dict[str, Any]) -> str:
    """The results section, in Markdown: the machine, the targets, then each part's table."""
    sections = [_machine(results), _titled("Targets", _TARGETS_HEADER, targets(results))]
    for part, title, header, rows in _TABLES:
        if part in results:
            sections.append(_titled(title, header, rows(results[part])))
    return "\n\n".join(sections) + "\n"


def _titled(title: str, header: list[str], rows: list[Row]) -> str:
    return f"### {title}\n\n{_table(header, rows)}"


def _table(header: list[str], rows: list[Row]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _machine(results: dict[str, Any]) -> str:
    machine = next((r["machine"] for r in results.values() if "machine" in r), util.machine())
    rows = [
        [name, results[name]["when"], results[name].get("commit", "?"),
         f"`{results[name]['command']}`"]
        for name in PARTS
        if name in results
    ]  # fmt: skip
    return (
        f"Machine: {machine['cpu']}, {machine['cores']} cores, {machine['memory_gb']} GB; "
        f"{machine['os']}; Python {machine['python']}; {machine['packages']}; "
        f"{machine['chromium']}; Node.js {machine['node']}.\n\n"
        + _table(["Part", "Measured", "Commit", "Command"], rows)
    )


def _mark(met: bool | None) -> str:
    return {True: "yes", False: "**no**", None: "n/a"}[met]


# --- targets ---------------------------------------------------------------------------


_TARGETS_HEADER = ["Target", "Measured", "Met"]


def targets(results: dict[str, Any]) -> list[Row]:
    """One row per target: the target, what was measured, whether it is met."""
    rows: list[Row] = []
    if "scale" in results:
        rows += _scale_targets(results["scale"]["sizes"])
    if "reload" in results:
        rows += _reload_targets(results["reload"])
    if "weight" in results:
        rows += _weight_targets(results["weight"])
    if "lighthouse" in results:
        rows += _lighthouse_targets(results["lighthouse"])
        rows += _every_page_targets(results["lighthouse"])
    if "search" in results:
        rows += _search_targets(results["search"]["sizes"])
    if "chart" in results:
        rows += _chart_targets(results["chart"])
    if "archive" in results:
        rows += [
            [target, measured, _mark(met)]
            for target, measured, met in archive.targets(results["archive"])
        ]
    if "split" in results:
        rows += [
            [target, measured, _mark(met)]
            for target, measured, met in split.targets(results["split"])
        ]
    return rows


def _scale_targets(sizes: list[dict[str, Any]]) -> list[Row]:
    rows: list[Row] = []
    hundred = next((r for r in sizes if r["stories"] == 100), None)
    if hundred:
        share, check = hundred["hook_share"], hundred["check"]["seconds"]
        rows.append(
            [
                f"Generator ≤ {scale.HOOK_SHARE_TARGET:.0%} of the whole build (100 stories)",
                f"{share:.0%}: build {hundred['build']['seconds']:.1f} s, hook-less build "
                f"{hundred['plain']['seconds']:.1f} s",
                _mark(share <= scale.HOOK_SHARE_TARGET),
            ]
        )
        rows.append(
            [
                f"Check of 100 stories < {scale.CHECK_TARGET_S:g} s",
                f"{check:.2f} s",
                _mark(check < scale.CHECK_TARGET_S),
            ]
        )
    growth = scale.growth(sizes)
    if growth:
        rows.append(
            [
                f"Build time linear ({growth['from']} → {growth['to']} stories, per story "
                f"x{scale.LINEAR_TOLERANCE} at most)",
                _growth(growth) + " per story",
                _mark(max(growth[stage] for stage in scale.STAGES) <= scale.LINEAR_TOLERANCE),
            ]
        )
    return rows


def _growth(growth: dict[str, Any]) -> str:
    return ", ".join(f"{stage} x{growth[stage]:.2f}" for stage in scale.STAGES)


def _reload_targets(result: dict[str, Any]) -> list[Row]:
    target = f"edit visible < {reload.RELOAD_TARGET_S:g} s"
    rows = [[f"YAML edit of content/ visible in the served page < {reload.RELOAD_TARGET_S:g} s",
             *_reload_measured(result)]]  # fmt: skip
    previews = [r for r in result.get("synthetic", []) if r["preview"]]
    if previews:
        largest = max(previews, key=lambda r: r["stories"])
        rows.append(
            [
                f"One-story preview (`make serve STORY=<id>`), {largest['stories']} stories "
                f"under content/: {target}",
                *_reload_measured(largest),
            ]
        )
    return rows


def _reload_measured(result: dict[str, Any]) -> list[str]:
    seconds = result["seconds"]
    measured = f"{seconds:.2f} s (median of {result['edits']} edits)"
    return [measured, _mark(seconds < reload.RELOAD_TARGET_S)]


def _weight_targets(result: dict[str, Any]) -> list[Row]:
    plain = [p for p in result["pages"] if not p["has_chart"]]
    charts = [p for p in result["pages"] if p["has_chart"]]
    chart_target = f"Chart page ≤ {weight.CHART_BUDGET_KB:g} KB in all; plotly.js after first paint"
    rows: list[Row] = []
    if plain:
        worst = max(plain, key=lambda p: p["overhead_kb"])
        median = util.median([p["overhead_kb"] for p in plain])
        rows.append(
            [
                f"Page without a chart ≤ plain Material page + {weight.PAGE_BUDGET_KB:g} KB "
                "(gzipped)",
                f"plain page {result['baseline']['after']['kb']:.1f} KB; ours +{median:.1f} KB "
                f"median, +{worst['overhead_kb']:.1f} KB worst ({worst['page']})",
                _mark(all(p["ok"] for p in plain)),
            ]
        )
    rows += [
        [
            chart_target,
            f"{page['page']}: {page['after']['kb']:.0f} KB, {page['after']['requests']} "
            f"requests; first paint {page.get('fcp_ms')} ms, plotly.js requested at "
            f"{page.get('plotly_requested_ms')} ms",
            _mark(page["ok"]),
        ]
        for page in charts
    ]
    return rows or [[chart_target, "no page of the built site has the chart", _mark(None)]]


def _lighthouse_targets(result: dict[str, Any]) -> list[Row]:
    wanted = " / ".join(str(lighthouse.TARGETS[c]) for c in lighthouse.CATEGORIES)
    return [
        [
            f"Lighthouse, {name} page ≥ {wanted} (perf / a11y / best practices / SEO)",
            " / ".join(str(page["scores"][c]) for c in lighthouse.CATEGORIES),
            _mark(not _missed(page)),
        ]
        for name, page in result["pages"].items()
        if not name.startswith("plain")
    ]


def _every_page_targets(result: dict[str, Any]) -> list[Row]:
    """Lighthouse accessibility on every page of the site, where it was measured."""
    every = result.get("accessibility")
    if not every:
        return []
    scores = {path: page["score"] for path, page in every["pages"].items()}
    below = [f"{path} {score}" for path, score in scores.items() if score < every["target"]]
    return [
        [
            f"Lighthouse accessibility = {every['target']} on every page",
            f"{len(scores) - len(below)} of {len(scores)} pages"
            + (f"; below: {', '.join(below)}" if below else ""),
            _mark(not below),
        ]
    ]


def _search_targets(sizes: list[dict[str, Any]]) -> list[Row]:
    views = {r["stories"]: _worst_view(r) for r in sizes}
    queries = {r["stories"]: _worst_query(r) for r in sizes}
    over = {n: v["pagefind"]["over_plain_kb"] for n, v in views.items()}
    view_text = [f"{n} stories: +{over[n]:.1f} KB ({v['page']})" for n, v in views.items()]
    query_text = [f"{n} stories: {q['kb']:.0f} KB ({q['query']!r})" for n, q in queries.items()]
    return [
        [
            f"Search: a page's first view ≤ plain Material page + "
            f"{search.FIRST_VIEW_BUDGET_KB:g} KB (gzipped), at every size",
            "; ".join(view_text),
            _mark(all(kb <= search.FIRST_VIEW_BUDGET_KB for kb in over.values())),
        ],
        [
            f"Search: a first query ≤ {search.FIRST_QUERY_BUDGET_KB:g} KB (gzipped)",
            "; ".join(query_text),
            _mark(all(q["kb"] <= search.FIRST_QUERY_BUDGET_KB for q in queries.values())),
        ],
    ]


def _worst_view(size: dict[str, Any]) -> dict[str, Any]:
    pages: list[dict[str, Any]] = size["first_view"]["pages"]
    return max(pages, key=lambda p: p["pagefind"]["over_plain_kb"])


def _worst_query(size: dict[str, Any]) -> dict[str, Any]:
    query, result = max(size["first_query"].items(), key=lambda item: item[1]["kb"])
    return {**result, "query": query}


def _missed(page: dict[str, Any]) -> set[str]:
    """The categories in which a page scores below its target."""
    return {c for c, target in lighthouse.TARGETS.items() if page["scores"][c] < target}


# --- each part's table -----------------------------------------------------------------

_SCALE_HEADER = [
    "Stories", "Pages", "Runs", *scale.STAGES, "build - plain", "hook share",
    "generate / build", "site size", "load avg", "measured (UTC)",
    "commit",
]  # fmt: skip


def _scale_rows(result: dict[str, Any]) -> list[Row]:
    rows: list[Row] = [
        [
            r["stories"],
            r["pages"],
            r["repeats"],
            *(f"{r[s]['seconds']:.2f} s / {r[s]['peak_mb']:.0f} MB" for s in scale.STAGES),
            f"{r['hook_seconds']:.2f} s",
            f"{r['hook_share']:.0%}",
            f"{r['generate_share']:.0%}",
            f"{r['site_mb']:.0f} MB",
            " to ".join(str(x) for x in r["load"]),
            r.get("when", result["when"]).removesuffix(" UTC"),
            r.get("commit", result.get("commit", "?")),
        ]
        for r in result["sizes"]
    ]
    growth = scale.growth(result["sizes"])
    if growth:
        per_story = _growth(growth).split(", ")
        rows.append([f"per story, {growth['to']} / {growth['from']}", "", "", *per_story])
    return rows


_PROFILE_HEADER = ["Function", "Calls", "Time", "Share", "Per story, large / small"]


def _profile_rows(result: dict[str, Any]) -> list[Row]:
    return [
        [f"`{f['function']}`", f["calls"], f"{f['seconds']:.2f} s", f"{f['share']:.0%}",
         f"x{f['per_story_ratio']:.2f} ({result['small']} → {result['large']} stories)"]
        for f in result["functions"]
    ]  # fmt: skip


_RELOAD_HEADER = ["Stories", "Served", "Edits", "Median", "Each (s)", "Rebuilds logged"]


def _reload_rows(result: dict[str, Any]) -> list[Row]:
    def row(stories: str, served: str, r: dict[str, Any]) -> Row:
        each = ", ".join(f"{t:.2f}" for t in r["runs"])
        return [stories, served, r["edits"], f"{r['seconds']:.2f} s", each, r["rebuilds_seen"]]

    rows = [row(f"content/ ({result['story']})", "the whole site (`make serve`)", result)]
    for r in result.get("synthetic", []):
        served = "one story (`make serve STORY=<id>`)" if r["preview"] else "the whole site"
        rows.append(row(f"{r['stories']} synthetic", served, r))
    return rows


_WEIGHT_HEADER = [
    "Page", "Requests", "KB before interaction", "KB after chart", "KB over plain page",
    "Chart", "plotly.js after first paint", "Within budget",
]  # fmt: skip


def _weight_rows(result: dict[str, Any]) -> list[Row]:
    base = result["baseline"]
    rows: list[Row] = [
        ["*plain Material page*", base["after"]["requests"], f"{base['before']['kb']:.1f}",
         f"{base['after']['kb']:.1f}", "", "", "", ""]
    ]  # fmt: skip
    for page in result["pages"]:
        chart = "drawn" if page.get("chart_drawn") else "not drawn"
        order = f"{_mark(bool(page.get('plotly_after_paint')))} ({page.get('fcp_ms')} ms, "
        order += f"{page.get('plotly_requested_ms')} ms)"
        rows.append(
            [
                page["page"],
                page["after"]["requests"],
                f"{page['before']['kb']:.1f}",
                f"{page['after']['kb']:.1f}",
                f"{page['overhead_kb']:+.1f}",
                chart if page["has_chart"] else "",
                order if page["has_chart"] else "",
                _mark(page["ok"]),
            ]
        )
    return rows


_METRICS = lighthouse.METRICS[:4]
_LIGHTHOUSE_HEADER = ["Page", "Performance", "Accessibility", "Best practices", "SEO",
                      "FCP", "LCP", "TBT", "CLS"]  # fmt: skip


def _lighthouse_rows(result: dict[str, Any]) -> list[Row]:
    return [
        [
            name,
            *(page["scores"][c] for c in lighthouse.CATEGORIES),
            *((page["metrics"].get(m) or "").replace("\u00a0", " ") for m in _METRICS),
        ]
        for name, page in result["pages"].items()
    ]


_EVERY_PAGE_HEADER = ["Page", "Accessibility", "Failing audits"]


def _every_page_rows(result: dict[str, Any]) -> list[Row]:
    """Lighthouse accessibility of each page of the site (``python bench/run.py lighthouse``)."""
    pages = (result.get("accessibility") or {}).get("pages", {})
    rows: list[Row] = [
        [path, page["score"], ", ".join(f"`{a['id']}`" for a in page["failing"]) or "none"]
        for path, page in pages.items()
    ]
    return rows or [["not measured yet: python bench/run.py lighthouse", "", ""]]


_AUDIT_HEADER = ["Category", "Audit", "Weight", "Pages", "First item"]


def _audits(result: dict[str, Any]) -> list[Row]:
    """The failing audits of the categories where a page misses its target, by audit."""
    pages: dict[str, list[str]] = {}
    audits: dict[str, dict[str, Any]] = {}
    for name, page in result["pages"].items():
        for audit in page["failing"]:
            if audit["category"] in _missed(page):
                audits.setdefault(audit["id"], audit)
                pages.setdefault(audit["id"], []).append(name)
    order = sorted(audits.values(), key=lambda a: (a["category"], -a["weight"], a["id"]))
    return [
        [
            audit["category"],
            f"`{audit['id']}`",
            audit["weight"] or "not scored",
            ", ".join(pages[audit["id"]]),
            _code(LOCAL.sub("", audit["items"][0])) if audit["items"] else "",
        ]
        for audit in order
    ]


_SEARCH_TIME_HEADER = [
    "Stories", "Pages", "Build with Pagefind", "Pagefind alone", "share of the build",
    "Build with Material's search", "Material's search (that build - no search)",
    "share of the build", "Build without search", "Load avg", "Measured (UTC)", "Commit",
]  # fmt: skip


def _search_time_rows(result: dict[str, Any]) -> list[Row]:
    rows: list[Row] = []
    for r in result["sizes"]:
        wall, cpu = r["build_s"], r["build_cpu_s"]
        rows.append([
            r["stories"], r["pages"],
            _times(wall["pagefind"], cpu["pagefind"]),
            _times(r["pagefind_index_s"], r["pagefind_index_cpu_s"]),
            f"{r['pagefind_index_cpu_s'] / cpu['pagefind']:.0%}",
            _times(wall["material"], cpu["material"]),
            _times(r["material_index_s"], r["material_index_cpu_s"]),
            f"{r['material_index_cpu_s'] / cpu['material']:.0%}",
            _times(wall["none"], cpu["none"]),
            " to ".join(str(x) for x in r["load"]), r["when"].removesuffix(" UTC"), r["commit"],
        ])  # fmt: skip
    return rows


def _times(wall: float, cpu: float) -> str:
    return f"{wall:.1f} s ({cpu:.1f} s CPU)"


_SEARCH_BYTES_HEADER = [
    "Stories", "Plain Material page", "First view, Pagefind: worst page (search part)",
    "First view, Material's search: same page (search part)",
    "First query, Pagefind: worst (scripts / wasm / index / fragments), requests",
    "Whole index: Material's (gz) / Pagefind's (files, KB)",
]  # fmt: skip


def _search_bytes_rows(result: dict[str, Any]) -> list[Row]:
    rows: list[Row] = []
    for r in result["sizes"]:
        view, query, sizes = _worst_view(r), _worst_query(r), r["index_sizes_kb"]
        parts = query["search_parts_kb"]
        split = " / ".join(f"{parts.get(p, 0):.0f}" for p in ("scripts", "wasm", "index",
                                                              "fragments"))  # fmt: skip
        rows.append([
            r["stories"],
            f"{r['first_view']['plain']['kb']:.1f} KB",
            f"{view['page']}: {view['pagefind']['kb']:.1f} KB, "
            f"+{view['pagefind']['over_plain_kb']:.1f} ({view['pagefind']['search_kb']:.1f} KB)",
            f"{view['material']['kb']:.1f} KB, +{view['material']['over_plain_kb']:.1f} "
            f"({view['material']['search_kb']:.1f} KB)",
            f"{query['query']!r}: {query['kb']:.0f} KB ({split}), {query['requests']}",
            f"{sizes['material_gz']:.0f} KB / {sizes['pagefind_files']} files, "
            f"{sizes['pagefind']} KB",
        ])  # fmt: skip
    return rows


def _chart_targets(result: dict[str, Any]) -> list[Row]:
    """The timeline chart's two budgets, for its densest story and for every story."""
    stories = result["stories"]
    densest = max(stories, key=lambda story: story["events"])
    heaviest = max(stories, key=lambda story: story["weight"]["before"]["kb"])
    return [
        [
            f"Timeline figure and picture ≤ {chart.SHARE_BUDGET:.0%} of their page's render "
            f"({densest['events']} events)",
            f"{densest['share']:.0%}: {densest['chart_ms']:.0f} ms of {densest['page_ms']:.0f} ms",
            _mark(chart.judge(densest)["share"]),
        ],
        [
            f"Timeline page before the reader reaches for the chart ≤ "
            f"{chart.FIRST_VIEW_BUDGET_KB:.0f} KB; plotly.js after first paint",
            f"worst {heaviest['weight']['before']['kb']:.1f} KB ({heaviest['story']}, "
            f"{heaviest['events']} events)",
            _mark(all(chart.judge(story)["first_view"] for story in stories)),
        ],
    ]


_CHART_HEADER = [
    "Story", "Events", "Figure and picture", "Page render", "Share",
    "First view", "With the chart", "plotly.js after first paint", "Embeddable page",
]  # fmt: skip


def _chart_rows(result: dict[str, Any]) -> list[Row]:
    """Each story's timeline: build time of the chart, and its page's weight."""
    rows: list[Row] = []
    for story in result["stories"]:
        weighed, embed = story["weight"], story["embed_weight"]
        rows.append([
            story["story"], story["events"], f"{story['chart_ms']:.1f} ms",
            f"{story['page_ms']:.1f} ms", f"{story['share']:.0%}",
            f"{weighed['before']['kb']:.1f} KB, {weighed['before']['requests']} requests",
            f"{weighed['after']['kb']:.1f} KB",
            _mark(bool(weighed.get("plotly_after_paint"))),
            f"{embed['before']['kb']:.1f} KB, {embed['before']['requests']} requests",
        ])  # fmt: skip
    return rows


def _code(text: str) -> str:
    """Text as code in a table cell: no backquote or bar of its own to end it early."""
    return "`" + text.replace("`", "'").replace("|", "/") + "`"


_TABLES: list[tuple[str, str, list[str], Callable[[dict[str, Any]], list[Row]]]] = [
    ("scale", "Build time at scale", _SCALE_HEADER, _scale_rows),
    ("profile", "Profile of build_site", _PROFILE_HEADER, _profile_rows),
    ("profile-mkdocs", "Profile of mkdocs build", _PROFILE_HEADER, _profile_rows),
    ("reload", "Reload", _RELOAD_HEADER, _reload_rows),
    ("weight", "Page weight", _WEIGHT_HEADER, _weight_rows),
    ("lighthouse", "Lighthouse", _LIGHTHOUSE_HEADER, _lighthouse_rows),
    ("lighthouse", "Lighthouse audits that cost points", _AUDIT_HEADER, _audits),
    ("lighthouse", "Lighthouse accessibility, every page", _EVERY_PAGE_HEADER, _every_page_rows),
    ("search", "Search: indexing time", _SEARCH_TIME_HEADER, _search_time_rows),
    ("search", "Search: bytes a reader downloads", _SEARCH_BYTES_HEADER, _search_bytes_rows),
    ("chart", "Timeline chart", _CHART_HEADER, _chart_rows),
    ("archive", "A newsroom's archive: size, build time and memory", archive.HEADER, archive.rows),
    ("split", "A newsroom's archive built in shards", split.HEADER, split.rows),
]
"""Each part's tables: the part, a title, the header and the rows (from the part's results)."""

"""Lighthouse mobile scores of one page of every kind the site has (home, a story's landing
page, a chapter, Who's who (with every actor's profile), reactions, glossary, sources, timeline, its
embeddable page, About, standards, the data schema, a year's page, the 404 page), and a
plain Material page; and the accessibility score of every page of the site.

Runs the npm ``lighthouse`` pinned in bench/package.json (``npm ci --prefix bench``)
against Debian's Chromium, on the sites of ``served.py`` (localhost, gzipped). Lighthouse's
defaults: a mobile device, simulated slow 4G and a 4x slower CPU. With several runs per
page, each category's score is the median (the timeline page's performance is always the
median of at least :data:`TIMELINE_RUNS`, as issue 23 asks); the failing audits are those
of the run with the median performance score. Every page of the site (the 404 page too)
is then scored for accessibility alone, once: its target is 100 on each.

One command scores the kinds against :data:`TARGETS`, prints the table and exits 1 on a
miss (``make lighthouse``)::

    python bench/lighthouse.py [--runs N] [--timeline-runs 5] [--content DIR] [--every-page]

Performance depends on the machine's load: the others' work on a shared machine costs a
page points that a quiet one gives back; the other three categories do not.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: python bench/lighthouse.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import served, util
from devkit.chromium import CHROMIUM, CHROMIUM_ARGS

LIGHTHOUSE = util.BENCH / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
"""The least score of each category on each of our pages (issue 22)."""
TIMELINE_RUNS = 5
"""Runs of the timeline page, whose performance is their median (issue 23)."""
CHROME_FLAGS = " ".join(["--headless=new", *CHROMIUM_ARGS])
METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
)
MAX_ITEMS = 6  # details kept per failing audit
PLAIN = "plain Material page"
"""The baseline's name among the pages (it has no targets of its own)."""


def page_kinds(site: Path) -> dict[str, str]:
    """One page of each kind the built ``site`` has: {kind: path under the site's top}.

    Each story's kind comes from the first story (by id) that has that page; a kind no
    story or page has (no glossary, no year pages) is left out, never replaced by
    another kind's page.
    """
    stories = sorted(p.parent.parent.name for p in site.glob("*/data/story.json"))
    candidates: dict[str, list[str]] = {"home": [""]}
    story_kinds = {
        "landing": "",
        "chapter": "background/",
        "who's who": "actors/",
        "reactions": "reactions/",
        "glossary": "glossary/",
        "sources": "sources/",
        "timeline": "timeline/",
        "embed": "timeline/embed/",
    }
    for kind, page in story_kinds.items():
        candidates[kind] = [f"{story}/{page}" for story in stories]
    candidates["chapter"] += [
        f"{story}/{name}/" for story in stories for name in ("positions", "accounts", "outcomes")
    ]
    years = sorted(p.parent.name for p in site.glob("stories/*/index.html"))
    actors = sorted(p.parent.name for p in site.glob("stories/with/*/index.html"))
    candidates |= {
        "about": ["about/"],
        "standards": ["standards/"],
        "data schema": ["schema/"],
        "year": [f"stories/{year}/" for year in years],
        "actor's stories": [f"stories/with/{actor}/" for actor in actors],
        "404": ["404.html"],
    }
    kinds = {}
    for kind, paths in candidates.items():
        found = [p for p in paths if (site / p / "index.html").is_file() or (site / p).is_file()]
        if found:
            kinds[kind] = found[0]
    return kinds


def run(
    runs: int = 1, timeline_runs: int = TIMELINE_RUNS, content: Path | None = None,
    every_page: bool = True,
) -> dict[str, Any]:  # fmt: skip
    """Score a page of each kind ``runs`` times (the timeline ``timeline_runs`` times at
    least); scores, metrics and every failing audit; then, with ``every_page``, the
    accessibility of every page."""
    if not LIGHTHOUSE.exists():
        raise RuntimeError("Lighthouse is missing: npm ci --prefix bench")
    with served.served_sites(content) as sites, tempfile.TemporaryDirectory() as scratch:
        pages = {PLAIN: sites.plain_url}
        pages |= {kind: sites.site_url + path for kind, path in page_kinds(sites.site_dir).items()}
        results = {}
        for name, url in pages.items():
            times = max(runs, timeline_runs) if name == "timeline" else runs
            reports = [_lighthouse(url, Path(scratch) / f"{i}.json") for i in range(times)]
            results[name] = _summarise(url, reports)
            scores = results[name]["scores"]
            print(f"  lighthouse {name} ({times} run{'s' * (times > 1)}): {scores}", flush=True)
        every = (
            accessibility_of_every_page(sites, Path(scratch) / "page.json") if every_page else {}
        )
    return {
        "when": util.now(),
        "lighthouse": _version(),
        "runs": runs,
        "timeline_runs": max(runs, timeline_runs),
        "targets": TARGETS,
        "pages": results,
        "accessibility": every,
    }


def misses(result: dict[str, Any]) -> dict[str, list[str]]:
    """Each page (not the baseline) that misses a target: the categories it misses, and
    "no score" when Lighthouse could not score it."""
    missed: dict[str, list[str]] = {}
    for name, page in result["pages"].items():
        if name == PLAIN:
            continue
        below = [c for c, target in TARGETS.items() if (page["scores"].get(c) or 0) < target]
        if page.get("runtime_error"):
            below.append("no score")
        if below:
            missed[name] = below
    for path, page in ((result.get("accessibility") or {}).get("pages") or {}).items():
        if (page["score"] or 0) < TARGETS["accessibility"]:
            missed.setdefault(f"{path} (every page)", []).append("accessibility")
    return missed


def table(result: dict[str, Any]) -> str:
    """The scores of each page against :data:`TARGETS`, a missed score marked ``*``, and
    the audits that cost a missed category its points."""
    header = ["Page", "Runs", "Performance", "Accessibility", "Best practices", "SEO", "Met"]
    rows = [header]
    missed = misses(result)
    for name, page in result["pages"].items():
        cells = []
        for category in CATEGORIES:
            score = page["scores"].get(category)
            low = name != PLAIN and (score or 0) < TARGETS[category]
            cells.append(f"{score}{' *' if low else ''}")
        met = "" if name == PLAIN else ("no" if name in missed else "yes")
        rows.append([name, str(len(page["all_runs"])), *cells, met])
    targets = ["targets", "", *(f">= {TARGETS[c]}" for c in CATEGORIES), ""]
    rows.append(targets)
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    for name, page in result["pages"].items():
        if name not in missed:
            continue
        if page.get("runtime_error"):
            lines.append(f"{name}: Lighthouse could not score it: {page['runtime_error']}")
        for audit in page["failing"]:
            if audit["category"] in missed[name]:
                first = f": {audit['items'][0]}" if audit["items"] else ""
                lines.append(f"{name}: {audit['category']} {audit['id']}{first}")
    for name, categories in missed.items():
        if name.endswith("(every page)"):
            lines.append(f"{name}: {', '.join(categories)} below {TARGETS['accessibility']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="runs of each page (1)")
    parser.add_argument(
        "--timeline-runs", type=int, default=TIMELINE_RUNS,
        help=f"runs of the timeline page, whose median counts ({TIMELINE_RUNS})",
    )  # fmt: skip
    parser.add_argument("--content", type=Path, help="the stories to build (content/)")
    parser.add_argument(
        "--every-page", action="store_true", help="and the accessibility of every page"
    )
    args = parser.parse_args(argv)
    result = run(args.runs, args.timeline_runs, args.content, args.every_page)
    print(table(result))
    missed = misses(result)
    print(f"{len(missed)} page(s) miss a target" if missed else "every page meets its targets")
    return 1 if missed else 0


def accessibility_of_every_page(sites: served.Served, output: Path) -> dict[str, Any]:
    """Lighthouse's accessibility score of each page of the site, and its failing audits."""
    folder = sites.site_dir
    paths = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html"))
    pages = {}
    for path in (p.removesuffix("index.html") for p in paths):
        report = _lighthouse(sites.site_url + path, output, ("accessibility",))
        pages[path or "/"] = {
            "score": _score(report, "accessibility"),
            "failing": failing_audits(report),
        }
        print(
            f"  lighthouse accessibility {path or '/'}: {pages[path or '/']['score']}", flush=True
        )
    return {"target": TARGETS["accessibility"], "pages": pages}


def _version() -> str:
    result = subprocess.run(
        [str(LIGHTHOUSE), "--version"], capture_output=True, text=True, check=False
    )
    return result.stdout.strip()


def _lighthouse(url: str, output: Path, categories: tuple[str, ...] = CATEGORIES) -> dict[str, Any]:
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={output}",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(categories)}",
        "--quiet",
    ]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    result = subprocess.run(
        command, capture_output=True, text=True, env=env, check=False, timeout=300
    )
    if result.returncode != 0 or not output.exists():
        raise RuntimeError(f"lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    report: dict[str, Any] = json.loads(output.read_text(encoding="utf-8"))
    output.unlink()
    return report


def _score(report: dict[str, Any], category: str) -> int | None:
    score = report["categories"][category]["score"]
    return None if score is None else round(score * 100)


def _summarise(url: str, reports: list[dict[str, Any]]) -> dict[str, Any]:
    scores = {
        category: util.median([_score(r, category) or 0 for r in reports])
        for category in CATEGORIES
    }
    middle = sorted(reports, key=lambda r: _score(r, "performance") or 0)[len(reports) // 2]
    return {
        "url": url,
        "scores": {k: round(v) for k, v in scores.items()},
        "all_runs": [{c: _score(r, c) for c in CATEGORIES} for r in reports],
        "metrics": {metric: middle["audits"][metric].get("displayValue") for metric in METRICS},
        "failing": failing_audits(middle),
        "runtime_error": middle.get("runtimeError", {}).get("message"),
    }


def failing_audits(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Audits that cost points: scored audits below 1, and performance audits with savings.

    In performance, the metrics that lose points are listed too, and so are the
    diagnostics Lighthouse ties to a metric (``metricSavings``, such as the scripts
    behind a long Total Blocking Time), even when they carry no weight of their own.
    """
    audits = report["audits"]
    failing = []
    for category in (c for c in CATEGORIES if c in report["categories"]):
        for ref in report["categories"][category]["auditRefs"]:
            audit = audits[ref["id"]]
            if _costs_points(audit, ref, category):
                failing.append(
                    {
                        "category": category,
                        "id": ref["id"],
                        "weight": ref.get("weight", 0),
                        "score": audit.get("score"),
                        "title": audit.get("title"),
                        "display": audit.get("displayValue"),
                        "savings": {
                            k: v for k, v in (audit.get("metricSavings") or {}).items() if v
                        },
                        "items": _items(audit),
                    }
                )
    return failing


def _costs_points(audit: dict[str, Any], ref: dict[str, Any], category: str) -> bool:
    if audit.get("scoreDisplayMode") in ("notApplicable", "manual"):
        return False
    score = audit.get("score")
    if category != "performance":
        return ref.get("weight", 0) > 0 and score is not None and score < 1
    savings = any(value for value in (audit.get("metricSavings") or {}).values())
    if audit.get("scoreDisplayMode") == "informative":
        return savings
    return score is not None and score < 1 and (ref.get("weight", 0) > 0 or savings or score < 0.9)


def _items(audit: dict[str, Any]) -> list[str]:
    """A short text for each of the first items of an audit's details."""
    items = (audit.get("details") or {}).get("items") or []
    texts = []
    for item in items[:MAX_ITEMS]:
        node = item.get("node") or {}
        parts = [
            node.get("selector"),
            node.get("snippet"),
            node.get("explanation"),
            *(item.get(key) for key in ("url", "description", "groupLabel") if
              isinstance(item.get(key), str)),
            *_amounts(item),
        ]  # fmt: skip
        text = " | ".join(str(p) for p in parts if p)
        if text:
            texts.append(" ".join(text.split())[:400])
    if len(items) > MAX_ITEMS:
        texts.append(f"... and {len(items) - MAX_ITEMS} more")
    return texts


def _amounts(item: dict[str, Any]) -> list[str]:
    amounts = []
    for key, label in (("total", "total"), ("scripting", "scripting"), ("duration", "")):
        if isinstance(item.get(key), int | float) and item[key]:
            amounts.append(f"{label} {item[key]:.0f} ms".strip())
    if isinstance(item.get("totalBytes"), int | float) and item["totalBytes"]:
        amounts.append(f"{item['totalBytes'] / 1024:.1f} KB")
    saving = _savings(item)
    return [*amounts, saving] if saving else amounts


def _savings(item: dict[str, Any]) -> str | None:
    if item.get("wastedBytes"):
        return f"{item['wastedBytes'] / 1024:.1f} KB wasted"
    if item.get("wastedMs"):
        return f"{item['wastedMs']:.0f} ms wasted"
    return None


if __name__ == "__main__":
    sys.exit(main())

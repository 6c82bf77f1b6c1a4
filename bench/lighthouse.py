"""Lighthouse mobile scores of the home, story and timeline pages, and a plain Material page;
and the accessibility score of every page of the site.

Runs the npm ``lighthouse`` pinned in bench/package.json (``npm ci --prefix bench``)
against Debian's Chromium, on the sites of ``served.py`` (localhost, gzipped). Lighthouse's
defaults: a mobile device, simulated slow 4G and a 4x slower CPU. With several runs per
page, each category's score is the median; the failing audits are those of the run
with the median performance score. Every page of the site (the 404 page too) is then
scored for accessibility alone, once: its target is 100 on each.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from bench import served, util
from devkit.chromium import CHROMIUM, CHROMIUM_ARGS

LIGHTHOUSE = util.BENCH / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
"""The least score of each category on each of our pages."""
CHROME_FLAGS = " ".join(["--headless=new", *CHROMIUM_ARGS])
METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
)
MAX_ITEMS = 6  # details kept per failing audit


def run(runs: int = 1) -> dict[str, Any]:
    """Score each page ``runs`` times; scores, metrics and every failing audit."""
    if not LIGHTHOUSE.exists():
        raise RuntimeError("Lighthouse is missing: npm ci --prefix bench")
    with served.served_sites() as sites, tempfile.TemporaryDirectory() as scratch:
        story = _first_story(sites)
        pages = {
            "plain Material page": sites.plain_url,
            "home": sites.site_url,
            "story": f"{sites.site_url}{story}/",
            "timeline": f"{sites.site_url}{story}/timeline/",
        }
        results = {}
        for name, url in pages.items():
            reports = [_lighthouse(url, Path(scratch) / f"{i}.json") for i in range(runs)]
            results[name] = _summarise(url, reports)
            scores = results[name]["scores"]
            print(f"  lighthouse {name}: {scores}", flush=True)
        every_page = accessibility_of_every_page(sites, Path(scratch) / "page.json")
    return {
        "when": util.now(),
        "lighthouse": _version(),
        "runs": runs,
        "targets": TARGETS,
        "pages": results,
        "accessibility": every_page,
    }


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


def _first_story(sites: served.Served) -> str:
    return next(
        p.name
        for p in sorted(sites.site_dir.iterdir())
        if (p / "timeline" / "index.html").is_file()
    )


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

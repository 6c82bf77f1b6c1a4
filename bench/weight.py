"""Page weight: what each page of the built site costs a first-time reader, in headless Chromium.

Every page is opened in a fresh browser context (an empty cache). Bytes are each
response body's size gzipped (level 6, as a static host sends text; binary bodies as
they are), summed over every request the page made, including its web workers':

- before interaction: after the load event and 500 ms without network activity;
- after the chart: on a page with the timeline chart, once the pointer is over its
  static picture (a reader reaching for it: that is when timeline.js fetches plotly.js)
  and plotly.js has drawn it (``.js-plotly-plot .main-svg``).

The baseline is a plain, default Material page served from the same address. The
order check: plotly.js must be requested after the page's first contentful paint (it
is not requested at all before interaction).
"""

from __future__ import annotations

import gzip
from typing import Any

from bench import served, util
from devkit.chromium import launch_chromium

CHART = ".timeline-chart__box, #timeline-chart, [data-plotly]"  # the box comes first
DRAWN = ".js-plotly-plot .main-svg, .js-plotly-plot svg"
TEXT_TYPES = ("text/", "javascript", "json", "svg", "xml")
PAGE_BUDGET_KB = 20.0
"""A page without a chart weighs at most the plain Material page and this (gzipped)."""
CHART_BUDGET_KB = 500.0
"""A page with the chart weighs at most this in all, once the chart is interactive."""


def run(limit: int | None = None) -> dict[str, Any]:
    """Weigh the plain page and every page of the site (the first ``limit`` pages)."""
    with served.served_sites() as sites, launch_chromium() as browser:
        baseline = weigh(browser, sites.plain_url)
        print(f"  plain Material page: {baseline['after']['kb']:.1f} KB", flush=True)
        pages = []
        for url in served.page_urls(sites)[:limit]:
            result = weigh(browser, url)
            result["page"] = url.removeprefix(sites.site_url) or "(home)"
            _judge(result, baseline)
            pages.append(result)
            print(f"  {result['page']}: {result['after']['kb']:.1f} KB", flush=True)
    return {"when": util.now(), "baseline": baseline, "pages": pages, "summary": _summary(pages)}


def weigh(browser: Any, url: str) -> dict[str, Any]:
    """Requests and gzipped bytes of one page, before interaction and after its chart."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    requests: list[Any] = []
    context.on("requestfinished", lambda request: requests.append(request))
    page = context.new_page()
    try:
        page.goto(url, wait_until="networkidle")
        before = list(requests)
        has_chart = page.locator(CHART).count() > 0
        drawn = False
        if has_chart:
            page.locator(CHART).first.hover()
            try:
                page.wait_for_selector(DRAWN, state="attached", timeout=20_000)
                drawn = True
            except Exception:  # the chart never drew: report it, do not stop
                drawn = False
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)
        order = _order(page) if has_chart else {}
        after = list(requests)
        return {
            "has_chart": has_chart,
            "chart_drawn": drawn,
            "before": _tally(before),
            "after": _tally(after),
            **order,
        }
    finally:
        context.close()


def _order(page: Any) -> dict[str, Any]:
    """When the first contentful paint happened and when plotly.js was requested (ms)."""
    timing = page.evaluate(
        """() => {
          const paint = performance.getEntriesByName('first-contentful-paint')[0];
          const plotly = performance.getEntriesByType('resource')
            .find((entry) => /plotly/.test(entry.name));
          return {fcp: paint ? paint.startTime : null,
                  plotly: plotly ? plotly.startTime : null};
        }"""
    )
    fcp, plotly = timing["fcp"], timing["plotly"]
    return {
        "fcp_ms": round(fcp) if fcp is not None else None,
        "plotly_requested_ms": round(plotly) if plotly is not None else None,
        "plotly_after_paint": plotly is not None and fcp is not None and plotly > fcp,
    }


def _tally(requests: list[Any]) -> dict[str, Any]:
    kinds: dict[str, float] = {}
    total = 0
    for request in requests:
        if request.url.startswith("data:"):
            continue
        response = request.response()
        if response is None:
            continue
        try:
            body = response.body()
        except Exception:  # a redirect or a body Chromium no longer holds
            body = b""
        content_type = response.headers.get("content-type", "")
        size = len(gzip.compress(body, 6, mtime=0)) if _is_text(content_type) else len(body)
        total += size
        kind = _kind(request.url, content_type)
        kinds[kind] = kinds.get(kind, 0) + size / 1024
    return {
        "requests": sum(1 for r in requests if not r.url.startswith("data:")),
        "kb": round(total / 1024, 1),
        "by_kind": {k: round(v, 1) for k, v in sorted(kinds.items())},
    }


def _is_text(content_type: str) -> bool:
    return any(marker in content_type for marker in TEXT_TYPES)


def _kind(url: str, content_type: str) -> str:
    if "plotly" in url:
        return "plotly"
    if "search_index" in url:
        return "search index"
    for kind in ("html", "css", "javascript", "json", "svg"):
        if kind in content_type:
            return {"javascript": "js"}.get(kind, kind)
    return "other"


def _judge(result: dict[str, Any], baseline: dict[str, Any]) -> None:
    overhead = result["after"]["kb"] - baseline["after"]["kb"]
    result["overhead_kb"] = round(overhead, 1)
    if result["has_chart"]:
        result["ok"] = result["after"]["kb"] <= CHART_BUDGET_KB and bool(
            result.get("plotly_after_paint")
        )
    else:
        result["ok"] = overhead <= PAGE_BUDGET_KB


def _summary(pages: list[dict[str, Any]]) -> dict[str, Any]:
    plain = [p for p in pages if not p["has_chart"]]
    charts = [p for p in pages if p["has_chart"]]
    worst = max(plain, key=lambda p: p["overhead_kb"]) if plain else None
    return {
        "pages": len(pages),
        "chart_pages": len(charts),
        "failing": [p["page"] for p in pages if not p["ok"]],
        "worst_overhead": {"page": worst["page"], "kb": worst["overhead_kb"]} if worst else None,
        "median_overhead_kb": round(util.median([p["overhead_kb"] for p in plain]), 1)
        if plain
        else None,
    }

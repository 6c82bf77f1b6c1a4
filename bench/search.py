"""Search at scale: Pagefind against Material's built-in search, measured in the same run.

For each size, synthetic stories (``synth.py``) are built three ways, one after another:

- ``pagefind``: as ``make site`` builds the site (the hook runs Pagefind after the build);
- ``material``: the same with Material's search plugin turned back on (``plugins:
  [search]``), as the site was before; the hook then leaves Pagefind out;
- ``none``: with Material's plugin present but disabled: no search at all, the baseline
  for the time Material's search adds to a build.

Indexing time: Pagefind's run timed alone over the built site (it is run again: the same
work, the same output); Material's, the ``material`` build less the ``none`` build. Each
is taken as wall time and as CPU time (user and system, of the process and those it
waited for); shares of the build are of CPU time, which other work on a shared machine
disturbs far less than wall time.

Bytes, in headless Chromium with a fresh cache, gzipped as a static host sends them
(``util.serve``), against a plain Material page served beside them:

- first view: every request a page makes until its network is quiet (home, the first
  story's landing page, its background page, its Who's who and, on a site of many
  stories, the page of the year with the most), search bytes apart;
- first query: everything fetched from opening the search to its results of a query
  (the longest of :data:`QUERIES`).
"""

from __future__ import annotations

import gzip
import resource
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import served, synth, util
from devkit.chromium import launch_chromium
from generator.publish.search import index_site

VARIANTS = ("pagefind", "material", "none")
SETTINGS: dict[str, dict[str, Any]] = {
    "pagefind": {},
    "material": {"plugins": ["search"]},
    "none": {"plugins": [{"search": {"enabled": False}}]},
}
PAGES = ("", "{story}/", "{story}/background/", "{story}/actors/")
QUERIES = ("minister", "ceasefire reactor")
"""A word on nearly every synthetic page, and two rarer ones."""
FIRST_VIEW_BUDGET_KB = 20.0  # over the plain Material page
FIRST_QUERY_BUDGET_KB = 300.0
TEXT_TYPES = ("text/", "javascript", "json", "svg", "xml")
PAINTED = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def run(sizes: list[int]) -> dict[str, Any]:
    """Measure every size; returns the results as plain data."""
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-search-") as scratch:
        for size in sizes:
            print(f"search: {size} stories", flush=True)
            results.append(measure_size(Path(scratch), size))
    return {"when": util.now(), "machine": util.machine(), "sizes": results}


def _largest_year_page(www: Path) -> list[str]:
    """The page of the year with the most stories, when the site has year pages."""
    years = www / "pagefind" / "stories"
    pages = sorted(years.glob("*/index.html"), key=lambda p: (p.stat().st_size, p.parent.name))
    return [f"stories/{pages[-1].parent.name}/"] if pages else []


def merge(old: dict[str, Any] | None, new: dict[str, Any]) -> dict[str, Any]:
    """Keep the sizes measured before that this run did not measure again."""
    measured = {size["stories"] for size in new["sizes"]}
    kept = [s for s in (old or {}).get("sizes", []) if s["stories"] not in measured]
    return {**new, "sizes": sorted([*kept, *new["sizes"]], key=lambda s: s["stories"])}


def measure_size(scratch: Path, size: int) -> dict[str, Any]:
    """Build the three variants of ``size`` stories, time them, weigh pages and queries."""
    content = scratch / f"content-{size}"
    synth.write_content(content, size)
    www = scratch / f"www-{size}"
    www.mkdir()
    load_before = util.load()
    with util.serve(www) as base:
        builds = {variant: _build(scratch, www, base, content, variant) for variant in VARIANTS}
        pagefind = _index_again(www / "pagefind")
        plain_url = _build_plain(scratch, www, base)
        story = sorted(p.name for p in content.iterdir())[0]
        paths = [p.format(story=story) for p in PAGES] + _largest_year_page(www)
        with launch_chromium() as browser:
            weights = _weigh(browser, base, plain_url, paths)
            queries = {query: first_query(browser, base + f"pagefind/{story}/", query)
                       for query in QUERIES}  # fmt: skip
    shutil.rmtree(content)
    result = {
        "stories": size,
        "pages": sum(1 for _ in (www / "pagefind").rglob("index.html")),
        "build_s": {variant: round(run.seconds, 2) for variant, run in builds.items()},
        "build_cpu_s": {variant: round(run.cpu_seconds, 2) for variant, run in builds.items()},
        "pagefind_index_s": round(pagefind.seconds, 2),
        "pagefind_index_cpu_s": round(pagefind.cpu_seconds, 2),
        "material_index_s": round(builds["material"].seconds - builds["none"].seconds, 2),
        "material_index_cpu_s": round(
            builds["material"].cpu_seconds - builds["none"].cpu_seconds, 2
        ),
        "index_sizes_kb": _index_sizes(www),
        "first_view": weights,
        "first_query": queries,
        "load": [load_before, util.load()],
        "when": util.now(),
        "commit": util.commit(),
    }
    shutil.rmtree(www)
    _print(result)
    return result


def _build(scratch: Path, www: Path, base: str, content: Path, variant: str) -> util.Run:
    """Build one variant into ``www/<variant>/``, served at ``base + variant``; its times."""
    folder = scratch / f"config-{variant}"
    folder.mkdir(exist_ok=True)
    config = util.mkdocs_config(folder, **SETTINGS[variant])
    site, url = www / variant, f"{base}{variant}/"
    command = [util.PYTHON, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    env = {"EXPLAINER_CONTENT": str(content), "SITE_URL": url}
    run = util.measure([*command, "--config-file", str(config)], env=env)
    print(f"  {variant}: built in {run.seconds:.1f} s ({run.cpu_seconds:.1f} s CPU)", flush=True)
    return run


def _index_again(site: Path) -> util.Run:
    """Pagefind over the built ``site`` once more, as the hook runs it; its times."""
    # This process sends the pages and writes the index; Pagefind's service, its child, indexes.
    who = (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    before = [resource.getrusage(w) for w in who]
    indexed = index_site(site)
    after = [resource.getrusage(w) for w in who]
    cpu = sum(
        a.ru_utime - b.ru_utime + a.ru_stime - b.ru_stime
        for a, b in zip(after, before, strict=True)
    )
    return util.Run(indexed.seconds, max(a.ru_maxrss for a in after) / 1024, 0, cpu)


def _build_plain(scratch: Path, www: Path, base: str) -> str:
    folder = scratch / "plain"
    if not folder.exists():
        (folder / "docs").mkdir(parents=True)
        (folder / "docs" / "index.md").write_text(served.PLAIN_PAGE, encoding="utf-8")
    url = base + "plain/"
    config = folder / "mkdocs.yml"
    config.write_text(
        f"site_name: Plain Material\nsite_url: {url}\ntheme:\n  name: material\n  font: false\n",
        encoding="utf-8",
    )
    util.mkdocs_build(www / "plain", url, config=config)
    return url


def _index_sizes(www: Path) -> dict[str, float]:
    """The whole search index of each variant on disk, gzipped where a host would gzip."""
    material = www / "material" / "search" / "search_index.json"
    bundle = www / "pagefind" / "pagefind"
    return {
        "material_gz": round(len(gzip.compress(material.read_bytes(), 6)) / 1024, 1),
        "pagefind_files": sum(1 for f in bundle.rglob("*") if f.is_file()),
        "pagefind": round(sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file()) / 1024),
    }


def _weigh(browser: Any, base: str, plain_url: str, paths: list[str]) -> dict[str, Any]:
    """Bytes of each page's first view in both variants, and of the plain page."""
    plain = first_view(browser, plain_url)
    pages = []
    for path in paths:
        row: dict[str, Any] = {"page": path or "(home)"}
        for variant in ("pagefind", "material"):
            view = first_view(browser, f"{base}{variant}/{path}")
            row[variant] = {**view, "over_plain_kb": round(view["kb"] - plain["kb"], 1)}
        row["ok"] = row["pagefind"]["over_plain_kb"] <= FIRST_VIEW_BUDGET_KB
        pages.append(row)
    return {"plain": plain, "pages": pages}


def first_view(browser: Any, url: str) -> dict[str, Any]:
    """What a first-time reader downloads for ``url``: all of it, and the search's part."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    finished: list[Any] = []
    context.on("requestfinished", lambda request: finished.append(request))
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        if page.locator("form[name=search]").count():  # Material's: wait for its index
            _wait_until(lambda: any("search_index" in r.url for r in finished), page, 60)
        page.wait_for_timeout(500)
        return _tally(finished)
    finally:
        context.close()


def _wait_until(condition: Callable[[], bool], page: Any, seconds: float) -> None:
    """Let the page run until ``condition()`` holds (its index fetched by a worker, which
    a load under heavy machine load can leave for after the network first fell quiet)."""
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        page.wait_for_timeout(100)


def first_query(browser: Any, url: str, query: str) -> dict[str, Any]:
    """What the reader of ``url`` downloads from opening the search to its results."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    finished: list[Any] = []
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        context.on("requestfinished", lambda request: finished.append(request))
        page.evaluate(PAINTED)  # keys pressed before a page has painted are lost
        started = time.perf_counter()
        page.keyboard.press("/")
        page.keyboard.type(query)
        page.wait_for_function(
            "q => document.querySelector('#site-search-results').dataset.query === q",
            arg=query,
            timeout=60_000,
        )
        seconds = time.perf_counter() - started
        page.wait_for_load_state("networkidle")
        results = page.locator(".site-search__result").count()
        return {**_tally(finished), "results_shown": results, "seconds": round(seconds, 2)}
    finally:
        context.close()


def _tally(requests: list[Any]) -> dict[str, Any]:
    """Requests and gzipped KB in all, those of the search (either kind), and Pagefind's
    by part: its scripts, its WebAssembly, its index and filters, the results' fragments."""
    total = search = 0.0
    parts: dict[str, float] = {}
    for request in requests:
        response = request.response()
        if request.url.startswith("data:") or response is None:
            continue
        try:
            body = response.body()
        except Exception:  # a redirect, or a body Chromium no longer holds
            body = b""
        kind = response.headers.get("content-type", "")
        size = len(gzip.compress(body, 6, mtime=0)) if _is_text(kind) else len(body)
        total += size
        if _is_search(request.url):
            search += size
            part = _part(request.url)
            parts[part] = parts.get(part, 0) + size
    return {
        "requests": len(requests),
        "kb": round(total / 1024, 1),
        "search_kb": round(search / 1024, 1),
        "search_parts_kb": {part: round(kb / 1024, 1) for part, kb in sorted(parts.items())},
    }


def _part(url: str) -> str:
    """Which part of a search a request fetched."""
    name = url.split("?")[0].rsplit("/", 1)[-1]
    if name.endswith(".js"):
        return "scripts"
    if name.startswith("wasm."):
        return "wasm"
    if name.endswith(".pf_fragment"):
        return "fragments"
    if "search_index" in name:
        return "index"
    return "index" if name.endswith((".pf_index", ".pf_meta", ".pf_filter", ".json")) else "other"


def _is_text(content_type: str) -> bool:
    return any(marker in content_type for marker in TEXT_TYPES)


def _is_search(url: str) -> bool:
    """Pagefind's bundle and index, or Material's index and search worker."""
    return "/pagefind/pagefind/" in url or "search_index" in url or "/workers/search" in url


def _print(result: dict[str, Any]) -> None:
    builds = ", ".join(f"{k} {v:.1f} s" for k, v in result["build_s"].items())
    queries = ", ".join(f"{q!r} {r['kb']:.0f} KB" for q, r in result["first_query"].items())
    worst = max(result["first_view"]["pages"], key=lambda p: p["pagefind"]["over_plain_kb"])
    print(
        f"  {result['stories']} stories: {builds}; Pagefind indexed in "
        f"{result['pagefind_index_s']:.1f} s; first query {queries}; worst first view "
        f"{worst['page']} +{worst['pagefind']['over_plain_kb']} KB over the plain page",
        flush=True,
    )

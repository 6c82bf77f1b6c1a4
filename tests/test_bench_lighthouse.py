"""bench/lighthouse.py's choice of pages and its verdict: one page of every kind the site
has, and a miss of any target on any page (the baseline aside) fails the command."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import FIXTURES

from bench import lighthouse


def _built(tmp_path: Path) -> Path:
    from devkit.site import mkdocs_build_in_process

    site = tmp_path / "site"
    mkdocs_build_in_process(site, content=FIXTURES / "news")
    return site


def test_one_page_of_every_kind_the_site_has(tmp_path: Path) -> None:
    kinds = lighthouse.page_kinds(_built(tmp_path))
    wanted = {"home", "landing", "chapter", "who's who", "sources", "timeline"}
    assert wanted | {"embed", "about", "standards", "data schema", "404"} <= set(kinds)
    assert kinds["home"] == "" and kinds["404"] == "404.html"
    assert kinds["embed"].endswith("/timeline/embed/")
    assert kinds["who's who"].endswith("/actors/")
    assert "actor" not in kinds  # no page of its own: a profile on Who's who
    assert "reactions" not in kinds  # the news fixture's stories have none: left out


def _page(**scores: int) -> dict[str, Any]:
    return {"scores": scores, "all_runs": [scores], "failing": [], "runtime_error": None}


def test_a_miss_on_any_page_but_the_baseline_fails() -> None:
    perfect = {"performance": 99, "accessibility": 100, "best-practices": 100, "seo": 100}
    result: dict[str, Any] = {
        "pages": {
            lighthouse.PLAIN: _page(**{**perfect, "seo": 80}),  # the baseline: no targets
            "home": _page(**perfect),
            "timeline": _page(**{**perfect, "performance": 94}),
        },
        "accessibility": {"pages": {"/": {"score": 100}, "about/": {"score": 96}}},
    }
    assert lighthouse.misses(result) == {
        "timeline": ["performance"],
        "about/ (every page)": ["accessibility"],
    }
    printed = lighthouse.table(result)
    assert "94 *" in printed and "80 *" not in printed
    result["pages"]["timeline"] = _page(**perfect)
    result["accessibility"] = {}
    assert lighthouse.misses(result) == {}

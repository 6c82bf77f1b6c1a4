"""Shared fixtures: paths of the repository, its stories, a scratch copy of a small story."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sites import SiteCache, host_rule, serve_sites, shared_root

from devkit import ROOT as ROOT  # the repository's folder, which the tests import from here
from devkit.site import mkdocs_build as mkdocs_build  # the tests' one way to build the site
from generator.content.errors import ContentErrors
from generator.content.load import load_stories, story_folders
from generator.render.build import GeneratedFiles
from generator.render.render import profile_anchor

FIXTURES = ROOT / "tests" / "fixtures"
MINIMAL = FIXTURES / "minimal"
NEWS = FIXTURES / "news"


@pytest.fixture
def news(tmp_path: Path) -> Path:
    """A copy of the news fixture's content folder, to edit."""
    target = tmp_path / "content"
    shutil.copytree(NEWS, target, ignore=shutil.ignore_patterns("*.py"))
    return target


def problems(content: Path) -> list[str]:
    """The errors that loading ``content`` raises, as printed."""
    with pytest.raises(ContentErrors) as caught:
        load_stories(content)
    return [str(problem) for problem in caught.value.errors]


VARIED = FIXTURES / "varied"  # a story of another shape: many actors and years, no glossary

CONTENT = ROOT / "content"
STORY_IDS = [folder.name for folder in story_folders(CONTENT)]
"""Every story under content/, found when the tests are collected: checks that hold for
every story are parametrised over it, so no test depends on which stories exist."""
FIRST_STORY = "hanoi-summit-2019"
"""The first story, which tests of its own facts (and the browser tests) select by id."""
MKDOCS_WARNING = re.compile(r"^WARNING\s+-", re.MULTILINE)
"""A WARNING record in MkDocs' log (not Material's end-of-life notice, which names the
variable NO_MKDOCS_2_WARNING and is left to print)."""


def profile(whos_who: str, actor_id: str) -> str:
    """The Markdown of one actor's profile on a Who's who page (``whos_who``), from its
    heading to the next actor's or the page's end; fails if it has no profile."""
    heading = re.compile(rf"^### .* \{{ #{profile_anchor(actor_id)}[ }}].*$", re.M)
    found = heading.search(whos_who)
    assert found, f"no profile of {actor_id}"
    end = re.compile(r"^#{1,3} ", re.M).search(whos_who, found.end())
    return whos_who[found.start() : end.start() if end else None]


def text_files(files: GeneratedFiles) -> dict[str, str]:
    """The generated files that are text (pages, data, feeds, schemas): all but pictures."""
    return {path: content for path, content in files.items() if isinstance(content, str)}


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A content folder holding a copy of the minimal valid story 'tiny-story'."""
    target = tmp_path / "content"
    shutil.copytree(MINIMAL, target)
    return target


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite golden files from the output"
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite golden files (``--update-golden``)."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def browser(sites: SiteCache) -> Iterator[Any]:
    """Headless Debian Chromium, one per process; skipped where it is missing, but never in
    CI. It reaches the run's served sites (``sites.served``) through this process's server."""
    from devkit.chromium import chromium_available, launch_chromium

    if not chromium_available():
        message = "Debian's Chromium is missing: apt-get install -y chromium"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{message} (browser tests may not skip in CI)")
        pytest.skip(message)
    with serve_sites(sites) as port, launch_chromium([host_rule(port)]) as chromium:
        yield chromium


@pytest.fixture(scope="module")
def _shared_contexts(browser: Any) -> Iterator[dict[str, Any]]:
    """The module's shared contexts (:func:`shared_context`), closed after its last test."""
    made: dict[str, Any] = {}
    yield made
    for shared in made.values():
        shared.context.close()


@pytest.fixture
def shared_context(browser: Any, _shared_contexts: dict[str, Any]) -> Iterator[Any]:
    """``shared_context(width, height=900, **options)``: the module's context of that
    viewport and options, whose one tab its tests share (:class:`browser.SharedContext`),
    as a new page again after each test."""
    from browser import SharedContext

    used: list[SharedContext] = []

    def get(width: int = 1280, height: int = 900, **options: Any) -> SharedContext:
        key = repr((width, height, sorted(options.items())))
        if key not in _shared_contexts:
            viewport = {"width": width, "height": height}
            _shared_contexts[key] = SharedContext(browser.new_context(viewport=viewport, **options))
        used.append(_shared_contexts[key])
        return used[-1]

    yield get
    for shared in dict.fromkeys(used):
        shared.reset()


@pytest.fixture(scope="session")
def sites(tmp_path_factory: pytest.TempPathFactory) -> SiteCache:
    """The run's built sites, each built once (by whichever test, or xdist worker, asks first)."""
    return SiteCache(shared_root(tmp_path_factory.getbasetemp()))


@pytest.fixture(scope="session")
def live_site(sites: SiteCache) -> tuple[str, Path]:
    """The real site, built once per run for and served to ``browser`` at
    http://content.sites.localhost/explainer/ (a sub-path, as on GitHub Pages)."""
    return sites.served("content")


BUILDING = ("sites",)
"""Fixtures that build a site with MkDocs: a test using one is a ``build`` test. Each site
is built once per run, shared by pytest-xdist's workers (tests/sites.py), so any worker
may run any test: ``make test`` balances them with ``--dist worksteal``."""


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that uses a fixture building a site is a ``build`` test."""
    for item in items:
        if any(name in getattr(item, "fixturenames", ()) for name in BUILDING):
            item.add_marker(pytest.mark.build)

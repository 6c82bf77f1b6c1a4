"""Neither the site nor the tests depend on which stories exist, or how many.

The content folder is copied, and two stories are added to it: one of another shape
(tests/fixtures/varied/: many actors, two decades, lanes by actor, no accounts and no
glossary) and a copy of the first story under another id. The whole site must build
with ``mkdocs build --strict``, and every check that holds for every story must pass
on each of them.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest
from conftest import CONTENT, FIRST_STORY, MKDOCS_WARNING, STORY_IDS, VARIED
from sites import SiteCache
from storychecks import check_citations_resolve, check_open_data, check_pages_are_built

from devkit.content import copy_story, run_generator
from generator.content.load import load_stories, story_folders
from generator.render.build import GeneratedFiles, build_site

(VARIED_FOLDER,) = story_folders(VARIED)


def free_id(wanted: str) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3``...: an id no story under content/ has."""
    candidates = (wanted if n == 1 else f"{wanted}-{n}" for n in range(1, len(STORY_IDS) + 2))
    return next(story_id for story_id in candidates if story_id not in STORY_IDS)


VARIED_STORY = free_id(VARIED_FOLDER.name)
RENAMED = free_id("renamed-first-story")
MIXED_IDS = sorted([*STORY_IDS, VARIED_STORY, RENAMED])


def write_mixed_content(content: Path) -> Path:
    """content/ as it is, the varied story and the first story renamed, in ``content``."""
    shutil.copytree(CONTENT, content)
    copy_story(VARIED_FOLDER, content, VARIED_STORY)
    copy_story(CONTENT / FIRST_STORY, content, RENAMED)
    return content


@pytest.fixture(scope="module")
def mixed_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """content/ as it is, the varied story and the first story renamed."""
    return write_mixed_content(tmp_path_factory.mktemp("mixed") / "content")


@pytest.fixture(scope="module")
def mixed_site(sites: SiteCache) -> Path:
    """The mixed content built once per run, whichever process asks first."""
    built = sites.prepared("mixed", lambda work: (write_mixed_content(work / "content"), None))
    assert not MKDOCS_WARNING.search(built.log), built.log
    return built.folder


@pytest.fixture(scope="module")
def mixed_files(mixed_content: Path) -> GeneratedFiles:
    return build_site(mixed_content).files


def test_the_varied_story_has_another_shape_than_the_first() -> None:
    (varied,) = load_stories(VARIED)
    years = {event.first_day.year for event in varied.events}
    assert len(varied.actors) >= 15 and len(varied.issues) >= 3
    assert len(varied.events) >= 20 and max(years) - min(years) >= 20
    assert varied.lanes == "actor"
    assert not varied.accounts and not varied.glossary
    assert varied.meta.end.year > varied.meta.start.year


def test_the_mixed_content_passes_the_check(mixed_content: Path) -> None:
    result = run_generator("check", str(mixed_content))
    assert result.returncode == 0, result.stdout + result.stderr
    # Warnings about the stories, if any, come first; the last line is the summary.
    assert result.stdout.splitlines()[-1].startswith(f"{len(MIXED_IDS)} stories checked, no ")


def test_the_home_page_lists_every_story(mixed_site: Path) -> None:
    home = (mixed_site / "index.html").read_text(encoding="utf-8")
    for story_id in MIXED_IDS:
        assert f'href="{story_id}/"' in home, story_id


FOOTER_LINK = re.compile(r'<a href="([^"]*)" class="md-footer__link md-footer__link--(prev|next)"')


@pytest.mark.parametrize("story_id", MIXED_IDS)
def test_previous_and_next_stay_within_a_story(mixed_site: Path, story_id: str) -> None:
    """The footer never leads from one story into another (the menu's order would)."""
    pages = sorted((mixed_site / story_id).rglob("index.html"))
    seen = set()
    for page in pages:
        address = "/" + page.parent.relative_to(mixed_site).as_posix() + "/"
        for href, direction in FOOTER_LINK.findall(page.read_text(encoding="utf-8")):
            target = urljoin(address, href)
            assert target.startswith(f"/{story_id}/"), (address, direction, target)
            seen.add((address, direction))
    assert (f"/{story_id}/", "prev") not in seen, "the landing page has no Previous"
    assert (f"/{story_id}/", "next") in seen, "but it has a Next"
    assert len(seen) >= 2 * (len(pages) - 1) - 2, "only the ends of the chain lack a link"


@pytest.mark.parametrize("story_id", MIXED_IDS)
def test_every_story_of_a_mixed_site_passes_the_checks_for_every_story(
    mixed_site: Path, mixed_files: GeneratedFiles, story_id: str
) -> None:
    check_pages_are_built(mixed_files, mixed_site, story_id)
    check_citations_resolve(mixed_site, story_id)
    check_open_data(mixed_files, story_id)

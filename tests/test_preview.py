"""Previewing one story: ``make serve STORY=<id>``, ``EXPLAINER_STORY``, ``--story ID``.

Only that story's folder is read; the home page and the navigation hold it alone; an
unknown id is one line naming the stories there, never a traceback.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, mkdocs_build

from devkit.content import edit_file, run_generator
from generator.content.load import unknown_story
from generator.render.build import build_site


@pytest.fixture
def two_stories(content: Path) -> Path:
    """The minimal content with a second story, 'other-story', beside 'tiny-story'."""
    shutil.copytree(content / "tiny-story", content / "other-story")
    story = content / "other-story" / "story.yml"
    edit_file(story, "id: tiny-story", "id: other-story")
    edit_file(story, "title: A tiny story", "title: Another story")
    return content


def test_one_story_site_holds_that_story_alone(two_stories: Path) -> None:
    site = build_site(two_stories, story_id="other-story")
    assert "other-story/index.md" in site.files
    assert not [path for path in site.files if path.startswith("tiny-story/")]
    home = site.files["index.md"]
    assert "(other-story/index.md)" in home and "tiny-story" not in home
    assert [title for title, _ in site.nav] == ["Home", "Another story"]
    assert (
        site.files["other-story/index.md"] == build_site(two_stories).files["other-story/index.md"]
    ), "a story's pages differ when previewed alone"


def test_one_story_preview_reads_only_that_story_folder(two_stories: Path) -> None:
    edit_file(two_stories / "tiny-story" / "timeline.yml", "date: 2020-01-02", "date: 2020-13-02")
    assert "other-story/index.md" in build_site(two_stories, story_id="other-story").files


def test_build_option_writes_one_story(two_stories: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_generator(
        "build", "--out", str(out), "--story", "tiny-story", str(two_stories), cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    assert (out / "docs" / "tiny-story" / "index.md").is_file()
    assert not (out / "docs" / "other-story").exists()


def test_check_option_checks_one_story(two_stories: Path) -> None:
    edit_file(two_stories / "tiny-story" / "timeline.yml", "date: 2020-01-02", "date: 2020-13-02")
    result = run_generator("check", "content", "--story", "other-story", cwd=two_stories.parent)
    assert (result.returncode, result.stdout) == (0, "1 story checked, no problems found.\n")
    assert run_generator("check", "content", cwd=two_stories.parent).returncode == 1


@pytest.mark.parametrize("command", [["check"], ["build", "--out", "out"]])
def test_unknown_story_is_one_line_naming_the_nearest(
    two_stories: Path, command: list[str]
) -> None:
    result = run_generator(*command, "content", "--story", "tiny-stroy", cwd=two_stories.parent)
    assert result.returncode == 1
    assert result.stdout == (
        "content:1:1: no story 'tiny-stroy' in this content folder; did you mean 'tiny-story'?\n"
    )
    assert "Traceback" not in result.stderr
    assert not (two_stories.parent / "out").exists()


@pytest.mark.parametrize(
    ("ids", "message"),
    [
        (["other-story", "tiny-story"], "choose 'other-story' or 'tiny-story'"),
        ([f"story-{n}" for n in range(30)], "choose one of its 30 folders' names"),
        ([], "it holds no story yet"),
    ],
)
def test_unknown_story_without_a_near_id_names_the_stories(ids: list[str], message: str) -> None:
    prefix = "no story 'elsewhere' in this content folder; "
    assert unknown_story("elsewhere", ids) == prefix + message


@pytest.mark.build
def test_strict_mkdocs_build_of_one_story(two_stories: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = mkdocs_build(site, content=two_stories, story="tiny-story")
    assert result.returncode == 0, result.stderr
    assert (site / "tiny-story" / "timeline" / "index.html").is_file()
    assert not (site / "other-story").exists()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="tiny-story/"' in home and "other-story" not in home


@pytest.mark.build
def test_mkdocs_build_of_an_unknown_story_stops_with_the_message(
    two_stories: Path, tmp_path: Path
) -> None:
    result = mkdocs_build(tmp_path / "site", content=two_stories, story="other")
    assert result.returncode == 1
    assert "no story 'other' in this content folder; choose 'other-story' or 'tiny-story'" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr

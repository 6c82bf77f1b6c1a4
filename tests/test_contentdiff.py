"""`diff` summarises content changes from the models, in editors' words, as Markdown."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import MINIMAL

from devkit.content import edit_file, run_generator
from generator.content.load import load_stories
from generator.tools.contentdiff import KINDS, summarise_changes

STORY = "tiny-story"


def diff(base: Path, head: Path) -> subprocess.CompletedProcess[str]:
    return run_generator("diff", str(base), str(head), cwd=head.parent)


def edit(content: Path, name: str, old: str, new: str, story: str = STORY) -> None:
    edit_file(content / story / name, old, new)


def append(content: Path, name: str, text: str) -> None:
    path = content / STORY / name
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def swap_actors(content: Path) -> None:
    path = content / STORY / "actors.yml"
    prefix, rest = path.read_text(encoding="utf-8").split("  - id: side-a", 1)
    first, second = rest.split("  - id: side-b", 1)
    path.write_text(f"{prefix}  - id: side-b{second}  - id: side-a{first}", encoding="utf-8")


def copy_story(content: Path, story_id: str) -> None:
    shutil.copytree(MINIMAL / STORY, content / story_id)
    edit(content, "story.yml", f"id: {STORY}", f"id: {story_id}", story=story_id)


@pytest.fixture
def base(tmp_path: Path) -> Path:
    """The fixture content, as the base branch has it."""
    target = tmp_path / "base"
    shutil.copytree(MINIMAL, target)
    return target


def test_identical_folders_have_no_content_changes(base: Path, content: Path) -> None:
    result = diff(base, content)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "## Content changes\n\nNo content changes.\n"


def test_edits_are_listed_per_kind_with_the_fields_that_changed(base: Path, content: Path) -> None:
    source = "  - id: {0}\n    title: {0}\n"
    append(base, "sources.yml", source.format("old-report"))
    append(content, "sources.yml", source.format("statement"))
    edit(content, "story.yml", "title: A tiny story", "title: A small story")
    append(
        content, "story.yml", "  - date: 2020-02-02\n    kind: update\n    note: Added a term.\n"
    )
    swap_actors(content)
    edit(content, "positions.yml", "summary: No change to tariffs.", "summary: No change at all.")
    (content / STORY / "reactions.yml").write_text("reactions: []\n", encoding="utf-8")
    edit(content, "timeline.yml", "description: Officials prepared", "description: Aides prepared")
    append(
        content,
        "timeline.yml",
        "  - id: talks-close\n    date: 2020-01-03\n    title: Talks close\n"
        "    description: They part.\n    category: diplomacy\n    sources: [report]\n",
    )
    edit(content, "quotations.yml", "We will not change", "We shall not change")
    append(
        content,
        "glossary.yml",
        "  - term: embargo\n    definition: A ban.\n    sources: [report]\n",
    )

    result = diff(base, content)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "## Content changes\n"
        "\n"
        "### A small story (tiny-story)\n"
        "\n"
        "- Changed story 'A small story': title\n"
        "- Added source 'statement'\n"
        "- Removed source 'old-report'\n"
        "- Reordered actors\n"
        "- Changed position 'side-b on trade': summary\n"
        "- Removed reaction 'side-a'\n"
        "- Added event 'Talks close' (3 January 2020)\n"
        "- Changed event 'Earlier contacts' (end of 2019): description\n"
        "- Changed quotation 'no-change': text\n"
        "- Added glossary term 'embargo'\n"
        "- Added correction 'Added a term.' (2 February 2020)\n"
    )


def test_a_changed_event_date_is_shown_at_its_new_precision(base: Path, content: Path) -> None:
    edit(content, "timeline.yml", "date: 2020-01-02", "date: 2020-01")
    assert summarise_changes(base, content).splitlines()[-1] == (
        "- Changed event 'Talks open' (January 2020): date"
    )


def test_stories_are_listed_by_id_added_and_removed(base: Path, content: Path) -> None:
    copy_story(base, "old-story")
    copy_story(content, "new-story")
    summary = summarise_changes(base, content)
    assert summary.startswith(
        "## Content changes\n\n### A tiny story (new-story)\n\n- Added story 'A tiny story'\n"
        "- Added source 'report'\n"
    )
    assert summary.endswith(
        "- Added correction 'The place was corrected.' (1 February 2020)\n"
        "\n"
        "### A tiny story (old-story)\n"
        "\n"
        "- Removed story 'A tiny story'\n"
    )


@pytest.mark.parametrize("base_kind", ["missing", "empty"])
def test_without_a_base_everything_is_new(tmp_path: Path, content: Path, base_kind: str) -> None:
    base = tmp_path / "base"
    if base_kind == "empty":
        base.mkdir()
    (story,) = load_stories(content)
    items = sum(len(kind.items(story)) for kind in KINDS)
    lines = summarise_changes(base, content).splitlines()
    assert lines[:5] == [
        "## Content changes",
        "",
        "### A tiny story (tiny-story)",
        "",
        "- Added story 'A tiny story'",
    ]
    assert lines[4:] == [line for line in lines[4:] if line.startswith("- Added ")]
    assert len(lines[5:]) == items
    assert "- Added event 'Earlier contacts' (end of 2019)" in lines
    assert "- Added position 'side-a on trade'" in lines


def test_a_base_story_that_no_longer_loads_is_listed_as_new(base: Path, content: Path) -> None:
    edit(base, "actors.yml", "kind: person", "kind: persn")
    lines = summarise_changes(base, content).splitlines()
    assert lines[2:7] == [
        "### A tiny story (tiny-story)",
        "",
        "Its earlier version does not load any more, so everything is listed as new.",
        "",
        "- Added story 'A tiny story'",
    ]


def test_a_base_story_that_no_longer_loads_and_is_gone_is_removed(
    base: Path, content: Path
) -> None:
    copy_story(base, "old-story")
    edit(base, "actors.yml", "kind: person", "kind: persn", story="old-story")
    assert summarise_changes(base, content) == (
        "## Content changes\n\n### old-story (old-story)\n\n- Removed story 'old-story'\n"
    )


def test_editors_text_cannot_add_markdown_to_the_summary(base: Path, content: Path) -> None:
    edit(content, "timeline.yml", "title: Talks open", "title: Talks <b>open</b> [x](y)")
    assert summarise_changes(base, content).splitlines()[-1] == (
        "- Changed event 'Talks &#60;b&#62;open&#60;/b&#62; &#91;x&#93;&#40;y&#41;' "
        "(2 January 2020): title"
    )


def test_content_errors_in_the_head_are_a_markdown_list_and_exit_1(
    base: Path, content: Path
) -> None:
    edit(content, "actors.yml", "kind: person", "kind: persn")
    edit(content, "story.yml", "start: 2020-01-02", "start: 2020-02-30")
    result = diff(base, content)
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout == (
        "## Content errors\n"
        "\n"
        "2 problems must be fixed before the changes can be summarised:\n"
        "\n"
        "- content/tiny-story/actors.yml:10:11: 'persn' is not a valid kind; did you mean "
        "'person'? write one of 'person', 'government', 'authority', 'organisation' or 'group'\n"
        "- content/tiny-story/story.yml:5:8: '2020-02-30' is not a real date: February 2020 "
        "has 29 days\n"
    )


def test_warnings_about_other_stories_are_not_listed_as_content_errors(
    base: Path, content: Path
) -> None:
    copy_story(content, "a-story")
    edit(content, "sources.yml", "url: https://", "url: http://", story="a-story")
    edit(content, "story.yml", "start: 2020-01-02", "start: 2020-02-30")
    result = diff(base, content)
    assert result.returncode == 1
    assert result.stdout == (
        "## Content errors\n"
        "\n"
        "1 problem must be fixed before the changes can be summarised:\n"
        "\n"
        "- content/tiny-story/story.yml:5:8: '2020-02-30' is not a real date: February 2020 "
        "has 29 days\n"
    )


def test_a_missing_head_folder_is_a_content_error(tmp_path: Path, base: Path) -> None:
    result = diff(base, tmp_path / "content")
    assert result.returncode == 1
    assert result.stdout.endswith("\n- content:1:1: no such content folder\n")
    assert "Traceback" not in result.stderr

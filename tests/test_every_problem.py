"""Every problem in one run: each error and each warning of every file, publisher.yml
included, from `check`, `build`, the pull-request annotations and the MkDocs hook alike,
in file and line order.

The content plants problems at every stage the loader goes through: a file YAML cannot
read, a value its model refuses, a rule across a file's items (an actor on two sides)
beside another error of that file, a reference to nothing, warnings in the valid files
of stories with errors, and an error in publisher.yml.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from devkit.content import copy_story, edit_file, run_generator
from devkit.site import mkdocs_build
from generator.content.errors import ContentErrors
from generator.content.load import check_content, load_content
from generator.render.build import build_site

STORY = "tiny-story"


@pytest.fixture
def planted(content: Path) -> Path:
    """The practice story and a copy, with problems planted in several files of each."""
    tiny = content / STORY
    copy_story(tiny, content, "b-story")
    edit_file(tiny / "actors.yml", "kind: person", "kind: persn")  # the model refuses it
    edit_file(  # a rule across items, beside the error above: hidden before
        tiny / "actors.yml",
        "    country: Country B\n    sources: [report]\n",
        "    country: Country B\n    sources: [report]\nsides:\n  - id: first\n"
        "    name: First\n    actors: [side-a]\n  - id: second\n    name: Second\n"
        "    actors: [side-a]\n",
    )
    edit_file(tiny / "timeline.yml", "actors: [side-a, side-b]", "actors: [side-a, sdie-b]")
    edit_file(tiny / "glossary.yml", "  - term: tariff", "  - term: [tariff")  # YAML fails
    edit_file(tiny / "sources.yml", "url: https://", "url: http://")  # a warning
    b_story = content / "b-story"
    edit_file(b_story / "story.yml", "start: 2020-01-02", "start: 2020-02-30")
    edit_file(b_story / "quotations.yml", "change anything.", 'change "anything".')  # warning
    (content / "publisher.yml").write_text("nmae: Example News\n", encoding="utf-8")
    return content


EXPECTED = [
    ("b-story/quotations.yml", 4, "warning"),
    ("b-story/story.yml", 5, "error"),
    ("publisher.yml", 1, "error"),
    ("tiny-story/actors.yml", 10, "error"),
    ("tiny-story/actors.yml", 20, "error"),
    ("tiny-story/glossary.yml", 3, "error"),
    ("tiny-story/sources.yml", 6, "warning"),
    ("tiny-story/timeline.yml", 17, "error"),
]
"""Every planted problem: (file, line, severity), in the order they are printed."""


def _found(problems: list[tuple[str, int, str]]) -> list[tuple[str, int, str]]:
    return [(path.split("content/", 1)[1], line, kind) for path, line, kind in problems]


def test_loading_finds_every_problem_in_one_run(planted: Path) -> None:
    with pytest.raises(ContentErrors) as caught:
        load_content(planted)
    problems = caught.value.problems
    assert _found([(p.path.as_posix(), p.line, p.severity) for p in problems]) == EXPECTED
    assert "'side-a' is already on the side 'first'" in problems[4].message


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded")  # as in test_load
def test_check_finds_what_loading_finds(planted: Path, workers: int) -> None:
    with pytest.raises(ContentErrors) as checked:
        check_content(planted, workers=workers)
    with pytest.raises(ContentErrors) as loaded:
        load_content(planted)
    assert checked.value.problems == loaded.value.problems


def _printed(stdout: str) -> list[tuple[str, int, str]]:
    """(file, line, severity) of each `file:line:col: [warning: ]message` line."""
    found = []
    for line in stdout.splitlines():
        path, number, _, message = line.split(":", 3)
        found.append((path, int(number), "warning" if message.startswith(" warning:") else "error"))
    return _found(found)


def _annotated(stdout: str) -> list[tuple[str, int, str]]:
    """(file, line, severity) of each `::error file=...,line=...,col=...::` annotation."""
    found = []
    for line in stdout.splitlines():
        kind, rest = line[2:].split(" ", 1)
        fields = dict(part.split("=", 1) for part in rest.split("::", 1)[0].split(","))
        found.append((fields["file"].replace("%3A", ":"), int(fields["line"]), kind))
    return _found(found)


@pytest.mark.parametrize(
    "command",
    [("check", "content"), ("build", "content", "--out", "out")],
    ids=["check", "build"],
)
def test_check_and_build_print_every_problem(planted: Path, command: tuple[str, ...]) -> None:
    result = run_generator(*command, cwd=planted.parent)
    assert result.returncode == 1
    assert _printed(result.stdout) == EXPECTED
    assert result.stderr == "6 problems (and 2 warnings) found; nothing was built.\n"


def test_the_pull_request_annotations_name_every_problem(planted: Path) -> None:
    result = run_generator("check", "content", "--format", "github", cwd=planted.parent)
    assert result.returncode == 1
    assert _annotated(result.stdout) == EXPECTED


def test_build_site_raises_every_problem(planted: Path) -> None:
    with pytest.raises(ContentErrors) as caught:
        build_site(planted)
    assert len(caught.value.problems) == len(EXPECTED)


def test_the_mkdocs_hook_lists_every_problem(planted: Path, tmp_path: Path) -> None:
    result = mkdocs_build(tmp_path / "site", content=planted)
    assert result.returncode == 1
    assert "6 problem(s) (and 2 warning(s)) in content; nothing was built" in result.stderr
    listed = [line for line in result.stderr.splitlines() if "/content/" in line]
    assert _printed("\n".join(listed)) == EXPECTED

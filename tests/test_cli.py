"""The command line: exit codes and exact messages, never a traceback."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

from devkit.content import run_generator, run_generator_process


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return run_generator(*args, cwd=cwd)


def test_check_passes_on_valid_content(content: Path) -> None:
    result = run("check", str(content))
    assert (result.returncode, result.stdout) == (0, "1 story checked, no problems found.\n")


def test_check_prints_located_problems_without_traceback(content: Path) -> None:
    story = content / "tiny-story" / "actors.yml"
    story.write_text(story.read_text().replace("kind: person", "kind: persn"))
    result = run("check", "content", cwd=content.parent)
    assert result.returncode == 1
    assert result.stdout == (
        "content/tiny-story/actors.yml:10:11: 'persn' is not a valid kind; did you mean "
        "'person'? write one of 'person', 'government', 'authority', 'organisation' or 'group'\n"
    )
    assert result.stderr == "1 problem found; nothing was built.\n"
    assert "Traceback" not in result.stdout + result.stderr


def test_check_github_annotations_name_file_and_line(content: Path) -> None:
    story = content / "tiny-story" / "story.yml"
    story.write_text(story.read_text().replace("start: 2020-01-02", "start: 2020-02-30"))
    result = run("check", "content", "--format", "github", cwd=content.parent)
    assert result.returncode == 1
    assert result.stdout == (
        "::error file=content/tiny-story/story.yml,line=5,col=8::'2020-02-30' is not a real "
        "date: February 2020 has 29 days\n"
    )


def test_check_of_a_missing_folder_is_a_message(tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert "no such content folder" in result.stdout
    assert "Traceback" not in result.stderr


HTTP_WARNING = (
    "an http:// address; write https:// if the page opens with it (keep http:// only for "
    "a page that has no https:// version; for a source's url, say why under no_https)"
)


def _with_an_http_address(content: Path) -> None:
    sources = content / "tiny-story" / "sources.yml"
    sources.write_text(sources.read_text().replace("url: https://", "url: http://"))


def test_check_prints_warnings_and_passes(content: Path) -> None:
    _with_an_http_address(content)
    result = run("check", "content", cwd=content.parent)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        f"content/tiny-story/sources.yml:6:10: warning: {HTTP_WARNING}\n"
        "1 story checked, no errors, 1 warning.\n"
    )


def test_check_strict_fails_on_warnings(content: Path) -> None:
    _with_an_http_address(content)
    result = run("check", "content", "--strict", cwd=content.parent)
    assert result.returncode == 1
    assert result.stdout == f"content/tiny-story/sources.yml:6:10: warning: {HTTP_WARNING}\n"
    assert result.stderr == "1 warning found; --strict counts them as problems.\n"


def test_check_strict_passes_without_warnings(content: Path) -> None:
    result = run("check", "content", "--strict", cwd=content.parent)
    assert (result.returncode, result.stdout) == (0, "1 story checked, no problems found.\n")


def test_check_strict_passes_an_http_source_that_says_why(content: Path) -> None:
    _with_an_http_address(content)
    sources = content / "tiny-story" / "sources.yml"
    sources.write_text(
        sources.read_text() + "    no_https: The site serves no https:// version (tried).\n"
    )
    result = run("check", "content", "--strict", cwd=content.parent)
    assert (result.returncode, result.stdout) == (0, "1 story checked, no problems found.\n")


def test_check_github_annotations_of_warnings(content: Path) -> None:
    _with_an_http_address(content)
    result = run("check", "content", "--format", "github", cwd=content.parent)
    assert result.returncode == 0
    assert result.stdout == (
        f"::warning file=content/tiny-story/sources.yml,line=6,col=10::{HTTP_WARNING}\n"
        "1 story checked, no errors, 1 warning.\n"
    )


def test_check_prints_errors_with_other_stories_warnings_and_counts_both(content: Path) -> None:
    shutil.copytree(content / "tiny-story", content / "a-story")
    story = content / "a-story" / "story.yml"
    story.write_text(story.read_text().replace("id: tiny-story", "id: a-story"))
    sources = content / "a-story" / "sources.yml"
    sources.write_text(sources.read_text().replace("url: https://", "url: http://"))
    story = content / "tiny-story" / "story.yml"
    story.write_text(story.read_text().replace("start: 2020-01-02", "start: 2020-02-30"))
    result = run("check", "content", cwd=content.parent)
    assert result.returncode == 1
    assert result.stdout == (
        f"content/a-story/sources.yml:6:10: warning: {HTTP_WARNING}\n"
        "content/tiny-story/story.yml:5:8: '2020-02-30' is not a real date: February 2020 "
        "has 29 days\n"
    )
    assert result.stderr == "1 problem (and 1 warning) found; nothing was built.\n"


@pytest.mark.build
def test_the_command_line_runs_as_a_program(content: Path) -> None:
    """The other tests call ``cli.main`` in process; this runs ``python -m generator``."""
    assert run_generator_process("check", str(content)).stdout == (
        "1 story checked, no problems found.\n"
    )
    story = content / "tiny-story" / "story.yml"
    story.write_text(story.read_text().replace("start: 2020-01-02", "start: 2020-02-30"))
    result = run_generator_process("check", "content", cwd=content.parent)
    assert result.returncode == 1 and "February 2020 has 29 days" in result.stdout
    assert result.stderr == "1 problem found; nothing was built.\n"

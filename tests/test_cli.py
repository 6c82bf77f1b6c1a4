"""The command line: exit codes and exact messages, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_passes_on_valid_content(content: Path) -> None:
    result = run("check", str(content))
    assert (result.returncode, result.stdout) == (0, "1 stories checked, no problems found.\n")


def test_check_prints_located_problems_without_traceback(content: Path) -> None:
    story = content / "tiny-story" / "actors.yml"
    story.write_text(story.read_text().replace("kind: person", "kind: persn"))
    result = run("check", "content", cwd=content.parent)
    assert result.returncode == 1
    assert result.stdout == (
        "content/tiny-story/actors.yml:10:11: 'persn' is not a valid kind; did you mean "
        "'person'? write one of 'person', 'government', 'organisation' or 'group'\n"
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

"""The generator's command line, editing a content file as an editor would, and copying a
story under another id."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from . import ROOT


def run_generator(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """``python -m generator ARGS`` in ``cwd``, to its end; its exit code and output."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def edit_file(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in the file with ``new``; the file must hold ``old``.

    An edit that finds nothing to change would leave the test it prepares proving
    nothing, so it fails instead.
    """
    text = path.read_text(encoding="utf-8")
    if old not in text:
        raise ValueError(f"{path} does not hold {old!r}")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def copy_story(folder: Path, content: Path, story_id: str) -> Path:
    """Copy the story ``folder`` into ``content`` under another id (folder name and
    ``id:``); the copy's story.yml, for further edits."""
    shutil.copytree(folder, content / story_id)
    story = content / story_id / "story.yml"
    text, count = re.subn(r"^id: .+$", f"id: {story_id}", story.read_text(), count=1, flags=re.M)
    if count != 1:
        raise ValueError(f"no id: line in {story}")
    story.write_text(text)
    return story

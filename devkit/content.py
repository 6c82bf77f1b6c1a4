"""The generator's command line, and editing a content file as an editor would."""

from __future__ import annotations

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

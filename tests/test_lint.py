"""The code keeps the house style: what `make lint` runs passes, over the same files
(ruff over every Python file of the repository, mypy over the files pyproject.toml names)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import ROOT

CHECKS = {
    "ruff check": [sys.executable, "-m", "ruff", "check"],
    "ruff format": [sys.executable, "-m", "ruff", "format", "--check"],
    "mypy": [sys.executable, "-m", "mypy"],
}


@pytest.mark.parametrize("name", list(CHECKS))
def test_code_passes(name: str) -> None:
    result = subprocess.run(CHECKS[name], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_make_lint_runs_these_checks() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^lint:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert recipe, "no lint target in the Makefile"
    commands = [line.strip().removeprefix("$(BIN)/").split() for line in recipe[1].splitlines()]
    assert commands == [command[2:] for command in CHECKS.values()]

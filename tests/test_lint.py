"""The code keeps the house style: ruff (lint and format) and mypy (strict) pass."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT

PATHS = ["generator", "tests", "scripts", "bench"]
CHECKS = {
    "ruff check": [sys.executable, "-m", "ruff", "check", *PATHS],
    "ruff format": [sys.executable, "-m", "ruff", "format", "--check", *PATHS],
    "mypy": [sys.executable, "-m", "mypy"],
}


@pytest.mark.parametrize("name", list(CHECKS))
def test_code_passes(name: str) -> None:
    result = subprocess.run(CHECKS[name], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr

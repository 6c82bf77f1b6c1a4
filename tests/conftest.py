"""Shared fixtures: paths of the repository and a scratch copy of a small valid story."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
MINIMAL = FIXTURES / "minimal"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A content folder holding a copy of the minimal valid story 'tiny-story'."""
    target = tmp_path / "content"
    shutil.copytree(MINIMAL, target)
    return target

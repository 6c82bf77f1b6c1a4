"""Shared fixtures: paths of the repository and a scratch copy of a small valid story."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite golden files from the output"
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite golden files (``--update-golden``)."""
    return bool(request.config.getoption("--update-golden"))


def mkdocs_build(
    site_dir: Path,
    *,
    site_url: str = "https://example.github.io/explainer/",
    content: Path | None = None,
    config: Path | None = None,
    epoch: str = "1700000000",
) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict`` like ``make site`` does, into ``site_dir``."""
    env = {
        **os.environ,
        "SITE_URL": site_url,
        "SOURCE_DATE_EPOCH": epoch,
        "NO_MKDOCS_2_WARNING": "1",
    }
    if content is not None:
        env["EXPLAINER_CONTENT"] = str(content)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    if config is not None:
        command += ["--config-file", str(config)]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium; skipped where it is missing, but never in CI."""
    from browser import chromium_available, launch_chromium

    if not chromium_available():
        message = "Debian's Chromium is missing: apt-get install -y chromium"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{message} (browser tests may not skip in CI)")
        pytest.skip(message)
    with launch_chromium() as chromium:
        yield chromium


@pytest.fixture(scope="session")
def live_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The real site, built for and served at http://127.0.0.1:PORT/explainer/."""
    from browser import serve_directory

    root = tmp_path_factory.mktemp("served")
    with serve_directory(root) as base:
        url = base + "explainer/"
        result = mkdocs_build(root / "explainer", site_url=url)
        assert result.returncode == 0, result.stderr
        yield url, root / "explainer"

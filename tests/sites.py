"""Built sites shared by every test of a run: each site is built once, whoever asks first.

``mkdocs build`` is the slowest thing the tests do, so a site is built once per run and
per (content, site_url) pair, into a folder every test of the run shares, and under
pytest-xdist every worker too: the first to ask builds it under a file lock while the
others wait for it, then all read the same folder. Tests must not write into it (copy it
first). The ``sites`` fixture in conftest.py hands out the one :class:`SiteCache`.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from devkit.site import mkdocs_build

SITE_URL = "https://owner.github.io/repo/"
"""The address the shared sites are built for, unless a test asks for another."""


@dataclass(frozen=True)
class Built:
    """A site ``mkdocs build --strict`` wrote: its folder, address and what MkDocs logged."""

    folder: Path
    site_url: str
    log: str


class SiteCache:
    """Sites built at most once per run under ``root`` (shared by pytest-xdist's workers)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def build(self, content: Path | None = None, site_url: str = SITE_URL) -> Built:
        """The site of ``content`` (None: content/) built for ``site_url``; built now if no
        test of the run has built it yet. A failed build fails every test that asks for it,
        with MkDocs' own message."""
        key = f"{content}\n{site_url}".encode()
        name = f"{content.name if content else 'content'}-{hashlib.sha256(key).hexdigest()[:10]}"
        folder, log, done = (self.root / name, self.root / f"{name}.log", self.root / f"{name}.ok")
        with (self.root / f"{name}.lock").open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
            if not log.exists():
                result = mkdocs_build(folder, site_url=site_url, content=content)
                log.write_text(result.stderr, encoding="utf-8")
                if result.returncode == 0:
                    done.touch()
        text = log.read_text(encoding="utf-8")
        assert done.exists(), f"mkdocs build of {content or 'content/'} failed:\n{text}"
        return Built(folder, site_url, text)


def shared_root(basetemp: Path) -> Path:
    """The folder all of a run's processes share: under pytest-xdist each worker's basetemp
    is a folder of the run's own."""
    return (basetemp.parent if os.environ.get("PYTEST_XDIST_WORKER") else basetemp) / "sites"

"""Built sites shared by every test of a run: each site is built once, whoever asks first.

``mkdocs build`` is the slowest thing the tests do, so a site is built once per run and
per (content, site_url) pair, into a folder every test of the run shares, and under
pytest-xdist every worker too: the first to ask builds it under a file lock while the
others wait for it, then all read the same folder. Tests must not write into it (copy it
first). The ``sites`` fixture in conftest.py hands out the one :class:`SiteCache`.

A site a browser test opens must be built for the address it is served from (Material's
instant navigation engages only there), and each worker serves on a port of its own. So
:meth:`SiteCache.served` builds a site for ``http://NAME.sites.localhost/PATH/``, an
address without a port: each worker serves the whole cache on a free port
(:func:`serve_sites`) and its Chromium resolves ``*.sites.localhost`` to that port
(:func:`host_rule`). One build serves every worker; each site keeps an origin of its own,
and ``*.localhost`` is a secure context, as 127.0.0.1 is.
"""

from __future__ import annotations

import fcntl
import hashlib
import http.server
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from devkit.site import mkdocs_build, serve_directory

SITE_URL = "https://owner.github.io/repo/"
"""The address the shared sites are built for, unless a test asks for another."""
DOMAIN = "sites.localhost"
"""The served sites' domain: site NAME is at http://NAME.sites.localhost/."""

Prepare = Callable[[Path], tuple[Path | None, Path | None]]
"""Writes a site's content folder (and a mkdocs.yml) into the folder it is given; returns
their paths (None: content/, mkdocs.yml). Called by the one process that builds the site."""


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
        folder = self.root / name
        return self._once(name, folder, site_url, lambda _: (content, None))

    def prepared(self, name: str, prepare: Prepare, site_url: str = SITE_URL) -> Built:
        """The site ``name`` whose content (and mkdocs.yml) ``prepare`` writes, built for
        ``site_url``; built now if no test of the run has built it yet. ``name`` is the
        site's key: content written otherwise needs another name."""
        return self._once(name, self.root / name, site_url, prepare)

    def served(
        self, name: str, prepare: Prepare | None = None, path: str = "explainer"
    ) -> tuple[str, Path]:
        """The site ``name`` served at ``http://NAME.sites.localhost/PATH/`` to the
        ``browser`` fixture's Chromium: its address and folder. ``prepare`` writes its
        content (None: content/ and mkdocs.yml as they are). ``name`` is the site's key: a
        test asking for a site of other content names it otherwise."""
        url = f"http://{name}.{DOMAIN}/{path}/"
        built = self._once(f"www-{name}", self.www / name / path, url, prepare)
        return url, built.folder

    @property
    def www(self) -> Path:
        """The folder :func:`serve_sites` serves: a folder per served site's name."""
        return self.root / "www"

    def _once(self, name: str, folder: Path, site_url: str, prepare: Prepare | None) -> Built:
        log, done = self.root / f"{name}.log", self.root / f"{name}.ok"
        with (self.root / f"{name}.lock").open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
            if not log.exists():
                content, config = prepare(self.root / f"{name}.in") if prepare else (None, None)
                result = mkdocs_build(folder, site_url=site_url, content=content, config=config)
                log.write_text(result.stderr, encoding="utf-8")
                if result.returncode == 0:
                    done.touch()
        text = log.read_text(encoding="utf-8")
        assert done.exists(), f"mkdocs build of {name} failed:\n{text}"
        return Built(folder, site_url, text)


class _SitesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves ``www/NAME/`` to requests for host ``NAME.sites.localhost``, quietly."""

    def translate_path(self, path: str) -> str:
        www = self.__dict__.setdefault("_www", self.directory)  # kept over keep-alive requests
        host = (self.headers.get("Host") or "").split(":")[0].lower()
        name = host.removesuffix("." + DOMAIN)
        if name == host or not name.replace("-", "").isalnum():
            return os.devnull + "/no-such-site"
        self.directory = os.path.join(www, name)
        return super().translate_path(path)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve_sites(cache: SiteCache) -> Iterator[int]:
    """Serve every site :meth:`SiteCache.served` builds, on 127.0.0.1; yields the port."""
    cache.www.mkdir(exist_ok=True)
    with serve_directory(cache.www, _SitesHandler) as base:
        yield int(base.rstrip("/").rsplit(":", 1)[1])


def host_rule(port: int) -> str:
    """Chromium's flag that sends every ``*.sites.localhost`` address to ``port``."""
    return f"--host-resolver-rules=MAP *.{DOMAIN} 127.0.0.1:{port}"


def shared_root(basetemp: Path) -> Path:
    """The folder all of a run's processes share: under pytest-xdist each worker's basetemp
    is a folder of the run's own."""
    return (basetemp.parent if os.environ.get("PYTEST_XDIST_WORKER") else basetemp) / "sites"

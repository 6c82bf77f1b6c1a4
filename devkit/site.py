"""Building the site as ``make site`` does, serving a folder, and ``mkdocs serve``."""

from __future__ import annotations

import functools
import http.server
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from generator.settings import DEFAULT_SITE_URL

from . import ROOT


def mkdocs_build(
    site_dir: Path,
    *,
    site_url: str = DEFAULT_SITE_URL,
    content: Path | None = None,
    config: Path | None = None,
    epoch: str = "1700000000",
    story: str | None = None,
    shard: str | None = None,
    dirty: bool | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict`` like ``make site`` does, into ``site_dir``.

    ``content`` replaces the content folder, ``config`` the repository's mkdocs.yml;
    ``story`` builds that story alone, as ``make serve STORY=<id>`` does; ``shard`` (``2/4``)
    builds that part of the site, with ``--dirty`` as ``make site-shard`` does, unless
    ``dirty`` says otherwise.
    """
    env = _mkdocs_env(content, story, SITE_URL=site_url, SOURCE_DATE_EPOCH=epoch)
    env.pop("EXPLAINER_SHARD", None)
    if shard is not None:
        env["EXPLAINER_SHARD"] = shard
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    if dirty if dirty is not None else shard is not None:
        command.append("--dirty")
    if config is not None:
        command += ["--config-file", str(config)]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)


def mkdocs_build_in_process(
    site_dir: Path,
    *,
    site_url: str = DEFAULT_SITE_URL,
    content: Path | None = None,
    epoch: str = "1700000000",
) -> None:
    """:func:`mkdocs_build` in this process (no interpreter to start: about a second for a
    small site), for the fast tests. Raises MkDocs' ``Abort`` where ``--strict`` stops."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    settings = _mkdocs_env(content, None, SITE_URL=site_url, SOURCE_DATE_EPOCH=epoch)
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(settings)
    try:
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
        build(config)
    finally:
        os.environ.clear()
        os.environ.update(saved)


def _mkdocs_env(content: Path | None, story: str | None, **settings: str) -> dict[str, str]:
    """This process's environment for MkDocs: quiet, reading ``content``, ``story`` alone."""
    env = {**os.environ, **settings}
    if content is not None:
        env["EXPLAINER_CONTENT"] = str(content)
    env.pop("EXPLAINER_STORY", None)  # a preview set in the caller's shell builds one story
    if story is not None:
        env["EXPLAINER_STORY"] = story
    return env


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve_directory(
    root: Path, handler_class: type[http.server.SimpleHTTPRequestHandler] = _QuietHandler
) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 on a free port; yields the base URL, ending in '/'.

    The port is bound before the URL is yielded, so a site can be built for that
    address (Material's instant navigation needs the site_url it is served from).
    """
    handler = functools.partial(handler_class, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (for a server that takes a port number)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str, timeout: float = 5) -> str:
    """The text of the page at ``url``; an ``OSError`` if it cannot be had."""
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return str(response.read().decode("utf-8", "replace"))


def wait_for(predicate: Callable[[], object], seconds: float = 120, every: float = 0.2) -> bool:
    """Whether ``predicate()`` became true within ``seconds``, asked ``every`` seconds.

    It returns as soon as it is: ``seconds`` is only how long to wait for something that
    never comes, generous so that a busy machine is not a failure.

    An ``OSError`` (a page not served yet, a server rebuilding) counts as not yet.
    """
    deadline = time.monotonic() + seconds
    while True:
        try:
            if predicate():
                return True
        except OSError:
            pass
        if time.monotonic() >= deadline:
            return False
        time.sleep(every)


class MkDocsServe:
    """``mkdocs serve`` of ``content`` on a free port, while the ``with`` block lasts.

    Everything it logs is collected as it comes (:attr:`lines`), so callers wait for a
    line with :func:`wait_for` instead of reading, and blocking, on its output. ``story``
    previews that story alone (``make serve STORY=<id>``); ``config`` replaces
    mkdocs.yml; ``env`` adds to the environment.
    """

    def __init__(
        self,
        content: Path,
        *,
        story: str | None = None,
        config: Path | None = None,
        env: dict[str, str] | None = None,
        start_seconds: float = 180,
    ) -> None:
        address = f"127.0.0.1:{free_port()}"
        self.url = ""
        """The site's address, once started: under the path of its ``site_url``."""
        self.command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", address]
        if config is not None:
            self.command += ["--config-file", str(config)]
        self.env = _mkdocs_env(content, story, **(env or {}))
        self.start_seconds = start_seconds
        self.lines: list[str] = []

    def __enter__(self) -> MkDocsServe:
        self.process = subprocess.Popen(
            self.command,
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self._drainer = threading.Thread(target=self._drain, daemon=True)
        self._drainer.start()
        started = wait_for(
            lambda: self.count("Serving on") or self.process.poll() is not None,
            self.start_seconds,
        )
        if not started or self.process.poll() is not None:
            self.__exit__()
            raise RuntimeError(f"mkdocs serve did not start:\n{self.log}")
        found = re.search(r"Serving on (http://\S+)", self.log)
        assert found is not None
        self.url = found.group(1)
        return self

    def _drain(self) -> None:
        assert self.process.stdout is not None
        try:
            for line in self.process.stdout:
                self.lines.append(line)
        except ValueError:  # closed by __exit__ while a line was awaited: the end
            return

    @property
    def log(self) -> str:
        """Everything logged so far."""
        return "".join(self.lines)

    def count(self, text: str) -> int:
        """How many lines logged so far hold ``text``."""
        return sum(text in line for line in list(self.lines))

    def is_running(self) -> bool:
        """Whether the server is still running."""
        return self.process.poll() is None

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        # The reader stops at the end of the output; closing the pipe under it, as this
        # did first, raised in its thread, and pytest blamed whichever test ran then.
        self._drainer.join(timeout=15)
        if self.process.stdout is not None:
            self.process.stdout.close()

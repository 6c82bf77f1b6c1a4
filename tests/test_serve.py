"""`mkdocs serve` rebuilds when content changes and survives an editor's mistake; with
``EXPLAINER_STORY`` (``make serve STORY=<id>``) it serves and watches one story alone."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(predicate: object, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():  # type: ignore[operator]
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


class Served:
    """``mkdocs serve`` on a free port: its address, and every line it has logged so far."""

    def __init__(self, content: Path, story: str | None = None) -> None:
        env = {**os.environ, "EXPLAINER_CONTENT": str(content), "NO_MKDOCS_2_WARNING": "1"}
        env.pop("EXPLAINER_STORY", None)
        if story is not None:
            env["EXPLAINER_STORY"] = story
        address = f"127.0.0.1:{free_port()}"
        self.server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", address],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
        self.output: list[str] = []
        threading.Thread(target=self._drain, daemon=True).start()
        assert wait_for(lambda: self.url or self.server.poll() is not None), self.log
        assert self.url, self.log

    def _drain(self) -> None:
        assert self.server.stdout is not None
        for line in self.server.stdout:
            self.output.append(line)

    @property
    def url(self) -> str:
        found = re.search(r"Serving on (http://\S+)", self.log)
        return found.group(1) if found else ""

    @property
    def log(self) -> str:
        return "".join(self.output)

    def count(self, text: str) -> int:
        return sum(text in line for line in list(self.output))

    def close(self) -> None:
        self.server.terminate()
        self.server.wait(timeout=10)
        if self.server.stdout:
            self.server.stdout.close()


def test_serve_rebuilds_on_yaml_change_and_keeps_running_on_error(content: Path) -> None:
    served = Served(content)
    try:
        page = served.url + "tiny-story/"
        assert wait_for(lambda: "Two sides met" in fetch(page))
        story = content / "tiny-story" / "story.yml"
        original = story.read_text()
        story.write_text(original.replace("Two sides met", "Two sides met in Geneva"))
        assert wait_for(lambda: "Two sides met in Geneva" in fetch(page)), "no rebuild"
        story.write_text(original.replace("start: 2020-01-02", "start: 2020-02-30"))
        assert wait_for(lambda: served.count("story.yml:5:8")), served.log
        (line,) = [line for line in served.output if "story.yml:5:8" in line]
        assert "'2020-02-30' is not a real date" in line
        assert served.server.poll() is None, "the server stopped on a content error"
        story.write_text(original.replace("Two sides met", "Two sides met again"))
        assert wait_for(lambda: "Two sides met again" in fetch(page)), "no recovery"
        assert "Traceback" not in served.log
    finally:
        served.close()


def test_serve_one_story_shows_it_alone_and_watches_only_its_folder(content: Path) -> None:
    other = content / "other-story"
    shutil.copytree(content / "tiny-story", other)
    (other / "story.yml").write_text("id: other-story\ntitle: [not, valid]\n")  # never read
    served = Served(content, story="tiny-story")
    try:
        page = served.url + "tiny-story/"
        assert wait_for(lambda: "Two sides met" in fetch(page))
        home = fetch(served.url)
        assert 'href="tiny-story/"' in home and "other-story" not in home
        with pytest.raises(urllib.error.HTTPError):
            fetch(served.url + "other-story/")
        builds = served.count("Building documentation")
        (other / "sources.yml").write_text("sources: []\n")  # outside the preview
        time.sleep(1.5)  # MkDocs polls every 0.5 s, then waits 0.1 s for more changes
        assert served.count("Building documentation") == builds, "rebuilt for another story"
        story = content / "tiny-story" / "story.yml"
        story.write_text(story.read_text().replace("Two sides met", "Two sides met in Geneva"))
        assert wait_for(lambda: "Two sides met in Geneva" in fetch(page)), "no rebuild"
        assert served.count("Building documentation") == builds + 1, served.log
        assert "Traceback" not in served.log
    finally:
        served.close()

"""`mkdocs serve` rebuilds when content changes and survives an editor's mistake."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

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


def test_serve_rebuilds_on_yaml_change_and_keeps_running_on_error(content: Path) -> None:
    env = {**os.environ, "EXPLAINER_CONTENT": str(content), "NO_MKDOCS_2_WARNING": "1"}
    address = f"127.0.0.1:{free_port()}"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", address],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    output: list[str] = []
    try:
        assert server.stdout is not None
        url = ""
        while not url:
            line = server.stdout.readline()
            assert line, "".join(output)
            output.append(line)
            found = re.search(r"Serving on (http://\S+)", line)
            url = found.group(1) if found else ""
        page = url + "tiny-story/"
        assert wait_for(lambda: "Two sides met" in fetch(page))
        story = content / "tiny-story" / "story.yml"
        original = story.read_text()
        story.write_text(original.replace("Two sides met", "Two sides met in Geneva"))
        assert wait_for(lambda: "Two sides met in Geneva" in fetch(page)), "no rebuild"
        story.write_text(original.replace("start: 2020-01-02", "start: 2020-02-30"))
        line = ""
        while "story.yml:5:8" not in line:
            line = server.stdout.readline()
            assert line, "".join(output)
            output.append(line)
        assert "'2020-02-30' is not a real date" in line
        assert server.poll() is None, "the server stopped on a content error"
        story.write_text(original.replace("Two sides met", "Two sides met again"))
        assert wait_for(lambda: "Two sides met again" in fetch(page)), "no recovery"
        assert "Traceback" not in "".join(output)
    finally:
        server.terminate()
        server.wait(timeout=10)
        if server.stdout:
            server.stdout.close()

"""Live preview: from saving a YAML change to the rebuilt page being served with it.

Copies content/ to a scratch folder, starts ``mkdocs serve`` on 127.0.0.1 with
``EXPLAINER_CONTENT`` pointing at the copy (a temporary mkdocs.yml inheriting the
repository's also lists the copy under ``watch:``, so this works whether or not the
hook watches the content folder itself), then, several times, appends a word to the
first key fact in story.yml and polls the story page until the word is served.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import util

POLL_SECONDS = 0.02
TIMEOUT = 60.0
SETTLE = 1.5  # quiet time between edits, so one rebuild never overlaps the next edit


def run(edits: int = 7, content: Path | None = None) -> dict[str, Any]:
    """Median seconds from save to served page over ``edits`` edits."""
    source = content or util.ROOT / "content"
    with tempfile.TemporaryDirectory(prefix="bench-reload-") as scratch:
        copy = Path(scratch) / "content"
        shutil.copytree(source, copy)
        story = next(p for p in sorted(copy.iterdir()) if (p / "story.yml").is_file())
        config = util.mkdocs_config(Path(scratch), watch=[str(copy)])
        with _serve(config, copy) as (url, log):
            page = f"{url}{story.name}/"
            _wait_for(page, lambda text: "<h1" in text)
            times = [_edit_and_wait(story / "story.yml", page, index) for index in range(edits)]
            rebuilds = sum("Reloading browsers" in line for line in log)
    return {
        "when": util.now(),
        "story": story.name,
        "edits": edits,
        "seconds": round(util.median(times), 3),
        "runs": [round(t, 3) for t in times],
        "rebuilds_seen": rebuilds,
        "load": util.load(),
    }


def _edit_and_wait(story_yml: Path, page: str, index: int) -> float:
    marker = f"benchmark{index}edit"
    text = story_yml.read_text(encoding="utf-8")
    # The first key fact: "  - text: ..." (a one-line text, as in content/).
    edited, count = re.subn(
        r"^(  - text: .*?)( benchmark\d+edit)?$",
        lambda m: f"{m.group(1)} {marker}",
        text,
        count=1,
        flags=re.MULTILINE,
    )
    if count != 1:
        raise RuntimeError(f"no one-line key fact to edit in {story_yml}")
    time.sleep(SETTLE)
    story_yml.write_text(edited, encoding="utf-8")
    saved = time.perf_counter()
    _wait_for(page, lambda body: marker in body)
    seconds = time.perf_counter() - saved
    print(f"  reload {index + 1}: {seconds:.2f} s", flush=True)
    return seconds


def _wait_for(url: str, predicate: Any) -> None:
    deadline = time.perf_counter() + TIMEOUT
    while time.perf_counter() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if predicate(response.read().decode("utf-8", "replace")):
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(POLL_SECONDS)
    raise RuntimeError(f"{url} did not show the change within {TIMEOUT:.0f} s")


class _serve:
    """``mkdocs serve`` on a free port; yields its URL and the lines it logs."""

    def __init__(self, config: Path, content: Path) -> None:
        # mkdocs serve prints port 0 when given port 0: pick a free port first.
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}/"
        self.command = [
            util.PYTHON, "-m", "mkdocs", "serve", "--config-file", str(config),
            "--dev-addr", f"127.0.0.1:{port}",
        ]  # fmt: skip
        env = {"EXPLAINER_CONTENT": str(content), "SITE_URL": self.url}
        self.env = {**util.BASE_ENV, **env}
        self.log: list[str] = []

    def __enter__(self) -> tuple[str, list[str]]:
        self.process = subprocess.Popen(
            self.command,
            cwd=util.ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        assert self.process.stdout is not None
        while not any("Serving on" in line for line in self.log):
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("mkdocs serve stopped:\n" + "".join(self.log))
            self.log.append(line)
        threading.Thread(target=self._drain, daemon=True).start()
        return self.url, self.log

    def _drain(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.log.append(line)

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

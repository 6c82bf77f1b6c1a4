"""Shared helpers of the benchmarks: timed subprocesses, medians, machine facts, a server.

Each timed command runs in its own process; ``os.wait4`` returns that process's own
resource usage, so its peak memory (``ru_maxrss``) is not mixed with other runs.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import gzip
import http.server
import io
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from devkit import site
from devkit.chromium import CHROMIUM

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RAW = BENCH / "results" / "raw"
PYTHON = str(ROOT / ".venv" / "bin" / "python")
if not Path(PYTHON).exists():  # running from another environment: use this interpreter
    PYTHON = sys.executable

BASE_ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}


@dataclass
class Run:
    """One timed run of a command."""

    seconds: float
    peak_mb: float
    returncode: int
    cpu_seconds: float = 0.0
    """User and system time of the command and the processes it waited for: less
    sensitive than wall time to other work on a shared machine."""


def measure(command: Sequence[str], env: dict[str, str] | None = None, cwd: Path = ROOT) -> Run:
    """Run ``command`` to its end; its wall and CPU time and its own peak resident memory."""
    start = time.perf_counter()
    process = subprocess.Popen(
        list(command),
        cwd=cwd,
        env={**BASE_ENV, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert process.stderr is not None
    stderr = process.stderr.read()  # drained while it runs, so a chatty build never blocks
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stderr.close()
    if process.returncode != 0:
        tail = stderr.decode("utf-8", "replace")[-3000:]
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}):\n{tail}")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, usage.ru_maxrss / 1024, process.returncode, cpu)


def median(values: Sequence[float]) -> float:
    """The median (of one value: that value)."""
    return float(statistics.median(values))


def summarise(runs: Sequence[Run]) -> dict[str, Any]:
    """Median seconds and the largest peak memory of several runs, with every run kept."""
    return {
        "seconds": round(median([r.seconds for r in runs]), 3),
        "peak_mb": round(max(r.peak_mb for r in runs), 1),
        "runs": [round(r.seconds, 3) for r in runs],
    }


def _command_output(command: Sequence[str]) -> str:
    try:
        return subprocess.run(
            list(command), capture_output=True, text=True, check=False, timeout=60
        ).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return "?"


@functools.cache
def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    cpu = "?"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    versions = _command_output(
        [
            PYTHON,
            "-c",
            "import importlib.metadata as m; print(' '.join(f'{p} {m.version(p)}' for p in "
            "('mkdocs', 'mkdocs-material', 'pydantic', 'PyYAML', 'Markdown', 'plotly')))",
        ]
    )
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(memory_gb, 1),
        "os": platform.platform(terse=True),
        "python": _command_output([PYTHON, "-c", "import sys; print(sys.version.split()[0])"]),
        "packages": versions,
        "chromium": _command_output([CHROMIUM, "--version"]) if Path(CHROMIUM).exists() else "-",
        "node": _command_output(["node", "--version"]) if shutil.which("node") else "-",
    }


def commit() -> str:
    """The commit measured, marked when the generator, theme or config differ from it."""
    commit = _command_output(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
    changed = _command_output(
        ["git", "-C", str(ROOT), "status", "--porcelain", "--", "generator", "theme",
         "mkdocs.yml", "docs", "content", "requirements.txt"]
    )  # fmt: skip
    return f"{commit} with local changes" if changed else commit


def now() -> str:
    """The current time, UTC, to the minute."""
    return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")


def load() -> float:
    """The one-minute load average (other work on the machine makes timings noisier)."""
    return round(os.getloadavg()[0], 2)


def mkdocs_config(folder: Path, **settings: Any) -> Path:
    """A mkdocs.yml in ``folder`` that inherits the repository's, with absolute paths.

    MkDocs resolves relative paths from the file that is loaded, so the docs folder,
    and the theme folder are given as absolute paths here.
    """
    import yaml

    config = {
        "INHERIT": str(ROOT / "mkdocs.yml"),
        "docs_dir": str(ROOT / "docs"),
        "theme": {"name": "material", "custom_dir": str(ROOT / "theme")},
        **settings,
    }
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


# --- a static server that compresses like a real host -----------------------------------

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv", ".map")


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files as GitHub Pages does: text gzipped when the client accepts it."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's address
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in COMPRESSIBLE and path.is_file()):
            return super().send_head()
        body = _gzipped(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # what GitHub Pages sends
        self.end_headers()
        return io.BytesIO(body)


@functools.lru_cache(maxsize=4096)
def _gzipped(path: Path, mtime: int) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


@contextlib.contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 on a free port, gzipped; yields the base URL ('/' ended)."""
    with site.serve_directory(root, _GzipHandler) as base:
        yield base


def mkdocs_build(site_dir: Path, site_url: str, **options: Any) -> None:
    """``mkdocs build --strict`` as the tests run it (``content=``, ``config=``), or raise."""
    result = site.mkdocs_build(site_dir, site_url=site_url, **options)
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build failed:\n{result.stderr[-3000:]}")

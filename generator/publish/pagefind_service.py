"""Pagefind's service: a site's pages handed to Pagefind one by one, in the order given,
and the index it makes written by us.

Run over a folder, Pagefind numbers the pages in the order the file system lists them,
which differs from one file system to another, and so does the index. Its service
(``pagefind --service``, the interface its own Node and Python wrappers use) numbers them
in the order it is handed them. Its own Python wrapper is not used: it reads one answer
each tenth of a second, 100 s for a site of 1,000 pages.

The protocol: each request is base64 of its JSON, then a comma; each answer is the same,
in the order of the requests. The service reads its input as fast as it comes, so at
most :data:`IN_FLIGHT` pages are sent ahead of its answers, or a whole site would wait in
its memory. It stops at the end of its input without waiting for the writes it has under
way, so it is asked for the files (``GetFiles``) and they are written here.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

IN_FLIGHT = 32
"""Pages sent to the service ahead of its answers."""


class ServiceError(RuntimeError):
    """Pagefind's service failed; the message says how, naming the page when one did."""


def write_index(
    site_dir: Path, pages: Sequence[str], exclude_selectors: Sequence[str], out: Path
) -> None:
    """Index ``pages`` (paths in ``site_dir``, numbered in the order given) and write
    Pagefind's bundle into the folder ``out``. Raises :class:`ServiceError`."""
    requests: list[dict[str, Any]] = [
        {"type": "NewIndex", "config": {"exclude_selectors": list(exclude_selectors)}},
        *({"type": "AddFile", "index_id": 0, "file_path": page, "url": None} for page in pages),
        {"type": "GetFiles", "index_id": 0},
    ]
    command = [sys.executable, "-m", "pagefind_bin", "--service"]
    pipe = subprocess.PIPE
    with (
        tempfile.TemporaryFile() as said,
        subprocess.Popen(command, cwd=site_dir, stdin=pipe, stdout=pipe, stderr=said) as service,
    ):
        assert service.stdin is not None and service.stdout is not None
        talk = _Talk(site_dir, requests, out)
        writer = threading.Thread(target=talk.send, args=(service.stdin,))
        writer.start()
        try:
            talk.receive(service.stdout)
        finally:
            talk.stop()
            writer.join()
            with contextlib.suppress(BrokenPipeError):
                service.stdin.close()  # only now: at the end of its input, the service stops
            code = service.wait()
        said.seek(0)
        output = said.read().decode("utf-8", "replace").strip()
    if talk.failures or talk.answered < len(requests):
        if talk.answered < len(requests):
            talk.failures.append(
                f"Pagefind stopped after {talk.answered} of {len(requests)} answers"
                f" (exit code {code})"
            )
        lines = [*dict.fromkeys(talk.failures), *([output] if output else [])]
        raise ServiceError("\n".join(lines))


class _Talk:
    """One exchange with the service: the requests sent by one thread, the answers read by
    another, at most :data:`IN_FLIGHT` pages apart."""

    def __init__(self, site_dir: Path, requests: list[dict[str, Any]], out: Path) -> None:
        self.site_dir = site_dir
        self.requests = requests
        self.out = out
        self.answered = 0
        self.failures: list[str] = []
        self.slots = threading.Semaphore(IN_FLIGHT)
        self.stopped = threading.Event()

    def send(self, stream: IO[bytes]) -> None:
        """Write every request, then wait; on any failure, end the input, so that the
        service stops and the reader is not left waiting."""
        finished = False
        try:
            for number, request in enumerate(self.requests):
                if request["type"] == "AddFile":
                    self.slots.acquire()
                    if self.stopped.is_set():
                        return
                    page = self.site_dir / request["file_path"]
                    request = {**request, "file_contents": page.read_bytes().decode("utf-8")}
                message = json.dumps({"message_id": number, "payload": request}, ensure_ascii=False)
                stream.write(base64.b64encode(message.encode("utf-8")) + b",")
                stream.flush()
            finished = True
        except BrokenPipeError:
            pass  # the service stopped: the reader says why
        except Exception as error:  # said with the page's name, and raised by write_index
            self.failures.append(f"{request.get('file_path', 'Pagefind')}: {error}")
        finally:
            if not finished:
                with contextlib.suppress(OSError):
                    stream.close()

    def stop(self) -> None:
        """Free a writer waiting for a slot: no more answers will come."""
        self.stopped.set()
        self.slots.release(len(self.requests))

    def receive(self, stream: IO[bytes]) -> None:
        """Read the answers until the last or the end of the service's output."""
        pending = bytearray()
        while self.answered < len(self.requests):
            chunk = os.read(stream.fileno(), 1 << 20)
            if not chunk:
                return
            start = len(pending)
            pending += chunk
            while (end := pending.find(b",", start)) >= 0:
                answer = json.loads(base64.b64decode(memoryview(pending)[:end]))
                pending, start = pending[end + 1 :], 0  # a new buffer: the old one is freed
                self._take(answer)

    def _take(self, answer: dict[str, Any]) -> None:
        payload = answer["payload"]
        number = answer.get("message_id")
        if isinstance(number, int):
            self.answered += 1  # an answer without a number is to no request: an error
        if payload["type"] == "IndexedFile":
            self.slots.release()
        elif payload["type"] == "Error":
            request = self.requests[number] if isinstance(number, int) else {}
            page = request.get("file_path")
            self.failures.append(f"{page}: {payload['message']}" if page else payload["message"])
            if page:
                self.slots.release()
        elif payload["type"] == "GetFiles":
            files = payload.pop("files")
            while files:
                file = files.pop()
                name = Path(file["path"])
                if name.is_absolute() or ".." in name.parts:
                    raise ServiceError(f"Pagefind named a file outside its folder: {name}")
                path = self.out / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(base64.b64decode(file["content"]))

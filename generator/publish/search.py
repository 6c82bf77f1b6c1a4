"""The site's search index: Pagefind, run over the HTML that MkDocs wrote.

Pagefind (``pagefind[bin]``, pinned in requirements.txt; its binary comes inside the
``pagefind_bin`` wheel, so indexing needs no network) writes a static index under
``pagefind/`` in the site folder, split into chunks: a reader's browser fetches nothing
of it until they open the search, then only the chunks their query needs.

What is indexed is marked in the theme: ``data-pagefind-body`` on each page's article
(``theme/main.html``), so navigation, header and footer are left out. Inside the
article, :data:`EXCLUDED` is left out too, so that excerpts are prose. A glossary term
weighs the most (``data-pagefind-weight`` in ``glossary.md.j2``): its entry ranks first for
its own term. The theme's ``search-dialog.js`` opens each result at the section that
matched. The MkDocs plugin runs :func:`index_site` after every build (``on_post_build``),
``make site`` and ``make serve`` alike; after another engine, ``python -m generator search
SITE_DIR`` does. So that two builds of the same site are byte-identical, on any machine,
Pagefind is handed the pages in the order of their paths (it numbers them in the order
it gets them), and :mod:`search_order` puts the filters it writes in a random order in a
fixed one.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from generator.publish.search_order import UnknownIndexFormat, settle_filters

BUNDLE = "pagefind"
"""The folder of the site where the index and Pagefind's scripts are written."""

EXCLUDED = (
    ".timeline-chart",  # the chart: its picture's labels and the figure's data
    ".timeline-embed",  # how to embed the timeline in another site
    "sup.cite",  # citation numbers
    ".headerlink",  # the permalink sign after each heading
    ".basis-legend",  # what the badges mean, the same line on many pages
    ".permalink",  # the '#' after each quotation and event
    ".basis",  # the badges saying how we know a claim: Stated, Reported, Analysis
    ".claim-stance",  # a stated claim's stance before its badge: Offered, Refused
    ".claim-lead",  # on an actor's profile, all of it before the issue: "Offered Stated on"
    ".stance-badge",  # a reaction's stance
    ".page-meta",  # reading time and the Share button
    ".byline",  # byline and dateline of a story's first page
    ".story-meta",  # a story's place and dates, on the home page
    ".grid.cards",  # the chapters of a story, listed on its first page
)
"""CSS selectors of what is not indexed inside a page's article: badges, numbers and
signs, and links to other pages, so that an excerpt in the search results is prose."""


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message holds its output."""


@dataclass(frozen=True)
class Indexed:
    """What one run of Pagefind indexed, and how long it took."""

    pages: int
    seconds: float


def index_site(site_dir: Path) -> Indexed:
    """Index the built site in ``site_dir``, writing ``site_dir/pagefind/`` anew.

    The pages are handed to Pagefind one by one, in the order of their paths, so that it
    numbers them alike on every machine: run over a folder, it numbers them in the order
    the file system lists them, which differs from one file system to another.

    Raises :class:`SearchIndexError` when Pagefind fails or indexes no page.
    """
    started = time.perf_counter()
    pages = sorted(
        path.relative_to(site_dir).as_posix()
        for path in site_dir.rglob("*.html")
        if path.relative_to(site_dir).parts[0] != BUNDLE
    )
    files = _index(site_dir, pages)
    try:
        languages = json.loads(files["pagefind-entry.json"])["languages"]
        count = sum(language["page_count"] for language in languages.values())
    except (ValueError, KeyError, TypeError) as error:
        raise SearchIndexError(f"Pagefind could not index {site_dir}: {error!r}") from error
    if not count:
        raise SearchIndexError(f"Pagefind could not index {site_dir}: no page to index")
    bundle = site_dir / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)
    for name, data in sorted(files.items()):
        (bundle / name).parent.mkdir(parents=True, exist_ok=True)
        (bundle / name).write_bytes(data)
    try:
        settle_filters(bundle)
    except (UnknownIndexFormat, OSError, KeyError) as error:
        message = f"Pagefind's index in {site_dir} is not as expected: {error}"
        raise SearchIndexError(message) from error
    return Indexed(count, time.perf_counter() - started)


def _index(site_dir: Path, pages: list[str]) -> dict[str, bytes]:
    """The files of Pagefind's bundle for ``pages`` (paths in ``site_dir``), by their paths
    in it, from Pagefind's service (``pagefind --service``, the interface its own Node and
    Python wrappers use): each request is base64 of its JSON, then a comma, and each gets
    an answer in the same form, in the order sent.

    The service is asked for the files (``GetFiles``), not to write them: it writes with
    Tokio and stops at the end of its input without waiting for writes under way, so a
    file could be left short. Each page is read only as it is sent, so that a site's pages
    are not all held in memory at once. Pagefind's own Python wrapper is not used: it reads
    one answer each tenth of a second, 100 s for a site of 1,000 pages."""
    config = {"exclude_selectors": list(EXCLUDED)}
    requests: list[dict[str, Any]] = [{"type": "NewIndex", "config": config}]
    requests += [
        {"type": "AddFile", "index_id": 0, "file_path": page, "url": None, "file_contents": None}
        for page in pages
    ]
    requests.append({"type": "GetFiles", "index_id": 0})
    command = [sys.executable, "-m", "pagefind_bin", "--service"]
    pipe = subprocess.PIPE
    with (
        tempfile.TemporaryFile() as errors,
        subprocess.Popen(command, cwd=site_dir, stdin=pipe, stdout=pipe, stderr=errors) as service,
    ):
        assert service.stdin is not None and service.stdout is not None
        failures: list[str] = []
        writer = threading.Thread(target=_send, args=(service.stdin, site_dir, requests, failures))
        writer.start()
        answers = _answers(service.stdout, len(requests))
        writer.join()
        with contextlib.suppress(BrokenPipeError):
            service.stdin.close()  # only now: at the end of its input, the service stops
        service.wait()
        errors.seek(0)
        output = errors.read().decode("utf-8", "replace").strip()
    failures += [answer["message"] for answer in answers if answer["type"] == "Error"]
    if failures or len(answers) < len(requests) or answers[-1]["type"] != "GetFiles":
        said = "\n".join([*dict.fromkeys(failures), output]).strip()
        raise SearchIndexError(f"Pagefind could not index {site_dir}:\n{said}")
    return {file["path"]: base64.b64decode(file["content"]) for file in answers[-1]["files"]}


def _answers(stream: IO[bytes], expected: int) -> list[dict[str, Any]]:
    """The service's answers (their payloads), until ``expected`` or the end of its output."""
    answers: list[dict[str, Any]] = []
    chunks: list[bytes] = []
    while len(answers) < expected:
        chunk = os.read(stream.fileno(), 1 << 20)
        if not chunk:
            break
        *ended, rest = chunk.split(b",")
        for part in ended:
            answer = b"".join([*chunks, part])
            chunks = []
            answers.append(json.loads(base64.b64decode(answer))["payload"])
        chunks.append(rest)
    return answers


def _send(
    stream: IO[bytes], site_dir: Path, requests: list[dict[str, Any]], failed: list[str]
) -> None:
    """Write ``requests`` to the service. A page that cannot be read ends the input, so
    that the service stops and the reader is not left waiting; ``failed`` says why."""
    try:
        for number, request in enumerate(requests):
            if request["type"] == "AddFile" and request["file_contents"] is None:
                text = (site_dir / request["file_path"]).read_text(encoding="utf-8")
                request = {**request, "file_contents": text}
            message = json.dumps({"message_id": number, "payload": request})
            stream.write(base64.b64encode(message.encode("utf-8")) + b",")
        stream.flush()
    except BrokenPipeError:
        pass  # the service stopped: the reader says why
    except (OSError, UnicodeDecodeError) as error:
        failed.append(f"{request.get('file_path', 'Pagefind')}: {error}")
        with contextlib.suppress(BrokenPipeError):
            stream.close()

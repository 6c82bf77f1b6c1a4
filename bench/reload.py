"""Live preview: from saving a YAML change to the rebuilt page being served with it.

Copies content/ to a scratch folder, starts ``mkdocs serve`` on 127.0.0.1 with
``EXPLAINER_CONTENT`` pointing at the copy (a temporary mkdocs.yml inheriting the
repository's also lists the copy under ``watch:``, so this works whether or not the
hook watches the content folder itself), then, several times, appends a word to the
first key fact in story.yml and polls the story page until the word is served.

Then the same with N synthetic stories (``synth.py``) under the content folder: the
one-story preview (``EXPLAINER_STORY``, what ``make serve STORY=<id>`` sets; the hook
alone watches that story's folder) at each size asked for, and the whole site at the
sizes asked for, as the baseline the preview is compared with.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench import synth, util
from devkit.site import MkDocsServe, fetch, wait_for

RELOAD_TARGET_S = 2.0
"""The longest an edit may take to show in the served page (the one story of content/, and
the one-story preview with the most synthetic stories measured)."""
POLL_SECONDS = 0.02
TIMEOUT = 60.0
TIMEOUT_PER_STORY = 1.5  # a whole-site rebuild takes about 0.5 s a story (bench/README.md)
SETTLE = 1.5  # quiet time between edits, so one rebuild never overlaps the next edit


def run(
    edits: int = 7,
    content: Path | None = None,
    preview_sizes: Sequence[int] = (),
    full_sizes: Sequence[int] = (),
    full_edits: int = 3,
) -> dict[str, Any]:
    """Median seconds from save to served page over ``edits`` edits, on a copy of content/;
    then under ``synthetic``, with that many synthetic stories, the one-story preview
    (``preview_sizes``) and the whole site (``full_sizes``, ``full_edits`` edits each)."""
    source = content or util.ROOT / "content"
    with tempfile.TemporaryDirectory(prefix="bench-reload-") as scratch:
        copy = Path(scratch) / "content"
        shutil.copytree(source, copy)
        story = next(p for p in sorted(copy.iterdir()) if (p / "story.yml").is_file())
        config = util.mkdocs_config(Path(scratch), watch=[str(copy)])
        measured = _measure(config, copy, story, edits)
    synthetic = [
        _synthetic(size, preview=True, edits=edits) for size in sorted(set(preview_sizes))
    ] + [_synthetic(size, preview=False, edits=full_edits) for size in sorted(set(full_sizes))]
    return {
        "when": util.now(),
        "story": story.name,
        **measured,
        "synthetic": sorted(synthetic, key=lambda r: (r["stories"], r["preview"])),
    }


def _synthetic(size: int, preview: bool, edits: int) -> dict[str, Any]:
    """Reload with ``size`` synthetic stories, one story previewed or the whole site served."""
    print(f"reload: {size} synthetic stories, {'one story' if preview else 'whole site'}")
    with tempfile.TemporaryDirectory(prefix="bench-reload-") as scratch:
        content = Path(scratch) / "content"
        story = synth.write_content(content, size)[0]
        # The whole site: the copy is listed under watch: as above. One story: only the
        # hook's own watch (that story's folder), as with `make serve STORY=<id>`.
        watch = {} if preview else {"watch": [str(content)]}
        config = util.mkdocs_config(Path(scratch), **watch)
        timeout = TIMEOUT + (0 if preview else TIMEOUT_PER_STORY * size)
        measured = _measure(config, content, story, edits, preview, timeout)
    return {"stories": size, "preview": preview, "story": story.name, **measured}


def _measure(
    config: Path,
    content: Path,
    story: Path,
    edits: int,
    preview: bool = False,
    timeout: float = TIMEOUT,
) -> dict[str, Any]:
    """Serve ``content`` (only ``story`` when ``preview``) and time ``edits`` edits."""
    server = MkDocsServe(
        content,
        story=story.name if preview else None,
        config=config,
        env={**util.BASE_ENV, "SITE_URL": "http://127.0.0.1/"},  # served from its root
    )
    with server:
        page = f"{server.url}{story.name}/"
        _wait_for(page, lambda text: "<h1" in text)
        times = [
            _edit_and_wait(story / "story.yml", page, index, timeout) for index in range(edits)
        ]
        rebuilds = server.count("Reloading browsers")
    return {
        "edits": edits,
        "seconds": round(util.median(times), 3),
        "runs": [round(t, 3) for t in times],
        "rebuilds_seen": rebuilds,
        "load": util.load(),
    }


def _edit_and_wait(story_yml: Path, page: str, index: int, timeout: float = TIMEOUT) -> float:
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
    _wait_for(page, lambda body: marker in body, timeout)
    seconds = time.perf_counter() - saved
    print(f"  reload {index + 1}: {seconds:.2f} s", flush=True)
    return seconds


def _wait_for(url: str, predicate: Callable[[str], bool], timeout: float = TIMEOUT) -> None:
    if not wait_for(lambda: predicate(fetch(url)), timeout, every=POLL_SECONDS):
        raise RuntimeError(f"{url} did not show the change within {timeout:.0f} s")

"""The generator's command line, editing a content file as an editor would, copying a
story under another id, and growing a story to a size (the resource tests and bench)."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

from . import ROOT


def run_generator(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """``python -m generator ARGS`` in ``cwd``, to its end; its exit code and output.

    Run in this process (``cli.main(argv)``, its output captured, in ``cwd``): a test of
    the command line takes milliseconds instead of an interpreter's start. An exception
    the command line lets through fails the caller, as a traceback would fail a reader.
    :func:`run_generator_process` runs it as a program, as a shell does.
    """
    from generator.tools.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exit:  # argparse's usage errors, --help
            code = exit.code if isinstance(exit.code, int) else 1
    return subprocess.CompletedProcess(
        ["python", "-m", "generator", *args], code, out.getvalue(), err.getvalue()
    )


def run_generator_process(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """``python -m generator ARGS`` as a program of its own in ``cwd``; its exit code and output."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def edit_file(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in the file with ``new``; the file must hold ``old``.

    An edit that finds nothing to change would leave the test it prepares proving
    nothing, so it fails instead.
    """
    text = path.read_text(encoding="utf-8")
    if old not in text:
        raise ValueError(f"{path} does not hold {old!r}")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def copy_story(folder: Path, content: Path, story_id: str) -> Path:
    """Copy the story ``folder`` into ``content`` under another id (folder name and
    ``id:``); the copy's story.yml, for further edits."""
    shutil.copytree(folder, content / story_id)
    story = content / story_id / "story.yml"
    text, count = re.subn(r"^id: .+$", f"id: {story_id}", story.read_text(), count=1, flags=re.M)
    if count != 1:
        raise ValueError(f"no id: line in {story}")
    story.write_text(text)
    return story


def grow_story(
    story: Path, actors: int = 0, terms: int = 0, definition: int = 30, unknown_sources: int = 0
) -> None:
    """Grow a copy of the minimal story (tests/fixtures/minimal/tiny-story): ``actors``
    more actors; ``terms`` more glossary terms, definitions ``definition`` characters
    long, each term used twice in the background; ``unknown_sources`` more sources, each
    cited by the first event with a letter left out (an unknown id, a near miss)."""
    with (story / "actors.yml").open("a", encoding="utf-8") as file:
        file.write(
            "".join(
                f"  - id: delegate-{n:03d}\n    name: Delegate {n:03d}\n    kind: person\n"
                f"    role: A delegate\n    country: Country A\n    sources: [report]\n"
                for n in range(actors)
            )
        )
    words = [f"term{n:04d}" for n in range(terms)]
    with (story / "glossary.yml").open("a", encoding="utf-8") as file:
        file.write(
            "".join(
                f"  - term: {w}\n    definition: {_words_of(w, definition)}\n"
                "    sources: [report]\n"
                for w in words
            )
        )
    if words:
        used = " ".join(f"A {w}, and the {w} again." for w in words)
        edit_file(
            story / "background.yml", "one tariff above all.", f"one tariff above all. {used}"
        )
    ids = [f"dispatch-{n:04d}" for n in range(unknown_sources)]
    with (story / "sources.yml").open("a", encoding="utf-8") as file:
        file.write(
            "".join(
                f"  - id: {i}\n    title: Dispatch {i[-4:]}\n    publisher: Example News\n"
                f"    date: 2020-01-04\n    url: https://example.org/{i}\n"
                for i in ids
            )
        )
    if ids:
        misses = ", ".join(i.replace("dispatch", "dispach") for i in ids)
        edit_file(story / "timeline.yml", "sources: [report]", f"sources: [report, {misses}]")


def _words_of(term: str, length: int) -> str:
    """A definition of ``term`` exactly ``length`` characters long."""
    unit = f"{term} is meant. "
    return (unit * (length // len(unit)) + "x" * (length % len(unit))).strip().ljust(length, "x")

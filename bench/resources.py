"""How `check` and the build grow with what a content pull request can add (issue 19).

For each resource, the minimal story (tests/fixtures/minimal) is grown to a size and to
four times that size (``devkit.content.grow_story``), and one command is timed on each,
in CPU seconds, against a baseline (the same command on the minimal story as it is):

- glossary: ``mkdocs build --strict`` with 45 and 180 more glossary terms, each used twice;
- actors:   ``mkdocs build --strict`` with 24 and 96 more actors (and the pages' bytes);
- unknown ids: ``python -m generator check`` with 200 and 800 unknown source ids, each a
  near miss of a known one ("did you mean");
- marking terms: three pages' text, each using 250 and 1,000 glossary terms twice, through
  Markdown with the terms marked, in one process (past the glossary's limit, which the
  other cases cannot pass): the code of this change marks the HTML with
  ``generator.render.abbr.Glossary``, the code before it gave Markdown an abbreviation block.

The figure is the ratio of the command's own work (its time less the baseline's) at four
times the size to its work at the size: about 4 when it grows linearly, about 16 when it
grows with the square. Run it on another checkout (``--checkout``, such as a worktree of
the code before a change) to compare: ``python -m bench.resources [--checkout DIR]``.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from bench import util
from devkit.content import grow_story

MINIMAL = util.ROOT / "tests" / "fixtures" / "minimal"
STORY = "tiny-story"

CASES: dict[str, tuple[str, int, Callable[[Path, int], None]]] = {
    "glossary terms": ("build", 45, lambda story, n: grow_story(story, terms=n)),
    "actors": ("build", 24, lambda story, n: grow_story(story, actors=n)),
    "unknown ids": ("check", 200, lambda story, n: grow_story(story, unknown_sources=n)),
    "marking terms": ("mark", 250, lambda story, n: _write_count(story, n)),
}


def command(kind: str, content: Path, site: Path) -> tuple[list[str], dict[str, str]]:
    """The command to time on ``content`` (run in the checkout measured), and its environment."""
    if kind == "check":  # problems are the point: the check's exit code is not
        return [util.PYTHON, "-c", _CHECK, str(content)], {}
    if kind == "mark":
        return [util.PYTHON, "-c", _MARK, (content / STORY / "terms").read_text()], {}
    build = [util.PYTHON, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(site)]
    return build, {"EXPLAINER_CONTENT": str(content)}


def _write_count(story: Path, terms: int) -> None:
    (story / "terms").write_text(str(terms))


_CHECK = (
    "import sys; from pathlib import Path; from generator.content.load import load_story; "
    "load_story(Path(sys.argv[1]) / 'tiny-story')"
)


_MARK = """
import sys, markdown, generator.render.abbr as abbr
terms = [f"term{i:04d}" for i in range(int(sys.argv[1]))]
text = " ".join(f"A {t}, and the {t} again." for t in terms)
defs = {t: f"{t} is meant. " * 5 for t in terms}
block = "\\n".join(f"*[{t}]: {d}" for t, d in defs.items())
for page in range(3):
    if hasattr(abbr, "Glossary"):
        abbr.Glossary(defs.items()).mark(markdown.markdown(text))
    else:
        markdown.markdown(text + "\\n\\n" + block, extensions=["generator.render.abbr"])
"""


def timed(kind: str, checkout: Path, content: Path, scratch: Path, repeats: int) -> float:
    """Median CPU seconds of the command over ``repeats`` runs."""
    runs = []
    for _ in range(repeats):
        site = scratch / "site"
        shutil.rmtree(site, ignore_errors=True)
        args, env = command(kind, content, site)
        env = {**env, "PYTHONPATH": str(checkout)}  # that checkout's generator
        runs.append(util.measure(args, env=env, cwd=checkout).cpu_seconds)
    return util.median(runs)


def site_bytes(folder: Path) -> int:
    """The bytes of the built site's story pages."""
    return sum(p.stat().st_size for p in (folder / STORY).rglob("*.html"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--checkout", type=Path, default=util.ROOT, help="the code to measure")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    checkout = args.checkout.resolve()
    print(f"code: {checkout}; CPU seconds, median of {args.repeats}")
    with tempfile.TemporaryDirectory(prefix="bench-resources-") as name:
        scratch = Path(name)
        for label, (kind, size, grow) in CASES.items():
            times, sizes = [], []
            for n in (0, size, 4 * size):
                content = scratch / f"content-{kind}-{n}"
                shutil.rmtree(content, ignore_errors=True)
                shutil.copytree(MINIMAL, content)
                grow(content / STORY, n)
                times.append(timed(kind, checkout, content, scratch, args.repeats))
                sizes.append(site_bytes(scratch / "site") if kind == "build" else 0)
            base, small, large = times
            ratio = (large - base) / max(small - base, 1e-3)
            line = (
                f"{label}: baseline {base:.2f} s; {size}: {small:.2f} s; {4 * size}: "
                f"{large:.2f} s; work x{ratio:.1f} for x4 the size"
            )
            if kind == "build":
                line += (
                    f"; story pages {sizes[1] / 1e6:.2f} MB -> {sizes[2] / 1e6:.2f} MB "
                    f"(x{sizes[2] / sizes[1]:.1f})"
                )
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

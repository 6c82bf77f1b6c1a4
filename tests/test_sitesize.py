"""The site's size against GitHub Pages' 1 GB: measured per story after the build, a
warning past 80%, and a refusal (exit code 1, before the deploy uploads) past the limit."""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from generator.publish.sitesize import PAGES_LIMIT_BYTES, measure_site, report
from generator.tools import cli


def _site(root: Path) -> tuple[Path, Path]:
    """A built site of two stories (300 and 100 bytes) and 100 bytes of shared files,
    with the content folder that names the stories."""
    site, content = root / "site", root / "content"
    for story, size in (("big-story", 300), ("small-story", 100)):
        (site / story).mkdir(parents=True)
        (site / story / "index.html").write_bytes(b"x" * size)
        (content / story).mkdir(parents=True)
        (content / story / "story.yml").write_text("id: x\n", encoding="utf-8")
    (site / "assets").mkdir()
    (site / "assets" / "site.css").write_bytes(b"x" * 100)
    return site, content


def test_each_story_is_measured_and_the_whole_site_too(tmp_path: Path) -> None:
    site, _ = _site(tmp_path)
    size = measure_site(site, ["big-story", "small-story"])
    assert (size.total, size.stories) == (500, {"big-story": 300, "small-story": 100})
    assert size.limit == PAGES_LIMIT_BYTES == 1_000_000_000


@pytest.mark.parametrize(
    ("limit", "code", "says"),
    [
        (10_000, 0, None),
        (600, 0, "Warning: the site has passed 80% of GitHub Pages' limit"),
        (499, 1, "Error: the site is over GitHub Pages' limit"),
    ],
)
def test_the_size_command_warns_past_80_percent_and_refuses_past_the_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], limit: int, code: int, says: str | None
) -> None:
    site, content = _site(tmp_path)
    argv = ["size", str(site), "--content", str(content), "--limit", str(limit)]
    assert cli.main(argv) == code
    out = capsys.readouterr()
    printed = out.out + out.err
    assert "big-story: 0.3 KB" in printed and "small-story: 0.1 KB" in printed
    if says is None:
        assert "Warning" not in printed and "Error" not in printed
    else:
        assert says in out.err


def test_the_report_names_the_largest_stories_first_and_counts_the_rest() -> None:
    from generator.publish.sitesize import SiteSize

    stories = {f"story-{n:02}": 1000 * n for n in range(1, 13)}
    lines = report(SiteSize(total=sum(stories.values()), stories=stories))
    assert lines[2] == "  story-12: 12.0 KB"
    assert lines[-1] == "  ... and 2 smaller stories"
    assert "of GitHub Pages' 1 GB" in lines[0]


def test_make_site_measures_the_site_so_the_deploy_stops_before_uploading() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("site", "site-merge"):  # on one machine, and after a split build
        recipe = makefile.split(f"\n{target}:", 1)[1].split("\n\n", 1)[0]
        assert "generator size site" in recipe.splitlines()[-1], target
    deploy = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text())
    steps = [s for job in deploy["jobs"].values() for s in job.get("steps", [])]
    names = [s.get("run", "") + s.get("uses", "") for s in steps]
    build = next(i for i, run in enumerate(names) if "make site" in run)
    upload = next(i for i, run in enumerate(names) if "upload-pages-artifact" in run)
    assert build < upload


def test_the_deploy_stops_with_the_size_message_before_uploading_a_site_too_large(
    tmp_path: Path,
) -> None:
    """The deploy's build step runs `make site-merge` (`make site` after a split build),
    whose last command, as make would run it, fails on a site past the limit with the
    message; a failed step stops its job before the upload, since neither step is told to
    go on (GitHub Actions' default)."""
    deploy = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text())
    build_job = deploy["jobs"]["build"]
    steps = build_job["steps"]
    build = next(s for s in steps if "make site" in s.get("run", ""))
    (target,) = re.findall(r"make (site\S*)", build["run"])
    upload = next(s for s in steps if "upload-pages-artifact" in s.get("uses", ""))
    assert steps.index(build) < steps.index(upload)
    assert "continue-on-error" not in build and "continue-on-error" not in build_job
    assert "if" not in upload, "the upload would run after a failed build"
    assert "|| true" not in build["run"] and "set +e" not in build["run"]

    site, content = _site(tmp_path)
    dry = subprocess.run(
        ["make", "-n", "--no-print-directory", target, f"CONTENT={content}", "PAGES_LIMIT=450"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    last = shlex.split(dry.stdout.strip().splitlines()[-1])
    assert last[1:4] == ["-m", "generator", "size"], last
    last[last.index("site")] = str(site)
    run = subprocess.run(last, cwd=ROOT, capture_output=True, text=True, check=False)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Error: the site is over GitHub Pages' limit of 0.5 KB" in run.stderr
    assert "big-story: 0.3 KB" in run.stderr
    ok = subprocess.run([*last[:-2], "--limit", "1000"], cwd=ROOT, capture_output=True, check=False)
    assert ok.returncode == 0

"""The site's size against GitHub Pages' 1 GB: measured per story after the build, a
warning past 80%, and a refusal (exit code 1, before the deploy uploads) past the limit."""

from __future__ import annotations

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
    recipe = makefile.split("\nsite:", 1)[1].split("\n\n", 1)[0]
    assert "generator size site" in recipe.splitlines()[-1]
    deploy = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text())
    steps = [s for job in deploy["jobs"].values() for s in job.get("steps", [])]
    names = [s.get("run", "") + s.get("uses", "") for s in steps]
    build = next(i for i, run in enumerate(names) if "make site" in run)
    upload = next(i for i, run in enumerate(names) if "upload-pages-artifact" in run)
    assert build < upload

"""`mkdocs serve` rebuilds when content changes and survives an editor's mistake; with
``EXPLAINER_STORY`` (``make serve STORY=<id>``) it serves and watches one story alone."""

from __future__ import annotations

import re
import shutil
import urllib.error
from pathlib import Path

import pytest

from devkit.content import edit_file
from devkit.site import MkDocsServe, fetch, wait_for

pytestmark = pytest.mark.build


def watched(served: MkDocsServe) -> list[Path]:
    """The paths MkDocs said it watches for changes when it started."""
    found = re.search(r"Watching paths for changes: (.*)", served.log)
    assert found, served.log
    return [Path(path) for path in re.findall(r"'([^']*)'", found.group(1))]


def test_serve_rebuilds_on_yaml_change_and_keeps_running_on_error(content: Path) -> None:
    with MkDocsServe(content) as served:
        page = served.url + "tiny-story/"
        assert wait_for(lambda: "Two sides met" in fetch(page))
        assert content.resolve() in [path.resolve() for path in watched(served)]
        story = content / "tiny-story" / "story.yml"
        original = story.read_text()
        edit_file(story, "Two sides met", "Two sides met in Geneva")
        assert wait_for(lambda: "Two sides met in Geneva" in fetch(page)), "no rebuild"
        story.write_text(original.replace("start: 2020-01-02", "start: 2020-02-30"))
        assert wait_for(lambda: served.count("story.yml:5:8")), served.log
        (line,) = [line for line in served.lines if "story.yml:5:8" in line]
        assert "'2020-02-30' is not a real date" in line
        assert served.is_running(), "the server stopped on a content error"
        story.write_text(original.replace("Two sides met", "Two sides met again"))
        assert wait_for(lambda: "Two sides met again" in fetch(page)), "no recovery"
        assert "Traceback" not in served.log


def test_serve_one_story_shows_it_alone_and_watches_only_its_folder(content: Path) -> None:
    other = content / "other-story"
    shutil.copytree(content / "tiny-story", other)
    (other / "story.yml").write_text("id: other-story\ntitle: [not, valid]\n")  # never read
    with MkDocsServe(content, story="tiny-story") as served:
        page = served.url + "tiny-story/"
        assert wait_for(lambda: "Two sides met" in fetch(page))
        home = fetch(served.url)
        assert 'href="tiny-story/"' in home and "other-story" not in home
        with pytest.raises(urllib.error.HTTPError):
            fetch(served.url + "other-story/")
        paths = [path.resolve() for path in watched(served)]
        assert (content / "tiny-story").resolve() in paths, paths
        holding_other = [p for p in paths if p == other.resolve() or p in other.resolve().parents]
        assert not holding_other, f"watches a folder that holds another story: {holding_other}"
        builds = served.count("Building documentation")
        edit_file(content / "tiny-story" / "story.yml", "Two sides met", "Two sides met in Geneva")
        assert wait_for(lambda: "Two sides met in Geneva" in fetch(page)), "no rebuild"
        assert served.count("Building documentation") == builds + 1, served.log
        assert "Traceback" not in served.log

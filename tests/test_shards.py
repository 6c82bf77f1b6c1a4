"""A site built in shards on several machines and merged (generator/publish/shards.py):
the same bytes as one build, every story written by exactly one shard, and a merge that
refuses what would not make one site."""

from __future__ import annotations

import filecmp
import subprocess
from pathlib import Path

import pytest

from devkit import ROOT
from devkit.site import mkdocs_build
from generator.publish.shards import (
    STAMP,
    Shard,
    ShardError,
    generated_digest,
    merge,
    stories_of,
    write_stamp,
)
from generator.tools.cli import main

NEWS = ROOT / "tests" / "fixtures" / "news"
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"


# Which shard builds what


@pytest.mark.parametrize("text", ["1/1", "2/4", " 4/4 ", "256/256"])
def test_a_shard_is_written_as_its_number_of_the_count(text: str) -> None:
    shard = Shard.parse(text)
    assert str(shard) == text.strip()
    assert Shard.of_folder(Path("build") / shard.folder) == shard


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("2", "write it as 2/4"),
        ("2 of 4", "write it as 2/4"),
        ("0/4", "the shard's number is 1 to 4"),
        ("5/4", "the shard's number is 1 to 4"),
        ("1/0", "from 1 to 256 shards"),
        ("1/257", "from 1 to 256 shards"),
    ],
)
def test_a_shard_written_wrongly_is_refused_with_what_to_write(text: str, says: str) -> None:
    with pytest.raises(ShardError, match=says):
        Shard.parse(text)


@pytest.mark.parametrize("stories", [0, 1, 3, 10, 101])
@pytest.mark.parametrize("count", [1, 2, 3, 4, 7])
def test_every_story_is_built_by_one_shard_and_shards_are_even(stories: int, count: int) -> None:
    ids = [f"story-{n:03}" for n in range(stories)]
    parts = [stories_of(Shard(number, count), ids) for number in range(1, count + 1)]
    assert [story for part in parts for story in part] == ids  # each once, in order
    assert max(map(len, parts)) - min(map(len, parts)) <= 1


# The merge


def _shard_folder(
    root: Path, shard: str, files: dict[str, bytes], generated: str = "the same"
) -> Path:
    folder = root / Shard.parse(shard).folder
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    write_stamp(folder, Shard.parse(shard), generated)
    return folder


def test_the_merge_refuses_shards_whose_generators_made_different_files(
    tmp_path: Path,
) -> None:
    """A folder left from a build of other content, or of another version of the generator:
    its own stories' pages would be out of date, whatever the files both shards wrote."""
    one = _shard_folder(tmp_path, "1/2", {"index.html": b"home"}, generated="old")
    two = _shard_folder(tmp_path, "2/2", {"index.html": b"home"}, generated="new")
    with pytest.raises(ShardError, match=r"2-of-2 and .*1-of-2 were built from different content"):
        merge([one, two], tmp_path / "site")
    (two / STAMP).unlink()
    with pytest.raises(ShardError, match=rf"2-of-2: no \{STAMP}"):
        merge([one, two], tmp_path / "site")
    write_stamp(two, Shard.parse("2/2"), "old")
    merge([one, two], tmp_path / "site")
    assert not (tmp_path / "site" / STAMP).exists()  # the site is what one build makes


def test_the_digest_of_the_generated_files_changes_with_any_of_them() -> None:
    files: dict[str, str | bytes] = {"a/index.md": "# A", "a/data/x.png": b"\x89PNG"}
    same = generated_digest(dict(reversed(files.items())))
    assert generated_digest(files) == same
    variants: list[dict[str, str | bytes]] = [
        {**files, "a/index.md": "# B"},
        {**files, "a/data/x.png": b"\x89PNH"},
        {**files, "b/index.md": ""},
        {"a/index.md# A": "", "a/data/x.png": b"\x89PNG"},  # a path and a text run together
    ]
    for changed in variants:
        assert generated_digest(changed) != same


def test_the_merge_keeps_every_file_once_and_empties_its_folder_first(tmp_path: Path) -> None:
    one = _shard_folder(tmp_path, "1/2", {"index.html": b"home", "a/index.html": b"a"})
    two = _shard_folder(tmp_path, "2/2", {"index.html": b"home", "b/data/story.json": b"{}"})
    out = tmp_path / "site"
    (out / "stale").mkdir(parents=True)
    merged = merge([two, one], out)
    assert (merged.shards, merged.files, merged.shared) == (2, 3, 1)
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == ["a/index.html", "b/data/story.json", "index.html"]
    assert (out / "b/data/story.json").read_bytes() == b"{}"


def test_the_merge_refuses_a_file_two_shards_wrote_differently(tmp_path: Path) -> None:
    one = _shard_folder(tmp_path, "1/2", {"sitemap.xml": b"<urlset>1</urlset>"})
    two = _shard_folder(tmp_path, "2/2", {"sitemap.xml": b"<urlset>2</urlset>"})
    with pytest.raises(ShardError, match=r"sitemap.xml: .*1-of-2 and .*2-of-2 wrote it different"):
        merge([one, two], tmp_path / "site")


@pytest.mark.parametrize(
    "shards",
    [["1/3", "2/3"], ["1/2", "2/3"], ["1/2", "1/2", "2/2"], []],
    ids=["one missing", "two splits", "one twice", "none"],
)
def test_the_merge_refuses_shards_that_are_not_one_whole_build(
    tmp_path: Path, shards: list[str]
) -> None:
    folders = [_shard_folder(tmp_path, shard, {"index.html": b"home"}) for shard in shards]
    with pytest.raises(ShardError, match="a site is merged from every shard of one split build"):
        merge(folders, tmp_path / "site")


@pytest.mark.parametrize(
    ("href", "broken"),
    [
        ("../b/#profile", False),
        ("../b/index.html#profile", False),
        ("../b/#caf%C3%A9", False),
        ("#here", False),  # on its own page: its shard checked it
        ("../shared/#nowhere", False),  # a page every shard wrote: each checked it
        ("../b/#nowhere", True),
        ("../b/#Profile", True),
    ],
)
def test_the_merge_refuses_a_link_to_an_anchor_another_shard_left_out(
    tmp_path: Path, href: str, broken: bool
) -> None:
    """A shard's build checks the anchors of links between its own pages only: the merge
    checks the links from one shard's pages to another's."""
    shared = {"shared/index.html": b"<p>all</p>"}
    one = _shard_folder(
        tmp_path, "1/2", {**shared, "a/index.html": f'<a href="{href}">x</a>'.encode()}
    )
    page = '<h3 id="profile">P</h3><p id="caf\u00e9">c</p><p id="here">h</p>'.encode()
    two = _shard_folder(tmp_path, "2/2", {**shared, "b/index.html": page})
    if broken:
        with pytest.raises(ShardError, match=f"not on their page:\n  a/index.html: {href}"):
            merge([one, two], tmp_path / "site")
    else:
        assert merge([one, two], tmp_path / "site").files == 3


@pytest.mark.parametrize("out", [".", "1-of-1", "1-of-1/site"])
def test_the_merge_never_writes_over_the_shards(tmp_path: Path, out: str) -> None:
    folder = _shard_folder(tmp_path, "1/1", {"index.html": b"home"})
    with pytest.raises(ShardError, match="goes beside the shards' folders"):
        merge([folder], tmp_path / out)
    assert (folder / "index.html").read_bytes() == b"home"


def test_the_merge_refuses_a_folder_not_named_for_its_shard(tmp_path: Path) -> None:
    folder = tmp_path / "2"
    folder.mkdir()
    with pytest.raises(ShardError, match="named for its shard, 2-of-4"):
        merge([folder], tmp_path / "site")


def test_the_merge_command_says_what_is_wrong_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _shard_folder(tmp_path, "1/2", {"index.html": b"home"})
    assert main(["merge", str(folder), "--out", str(tmp_path / "site")]) == 1
    error = capsys.readouterr().err
    assert "the shards given are 1/2" in error and "Traceback" not in error


# Builds


def _tree(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def whole_news_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The news fixture built on one machine, as `make site` builds it."""
    folder = tmp_path_factory.mktemp("whole") / "site"
    whole = mkdocs_build(folder, content=NEWS)
    assert whole.returncode == 0, whole.stderr
    return folder


@pytest.mark.build
@pytest.mark.parametrize("count", [2, 4])
def test_shards_merged_are_byte_for_byte_the_site_one_build_makes(
    tmp_path: Path, whole_news_site: Path, count: int
) -> None:
    """The news fixture (three stories, a publisher, docs/ pages), built whole and in
    ``count`` shards (with 2, a shard has two stories; with 4, one has none): the same
    files, the same bytes, the search index included; each story's pages written by one
    shard only."""
    folders = []
    for number in range(1, count + 1):
        folder = tmp_path / "shards" / Shard(number, count).folder
        built = mkdocs_build(folder, content=NEWS, shard=f"{number}/{count}")
        assert built.returncode == 0, built.stderr
        folders.append(folder)
    stories = sorted(p.name for p in NEWS.iterdir() if (p / "story.yml").exists())
    for story in stories:
        writers = [f.name for f in folders if (f / story / "index.html").exists()]
        assert len(writers) == 1, (story, writers)
    assert not any((f / "pagefind").exists() for f in folders), "the merge indexes the site"
    merged = tmp_path / "site"
    assert main(["merge", *map(str, folders), "--out", str(merged)]) == 0
    assert _tree(merged) == _tree(whole_news_site)
    (match, mismatch, errors) = filecmp.cmpfiles(
        whole_news_site, merged, _tree(merged), shallow=False
    )
    assert (mismatch, errors) == ([], [])
    assert len(match) > 50


@pytest.mark.build
def test_a_shard_is_built_dirty_and_a_dirty_build_is_a_shard(tmp_path: Path) -> None:
    """A shard without ``--dirty`` would write every page: refused with the command to run.
    A ``--dirty`` build that is no shard keeps MkDocs' warning, which a strict build stops on."""
    plain = mkdocs_build(tmp_path / "a", content=NEWS, shard="1/2", dirty=False)
    assert plain.returncode != 0
    assert "shard 1/2: build it with mkdocs build --dirty (make site-shard" in plain.stderr
    wrong = mkdocs_build(tmp_path / "b", content=NEWS, shard="2-4")
    assert wrong.returncode != 0 and "write it as 2/4" in wrong.stderr
    dirty = mkdocs_build(tmp_path / "c", content=MINIMAL, dirty=True)
    assert dirty.returncode != 0 and "A 'dirty' build is being performed" in dirty.stderr


def test_make_writes_a_shard_into_the_folder_the_merge_reads() -> None:
    dry = subprocess.run(
        ["make", "-n", "--no-print-directory", "site-shard", "SHARD=2/4"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    build = dry.stdout.strip().splitlines()[-1]
    assert build.startswith("EXPLAINER_SHARD=2/4 ")
    assert "mkdocs build --strict --dirty --site-dir build/shards/2-of-4" in build

"""A site built in parts on several machines, then merged: a newsroom's archive past
what one machine builds in time (bench/README.md, "A newsroom's archive").

Each part, a *shard* (``EXPLAINER_SHARD=2/4 mkdocs build --strict --dirty``, which ``make
site-shard SHARD=2/4`` runs), generates the whole site, so every page's navigation, links
and footer are the same as in a build on one machine, and then writes only its own pages:
those of its stories (:func:`stories_of`, consecutive stories in the site's order,
newest first, balanced by count) and, in the first shard, the pages no story owns (home, archive,
schema). MkDocs' ``--dirty`` mode is how: it reads and writes only the files that say they
changed, and the plugin makes every page and data file another shard writes
(:func:`writes`) say it has not; this module holds the rules, the plugin (the only module
that talks to MkDocs) applies them. The files every shard writes alike (the theme's
assets, ``sitemap.xml``, ``404.html``) are the same bytes in each.

:func:`merge` (``python -m generator merge``, ``make site-merge``) puts the shards'
folders together, refusing a file that two shards wrote differently, an incomplete set
of shards, shards whose generators made different files (:data:`STAMP`: a folder left
from an earlier build), and a link from one shard's page to an anchor another's lacks;
then it finishes
the site as one build would (:func:`generator.publish.finish.finish_site`): the sitemap
split and the search index over every page. The deploy workflow runs one shard on each
runner of a matrix (``SITE_SHARDS``, a repository variable) and the merge on one more.
"""

from __future__ import annotations

import filecmp
import hashlib
import json
import posixpath
import re
import shutil
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from urllib.parse import unquote

SHARD_FORMAT = re.compile(r"(\d+)/(\d+)")
"""How a shard is named: its number and the number of shards, ``2/4``."""

FOLDER_FORMAT = re.compile(r"(\d+)-of-(\d+)")
"""How a shard's folder is named (:attr:`Shard.folder`)."""

MAX_SHARDS = 256
"""The most shards a site may be built in (a GitHub Actions matrix runs 256 jobs at most)."""


STAMP = ".explainer-shard.json"
"""The file a shard's build leaves at the top of its folder: which shard it is, and the
digest of every file the generator made (:func:`generated_digest`), which is the same in
every shard of one split build, since each generates the whole site. The merge refuses
shards whose digests differ, such as a folder left from a build of other content or of
another version of the generator, and does not copy the file into the site."""


class ShardError(ValueError):
    """A shard named wrongly, or shards that do not merge into one site."""


@dataclass(frozen=True, order=True)
class Shard:
    """One part of the site's build: ``number`` of ``count`` (counted from 1)."""

    number: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        """Read ``2/4``; raise :class:`ShardError` with what to write instead."""
        found = SHARD_FORMAT.fullmatch(text.strip())
        if not found:
            raise ShardError(f"EXPLAINER_SHARD is {text!r}: write it as 2/4 (the 2nd of 4 shards)")
        number, count = int(found.group(1)), int(found.group(2))
        if not 1 <= count <= MAX_SHARDS:
            raise ShardError(f"EXPLAINER_SHARD is {text!r}: from 1 to {MAX_SHARDS} shards")
        if not 1 <= number <= count:
            raise ShardError(f"EXPLAINER_SHARD is {text!r}: the shard's number is 1 to {count}")
        return cls(number, count)

    def __str__(self) -> str:
        return f"{self.number}/{self.count}"

    @property
    def folder(self) -> str:
        """The name of the folder the shard's build is written to, ``2-of-4``: the merge
        reads from it which shard a folder holds, and refuses an incomplete set."""
        return f"{self.number}-of-{self.count}"

    @classmethod
    def of_folder(cls, folder: Path) -> Shard:
        """The shard whose build ``folder`` holds, by its name (:attr:`folder`)."""
        found = FOLDER_FORMAT.fullmatch(folder.name)
        if not found:
            raise ShardError(
                f"{folder}: a shard's folder is named for its shard, 2-of-4 (make site-shard "
                "SHARD=2/4 writes build/shards/2-of-4)"
            )
        return cls.parse(f"{found.group(1)}/{found.group(2)}")


def stories_of(shard: Shard, story_ids: Sequence[str]) -> list[str]:
    """The stories ``shard`` builds: consecutive ones in ``story_ids``' order, as many in
    each shard as can be (the first shards take one more when they do not divide)."""
    size, extra = divmod(len(story_ids), shard.count)
    start = (shard.number - 1) * size + min(shard.number - 1, extra)
    end = start + size + (1 if shard.number <= extra else 0)
    return list(story_ids[start:end])


def owner(path: str, story_ids: Set[str]) -> str | None:
    """The story whose folder holds ``path`` (a site-relative path), or None."""
    top = path.split("/", 1)[0]
    return top if top in story_ids else None


@dataclass(frozen=True)
class Share:
    """The generated files one shard writes: its stories' (:func:`stories_of`), and in the
    first shard the generated files no story owns (home, years, feeds, schema). What is
    not generated (the theme's files, docs/'s pages) every shard writes alike; the MkDocs
    plugin holds back the rest (``generator/publish/plugin.py``)."""

    shard: Shard
    mine: frozenset[str]
    every: frozenset[str]

    @classmethod
    def of(cls, shard: Shard, story_ids: Sequence[str]) -> Share:
        return cls(shard, frozenset(stories_of(shard, story_ids)), frozenset(story_ids))

    def writes(self, path: str) -> bool:
        """Whether this shard writes the generated file at ``path`` (site-relative)."""
        story = owner(path, self.every)
        return self.shard.number == 1 if story is None else story in self.mine


@dataclass(frozen=True)
class Merged:
    """What :func:`merge` put together."""

    shards: int
    files: int
    shared: int
    """Files that more than one shard wrote, byte for byte the same."""


def generated_digest(files: Mapping[str, str | bytes]) -> str:
    """The SHA-256 of the generated files (path -> text or bytes), in the order of their
    paths: what a shard writes in its :data:`STAMP`."""
    digest = hashlib.sha256()
    for path in sorted(files):
        data = files[path]
        data = data.encode("utf-8") if isinstance(data, str) else data
        digest.update(f"{len(path)}:{path}:{len(data)}:".encode())
        digest.update(data)
    return digest.hexdigest()


def write_stamp(folder: Path, shard: Shard, digest: str) -> None:
    """Leave the shard's :data:`STAMP` in the folder its build wrote."""
    stamp = {"shard": str(shard), "generated": digest}
    (folder / STAMP).write_text(json.dumps(stamp, sort_keys=True) + "\n", encoding="utf-8")


def merge(shard_dirs: Sequence[Path], out: Path) -> Merged:
    """Copy every shard's folder into ``out`` (emptied first).

    Raises :class:`ShardError` when a folder is missing, when two shards wrote the same
    file with different bytes (a build that is not deterministic, or shards built from
    different content or settings), or when a link from one shard's page to another's
    names an anchor that page lacks (:func:`missing_anchors`), or when the shards'
    generators made different files (:data:`STAMP`): nothing is published from such a
    merge.
    """
    _check_folders(shard_dirs, out)
    _check_stamps(shard_dirs)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    written: dict[str, Path] = {}
    alone: dict[str, Path] = {}  # the files one shard wrote, with its folder
    for folder in shard_dirs:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            name = path.relative_to(folder).as_posix()
            if name == STAMP:
                continue
            first = written.get(name)
            if first is not None:
                if not filecmp.cmp(first, path, shallow=False):
                    raise ShardError(
                        f"{name}: {_shard_of(first, shard_dirs)} and {folder} wrote it "
                        "differently; build every shard from the same commit and settings"
                    )
                alone.pop(name, None)
                continue
            target = out / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            written[name], alone[name] = path, folder
    broken = missing_anchors(out, alone)
    if broken:
        listed = "\n".join(f"  {link}" for link in broken[:LISTED])
        more = f"\n  ... and {len(broken) - LISTED} more" if len(broken) > LISTED else ""
        raise ShardError(f"links to anchors that are not on their page:\n{listed}{more}")
    return Merged(shards=len(shard_dirs), files=len(written), shared=len(written) - len(alone))


def _check_folders(shard_dirs: Sequence[Path], out: Path) -> None:
    """Refuse a missing folder, an ``out`` over or in one, and an incomplete set."""
    for folder in shard_dirs:
        if not folder.is_dir():
            raise ShardError(f"{folder}: no such shard folder (build it with make site-shard)")
        mine, merged = folder.resolve(), out.resolve()
        if merged.is_relative_to(mine) or mine.is_relative_to(merged):
            raise ShardError(f"{out}: the merged site goes beside the shards' folders, not in them")
    shards = sorted(Shard.of_folder(folder) for folder in shard_dirs)
    count = shards[0].count if shards else 0
    if not shards or shards != [Shard(number, count) for number in range(1, count + 1)]:
        named = ", ".join(str(shard) for shard in shards) or "none"
        raise ShardError(
            f"the shards given are {named}: a site is merged from every shard of one "
            f"split build, 1/{count or 'N'} to {count or 'N'}/{count or 'N'}, each once"
        )


def _check_stamps(shard_dirs: Sequence[Path]) -> None:
    """Refuse a folder without a shard's :data:`STAMP`, and shards whose generators made
    different files."""
    digests: dict[Path, str] = {}
    for folder in shard_dirs:
        try:
            digests[folder] = str(json.loads((folder / STAMP).read_text("utf-8"))["generated"])
        except (OSError, ValueError, KeyError, TypeError):
            raise ShardError(
                f"{folder}: no {STAMP}, or not one a shard's build wrote: build the shard "
                "with make site-shard"
            ) from None
    first = shard_dirs[0]
    for folder, digest in digests.items():
        if digest != digests[first]:
            raise ShardError(
                f"{folder} and {first} were built from different content or versions of the "
                "generator (what each generated differs): build every shard again, from the "
                "same commit"
            )


LISTED = 20
"""The most broken links the merge names one by one."""

_LINK = re.compile(r'\shref="([^"#:?]*)#([^"]+)"')
_ID = re.compile(r'\sid="([^"]+)"')


def missing_anchors(site: Path, alone: Mapping[str, Path]) -> list[str]:
    """The links from a page one shard wrote to an anchor of a page another shard wrote
    that the page lacks, as ``page: href``.

    A shard's build checks the anchors of links between its own pages (MkDocs'
    ``validation.anchors``), but not of links to pages it holds back, which it does not
    render; this checks those, in the merged site. Pages every shard wrote were rendered
    by each, so their links, and links to them, were checked already.
    """
    wanted: dict[str, list[tuple[str, str]]] = {}
    if len(set(alone.values())) < 2:
        return []  # one shard rendered every page it wrote
    for name, shard in alone.items():
        if not name.endswith(".html"):
            continue
        base = posixpath.dirname(name)
        for path, anchor in _LINK.findall((site / name).read_text(encoding="utf-8")):
            if not path:
                continue  # on the page itself, which its shard rendered
            target = posixpath.normpath(posixpath.join(base, unquote(path)))
            target = posixpath.join(target, "index.html") if path.endswith("/") else target
            if alone.get(target, shard) != shard:
                wanted.setdefault(target, []).append((anchor, f"{name}: {path}#{anchor}"))
    broken = []
    for target, links in sorted(wanted.items()):
        ids = {unescape(found) for found in _ID.findall((site / target).read_text("utf-8"))}
        broken += [link for anchor, link in links if unquote(unescape(anchor)) not in ids]
    return broken


def _shard_of(path: Path, shard_dirs: Sequence[Path]) -> Path:
    return next(folder for folder in shard_dirs if path.is_relative_to(folder))

"""Who's who holds every actor's profile (issue 26): no page an actor, one profile each,
in the cast list's order, under an anchor no other id of the page can take, and every
link to an actor leads to that anchor."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import CONTENT, FIXTURES, MINIMAL, text_files
from pagecheck import check_site

from devkit.site import mkdocs_build_in_process
from generator.content.load import load_stories, story_folders
from generator.render.build import build_site
from generator.render.render import profile_anchor

FOLDERS = {"content": CONTENT} | {
    folder.name: folder for folder in sorted(FIXTURES.iterdir()) if story_folders(folder)
}
PROFILE = re.compile(r"^### .+ \{ #(actor-[a-z0-9-]+) \.profile__name \}$", re.M)
CAST_NAME = re.compile(r'<span class="cast__name">\[<bdi>[^\]]*</bdi>\]\(#(actor-[a-z0-9-]+)\)')


@pytest.mark.parametrize("name", sorted(FOLDERS))
def test_every_actor_has_one_profile_in_the_cast_lists_order(name: str) -> None:
    files = text_files(build_site(FOLDERS[name]).files)
    for story in load_stories(FOLDERS[name]):
        assert not [p for p in files if p.startswith(f"{story.id}/actors/") and "index" not in p]
        if not story.actors:
            continue
        page = files[f"{story.id}/actors/index.md"]
        cast, profiles = page.split("\n## Profiles { #profiles }\n")
        shown = PROFILE.findall(profiles)
        assert sorted(shown) == sorted(profile_anchor(a.id) for a in story.actors)
        assert len(shown) == len(set(shown)) == len(story.actors)
        assert shown == CAST_NAME.findall(cast)  # each name of the cast list, in its order


def test_no_anchor_of_who_s_who_can_take_another_s(tmp_path: Path) -> None:
    """Actor ids that are the sides', the kinds' groups' and the page's own anchors, or an
    actor's id and a part of its profile: the built page gives every id once, and every
    link to an actor, from every page, leads to its profile."""
    content = tmp_path / "content"
    story = content / "tiny-story"
    shutil.copytree(MINIMAL / "tiny-story", story)
    actors = story / "actors.yml"
    extra = "".join(
        f"  - id: {actor_id}\n    name: Actor {n}\n    kind: {kind}\n"
        f"    role: A party\n    sources: [report]\n"
        for n, (actor_id, kind) in enumerate(
            [
                ("person", "person"),
                ("government", "government"),
                ("others", "organisation"),
                ("profiles", "person"),
                ("side-a-positions", "person"),
                ("a", "person"),
            ]
        )
    )
    text = actors.read_text(encoding="utf-8").replace("actors:\n", "actors:\n" + extra, 1)
    sides = "sides:\n  - id: a\n    name: Side A\n    actors: [side-a, a]\n"
    actors.write_text(text + sides, encoding="utf-8")
    site = tmp_path / "site"
    url = "https://example.github.io/explainer/"
    mkdocs_build_in_process(site, site_url=url, content=content)
    html = (site / "tiny-story" / "actors" / "index.html").read_text(encoding="utf-8")
    for anchor in ("side-a", "person", "government", "others", "profiles", "actor-side-a"):
        assert html.count(f'id="{anchor}"') == 1, anchor
    assert '<h4 id="actor-side-a--positions">' in html  # side-a's part, not an actor
    assert '<h3 class="profile__name" id="actor-side-a-positions">' in html  # that actor
    assert not re.search(r'id="actor-[^"]*_[0-9]+"', html)  # none made unique by the Markdown
    assert check_site(site, url) == []  # no id twice, every link to an anchor there

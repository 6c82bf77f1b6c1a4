"""The navigation: one ordering rule for the stories, and the static pages placed once."""

from __future__ import annotations

from pathlib import Path

from devkit.content import copy_story, edit_file
from generator.content.load import load_stories
from generator.render.build import build_site
from generator.render.navigation import HOME, mkdocs_nav, newest_first, site_nav


def add_story(content: Path, story_id: str, start: str) -> None:
    story = copy_story(content / "tiny-story", content, story_id)
    edit_file(story, "title: A tiny story", f"title: Story {story_id}")
    edit_file(story, "start: 2020-01-02", f"start: {start}")
    edit_file(story, "end: 2020-01-03", "end: 2020-12")


def test_stories_are_newest_first_by_their_earliest_day_then_by_id(content: Path) -> None:
    add_story(content, "a-same-day", "2020-01-02")  # tiny-story's day: 'tiny' comes first
    add_story(content, "whole-year", "2020")  # 1 January 2020 at the earliest
    add_story(content, "later-month", "2020-02")
    stories = newest_first(load_stories(content))
    assert [s.id for s in stories] == ["later-month", "tiny-story", "a-same-day", "whole-year"]
    site = build_site(content)
    titles = [title for title, _ in site.nav]
    assert titles == ["Home", *(s.meta.title for s in stories)]
    home = site.files["index.md"]
    assert isinstance(home, str)
    places = [home.index(f"({s.id}/index.md)") for s in stories]
    assert places == sorted(places), "the home page lists them in another order"


def test_static_pages_follow_the_stories_and_titles_are_escaped(
    content: Path,
) -> None:
    (story,) = load_stories(content)
    meta = story.meta.model_copy(update={"title": "<b>Bold</b> & co"})
    tree = site_nav([story.model_copy(update={"meta": meta})])
    assert tree[0] == HOME
    nav = mkdocs_nav(tree, ["about.md"])
    titles = [next(iter(entry)) if isinstance(entry, dict) else entry for entry in nav]
    assert titles == ["Home", "&lt;b&gt;Bold&lt;/b&gt; &amp; co", "about.md"]

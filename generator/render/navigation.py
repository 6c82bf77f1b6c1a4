"""The site's navigation, in one place, with one ordering rule.

The order, top to bottom:

1. Home.
2. The stories, newest first: by the earliest day their start can mean, latest first;
   stories that start on the same day, by id, in reverse (:func:`newest_first`). From
   :data:`~generator.render.archive.NAV_BY_YEAR_FROM` stories on, they are grouped in one section
   a year, in the same order, each opened by that year's page of stories. Within a story:
   its landing page and its sections in reading order
   (:func:`generator.render.pages.story_pages`), "Who's who" among them, which holds every
   actor's profile (:mod:`generator.render.profiles`): an actor has no page of their own.
3. The static pages of ``docs/`` (About...), in the order MkDocs lists them.

That is the whole tree, for the engine (the years' pages, and Previous and Next of the
pages outside the stories: a story's own are in its pages' front matter). No page shows
it: the site has no menu (``theme/main.html``); a story's chapters, the masthead, the
home page and every page's footer lead everywhere, so that no page grows with the
number of stories.

The open data's schema (``schema/index.md``) is not in the navigation: every page's footer
links to it (``theme/partials/copyright.html``), as it does to About and the feeds.

The home page lists the stories in the same order: all of them, or, from
:data:`~generator.render.archive.NAV_BY_YEAR_FROM` stories on, the
:data:`~generator.render.archive.HOME_STORIES` newest and a link to each
year's page (:mod:`generator.render.archive`), so that no page grows with the number of
stories. :func:`mkdocs_nav` gives the whole tree in the form of mkdocs.yml's ``nav``, for
the plugin and for the project any engine builds (:mod:`generator.publish.project`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from markupsafe import escape

from generator.content.models import Story
from generator.render.archive import by_year, many, year_page_path
from generator.render.pages import story_pages

NavTree = list[tuple[str, "str | NavTree"]]
"""Navigation: (title, page path) or (title, children), in reading order."""

HOME = ("Home", "index.md")


def newest_first(stories: Iterable[Story]) -> list[Story]:
    """The stories in the order of the site: newest first (see the module's docstring)."""
    return sorted(stories, key=lambda s: (s.meta.first_day, s.id), reverse=True)


def site_nav(stories: list[Story]) -> NavTree:
    """Home and the stories (in the order given: :func:`newest_first`)."""
    return [HOME, *stories_nav(stories)]


def stories_nav(stories: list[Story]) -> NavTree:
    """The stories' navigation, in the order given: flat, or in one section a year."""
    if not many(stories):
        return [(story.meta.title, story_nav(story)) for story in stories]
    return [
        (year, [(year, year_page_path(year)), *((s.meta.title, story_nav(s)) for s in group)])
        for year, group in by_year(stories).items()
    ]


def story_nav(story: Story) -> NavTree:
    """The story's navigation: its pages in order."""
    return [(page.title, page.path) for page in story_pages(story)]


def mkdocs_nav(tree: NavTree, static: list[str]) -> list[Any]:
    """The navigation in mkdocs.yml's ``nav`` form, the static pages of docs/ (given as
    MkDocs lists them) after the stories.

    Material prints navigation titles as HTML, so editors' titles are escaped here.
    """
    return [*_mkdocs_form(tree), *static]


def _mkdocs_form(tree: NavTree) -> list[Any]:
    return [
        {str(escape(title)): target if isinstance(target, str) else _mkdocs_form(target)}
        for title, target in tree
    ]

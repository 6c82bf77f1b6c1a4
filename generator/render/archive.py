"""The stories filed by year, for a site with many of them.

Every page carries the top level of the navigation, and the home page lists the stories:
with a flat list of every story, each page would grow with the number of stories (and the
whole build would be quadratic). From :data:`NAV_BY_YEAR_FROM` stories on, the navigation
has one section a year, opened by that year's page of stories (:func:`year_page_path`),
and the home page shows the :data:`HOME_STORIES` newest and a link to each year's page.
"""

from __future__ import annotations

from generator.content.models import Story

NAV_BY_YEAR_FROM = 13
"""From this many stories on, the navigation and the home page group them by year."""

HOME_STORIES = NAV_BY_YEAR_FROM - 1
"""How many stories the home page shows in full when there are many: the newest; the
others are on the page of their year."""


def many(stories: list[Story]) -> bool:
    """Whether there are enough stories to group them by year (navigation, home page)."""
    return len(stories) >= NAV_BY_YEAR_FROM


def year_of(story: Story) -> str:
    """The year a story is filed under: the year its events began."""
    return str(story.meta.start.year)


def by_year(stories: list[Story]) -> dict[str, list[Story]]:
    """The stories by the year they are filed under, in the order given (newest first)."""
    years: dict[str, list[Story]] = {}
    for story in stories:
        years.setdefault(year_of(story), []).append(story)
    return years


def year_page_path(year: str) -> str:
    """The page of one year's stories (``stories`` is a reserved story id)."""
    return f"stories/{year}/index.md"

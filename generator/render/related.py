"""Links between stories: related stories, both ways, and the same actor in several stories.

A story names the stories it follows on or relates to in ``related:`` (their ids, the
folder names); the loader checks that each is a story folder beside it
(:mod:`generator.content.related`), and the site links them both ways. An actor is the
same actor in every story where it has the same id (``prime-minister-of-x``): its profile in
each story links to its profiles in the :data:`ELSEWHERE_SHOWN` other stories nearest in
time, and an actor in more stories than that (four or more) has a page of its own that
lists them all (:func:`actor_page_path`), newest first: every story is a link away, with
or without JavaScript, and no profile grows with the number of stories.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from generator.content.models import Actor, Story

ELSEWHERE_SHOWN = 2
"""How many other stories an actor's profile links to, besides its page of them all: an
actor in many stories (a head of state in a newsroom's hundreds) would otherwise make each
story's Who's who grow with the number of stories, and the whole build quadratic. Two:
the story before and the story after, most often; each line weighs about 170 bytes on
every profile of every story the actor is in."""

ACTOR_PAGES = "stories/with"
"""The folder of the actors' pages: ``stories`` is a reserved story id, and its other
folders are years (``stories/2019``), never ``with``."""


ACTOR_PAGE_ALL = 200
"""Up to this many stories, an actor's page lists them all (about 45 KB of HTML at 200,
8 KB gzipped); past it, the newest :data:`ACTOR_PAGE_NEWEST` and a page for each year of
the actor's stories (:func:`actor_year_path`), as the home page and the years' pages do:
no page grows with the number of stories (a head of state in a newsroom's thousands would
make one of hundreds of kilobytes). Not fewer: each year's page costs its chrome, about
6 KB: with 50 here, 100 synthetic stories (20 actors in each, over some 30 years) made a
66 MB site, against 62 MB with 200 (``make bench-archive``, bench/README.md)."""

ACTOR_PAGE_NEWEST = 20
"""How many stories the page of an actor in more than :data:`ACTOR_PAGE_ALL` shows."""


def has_page(stories: int) -> bool:
    """Whether an actor in this many stories has a page of them all: in more than one of
    its profiles shows (:data:`ELSEWHERE_SHOWN` others and its own story)."""
    return stories > ELSEWHERE_SHOWN + 1


def actor_page_path(actor_id: str) -> str:
    """The page of every story an actor is in, from the docs root (:func:`has_page`)."""
    return f"{ACTOR_PAGES}/{actor_id}/index.md"


def actor_year_path(actor_id: str, year: str) -> str:
    """The page of an actor's stories of one year (past :data:`ACTOR_PAGE_ALL` stories)."""
    return f"{ACTOR_PAGES}/{actor_id}/{year}/index.md"


@dataclass(frozen=True)
class Elsewhere:
    """An actor's appearances in other stories: those shown, and how many there are."""

    shown: list[tuple[Story, Actor]]
    total: int

    def __bool__(self) -> bool:
        return self.total > 0

    @property
    def paged(self) -> bool:
        """Whether the actor has a page of every story it is in, which its profile links to."""
        return has_page(self.total + 1)


@dataclass
class CrossLinks:
    """What each story links to in the others: related stories, and its actors elsewhere."""

    related: dict[str, list[Story]] = field(default_factory=dict)
    appearances: dict[str, list[tuple[Story, Actor]]] = field(default_factory=dict)
    _by_day: dict[str, _Days] = field(default_factory=dict)

    def related_to(self, story: Story) -> list[Story]:
        """The stories related to ``story``, either way, newest first."""
        return self.related.get(story.id, [])

    def with_pages(self) -> dict[str, list[tuple[Story, Actor]]]:
        """The actors that have a page (:func:`has_page`), which each of their profiles
        links to, by id in alphabetical order, each with its appearances, newest story
        first (an id is once in a story at most: the loader refuses it twice)."""
        return {
            actor_id: entries
            for actor_id, entries in sorted(self.appearances.items())
            if has_page(len(entries))
        }

    def elsewhere(self, story: Story, actor_id: str) -> Elsewhere:
        """The other stories where the actor appears, with its entry there: the
        :data:`ELSEWHERE_SHOWN` nearest in time to ``story`` (between two as near, the
        newer), newest first, and how many there are in all.

        An actor in every story (a head of state, in a newsroom's thousands) must not make
        each of its pages look through all of them, or the build would grow with the square
        of the stories: the nearest are found from the actor's stories by day
        (:class:`_Days`), in time that does not grow with their number."""
        entries = self.appearances.get(actor_id, [])
        days = self._by_day.get(actor_id)
        if days is None:
            days = self._by_day[actor_id] = _Days(entries)
        total = len(entries) - days.count(story.id)
        near = days.nearest(story, ELSEWHERE_SHOWN)
        return Elsewhere([entries[index] for index in sorted(near)], total)


class _Days:
    """An actor's appearances by the first day of their story, earliest first; each day's
    in the order of :attr:`CrossLinks.appearances` (newest story first)."""

    def __init__(self, entries: list[tuple[Story, Actor]]) -> None:
        groups: dict[int, list[int]] = {}
        for index, (story, _) in enumerate(entries):
            groups.setdefault(story.meta.first_day.toordinal(), []).append(index)
        self.days = sorted(groups)
        self.groups = [groups[day] for day in self.days]
        self.entries = entries
        self.ids: dict[str, int] = {}
        for story, _ in entries:
            self.ids[story.id] = self.ids.get(story.id, 0) + 1

    def count(self, story_id: str) -> int:
        """How many of the appearances are in the story ``story_id``."""
        return self.ids.get(story_id, 0)

    def nearest(self, story: Story, wanted: int) -> list[int]:
        """The indexes of the ``wanted`` appearances in other stories nearest in time to
        ``story``; between two as near, the one earlier in the list (the newer story).

        From the story's day outwards, each side's days are taken until that side has
        ``wanted`` candidates (a day gives at most ``wanted``, the first in the list): the
        nearest ``wanted`` are among them, whatever the number of stories."""
        day = story.meta.first_day.toordinal()
        start = bisect.bisect_left(self.days, day)
        candidates: list[tuple[int, int]] = []  # (distance in days, index in the list)
        for side in (range(start, len(self.days)), range(start - 1, -1, -1)):
            found = 0
            for position in side:
                if found >= wanted:
                    break
                others = [i for i in self.groups[position] if self.entries[i][0].id != story.id]
                distance = abs(self.days[position] - day)
                candidates += [(distance, index) for index in others[:wanted]]
                found += len(others[:wanted])
        return [index for _, index in sorted(candidates)[:wanted]]


def cross_links(stories: list[Story]) -> CrossLinks:
    """The links between ``stories`` (newest first); ids of stories not built are left out."""
    by_id = {story.id: story for story in stories}
    pairs: dict[str, set[str]] = {story.id: set() for story in stories}
    for story in stories:
        for other in story.meta.related:
            if other in by_id:
                pairs[story.id].add(other)
                pairs[other].add(story.id)
    order = {story.id: index for index, story in enumerate(stories)}
    links = CrossLinks()
    for story_id, others in pairs.items():
        links.related[story_id] = [by_id[o] for o in sorted(others, key=order.__getitem__)]
    for story in stories:
        for actor in story.actors:
            links.appearances.setdefault(actor.id, []).append((story, actor))
    return links

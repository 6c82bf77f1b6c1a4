"""An actor in many stories: its pages link to the nearest in time (generator/render/related.py),
found without looking through every story, with the same result as sorting them all."""

from __future__ import annotations

import datetime
import random
from types import SimpleNamespace
from typing import Any, cast

from generator.content.models import Actor, Story
from generator.render.related import ELSEWHERE_SHOWN, CrossLinks


def _story(number: int, day: datetime.date) -> Story:
    meta = SimpleNamespace(first_day=day)
    return cast(Story, SimpleNamespace(id=f"story-{number:04}", meta=meta))


def _sorting_them_all(links: CrossLinks, story: Story, actor: str) -> list[Any]:
    """What the site showed before: every other story, sorted by distance in days."""
    others = [(s, a) for s, a in links.appearances[actor] if s.id != story.id]
    day = story.meta.first_day
    nearest = sorted(others, key=lambda pair: abs((pair[0].meta.first_day - day).days))
    shown = {s.id for s, _ in nearest[:ELSEWHERE_SHOWN]}
    return [(s, a) for s, a in others if s.id in shown]


def test_the_nearest_stories_are_those_a_sort_of_all_of_them_gives() -> None:
    chooser = random.Random(26)
    for stories in (1, 2, 5, 6, 7, 40, 300):
        start = datetime.date(2019, 1, 1)
        days = [start + datetime.timedelta(days=chooser.randrange(60)) for _ in range(stories)]
        made = sorted(
            (_story(n, day) for n, day in enumerate(days)),
            key=lambda s: (s.meta.first_day, s.id),
            reverse=True,  # newest first, as the site orders them
        )
        actor = cast(Actor, SimpleNamespace(id="side-a"))
        links = CrossLinks(appearances={"side-a": [(s, actor) for s in made]})
        for story in made:
            found = links.elsewhere(story, "side-a")
            assert found.total == stories - 1
            assert found.shown == _sorting_them_all(links, story, "side-a"), story.id

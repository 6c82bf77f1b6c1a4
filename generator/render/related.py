"""Links between stories: related stories, both ways, and the same actor in several stories.

A story names the stories it follows on or relates to in ``related:`` (their ids, the
folder names); the loader checks that each is a story folder beside it
(:mod:`generator.content.related`), and the site links them both ways. An actor is the
same actor in every story where it has the same id (``donald-trump``): each of its pages
links to its pages in the other stories.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.content.models import Actor, Story

ELSEWHERE_SHOWN = 5
"""How many other stories an actor's page links to: an actor in many stories (a head of
state in a newsroom's hundreds) would otherwise make each of their pages grow with the
number of stories, and the whole build quadratic."""


@dataclass(frozen=True)
class Elsewhere:
    """An actor's appearances in other stories: those shown, and how many there are."""

    shown: list[tuple[Story, Actor]]
    total: int

    def __bool__(self) -> bool:
        return self.total > 0


@dataclass
class CrossLinks:
    """What each story links to in the others: related stories, and its actors elsewhere."""

    related: dict[str, list[Story]] = field(default_factory=dict)
    appearances: dict[str, list[tuple[Story, Actor]]] = field(default_factory=dict)

    def related_to(self, story: Story) -> list[Story]:
        """The stories related to ``story``, either way, newest first."""
        return self.related.get(story.id, [])

    def elsewhere(self, story: Story, actor_id: str) -> Elsewhere:
        """The other stories where the actor appears, with its entry there: the
        :data:`ELSEWHERE_SHOWN` nearest in time to ``story`` (between two as near, the
        newer), newest first, and how many there are in all."""
        others = [(s, a) for s, a in self.appearances.get(actor_id, []) if s.id != story.id]
        day = story.meta.first_day
        nearest = sorted(others, key=lambda pair: abs((pair[0].meta.first_day - day).days))
        shown = {s.id for s, _ in nearest[:ELSEWHERE_SHOWN]}
        return Elsewhere([(s, a) for s, a in others if s.id in shown], len(others))


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

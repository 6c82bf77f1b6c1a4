"""Pages that scan, as a newsroom's do (issue 22): Who's who as a cast list, each side's
actors together and the others by kind, one compact entry an actor; reactions grouped by
tone, one card an actor with all its reactions in date order."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest
from conftest import CONTENT, FIXTURES, text_files

from generator.content.load import load_stories
from generator.content.models import ReactionStance, Story, reactions_in_order
from generator.render.build import build_site
from generator.render.grouping import KINDS, cast_of, reaction_groups
from generator.render.text import escape_markdown
from generator.render.wording import shown_country

COALITION = FIXTURES / "coalition"  # two sides, and actors on none
VARIED = FIXTURES / "varied"  # no sides: a cast by kind
LONG = FIXTURES / "long-aftermath"  # sides, a de facto authority, mediators and a host
WITH_ACTORS = (COALITION, VARIED, LONG)


def _story(folder: Path) -> Story:
    (story,) = load_stories(folder)
    return story


def _page(folder: Path, name: str) -> str:
    (story,) = load_stories(folder)
    return text_files(build_site(folder).files)[f"{story.id}/{name}"]


@pytest.mark.parametrize("folder", WITH_ACTORS, ids=lambda f: f.name)
def test_the_cast_holds_every_actor_once(folder: Path) -> None:
    story = _story(folder)
    cast = cast_of(story)
    listed = [a.id for group in [*cast.sides, *cast.others] for a in group.actors]
    assert sorted(listed) == sorted(a.id for a in story.actors)
    assert len(listed) == len(set(listed))


def test_each_side_comes_first_in_its_order_then_the_others_by_kind() -> None:
    story = _story(COALITION)
    cast = cast_of(story)
    assert [g.side.id for g in cast.sides if g.side] == [s.id for s in story.sides]
    for group in cast.sides:
        assert group.side and {a.id for a in group.actors} == set(group.side.actors)
        kinds = [list(KINDS).index(a.kind) for a in group.actors]
        assert kinds == sorted(kinds)  # people first
    assert [g.anchor for g in cast.others] == [
        kind for kind in KINDS if any(a.kind == kind for g in cast.others for a in g.actors)
    ]
    assert all(story.side_of(a.id) is None for g in cast.others for a in g.actors)


def test_a_story_without_sides_is_cast_by_kind() -> None:
    cast = cast_of(_story(VARIED))
    assert cast.sides == []
    assert [g.heading for g in cast.others] == ["People", "Governments", "Organisations"]


ENTRY = re.compile(
    r'^- <span class="cast__name">\[<bdi>(?P<name>[^<]+)</bdi>\]\(#actor-(?P<id>[a-z0-9-]+)\)'
    r"(?P<native>.*?)</span>\n"
    r'  <span class="cast__role">(?P<role>[^<]+)<sup class="cite">.*</sup></span>\n'
    r'  <span class="cast__meta">(?P<meta>.+)</span>$',
    re.M,
)


@pytest.mark.parametrize("folder", WITH_ACTORS, ids=lambda f: f.name)
def test_each_actor_is_one_entry_with_name_role_and_what_they_are(folder: Path) -> None:
    story, page = _story(folder), _page(folder, "actors/index.md")
    entries = {m["id"]: m for m in ENTRY.finditer(page)}
    assert sorted(entries) == sorted(a.id for a in story.actors), page
    for actor in story.actors:
        entry = entries[actor.id]
        assert entry["role"] == escape_markdown(actor.role.rstrip("."))
        assert entry["meta"].startswith(KINDS[actor.kind][1])
        if actor.country:  # shown unless the role or name says it already
            shown = f" · {escape_markdown(actor.country)}" in entry["meta"]
            assert shown == bool(shown_country(actor)), actor.id
        if actor.involvement != "party":
            assert f" · {actor.involvement.capitalize()}" in entry["meta"]
        for native in actor.native_names:
            assert f'<bdi lang="{native.lang}">{native.text}</bdi>' in entry["native"]


def test_each_sides_entries_carry_its_colour_and_the_others_none() -> None:
    page = _page(COALITION, "actors/index.md").split("\n## Profiles")[0]  # the cast list
    headings = re.findall(r"^(#+ .+?) \{ #([a-z0-9-]+) \}$", page, re.M)
    assert headings == [
        ("## <bdi>Northland</bdi>", "side-northland-side"),
        ("## <bdi>The Harbour Group</bdi>", "side-harbour-side"),
        ("## Others in the story", "others"),
        ("### Organisations", "organisation"),
        ("### Groups and coalitions", "group"),
    ]
    colours = re.findall(r'<div class="cast( cast--side-\d)?" markdown>', page)
    assert colours == [" cast--side-1", " cast--side-2", "", ""]


def test_a_story_without_sides_has_its_kinds_as_headings() -> None:
    page = _page(VARIED, "actors/index.md")
    assert re.findall(r"^## (.+) \{ #", page, re.M) == [
        "People",
        "Governments",
        "Organisations",
        "Profiles",
    ]
    assert "cast--side" not in page and "Others in the story" not in page


# --- Reactions ------------------------------------------------------------------------

WITH_REACTIONS = (LONG, VARIED, COALITION, FIXTURES / "minimal")


@pytest.mark.parametrize("folder", [*WITH_REACTIONS, CONTENT], ids=lambda f: f.name)
def test_each_actor_has_one_card_with_all_its_reactions_in_date_order(folder: Path) -> None:
    for story in load_stories(folder):  # every story the folder holds, whatever they are
        cards = [card for group in reaction_groups(story) for card in group.cards]
        assert sorted(card.actor for card in cards) == sorted({r.actor for r in story.reactions})
        for card in cards:
            own = [r for r in story.reactions if r.actor == card.actor]
            assert card.reactions == reactions_in_order(own)


@pytest.mark.parametrize("folder", [*WITH_REACTIONS, CONTENT], ids=lambda f: f.name)
def test_cards_are_grouped_by_the_tone_they_end_on_in_the_models_order(folder: Path) -> None:
    tones = list(typing.get_args(ReactionStance))
    for story in load_stories(folder):  # every story the folder holds, whatever they are
        groups = reaction_groups(story)
        assert [tones.index(g.stance) for g in groups] == sorted(
            {tones.index(g.stance) for g in groups}
        )
    for group in groups:
        assert group.cards and all(
            card.reactions[-1].stance == group.stance for card in group.cards
        )


def test_a_card_marks_the_reactions_whose_tone_differs_from_its_group() -> None:
    page = _page(LONG, "reactions.md")
    headings = re.findall(r"^(#+) (.+?) \{ #([a-z0-9-]+) \}$", page, re.M)
    assert [(level, anchor) for level, _, anchor in headings] == [
        ("##", "welcoming"),
        ("###", "reaction-far-isles"),
        ("##", "hopeful"),
        ("###", "reaction-lakeland"),
        ("##", "cautious"),
        ("###", "reaction-harbour-forum"),
    ]
    card = page[page.index("{ #reaction-harbour-forum }") :]
    assert card.count('<span class="stance-badge">') == 1
    assert (
        '<time datetime="2018">2018</time></span> <span class="stance-badge">critical</span>'
        in card
    )
    assert "Where an actor reacted more than once" in page


def test_a_page_where_each_actor_reacted_once_says_nothing_of_shared_cards() -> None:
    page = _page(VARIED, "reactions.md")
    assert page.count('<div class="reaction-card" markdown>') == 4
    assert "stance-badge" not in page and "reacted more than once" not in page


# --- The legend of the basis badges -----------------------------------------------------

BADGE = re.compile(r'<span class="basis basis--(stated|reported|analysis)">')
LEGEND = re.compile(r'<p class="basis-legend" markdown>(.*?)</p>')


@pytest.mark.parametrize(
    "folder", [CONTENT, COALITION, LONG, VARIED, FIXTURES / "news"], ids=lambda f: f.name
)
def test_a_page_with_badges_explains_them_once_before_the_first(folder: Path) -> None:
    pages = text_files(build_site(folder).files)
    badged = 0
    for path, text in pages.items():
        legends = LEGEND.findall(text)
        shown = BADGE.findall(LEGEND.sub("", text))
        if not shown:
            assert legends == [], f"{path}: a legend and no badge"
            continue
        badged += 1
        assert len(legends) == 1, f"{path}: {len(legends)} legends"
        first = BADGE.search(LEGEND.sub("", text))
        assert first and text.index('class="basis-legend"') < first.start(), path
        assert set(BADGE.findall(legends[0])) == set(shown), path
        assert "(../" in legends[0] and "standards.md#how-we-know-each-claim)" in legends[0]
    assert badged, "no page with badges in this fixture"

"""What makes the pages read like a newsroom's, checked in the generated Markdown of every
story under content/ and the fixtures: the glossary in alphabetical order, and the landing
page's lead quotation."""

from __future__ import annotations

import re

import pytest
from conftest import CONTENT, FIRST_STORY, FIXTURES, ROOT

from generator.content.load import load_stories
from generator.content.models import Story
from generator.render.pages import render_story

FOLDERS = [ROOT / "content", *sorted(p for p in FIXTURES.iterdir() if p.is_dir())]


def every_story() -> list[Story]:
    return [story for folder in FOLDERS for story in load_stories(folder)]


@pytest.mark.parametrize(
    "story", [s for s in every_story() if len(s.glossary) > 1], ids=lambda story: story.id
)
def test_the_glossary_is_in_alphabetical_order(story: Story) -> None:
    page = render_story(story)[f"{story.id}/glossary.md"]
    terms = re.findall(r'<dt id="term-[^"]*"[^>]*>(.*?)</dt>', page)
    assert len(terms) == len(story.glossary)
    assert terms == sorted(terms, key=str.casefold), terms


def test_the_lead_quotation_opens_the_landing_page() -> None:
    (story,) = load_stories(CONTENT, FIRST_STORY)
    assert story.meta.lead_quotation == "trump-sometimes-walk"
    page = render_story(story)[f"{story.id}/index.md"]
    quote = page.index('<figure class="lead-quote"')
    assert page.index('<div class="byline">') < quote < page.index("## At a glance")
    assert "“Sometimes you have to walk”" in page[quote : page.index("</figure>", quote)]

"""Phrases the pages build from the model, worded so they hold for any story.

Fixed text must not assume what a story holds: that the other actors are countries,
that every actor has a country, or that a quotation was said in English.
"""

from __future__ import annotations

from .languages import language_name
from .models import Actor, Quotation, Story


def actor_summary(actor: Actor) -> str:
    """'Leader of North Korea', 'President (United States)': the role, then the country.

    The country is left out when there is none or when the role or the name already says
    it, and never put in brackets inside brackets.
    """
    country = actor.country
    if not country or _mentions(actor.role, country) or _mentions(actor.name, country):
        return actor.role
    if "(" in country or "(" in actor.role:
        return f"{actor.role}; {country}"
    return f"{actor.role} ({country})"


def _mentions(text: str, part: str) -> bool:
    return part.casefold() in text.casefold()


def reactions_blurb(story: Story) -> str:
    """The reactions page's one-line description: 'How other countries reacted.' only
    when every actor that reacted is a government."""
    kinds = {story.actor(reaction.actor).kind for reaction in story.reactions}
    return "How other countries reacted." if kinds == {"government"} else "How others reacted."


def translation_note(quotation: Quotation) -> str:
    """'Translated from Korean by KCNA', or '' for words said in English."""
    translation = quotation.translation
    if translation is None:
        return ""
    note = f"Translated from {language_name(translation.language)}"
    return f"{note} by {translation.translator}" if translation.translator else note


def members_of(story: Story, actor: Actor) -> list[Actor]:
    """The actors of a group, in the order the group lists them."""
    return [story.actor(member) for member in actor.members]


def groups_of(story: Story, actor_id: str) -> list[Actor]:
    """The groups an actor is a member of, in actors.yml order."""
    return [group for group in story.actors if actor_id in group.members]


__all__ = [
    "actor_summary",
    "groups_of",
    "members_of",
    "reactions_blurb",
    "translation_note",
]

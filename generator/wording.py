"""Phrases the pages build from the model, worded so they hold for any story.

Fixed text must not assume what a story holds: that the other actors are countries,
that every actor has a country, or that a quotation was said in English.
"""

from __future__ import annotations

from .languages import language_name
from .models import Actor, Claim, Quotation, Source, Story


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


def basis_label(claim: Claim) -> str:
    """The visible label of a claim's basis: 'Stated', 'Reported', 'Analysis (the article)'."""
    if claim.basis == "analysis":
        return f"Analysis ({claim.analysis_by})"
    return claim.basis.capitalize()


def unknown_of(source: Source) -> str:
    """What a reader cannot check about a source: 'Publisher, date and web address not known.'"""
    missing = [
        name
        for name, value in (
            ("publisher", source.publisher),
            ("date", source.date),
            ("web address", source.url or source.archive_url),
        )
        if value is None
    ]
    if not missing:
        return ""
    listed = missing[0] if len(missing) == 1 else ", ".join(missing[:-1]) + " and " + missing[-1]
    return f"{listed[0].upper()}{listed[1:]} not known."


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
    "basis_label",
    "groups_of",
    "members_of",
    "reactions_blurb",
    "translation_note",
    "unknown_of",
]

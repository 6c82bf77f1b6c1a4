"""Phrases the pages build from the model, worded so they hold for any story.

Fixed text must not assume what a story holds: that the other actors are countries,
that every actor has a country, or that a quotation was said in English.
"""

from __future__ import annotations

import re

from generator.content.languages import language_name
from generator.content.models import Actor, Claim, Quotation, Source, Story


def actor_summary(actor: Actor) -> str:
    """'Leader of North Korea', 'President (United States)': the role, then the country.

    The country is left out when there is none or when the role or the name already says
    it, and never put in brackets inside brackets.
    """
    country = shown_country(actor)
    if not country:
        return actor.role
    if "(" in country or "(" in actor.role:
        return f"{actor.role}; {country}"
    return f"{actor.role} ({country})"


def shown_country(actor: Actor) -> str:
    """The actor's country where the pages show it: '' when there is none, or when the
    role or the name already says it (in full or by its initials)."""
    country = actor.country
    named = (actor.role, actor.name)
    if not country or any(
        _mentions(text, country) or _abbreviated(text, country) for text in named
    ):
        return ""
    return country


def _mentions(text: str, part: str) -> bool:
    return part.casefold() in text.casefold()


def _abbreviated(text: str, country: str) -> bool:
    """Whether the text names the country by its initials: 'the US delegation' for the
    United States, 'UK' for the United Kingdom."""
    words = [word for word in country.split() if word[:1].isupper()]
    if len(words) < 2:
        return False
    initials = "".join(word[0] for word in words)
    dotted = r"\.".join(initials)  # U.S.
    return bool(re.search(rf"\b(?:{initials}\b|{dotted}\.)", text))


def in_sentence(name: str) -> str:
    """A name as it reads inside a sentence: 'The P5+1' becomes 'the P5+1'."""
    return "the" + name[3:] if name.startswith("The ") else name


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
    """What a reader cannot check about a source: 'Publisher and date not known. No web
    address.' ('' when it has all three)."""
    missing = [
        name
        for name, value in (("publisher", source.publisher), ("date", source.date))
        if value is None
    ]
    said = []
    if missing:
        said.append(f"{' and '.join(missing).capitalize()} not known.")
    if source.url is None and source.archive_url is None:
        said.append("No web address.")
    return " ".join(said)


def translation_note(quotation: Quotation) -> str:
    """'Translated from Korean by KCNA', 'Our translation from Russian', 'Translated'
    (the language unknown, the translator not said), or '' for words said in English."""
    translation = quotation.translation
    if translation is None:
        return ""
    source = f" from {language_name(translation.language)}" if translation.language_known else ""
    if translation.ours:
        return f"Our translation{source}"
    note = f"Translated{source}"
    return f"{note} by {translation.translator}" if translation.translator else note


def kind_note(actor: Actor) -> str:
    """What the page says of an actor's kind where readers could mistake it: 'A de facto
    or disputed authority' for kind: authority, else ''."""
    return "A de facto or disputed authority" if actor.kind == "authority" else ""


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
    "in_sentence",
    "kind_note",
    "members_of",
    "reactions_blurb",
    "shown_country",
    "translation_note",
    "unknown_of",
]

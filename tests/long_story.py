"""The timeline's densest test story: 150 events over 60 years and 20 actors, by actor.

Written once into ``tests/fixtures/dense/synthetic-long-story/`` and kept there, so the
tests, the benchmark and ``make screenshots`` read the same story; this script writes
it again, byte for byte (a test holds it to that):

    .venv/bin/python tests/long_story.py tests/fixtures/dense

Events thicken towards the story's own years (2021 to 2024), as in a real story whose
background reaches back decades; some fall days apart, in one actor's lane or several.
Every fifteenth event is a key event (``key: true``). Every name is invented.
"""

from __future__ import annotations

import argparse
import calendar
import random
from pathlib import Path

STORY_ID = "synthetic-long-story"
EVENTS, ACTORS, FIRST_YEAR, LAST_YEAR = 150, 20, 1965, 2024
SEED = 60
KEY_EVERY = 15  # every fifteenth event is a key event: ten of them

_WORDS = """
talks summit envoy treaty sanctions border ceasefire reactor inspection pipeline harbour
bridge railway alliance exercise missile launch pledge deadline agenda roadmap draft
election tariff quota vote council strike protest verdict appeal census survey flood
drought harvest grain loan bond currency embargo blockade airlift convoy
"""
_VERBS = "opens, ends, fails, resumes, collapses, is signed, is delayed, is announced, is rejected"
_PLACES = "Avalon Borduria Carpania Dravia Elbonia Freedonia Genovia Hyland Ixia Jarvia"
WORDS, VERBS, PLACES = _WORDS.split(), _VERBS.split(", "), _PLACES.split()
FIRST = [
    "Ana",
    "Ben",
    "Chen",
    "Dara",
    "Eli",
    "Farah",
    "Goran",
    "Hana",
    "Ivan",
    "Jae",
    "Kofi",
    "Lena",
    "Mara",
    "Nils",
    "Omar",
    "Pia",
]
LAST = [
    "Abe",
    "Brandt",
    "Costa",
    "Dorn",
    "Eng",
    "Ferro",
    "Gil",
    "Hale",
    "Ito",
    "Jung",
    "Kaya",
    "Lund",
    "Moro",
    "Naidu",
    "Ortiz",
]


def write(out: Path, seed: int = SEED) -> Path:
    """Write the story into ``out/synthetic-long-story/`` and return its folder."""
    rng = random.Random(seed)
    folder = out / STORY_ID
    folder.mkdir(parents=True, exist_ok=True)
    actors = [f"actor-{index:02d}" for index in range(1, ACTORS + 1)]
    files = {
        "story.yml": _story(),
        "sources.yml": _sources(),
        "actors.yml": _actors(actors),
        "timeline.yml": _timeline(rng, actors),
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _story() -> str:
    return (
        "# Written by tests/long_story.py: edit that script, not this file.\n"
        f"id: {STORY_ID}\n"
        "title: Sixty years of the synthetic long dispute\n"
        "standfirst: >-\n"
        "  A synthetic story for the timeline chart: 150 events over sixty years, twenty\n"
        "  actors, and most events in its last four years.\n"
        "place: Avalon City, Avalon\n"
        "start: 2021-01-11\nend: 2024-10-30\nlanguage: en\nupdated: 2024-11-15\n"
        "sources: [ledger]\n"
        "key_facts:\n"
        "  - text: The dispute reaches back sixty years.\n    sources: [ledger]\n"
    )


def _sources() -> str:
    return (
        "# Written by tests/long_story.py.\nsources:\n"
        "  - id: ledger\n    title: The synthetic ledger of the long dispute\n"
        "    publisher: Daily Ledger\n    date: 2024-11-15\n"
        "    url: https://example.org/ledger\n"
    )


def _actors(ids: list[str]) -> str:
    """Twenty actors, people and governments by turns."""
    lines = ["# Written by tests/long_story.py.", "actors:"]
    for index, actor_id in enumerate(ids):
        if index % 2 == 0:
            name, kind = f"{FIRST[index // 2]} {LAST[index * 4 % len(LAST)]}", "person"
        else:
            name, kind = f"Government of {PLACES[index // 2]}", "government"
        lines += [
            f"  - id: {actor_id}",
            f"    name: {name}",
            f"    kind: {kind}",
            "    role: A party to the dispute",
            "    sources: [ledger]",
        ]
    return "\n".join(lines) + "\n"


def _timeline(rng: random.Random, actors: list[str]) -> str:
    lines = [
        "# Written by tests/long_story.py.",
        "lanes: actor",
        "categories:",
        "  - id: events",
        "    name: Events",
        "phases:",
    ]
    for index, (start, end, title) in enumerate(
        [
            (1965, 1979, "The first quarrel"),
            (1980, 1999, "Cold years"),
            (2000, 2020, "Talks and failures"),
            ("2021-01", "2024-10", "The settlement"),
        ],
        start=1,
    ):
        lines += [
            f"  - id: phase-{index}",
            f"    title: {title}",
            f"    start: {start}",
            f"    end: {end}",
            "    sources: [ledger]",
        ]
    lines.append("events:")
    weights = [1 / (rank + 1) for rank in range(len(actors))]  # a few actors in most events
    for index in range(1, EVENTS + 1):
        involved = sorted(set(rng.choices(actors, weights, k=rng.choice((0, 1, 1, 2, 3)))))
        lines += [
            f"  - id: event-{index:03d}",
            f"    date: {_date(rng, index)}",
            f"    title: {_title(rng)}",
            f"    description: {_title(rng)}, says the ledger.",
            *(["    key: true"] if index % KEY_EVERY == 0 else []),
            "    category: events",
            *([f"    actors: [{', '.join(involved)}]"] if involved else []),
            "    sources: [ledger]",
        ]
    return "\n".join(lines) + "\n"


def _date(rng: random.Random, index: int) -> str:
    """Half the events in the story's last four years, the rest over the decades before."""
    year = rng.randint(2021, LAST_YEAR) if index % 2 else rng.randint(FIRST_YEAR, 2020)
    roll = rng.random()
    month = rng.randint(1, 10 if year == LAST_YEAR else 12)
    if roll < 0.6:
        return f"{year}-{month:02d}-{rng.randint(1, 28):02d}"
    if roll < 0.8:
        return f"{year}-{month:02d}"
    if roll < 0.9 and year < LAST_YEAR:
        return str(year)
    last = min(month + rng.randint(1, 3), 10 if year == LAST_YEAR else 12)
    label = f"{calendar.month_name[month]} to {calendar.month_name[last]} {year}"
    return f"{{from: {year}-{month:02d}, to: {year}-{last:02d}, label: {label}}}"


def _title(rng: random.Random) -> str:
    place = rng.choice(PLACES)
    words = " ".join(rng.sample(WORDS, rng.randint(1, 3)))
    return f"{place} {words} {rng.choice(VERBS)}".capitalize()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the content folder to write the story into")
    print(f"wrote {write(parser.parse_args().out)}")


if __name__ == "__main__":
    main()

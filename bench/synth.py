"""Synthetic, schema-valid content for benchmarks: N stories written as editors write them.

Each story has about 100 timeline events (days, months, years and approximate spans),
30 quotations, 20 actors, and positions, accounts, outcomes, reactions, sources,
background and a glossary, in the same YAML style as ``content/`` (comments, block
scalars, flow lists). Everything comes from ``random.Random`` seeded per story, so
story number 7 is the same whether 10 or 300 stories are written, and two runs with
the same seed write byte-identical files.

    python bench/synth.py OUT_DIR --stories 10 [--seed 2019]
"""

from __future__ import annotations

import argparse
import calendar
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

SEED = 2019
EVENTS, QUOTATIONS, ACTORS = 100, 30, 20
SOURCES, ISSUES, POSITIONS, ACCOUNTS = 15, 6, 24, 5
OUTCOMES, REACTIONS, GLOSSARY, BACKGROUND = 8, 8, 10, 5

_VOCABULARY = """
agreement talks summit leaders delegation minister envoy treaty sanctions relief border
ceasefire negotiation reactor inspection verification proposal statement official
meeting capital region government council vote parliament election economy trade tariff
export import energy pipeline harbour port bridge railway security alliance troops
exercise missile launch test warning response dialogue pledge promise deadline schedule
agenda roadmap framework draft document signature press conference briefing interview
spokesman analyst observer journalist report crisis tension calm progress setback delay
breakthrough compromise concession demand offer refusal deal partner neighbour rival
ally host visit return arrival departure morning evening week month year history memory
archive record evidence witness question answer account version reason cause effect
outcome result consequence
"""
_VERBS = """
announced rejected proposed accepted signed postponed criticised welcomed questioned
confirmed denied demanded offered promised warned suggested reported described
"""
_NAMES = """
Ana Ben Chen Dara Eli Farah Goran Hana Ivan Jae Kofi Lena Mara Nils Omar Pia
"""
_SURNAMES = """
Abe Brandt Costa Dorn Eng Ferro Gil Hale Ito Jung Kaya Lund Moro Naidu Ortiz Park
"""
WORDS, VERBS = _VOCABULARY.split(), _VERBS.split()
FIRST, LAST = _NAMES.split(), _SURNAMES.split()
COUNTRIES = ["Avalon", "Borduria", "Carpania", "Dravia", "Elbonia", "Freedonia", "Genovia"]
PUBLISHERS = ["Daily Ledger", "World Wire", "Evening Herald", "Public Broadcaster"]
KINDS = ("person", "government", "organisation")
STANCES = ("demanded", "offered", "refused")
REACTION_STANCES = ("welcoming", "hopeful", "mixed", "regretful", "critical", "neutral")
OUTCOME_STATUS = ("agreed", "not-agreed", "next")
CATEGORIES = ("diplomacy", "security", "economy", "domestic-politics")


@dataclass(frozen=True)
class Ids:
    """The ids one story defines, for the references between its files."""

    sources: list[str]
    actors: list[str]
    issues: list[str]
    quotations: list[str]


class Writer:
    """Random text and dates for one story, from its own seeded generator."""

    def __init__(self, rng: random.Random, terms: list[str]) -> None:
        self.rng = rng
        self.terms = terms

    def words(self, low: int, high: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(low, high)))

    def sentence(self, low: int = 6, high: int = 14) -> str:
        subject = self.words(1, 2).capitalize()
        text = f"{subject} {self.rng.choice(VERBS)} {self.words(low, high)}"
        if self.terms and self.rng.random() < 0.3:  # glossary terms appear in the text
            text += f" about {self.rng.choice(self.terms)}"
        return text + "."

    def sentences(self, count: int) -> str:
        return " ".join(self.sentence() for _ in range(count))

    def refs(self, ids: list[str], high: int = 2) -> str:
        chosen = self.rng.sample(ids, self.rng.randint(1, min(high, len(ids))))
        return "[" + ", ".join(sorted(chosen, key=ids.index)) + "]"

    def day(self, year: int) -> str:
        month = self.rng.randint(1, 12)
        return f"{year}-{month:02d}-{self.rng.randint(1, calendar.monthrange(year, month)[1]):02d}"

    def when(self, year: int) -> str:
        """A day, a month or a year, as an editor writes a date of known precision."""
        roll = self.rng.random()
        if roll < 0.6:
            return self.day(year)
        return f"{year}-{self.rng.randint(1, 12):02d}" if roll < 0.85 else str(year)

    def event_date(self, year: int) -> str:
        roll = self.rng.random()
        if roll < 0.5:
            return self.day(year)
        if roll < 0.7:
            return f"{year}-{self.rng.randint(1, 12):02d}"
        if roll < 0.8:
            return str(year)
        first = self.rng.randint(1, 10)
        last = self.rng.randint(first, 12)
        label = f"{calendar.month_name[first]} to {calendar.month_name[last]} {year}"
        return f"{{from: {year}-{first:02d}, to: {year}-{last:02d}, label: {label}}}"


def wrapped(text: str, indent: int) -> list[str]:
    """A long text cut into lines of at most 80 characters once indented."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + len(word) + 1 > 80 - indent:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return lines


def folded(text: str, indent: int) -> str:
    """A long text as a folded block scalar (``>-``), wrapped like an editor wraps it."""
    return ">-\n" + "\n".join(" " * indent + line for line in wrapped(text, indent))


def write_content(out: Path, stories: int, seed: int = SEED, year: int | None = None) -> list[Path]:
    """Write ``stories`` synthetic stories under ``out`` (emptied first); returns their folders.

    Stories start in years from 1995 to 2024, or all in ``year`` (a newsroom's busy year).
    """
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    return [write_story(out, number, seed, year) for number in range(1, stories + 1)]


def write_story(out: Path, number: int, seed: int = SEED, year: int | None = None) -> Path:
    """Write story ``number`` into ``out/synthetic-story-NNN/`` and return the folder."""
    rng = random.Random(seed * 100_003 + number)
    story_id = f"synthetic-story-{number:03d}"
    terms = [f"{w.capitalize()} {rng.choice(WORDS)}" for w in rng.sample(WORDS, GLOSSARY)]
    w = Writer(rng, terms)
    ids = Ids(
        sources=[f"source-{i:02d}" for i in range(1, SOURCES + 1)],
        actors=[f"actor-{i:02d}" for i in range(1, ACTORS + 1)],
        issues=[f"issue-{i:02d}" for i in range(1, ISSUES + 1)],
        quotations=[f"quote-{i:02d}" for i in range(1, QUOTATIONS + 1)],
    )
    drawn = rng.randint(1995, 2024)  # drawn even when unused: the rest stays the same
    year = drawn if year is None else year
    folder = out / story_id
    folder.mkdir()
    files = {
        "story.yml": _story(w, story_id, number, year, ids),
        "sources.yml": _sources(w, year, ids),
        "actors.yml": _actors(w, ids),
        "issues.yml": _issues(w, ids),
        "background.yml": _background(w, ids),
        "positions.yml": _positions(w, ids),
        "accounts.yml": _accounts(w, ids),
        "outcomes.yml": _outcomes(w, ids),
        "reactions.yml": _reactions(w, ids),
        "timeline.yml": _timeline(w, year, ids),
        "quotations.yml": _quotations(w, year, ids),
        "glossary.yml": _glossary(w, terms, ids),
    }
    for name, text in files.items():
        schema = name.replace(".yml", ".schema.json")
        header = f"# yaml-language-server: $schema=../../schema/{schema}\n"
        (folder / name).write_text(header + text, encoding="utf-8")
    return folder


def _story(w: Writer, story_id: str, number: int, year: int, ids: Ids) -> str:
    start = f"{year}-03-{w.rng.randint(1, 20):02d}"
    end = f"{year}-03-{int(start[-2:]) + w.rng.randint(0, 2):02d}"
    facts = "".join(
        f"  - text: {w.sentence()}\n    sources: {w.refs(ids.sources)}\n" for _ in range(6)
    )
    return (
        "# The story's identity, dates and the facts shown at a glance.\n"
        f"id: {story_id}\n"
        f"title: Synthetic story {number} about the {w.words(2, 4)}\n"
        f"standfirst: {folded(w.sentences(2), 2)}\n"
        f"place: {w.rng.choice(COUNTRIES)} capital, {w.rng.choice(COUNTRIES)}\n"
        f"start: {start}\nend: {end}\nlanguage: en\nupdated: 2026-11-27\n"
        f"sources: {w.refs(ids.sources)}\n"
        f"key_facts:\n{facts}"
        "corrections:\n"
        f"  - date: 2026-11-20\n    kind: update\n    note: {w.sentence()}\n"
    )


def _sources(w: Writer, year: int, ids: Ids) -> str:
    lines = ["# Every source the story rests on, listed once.", "sources:"]
    for index, source in enumerate(ids.sources):
        lines += [f"  - id: {source}", f"    title: {w.words(4, 9).capitalize()}"]
        if index % 4 != 0:  # some sources give no publisher, date or address
            lines += [
                f"    publisher: {w.rng.choice(PUBLISHERS)}",
                f"    date: {w.when(year)}",
                f"    url: https://news.example.org/{year}/{source}-{w.rng.randint(100, 999)}",
            ]
        if index % 3 == 0:
            lines.append(f"    note: {w.sentence()}")
    return "\n".join(lines) + "\n"


def _actors(w: Writer, ids: Ids) -> str:
    lines = ["# Who is involved.", "actors:"]
    for index, actor in enumerate(ids.actors):
        kind = KINDS[index % 3]
        name = (
            f"{w.rng.choice(FIRST)} {w.rng.choice(LAST)}"
            if kind == "person"
            else f"{w.rng.choice(COUNTRIES)} {w.words(1, 1)} office {index}"
        )
        lines += [
            f"  - id: {actor}",
            f"    name: {name}",
            f"    kind: {kind}",
            f"    role: {w.words(3, 6).capitalize()}",
            f"    country: {w.rng.choice(COUNTRIES)}",
            f"    sources: {w.refs(ids.sources)}",
        ]
    return "\n".join(lines) + "\n"


def _issues(w: Writer, ids: Ids) -> str:
    lines = ["# The issues on the table.", "issues:"]
    for issue in ids.issues:
        lines += [
            f"  - id: {issue}",
            f"    name: {w.words(2, 3).capitalize()}",
            f"    summary: {folded(w.sentences(2), 6)}",
            f"    sources: {w.refs(ids.sources)}",
        ]
    return "\n".join(lines) + "\n"


def _background(w: Writer, ids: Ids) -> str:
    lines = ["# Background a reader needs first, in reading order.", "background:"]
    for index in range(1, BACKGROUND + 1):
        paragraphs = ["\n".join("      " + x for x in wrapped(w.sentences(3), 6)) for _ in "ab"]
        lines += [
            f"  - id: section-{index}",
            f"    title: {w.words(2, 5).capitalize()}",
            "    body: |-\n" + "\n\n".join(paragraphs),
            f"    sources: {w.refs(ids.sources, 3)}",
        ]
    return "\n".join(lines) + "\n"


def _quoted(w: Writer, ids: Ids) -> list[str]:
    if w.rng.random() < 0.5:
        return []
    return [f"    quotations: {w.refs(ids.quotations)}"]


def _positions(w: Writer, ids: Ids) -> str:
    lines = ["# What each actor demanded, offered or refused on each issue.", "positions:"]
    for index in range(POSITIONS):
        lines += [
            f"  - actor: {ids.actors[index % 6]}",
            f"    issue: {ids.issues[index % len(ids.issues)]}",
            f"    stance: {STANCES[index % 3]}",
            f"    summary: {folded(w.sentences(2), 6)}",
            *_quoted(w, ids),
            f"    sources: {w.refs(ids.sources)}",
        ]
    return "\n".join(lines) + "\n"


def _accounts(w: Writer, ids: Ids) -> str:
    lines = ["# Questions the sides answer differently.", "accounts:"]
    for index in range(1, ACCOUNTS + 1):
        lines += [
            f"  - id: question-{index}",
            f"    question: Why did the {w.words(1, 3)} {w.rng.choice(VERBS)}?",
            "    answers:",
        ]
        for actor in w.rng.sample(ids.actors[:6], w.rng.randint(2, 3)):
            lines += [
                f"      - actor: {actor}",
                f"        summary: {folded(w.sentences(2), 10)}",
                *("    " + q for q in _quoted(w, ids)),
                f"        sources: {w.refs(ids.sources)}",
            ]
    return "\n".join(lines) + "\n"


def _outcomes(w: Writer, ids: Ids) -> str:
    lines = ["# What was and was not agreed, and what comes next.", "outcomes:"]
    for index in range(1, OUTCOMES + 1):
        lines += [
            f"  - id: outcome-{index}",
            f"    status: {OUTCOME_STATUS[index % 3]}",
            f"    title: {w.words(3, 6).capitalize()}",
            f"    summary: {folded(w.sentences(2), 6)}",
            *_quoted(w, ids),
            f"    sources: {w.refs(ids.sources)}",
        ]
    return "\n".join(lines) + "\n"


def _reactions(w: Writer, ids: Ids) -> str:
    lines = ["# How others reacted.", "reactions:"]
    for index in range(REACTIONS):
        lines += [
            f"  - actor: {ids.actors[6 + index]}",
            f"    stance: {REACTION_STANCES[index % len(REACTION_STANCES)]}",
            f"    summary: {folded(w.sentences(2), 6)}",
            *_quoted(w, ids),
            f"    sources: {w.refs(ids.sources)}",
        ]
    return "\n".join(lines) + "\n"


def _timeline(w: Writer, year: int, ids: Ids) -> str:
    lines = ["# The timeline chart: lanes, eras and dated events.", "lanes: category"]
    lines.append("categories:")
    for category in CATEGORIES:
        lines += [f"  - id: {category}", f"    name: {category.replace('-', ' ').capitalize()}"]
    lines.append("phases:")
    for index, (start, end) in enumerate(((year - 6, year - 3), (year - 2, year)), start=1):
        lines += [
            f"  - id: phase-{index}",
            f"    title: {w.words(2, 3).capitalize()}",
            f"    start: {start}",
            f"    end: {end}",
            f"    sources: {w.refs(ids.sources)}",
        ]
    lines.append("events:")
    for index in range(1, EVENTS + 1):
        actors = w.rng.sample(ids.actors, w.rng.randint(0, 3))
        lines += [
            f"  - id: event-{index:03d}",
            f"    date: {w.event_date(w.rng.randint(year - 6, year))}",
            f"    title: {w.words(3, 7).capitalize()}",
            f"    description: {folded(w.sentences(2), 6)}",
            f"    category: {w.rng.choice(CATEGORIES)}",
            *([f"    actors: [{', '.join(actors)}]"] if actors else []),
            f"    sources: {w.refs(ids.sources)}",
        ]
    return "\n".join(lines) + "\n"


def _quotations(w: Writer, year: int, ids: Ids) -> str:
    lines = ["# What people said, word for word.", "quotations:"]
    for quote in ids.quotations:
        lines += [
            f"  - id: {quote}",
            f"    speaker: {w.rng.choice(ids.actors)}",
            f"    text: {w.words(5, 16)}",
            f"    context: {w.sentence()}",
            f"    date: {w.when(year)}",
            f"    sources: {w.refs(ids.sources)}",
        ]
    return "\n".join(lines) + "\n"


def _glossary(w: Writer, terms: list[str], ids: Ids) -> str:
    lines = ["# Terms defined once and explained wherever they appear.", "glossary:"]
    for term in terms:
        lines += [
            f"  - term: {term}",
            f"    definition: {folded(w.sentence(), 6)}",
            f"    sources: {w.refs(ids.sources)}",
        ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="content folder to write (emptied first)")
    parser.add_argument("--stories", type=int, default=10)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--year", type=int, help="start every story in this year")
    args = parser.parse_args()
    folders = write_content(args.out, args.stories, args.seed, args.year)
    print(f"wrote {len(folders)} synthetic stories into {args.out}")


if __name__ == "__main__":
    main()

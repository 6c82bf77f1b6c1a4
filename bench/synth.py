"""Synthetic, schema-valid content for benchmarks: N stories written as editors write them.

The stories are built from the content model (``generator.content.models.FILES``): every file,
every field a model requires, references that name things the story defines (round the
list, so that each is named), dates that keep the models' order (a phase ends after it
starts, phases do not overlap). The tables below say only how long a story's lists are,
how often an optional field is filled, and what words each kind of text takes: about 100
timeline events (days, months, years and approximate spans), 30 quotations, 20 actors, and
positions, accounts, outcomes, reactions, sources, background and a glossary, in the
style of ``content/`` (a comment on top, block scalars, flow lists). Everything comes from
``random.Random`` seeded per story, so story number 7 is the same whether 10 or 300
stories are written, and two runs with the same seed write byte-identical files.

    python bench/synth.py OUT_DIR --stories 10 [--seed 2019]
"""

from __future__ import annotations

import argparse
import calendar
import datetime
import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.content import fields
from generator.content.models import FILES
from generator.content.schema import schema_name
from generator.content.types import PartialDate

SEED = 2019
COUNTS = {
    "sources": 15, "actors": 20, "issues": 6, "background": 5, "positions": 24, "accounts": 5,
    "outcomes": 8, "reactions": 8, "categories": 4, "phases": 2, "events": 100,
    "quotations": 30, "glossary": 10, "key_facts": 6, "corrections": 1,
}  # fmt: skip
"""How many items each list of a story has; a list not named here has as few as it may."""
ANSWERS = (2, 3)
"""How many answers each account has, at least and at most."""
FILLED = {
    "publisher": 0.75, "date": 0.75, "url": 0.75, "note": 0.33, "quotations": 0.5,
    "country": 1.0, "phases": 1.0, "key_facts": 1.0, "corrections": 1.0, "actors": 0.75,
}  # fmt: skip
"""How often an optional field is written, by key; other optional fields are left out,
but for single references (a position's actor), written when there is something to name."""
DAY = "2026-11-20"
"""Every exact day (updated, corrections): the same, so no update lacks its log entry."""

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
WORDS, VERBS = _VOCABULARY.split(), _VERBS.split()
_NAMES = "Ana Ben Chen Dara Eli Farah Goran Hana Ivan Jae Kofi Lena Mara Nils Omar Pia"
_SURNAMES = "Abe Brandt Costa Dorn Eng Ferro Gil Hale Ito Jung Kaya Lund Moro Naidu Ortiz Park"
FIRST, LAST = _NAMES.split(), _SURNAMES.split()
COUNTRIES = ["Avalon", "Borduria", "Carpania", "Dravia", "Elbonia", "Freedonia", "Genovia"]
PUBLISHERS = ["Daily Ledger", "World Wire", "Evening Herald", "Public Broadcaster"]


@dataclass
class Writer:
    """Random text, dates and ids for one story, from its own seeded generator."""

    rng: random.Random
    year: int
    story_id: str
    terms: list[str]
    ids: dict[str, list[str]] = field(default_factory=dict)
    named: dict[str, int] = field(default_factory=dict)

    def words(self, low: int, high: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(low, high)))

    def sentence(self, low: int = 6, high: int = 14) -> str:
        subject = self.words(1, 2).capitalize()
        text = f"{subject} {self.rng.choice(VERBS)} {self.words(low, high)}"
        if self.rng.random() < 0.3:  # glossary terms appear in the text
            text += f" about {self.rng.choice(self.terms)}"
        return text + "."

    def sentences(self, count: int) -> str:
        return " ".join(self.sentence() for _ in range(count))

    def next_id(self, kind: str) -> str:
        """The next id of a kind, round its list: every thing defined is named somewhere."""
        ids = self.ids[kind]
        self.named[kind] = self.named.get(kind, -1) + 1
        return ids[self.named[kind] % len(ids)]

    def item_id(self, kind: str, index: int) -> str:
        """The id of the n-th item of a list: 'actor-07'."""
        return self.ids[kind][index] if kind in self.ids else f"{kind}-{index + 1:02d}"

    def refs(self, kind: str, high: int = 2) -> list[str]:
        ids = self.ids[kind]
        chosen = {self.next_id(kind), *self.rng.sample(ids, self.rng.randint(0, high - 1))}
        return sorted(chosen, key=ids.index)

    def day(self, year: int) -> str:
        month = self.rng.randint(1, 12)
        return f"{year}-{month:02d}-{self.rng.randint(1, calendar.monthrange(year, month)[1]):02d}"

    def when(self, year: int) -> str:
        """A day, a month or a year, as an editor writes a date of known precision."""
        roll = self.rng.random()
        if roll < 0.6:
            return self.day(year)
        return f"{year}-{self.rng.randint(1, 12):02d}" if roll < 0.85 else str(year)

    def event_date(self, year: int) -> str | dict[str, str]:
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
        return {"from": f"{year}-{first:02d}", "to": f"{year}-{last:02d}", "label": label}


TEXTS: dict[str, Callable[[Writer, int], str]] = {
    "title": lambda w, _: w.words(3, 5).capitalize(),  # a title that fits a phone's chart
    "name": lambda w, _: f"{w.rng.choice(FIRST)} {w.rng.choice(LAST)}",
    "question": lambda w, _: f"Why did the {w.words(1, 3)} {w.rng.choice(VERBS)}?",
    "role": lambda w, _: w.words(3, 6).capitalize(),
    "place": lambda w, _: f"{w.rng.choice(COUNTRIES)} capital, {w.rng.choice(COUNTRIES)}",
    "country": lambda w, _: w.rng.choice(COUNTRIES),
    "publisher": lambda w, _: w.rng.choice(PUBLISHERS),
    "term": lambda w, index: w.terms[index],
    "body": lambda w, _: "\n\n".join(w.sentences(3) for _ in "ab"),
    "text": lambda w, _: w.sentence(),
    "label": lambda w, _: w.words(2, 4),
    **dict.fromkeys(
        ("standfirst", "summary", "description", "definition"), lambda w, _: w.sentences(2)
    ),
}
"""The words each text field takes, by key; any other text is a sentence."""


def _sentence(w: Writer, index: int) -> str:
    return w.sentence()


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
    terms = [f"{w.capitalize()} {rng.choice(WORDS)}" for w in rng.sample(WORDS, COUNTS["glossary"])]
    drawn = rng.randint(1995, 2024)  # drawn even when unused: the rest stays the same
    writer = Writer(rng, drawn if year is None else year, f"synthetic-story-{number:03d}", terms)
    for kind, (_, item) in fields.definitions(FILES).items():
        if kind in COUNTS:  # the lists written; references name only what they define
            prefix = fields.noun(item).replace(" ", "-")
            writer.ids[kind] = [f"{prefix}-{n:02d}" for n in range(1, COUNTS[kind] + 1)]
    folder = out / writer.story_id
    folder.mkdir()
    for name, model in FILES.items():
        comment = (model.__doc__ or name).strip().splitlines()[0]
        header = f"# yaml-language-server: $schema=../../schema/{schema_name(name)}\n# {comment}\n"
        lines = _yaml(_item(model, writer, _Place()), 0)
        (folder / name).write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    return folder


@dataclass(frozen=True)
class _Place:
    """Where an item is written: the key of its list and its index (None: a whole file)."""

    kind: str | None = None
    index: int | None = None


def _item(model: type[BaseModel], w: Writer, place: _Place) -> dict[str, Any]:
    """The data of one item of ``model``, every field it requires and some it allows."""
    data: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        key = fields.key(name, info)
        if info.is_required() or _fills(key, info, w):
            data[key] = _value(key, info, w, place, data)
    return data


def _fills(key: str, info: FieldInfo, w: Writer) -> bool:
    ref = fields.ref(info)
    if ref is not None and get_origin(info.annotation) is not list:
        return bool(w.ids.get(ref.kind))
    return w.rng.random() < FILLED.get(key, 0.0)


def _value(key: str, info: FieldInfo, w: Writer, place: _Place, data: dict[str, Any]) -> Any:
    """A value for the field, from its type: ids, fixed words, dates, items or words."""
    annotation, ref, index = info.annotation, fields.ref(info), place.index
    if ref is not None:
        return w.refs(ref.kind) if get_origin(annotation) is list else w.next_id(ref.kind)
    if key == "id":
        return w.story_id if place.kind is None else w.item_id(place.kind, index or 0)
    if literal := _literal(annotation):
        return literal[(index or 0) % len(literal)]
    if _holds(annotation, PartialDate):
        return _date(key, annotation, w, index, data)
    if _holds(annotation, datetime.date):
        return DAY
    if item := fields.model_in(annotation):
        return _items(key, item, w)
    if fields.is_text(info):
        return TEXTS.get(key, _sentence)(w, index or 0)
    if key.endswith("url"):
        return f"https://news.example.org/{w.year}/{w.story_id}-{w.rng.randint(100, 999)}"
    raise TypeError(f"synth.py cannot write '{key}' ({annotation}); teach _value its type")


def _items(key: str, item: type[BaseModel], w: Writer) -> list[dict[str, Any]]:
    count = w.rng.randint(*ANSWERS) if key == "answers" else COUNTS.get(key, 1)
    return [_item(item, w, _Place(key, index)) for index in range(count)]


def _date(
    key: str, annotation: Any, w: Writer, index: int | None, data: dict[str, Any]
) -> str | dict[str, str]:
    """A date: an event's may be a span; a story's start, and an end a few days after;
    the n-th phase's years, after the one before; any other at its own precision."""
    if fields.models_in(annotation):  # a date or a span
        return w.event_date(w.rng.randint(w.year - 6, w.year))
    if key in ("start", "end") and index is None:
        if key == "start":
            return f"{w.year}-03-{w.rng.randint(1, 20):02d}"
        return f"{data['start'][:-2]}{int(data['start'][-2:]) + w.rng.randint(0, 2):02d}"
    if key in ("start", "end"):
        return str(w.year - 6 + 3 * (index or 0) + (2 if key == "end" else 0))
    return w.when(w.year)


def _literal(annotation: Any) -> tuple[Any, ...]:
    if get_origin(annotation) is Literal:
        return get_args(annotation)
    return next(filter(None, (_literal(arg) for arg in get_args(annotation))), ())


def _holds(annotation: Any, kind: type) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, kind):
        return True
    return any(_holds(arg, kind) for arg in get_args(annotation))


# --- YAML as editors write it -----------------------------------------------------------


def _yaml(data: dict[str, Any], indent: int) -> list[str]:
    """Block mappings, flow lists of ids, ``>-`` for long text and ``|-`` for paragraphs."""
    pad, lines = " " * indent, []
    for key, value in data.items():
        if isinstance(value, str):
            lines.append(f"{pad}{key}: {_scalar(value, indent + 2)}")
        elif isinstance(value, dict):  # a span: {from: ..., to: ..., label: ...}
            lines.append(f"{pad}{key}: {{{', '.join(f'{k}: {v}' for k, v in value.items())}}}")
        elif all(isinstance(item, str) for item in value):
            lines.append(f"{pad}{key}: [{', '.join(value)}]")
        else:
            lines.append(f"{pad}{key}:")
            for item in value:
                block = _yaml(item, indent + 4)
                lines += [f"{pad}  - {block[0].lstrip()}", *block[1:]]
    return lines


def _scalar(text: str, indent: int) -> str:
    if "\n" in text:
        paragraphs = [
            "\n".join(" " * indent + x for x in wrapped(p, indent)) for p in text.split("\n\n")
        ]
        return "|-\n" + "\n\n".join(paragraphs)
    if len(text) + indent > 78:
        return ">-\n" + _lines(text, indent)
    return text


def _lines(text: str, indent: int) -> str:
    return "\n".join(" " * indent + line for line in wrapped(text, indent))


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

"""A story's content as open data: the validated model as JSON, its events as CSV."""

from __future__ import annotations

import csv
import io
import json

from generator.content.models import DateSpan, PublisherFile, Story

COMPACT = (",", ":")
"""JSON's separators without the spaces ``json.dumps`` puts after them by default."""


def story_json(story: Story, publisher: PublisherFile | None = None) -> str:
    """The whole validated story as JSON, in the shape of its YAML files; with the
    site's ``publisher`` (publisher.yml), under the key "publisher", when it has one.

    Written compact (no indentation, no space after ``,`` or ``:``, one line and a final
    line break): a fifth smaller than indented JSON on every story of the site, and the
    same data to any JSON reader. A field with no value is left out, as the YAML files
    leave it out: every such field of the model has no value by default, so nothing is
    lost (tested), and the schema (story-data.schema.json) requires none of them."""
    if publisher is not None:
        data = story.model_dump(mode="json", by_alias=True, exclude_none=True)
        data["publisher"] = publisher.model_dump(mode="json", exclude_none=True)
        return json.dumps(data, ensure_ascii=False, separators=COMPACT) + "\n"
    # pydantic's serialiser writes what json.dumps(..., separators=COMPACT,
    # ensure_ascii=False) writes of model_dump(mode="json") (tested), and faster
    # (bench/README.md).
    return story.model_dump_json(by_alias=True, exclude_none=True) + "\n"


EVENT_COLUMNS = [
    "id", "date", "precision", "earliest", "latest", "title", "description",
    "category", "actors", "sources",
]  # fmt: skip


def events_csv(story: Story) -> str:
    """The timeline's events as CSV, one row an event, in date order."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EVENT_COLUMNS)
    for event in story.events_in_order():
        when = event.date
        shown, precision = (
            (when.label, "approximate")
            if isinstance(when, DateSpan)
            else (str(when), when.precision)
        )
        writer.writerow([
            event.id, _safe_cell(shown), precision, when.first_day.isoformat(),
            when.last_day.isoformat(), _safe_cell(event.title),
            _safe_cell(event.description), event.category, " ".join(event.actors),
            " ".join(event.sources),
        ])  # fmt: skip
    return out.getvalue()


def _safe_cell(text: str) -> str:
    """Text that a spreadsheet will not run as a formula (CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text

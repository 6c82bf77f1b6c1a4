"""Checks that hold for every story, whatever its shape or how many others there are.

``test_site.py`` runs them over each story under content/, ``test_any_stories.py`` over
a content folder with stories of other shapes added. Each takes the generated files
(``build_site(...).files``) or the folder ``mkdocs build`` wrote, and one story's id.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from urllib.parse import urljoin

from generator.render.build import GeneratedFiles

BASE = "https://site.invalid/"
"""A base address to resolve the built pages' relative links against."""


def html_path(page: str) -> str:
    """Where MkDocs writes a generated Markdown page (directory URLs): a/b.md -> a/b/index.html."""
    folder, name = page.rsplit("/", 1) if "/" in page else ("", page)
    stem = name.removesuffix(".md")
    built = f"{folder}/index.html" if stem == "index" else f"{folder}/{stem}/index.html"
    return built.lstrip("/")


def check_pages_are_built(files: GeneratedFiles, site: Path, story_id: str) -> None:
    """Every page and data file generated for the story is in the built site."""
    pages = [p for p in files if p.startswith(f"{story_id}/") and p.endswith(".md")]
    assert f"{story_id}/index.md" in pages, f"no landing page for {story_id}"
    missing = [page for page in pages if not (site / html_path(page)).is_file()]
    assert missing == [], f"{story_id}: pages generated but not built: {missing}"
    for data in ("story.json", "events.csv"):
        assert (site / story_id / "data" / data).is_file(), f"{story_id}/data/{data}"


def check_citations_resolve(site: Path, story_id: str) -> None:
    """Every citation on the story's pages leads to a numbered source of its sources page."""
    sources_page = site / story_id / "sources" / "index.html"
    anchors = set(re.findall(r'\bid="(source-[^"]+)"', sources_page.read_text(encoding="utf-8")))
    cited = 0
    for page in sorted((site / story_id).rglob("index.html")):
        here = BASE + page.relative_to(site).as_posix()
        for href in re.findall(r'href="([^"]*#source-[^"]*)"', page.read_text(encoding="utf-8")):
            address, _, anchor = urljoin(here, href).partition("#")
            target = site / address.removeprefix(BASE) / "index.html"
            assert target == sources_page, f"{page}: citation {href} leads to {target}"
            assert anchor in anchors, f"{page}: citation {href} has no source on the page"
            cited += 1
    assert cited, f"{story_id}: no citation on any page"


def check_open_data(files: GeneratedFiles, story_id: str) -> None:
    """The story's JSON follows the published schema; its CSV has one row per event."""
    import jsonschema

    schema = json.loads(files["schema/story-data.schema.json"])
    data = json.loads(files[f"{story_id}/data/story.json"])
    jsonschema.validate(data, schema)
    events = files[f"{story_id}/data/events.csv"]
    assert isinstance(events, str), "events.csv is generated as text"
    header, *rows = csv.reader(io.StringIO(events))
    assert header[:6] == ["id", "date", "precision", "earliest", "latest", "title"]
    assert sorted(row[0] for row in rows) == sorted(event["id"] for event in data["events"])

"""The pipeline, from a content folder to every generated file of the site.

Reads like a table of contents: load, render each story, add the home page, the open
data and the schema. The result is a mapping of paths (relative to the docs folder) to
file contents; the MkDocs hook serves it as virtual files, ``build --out`` writes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import opendata
from .errors import Problem
from .load import load_content
from .navigation import NavTree, newest_first, site_nav
from .pages import render_home, render_schema_index, render_story
from .schema import schemas

GeneratedFiles = dict[str, str]
"""Generated files: path under the docs folder -> text."""


@dataclass
class Site:
    """Everything the generator makes: files, the navigation of the stories, the
    warnings about the content (to print; they do not stop the build) and the stories'
    titles."""

    files: GeneratedFiles = field(default_factory=dict)
    nav: NavTree = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)
    """Each story's title by its id (the theme names a page's story in search results)."""


def build_site(
    content_dir: Path, site_name: str = "Explainers", story_id: str | None = None
) -> Site:
    """Every generated file for the stories under ``content_dir``, in navigation order.

    With ``story_id``, the site of that one story alone (a preview: its folder is the
    only one read). Raises :class:`~generator.errors.ContentErrors` when the content has
    problems, so a broken story never produces a half-built site.
    """
    stories, warnings = load_content(content_dir, story_id)  # read and validate the YAML
    stories = newest_first(stories)  # the order of the home page and the navigation
    site = Site({"index.md": render_home(stories, site_name)}, [], warnings)
    for story in stories:
        site.titles[story.id] = story.meta.title
        site.files.update(render_story(story))  # the story's pages
        site.files[f"{story.id}/data/story.json"] = opendata.story_json(story)  # open data
        site.files[f"{story.id}/data/events.csv"] = opendata.events_csv(story)
    site.nav = site_nav(stories)  # Home, every story (by year when there are many), schema
    site.files["schema/index.md"] = render_schema_index()  # JSON Schema, for reusers
    site.files.update({f"schema/{name}": text for name, text in schemas().items()})
    return site


def write_files(files: GeneratedFiles, out_dir: Path) -> None:
    """Write generated files below ``out_dir`` (for ``build --out``)."""
    for relative, text in files.items():
        path = out_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

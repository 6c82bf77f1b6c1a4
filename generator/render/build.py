"""The pipeline, from a content folder to every generated file of the site.

Reads like a table of contents: load, render each story, add the home page, the open
data and the schema. The result is a mapping of paths (relative to the docs folder) to
file contents; the MkDocs plugin serves it as virtual files, ``build --out`` writes it.
Each story's glossary comes with them: the plugin marks its terms in the built pages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.content.errors import Problem
from generator.content.load import load_content
from generator.content.schema import schemas
from generator.render import feeds, opendata, pictures
from generator.render.abbr import Glossary, glossary_of
from generator.render.chart.advice import CHART_CHECKS
from generator.render.masthead import logo_files, masthead
from generator.render.navigation import NavTree, newest_first, site_nav
from generator.render.news import NewsSite
from generator.render.pages import (
    render_actor_pages,
    render_home,
    render_schema_index,
    render_story_timed,
)
from generator.render.related import cross_links
from generator.settings import SiteSettings

GeneratedFiles = dict[str, str | bytes]
"""Generated files: path under the docs folder -> text (pages, data) or bytes (pictures)."""


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
    glossaries: dict[str, Glossary] = field(default_factory=dict)
    """Each story's glossary by its id, to mark its terms in the story's built pages."""
    settings: SiteSettings = field(default_factory=SiteSettings)
    """The site's address, name and publisher, as the pages were built for them."""

    @property
    def publisher(self) -> dict[str, str]:
        """The publisher as every page's masthead and footer show it
        (:func:`.masthead.masthead`; the theme's ``config.extra.publisher``)."""
        return masthead(self.settings.publisher) if self.settings.publisher else {}


def build_site(
    content_dir: Path, settings: SiteSettings | None = None, story_id: str | None = None
) -> Site:
    """Every generated file for the stories under ``content_dir``, in navigation order.

    ``settings`` are the site's address and name (feeds and shared pictures need whole
    addresses); the content's publisher is read into them, and the site keeps them
    (:attr:`Site.settings`). With ``story_id``, the site of that one story alone (a
    preview: its folder is the only one read). Raises
    :class:`~generator.content.errors.ContentErrors` when the content has problems, so a broken
    story never produces a half-built site.
    """
    stories, warnings = load_content(
        content_dir, story_id, extra=CHART_CHECKS
    )  # read and validate the YAML
    stories = newest_first(stories)  # the order of the home page and the navigation
    settings = (settings or SiteSettings()).with_publisher(content_dir)  # publisher.yml
    publisher = settings.publisher.info if settings.publisher else None
    news = NewsSite(settings, cross_links(stories))  # related stories, actors
    site = Site({"index.md": ""}, [], warnings, settings=settings)
    read_in: dict[str, str] = {}
    for story in stories:
        site.titles[story.id] = story.meta.title
        site.glossaries[story.id] = glossary_of(story.glossary)
        pages, read_in[story.id] = render_story_timed(story, site=news)  # and its reading time
        site.files.update(pages)
        site.files.update(pictures.image_files(story))  # its pictures, resized
        site.files[f"{story.id}/data/story.json"] = opendata.story_json(story, publisher)
        site.files[f"{story.id}/data/events.csv"] = opendata.events_csv(story)
        # its corrections and updates, to follow
        site.files[feeds.story_feed_path(story)] = feeds.story_feed(story, settings)
    site.files.update(render_home(stories, settings.site_name, read_in))  # newest first
    site.files.update(render_actor_pages(news.links))  # an actor's stories, if several
    site.files[feeds.SITEMAP] = feeds.EMPTY_SITEMAP  # see feeds.FOLDER
    site.files[feeds.SITE_FEED] = feeds.site_feed(stories, settings)
    if settings.publisher:
        site.files.update(logo_files(settings.publisher))  # the publisher's logo
    site.nav = site_nav(stories)  # Home, every story (by year when there are many), schema
    site.files["schema/index.md"] = render_schema_index()  # JSON Schema, for reusers
    site.files.update({f"schema/{name}": text for name, text in schemas().items()})
    return site


def write_files(files: Mapping[str, str | bytes], out_dir: Path) -> None:
    """Write generated files below ``out_dir`` (for ``build --out``)."""
    for relative, content in files.items():
        path = out_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")

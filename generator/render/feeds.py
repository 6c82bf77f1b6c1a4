"""Atom feeds: one of every story, and one per story of its corrections and updates.

Readers follow a story with a feed reader. The XML is written by ElementTree, which
escapes every text and attribute, never by string formatting. Each date is the day the
content gives, at midnight UTC, so the same content always gives the same feed.
"""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

from generator.content.models import Story
from generator.settings import SiteSettings

ATOM = "http://www.w3.org/2005/Atom"
FOLDER = "feeds"
"""Where the feeds are published: a folder of their own, with an empty sitemap.

Material's theme fetches a ``sitemap.xml`` beside every feed a page links to with
``<link rel="alternate">`` (it takes such links for other language versions of the site).
Beside the site's own sitemap, which lists every page, that was two more downloads of a
file that grows with the site on every reader's first page (12 KB gzipped each at 100
synthetic stories); beside :data:`EMPTY_SITEMAP`, they are two of a hundred bytes."""

SITE_FEED = f"{FOLDER}/stories.xml"
"""The feed of every story."""

SITEMAP = f"{FOLDER}/sitemap.xml"
EMPTY_SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'
)
"""The sitemap Material finds beside the feeds: no page (the site's is at its top)."""


def story_feed_path(story: Story) -> str:
    """Where the story's own feed is published (``stories`` is a reserved story id)."""
    return f"{FOLDER}/{story.id}.xml"


def log_anchor(number: int) -> str:
    """The anchor of the ``number``-th entry (from 1, oldest first) of a story's log."""
    return f"log-{number}"


def site_feed(stories: list[Story], settings: SiteSettings) -> str:
    """The Atom feed of every story, newest first: each entry links to the story."""
    site_url = settings.address
    title = f"{settings.site_name}: every story"
    feed = _feed(title, site_url, site_url + SITE_FEED, settings.author)
    entries = [(_updated(story), story) for story in stories]
    _child(feed, "updated", _stamp(max((day for day, _ in entries), default=None)))
    for updated, story in sorted(entries, key=lambda pair: (pair[0], pair[1].id), reverse=True):
        url = f"{site_url}{story.id}/"
        entry = _entry(feed, url, story.meta.title, url, updated)
        _child(entry, "published", _stamp(story.meta.first_published))
        _authors(entry, story)
        _child(entry, "summary", story.meta.standfirst)
    return _serialise(feed)


def story_feed(story: Story, settings: SiteSettings) -> str:
    """The feed of one story's log, newest first: each correction and update, then its
    publication. Each entry links to its entry of the log on the story's first page."""
    url = f"{settings.address}{story.id}/"
    title = f"{story.meta.title}: corrections and updates"
    feed = _feed(title, url, settings.address + story_feed_path(story), settings.author)
    _child(feed, "updated", _stamp(_updated(story)))
    for number, entry in reversed(list(enumerate(story.meta.corrections, start=1))):
        anchor = f"{url}#{log_anchor(number)}"
        item = _entry(feed, anchor, f"{entry.kind.capitalize()}: {entry.note}", anchor, entry.date)
        _child(item, "summary", entry.note)
    published = _entry(feed, url, f"Published: {story.meta.title}", url, story.meta.first_published)
    _child(published, "summary", story.meta.standfirst)
    return _serialise(feed)


def _updated(story: Story) -> datetime.date:
    return story.meta.last_logged or story.meta.first_published


def _feed(title: str, home: str, self_url: str, author: str) -> ET.Element:
    feed = ET.Element("feed", {"xmlns": ATOM})
    _child(feed, "id", self_url)
    _child(feed, "title", title)
    ET.SubElement(feed, "link", {"rel": "alternate", "type": "text/html", "href": home})
    ET.SubElement(feed, "link", {"rel": "self", "type": "application/atom+xml", "href": self_url})
    _child(ET.SubElement(feed, "author"), "name", author)
    return feed


def _entry(
    feed: ET.Element, entry_id: str, title: str, link: str, updated: datetime.date
) -> ET.Element:
    entry = ET.SubElement(feed, "entry")
    _child(entry, "id", entry_id)
    _child(entry, "title", title)
    ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html", "href": link})
    _child(entry, "updated", _stamp(updated))
    return entry


def _authors(entry: ET.Element, story: Story) -> None:
    for credit in story.meta.authors:
        author = ET.SubElement(entry, "author")
        _child(author, "name", credit.name)
        if credit.url:
            _child(author, "uri", credit.url)


def _child(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = text
    return element


def _stamp(day: datetime.date | None) -> str:
    """An Atom date: the day at midnight UTC (the content gives days, not times)."""
    when = day or datetime.date(1970, 1, 1)
    return f"{when.isoformat()}T00:00:00Z"


def _serialise(feed: ET.Element) -> str:
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, "unicode") + "\n"

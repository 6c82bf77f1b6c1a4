"""What makes a story's pages read as news: credits, pictures, feeds, links to other stories.

:func:`story_context` gives the templates what the site around a story holds (its
pictures, related stories, its actors in other stories, the publisher, the marks the
reading times replace); :func:`page_meta` adds to each page's front matter what the
theme prints in its ``<head>``: the story's feed, and on its landing page the lead
picture for sharing (``og:image``) and the credits in its JSON-LD.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from markupsafe import Markup

from generator.content.models import Credit, Story
from generator.content.publisher import Publisher
from generator.render import feeds, pictures, reading
from generator.render.masthead import logo_rendition
from generator.render.related import CrossLinks
from generator.render.render import Page, PageKind
from generator.settings import SiteSettings

NOT_IN_READING_TIME = frozenset({PageKind.SOURCES, PageKind.GLOSSARY})
"""Pages a reader consults rather than reads: left out of the explainer's reading time
(as is the part of a page after :data:`~generator.render.reading.CONSULTED_MARK`, such as
Who's who's profiles)."""


@dataclass(frozen=True)
class NewsSite:
    """What the site around a story holds: its settings (address, publisher) and the
    cross-links between its stories."""

    settings: SiteSettings = field(default_factory=SiteSettings)
    links: CrossLinks = field(default_factory=CrossLinks)


def story_context(story: Story, site: NewsSite) -> dict[str, Any]:
    """What every page of the story may show beyond the story itself."""
    return {
        "pictures": pictures.pictures(story),
        "related": site.links.related_to(story),
        "elsewhere": {a.id: site.links.elsewhere(story, a.id) for a in story.actors},
        "publisher": site.settings.publisher.info if site.settings.publisher else None,
        "feed": feeds.story_feed_path(story),
        "reading_time": Markup(reading.PAGE_MARK),
        "explainer_reading_time": Markup(reading.EXPLAINER_MARK),
        "consulted_from_here": Markup(reading.CONSULTED_MARK),
        "log_anchor": feeds.log_anchor,
    }


def explainer_pages(pages: list[Page]) -> list[str]:
    """The paths of the pages that count in the whole explainer's reading time."""
    return [page.path for page in pages if page.kind not in NOT_IN_READING_TIME]


def page_meta(
    story: Story, page: Page, site: NewsSite, links: dict[str, Any] | None = None
) -> Page:
    """The page with its news front matter: its story's id and title (``theme/main.html``),
    the story's feed; on the landing page, the lead picture and the credits, publisher and
    picture in its JSON-LD. ``links`` is the page's own navigation within its story
    (:func:`generator.render.chapters.story_links`): its chapters go with the story's id
    and title, its previous and next pages beside them."""
    links = dict(links or {})
    chapters = links.pop("chapters", None)
    meta: dict[str, Any] = {
        **page.meta,
        "story": {  # theme/main.html reads it: the search's filter and each result's label
            "id": story.id,
            "title": story.meta.title,
            "label": story.meta.label,
            **({"chapters": chapters} if chapters else {}),  # partials/story-chapters.html
        },
        "story_feed": feeds.story_feed_path(story),
        **links,  # previous and next: partials/footer.html
    }
    if page.kind is PageKind.LANDING:
        meta["jsonld"] = {**meta.get("jsonld", {}), **_credits(story, site)}
        lead = _lead_picture(story, site)
        if lead:
            meta["og_image"] = lead
            meta["jsonld"]["image"] = [lead["url"]]
    return replace(page, meta=meta)


def _credits(story: Story, site: NewsSite) -> dict[str, Any]:
    found: dict[str, Any] = {}
    if story.meta.authors:
        found["author"] = [_person(credit) for credit in story.meta.authors]
    if story.meta.editors:
        found["editor"] = [_person(credit) for credit in story.meta.editors]
    if site.settings.publisher:
        found["publisher"] = _organisation(site.settings.publisher, site.settings.address)
        if not story.meta.authors:  # a story no one signs is the publisher's own
            found["author"] = [found["publisher"]]
    return found


def _person(credit: Credit) -> dict[str, str]:
    person = {"@type": "Person", "name": credit.name}
    if credit.role:
        person["jobTitle"] = credit.role
    if credit.url:
        person["url"] = credit.url
    return person


def _organisation(publisher: Publisher, site_url: str) -> dict[str, Any]:
    found: dict[str, Any] = {"@type": "NewsMediaOrganization", "name": publisher.info.name}
    found["url"] = publisher.info.url or site_url
    logo = logo_rendition(publisher)
    if logo:
        found["logo"] = {
            "@type": "ImageObject",
            "url": site_url + logo.path,
            "width": logo.width,
            "height": logo.height,
        }
    return found


def _lead_picture(story: Story, site: NewsSite) -> dict[str, Any] | None:
    image = story.meta.image
    if image is None:
        return None
    shown = pictures.picture(story.id, image, story.image_files[image.file]).largest
    return {
        "url": site.settings.address + shown.path,
        "width": shown.width,
        "height": shown.height,
        "alt": image.alt,
    }

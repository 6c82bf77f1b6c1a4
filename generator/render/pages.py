"""Which pages a story gets, in reading order, and what each page is given to render."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from generator.content.models import FILES, Actor, Event, Story
from generator.render import pictures, wording
from generator.render.archive import HOME_STORIES, by_year, many, year_page_path
from generator.render.chapters import story_links
from generator.render.chart.page import chart_context, chart_files
from generator.render.locator import MAP_FILE, locator_map, map_file_path, map_image
from generator.render.news import NewsSite, explainer_pages, page_meta, story_context
from generator.render.profiles import claims_of, profiles
from generator.render.reading import explainer_words, fill_reading_times, phrase
from generator.render.related import (
    ACTOR_PAGE_ALL,
    ACTOR_PAGE_NEWEST,
    CrossLinks,
    actor_page_path,
    actor_year_path,
)
from generator.render.render import (
    WHOS_WHO,
    Page,
    PageKind,
    QuotedOn,
    profile_anchor,
    render_page,
    whos_who_path,
)

FULL_WIDTH = frozenset({WHOS_WHO, "reactions.md"})
"""Pages of cards (the cast list, the reactions) that take the content area's whole width,
as the timeline does: no table of contents beside them (Material's ``hide: [toc]``)."""


def story_pages(story: Story) -> list[Page]:
    """The pages of one story in the order of its navigation; empty sections get none.

    Long only as a table: one entry for each page a story can have, in reading order.
    """
    sid, summary = story.id, story.meta.standfirst
    sections = [
        ("background.md", "Background", story.background, "What led up to it."),
        ("positions.md", "What each side wants", story.positions, "Where each side stood."),
        ("accounts.md", "Differing accounts", story.accounts, "Each side's version, side by side."),
        ("outcomes.md", "Outcomes", story.outcomes, "What was agreed, what was not, what next."),
        ("reactions.md", "Reactions", story.reactions, wording.reactions_blurb(story)),
        ("timeline.md", "Timeline", story.events, "Every event, in order."),
        (WHOS_WHO, "Who's who", story.actors, "Everyone involved, and who they are."),
    ]
    pages = [
        Page(
            f"{sid}/index.md",
            "story.md.j2",
            story.meta.title,
            summary,
            meta=_jsonld(story),
            kind=PageKind.LANDING,
        )
    ]
    for name, title, items, blurb in sections:
        if items:
            template = name.replace("/index", "").replace(".md", ".md.j2")
            meta = {"hide": ["toc"]} if name in FULL_WIDTH else {}
            kind = PageKind.WHOS_WHO if name == WHOS_WHO else PageKind.CHAPTER
            pages.append(
                Page(
                    f"{sid}/{name}",
                    template,
                    title,
                    f"{blurb} {summary}",
                    blurb,
                    meta=meta,
                    kind=kind,
                )
            )
    pages.append(
        Page(
            f"{sid}/sources.md",
            "sources.md.j2",
            "Sources",
            f"Sources of: {story.meta.title}",
            "Every source, numbered as the citations are.",
            kind=PageKind.SOURCES,
        )
    )
    if story.glossary:
        pages.append(
            Page(
                f"{sid}/glossary.md",
                "glossary.md.j2",
                "Glossary",
                f"Terms used in: {story.meta.title}",
                "The terms used, explained.",
                kind=PageKind.GLOSSARY,
            )
        )
    return pages


def section_pages(story: Story) -> list[Page]:
    """The pages the story's landing page links to (every page but itself)."""
    return story_pages(story)[1:]


def render_story(
    story: Story, context: dict[str, Any] | None = None, site: NewsSite | None = None
) -> dict[str, str]:
    """Every page of one story: {path under the docs folder: Markdown}.

    ``site`` is what the site around the story holds (its address, publisher, related
    stories); without it, the story is rendered as if it were alone.
    """
    return render_story_timed(story, context, site)[0]


def render_story_timed(
    story: Story, context: dict[str, Any] | None = None, site: NewsSite | None = None
) -> tuple[dict[str, str], str]:
    """Every page of one story (:func:`render_story`), and the whole explainer's reading
    time as its landing page gives it ('4 min'), for the story's card on the home page."""
    site = site or NewsSite()
    extra = {
        "sections": section_pages(story),
        "chart": chart_context(story),
        "events": story.events_in_order(),
        "locator": None if story.meta.image else locator_map(story.meta.places),
        "locator_file": MAP_FILE,  # beside the landing page, which shows it
        **story_context(story, site),  # pictures, related stories, publisher, reading time
        **(context or {}),
    }
    extra["quoted"] = QuotedOn()  # where each quotation is printed, for the profiles
    rendered = {}
    pages = story_pages(story)
    links = story_links(pages)  # each page's chapters, previous and next, within the story
    every = pages + embed_pages(story)
    for page in sorted(every, key=lambda page: page.kind is PageKind.WHOS_WHO):  # it last
        page_context = (
            _profiles_context(story, extra["events"]) if page.kind is PageKind.WHOS_WHO else {}
        )
        shown = page_meta(story, page, site, links.get(page.path))
        rendered[page.path] = render_page(story, shown, {**extra, **page_context})
    result = {page.path: rendered[page.path] for page in every}  # in reading order
    result.update(chart_files(story, extra["chart"]))  # the timeline's figure
    if extra["locator"]:  # the lead picture of a story without one, and of its cards
        result[map_file_path(story.id)] = extra["locator"].svg_file()
    counted = explainer_pages(pages)
    return fill_reading_times(result, counted), phrase(explainer_words(result, counted))


def render_home(
    stories: list[Story], site_name: str = "Explainers", reading: dict[str, str] | None = None
) -> dict[str, str]:
    """The home page, and the year pages when there are many stories: {path: Markdown}.

    ``stories`` come newest first; ``reading`` is each whole explainer's reading time, by
    story id, as its landing page says it. The home page shows every story, or, when there
    are many (:func:`navigation.many`), the newest few and a link to each year's page,
    which shows that year's stories: no page grows with the number of stories.
    """
    reading = reading or {}
    years = by_year(stories) if many(stories) else {}
    shown = stories[:HOME_STORIES] if years else stories
    page = Page(
        "index.md",
        "home.md.j2",
        f"{site_name}: all stories",
        "Explainers of news events, sourced and dated.",
        kind=PageKind.HOME,
    )
    files = {page.path: _story_list(page, shown, reading, years)}
    for year, group in years.items():
        page = Page(
            year_page_path(year),
            "year.md.j2",
            f"Stories of {year}",
            f"Explainers of news events that began in {year}.",
            context={"year": year},
            kind=PageKind.HOME,
        )
        files[page.path] = _story_list(page, group, reading, years)
    return files


def _story_list(
    page: Page, stories: list[Story], reading: dict[str, str], years: dict[str, list[Story]]
) -> str:
    """A page of story cards (home or a year's), with the links to every year's page."""
    cards = [(story, pictures.pictures(story)) for story in stories]
    root = "../" * page.path.count("/")  # the stories' folders are at the top
    year_links = [(year, len(group), root + year_page_path(year)) for year, group in years.items()]
    maps = {  # a story without a lead picture shows its map (render_story writes the file)
        story.id: {"src": root + map_file_path(story.id), **map_image(story.meta.places)}
        for story in stories
        if not story.meta.image and story.meta.places
    }
    context = {"cards": cards, "maps": maps, "reading": reading, "root": root, "years": year_links}
    return render_page(None, page, context)


def render_actor_pages(links: CrossLinks) -> dict[str, str]:
    """The page of each actor in more stories than its profiles show
    (:func:`related.has_page`): each story it is in, newest first, linked to its profile
    there; past :data:`~related.ACTOR_PAGE_ALL` stories, the newest and a page a year. The
    actor is named as its newest story names it."""
    files = {}
    for actor_id, entries in links.with_pages().items():
        name = entries[0][1].name
        years = by_year([story for story, _ in entries]) if len(entries) > ACTOR_PAGE_ALL else {}
        shown = entries[:ACTOR_PAGE_NEWEST] if years else entries
        page = Page(
            actor_page_path(actor_id),
            "actor_page.md.j2",
            name,
            f"Every explainer of {name}, newest first.",
            context={"year": None},
            kind=PageKind.HOME,
        )
        files[page.path] = _actor_list(page, actor_id, name, shown, len(entries), years)
        entry_of = {story.id: entry for story, entry in entries}
        for year, group in years.items():
            page = Page(
                actor_year_path(actor_id, year),
                "actor_page.md.j2",
                f"{name}: {year}",
                f"The explainers of {name} that began in {year}.",
                context={"year": year},
                kind=PageKind.HOME,
            )
            of_year = [(story, entry_of[story.id]) for story in group]
            files[page.path] = _actor_list(page, actor_id, name, of_year, len(entries), years)
    return files


def _actor_list(
    page: Page,
    actor_id: str,
    name: str,
    entries: list[tuple[Story, Actor]],
    total: int,
    years: dict[str, list[Story]],
) -> str:
    """An actor's page or one of its years' (:func:`render_actor_pages`)."""
    root = "../" * page.path.count("/")  # the stories' folders are at the top
    rows = [
        (
            story,
            entry,
            Markup(escape(f"{root}{whos_who_path(story.id)}#{profile_anchor(actor_id)}")),
        )
        for story, entry in entries
    ]
    year_links = [
        (year, len(group), Markup(escape(root + actor_year_path(actor_id, year))))
        for year, group in years.items()
    ]
    newest = Markup(escape(root + actor_page_path(actor_id)))  # from a year's page
    context = {"name": name, "stories": rows, "total": total, "years": year_links, "newest": newest}
    return render_page(None, page, context)


def embed_pages(story: Story) -> list[Page]:
    """Pages for other sites to embed in an ``<iframe>``, outside the navigation: the
    timeline chart, with links to the story and to the timeline page's list of events,
    without the site around it (the theme's embed.html, which also keeps it out of
    search: the timeline page has its text)."""
    if not story.events:
        return []
    title = f"Timeline: {story.meta.title}"
    meta = {"template": "embed.html"}
    return [
        Page(
            f"{story.id}/timeline/embed.md",
            "timeline_embed.md.j2",
            title,
            title,
            meta=meta,
            kind=PageKind.EMBED,
        )
    ]


def _profiles_context(story: Story, events: list[Event]) -> dict[str, Any]:
    """What Who's who shows below its cast list: each actor's profile (:mod:`profiles`)."""
    shown = profiles(story, events)
    return {"profiles": shown, "profile_claims": claims_of(shown)}


def _jsonld(story: Story) -> dict[str, Any]:
    """schema.org NewsArticle data for the story page (the theme prints it as JSON-LD)."""
    return {
        "jsonld": {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": story.meta.title,
            "description": story.meta.standfirst,
            "inLanguage": story.meta.language,
            "datePublished": story.meta.first_published.isoformat(),
            "dateModified": (story.meta.last_logged or story.meta.first_published).isoformat(),
            "contentLocation": {"@type": "Place", "name": story.meta.place},
            "about": {
                "@type": "Event",
                "name": story.meta.title,
                "startDate": str(story.meta.start),
                "endDate": str(story.meta.end),
                "location": story.meta.place,
            },
        }
    }


def render_schema_index() -> str:
    """The page that lists the JSON Schema of each content file."""
    page = Page(
        "schema/index.md",
        "schema.md.j2",
        "Data schema",
        "JSON Schema of the content.",
        kind=PageKind.SCHEMA,
    )
    return render_page(None, page, {"files": list(FILES)})

"""A story's own navigation, written into the front matter of each of its pages.

So that any engine shows it, with or without a plugin, each page of a story carries:

- ``story.chapters``: the story's chapters, its pages after the landing page (the
  story's section of the navigation, :func:`generator.render.navigation.story_nav`),
  each as its title and address; ``theme/partials/story-chapters.html`` draws them as a
  bar at the top and a numbered list at the end of every page but the landing page, and
  marks the one the reader is in;
- ``previous`` and ``next``: the pages before and after it in the story's reading order
  (:func:`generator.render.pages.story_pages`), which
  ``theme/partials/footer.html`` links to. A story's landing page has no previous page
  and its last page no next one: Previous and Next never lead into another story.

Titles are HTML-escaped here, as the pages' own titles are
(:func:`generator.render.render.front_matter`), and the theme prints them as they are.
Addresses are the pages' own, from the site's root (directory URLs), as the theme's
``page.url`` gives them.
"""

from __future__ import annotations

import itertools
from typing import Any

from generator.render.render import Page, built_folder, shown_title


def page_url(path: str) -> str:
    """The address of a generated page from the site's root, as the engines give it
    (``page.url``): 'a/b.md' -> 'a/b/', 'a/index.md' -> 'a/', 'index.md' -> ''."""
    folder = built_folder(path)
    return f"{folder}/" if folder else ""


def link(page: Page) -> dict[str, str]:
    """A page as front matter names it: its title (escaped) and address."""
    return {"title": shown_title(page.title), "url": page_url(page.path)}


def story_links(pages: list[Page]) -> dict[str, dict[str, Any]]:
    """What each page of one story (``pages``: its pages in reading order, the landing
    page first) adds to its front matter: the story's chapters, and its previous and
    next pages (see the module's documentation)."""
    chapters = [link(page) for page in pages[1:]]
    found: dict[str, dict[str, Any]] = {page.path: {} for page in pages}
    for page in pages[1:]:
        found[page.path]["chapters"] = chapters
    for before, after in itertools.pairwise(pages):
        found[before.path]["next"] = link(after)
        found[after.path]["previous"] = link(before)
    return found

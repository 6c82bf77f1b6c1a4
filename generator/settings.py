"""The site's settings: one object, :class:`SiteSettings`, for its address, name and publisher.

Every reader of them takes them from it, whichever engine or command builds the site: the
MkDocs plugin and ``python -m generator build --out`` make it, the generator completes it
with the content's publisher, and the feeds, the JSON-LD, the shared pictures, the open
data, the pages' masthead and footer and the project's ``mkdocs.yml`` read it.

- The address comes from one place: ``SITE_URL`` in the environment, else ``site_url`` in
  ``mkdocs.yml`` (which reads the same variable); when neither is at hand (the command
  line without MkDocs, the tests), :data:`DEFAULT_SITE_URL`.
- The name is ``site_name`` in ``mkdocs.yml``, else :data:`DEFAULT_SITE_NAME`.
- The publisher is the content's (``content/publisher.yml``, read and checked by
  :mod:`generator.content.publisher`), read into the settings by :meth:`SiteSettings.with_publisher`
  once the content has been checked as a whole, so that its problems are reported with
  the stories'.

A stage of its own between reading content and rendering: it reads the publisher
(:mod:`generator.content`), and rendering and publishing read it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from generator.content.publisher import Publisher, load_publisher

DEFAULT_SITE_URL = "https://example.github.io/explainer/"
"""The address pages are built for when none is given (``mkdocs.yml`` says the same)."""

DEFAULT_SITE_NAME = "Explainers"
"""The site's name when none is given (``mkdocs.yml``'s ``site_name`` says the same)."""

LOCAL_SITE_URL = "http://127.0.0.1:8000/"
"""The address of a configuration that names none (``mkdocs serve``'s own)."""


def site_url_from_environment() -> str:
    """The address of ``SITE_URL``, or :data:`DEFAULT_SITE_URL` when it is not set."""
    return os.environ.get("SITE_URL") or DEFAULT_SITE_URL


@dataclass(frozen=True)
class SiteSettings:
    """The site's address and name, as the engine's configuration or the command line
    gives them, and its publisher, as the content names it (None: no publisher.yml, or
    not read yet)."""

    site_url: str = DEFAULT_SITE_URL
    site_name: str = DEFAULT_SITE_NAME
    publisher: Publisher | None = None

    @property
    def address(self) -> str:
        """The address the site is built for, ending in '/' (feeds and shared pictures
        use it)."""
        return (self.site_url or LOCAL_SITE_URL).rstrip("/") + "/"

    @property
    def author(self) -> str:
        """Who the site's feeds name as their author: the publisher, else the site."""
        return self.publisher.info.name if self.publisher else self.site_name

    def with_publisher(self, content_dir: Path) -> SiteSettings:
        """These settings with the publisher of ``content_dir`` (its ``publisher.yml``).

        Raises :class:`~generator.content.errors.ContentErrors` on a problem of the file.
        """
        return replace(self, publisher=load_publisher(content_dir))

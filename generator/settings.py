"""The site's settings that every stage may need, with no dependency of its own.

One object, :class:`SiteSettings`, carries the site's address and name to the
generator, whichever engine or command builds it. The address comes from one place:
``SITE_URL`` in the environment, else ``site_url`` in ``mkdocs.yml`` (which reads the same
variable); when neither is at hand (the command line without MkDocs, the tests),
:data:`DEFAULT_SITE_URL`. The publisher is the content's (``content/publisher.yml``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

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
    gives them."""

    site_url: str = DEFAULT_SITE_URL
    site_name: str = DEFAULT_SITE_NAME

    @property
    def address(self) -> str:
        """The address the site is built for, ending in '/' (feeds and shared pictures
        use it)."""
        return (self.site_url or LOCAL_SITE_URL).rstrip("/") + "/"

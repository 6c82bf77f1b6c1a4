"""The site's settings that every stage may need, with no dependency of its own.

The address a site is built for comes from one place: ``SITE_URL`` in the environment,
else ``site_url`` in ``mkdocs.yml`` (which reads the same variable); when neither is at
hand (the command line without MkDocs, the tests), :data:`DEFAULT_SITE_URL`.
"""

from __future__ import annotations

import os

DEFAULT_SITE_URL = "https://example.github.io/explainer/"
"""The address pages are built for when none is given (``mkdocs.yml`` says the same)."""


def site_url_from_environment() -> str:
    """The address of ``SITE_URL``, or :data:`DEFAULT_SITE_URL` when it is not set."""
    return os.environ.get("SITE_URL") or DEFAULT_SITE_URL

"""The browser and server helpers, for the tests that import them as ``browser``: they
live in :mod:`devkit`, which the benchmarks and scripts share."""

from devkit.chromium import CHROMIUM, CHROMIUM_ARGS, chromium_available, launch_chromium
from devkit.site import mkdocs_build, serve_directory

__all__ = [
    "CHROMIUM",
    "CHROMIUM_ARGS",
    "chromium_available",
    "launch_chromium",
    "mkdocs_build",
    "serve_directory",
]

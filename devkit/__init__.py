"""What the tests, the benchmarks and the scripts share, so that none copies another:
building and serving the site (:mod:`devkit.site`), running the generator's command
line and editing a content file (:mod:`devkit.content`), Debian's Chromium
(:mod:`devkit.chromium`), and ``make preview``'s server (:mod:`devkit.preview`).

Not part of the generator. It is importable wherever the project is installed for
development (``make`` installs it editable, which puts the repository on the path).
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
"""The repository."""

"""How many bytes a built site takes, against what GitHub Pages publishes.

GitHub Pages publishes a site of at most 1 GB. After any engine has built the site,
``python -m generator size site`` (run by ``make site``, so by the deploy workflow before
it uploads) measures the folder, says what each story's pages take, warns past 80% of
the limit and refuses, with exit code 1, a site that could not be published.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PAGES_LIMIT_BYTES = 1_000_000_000
"""GitHub Pages' limit on a published site: 1 GB."""

WARN_FRACTION = 0.8
"""The share of the limit past which the build says the site is getting close."""

LARGEST_SHOWN = 10
"""How many stories the report names one by one, largest first."""


@dataclass(frozen=True)
class SiteSize:
    """A built site's bytes: in all, and under each story's folder."""

    total: int
    stories: dict[str, int]
    limit: int = PAGES_LIMIT_BYTES

    @property
    def share(self) -> float:
        """The site's size as a share of the limit."""
        return self.total / self.limit

    @property
    def is_over(self) -> bool:
        """True when the site cannot be published."""
        return self.total > self.limit

    @property
    def is_close(self) -> bool:
        """True past :data:`WARN_FRACTION` of the limit."""
        return self.total > WARN_FRACTION * self.limit


def folder_bytes(folder: Path) -> int:
    """The bytes of every file under ``folder`` (0 when it does not exist)."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def measure_site(site: Path, story_ids: list[str], limit: int = PAGES_LIMIT_BYTES) -> SiteSize:
    """Measure ``site``: the whole folder, and each story's own folder of pages."""
    stories = {story: folder_bytes(site / story) for story in story_ids}
    return SiteSize(total=folder_bytes(site), stories=stories, limit=limit)


def report(size: SiteSize) -> list[str]:
    """The lines that tell a maintainer what the site takes, and what to do past 80%."""
    lines = [f"Site size: {_mb(size.total)} ({size.share:.1%} of GitHub Pages' {_mb(size.limit)})"]
    if size.stories:
        mean = sum(size.stories.values()) / len(size.stories)
        lines.append(f"Stories: {len(size.stories)}, {_kb(mean)} each on average")
        largest = sorted(size.stories.items(), key=lambda item: (-item[1], item[0]))
        lines += [f"  {story}: {_kb(size)}" for story, size in largest[:LARGEST_SHOWN]]
        if len(largest) > LARGEST_SHOWN:
            lines.append(f"  ... and {len(largest) - LARGEST_SHOWN} smaller stories")
    if size.is_over:
        lines.append(
            f"Error: the site is over GitHub Pages' limit of {_mb(size.limit)}, which would "
            "refuse to publish it. Remove or split stories (their pictures first), or "
            "publish the archive elsewhere."
        )
    elif size.is_close:
        lines.append(
            f"Warning: the site has passed {WARN_FRACTION:.0%} of GitHub Pages' limit of "
            f"{_mb(size.limit)}; past it, the deploy stops before uploading."
        )
    return lines


def _mb(size: float) -> str:
    """Bytes in the largest unit that keeps a digit before the point: '1 GB', '5.8 MB'."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return _kb(size)


def _kb(size: float) -> str:
    return f"{size / 1_000:.1f} KB"

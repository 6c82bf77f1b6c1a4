"""Reading the search index Pagefind wrote into a built site, for the tests.

Each indexed page has a fragment file: the gzipped JSON of its URL, indexed text, title,
metadata and filters, behind a short signature.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from typing import Any, get_args

from generator.content.models import STANCES, Basis

SIGNATURE = b"pagefind_dcd"

BADGES = frozenset(
    [basis.capitalize() for basis in get_args(Basis)] + [s.capitalize() for s in STANCES]
)
"""The words of the badges before a claim ("Offered", "Stated"): never in an excerpt."""


def fragments(site: Path) -> list[dict[str, Any]]:
    """Every indexed page of ``site``, as Pagefind stored it (url, content, meta, filters)."""
    pages = []
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(SIGNATURE), path
        pages.append(json.loads(data[len(SIGNATURE) :]))
    return pages


def searchable_text(page: dict[str, Any]) -> str:
    """What a query can match on a page: its text and its metadata, in lower case."""
    return " ".join([page["content"], *page["meta"].values()]).lower()


def word_on_one_page(site: Path) -> tuple[str, str]:
    """A word found on exactly one indexed page, and that page's URL.

    The word is written in lower case where it stands (a word of prose, not a name in code
    such as ``addEventListener``, which Pagefind also splits into parts), and nothing that
    begins like it (its first five letters) is on any other page, so neither prefix
    matching nor stemming can find it there.
    """
    pages = fragments(site)
    texts = [searchable_text(page) for page in pages]
    for page, text in zip(pages, texts, strict=True):
        others = " ".join(t for t in texts if t is not text)
        raw = " ".join([page["content"], *page["meta"].values()])
        for word in sorted(set(re.findall(r"\b[a-z]{8,}\b", raw))):
            if word[:5] not in others:
                return word, str(page["url"])
    raise AssertionError("no word is found on one page only")

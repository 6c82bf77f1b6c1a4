"""How a story leans on its sources, measured on its generated pages: `python -m scripts.sourcing`.

Prints, for one story (the first, by default):

- the share of its citation links that lead to one source (the supplied article, by
  default) and to Wikipedia (every source whose publisher is Wikipedia);
- each quotation printed on more than two of its pages, with the pages; and each one
  printed in more than one chapter (a page other than the landing page and the
  speaker's own page, which lists everything the speaker said) or twice on one page.

So a quotation may stand on the landing page, in its one chapter and on its speaker's
page; the story's test holds it to that.

A citation link is a link to a numbered source (``#source-<id>``) on any of the story's
generated pages. A quotation is on a page when its text is there between quotation marks
(“...”), as the site prints it. Exits 1 when a limit given on the command line is
exceeded, so that a maintainer can run it in CI.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from generator.content.load import load_stories
from generator.content.models import Story
from generator.render.build import build_site

CITATION = re.compile(r"#source-([A-Za-z0-9_-]+)")


@dataclass(frozen=True)
class Measures:
    """What the script prints: citation links counted by source, and repeated quotations."""

    links: Counter[str]
    wikipedia: frozenset[str]
    pages: dict[str, list[str]]
    """Each quotation's pages, by its id: those its text is on, in order."""
    twice: dict[str, list[str]]
    """Each quotation printed more than once on one page: those pages."""
    chapters: dict[str, list[str]]
    """Each quotation's chapters: its pages but the landing page (Who's who is a chapter:
    it prints, in its speaker's profile, a quotation no other chapter prints)."""

    def on_more_pages_than(self, most: int) -> dict[str, list[str]]:
        """The quotations on more than ``most`` pages, with their pages."""
        return {q: on for q, on in self.pages.items() if len(on) > most}

    def in_more_than_one_chapter(self) -> dict[str, list[str]]:
        """The quotations printed in more than one chapter, with those chapters."""
        return {q: on for q, on in self.chapters.items() if len(on) > 1}

    def share(self, sources: set[str] | frozenset[str]) -> float:
        """The share of all citation links that lead to one of these sources."""
        total = sum(self.links.values())
        return sum(self.links[s] for s in sources) / total if total else 0.0


def story_pages(content: Path, story_id: str) -> dict[str, str]:
    """The story's generated Markdown pages, by path, without its list of sources."""
    files = build_site(content, story_id=story_id).files
    return {
        path: text
        for path, text in files.items()
        if path.startswith(f"{story_id}/")
        and path.endswith(".md")
        and path != f"{story_id}/sources.md"
        and isinstance(text, str)
    }


def measure(content: Path, story: Story) -> Measures:
    """Count the citation links of the story's pages and the pages each quotation is on."""
    pages = story_pages(content, story.id)
    links: Counter[str] = Counter()
    for text in pages.values():
        links.update(CITATION.findall(text))
    flat = {path: " ".join(page.split()) for path, page in pages.items()}
    on_pages, twice, chapters = {}, {}, {}
    for quotation in story.quotations:
        quoted = f"“{' '.join(quotation.text.split())}”"
        counts = {path: page.count(quoted) for path, page in sorted(flat.items())}
        on_pages[quotation.id] = [path for path, count in counts.items() if count]
        if any(count > 1 for count in counts.values()):
            twice[quotation.id] = [path for path, count in counts.items() if count > 1]
        own = f"{story.id}/index.md"  # its lead quotation is a chapter's too
        chapters[quotation.id] = [path for path in on_pages[quotation.id] if path != own]
    wikipedia = frozenset(s.id for s in story.sources if (s.publisher or "") == "Wikipedia")
    return Measures(links, wikipedia, on_pages, twice, chapters)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=Path("content"))
    parser.add_argument("--story", default="hanoi-summit-2019", help="the story's id")
    parser.add_argument("--source", default="article", help="the source whose share to print")
    parser.add_argument("--max-share", type=float, help="fail above this share (0 to 1)")
    parser.add_argument(
        "--max-repeated",
        type=int,
        help="fail above this many quotations in more than one chapter or twice on a page",
    )
    args = parser.parse_args(argv)
    (story,) = [s for s in load_stories(args.content) if s.id == args.story]
    measures = measure(args.content, story)
    total = sum(measures.links.values())
    share = measures.share({args.source})
    print(f"{args.story}: {total} citation links")
    print(f"  to '{args.source}': {measures.links[args.source]} ({share:.1%})")
    wiki = measures.share(measures.wikipedia)
    print(f"  to Wikipedia: {sum(measures.links[s] for s in measures.wikipedia)} ({wiki:.1%})")
    lists = [
        ("on more than two pages", measures.on_more_pages_than(2)),
        ("in more than one chapter", measures.in_more_than_one_chapter()),
        ("printed twice on one page", measures.twice),
    ]
    for what, found in lists:
        print(f"  quotations {what}: {len(found)}")
        for quotation, on in found.items():
            print(f"    {quotation}: {', '.join(on)}")
    repeats = len(measures.in_more_than_one_chapter()) + len(measures.twice)
    failed = args.max_share is not None and share > args.max_share
    failed |= args.max_repeated is not None and repeats > args.max_repeated
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""Permalinks on sections and entries only (generator/publish/permalinks.py)."""

from __future__ import annotations

import re

import markdown

from generator.publish.permalinks import LINKED


def _html(text: str) -> str:
    return str(markdown.markdown(
        text, extensions=["attr_list", "toc", "generator.publish.permalinks"],
        extension_configs={"toc": {"permalink": True}},
    ))  # fmt: skip


def test_sections_and_entries_keep_their_permalink_titles_and_parts_do_not() -> None:
    html = _html(
        "# Page\n\n## Section\n\n### Entry { #entry }\n\n#### Part { #entry--part }\n\n"
        "##### Deeper\n\ntext\n"
    )
    headings = dict(re.findall(r"<(h\d) id=\"[^\"]+\">(.*?)</h\d>", html))
    assert set(headings) == {"h1", "h2", "h3", "h4", "h5"}
    for tag, inner in headings.items():
        assert ('class="headerlink"' in inner) == (tag in LINKED), (tag, inner)
    assert '<h4 id="entry--part">Part</h4>' in html  # its address still leads to it
    assert {"h2", "h3"} == LINKED


def test_a_headings_own_words_and_markup_are_kept() -> None:
    html = _html("#### The *part* and `code` { #p }\n")
    assert html == '<h4 id="p">The <em>part</em> and <code>code</code></h4>'

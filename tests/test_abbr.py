"""Glossary terms are marked as abbreviations in the text, never in headings."""

from __future__ import annotations

import markdown
import pytest

DEFINITION = "*[tariff]: A tax on imported goods."


def rendered(text: str) -> str:
    extensions = ["generator.abbr", "attr_list"]
    html: str = markdown.markdown(f"{text}\n\n{DEFINITION}", extensions=extensions)
    return html


@pytest.mark.parametrize(
    "text",
    ["# The tariff", "### Why the tariff rose {: #why }", "## A *tariff* war", "Tariff\n======"],
)
def test_a_term_in_a_heading_is_not_marked(text: str) -> None:
    assert "<abbr" not in rendered(text.replace("Tariff", "tariff"))


def test_a_term_after_a_heading_is_marked_in_the_text() -> None:
    html = rendered("## The tariff\n\nThe tariff rose. A tariff fell.")
    assert html.count('<abbr title="A tax on imported goods.">tariff</abbr>') == 2
    assert html.startswith("<h2>The tariff</h2>")


def test_a_heading_inside_a_quotation_is_skipped_and_the_text_is_not() -> None:
    html = rendered("> ### A tariff\n>\n> Each tariff.")
    assert "<h3>A tariff</h3>" in html and html.count("<abbr") == 1

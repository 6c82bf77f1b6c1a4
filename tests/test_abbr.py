"""Glossary terms are marked as abbreviations in a page's HTML: the first use of each
term on the page, as a whole term, never in headings, links or code (generator/render/abbr.py)."""

from __future__ import annotations

import pytest

from generator.render.abbr import Glossary

TARIFF = Glossary([("tariff", "A tax on imported goods.")])
MARKED = '<abbr title="A tax on imported goods.">tariff</abbr>'


@pytest.mark.parametrize(
    "html",
    [
        "<h1>The tariff</h1>",
        '<h3 id="why">Why the tariff rose</h3>',
        "<h2>A <em>tariff</em> war</h2>",
        '<p><a href="x.md">tariff</a></p>',
        "<p><code>tariff</code></p>",
        '<p><img alt="a tariff" src="x.png"></p>',
        '<p><time title="the tariff year" datetime="2019">2019</time></p>',
        '<script>var tariff = "<h2>tariff";</script>',
    ],
)
def test_a_term_in_a_heading_link_code_attribute_or_script_is_not_marked(html: str) -> None:
    assert TARIFF.mark(html) == html


def test_the_first_use_on_a_page_is_marked_and_no_other() -> None:
    html = TARIFF.mark("<h2>The tariff</h2>\n<p>The tariff rose. A tariff fell.</p>")
    assert html == f"<h2>The tariff</h2>\n<p>The {MARKED} rose. A tariff fell.</p>"


def test_a_heading_inside_a_quotation_is_skipped_and_the_text_is_not() -> None:
    html = TARIFF.mark("<blockquote><h3>A tariff</h3><p>Each tariff.</p></blockquote>")
    assert "<h3>A tariff</h3>" in html and html.count("<abbr") == 1


def test_a_script_holding_markup_does_not_stop_the_marking_after_it() -> None:
    html = TARIFF.mark('<script>var x = "<h2>";</script><p>A tariff.</p>')
    assert MARKED in html


@pytest.mark.parametrize(
    ("term", "html", "marked"),
    [
        ("E3", "<p>The E3+3 met; the E3 did not.</p>", "the <abbr"),
        ("AT&T", "<p>AT&amp;T sold.</p>", '<abbr title="D.">AT&amp;T</abbr>'),
        ("AT&T", "<p>AT&#38;T sold.</p>", '<abbr title="D.">AT&#38;T</abbr>'),
        ("P5+1", "<p>The P5+1 met.</p>", '<abbr title="D.">P5+1</abbr>'),
        ("Tariff", "<p>A tariff rose.</p>", '<abbr title="D.">tariff</abbr>'),
    ],
)
def test_terms_are_found_as_the_page_writes_them(term: str, html: str, marked: str) -> None:
    assert marked in Glossary([(term, "D.")]).mark(html)


def test_a_definition_is_escaped_for_its_attribute() -> None:
    html = Glossary([("CVID", 'A "goal" <b>&</b>\n  more')]).mark("<p>CVID</p>")
    assert html == '<p><abbr title="A &#34;goal&#34; &lt;b&gt;&amp;&lt;/b&gt; more">CVID</abbr></p>'


def test_the_longest_term_wins_where_terms_overlap() -> None:
    glossary = Glossary([("sanctions", "S."), ("sanctions relief", "R.")])
    assert glossary.mark("<p>On sanctions relief.</p>") == (
        '<p>On <abbr title="R.">sanctions relief</abbr>.</p>'
    )


def test_a_definition_is_printed_once_a_page_however_often_its_term_is_used() -> None:
    # Issue 19, item 5: a 10 KB definition at each of 20,000 uses made a 205 MB page.
    definition = "x" * 400
    page = "<p>" + "the tariff and " * 2000 + "</p>"
    marked = Glossary([("tariff", definition)]).mark(page)
    assert marked.count(definition) == 1
    assert len(marked) < len(page) + len(definition) + 100


def test_marking_works_through_the_page_once_however_many_terms() -> None:
    # Issue 19, item 4: the definitions were rescanned once per term. The pattern is a
    # trie: matching a text costs about the same with 10 or 1,000 terms.
    words = [f"word{n:04d}" for n in range(1000)]
    page = "<p>" + " ".join(words) + "</p>"
    small = Glossary([(w, "D.") for w in words[:10]]).mark(page)
    large = Glossary([(w, "D.") for w in words]).mark(page)
    assert small.count("<abbr") == 10 and large.count("<abbr") == 1000

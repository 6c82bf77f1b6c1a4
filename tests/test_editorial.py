"""Editorial integrity: what was said, what was reported, what is analysis, and the room
the sources give each side, for every story under content/ and the fixtures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURES, MINIMAL, ROOT

from generator.content.load import load_content, load_stories, load_story
from generator.content.models import STANCES, Answer, Position, Story
from generator.render import balance
from generator.render.build import build_site
from generator.render.pages import render_story
from generator.render.text import escape_markdown

STORY_DIRS = [
    # A story under content/ is checked in the content tier (its facts), a fixture with the code.
    pytest.param(p, id=p.name, marks=[pytest.mark.content] if p.parent.name == "content" else [])
    for p in sorted(
        [p for p in (ROOT / "content").iterdir() if (p / "story.yml").is_file()]
        + [p for p in FIXTURES.glob("*/*") if (p / "story.yml").is_file()]
    )
]
STANCE_HEADING = re.compile(
    r'<strong class="claim-stance">('
    + "|".join(s.capitalize() for s in STANCES)
    + r")</strong> <span class=\"basis basis--(\w+)\""
)


def _story(folder: Path) -> Story:
    story, problems = load_story(folder)
    assert story is not None, problems
    return story


def _claims(story: Story) -> list[Position | Answer]:
    return [*story.positions, *(a for account in story.accounts for a in account.answers)]


@pytest.mark.parametrize("folder", STORY_DIRS)
def test_a_stance_heads_only_what_was_stated(folder: Path) -> None:
    story = _story(folder)
    pages = render_story(story)
    headed = [
        basis
        for path, text in pages.items()
        if path.endswith(("positions.md", ".md"))
        for _, basis in STANCE_HEADING.findall(text)
    ]
    assert all(basis == "stated" for basis in headed), headed
    stated = [p for p in story.positions if p.basis == "stated"]
    on_positions_page = STANCE_HEADING.findall(pages.get(f"{story.id}/positions.md", ""))
    assert len(on_positions_page) == len(stated)


@pytest.mark.parametrize("folder", STORY_DIRS)
def test_every_analysis_is_labelled_with_whose_it_is(folder: Path) -> None:
    story = _story(folder)
    pages = "\n".join(render_story(story).values())
    for claim in [*_claims(story), *story.outcomes, *story.meta.key_facts]:
        if claim.basis == "analysis":
            whose = escape_markdown(f"Analysis ({claim.analysis_by})")
            label = f'<span class="basis basis--analysis">{whose}</span>'
            assert label in pages, claim


@pytest.mark.parametrize("folder", STORY_DIRS)
def test_every_stated_claim_links_a_quotation_or_a_source(folder: Path) -> None:
    story = _story(folder)
    for claim in [*_claims(story), *story.outcomes]:
        if claim.basis == "stated":
            assert claim.quotations or claim.sources, claim
    for fact in story.meta.key_facts:
        if fact.basis == "stated":
            assert fact.sources, fact


@pytest.mark.content
def test_the_first_storys_kim_positions_read_as_the_articles_analysis() -> None:
    (hanoi,) = [s for s in load_stories(ROOT / "content") if s.id == "hanoi-summit-2019"]
    kim = {p.issue: p for p in hanoi.positions if p.actor == "kim-jong-un"}
    assert (kim["denuclearisation"].basis, kim["yongbyon"].basis) == ("analysis", "analysis")
    assert kim["denuclearisation"].analysis_by == "the supplied news report"
    ri = {p.issue: p for p in hanoi.positions if p.actor == "ri-yong-ho"}
    assert ri["yongbyon"].basis == "stated"


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            "    stance: demanded\n    summary: Lower tariffs.",
            "    stance: demanded\n    basis: analysis\n    summary: Lower tariffs.",
            ("positions.yml", 5, 12, "an analysis names whose reading it is; add analysis_by:"),
        ),
        (
            "    stance: demanded\n    summary: Lower tariffs.",
            "    stance: demanded\n    analysis_by: a think tank\n    summary: Lower tariffs.",
            ("positions.yml", 5, 18, "analysis_by is only for basis: analysis"),
        ),
        (
            "    stance: demanded\n    summary: Lower tariffs.\n    sources: [report]",
            "    stance: demanded\n    basis: stated\n    summary: Lower tariffs.\n    sources: []",
            ("positions.yml", 7, 14, "every fact needs a source"),
        ),
        (
            "    stance: demanded\n",
            "    stance: demanded\n    basis: said\n",
            ("positions.yml", 5, 12, "'said' is not a valid basis"),
        ),
    ],
    ids=["analysis-without-whose", "whose-without-analysis", "stated-without-source", "typo"],
)
def test_a_claims_basis_is_checked_at_its_line(
    content: Path, old: str, new: str, expected: tuple[str, int, int, str]
) -> None:
    path = content / "tiny-story" / "positions.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    _, problems = load_story(content / "tiny-story")
    assert [(p.path.name, p.line, p.column) for p in problems] == [expected[:3]]
    assert expected[3] in problems[0].message


def test_a_page_says_when_the_sources_quote_no_one_from_a_side() -> None:
    (story,) = load_stories(FIXTURES / "coalition")
    # Over positions and answers together, both sides are quoted; the mediator is no side.
    assert [gap.names for gap in balance.unquoted(story, _claims(story))] == []
    accounts = [a for account in story.accounts for a in account.answers]
    (gap,) = balance.unquoted(story, accounts)
    assert (gap.names, gap.sources) == (["Northland"], ["wire-report"])
    pages = render_story(story)
    assert (
        "The sources quote no one from <bdi>Northland</bdi> directly on these questions"
        in pages[f"{story.id}/accounts.md"]
    )
    positions = pages[f"{story.id}/positions.md"]
    assert "balance-note" not in positions  # the Sea Council mediated: it is no party


def test_the_parties_a_page_quotes_no_one_from_are_named_in_one_note(tmp_path: Path) -> None:
    """A page that fails to quote several of its parties says so once, naming them all,
    each name isolated, with the sources of all their claims: not one note a party."""
    from bench import synth

    synth.write_content(tmp_path, stories=1)
    (story,) = load_stories(tmp_path)
    (gap,) = balance.unquoted(story, story.positions)
    assert len(gap.names) > 2 and not gap.everyone  # the synthetic story quotes some
    page = render_story(story)[f"{story.id}/positions.md"]
    assert page.count("balance-note") == 1
    who = ", ".join(f"<bdi>{name}</bdi>" for name in gap.names[:-1])
    assert f"quote none of {who} and <bdi>{gap.names[-1]}</bdi> directly" in page
    note = next(line for line in page.splitlines() if "balance-note" in line)
    assert all(note.count(f"<bdi>{name}</bdi>") == 1 for name in gap.names)  # each once
    cited = {
        s
        for c in story.positions
        if story.actor(c.actor or "").name in gap.names
        for s in c.sources
    }
    assert set(gap.sources) <= cited


@pytest.mark.parametrize("involvement", ["mediator", "host", "observer"])
def test_mediators_hosts_and_observers_are_not_sides_the_sources_fail_to_quote(
    content: Path, involvement: str
) -> None:
    positions = content / "tiny-story" / "positions.yml"
    positions.write_text(
        positions.read_text(encoding="utf-8")
        + "  - actor: host\n    issue: trade\n    stance: offered\n"
        "    summary: Offered its capital for the talks.\n    sources: [report]\n",
        encoding="utf-8",
    )
    actors = content / "tiny-story" / "actors.yml"
    actors.write_text(
        actors.read_text(encoding="utf-8")
        + "  - id: host\n    name: Lakeland\n    kind: government\n    role: Host\n"
        "    sources: [report]\n",
        encoding="utf-8",
    )
    (story,) = load_stories(content)
    assert "Lakeland" in [
        name for gap in balance.unquoted(story, story.positions) for name in gap.names
    ]
    actors.write_text(
        actors.read_text(encoding="utf-8").replace(
            "    role: Host\n", f"    role: Host\n    involvement: {involvement}\n"
        ),
        encoding="utf-8",
    )
    (story,) = load_stories(content)
    assert "Lakeland" not in [
        name for gap in balance.unquoted(story, story.positions) for name in gap.names
    ]
    assert (
        "no one from <bdi>Lakeland</bdi>"
        not in build_site(content).files["tiny-story/positions.md"]
    )


def test_a_page_quoting_every_party_has_no_balance_note(content: Path) -> None:
    accounts = content / "tiny-story" / "accounts.yml"
    text = accounts.read_text(encoding="utf-8")
    accounts.write_text(
        text.replace(
            "        summary: Side B would not move.\n",
            "        summary: Side B would not move.\n        quotations: [no-change]\n",
        ),
        encoding="utf-8",
    )
    page = build_site(content).files["tiny-story/accounts.md"]
    assert "balance-note" not in page
    page_before = build_site(MINIMAL).files["tiny-story/accounts.md"]
    assert "The sources quote no one from <bdi>Side A</bdi> directly" in page_before


def test_the_landing_page_counts_each_sides_quotations_and_sources() -> None:
    (story,) = load_stories(FIXTURES / "coalition")
    records = {r.side.id: r for r in balance.side_records(story)}
    harbour = records["harbour-side"]
    assert harbour.quotations == len(
        [q for q in story.quotations if balance.side_of_quotation(story, q) == harbour.side]
    )
    assert (records["northland-side"].quotations, harbour.quotations) == (2, 1)
    page = render_story(story)[f"{story.id}/index.md"]
    assert "<li><strong><bdi>Northland</bdi></strong>: 2 quotations and 2 sources</li>" in page
    harbour_line = "<li><strong><bdi>The Harbour Group</bdi></strong>: 1 quotation and 2 sources"
    assert f"{harbour_line}</li>" in page
    assert (
        "What the sources give each side"
        not in render_story(load_stories(MINIMAL)[0])["tiny-story/index.md"]
    )


def test_last_updated_is_the_newest_log_entry_or_else_the_publication(content: Path) -> None:
    page = build_site(content).files["tiny-story/index.md"]
    assert 'Last updated <time datetime="2020-02-01">1 February 2020</time>' in page
    story = content / "tiny-story" / "story.yml"
    text = story.read_text(encoding="utf-8")
    start = text.index("corrections:")
    story.write_text(
        text[:start].replace("updated: 2020-02-01", "published: 2020-01-05\nupdated: 2020-01-05"),
        encoding="utf-8",
    )
    page = build_site(content).files["tiny-story/index.md"]
    assert 'Published <time datetime="2020-01-05">5 January 2020</time>' in page
    assert "Last updated" not in page


def test_an_update_without_a_log_entry_is_warned_of(content: Path) -> None:
    story = content / "tiny-story" / "story.yml"
    text = story.read_text(encoding="utf-8")
    story.write_text(text.replace("updated: 2020-02-01", "updated: 2020-03-01"), "utf-8")
    (warning,) = load_content(content).warnings
    assert (warning.path.name, warning.line, warning.column) == ("story.yml", 8, 10)
    assert warning.message.startswith("updated (2020-03-01) is later than the newest entry")


def test_a_source_says_what_a_reader_cannot_check(content: Path) -> None:
    sources = content / "tiny-story" / "sources.yml"
    sources.write_text(
        sources.read_text(encoding="utf-8")
        + "  - id: supplied\n    title: A supplied memo\n    kind: memo\n",
        encoding="utf-8",
    )
    facts = content / "tiny-story" / "story.yml"
    facts.write_text(
        facts.read_text(encoding="utf-8").replace(
            "sources: [report]\nkey_facts", "sources: [report, supplied]\nkey_facts"
        ),
        encoding="utf-8",
    )
    page = build_site(content).files["tiny-story/sources.md"]
    assert "<cite>A supplied memo</cite> (memo). " in page
    assert (
        '<span class="source-unknown">Publisher and date not known. No web address.</span>' in page
    )
    report = next(line for line in page.splitlines() if 'id="source-report"' in line)
    assert "not known" not in report

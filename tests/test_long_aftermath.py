"""The model for many-party, long-running stories (issue 25), on the fixture
``tests/fixtures/long-aftermath``: a story written from CONTRIBUTING.md alone, with a de
facto authority, mediators, a host and an observer, eight years of events and reactions,
names in Latin and Cyrillic scripts. Its content is invented placeholder text.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from conftest import FIXTURES, profile, text_files

from devkit.content import edit_file, run_generator
from generator.content.errors import ContentErrors
from generator.content.load import load_stories
from generator.content.models import Reaction, reactions_in_order
from generator.content.types import parse_partial_date
from generator.render import balance
from generator.render.build import build_site

LONG = FIXTURES / "long-aftermath"
STORY = "example-ridge-talks"


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    files = text_files(build_site(LONG).files)
    return {path.removeprefix(f"{STORY}/"): text for path, text in files.items()}


def test_the_story_passes_check_strict_as_written() -> None:
    result = run_generator("check", str(LONG), "--strict")
    assert (result.returncode, result.stdout) == (0, "1 story checked, no problems found.\n")


def test_the_story_has_many_parties_a_long_span_and_two_scripts() -> None:
    (story,) = load_stories(LONG)
    assert len(story.actors) >= 9 and len(story.sides) == 2
    assert (story.meta.last_day - story.meta.first_day).days > 7 * 365
    names = [n.text for actor in story.actors for n in actor.native_names]
    assert any(re.search("[\u0400-\u04ff]", name) for name in names)  # Cyrillic
    assert all(re.fullmatch(r"[A-Za-z' ]+", actor.name) for actor in story.actors)  # Latin


def test_a_de_facto_authority_is_shown_as_such(pages: dict[str, str]) -> None:
    whos_who = pages["actors/index.md"]
    entry = whos_who.index("[<bdi>The Ridge Council</bdi>](#actor-ridge-council)")
    meta = whos_who.index('<span class="cast__meta">', entry)
    assert whos_who.startswith(
        "De facto or disputed authority", meta + len('<span class="cast__meta">')
    )
    page = profile(whos_who, "ridge-council")
    assert "recognised by Southmark alone. A de facto or disputed authority." in page


def test_whos_who_lists_each_actor_as_its_own_item(pages: dict[str, str]) -> None:
    whos_who = pages["actors/index.md"]
    assert "</sup>- [" not in whos_who  # two actors run together in one item
    assert '\n- <span class="cast__name">[<bdi>Mira Kaleva</bdi>](#actor-mira-kaleva)' in whos_who


def test_several_native_names_are_each_marked_with_their_language(pages: dict[str, str]) -> None:
    page = profile(pages["actors/index.md"], "stepan-orliv")
    assert '<p class="native-name" lang="uk" dir="auto">Степан Орлів</p>' in page
    assert '<p class="native-name" lang="ru" dir="auto">Степан Орлов</p>' in page
    assert (
        '<bdi lang="uk">Рада Хребта</bdi>, <bdi lang="ru">Совет Хребта</bdi>'
        in pages["actors/index.md"]
    )


def test_one_native_name_as_before_still_loads() -> None:
    (story,) = load_stories(FIXTURES / "coalition")
    assert [n.lang for n in story.actor("anna-berg").native_names] == ["ru"]


def test_reactions_are_shown_by_date_then_the_undated(pages: dict[str, str]) -> None:
    page = pages["reactions.md"]
    shown = re.findall(r'<span class="reaction-date"><time datetime="([\d-]+)">', page)
    assert shown == ["2015-02-13", "2018", "2022"]
    assert page.index("welcomed the ceasefire") < page.index("reported breaches")
    # The Harbour Forum's two reactions, one card, in date order (grouping: test_scan.py).
    assert page.index("reported breaches") < page.index("still not fully marked")


def _reaction(summary: str, date: str | None) -> Reaction:
    return Reaction.model_validate(
        {"actor": "a", "stance": "neutral", "summary": summary, "date": date, "sources": ["s"]}
    )


def test_reactions_in_order_places_a_month_after_its_days_and_keeps_ties_written() -> None:
    written = [
        _reaction("undated", None),
        _reaction("May", "2018-05"),
        _reaction("8 May", "2018-05-08"),
        _reaction("2017 first", "2017"),
        _reaction("2017 second", "2017"),
    ]
    assert [r.summary for r in reactions_in_order(written)] == [
        "2017 first",
        "2017 second",
        "8 May",
        "May",
        "undated",
    ]
    assert reactions_in_order([written[0]]) == [written[0]]


def test_a_speaker_who_is_no_actor_is_named_in_place_and_cited(pages: dict[str, str]) -> None:
    assert (
        "> <br>— <bdi>Ana Example</bdi>, Spokesperson of the Harbour Forum, "
        '<time datetime="2022">2022</time>. Presenting the Forum\'s last report.'
        '<sup class="cite">[6](sources.md#source-forum-report-2022)</sup>'
    ) in pages["outcomes.md"]


def test_a_named_speaker_counts_for_the_side_it_names(content: Path) -> None:
    quotations = content / "tiny-story" / "quotations.yml"
    edit_file(
        quotations,
        "    speaker: side-b\n",
        "    speaker: {name: Jane Example, role: Spokesperson}\n    side: camp-b\n",
    )
    actors = content / "tiny-story" / "actors.yml"
    actors.write_text(
        actors.read_text(encoding="utf-8")
        + "sides:\n  - id: camp-b\n    name: Side B\n    actors: [side-b]\n",
        encoding="utf-8",
    )
    (story,) = load_stories(content)
    (quotation,) = story.quotations
    assert quotation.speaker_id is None
    side = balance.side_of_quotation(story, quotation)
    assert side is not None and side.id == "camp-b"


def test_a_language_the_source_does_not_give_reads_translated(pages: dict[str, str]) -> None:
    line = next(line for line in pages["accounts.md"].splitlines() if "Our units" in line)
    assert line.startswith("> ")
    attribution = pages["accounts.md"].split(line, 1)[1].split("\n", 3)[1]
    assert "English subtitles give it. Translated.<sup" in attribution
    assert "Translated from" not in pages["accounts.md"]


def test_our_own_translation_says_so(pages: dict[str, str]) -> None:
    assert (
        "the second day of the talks. Our translation from Ukrainian.<sup"
        in (pages["positions.md"])
    )


def test_an_original_in_an_unknown_language_has_no_language_mark(content: Path) -> None:
    quotations = content / "tiny-story" / "quotations.yml"
    edit_file(
        quotations,
        "    context:",
        "    translation: {language: unknown, original: Rien ne change.}\n    context:",
    )
    pages = text_files(build_site(content).files)
    assert any("“<bdi>Rien ne change.</bdi>”" in page for page in pages.values())
    assert not any('lang="unknown"' in page for page in pages.values())


def test_a_headline_we_supplied_is_shown_in_brackets(pages: dict[str, str]) -> None:
    assert (
        '<li id="source-delegation-statement">&#91;Statement of the Northvale delegation on the '
        "second day of talks&#93; (printed statement)"
    ) in pages["sources.md"]
    assert "<cite>Ceasefire agreed after all-night talks in Lakeland</cite>" in pages["sources.md"]


def test_mediators_and_hosts_are_not_sides_the_sources_fail_to_quote(
    pages: dict[str, str],
) -> None:
    (story,) = load_stories(LONG)
    assert [gap.names for gap in balance.unquoted(story, story.positions)] == [
        ["Southmark and the Ridge Council"]
    ]
    for name in ("Contact Group", "Lakeland", "Harbour Forum"):
        assert f"no one from the {name}" not in pages["positions.md"]
        assert f"no one from {name}" not in pages["positions.md"]


def test_the_long_span_is_framed_by_phases() -> None:
    (story,) = load_stories(LONG)
    assert [phase.id for phase in story.phases] == ["run-up", "the-talks", "the-aftermath"]
    assert story.phases[-1].end == parse_partial_date("2022")
    assert story.meta.last_day == datetime.date(2022, 12, 31)


def test_a_native_name_written_as_text_shows_the_form_to_write(content: Path) -> None:
    edit_file(
        content / "tiny-story" / "actors.yml",
        "    kind: person\n",
        "    kind: person\n    native_name: Жан\n",
    )
    with pytest.raises(ContentErrors) as caught:
        load_stories(content)
    (error,) = caught.value.errors
    assert (error.path.name, error.line, error.column) == ("actors.yml", 11, 18)
    assert error.message == (
        "'native_name' should be a block of 'key: value' lines, but it is the text 'Жан'; "
        "write native_name: {text: Жан, lang: ...}"
    )

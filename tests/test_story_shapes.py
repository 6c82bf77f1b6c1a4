"""What real stories need beyond the first one: coalitions, sides, more stances,
translations, dates at any precision, fuller sources, and wording that assumes nothing.

The fixture ``tests/fixtures/coalition`` uses each of these; every name in it is invented.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, MINIMAL, MKDOCS_WARNING, profile, text_files
from sites import SiteCache

from generator.content.load import load_stories, load_story
from generator.content.models import Actor, PartialDate
from generator.render import dates, wording
from generator.render.abbr import glossary_of
from generator.render.build import build_site
from generator.render.navigation import story_nav
from generator.render.text import render_markdown

COALITION = FIXTURES / "coalition"
STORY_ID = "example-coalition-talks"


@pytest.fixture(scope="module")
def files() -> dict[str, str]:
    return text_files(build_site(COALITION).files)


@pytest.fixture
def story_dir(tmp_path: Path) -> Path:
    target = tmp_path / "content" / STORY_ID
    shutil.copytree(COALITION / STORY_ID, target)
    return target


def edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(folder: Path) -> list[tuple[str, int, int, str]]:
    _, found = load_story(folder)
    return [(p.path.name, p.line, p.column, p.message) for p in found]


# --- the model ------------------------------------------------------------------------


def test_the_coalition_story_loads_with_every_new_part() -> None:
    (story,) = load_stories(COALITION)
    group = story.actor("harbour-group")
    assert (group.kind, group.members, group.country) == (
        "group",
        ["eastport", "westport", "southport"],
        None,
    )
    assert [side.id for side in story.sides] == ["northland-side", "harbour-side"]
    assert story.side_of("jean-marin") is story.side("harbour-side")
    berg = story.quotation("berg-cap")
    assert berg.translation is not None and berg.translation.language == "ru"
    assert story.actor("anna-berg").native_name is not None
    assert (str(story.meta.start), str(story.meta.end)) == ("2015-07", "2018")
    framework = story.sources[0]
    assert (framework.identifier, framework.kind, framework.url) == (
        "HG/FW/2018/1",
        "treaty text",
        None,
    )


def test_todays_yaml_stays_valid() -> None:
    assert [story.id for story in load_stories(MINIMAL)] == ["tiny-story"]


@pytest.mark.parametrize(
    "name, old, new, expected",
    [
        (
            "actors.yml",
            "    kind: government\n    role: The government that asked",
            "    kind: government\n    members: [eastport]\n    role: The government that asked",
            (
                "actors.yml",
                5,
                14,
                "only a group (kind: group) has members, and this actor is a government; "
                "remove members, or write kind: group if it is in fact a coalition",
            ),
        ),
        (
            "actors.yml",
            "members: [eastport, westport, southport]",
            "members: [eastport, harbour-group]",
            ("actors.yml", 37, 14, "a group cannot be a member of itself; remove 'harbour-group'"),
        ),
        (
            "actors.yml",
            "actors: [northland, anna-berg]",
            "actors: [northland, anna-berg, jean-marin]",  # and on the Harbour Group's side
            (
                "actors.yml",
                69,
                60,
                "'jean-marin' is already on the side 'northland-side'; "
                "an actor belongs to one side at most",
            ),
        ),
        (
            "positions.yml",
            "  - side: harbour-side\n    issue: port-fees",
            "  - issue: port-fees",
            (
                "positions.yml",
                2,
                5,
                "say whose this is: add actor: with an actor's id, or side: with a side's id",
            ),
        ),
        (
            "positions.yml",
            "side: harbour-side\n    issue: port-fees",
            "side: harbour-sde\n    issue: port-fees",
            (
                "positions.yml",
                2,
                11,
                "unknown side 'harbour-sde'; did you mean 'harbour-side'? "
                "use an id defined in actors.yml",
            ),
        ),
        (
            "quotations.yml",
            "      language: fr",
            "      language: French",
            (
                "quotations.yml",
                17,
                17,
                "'French' is not a language code; write the two-letter code of the language, "
                "such as 'ko' for Korean, 'fa' for Persian or 'zh-Hant' for traditional Chinese, "
                "or 'unknown' when the source does not say",
            ),
        ),
        (
            "story.yml",
            "end: 2018",
            "end: 2014",
            (
                "story.yml",
                11,
                6,
                "the end (2014) is before the start (2015-07); swap them or fix the date",
            ),
        ),
    ],
    ids=[
        "members-of-a-government",
        "group-in-itself",
        "actor-on-two-sides",
        "position-of-nobody",
        "unknown-side",
        "language-name",
        "end-before-start",
    ],
)
def test_mistakes_in_the_new_fields_are_located(
    story_dir: Path,
    name: str,
    old: str,
    new: str,
    expected: tuple[str, int, int, str],
) -> None:
    edit(story_dir, name, old, new)
    assert problems(story_dir) == [expected]


# --- dates ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "start, end, expected",
    [
        ((2019, 2, 27), (2019, 2, 27), "27 February 2019"),
        ((2019, 2, 27), (2019, 2, 28), "27–28 February 2019"),
        ((2019, 2, 27), (2019, 3, 3), "27 February – 3 March 2019"),
        ((2002, None, None), (2018, None, None), "2002–2018"),
        ((2015, 7, None), (2018, 5, None), "July 2015 – May 2018"),
        ((2018, 12, 30), (2019, 1, 2), "30 December 2018 – 2 January 2019"),
    ],
)
def test_a_storys_dates_say_what_both_ends_share_once(
    start: tuple[int, int | None, int | None],
    end: tuple[int, int | None, int | None],
    expected: str,
) -> None:
    assert "".join(dates.range_parts(PartialDate(*start), PartialDate(*end))) == expected


@pytest.mark.parametrize(
    "start, end, expected",
    [
        (PartialDate(2019, 2, 27), PartialDate(2019, 2, 28), ""),
        (PartialDate(2018, 1), PartialDate(2019, 3), "over a year"),
        (PartialDate(2002), PartialDate(2018), "about 17 years"),
        (PartialDate(2015, 7), PartialDate(2018, 5), "about 3 years"),
    ],
)
def test_a_story_spanning_years_says_so(
    start: PartialDate, end: PartialDate, expected: str
) -> None:
    assert dates.duration_phrase(start, end) == expected


def test_landing_page_and_home_card_give_the_range_and_how_long(files: dict[str, str]) -> None:
    for page in ("index.md", f"{STORY_ID}/index.md"):
        assert (
            '<time datetime="2015-07">July 2015</time> – <time datetime="2018">2018</time> '
            "(about 4 years)" in files[page]
        ), page


# --- pages ----------------------------------------------------------------------------


def test_positions_are_set_side_by_side_by_camp(files: dict[str, str]) -> None:
    page = files[f"{STORY_ID}/positions.md"]
    fees = page[page.index("## <bdi>Port fees</bdi>") : page.index("## <bdi>Fishing rights</bdi>")]
    columns = re.findall(r"^\*\*(.+?)\*\*$", fees, flags=re.MULTILINE)
    assert columns == [
        "<bdi>Northland</bdi>",
        "<bdi>The Harbour Group</bdi>",
    ]  # the sides, in their order
    # A whole side's position is written once, under the side, with no actor named.
    assert '<span class="basis basis--reported">Reported</span>: The group proposed' in fees
    # A member's position names the member; an actor who is not on a side gets a column.
    fishing = page[page.index("## <bdi>Fishing rights</bdi>") :]
    assert (
        '<strong class="claim-stance">Rejected</strong> <span class="basis basis--stated">'
        "Stated</span> ([<bdi>Jean Marin</bdi>]" in fishing
    )
    assert "**[<bdi>The Sea Council</bdi>](actors/index.md#actor-sea-council)**" in fishing
    assert '<span class="basis basis--analysis">Analysis &#40;Example Wire&#41;</span>:' in fishing


def test_an_account_may_be_a_sides(files: dict[str, str]) -> None:
    page = files[f"{STORY_ID}/accounts.md"]
    stated = '<span class="basis basis--stated">Stated</span>'
    assert f"**<bdi>Northland</bdi>**\n\n{stated}: The coalition could not agree" in page


def test_a_translated_quotation_shows_the_original_and_who_translated(
    files: dict[str, str],
) -> None:
    page = files[f"{STORY_ID}/positions.md"]
    (story,) = load_stories(COALITION)
    translation = story.quotation("berg-cap").translation
    assert translation is not None and translation.original
    assert (
        f'<span class="quote-original">“<bdi lang="ru">{translation.original}</bdi>”</span>' in page
    )
    assert "Translated from Russian by Example Wire." in page
    assert "Translated from French." in page  # translator unknown


def test_groups_list_their_members_and_members_their_groups(files: dict[str, str]) -> None:
    whos_who = files[f"{STORY_ID}/actors/index.md"]
    assert "### Groups and coalitions { #group }" in whos_who
    members = (
        "Members: [<bdi>Eastport</bdi>](#actor-eastport), "
        "[<bdi>Westport</bdi>](#actor-westport), [<bdi>Southport</bdi>](#actor-southport)"
    )
    assert members in whos_who.split("## Profiles")[0]  # in the cast list
    assert members in profile(whos_who, "harbour-group")  # and in the group's profile
    assert "Member of: [<bdi>The Harbour Group</bdi>](#actor-harbour-group)." in profile(
        whos_who, "eastport"
    )
    lines = profile(whos_who, "harbour-group").splitlines()
    assert lines[0] == "### <bdi>The Harbour Group</bdi> { #actor-harbour-group .profile__name }"
    summary = next(line for line in lines[1:] if line and not line.startswith("<p "))
    assert summary.startswith("The coalition of three port states that negotiated as one.<sup")


def test_a_name_in_its_own_script_carries_its_language(files: dict[str, str]) -> None:
    whos_who = files[f"{STORY_ID}/actors/index.md"]
    page = profile(whos_who, "anna-berg")
    assert '<p class="native-name" lang="ru" dir="auto">Анна Берг</p>' in page
    assert '<bdi lang="ru">Анна Берг</bdi>' in whos_who.split("## Profiles")[0]


@pytest.mark.parametrize(
    "role, country, expected",
    [
        ("Leader", "North Korea", "Leader (North Korea)"),
        ("Leader of North Korea", "North Korea", "Leader of North Korea"),
        ("Envoy", None, "Envoy"),
        ("Envoy", "Korea (North)", "Envoy; Korea (North)"),
        ("Envoy (acting)", "Iran", "Envoy (acting); Iran"),
    ],
)
def test_an_actors_summary_never_repeats_or_nests_brackets(
    role: str, country: str | None, expected: str
) -> None:
    actor = Actor(
        id="someone", name="Someone", kind="person", role=role, country=country, sources=["s"]
    )
    assert wording.actor_summary(actor) == expected


def test_reactions_are_of_countries_only_when_every_reactor_is_a_government(
    files: dict[str, str],
) -> None:
    assert "How others reacted." in files[f"{STORY_ID}/index.md"]
    assert "How other countries reacted." in build_site(MINIMAL).files["tiny-story/index.md"]


def test_sources_give_kind_identifier_archive_and_say_when_not_online(
    files: dict[str, str],
) -> None:
    page = files[f"{STORY_ID}/sources.md"]
    assert (
        "<cite>Framework on port fees and fishing rights</cite> (treaty text), HG/FW/2018/1, "
        in page
    )
    framework = next(line for line in page.splitlines() if "source-framework-text" in line)
    assert "No web address." in framework
    gazette = next(line for line in page.splitlines() if "source-gazette" in line)
    assert (
        '<a href="https://web.archive.org/web/2016/https://example.org/gazette/2015-07"' in gazette
    )
    assert "not known" not in gazette


def test_involved_actors_are_separated_by_a_comma_and_a_space(files: dict[str, str]) -> None:
    page = files[f"{STORY_ID}/timeline.md"]
    assert (
        "Involved: [<bdi>Northland</bdi>](actors/index.md#actor-northland), "
        "[<bdi>The Harbour Group</bdi>](actors/index.md#actor-harbour-group), "
        "[<bdi>The Sea Council</bdi>](actors/index.md#actor-sea-council)" in page
    )


def test_quote_credit_gives_the_date_then_the_context_as_a_sentence(
    files: dict[str, str],
) -> None:
    page = files[f"{STORY_ID}/positions.md"]
    assert (
        "— [<bdi>Anna Berg</bdi>](actors/index.md#actor-anna-berg), "
        '<time datetime="2016-03-02">2 March 2016</time>. '
        "Berg on the single port fee." in page
    )


def test_glossary_terms_are_marked_only_as_whole_terms() -> None:
    (story,) = load_stories(COALITION)
    prose = render_markdown("The E3+3 format and E3-led talks did not meet; the E3 met.")
    html = glossary_of(story.glossary).mark(prose)
    assert html.count("<abbr") == 1
    assert '<abbr title="A group of three states that negotiate together.">E3</abbr> met.' in html


def test_section_cards_do_not_repeat_the_story_title(files: dict[str, str]) -> None:
    page = files[f"{STORY_ID}/index.md"]
    cards = page[page.index("## In this explainer") : page.index("## Open data")]
    assert "How the Northland talks" not in cards


def test_the_landing_page_has_one_name_in_sidebar_and_footer() -> None:
    (story,) = load_stories(COALITION)
    assert story_nav(story)[0] == (story.meta.title, f"{STORY_ID}/index.md")


def test_the_coalition_story_builds_strictly_with_languages_marked(sites: SiteCache) -> None:
    built = sites.build(COALITION)  # built once per run: test_pages.py checks it too
    assert not MKDOCS_WARNING.search(built.log), built.log
    site = built.folder
    whos_who = (site / STORY_ID / "actors" / "index.html").read_text()
    anna_berg = whos_who[whos_who.index('id="actor-anna-berg"') :]
    assert '<p class="native-name" lang="ru" dir="auto">Анна Берг</p>' in anna_berg
    positions = (site / STORY_ID / "positions" / "index.html").read_text()
    assert 'class="quote-original">“<bdi lang="ru">' in positions
    background = (site / STORY_ID / "background" / "index.html").read_text()
    assert "E3+3" in background and background.count("<abbr") == 1


# --- what a new editor ran into (a trial story written from the guide alone) ---------


def test_an_actor_cannot_speak_for_the_other_side(story_dir: Path) -> None:
    edit(
        story_dir,
        "positions.yml",
        "  - actor: northland\n    issue: fishing",
        "  - actor: northland\n    side: harbour-side\n    issue: fishing",
    )
    assert problems(story_dir) == [
        (
            "positions.yml",
            15,
            11,
            "'northland' is on the side 'northland-side' (sides in actors.yml), not "
            "'harbour-side'; write side: northland-side, or leave side out",
        )
    ]


@pytest.mark.parametrize(
    "old, new, hint",
    [
        ("stance: rejected", "stance: opposed", "for 'opposed', use 'refused' or 'rejected'; "),
        ("kind: group", "kind: coalition", "for 'coalition', use 'group'; "),
    ],
)
def test_a_word_that_means_a_value_is_answered_by_meaning_not_spelling(
    story_dir: Path, old: str, new: str, hint: str
) -> None:
    edit(story_dir, "positions.yml" if "stance" in old else "actors.yml", old, new)
    ((*_, message),) = problems(story_dir)
    assert hint in message and "did you mean" not in message


@pytest.mark.parametrize(
    "written, advice",
    [
        ("20/07/2015", "write 2015-07-20 (year-month-day)"),
        ("2016-1", "write 2016-01 (two digits for months and days)"),
        ("07/05/2016", "write 2016-05-07 if the day comes first, or 2016-07-05 if the month does"),
    ],
)
def test_a_date_in_another_form_is_told_how_to_write_it(
    story_dir: Path, written: str, advice: str
) -> None:
    edit(story_dir, "timeline.yml", "date: 2016-03-02", f"date: {written}")
    ((*_, message),) = problems(story_dir)
    assert message.startswith(f"'{written}' is not a date; {advice}")


def test_a_key_one_space_too_far_is_called_an_indentation_slip(story_dir: Path) -> None:
    edit(story_dir, "issues.yml", "    name: Port fees", "     name: Port fees")
    ((name, line, _, message),) = problems(story_dir)
    assert (name, line) == ("issues.yml", 3)
    assert "'name:' is one space to the right of the key above it" in message


def test_words_after_a_hash_are_warned_of(story_dir: Path) -> None:
    edit(story_dir, "reactions.yml", "called it too weak.", "called it too weak #fail.")
    (story,) = load_stories(story_dir.parent)  # the text is cut, silently to YAML
    assert story.reactions[0].summary.endswith("called it too weak")
    from generator.content.load import load_content

    (warning,) = load_content(story_dir.parent).warnings
    assert (warning.path.name, warning.line) == ("reactions.yml", 4)
    assert "the words after ' #' are read as a comment" in warning.message


def test_a_month_comes_after_the_days_dated_in_it() -> None:
    (story,) = load_stories(COALITION)
    extra = story.events[1].model_copy(
        update={"id": "later-in-march", "date": PartialDate(2016, 3)}
    )
    ordered = story.model_copy(update={"events": [*story.events, extra]}).events_in_order()
    ids = [event.id for event in ordered]
    assert ids.index("talks-stall") < ids.index("later-in-march")  # 2 March, then "March"


def test_sides_named_with_the_read_in_sentences_in_lower_case(files: dict[str, str]) -> None:
    page = files[f"{STORY_ID}/positions.md"]
    assert "where each side stood: Northland and the Harbour Group, side by side" in page


def test_a_page_quoting_no_party_says_so_once(story_dir: Path) -> None:
    edit(story_dir, "accounts.yml", "        quotations: [marin-fleet]\n", "")
    page = text_files(build_site(story_dir.parent).files)[f"{STORY_ID}/accounts.md"]
    assert page.count("balance-note") == 1
    assert (
        "The sources quote no one from <bdi>Northland</bdi> or <bdi>the Harbour Group</bdi> "
        "directly" in page  # each name isolated on its own (bidirectional text)
    )


@pytest.mark.parametrize(
    "role, country, expected",
    [
        ("Led the US delegation", "United States", "Led the US delegation"),
        ("A U.S. envoy", "United States", "A U.S. envoy"),
        ("Envoy to the USAID board", "United States", "Envoy to the USAID board (United States)"),
    ],
)
def test_a_country_named_by_its_initials_is_not_repeated(
    role: str, country: str, expected: str
) -> None:
    actor = Actor(
        id="someone", name="Someone", kind="person", role=role, country=country, sources=["s"]
    )
    assert wording.actor_summary(actor) == expected


def test_a_members_profile_shows_what_its_whole_side_took(files: dict[str, str]) -> None:
    whos_who = files[f"{STORY_ID}/actors/index.md"]
    page = profile(whos_who, "harbour-group")
    assert "#### What their side wanted { #actor-harbour-group--side-positions }" in page
    assert "The group proposed one fee for all three ports" in page
    assert "What their side wanted" not in profile(whos_who, "sea-council")

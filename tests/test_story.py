"""The first story loads, every reference resolves, and its quotations are verbatim."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT

from generator.content.load import load_stories
from generator.content.models import Story

pytestmark = pytest.mark.content  # the first story's facts, not the code's

ARTICLE = ROOT.parent / "shared" / "source-material" / "hanoi-summit-2019-article.txt"
PASSAGES = ROOT / "tests" / "data" / "hanoi-quotation-passages.yml"
"""Each quotation from a source other than the article, beside the passage that prints it."""


def passages() -> list[dict[str, Any]]:
    """The entries of PASSAGES: quotation id, the source's url, the passage, said_in."""
    return list(yaml.safe_load(PASSAGES.read_text(encoding="utf-8"))["passages"])


@pytest.fixture(scope="module")
def hanoi() -> Story:
    (story,) = load_stories(ROOT / "content", "hanoi-summit-2019")  # by id: others may exist
    return story


def test_story_has_every_part(hanoi: Story) -> None:
    assert hanoi.meta.place == "Hanoi, Vietnam"
    assert (str(hanoi.meta.start), str(hanoi.meta.end)) == (
        "2019-02-27",
        "2019-02-28",
    )
    for part in ("background", "actors", "issues", "positions", "accounts", "outcomes",
                 "reactions", "events", "quotations", "sources", "glossary"):  # fmt: skip
        assert getattr(hanoi, part), f"the story has no {part}"


def test_differing_accounts_set_trump_beside_ri_yong_ho(hanoi: Story) -> None:
    accounts = {account.id: account for account in hanoi.accounts}
    for question in ("why-no-deal", "what-north-korea-offered"):
        answers = {a.actor for a in accounts[question].answers}
        assert answers >= {"donald-trump", "ri-yong-ho"}, question


def test_every_account_answers_from_both_sides(hanoi: Story) -> None:
    sides = {side.id: set(side.actors) for side in hanoi.sides}
    for account in hanoi.accounts:
        answers = {a.actor for a in account.answers}
        assert answers & sides["us-side"] and answers & sides["north-korean-side"], account.id


def test_reactions_from_the_article_and_from_around_the_world(hanoi: Story) -> None:
    reactors = {r.actor for r in hanoi.reactions}
    assert {"south-korea", "china"} <= reactors  # the article's two
    assert {"shinzo-abe", "russia", "vietnam", "un-secretary-general"} <= reactors


def test_one_reaction_card_per_country(hanoi: Story) -> None:
    countries = [hanoi.actor(r.actor).country or r.actor for r in hanoi.reactions]
    assert len(countries) == len(set(countries)), countries


def test_timeline_runs_from_the_korean_war_to_the_aftermath(hanoi: Story) -> None:
    years = {event.first_day.year for event in hanoi.events}
    assert len(hanoi.events) >= 20 and min(years) == 1950 and max(years) >= 2019
    titles = [phase.title for phase in hanoi.phases]
    assert titles == ["Before Singapore", "Between the summits", "Hanoi summit", "After Hanoi"]


def test_the_missile_test_pause_is_not_a_false_exact_day(hanoi: Story) -> None:
    pause = next(e for e in hanoi.events if e.id == "missile-test-pause")
    assert not hasattr(pause.date, "precision") or pause.date.precision != "day"


def normalise(text: str) -> str:
    """Text without spaces: the article runs words together ("North Koreawanted"), and
    a quotation may fix only that."""
    return "".join(text.split())


@pytest.mark.skipif(not ARTICLE.exists(), reason="the source article is not beside this clone")
def test_every_quotation_is_verbatim_from_the_article(hanoi: Story) -> None:
    article = normalise(ARTICLE.read_text(encoding="utf-8"))
    for quotation in hanoi.quotations:
        if "article" in quotation.sources:
            assert normalise(quotation.text) in article, quotation.id


ARTICLE_QUOTATIONS = [
    "a great leader", "very good and constructive meetings", "what can happen",
    "a wonderful potential", "complete, verifiable and irreversible",
    "basically North Korea wanted all sanctions lifted in their entirety for only partial "
    "denuclearization, and we couldn\u2019t do that",
    "relations with Kim Jong-un are strong, but this time we decided not to sign anything",
    "What matters is to make the right agreement", "very special",
    "I think, intuitively, that we can produce good results", "racism and lies",
    "regrettable that President Trump and the North Korean leader did not reach a complete "
    "agreement on the summit",
    "significant progress has been made compared to any other point in the past",
    "dialogue and communications can continue, as both sides showed sincerity",
    "significant improvements", "a good opportunity",
    "close contacts for the epochal development of US-North Korea relations",
]  # fmt: skip
"""Every quotation the source article prints, as the story quotes it (typos fixed)."""


def test_no_quotation_of_the_article_is_lost_in_the_re_sourcing(hanoi: Story) -> None:
    texts = {" ".join(q.text.split()) for q in hanoi.quotations}
    assert [text for text in ARTICLE_QUOTATIONS if text not in texts] == []


@pytest.mark.skipif(not ARTICLE.exists(), reason="the source article is not beside this clone")
def test_the_list_of_the_articles_quotations_is_the_articles(hanoi: Story) -> None:
    article = normalise(ARTICLE.read_text(encoding="utf-8"))
    assert [t for t in ARTICLE_QUOTATIONS if normalise(t) not in article] == []


def test_the_supplied_article_is_named_as_what_it_is(hanoi: Story) -> None:
    article = next(s for s in hanoi.sources if s.id == "article")
    assert article.kind is not None and "supplied" in article.kind and "publisher" in article.kind


def test_the_article_typos_are_not_repeated(hanoi: Story) -> None:
    text = (ROOT / "content" / "hanoi-summit-2019").as_posix()
    corpus = " ".join(p.read_text() for p in Path(text).glob("*.yml"))
    for typo in ("12nd", "stopthe", "former layer", "MichaelCohen", "any date has been set"):
        assert typo not in corpus, typo


def test_every_quotation_from_another_source_is_kept_beside_its_passage(hanoi: Story) -> None:
    kept = [entry["quotation"] for entry in passages()]
    assert len(kept) == len(set(kept)), "a quotation is kept twice"
    others = {q.id for q in hanoi.quotations if "article" not in q.sources}
    assert others == set(kept)


@pytest.mark.parametrize("entry", passages(), ids=lambda entry: entry["quotation"])
def test_a_quotation_is_verbatim_in_its_passage_and_marked_if_translated(
    hanoi: Story, entry: dict[str, Any]
) -> None:
    quotation = next(q for q in hanoi.quotations if q.id == entry["quotation"])
    # Only line breaks are folded: the words, punctuation and apostrophes must match.
    assert " ".join(quotation.text.split()) in " ".join(entry["passage"].split())
    assert entry["url"] in {s.url for s in hanoi.sources if s.id in quotation.sources}
    language = quotation.translation.language if quotation.translation else None
    assert language == entry.get("said_in"), "a translated quotation says from what"


def test_the_supplied_article_and_wikipedia_carry_few_citations_and_no_quotation_repeats(
    hanoi: Story,
) -> None:
    from scripts.sourcing import measure

    measures = measure(ROOT / "content", hanoi)
    assert measures.share({"article"}) <= 0.15, measures.links["article"]
    assert measures.share(measures.wikipedia) <= 0.05
    assert (measures.in_more_than_one_chapter(), measures.twice) == ({}, {})
    # The landing page, one chapter and the speaker's own page, at most.
    assert measures.on_more_pages_than(3) == {}


def test_the_sourcing_measures_see_a_repeated_quotation(tmp_path: Path) -> None:
    from scripts.sourcing import measure

    story = tmp_path / "hanoi-summit-2019"
    shutil.copytree(ROOT / "content" / "hanoi-summit-2019", story)
    positions = story / "positions.yml"
    text = positions.read_text(encoding="utf-8")
    positions.write_text(
        text.replace(
            "    quotations: [us-cvid]\n", "    quotations: [us-cvid, trump-sanctions-entirety]\n"
        ),
        encoding="utf-8",
    )
    (copy,) = load_stories(tmp_path)
    measures = measure(tmp_path, copy)
    assert list(measures.in_more_than_one_chapter()) == ["trump-sanctions-entirety"]
    # printed in two chapters; the lead quotation on two pages (the landing page and its
    # chapter: Trump's own page links to it), so no quotation is on three
    assert sorted(measures.pages["trump-sanctions-entirety"]) == [
        "hanoi-summit-2019/accounts.md",
        "hanoi-summit-2019/positions.md",
    ]
    assert set(measures.on_more_pages_than(1)) >= {
        "trump-sanctions-entirety",
        "trump-sometimes-walk",
    }
    assert measures.on_more_pages_than(2) == {}

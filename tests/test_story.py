"""The first story loads, every reference resolves, and its quotations are verbatim."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from generator.load import load_stories
from generator.models import Story

ARTICLE = ROOT.parent / "shared" / "source-material" / "hanoi-summit-2019-article.txt"


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
    (account,) = hanoi.accounts
    assert {a.actor for a in account.answers} >= {"donald-trump", "ri-yong-ho"}


def test_reactions_of_south_korea_and_china(hanoi: Story) -> None:
    assert {r.actor for r in hanoi.reactions} == {"south-korea", "china"}


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


def test_the_article_typos_are_not_repeated(hanoi: Story) -> None:
    text = (ROOT / "content" / "hanoi-summit-2019").as_posix()
    corpus = " ".join(p.read_text() for p in Path(text).glob("*.yml"))
    for typo in ("12nd", "stopthe", "former layer", "MichaelCohen", "any date has been set"):
        assert typo not in corpus, typo

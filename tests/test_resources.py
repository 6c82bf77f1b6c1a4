"""Content cannot make the build's time or memory grow faster than the content: each
resource problem of issue 19 (and each limit an editor is told about) has a test here.

Growth is shown by counting work (comparisons, bytes, menu entries) at two sizes, never
by timing: timings belong to bench/, as ratios against a baseline.
"""

from __future__ import annotations

import difflib
import re
import shutil
from pathlib import Path

import pytest
from conftest import mkdocs_build

from devkit.content import grow_story
from generator.content.load import load_stories, load_story
from generator.content.models import (
    ACTORS_AT_MOST,
    DEFINITION_CHARS_AT_MOST,
    GLOSSARY_TERMS_AT_MOST,
)
from generator.render.navigation import story_nav
from generator.render.pages import render_story


class CountingMatcher(difflib.SequenceMatcher[str]):
    """difflib's matcher, counting the words it is asked to compare with another."""

    compared = 0

    def set_seq1(self, a: str) -> None:  # type: ignore[override]
        CountingMatcher.compared += 1
        super().set_seq1(a)


def _near_misses(content: Path, count: int) -> list[str]:
    """The problems `check` reports when an event cites ``count`` unknown sources, each a
    near miss of a known one."""
    grow_story(content / "tiny-story", unknown_sources=count)
    _, problems = load_story(content / "tiny-story")
    return [p.message for p in problems if not p.is_warning]


def test_did_you_mean_is_linear_in_the_unknown_ids(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Issue 19, item 6: 2,000 unknown ids, each compared with every one of 2,000 known ids
    # for its "did you mean", took 576 s.
    monkeypatch.setattr(difflib, "SequenceMatcher", CountingMatcher)
    work = []
    for count in (200, 400):
        copy = tmp_path / f"at-{count}"
        shutil.copytree(content, copy)
        CountingMatcher.compared = 0
        messages = _near_misses(copy, count)
        assert len(messages) == count
        assert "unknown source 'dispach-0007'; did you mean 'dispatch-0007'?" in messages[7]
        work.append(CountingMatcher.compared)
    assert work[1] <= 2.2 * work[0], f"comparisons at 200 and 400 unknown ids: {work}"


# --- a story at the limits, and one past each ---------------------------------------


def test_page_markdown_does_not_carry_the_glossary(content: Path, tmp_path: Path) -> None:
    # Issue 19, item 4: every page carried every definition, rescanned once per term by
    # Python-Markdown: 2,000 terms took 83 s. What a page hands to Markdown now grows
    # with the glossary only on the glossary page (and where the terms are used).
    sizes = []
    for terms in (50, 100):
        copy = tmp_path / f"terms-{terms}"
        shutil.copytree(content, copy)
        grow_story(copy / "tiny-story", terms=terms)
        (story,) = load_stories(copy)
        pages = render_story(story)
        sizes.append(
            {p: len(text) for p, text in pages.items() if p.endswith(".md") and "glossary" not in p}
        )
    grew = {p: sizes[1][p] - sizes[0][p] for p in sizes[0]}
    assert grew.pop("tiny-story/background.md") > 0  # the terms are used there
    assert not any(grew.values()), grew


def test_the_menu_does_not_list_every_actor(content: Path, tmp_path: Path) -> None:
    # Issue 19, item 7: every actor page's menu listed every actor, a site growing with
    # the square of the actors (1,000 actors: 341 MB).
    entries = []
    for actors in (10, 20):
        copy = tmp_path / f"actors-{actors}"
        shutil.copytree(content, copy)
        grow_story(copy / "tiny-story", actors=actors)
        (story,) = load_stories(copy)
        entries.append(len(repr(story_nav(story))))
    assert entries[0] == entries[1]


def test_a_story_exactly_at_every_limit_builds(content: Path, tmp_path: Path) -> None:
    # 100 actors, 200 terms of 1,000-character definitions, each used twice: a build of
    # a few seconds, each definition printed once a page, every actor's profile on Who's
    # who and no actor listed on the other pages.
    story = content / "tiny-story"
    grow_story(story, actors=ACTORS_AT_MOST - 2, terms=GLOSSARY_TERMS_AT_MOST - 1,
         definition=DEFINITION_CHARS_AT_MOST)  # fmt: skip
    assert load_stories(content)  # at the limits: no problem
    site = tmp_path / "site"
    result = mkdocs_build(site, content=content)
    assert result.returncode == 0, result.stderr
    background = (site / "tiny-story" / "background" / "index.html").read_text()
    assert background.count("<abbr") == GLOSSARY_TERMS_AT_MOST
    assert background.count("term0150 is meant. " * 52) == 1  # in its title, once
    whos_who = (site / "tiny-story" / "actors" / "index.html").read_text()
    assert len(re.findall(r'<h3 class="profile__name" id="actor-', whos_who)) == ACTORS_AT_MOST
    assert [p.name for p in (site / "tiny-story" / "actors").iterdir()] == ["index.html"]
    assert "delegate-052" not in background and "delegate-007" not in background


PAST = {
    "actors": (
        {"actors": ACTORS_AT_MOST - 1},
        "actors.yml",
        f"a story has {ACTORS_AT_MOST} actors at most (each has a profile on Who's who), "
        f"and this one has {ACTORS_AT_MOST + 1}",
    ),
    "terms": (
        {"terms": GLOSSARY_TERMS_AT_MOST},
        "glossary.yml",
        f"a glossary holds {GLOSSARY_TERMS_AT_MOST} terms at most, and this one has "
        f"{GLOSSARY_TERMS_AT_MOST + 1}; keep the terms readers of this story need",
    ),
    "definition": (
        {"terms": 1, "definition": DEFINITION_CHARS_AT_MOST + 1},
        "glossary.yml",
        f"a definition is a sentence or two, {DEFINITION_CHARS_AT_MOST:,} characters at most",
    ),
}


@pytest.mark.parametrize("case", PAST.values(), ids=PAST.keys())
def test_a_story_past_a_limit_is_told_which_and_where(
    content: Path, case: tuple[dict[str, int], str, str]
) -> None:
    growth, filename, message = case
    grow_story(content / "tiny-story", **growth)
    _, problems = load_story(content / "tiny-story")
    found = [str(p) for p in problems if not p.is_warning]
    assert len(found) == 1 and f"tiny-story/{filename}:" in found[0], found
    assert message in found[0]


def test_the_guide_states_every_limit_as_the_code_does() -> None:
    from conftest import ROOT

    from generator.content.pictures import MAX_BYTES as PICTURE_BYTES
    from generator.content.pictures import MAX_SIDE
    from generator.content.types import FIRST_YEAR, LAST_YEAR
    from generator.content.yamlsource import MAX_BYTES

    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    limits = guide[guide.index("## Limits") :].split("\n## ", 1)[0]
    for shown in (
        f"| A YAML file | {MAX_BYTES:,} bytes",
        f"| A picture | {PICTURE_BYTES // 1_000_000} MB, {MAX_SIDE} pixels",
        f"| Actors in `actors.yml` | {ACTORS_AT_MOST} |",
        f"| Terms in `glossary.yml` | {GLOSSARY_TERMS_AT_MOST} |",
        f"| A glossary `definition` | {DEFINITION_CHARS_AT_MOST:,} characters |",
        f"| A date's year | {FIRST_YEAR} to {LAST_YEAR} |",
    ):
        assert shown in limits, shown

"""Warnings: each one at the exact line and column of what it is about, never an error."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import markdown
import pytest
from conftest import MINIMAL, mkdocs_build

from devkit.content import edit_file
from generator.content.errors import ContentErrors, Problem
from generator.content.load import check_content, load_content
from generator.render.abbr import Glossary
from generator.render.build import build_site
from generator.render.text import escape_markdown
from generator.tools.scaffold import create_story

STORY = "tiny-story"
HTTP_WARNING = (
    "an http:// address; write https:// if the page opens with it (keep http:// only for "
    "a page that has no https:// version; for a source's url, say why under no_https)"
)


def edit(content: Path, name: str, old: str, new: str) -> None:
    edit_file(content / STORY / name, old, new)


def warnings_of(content: Path) -> list[tuple[str, int, int, str]]:
    warnings = load_content(content).warnings
    assert all(problem.is_warning for problem in warnings)
    return [(p.path.name, p.line, p.column, p.message) for p in warnings]


def test_the_practice_story_has_no_warnings() -> None:
    assert load_content(MINIMAL).warnings == []


# Each case: (file, old text, new text) -> the one warning: (file, line, column, message).
WARNINGS = {
    "source nothing cites": (
        (
            "sources.yml",
            "    url: https://example.org/report\n",
            "    url: https://example.org/report\n  - id: other-report\n    title: Another\n",
        ),
        (
            "sources.yml",
            7,
            9,
            "source 'other-report' is never cited; cite it with sources: [other-report] "
            "where it supports a fact, or delete it",
        ),
    ),
    "placeholder text": (
        ("timeline.yml", "title: Talks open", 'title: "TODO: short title shown on the chart"'),
        (
            "timeline.yml",
            14,
            12,
            "placeholder text from new-story ('TODO'); write the story's own text here, "
            "or delete what the story does not need",
        ),
    ),
    "placeholder id": (
        ("outcomes.yml", "id: no-deal", "id: todo-outcome"),
        (
            "outcomes.yml",
            2,
            9,
            "id 'todo-outcome' is a placeholder from new-story; choose an id that says what "
            "it is, and change it wherever it is used",
        ),
    ),
    "quotation in typographic quotation marks": (
        ("quotations.yml", "text: We will not change anything.", "text: “We will not change.”"),
        (
            "quotations.yml",
            4,
            11,
            "the quotation's text starts or ends with a quotation mark; delete the quotation "
            "marks around the words: the site adds its own",
        ),
    ),
    "quotation in straight quotation marks": (
        ("quotations.yml", "text: We will not change anything.", "text: '\"We will not.\"'"),
        (
            "quotations.yml",
            4,
            11,
            "the quotation's text starts or ends with a quotation mark; delete the quotation "
            "marks around the words: the site adds its own",
        ),
    ),
    "quotation in single quotation marks": (
        ("quotations.yml", "text: We will not change anything.", "text: \u2018We will not.\u2019"),
        (
            "quotations.yml",
            4,
            11,
            "the quotation's text starts or ends with a quotation mark; delete the quotation "
            "marks around the words: the site adds its own",
        ),
    ),
    "double quotation marks inside a quotation": (
        ("quotations.yml", "change anything.", 'change "anything".'),
        (
            "quotations.yml",
            4,
            11,
            "double quotation marks inside a quotation's text; the site puts the text in "
            "double quotation marks, so write the words quoted inside it between single "
            "quotation marks ('...')",
        ),
    ),
    "overlapping phases": (
        (
            "timeline.yml",
            "    sources: [report]\nevents:",
            "    sources: [report]\n  - id: aftermath\n    title: Aftermath\n"
            "    start: 2020-01-03\n    end: 2020-02\n    sources: [report]\nevents:",
        ),
        (
            "timeline.yml",
            13,
            12,
            "phase 'aftermath' (from 2020-01-03) overlaps phase 'the-talks' (until 2020-01-03), "
            "so their bands cover each other on the chart; make 'the-talks' end before "
            "'aftermath' starts",
        ),
    ),
    "http address": (
        ("sources.yml", "url: https://example.org/report", "url: HTTP://example.org/report"),
        (
            "sources.yml",
            6,
            10,
            HTTP_WARNING,
        ),
    ),
    "http address in a link": (
        ("background.yml", "*long*", "[long](http://example.org/history)"),
        (
            "background.yml",
            4,
            11,
            HTTP_WARNING,
        ),
    ),
    "actor nothing refers to": (
        (
            "actors.yml",
            "    country: Country B\n    sources: [report]\n",
            "    country: Country B\n    sources: [report]\n  - id: host\n    name: Host\n"
            "    kind: government\n    role: Host of the talks\n    sources: [report]\n",
        ),
        (
            "actors.yml",
            14,
            9,
            "actor 'host' is never referred to; name it where it takes part (an event's "
            "actors, a position, an answer, a quotation's speaker, a reaction or a group's "
            "members), or delete it",
        ),
    ),
    "issue nothing refers to": (
        (
            "issues.yml",
            "    sources: [report]\n",
            "    sources: [report]\n  - id: energy\n    name: Energy\n    summary: Gas.\n"
            "    sources: [report]\n",
        ),
        (
            "issues.yml",
            6,
            9,
            "issue 'energy' is never referred to; add a position on it in positions.yml "
            "(issue: energy), or delete it",
        ),
    ),
    "glossary term that never appears": (
        ("glossary.yml", "  - term: tariff", "  - term: quota\n    definition: A limit.\n"
         "    sources: [report]\n  - term: tariff"),
        (
            "glossary.yml",
            2,
            11,
            "the term 'quota' never appears in the story's text, so no page explains it; use "
            "it in the text as written here (or in lower case; a plural does not count), or "
            "delete it",
        ),
    ),
    "glossary term only inside a longer term": (
        ("background.yml", "one tariff above", "one tariff-rate above"),
        (
            "glossary.yml",
            2,
            11,
            "the term 'tariff' never appears in the story's text, so no page explains it; "
            "use it in the text as written here (or in lower case; a plural does not count), "
            "or delete it",
        ),
    ),
}  # fmt: skip


@pytest.mark.parametrize("change, expected", WARNINGS.values(), ids=list(WARNINGS))
def test_each_warning_names_file_line_column_and_what_to_write(
    content: Path, change: tuple[str, str, str], expected: tuple[str, int, int, str]
) -> None:
    edit(content, *change)
    assert warnings_of(content) == [expected]


@pytest.mark.parametrize(
    "change",
    [
        ("quotations.yml", "change anything.", "change 'anything'."),  # single marks inside
        ("quotations.yml", "text: We will", "text: \u2019Twas said we will"),  # apostrophe
        ("glossary.yml", "term: tariff", "term: Tariff"),  # found in lower case
        ("background.yml", "one tariff above", "one tariff, above"),
        ("sources.yml", "url: https://example.org/report", "url: https://example.org/http"),
        (
            "sources.yml",
            "    url: https://example.org/report",
            "    url: https://example.org/report\n"
            "    note: Its old address began with http://example.org/report.",
        ),
        ("background.yml", "one tariff above", "one tariff (see http://example.org) above"),
        (
            "sources.yml",
            "    url: https://example.org/report",
            "    url: http://example.org/report\n"
            "    no_https: The site serves no https version (tried on 2026-11-30).",
        ),
    ],
    ids=[
        "single quotation marks",
        "apostrophe",
        "term in lower case",
        "term before a comma",
        "https",
        "http in a note's prose",
        "http in prose outside a link",
        "http source that says why under no_https",
    ],
)
def test_what_is_right_gives_no_warning(content: Path, change: tuple[str, str, str]) -> None:
    edit(content, *change)
    assert warnings_of(content) == []


def test_no_https_shows_the_reader_nothing_different(content: Path, tmp_path: Path) -> None:
    edit(content, "sources.yml", "url: https://", "url: http://")
    without = build_site(content).files
    edit(
        content,
        "sources.yml",
        "    url: http://example.org/report",
        "    url: http://example.org/report\n    no_https: The site serves no https version.",
    )
    assert build_site(content).files == without


@pytest.mark.parametrize(
    "url, message",
    [
        ("    url: https://example.org/report", "url starts with https://"),
        ("    publisher: Example News", "has no url"),
    ],
)
def test_no_https_is_only_for_an_http_url(content: Path, url: str, message: str) -> None:
    old = "    url: https://example.org/report"
    edit(content, "sources.yml", old, "" if "url" not in url else old)
    edit(content, "sources.yml", url, f"{url}\n    no_https: No https version.")
    with pytest.raises(ContentErrors) as caught:
        load_content(content)
    (error,) = caught.value.errors
    assert error.message == (
        f"no_https is for a url that starts with http://, and this source's {message}; "
        "remove no_https"
    )


def test_phases_that_follow_each_other_do_not_overlap(content: Path) -> None:
    edit(
        content,
        "timeline.yml",
        "    sources: [report]\nevents:",
        "    sources: [report]\n  - id: aftermath\n    title: Aftermath\n"
        "    start: 2020-01-04\n    end: 2020\n    sources: [report]\nevents:",
    )
    assert warnings_of(content) == []


def test_a_group_names_its_members(content: Path) -> None:
    edit(
        content,
        "actors.yml",
        "  - id: side-b",
        "  - id: both-sides\n    name: Both sides\n    kind: group\n    role: The parties\n"
        "    members: [side-a, host]\n    sources: [report]\n"
        "  - id: host\n    name: Host\n    kind: government\n    role: Host\n"
        "    sources: [report]\n  - id: side-b",
    )
    assert [(name, line) for name, line, *_ in warnings_of(content)] == [("actors.yml", 8)]


def test_a_new_story_is_warned_of_its_placeholders_and_nothing_else(tmp_path: Path) -> None:
    folder = create_story("my-story", tmp_path, datetime.date(2024, 5, 17))
    warnings = load_content(tmp_path).warnings
    lines = {path.name: path.read_text().splitlines() for path in folder.iterdir()}
    placeholders = {
        (name, number)
        for name, text in lines.items()
        for number, line in enumerate(text, 1)
        if ': "TODO' in line or "- id: todo-" in line or line.endswith("|-")
    }
    assert {(p.path.name, p.line) for p in warnings} == placeholders
    assert all("placeholder" in p.message for p in warnings)
    assert {name for name, _ in placeholders} == set(lines)


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("E3", "The E3 met."),
        ("E3", "The E3+3 met."),
        ("P5+1", "The P5+1 met."),
        ("CVID", "They want CVIDs."),
        ("CVID", "They want (CVID)."),
        ("Tariff", "A tariff rose."),
        ("tariff", "Tariffs rose."),
        ("tariff", "The tariffs rose."),
        ("tariff", "The tariff/quota rule."),
        ("tariff", "Tariff rose."),
        ("no-deal", "A no-deal exit."),
    ],
)
def test_a_term_appears_where_the_site_marks_it(term: str, text: str) -> None:
    # check's advice and the pages' marking agree, on text as a page prints it
    glossary = Glossary([(term, "D.")])
    marked = "<abbr" in glossary.mark(markdown.markdown(str(escape_markdown(text))))
    assert (term in glossary.found(text)) == marked


def test_a_story_with_errors_is_warned_of_in_its_valid_files(content: Path) -> None:
    shutil.copytree(content / STORY, content / "b-story")
    broken = content / "b-story" / "story.yml"
    broken.write_text(broken.read_text().replace(f"id: {STORY}", "id: b-story"))
    (content / "b-story" / "issues.yml").write_text("issues: []\n")  # positions name none
    sources = content / "b-story" / "sources.yml"
    sources.write_text(sources.read_text().replace("https://", "http://"))
    glossary = content / "b-story" / "glossary.yml"  # a term no valid file uses: not told
    glossary.write_text(glossary.read_text().replace("term: tariff", "term: quota"))
    edit(content, "sources.yml", "https://example.org", "http://example.org")
    with pytest.raises(ContentErrors) as caught:
        load_content(content)
    assert [(p.path.parent.name, p.path.name, p.severity) for p in caught.value.problems] == [
        ("b-story", "positions.yml", "error"),
        ("b-story", "positions.yml", "error"),
        ("b-story", "sources.yml", "warning"),
        ("tiny-story", "sources.yml", "warning"),
    ]
    assert caught.value.errors == caught.value.problems[:2]
    assert caught.value.warnings == caught.value.problems[2:]


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded")  # as in test_load
def test_check_returns_the_warnings_loading_returns(content: Path, workers: int) -> None:
    for name in ("b-story", "c-story"):
        shutil.copytree(content / STORY, content / name)
        path = content / name / "story.yml"
        text = path.read_text().replace(f"id: {STORY}", f"id: {name}")
        path.write_text(text.replace("title: A tiny story", f"title: The {name}"))
        path = content / name / "sources.yml"
        path.write_text(path.read_text().replace("https://", "http://"))
    checked = check_content(content, workers=workers)
    assert checked.stories == 3
    assert checked.warnings == load_content(content).warnings
    assert [p.path.parent.name for p in checked.warnings] == ["b-story", "c-story"]


def test_warnings_are_problems_of_their_own_severity() -> None:
    warning = Problem(Path("content/x/sources.yml"), 6, 10, "an http:// address", "warning")
    assert str(warning) == "content/x/sources.yml:6:10: warning: an http:// address"
    assert warning.as_github_annotation() == (
        "::warning file=content/x/sources.yml,line=6,col=10::an http:// address"
    )
    assert not Problem(Path("a.yml"), 1, 1, "x").is_warning


@pytest.mark.build
def test_a_strict_mkdocs_build_logs_warnings_and_builds(content: Path, tmp_path: Path) -> None:
    edit(content, "sources.yml", "url: https://", "url: http://")
    result = mkdocs_build(tmp_path / "site", content=content)
    assert result.returncode == 0, result.stderr
    (line,) = [line for line in result.stderr.splitlines() if ": warning: " in line]
    assert line.startswith("INFO ")  # a WARNING record would fail the strict build
    assert line.endswith(f"content/{STORY}/sources.yml:6:10: warning: {HTTP_WARNING}")
    assert (tmp_path / "site" / STORY / "index.html").is_file()

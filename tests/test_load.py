"""The loader turns every class of editor mistake into one exact, located message."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from devkit.content import copy_story, edit_file
from generator.content.errors import ContentErrors, Problem
from generator.content.load import check_content, load_content, load_stories
from generator.content.models import PartialDate
from generator.content.yamlsource import MAX_BYTES, Document, read_document

STORY = "tiny-story"


def problems_for(content: Path) -> list[Problem]:
    with pytest.raises(ContentErrors) as caught:
        load_stories(content)
    return caught.value.problems


def write(content: Path, name: str, text: str | bytes) -> Path:
    path = content / STORY / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def replace(content: Path, name: str, old: str, new: str) -> None:
    path = content / STORY / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture {name} lacks {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def only(problems: list[Problem]) -> tuple[str, int, int, str]:
    assert len(problems) == 1, "\n".join(map(str, problems))
    problem = problems[0]
    return problem.path.name, problem.line, problem.column, problem.message


def test_minimal_story_loads(content: Path) -> None:
    (story,) = load_stories(content)
    assert story.id == STORY
    assert [e.id for e in story.events_in_order()] == [
        "talks-year",
        "earlier-contacts",
        "talks-open",
    ]


# Each case: (file, old text, new text) -> (file, line, column, message).
EDITS = {
    "yaml syntax": (
        ("story.yml", "title: A tiny story", 'title: "A tiny story'),
        ("story.yml", 2, 8, "YAML syntax error: this quoted value is never closed; add the"),
    ),
    "colon in value": (
        ("story.yml", "title: A tiny story", "title: Trade: a tiny story"),
        (
            "story.yml",
            2,
            13,
            "a ': ' inside a value; write 'title: >-', then the value on the next line, "
            "indented more than 'title'",
        ),
    ),
    "colon in a value's second line": (
        ("story.yml", "title: A tiny story", "title: A tiny\n  story: of trade"),
        (
            "story.yml",
            3,
            8,
            "a ': ' inside a value; write '>-' after the key, then the value on the next line, "
            "indented more than the key",
        ),
    ),
    "unknown key": (
        ("timeline.yml", "    title: Talks open", "    titel: Talks open"),
        ("timeline.yml", 14, 5, "unknown key 'titel'; did you mean 'title'? allowed here:"),
    ),
    "missing field": (
        ("actors.yml", "    role: One party to the talks\n", ""),
        ("actors.yml", 2, 5, "'role' is missing from this block; add a line 'role: ...'"),
    ),
    "wrong type": (
        ("story.yml", "title: A tiny story", "title: [A, tiny, story]"),
        ("story.yml", 2, 8, "expected a single piece of text here"),
    ),
    "list where a block belongs": (
        ("sources.yml", "  - id: report", "  - [report]\n  - id: report"),
        (
            "sources.yml",
            2,
            5,
            "each entry of 'sources' should be a block of 'key: value' lines, but it is a list",
        ),
    ),
    "date format": (
        ("story.yml", "start: 2020-01-02", "start: 02/01/2020"),
        (
            "story.yml",
            5,
            8,
            "'02/01/2020' is not a date; write 2020-01-02 if the day comes first, "
            "or 2020-02-01 if the month does",
        ),
    ),
    "impossible date": (
        ("timeline.yml", "date: 2020-01-02", "date: 2019-02-30"),
        ("timeline.yml", 13, 11, "'2019-02-30' is not a real date: February 2019 has 28 days"),
    ),
    "impossible month": (
        ("timeline.yml", "date: 2019\n", "date: 2019-13\n"),
        ("timeline.yml", 26, 11, "'2019-13' has month 13; months go from 01 to 12"),
    ),
    "end before start": (
        ("story.yml", "end: 2020-01-03", "end: 2019-01-03"),
        ("story.yml", 6, 6, "the end (2019-01-03) is before the start (2020-01-02)"),
    ),
    "phase ends before it starts": (
        ("timeline.yml", "end: 2020-01-03", "end: 2019-12"),
        ("timeline.yml", 9, 10, "the end (2019-12) is before the start (2020-01-02); swap them"),
    ),
    "actor on two sides": (
        (
            "actors.yml",
            "    country: Country B\n    sources: [report]\n",
            "    country: Country B\n    sources: [report]\nsides:\n  - id: first\n"
            "    name: First\n    actors: [side-a]\n  - id: second\n    name: Second\n"
            "    actors: [side-b, side-a]\n",
        ),
        (
            "actors.yml",
            20,
            22,
            "'side-a' is already on the side 'first'; an actor belongs to one side at most",
        ),
    ),
    "span backwards": (
        ("timeline.yml", "{from: 2019-10, to: 2019-12", "{from: 2019-12, to: 2019-10"),
        ("timeline.yml", 20, 31, "'to' (2019-10) is before 'from' (2019-12); swap them"),
    ),
    "invalid literal": (
        ("actors.yml", "kind: government", "kind: goverment"),
        ("actors.yml", 4, 11, "'goverment' is not a valid kind; did you mean 'government'?"),
    ),
    "unknown reference": (
        ("timeline.yml", "actors: [side-a, side-b]", "actors: [side-a, sdie-b]"),
        ("timeline.yml", 17, 22, "unknown actor 'sdie-b'; did you mean 'side-b'? use an id"),
    ),
    "unknown lead quotation": (
        (
            "story.yml",
            "sources: [report]\nkey_facts:",
            "sources: [report]\nlead_quotation: no-chnage\nkey_facts:",
        ),
        ("story.yml", 10, 17, "unknown quotation 'no-chnage'; did you mean 'no-change'?"),
    ),
    "unknown source": (
        ("outcomes.yml", "sources: [report]", "sources: [reprot]"),
        ("outcomes.yml", 6, 15, "unknown source 'reprot'; did you mean 'report'?"),
    ),
    "duplicate id": (
        (
            "issues.yml",
            "issues:\n",
            "issues:\n  - id: trade\n    name: Tariffs\n    summary: x\n    sources: [report]\n",
        ),
        (
            "issues.yml",
            6,
            9,
            "id 'trade' is already used on line 2; give each entry of 'issues' its own id",
        ),
    ),
    "empty sources": (
        ("issues.yml", "sources: [report]", "sources: []"),
        ("issues.yml", 5, 14, "every fact needs a source; write sources: [source-id]"),
    ),
    "missing sources": (
        ("reactions.yml", "    sources: [report]\n", ""),
        ("reactions.yml", 2, 5, "'sources' is missing from this block; every fact needs a source"),
    ),
    "bad id": (
        ("outcomes.yml", "id: no-deal", "id: No Deal"),
        (
            "outcomes.yml",
            2,
            9,
            "ids are lower-case letters and digits joined by hyphens, such as 'no-deal'",
        ),
    ),
    "unsafe url": (
        ("sources.yml", "url: https://example.org/report", "url: JavaScript:alert(1)"),
        ("sources.yml", 6, 10, "a URL must start with https://"),
    ),
    "yaml 1.1 no is not false": (
        ("story.yml", "language: en", "language: NO"),
        ("story.yml", 7, 11, "'NO' is not a valid language; write one of 'en', 'fr'"),
    ),
    "sexagesimal stays text": (
        ("story.yml", "start: 2020-01-02", "start: 1:30"),
        ("story.yml", 5, 8, "'1:30' is not a date"),
    ),
    "tag": (
        ("story.yml", "title: A tiny story", "title: !!python/object:os.system x"),
        ("story.yml", 2, 8, "YAML tags such as '!!python/object:os.system' are not allowed"),
    ),
    "anchor": (
        ("story.yml", "place: Geneva, Switzerland", "place: &p Geneva"),
        ("story.yml", 4, 8, "anchors (&p) are not allowed"),
    ),
    "duplicate key": (
        ("story.yml", "language: en", "language: en\nlanguage: fr"),
        ("story.yml", 8, 1, "'language' appears twice in this block (first on line 7); keep one"),
    ),
    "two documents": (
        ("sources.yml", "sources:", "a: 1\n---\nsources:"),
        ("sources.yml", 2, 1, "more than one document"),
    ),
}


@pytest.mark.parametrize("edit, expected", EDITS.values(), ids=list(EDITS))
def test_edit_gives_located_message(
    content: Path, edit: tuple[str, str, str], expected: tuple[str, int, int, str]
) -> None:
    replace(content, *edit)
    name, line, column, message = only(problems_for(content))
    assert (name, line, column) == expected[:3], message
    assert expected[3] in message


WHOLE_FILES: dict[str, tuple[str, str | bytes, tuple[int, int, str]]] = {
    "tab": ("issues.yml", "issues:\n\t- id: trade\n", (2, 1, "a tab character; indent")),
    "latin-1": (
        "issues.yml",
        "issues:\n  - id: trade\n    name: Café\n".encode("latin-1"),
        (3, 14, "byte 0xe9 is not UTF-8 (the file looks saved as Latin-1"),
    ),
    "utf-16": ("issues.yml", "issues: []\n".encode("utf-16"), (1, 1, "saved as UTF-16")),
    "control character": (
        "issues.yml",
        "issues:\n  - id: tr\x07ade\n",
        (2, 11, "an invisible control character (U+0007); delete it"),
    ),
    "empty": (
        "reactions.yml",
        "# nothing yet\n",
        (1, 1, "the file is empty; reactions.yml starts with 'reactions:'"),
    ),
    "top-level list": (
        "outcomes.yml",
        "- a\n- b\n",
        (1, 1, "the file holds a list; it must be a mapping"),
    ),
    "alias bomb": (
        "outcomes.yml",
        'a: &a ["x","x"]\nb: &b [*a,*a]\nc: [*b,*b]\n',
        (1, 4, "anchors (&a) are not allowed"),
    ),
    "alias": ("outcomes.yml", "outcomes: *missing\n", (1, 11, "aliases (*name) are not allowed")),
    "deep nesting": (
        "outcomes.yml",
        "outcomes: " + "[" * 100 + "]" * 100,
        (1, 30, "nesting is deeper than 20 levels"),
    ),
}


@pytest.mark.parametrize("name, text, expected", WHOLE_FILES.values(), ids=list(WHOLE_FILES))
def test_bad_file_gives_located_message(
    content: Path, name: str, text: str | bytes, expected: tuple[int, int, str]
) -> None:
    write(content, name, text)
    problems = problems_for(content)
    got_name, line, column, message = only(problems)
    assert (got_name, line, column) == (name, *expected[:2]), message
    assert expected[2] in message


def test_nesting_that_would_exhaust_recursion_is_refused(content: Path) -> None:
    write(content, "outcomes.yml", "outcomes: " + "[" * 100_000 + "]" * 100_000)
    assert "nesting is deeper than 20 levels" in only(problems_for(content))[3]


def test_symbolic_link_is_refused(content: Path, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.yml"
    (content / STORY / "glossary.yml").rename(target)
    os.symlink(target, content / STORY / "glossary.yml")
    assert only(problems_for(content))[3].startswith("this file is a symbolic link")


def test_oversized_file_is_refused(content: Path) -> None:
    write(content, "glossary.yml", "glossary: []\n" + "#" * MAX_BYTES)
    assert "over the 1,000,000-byte limit" in only(problems_for(content))[3]


def test_unknown_file_name_suggests_the_right_one(content: Path) -> None:
    write(content, "actor.yml", "actors: []\n")
    assert only(problems_for(content))[3] == (
        "unexpected file; did you mean 'actors.yml'? a story folder holds 'story.yml', "
        "'sources.yml', 'actors.yml', 'issues.yml', 'background.yml', 'positions.yml', "
        "'accounts.yml', 'outcomes.yml', 'reactions.yml', 'timeline.yml', 'quotations.yml' "
        "or 'glossary.yml' and an 'images' folder"
    )


def test_missing_required_file(content: Path) -> None:
    (content / STORY / "sources.yml").unlink()
    assert only(problems_for(content))[:2] == ("sources.yml", 1)


def test_story_id_must_match_folder(content: Path) -> None:
    replace(content, "story.yml", "id: tiny-story", "id: other-story")
    assert only(problems_for(content)) == (
        "story.yml",
        1,
        5,
        "id 'other-story' differs from the folder name; write id: tiny-story",
    )


def test_every_problem_is_reported_in_one_run(content: Path) -> None:
    replace(content, "timeline.yml", "    title: Talks open", "    titel: Talks open")
    replace(content, "actors.yml", "kind: government", "kind: goverment")
    write(content, "glossary.yml", "glossary:\n\t- x\n")
    replace(content, "outcomes.yml", "sources: [report]", "sources: [reprot]")
    files = sorted(p.path.name for p in problems_for(content))
    assert files == ["actors.yml", "glossary.yml", "outcomes.yml", "timeline.yml"]


def test_bom_and_windows_line_endings_are_accepted(content: Path) -> None:
    path = content / STORY / "story.yml"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    (story,) = load_stories(content)
    assert story.meta.title == "A tiny story"


def test_values_keep_the_text_the_editor_typed(content: Path) -> None:
    replace(content, "story.yml", "title: A tiny story", "title: no")
    replace(content, "story.yml", "place: Geneva, Switzerland", "place: 012")
    replace(content, "sources.yml", "title: A report on the talks", "title: 1:30")
    (story,) = load_stories(content)
    assert (story.meta.title, story.meta.place, story.sources[0].title) == ("no", "012", "1:30")


def test_dates_keep_their_precision(content: Path) -> None:
    (story,) = load_stories(content)
    dates = {e.id: e.date for e in story.events}
    assert dates["talks-year"] == PartialDate(2019)
    assert isinstance(dates["talks-open"], PartialDate)
    assert dates["talks-open"].precision == "day"
    assert str(dates["earlier-contacts"].label) == "end of 2019"  # type: ignore[union-attr]


def test_story_folder_cannot_take_a_name_the_site_uses(content: Path) -> None:
    (content / STORY).rename(content / "schema")
    problems = problems_for(content)
    assert [str(p.path.relative_to(content)) for p in problems] == ["schema/story.yml"]
    assert problems[0].message == "'schema' is a name the site itself uses; rename the folder"


@pytest.mark.parametrize("name", ["EDITS", "WHOLE_FILES"])
def test_pure_python_parser_reads_like_libyaml(
    content: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    import yaml

    from generator.content import yamlsource

    assert yaml.__with_libyaml__, "libyaml is missing: both runs would use PyYAML's parser"
    fast_story = load_stories(content)[0]
    fast = [(p.path.name, p.line, p.column, p.message) for p in _all_problems(content, name)]
    monkeypatch.setattr(yamlsource, "_Parser", yamlsource.PurePythonParser)
    assert load_stories(content)[0] == fast_story
    slow = [(p.path.name, p.line, p.column, p.message) for p in _all_problems(content, name)]
    assert fast == slow


def _all_problems(content: Path, name: str) -> list[Problem]:
    """Problems of a story where each file has one of the mistakes above."""
    import shutil

    problems: list[Problem] = []
    cases = EDITS if name == "EDITS" else WHOLE_FILES
    for key in cases:
        shutil.rmtree(content / STORY)
        shutil.copytree(Path(__file__).parent / "fixtures" / "minimal" / STORY, content / STORY)
        if name == "EDITS":
            replace(content, *EDITS[key][0])
        else:
            filename, text, _ = WHOLE_FILES[key]
            write(content, filename, text)
        problems += problems_for(content)
    shutil.rmtree(content / STORY)
    shutil.copytree(Path(__file__).parent / "fixtures" / "minimal" / STORY, content / STORY)
    return problems


@pytest.mark.parametrize("positions", [False, True])
def test_only_yamls_own_null_words_mean_no_value(tmp_path: Path, positions: bool) -> None:
    from generator.content.yamlsource import read_document

    path = tmp_path / "values.yml"
    path.write_text(
        'a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: nULL\ng: "null"\nh: yes\ni: [~, x]\n',
        encoding="utf-8",
    )
    data = read_document(path, positions=positions).data
    assert data == {
        "a": None, "b": None, "c": None, "d": None, "e": None,
        "f": "nULL", "g": "null", "h": "yes", "i": [None, "x"],
    }  # fmt: skip


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded")  # Python 3.12+: the
# test process may run a test server's thread; the command line has none when it forks
def test_check_reports_what_loading_reports(content: Path, workers: int) -> None:
    import shutil

    from generator.content.load import check_content

    def edit(folder: str, name: str, old: str, new: str) -> None:
        path = content / folder / name
        assert old in path.read_text(encoding="utf-8")
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")

    for name in ("b-story", "c-story", "d-story"):
        shutil.copytree(content / STORY, content / name)
        edit(name, "story.yml", f"id: {STORY}", f"id: {name}")
        edit(name, "story.yml", "title: A tiny story", f"title: The {name}")
    edit("b-story", "story.yml", "title: The b-story", "title:")
    edit("d-story", "timeline.yml", "date: 2020-01-02", "date: 2020-13-02")
    with pytest.raises(ContentErrors) as loading:
        load_stories(content)
    with pytest.raises(ContentErrors) as checking:
        check_content(content, workers=workers)
    assert checking.value.problems == loading.value.problems
    assert {p.path.parent.name for p in checking.value.problems} == {"b-story", "d-story"}
    shutil.rmtree(content / "b-story")
    shutil.rmtree(content / "d-story")
    assert check_content(content, workers=workers).stories == 2


def test_two_stories_with_one_title_are_each_warned_at_their_title(
    content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Letter case, spaces and Unicode forms aside; ``check`` (in worker processes) and the
    build's loading find the same; a story of its own title, or one with errors, is not
    warned; and only a warned story's story.yml is read again."""
    from generator.content import related

    copy = copy_story(content / "tiny-story", content, "tiny-copy")
    edit_file(copy, "title: A tiny story", "title: A  Tiny story")
    copy_story(content / "tiny-story", content, "other-story")
    edit_file(content / "other-story" / "story.yml", "title: A tiny story", "title: Another")
    broken = copy_story(content / "tiny-story", content, "broken-story")
    edit_file(broken, "start:", "begins:")  # an error: not a story, so no title to compare
    for workers in (1, 2):
        with pytest.raises(ContentErrors) as checking:
            check_content(content, workers=workers)
        shared = [w for w in checking.value.problems if "the same title" in w.message]
        assert [(w.path.parent.name, w.line, w.column) for w in shared] == [
            ("tiny-copy", 2, 8),
            ("tiny-story", 2, 8),
        ]
    shutil.rmtree(content / "broken-story")
    reread: list[Path] = []

    def read_again(path: Path) -> Document:
        reread.append(path)
        return read_document(path)

    monkeypatch.setattr(related, "read_document", read_again)
    for warnings in (
        load_content(content).warnings,
        check_content(content, workers=2).warnings,
        check_content(content, workers=1).warnings,
    ):
        shared = [w for w in warnings if "the same title" in w.message]
        assert [(w.path.parent.name, w.line, w.column) for w in shared] == [
            ("tiny-copy", 2, 8),
            ("tiny-story", 2, 8),
        ]
        assert all(w.is_warning for w in shared)
        assert "another story, 'tiny-story', has the same title (letter case" in shared[0].message
        assert "give each story a title of its own" in shared[1].message
    assert sorted({p.parent.name for p in reread}) == ["tiny-copy", "tiny-story"]
    # a third, typed in another Unicode form (a full-width letter): all three are warned
    third = copy_story(content / "tiny-story", content, "third-story")
    edit_file(third, "title: A tiny story", "title: A tiny stor\uff59")
    shared = [w for w in load_content(content).warnings if "the same title" in w.message]
    assert len(shared) == 3
    assert "other stories, 'third-story', 'tiny-copy', have the same title" in shared[-1].message
    for story in (copy, third):
        edit_file(story, "title: A", f"title: {story.parent.name}, not a")
    assert not [w for w in load_content(content).warnings if "the same title" in w.message]

"""CONTRIBUTING.md stays true: its YAML examples load, its commands and error lines are real.

Every ```yaml block is pasted into a copy of the practice story (tests/fixtures/minimal)
and the content is loaded through the real models. The comment right before a block
says where it goes: `<!-- file: sources.yml -->`, or `<!-- file: timeline.yml, list:
events -->` when the file has several lists. A block that is a whole file (a mapping)
replaces the file; a block of list items is added at the end of that list (which is
started if the file has none). `with: previous` in the marker pastes the block before
it first, for an example that needs another (a side, then a position of that side);
`with: story ID` adds a renamed copy of the practice story, for an example that names
another story. `publisher.yml` goes beside the story folders.
"""

from __future__ import annotations

import re
import shlex
import shutil
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import pytest
import yaml
from conftest import ROOT
from pydantic import BaseModel

from devkit.content import edit_file, run_generator
from generator.content.errors import ContentErrors
from generator.content.load import load_stories
from generator.content.models import FILES, PublisherFile
from generator.content.publisher import PUBLISHER_FILE, load_publisher
from generator.content.schema import schema_name
from generator.tools.cli import _parser

GUIDE = ROOT / "CONTRIBUTING.md"
STORY = "tiny-story"
FENCE = re.compile(
    r"^(?P<indent>[ ]*)```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^(?P=indent)```[ ]*$", re.M | re.S
)
MARKER = re.compile(
    r"<!--\s*file:\s*(?P<file>[\w.-]+)(?:\s*,\s*list:\s*(?P<list>[\w-]+))?"
    r"(?P<previous>\s*,\s*with:\s*previous)?"
    r"(?:\s*,\s*with:\s*story\s+(?P<story>[a-z0-9-]+))?\s*-->"
)
GENERATOR_COMMAND = re.compile(r"\bpython3? -m generator\b(?P<args>[^`\n#]*)")
MAKE_COMMAND = re.compile(r"^make\s+(?P<target>[\w-]+)")


@dataclass(frozen=True)
class Example:
    """A ```yaml block of the guide and the file (and list) its marker names."""

    line: int
    text: str
    file: str | None
    list_key: str | None
    with_previous: bool = False
    other_story: str | None = None


def _guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def _examples() -> list[Example]:
    text = _guide()
    examples = []
    for block in FENCE.finditer(text):
        if block["lang"] not in ("yaml", "yml"):
            continue
        before = text[: block.start()].rstrip().rsplit("\n", 1)[-1]
        marker = MARKER.fullmatch(before.strip())
        examples.append(
            Example(
                line=text.count("\n", 0, block.start()) + 1,
                text=textwrap.dedent(block["body"]),
                file=marker["file"] if marker else None,
                list_key=marker["list"] if marker else None,
                with_previous=bool(marker and marker["previous"]),
                other_story=marker["story"] if marker else None,
            )
        )
    return examples


EXAMPLES = _examples()


def _code_pieces() -> list[str]:
    """Every line of every fenced block, and every inline `code` span of the prose."""
    text = _guide()
    pieces = [line.strip() for block in FENCE.finditer(text) for line in block["body"].split("\n")]
    return pieces + re.findall(r"`([^`\n]+)`", FENCE.sub("", text))


def _list_key(file_text: str, example: Example) -> str:
    if example.list_key:
        return example.list_key
    data = yaml.load(file_text, Loader=yaml.BaseLoader)
    lists: list[str] = [key for key, value in data.items() if isinstance(value, list)]
    assert len(lists) == 1, (
        f"CONTRIBUTING.md line {example.line}: {example.file} has lists {lists}; "
        f"say which in the marker, such as <!-- file: {example.file}, list: {lists[0]} -->"
    )
    return lists[0]


def _add_items(file_text: str, key: str, items: str) -> str:
    """``file_text`` with ``items`` (YAML list items) added at the end of the list ``key``."""
    lines = file_text.rstrip("\n").split("\n")
    starts = [i for i, line in enumerate(lines) if re.match(rf"{key}:\s*(\[\]\s*)?$", line)]
    if not starts:  # a list the file does not have yet, such as 'sides' in actors.yml
        lines.append(f"{key}:")
        starts = [len(lines) - 1]
    start = starts[0]
    lines[start] = f"{key}:"
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i][:1] not in ("", " ")), len(lines)
    )
    items_now = [line for line in lines[start + 1 : end] if line.lstrip().startswith("- ")]
    indent = items_now[0][: len(items_now[0]) - len(items_now[0].lstrip())] if items_now else "  "
    pasted = textwrap.indent(textwrap.dedent(items).rstrip("\n"), indent).split("\n")
    return "\n".join(lines[:end] + pasted + lines[end:]) + "\n"


def _paste(example: Example, content: Path) -> None:
    assert example.file in FILES or example.file == PUBLISHER_FILE, f"{example.file}?"
    folder = content if example.file == PUBLISHER_FILE else content / STORY
    path = folder / example.file
    data = yaml.load(example.text, Loader=yaml.BaseLoader)
    if isinstance(data, dict):
        path.write_text(example.text, encoding="utf-8")
        return
    assert isinstance(data, list), f"line {example.line}: a block is a whole file or list items"
    current = path.read_text(encoding="utf-8")
    path.write_text(_add_items(current, _list_key(current, example), example.text), "utf-8")


def test_the_guide_has_yaml_examples() -> None:
    assert len(EXAMPLES) >= 8


def test_every_yaml_example_names_its_file() -> None:
    unmarked = [example.line for example in EXAMPLES if example.file is None]
    assert not unmarked, (
        f"CONTRIBUTING.md: the ```yaml blocks on lines {unmarked} need a comment right before "
        "them naming their file, such as <!-- file: timeline.yml, list: events -->"
    )


def test_every_file_marker_is_followed_by_a_yaml_example() -> None:
    markers = len(MARKER.findall(_guide()))
    assert markers == len([example for example in EXAMPLES if example.file])


def test_examples_cover_events_quotations_sources_and_corrections() -> None:
    covered = {(example.file, example.list_key) for example in EXAMPLES}
    assert {
        ("timeline.yml", "events"),
        ("quotations.yml", None),
        ("sources.yml", None),
        ("story.yml", "corrections"),
    } <= covered


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"line-{e.line}" for e in EXAMPLES])
def test_yaml_example_loads_in_the_practice_story(example: Example, content: Path) -> None:
    assert example.file, f"CONTRIBUTING.md line {example.line}: no <!-- file: ... --> marker"
    if example.with_previous:
        _paste(EXAMPLES[EXAMPLES.index(example) - 1], content)
    if example.other_story:
        other = content / example.other_story
        shutil.copytree(content / STORY, other)
        story = (other / "story.yml").read_text(encoding="utf-8")
        (other / "story.yml").write_text(story.replace(STORY, example.other_story), "utf-8")
    _paste(example, content)
    try:
        load_stories(content)
        load_publisher(content)
    except ContentErrors as errors:
        listing = "\n".join(str(problem) for problem in errors.problems)
        pytest.fail(f"the example on line {example.line} of CONTRIBUTING.md fails:\n{listing}")


@pytest.mark.parametrize(
    "example",
    [e for e in EXAMPLES if isinstance(yaml.load(e.text, Loader=yaml.BaseLoader), dict)],
    ids=lambda e: f"line-{e.line}",
)
def test_whole_file_examples_start_with_their_schema_modeline(example: Example) -> None:
    assert example.file
    up = "../" if example.file == PUBLISHER_FILE else "../../"
    modeline = f"# yaml-language-server: $schema={up}schema/{schema_name(example.file)}"
    assert example.text.split("\n", 1)[0] == modeline


def test_the_fragment_paster_adds_items_at_the_end_of_the_right_list() -> None:
    text = "lanes: category\ncategories:\n  - id: a\n# note\nevents: []\nphases:\n  - id: p\n"
    assert _add_items(text, "events", "- id: e\n  title: E\n") == (
        "lanes: category\ncategories:\n  - id: a\n# note\nevents:\n  - id: e\n    title: E\n"
        "phases:\n  - id: p\n"
    )


def test_a_broken_example_would_fail(content: Path) -> None:
    quotation = "- id: q\n  speaker: side-a\n  text: Yes.\n  context: C.\n  date: 2020\n"
    broken = Example(1, quotation + "  sources: [nowhere]\n", "quotations.yml", None)
    _paste(broken, content)
    with pytest.raises(ContentErrors):
        load_stories(content)


def test_generator_commands_in_the_guide_are_real() -> None:
    commands = [m["args"] for piece in _code_pieces() for m in GENERATOR_COMMAND.finditer(piece)]
    subcommands = set()
    for args in commands:
        argv = shlex.split(args)
        try:
            _parser().parse_args(argv)
        except SystemExit:
            pytest.fail(f"CONTRIBUTING.md shows `python -m generator{args}`, which is not valid")
        subcommands.add(argv[0])
    assert {"new-story", "diff"} <= subcommands


def test_make_targets_in_the_guide_exist() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([\w-]+):", makefile, re.M))
    mentioned = {m["target"] for piece in _code_pieces() if (m := MAKE_COMMAND.match(piece))}
    assert {"check", "serve"} <= mentioned
    assert mentioned <= targets, f"no such Makefile targets: {sorted(mentioned - targets)}"


def test_the_pre_commit_config_the_guide_names_exists_and_runs_the_check() -> None:
    assert "`.pre-commit-config.yaml`" in _guide()
    assert "pre-commit install" in _guide()
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    entries = [hook["entry"] for repo in config["repos"] for hook in repo["hooks"]]
    assert "python -m generator check content" in entries


def test_links_to_repository_files_exist() -> None:
    targets = re.findall(r"\]\((?![a-z]+:|#)([^)\s]+)\)", FENCE.sub("", _guide()))
    assert targets
    missing = [target for target in targets if not (ROOT / target).exists()]
    assert not missing


@pytest.mark.parametrize(
    ("name", "old", "new"),
    [
        ("quotations.yml", "sources: [report]", "sources: [reprot]"),
        ("timeline.yml", "date: 2020-01-02", "date: 2020-02-30"),
        ("timeline.yml", "title: Talks open", "title: Talks open: day one"),
    ],
)
def test_error_lines_shown_in_the_guide_are_what_check_prints(
    content: Path, name: str, old: str, new: str
) -> None:
    edit_file(content / STORY / name, old, new)
    result = run_generator("check", "content", cwd=content.parent)
    assert result.returncode == 1
    (line,) = result.stdout.splitlines()
    assert f"\n{line}\n" in _guide()


WARNING_EDITS = {
    "uncited source": (
        "sources.yml",
        "    url: https://example.org/report\n",
        "    url: https://example.org/report\n  - id: other-report\n    title: Another report\n",
    ),
    "placeholder": ("timeline.yml", "title: Talks open", 'title: "TODO: a short title"'),
    "quotation marks": ("quotations.yml", "change anything.", 'change "anything".'),
    "overlapping phases": (
        "timeline.yml",
        "    sources: [report]\nevents:",
        "    sources: [report]\n  - id: aftermath\n    title: Aftermath\n"
        "    start: 2020-01-03\n    end: 2020-02\n    sources: [report]\nevents:",
    ),
    "http address": ("sources.yml", "url: https://", "url: http://"),
    "actor nothing names": (
        "actors.yml",
        "    country: Country B\n    sources: [report]\n",
        "    country: Country B\n    sources: [report]\n  - id: host\n    name: Host\n"
        "    kind: government\n    role: Host of the talks\n    sources: [report]\n",
    ),
    "glossary term": ("background.yml", "one tariff above", "the tariffs above"),
    "update without a log entry": ("story.yml", "updated: 2020-02-01", "updated: 2020-03-01"),
    "short title too long": (
        "story.yml",
        "title: A tiny story\n",
        "title: A tiny story\n"
        "short_title: A tiny story of two sides that met in Geneva and did not agree\n",
    ),
    "title too wide for a phone": (
        "timeline.yml",
        "title: Talks open\n",
        "title: Talks open in Geneva after two years of quarrels over tariffs and quotas\n",
    ),
    "words after a #": (
        "timeline.yml",
        "description: The two sides meet.",
        "description: The two sides meet, their #1 priority.",
    ),
}


@pytest.mark.parametrize(("name", "old", "new"), WARNING_EDITS.values(), ids=list(WARNING_EDITS))
def test_warning_lines_shown_in_the_guide_are_what_check_prints(
    content: Path, name: str, old: str, new: str
) -> None:
    edit_file(content / STORY / name, old, new)
    result = run_generator("check", "content", cwd=content.parent)
    assert result.returncode == 0
    line, summary = result.stdout.splitlines()
    assert summary == "1 story checked, no errors, 1 warning."
    assert ": warning: " in line
    assert f"\n{line}\n" in _guide()


def test_every_warning_is_shown_in_the_guide() -> None:
    from generator.content.advice import CHECKS
    from generator.render.chart.advice import CHART_CHECKS

    shown = re.findall(r"^content/\S+: warning: ", _guide(), re.M)
    assert len(shown) == len(WARNING_EDITS) == len(CHECKS) + len(CHART_CHECKS)


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in get_args(annotation):
        yield from _models_in(arg)


def _options_in(annotation: Any) -> Iterator[str]:
    if get_origin(annotation) is Literal:
        yield from (str(option) for option in get_args(annotation))
    for arg in get_args(annotation):
        if get_origin(annotation) is not Literal:
            yield from _options_in(arg)


def _keys_and_options() -> dict[str, tuple[str, str]]:
    """Every key of every content file and every fixed value it takes: {where: (kind, text)}."""
    found: dict[str, tuple[str, str]] = {}
    todo: list[tuple[str, type[BaseModel]]] = [*FILES.items(), (PUBLISHER_FILE, PublisherFile)]
    while todo:
        where, model = todo.pop()
        for name, field in model.model_fields.items():
            key = field.alias or name
            found[f"{where}: {key}"] = ("key", key)
            for option in _options_in(field.annotation):
                found[f"{where}: {key}: {option}"] = ("value", option)
            todo += [(f"{where}: {key}", sub) for sub in _models_in(field.annotation)]
    return found


KEYS_AND_OPTIONS = _keys_and_options()


def test_the_schema_walk_finds_nested_keys_and_fixed_values() -> None:
    assert KEYS_AND_OPTIONS["quotations.yml: quotations: translation: original"] == (
        "key",
        "original",
    )
    assert KEYS_AND_OPTIONS["actors.yml: actors: kind: group"] == ("value", "group")
    assert KEYS_AND_OPTIONS["timeline.yml: events: date: from"] == ("key", "from")


@pytest.mark.parametrize("where", sorted(KEYS_AND_OPTIONS))
def test_every_key_and_fixed_value_is_in_the_guide(where: str) -> None:
    kind, text = KEYS_AND_OPTIONS[where]
    assert f"`{text}`" in _guide(), (
        f"CONTRIBUTING.md never mentions the {kind} `{text}` ({where}); say what it is for"
    )

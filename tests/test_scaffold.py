"""`new-story` starts a story that passes `check` and builds, with every placeholder marked."""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

from devkit.content import run_generator
from generator.content.load import load_stories
from generator.content.models import FILES
from generator.render.build import build_site
from generator.tools.scaffold import ScaffoldError, create_story, scaffold_files

TODAY = datetime.date(2024, 5, 17)
SCAFFOLD_TEMPLATES = ROOT / "generator" / "render" / "templates" / "scaffold"


def new_story(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_generator("new-story", *args, cwd=cwd)


def test_there_is_one_scaffold_template_per_content_file() -> None:
    assert sorted(p.name for p in SCAFFOLD_TEMPLATES.iterdir()) == sorted(f"{n}.j2" for n in FILES)


def test_scaffolded_story_loads_and_builds_beside_an_existing_one(content: Path) -> None:
    create_story("my-story", content, TODAY)
    stories = {story.id: story for story in load_stories(content)}
    assert sorted(stories) == ["my-story", "tiny-story"]
    assert (stories["my-story"].meta.first_day, stories["my-story"].meta.updated) == (TODAY, TODAY)
    assert "my-story/index.md" in build_site(content).files


def test_scaffolded_story_holds_every_file(tmp_path: Path) -> None:
    folder = create_story("my-story", tmp_path / "content", TODAY)
    assert folder == tmp_path / "content" / "my-story"
    assert sorted(p.name for p in folder.iterdir()) == sorted(FILES)


@pytest.mark.parametrize("name", FILES)
def test_scaffolded_file_starts_with_its_schema_modeline_and_a_comment(name: str) -> None:
    lines = scaffold_files("my-story", TODAY)[name].splitlines()
    stem = name.removesuffix(".yml")
    assert lines[0] == f"# yaml-language-server: $schema=../../schema/{stem}.schema.json"
    assert lines[1].startswith("# ") and len(lines[1]) > 20


@pytest.mark.parametrize("name", FILES)
def test_scaffolded_file_marks_its_placeholders_todo(name: str) -> None:
    lines = scaffold_files("my-story", TODAY)[name].splitlines()
    assert any("TODO" in line and not line.lstrip().startswith("#") for line in lines)


def test_scaffold_modelines_name_schema_files_that_exist() -> None:
    for text in scaffold_files("my-story", TODAY).values():
        schema = text.splitlines()[0].split("$schema=../../", 1)[1]
        assert (ROOT / schema).is_file(), schema


def test_scaffold_refuses_a_bad_id_even_when_called_directly() -> None:
    with pytest.raises(ScaffoldError, match="is not a valid story id"):
        scaffold_files("id: injected", TODAY)


@pytest.mark.parametrize("story_id", ["stories", "pagefind", "schema"])
def test_scaffold_refuses_a_name_the_site_uses(story_id: str, tmp_path: Path) -> None:
    with pytest.raises(ScaffoldError, match=f"'{story_id}' is a name the site itself uses"):
        create_story(story_id, tmp_path, TODAY)
    assert not (tmp_path / story_id).exists()


def test_new_story_command_creates_the_folder_under_content(tmp_path: Path) -> None:
    result = new_story("my-story", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "created content/my-story/; replace every TODO in it, then run `make check`\n"
    )
    assert sorted(p.name for p in (tmp_path / "content" / "my-story").iterdir()) == sorted(FILES)


def test_new_story_command_takes_another_content_folder(content: Path) -> None:
    result = new_story("my-story", "--content", "content", cwd=content.parent)
    assert result.returncode == 0
    assert len(load_stories(content)) == 2


@pytest.mark.parametrize(
    ("story_id", "message"),
    [
        (
            "My Story",
            "'My Story' is not a valid story id: ids are lower-case letters and digits "
            "joined by hyphens, such as 'my-story'",
        ),
        (
            "my_story",
            "'my_story' is not a valid story id: ids are lower-case letters and digits "
            "joined by hyphens, such as 'my-story'",
        ),
        (
            "my--story",
            "'my--story' is not a valid story id: ids are lower-case letters and digits "
            "joined by hyphens, such as 'my-story'",
        ),
        (
            "x" * 65,
            "the story id is 65 characters long; keep it to 64 at most, "
            "such as 'geneva-talks-2024'",
        ),
    ],
)
def test_new_story_refuses_an_id_that_is_not_a_slug(
    tmp_path: Path, story_id: str, message: str
) -> None:
    result = new_story(story_id, cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", message + "\n")
    assert not (tmp_path / "content").exists()


def test_new_story_refuses_an_existing_folder_and_leaves_it_alone(content: Path) -> None:
    before = {p.name: p.read_bytes() for p in (content / "tiny-story").rglob("*") if p.is_file()}
    result = new_story("tiny-story", cwd=content.parent)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "content/tiny-story already exists; choose another id or edit the story there\n"
    )
    after = {p.name: p.read_bytes() for p in (content / "tiny-story").rglob("*") if p.is_file()}
    assert after == before


SCAFFOLD_EXAMPLES = {
    "native names in several scripts": (
        "actors.yml",
        "    # native_name: [{text: Рада, lang: uk}, {text: Совет, lang: ru}]",
    ),
    "a mediator": ("actors.yml", "    # involvement: mediator"),
    "a dated reaction": ("reactions.yml", f"    # date: {TODAY}"),
    "language unknown, our translation": (
        "quotations.yml",
        "    # translation: {language: unknown, translator: us}",
    ),
    "a title we supplied": ("sources.yml", "    # title_from: us"),
}
"""The scaffold's commented examples of the fields of many-party, long-running stories."""


@pytest.mark.parametrize(("name", "line"), SCAFFOLD_EXAMPLES.values(), ids=list(SCAFFOLD_EXAMPLES))
def test_the_scaffolds_commented_examples_load_once_uncommented(
    content: Path, name: str, line: str
) -> None:
    folder = create_story("my-story", content, TODAY)
    text = (folder / name).read_text(encoding="utf-8")
    assert f"\n{line}\n" in text
    (folder / name).write_text(text.replace(line, line.replace("# ", "", 1)), encoding="utf-8")
    story = next(s for s in load_stories(content) if s.id == "my-story")
    shown: dict[str, object] = {
        "actors.yml": story.actors[1],
        "reactions.yml": story.reactions[0],
        "quotations.yml": story.quotations[0],
        "sources.yml": story.sources[0],
    }
    key = line.replace("# ", "", 1).strip().split(": ", 1)[0]
    assert getattr(shown[name], key) not in (None, "party", "source")


def test_the_scaffold_names_the_kind_for_disputed_authorities_and_the_speaker_in_place() -> None:
    files = scaffold_files("my-story", TODAY)
    assert "authority (a de facto or disputed" in files["actors.yml"]
    assert "speaker: {name: ..., role: ...}" in files["quotations.yml"]
    assert "no_https" in files["sources.yml"]

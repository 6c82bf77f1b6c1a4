"""Every page as a reader receives it, for content/ and every fixture (pagecheck.py says
what is checked): no Markdown, template or list syntax left in the text, lists that are
lists, no empty heading or section, headings in order, every internal link and anchor
resolving. The fixtures hold several items of every kind and every optional field both
present and absent, so that a fault showing only with two of a thing shows here."""

from __future__ import annotations

import typing
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from conftest import CONTENT, FIXTURES
from pagecheck import check_site
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from sites import SiteCache

from devkit.site import mkdocs_build_in_process
from generator.content.load import load_stories, story_folders
from generator.content.models import Story

CONTENT_FOLDERS = {"content": CONTENT} | {
    folder.name: folder for folder in sorted(FIXTURES.iterdir()) if story_folders(folder)
}
"""content/ and each fixture that is a content folder (tests/fixtures/pages is not)."""

SMALL = "coalition"
"""The small fixture the fast tier builds in-process: several actors of each kind but one."""


@pytest.mark.build
@pytest.mark.parametrize("name", sorted(CONTENT_FOLDERS))
def test_every_page_reads_as_it_should(sites: SiteCache, name: str) -> None:
    site = sites.build(None if name == "content" else CONTENT_FOLDERS[name])
    problems = check_site(site.folder, site.site_url)
    assert problems == [], "\n".join(problems)


def test_every_page_of_a_small_fixture_reads_as_it_should(tmp_path: Path) -> None:
    url = "https://example.github.io/explainer/"
    mkdocs_build_in_process(tmp_path / "site", site_url=url, content=CONTENT_FOLDERS[SMALL])
    problems = check_site(tmp_path / "site", url)
    assert problems == [], "\n".join(problems)


# --- the check itself finds each fault ----------------------------------------------------

PAGE = """<!doctype html><html><head><title>{title}</title></head><body>
<a href="{link}">link</a><article class="md-content__inner">{body}</article></body></html>"""

CLEAN = """<h1 id="top">Title</h1><p>Text with <a href="#top">a link</a>.</p>
<h2 id="a">A</h2><ul><li>One</li><li>Two</li></ul>
<h3 id="b">B</h3><p>Text.</p><h2 id="c">C</h2><img src="../picture.png" alt="A picture">"""

FAULTS = {
    "run-on list (issue 20)": CLEAN.replace(
        "<li>One</li><li>Two</li>", '<li><a href="#a">One</a>: x<sup>1</sup>- <a>Two</a></li>'
    ),
    "a line of list syntax": CLEAN.replace("<p>Text.</p>", "<p>Text.\n- more</p>"),
    "bold left as stars": CLEAN.replace("Text.", "**Text.**"),
    "a Markdown link": CLEAN.replace("Text.", "[Text](a.md)."),
    "an abbreviation's definition": CLEAN.replace("Text.", "*[Text]: text"),
    "a heading's hashes": CLEAN.replace("<p>Text.</p>", "<p>## Text</p>"),
    "an attribute list": CLEAN.replace('<h2 id="a">A</h2>', '<h2 id="a">A { #a }</h2>'),
    "a template's braces": CLEAN.replace("Text.", "{{ story.title }}"),
    "an entity escaped twice": CLEAN.replace("Text.", "Who&amp;#39;s who"),
    "text in an attribute": CLEAN.replace('alt="A picture"', 'alt="**A** picture"'),
    "an empty list": CLEAN.replace("<li>One</li><li>Two</li>", ""),
    "an empty heading": CLEAN.replace('<h2 id="c">C</h2>', '<h2 id="c"> <a>¶</a></h2>'),
    "an empty section": CLEAN.replace("<p>Text.</p>", ""),
    "an empty last section": CLEAN.replace('<img src="../picture.png" alt="A picture">', ""),
    "two h1": CLEAN.replace('<h2 id="c">C</h2>', '<h1 id="c">C</h1>'),
    "a level skipped": CLEAN.replace('<h3 id="b">B</h3>', '<h4 id="b">B</h4>'),
    "a broken anchor": CLEAN.replace('href="#top"', 'href="#nowhere"'),
    "an id given twice": CLEAN.replace('<h3 id="b">', '<h3 id="a">'),
    "a link to no page": CLEAN.replace('href="#top"', 'href="../missing/"'),
    "an anchor on no other page": CLEAN.replace('href="#top"', 'href="../other/#nowhere"'),
    "a picture that is not there": CLEAN.replace("picture.png", "gone.png"),
}


def write_site(site: Path, body: str, link: str = "../other/", title: str = "A page") -> None:
    """A two-page site: page/ holding ``body`` (linking to ``link``), and other/."""
    for folder, text in (("page", body), ("other", CLEAN)):
        (site / folder).mkdir(parents=True, exist_ok=True)
        here = folder == "page"
        page = PAGE.format(
            title=title if here else "Other", link=link if here else "../page/#c", body=text
        )
        (site / folder / "index.html").write_text(page, encoding="utf-8")
    (site / "picture.png").write_bytes(b"")


def test_the_page_check_passes_a_clean_site(tmp_path: Path) -> None:
    write_site(tmp_path, CLEAN, link="https://example.org/elsewhere")
    assert check_site(tmp_path, "https://example.github.io/x/") == []


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_the_page_check_finds_each_fault(tmp_path: Path, fault: str) -> None:
    write_site(tmp_path, FAULTS[fault])
    problems = check_site(tmp_path, "https://example.github.io/x/")
    assert len(problems) == 1 and problems[0].startswith("page/index.html: "), problems


def test_the_page_check_reads_the_site_address_as_the_site(tmp_path: Path) -> None:
    write_site(tmp_path, CLEAN, link="https://example.github.io/x/other/#a")
    assert check_site(tmp_path, "https://example.github.io/x/") == []
    write_site(tmp_path, CLEAN, link="https://example.github.io/x/other/#gone")
    assert len(check_site(tmp_path, "https://example.github.io/x/")) == 1


def test_the_page_check_reads_the_title(tmp_path: Path) -> None:
    write_site(tmp_path, CLEAN, title="Who&amp;#39;s who")
    assert len(check_site(tmp_path, "https://example.github.io/x/")) == 1


# --- the fixtures hold two of everything, and every optional field present and absent ----


def _walk(model: BaseModel, seen: dict[str, set[str]]) -> None:
    """Record, for each field of each model met, 'set', 'unset' and 'several' (a list of
    two or more), walking into nested models."""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        key = f"{type(model).__name__}.{name}"
        if info.exclude:
            continue  # not written by an editor (read from elsewhere)
        if _optional(info):
            seen.setdefault(key, set()).add("set" if value not in (None, [], "") else "unset")
        if isinstance(value, list):
            seen.setdefault(key, set())
            if len(value) >= 2:
                seen[key].add("several")
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, BaseModel):
                _walk(item, seen)


def _optional(info: FieldInfo) -> bool:
    """Whether an editor may leave the field out (it is then None or empty), as opposed to a
    field they must write, or one with a value of its own (``basis: reported``)."""
    return not info.is_required() and info.get_default(call_default_factory=True) in (None, [])


def _is_list(model: type[BaseModel], name: str) -> bool:
    annotation: Any = model.model_fields[name].annotation
    return typing.get_origin(annotation) is list


def test_the_fixtures_hold_several_of_everything_and_every_optional_field_both_ways() -> None:
    seen: dict[str, set[str]] = {}
    kinds: Counter[tuple[str, str]] = Counter()
    for folder in CONTENT_FOLDERS.values():
        for story in load_stories(folder):
            _walk(story, seen)
            kinds.update((story.meta.id, actor.kind) for actor in story.actors)
    missing = []
    for key, found in sorted(seen.items()):
        model_name, name = key.split(".")
        model = _model(model_name)
        wanted = {"set", "unset"} if _optional(model.model_fields[name]) else set()
        if _is_list(model, name):
            wanted.add("several")
        if wanted - found:
            missing.append(f"{key}: never {' or '.join(sorted(wanted - found))}")
    assert missing == [], "\n".join(missing)
    for kind in (
        typing.get_args(Story.model_fields["actors"].annotation)[0]
        .model_fields["kind"]
        .annotation.__args__
    ):
        assert max(n for (_, k), n in kinds.items() if k == kind) >= 2, f"one {kind} per story"


def _model(name: str) -> type[BaseModel]:
    import generator.content.models

    model = getattr(generator.content.models, name)
    assert isinstance(model, type) and issubclass(model, BaseModel)
    return model

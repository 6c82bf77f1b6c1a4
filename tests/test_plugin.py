"""The engine-neutral build: the MkDocs plugin and its typed configuration, the theme's
templates in what Jinja2 and Zensical both read, and search as a step of its own."""

from __future__ import annotations

import re
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from conftest import MINIMAL, ROOT
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

from devkit.content import run_generator
from generator.publish.plugin import ExplainerPlugin


def test_the_plugin_is_registered_under_its_name() -> None:
    (found,) = entry_points(group="mkdocs.plugins", name="explainer")
    assert found.load() is ExplainerPlugin


def _config(tmp_path: Path, plugin: str) -> Path:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {ROOT / 'docs'}\n"
        f"theme:\n  name: material\n  custom_dir: {ROOT / 'theme'}\nplugins:\n{plugin}"
    )
    return config


def test_its_configuration_is_typed_and_read_from_mkdocs_yml(tmp_path: Path) -> None:
    config = load_config(
        str(
            _config(
                tmp_path, f"  - explainer:\n      content: {MINIMAL}\n      story: tiny-story\n"
            )
        )
    )
    plugin = config.plugins["explainer"]
    assert isinstance(plugin, ExplainerPlugin)
    assert plugin.content_dir(config) == MINIMAL
    assert (plugin.preview_story(), plugin.config.search) == ("tiny-story", True)
    wrong = _config(tmp_path, "  - explainer:\n      search: sometimes\n")
    with pytest.raises((Abort, ConfigurationError)):
        load_config(str(wrong))


ZENSICAL_UNKNOWN = re.compile(
    r"\.(split|get|append|startswith|endswith|strip|items|keys|values)\(|\bsrc_uri\b|page\.file"
)
"""What Zensical 0.0.73's template engine does not read (no Python string or list methods,
no ``page.file``): the theme keeps to what it and Jinja2 both do (``make engines`` builds
the site with it)."""


def test_the_theme_uses_nothing_zensical_cannot_read() -> None:
    found = [
        f"{template.relative_to(ROOT)}:{number}: {line.strip()}"
        for template in sorted((ROOT / "theme").rglob("*.html"))
        for number, line in enumerate(template.read_text(encoding="utf-8").splitlines(), 1)
        if ZENSICAL_UNKNOWN.search(line)
    ]
    assert found == []


@pytest.mark.build
def test_search_is_a_step_after_any_engine(tmp_path: Path) -> None:
    page = tmp_path / "site" / "page" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("<html><body><div data-pagefind-body><p>Hanoi summit</p></div></body></html>")
    result = run_generator("search", str(tmp_path / "site"), cwd=ROOT)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    assert result.stdout.startswith("Search: indexed 1 pages")
    assert (tmp_path / "site" / "pagefind" / "pagefind-entry.json").is_file()
    empty = run_generator("search", str(tmp_path / "empty"), cwd=ROOT)
    assert empty.returncode == 1 and "Pagefind could not index" in empty.stderr


def test_a_generated_pages_markdown_is_let_go_of_once_it_is_html(tmp_path: Path) -> None:
    """MkDocs converts every page before it writes the first: the plugin lets go of a
    generated page's Markdown (the file's text and the page's) once it is HTML, and
    keeps a page of docs/ as MkDocs has it."""
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

    config = load_config(str(_config(tmp_path, f"  - explainer:\n      content: {MINIMAL}\n")))
    plugin = ExplainerPlugin()
    config.plugins._current_plugin = "explainer"  # as while MkDocs runs on_files
    generated = File.generated(config, "story/index.md", content="# Story\n")
    static = File("about.md", str(tmp_path), str(tmp_path / "site"), use_directory_urls=True)
    for file, markdown in ((generated, "# Story\n"), (static, "# About\n")):
        page = Page("Title", file, config)
        page.markdown = markdown
        files = Files([generated, static])
        assert plugin.on_page_content("<h1>x</h1>", page=page, config=config, files=files) == (
            "<h1>x</h1>"
        )
        if file is generated:
            assert page.markdown is None and file.content_string == ""
        else:
            assert page.markdown == "# About\n"

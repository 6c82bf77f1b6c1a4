"""The generated site: golden Markdown, strict MkDocs builds, determinism, engine independence."""

from __future__ import annotations

import filecmp
import re
import shutil
from pathlib import Path

import pytest
from conftest import (
    CONTENT,
    MINIMAL,
    MKDOCS_WARNING,
    ROOT,
    STORY_IDS,
    mkdocs_build,
    text_files,
)
from sites import SiteCache
from storychecks import check_citations_resolve, check_open_data, check_pages_are_built

from devkit.content import copy_story, edit_file, run_generator
from devkit.engines import differences
from generator.content.load import load_stories
from generator.publish.project import read_config, write_project
from generator.render.build import GeneratedFiles, build_site, write_files

GOLDEN = ROOT / "tests" / "golden" / "minimal"


def reviewed_files(files: GeneratedFiles) -> dict[str, str]:
    """The generated text files a golden copy is kept of: not the JSON Schema files, which are
    ``schemas()`` as committed in schema/ (test_schema.py holds them to the models), and
    without the timeline chart's figure and picture, machine-made JSON and SVG no reviewer
    reads (test_charts.py tests them; the pages keep the <svg> that places the picture)."""
    return {
        path: text
        for path, text in text_files(files).items()
        if not path.endswith((".schema.json", "/timeline/figure.json", "/timeline/picture.svg"))
    }


def test_generated_markdown_matches_golden_files(update_golden: bool) -> None:
    files = reviewed_files(build_site(MINIMAL).files)
    if update_golden:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        write_files(files, GOLDEN)
    golden = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file()}
    assert golden == set(files), "generated files differ: run pytest --update-golden"
    for path, text in files.items():
        expected = (GOLDEN / path).read_text(encoding="utf-8")
        assert text == expected, f"{path} differs from its golden file (pytest --update-golden)"


def test_a_second_story_folder_gives_a_second_set_of_pages(content: Path) -> None:
    shutil.copytree(content / "tiny-story", content / "other-story")
    story = content / "other-story" / "story.yml"
    story.write_text(story.read_text().replace("id: tiny-story", "id: other-story"))
    files = text_files(build_site(content).files)
    assert "other-story/index.md" in files and "tiny-story/index.md" in files
    assert files["other-story/timeline.md"] == files["tiny-story/timeline.md"].replace(
        "tiny-story", "other-story"
    )


def test_home_lists_stories_newest_first(content: Path) -> None:
    shutil.copytree(content / "tiny-story", content / "older-story")
    story = content / "older-story" / "story.yml"
    text = story.read_text().replace("id: tiny-story", "id: older-story")
    story.write_text(text.replace("start: 2020-01-02", "start: 2010-01-02"))
    home = text_files(build_site(content).files)["index.md"]
    assert home.index("(tiny-story/index.md)") < home.index("(older-story/index.md)")


@pytest.fixture(scope="module")
def strict_build(sites: SiteCache) -> Path:
    site = sites.build()  # content/ for https://owner.github.io/repo/, built once per run
    assert not MKDOCS_WARNING.search(site.log), site.log
    return site.folder


def test_strict_build_of_the_real_content_passes(strict_build: Path) -> None:
    assert (strict_build / "index.html").is_file()
    assert (strict_build / "schema" / "story.schema.json").is_file()
    assert STORY_IDS, "no story under content/"


@pytest.mark.parametrize("story_id", STORY_IDS)
def test_every_page_of_every_story_is_built(strict_build: Path, story_id: str) -> None:
    files = build_site(CONTENT, story_id=story_id).files
    check_pages_are_built(files, strict_build, story_id)


@pytest.mark.parametrize("story_id", STORY_IDS)
def test_every_citation_of_every_story_resolves(strict_build: Path, story_id: str) -> None:
    check_citations_resolve(strict_build, story_id)


@pytest.mark.parametrize("story_id", STORY_IDS)
def test_pages_carry_social_cards_canonical_url_and_json_ld(
    strict_build: Path, story_id: str
) -> None:
    html = (strict_build / story_id / "index.html").read_text()
    assert f'<link rel="canonical" href="https://owner.github.io/repo/{story_id}/">' in html
    assert f'<meta property="og:url" content="https://owner.github.io/repo/{story_id}/">' in html
    assert '<meta name="twitter:card" content="summary">' in html
    assert '<script type="application/ld+json">' in html and '"NewsArticle"' in html
    about = (strict_build / "about" / "index.html").read_text()
    assert '<meta property="og:type" content="website">' in about


def test_no_page_refers_to_another_host(strict_build: Path) -> None:
    for page in strict_build.rglob("*.html"):
        html = page.read_text()
        for needle in (
            "fonts.googleapis",
            "fonts.gstatic",
            "cdn.jsdelivr",
            "unpkg.com",
            "cdn.plot.ly",
        ):
            assert needle not in html, f"{page} loads from {needle}"


@pytest.mark.build
def test_two_builds_are_byte_identical(strict_build: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    result = mkdocs_build(again, site_url="https://owner.github.io/repo/")
    assert result.returncode == 0, result.stderr
    comparison = filecmp.dircmp(strict_build, again)
    assert _differences(comparison) == []


def _differences(comparison: filecmp.dircmp[str]) -> list[str]:
    found = comparison.left_only + comparison.right_only
    _, mismatch, errors = filecmp.cmpfiles(
        comparison.left, comparison.right, comparison.common_files, shallow=False
    )
    found += mismatch + errors
    for sub in comparison.subdirs.values():
        found += _differences(sub)
    return found


@pytest.mark.build
def test_generated_project_builds_without_the_plugin(tmp_path: Path) -> None:
    """`build --out` writes a whole project: MkDocs builds it with no plugin, with the
    navigation, the publisher and the palette stylesheet of the site MkDocs builds."""
    site = build_site(CONTENT)
    write_project(site, tmp_path, ROOT)
    config = read_config(tmp_path / "mkdocs.yml")
    assert config["plugins"] == [] and config["nav"][0] == {"Home": "index.md"}
    assert config["extra"]["publisher"] == site.publisher
    result = mkdocs_build(tmp_path / "site", config=tmp_path / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    for story_id in STORY_IDS:
        check_pages_are_built(site.files, tmp_path / "site", story_id)
    joined = "assets/stylesheets/site.css"  # the palette without JavaScript is in it
    built = mkdocs_build(tmp_path / "with-plugin")
    assert built.returncode == 0, built.stderr
    # Every page reads the same without the plugin, once the steps after any engine have
    # run: its article, its story's chapters, Previous and Next
    # within its story, its table of contents, its glossary's marks and its policy.
    for step in (["terms", str(tmp_path / "site"), str(CONTENT)], ["csp", str(tmp_path / "site")]):
        assert run_generator(*step).returncode == 0, step
    assert differences(tmp_path / "with-plugin", tmp_path / "site") == []
    assert "@media (prefers-color-scheme: dark)" in (tmp_path / "site" / joined).read_text()
    assert filecmp.cmp(tmp_path / "site" / joined, tmp_path / "with-plugin" / joined, False)
    # The site's scripts joined in one file too, the one its pages load
    assert (tmp_path / "site" / "assets" / "javascripts" / "site.js").is_file()
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'src="assets/javascripts/site.js"' in home and "citations.js" not in home
    # written again into the same folder, the project is the same
    write_project(site, tmp_path, ROOT)
    assert filecmp.cmp(tmp_path / "docs" / joined, tmp_path / "with-plugin" / joined, False)


@pytest.mark.build
def test_content_error_stops_the_build_with_a_located_message(
    content: Path, tmp_path: Path
) -> None:
    timeline = content / "tiny-story" / "timeline.yml"
    timeline.write_text(timeline.read_text().replace("date: 2020-01-02", "date: 2020-13-02"))
    site = tmp_path / "site"
    result = mkdocs_build(site, content=content)
    assert result.returncode == 1
    assert "tiny-story/timeline.yml:13:11: '2020-13-02' has month 13" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (site / "index.html").exists()


@pytest.mark.parametrize("story_id", STORY_IDS)
def test_open_data_follows_its_published_schema(story_id: str) -> None:
    check_open_data(build_site(CONTENT, story_id=story_id).files, story_id)


def test_open_data_leaves_out_only_fields_whose_default_is_no_value() -> None:
    """story.json leaves out a field with no value, as the YAML files do: safe only while
    every field that can have no value has none by default, which this checks of every
    model (a field defaulting to a value but set to none would read back as its default)."""
    import pydantic
    from pydantic_core import PydanticUndefined

    from generator.content import models

    checked = 0
    for cls in vars(models).values():
        if isinstance(cls, type) and issubclass(cls, pydantic.BaseModel):
            for name, field in cls.model_fields.items():
                if "None" in str(field.annotation):
                    checked += 1
                    assert field.default in (None, PydanticUndefined), (cls.__name__, name)
    assert checked > 20


@pytest.mark.parametrize("story_id", STORY_IDS)
def test_open_data_json_is_the_model_as_json_dumps_writes_it(story_id: str) -> None:
    import json

    from generator.render.opendata import story_json

    (story,) = load_stories(CONTENT, story_id)
    tricky = 'Quote " back\\slash </script> \u2028 é 中 😀 \t tab'
    for case in (
        story,
        story.model_copy(update={"meta": story.meta.model_copy(update={"title": tricky})}),
    ):
        dumped = case.model_dump(mode="json", by_alias=True, exclude_none=True)
        expected = json.dumps(dumped, ensure_ascii=False, separators=(",", ":"))
        assert story_json(case) == expected + "\n"
        assert "\n" not in story_json(case)[:-1], "the open data is written on one line"


def add_copies(content: Path, count: int, years: int = 3) -> None:
    """``count`` copies of the minimal story, ``story-0``..., starting in 2000 to 2000 +
    ``years`` - 1 in turn, on 2 January."""
    for number in range(count):
        story = copy_story(content / "tiny-story", content, f"story-{number}")
        edit_file(story, "2020-01-02", f"{2000 + number % years}-01-02")


def test_many_stories_are_grouped_by_year_in_the_navigation(content: Path) -> None:
    from generator.render.archive import NAV_BY_YEAR_FROM, year_page_path

    add_copies(content, NAV_BY_YEAR_FROM)
    nav = build_site(content).nav
    assert [title for title, _ in nav] == ["Home", "2020", "2002", "2001", "2000"]
    for year, entries in nav[1:]:
        assert entries[0] == (year, year_page_path(year)), "a year's section opens on its page"
    assert len(build_site(MINIMAL).nav) == 2  # few stories: a flat list


CARD_LINK = re.compile(r"^## \[.*\]\(((?:\.\./)*)([a-z0-9-]+)/index\.md\)", re.M)


def card_links(markdown: str) -> list[str]:
    """The stories a home or year page shows as cards, by id, checking each link leads from
    the page's folder to the top of the site."""
    return [story_id for _, story_id in CARD_LINK.findall(markdown)]


@pytest.mark.parametrize("count", [12, 13, 40])
def test_no_page_lists_every_story_once_there_are_many(content: Path, count: int) -> None:
    from generator.render.archive import HOME_STORIES, many
    from generator.render.navigation import newest_first

    add_copies(content, count - 1, years=7)  # and tiny-story, in 2020
    files = text_files(build_site(content).files)
    stories = [s.id for s in newest_first(load_stories(content))]
    home = card_links(files["index.md"])
    years = sorted(p for p in files if re.fullmatch(r"stories/\d{4}/index\.md", p))
    # the rest of stories/ is the pages of actors in many stories (here, tiny-story's)
    assert not [
        p for p in files if p.startswith("stories/") and p not in years and "/with/" not in p
    ]
    if not many(load_stories(content)):
        assert home == stories and years == [], "a few stories: all on the home page"
        return
    assert home == stories[:HOME_STORIES], "the home page shows the newest, newest first"
    assert len(years) == 8  # 2000 to 2006 and 2020
    listed = []
    for path in years:
        year = path.split("/")[1]
        assert f"[{year}](" not in files[path] and f"**{year}**" not in files[path]
        on_page = card_links(files[path])
        assert [f"../../{s}/index.md" in files[path] for s in on_page] == [True] * len(on_page)
        assert on_page == [s for s in stories if s in on_page], "newest first"
        listed += on_page
        for other in years:  # every year's page links to every other
            other_year = other.split("/")[1]
            if other_year != year:
                assert f"[{other_year}](../../{other})" in files[path]
        assert f"[{year}]({path})" in files["index.md"]
    assert sorted(listed) == sorted(stories), "every story on exactly one year's page"


@pytest.mark.parametrize("pages", [1, 2000, 2001])
def test_instant_navigation_is_off_for_a_site_too_big_for_its_sitemap(pages: int) -> None:
    from mkdocs.config import load_config

    from generator.publish.plugin import INSTANT_NAVIGATION_MAX_PAGES, fit_instant_navigation

    config = load_config(str(ROOT / "mkdocs.yml"))
    assert "navigation.instant" in config.theme["features"]
    fit_instant_navigation(config, pages)
    kept = [f for f in config.theme["features"] if f.startswith("navigation.instant")]
    assert bool(kept) == (pages <= INSTANT_NAVIGATION_MAX_PAGES), kept
    assert "navigation.footer" in config.theme["features"]  # the others stay


def test_feeds_sit_beside_an_empty_sitemap() -> None:
    """Material fetches a sitemap.xml beside each feed a page links to (render/feeds.py)."""
    files = build_site(MINIMAL).files
    feeds = sorted(path for path in files if path.startswith("feeds/"))
    assert feeds == ["feeds/sitemap.xml", "feeds/stories.xml", "feeds/tiny-story.xml"]
    assert "<url>" not in str(files["feeds/sitemap.xml"])
    head = (ROOT / "theme" / "partials" / "news-head.html").read_text(encoding="utf-8")
    assert re.findall(r'rel="alternate"[^>]*href="\{\{ \'([^\']*)\'', head) == ["feeds/stories.xml"]


def test_the_project_hides_a_short_table_of_contents_of_a_static_page(tmp_path: Path) -> None:
    """A page of docs/ with fewer than two sections says `hide: [toc]` in the project, as
    the plugin hides it while MkDocs builds; its own front matter is kept."""
    from generator.publish.project import hide_short_toc

    pages = {
        "short.md": "---\ntitle: Short\nhide:\n- navigation\n---\n\n# Short\n\n## One\n",
        "long.md": "# Long\n\n## One\n\n## Two\n",
        "bare.md": "# Bare\n\nText.\n",
    }
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        hide_short_toc(tmp_path / name)
    short = (tmp_path / "short.md").read_text(encoding="utf-8")
    assert short == "---\ntitle: Short\nhide:\n- navigation\n- toc\n---\n\n# Short\n\n## One\n"
    assert (tmp_path / "long.md").read_text(encoding="utf-8") == pages["long.md"]
    assert (tmp_path / "bare.md").read_text(encoding="utf-8").startswith("---\nhide:\n- toc\n---\n")
    hide_short_toc(tmp_path / "short.md")
    assert (tmp_path / "short.md").read_text(encoding="utf-8") == short, "once"

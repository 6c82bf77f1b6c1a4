"""A built page without the whitespace only its templates needed (generator/publish/compact.py)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

from generator.publish.compact import compact, compact_css, compact_js


def test_indentation_and_blank_lines_between_tags_become_one_line_break() -> None:
    page = "<ul>\n\n    <li>\n      <a href='x'>One</a>\n    </li>\n\n\n  </ul>\n"
    assert compact(page) == "<ul>\n<li>\n<a href='x'>One</a>\n</li>\n</ul>\n"


def test_words_keep_a_space_between_them_where_a_line_broke() -> None:
    assert compact("<p>Published by\n        <a>Us</a>.\n   Again</p>") == (
        "<p>Published by\n<a>Us</a>.\nAgain</p>"
    )


def test_spaces_without_a_line_break_are_left_as_they_are() -> None:
    assert compact("<p>a  b <b>c</b>  d</p>") == "<p>a  b <b>c</b>  d</p>"


def test_pre_code_textarea_script_and_style_are_left_exactly_as_written() -> None:
    kept = (
        "<pre>\n  indented\n\n  lines\n</pre>",
        "<code>\n    x\n</code>",
        "<textarea>\n  a\n\n</textarea>",
        "<script>\n  if (a < b) {\n    go()\n  }\n</script>",
        "<style>\n  p > a {\n    color: red\n  }\n</style>",
        '<pre class="x">\n  <span>\n    y\n  </span>\n</pre>',
    )
    for html in kept:
        assert compact(f"<div>\n  {html}\n</div>") == f"<div>\n{html}\n</div>"


def test_a_quoted_value_keeps_its_line_breaks_and_the_gaps_between_attributes_shrink() -> None:
    tag = '<button type="button"\n        data-text="one\n    two"\n        hidden>'
    assert compact(tag) == '<button type="button" data-text="one\n    two" hidden>'


def test_a_value_with_a_closing_bracket_does_not_end_the_tag() -> None:
    page = '<a title="a > b\n  c">\n   x</a>'
    assert compact(page) == '<a title="a > b\n  c">\nx</a>'


def test_comments_are_kept_and_a_lone_bracket_is_text() -> None:
    assert compact("<!--\n  note\n-->\n  <p>1 <\n   2</p>") == "<!--\n  note\n-->\n<p>1 <\n2</p>"


def test_an_unclosed_script_keeps_the_rest_of_the_page() -> None:
    assert compact("<script>\n  a\n\n") == "<script>\n  a\n\n"


# --- the theme's stylesheets and scripts ----------------------------------------------


def test_a_stylesheet_loses_its_comments_and_indentation_but_not_its_strings() -> None:
    css = '/* what this is */\n.a {\n  color: red; /* why */\n\n  content: "/* kept */";\n}\n'
    assert compact_css(css) == '.a {\ncolor: red; \ncontent: "/* kept */";\n}\n'


def test_a_script_loses_the_comments_that_fill_lines_and_nothing_else() -> None:
    script = (
        "/* A script.\n * Two lines. */\n(() => {\n  // a note\n  const a = 1; // kept\n"
        '  const url = "http://x/y";\n  /* one line */\n  go(a, url);\n})();\n'
    )
    assert compact_js(script) == (
        '(() => {\n  const a = 1; // kept\n  const url = "http://x/y";\n  go(a, url);\n})();\n'
    )


@pytest.mark.parametrize(
    "script",
    [
        "const t = `\n// text, not a comment\n`;\n",  # a template string
        "go(); /* a comment after code,\n   ending later */\n",
        "/* never closed\ngo();\n",
        "/* a */ go(); /* b */\n",
    ],
)
def test_a_script_it_cannot_read_safely_is_left_as_written(script: str) -> None:
    assert compact_js(script) == script


def test_the_built_sites_theme_files_are_the_compact_copies_and_scripts_still_parse(
    tmp_path: Path,
) -> None:
    from devkit.site import mkdocs_build_in_process

    site = tmp_path / "site"
    mkdocs_build_in_process(site, content=FIXTURES / "minimal")
    theme = ROOT / "theme" / "assets"
    joined = (site / "assets" / "stylesheets" / "site.css").read_text(encoding="utf-8")
    for source in theme.glob("stylesheets/*.css"):  # served joined or alone, each compact
        compacted = compact_css(source.read_text(encoding="utf-8"))
        alone = site / "assets" / source.relative_to(theme)
        if alone.exists():  # fetched on demand (the search dialog's)
            assert alone.read_text(encoding="utf-8") == compacted, source.name
        else:
            assert compacted.rstrip() in joined, source.name
    comments = re.findall(r"/\*.*?\*/", joined, flags=re.S)
    assert all(re.fullmatch(r"/\* assets/stylesheets/[\w.-]+ \*/", c) for c in comments)
    scripts = (site / "assets" / "javascripts" / "site.js").read_text(encoding="utf-8")
    for source in theme.glob("javascripts/*.js"):  # served joined or alone, each compact
        compacted = compact_js(source.read_text(encoding="utf-8"))
        alone = site / "assets" / source.relative_to(theme)
        if alone.exists():
            text = alone.read_text(encoding="utf-8")
            if alone.name == "md-palette.js":  # the header's controls first, one line
                assert text.startswith("(s=>{") and text.count("\n") > compacted.count("\n")
                text = text.split("\n", 1)[1]
            assert text == compacted, source.name
        else:
            assert compacted.rstrip() in scripts, source.name
    node = shutil.which("node")
    if node:  # every script still parses
        for script in (site / "assets" / "javascripts").glob("*.js"):
            checked = subprocess.run([node, "--check", str(script)], capture_output=True)
            assert checked.returncode == 0, (script.name, checked.stderr)

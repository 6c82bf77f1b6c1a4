"""A built page without the whitespace only its templates needed (generator/publish/compact.py)."""

from __future__ import annotations

from generator.publish.compact import compact


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

"""The comparison of two engines' builds (devkit/engines.py, `make engines`)
sees a change in an article's text, in a story's chapters or its Previous and Next, in
whether a table of contents is shown or a policy written, a page only one build has, and
nothing else."""

from __future__ import annotations

from pathlib import Path

from devkit.engines import article_text, differences, main, reading_links

PAGE = (
    '<html><head><meta name="generator" content="{engine}"></head><body><nav>Menu</nav>'
    '<div data-pagefind-body><h1>Title</h1><p>{text}<br>more <img src="x.png">words</p>'
    "</div><footer>{engine}</footer></body></html>"
)


def _site(root: Path, engine: str, pages: dict[str, str]) -> Path:
    for path, text in pages.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(PAGE.format(engine=engine, text=text), encoding="utf-8")
    return root


def test_the_article_text_is_the_marked_element_alone() -> None:
    html = PAGE.format(engine="mkdocs-1.6.1", text="Some  text\n")
    assert article_text(html) == "Title Some text more words"


def test_inline_tags_part_no_words_and_blocks_do() -> None:
    """A glossary's <abbr> around a word leaves the comma after it where a reader sees it;
    cells and paragraphs stay apart."""
    marked = '<div data-pagefind-body><p><abbr title="t">DMZ</abbr>, the <em>zone</em>.</p>'
    plain = "<div data-pagefind-body><p>DMZ, the zone.</p>"
    assert article_text(marked) == article_text(plain) == "DMZ, the zone."
    table = "<div data-pagefind-body><table><tr><td>a</td><td>b</td></tr></table><p>c</p>"
    assert article_text(table) == "a b c"


def test_the_engines_chrome_is_not_compared(tmp_path: Path) -> None:
    one = _site(tmp_path / "a", "mkdocs-1.6.1", {"index.html": "Same", "x/index.html": "X"})
    two = _site(tmp_path / "b", "properdocs-1.6.7", {"index.html": "Same", "x/index.html": "X"})
    assert differences(one, two) == []
    assert main([str(one), str(two)]) == 0


def test_a_changed_article_and_a_missing_page_are_found(tmp_path: Path) -> None:
    one = _site(tmp_path / "a", "mkdocs", {"index.html": "Same", "x/index.html": "Before"})
    two = _site(tmp_path / "b", "other", {"index.html": "Same", "x/index.html": "After"})
    _site(two, "other", {"only/index.html": "New"})
    assert differences(one, two) == [
        f"only/index.html: only in {two}",
        "x/index.html: the article's text differs",
    ]
    assert main([str(one), str(two)]) == 1
    assert main([str(one), str(one), str(two)]) == 1, "each other engine against the first"


CHAPTERS = (
    '<html><body><div class="story-chapters story-chapters--top"><p><a href="{up}">Story</a></p>'
    '<nav><ol><li><a href="{up}one/" aria-current="page">One</a></li>'
    '<li><a href="{up}two/">Two</a></li></ol></nav></div>'
    '<div data-pagefind-body><h1>One</h1></div><nav class="md-header">x</nav>'
    '<footer><nav class="md-footer__inner"><a href="{up}two/">Next <div>Two</div></a></nav>'
    "</footer></body></html>"
)


def test_the_reading_links_are_where_they_lead_and_their_words() -> None:
    """The chapters and the footer's links, resolved against the page (one engine writes
    '../', another './../'): not the header's or the article's links."""
    links = reading_links(CHAPTERS.format(up="../"), "/story/one/")
    assert links == [
        "/story  Story",
        "/story/one page One",
        "/story/two  Two",
        "/story/two  Next Two",
    ]
    assert reading_links(CHAPTERS.format(up="./../"), "/story/one/") == links


def test_a_missing_chapter_bar_or_a_link_into_another_story_is_found(tmp_path: Path) -> None:
    page = CHAPTERS.format(up="../")
    one, two, three = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    for root, html in (
        (one, page),
        (two, page.replace('class="story-chapters story-chapters--top"', "")),
        (
            three,
            page.replace(
                'md-footer__inner"><a href="../two/"', 'md-footer__inner"><a href="../../other/"'
            ),
        ),
    ):
        (root / "story" / "one").mkdir(parents=True)
        (root / "story" / "one" / "index.html").write_text(html, encoding="utf-8")
    wrong = "story/one/index.html: the story's chapters or Previous and Next differ"
    assert differences(one, one) == []
    assert differences(one, two) == [wrong]
    assert differences(one, three) == [wrong]


def test_a_table_of_contents_shown_in_one_build_only_is_found(tmp_path: Path) -> None:
    toc = '<div class="md-sidebar" data-md-type="toc"><a href="#a">A</a></div>'
    one = _site(tmp_path / "a", "mkdocs", {"x/index.html": "Same"})
    two = _site(tmp_path / "b", "zensical", {"x/index.html": "Same"})
    (two / "x" / "index.html").write_text(
        (two / "x" / "index.html").read_text().replace("<nav>Menu</nav>", toc)
    )
    assert differences(one, two) == [
        "x/index.html: one build shows a table of contents, the other none"
    ]


def test_a_page_with_a_policy_in_one_build_only_is_found(tmp_path: Path) -> None:
    policy = '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'">'
    one = _site(tmp_path / "a", "mkdocs", {"x/index.html": "Same"})
    two = _site(tmp_path / "b", "zensical", {"x/index.html": "Same"})
    html = (one / "x" / "index.html").read_text()
    (one / "x" / "index.html").write_text(html.replace("<head>", "<head>" + policy))
    assert differences(one, two) == [
        "x/index.html: one build has a Content-Security-Policy, the other none"
    ]

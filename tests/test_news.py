"""What readers of a news explainer expect: credits, pictures, key numbers, reading time,
feeds, related stories. Loader errors, rendered Markdown, and the built fixture site
(tests/fixtures/news: one story with pictures and credits, one without)."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, MINIMAL, MKDOCS_WARNING, mkdocs_build, problems, profile
from sites import SiteCache

from devkit.content import copy_story, edit_file
from generator.content.load import load_stories
from generator.content.pictures import MAX_BYTES, WIDTHS
from generator.render.build import build_site
from generator.render.pictures import encode
from generator.render.reading import (
    CONSULTED_MARK,
    EXPLAINER_MARK,
    PAGE_MARK,
    WORDS_PER_MINUTE,
    fill_reading_times,
    minutes,
    words_in,
)
from generator.settings import SiteSettings

NEWS = FIXTURES / "news"
LEAD = "example-lead-summit"  # pictures, credits, key numbers, related
PLAIN = "example-geneva-talks"  # none of them
SITE_URL = "https://owner.github.io/repo/"


# --- pictures: what the loader refuses, at the line of the picture's file ---------------


def test_a_picture_without_alt_text_is_refused_at_its_block(news: Path) -> None:
    edit_file(news / LEAD / "story.yml", "  alt: The two delegations seated", "  # alt: x")
    (found,) = problems(news)
    assert re.search(r"story\.yml:\d+:\d+: 'alt' is missing from this block", found), found


def test_a_picture_without_a_credit_is_refused(news: Path) -> None:
    edit_file(news / LEAD / "background.yml", "      credit: Example Agency\n", "")
    (found,) = problems(news)
    assert "background.yml:" in found and "'credit' is missing" in found


def test_a_missing_picture_file_is_an_error_at_its_file_line(news: Path) -> None:
    edit_file(news / LEAD / "timeline.yml", "file: images/signing.png", "file: images/signin.png")
    (found,) = problems(news)
    line = next(
        n
        for n, text in enumerate((news / LEAD / "timeline.yml").read_text().splitlines(), 1)
        if "images/signin.png" in text
    )
    assert f"timeline.yml:{line}:13: no picture 'images/signin.png'; " in found
    assert "did you mean 'signing.png'?" in found


def test_an_oversized_picture_file_is_refused(news: Path) -> None:
    big = news / LEAD / "images" / "summit-table.jpg"
    big.write_bytes(big.read_bytes() + b"\0" * MAX_BYTES)
    (found,) = problems(news)
    assert "story.yml:" in found and "a picture may be 5 MB at most" in found


def test_a_picture_too_many_pixels_wide_is_refused(news: Path) -> None:
    from PIL import Image

    Image.new("RGB", (6400, 10), "white").save(news / LEAD / "images" / "summit-table.jpg")
    (found,) = problems(news)
    assert "is 6400 by 10 pixels; a picture may be 6000 pixels at most" in found


def test_a_file_that_is_no_picture_is_refused(news: Path) -> None:
    (news / LEAD / "images" / "summit-table.jpg").write_text("not a picture")
    (found,) = problems(news)
    assert "cannot be read as a picture" in found


def test_a_picture_outside_the_images_folder_is_refused(news: Path) -> None:
    edit_file(news / LEAD / "story.yml", "file: images/summit-table.jpg", "file: ../secret.jpg")
    (found,) = problems(news)
    assert "is not an image of the story's images folder" in found


def test_a_story_folder_may_hold_an_images_folder_and_no_other(news: Path) -> None:
    assert len(load_stories(news)) == 3
    (news / LEAD / "pictures").mkdir()
    (found,) = problems(news)
    assert "pictures go in a folder named 'images'" in found


def test_more_than_six_key_numbers_are_refused(news: Path) -> None:
    number = "  - figure: 1\n    label: thing\n    sources: [wire]\n"
    edit_file(news / LEAD / "story.yml", "key_facts:", "key_numbers:\n" + number * 4 + "key_facts:")
    story = news / LEAD / "story.yml"
    text = story.read_text()
    story.write_text(
        text.replace("key_numbers:\n" + number * 4, "", 1).replace(
            "key_numbers:\n", "key_numbers:\n" + number * 4, 1
        )
    )
    (found,) = problems(news)
    assert "a story shows at most 6 key numbers, and this one has 8" in found


def test_a_related_story_must_exist(news: Path) -> None:
    edit_file(news / LEAD / "story.yml", "[example-geneva-talks,", "[example-geneva,")
    (found,) = problems(news)
    assert re.search(r"story\.yml:\d+:11: no story 'example-geneva' in the content folder", found)
    assert "did you mean 'example-geneva-talks'?" in found


# --- renditions: a few widths, deterministic, no metadata ---------------------------------


def test_pictures_are_published_at_a_few_widths_never_wider_than_the_file() -> None:
    files = build_site(NEWS).files
    lead = sorted(p for p in files if p.startswith(f"{LEAD}/images/summit-table-"))
    assert lead == [f"{LEAD}/images/summit-table-{w}.jpg" for w in sorted(WIDTHS, key=str)]
    portrait = sorted(p for p in files if "side-a-portrait" in p)
    assert portrait == [
        f"{LEAD}/images/side-a-portrait-480.jpg",
        f"{LEAD}/images/side-a-portrait-600.jpg",
    ]
    assert f"{LEAD}/images/signing-900.png" in files  # a PNG stays a PNG


def test_renditions_are_the_same_bytes_every_time_and_carry_no_metadata() -> None:
    from PIL import Image

    source = io.BytesIO()
    picture = Image.new("RGB", (1000, 500), "#336699")
    exif = picture.getexif()
    exif[0x010F] = "Camera maker"  # a tag a camera writes
    picture.save(source, format="JPEG", exif=exif)
    data = source.getvalue()
    first = encode(data, 480, 240)
    encode.cache_clear()
    assert encode(data, 480, 240) == first
    with Image.open(io.BytesIO(first)) as out:
        assert out.size == (480, 240)
        assert not out.getexif()


def test_a_turned_photograph_is_published_upright(tmp_path: Path) -> None:
    from PIL import Image

    from generator.content.pictures import read_image

    picture = Image.new("RGB", (800, 400), "#336699")
    exif = picture.getexif()
    exif[0x0112] = 6  # "rotate 90° clockwise to view"
    path = tmp_path / "turned.jpg"
    picture.save(path, exif=exif)
    data = read_image(path, "images/turned.jpg")
    assert (data.width, data.height) == (400, 800)
    with Image.open(io.BytesIO(encode(data.data, 200, 400))) as out:
        assert out.size == (200, 400)


# --- the pages: present where the content has them, cleanly absent where not -------------


@pytest.fixture(scope="module")
def files() -> dict[str, str | bytes]:
    return build_site(NEWS, SiteSettings(SITE_URL)).files


def text_of(files: dict[str, str | bytes], path: str) -> str:
    text = files[path]
    assert isinstance(text, str)
    return text


def test_the_byline_names_authors_roles_editors_and_publisher(
    files: dict[str, str | bytes],
) -> None:
    page = text_of(files, f"{LEAD}/index.md")
    byline = page[page.index('<p class="byline__credits">') :].split("\n", 1)[0]
    assert byline.startswith('<p class="byline__credits">By <span class="byline__person">')
    assert (
        'href="https://newsroom.example.org/people/jane-example" rel="author">'
        "<bdi>Jane Example</bdi></a>" in byline
    )
    assert "(Diplomatic correspondent)</span></span> and <span" in byline
    assert 'Edited by <span class="byline__person"><bdi>Alex Editor</bdi>' in byline
    publisher = '<a href="https://newsroom.example.org/"><bdi>Example Newsroom</bdi></a>'
    assert f"Published by {publisher}." in byline


def test_a_story_without_credits_is_by_its_publisher_with_its_dateline(
    files: dict[str, str | bytes],
) -> None:
    page = text_of(files, f"{PLAIN}/index.md")
    credits = '<p class="byline__credits">By <span class="byline__person"><a href='
    publisher = '"https://newsroom.example.org/"><bdi>Example Newsroom</bdi></a></span>. </p>'
    assert credits + publisher in page
    assert "news-figure" not in page
    assert "key-numbers" not in page
    assert (
        '<p class="story-meta dateline"><span class="dateline__place">Geneva, Switzerland</span>'
        in page
    )


def test_key_numbers_show_figure_label_and_citation(files: dict[str, str | bytes]) -> None:
    page = text_of(files, f"{LEAD}/index.md")
    assert "<dt>3&#46;5%</dt>" in page  # the dot as an entity: "3." would start a list
    assert '<dd markdown="span">cap on port fees agreed<sup class="cite">' in page
    assert 'of talks on the second day <span class="basis basis--stated">' in page


def test_reading_times_are_filled_in_every_page(files: dict[str, str | bytes]) -> None:
    pages = {p: t for p, t in files.items() if p.endswith(".md") and isinstance(t, str)}
    assert not [p for p, t in pages.items() if "@@reading-time" in t or "@@consulted" in t]
    landing = pages[f"{LEAD}/index.md"]
    assert re.search(
        r'The whole explainer: <span class="reading-time">\d+ min</span> read', landing
    )
    background = pages[f"{LEAD}/background.md"]
    assert re.search(
        r'<p class="page-meta"><span class="reading-time">\d+ min</span> read', background
    )


def test_reading_time_counts_what_a_reader_sees() -> None:
    page = (
        "---\ntitle: X\n---\n\n# Talks open\n\nThe two sides [meet](other.md) today."
        '<sup class="cite">[1](sources.md#source-a)</sup>\n{ .standfirst }\n\n'
        "<svg><title>not read</title></svg><script>var notRead = 1</script>\n\n"
        "*[sides]: A definition shown on hover.\n"
    )
    assert words_in(page) == 7  # Talks open The two sides meet today
    assert minutes(0) == 1 and minutes(WORDS_PER_MINUTE + 1) == 2


def test_the_profiles_count_in_who_s_who_s_time_not_the_explainer_s() -> None:
    profiles = "## Profiles\n\n" + "word " * WORDS_PER_MINUTE * 3
    pages = {
        "s/index.md": f"# Talks\n\n{EXPLAINER_MARK} {PAGE_MARK}\n",
        "s/actors/index.md": f"# Who's who\n\n{PAGE_MARK}\n\nCast.\n\n{CONSULTED_MARK}{profiles}",
    }
    filled = fill_reading_times(pages, list(pages))
    assert "# Talks\n\n1 min 1 min" in filled["s/index.md"]  # 5 words in all before the mark
    assert "# Who's who\n\n4 min\n\nCast.\n\n## Profiles" in filled["s/actors/index.md"]


def test_related_stories_link_both_ways(files: dict[str, str | bytes]) -> None:
    lead, plain = text_of(files, f"{LEAD}/index.md"), text_of(files, f"{PLAIN}/index.md")
    assert "## Related stories { #related }" in lead
    assert f"(../{PLAIN}/index.md)" in lead.split("## Related stories")[1]
    assert f"(../{LEAD}/index.md)" in plain.split("## Related stories")[1]


def test_an_actor_links_to_its_profiles_in_other_stories(files: dict[str, str | bytes]) -> None:
    lead = profile(text_of(files, f"{LEAD}/actors/index.md"), "side-a")
    plain = profile(text_of(files, f"{PLAIN}/actors/index.md"), "side-a")
    titles = {}  # each story's linked by its title, to the actor's profile there
    for story in (LEAD, PLAIN):
        titles[story] = text_of(files, f"{story}/index.md").split("\n# ")[1].split("\n")[0]
    assert f"- [<bdi>{titles[PLAIN]}</bdi>](../../{PLAIN}/actors/index.md#actor-side-a), " in lead
    assert '<time datetime="2020-01">January 2020</time>' in lead  # the month of the story
    assert f"- [<bdi>{titles[LEAD]}</bdi>](../../{LEAD}/actors/index.md#actor-side-a), " in plain
    assert "In other stories" not in profile(text_of(files, f"{PLAIN}/actors/index.md"), "side-b")


def test_an_actor_in_many_stories_links_to_the_nearest_in_time(content: Path) -> None:
    from generator.render.related import ELSEWHERE_SHOWN

    for year in range(2010, 2020):  # ten more copies of tiny-story (2020), one a year
        story = copy_story(content / "tiny-story", content, f"story-{year}")
        edit_file(story, "2020-01-02", f"{year}-01-02")
    edit_file(content / "story-2013" / "actors.yml", "name: Side A", "name: Side A of old")
    files = build_site(content).files
    whos_who = text_of(files, "story-2014/actors/index.md")
    page = profile(whos_who, "side-a").split("#### In other stories")[1]
    linked = re.findall(
        r"^- \[[^]]+\]\(\.\./\.\./([a-z0-9-]+)/actors/index\.md#actor-side-a\)",
        page,
        re.M,
    )
    assert len(linked) == ELSEWHERE_SHOWN == 2
    # 2013 and 2015 are a year away: the nearest, the newer first.
    assert linked == ["story-2015", "story-2013"]
    # the name a story gives the actor, where it is another (the same id: the same actor)
    assert page.count(" (as ") == 1 and "(as <bdi>Side A of old</bdi>), " in page
    # and the page of every story the actor is in, for the other nine
    everything = "[All 11 stories with <bdi>Side A</bdi>](../../stories/with/side-a/index.md)"
    assert everything in page
    few = profile(text_of(files, "tiny-story/actors/index.md"), "side-a")
    assert everything in few.split("#### In other stories")[1]
    alone = text_of(build_site(MINIMAL).files, "tiny-story/actors/index.md")
    assert "In other stories" not in alone and "stories/with" not in alone


def test_an_actor_in_several_stories_has_a_page_of_them_all(content: Path) -> None:
    """Newest first, each story linked to the actor's profile there, with its role in it and
    the name it gives the actor where that is another: made when a profile cannot show
    every other story, and linked from each profile then."""
    from generator.render.related import ELSEWHERE_SHOWN

    years = (2011, 2013, 2015)
    assert len(years) == ELSEWHERE_SHOWN + 1  # with tiny-story, one more than a profile shows
    for year in years:
        story = copy_story(content / "tiny-story", content, f"story-{year}")
        edit_file(story, "2020-01-02", f"{year}-01-02")
    edit_file(content / "story-2011" / "actors.yml", "name: Side A", "name: Side A of old")
    role = load_stories(content)[0].actor("side-a").role.rstrip(".")
    edit_file(content / "story-2013" / "actors.yml", role, "Host of the talks")
    site = build_site(content)
    page = text_of(site.files, "stories/with/side-a/index.md")
    assert "title: Side A\n" in page  # named as its newest story names it
    assert "\n# <bdi>Side A</bdi>\n" in page
    lines = [line for line in page.splitlines() if line.startswith("- [")]
    hrefs = [re.search(r"\]\(([^)]+)\)", line).group(1) for line in lines]  # type: ignore[union-attr]
    assert hrefs == [
        f"../../../{story}/actors/index.md#actor-side-a"
        for story in ("tiny-story", "story-2015", "story-2013", "story-2011")
    ]
    roles = [role, role, "Host of the talks", role]  # each story's own
    assert [line.rsplit(": ", 1)[1] for line in lines] == roles, lines
    assert [" (as " in line for line in lines] == [False, False, False, True]
    assert lines[3].endswith(
        '(as <bdi>Side A of old</bdi>), <time datetime="2011-01">January 2011</time>: ' + role
    )
    assert "data-pagefind-ignore" in page  # a story's title finds the story, not its actors
    assert "4 stories, newest first" in page
    for sid in ("tiny-story", *(f"story-{year}" for year in years)):
        name = "Side A of old" if sid == "story-2011" else "Side A"  # as each names it
        link = f"[All 4 stories with <bdi>{name}</bdi>](../../stories/with/side-a/index.md)"
        assert link in text_of(site.files, f"{sid}/actors/index.md"), sid
    # every actor of these stories is in all four: each has its page, and nothing else does
    ids = {actor.id for story in load_stories(content) for actor in story.actors}
    made = {path for path in site.files if path.startswith("stories/with/")}
    assert made == {f"stories/with/{actor}/index.md" for actor in ids}
    # in one story fewer, a profile shows every other story: no page, and no link to one
    shutil.rmtree(content / "story-2011")
    fewer = build_site(content).files
    assert not [path for path in fewer if path.startswith("stories/with/")]
    assert "stories/with" not in text_of(fewer, "tiny-story/actors/index.md")


def test_the_lead_picture_is_shared_and_in_the_json_ld(files: dict[str, str | bytes]) -> None:
    import yaml

    page = text_of(files, f"{LEAD}/index.md")
    meta = yaml.safe_load(page.split("---\n")[1])
    url = f"{SITE_URL}{LEAD}/images/summit-table-1200.jpg"
    assert meta["og_image"] == {
        "url": url,
        "width": 1200,
        "height": 675,
        "alt": "The two delegations seated facing each other across a long table.",
    }
    assert meta["jsonld"]["image"] == [url]
    assert "og_image" not in yaml.safe_load(text_of(files, f"{PLAIN}/index.md").split("---\n")[1])


def test_open_data_carries_the_credits_and_the_publisher(files: dict[str, str | bytes]) -> None:
    data = json.loads(text_of(files, f"{LEAD}/data/story.json"))
    assert [a["name"] for a in data["meta"]["authors"]] == ["Jane Example", "Sam Sample"]
    assert data["meta"]["editors"][0] == {"name": "Alex Editor", "role": "Foreign editor"}
    assert data["meta"]["image"]["credit"] == "Pat Photographer / Example Agency"
    assert "image_files" not in data
    assert data["publisher"] == {
        "name": "Example Newsroom",
        "url": "https://newsroom.example.org/",
        "logo": "logo.png",
        "licence": "CC BY 4.0",
        "licence_url": "https://creativecommons.org/licenses/by/4.0/",
    }
    minimal = build_site(MINIMAL).files["tiny-story/data/story.json"]
    assert isinstance(minimal, str) and "publisher" not in json.loads(minimal)


# --- feeds: parsed by a real feed parser --------------------------------------------------


def test_the_feed_of_every_story_parses_with_dates_links_and_authors(
    files: dict[str, str | bytes],
) -> None:
    import feedparser

    feed = feedparser.parse(text_of(files, "feeds/stories.xml"))
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert [e.link for e in feed.entries] == [
        f"{SITE_URL}{LEAD}/",
        f"{SITE_URL}{PLAIN}/",
        f"{SITE_URL}example-bare-notice/",
    ]
    lead = feed.entries[0]
    assert lead.updated == "2021-03-20T00:00:00Z" and lead.published == "2021-03-12T00:00:00Z"
    assert [a.name for a in lead.authors] == ["Jane Example", "Sam Sample"]
    assert feed.feed.author == "Example Newsroom"
    assert feed.feed.updated == "2021-03-20T00:00:00Z"


def test_a_story_feed_lists_its_log_with_links_to_each_entry_and_escapes_text(
    files: dict[str, str | bytes],
) -> None:
    import feedparser

    feed = feedparser.parse(text_of(files, f"feeds/{LEAD}.xml"))
    assert not feed.bozo, feed.bozo_exception
    links = [e.link for e in feed.entries]
    assert links == [f"{SITE_URL}{LEAD}/#log-2", f"{SITE_URL}{LEAD}/#log-1", f"{SITE_URL}{LEAD}/"]
    update = feed.entries[0]
    assert update.updated == "2021-03-20T00:00:00Z"
    assert update.title.startswith("Update: Added Side B's statement")
    assert 'with "fees" & <tags> kept as typed.' in update.summary
    page = text_of(files, f"{LEAD}/index.md")
    assert '<li id="log-1" markdown="block">' in page and '<li id="log-2" markdown="block">' in page


def test_feeds_need_no_site_to_parse_the_same_twice() -> None:
    first = build_site(NEWS, SiteSettings(SITE_URL)).files
    again = build_site(NEWS, SiteSettings(SITE_URL)).files
    assert first == again


# --- the built site: JSON-LD, feed links, images, determinism -----------------------------


@pytest.fixture(scope="module")
def built(sites: SiteCache) -> Path:
    site = sites.build(NEWS, SITE_URL)  # built once per run: test_pages.py checks it too
    assert not MKDOCS_WARNING.search(site.log), site.log
    return site.folder


def json_ld(html: str) -> dict[str, object]:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert found, "no JSON-LD"
    data = json.loads(found.group(1))
    assert isinstance(data, dict)
    return data


NEWS_ARTICLE = {
    "@context", "@type", "headline", "description", "inLanguage", "datePublished",
    "dateModified", "contentLocation", "about", "author", "editor", "publisher", "image",
    "url", "mainEntityOfPage",
}  # fmt: skip
"""Properties of schema.org's NewsArticle (Article, CreativeWork, Thing) the pages use."""


def test_json_ld_has_the_news_article_fields(built: Path) -> None:
    data = json_ld((built / LEAD / "index.html").read_text())
    assert set(data) <= NEWS_ARTICLE, set(data) - NEWS_ARTICLE
    assert data["@type"] == "NewsArticle"
    assert data["datePublished"] == "2021-03-12" and data["dateModified"] == "2021-03-20"
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Jane Example",
            "jobTitle": "Diplomatic correspondent",
            "url": "https://newsroom.example.org/people/jane-example",
        },
        {"@type": "Person", "name": "Sam Sample"},
    ]
    publisher = data["publisher"]
    assert isinstance(publisher, dict)
    assert publisher["@type"] == "NewsMediaOrganization" and publisher["name"] == "Example Newsroom"
    logo = publisher["logo"]
    assert isinstance(logo, dict) and logo["url"] == f"{SITE_URL}images/logo-512.png"
    assert (built / "images" / "logo-512.png").is_file()
    image = data["image"]
    assert isinstance(image, list) and image[0].startswith(SITE_URL)
    assert (built / image[0].removeprefix(SITE_URL)).is_file()


def test_json_ld_of_a_story_without_credits_names_its_publisher_as_author(built: Path) -> None:
    data = json_ld((built / PLAIN / "index.html").read_text())
    assert "editor" not in data and "image" not in data
    assert data["publisher"] == json_ld((built / LEAD / "index.html").read_text())["publisher"]
    assert data["author"] == [data["publisher"]]


def test_pages_link_their_feeds_and_share_their_lead_picture(built: Path) -> None:
    lead = (built / LEAD / "index.html").read_text()
    # One feed for a reader's feed finder on each page: a story's own on its pages (the
    # footer links to the feed of every story), that one elsewhere.
    assert re.findall(r'<link rel="alternate" type="application/atom\+xml" ([^>]*)>', lead) == [
        f'title="This story\'s corrections and updates" href="../feeds/{LEAD}.xml"'
    ]
    assert (
        f'<meta property="og:image" content="{SITE_URL}{LEAD}/images/summit-table-1200.jpg">'
        in lead
    )
    assert '<meta name="twitter:card" content="summary_large_image">' in lead
    plain = (built / PLAIN / "index.html").read_text()
    assert "og:image" not in plain and '<meta name="twitter:card" content="summary">' in plain
    about = (built / "about" / "index.html").read_text()
    assert re.findall(r'<link rel="alternate" type="application/atom\+xml" ([^>]*)>', about) == [
        'title="Explainers: every story" href="../feeds/stories.xml"'
    ]


def test_every_picture_has_alt_size_and_only_the_lead_loads_at_once(built: Path) -> None:
    images = []
    for page in built.rglob("index.html"):
        html = re.sub(r"<noscript>.*?</noscript>", "", page.read_text(), flags=re.S)
        article = "".join(re.findall(r"<article .*?</article>", html, flags=re.S))
        images += [(page, tag) for tag in re.findall(r"<img [^>]*>", article)]
    assert len(images) >= 6
    for page, tag in images:
        assert re.search(r' alt="[^"]+"', tag) and ' width="' in tag and ' height="' in tag, tag
        assert ("data-src=" in tag) != ('fetchpriority="high"' in tag), (page, tag)


def test_the_publishers_logo_in_the_chrome_has_its_size_and_no_name_of_its_own(
    built: Path,
) -> None:
    html = (built / LEAD / "index.html").read_text()
    logos = re.findall(r'<img class="(?:masthead|site-footer)__logo"[^>]*>', html)
    assert len(logos) >= 2, "no logo in the masthead and the footer"
    for tag in logos:  # beside the publisher's name, which names it
        assert ' alt=""' in tag and ' width="' in tag and ' height="' in tag, tag


def test_a_build_of_pictures_is_byte_identical(built: Path, tmp_path: Path) -> None:
    import filecmp

    again = tmp_path / "again"
    assert mkdocs_build(again, site_url=SITE_URL, content=NEWS).returncode == 0
    pictures = sorted(
        p.relative_to(built) for p in built.rglob("*") if p.suffix in (".jpg", ".png")
    )
    assert pictures
    _, mismatch, errors = filecmp.cmpfiles(built, again, [str(p) for p in pictures], shallow=False)
    assert mismatch == errors == []


def test_the_minimal_story_still_builds_without_any_of_it() -> None:
    files = build_site(MINIMAL).files
    page = files["tiny-story/index.md"]
    assert isinstance(page, str)
    assert "byline__credits" not in page and "## Related stories" not in page
    assert not [p for p in files if "/images/" in p]


def test_one_settings_object_gives_every_reader_the_address_and_publisher(
    tmp_path: Path,
) -> None:
    """The site's address and publisher come from its settings, read once: the feeds,
    the JSON-LD, the shared picture, the open data and the project's mkdocs.yml agree."""
    from conftest import ROOT

    from generator.publish.project import read_config, write_project

    site = build_site(NEWS, SiteSettings("https://news.example/sub", "Site name"))
    address, publisher = site.settings.address, site.settings.publisher
    assert address == "https://news.example/sub/"
    assert publisher is not None and publisher.info.name == "Example Newsroom"
    assert site.settings.author == "Example Newsroom"
    for feed in ("feeds/stories.xml", f"feeds/{LEAD}.xml"):
        text = str(site.files[feed])
        assert f"<id>{address}" in text and "<name>Example Newsroom</name>" in text
    landing = str(site.files[f"{LEAD}/index.md"])
    assert f"url: {address}images/" in landing, "the publisher's logo, at the site's address"
    assert f"url: {address}{LEAD}/" in landing, "the shared lead picture"
    assert json.loads(site.files[f"{LEAD}/data/story.json"])["publisher"]["name"] == (
        "Example Newsroom"
    )
    write_project(site, tmp_path, ROOT)
    config = read_config(tmp_path / "mkdocs.yml")
    assert config["site_url"] == address
    assert config["extra"]["publisher"]["name"] == "Example Newsroom"
    alone = build_site(MINIMAL, SiteSettings("https://news.example/sub", "Site name"))
    assert alone.settings.publisher is None and alone.settings.author == "Site name"
    assert "<name>Site name</name>" in str(alone.files["feeds/stories.xml"])


def test_an_actor_in_very_many_stories_has_its_newest_and_a_page_a_year(
    content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past ACTOR_PAGE_ALL stories (made 4 here), an actor's page shows the newest
    ACTOR_PAGE_NEWEST (2) and links to a page for each year: no page grows with the stories."""
    from generator.render import pages

    monkeypatch.setattr(pages, "ACTOR_PAGE_ALL", 4)
    monkeypatch.setattr(pages, "ACTOR_PAGE_NEWEST", 2)
    for number, day in enumerate(("2018-03-01", "2018-05-01", "2019-01-02", "2019-06-01")):
        story = copy_story(content / "tiny-story", content, f"story-{number}")
        edit_file(story, "2020-01-02", day)
    files = build_site(content).files  # tiny-story (2020) and four more: five stories
    page = text_of(files, "stories/with/side-a/index.md")
    listed = re.findall(r"^- \[[^]]+\]\(\.\./\.\./\.\./([a-z0-9-]+)/actors/", page, re.M)
    assert listed == ["tiny-story", "story-3"]  # the newest two
    assert "The newest 2 of the 5 stories with <bdi>Side A</bdi>" in page
    years = re.findall(r"^- \[(\d{4})\]\(([^)]+)\) \((\d) stor", page, re.M)
    assert years == [
        (year, f"../../../stories/with/side-a/{year}/index.md", count)
        for year, count in (("2020", "1"), ("2019", "2"), ("2018", "2"))
    ]
    year = text_of(files, "stories/with/side-a/2018/index.md")
    assert "\n# <bdi>Side A</bdi> in 2018\n" in year
    listed = re.findall(r"^- \[[^]]+\]\(\.\./\.\./\.\./\.\./([a-z0-9-]+)/actors/", year, re.M)
    assert listed == ["story-1", "story-0"]
    assert '<strong aria-current="page">2018</strong>' in year
    assert (
        "[The newest stories with <bdi>Side A</bdi>](../../../../stories/with/side-a/index.md)"
        in year
    )
    assert "[2019](../../../../stories/with/side-a/2019/index.md)" in year
    made = {path for path in files if path.startswith("stories/with/side-a/")}
    assert made == {
        f"stories/with/side-a/{part}index.md" for part in ("", "2018/", "2019/", "2020/")
    }

"""The glossary's marks written into a built site after any engine
(`python -m generator terms`, generator/publish/terms.py): the article alone, each
term's first use, once however often the step runs, as the plugin marks them."""

from __future__ import annotations

from pathlib import Path

from sites import SiteCache

from devkit.content import run_generator
from devkit.engines import GLOSSARY_MARK
from generator.publish.terms import ARTICLE, mark_page, mark_site
from generator.render.abbr import Glossary

GLOSSARY = Glossary([("DMZ", "The demilitarised zone"), ("IAEA", "The atomic agency")])
PAGE = (
    '<html><head><title>DMZ</title></head><body><nav><a href="x">DMZ</a> DMZ</nav>'
    + ARTICLE
    + "<h1>The DMZ</h1><p>The DMZ, then the DMZ again; the IAEA.</p></article>"
    "<footer>DMZ</footer></body></html>"
)


def test_the_first_use_of_each_term_in_the_article_alone_is_marked() -> None:
    marked = mark_page(PAGE, GLOSSARY)
    assert GLOSSARY_MARK.findall(marked) == [
        ("The demilitarised zone", "DMZ"),
        ("The atomic agency", "IAEA"),
    ]
    assert marked.index("<abbr") > marked.index(ARTICLE), "not in the menu"
    assert "<p>The <abbr" in marked, "not in the heading, which is never marked"
    assert marked.endswith("<footer>DMZ</footer></body></html>")


def test_a_page_is_marked_once_however_often_the_step_runs() -> None:
    once = mark_page(PAGE, GLOSSARY)
    assert mark_page(once, GLOSSARY) == once
    assert mark_page("<html><body><p>DMZ</p></body></html>", GLOSSARY).count("<abbr") == 0


def test_the_step_marks_each_storys_pages_with_its_own_glossary(tmp_path: Path) -> None:
    for folder in ("story-a/one", "story-b", "about"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "index.html").write_text(PAGE, encoding="utf-8")
    other = Glossary([("IAEA", "Another definition")])
    done = mark_site(tmp_path, {"story-a": GLOSSARY, "story-b": other})
    assert (done.marked, done.kept) == (2, 0)
    marks = {
        folder: GLOSSARY_MARK.findall((tmp_path / folder / "index.html").read_text())
        for folder in ("story-a/one", "story-b", "about")
    }
    assert marks["story-b"] == [("Another definition", "IAEA")]
    assert len(marks["story-a/one"]) == 2 and marks["about"] == [], "not outside a story"
    again = mark_site(tmp_path, {"story-a": GLOSSARY, "story-b": other})
    assert (again.marked, again.kept) == (0, 2)


def test_the_command_reads_the_glossaries_from_the_content(
    sites: SiteCache, tmp_path: Path
) -> None:
    """The command marks a site built without the plugin as the plugin marks it: the
    MkDocs build's pages, their marks taken out, get the same marks back."""
    import shutil

    strict_build = sites.build().folder
    bare = tmp_path / "site"
    shutil.copytree(strict_build, bare)
    pages = sorted(bare.rglob("*.html"))
    for page in pages:
        html = page.read_text(encoding="utf-8")
        page.write_text(GLOSSARY_MARK.sub(r"\2", html), encoding="utf-8")
    result = run_generator("terms", str(bare))
    assert result.returncode == 0, result.stderr
    marked = [
        p for p in pages if GLOSSARY_MARK.search((strict_build / p.relative_to(bare)).read_text())
    ]
    assert marked, "the site has glossary marks to compare"
    for page in pages:
        built = strict_build / page.relative_to(bare)
        assert page.read_text(encoding="utf-8") == built.read_text(encoding="utf-8"), page

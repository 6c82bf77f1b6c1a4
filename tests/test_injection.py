"""The attacker's test: hostile text planted in every field of editors' words that the
model declares either is refused by ``check``, at its line, or reaches the built site as
text and never as markup, and never runs in a browser.

The fields are found from the model (:mod:`generator.content.fields`), not listed here: a new
field of editors' words is attacked as soon as it is declared. Fixture stories hold
values for them; a field no fixture holds is filled in on every item of its model.
"""

from __future__ import annotations

import html.parser
import json
import re
import shutil
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from conftest import FIXTURES, MINIMAL, ROOT
from pydantic import BaseModel
from sites import SiteCache

from devkit.content import copy_story, edit_file, run_generator
from generator.content import fields
from generator.content.errors import ContentErrors, Problem
from generator.content.load import check_content, load_stories
from generator.content.models import FILES, DateSpan, PublisherFile
from generator.content.yamlsource import YamlProblem, read_document
from generator.render.abbr import Glossary
from generator.render.render import time_element

STORIES = (
    MINIMAL / "tiny-story",  # the smallest story
    FIXTURES / "coalition" / "example-coalition-talks",  # groups, sides, translations, spans
    FIXTURES / "news" / "example-lead-summit",  # pictures, credits, key numbers
    FIXTURES / "news" / "example-geneva-talks",  # the stories it relates to
    FIXTURES / "news" / "example-bare-notice",
    FIXTURES / "dense" / "example-harbour-accord",  # spans with actors, in profiles
    FIXTURES / "long-aftermath" / "example-ridge-talks",  # a speaker named in place
)
PUBLISHER = FIXTURES / "news" / "publisher.yml"

MARK = "xss"
"""Every payload carries this word: wherever it is found in the site but as text, a
payload survived as markup."""
MARKDOWN_MARK = "xmd"
"""The same word in fields where Markdown is allowed, whose links may become links."""

PAYLOADS = [
    "<script>alert('xss-script')</script>",
    "</script><script>alert('xss-break')</script>",
    "<img src=x onerror=\"alert('xss-img')\" data-xss>",
    "<svg data-xss onload=alert('xss-svg')>",
    "<iframe data-xss srcdoc=\"<script>alert('xss-frame')</script>\"></iframe>",
    '" onmouseover="alert(\'xss-dq\')" data-xss="',  # breaks out of a "..." attribute
    "' onfocus='alert(`xss-sq`)' autofocus data-xss='",  # and out of a '...' one
    "<b data-xss onmouseover=alert('xss-b')>bold</b>",
    "[xss-link](javascript:alert('xss-link'))",
    "[xss-case](JaVaScRiPt:alert('xss-case'))",
    "[xss-data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![xss-image autofocus tabindex=0 onfocus=alert('xss-md-img') x](xss-src)",
    "[xss-title](https://example.org/xss \"t&quot; onmouseover=alert('xss-mdtitle') x=\")",
    "end of 2017 ![autofocus tabindex=0 onfocus=alert('xss-span') x](y)",
    "text{: onclick=\"alert('xss-attr')\" data-xss }",
    "<a href=\"jav&#x09;ascript:alert('xss-entity')\" data-xss>x</a>",
    "*[Zeta]: <b data-xss onmouseover=alert('xss-abbr')>",
    "<https://example.org/xss-auto> <javascript:alert('xss-auto')>",
    "<!-- xss-comment --> <style>body{background:url(xss-css)}</style>",
    "]]> <xss-cdata/> &#0; &amp;lt;script&amp;gt;xss-entities",
    '--8<-- "/etc/passwd" xss-snippet',
    "::add-mask::xss-mask ::error file=README.md::xss-annotation",
    "{{ xss_jinja }} {% if xss %}",
]
"""Valid text for every field (one line, no control characters): built, and inert."""

MARKDOWN_ONLY = ["xss\n\n<script>alert('xss-block')</script>\n\n*[Zeta]: <b data-xss>"]
"""Valid in a Markdown field only (line breaks): built, and inert."""

LINE_BREAKS = ["xss\n\n<script>alert('xss-lines')</script>\n\n*[z", "a\nb", "a\n\n::add-mask::b"]
"""Refused in every one-line field, at its line: 'this text must be on one line'."""

ESCAPES = ["\0", "\r", "\x1b", "\x0b", "\ufffe", "\x7f", "\x85", "\u2028", "\x9b", "\t"]
"""Written by the YAML writer as escapes ("\\0", "\\e", "\\v", "\\uFFFE", "\\x7F", "\\N",
"\\L"...): refused in every field as if typed raw, with the same message, at the escape."""

BIDI = ["\u202e", "\u202a", "\u2066", "\u2069", "\u200f", "\u200e", "\u061c"]
"""Refused in every name and title: they turn around the text after them."""

GLOSSARY_TERM = "Zeta"
"""A term planted in every field beside the payloads, defined with a payload: every
field then also shows an <abbr> whose title holds hostile text."""

COMPANIONS = {"analysis_by": {"basis": "analysis"}, "no_https": {"url": "http://example.org/"}}
"""What a field no fixture holds needs beside it to be valid."""

MODELS = fields.nested([*FILES.values(), PublisherFile])
DECLARED = {
    (model.__name__, fields.key(name, f)): f
    for model in MODELS
    for name, f in model.model_fields.items()
    if fields.is_text(f)
}
"""Every field of editors' words the model declares: {(model, key): field}."""


@dataclass
class Planted:
    """Where values were planted: {file: {location in the file: (model, key)}}."""

    at: dict[Path, dict[tuple[str | int, ...], tuple[str, str]]] = field(default_factory=dict)

    def fields(self) -> set[tuple[str, str]]:
        return {where for places in self.at.values() for where in places.values()}


def plant(
    data: Any,
    model: type[BaseModel],
    value: Any,
    planted: dict[tuple[str | int, ...], tuple[str, str]],
    where: tuple[str | int, ...] = (),
) -> Any:
    """``data`` with ``value(old, field)`` written into every field of editors' words at
    every depth, and each field the data lacks added to every item of its model.
    ``value`` returns None to leave a field as it is."""
    if isinstance(data, list):
        return [plant(item, model, value, planted, (*where, i)) for i, item in enumerate(data)]
    if not isinstance(data, dict):
        return data
    out = dict(data)
    for name, f in model.model_fields.items():
        key = fields.key(name, f)
        if fields.is_text(f):
            new = value(data.get(key), f)
            if new is not None and (key in data or key in COMPANIONS):
                out[key] = new
                out.update(COMPANIONS.get(key, {}))
                planted[(*where, key)] = (model.__name__, key)
        if key in data and isinstance(data[key], dict | list):
            inner = fields.model_in(f.annotation)
            if inner is not None:
                out[key] = plant(data[key], inner, value, planted, (*where, key))
    return out


def write_content(target: Path, value: Any, *, term: bool = False) -> Planted:
    """The fixture stories and publisher.yml, copied into ``target`` with ``value`` planted;
    with ``term``, a glossary term planted beside the payloads, defined by them."""
    planted = Planted()
    target.mkdir(parents=True, exist_ok=True)
    sources: list[tuple[Path, type[BaseModel], Path]] = [
        (PUBLISHER, PublisherFile, target / "publisher.yml")
    ]
    shutil.copy(PUBLISHER.parent / "logo.png", target / "logo.png")
    for original in STORIES:
        story = target / original.name
        story.mkdir(parents=True)
        if (original / "images").is_dir():
            shutil.copytree(original / "images", story / "images")
        sources += [(s, FILES[s.name], story / s.name) for s in sorted(original.glob("*.yml"))]
    for source, model, written in sources:
        data = yaml.load(source.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        places: dict[tuple[str | int, ...], tuple[str, str]] = {}
        data = plant(data, model, value, places)
        if term and written.name == "glossary.yml":
            definition = value("Z", DECLARED[("Term", "definition")])
            sources = list(data["glossary"][0]["sources"])
            data["glossary"].append(
                {"term": GLOSSARY_TERM, "definition": definition, "sources": sources}
            )
        written.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        planted.at[written] = places
    return planted


BATCHES = [PAYLOADS[: len(PAYLOADS) // 2], PAYLOADS[len(PAYLOADS) // 2 :] + MARKDOWN_ONLY]
"""The payloads in two builds: all of them in one value would be longer than some fields
may be (a glossary definition is 1,000 characters at most)."""


def hostile(batch: list[str]) -> Any:
    """A value for :func:`plant`: the batch after the field's own value (or instead of a
    missing one); the Markdown-only payloads only where Markdown is."""

    def value(old: str | None, f: Any) -> str:
        payloads = [p for p in batch if p not in MARKDOWN_ONLY or not fields.is_one_line(f)]
        text = f"{old or 'Text'} {GLOSSARY_TERM} " + " ".join(payloads)
        return text if fields.is_one_line(f) else text.replace(MARK, MARKDOWN_MARK)

    return value


def test_the_fixtures_hold_every_declared_field(tmp_path: Path) -> None:
    planted = write_content(tmp_path, hostile(PAYLOADS), term=True)
    assert planted.fields() == set(DECLARED), "add the missing fields to a fixture story"
    # The README says how many, and the count must stay true as the model grows.
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    one_line = sum(fields.is_one_line(f) for f in DECLARED.values())
    names = sum(fields.is_name(f) for f in DECLARED.values())
    for said in (
        f"plants {len(PAYLOADS) + len(MARKDOWN_ONLY)} payloads",
        f"into each of the {len(DECLARED)},",
        f"({one_line} one-line fields)",
        f"(all {len(DECLARED)})",
        f"({names} names and titles)",
    ):
        assert said in readme, f"README.md should say {said!r}"


# --- what check refuses ---------------------------------------------------------------


def problems_of(content: Path) -> list[Any]:
    with pytest.raises(ContentErrors) as refused:
        check_content(content, workers=1)
    return refused.value.errors


@pytest.mark.parametrize("payload", LINE_BREAKS)
def test_line_breaks_are_refused_in_every_one_line_field_at_its_line(
    tmp_path: Path, payload: str
) -> None:
    one_line = {k for k, f in DECLARED.items() if fields.is_one_line(f)}
    planted = write_content(tmp_path, lambda old, f: payload if fields.is_one_line(f) else None)
    assert planted.fields() == one_line
    expected = {
        (path, read_document(path).position(location)[0])
        for path, places in planted.at.items()
        for location in places
    }
    found = problems_of(tmp_path)
    assert {(p.path, p.line) for p in found} == expected
    assert all("must be on one line" in p.message for p in found), found


@pytest.mark.parametrize("char", ESCAPES, ids=[f"U+{ord(c):04X}" for c in ESCAPES])
def test_control_characters_written_as_escapes_are_refused_in_every_field(
    tmp_path: Path, char: str
) -> None:
    raw = tmp_path / "raw.yml"  # the same character typed raw (a NUL byte reads as UTF-16)
    typed_char = "\x01" if char == "\0" else char
    raw.write_text(f"a: ok {typed_char}x\n", encoding="utf-8")
    with pytest.raises(YamlProblem) as typed:
        read_document(raw)
    message = typed.value.message.replace("U+0001", f"U+{ord(char):04X}")
    planted = write_content(tmp_path / "content", lambda old, f: old or "x")  # where they are
    assert planted.fields() == set(DECLARED)
    for path, places in planted.at.items():
        clean = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        for location in places:  # one at a time: reading stops at the first
            data = _replaced(clean, location, f"ok {char}")
            written = yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True)  # libyaml's
            path.write_text(written, encoding="utf-8")
            text = path.read_text(encoding="utf-8")
            assert char not in text  # written as an escape
            with pytest.raises(YamlProblem) as refused:
                read_document(path)
            line = next(i for i, row in enumerate(text.splitlines(), 1) if "ok \\" in row)
            column = text.splitlines()[line - 1].index("ok \\") + len("ok ") + 1
            assert (refused.value.line, refused.value.column) == (line, column), location
            assert refused.value.message == message


def _replaced(data: Any, location: tuple[str | int, ...], value: str) -> Any:
    copy = json.loads(json.dumps(data))
    parent = copy
    for step in location[:-1]:
        parent = parent[step]
    parent[location[-1]] = value
    return copy


@pytest.mark.parametrize("mark", BIDI, ids=[f"U+{ord(c):04X}" for c in BIDI])
def test_direction_marks_are_refused_in_every_name_and_title(tmp_path: Path, mark: str) -> None:
    names = {k for k, f in DECLARED.items() if fields.is_name(f)}
    planted = write_content(tmp_path, lambda old, f: f"a{mark}b" if fields.is_name(f) else None)
    assert planted.fields() == names and len(names) >= 10
    expected = {
        (path, read_document(path).position(location)[0])
        for path, places in planted.at.items()
        for location in places
    }
    found = problems_of(tmp_path)
    assert {(p.path, p.line) for p in found} == expected
    assert all(f"U+{ord(mark):04X}" in p.message for p in found), found


# --- what is built --------------------------------------------------------------------

TEXT_ATTRIBUTES = frozenset(
    {"title", "alt", "aria-label", "content", "data-pagefind-meta", "data-pagefind-filter"}
)
"""Attributes whose value is text shown to readers: a payload may be there, as text."""
ANCHOR_ATTRIBUTES = frozenset({"id", "href", "for", "aria-controls", "aria-describedby"})
ANCHOR = re.compile(r"^[A-Za-z0-9_./#-]+$")
"""An anchor made from text (a glossary term's, a heading's): no quote, space or bracket."""
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "srcdoc"})
BAD_SCHEMES = ("javascript:", "data:", "vbscript:")


class _Page(html.parser.HTMLParser):
    """Everything in a page that came from a payload as markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._raw: tuple[str, dict[str, str]] | None = None  # inside <script> or <style>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if MARK in tag or MARKDOWN_MARK in tag:
            self.found.append(f"element <{tag}>")
        for name, value in values.items():
            self._attribute(tag, name, value)
        if tag in ("script", "style"):
            self._raw = (tag, values)

    def _attribute(self, tag: str, name: str, value: str) -> None:
        where = f"<{tag} {name}={value[:80]!r}>"
        if name.startswith("on") or MARK in name or MARKDOWN_MARK in name:
            self.found.append(f"attribute {where}")
        if name in URL_ATTRIBUTES and "".join(value.split()).lower().startswith(BAD_SCHEMES):
            self.found.append(f"dangerous URL {where}")
        if MARK in value or MARKDOWN_MARK in value:
            text = name in TEXT_ATTRIBUTES
            anchor = name in ANCHOR_ATTRIBUTES and ANCHOR.match(value)
            link = name == "href" and MARKDOWN_MARK in value and value.startswith("https://")
            if not (text or anchor or link):
                self.found.append(f"payload in {where}")

    def handle_endtag(self, tag: str) -> None:
        self._raw = None

    def handle_data(self, data: str) -> None:
        if self._raw is None or (MARK not in data and MARKDOWN_MARK not in data):
            return
        tag, attrs = self._raw
        if tag == "script" and "json" in attrs.get("type", ""):
            json.loads(data)  # data, still whole: the payload did not close the element
        else:
            self.found.append(f"payload inside <{tag}>: {data[:80]!r}")

    def handle_comment(self, data: str) -> None:
        if MARK in data or MARKDOWN_MARK in data:
            self.found.append(f"comment <!--{data[:80]}-->")


@pytest.fixture(scope="module", params=range(len(BATCHES)), ids=lambda n: f"batch{n + 1}")
def batch(request: Any) -> int:
    """Which of the BATCHES of payloads the content holds."""
    return int(request.param)


@pytest.fixture(scope="module")
def hostile_content(batch: int, tmp_path_factory: pytest.TempPathFactory) -> Path:
    content = tmp_path_factory.mktemp("content")
    write_content(content, hostile(BATCHES[batch]), term=True)
    # side-a's fourth story: an actor in more stories than a profile shows has a page
    copy_story(content / "tiny-story", content, "tiny-story-again")
    stories = load_stories(content)  # every payload is valid text: nothing is refused
    assert len(stories) == len(STORIES) + 1
    assert all(BATCHES[batch][0] in story.meta.title for story in stories)
    return content


@pytest.fixture(scope="module")
def served_hostile_site(batch: int, hostile_content: Path, sites: SiteCache) -> tuple[str, Path]:
    """The hostile content built once per run and batch, served at
    http://hostileN.sites.localhost/hostile/: the first process to ask builds it from its
    own ``hostile_content``, which every process writes alike."""
    return sites.served(f"hostile{batch + 1}", lambda _: (hostile_content, None), path="hostile")


@pytest.fixture(scope="module")
def hostile_site(served_hostile_site: tuple[str, Path]) -> Path:
    """The folder of the built hostile site, which the browser tests are served."""
    return served_hostile_site[1]


def test_no_payload_survives_as_markup_on_any_page(hostile_site: Path) -> None:
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 50
    assert list(hostile_site.glob("stories/with/*/index.html")), "no actor's page of stories"
    found = []
    for page in pages:
        parsed = _Page()
        parsed.feed(page.read_text(encoding="utf-8"))
        found += [f"{page.relative_to(hostile_site)}: {what}" for what in parsed.found]
    assert found == []
    # The payloads are there, shown as typed: in text, and in abbreviations' titles.
    story = (hostile_site / "tiny-story" / "index.html").read_text(encoding="utf-8")
    assert "&lt;" in story and "alert(" in story
    assert re.search(r'<abbr title="[^"]*xss', story), "no hostile <abbr>"


def test_feeds_stay_well_formed_with_no_payload_element(hostile_site: Path) -> None:
    feeds = sorted(hostile_site.rglob("*.xml"))
    assert len(feeds) >= 2
    for feed in feeds:
        root = ElementTree.parse(feed).getroot()
        tags = [element.tag for element in root.iter()]
        assert not [t for t in tags if MARK in t or MARKDOWN_MARK in t], feed


def test_no_file_from_disk_is_included(hostile_site: Path) -> None:
    for page in hostile_site.rglob("*.html"):
        assert "root:x:0:0" not in page.read_text(encoding="utf-8")


# --- in the browser -------------------------------------------------------------------

RECORD = """
window.__ran = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  window[name] = function () { window.__ran.push(name + ":" + Array.from(arguments).join()); };
}
"""
"""Run before any script of the page: every call a payload would make is recorded."""

PROVOKE = """
() => {
  const targets = document.querySelectorAll(
    "abbr, [title], time, .md-ellipsis, a, [data-definition], [tabindex]");
  for (const el of targets) {
    for (const kind of ["mouseenter", "mouseover", "pointerenter", "mousemove"]) {
      el.dispatchEvent(new MouseEvent(kind, {bubbles: kind !== "mouseenter"}));
    }
    if (el.focus) el.focus();
    el.dispatchEvent(new FocusEvent("focusin", {bubbles: true}));
  }
  return targets.length;
}
"""
"""Hover and focus every element a tooltip or a handler could hang on."""


@pytest.mark.browser
def test_no_payload_runs_in_the_browser_on_hover_or_focus(
    served_hostile_site: tuple[str, Path], browser: Any
) -> None:
    from accessibility import kinds

    base, folder = served_hostile_site
    every = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("index.html"))
    # A page of each kind, and enough pages to hold every kind of element any page holds:
    # the payloads are the same in every field, and the scripts act on elements by kind.
    pages = kinds(folder, [page.removesuffix("index.html") for page in every])
    assert len(every) > 50 and len(pages) < len(every)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD)
    tab = context.new_page()
    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    tab.on("dialog", on_dialog)
    ran, provoked = [], 0
    for path in pages:
        tab.goto(base + path, wait_until="load")
        provoked += tab.evaluate(PROVOKE)
        ran += [f"{path}: {call}" for call in tab.evaluate("window.__ran")]
    context.close()
    assert provoked > 500, "too few elements hovered and focused to trust (880 on 6 December)"
    assert ran == [] and dialogs == []


# --- each attack of issue 19, as it was reported --------------------------------------

SCRIPT_TERM = "CVID\n\n<script>alert(document.domain)</script>\n\n*[z"
COMMANDS_TERM = "Lorem\n::notice file=README.md::Approved\n::add-mask::Hanoi"


def test_a_glossary_term_with_line_breaks_is_refused_at_its_line(content: Path) -> None:
    glossary = content / "tiny-story" / "glossary.yml"
    edit_file(glossary, "term: tariff", f"term: {json.dumps(SCRIPT_TERM)}")
    found = problems_of(content)
    assert [(p.path.name, p.line, p.column) for p in found] == [("glossary.yml", 2, 11)]
    assert "must be on one line" in found[0].message


def test_a_glossary_definition_stays_inside_its_abbreviations_title() -> None:
    """Whatever the model lets through, a definition is one attribute value, as text."""
    definition = 'a\n\n<b onmouseover="alert(1)">d</b>" onfocus="alert(2)'
    page = Glossary([("CVID", definition)]).mark("<p>The CVID demand.</p>")
    parsed = _Elements()
    parsed.feed(page)
    assert [tag for tag, _ in parsed.elements] == ["p", "abbr"]
    assert dict(parsed.elements[1][1]) == {"title": " ".join(definition.split())}


def test_a_span_label_cannot_break_out_of_its_title_attribute() -> None:
    label = "end of 2017 ![autofocus tabindex=0 onfocus=alert(document.domain) x](y)"
    span = DateSpan.model_validate({"from": "2017-10", "to": "2017-12", "label": label})
    # Through Python-Markdown with the site's extensions, as MkDocs renders a page.
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTagLoader)
    extensions = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    page = markdown.markdown(f"Signed {time_element(span)} in Hanoi.", extensions=extensions)
    parsed = _Elements()
    parsed.feed(page)
    assert [tag for tag, _ in parsed.elements] == ["p", "time"], page
    time = dict(parsed.elements[1][1])
    assert set(time) == {"datetime", "title"} and label in (time["title"] or "")


def test_materials_tooltips_which_copy_titles_as_html_are_off() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTagLoader)
    assert "content.tooltips" not in config["theme"]["features"]
    script = (ROOT / "theme" / "assets" / "javascripts" / "glossary.js").read_text()
    assert "textContent" in script and "innerHTML" not in script.split("*/", 1)[1]


def test_a_quotation_mark_in_a_title_cannot_add_attributes_to_the_embed_code(
    hostile_content: Path, hostile_site: Path
) -> None:
    stories = load_stories(hostile_content)
    titles = {story.id: story.meta.title for story in stories}
    assert all('"' in title for title in titles.values())
    pages = sorted(hostile_site.glob("*/timeline/index.html"))
    assert len(pages) == len([story for story in stories if story.events])
    for page in pages:
        code = re.search(
            r'<pre class="timeline-embed__code"[^>]*><code>(.*?)</code>', page.read_text(), re.S
        )
        assert code is not None
        pasted = _Elements()
        pasted.feed(html.unescape(code.group(1)))  # what another site pastes
        frame = dict(pasted.elements[0][1])
        assert pasted.elements[0][0] == "iframe"
        assert set(frame) == {"src", "title", "width", "height", "style", "loading"}
        title = frame["title"] or ""
        assert title == f"Timeline: {titles[page.parent.parent.name]}"


def test_names_are_isolated_wherever_the_pages_print_them(hostile_site: Path) -> None:
    story = "example-coalition-talks"
    ids = [a.id for a in load_stories(FIXTURES / "coalition")[0].actors]
    to_actor = re.compile(rf'<a href="[^"]*#actor-(?:{"|".join(ids)})"[^>]*>(.*?)</a>', re.S)
    links = []
    for page in sorted((hostile_site / story).rglob("index.html")):
        article = page.read_text().split("<article", 1)[1].split("</article>", 1)[0]
        links += to_actor.findall(article)
    assert len(links) >= 20
    assert all(text.startswith("<bdi>") and text.endswith("</bdi>") for text in links), links


def test_check_prints_no_line_an_actions_runner_would_read_as_a_command(
    content: Path,
) -> None:
    glossary = content / "tiny-story" / "glossary.yml"
    edit_file(glossary, "term: tariff", f"term: {json.dumps(COMMANDS_TERM)}")
    for output in ("text", "github"):
        result = run_generator("check", "--format", output, str(content))
        assert result.returncode == 1
        lines = (result.stdout + result.stderr).splitlines()
        commands = [line for line in lines if line.startswith("::")]
        ours = re.compile(r"^::(error|warning) file=[^:\n]*,line=\d+,col=\d+::")
        if output == "text":
            assert commands == [], commands
        else:
            assert commands and all(ours.match(line) for line in commands), commands
        assert "::add-mask::Hanoi" not in [line.strip() for line in lines]


def test_a_problem_never_starts_a_line_of_its_own_message_or_path() -> None:
    problem = Problem(Path("a\n::error::b/story.yml"), 1, 2, f"x{COMMANDS_TERM}\u2028::y\x85::z")
    assert len(str(problem).splitlines()) == 1
    annotation = problem.as_github_annotation()
    assert len(annotation.splitlines()) == 1
    assert annotation.startswith("::error file=a%0A%3A%3Aerror%3A%3Ab/story.yml,line=1,col=2::")


class _Elements(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, attrs))


class _AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml's !ENV tags read as plain values."""


_AnyTagLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


@pytest.mark.browser
def test_glossary_definitions_show_as_text_on_hover_and_keyboard_focus(
    served_hostile_site: tuple[str, Path], browser: Any
) -> None:
    base, _ = served_hostile_site
    context = browser.new_context(viewport={"width": 375, "height": 800})
    context.add_init_script(RECORD)
    tab = context.new_page()
    tab.goto(base + "tiny-story/")
    term = tab.locator("article abbr.glossary-term").first
    term.wait_for()
    tip = tab.locator("#glossary-tip")
    definition = term.get_attribute("data-definition") or ""
    assert "<" in definition and MARK in definition
    assert term.get_attribute("tabindex") == "0" and term.get_attribute("title") is None
    # The keyboard: Tab reaches the term, Escape hides its definition.
    tab.evaluate("document.activeElement && document.activeElement.blur()")
    while tab.evaluate("document.activeElement") is None or not term.evaluate(
        "el => el === document.activeElement"
    ):
        tab.keyboard.press("Tab")
    tip.wait_for(state="visible")
    assert tip.text_content() == definition
    assert tip.evaluate("el => el.children.length") == 0  # text, never markup
    assert term.get_attribute("aria-describedby") == "glossary-tip"
    tab.keyboard.press("Escape")
    tip.wait_for(state="hidden")
    # The pointer: hovering shows it, leaving hides it.
    tab.evaluate("document.activeElement.blur()")
    term.hover()
    tip.wait_for(state="visible")
    assert tip.text_content() == definition
    tab.mouse.move(0, 0)
    tip.wait_for(state="hidden")
    assert tab.evaluate("window.__ran") == []
    context.close()

"""Hostile text in every text field of a story never reaches the built HTML as code."""

from __future__ import annotations

import html.parser
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import mkdocs_build
from pydantic import BaseModel

from generator import fields
from generator.load import load_stories
from generator.models import FILES

PAYLOADS = [
    "<script>alert('xss-script')</script>",
    "<img src=x onerror=\"alert('xss-img')\">",
    "[click](javascript:alert('xss-link'))",
    "[click](JaVaScRiPt:alert('xss-case'))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![img](javascript:alert('xss-image'))",
    "text{: onclick=\"alert('xss-attr')\" }",
    "<a href=\"jav&#x09;ascript:alert('xss-entity')\">x</a>",
    "<svg onload=alert('xss-svg')>",
    '--8<-- "/etc/passwd"',
    "</script><script>alert('xss-break')</script>",
    "\u2028*[CVID]: <b onmouseover=alert('xss-abbr')>",
    "<https://example.org/ok> <javascript:alert('xss-auto')>",
]


def poison(data: Any, model: type[BaseModel], payload: str) -> Any:
    """Append the payload to every value the model types as editors' words (Text), at
    every depth; ids, dates, addresses and fixed words are left as they are."""
    if isinstance(data, list):
        return [poison(item, model, payload) for item in data]
    if not isinstance(data, dict):
        return data
    poisoned = dict(data)
    for name, field in model.model_fields.items():
        key = fields.key(name, field)
        if key not in data:
            continue
        if fields.is_text(field) and isinstance(data[key], str):
            poisoned[key] = f"{data[key]} {payload}"
        for inner in fields.models_in(field.annotation):
            if isinstance(data[key], dict | list):
                poisoned[key] = poison(data[key], inner, payload)
    return poisoned


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import FIXTURES, MINIMAL

    content = tmp_path_factory.mktemp("content")
    payload = " ".join(PAYLOADS)
    # The minimal story, and one with every optional part (groups, sides, translations...).
    for original in (MINIMAL / "tiny-story", FIXTURES / "coalition" / "example-coalition-talks"):
        story = content / original.name
        story.mkdir()
        for source in original.glob("*.yml"):
            data = yaml.load(source.read_text(), Loader=yaml.BaseLoader)  # everything as text
            poisoned = poison(data, FILES[source.name], payload)
            (story / source.name).write_text(yaml.safe_dump(poisoned, allow_unicode=True))
    loaded = load_stories(content)  # the payloads are valid text: nothing is refused
    assert len(loaded) == 2 and all(payload in story.meta.title for story in loaded)
    coalition = next(story for story in loaded if story.sides)
    translation = coalition.quotation("berg-cap").translation
    assert translation is not None and payload in (translation.original or "")
    assert payload in coalition.actor("anna-berg").name and payload in coalition.sources[0].title
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(site, content=content)
    assert result.returncode == 0, result.stderr
    return site


class _Collector(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.attributes: list[tuple[str, str, str]] = []
        self.script_text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes += [(tag, name, value or "") for name, value in attrs]
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.script_text.append(data)


def parsed_pages(site: Path) -> list[tuple[Path, _Collector]]:
    pages = []
    for page in sorted(site.rglob("*.html")):
        collector = _Collector()
        collector.feed(page.read_text(encoding="utf-8"))
        pages.append((page, collector))
    return pages


def test_hostile_story_pages_were_built(hostile_site: Path) -> None:
    pages = [p.relative_to(hostile_site).as_posix() for p, _ in parsed_pages(hostile_site)]
    assert "tiny-story/index.html" in pages and "tiny-story/background/index.html" in pages
    text = (hostile_site / "tiny-story" / "index.html").read_text()
    # Shown as text, exactly as typed: escaped as a named or a numeric character reference.
    assert "&lt;script&gt;alert(" in text or "&#60;script&#62;alert(" in text


def test_no_event_handler_attribute_reaches_html(hostile_site: Path) -> None:
    for page, collector in parsed_pages(hostile_site):
        handlers = [(t, n, v) for t, n, v in collector.attributes if n.startswith("on")]
        assert not [h for h in handlers if "xss" in h[2]], f"{page}: {handlers}"


def test_no_dangerous_url_reaches_html(hostile_site: Path) -> None:
    for page, collector in parsed_pages(hostile_site):
        for tag, name, value in collector.attributes:
            if name in ("href", "src", "action", "formaction", "xlink:href"):
                cleaned = "".join(value.split()).lower()
                assert not cleaned.startswith(("javascript:", "data:", "vbscript:")), (
                    f"{page}: <{tag} {name}={value!r}>"
                )


def test_no_payload_runs_as_script(hostile_site: Path) -> None:
    for _, collector in parsed_pages(hostile_site):
        for script in collector.script_text:
            if "xss" in script:
                # The only place payload text may appear inside a script element is
                # JSON data (the chart's figure), where it is a string value.
                assert "<script" not in script.lower() and "</script" not in script.lower()


def test_no_file_from_disk_is_included(hostile_site: Path) -> None:
    for page in hostile_site.rglob("*.html"):
        assert "root:x:0:0" not in page.read_text()

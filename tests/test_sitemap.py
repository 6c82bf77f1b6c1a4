"""A sitemap search engines read at any size: past 50,000 pages or 50 MB, parts and an index
(generator/publish/sitemap.py, issue 26)."""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from generator.publish import sitemap
from generator.tools import cli

SITE = "https://news.example.org/explainers/"
NS = {"s": sitemap.NAMESPACE}


def _mkdocs_sitemap(site: Path, count: int, extra: str = "") -> bytes:
    """A sitemap as MkDocs writes it (its indentation), of ``count`` pages."""
    urls = "".join(
        f"    <url>\n         <loc>{SITE}story-{n // 31:04}/page-{n % 31}/{extra}</loc>\n"
        f"         <lastmod>2026-12-06</lastmod>\n    </url>\n"
        for n in range(count)
    )
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="{sitemap.NAMESPACE}">\n    <url>\n         <loc>{SITE}</loc>\n'
        f"         <lastmod>2026-12-06</lastmod>\n    </url>\n{urls}</urlset>"
    )
    site.mkdir(parents=True, exist_ok=True)
    (site / "sitemap.xml").write_text(text, encoding="utf-8")
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode()))
    return text.encode()


def _locs(path: Path) -> list[str]:
    return [loc.text or "" for loc in ElementTree.parse(path).getroot().iterfind(".//s:loc", NS)]


def test_a_sitemap_past_50000_pages_becomes_parts_and_an_index(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """After any engine, by the command (the MkDocs plugin calls the same function)."""
    original = _mkdocs_sitemap(tmp_path, sitemap.MAX_URLS)  # and the home page: one too many
    before = _locs(tmp_path / "sitemap.xml")
    assert cli.main(["sitemap", str(tmp_path)]) == 0
    assert capsys.readouterr().out == "Sitemap: 50001 pages listed in 2 files and an index\n"
    split = sitemap.SplitSitemap(
        sitemap.MAX_URLS + 1, sorted((tmp_path / sitemap.FOLDER).glob("*.xml"))
    )
    assert [p.relative_to(tmp_path).as_posix() for p in split.parts] == [
        "sitemaps/sitemap-0001.xml",
        "sitemaps/sitemap-0002.xml",
    ]
    index = ElementTree.parse(tmp_path / "sitemap.xml").getroot()
    assert index.tag == f"{{{sitemap.NAMESPACE}}}sitemapindex"
    assert _locs(tmp_path / "sitemap.xml") == [
        f"{SITE}sitemaps/sitemap-0001.xml",
        f"{SITE}sitemaps/sitemap-0002.xml",
    ]
    parts = [_locs(part) for part in split.parts]
    assert [len(p) for p in parts] == [sitemap.MAX_URLS, 1]
    assert parts[0] + parts[1] == before, "every page once, in MkDocs' order"
    first = ElementTree.parse(split.parts[0]).getroot()
    assert first.find("s:url/s:lastmod", NS) is not None, "the last change is kept"
    assert (
        gzip.decompress((tmp_path / "sitemap.xml.gz").read_bytes())
        == (tmp_path / "sitemap.xml").read_bytes()
    )
    assert (tmp_path / "sitemap.xml").read_bytes() != original

    again = sitemap.split_sitemap(tmp_path)
    assert again.parts == [], "an index is left as it is"


def test_a_sitemap_within_both_limits_is_left_byte_for_byte(tmp_path: Path) -> None:
    original = _mkdocs_sitemap(tmp_path, 31 * 3)
    gz = (tmp_path / "sitemap.xml.gz").read_bytes()
    split = sitemap.split_sitemap(tmp_path)
    assert (split.urls, split.parts) == (31 * 3 + 1, [])
    assert (tmp_path / "sitemap.xml").read_bytes() == original
    assert (tmp_path / "sitemap.xml.gz").read_bytes() == gz
    assert not (tmp_path / sitemap.FOLDER).exists()


def test_no_part_passes_either_limit(tmp_path: Path) -> None:
    _mkdocs_sitemap(tmp_path, 40, extra="x" * 200)
    one = sitemap.Entry(f"{SITE}story-0000/page-1/" + "x" * 200, "2026-12-06")
    max_bytes = 150 + 5 * len(one.xml().encode())  # five pages a part, and the wrapper
    split = sitemap.split_sitemap(tmp_path, max_urls=7, max_bytes=max_bytes)
    sizes = [len(_locs(part)) for part in split.parts]
    assert sum(sizes) == 41
    assert all(part.stat().st_size <= max_bytes for part in split.parts)
    assert max(sizes) < 7, "the bytes, not the count, cut these parts"

    _mkdocs_sitemap(tmp_path / "by-count", 40)
    split = sitemap.split_sitemap(tmp_path / "by-count", max_urls=7)
    assert [len(_locs(part)) for part in split.parts] == [7, 7, 7, 7, 7, 6]


def test_addresses_are_written_back_escaped(tmp_path: Path) -> None:
    _mkdocs_sitemap(tmp_path, 4, extra="?a=1&amp;b=&lt;2&gt;")
    split = sitemap.split_sitemap(tmp_path, max_urls=2)
    locs = [loc for part in split.parts for loc in _locs(part)]
    assert f"{SITE}story-0000/page-3/?a=1&b=<2>" in locs
    text = split.parts[-1].read_text(encoding="utf-8")
    assert "&amp;b=&lt;2&gt;" in text and "&b=<2>" not in text


def test_the_command_leaves_a_small_sitemap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = _mkdocs_sitemap(tmp_path, 10)
    assert cli.main(["sitemap", str(tmp_path)]) == 0
    assert "11 pages, within one file's limits" in capsys.readouterr().out
    assert (tmp_path / "sitemap.xml").read_bytes() == original


def test_the_plugin_splits_the_sitemap_after_every_build(tmp_path: Path) -> None:
    from types import SimpleNamespace
    from typing import Any, cast

    from generator.publish.plugin import ExplainerPlugin

    _mkdocs_sitemap(tmp_path, sitemap.MAX_URLS)
    plugin = ExplainerPlugin()
    plugin.load_config({"search": False})
    plugin.on_pre_build(config=cast(Any, None))
    plugin.on_post_build(config=cast(Any, SimpleNamespace(site_dir=str(tmp_path), plugins={})))
    assert len(list((tmp_path / sitemap.FOLDER).glob("*.xml"))) == 2

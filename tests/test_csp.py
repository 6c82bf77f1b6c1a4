"""Every page's Content-Security-Policy (generator/publish/csp.py, written by the plugin): what it
allows, where it stands, and which inline scripts it trusts. The browser's side is in
tests/test_browser_csp.py."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, cast

import pytest
from mkdocs.exceptions import PluginError
from sites import SiteCache

from devkit.site import MkDocsServe, fetch, wait_for
from generator.publish import csp
from generator.publish.plugin import ExplainerPlugin

POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<script>theme()</script><script type="application/ld+json">{{}}</script></head><body>
<script>palette()</script>
<div class="md-main__inner md-grid"><article>{article}</article>
<script>grid()</script></div>
<nav class="md-header__inner"><span>{title}</span><script>header()</script></nav>
</body></html>"""


def directives(policy: str) -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in policy.split("; ")}


@pytest.fixture(scope="module")
def built(sites: SiteCache) -> Path:
    """content/'s site, built once per run (test_site.py checks it too)."""
    return sites.build().folder


def test_a_hash_is_the_sha256_of_the_script_text_in_base64() -> None:
    # The value of `printf 'alert(1)' | openssl dgst -sha256 -binary | base64`.
    script = csp.InlineScript("alert(1)", trusted=True, in_container=False)
    assert script.source == "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"


def test_only_the_themes_inline_scripts_are_trusted() -> None:
    html = PAGE.format(article="<p>x</p><script>planted()</script>", title="<script>t()</script>")
    found = {s.text: (s.trusted, s.in_container) for s in csp.inline_scripts(html)}
    assert found == {
        "theme()": (True, False),  # in <head>
        "palette()": (True, False),  # in <body>
        "grid()": (True, True),  # in Material's main grid: run again by instant navigation
        "header()": (True, False),  # in Material's header bar
        "planted()": (False, False),  # in the article
        "t()": (False, False),  # in a title
    }, "the JSON-LD data block is not a script the browser runs, so it has no hash"


def test_the_policy_hashes_trusted_scripts_and_allows_nothing_inline_else() -> None:
    html = PAGE.format(article="<script>planted()</script>", title="")
    written, scripts = csp.with_policy(html)
    found = POLICY.search(written)
    assert found is not None
    policy = directives(found.group(1))
    trusted = sorted(s.source for s in scripts if s.trusted)
    assert policy["script-src"] == ["'self'", "'wasm-unsafe-eval'", *trusted]
    planted = csp.InlineScript("planted()", trusted=False, in_container=False).source
    assert planted not in policy["script-src"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert "frame-ancestors" not in policy, "a meta tag cannot set it; browsers say so"


def test_under_mkdocs_serve_inline_scripts_are_allowed_for_live_reload(content: Path) -> None:
    # MkDocs adds its live-reload script to each page as it serves it, with a request
    # number in it: no hash written at build time could allow it.
    policy = directives(csp.policy([csp.InlineScript("x()", True, False)], live_reload=True))
    assert policy["script-src"] == ["'self'", "'wasm-unsafe-eval'", "'unsafe-inline'"]
    with MkDocsServe(content) as served:
        page = ""

        def served_page() -> bool:
            nonlocal page
            page = fetch(served.url + "tiny-story/")
            return "Two sides met" in page

        assert wait_for(served_page)
        found = POLICY.search(page)
        assert found is not None and "'unsafe-inline'" in found.group(1)
        assert "livereload(" in page


def test_the_policy_comes_right_after_the_charset_before_any_script() -> None:
    written, _ = csp.with_policy(PAGE.format(article="", title=""))
    assert written.index('<meta charset="utf-8"><meta http-equiv="Content-Security-Policy"') > 0
    with pytest.raises(csp.PolicyError, match="before <meta charset>"):
        csp.with_policy('<html><head><script>x()</script><meta charset="utf-8"></head></html>')
    with pytest.raises(csp.PolicyError, match="no <meta charset"):
        csp.with_policy("<html><head></head><body></body></html>")


def test_pages_whose_grid_scripts_differ_stop_the_build() -> None:
    plugin = ExplainerPlugin()
    plugin.on_pre_build(config=cast(Any, None))
    plugin.on_post_page(
        PAGE.format(article="", title=""), page=cast(Any, _Page("a.html")), config=cast(Any, None)
    )
    other = PAGE.replace("grid()", "other()").format(article="", title="")
    plugin.on_post_page(other, page=cast(Any, _Page("b.html")), config=cast(Any, None))
    with pytest.raises(PluginError, match=r"differ between a\.html, b\.html"):
        plugin.on_post_build(config=cast(Any, None))


class _Page:
    def __init__(self, dest_uri: str) -> None:
        self.file = type("File", (), {"dest_uri": dest_uri})()


def test_every_built_page_has_a_policy_that_allows_each_of_its_scripts(built: Path) -> None:
    # A fragment a script adds to a page (the search dialog's markup, under assets/) is
    # no page: it carries no policy, and no script, which the page's policy would judge.
    fragments = sorted((built / "assets").rglob("*.htm"))
    assert fragments, "the search dialog's markup"
    for fragment in fragments:
        assert "<script" not in fragment.read_text(encoding="utf-8"), fragment
    pages = sorted(built.rglob("*.html"))
    assert not [p for p in pages if p.is_relative_to(built / "assets")], "a fragment as a page"
    assert len(pages) > 10 and built / "404.html" in pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        found = POLICY.search(html)
        assert found is not None, f"{page}: no Content-Security-Policy"
        head = html[: html.index("</head>")]
        assert found.start() < head.find("<script") or "<script" not in head, page
        assert found.start() < html.index("<script"), f"{page}: a script before the policy"
        policy = directives(found.group(1))
        assert "'unsafe-inline'" not in policy["script-src"], page
        assert "'unsafe-eval'" not in policy["script-src"], page
        for script in csp.inline_scripts(html):
            assert script.source in policy["script-src"], f"{page}: refused {script.text[:60]!r}"


def test_a_site_built_without_the_plugin_gets_the_same_policies_afterwards(
    built: Path, tmp_path: Path
) -> None:
    """`python -m generator csp SITE_DIR` writes into a site any engine built the policy
    the plugin writes while MkDocs builds: the same, page for page; a page that has its
    policy is left as it is, and a site whose grid scripts differ is refused before any
    page is written."""
    import shutil

    bare = tmp_path / "bare"
    shutil.copytree(built, bare)
    pages = sorted(p.relative_to(bare) for p in bare.rglob("*.html"))
    for page in pages:
        html = (bare / page).read_text(encoding="utf-8")
        (bare / page).write_text(POLICY.sub("", html, count=1), encoding="utf-8")
    assert not any(csp.POLICY_MARK in (bare / p).read_text(encoding="utf-8") for p in pages)
    secured = csp.secure_site(bare)
    assert (secured.written, secured.kept, secured.refused) == (len(pages), 0, [])
    for page in pages:
        assert (bare / page).read_text(encoding="utf-8") == (built / page).read_text(
            encoding="utf-8"
        ), page
    assert csp.secure_site(bare).kept == len(pages), "a page keeps the policy it has"
    odd = tmp_path / "odd"
    for name, grid in (("a.html", "grid()"), ("b.html", "other()")):
        (odd / name).parent.mkdir(parents=True, exist_ok=True)
        (odd / name).write_text(PAGE.replace("grid()", grid).format(article="", title=""))
    with pytest.raises(csp.PolicyError, match=r"differ between a\.html, b\.html"):
        csp.secure_site(odd)
    assert csp.POLICY_MARK not in (odd / "a.html").read_text(), "nothing written"


TRICKY_PAGES = [
    '<body><div class=md-main__inner><script>a()</script></div><div class="x md-header__inner">'
    "<span><script>b()</script></span></div></body>",
    '<body><script type="application/json">{}</script><script src>c()</script>'
    '<script type=" Module ">d()</script><script/>e<div/><script>f()</script></body>',
    '<body><div class="a" class="md-main__inner"><script>g()</script></div>'
    "<STYLE>x</style ><SCRIPT>h()</SCRIPT ><!-- <script>i()</script> --></body>",
    '<!doctype html><?xml x?><body><br/><script>j()</script><p a="&amp;&#40;"></p>'
    '<div class="md-main__inner"><a href=x/><script>k()</script></a><a href=x />'
    "<script>l()</script></div><script>m()</scriptx></script></body>",
    '<body><div class="md-main__inner"><p></div><script>n()</script></ x><script>o()</script>',
]
IRREGULAR_PAGES = [
    "<p>&#x;</p><body><script>p()</script>",  # HTMLParser reads the rest as text
    "<body><p>a < b</p><script>q()</script><![CDATA[ x ]]><script>r()</script>",
    "<body><script>s()",
    "<body><!-- unterminated <script>t()</script>",
    '<body><a b="x><script>u()</script>',
]


@pytest.mark.parametrize("html", TRICKY_PAGES + IRREGULAR_PAGES)
def test_the_quick_reading_of_scripts_is_htmlparsers(html: str) -> None:
    """inline_scripts reads a page of well-formed markup with one regular expression a tag
    (a build spent a seventh of its time in HTMLParser) and must find what HTMLParser finds;
    markup it does not follow it leaves to HTMLParser."""
    parser = csp._Scripts()
    parser.feed(html)
    parser.close()
    assert csp.inline_scripts(html) == parser.scripts
    if html in IRREGULAR_PAGES:
        with pytest.raises(csp._Irregular):
            csp._quick_scripts(html)
    else:
        assert csp._quick_scripts(html) == parser.scripts


def test_every_built_page_is_read_quickly_as_htmlparser_reads_it(built: Path) -> None:
    for page in sorted(built.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        parser = csp._Scripts()
        parser.feed(html)
        parser.close()
        assert csp._quick_scripts(html) == parser.scripts, page

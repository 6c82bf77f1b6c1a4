"""The MkDocs plugin ``explainer``: the only module that talks to MkDocs.

Declared in ``mkdocs.yml`` (``plugins: [explainer]``; registered as an entry point in
``pyproject.toml``) with a typed configuration (:class:`ExplainerConfig`), it runs the
generator during ``mkdocs build`` and ``mkdocs serve`` and hands the generated pages to
MkDocs as virtual files: nothing is written into the docs folder. It gives every page
its Content-Security-Policy (``generator/publish/csp.py``), and after each build it indexes the
site for search (``generator/publish/search.py``).

Everything a site needs is made by the generator, not here: ``python -m generator build
--out DIR`` writes the same pages (each with its story's chapters and its Previous and
Next in its front matter, :mod:`generator.render.chapters`), the navigation and the
palette stylesheet as a folder any engine builds (:mod:`generator.publish.project`). What
this module adds is MkDocs' side: its objects (the navigation, titles as HTML, Previous
and Next as the footer shows them) and its events, and
what is made on each page's HTML once MkDocs has rendered it (the glossary's marks and
the Content-Security-Policy, which ``python -m generator terms`` and ``csp`` write after
any other engine).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config import config_options as option
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory
from mkdocs.utils.templates import TemplateContext

from generator.content.errors import ContentErrors
from generator.publish import csp
from generator.publish.chrome import without_unused_chrome
from generator.publish.compact import compact, compact_css, compact_js
from generator.publish.finish import finish_site
from generator.publish.header_controls import (
    HEADER_CONTROLS_KEY,
    HEADER_SCRIPT,
    SITE_SEARCH_BUTTON,
    with_controls,
)
from generator.publish.header_controls import ROOT as HEADER_ROOT
from generator.publish.palette import (
    NO_SCRIPT_PALETTE,
    dark_without_javascript,
    theme_stylesheets,
)
from generator.publish.scripts import KEPT as KEPT_SCRIPTS
from generator.publish.scripts import SCRIPT
from generator.publish.scripts import joined as joined_scripts
from generator.publish.search import SearchIndexError
from generator.publish.shards import Shard, ShardError, Share, generated_digest, write_stamp
from generator.publish.stylesheets import STYLESHEET, joined
from generator.render.abbr import Glossary
from generator.render.build import Site, build_site
from generator.render.navigation import mkdocs_nav
from generator.render.render import hides_toc
from generator.settings import SiteSettings

DIRTY_WARNING = "A 'dirty' build is being performed"
"""The start of the warning MkDocs logs on every ``--dirty`` build, which a strict build
would count: a shard's build is dirty by design, so the plugin lets it pass."""


class _DirtyBuildIsAShard(logging.Filter):
    """Drop MkDocs' warning about a ``--dirty`` build (:data:`DIRTY_WARNING`) in a shard's
    build, which is dirty by design; every other record passes."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


DIRTY_IS_A_SHARD = _DirtyBuildIsAShard()
"""Lets a shard's build past MkDocs' warning about ``--dirty`` (set in :meth:`on_config`,
taken off in :meth:`on_files`, once MkDocs has logged it)."""

log = logging.getLogger("mkdocs.plugins.explainer")
"""MkDocs' own logger tree. Warnings about content are logged at INFO: a strict build
fails on any WARNING record, and a content warning must not stop the site."""


FRAGMENTS = "assets/"
"""Where the theme's static templates that are fragments, not pages, are written
(``theme.static_templates`` in mkdocs.yml): markup a script fetches and adds to a page,
named ``.htm`` so that nothing that walks the site's pages (``*.html``: the tests, the
engines' comparison, Pagefind, Lighthouse) takes one for a page."""


# MkDocs declares Config.__init_subclass__ without types.
class ExplainerConfig(base.Config):  # type: ignore[no-untyped-call]
    """The plugin's settings in ``mkdocs.yml`` (``plugins: - explainer: {...}``)."""

    content = option.Type(str, default="content")
    """The content folder, relative to ``mkdocs.yml`` (``mkdocs.yml`` reads it from
    ``EXPLAINER_CONTENT`` when that is set)."""
    story = option.Optional(option.Type(str))
    """The id of one story to build alone, a preview (``make serve STORY=<id>``); empty or
    unset: every story."""
    search = option.Type(bool, default=True)
    """Index the built site with Pagefind after each build (unless Material's own search
    plugin is on)."""
    shard = option.Optional(option.Type(str))
    """One part of a build split across machines, ``2/4`` (``mkdocs.yml`` reads it from
    ``EXPLAINER_SHARD``): only that shard's pages are written, with ``--dirty``
    (:mod:`generator.publish.shards`); empty or unset: the whole site."""


INSTANT_NAVIGATION_MAX_PAGES = 2000
"""The most pages a site may have and keep Material's instant navigation.

Instant navigation fetches ``sitemap.xml``, which lists every page, with each reader's
first page: about 4 bytes gzipped a page (3.7 KB for 30 synthetic stories' 952 pages,
about 12 KB for 100 stories, 35 KB for 300). At 2,000 pages, about 8 KB, a first view
stays within its budget (a plain Material page + 20 KB, bench/README.md); beyond, the
plugin turns instant navigation off, and links load pages as on any other site."""


class ExplainerPlugin(BasePlugin[ExplainerConfig]):  # type: ignore[no-untyped-call]
    """The generator as a MkDocs plugin (see the module's documentation)."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        """Whether this is ``mkdocs serve``, whose live-reload script the policy must allow."""
        self.dirty = False
        """Whether this is a ``--dirty`` build, as a shard's is (:meth:`on_config`)."""
        self.command = "build"
        """MkDocs' command: ``build``, ``serve`` or ``gh-deploy`` (:meth:`on_startup`)."""
        self.container_scripts: dict[frozenset[str], str] = {}
        """The hashes of each page's inline scripts that instant navigation runs again,
        with the first page that had them: one set in a build, or :meth:`on_post_build`
        stops it."""
        self.pages: dict[str, Page] = {}
        """Every page of the build under way, by its address (:func:`_follow_footer`)."""
        self.glossaries: dict[str, Glossary] = {}
        """Each story's glossary, by its id, from the build under way (:meth:`on_files`)."""
        self.shard: Shard | None = None
        """The part of a split build this one is (:meth:`on_config`), or None."""
        self.generated = ""
        """In a shard's build, the digest of every generated file (the merge compares it)."""

    def content_dir(self, config: MkDocsConfig) -> Path:
        """The content folder this build reads."""
        return Path(config.config_file_path).parent / self.config.content

    def preview_story(self) -> str | None:
        """The id of the one story to build, when previewing one story; None for all."""
        return self.config.story or None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Note whether MkDocs serves the site (:data:`generator.publish.csp.LIVE_RELOAD`),
        and whether the build is ``--dirty``, as a shard's must be."""
        self.command = command
        self.serving = command == "serve"
        self.dirty = dirty
        if self.serving:
            log.info(
                "mkdocs serve: the pages' Content-Security-Policy allows inline scripts, for "
                "live reload; make site and make preview write the site's own, with hashes"
            )

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Read the shard this build is, if any (:mod:`generator.publish.shards`)."""
        self.shard = None
        if not self.config.shard:
            return config
        try:
            self.shard = Shard.parse(self.config.shard)
        except ShardError as error:
            raise PluginError(str(error)) from None
        if self.command != "build" or not self.dirty or self.preview_story():
            raise PluginError(
                f"shard {self.shard}: build it with mkdocs build --dirty (make site-shard "
                "SHARD=k/N), not with serve, gh-deploy or a one-story preview"
            )
        logging.getLogger("mkdocs.commands.build").addFilter(DIRTY_IS_A_SHARD)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Start each build (``make serve`` rebuilds) with no page's scripts recorded; a
        shard's build, which ``--dirty`` does not clean, in an empty folder."""
        self.container_scripts.clear()
        if self.shard is not None:
            clean_directory(config.site_dir)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Add every generated page and data file; stop the build on any content problem.
        In a shard's build, hold back the files another shard writes."""
        logging.getLogger("mkdocs.commands.build").removeFilter(DIRTY_IS_A_SHARD)
        settings = SiteSettings(site_url=config.site_url or "", site_name=config.site_name)
        site = _generate(self.content_dir(config), settings, self.preview_story())
        for warning in site.warnings:
            log.info(str(warning))
        for path, text in site.files.items():
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"docs/{path} clashes with a generated page; rename or remove it")
            files.append(File.generated(config, path, content=text))
        _compact_theme_assets(files, config)  # before they are joined
        _join_stylesheets(files, config, _no_script_palette(config))
        _join_scripts(files, config)
        _header_controls_in_script(files, config)
        if not config.nav:
            static = [f.src_uri for f in files.documentation_pages() if not f.generated_by]
            config.nav = mkdocs_nav(site.nav, static)
        self.glossaries = dict(site.glossaries)
        if self.shard is not None:
            files = _hold_back(files, Share.of(self.shard, list(site.titles)))
            self.generated = generated_digest(site.files)  # the merge compares the shards
        config.extra["publisher"] = site.publisher  # the masthead and footer (theme/partials)
        fit_instant_navigation(config, len(files.documentation_pages()))
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Mark the titles the generator escaped (:func:`.mkdocs_nav`) as HTML, once escaped.

        Material prints titles unescaped, except in the footer's ``aria-label``, where it
        escapes them again (``| e``): as ``Markup``, a title is left as it is there, so a
        screen reader says "Who's who", not "Who&#39;s who".
        """
        for item in _walk(nav.items):
            if isinstance(item, Section) or (isinstance(item, Page) and item.file.generated_by):
                item.title = Markup(item.title)
        self.pages = {
            file.page.url: file.page
            for file in files.documentation_pages()
            if isinstance(file.page, Page)
        }
        if self.shard is not None:
            read = _read_front_matter(files, config)
            log.info(f"Shard {self.shard}: {read} pages are left to the other shards")
        return nav

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Mark a generated page's title and description, escaped by the generator
        (:func:`generator.render.render.front_matter`), as HTML, as :meth:`on_nav` does.
        Hide the table of contents of a page of docs/ with fewer than
        :data:`~generator.render.render.TOC_MIN_ENTRIES` sections, as the generator
        hides its own pages' in their front matter (:func:`.hides_toc`)."""
        if page.file.generated_by:
            for key in ("title", "description"):
                if isinstance(page.meta.get(key), str):
                    page.meta[key] = Markup(page.meta[key])
        elif hides_toc(markdown):
            page.meta["hide"] = [*page.meta.get("hide", []), "toc"]
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Mark the first use of each glossary term on a story's page
        (:mod:`generator.render.abbr`), once the page is HTML: in its Markdown and in its
        sanitised prose alike (:mod:`generator.publish.terms` does it after any engine).
        A generated page's Markdown is let go of here (:func:`_release_source`)."""
        if not page.file.generated_by:
            return html
        _release_source(page)
        glossary = self.glossaries.get(page.file.src_uri.split("/", 1)[0])
        return glossary.mark(html) if glossary else html

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """Give MkDocs' Previous and Next the pages the footer shows (:func:`_follow_footer`)."""
        _follow_footer(page, self.pages)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Write the page's Content-Security-Policy into its head (:mod:`generator.publish.csp`),
        without the whitespace only the templates needed (:mod:`generator.publish.compact`)
        nor the parts of Material's page that do nothing here (:mod:`generator.publish.chrome`)."""
        return self._with_policy(without_unused_chrome(compact(output)), page.file.dest_uri)

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        """The same for the theme's pages that are not documents (404.html); a fragment
        of markup that a script fetches (under ``assets/``, such as the search dialog's)
        is only compacted: it is no document and carries no policy of its own."""
        if template_name.startswith(FRAGMENTS):
            return compact(output_content)
        if not template_name.endswith(".html"):
            return output_content
        return self._with_policy(output_content, template_name)

    def _with_policy(self, output: str, name: str) -> str:
        try:
            written, scripts = csp.with_policy(output, live_reload=self.serving)
        except csp.PolicyError as error:
            raise PluginError(
                f"{name}: cannot write its Content-Security-Policy: {error}"
            ) from None
        for script in scripts:
            if not script.trusted:
                log.info(f"{name}: an inline script outside the theme's places is not allowed")
        self.container_scripts.setdefault(csp.container_hashes(scripts), name)
        return written

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Index the built site for search (Pagefind), in ``make site`` and ``make serve``,
        and split a sitemap past what search engines read (:mod:`generator.publish.sitemap`).

        A configuration that turns Material's own search plugin back on gets that search
        instead (the benchmarks build the site so, to compare the two). First, stop a build
        whose pages differ in the inline scripts instant navigation runs again: the policy
        of the page a reader opened first would refuse another page's.
        """
        if len(self.container_scripts) > 1:
            pages = ", ".join(sorted(self.container_scripts.values()))
            raise PluginError(
                f"the inline scripts of Material's main grid differ between {pages}: after an "
                "instant navigation, the first page's Content-Security-Policy would refuse "
                "them; move the script to a file under theme/assets/javascripts/"
            )
        if self.shard is not None:
            write_stamp(Path(config.site_dir), self.shard, self.generated)
            log.info(f"Shard {self.shard}: the merge splits the sitemap and indexes the site")
            return
        search = self.config.search and not uses_material_search(config)
        try:
            for line in finish_site(Path(config.site_dir), search=search):
                log.info(line)
        except SearchIndexError as error:
            raise PluginError(str(error)) from None

    def on_build_error(self, *, error: Exception) -> None:
        """Take the shard's filter off MkDocs' logger (:meth:`on_config`) if the build
        failed before :meth:`on_files` did."""
        logging.getLogger("mkdocs.commands.build").removeFilter(DIRTY_IS_A_SHARD)

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        """Rebuild and reload the browser when a file under the content folder changes.

        A one-story preview watches that story's folder only: the others are not built.
        """
        story = self.preview_story()
        content = self.content_dir(config)
        server.watch(str(content / story if story else content))
        return server


def _generate(content: Path, settings: SiteSettings, story: str | None) -> Site:
    """The generator's site, or a :class:`PluginError` listing every content problem."""
    try:
        return build_site(content, settings, story)
    except ContentErrors as errors:
        listing = "\n".join(str(problem) for problem in errors.problems)
        warnings = f" (and {len(errors.warnings)} warning(s))" if errors.warnings else ""
        raise PluginError(
            f"{len(errors.errors)} problem(s){warnings} in content; nothing was built:\n{listing}"
        ) from None


def fit_instant_navigation(config: MkDocsConfig, pages: int) -> None:
    """Turn Material's instant navigation off for a site of more than
    :data:`INSTANT_NAVIGATION_MAX_PAGES` pages, saying so once in the build's log."""
    features: list[str] = config.theme["features"]
    instant = [f for f in features if f.startswith("navigation.instant")]
    if pages > INSTANT_NAVIGATION_MAX_PAGES and instant:
        features[:] = [f for f in features if f not in instant]
        log.info(
            f"{pages} pages: instant navigation is off, so that no reader downloads "
            f"the list of every page (sitemap.xml) with their first page"
        )


def uses_material_search(config: MkDocsConfig) -> bool:
    """Whether the site is built with Material's search plugin instead of Pagefind."""
    return "material/search" in config.plugins


def _release_source(page: Page) -> None:
    """Let go of a generated page's Markdown, twice in memory (the file's text and the
    page's), once MkDocs has made it HTML: MkDocs converts every page before it writes
    the first, so that a build held all of the site's Markdown at once (at 50 synthetic
    stories, the process held 244 MB once every page was HTML; 170 MB without their
    Markdown). Nothing reads it again: the page's title is in its front matter
    (:func:`generator.render.render.front_matter`), and ``make serve`` generates the
    pages anew for each build."""
    page.markdown = None
    page.file.content_string = ""


def _follow_footer(page: Page, pages: dict[str, Page]) -> None:
    """Make MkDocs' Previous and Next of ``page`` the pages its footer links to
    (``theme/partials/footer.html``), for what else reads them (Material's ``<link
    rel="prev">`` and ``rel="next"`` in the page's head): a story's page, those its front
    matter names (:mod:`generator.render.chapters`); any other page, MkDocs' own, unless
    that one is a story's."""
    if page.meta.get("story"):
        previous, following = (page.meta.get(key) for key in ("previous", "next"))
        page.previous_page = pages.get(previous["url"]) if previous else None
        page.next_page = pages.get(following["url"]) if following else None
        return
    if page.previous_page and page.previous_page.meta.get("story"):
        page.previous_page = None
    if page.next_page and page.next_page.meta.get("story"):
        page.next_page = None


def _join_scripts(files: Files, config: MkDocsConfig) -> None:
    """Serve the scripts ``extra_javascript`` lists as one file, :data:`SCRIPT`, the one
    every page loads (:mod:`generator.publish.scripts`); the files it joins leave the
    site, but those a page loads alone (:data:`~generator.publish.scripts.KEPT`)."""
    listed = [str(script) for script in config.extra_javascript]
    _serve_joined(
        files, config, "extra_javascript", listed, SCRIPT, joined_scripts, "script",
        kept=KEPT_SCRIPTS,
    )  # fmt: skip
    config.extra_javascript = [SCRIPT]


def _header_controls_in_script(files: Files, config: MkDocsConfig) -> None:
    """Give the header's script the header's controls that only JavaScript runs, which it
    writes into the header (:mod:`generator.publish.header_controls`): the palette's switch,
    rendered by Material's partial from mkdocs.yml's palettes, and the site's search button
    (theme/partials/site-search.html), as each page's header would render them."""
    script = files.get_file_from_path(HEADER_SCRIPT)
    if script is None or not isinstance(config.theme.get("palette"), list):
        return
    env = config.theme.get_env()
    context = {"config": config, "page": None, "base_url": HEADER_ROOT}
    switch = env.get_template("partials/palette.html").render(context)
    search = (
        "" if _materials_search(config) else env.get_template(SITE_SEARCH_BUTTON).render(context)
    )
    files.remove(script)
    text = with_controls(script.content_string, switch, search)
    files.append(File.generated(config, HEADER_SCRIPT, content=text))
    # Another engine, which runs no plugin, leaves this unset: its header writes them.
    config.extra[HEADER_CONTROLS_KEY] = True


def _materials_search(config: MkDocsConfig) -> bool:
    """Whether mkdocs.yml lists Material's own search: then the header has its button,
    or none, as theme/partials/header.html says, never the site's."""
    return "material/search" in config.plugins


def _join_stylesheets(files: Files, config: MkDocsConfig, palette: str) -> None:
    """Serve the stylesheets ``extra_css`` lists (the palette without JavaScript among
    them) as one file, :data:`STYLESHEET`, the one every page links
    (:mod:`generator.publish.stylesheets`); the files it joins leave the site."""
    listed = list(config.extra_css)
    given = {NO_SCRIPT_PALETTE: palette}
    _serve_joined(files, config, "extra_css", listed, STYLESHEET, joined, "stylesheet", given=given)
    config.extra_css = [STYLESHEET]


def _serve_joined(
    files: Files,
    config: MkDocsConfig,
    setting: str,
    listed: list[str],
    target: str,
    join: Callable[[Sequence[str], Callable[[str], str]], str],
    noun: str,
    *,
    given: Mapping[str, str] | None = None,
    kept: frozenset[str] = frozenset(),
) -> None:
    """Add ``target``, the files ``listed`` (by mkdocs.yml's ``setting``) joined by
    ``join``: each read from the theme (or from ``given``, text the plugin wrote), each
    then out of the site unless a page loads it alone (``kept``)."""

    def read(uri: str) -> str:
        if given and uri in given:
            return given[uri]
        file = files.get_file_from_path(uri)
        if file is None:
            raise PluginError(f"mkdocs.yml's {setting} lists {uri}, which is not in the theme")
        text = file.content_string
        if uri not in kept:
            files.remove(file)
        return text

    if files.get_file_from_path(target) is not None:
        raise PluginError(f"{target} clashes with the site's joined {noun}; rename it")
    files.append(File.generated(config, target, content=join(listed, read)))


def _no_script_palette(config: MkDocsConfig) -> str:
    """The theme's stylesheets, Material's first, then extra_css in its order, made into
    the dark palette that applies without JavaScript (:mod:`generator.publish.palette`)."""
    folders = [Path(config.docs_dir), *(Path(d) for d in config.theme.dirs)]
    return dark_without_javascript(theme_stylesheets(folders, list(config.extra_css)))


THEME_ASSETS = {
    "assets/stylesheets/": (".css", compact_css),
    "assets/javascripts/": (".js", compact_js),
}
"""The theme's own stylesheets and scripts, published without their comments
(:mod:`generator.publish.compact`): folder, suffix and how."""


def _compact_theme_assets(files: Files, config: MkDocsConfig) -> None:
    """Replace each of the theme's own stylesheets and scripts (``theme/``, not Material's
    minified files) with its compact copy, in the site that ``make site`` and ``make
    serve`` build alike."""
    theme = Path(config.theme.custom_dir or "").resolve()
    for file in list(files):
        folder, _, name = file.src_uri.rpartition("/")
        kind = THEME_ASSETS.get(folder + "/")
        if not (kind and name.endswith(kind[0]) and file.abs_src_path and config.theme.custom_dir):
            continue
        if not Path(file.abs_src_path).resolve().is_relative_to(theme):
            continue
        text = Path(file.abs_src_path).read_text(encoding="utf-8")
        files.remove(file)
        files.append(File.generated(config, file.src_uri, content=kind[1](text)))


def _walk(items: list[Any]) -> list[Any]:
    return [
        found
        for item in items
        for found in [item, *(_walk(item.children) if isinstance(item, Section) else [])]
    ]


class _HeldBack(File):
    """A generated page or data file another shard writes (:mod:`generator.publish.shards`):
    MkDocs' ``--dirty`` build neither reads nor writes it, but it stays in the site's
    files, so the navigation, links and footers of the pages this shard writes are those
    of the whole site."""

    def is_modified(self) -> bool:
        return False


def _hold_back(files: Files, share: Share) -> Files:
    """``files``, in the same order, with every generated file the shard does not write
    (:meth:`Share.writes`) replaced by a :class:`_HeldBack` copy."""

    def held(file: File) -> File:
        if not file.generated_by or share.writes(file.src_uri):
            return file
        copy = _HeldBack(
            file.src_uri, file.src_dir, file.dest_dir, file.use_directory_urls,
            dest_uri=file.dest_uri, inclusion=file.inclusion,
        )  # fmt: skip
        copy.generated_by = file.generated_by
        copy.content_bytes = file.content_bytes
        return copy

    return Files([held(file) for file in files])


def _read_front_matter(files: Files, config: MkDocsConfig) -> int:
    """Read the front matter of every held-back page, as MkDocs reads a page's before
    rendering it, without rendering it: the pages a shard writes read their neighbours'
    titles and metadata (Previous and Next in the footer); return how many were read."""
    read = 0
    for file in files.documentation_pages():
        if isinstance(file, _HeldBack) and file.page is not None:
            file.page.read_source(config)
            file.page.markdown = None  # only the front matter is wanted
            file.content_string = ""
            read += 1
    return read

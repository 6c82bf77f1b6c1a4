"""The generated folder any engine builds: ``python -m generator build --out DIR``.

The folder is a whole project, with nothing left for a plugin to add::

    DIR/mkdocs.yml   the site's configuration, with the navigation spelled out (``nav``),
                     the address it is built for, the publisher (``extra.publisher``)
                     and no plugin
    DIR/docs/        every generated page (each with its title, its story's id, title
                     and chapters, and its Previous and Next within the story, in its
                     front matter), the pictures, feeds and open data, the static pages
                     of docs/, and the site's stylesheets joined in one file, the
                     palette for readers without JavaScript among them
                     (:mod:`generator.publish.stylesheets`, :mod:`generator.publish.palette`),
                     and its scripts joined in one file (:mod:`generator.publish.scripts`)
    DIR/theme/       the theme's overrides and assets (a copy of theme/)

MkDocs, ProperDocs and Zensical build it with ``<engine> build -f DIR/mkdocs.yml``; then
``python -m generator terms DIR/site`` marks the glossary's terms, ``python -m generator
csp DIR/site`` writes each page's Content-Security-Policy and ``python -m generator
search DIR/site`` indexes it for search, whatever built it (the MkDocs plugin does all
three as MkDocs builds). A static page of fewer than two sections hides its table of
contents in its copy's front matter (:func:`hide_short_toc`), as the generated pages do
in theirs; what is left to the plugin (:mod:`generator.publish.plugin`) is MkDocs' side.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import yaml

from generator.publish.palette import NO_SCRIPT_PALETTE, dark_without_javascript, theme_stylesheets
from generator.publish.scripts import SCRIPT
from generator.publish.scripts import joined as joined_scripts
from generator.publish.stylesheets import STYLESHEET, joined
from generator.render.build import Site, write_files
from generator.render.navigation import mkdocs_nav
from generator.render.render import hides_toc

CONFIG = "mkdocs.yml"
DOCS = "docs"
THEME = "theme"


def write_project(site: Site, out: Path, root: Path) -> None:
    """Write the project of ``site`` into ``out``, taking the configuration, the static
    pages and the theme from the repository at ``root``, and the address and publisher
    from the settings the site was built for (:attr:`Site.settings`)."""
    config = read_config(root / CONFIG)
    docs, theme = out / DOCS, out / THEME
    write_files(site.files, docs)
    shutil.copytree(root / DOCS, docs, dirs_exist_ok=True)
    for page in static_pages(root / DOCS):
        hide_short_toc(docs / page)
    shutil.copytree(root / THEME, theme, dirs_exist_ok=True)
    folders = [docs, theme, material_templates()]
    listed = config.get("extra_css", [])
    palette = dark_without_javascript(theme_stylesheets(folders, listed))

    def read(uri: str) -> str:  # the theme's or the docs' file, as MkDocs would find it
        if uri == NO_SCRIPT_PALETTE:
            return palette
        return next((f / uri).read_text(encoding="utf-8") for f in folders if (f / uri).is_file())

    scripts = [str(script) for script in config.get("extra_javascript", [])]
    write_files({STYLESHEET: joined(listed, read), SCRIPT: joined_scripts(scripts, read)}, docs)
    config.update(
        site_url=site.settings.address,
        docs_dir=DOCS,
        theme={**config["theme"], "custom_dir": THEME},
        plugins=[],
        extra_css=[STYLESHEET],
        extra_javascript=[SCRIPT],
        nav=mkdocs_nav(site.nav, static_pages(root / DOCS)),
        extra={**config.get("extra", {}), "publisher": site.publisher},
    )
    header = "# Written by `python -m generator build`; the site's own is ../mkdocs.yml.\n"
    text = yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=1000)
    (out / CONFIG).write_text(header + text, encoding="utf-8")


def read_config(path: Path) -> dict[str, Any]:
    """``mkdocs.yml`` as a mapping, each ``!ENV [NAME, ..., default]`` read as MkDocs
    reads it: the first variable that is set, else the default."""

    class Loader(yaml.SafeLoader):
        pass

    def environment(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else []
        if not isinstance(node, yaml.SequenceNode):
            names = [loader.construct_scalar(node)]  # type: ignore[arg-type]
        *variables, default = names if len(names) > 1 else [*names, None]
        for name in variables:
            if name in os.environ:
                return yaml.safe_load(os.environ[name])
        return default

    Loader.add_constructor("!ENV", environment)
    loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)
    assert isinstance(loaded, dict)
    return loaded


FRONT_MATTER = "---\n"


def hide_short_toc(page: Path) -> None:
    """Give a static page of fewer than two sections ``hide: [toc]`` in its front
    matter, as the generator gives its own pages (:func:`.hides_toc`) and the plugin
    gives the static pages as MkDocs builds."""
    text = page.read_text(encoding="utf-8")
    meta: dict[str, Any] = {}
    body = text
    if text.startswith(FRONT_MATTER) and "\n---\n" in text[len(FRONT_MATTER) - 1 :]:
        head, body = text[len(FRONT_MATTER) :].split("\n---\n", 1)
        loaded = yaml.safe_load(head)
        meta = loaded if isinstance(loaded, dict) else {}
    if not hides_toc(body) or "toc" in meta.get("hide", []):
        return
    meta["hide"] = [*meta.get("hide", []), "toc"]
    dumped = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    page.write_text(f"{FRONT_MATTER}{dumped}---\n{body}", encoding="utf-8")


def static_pages(docs: Path) -> list[str]:
    """The Markdown pages of ``docs`` in the order MkDocs lists them: by folder, each
    folder's index first, then by name."""
    pages = [p.relative_to(docs) for p in docs.rglob("*.md")]
    pages.sort(key=lambda p: (p.parts[:-1], p.stem != "index", p.name))
    return [p.as_posix() for p in pages]


def material_templates() -> Path:
    """The folder of Material for MkDocs' templates and assets (its stylesheets, from
    which the palette without JavaScript is derived)."""
    import material

    return Path(material.__file__).parent / "templates"

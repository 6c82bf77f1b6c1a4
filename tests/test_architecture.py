"""The code's shape, held: the stages are packages whose imports only point down, imports
form no cycle, `check` loads nothing of rendering, and the site's default address is
written once in Python and once in mkdocs.yml, the same."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import ROOT

from generator.settings import DEFAULT_SITE_URL

PACKAGE = ROOT / "generator"
RENDERING = ("jinja2", "markdown", "nh3", "plotly", "PIL", "generator.publish")
"""What renders or publishes pages: ``check`` loads none of it."""
CHART_RULES = frozenset(
    f"generator.render.chart.{name}"
    for name in ("advice", "font", "labels", "lanes", "palette", "plan")
) | {"generator.render", "generator.render.chart"}
"""Of the rendering stage, ``check`` loads only the chart's measures of a title (its
warnings about titles a phone cuts, :mod:`generator.render.chart.advice`)."""
LAYERS = (
    "generator.content",
    "generator.settings",
    "generator.render",
    "generator.publish",
    "generator.tools",
)
"""The pipeline's stages, lowest first: a module may import its own stage and those below."""


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """The generator's modules that ``path`` imports (absolute or relative)."""
    package = (
        _module_name(path).rsplit(".", 1)[0] if path.name != "__init__.py" else (_module_name(path))
    )
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            names = [f"{base}.{alias.name}" for alias in node.names] + [base]
            found.update(n for n in names if n.startswith("generator"))
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("generator"))
    return found


def import_graph() -> dict[str, set[str]]:
    """Each module of the generator and the generator's modules it imports."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {name: _imports(path) & modules.keys() - {name} for name, path in modules.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle of the graph, as the modules along it, or [] when there is none."""
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        state[node] = 2
        path.pop()
        return []

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return []


def test_the_import_graph_is_read_from_the_code() -> None:
    graph = import_graph()
    assert "generator.content.load" in graph["generator.tools.cli"]
    assert len(graph) > 40


def test_the_generator_imports_form_no_cycle() -> None:
    assert _cycle(import_graph()) == []


def test_the_cycle_finder_finds_a_planted_cycle() -> None:
    planted = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}
    assert _cycle(planted) == ["a", "b", "c", "a"]


def test_check_loads_nothing_of_rendering() -> None:
    probe = "import sys; from generator.tools import cli; print(' '.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    loaded = result.stdout.split()
    assert "generator.content.load" in loaded  # the probe sees what check loads
    rendering = [m for m in loaded if m.split(".")[0] in RENDERING or m.startswith(RENDERING)]
    assert rendering == []
    assert {m for m in loaded if m.startswith("generator.render")} <= CHART_RULES


def layer(module: str) -> int:
    """The stage of ``module`` (its index in LAYERS); the package's own entry points
    (``generator``, ``generator.__main__``) sit above every stage."""
    for index, stage in enumerate(LAYERS):
        if module == stage or module.startswith(stage + "."):
            return index
    return len(LAYERS)


def upward_imports(graph: dict[str, set[str]]) -> list[str]:
    """Every import from a stage to a stage above it, as 'importer -> imported'."""
    return sorted(
        f"{source} -> {target}"
        for source, targets in graph.items()
        for target in targets
        if layer(target) > layer(source)
    )


def test_every_module_belongs_to_a_stage() -> None:
    loose = [m for m in import_graph() if layer(m) == len(LAYERS)]
    assert sorted(loose) == ["generator", "generator.__main__"]


def test_imports_only_point_down_the_stages() -> None:
    assert upward_imports(import_graph()) == []


def test_an_upward_import_is_found() -> None:
    planted = {
        "generator.content.load": {"generator.render.pages"},
        "generator.render.pages": set(),
    }
    assert upward_imports(planted) == ["generator.content.load -> generator.render.pages"]


def test_the_default_site_address_is_the_same_in_mkdocs_yml() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert config["site_url"] == ["SITE_URL", DEFAULT_SITE_URL]


def test_the_readme_table_names_every_module_in_its_package() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = {
        line.split("|")[1].strip().strip("`"): line
        for line in readme.splitlines()
        if line.startswith("  | `generator/")
    }
    packages = sorted(p.parent for p in PACKAGE.rglob("__init__.py") if p.parent != PACKAGE)
    assert {f"{p.relative_to(ROOT)}/" for p in packages} == set(rows) - {"generator/settings.py"}
    for package in packages:
        row = rows[f"{package.relative_to(ROOT)}/"]
        missing = [
            m.stem
            for m in package.glob("*.py")
            if m.stem != "__init__" and f"`{m.stem}" not in row and f"`{m.name}`" not in row
        ]
        assert missing == [], f"README's row of {package.name}/ should name {missing}"


def _story_names() -> set[str]:
    """What names the stories of ``content/``: ids, titles, short titles, places and the
    people in them (a country's name is a fair example in a field's description)."""
    names: set[str] = set()
    for story in sorted((ROOT / "content").glob("*/story.yml")):
        meta = yaml.safe_load(story.read_text(encoding="utf-8"))
        names |= {meta["id"], meta["title"], meta.get("short_title") or meta["title"]}
        names |= {place["name"] for place in meta.get("places", [])}
        actors = yaml.safe_load((story.parent / "actors.yml").read_text(encoding="utf-8"))
        people = [actor for actor in actors["actors"] if actor["kind"] == "person"]
        names |= {actor["name"] for actor in people} | {actor["id"] for actor in people}
    return names


def test_the_code_names_no_story() -> None:
    """The generator and theme are generic: no story's id, title, place or person appears
    in their code, templates or styles (the country outlines' data is not code)."""
    names = _story_names()
    assert len(names) > 10, names  # the first story's names were found
    code = [
        path
        for folder in (PACKAGE, ROOT / "theme")
        for path in sorted(folder.rglob("*"))
        if path.suffix in {".py", ".j2", ".html", ".js", ".css", ".svg"}
    ]
    found = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in code
        for name in sorted(names)
        if name.lower() in path.read_text(encoding="utf-8").lower()
    ]
    assert found == []

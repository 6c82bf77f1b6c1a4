"""The code's shape, held: imports form no cycle, `check` loads nothing of rendering, and
the site's default address is written once in Python and once in mkdocs.yml, the same."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import ROOT

from generator.settings import DEFAULT_SITE_URL

PACKAGE = ROOT / "generator"
RENDERING = ("jinja2", "markdown", "nh3", "plotly", "PIL", "generator.render", "generator.news")


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
    assert "generator.load" in graph["generator.cli"]
    assert len(graph) > 40


def test_the_generator_imports_form_no_cycle() -> None:
    assert _cycle(import_graph()) == []


def test_the_cycle_finder_finds_a_planted_cycle() -> None:
    planted = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}
    assert _cycle(planted) == ["a", "b", "c", "a"]


def test_check_loads_nothing_of_rendering() -> None:
    probe = (
        "import sys; from generator import cli; "
        f"print(','.join(m for m in {RENDERING!r} if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.strip() == ""


def test_the_default_site_address_is_the_same_in_mkdocs_yml() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert config["site_url"] == ["SITE_URL", DEFAULT_SITE_URL]

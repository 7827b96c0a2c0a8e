"""The package's shape: a core that knows nothing of Typer or Rich, no import cycles, small modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import ooh_cli

PACKAGE = Path(ooh_cli.__file__).parent
MODULES = sorted(PACKAGE.rglob("*.py"))
MAX_LINES = 500


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


NAMES = {module_name(path): path for path in MODULES}


def imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at the top or inside a function, as full dotted names."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0 and node.module, f"{path}: imports are absolute"
            base = node.module
            found.add(base)
            # `from ooh_cli.cli import browse` imports the module ooh_cli.cli.browse.
            found.update(f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in NAMES)
    return found


GRAPH = {name: {i for i in imports(path) if i in NAMES and i != name} for name, path in NAMES.items()}


def test_no_import_cycles() -> None:
    visiting: list[str] = []
    done: set[str] = set()
    cycles: list[list[str]] = []

    def visit(name: str) -> None:
        if name in done:
            return
        if name in visiting:
            cycles.append([*visiting[visiting.index(name) :], name])
            return
        visiting.append(name)
        for other in sorted(GRAPH[name]):
            visit(other)
        visiting.pop()
        done.add(name)

    for name in sorted(GRAPH):
        visit(name)
    assert cycles == []


def test_the_cycle_check_can_fail() -> None:
    assert "ooh_cli.core.catalog" in GRAPH["ooh_cli.core.store"]  # edges are found
    assert GRAPH["ooh_cli.cli"] >= {"ooh_cli.cli.edge", "ooh_cli.cli.options", "ooh_cli.cli.session"}


def test_only_the_update_path_imports_httpx() -> None:
    """Downloads are `ooh data update`'s alone: no lookup may load httpx at start-up."""
    importers = {name for name, path in NAMES.items() if any(i.split(".")[0] == "httpx" for i in imports(path))}
    assert importers == {"ooh_cli.update.fetch"}


def test_every_lazily_built_command_names_a_module_of_the_cli() -> None:
    from ooh_cli.cli.commands import MODULES

    assert {f"ooh_cli.cli.{module}" for module in MODULES.values()} <= set(NAMES)


@pytest.mark.parametrize(
    "name", [n for n in NAMES if n.startswith(("ooh_cli.core", "ooh_cli.importer", "ooh_cli.update"))]
)
def test_the_core_knows_nothing_of_typer_rich_or_the_cli(name: str) -> None:
    outside = {i for i in imports(NAMES[name]) if i.split(".")[0] in ("typer", "rich", "click")}
    ours = {i for i in imports(NAMES[name]) if i.startswith(("ooh_cli.cli", "ooh_cli.output"))}
    assert outside == set() and ours == set()


@pytest.mark.parametrize("name", [n for n in NAMES if n.startswith("ooh_cli.core")])
def test_the_core_imports_nothing_above_it(name: str) -> None:
    # The layers, bottom up: core, importer, output, cli. The core is what the others stand on.
    above = {i for i in imports(NAMES[name]) if i.startswith(("ooh_cli.importer", "ooh_cli.output", "ooh_cli.cli"))}
    assert above == set()


def test_the_layer_check_can_fail() -> None:
    assert "ooh_cli.importer.switch" in GRAPH["ooh_cli.importer.oews"]  # an importer's edges are seen


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_hand_made_binary_formats(path: Path) -> None:
    # Derived data lives in SQLite (core/database.py, core/cache.py), records in msgpack: no mapped files or
    # packed structs of our own.
    text = path.read_text(encoding="utf-8")
    assert "mmap" not in text and "struct.pack" not in text


@pytest.mark.parametrize("name", [n for n in NAMES if n.startswith("ooh_cli.output")])
def test_output_has_no_typer_and_renderers_never_see_the_catalog(name: str) -> None:
    found = imports(NAMES[name])
    assert not {i for i in found if i.split(".")[0] in ("typer", "click") or i.startswith("ooh_cli.cli")}
    if name in ("ooh_cli.output.plain", "ooh_cli.output.terminal", "ooh_cli.output.markdown"):
        assert "ooh_cli.core.catalog" not in found


def private_typer(module: str) -> bool:
    parts = module.split(".")
    return parts[0] in ("typer", "click") and any(part.startswith("_") for part in parts)


def test_no_private_typer_or_click_module_is_imported() -> None:
    """Typer's private modules (its vendored click among them) change between releases: 0.29 removed some."""
    private = {name for name, path in NAMES.items() if any(private_typer(i) for i in imports(path))}
    assert private == set()


def test_the_private_import_check_can_fail(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("from typer._click.core import Command\n", encoding="utf-8")
    assert any(private_typer(i) for i in imports(module))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_is_over_500_lines(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES

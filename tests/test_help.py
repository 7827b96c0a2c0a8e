"""Every command is documented: help text, an example, and a README entry."""

from __future__ import annotations

import re
from typing import Any

import pytest
import typer

from ooh_cli import __version__
from ooh_cli.cli import app
from tests.conftest import REPO, Invoke


def command_paths(command: Any = None, prefix: tuple[str, ...] = ()) -> list[list[str]]:
    """Every command users can run, as its words after `ooh` (asking the group, which builds them lazily)."""
    command = command or typer.main.get_command(app)
    if not hasattr(command, "list_commands"):
        return [list(prefix)]
    context = typer.Context(command)
    names = command.list_commands(context)
    return [path for name in names for path in command_paths(command.get_command(context, name), (*prefix, name))]


COMMANDS = command_paths()


def test_commands_exist() -> None:
    names = {" ".join(path) for path in COMMANDS}
    assert {"show", "compare", "list", "search", "top", "similar", "groups", "wages", "data import"} <= names


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p))
def test_completion_options_belong_to_ooh_alone(invoke: Invoke, path: list[str]) -> None:
    assert "--install-completion" not in invoke(*path, "--help", data=None).stdout
    assert "--install-completion" in invoke("--help", data=None).stdout


def test_a_lookup_builds_only_its_own_command() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from ooh_cli.cli import app; from typer.testing import CliRunner; "
        "CliRunner().invoke(app, ['show', '--help']); "
        "print(sorted(m for m in sys.modules if m.startswith('ooh_cli.cli.')))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "ooh_cli.cli.lookup" in loaded
    assert "ooh_cli.cli.browse" not in loaded and "ooh_cli.cli.wages" not in loaded and "ooh_cli.cli.data" not in loaded


# The parser's own notation, which help must not show: braces, type names, ranges.
PARSER_NOTATION = re.compile(r"[{}<>]|x>=|\bint range\b|\bstr\b")


@pytest.mark.parametrize("path", [[], ["data"], *COMMANDS], ids=lambda p: " ".join(p) or "ooh")
@pytest.mark.parametrize("width", ["60", "80", "120", "200"])
def test_every_command_has_help_in_words_with_examples(invoke: Invoke, path: list[str], width: str) -> None:
    result = invoke(*path, "--help", data=None, env={"COLUMNS": width})
    assert result.exit_code == 0, result.output
    assert not PARSER_NOTATION.search(result.stdout), result.stdout
    examples = re.findall(rf"^\W*\$ ooh {' '.join(path)}\b", result.stdout, re.MULTILINE)
    assert len(examples) >= 2, result.stdout


@pytest.mark.parametrize(
    ("path", "usage"),
    [
        (["show"], "ooh show [OPTIONS] OCCUPATION..."),
        (["compare"], "ooh compare [OPTIONS] OCCUPATION..."),
        (["search"], "ooh search [OPTIONS] WORDS..."),
        (["top"], "ooh top [OPTIONS] [growth|new-jobs|pay|openings|decline]"),
        (["data", "validate"], "ooh data validate [OPTIONS] [PATH]"),
    ],
)
def test_usage_lines_read_as_words(invoke: Invoke, path: list[str], usage: str) -> None:
    assert f"Usage: {usage}" in invoke(*path, "--help", data=None).stdout


def test_option_values_are_named(invoke: Invoke) -> None:
    text = " ".join(invoke("list", "--help", data=None).stdout.split())
    for shown in ("-n, --limit N", "--min-pay AMOUNT", "-g, --group GROUP", "--sort KEY", "[table|json|csv|markdown]"):
        assert shown in text


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p))
def test_every_command_is_in_the_readme(path: list[str]) -> None:
    readme = (REPO / "README.md").read_text()
    assert re.search(rf"^\s*ooh {' '.join(path)}\b", readme, re.MULTILINE), path


def test_version(invoke: Invoke) -> None:
    result = invoke("--version", data=None)
    assert result.exit_code == 0 and result.stdout == f"ooh {__version__}\n"


def test_no_arguments_shows_help(invoke: Invoke) -> None:
    result = invoke(data=None)
    assert result.exit_code == 0 and result.stderr == ""
    assert "Usage" in result.stdout and "show" in result.stdout


def test_help_never_reads_the_data(invoke: Invoke, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("list", "--help", data=tmp_path / "missing.yaml")
    assert result.exit_code == 0


def test_every_command_defined_is_one_ooh_lists() -> None:
    """`ooh` builds only the command it runs, from cli/commands.py's list: a command defined in a module but
    missing from that list would answer "No such command" while every other test passed."""
    import importlib
    import pkgutil

    import ooh_cli.cli
    from ooh_cli.cli.commands import MODULES

    defined: dict[str, str] = {}
    for module_info in pkgutil.iter_modules(ooh_cli.cli.__path__):
        module_app = getattr(importlib.import_module(f"ooh_cli.cli.{module_info.name}"), "app", None)
        if not isinstance(module_app, typer.Typer):
            continue
        if module_app.info.name:  # a group of its own: `ooh data ...`
            defined[module_app.info.name] = module_info.name
            continue
        for info in module_app.registered_commands:
            assert info.callback is not None
            defined[info.name or typer.main.get_command_name(info.callback.__name__)] = module_info.name
    assert defined == MODULES

"""Output: view models of what to show, and one renderer each for plain text, a Rich terminal, Markdown and
machine formats. Renderers receive view models, never the catalog."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

from ooh_cli.output.env import Environment


def renderer(env: Environment) -> ModuleType:
    """The table renderer for this environment: Rich on a colour terminal, else plain text (without Rich)."""
    if env.colour:
        from ooh_cli.output import terminal

        return terminal
    from ooh_cli.output import plain

    return plain


def markdown_renderer() -> ModuleType:
    """The Markdown renderer, imported only when asked for."""
    from ooh_cli.output import markdown as writer

    return writer


def emit(
    env: Environment,
    fmt: str,
    *,
    table: Callable[[], None],
    json: Callable[[], Any] | None = None,
    yaml: Callable[[], Any] | None = None,
    csv: Callable[[], tuple[list[dict[str, Any]], list[str]]] | None = None,
    markdown: Callable[[], str] | None = None,
) -> None:
    """Write one result in the chosen format; each format builds (and imports) only what it needs."""
    if fmt in ("json", "yaml", "csv"):
        env.unpaged()
    if fmt == "markdown" and markdown is not None:
        env.stdout.write(markdown())
    elif fmt == "json" and json is not None:
        from ooh_cli.output.machine import write_json

        write_json(json(), env)
    elif fmt == "yaml" and yaml is not None:
        from ooh_cli.output.machine import write_yaml

        write_yaml(yaml(), env)
    elif fmt == "csv" and csv is not None:
        from ooh_cli.output.machine import write_csv

        write_csv(*csv(), env)
    else:
        table()

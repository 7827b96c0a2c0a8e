"""The `ooh` command line: each command parses its options, calls the core and hands the result to output.

Errors become one line and an exit code at the edge (edge.py). The group builds only the command it runs
(commands.py), and commands import the rest of the package when they run, so a lookup loads only what it uses.
"""

# No `from __future__ import annotations`: see lookup.py.
import gc
import sys
from typing import Annotated, NoReturn

import typer

from ooh_cli import __version__
from ooh_cli.cli.edge import OohGroup, check_standard_streams, exit_now
from ooh_cli.cli.options import DataOption, examples
from ooh_cli.cli.session import Session
from ooh_cli.core.errors import ExitCode
from ooh_cli.output.env import Environment

# Objects made between two collections of the youngest generation.
YOUNG_COLLECTION = 10_000

app = typer.Typer(
    name="ooh",
    cls=OohGroup,
    help="The U.S. Occupational Outlook Handbook in your terminal: pay, education, jobs and outlook, offline.",
    no_args_is_help=True,
    epilog=examples(
        "ooh show registered nurse",
        "ooh compare registered-nurses medical-records-technician",
        "ooh list --outlook faster --education associate --sort pay",
        "ooh search medical coder",
        "ooh top growth --limit 5",
    ),
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def print_version(value: bool) -> None:
    if value:
        sys.stdout.write(f"ooh {__version__}\n")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    data: DataOption = None,
    version: Annotated[
        bool, typer.Option("--version", callback=print_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    no_pager: Annotated[
        bool, typer.Option("--no-pager", help="Never page long output (OOH_PAGER=cat does the same).")
    ] = False,
) -> None:
    """Look up any of the Handbook's ~340 occupation profiles."""
    env = Environment.from_system(no_pager)
    ctx.obj = Session(data, env)
    ctx.call_on_close(env.finish)


def main() -> NoReturn:
    """Run `ooh`, then leave without the interpreter's teardown (see exit_now)."""
    # Start-up allocated a great many objects, none of them garbage: leave them out of every collection.
    gc.freeze()
    # A lookup makes tens of thousands of objects and leaves: a young collection every 700 of them (Python's
    # default) walks them for nothing, 2-6M instructions a run. Imports and updates still collect.
    gc.set_threshold(YOUNG_COLLECTION)
    gc.enable()
    try:
        check_standard_streams()
        app()
    except SystemExit as done:
        exit_now(done.code)
    exit_now(ExitCode.OK)

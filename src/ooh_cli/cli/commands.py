"""Where each command lives, so that `ooh` builds only the command it runs.

Typer builds a parser for every command of an app at each start; for `ooh` that was about a tenth of a
lookup's run, growing with every option. The `ooh` group (edge.OohGroup) asks here instead: a command's
module is imported and that one command built when it runs, or when help lists them all.
"""

from functools import cache
from importlib import import_module

from ooh_cli.cli.words import Command, build_command

# Command name: the module of ooh_cli.cli whose `app` defines it, in the order help lists them.
MODULES = {
    "show": "lookup",
    "compare": "lookup",
    "list": "browse",
    "search": "browse",
    "top": "browse",
    "similar": "browse",
    "match": "match",
    "groups": "browse",
    "wages": "wages",
    "data": "data",
}


@cache
def command(name: str) -> Command | None:
    """The command called ``name``, built on first use; None if there is none."""
    module = MODULES.get(name)
    return None if module is None else build_command(import_module(f"ooh_cli.cli.{module}").app, name)

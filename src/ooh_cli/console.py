"""The `ooh` console script.

Importing Typer, msgspec and the command line allocates a great many objects, none of them garbage, and the
cycle collector would walk them again and again (a twentieth of a lookup's run). It is off while they are
imported; `ooh_cli.cli.main` then freezes them out of every later collection and turns it back on.
"""

from __future__ import annotations

import gc

TYPE_CHECKING = False  # not typing's: importing typing here would run its import with the collector on
if TYPE_CHECKING:
    from typing import NoReturn


def main() -> NoReturn:
    gc.disable()
    from ooh_cli.cli import main as run

    run()

"""The `ooh` console script.

Importing Typer, msgspec and the command line allocates a great many objects, none of them garbage, and the
cycle collector would walk them again and again (a twentieth of a lookup's run). It is off while they are
imported; `ooh_cli.cli.main` then freezes them out of every later collection and turns it back on.
"""

import gc
from typing import NoReturn


def main() -> NoReturn:
    gc.disable()
    from ooh_cli.cli import main as run

    run()

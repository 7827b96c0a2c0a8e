"""The `ooh` console script.

Importing Typer, msgspec and the command line allocates a great many objects, none of them garbage, and the
cycle collector would walk them again and again (a twentieth of a lookup's run). It is off while they are
imported; `ooh_cli.cli.main` then freezes them out of every later collection and turns it back on. msgspec is
imported first, without typing_extensions (below).
"""

from __future__ import annotations

import gc

TYPE_CHECKING = False  # not typing's: importing typing here would run its import with the collector on
if TYPE_CHECKING:
    from typing import NoReturn


def main() -> NoReturn:
    gc.disable()
    import_msgspec_without_typing_extensions()
    from ooh_cli.cli import main as run

    run()


def import_msgspec_without_typing_extensions() -> None:
    """Import msgspec as it is where typing_extensions is not installed.

    msgspec reads annotations with typing_extensions when it can import it (httpx's dependencies install it),
    else with `typing`, which on Python 3.11 and later reads ours alike. Importing typing_extensions costs a
    sixth of what a lookup adds to Typer's start-up. It stays importable for whatever needs it later.
    """
    import sys

    if "typing_extensions" in sys.modules:
        return
    sys.modules["typing_extensions"] = None  # type: ignore[assignment]  # None makes importing it fail
    try:
        import msgspec  # noqa: F401
    finally:
        del sys.modules["typing_extensions"]

"""Editions of the data that `ooh data update` built, in the user's data folder, and which one is in use.

    <data home>/editions/<name>/occupations.yaml   one folder per edition (data file and the tables beside it)
    <data home>/editions/<name>/edition.json       where it came from and when
    <data home>/current                            the name of the edition in use; none: the bundled data

The bundled data stays the default until an update succeeds; `ooh data use bundled` goes back to it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ooh_cli.core.errors import DataError, UsageError

HOME_ENV = "OOH_DATA_HOME"
CURRENT = "current"
EDITIONS = "editions"
DATA_FILE = "occupations.yaml"
ABOUT = "edition.json"
BUNDLED = "bundled"


def data_home() -> Path:
    """`OOH_DATA_HOME`, else the user's data folder for `ooh` (~/.local/share/ooh on Linux)."""
    configured = os.environ.get(HOME_ENV)
    if configured:
        return Path(configured)
    if sys.platform.startswith("linux"):
        # What platformdirs answers on Linux (the XDG rule), without the milliseconds its import costs a lookup.
        return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "ooh"
    from platformdirs import user_data_dir

    return Path(user_data_dir("ooh", appauthor=False))


def edition_folder(name: str, home: Path | None = None) -> Path:
    return (home or data_home()) / EDITIONS / name


def current_edition(home: Path | None = None) -> str | None:
    """The name of the edition in use, or None for the bundled data (also when the named one is gone)."""
    try:
        name = ((home or data_home()) / CURRENT).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return name if name and (edition_folder(name, home) / DATA_FILE).is_file() else None


def current_data_file() -> Path | None:
    """The data file of the edition in use, or None for the bundled data."""
    name = current_edition()
    return edition_folder(name) / DATA_FILE if name else None


def installed(home: Path | None = None) -> list[str]:
    """The names of the editions built, sorted."""
    folder = (home or data_home()) / EDITIONS
    try:
        return sorted(p.name for p in folder.iterdir() if (p / DATA_FILE).is_file() and not p.name.startswith("."))
    except OSError:
        return []


def about(name: str, home: Path | None = None) -> dict[str, object]:
    """What edition.json says of an edition; {} if it cannot be read."""
    import json  # here: every lookup imports this module, and only `data info` reads the file

    try:
        found = json.loads((edition_folder(name, home) / ABOUT).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def use(name: str, home: Path | None = None) -> None:
    """Make ``name`` (or ``bundled``) the data in use."""
    from ooh_cli.core.files import write_atomic

    home = home or data_home()
    if name != BUNDLED and name not in installed(home):
        raise UsageError(f"no edition {name!r} has been built; expected one of", [BUNDLED, *installed(home)])
    try:
        home.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DataError(f"cannot write {home}: {error.strerror or error}") from None
    write_atomic(home / CURRENT, b"" if name == BUNDLED else name.encode() + b"\n")

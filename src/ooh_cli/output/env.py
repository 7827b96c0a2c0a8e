"""The one place that knows the terminal: where output goes, how wide it is, and whether to use colour.

Commands and renderers take an `Environment` rather than looking at `sys` themselves, so tests can hand them
one of their own.
"""

from __future__ import annotations

import os
import shutil
import sys
from typing import TextIO

import msgspec


class Environment(msgspec.Struct, frozen=True):
    stdout: TextIO
    stderr: TextIO
    # Rich on a colour terminal; plain text for pipes, files, NO_COLOR and TERM=dumb.
    colour: bool
    # An ASCII-only stdout (LANG=C, PYTHONIOENCODING=ascii) gets "?" for what it cannot show.
    ascii_only: bool

    @classmethod
    def from_system(cls) -> Environment:
        stdout = sys.stdout
        encoding = (getattr(stdout, "encoding", None) or "ascii").lower().replace("-", "")
        return cls(stdout, sys.stderr, _wants_colour(stdout), not encoding.startswith("utf"))

    @property
    def width(self) -> int:
        """Columns to fit: the terminal's, or COLUMNS, or 80."""
        return shutil.get_terminal_size((80, 24)).columns

    def message(self, text: str) -> None:
        """One line on stderr, starting `ooh:` (line breaks in what users typed become spaces)."""
        self.stderr.write(f"ooh: {' '.join(text.split())}\n")


def _wants_colour(stdout: TextIO) -> bool:
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    # FORCE_COLOR and TTY_COMPATIBLE are Rich's own ways to ask for terminal output anyway.
    return stdout.isatty() or bool(os.environ.get("FORCE_COLOR")) or os.environ.get("TTY_COMPATIBLE") == "1"

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

from ooh_cli.output.pager import PagedOutput, pager_command


class Environment(msgspec.Struct, frozen=True):
    stdout: TextIO
    stderr: TextIO
    # Rich on a colour terminal; plain text for pipes, files, NO_COLOR and TERM=dumb.
    colour: bool
    # An ASCII-only stdout (LANG=C, PYTHONIOENCODING=ascii) gets "?" for what it cannot show.
    ascii_only: bool

    @classmethod
    def from_system(cls, no_pager: bool = False) -> Environment:
        stdout: TextIO = sys.stdout
        encoding = (getattr(stdout, "encoding", None) or "ascii").lower().replace("-", "")
        colour = _wants_colour(stdout)
        pager = pager_command(stdout, no_pager)
        if pager is not None:
            # Every writer takes it for the terminal it stands in for.
            stdout = PagedOutput(stdout, pager, shutil.get_terminal_size((80, 24)).lines)  # type: ignore[assignment]
        return cls(stdout, sys.stderr, colour, not encoding.startswith("utf"))

    @property
    def width(self) -> int:
        """Columns to fit: the terminal's, or COLUMNS, or 80."""
        return shutil.get_terminal_size((80, 24)).columns

    def unpaged(self) -> None:
        """Machine formats go straight out, never through a pager."""
        if isinstance(self.stdout, PagedOutput):
            self.stdout.paging = False

    def finish(self) -> None:
        """Show what the pager held back (when the command ran in a terminal)."""
        if isinstance(self.stdout, PagedOutput):
            self.stdout.finish()

    def note(self, text: str, fmt: str = "table") -> None:
        """A line about what `ooh` chose for the user, where it is read: the first line of a table on a
        terminal (so inside the pager too, where stderr would scroll away under it), else on stderr."""
        if fmt == "table" and self.stdout.isatty():
            self.stdout.write(f"ooh: {' '.join(text.split())}\n")
        else:
            self.message(text)

    def message(self, text: str) -> None:
        """One line on stderr, starting `ooh:` (line breaks in what users typed become spaces)."""
        self.stderr.write(f"ooh: {' '.join(text.split())}\n")


def _wants_colour(stdout: TextIO) -> bool:
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    # FORCE_COLOR and TTY_COMPATIBLE are Rich's own ways to ask for terminal output anyway.
    return stdout.isatty() or bool(os.environ.get("FORCE_COLOR")) or os.environ.get("TTY_COMPATIBLE") == "1"

"""The one place that knows the terminal: where output goes, how wide it is, and whether to use colour.

Commands and renderers take an `Environment` rather than looking at `sys` themselves, so tests can hand them
one of their own. Whatever is written to its `stdout` and its messages is cleaned of terminal controls on the
way out (core/sanitize.py); only Rich draws on the raw stream, `terminal`, from views it has cleaned itself.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from typing import TYPE_CHECKING, TextIO

import msgspec

from ooh_cli.core.errors import cannot_write
from ooh_cli.core.sanitize import clean

if TYPE_CHECKING:
    from ooh_cli.output.pager import PagedOutput


class _Wrapper(io.TextIOBase):
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]  # TextIOBase declares it read-only
        return getattr(self.stream, "encoding", None) or "utf-8"


class CleanOutput(_Wrapper):
    """A text stream that shows no terminal control it is given: each write goes out through `clean`."""

    def write(self, text: str) -> int:
        self.stream.write(clean(text))
        return len(text)


class GuardedOutput(_Wrapper):
    """Standard output whose failures (a full disk, an I/O error) are the user's to know, in words: an
    OutputError. A reader that went away (BrokenPipeError) is left to the edge, where it is no error."""

    def write(self, text: str) -> int:
        try:
            self.stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as error:
            raise cannot_write(error) from None
        return len(text)

    def flush(self) -> None:
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            raise cannot_write(error) from None


class Environment(msgspec.Struct, frozen=True):
    # Cleaned on the way out: every writer of text and data uses it.
    stdout: TextIO
    stderr: TextIO
    # Rich on a colour terminal; plain text for pipes, files, NO_COLOR and TERM=dumb.
    colour: bool
    # An ASCII-only stdout (LANG=C, PYTHONIOENCODING=ascii) gets "?" for what it cannot show.
    ascii_only: bool
    # The stream under `stdout`, for Rich's escape codes alone (None: `stdout` itself).
    terminal: TextIO | None = None
    # What holds the output back for the pager, when the command runs in a terminal.
    pager: PagedOutput | None = None

    @classmethod
    def from_system(cls, no_pager: bool = False) -> Environment:
        ignore_bad_sizes()
        stdout: TextIO = GuardedOutput(sys.stdout)  # type: ignore[assignment]
        encoding = (getattr(stdout, "encoding", None) or "ascii").lower().replace("-", "")
        colour = _wants_colour(stdout)
        pager = None
        if not no_pager and stdout.isatty():  # only a terminal is paged: pipes never load the pager
            from ooh_cli.output.pager import PagedOutput, pager_command

            command = pager_command()
            if command is not None:
                # Every writer takes it for the terminal it stands in for.
                pager = PagedOutput(stdout, command, shutil.get_terminal_size((80, 24)).lines, sys.stderr)
                stdout = pager  # type: ignore[assignment]
        return cls(
            CleanOutput(stdout),  # type: ignore[arg-type]  # a TextIO in all but name
            sys.stderr,
            colour,
            not encoding.startswith("utf"),
            stdout,
            pager,
        )

    @property
    def raw(self) -> TextIO:
        """The stream Rich draws on: its own escape codes pass, so only views `clean` has seen may go there."""
        return self.terminal if self.terminal is not None else self.stdout

    @property
    def width(self) -> int:
        """Columns to fit: the terminal's, or COLUMNS, or 80."""
        return shutil.get_terminal_size((80, 24)).columns

    def unpaged(self) -> None:
        """Machine formats go straight out, never through a pager."""
        if self.pager is not None:
            self.pager.paging = False

    def finish(self) -> None:
        """Show what the pager held back (when the command ran in a terminal)."""
        if self.pager is not None:
            self.pager.finish()

    def note(self, text: str, fmt: str = "table") -> None:
        """A line about what `ooh` chose for the user, where it is read: the first line of a table on a
        terminal (so inside the pager too, where stderr would scroll away under it), else on stderr."""
        if fmt == "table" and self.stdout.isatty():
            self.stdout.write(clean(f"ooh: {' '.join(text.split())}\n"))
        else:
            self.message(text)

    def message(self, text: str) -> None:
        """One line on stderr, starting `ooh:` (line breaks in what users typed become spaces)."""
        self.stderr.write(clean(f"ooh: {' '.join(text.split())}\n"))


def ignore_bad_sizes() -> None:
    """COLUMNS and LINES override the terminal's size only when they are positive whole numbers.

    Anything else is dropped from the environment, for Rich (which would draw 0 columns, nothing at all, for
    COLUMNS=0) and the pager as much as for us.
    """
    for name in ("COLUMNS", "LINES"):
        value = os.environ.get(name)
        if value is not None and not (value.isascii() and value.isdigit() and int(value) > 0):
            del os.environ[name]


def _wants_colour(stdout: TextIO) -> bool:
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    # FORCE_COLOR and TTY_COMPATIBLE are Rich's own ways to ask for terminal output anyway.
    return stdout.isatty() or bool(os.environ.get("FORCE_COLOR")) or os.environ.get("TTY_COMPATIBLE") == "1"

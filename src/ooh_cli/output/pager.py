"""Long output in a terminal goes through a pager, the way git and gh do it.

When standard output is a terminal, what a command writes is held back until it ends; if it is taller than
the screen it is piped through `$OOH_PAGER`, else `$PAGER`, else `less -FRX` (colours kept, and less leaves at
once when the text fits after all). `--no-pager`, `OOH_PAGER=cat` or an empty `OOH_PAGER` turn it off. Pipes,
files and machine formats are never paged. A pager that cannot start or fails never loses the output: it is
printed directly, with a line on stderr saying why.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    import subprocess

# The shell's statuses for a command it could not find (127) or could not run (126).
NOT_RUN = (126, 127)


def pager_command() -> str | None:
    """The pager to use for a terminal, or None (the caller knows whether output goes to one)."""
    command = os.environ.get("OOH_PAGER")
    if command is None:
        command = os.environ.get("PAGER")
    if command is None:
        command = "less -FRX" if shutil.which("less") else None
    return None if command is None or command.strip() in ("", "cat") else command


class PagedOutput(io.TextIOBase):
    """Standard output held back until `finish`, then shown through the pager when taller than the screen."""

    def __init__(self, stdout: TextIO, command: str, height: int, stderr: TextIO) -> None:
        self._stdout, self._command, self._height, self._stderr = stdout, command, height, stderr
        self._parts: list[str] = []
        self.paging = True

    def write(self, text: str) -> int:
        if self.paging:
            self._parts.append(text)
        else:
            self._stdout.write(text)
        return len(text)

    def flush(self) -> None:
        if not self.paging:
            self._stdout.flush()

    def isatty(self) -> bool:
        return True  # Rich draws for the terminal the text is headed for

    def fileno(self) -> int:
        return self._stdout.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]  # TextIOBase declares it read-only
        return self._stdout.encoding

    def finish(self) -> None:
        """Show what was held back: straight out when it fits the screen, else through the pager."""
        text = "".join(self._parts)
        self._parts.clear()
        self.paging = False
        if text.count("\n") < self._height:
            self._stdout.write(text)
            self._stdout.flush()
            return
        import subprocess

        self._stdout.flush()
        try:
            pager = subprocess.Popen(self._command, shell=True, stdin=subprocess.PIPE, encoding=self._stdout.encoding)
        except OSError as error:
            self._directly(text, f"cannot start the pager {self._command!r}: {error.strerror or error}")
            return
        try:
            with contextlib.suppress(BrokenPipeError):  # the reader left the pager before the end: not an error
                pager.communicate(text)
        except KeyboardInterrupt:
            _outlive(pager)
            raise
        status = pager.wait()
        if status in NOT_RUN:
            self._directly(text, f"the pager {self._command!r} could not be run; showing the output without it")
        elif status > 0:
            # `PAGER=false`: whatever it did, the output did not reach the reader through it.
            self._directly(text, f"the pager {self._command!r} failed (exit status {status}); output shown without it")

    def _directly(self, text: str, why: str) -> None:
        self._stderr.write(f"ooh: {why}\n")
        self._stdout.write(text)
        self._stdout.flush()


def _outlive(pager: subprocess.Popen[str]) -> None:
    """Ctrl-C reached the pager too, and it decides whether to leave (less stays). Wait for it, as git does:
    a pager left running behind the shell would take the next keystrokes typed there."""
    import signal

    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with contextlib.suppress(OSError):
            if pager.stdin is not None:
                pager.stdin.close()
        pager.wait()
    finally:
        signal.signal(signal.SIGINT, previous)

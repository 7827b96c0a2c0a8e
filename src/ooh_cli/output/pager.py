"""Long output in a terminal goes through a pager, the way git and gh do it.

When standard output is a terminal, what a command writes is held back until it ends; if it is taller than
the screen it is piped through `$OOH_PAGER`, else `$PAGER`, else `less -FRX` (colours kept, and less leaves at
once when the text fits after all). `--no-pager`, `OOH_PAGER=cat` or an empty `OOH_PAGER` turn it off. Pipes,
files and machine formats are never paged.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
from typing import TextIO


def pager_command(stdout: TextIO, no_pager: bool) -> str | None:
    """The pager to use for ``stdout``, or None."""
    if no_pager or not stdout.isatty():
        return None
    command = os.environ.get("OOH_PAGER")
    if command is None:
        command = os.environ.get("PAGER")
    if command is None:
        command = "less -FRX" if shutil.which("less") else None
    return None if command is None or command.strip() in ("", "cat") else command


class PagedOutput(io.TextIOBase):
    """Standard output held back until `finish`, then shown through the pager when taller than the screen."""

    def __init__(self, stdout: TextIO, command: str, height: int) -> None:
        self._stdout, self._command, self._height = stdout, command, height
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
        pager = subprocess.Popen(self._command, shell=True, stdin=subprocess.PIPE, encoding=self._stdout.encoding)
        with contextlib.suppress(BrokenPipeError):  # the reader left the pager before the end: not an error
            pager.communicate(text)
        pager.wait()

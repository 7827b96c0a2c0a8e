"""Domain errors. The core raises them; the CLI edge turns each into one line on stderr and an exit code."""

from __future__ import annotations

from pathlib import Path
from typing import Final


class ExitCode:
    """The exit codes the README documents (plain ints: an IntEnum costs a lookup's start-up more)."""

    OK: Final = 0
    NOT_FOUND: Final = 1
    USAGE: Final = 2
    BAD_DATA: Final = 3
    INTERNAL: Final = 4
    OUTPUT: Final = 5
    DOWNLOAD: Final = 6
    INTERRUPTED: Final = 130


class OohError(Exception):
    """Base of every error a user may see: ``str(error)`` is its line, ``choices`` what may follow it, one a line."""

    exit_code: int = ExitCode.USAGE

    def __init__(self, message: str, choices: list[str] | None = None) -> None:
        super().__init__(message)
        self.choices = choices or []


class NotFoundError(OohError):
    exit_code = ExitCode.NOT_FOUND


class AmbiguousError(NotFoundError):
    """The name fits several profiles; ``candidates`` are their ids, best first."""

    def __init__(self, message: str, candidates: list[str], choices: list[str] | None = None) -> None:
        super().__init__(message, choices)
        self.candidates = candidates


class UsageError(OohError):
    exit_code = ExitCode.USAGE


class DataError(OohError):
    """The data file (or an import source) is missing, unreadable or invalid."""

    exit_code = ExitCode.BAD_DATA


def unreadable(path: Path, error: OSError) -> DataError:
    """What went wrong opening a data file, said the same way wherever it happens."""
    if isinstance(error, FileNotFoundError):
        return DataError(f"data file not found: {path}")
    if isinstance(error, IsADirectoryError):
        return DataError(f"data file {path} is a directory, not a YAML file")
    return DataError(f"cannot read data file {path}: {error.strerror or error}")


class OutputError(OohError):
    """Standard output could not be written: a full disk, a closed stdout, an I/O error."""

    exit_code = ExitCode.OUTPUT


def cannot_write(error: OSError | str) -> OutputError:
    """``cannot write the output: no space left on device``, from the error writing standard output."""
    reason = error if isinstance(error, str) else error.strerror or str(error)
    return OutputError(f"cannot write the output: {reason[:1].lower()}{reason[1:]}")

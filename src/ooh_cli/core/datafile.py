"""Find the data file, and read and validate it (for the store, core/store.py, when its cache cannot answer).

Reading the YAML (yamlio.py) and validating it (validate.py) are imported only when called, so a cached lookup
never loads a YAML parser or the validator.
"""

from __future__ import annotations

import os
import re
import stat as stat_mode
from pathlib import Path
from typing import TYPE_CHECKING

from ooh_cli.core.errors import DataError, unreadable

if TYPE_CHECKING:
    from ooh_cli.core.validate import Dataset, Problem

DATA_ENV = "OOH_DATA"
RECORD_LINE = r"^\s*-?\s*id:\s*['\"]?([^'\"\s#]+)"  # compiled only when a problem is reported


def bundled_data_path() -> Path:
    """The data shipped inside the wheel, or the repository's copy in a source checkout."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "data" / "occupations.yaml"
    return packaged if packaged.exists() else here.parents[1] / "data" / "occupations.yaml"


def vocabulary_path() -> Path:
    """The everyday names (core/vocabulary.py) shipped inside the wheel, or the repository's copy."""
    return bundled_data_path().with_name("vocabulary.yaml")


def data_path(option: Path | None) -> Path:
    """The file `--data` names, else `OOH_DATA`, else the edition `ooh data update` switched to, else the
    bundled one."""
    if option is not None:
        return option
    from_env = os.environ.get(DATA_ENV)
    if from_env:
        return Path(from_env)
    from ooh_cli.core.editions import current_data_file

    return current_data_file() or bundled_data_path()


def stat_data_file(path: Path) -> os.stat_result:
    """The data file's status, or a DataError saying why it cannot be read.

    Before anything is read: a device (`/dev/zero` never ends, a terminal waits for typing), a socket, a named
    FIFO (with no writer it blocks for ever) or a file over MAX_DATA_BYTES is refused. A pipe handed over
    open (`--data <(...)`, a /dev/fd path) is read, up to the same size.
    """
    from ooh_cli.core.files import MAX_DATA_BYTES, too_large

    try:
        stat = path.stat()
    except OSError as error:
        raise unreadable(path, error) from None
    mode = stat.st_mode
    if stat_mode.S_ISDIR(mode):
        raise unreadable(path, IsADirectoryError())
    if stat_mode.S_ISFIFO(mode) and not _open_pipe(path):
        raise DataError(f"data file {path} is a named pipe (FIFO); give a regular file, or `--data <(command)`")
    if not (stat_mode.S_ISREG(mode) or stat_mode.S_ISFIFO(mode)):
        raise DataError(f"data file {path} is a device or a socket, not a YAML file")
    if stat.st_size > MAX_DATA_BYTES:
        raise too_large(path)
    return stat


def _open_pipe(path: Path) -> bool:
    """Whether ``path`` names a pipe this process already holds open (`/dev/fd/63` from `<(...)`)."""
    try:
        return "pipe:[" in str(path.resolve())
    except OSError:
        return False


def check_file(path: Path) -> tuple[Dataset | None, list[Problem]]:
    """Parse and validate without the cache: the dataset (None on errors) and every problem, with its line."""
    from ooh_cli.core.validate import Problem, read_document
    from ooh_cli.core.yamlio import parse_file

    stat = stat_data_file(path)
    dataset, problems = read_document(parse_file(path))
    # Lines cost a second read, so only when a problem needs them, and never of a pipe (it is drained).
    wanted = stat_mode.S_ISREG(stat.st_mode) and any(p.record for p in problems)
    text_lines = _record_lines(path) if wanted else {}
    located = [
        Problem(p.level, p.message, p.record, p.field, text_lines.get(p.record) if p.record else None) for p in problems
    ]
    return dataset, located


def read_data_file(path: Path) -> tuple[Dataset, list[str]]:
    """The validated data of ``path`` and its warnings, or a DataError naming the first problem (and how many more)."""
    from ooh_cli.core.validate import Level

    dataset, problems = check_file(path)
    if dataset is None:
        errors = [p for p in problems if p.level is Level.ERROR]
        more = f" (and {len(errors) - 1} more; run `ooh data validate {path}`)" if len(errors) > 1 else ""
        raise DataError(errors[0].format(str(path)) + more)
    return dataset, [p.format(str(path)) for p in problems if p.level is Level.WARNING]


def _record_lines(path: Path) -> dict[str, int]:
    """The line on which each record starts, for problem reports."""
    try:
        text = path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        return {}
    lines: dict[str, int] = {}
    line, counted_to = 1, 0
    for match in re.finditer(RECORD_LINE, text, re.MULTILINE):
        # Count newlines only since the previous record: one pass over the file, however large.
        line += text.count("\n", counted_to, match.start())
        counted_to = match.start()
        lines.setdefault(match.group(1), line)
    return lines

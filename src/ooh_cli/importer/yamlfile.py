"""Read the existing data file and write the new one: stable bytes, atomically."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

import yaml

from ooh_cli.errors import DataError

try:
    from yaml import CSafeDumper as _BaseDumper
    from yaml import CSafeLoader as _Loader
except ImportError:  # PyYAML built without libyaml
    from yaml import SafeDumper as _BaseDumper  # type: ignore[assignment]
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

# Wide enough that no line is ever folded, so a value never moves between lines from one run to the next.
WIDTH = 1_000_000
NEW_FILE_MODE = 0o644


class _Dumper(_BaseDumper):
    def ignore_aliases(self, data: Any) -> bool:
        # A value shared by two records is written out twice, never as a YAML anchor and alias.
        return True


def dump_yaml(document: Mapping[str, Any], stream: IO[str] | None = None) -> str | None:
    """``document`` as YAML: keys in their given order, Unicode as is, block style, no folding.

    Returns the text when ``stream`` is None, else writes to it. The same document always gives the same text.
    """
    return yaml.dump(
        document,
        stream,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=WIDTH,
        default_flow_style=False,
    )


def write_yaml_atomic(document: Mapping[str, Any], path: Path) -> None:
    """Write ``document`` to ``path`` all at once: readers see the old file or the new one, never a part.

    The YAML goes to a temporary file in the same directory, is flushed to disk, then renamed over ``path``.
    On any error the temporary file is removed and ``path`` is left as it was. OS errors become DataError.
    """
    path = Path(path)
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = NEW_FILE_MODE
    except OSError as error:
        raise DataError(f"cannot write {path}: {error.strerror or error}") from None
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise DataError(f"cannot write {path}: {error.strerror or error}") from None
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            dump_yaml(document, stream)
            stream.flush()
            os.fsync(stream.fileno())
        temp.chmod(mode)
        temp.replace(path)  # os.replace: atomic on POSIX and Windows
    except BaseException as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(error, OSError):
            raise DataError(f"cannot write {path}: {error.strerror or error}") from error
        raise
    _sync_directory(path.parent)


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where directories cannot be opened."""
    with contextlib.suppress(OSError):
        handle = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def read_existing(path: Path) -> dict[str, Any] | None:
    """The data file at ``path`` as parsed YAML, or None when there is no file yet."""
    path = Path(path)
    try:
        with path.open("rb") as stream:
            document = yaml.load(stream, Loader=_Loader)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise DataError(f"cannot read {path}: {error.strerror or error}") from None
    except yaml.YAMLError as error:
        raise DataError(f"{path} is not valid YAML: {error}") from None
    if document is None:
        return None
    if not isinstance(document, dict):
        raise DataError(f"{path}: expected a mapping with 'meta' and 'occupations'")
    return document

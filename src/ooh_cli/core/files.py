"""Reading a data file with a bound (a pipe or a huge file is never read until memory runs out), and writing a
small file all at once."""

from __future__ import annotations

import os
from pathlib import Path

from ooh_cli.core.errors import DataError

# The largest data file read: the Handbook's is about 2.4 MB, so this leaves room for editions to come, while
# `--data /dev/zero` or a runaway pipe is refused rather than read until memory runs out (docs/safety.md).
MAX_DATA_BYTES = 64 * 1024 * 1024


def too_large(path: Path) -> DataError:
    return DataError(f"data file {path} is larger than {MAX_DATA_BYTES // (1024 * 1024)} MB; not read")


def read_bounded(path: Path) -> bytes:
    """The bytes of ``path``, read once (a pipe can only be read once), at most MAX_DATA_BYTES of them."""
    with path.open("rb") as stream:
        if os.fstat(stream.fileno()).st_size > 0:  # a regular file, its size checked before (stat_data_file)
            raw = stream.read()
        else:
            # A pipe, a chunk at a time: read(MAX_DATA_BYTES + 1) would allocate all 64 MB at once.
            buffer = bytearray()
            while chunk := stream.read(1 << 20):
                buffer += chunk
                if len(buffer) > MAX_DATA_BYTES:
                    break
            raw = bytes(buffer)
    if len(raw) > MAX_DATA_BYTES:
        raise too_large(path)
    return raw


def write_atomic(path: Path, data: bytes) -> None:
    """Write a small file (a manifest, the name of the edition in use) so that readers see the old bytes or the
    new, never part of them: a temporary file beside it, renamed over it. OS errors become DataError."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temp.write_bytes(data)
        temp.replace(path)
    except BaseException as error:
        temp.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise DataError(f"cannot write {path}: {error.strerror or error}") from None
        raise

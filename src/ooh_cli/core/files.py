"""Writing a file all at once, for the data file and the cache alike."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path

from ooh_cli.core.errors import DataError

NEW_FILE_MODE = 0o644


def write_atomic(path: Path, data: bytes | Iterable[bytes], durable: bool = True) -> None:
    """Write ``data`` (bytes, or pieces of them) to ``path`` so that readers see the old file or the new one.

    The bytes go to a temporary file in the same directory, which is renamed over ``path`` (keeping its
    permissions); ``durable`` also flushes both to disk first. On any error, Ctrl-C included, the temporary
    file is removed and ``path`` is left as it was; OS errors become DataError.
    """
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = NEW_FILE_MODE
    except OSError as error:
        raise DataError(f"cannot write {path}: {error.strerror or error}") from None
    import tempfile  # imported here: most runs write nothing, and it costs start-up a millisecond or two

    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise DataError(f"cannot write {path}: {error.strerror or error}") from None
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            for piece in [data] if isinstance(data, bytes) else data:
                stream.write(piece)
            if durable:
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
    if durable:
        _sync_directory(path.parent)


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where directories cannot be opened."""
    with contextlib.suppress(OSError):
        handle = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


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

"""Find the data file and load its catalog, from a cache of the validated result when it is current.

Parsing YAML is the slowest thing `ooh` does (about 0.1 s per MB even with libyaml), so the validated catalog
is kept in the user's cache directory and reused until the data file or `ooh` changes. Reading the YAML
itself (reading.py) is imported only when the cache cannot answer.
"""

from __future__ import annotations

import contextlib
import gc
import marshal
import os
import stat as stat_mode
import sys
import weakref
import zlib
from collections.abc import Iterator, Sequence
from itertools import accumulate
from pathlib import Path
from typing import IO, TYPE_CHECKING, BinaryIO, overload

from ooh_cli import __version__
from ooh_cli.catalog import Catalog, summary_rows
from ooh_cli.errors import DataError
from ooh_cli.model import Meta, Summary
from ooh_cli.records import from_plain, to_plain

if TYPE_CHECKING:
    from ooh_cli.search import SearchIndex

# The data file's path, size, times and inode, `ooh`'s version and the times of the modules that shape it.
CacheKey = tuple[str, tuple[int, ...], str, int, int, int, int]
_LENGTH_BYTES = 8  # the header's length, little-endian, starts the cache file

DATA_ENV = "OOH_DATA"
NO_CACHE_ENV = "OOH_NO_CACHE"
CACHE_DIR_ENV = "OOH_CACHE_DIR"
# The modules that decide what the cache holds: an edited checkout must not read records of an older shape.
SHAPING_MODULES = ("model.py", "records.py", "catalog.py", "search.py", "names.py", "validate.py", "reading.py")


def bundled_data_path() -> Path:
    """The data shipped inside the wheel, or the repository's copy in a source checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "data" / "occupations.yaml"
    return packaged if packaged.exists() else here.parents[1] / "data" / "occupations.yaml"


def data_path(option: Path | None) -> Path:
    if option is not None:
        return option
    from_env = os.environ.get(DATA_ENV)
    return Path(from_env) if from_env else bundled_data_path()


def load_catalog(path: Path) -> Catalog:
    """The validated catalog of ``path``, from the cache when it is still current."""
    stat = stat_data_file(path)
    # A pipe or FIFO (`--data <(...)`) can be read once and its stat says nothing about what it holds.
    if os.environ.get(NO_CACHE_ENV, "") not in ("", "0") or not stat_mode.S_ISREG(stat.st_mode):
        return _read(path)
    cache_file = _cache_file(path)
    key = _cache_key(path, stat)
    cached = _read_cache(cache_file, key)
    if cached is not None:
        return cached
    catalog = _read(path)
    _write_cache(cache_file, key, catalog)
    return catalog


def _read(path: Path) -> Catalog:
    # Imported only here: a lookup the cache answers never loads YAML or the validator.
    from ooh_cli.reading import build_catalog

    return build_catalog(path)


def unreadable(path: Path, error: OSError) -> DataError:
    """What went wrong opening the data file, said the same way wherever it happens."""
    if isinstance(error, FileNotFoundError):
        return DataError(f"data file not found: {path}")
    if isinstance(error, IsADirectoryError):
        return DataError(f"data file {path} is a directory, not a YAML file")
    return DataError(f"cannot read data file {path}: {error.strerror or error}")


def stat_data_file(path: Path) -> os.stat_result:
    """The data file's status, or a DataError saying why it cannot be read."""
    try:
        stat = path.stat()
    except OSError as error:
        raise unreadable(path, error) from None
    if stat_mode.S_ISDIR(stat.st_mode):
        raise unreadable(path, IsADirectoryError())
    return stat


def cache_directory() -> Path:
    configured = os.environ.get(CACHE_DIR_ENV)
    if configured:
        return Path(configured)
    if sys.platform.startswith("linux"):
        # What platformdirs answers on Linux, without the few milliseconds its import costs every lookup.
        return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "ooh"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("ooh", appauthor=False))


def _cache_file(path: Path) -> Path:
    # One cache file per data file; the key inside it decides whether it is still current.
    name = f"{zlib.crc32(str(path.resolve()).encode()):08x}-{path.name}"
    return cache_directory() / f"{name}.cache"


def _cache_key(path: Path, stat: os.stat_result) -> CacheKey:
    here = Path(__file__).parent
    code = tuple((here / name).stat().st_mtime_ns for name in SHAPING_MODULES)
    # ctime moves on any write, even one that restores the old mtime.
    return (__version__, code, str(path.resolve()), stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


class _Items(Sequence[bytes]):
    """Byte strings stored back to back in the cache file, each read only when asked for."""

    def __init__(self, stream: BinaryIO, start: int, ends: Sequence[int]) -> None:
        self._stream, self._start, self._ends = stream, start, ends

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, index: int) -> bytes: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[bytes]: ...
    def __getitem__(self, index: int | slice) -> bytes | Sequence[bytes]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        begin = self._ends[index - 1] if index else 0
        return _read_at(self._stream, self._start + begin, self._ends[index] - begin)


def _read_at(stream: BinaryIO, offset: int, size: int) -> bytes:
    stream.seek(offset)
    data = stream.read(size)
    if len(data) != size:
        raise DataError(f"the cache file {stream.name} was cut short; run again with {NO_CACHE_ENV}=1")
    return data


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cycle collector: it would walk the heap again and again while tens of thousands of tuples
    are made, none of which can be part of a cycle."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _read_cache(cache_file: Path, key: CacheKey) -> Catalog | None:
    """The cached catalog, or None when missing, stale or unreadable (a bad cache is rebuilt, never an error).

    The file is a length-prefixed header (key, meta, where the rest lies), then the summaries, the search
    index, the name buckets and the records, each read only when a command needs it. The file stays open: a
    newer cache written meanwhile replaces its name, not the file.
    """
    try:
        stream = cache_file.open("rb")
    except OSError:
        return None
    try:
        size = int.from_bytes(stream.read(_LENGTH_BYTES), "little")
        stored_key, meta, warnings, rows_size, search_size, name_ends, record_ends = marshal.loads(stream.read(size))
        name_ends, record_ends = memoryview(name_ends).cast("Q"), memoryview(record_ends).cast("Q")
        rows_start = _LENGTH_BYTES + size
        search_start = rows_start + rows_size
        names_start = search_start + search_size
        records_start = names_start + name_ends[-1]
        end = records_start + (record_ends[-1] if record_ends else 0)
        if stored_key != key or os.fstat(stream.fileno()).st_size != end:
            stream.close()
            return None  # another file's, or cut short: not a cache this code wrote whole

        def summaries() -> list[Summary]:
            with _collector_paused():
                return summary_rows(marshal.loads(_read_at(stream, rows_start, rows_size)))

        def search() -> SearchIndex:
            from ooh_cli.search import SearchIndex

            return SearchIndex.from_plain(marshal.loads(_read_at(stream, search_start, search_size)))

        names = _Items(stream, names_start, name_ends)
        records = _Items(stream, records_start, record_ends)
        catalog = Catalog(from_plain(Meta, meta), summaries, records, names, search, warnings)
        weakref.finalize(catalog, stream.close)
        return catalog
    except Exception:
        stream.close()
        return None


def _write_sections(stream: IO[bytes], key: CacheKey, catalog: Catalog) -> None:
    """The layout `_read_cache` reads."""
    from array import array

    parts = catalog.parts()
    # Built-in types only, in marshal: it reads them back fastest, and reading runs no code.
    rows = marshal.dumps(parts.summaries)
    search = marshal.dumps(parts.search.to_plain())
    name_ends, record_ends = (
        array("Q", accumulate(map(len, items))).tobytes() for items in (parts.names, parts.records)
    )
    header = (key, to_plain(parts.meta), parts.warnings, len(rows), len(search), name_ends, record_ends)
    header_bytes = marshal.dumps(header)
    stream.write(len(header_bytes).to_bytes(_LENGTH_BYTES, "little"))
    stream.write(header_bytes)
    stream.write(rows)
    stream.write(search)
    stream.writelines(parts.names)
    stream.writelines(parts.records)


def _write_cache(cache_file: Path, key: CacheKey, catalog: Catalog) -> None:
    """Write atomically so a concurrent run reads the old cache or the new one, never half of one."""
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        import tempfile

        stream = tempfile.NamedTemporaryFile("wb", dir=cache_file.parent, suffix=".tmp", delete=False)  # noqa: SIM115
    except OSError:
        return  # A read-only cache directory only costs speed.
    written = False
    try:
        with stream:
            _write_sections(stream, key, catalog)
        Path(stream.name).replace(cache_file)
        written = True
    except Exception:
        pass  # A full disk only costs speed, like a read-only directory.
    finally:
        # Also on Ctrl-C, which must not leave half a cache behind.
        if not written:
            with contextlib.suppress(OSError):
                Path(stream.name).unlink()

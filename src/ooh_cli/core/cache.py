"""The cache: a data file's validated catalog in SQLite, laid out so that a lookup reads only what it needs.

Parsing YAML is the slowest thing `ooh` does (about 0.1 s per MB even with libyaml), so the validated result
is kept in one database per data file in the user's cache directory. Records are msgpack, written by msgspec
from the model's own classes, so reading them never runs code. `show` reads the header and one record, `list`
the summaries, `search` its index, a lookup one row of the name index.

Tables: ``part`` (the header: key, meta and warnings; the summaries; the search index), ``name`` (every
folded name and the positions of its profiles) and ``record`` (one profile per row, in title order). Every
blob carries its CRC-32, checked as it is read: a cache that is missing, stale, of another format, damaged or
not a database at all is simply rebuilt (Damaged), never an error.
"""

# No `from __future__ import annotations`: msgspec would compile the annotations of Key and Header, which
# every run decodes, from strings each time.
import contextlib
import os
import sqlite3
import sys
import zlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from ooh_cli import __version__
from ooh_cli.core.records import Meta, Summary

if TYPE_CHECKING:
    from ooh_cli.core.model import Occupation
    from ooh_cli.core.search import SearchIndex

# Bump when the model or this layout changes: a cache of another format is rebuilt, never misread.
FORMAT = 8
# "OOHC" in the file's header: any other SQLite file in its place is rebuilt.
# Tables holding large blobs keep their rowid: SQLite finds a row of a WITHOUT ROWID table by comparing whole
# rows, blobs and all (milliseconds for the search index).
APPLICATION_ID = 0x4F4F4843
SCHEMA = """
CREATE TABLE part (name TEXT PRIMARY KEY, crc INTEGER NOT NULL, body BLOB NOT NULL);
CREATE TABLE name (name TEXT PRIMARY KEY, positions TEXT NOT NULL, alternate INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE record (position INTEGER PRIMARY KEY, crc INTEGER NOT NULL, body BLOB NOT NULL);
"""


class Damaged(Exception):
    """The cache cannot be read as written: rebuild it."""


class Key(msgspec.Struct, array_like=True, frozen=True):
    """What a cache was built from: the data file's identity, the cache format and `ooh`'s version."""

    format: int
    version: str
    path: str
    size: int
    mtime_ns: int
    # ctime moves on any write, even one that puts the old mtime back.
    ctime_ns: int
    inode: int
    # The data database's size, mtime and inode (-1 without one): O*NET's alternate titles are in the name index.
    database_size: int = -1
    database_mtime_ns: int = -1
    database_inode: int = -1

    @classmethod
    def of(cls, path: Path, stat: os.stat_result, database: os.stat_result | None = None) -> "Key":
        return cls(
            FORMAT,
            __version__,
            str(path.resolve()),
            stat.st_size,
            stat.st_mtime_ns,
            stat.st_ctime_ns,
            stat.st_ino,
            database.st_size if database else -1,
            database.st_mtime_ns if database else -1,
            database.st_ino if database else -1,
        )


class Header(msgspec.Struct, array_like=True):
    key: Key | None
    meta: Meta
    warnings: list[str]
    count: int  # profiles


class Sections:
    """A catalog's parts, read from a cache database (a file, or one in memory)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection
        try:
            if connection.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                raise Damaged
        except sqlite3.Error:
            raise Damaged from None
        self.header = self._decode(self._part("header"), Header)

    def _query(self, sql: str, parameters: tuple[Any, ...] = ()) -> Any:
        try:
            return self._connection.execute(sql, parameters).fetchone()
        except sqlite3.Error:
            raise Damaged from None

    def _part(self, name: str) -> bytes:
        return self._checked(self._query("SELECT body, crc FROM part WHERE name = ?", (name,)))

    @staticmethod
    def _checked(found: tuple[Any, ...] | None) -> bytes:
        if found is None or not isinstance(found[0], bytes) or zlib.crc32(found[0]) != found[1]:
            raise Damaged
        return found[0]

    @staticmethod
    def _decode(data: bytes, kind: Any) -> Any:
        try:
            return msgspec.msgpack.decode(data, type=kind)
        except (msgspec.DecodeError, TypeError):
            raise Damaged from None

    def __len__(self) -> int:
        return int(self.header.count)

    def summaries(self) -> list[Summary]:
        return self._decode(self._part("summaries"), list[Summary])  # type: ignore[no-any-return]

    def search(self) -> "SearchIndex":
        from ooh_cli.core.search import SearchIndex

        return self._decode(self._part("search"), SearchIndex)  # type: ignore[no-any-return]

    def lookup(self, key: str) -> list[int]:
        """Positions of the profiles with the folded name ``key`` among their own names."""
        return self._positions(key, alternate=False)

    def lookup_alternate(self, key: str) -> list[int]:
        """Positions of the profiles with ``key`` among their names from other sources (O*NET's alternate titles)."""
        return self._positions(key, alternate=True)

    def _positions(self, key: str, alternate: bool) -> list[int]:
        found = self._query("SELECT positions, alternate FROM name WHERE name = ?", (key,))
        if found is None or bool(found[1]) != alternate:
            return []
        try:
            positions = [int(p) for p in found[0].split(",")]
        except (AttributeError, ValueError):
            raise Damaged from None
        if not all(0 <= p < self.header.count for p in positions):
            raise Damaged
        return positions

    def record(self, position: int) -> "Occupation":
        from ooh_cli.core.model import Occupation  # a profile's classes: only what shows a profile loads them

        data = self._checked(self._query("SELECT body, crc FROM record WHERE position = ?", (position,)))
        return self._decode(data, Occupation)  # type: ignore[no-any-return]


def fill(
    connection: sqlite3.Connection,
    key: Key | None,
    meta: Meta,
    warnings: list[str],
    occupations: tuple["Occupation", ...],
    index: "SearchIndex",
    extra_names: Mapping[str, Sequence[str]] | None = None,
) -> None:
    """Write the cache's tables for these profiles on ``connection``; the profiles must be in the catalog's order.
    ``extra_names`` (by profile id) are names from other sources, such as O*NET's alternate titles, folded
    into space-separated words (search.folded_words)."""
    encoder = msgspec.msgpack.Encoder()
    connection.executescript(SCHEMA)
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    parts = {
        "header": encoder.encode(Header(key, meta, warnings, len(occupations))),
        "summaries": encoder.encode([Summary.of(occ) for occ in occupations]),
        "search": encoder.encode(index),
    }
    connection.executemany("INSERT INTO part VALUES (?, ?, ?)", [(n, zlib.crc32(b), b) for n, b in parts.items()])
    connection.executemany("INSERT INTO name VALUES (?, ?, ?)", _name_index(occupations, extra_names or {}))
    records = ((position, encoder.encode(occ)) for position, occ in enumerate(occupations))
    connection.executemany("INSERT INTO record VALUES (?, ?, ?)", ((p, zlib.crc32(b), b) for p, b in records))


def _name_index(
    occupations: tuple["Occupation", ...], extra_names: Mapping[str, Sequence[str]]
) -> list[tuple[str, str, int]]:
    """Every folded name with the positions of its profiles ("i,j"), and whether it comes from another source.

    An extra name counts only where no profile has it as its own name, and is marked, so that lookups take the
    profiles' own names first (catalog.resolve).
    """
    owners: dict[str, list[int]] = {}
    for position, occ in enumerate(occupations):
        for key in occ.names():
            ids = owners.setdefault(key, [])
            if position not in ids:
                ids.append(position)
    extra: dict[str, list[int]] = {}
    for position, occ in enumerate(occupations):
        for name in extra_names.get(occ.id, ()):
            folded = name.replace(" ", "-")  # the words of `fold`, joined as it joins them
            if folded and folded not in owners:
                ids = extra.setdefault(folded, [])
                if position not in ids:
                    ids.append(position)
    own = [(key, ",".join(map(str, ids)), 0) for key, ids in owners.items()]
    return own + [(key, ",".join(map(str, ids)), 1) for key, ids in extra.items()]


def in_memory(
    meta: Meta,
    warnings: list[str],
    occupations: tuple["Occupation", ...],
    index: "SearchIndex",
    extra_names: Mapping[str, Sequence[str]] | None = None,
) -> Sections:
    """A cache held in memory only, for a data file that cannot be cached (a pipe, or caching turned off)."""
    connection = sqlite3.connect(":memory:")
    fill(connection, None, meta, warnings, occupations, index, extra_names)
    return Sections(connection)


def directory() -> Path:
    """`OOH_CACHE_DIR`, else the user's cache directory for `ooh` (~/.cache/ooh on Linux)."""
    configured = os.environ.get("OOH_CACHE_DIR")
    if configured:
        return Path(configured)
    if sys.platform.startswith("linux"):
        # What platformdirs answers on Linux (the XDG rule), without the 5 ms its import costs every lookup.
        return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "ooh"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("ooh", appauthor=False))


def cache_file(path: Path) -> Path:
    """One cache file per data file; the key inside says whether it is still current."""
    return directory() / f"{zlib.crc32(str(path.resolve()).encode()):08x}-{path.name}.cache.sqlite"


def read(path: Path, key: Key) -> Sections | None:
    """The cached sections of ``path``, or None when there is no current, readable cache for ``key``."""
    target = cache_file(path)
    if not target.is_file():
        return None
    try:
        # immutable: a newer cache replaces this one by a rename, never by writing into it.
        connection = sqlite3.connect(f"{target.as_uri()}?mode=ro&immutable=1", uri=True)
        sections = Sections(connection)
    except (sqlite3.Error, Damaged):
        return None
    return sections if sections.header.key == key else None


def write(
    path: Path,
    key: Key,
    meta: Meta,
    warnings: list[str],
    occupations: tuple["Occupation", ...],
    index: "SearchIndex",
    extra_names: Mapping[str, Sequence[str]] | None = None,
) -> bool:
    """Write the cache whole and rename it into place, so a concurrent run reads the old one or the new one;
    False when it cannot (a read-only cache directory or a full disk: the next run parses the file again)."""
    import tempfile

    target = cache_file(path)
    temp: Path | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(handle)
        temp = Path(name)
        connection = sqlite3.connect(temp)
        try:
            # A cache is rebuilt when lost: no journal, no waiting for the disk.
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            # Large pages: the search index (about 2 MB) is read in a few dozen pages rather than hundreds.
            connection.execute("PRAGMA page_size = 65536")
            fill(connection, key, meta, warnings, occupations, index, extra_names)
            connection.commit()
        finally:
            connection.close()
        temp.replace(target)
    except (OSError, sqlite3.Error):
        return False
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                temp.unlink()
    return True

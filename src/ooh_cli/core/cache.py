"""The cache: a data file's validated catalog in SQLite, laid out so that a lookup reads only what it needs.

Parsing YAML is the slowest thing `ooh` does (about 0.1 s per MB even with libyaml), so the validated result
is kept in one database per data file in the user's cache directory. Records are msgpack, written by msgspec
from the model's own classes, so reading them never runs code. `show` reads the header and one record, `list`
the summaries, `search` its index and what its hits show, a lookup one row of the name index.

Tables: ``part`` (the header: key, meta and warnings; the summaries; every profile's jobs), ``name`` (every
folded name and the positions of its profiles), ``record`` (one profile per row, in title order), ``field``
(a search field of every profile per row, so that a search of the Handbook's own words reads only those),
``posting`` (the words of O*NET's search fields, each with where it is, grouped by their first letters, so
that a search reads only the words it looks for), ``word`` (the sorted words of each search field, for long queries and spelling corrections) and
``shown`` (per profile, its summary and the texts a search's reasons quote, so that a search decodes no record).

The cache is written by cachewrite.py, which only a run that builds one imports. A cache that is missing, stale, of another format, damaged or not a database at all is simply rebuilt
(Damaged), never an error. SQLite finds damage to its own structure; every blob carries its CRC-32, checked as
it is read. The search fields' text (1.5 MB for the shipped data, whose CRC-32 would cost a search about 2% of
its time) is checked as SQLite reads it, for its encoding and length, and their line numbers by a CRC-32: a byte
flipped in the text can change what a search finds, never what a profile says, nor make a search fail.
"""

# No `from __future__ import annotations`: msgspec would compile the annotations of Key and Header, which
# every run decodes, from strings each time.
import functools
import os
import sqlite3
import sys
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from ooh_cli import __version__
from ooh_cli.core.records import Meta, Summary

if TYPE_CHECKING:
    from ooh_cli.core.model import Occupation
    from ooh_cli.core.searchindex import Lines

# Bump when the model or this layout changes: a cache of another format is rebuilt, never misread.
FORMAT = 10
# "OOHC" in the file's header: any other SQLite file in its place is rebuilt.
APPLICATION_ID = 0x4F4F4843


# Postings are kept in groups of the words that start with the same letters (``start``), a row each: the
# words a search looks for, which start with its word, are in one row (words shorter than this stand alone,
# and are found whole only: search.MIN_PREFIX_LENGTH), and a few hundred rows are written rather than thousands.
POSTING_START = 2


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


class Shown(msgspec.Struct, array_like=True):
    """What a search shows of a hit: its summary, and the texts its reasons quote (indexbuild.shown_texts)."""

    summary: Summary
    texts: dict[str, list[str]]


class Sections:
    """A catalog's parts, read from a cache database (a file, or one in memory)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection
        self._names: dict[str, tuple[Any, ...] | None] = {}
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

    def _rows(self, sql: str, parameters: Sequence[Any]) -> list[Any]:
        try:
            return self._connection.execute(sql, tuple(parameters)).fetchall()
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

    def jobs(self) -> bytes:
        """Every profile's jobs, packed (indexbuild.IndexParts.jobs)."""
        jobs = self._part("jobs")
        if len(jobs) != 8 * self.header.count:
            raise Damaged
        return jobs

    def search_fields(self, names: Sequence[str], read_words: Callable[[str], str]) -> "dict[str, Lines]":
        """The search fields of ``names`` (searchindex.Lines); ``read_words`` reads a field's sorted words when a
        search asks for them (``words``, through the catalog, which rebuilds a cache found damaged)."""
        from ooh_cli.core.searchindex import Lines

        marks = ", ".join("?" * len(names))
        rows = self._rows(f"SELECT name, crc, size, starts, owners, text FROM field WHERE name IN ({marks})", names)
        fields: dict[str, Lines] = {}
        for name, crc, size, starts, owners, text in rows:
            if not (isinstance(starts, bytes) and isinstance(owners, bytes) and isinstance(text, str)):
                raise Damaged
            # The line numbers decide which profile a line is of: checked; the text only for its length.
            if zlib.crc32(owners, zlib.crc32(starts)) != crc or len(text) != size or len(starts) != len(owners):
                raise Damaged
            starts_of, owners_of = memoryview(starts).cast("I"), memoryview(owners).cast("I")
            fields[name] = Lines(text, starts_of, owners_of, functools.partial(read_words, name))
        if len(fields) != len(names):
            raise Damaged
        return fields

    def places(self, field: str, word: str, whole: bool) -> list[tuple[str, bytes]]:
        """The words of the posted search field ``field`` that are ``word`` or, unless ``whole``, start with it,
        each with its places (indexbuild.postings)."""
        row = self._query("SELECT body, crc FROM posting WHERE field = ? AND start = ?", (field, word[:POSTING_START]))
        if row is None:
            return []
        group: dict[str, bytes] = self._decode(self._checked(row), dict[str, bytes])
        if any(len(places) % 8 for places in group.values()):
            raise Damaged
        return [
            (found, places)
            for found, places in group.items()
            if found == word or (not whole and found.startswith(word))
        ]

    def words(self, name: str) -> str:
        """The sorted distinct words of the search field ``name`` (indexbuild.Blob.words)."""
        found = self._query("SELECT words, size FROM word WHERE name = ?", (name,))
        if found is None or not isinstance(found[0], str) or len(found[0]) != found[1]:
            raise Damaged
        return found[0]

    def shown(self, positions: Sequence[int]) -> "list[Shown]":
        """What a search shows of the profiles at ``positions`` (Shown), in that order."""
        marks = ", ".join("?" * len(positions))
        rows = self._rows(f"SELECT position, body, crc FROM shown WHERE position IN ({marks})", positions)
        found = {row[0]: self._decode(self._checked(row[1:]), Shown) for row in rows}
        if len(found) != len(set(positions)):
            raise Damaged
        return [found[position] for position in positions]

    def lookup(self, key: str) -> list[int]:
        """Positions of the profiles with the folded name ``key`` among their own names."""
        return self._positions(key, alternate=False)

    def lookup_alternate(self, key: str) -> list[int]:
        """Positions of the profiles with ``key`` among their names from other sources (O*NET's alternate titles)."""
        return self._positions(key, alternate=True)

    def _positions(self, key: str, alternate: bool) -> list[int]:
        # A lookup asks for a name's own profiles, then for its alternate ones: one query answers both.
        if key not in self._names:
            self._names[key] = self._query("SELECT positions, alternate FROM name WHERE name = ?", (key,))
        found = self._names[key]
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

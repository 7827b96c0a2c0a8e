"""The data database beside a data file (``occupations.yaml`` -> ``occupations.db``): wages and O*NET in SQLite.

The YAML is the home of the profiles; what comes from the other sources lives in this database, one table
group per source, written by `ooh data import` (importer/steps.py) and read here. docs/data-format.md
documents the schema. The file is never changed in place: an import writes a new one and renames it over the
old (importer/switch.py), so readers open it immutable, which skips SQLite's locking.

A file that is not ours (another application id), of another schema version or damaged is a DataError naming
it (exit 3): it is shipped or imported data, never rebuilt behind the user's back.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ooh_cli.core.errors import DataError

SUFFIX = ".db"
# "OOHD" in the file's header (PRAGMA application_id): a database of another program is refused, never misread.
APPLICATION_ID = 0x4F4F4844
# Bump when the schema changes; a file of another version is refused with a hint to import again. An index
# added is no change: a file without it answers the same, more slowly.
SCHEMA_VERSION = 2

# Tables of large values (meta, briefs, O*NET blocks) keep their rowid: SQLite finds a row of a WITHOUT ROWID
# table by comparing whole rows, blobs and all.
SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value);
CREATE TABLE wage_area (
    position INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL, kind TEXT NOT NULL,
    states TEXT NOT NULL
);
CREATE TABLE wage_occupation (soc TEXT PRIMARY KEY, title TEXT NOT NULL, brief BLOB NOT NULL);
CREATE TABLE wage (
    soc TEXT NOT NULL, area INTEGER NOT NULL,
    employment INTEGER, per_1000 INTEGER, lq INTEGER, hourly_mean INTEGER, annual_mean INTEGER,
    hourly_10 INTEGER, hourly_25 INTEGER, hourly_median INTEGER, hourly_75 INTEGER, hourly_90 INTEGER,
    annual_10 INTEGER, annual_25 INTEGER, annual_median INTEGER, annual_75 INTEGER, annual_90 INTEGER,
    notes TEXT NOT NULL,
    PRIMARY KEY (soc, area)
) WITHOUT ROWID;
CREATE TABLE wage_state (
    area INTEGER NOT NULL, soc TEXT NOT NULL, employment INTEGER, annual_median INTEGER, hourly_median INTEGER,
    PRIMARY KEY (area, soc)
) WITHOUT ROWID;
CREATE TABLE onet_profile (
    position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, job_zone INTEGER, holland_code TEXT,
    traits BLOB NOT NULL, vectors BLOB NOT NULL, nearest BLOB NOT NULL, body BLOB NOT NULL
);
-- The list filters' answer in a few pages: a profile's row is a page or more of blobs.
CREATE INDEX onet_profile_filters ON onet_profile (job_zone, holland_code, id);
"""
# The tables each source owns: an import of one source replaces its tables and keeps the others'.
WAGE_TABLES = ("wage_area", "wage_occupation", "wage", "wage_state")
ONET_TABLES = ("onet_profile",)


def rebuild_hint(path: Path) -> str:
    """How to rebuild the database at ``path``: an edition is `ooh data update`'s to build again (its user has
    no sources to import), from the bundled data, since an update starts from the data in use; any other data
    file's database is `ooh data import`'s."""
    from ooh_cli.core.editions import EDITIONS, data_home

    if path.resolve().parent.parent == (data_home() / EDITIONS).resolve():
        return "go back to the bundled data with `ooh data use bundled`, then `ooh data update` builds it again"
    return "rebuild it with `ooh data import`"


def database_path(data_path: Path) -> Path:
    """Where a data file's database lives: beside it, named after it."""
    return data_path.with_name(data_path.stem + SUFFIX)


class Database:
    """An open data database, checked to be ours and of this schema; every SQLite error becomes a DataError."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            # immutable: the file is replaced by a rename, never written in place, so no locks are needed.
            self._connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        except sqlite3.Error as error:
            raise self.damaged(str(error)) from None
        application, version = (self.rows(f"PRAGMA {name}")[0][0] for name in ("application_id", "user_version"))
        if application != APPLICATION_ID:
            raise DataError(f"{path}: not a database of ooh; move it away or {rebuild_hint(path)}")
        if version != SCHEMA_VERSION:
            raise DataError(
                f"{path}: a database of schema version {version}, this ooh reads version {SCHEMA_VERSION}; "
                + rebuild_hint(path)
            )

    @classmethod
    def open(cls, path: Path) -> Database | None:
        """The database at ``path``, or None when there is none."""
        try:
            if path.stat().st_size == 0:
                raise DataError(f"{path}: an empty file, not a database of ooh; {rebuild_hint(path)}")
        except FileNotFoundError:
            return None
        except OSError as error:
            raise DataError(f"cannot read {path}: {error.strerror or error}") from None
        return cls(path)

    def damaged(self, why: str) -> DataError:
        return DataError(f"{self.path}: damaged or not a database of ooh ({why}); {rebuild_hint(self.path)}")

    def rows(self, sql: str, parameters: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._connection.execute(sql, parameters).fetchall()
        except sqlite3.Error as error:
            raise self.damaged(str(error)) from None

    def one(self, sql: str, parameters: tuple[Any, ...] = ()) -> tuple[Any, ...] | None:
        try:
            return self._connection.execute(sql, parameters).fetchone()  # type: ignore[no-any-return]
        except sqlite3.Error as error:
            raise self.damaged(str(error)) from None

    def stream(self, sql: str, parameters: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
        """The rows of a query one at a time, for reading a whole table (the export)."""
        try:
            yield from self._connection.execute(sql, parameters)
        except sqlite3.Error as error:
            raise self.damaged(str(error)) from None

    def meta(self, key: str) -> Any:
        found = self.one("SELECT value FROM meta WHERE key = ?", (key,))
        return None if found is None else found[0]

    def check(self) -> None:
        """SQLite's own check of every page (PRAGMA quick_check): a DataError when it finds damage."""
        found = [row[0] for row in self.rows("PRAGMA quick_check")]
        if found != ["ok"]:
            raise self.damaged("; ".join(map(str, found[:3])))


def create(connection: sqlite3.Connection) -> None:
    """Lay out an empty database of this schema on ``connection``."""
    connection.executescript(SCHEMA)
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

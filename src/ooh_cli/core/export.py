"""`ooh data export --sqlite`: everything `ooh` knows as one documented SQLite database, with Datasette metadata.

The database and its metadata.json are written to temporary files beside their targets and renamed into place
only when both are complete: an interrupt (Ctrl-C or SIGTERM), a full disk or an error leaves the old files as
they were and no temporary file behind. The schema is docs/export.md; exportschema.py declares it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ooh_cli.core.errors import DataError, UsageError
from ooh_cli.core.exportschema import OOH_TABLES, SOURCES, FtsTable, Table
from ooh_cli.core.exporttables import FTS_TABLES, OEWS_TABLES, ONET_TABLES
from ooh_cli.core.interrupts import terminate_as_interrupt

if TYPE_CHECKING:
    from ooh_cli.core.exportsource import ExportSource

TABLES: tuple[Table, ...] = OOH_TABLES + OEWS_TABLES + ONET_TABLES
METADATA = "metadata.json"
# The version of the export's schema, in `PRAGMA user_version`: raised when a table or column changes.
SCHEMA_VERSION = 1


class Export(NamedTuple):
    """What an export wrote."""

    path: Path
    metadata: Path
    rows: dict[str, int]  # table -> rows
    full_text: bool  # False when this Python's SQLite has no FTS5
    wages: bool  # False when the data file has no wage table beside it
    onet: bool  # False when the data file has no O*NET data beside it


def has_fts5() -> bool:
    """Whether this Python's SQLite can build full-text indexes (FTS5)."""
    with contextlib.closing(sqlite3.connect(":memory:")) as db:
        try:
            db.execute("CREATE VIRTUAL TABLE probe USING fts5(text)")
        except sqlite3.OperationalError:
            return False
    return True


def export_sqlite(source: ExportSource, path: Path, force: bool = False) -> Export:
    """Write the database to ``path`` and Datasette's metadata.json beside it; refuse to replace either unless
    ``force``."""
    if path.is_dir():
        raise UsageError(f"{path} is a directory; name a file for the database")
    metadata = path.with_name(METADATA)
    for target in (path, metadata):
        if target.exists() and not force:
            raise UsageError(f"{target} exists; add --force to replace it")
    if not path.parent.is_dir():
        raise UsageError(f"no directory {path.parent} to write {path.name} in")
    full_text = has_fts5()
    with _temporary(path) as database, _temporary(metadata) as description, terminate_as_interrupt():
        try:
            rows, wages, onet = _write(database, source, full_text)
            description.write_text(metadata_json(path.stem, full_text), encoding="utf-8")
            _sync(database)
            database.replace(path)
            description.replace(metadata)
        except (OSError, sqlite3.Error) as error:
            raise DataError(f"cannot write {path}: {getattr(error, 'strerror', None) or error}") from None
    return Export(path, metadata, rows, full_text, wages, onet)


@contextlib.contextmanager
def _temporary(target: Path) -> Iterator[Path]:
    """A new temporary file beside ``target``, removed on the way out unless it has been renamed to ``target``."""
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise DataError(f"cannot write {target}: {error.strerror or error}") from None
    os.close(handle)
    temp = Path(name)
    temp.chmod(0o644)  # not mkstemp's owner-only mode: the export is for sharing
    try:
        yield temp
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def _sync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write(path: Path, source: ExportSource, full_text: bool) -> tuple[dict[str, int], bool, bool]:
    from ooh_cli.core import exportrows

    profiles = source.profiles()
    wages, onet = source.wages(), source.onet()
    rows: dict[str, Any] = {
        "sources": [(key, s.name, s.url, s.license, s.license_url, s.credit) for key, s in SOURCES.items()],
        **exportrows.edition_rows(source.meta),
        "profiles": [exportrows.profile_row(occ) for occ in profiles],
        **exportrows.profile_rows(profiles),
        **(exportrows.wage_rows(wages) if wages else {}),
        **(exportrows.onet_rows(onet) if onet else {}),
    }
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as db:
        # A temporary file, thrown away on any failure: no journal is needed, and fsync comes once at the end.
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
        db.execute("PRAGMA foreign_keys=ON")
        db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        db.execute("BEGIN")
        for table in TABLES:
            db.execute(table.sql())
            marks = ", ".join("?" * len(table.columns))
            db.executemany(f"INSERT INTO {table.name} VALUES ({marks})", rows.get(table.name, ()))
            for statement in table.index_sql():
                db.execute(statement)
        if full_text:
            _index(db, profiles)
        counts = {table.name: _count(db, table.name) for table in _tables(full_text)}
        problems = db.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise DataError(f"the export's references do not hold (first: {problems[0]}); please report it")
        db.execute("COMMIT")
    return counts, wages is not None, onet is not None


def _tables(full_text: bool) -> list[Table | FtsTable]:
    """Every table of the export, the full-text indexes last (when this SQLite can make them)."""
    return [*TABLES, *(FTS_TABLES if full_text else ())]


def _index(db: sqlite3.Connection, profiles: list[Any]) -> None:
    from ooh_cli.core.exportrows import search_row

    for fts in FTS_TABLES:
        db.execute(fts.sql())
    rowids = dict(db.execute("SELECT id, rowid FROM profiles"))
    profiles_fts, alternates_fts = FTS_TABLES
    marks = ", ".join("?" * (len(profiles_fts.columns) + 1))
    db.executemany(
        f"INSERT INTO {profiles_fts.name} (rowid, {', '.join(profiles_fts.column_names)}) VALUES ({marks})",
        [(rowids[occ.id], *search_row(occ)) for occ in profiles],
    )
    # An external-content index is filled from its table by FTS5's own 'rebuild'.
    db.execute(f"INSERT INTO {alternates_fts.name} ({alternates_fts.name}) VALUES ('rebuild')")


def _count(db: sqlite3.Connection, table: str) -> int:
    count: int = db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return count


def metadata_json(database: str, full_text: bool) -> str:
    """Datasette's metadata for the database named ``database`` (its file name without .db or .sqlite)."""
    import json

    tables: dict[str, dict[str, Any]] = {}
    for table in _tables(full_text):
        tables[table.name] = _describe(table)
    if full_text:
        # Datasette's search box on the tables the indexes search (its rows by rowid).
        for fts in FTS_TABLES:
            tables[fts.table] |= {"fts_table": fts.name, "fts_pk": "rowid"}
    credit = SOURCES["onet"].credit
    document = {
        "title": "ooh: the Occupational Outlook Handbook, OEWS wages and O*NET",
        "description": "The BLS Occupational Outlook Handbook's profiles with OEWS state and metro wages and O*NET "
        "ratings, exported by `ooh data export`. Every figure has its year or period beside it; a figure not "
        f"published is NULL. BLS data: public domain. O*NET data: CC BY 4.0. {credit}",
        "license": "BLS: public domain; O*NET: CC BY 4.0 (see each table)",
        "source": "U.S. Bureau of Labor Statistics; O*NET (USDOL/ETA)",
        "source_url": SOURCES["ooh"].url,
        "databases": {database: {"tables": tables}},
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _describe(table: Table | FtsTable) -> dict[str, Any]:
    source = SOURCES[table.source]
    description = table.description + (f" {source.credit}" if source.credit else "")
    return {
        "title": table.title,
        "description": description,
        "source": source.name,
        "source_url": source.url,
        "license": source.license,
        "license_url": source.license_url,
        "columns": {column.name: column.meaning for column in table.columns},
    }

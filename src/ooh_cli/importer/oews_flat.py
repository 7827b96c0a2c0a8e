"""BLS's own OEWS time-series files (what `ooh data update` downloads) as the OEWS SQLite file the importer reads.

The folder holds `oe.data.0.Current` (one row per series: `series_id`, `year`, `period`, `value`,
`footnote_codes`) and the code lists `oe.area`, `oe.occupation`, `oe.footnote` and `oe.release`: tab-separated,
a header line, values padded with spaces. A series id is the SQLite's cell key followed by a two-digit
datatype (`OEUS060000000000029207213`: key `OEUS0600000000000292072`, datatype 13, the annual median). Only
the cross-industry rows are kept, which are all the importer reads. Columns are found by their header's
name, not their place, so a file that gains or reorders columns still reads.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from ooh_cli.importer.errors import SourceError

DATA = "oe.data.0.Current"
CODE_LISTS = ("oe.area", "oe.occupation", "oe.footnote")
ALL_INDUSTRIES = "000000"
DATATYPES = 17
SERIES = re.compile(r"^OEU[NSM]\d{7}.{6}\d{6}(\d{2})$")  # the industry code may hold dashes (11--12)
MONTHS = {"A01": "May"}


def is_flat_folder(path: Path) -> bool:
    return path.is_dir() and (path / DATA).is_file()


def _rows(path: Path, wanted: tuple[str, ...]) -> Iterator[list[str]]:
    """The ``wanted`` columns of each row of a flat file, stripped, found by the header's names."""
    try:
        stream = path.open(encoding="utf-8", errors="replace", newline="")
    except OSError as error:
        raise SourceError(path, f"cannot read: {error.strerror or error}") from None
    with stream:
        header = [name.strip().casefold() for name in stream.readline().rstrip("\r\n").split("\t")]
        missing = [name for name in wanted if name not in header]
        if missing:
            raise SourceError(path, f"lacks the column(s) {', '.join(missing)}; its header is {header}")
        places = [header.index(name) for name in wanted]
        for number, line in enumerate(stream, start=2):
            fields = line.rstrip("\r\n").split("\t")
            if fields == [""]:
                continue
            if len(fields) < len(header):
                raise SourceError(path, f"line {number} has {len(fields)} fields, the header {len(header)}")
            yield [fields[place].strip() for place in places]


def convert(folder: Path, database: Path) -> None:
    """Write the SQLite file the importer reads (../shared/oews/README.md's schema) from the flat files."""
    for name in (DATA, *CODE_LISTS):
        if not (folder / name).is_file():
            raise SourceError(folder, f"lacks {name}; expected BLS's OEWS time-series files")
    connection = sqlite3.connect(database)
    try:
        with connection:
            _schema(connection)
            connection.executemany(
                "INSERT INTO area VALUES (?, ?, ?, ?)",
                _rows(folder / "oe.area", ("area_code", "areatype_code", "state_code", "area_name")),
            )
            connection.executemany(
                "INSERT INTO occupation VALUES (?, ?, ?)",
                _rows(folder / "oe.occupation", ("occupation_code", "occupation_name", "display_level")),
            )
            connection.executemany(
                "INSERT INTO footnote VALUES (?, ?)",
                _rows(folder / "oe.footnote", ("footnote_code", "footnote_text")),
            )
            year, period = _cells(folder / DATA, connection)
            release = f"{MONTHS.get(period, period)} {year}"
            connection.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [("data_year", year), ("period", period), ("release", release), ("release_code", year + period)],
            )
    except sqlite3.Error as error:
        raise SourceError(folder, f"cannot build the OEWS table ({error})") from None
    finally:
        connection.close()


def _schema(connection: sqlite3.Connection) -> None:
    columns = ", ".join([f"v{n:02d} TEXT" for n in range(1, DATATYPES + 1)] + [f"f{n:02d} TEXT" for n in range(1, 18)])
    connection.executescript(
        f"""
        CREATE TABLE cell (key TEXT PRIMARY KEY, {columns}) WITHOUT ROWID;
        CREATE TABLE area (area_code TEXT PRIMARY KEY, areatype_code TEXT, state_code TEXT, area_name TEXT);
        CREATE TABLE occupation (occupation_code TEXT PRIMARY KEY, occupation_name TEXT, display_level INTEGER);
        CREATE TABLE footnote (footnote_code TEXT PRIMARY KEY, footnote_text TEXT);
        CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT);
        """
    )


def _cells(path: Path, connection: sqlite3.Connection) -> tuple[str, str]:
    """Fill ``cell`` from the data file's cross-industry rows; the release's year and period."""
    releases: set[tuple[str, str]] = set()
    pending: dict[str, list[str | None]] = {}
    columns = ("series_id", "year", "period", "value", "footnote_codes")
    for series, year, period, value, footnotes in _rows(path, columns):
        match = SERIES.match(series)
        if match is None:
            raise SourceError(path, f"{series!r} is not an OEWS series id")
        datatype = int(match.group(1))
        if series[11:17] != ALL_INDUSTRIES or not 1 <= datatype <= DATATYPES:
            continue
        releases.add((year, period))
        cell = pending.setdefault(series[:-2], [None] * (2 * DATATYPES))
        cell[datatype - 1] = value
        cell[DATATYPES + datatype - 1] = footnotes or None
        # Rows come grouped by series in practice; a cell met again in a later batch is merged all the same.
        if len(pending) >= 20_000:
            _merge(connection, pending)
    _merge(connection, pending)
    if len(releases) != 1:
        found = ", ".join(f"{y} {p}" for y, p in sorted(releases)) or "none"
        raise SourceError(path, f"expected the estimates of one release, found {found}")
    return releases.pop()


def _merge(connection: sqlite3.Connection, pending: dict[str, list[str | None]]) -> None:
    """Write the cells of ``pending``, keeping the datatypes an earlier batch wrote for the same key."""
    keys = list(pending)
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        query = f"SELECT * FROM cell WHERE key IN ({', '.join('?' * len(chunk))})"
        for key, *before in connection.execute(query, chunk):
            pending[key] = [new if new is not None else old for new, old in zip(pending[key], before, strict=True)]
    placeholders = ", ".join("?" * (1 + 2 * DATATYPES))
    connection.executemany(
        f"INSERT OR REPLACE INTO cell VALUES ({placeholders})", [[k, *v] for k, v in pending.items()]
    )
    pending.clear()

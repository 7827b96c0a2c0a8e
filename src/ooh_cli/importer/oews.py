"""Read the OEWS SQLite file (gzipped or not) into the wage tables of core/wagefile.py.

Only the cross-industry estimates (industry 000000) of the profiles' SOC codes are kept, for the nation, every
state and every metropolitan and nonmetropolitan area. The file's schema is described in ../shared/oews/README.md.
"""

from __future__ import annotations

import contextlib
import gzip
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import msgspec

from ooh_cli.core.database import WAGE_TABLES
from ooh_cli.core.states import BY_FIPS
from ooh_cli.core.wagefile import COLUMNS, FIGURES, MEDIANS, Area, Brief, Row
from ooh_cli.core.wages import brief_of
from ooh_cli.importer.errors import SourceError
from ooh_cli.importer.oews_flat import convert, is_flat_folder
from ooh_cli.importer.switch import Staged

ALL_INDUSTRIES = "000000"
KINDS = {"N": "national", "S": "state", "M": "metro"}
KIND_ORDER = {"national": 0, "state": 1, "metro": 2, "nonmetro": 3}
GZIP_MAGIC = b"\x1f\x8b"
SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(slots=True)
class WageImport:
    """The wage tables, ready to be written (``staged``), and what the import found."""

    staged: Staged
    release: str
    socs: int
    areas: int
    rows: int
    # SOC codes of the profiles for which the file has no estimate at all.
    missing: list[str] = field(default_factory=list)


def read_oews(path: Path, soc_codes: Iterable[str]) -> WageImport:
    """The wage table for ``soc_codes`` from the OEWS file at ``path``; a SourceError says what is wrong."""
    with _database(path) as connection:
        try:
            return _read(path, connection, sorted(set(soc_codes)))
        except sqlite3.DatabaseError as error:
            raise SourceError(path, f"not a readable OEWS SQLite file ({error})") from None


@contextlib.contextmanager
def _database(path: Path) -> Iterator[sqlite3.Connection]:
    """The file opened read-only; a gzipped one is unpacked into a temporary folder first, and a folder of
    BLS's time-series files (importer/oews_flat.py) is turned into one."""
    if is_flat_folder(path):
        with tempfile.TemporaryDirectory(prefix="ooh-oews-") as folder:
            database = Path(folder) / "oews.sqlite"
            convert(path, database)
            connection = sqlite3.connect(database)
            try:
                yield connection
            finally:
                connection.close()
        return
    try:
        with path.open("rb") as stream:
            start = stream.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise SourceError(path, f"cannot read: {error.strerror or error}") from None
    with tempfile.TemporaryDirectory(prefix="ooh-oews-") as folder:
        database = path
        if start.startswith(GZIP_MAGIC):
            database = Path(folder) / "oews.sqlite"
            try:
                with gzip.open(path, "rb") as packed, database.open("wb") as unpacked:
                    shutil.copyfileobj(packed, unpacked, 1 << 20)
            except (OSError, EOFError) as error:
                raise SourceError(path, f"damaged gzip file ({error})") from None
            with database.open("rb") as stream:
                start = stream.read(len(SQLITE_MAGIC))
        if start != SQLITE_MAGIC:
            raise SourceError(path, "not an SQLite file; expected the OEWS file (.sqlite or .sqlite.gz)")
        connection = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
        try:
            yield connection
        finally:
            connection.close()


def _read(path: Path, connection: sqlite3.Connection, socs: list[str]) -> WageImport:
    tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not {"cell", "area", "occupation", "meta"} <= tables:
        raise SourceError(path, "not the OEWS file: it lacks the tables cell, area, occupation and meta")
    meta = dict(connection.execute("SELECT name, value FROM meta").fetchall())
    release, release_code = meta.get("release"), meta.get("release_code")
    if not release or not release_code:
        raise SourceError(path, "its meta table names no release")

    titles = dict(connection.execute("SELECT occupation_code, occupation_name FROM occupation").fetchall())
    areas = _areas(path, connection)
    position = {area.code: i for i, area in enumerate(areas)}
    wanted = {soc.replace("-", ""): soc for soc in socs}
    values = ", ".join(f"v{code}" for _, code, _ in FIGURES)
    notes = ", ".join(f"f{code}" for _, code, _ in FIGURES)
    query = f"SELECT key, {values}, {notes} FROM cell WHERE substr(key, 12, 6) = ?"
    found: dict[str, list[Row]] = {soc: [] for soc in socs}
    for key, *cells in connection.execute(query, (ALL_INDUSTRIES,)):
        soc = wanted.get(key[17:23])
        area = position.get(key[4:11])
        if soc is None or area is None:
            continue
        found[soc].append(_row(path, key, area, cells))
    kept = [soc for soc in socs if found[soc]]
    blocks = [sorted(found[soc], key=lambda row: row.area) for soc in kept]
    if not blocks:
        raise SourceError(path, "has no cross-industry estimates for any SOC code of the profiles")
    names = [titles.get(soc.replace("-", ""), soc) for soc in kept]
    briefs = [brief_of(soc, name, block, areas) for soc, name, block in zip(kept, names, blocks, strict=True)]
    staged = stage(release, release_code, names, areas, blocks, briefs)
    missing = [soc for soc in socs if not found[soc]]
    return WageImport(staged, release, len(kept), len(areas), sum(map(len, blocks)), missing)


def _areas(path: Path, connection: sqlite3.Connection) -> list[Area]:
    """The nation, the states by name, then metropolitan and nonmetropolitan areas by name."""
    areas = []
    for code, kind_code, fips, name in connection.execute(
        "SELECT area_code, areatype_code, state_code, area_name FROM area"
    ):
        kind = KINDS.get(kind_code)
        if kind is None:
            raise SourceError(path, f"area {code} has an unknown type {kind_code!r}")
        if kind == "metro" and "nonmetropolitan" in name.casefold():
            kind = "nonmetro"
        areas.append(Area(code, name, kind, _states(kind, fips, name)))
    return sorted(areas, key=lambda area: (KIND_ORDER[area.kind], area.name, area.code))


def _states(kind: str, fips: str, name: str) -> tuple[str, ...]:
    """The postal codes of an area: a metro area's name ends with them ("Logan, UT-ID")."""
    if kind == "national":
        return ()
    if kind == "metro" and ", " in name:
        codes = tuple(code for code in name.rsplit(", ", 1)[1].split("-") if code.strip())
        if codes:
            return codes
    state = BY_FIPS.get(fips)
    return (state.postal,) if state else ()


def _row(path: Path, key: str, area: int, cells: list[str | None]) -> Row:
    count = len(FIGURES)
    figures: list[int | None] = []
    for (name, _, factor), text in zip(FIGURES, cells[:count], strict=True):
        if text is None or text.strip() in ("", "-"):
            figures.append(None)
            continue
        try:
            figures.append(round(float(text.replace(",", "")) * factor))
        except ValueError:
            raise SourceError(path, f"{key}: {name} is {text!r}, not a figure") from None
    codes = [_note(path, key, text) for text in cells[count:]]
    notes = "".join(map(str, codes)) if any(codes) else ""
    return Row(area, figures, notes)


def _note(path: Path, key: str, text: str | None) -> int:
    if text is None or not text.strip():
        return 0
    if not text.strip().isdigit() or len(text.strip()) != 1:
        raise SourceError(path, f"{key}: footnote code {text!r} is not one digit")
    return int(text)


def stage(
    release: str,
    release_code: str,
    titles: list[str],
    areas: list[Area],
    rows: list[list[Row]],
    briefs: list[Brief],
) -> Staged:
    """The wage tables, ready to be written (``titles``, ``rows`` and ``briefs`` in the order of the briefs'
    SOC codes). The same input always gives the same tables."""
    encoder = msgspec.msgpack.Encoder()
    encoded = [encoder.encode(brief) for brief in briefs]
    content = encoder.encode([release, release_code, titles, areas, rows, briefs])

    def fill(connection: sqlite3.Connection) -> None:
        connection.executemany(
            "INSERT INTO wage_area VALUES (?, ?, ?, ?, ?)",
            ((i, a.code, a.name, a.kind, " ".join(a.states)) for i, a in enumerate(areas)),
        )
        connection.executemany(
            "INSERT INTO wage_occupation VALUES (?, ?, ?)",
            ((brief.soc, title, data) for brief, title, data in zip(briefs, titles, encoded, strict=True)),
        )
        marks = ", ".join("?" * (len(FIGURES) + 3))
        connection.executemany(
            f"INSERT INTO wage (soc, area, {COLUMNS}, notes) VALUES ({marks})",
            (
                (brief.soc, row.area, *row.figures, row.notes)
                for brief, block in zip(briefs, rows, strict=True)
                for row in block
            ),
        )

        wide = {i for i, area in enumerate(areas) if area.kind in ("national", "state")}
        connection.executemany(
            f"INSERT INTO wage_state VALUES (?, ?, {', '.join('?' * len(MEDIANS))})",
            (
                (row.area, brief.soc, *(row.raw(name) for name in MEDIANS))
                for brief, block in zip(briefs, rows, strict=True)
                for row in block
                if row.area in wide
            ),
        )

    meta = {"wages_release": release, "wages_release_code": release_code}
    return Staged("wages", WAGE_TABLES, fill, meta, content)

"""`ooh data import --oews FOLDER` reads BLS's own time-series files as it reads the prepared SQLite file."""

from __future__ import annotations

import gzip
import shutil
import sqlite3
from pathlib import Path

import pytest
from tests.conftest import SHARED, needs_shared
from tests.oews_fixture import make_oews

from ooh_cli.importer.errors import SourceError
from ooh_cli.importer.oews import read_oews

CODE_LISTS = {
    "oe.area": ("area", ("area_code", "areatype_code", "state_code", "area_name")),
    "oe.occupation": ("occupation", ("occupation_code", "occupation_name", "display_level")),
    "oe.footnote": ("footnote", ("footnote_code", "footnote_text")),
}
NURSES_AND_SECRETARIES = ["29-1141", "43-6011", "43-6012", "43-6013", "43-6014", "27-2011"]


def write_flat_files(database: Path, folder: Path, soc_codes: list[str] | None = None) -> Path:
    """The time-series files BLS publishes, in their format (tab-separated, a header, padded values),
    written from an OEWS SQLite file: every cell of ``soc_codes`` (all, if None) becomes one row per datatype."""
    folder.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(database)
    for name, (table, columns) in CODE_LISTS.items():
        rows = connection.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
        # BLS adds columns the importer does not read; put one first, so that columns are found by name.
        lines = ["\t".join(["selectable", *columns])] + ["\t".join(["T", *map(str, row)]) for row in rows]
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "oe.release").write_text("release_date\tdescription\n2026-05-15\tMay 2025\n", encoding="utf-8")
    code = dict(connection.execute("SELECT name, value FROM meta"))["release_code"]  # 2025A01
    year, period = code[:4], code[4:]
    wanted = None if soc_codes is None else {code.replace("-", "") for code in soc_codes}
    lines = ["series_id        \tyear\tperiod\t       value\tfootnote_codes"]
    for key, *cells in connection.execute("SELECT * FROM cell ORDER BY key"):
        if wanted is not None and key[17:23] not in wanted:
            continue
        values, notes = cells[:17], cells[17:]
        for n, (value, note) in enumerate(zip(values, notes, strict=True), start=1):
            if value is None and note is None:
                continue
            lines.append(f"{key}{n:02d}\t{year}\t{period}\t{value or '-':>12}\t{note or ''}")
    (folder / "oe.data.0.Current").write_text("\n".join(lines) + "\n", encoding="utf-8")
    connection.close()
    return folder


def same_table(folder: Path, database: Path, codes: list[str]) -> None:
    from_files, from_database = read_oews(folder, codes), read_oews(database, codes)
    assert from_files.staged.content == from_database.staged.content
    assert (from_files.release, from_files.rows, from_files.missing) == (
        from_database.release,
        from_database.rows,
        from_database.missing,
    )


def test_flat_files_give_the_same_wage_table(tmp_path: Path) -> None:
    database = make_oews(tmp_path / "oews.sqlite")
    same_table(write_flat_files(database, tmp_path / "oe"), database, NURSES_AND_SECRETARIES)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    folder = write_flat_files(make_oews(tmp_path / "oews.sqlite"), tmp_path / "oe")
    (folder / "oe.area").unlink()
    with pytest.raises(SourceError, match=r"oe\.area"):
        read_oews(folder, NURSES_AND_SECRETARIES)


def test_a_missing_column_is_named(tmp_path: Path) -> None:
    folder = write_flat_files(make_oews(tmp_path / "oews.sqlite"), tmp_path / "oe")
    data = folder / "oe.data.0.Current"
    data.write_text(data.read_text().replace("footnote_codes", "notes", 1))
    with pytest.raises(SourceError, match="footnote_codes"):
        read_oews(folder, NURSES_AND_SECRETARIES)


def test_a_cut_line_is_refused(tmp_path: Path) -> None:
    folder = write_flat_files(make_oews(tmp_path / "oews.sqlite"), tmp_path / "oe")
    data = folder / "oe.data.0.Current"
    text = data.read_text()
    data.write_text(text[: len(text) // 2].rsplit("\t", 2)[0] + "\n")
    with pytest.raises(SourceError, match="fields"):
        read_oews(folder, NURSES_AND_SECRETARIES)


def test_two_releases_in_one_file_are_refused(tmp_path: Path) -> None:
    folder = write_flat_files(make_oews(tmp_path / "oews.sqlite"), tmp_path / "oe")
    data = folder / "oe.data.0.Current"
    lines = data.read_text().splitlines()
    lines[-1] = lines[-1].replace("\t2025\t", "\t2024\t")
    data.write_text("\n".join(lines) + "\n")
    with pytest.raises(SourceError, match="one release"):
        read_oews(folder, NURSES_AND_SECRETARIES)


@pytest.mark.shared
def test_the_official_files_match_the_shared_sqlite(tmp_path: Path) -> None:
    needs_shared()
    packed = SHARED / "oews" / "may-2025" / "oews-2025.sqlite.gz"
    database = tmp_path / "oews.sqlite"
    with gzip.open(packed) as source, database.open("wb") as target:
        shutil.copyfileobj(source, target)
    codes = ["29-2072", "29-1141", "47-2111", "11-1011"]
    same_table(write_flat_files(database, tmp_path / "oe", codes), database, codes)

"""`ooh data export --sqlite`: the database and its metadata.json, on the sample data with the OEWS and O*NET
fixtures imported beside it."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ooh_cli.cli import app
from ooh_cli.core import export
from ooh_cli.core.exporttables import FOOTNOTES
from ooh_cli.core.onet import CREDIT
from ooh_cli.importer.onet_combine import import_onet
from tests.conftest import SAMPLE, Invoke
from tests.oews_fixture import make_oews
from tests.onet_fixture import write_database

MRT = "medical-records-and-health-information-technicians"
ONET_TABLES = {table.name for table in export.ONET_TABLES} | {"onet_alternate_titles_fts"}


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample data file with a wage table and O*NET data beside it."""
    folder = tmp_path_factory.mktemp("data")
    target = folder / "occupations.yaml"
    shutil.copy(SAMPLE, target)
    oews = make_oews(folder / "oews.sqlite.gz", packed=True)
    result = CliRunner().invoke(app, ["data", "import", "--oews", str(oews), "--output", str(target)])
    assert result.exit_code == 0, result.output
    import_onet(write_database(folder / "onet"), target)
    return target


@pytest.fixture(scope="module")
def exported(data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "ooh.db"
    result = CliRunner().invoke(app, ["--data", str(data), "data", "export", "--sqlite", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"{path}: 10 profiles, 20 wage estimates in 10 areas, O*NET data of 8 profiles; 38 tables",
        f"{path.with_name('metadata.json')}: Datasette metadata (datasette {path} --metadata "
        f"{path.with_name('metadata.json')})",
    ]
    assert result.stderr == ""
    return path


@pytest.fixture
def db(exported: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(exported)
    yield connection
    connection.close()


def tables(db: sqlite3.Connection) -> set[str]:
    """The tables people see: every table but FTS5's own shadow tables."""
    names = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    indexes = {name for name in names if name.endswith("_fts")}
    return {name for name in names if not any(name.startswith(f"{fts}_") for fts in indexes)}


def test_it_opens_with_sqlite3_and_its_references_hold(db: sqlite3.Connection) -> None:
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA user_version").fetchone() == (export.SCHEMA_VERSION,)
    assert tables(db) == {t.name for t in export.TABLES} | {"profiles_fts", "onet_alternate_titles_fts"}
    # The references are declared, not only consistent: a dangling row is refused.
    db.execute("PRAGMA foreign_keys=ON")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO duties VALUES ('no-such-profile', 1, 'x')")


def test_profiles_with_their_quick_facts_and_lists(db: sqlite3.Connection) -> None:
    assert db.execute("SELECT count(*) FROM profiles").fetchone() == (10,)
    nurses = db.execute(
        "SELECT title, group_slug, median_pay_annual, pay_year, jobs, jobs_year, growth_percent, projection_period "
        "FROM profiles WHERE id = 'registered-nurses'"
    ).fetchone()
    assert nurses == ("Registered Nurses", "healthcare", 90000, 2024, 3000000, 2024, 5.0, "2024-34")
    names = db.execute("SELECT kind, name FROM profile_names WHERE profile_id = 'registered-nurses'").fetchall()
    assert names == [("alias", "RN"), ("alias", "Staff Nurse")]
    similar = db.execute("SELECT similar_id FROM similar_occupations WHERE profile_id = 'registered-nurses'")
    assert similar.fetchall() == [(MRT,)]
    socs = db.execute("SELECT soc_code FROM profile_soc_codes WHERE profile_id = ?", (MRT,)).fetchall()
    assert socs == [("29-2072",)]


def test_full_text_finds_a_profile_by_a_word_of_its_prose_or_names(db: sqlite3.Connection) -> None:
    def search(table: str, words: str) -> list[str]:
        column = "profile_id" if table == "onet_alternate_titles" else "id"
        query = f"SELECT t.{column} FROM {table}_fts f JOIN {table} t ON t.rowid = f.rowid WHERE {table}_fts MATCH ?"
        return sorted({row[0] for row in db.execute(query, (words,))})

    # "mostly at a computer" is in the summary of medical records specialists only.
    assert search("profiles", "computer") == [MRT]
    assert search("profiles", "coders") == [MRT]  # an alias, "Medical Coder", stemmed
    assert search("onet_alternate_titles", "charge nurse") == ["registered-nurses"]


def test_a_figure_not_published_is_null_never_zero(db: sqlite3.Connection) -> None:
    actors = db.execute("SELECT median_pay_annual, median_pay_hourly, pay_year FROM profiles WHERE id = 'actors'")
    assert actors.fetchone() == (None, 25.0, 2024)
    military = db.execute("SELECT pay_year, median_pay_annual, jobs FROM profiles WHERE id = 'military-careers'")
    assert military.fetchone() == (None, None, None)
    guam = db.execute(
        "SELECT employment, annual_median, hourly_median, period FROM wages WHERE soc_code = '29-1141' "
        "AND area_code = '6600000'"
    ).fetchone()
    assert guam == (2000, None, None, "May 2025")
    why = db.execute(
        "SELECT n.meaning FROM wage_footnotes w JOIN footnotes n USING (footnote) "
        "WHERE w.soc_code = '29-1141' AND w.area_code = '6600000' AND w.figure = 'annual_median'"
    ).fetchone()
    assert why == (FOOTNOTES[8],)
    actors_wages = db.execute("SELECT annual_median, hourly_median FROM wages WHERE soc_code = '27-2011'")
    assert actors_wages.fetchall() == [(None, 25.0)]
    zeros = db.execute("SELECT count(*) FROM wages WHERE annual_median = 0 OR hourly_median = 0 OR employment = 0")
    assert zeros.fetchone() == (0,)
    # O*NET rates no skills of medical records specialists: no rows, never zeros.
    assert (
        db.execute("SELECT count(*) FROM onet_ratings WHERE profile_id = ? AND kind = 'skill'", (MRT,)).fetchone()[0]
        == 0
    )


def test_figures_carry_their_period(db: sqlite3.Connection) -> None:
    nation = db.execute(
        "SELECT annual_median, hourly_mean, location_quotient, period FROM wages WHERE soc_code = '29-1141' "
        "AND area_code = '0000000'"
    ).fetchone()
    assert nation == (90000, 48.0, None, "May 2025")
    california = db.execute(
        "SELECT location_quotient, employment_per_1000 FROM wages WHERE soc_code = '29-1141' AND area_code = '0600000'"
    )
    assert california.fetchone() == (0.85, 17.5)
    rating = db.execute(
        "SELECT importance, level, release FROM onet_ratings WHERE profile_id = 'registered-nurses' "
        "AND element = 'Active Listening'"
    ).fetchone()
    assert rating[2] == "O*NET 29.3 (May 2025)" and 1 <= rating[0] <= 5 and rating[1] is not None
    zone = db.execute("SELECT job_zone, holland_code FROM onet_profiles WHERE profile_id = 'registered-nurses'")
    assert zone.fetchone() == (3, "SIC")


def test_the_metadata_describes_every_table_with_its_licence(exported: Path, db: sqlite3.Connection) -> None:
    metadata = json.loads(exported.with_name("metadata.json").read_text(encoding="utf-8"))
    assert metadata["title"] and metadata["description"] and CREDIT in metadata["description"]
    described = metadata["databases"]["ooh"]["tables"]
    assert set(described) == tables(db)
    for name, table in described.items():
        for key in ("title", "description", "source", "source_url", "license", "license_url"):
            assert table[key], f"{name} has no {key}"
        columns = [row[1] for row in db.execute(f"PRAGMA table_info({name})")]
        assert list(table["columns"]) == columns, name
        if name in ONET_TABLES or name == "job_zones":
            assert table["license"] == "CC BY 4.0"
            assert table["license_url"] == "https://creativecommons.org/licenses/by/4.0/"
            assert CREDIT in table["description"]
        else:
            assert table["license"].startswith("Public domain"), name
            assert CREDIT not in table["description"]
    assert described["profiles"]["fts_table"] == "profiles_fts"
    sources = dict(db.execute("SELECT source, credit FROM sources"))
    assert sources["onet"] == CREDIT and sources["oews"] is None


def test_it_refuses_to_overwrite_without_force(data: Path, tmp_path: Path, invoke: Invoke) -> None:
    path = tmp_path / "ooh.db"
    path.write_text("keep me", encoding="utf-8")
    refused = invoke("data", "export", "--sqlite", str(path), data=data)
    assert refused.exit_code == 2
    assert refused.stderr == f"ooh: {path} exists; add --force to replace it\n"
    assert path.read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "ooh.db"]

    path.unlink()
    (tmp_path / "metadata.json").write_text("{}", encoding="utf-8")
    assert invoke("data", "export", "--sqlite", str(path), data=data).exit_code == 2
    assert not path.exists()

    forced = invoke("data", "export", "--sqlite", str(path), "--force", data=data)
    assert forced.exit_code == 0, forced.output
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM profiles").fetchone() == (10,)
    assert json.loads((tmp_path / "metadata.json").read_text(encoding="utf-8"))["databases"]


def interrupt_with(error: BaseException | int) -> object:
    """A stand-in for the search rows, late in the export: raises ``error``, or sends the signal it names."""

    def stop(*args: object) -> None:
        if isinstance(error, int):
            os.kill(os.getpid(), error)
        else:
            raise error

    return stop


@pytest.mark.parametrize(
    ("error", "code", "message"),
    [
        (KeyboardInterrupt(), 130, "ooh: interrupted\n"),
        (signal.SIGTERM, 130, "ooh: interrupted\n"),
        (sqlite3.OperationalError("database or disk is full"), 3, "database or disk is full"),
        (OSError(28, "No space left on device"), 3, "No space left on device"),
    ],
    ids=["ctrl-c", "sigterm", "sqlite-full", "disk-full"],
)
def test_an_interrupted_or_failed_export_leaves_the_old_files_and_nothing_else(
    data: Path,
    tmp_path: Path,
    invoke: Invoke,
    monkeypatch: pytest.MonkeyPatch,
    error: BaseException | int,
    code: int,
    message: str,
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "ooh.db"
    path.write_bytes(b"the old export")
    (folder / "metadata.json").write_bytes(b"the old metadata")
    monkeypatch.setattr("ooh_cli.core.exportrows.search_row", interrupt_with(error))
    result = invoke("data", "export", "--sqlite", str(path), "--force", data=data)
    assert result.exit_code == code
    assert message in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["metadata.json", "ooh.db"]
    assert path.read_bytes() == b"the old export"
    assert (folder / "metadata.json").read_bytes() == b"the old metadata"
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # the export's handler is gone


def test_without_fts5_it_exports_without_full_text_and_says_so(
    data: Path, tmp_path: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export, "has_fts5", lambda: False)
    path = tmp_path / "ooh.db"
    result = invoke("data", "export", "--sqlite", str(path), data=data)
    assert result.exit_code == 0, result.output
    assert "no FTS5: exported without full-text search" in result.stderr
    with sqlite3.connect(path) as db:
        names = tables(db)
        assert "profiles" in names and not {n for n in names if "fts" in n}
    metadata = json.loads((tmp_path / "metadata.json").read_text(encoding="utf-8"))
    assert set(metadata["databases"]["ooh"]["tables"]) == names
    assert "fts_table" not in metadata["databases"]["ooh"]["tables"]["profiles"]


def test_this_python_has_fts5() -> None:
    assert export.has_fts5()


def test_a_data_file_without_wages_or_o_net_exports_empty_tables_and_says_so(tmp_path: Path, invoke: Invoke) -> None:
    path = tmp_path / "ooh.db"
    result = invoke("data", "export", "--sqlite", str(path))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"{path}: 10 profiles; 38 tables\n")
    assert f"no wage table beside {SAMPLE}" in result.stderr and f"no O*NET data beside {SAMPLE}" in result.stderr
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM wages").fetchone() == (0,)
        assert db.execute("SELECT count(*) FROM onet_ratings").fetchone() == (0,)
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "missing --sqlite"),
        (["--sqlite", "."], "is a directory"),
        (["--sqlite", "no/such/folder/ooh.db"], "no directory no/such/folder"),
    ],
)
def test_bad_paths_are_usage_errors(invoke: Invoke, args: list[str], message: str) -> None:
    result = invoke("data", "export", *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_help_shows_examples(invoke: Invoke) -> None:
    result = invoke("data", "export", "--help")
    assert result.exit_code == 0
    assert "$ ooh data export --sqlite ooh.db" in result.stdout and "--force" in result.stdout
    assert "export" in invoke("data", "--help").stdout


def test_a_damaged_wage_table_is_bad_data_and_nothing_is_written(data: Path, tmp_path: Path, invoke: Invoke) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(data, folder / "occupations.yaml")
    (folder / "occupations.db").write_bytes(b"not a wage table")
    out = tmp_path / "out"
    out.mkdir()
    result = invoke("data", "export", "--sqlite", str(out / "ooh.db"), data=folder / "occupations.yaml")
    assert result.exit_code == 3
    assert (
        result.stderr.startswith(f"ooh: {folder / 'occupations.db'}: damaged or not a database of ooh")
        and "Traceback" not in result.stderr
    )
    assert list(out.iterdir()) == []

"""The store's data beside the data file: damage is a clean error, imports are all or nothing, one at a time."""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from ooh_cli.cli import app
from ooh_cli.core.database import SCHEMA, database_path
from ooh_cli.core.editions import edition_folder, use
from ooh_cli.core.store import Store
from ooh_cli.importer import switch
from tests.conftest import REPO, SAMPLE, Invoke
from tests.importer.test_programs import crosswalk_file
from tests.oews_fixture import make_oews


def run_import(*args: str) -> Result:
    return CliRunner().invoke(app, ["data", "import", *args])


@pytest.fixture
def oews(tmp_path: Path) -> Path:
    return make_oews(tmp_path / "oews.sqlite")


@pytest.fixture
def target(tmp_path: Path, oews: Path) -> Path:
    """A data file with its database (the wage tables of the OEWS fixture) in a folder of their own."""
    path = tmp_path / "data" / "occupations.yaml"
    path.parent.mkdir()
    shutil.copy(SAMPLE, path)
    result = run_import("--oews", str(oews), "--output", str(path))
    assert result.exit_code == 0, result.output
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in ``folder`` (hidden temporary files included) and its bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def change(path: Path, sql: str) -> None:
    with sqlite3.connect(path) as connection:
        connection.executescript(sql)
    connection.close()


# --- damage -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sql", "args"),
    [
        (
            "UPDATE wage_state SET annual_median = 184634366 WHERE soc = '29-1141'",
            ["list", "--state", "TX", "--sort", "pay"],
        ),
        ("UPDATE wage SET employment = -5 WHERE soc = '29-1141'", ["wages", "registered-nurses"]),
        (
            "UPDATE wage_state SET hourly_median = 99999999 WHERE soc = '29-1141'",
            ["compare", "registered-nurses", "actors", "--state", "TX"],
        ),
        ("UPDATE wage SET notes = 'x' WHERE soc = '29-1141'", ["wages", "registered-nurses", "--state", "TX"]),
    ],
    ids=["median-184-million", "negative-jobs", "hourly", "notes"],
)
def test_a_figure_out_of_range_is_refused_not_shown(invoke: Invoke, target: Path, sql: str, args: list[str]) -> None:
    assert invoke(*args, data=target).exit_code == 0
    change(database_path(target), sql)
    result = invoke(*args, data=target)
    assert result.exit_code == 3, result.output
    assert f"{database_path(target)}: damaged" in result.stderr and "out of range" in result.stderr
    assert "184,634,366" not in result.stdout


def test_a_damaged_brief_is_refused(invoke: Invoke, target: Path) -> None:
    change(database_path(target), "UPDATE wage_occupation SET brief = x'93a16101' WHERE soc = '29-1141'")
    result = invoke("show", "registered-nurses", "--section", "state-and-area", data=target)
    assert result.exit_code == 3 and str(database_path(target)) in result.stderr


@pytest.mark.parametrize(
    "spoil",
    [
        lambda path: path.write_bytes(path.read_bytes()[: path.stat().st_size // 2]),
        lambda path: path.write_bytes(path.read_bytes()[:100]),
        lambda path: path.write_bytes(b""),
        lambda path: path.write_bytes(os.urandom(4096)),
        lambda path: change(path, "PRAGMA application_id = 1"),
        lambda path: change(path, "PRAGMA user_version = 99"),
        lambda path: change(path, "DROP TABLE wage_occupation"),
    ],
    ids=["truncated", "cut-to-its-header", "empty", "garbage", "another-program", "another-version", "table-gone"],
)
def test_a_damaged_or_foreign_database_is_exit_3_naming_it(invoke: Invoke, target: Path, spoil: object) -> None:
    spoil(database_path(target))  # type: ignore[operator]
    for args in (["wages", "registered-nurses"], ["list", "--state", "TX"], ["show", "registered-nurses"]):
        result = invoke(*args, data=target)
        assert result.exit_code == 3, (args, result.output)
        assert str(database_path(target)) in result.stderr and "Traceback" not in result.output


def test_a_database_of_another_version_says_how_to_rebuild_it(invoke: Invoke, target: Path) -> None:
    change(database_path(target), "PRAGMA user_version = 1")
    result = invoke("wages", "registered-nurses", data=target)
    assert result.exit_code == 3
    assert "schema version 1" in result.stderr and "rebuild it with `ooh data import`" in result.stderr


def test_an_edition_of_another_version_says_to_update_or_go_back_to_the_bundled_data(
    invoke: Invoke, target: Path
) -> None:
    """An edition's user has no sources to import; an update starts from the data in use, so from the bundled
    data `ooh data update` builds the edition again."""
    change(database_path(target), "PRAGMA user_version = 1")
    shutil.copytree(target.parent, edition_folder("2023-33"))
    use("2023-33")
    result = invoke("wages", "registered-nurses", data=None)
    assert result.exit_code == 3
    assert str(database_path(edition_folder("2023-33") / target.name)) in result.stderr
    assert "`ooh data use bundled`, then `ooh data update`" in result.stderr
    assert "ooh data import" not in result.stderr
    assert invoke("data", "use", "bundled", data=None).exit_code == 0
    assert invoke("wages", "registered-nurses", data=None).exit_code == 0


def test_flipped_bytes_anywhere_are_refused_or_harmless(invoke: Invoke, target: Path) -> None:
    database = database_path(target)
    good = database.read_bytes()
    for page in range(1, len(good) // 4096):
        spoiled = bytearray(good)
        for at in range(page * 4096 + 100, page * 4096 + 200):
            spoiled[at] ^= 0x5A
        database.write_bytes(bytes(spoiled))
        result = invoke("list", "--state", "TX", "--sort", "pay", "-f", "json", data=target)
        assert result.exit_code in (0, 3), result.output
        if result.exit_code == 3:
            assert str(database) in result.stderr


def test_data_info_checks_the_whole_database(invoke: Invoke, target: Path) -> None:
    assert invoke("data", "info", data=target).exit_code == 0
    database = database_path(target)
    spoiled = bytearray(database.read_bytes())
    last_page = len(spoiled) - 4096
    spoiled[last_page : last_page + 12] = b"\xff" * 12  # the header of a page no lookup of data info reads
    database.write_bytes(bytes(spoiled))
    result = invoke("data", "info", data=target)
    assert result.exit_code == 3 and str(database) in result.stderr


# --- all or nothing -----------------------------------------------------------------------------------------


def both_sources(tmp_path: Path, oews: Path) -> list[str]:
    """Sources that change both files: programs (the YAML) and wages (the database, from a changed OEWS file)."""
    change(oews, "UPDATE cell SET v13 = '93000' WHERE v13 = '92000'")
    # --allow-partial: the test crosswalk links fewer programs than the sample has (docs/safety.md).
    return ["--cip", str(crosswalk_file(tmp_path)), "--oews", str(oews), "--allow-partial"]


def test_an_import_of_both_files_switches_both(tmp_path: Path, target: Path, oews: Path) -> None:
    before = snapshot(target.parent)
    result = run_import(*both_sources(tmp_path, oews), "--output", str(target))
    assert result.exit_code == 0, result.output
    after = snapshot(target.parent)
    assert sorted(after) == ["occupations.db", "occupations.yaml"]
    assert all(after[name] != before[name] for name in after)


def test_a_failure_in_the_middle_of_the_switch_puts_the_old_files_back(
    tmp_path: Path, target: Path, oews: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(target.parent)
    real_replace = os.replace
    calls: list[str] = []

    def second_fails(source: object, destination: object) -> None:
        calls.append(str(destination))
        if len(calls) == 2:  # the database is in place, the YAML is next
            raise OSError(5, "Input/output error")
        real_replace(source, destination)  # type: ignore[arg-type]

    monkeypatch.setattr(switch.os, "replace", second_fails)
    result = run_import(*both_sources(tmp_path, oews), "--output", str(target))
    assert result.exit_code == 3 and "Input/output error" in result.stderr
    assert calls[:2] == [str(database_path(target)), str(target)]  # the database was switched, then put back
    assert snapshot(target.parent) == before


def test_a_full_disk_leaves_the_old_files_and_no_temporary_ones(
    tmp_path: Path, target: Path, oews: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(target.parent)

    def full(handle: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(switch.os, "fsync", full)
    result = run_import(*both_sources(tmp_path, oews), "--output", str(target))
    assert result.exit_code == 3 and "No space left on device" in result.stderr
    assert snapshot(target.parent) == before


def test_a_database_that_cannot_be_written_whole_leaves_the_old_one(
    tmp_path: Path, target: Path, oews: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(target.parent)
    real_stage = switch._stage_database

    def full(*args: object) -> None:
        real_stage(*args)  # type: ignore[arg-type]
        raise switch.DataError("cannot write: database or disk is full")

    monkeypatch.setattr(switch, "_stage_database", full)
    result = run_import(*both_sources(tmp_path, oews), "--output", str(target))
    assert result.exit_code == 3 and "disk is full" in result.stderr
    assert snapshot(target.parent) == before


def test_a_bad_source_changes_nothing(tmp_path: Path, target: Path) -> None:
    before = snapshot(target.parent)
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"not a database")
    result = run_import("--cip", str(crosswalk_file(tmp_path)), "--oews", str(bad), "--output", str(target))
    assert result.exit_code == 3
    assert snapshot(target.parent) == before


def test_a_second_import_while_one_runs_is_refused(tmp_path: Path, target: Path, oews: Path) -> None:
    before = snapshot(target.parent)
    handle = os.open(target.parent, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        result = run_import(*both_sources(tmp_path, oews), "--output", str(target))
    finally:
        os.close(handle)
    assert result.exit_code == 3
    assert f"another `ooh data import` is writing to {target.parent}" in result.stderr
    assert snapshot(target.parent) == before
    assert run_import(*both_sources(tmp_path, oews), "--output", str(target)).exit_code == 0  # once it is done


# An import in a child process that stops in its database step, as a slow one would, and says so.
SLOW_IMPORT = """
import sys, time
from pathlib import Path
from ooh_cli.importer import switch
real, ready = switch._stage_database, Path(sys.argv[1])
def slow(*args):
    real(*args)
    ready.touch()
    time.sleep(60)
switch._stage_database = slow
from ooh_cli.cli import app
sys.argv = ["ooh", *sys.argv[2:]]
app()
"""


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_an_interrupted_import_leaves_the_old_files_and_no_temporary_ones(
    tmp_path: Path, target: Path, oews: Path, signum: int
) -> None:
    before = snapshot(target.parent)
    ready = tmp_path / "ready"
    args = ["data", "import", *both_sources(tmp_path, oews), "--output", str(target)]
    child = subprocess.Popen(
        [sys.executable, "-c", SLOW_IMPORT, str(ready), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 60
        while not ready.exists() and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert ready.exists(), child.communicate()
        assert any(p.name.endswith(".tmp") for p in target.parent.iterdir())  # staged, not yet switched
        child.send_signal(signum)
        _, err = child.communicate(timeout=30)
    finally:
        child.kill()
    assert child.returncode == 130, err
    assert b"interrupted" in err and b"Traceback" not in err
    assert snapshot(target.parent) == before


# --- the store's whole tables, for the export, and the documented schema --------------------------------------


def test_the_store_reads_every_table_whole(target: Path) -> None:
    store = Store(target)
    assert [r.id for r in store.records()] == [s.id for s in store.catalog().summaries]
    rows = list(store.wage_rows())
    assert len(rows) == 20 and rows[0][0] == "27-2011" and rows == sorted(rows, key=lambda r: (r[0], r[1].area))
    assert list(store.onet_profiles()) == []  # no O*NET data imported here
    bare = target.with_name("bare.yaml")
    shutil.copy(SAMPLE, bare)
    assert list(Store(bare).wage_rows()) == [] and Store(bare).describe() == {"wages": None, "onet": None}


def test_every_table_and_column_is_documented() -> None:
    doc = (REPO / "docs" / "data-format.md").read_text(encoding="utf-8")
    for table, columns in re.findall(r"CREATE TABLE (\w+) \(([^;]*)\)", SCHEMA):
        assert f"| `{table}` |" in doc, table
        row = next(line for line in doc.splitlines() if line.startswith(f"| `{table}` |"))
        for column in re.findall(r"(?:^|,)\s*(\w+) (?:TEXT|INTEGER|BLOB|\))", columns):
            assert f"`{column}`" in row or column.startswith(("hourly_", "annual_")), (table, column)


def test_a_damaged_database_is_rebuilt_by_importing_every_source_together(
    tmp_path: Path, target: Path, oews: Path
) -> None:
    from tests.onet_fixture import write_database

    database = database_path(target)
    database.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)
    before = snapshot(target.parent)
    alone = run_import("--oews", str(oews), "--output", str(target))
    assert alone.exit_code == 3 and str(database) in alone.stderr and "--oews and --onet together" in alone.stderr
    assert snapshot(target.parent) == before
    onet = write_database(tmp_path / "onet" / "29.3")
    together = run_import("--oews", str(oews), "--onet", str(onet), "--output", str(target))
    assert together.exit_code == 0, together.output
    assert Store(target).describe()["wages"] is not None and Store(target).onet() is not None

"""`ooh data import` with any subset of its sources: each updates what it provides and keeps the rest."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.conftest import SAMPLE
from tests.importer.test_programs import crosswalk_file
from tests.oews_fixture import make_oews
from typer.testing import CliRunner, Result

from ooh_cli.cli import app
from ooh_cli.core.store import Store


def run(*args: str) -> Result:
    return CliRunner().invoke(app, ["data", "import", *args])


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "occupations.yaml"
    path.parent.mkdir()
    shutil.copy(SAMPLE, path)
    return path


def test_no_source_is_a_usage_error_naming_the_sources(target: Path) -> None:
    result = run("--output", str(target))
    assert result.exit_code == 2
    assert all(name in result.stderr for name in ("--pages", "--projections", "--index", "--cip", "--oews"))


@pytest.mark.parametrize(
    ("given", "missing"),
    [(["--pages"], "--projections and --index"), (["--pages", "--index"], "--projections")],
)
def test_the_bls_files_go_together(target: Path, given: list[str], missing: str) -> None:
    args = [part for name in given for part in (name, str(target.parent))]
    result = run(*args, "--output", str(target))
    assert result.exit_code == 2
    assert f"needs {missing}" in result.stderr
    assert target.read_bytes() == SAMPLE.read_bytes()


def test_cip_alone_updates_the_programs_and_keeps_the_rest(target: Path, tmp_path: Path) -> None:
    from ooh_cli.importer import read_existing

    crosswalk = crosswalk_file(
        tmp_path, "CIP2020Code,CIP2020Title,SOC2018Code,SOC2018Title\n51.3801,Registered Nursing.,29-1141,RN\n"
    )
    before = read_existing(SAMPLE)
    # Taking programs away is what a crosswalk cut short does: asked for here.
    refused = run("--cip", str(crosswalk), "--output", str(target))
    assert refused.exit_code == 3 and "is it cut short?" in refused.stderr
    assert target.read_bytes() == SAMPLE.read_bytes()
    result = run("--cip", str(crosswalk), "--output", str(target), "--allow-partial")
    assert result.exit_code == 0, result.output
    after = read_existing(target)
    assert before is not None and after is not None
    nurses = next(r for r in after["occupations"] if r.get("soc_codes") == ["29-1141"])
    assert nurses["programs"] == [{"code": "51.3801", "title": "Registered Nursing"}]
    assert after["meta"]["programs_edition"] == "CIP 2020"
    # Every record keeps all else; those the crosswalk does not name lose the programs it no longer gives.
    for old, new in zip(before["occupations"], after["occupations"], strict=True):
        assert {k: v for k, v in old.items() if k != "programs"} == {k: v for k, v in new.items() if k != "programs"}
    assert f"updated {nurses['id']}: programs" in result.stdout
    again = run("--cip", str(crosswalk), "--output", str(target), "--allow-partial")
    assert "already up to date; not rewritten" in again.stdout
    assert not (target.parent / "occupations.db").exists()


def test_cip_alone_needs_an_existing_data_file(tmp_path: Path) -> None:
    result = run("--cip", str(crosswalk_file(tmp_path)), "--output", str(tmp_path / "none.yaml"))
    assert result.exit_code == 3
    assert "no data file" in result.stderr
    assert not (tmp_path / "none.yaml").exists()


@pytest.mark.parametrize("packed", [False, True], ids=["sqlite", "sqlite.gz"])
def test_oews_alone_writes_the_wage_table_beside_the_data_file(target: Path, tmp_path: Path, packed: bool) -> None:
    source = make_oews(tmp_path / ("oews.sqlite.gz" if packed else "oews.sqlite"), packed=packed)
    result = run("--oews", str(source), "--output", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == SAMPLE.read_bytes()  # the records are left alone
    wages = target.parent / "occupations.db"
    assert "OEWS May 2025: 6 SOC codes, 10 areas" in result.stdout
    table = Store(target).wages()
    assert table.socs == ["27-2011", "29-1141", "43-6011", "43-6012", "43-6013", "43-6014"]
    nurses = {table.areas()[row.area].name: row for row in table.rows("29-1141")}
    assert nurses["Texas"].value("annual_median") == 92000 and nurses["Texas"].value("lq") == 0.88
    assert nurses["Guam"].annual_median is None and nurses["Guam"].note("annual_median") == 8
    assert len(nurses) == 10  # the industry's own row is not among them
    assert "no estimates for SOC codes" in result.stderr  # the sample's other codes
    first = wages.read_bytes()
    again = run("--oews", str(source), "--output", str(target))
    assert "occupations.db: already up to date; not rewritten" in again.stdout
    assert wages.read_bytes() == first


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not an SQLite file"),
        (b"\x1f\x8b\x08\x00garbage", "damaged gzip file"),
        (b"SQLite format 3\x00" + b"\x00" * 200, "not a readable OEWS SQLite file"),
        (b"plain text, not a database\n", "not an SQLite file"),
    ],
    ids=["empty", "bad-gzip", "bad-sqlite", "text"],
)
def test_a_damaged_oews_file_is_refused_and_changes_nothing(
    target: Path, tmp_path: Path, content: bytes, message: str
) -> None:
    wages = target.parent / "occupations.db"
    wages.write_bytes(b"old")
    source = tmp_path / "oews.sqlite"
    source.write_bytes(content)
    cip = str(crosswalk_file(tmp_path))
    result = run("--oews", str(source), "--cip", cip, "--output", str(target), "--allow-partial")
    assert result.exit_code == 3, result.output
    assert message in result.stderr
    assert wages.read_bytes() == b"old" and target.read_bytes() == SAMPLE.read_bytes()
    assert sorted(p.name for p in target.parent.iterdir()) == ["occupations.db", "occupations.yaml"]


def test_a_database_of_another_kind_is_refused(target: Path, tmp_path: Path) -> None:
    import sqlite3

    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE things (name TEXT)")
    result = run("--oews", str(other), "--output", str(target))
    assert result.exit_code == 3
    assert "not the OEWS file" in result.stderr
    assert not (target.parent / "occupations.db").exists()


def test_oews_alone_needs_an_existing_data_file(tmp_path: Path) -> None:
    result = run("--oews", str(make_oews(tmp_path / "o.sqlite")), "--output", str(tmp_path / "none.yaml"))
    assert result.exit_code == 3
    assert "data file not found" in result.stderr
    assert not (tmp_path / "occupations.db").exists()

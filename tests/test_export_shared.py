"""The export of the shipped data, counted against the sources in ../shared (skipped when absent)."""

from __future__ import annotations

import gzip
import shutil
import sqlite3
from pathlib import Path

import pytest

from ooh_cli.core.export import export_sqlite
from ooh_cli.core.exportsource import ExportSource
from tests.conftest import REPO, SHARED

pytestmark = pytest.mark.shared

OEWS = SHARED / "oews" / "may-2025" / "oews-2025.sqlite.gz"


def test_the_shipped_data_exports_whole(tmp_path: Path) -> None:
    if not OEWS.is_file():
        pytest.skip(f"the OEWS file is not in {OEWS.parent}")
    path = tmp_path / "ooh.db"
    done = export_sqlite(ExportSource(REPO / "data" / "occupations.yaml"), path)
    assert done.wages and done.onet and done.full_text
    source = tmp_path / "oews.sqlite"
    with gzip.open(OEWS) as packed, source.open("wb") as plain:
        shutil.copyfileobj(packed, plain)
    with sqlite3.connect(path) as db, sqlite3.connect(source) as oews:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        count = {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in done.rows}
        assert count["profiles"] == 342 and count["groups"] == 25 and count["profiles_fts"] == 342
        assert count["onet_profiles"] == 341  # every profile O*NET covers (military careers is outside it)
        socs = [soc.replace("-", "") for (soc,) in db.execute("SELECT DISTINCT soc_code FROM profile_soc_codes")]
        # Every estimate of all industries (industry 000000) of the profiles' SOC codes, straight from BLS's file.
        marks = ", ".join("?" * len(socs))
        cells = oews.execute(
            f"SELECT count(*) FROM cell WHERE substr(key, 12, 6) = '000000' AND substr(key, 18, 6) IN ({marks})",
            socs,
        ).fetchone()[0]
        assert count["wages"] == cells == 173_781
        assert count["areas"] == oews.execute("SELECT count(*) FROM area").fetchone()[0] == 583
        median = oews.execute("SELECT v13 FROM cell WHERE key = 'OEUN0000000000000291141'").fetchone()[0]
        nurses = db.execute(
            "SELECT annual_median, period FROM wages WHERE soc_code = '29-1141' AND area_code = '0000000'"
        ).fetchone()
        assert nurses == (int(median), "May 2025")
        unreleased = oews.execute(
            f"SELECT count(*) FROM cell WHERE substr(key, 12, 6) = '000000' AND substr(key, 18, 6) IN ({marks}) "
            "AND f13 = '8'",
            socs,
        ).fetchone()[0]
        exported = db.execute(
            "SELECT count(*) FROM wage_footnotes WHERE figure = 'annual_median' AND footnote = 8"
        ).fetchone()[0]
        assert exported == unreleased > 0
        assert db.execute("SELECT count(*) FROM wages WHERE annual_median = 0").fetchone() == (0,)

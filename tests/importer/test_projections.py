from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ooh_cli.importer.errors import SourceError
from ooh_cli.importer.projections import Projections, read_projections

MakeWorkbook = Callable[..., Path]


@pytest.fixture(scope="module")
def projections(workbook_path: Path) -> Projections:
    return read_projections(workbook_path)


def test_header_and_period(projections: Projections) -> None:
    assert (projections.base_year, projections.projected_year, projections.period) == (2024, 2034, "2024-34")
    # Title row, blank and footnote rows are skipped; summary rows are kept.
    assert [row.soc_code for row in projections.rows] == [
        "00-0000",
        "47-0000",
        "47-4071",
        "47-4099",
        "49-9099",
        "49-9098",
        "51-9999",
    ]


def test_line_item(projections: Projections) -> None:
    row = next(row for row in projections.rows if row.soc_code == "49-9099")
    assert row.title == "Lamplighters"
    assert row.kind == "Line item"
    # 12.299999999999999 and -4.0999999999999996 thousand: float noise, not figures.
    assert (row.jobs, row.projected_jobs, row.change, row.annual_openings) == (12300, 11800, -500, 1200)
    assert row.growth_percent == -4.1
    assert (row.median_annual, row.top_coded) == (48120, False)
    assert (row.education, row.experience, row.training) == (
        "postsecondary-nondegree",
        "less-than-5-years",
        "moderate-term",
    )
    assert row.profile == "lamplighters"


def test_top_coded_wage_and_missing_values(projections: Projections) -> None:
    sweeps = next(row for row in projections.rows if row.soc_code == "47-4071")
    assert (sweeps.median_annual, sweeps.top_coded) == (239200, True)
    wicks = next(row for row in projections.rows if row.soc_code == "49-9098")
    assert wicks.jobs == 13  # 0.0125 thousand: half a job rounds away from zero
    assert (wicks.projected_jobs, wicks.growth_percent, wicks.median_annual, wicks.education) == (None,) * 4
    assert wicks.profile is None


def test_profiles_and_totals(projections: Projections) -> None:
    linked = projections.by_profile()
    assert {slug: [row.soc_code for row in rows] for slug, rows in linked.items()} == {
        "chimney-sweeps": ["47-4071", "47-4099"],
        "lamplighters": ["49-9099"],
        "candle-makers": ["51-9999"],
    }
    total = projections.all_occupations
    assert total is not None
    assert (total.growth_percent, total.median_annual, total.jobs) == (3.1, 49500, 169956100)


def test_missing_sheet(tmp_path: Path, make_workbook: MakeWorkbook) -> None:
    path = make_workbook(tmp_path / "occupation.xlsx", sheet="Table 1.1")
    with pytest.raises(SourceError, match=r"occupation\.xlsx: no sheet 'Table 1\.2'") as caught:
        read_projections(path)
    assert caught.value.path == path


def test_missing_header(tmp_path: Path, make_workbook: MakeWorkbook) -> None:
    path = make_workbook(tmp_path / "occupation.xlsx", header=tuple(f"Column {n}" for n in range(16)))
    with pytest.raises(SourceError, match="no header row"):
        read_projections(path)


@pytest.mark.parametrize("name", ["occupation.xlsx", "occupation.html", "occupation"])
def test_not_a_workbook(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("<!DOCTYPE html><html><body>Not a workbook</body></html>", encoding="utf-8")
    with pytest.raises(SourceError, match=f"{name}: not an Excel workbook"):
        read_projections(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"occupation\.xlsx: file not found"):
        read_projections(tmp_path / "occupation.xlsx")

"""Fixtures of the importer tests: small source files in the official formats, with invented occupations."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
BLS = "https://www.bls.gov/ooh"

DASH = "\u2013"  # en dash, as BLS writes periods
HEADER = (
    "2024 National Employment Matrix title",
    "2024 National Employment Matrix code",
    "Occupation type",
    "Employment, 2024",
    "Employment, 2034",
    "Employment distribution, percent, 2024",
    "Employment distribution, percent, 2034",
    f"Employment change, numeric, 2024{DASH}34",
    f"Employment change, percent, 2024{DASH}34",
    "Percent self employed, 2024",
    f"Occupational openings, 2024{DASH}34 annual average",
    "Median annual wage, dollars, 2024[1]",
    "Typical education needed for entry",
    "Work experience in a related occupation",
    "Typical on-the-job training needed to attain competency in the occupation",
    "Related Occupational Outlook Handbook (OOH) content xlsx",
)
NA = "\u2014"  # em dash: not available
HS = ("High school diploma or equivalent", "None", "Apprenticeship")
# title, code, type, then in thousands: jobs 2024, jobs 2034, change, openings; then percent change, wage,
# (education, experience, training), linked profile. Float noise as in the real file.
# fmt: off
ROWS = (
    ("Total, all occupations", "00-0000", "Summary", 169956.1, 175167.9, 5211.8, 18863.3, 3.1, 49500,
     (NA, NA, NA), None),
    ("  Construction and extraction occupations", "47-0000", "Summary", 6400.2, 6700.9, 300.7, 650.0, 4.7,
     58000, (NA, NA, NA), None),
    ("    Chimney sweeps", "47-4071", "Line item", 1000.0, 1070.0, 70.0, 80.1, 7.0, ">=$239,200", HS,
     "construction-and-extraction/chimney-sweeps"),
    ("    Flue cleaners", "47-4099", "Line item", 234.5, 250.9, 16.4, 18.6, 7.0, 98000, HS,
     "construction-and-extraction/chimney-sweeps"),
    ("    Lamplighters", "49-9099", "Line item", 12.299999999999999, 11.8, -0.5, 1.2, -4.0999999999999996, 48120,
     ("Postsecondary nondegree award", "Less than 5 years", "Moderate-term on-the-job training"),
     "installation-maintenance-and-repair/lamplighters"),
    ("    Wick trimmers", "49-9098", "Line item", 0.0125, NA, NA, NA, NA, NA, (NA, NA, NA), None),
    ("    Candle makers", "51-9999", "Line item", 4.4, 4.0, -0.4, 0.5, -9.1, 36000,
     ("No formal educational credential", "None", "Short-term on-the-job training"), "production/candle-makers"),
)
# fmt: on


def _make_workbook(path: Path, sheet: str = "Table 1.2", header: tuple[str, ...] = HEADER) -> Path:
    """A small occupation.xlsx laid out like the official one: title row, column names, rows, footnotes."""
    from openpyxl import Workbook

    workbook = Workbook()
    index = workbook.active
    index.title = "Index"
    index.append(["Occupation.xlsx contents"])
    table = workbook.create_sheet(sheet)
    table.append([f"Table 1.2 Occupational projections, 2024{DASH}2034 (Employment in thousands)"])
    table.append(list(header))
    for title, code, kind, jobs, projected, change, openings, percent, wage, entry, profile in ROWS:
        related = "OOH Content" if profile else NA
        table.append(
            [title, code, kind, jobs, projected, 0.1, 0.1, change, percent, 5.0, openings, wage, *entry, related]
        )
        if profile:
            table.cell(row=table.max_row, column=len(header)).hyperlink = f"{BLS}/{profile}.htm"
    table.append([None])
    table.append(["Footnotes:"])
    table.append(['Note: Data is unavailable for values denoted with a "—".'])
    workbook.save(path)
    return path


WorkbookMaker = Callable[..., Path]


@pytest.fixture(scope="session")
def make_workbook() -> WorkbookMaker:
    """``make_workbook(path, sheet="Table 1.2", header=...)``: write a workbook, for variants of the fixture."""
    return _make_workbook


@pytest.fixture(scope="session")
def workbook_header() -> tuple[str, ...]:
    return HEADER


@pytest.fixture(scope="session")
def workbook_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _make_workbook(tmp_path_factory.mktemp("workbook") / "occupation.xlsx")


@pytest.fixture(scope="session")
def sources(workbook_path: Path) -> tuple[Path, Path, Path]:
    """The profile pages directory, the workbook and the A-Z index, in build_document's order."""
    return FIXTURES / "pages", workbook_path, FIXTURES / "a-z-index.html"

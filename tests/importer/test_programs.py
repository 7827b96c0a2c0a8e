"""Programs of study from the CIP-SOC crosswalk: read strictly, joined on each profile's SOC codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import SHARED

from ooh_cli.importer import build_document
from ooh_cli.importer.errors import SourceError
from ooh_cli.importer.programs import read_crosswalk

HEADER = "\ufeffCIP2020Code,CIP2020Title,SOC2018Code,SOC2018Title\r\n"
ROWS = (
    '46.0000,"Construction Trades, General.",47-4071,Chimney Sweeps\r\n'
    "46.0401,Building/Property Maintenance.,47-4099,Flue Cleaners\r\n"
    "46.0401,Building/Property Maintenance.,47-4071,Chimney Sweeps\r\n"
    "15.0501,Heating and Air Technology.,49-9099,Lamplighters\r\n"
    "24.0101,Liberal Arts and Sciences.,99-9999,NO MATCH\r\n"
)


def crosswalk_file(tmp_path: Path, text: str = HEADER + ROWS) -> Path:
    path = tmp_path / "crosswalk.csv"
    path.write_text(text, encoding="utf-8", newline="")
    return path


def test_programs_join_every_soc_code_of_a_profile(tmp_path: Path) -> None:
    crosswalk = read_crosswalk(crosswalk_file(tmp_path))
    assert crosswalk.edition == "CIP 2020"
    assert crosswalk.programs(["47-4071", "47-4099"]) == [
        {"code": "46.0000", "title": "Construction Trades, General"},
        {"code": "46.0401", "title": "Building/Property Maintenance"},
    ]
    assert crosswalk.programs(["11-1011"]) == []
    assert all("24.0101" not in programs for programs in crosswalk.by_soc.values())  # "no match" links nothing


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "is empty"),
        ("code,title\n1,2\n", "is not a CIP-SOC crosswalk: its columns are code, title"),
        (HEADER + "46.0000,Trades.\r\n", "line 2 has 2 cells; the header has 4"),
        (HEADER + "46,Trades.,47-4071,Sweeps\r\n", "line 2: expected a CIP code, a title and a SOC code"),
    ],
    ids=["empty", "other-columns", "short-row", "bad-code"],
)
def test_a_file_that_is_not_a_crosswalk_is_refused(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(SourceError, match=message):
        read_crosswalk(crosswalk_file(tmp_path, text))


def test_unreadable_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="cannot read"):
        read_crosswalk(tmp_path / "missing.csv")
    latin = tmp_path / "latin.csv"
    latin.write_bytes(HEADER.encode() + "46.0000,Métiers.,47-4071,Sweeps\n".encode("latin-1"))
    with pytest.raises(SourceError, match="not a UTF-8 text file"):
        read_crosswalk(latin)


def test_an_import_with_the_crosswalk_sets_programs_and_the_edition(
    sources: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    document, report = build_document(*sources, cip=crosswalk_file(tmp_path))
    records = {record["id"]: record for record in document["occupations"]}
    assert records["chimney-sweeps"]["programs"] == [
        {"code": "46.0000", "title": "Construction Trades, General"},
        {"code": "46.0401", "title": "Building/Property Maintenance"},
    ]
    assert [p["code"] for p in records["lamplighters"]["programs"]] == ["15.0501"]
    assert document["meta"]["programs_edition"] == "CIP 2020"
    # Without the crosswalk, an import keeps the programs the file has.
    again, report = build_document(*sources, document)
    assert again == document
    assert report.updated == {}


def test_the_real_crosswalk_gives_medical_records_specialists_their_programs() -> None:
    path = SHARED / "cip" / "2020" / "CIP2020_SOC2018_Crosswalk.csv"
    if not path.exists():
        pytest.skip("the CIP crosswalk in ../shared is not here (a fresh clone)")
    crosswalk = read_crosswalk(path)
    codes = [program["code"] for program in crosswalk.programs(["29-2072"])]
    assert codes == ["51.0706", "51.0707", "51.0713", "51.0721"]

"""`ooh data import --onet`: the O*NET workbooks become each profile's block in the side file beside the data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ooh_cli.core.database import database_path
from ooh_cli.core.model import Occupation, Outlook, Projection
from ooh_cli.core.onet import OnetData
from ooh_cli.core.store import Store
from ooh_cli.importer.onet import read_database
from ooh_cli.importer.onet_combine import build_blocks
from tests.conftest import SAMPLE, Invoke
from tests.onet_fixture import write_book, write_database


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_database(tmp_path_factory.mktemp("onet") / "29.3")


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data" / "occupations.yaml"
    target.parent.mkdir()
    shutil.copy(SAMPLE, target)
    return target


@pytest.fixture
def imported(invoke: Invoke, data_copy: Path, database: Path) -> OnetData:
    result = invoke("data", "import", "--onet", str(database), data=data_copy)
    assert result.exit_code == 0, result.output
    onet = Store(data_copy).onet()
    assert onet is not None
    return onet


def test_the_side_file_lies_beside_the_data_file(invoke: Invoke, data_copy: Path, database: Path) -> None:
    result = invoke("data", "import", "--onet", str(database), data=data_copy)
    assert result.exit_code == 0, result.output
    assert database_path(data_copy) == data_copy.parent / "occupations.db"
    assert database_path(data_copy).is_file()
    assert "O*NET data for 8 profiles" in result.stdout
    assert "not in O*NET: information-clerks, military-careers" in result.stdout


def test_a_second_import_changes_no_file(invoke: Invoke, data_copy: Path, database: Path) -> None:
    invoke("data", "import", "--onet", str(database), data=data_copy)
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in data_copy.parent.iterdir()}
    result = invoke("data", "import", "--onet", str(database), data=data_copy)
    assert result.exit_code == 0
    assert "already up to date; not rewritten" in result.stdout
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in data_copy.parent.iterdir()} == before


def test_the_soc_occupation_itself_stands_for_its_ratings(imported: OnetData) -> None:
    nurses = imported.profile("registered-nurses")
    assert nurses is not None
    skills = {r.name: (r.importance, r.level) for r in nurses.skills}
    # 29-1141.00's own figures, not averaged with its finer occupation 29-1141.01 (Active Listening 2.0).
    assert skills["Active Listening"] == (4.0, 4.5)
    assert nurses.sources["skills"] == ("29-1141.00",)
    assert nurses.job_zone == 3
    assert nurses.holland_code == "SIC"
    assert [s.name for s in nurses.interests] == [
        "Realistic",
        "Investigative",
        "Artistic",
        "Social",
        "Enterprising",
        "Conventional",
    ]
    assert {r.name: r.importance for r in nurses.work_styles} == {"Dependability": 4.6, "Integrity": 4.5}
    assert [(s.level, s.percent) for s in nurses.education if s.percent] == [
        ("Post-secondary certificate", 20.0),
        ("Associate's degree", 25.0),
        ("Bachelor's degree", 55.0),
    ]


def test_technology_and_titles_come_from_every_covered_occupation(imported: OnetData) -> None:
    nurses = imported.profile("registered-nurses")
    assert nurses is not None
    examples = {e.name: (e.hot, e.in_demand) for group in nurses.technology for e in group.examples}
    assert examples == {
        "Epic Systems": (True, True),
        "Microsoft Excel": (True, False),
        "Pyxis MedStation": (False, False),
    }
    assert [g.category for g in nurses.technology] == ["Medical software", "Spreadsheet software"]
    # O*NET's titles of the finer occupations too; never the profile's own names again ("Staff Nurse").
    assert nurses.alternate_titles == ("Acute Care Nurses", "Charge Nurse", "Critical Care Nurse")
    assert nurses.related == ("respiratory-therapists", "medical-and-health-services-managers")


def test_a_gap_in_o_net_stays_a_gap(imported: OnetData) -> None:
    records = imported.profile("medical-records-and-health-information-technicians")
    assert records is not None
    assert records.skills == () and records.knowledge == ()
    assert records.unrated["skills"] == ("29-2072.00",)
    assert records.holland_code == "C" and records.job_zone == 3  # what O*NET does rate is kept


def test_a_small_rated_share_does_not_stand_for_the_profile(imported: OnetData) -> None:
    # One of the secretaries' four SOC codes is in the database: a quarter of the weight is not enough.
    secretaries = imported.profile("secretaries-and-administrative-assistants")
    assert secretaries is not None
    assert secretaries.skills == () and secretaries.interests == () and secretaries.job_zone is None
    assert [p.code for p in secretaries.occupations] == ["43-6014.00"]
    assert [e.name for g in secretaries.technology for e in g.examples] == []


def test_several_occupations_combine_weighted_by_jobs(database: Path) -> None:
    both = Occupation(
        "artists-and-actors",
        "Artists and Actors",
        "arts",
        soc_codes=("27-1014", "27-2011"),
        outlook=Outlook(
            projections=(
                Projection("Special effects artists", "27-1014", jobs=100),
                Projection("Actors", "27-2011", jobs=300),
            )
        ),
    )
    blocks, without = build_blocks([both], read_database(database))
    assert without == []
    (block,) = blocks
    assert block.weighting == "employment"
    assert [(p.code, p.weight) for p in block.occupations] == [("27-1014.00", 0.25), ("27-2011.00", 0.75)]
    speaking = next(r for r in block.skills if r.name == "Speaking")
    assert speaking.importance == round(0.25 * 1.0 + 0.75 * 4.5, 2)
    # The job zone most of the weight is in; a code derived from the combined scores.
    assert block.job_zone == 2
    assert block.holland_code == "ASE"  # as many letters as the weightiest code (ASE), by combined score


def test_without_jobs_for_every_code_the_weights_are_equal(database: Path) -> None:
    both = Occupation("x", "X", "arts", soc_codes=("27-1014", "27-2011"))
    (block,), _ = build_blocks([both], read_database(database))
    assert block.weighting == "equal"
    assert {p.weight for p in block.occupations} == {0.5}


def test_a_broad_soc_code_covers_the_detailed_ones_under_it(database: Path) -> None:
    broad = Occupation("nursing", "Nursing", "health", soc_codes=("29-1140",))
    (block,), _ = build_blocks([broad], read_database(database))
    assert block.sources["skills"] == ("29-1141.00",)


# --- bad input ----------------------------------------------------------------------------------------------


def test_a_missing_folder_is_a_data_error(invoke: Invoke, data_copy: Path, tmp_path: Path) -> None:
    result = invoke("data", "import", "--onet", str(tmp_path / "nowhere"), data=data_copy)
    assert result.exit_code == 3
    assert "not a folder" in result.stderr
    assert not database_path(data_copy).exists()


def test_a_missing_workbook_is_named(invoke: Invoke, data_copy: Path, database: Path, tmp_path: Path) -> None:
    partial = tmp_path / "partial"
    shutil.copytree(database, partial)
    (partial / "Skills.xlsx").unlink()
    result = invoke("data", "import", "--onet", str(partial), data=data_copy)
    assert result.exit_code == 3
    assert "Skills.xlsx: not found" in result.stderr


def test_a_workbook_without_its_columns_is_refused(
    invoke: Invoke, data_copy: Path, database: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(database, broken)
    write_book(broken / "Job Zones.xlsx", ["Code", "Zone"], [["29-1141.00", 3]])
    result = invoke("data", "import", "--onet", str(broken), data=data_copy)
    assert result.exit_code == 3
    assert "Job Zones.xlsx: expected the columns O*NET-SOC Code, Job Zone" in result.stderr


def test_a_file_that_is_not_a_workbook_is_refused(
    invoke: Invoke, data_copy: Path, database: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(database, broken)
    (broken / "Interests.xlsx").write_text("not a workbook")
    result = invoke("data", "import", "--onet", str(broken), data=data_copy)
    assert result.exit_code == 3
    assert "Interests.xlsx: not a readable Excel workbook" in result.stderr


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([["29-1141", "Registered Nurses", 3, "", ""]], "'29-1141' is not an O*NET-SOC code"),
        ([["29-1141.00", "Registered Nurses", 7, "", ""]], "job zone 7 is not 1 to 5"),
        ([["29-1141.00", "Registered Nurses", "three", "", ""]], "expected a number, not 'three'"),
    ],
)
def test_bad_values_are_refused(
    invoke: Invoke, data_copy: Path, database: Path, tmp_path: Path, rows: list[list[object]], message: str
) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(database, broken)
    write_book(broken / "Job Zones.xlsx", ["O*NET-SOC Code", "Title", "Job Zone", "Date", "Domain Source"], rows)
    result = invoke("data", "import", "--onet", str(broken), data=data_copy)
    assert result.exit_code == 3
    assert message in result.stderr
    assert not database_path(data_copy).exists()


def test_import_needs_a_source(invoke: Invoke, data_copy: Path) -> None:
    result = invoke("data", "import", data=data_copy)
    assert result.exit_code == 2
    assert "--onet DIR" in result.stderr


def test_a_damaged_database_is_a_data_error(invoke: Invoke, imported: OnetData, data_copy: Path) -> None:
    database_path(data_copy).write_bytes(b"\x00" * 40)
    result = invoke("show", "registered-nurses", "--section", "skills", data=data_copy)
    assert result.exit_code == 3
    assert f"{database_path(data_copy)}: damaged or not a database of ooh" in result.stderr


def test_the_cache_follows_the_database_path(invoke: Invoke, data_copy: Path, database: Path) -> None:
    # The alternate titles enter the cached name index: an import must show on the next lookup.
    before = invoke("show", "health", "records", "clerk", data=data_copy)
    assert before.exit_code == 1
    invoke("data", "import", "--onet", str(database), data=data_copy)
    after = invoke("show", "health", "records", "clerk", "--section", "summary", data=data_copy)
    assert after.exit_code == 0 and after.stdout.startswith("Medical Records Specialists")
    database_path(data_copy).unlink()
    assert invoke("show", "health", "records", "clerk", data=data_copy).exit_code == 1


def test_a_new_document_not_yet_written_gives_the_same_bytes(data_copy: Path, database: Path) -> None:
    # `data import` builds every file before writing any: the O*NET step reads the new document, not the file.
    import yaml

    from ooh_cli.importer.onet_combine import prepare_onet
    from ooh_cli.importer.switch import commit

    from_file = prepare_onet(database, data_copy)
    document = yaml.safe_load(data_copy.read_text(encoding="utf-8"))
    from_document = prepare_onet(database, data_copy, document)
    assert from_document.staged.content == from_file.staged.content and from_document.profiles == 8
    assert not database_path(data_copy).exists()  # nothing written until `commit`
    commit(data_copy, None, [from_document.staged])
    assert Store(data_copy).onet() is not None and from_document.staged.changed


def test_the_zip_o_net_publishes_is_read_without_unpacking(
    invoke: Invoke, data_copy: Path, database: Path, tmp_path: Path
) -> None:
    import zipfile

    from_folder = invoke("data", "import", "--onet", str(database), data=data_copy)
    assert from_folder.exit_code == 0, from_folder.output
    onet = Store(data_copy).onet()
    assert onet is not None
    expected = [onet.profile(profile_id) for profile_id in onet.header.ids]
    database_path(data_copy).unlink()
    packed = tmp_path / "db_29_3_excel.zip"
    with zipfile.ZipFile(packed, "w") as archive:
        for book in database.glob("*.xlsx"):
            archive.write(book, f"db_29_3_excel/{book.name}")  # the folder O*NET's zip holds them in
    before = set(tmp_path.rglob("*"))
    result = invoke("data", "import", "--onet", str(packed), data=data_copy)
    assert result.exit_code == 0, result.output
    from_zip = Store(data_copy).onet()
    assert from_zip is not None and [from_zip.profile(i) for i in from_zip.header.ids] == expected
    assert set(tmp_path.rglob("*")) - before == {database_path(data_copy)}  # nothing unpacked beside it


def test_a_zip_without_a_workbook_names_it(invoke: Invoke, data_copy: Path, database: Path, tmp_path: Path) -> None:
    import zipfile

    packed = tmp_path / "db.zip"
    with zipfile.ZipFile(packed, "w") as archive:
        for book in database.glob("*.xlsx"):
            if book.stem != "Skills":
                archive.write(book, book.name)
    result = invoke("data", "import", "--onet", str(packed), data=data_copy)
    assert result.exit_code == 3
    assert "Skills.xlsx: not found" in result.stderr

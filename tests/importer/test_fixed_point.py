"""`ooh data import` as a fixed point, and programs of study for broad SOC codes, as users run the import."""

from __future__ import annotations

from pathlib import Path

from tests.importer.test_programs import HEADER, ROWS, crosswalk_file
from typer.testing import CliRunner, Result

from ooh_cli.cli import app
from ooh_cli.core.yamlio import dump_yaml, parse_file
from ooh_cli.importer.programs import read_crosswalk

# A broad code's detailed occupations (49-9091 and 49-9092 under 49-9090) and a detailed code of another broad
# group that only shares its first digits (49-9011 under 49-9010).
BROAD_ROWS = (
    "47.0101,Electrical Repair.,49-9091,Lamp Fitters\r\n"
    "47.0102,Gas Fitting.,49-9092,Mantle Fitters\r\n"
    "47.0103,Mill Repair.,49-9011,Millwrights\r\n"
)


def run_import(target: Path, *args: str) -> Result:
    return CliRunner().invoke(app, ["data", "import", *args, "--output", str(target)])


def test_importing_twice_into_an_empty_folder_changes_no_byte(sources: tuple[Path, Path, Path], tmp_path: Path) -> None:
    pages, workbook, index = sources
    args = ["--pages", str(pages), "--projections", str(workbook), "--index", str(index)]
    args += ["--cip", str(crosswalk_file(tmp_path))]
    target = tmp_path / "fresh" / "occupations.yaml"
    target.parent.mkdir()
    first = run_import(target, *args)
    assert first.exit_code == 0, first.output
    assert "3 added" in first.stdout
    written = target.read_bytes()
    assert b"programs:" in written  # the crosswalk gave programs, which the bug moved on the second run
    second = run_import(target, *args)
    assert second.exit_code == 0, second.output
    assert target.read_bytes() == written
    assert "0 updated, 3 unchanged" in second.stdout
    assert "already up to date; not rewritten" in second.stdout


def test_a_record_whose_fields_are_only_reordered_is_reported_and_rewritten(
    sources: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    pages, workbook, index = sources
    args = ["--pages", str(pages), "--projections", str(workbook), "--index", str(index)]
    args += ["--cip", str(crosswalk_file(tmp_path))]
    target = tmp_path / "occupations.yaml"
    assert run_import(target, *args).exit_code == 0
    written = target.read_bytes()
    document = parse_file(target)
    document["occupations"] = list(document["occupations"])  # the reader yields records one at a time
    lamp = next(record for record in document["occupations"] if record["id"] == "lamplighters")
    lamp["programs"] = lamp.pop("programs")  # now after `source`, as a fresh record had it before the fix
    target.write_text(dump_yaml(document), encoding="utf-8")
    again = run_import(target, *args)
    assert again.exit_code == 0, again.output
    assert "updated lamplighters: the order of its fields" in again.stdout
    assert target.read_bytes() == written


def test_a_broad_code_takes_the_programs_of_the_detailed_codes_under_it(tmp_path: Path) -> None:
    crosswalk = read_crosswalk(crosswalk_file(tmp_path, HEADER + ROWS + BROAD_ROWS))
    # 49-9099 (the fixture's lamplighters) is one of the detailed codes under 49-9090 too.
    assert [p["code"] for p in crosswalk.programs(["49-9090"])] == ["15.0501", "47.0101", "47.0102"]
    # A detailed code is itself only; a minor group (49-9000) is not taken as a broad one.
    assert [p["code"] for p in crosswalk.programs(["49-9091"])] == ["47.0101"]
    assert crosswalk.programs(["49-9000"]) == []


def test_programs_of_a_broad_code_are_shown(tmp_path: Path) -> None:
    target = tmp_path / "occupations.yaml"
    target.write_text(
        "meta:\n  edition: 2024-34\n  projection_period: 2024-34\n  base_year: 2024\n  average_growth_percent: 3\n"
        "  outlook_thresholds:\n"
        + "".join(f"    {slug}: {{min: null, max: null}}\n" for slug in ("much-faster", "faster", "average"))
        + "".join(f"    {slug}: {{min: null, max: null}}\n" for slug in ("slower", "little-change", "decline"))
        + "  groups:\n  - {slug: repair, name: Repair}\n"
        "occupations:\n- id: lamp-and-mantle-fitters\n  title: Lamp and Mantle Fitters\n  group: repair\n"
        "  soc_codes: [49-9090]\n",
        encoding="utf-8",
    )
    result = run_import(target, "--cip", str(crosswalk_file(tmp_path, HEADER + ROWS + BROAD_ROWS)))
    assert result.exit_code == 0, result.output
    assert "updated lamp-and-mantle-fitters: programs" in result.stdout
    shown = CliRunner().invoke(app, ["--data", str(target), "show", "49-9090", "--section", "programs"])
    assert shown.exit_code == 0, shown.output
    assert "47.0101    Electrical Repair" in shown.stdout and "47.0102    Gas Fitting" in shown.stdout
    assert "Mill Repair" not in shown.stdout

"""Sources cut short or damaged are refused, naming what is wrong, and nothing is written."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from ooh_cli.cli import app


def run(tmp_path: Path, *args: str) -> Result:
    return CliRunner().invoke(app, ["data", "import", *args], env={"OOH_CACHE_DIR": str(tmp_path / "cache")})


def trio(pages: Path, workbook: Path, index: Path) -> list[str]:
    return ["--pages", str(pages), "--projections", str(workbook), "--index", str(index)]


def copied_pages(sources: tuple[Path, Path, Path], tmp_path: Path) -> Path:
    pages = tmp_path / "pages"
    shutil.copytree(sources[0], pages)
    return pages


def test_a_page_cut_short_is_refused_by_name(sources: tuple[Path, Path, Path], tmp_path: Path) -> None:
    pages = copied_pages(sources, tmp_path)
    page = pages / "chimney-sweeps.html"
    text = page.read_text(encoding="utf-8")
    page.write_text(text[: len(text) // 2], encoding="utf-8")  # a download that stopped half-way
    target = tmp_path / "occupations.yaml"
    result = run(tmp_path, *trio(pages, *sources[1:]), "--output", str(target))
    assert result.exit_code == 3, result.output
    assert "pages cut short or not profile pages: chimney-sweeps.html lacks" in result.stderr
    assert "--allow-partial" in result.stderr
    assert not target.exists()
    allowed = run(tmp_path, *trio(pages, *sources[1:]), "--output", str(target), "--allow-partial")
    assert allowed.exit_code == 0, allowed.output
    assert target.exists()


def test_a_page_that_lost_what_its_record_has_is_refused(sources: tuple[Path, Path, Path], tmp_path: Path) -> None:
    # Every page still has the sections all pages have; one lost its similar occupations against its record.
    target = tmp_path / "occupations.yaml"
    assert run(tmp_path, *trio(*sources), "--output", str(target)).exit_code == 0
    before = target.read_bytes()
    pages = copied_pages(sources, tmp_path)
    page = pages / "lamplighters.html"
    text = page.read_text(encoding="utf-8")
    cut = text.index("Similar Occupations") if "Similar Occupations" in text else len(text) * 3 // 4
    page.write_text(text[:cut], encoding="utf-8")
    result = run(tmp_path, *trio(pages, *sources[1:]), "--output", str(target))
    assert result.exit_code == 3, result.output
    assert "lamplighters.html lacks" in result.stderr
    assert target.read_bytes() == before


def test_a_damaged_worksheet_is_a_source_error(sources: tuple[Path, Path, Path], tmp_path: Path) -> None:
    damaged = tmp_path / "occupation.xlsx"
    with zipfile.ZipFile(sources[1]) as good, zipfile.ZipFile(damaged, "w") as bad:
        for name in good.namelist():
            data = good.read(name)
            bad.writestr(name, data[: len(data) // 2] if name.startswith("xl/worksheets/sheet") else data)
    target = tmp_path / "occupations.yaml"
    result = run(tmp_path, *trio(sources[0], damaged, sources[2]), "--output", str(target))
    assert result.exit_code == 3, result.output
    assert result.stderr.startswith(f"ooh: {damaged}: ") and "damaged" in result.stderr
    assert "unexpected error" not in result.stderr
    assert not target.exists()


def test_a_cut_workbook_is_a_source_error(sources: tuple[Path, Path, Path], tmp_path: Path) -> None:
    cut = tmp_path / "occupation.xlsx"
    data = sources[1].read_bytes()
    cut.write_bytes(data[: len(data) * 2 // 3])
    result = run(tmp_path, *trio(sources[0], cut, sources[2]), "--output", str(tmp_path / "occupations.yaml"))
    assert result.exit_code == 3, result.output
    assert result.stderr.startswith(f"ooh: {cut}: ")


@pytest.mark.parametrize("cut_at", [0.5, 0.9])
def test_a_cut_crosswalk_is_refused(sources: tuple[Path, Path, Path], tmp_path: Path, cut_at: float) -> None:
    crosswalk = tmp_path / "crosswalk.csv"
    rows = [
        "CIP2020Code,CIP2020Title,SOC2018Code,SOC2018Title",
        "46.0000,Construction Trades.,47-4071,Chimney Sweeps",
        "46.0101,Mason Trades.,47-4071,Chimney Sweeps",
        "47.0000,Mechanic Trades.,49-9099,Lamplighters",
    ]
    crosswalk.write_text("\n".join(rows) + "\n", encoding="utf-8")
    target = tmp_path / "occupations.yaml"
    assert run(tmp_path, *trio(*sources), "--cip", str(crosswalk), "--output", str(target)).exit_code == 0
    before = target.read_bytes()
    text = crosswalk.read_text(encoding="utf-8")
    crosswalk.write_text(text[: int(len(text) * cut_at)].rsplit("\n", 1)[0] + "\n", encoding="utf-8")
    result = run(tmp_path, "--cip", str(crosswalk), "--output", str(target))
    assert result.exit_code == 3, result.output
    assert "is it cut short?" in result.stderr
    assert target.read_bytes() == before


def test_output_that_is_a_folder_is_a_usage_error(sources: tuple[Path, Path, Path], tmp_path: Path) -> None:
    result = run(tmp_path, *trio(*sources), "--output", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == (
        f"ooh: --output: {tmp_path} is a folder; name the data file to write, such as {tmp_path / 'occupations.yaml'}\n"
    )

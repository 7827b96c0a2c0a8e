"""Local pay against the real OEWS May 2025 file in ../shared (skipped when absent).

Figures below were read from the source file itself (`cell` rows of all industries), not from `ooh`.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ooh_cli.cli import app
from ooh_cli.core.store import Store
from tests.conftest import BLS, REPO, SHARED, Invoke

pytestmark = pytest.mark.shared

OEWS = SHARED / "oews" / "may-2025" / "oews-2025.sqlite.gz"
CIP = SHARED / "cip" / "2020" / "CIP2020_SOC2018_Crosswalk.csv"
SHIPPED = REPO / "data"


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the shipped data file with the wage table built again from the shared file."""
    if not OEWS.is_file():
        pytest.skip(f"the OEWS file is not in {OEWS.parent}")
    folder = tmp_path_factory.mktemp("oews")
    target = folder / "occupations.yaml"
    shutil.copy(SHIPPED / "occupations.yaml", target)
    result = CliRunner().invoke(app, ["data", "import", "--oews", str(OEWS), "--output", str(target)])
    assert result.exit_code == 0, result.output
    assert "OEWS May 2025: 602 SOC codes, 583 areas" in result.stdout
    assert "no estimates for SOC codes 45-3031" in result.stderr  # fishers: OEWS publishes none
    return target


def test_the_shipped_wage_table_is_what_the_import_writes(imported: Path) -> None:
    digest = "wages_digest"
    assert Store(imported).database().meta(digest) == Store(SHIPPED / "occupations.yaml").database().meta(digest)  # type: ignore[union-attr]


def test_every_source_over_the_shipped_data_changes_no_file(tmp_path: Path) -> None:
    if not (OEWS.is_file() and (BLS / "pages").is_dir() and CIP.is_file()):
        pytest.skip("the shared sources are not all here")
    for name in ("occupations.yaml", "occupations.db"):
        shutil.copy(SHIPPED / name, tmp_path / name)
    target = tmp_path / "occupations.yaml"
    args = ["--pages", str(BLS / "pages"), "--projections", str(BLS / "occupation.xlsx")]
    args += ["--index", str(BLS / "a-z-index.html"), "--cip", str(CIP), "--oews", str(OEWS)]
    result = CliRunner().invoke(app, ["data", "import", *args, "--output", str(target)])
    assert result.exit_code == 0, result.output
    assert result.stdout.count("already up to date; not rewritten") == 2
    for name in ("occupations.yaml", "occupations.db"):
        assert (tmp_path / name).read_bytes() == (SHIPPED / name).read_bytes(), name


@pytest.fixture
def real(invoke: Invoke, imported: Path) -> Invoke:
    def run(*args: str) -> object:
        return invoke(*args, data=imported)

    return run  # type: ignore[return-value]


def test_registered_nurses(real: Invoke) -> None:
    [record] = json.loads(real("wages", "registered-nurses", "--state", "TX", "--format", "json").stdout)
    national = record["national"]
    assert (national["employment"], national["annual_median"], national["hourly_mean"]) == (3379720, 97550, 48.76)
    assert (national["annual_10"], national["annual_90"]) == (68940, 137470)
    [texas] = record["areas"]
    assert (texas["annual_median"], texas["employment"], texas["lq"], texas["per_1000"]) == (
        95970,
        271380,
        0.89,
        19.287,
    )


def test_software_developers_in_san_jose(real: Invoke) -> None:
    result = real("wages", "software-developers", "--soc", "15-1252", "--area", "San Jose")
    assert result.exit_code == 0, result.output
    assert "$213,110" in result.stdout and "87,350" in result.stdout


def test_pay_above_the_old_top_code_is_shown_as_published(real: Invoke) -> None:
    # Chief executives' national median, and an area median above the $239,200 that footnote 5's text names.
    chiefs = json.loads(real("wages", "top-executives", "--soc", "11-1011", "--format", "json").stdout)[0]
    assert chiefs["national"]["annual_median"] == 213990
    akron = real("wages", "physicians-and-surgeons", "--soc", "29-1214", "--area", "Akron")
    assert "$305,960" in akron.stdout
    assert "or more" not in akron.stdout and "239,200" not in akron.stdout


def test_a_wage_withheld_under_footnote_5_says_what_the_footnote_says(real: Invoke) -> None:
    # Albany, OR: no wages for 29-1215, marked with footnote 5; published wages above its amount stay as they are.
    result = real("wages", "physicians-and-surgeons", "--soc", "29-1215", "--area", "Albany, OR", "--format", "json")
    [area] = json.loads(result.stdout)[0]["areas"]
    assert area["annual_median"] is None
    assert area["notes"]["annual_median"].startswith("BLS's footnote 5: the wage is $239,200 a year or more")


def test_postsecondary_teachers_show_each_occupation(real: Invoke) -> None:
    result = real("wages", "postsecondary-teachers", "--state", "NY", "--format", "json")
    records = json.loads(result.stdout)
    assert len(records) == 35
    assert records[0]["soc_code"] == "25-1071"  # health specialties teachers: the most jobs
    assert records[0]["pay_reported"] == "annual"
    jobs = [r["national"]["employment"] or 0 for r in records]
    assert jobs == sorted(jobs, reverse=True)


def test_list_in_texas(real: Invoke) -> None:
    result = real("list", "--state", "TX", "--sort", "pay", "--limit", "20", "--format", "json")
    records = json.loads(result.stdout)
    assert len(records) == 20
    pays = [r["state_median_pay"] for r in records]
    assert pays == sorted(pays, reverse=True)
    assert all(r["state_period"] == "May 2025" for r in records)


def test_the_map_has_every_state(real: Invoke) -> None:
    from tests.test_wages import tiles

    figures = tiles(real("wages", "registered-nurses", "--map").stdout)
    assert len(figures) == 54 and [p for p, f in figures.items() if f == "n/r"] == ["GU"]
    assert (figures["CA"], figures["TX"], figures["PR"]) == ("$140k", "$96k", "$40k")

"""`ooh wages`: what BLS's footnotes say where it publishes no wage, and the SOC code typed listed first."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ooh_cli.cli import app
from tests.conftest import SAMPLE, Invoke
from tests.oews_fixture import make_oews

SECRETARIES = "secretaries-and-administrative-assistants"


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("footnotes")
    target = folder / "occupations.yaml"
    shutil.copy(SAMPLE, target)
    source = make_oews(folder / "oews.sqlite")
    result = CliRunner().invoke(app, ["data", "import", "--oews", str(source), "--output", str(target)])
    assert result.exit_code == 0, result.output
    return target


def test_a_wage_withheld_under_footnote_5_says_what_the_footnote_means(invoke: Invoke, data: Path) -> None:
    result = invoke("wages", SECRETARIES, "--soc", "43-6012", "--area", "New York", data=data)
    assert result.exit_code == 0, result.output
    row = next(line for line in result.stdout.splitlines() if line.startswith("New York-Newark"))
    assert row.count("$239,200 or more") == 3  # median, middle half and mean
    assert "not released" not in result.stdout
    footer = " ".join(result.stdout.split())
    assert "BLS's footnote 5: the wage is $239,200 a year or more, and BLS publishes no exact figure" in footer
    hourly = invoke("wages", SECRETARIES, "--soc", "43-6012", "--area", "New York", "--hourly", data=data).stdout
    assert "$115.00 or more" in hourly and "$115.00 an hour or more" in " ".join(hourly.split())


def test_machine_formats_name_the_footnote(invoke: Invoke, data: Path) -> None:
    args = ("wages", SECRETARIES, "--soc", "43-6012", "--area", "New York")
    area = json.loads(invoke(*args, "--format", "json", data=data).stdout)[0]["areas"][0]
    assert area["annual_median"] is None and area["employment"] == 300
    assert area["notes"]["annual_median"].startswith("BLS's footnote 5: the wage is $239,200 a year or more")
    assert area["notes"]["hourly_median"].startswith("BLS's footnote 5: the wage is $115.00 an hour or more")
    csv = invoke(*args, "--format", "csv", data=data).stdout
    assert "annual_median: BLS's footnote 5" in csv


def test_not_released_stays_for_other_gaps(invoke: Invoke, data: Path) -> None:
    guam = invoke("wages", "registered-nurses", "--state", "GU", data=data).stdout
    assert "not released" in guam and "or more" not in guam


def test_the_soc_code_typed_comes_first(invoke: Invoke, data: Path) -> None:
    typed = invoke("wages", "43-6012", "--state", "TX", data=data)
    assert typed.exit_code == 0, typed.output
    headings = [line for line in typed.stdout.splitlines() if "(SOC 43-" in line]
    assert [h.split("(SOC ")[1][:7] for h in headings] == ["43-6012", "43-6014", "43-6013", "43-6011"]
    assert "43-6012 first, then the most jobs" in typed.stderr
    by_name = invoke("wages", SECRETARIES, "--state", "TX", data=data)
    assert next(line for line in by_name.stdout.splitlines() if "(SOC 43-" in line).split("(SOC ")[1][:7] == "43-6014"
    assert "the most jobs first" in by_name.stderr

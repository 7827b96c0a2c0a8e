"""`ooh compare`: a column per occupation, a row per fact, best values marked, years checked."""

from __future__ import annotations

import csv
import io
import json

from tests.conftest import Invoke

MRT = "medical-records-and-health-information-technicians"


def test_compare_table(invoke: Invoke) -> None:
    result = invoke("compare", "medical-records-technician", "registered nurse")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "Medical Records Specialists" in lines[0] and "Registered Nurses" in lines[0]
    pay = next(line for line in lines if line.startswith("Median pay, 2024"))
    assert "$50,000" in pay and "$90,000 *" in pay
    growth = next(line for line in lines if line.startswith("Job outlook, 2024-34"))
    assert "+7% *" in growth and "+5%" in growth
    # The bars under pay and growth: the best value gets the full bar.
    assert "██████████" in result.stdout
    assert "* best of the compared values." in result.stdout
    assert "Same for all: Group, Work experience, On-the-job training." in result.stdout
    assert "Note:" not in result.stdout


def test_compare_notes_different_reference_years(invoke: Invoke) -> None:
    out = invoke("compare", MRT, "secretaries-and-administrative-assistants").stdout
    assert "Note: The pay figures are from different years:" in out
    assert "secretaries-and-administrative-assistants 2023" in out.replace("\n", " ")
    # With years differing, the pay row's label no longer claims one year.
    assert any(line.startswith("Median pay  ") for line in out.splitlines())


def test_compare_missing_figures_are_not_ranked(invoke: Invoke) -> None:
    out = invoke("compare", "military-careers", "actors", "registered-nurses").stdout
    pay = next(line for line in out.splitlines() if line.startswith("Median pay"))
    assert "not available" in pay and "$90,000" in pay and "*" not in pay  # one known value: nothing to beat


def test_compare_json_and_csv(invoke: Invoke) -> None:
    rows = json.loads(invoke("compare", MRT, "registered-nurses", "-f", "json").stdout)
    assert [r["id"] for r in rows] == [MRT, "registered-nurses"]
    assert rows[0]["median_pay"] == 50000 and rows[0]["pay_year"] == 2024
    assert rows[0]["outlook"] == "much-faster" and rows[1]["growth_percent"] == 5
    out = invoke("compare", MRT, "military-careers", "-f", "csv").stdout
    records = list(csv.DictReader(io.StringIO(out)))
    assert records[0]["jobs"] == "190000"
    assert records[1]["median_pay"] == ""  # not available
    assert "\x1b[" not in out


def test_compare_markdown(invoke: Invoke) -> None:
    out = invoke("compare", MRT, "registered-nurses", "-f", "markdown").stdout
    assert out.startswith("|  | Medical Records Specialists | Registered Nurses |\n|---|---|---|\n")
    assert "| Median pay, 2024 | $50,000 | **$90,000** |" in out


def test_compare_three_or_more(invoke: Invoke) -> None:
    result = invoke("compare", MRT, "registered-nurses", "medical-assistants-nope")
    assert result.exit_code == 1
    result = invoke("compare", MRT, "registered-nurses", "actors", "information-clerks")
    assert result.exit_code == 0
    assert "Information" in result.stdout and "Clerks" in result.stdout


def test_compare_needs_two_different(invoke: Invoke) -> None:
    one = invoke("compare", MRT)
    assert one.exit_code == 2 and "at least two" in one.stderr
    same = invoke("compare", MRT, "medical-records-technician")
    assert same.exit_code == 2

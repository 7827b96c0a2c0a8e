"""`ooh list`: every filter, sort and format, and what an empty result does."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.conftest import Invoke


def ids(invoke: Invoke, *args: str) -> list[str]:
    result = invoke("list", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return [row["id"] for row in json.loads(result.stdout)]


def test_list_table_exact(invoke: Invoke) -> None:
    result = invoke("list", "--outlook", "faster")
    assert result.exit_code == 0
    assert result.stdout == (
        "                         Median pay   Outlook           Jobs\n"
        "Occupation                     2024   2024-34           2024   Entry-level education\n"
        "------------------------------------------------------------------------------------\n"
        "Registered Nurses           $90,000   +5% faster   3,000,000   Bachelor's degree\n"
        "Respiratory Therapists      $80,000   +6% faster     130,000   Associate's degree\n"
        "2 occupations; outlook: Faster than average\n"
    )


def test_outlook_is_exact_and_repeatable(invoke: Invoke) -> None:
    assert ids(invoke, "--outlook", "faster") == ["registered-nurses", "respiratory-therapists"]
    both = ids(invoke, "--outlook", "faster", "--outlook", "decline")
    assert both == ids(invoke, "--outlook", "faster,decline")
    assert set(both) == {
        "registered-nurses",
        "respiratory-therapists",
        "information-clerks",
        "secretaries-and-administrative-assistants",
    }
    assert ids(invoke, "--outlook", "Faster than average") == ids(invoke, "--outlook", "faster")


def test_min_outlook_includes_better(invoke: Invoke) -> None:
    found = ids(invoke, "--min-outlook", "faster")
    assert set(found) == {
        "registered-nurses",
        "respiratory-therapists",
        "medical-records-and-health-information-technicians",
        "health-information-technologists-and-medical-registrars",
        "medical-and-health-services-managers",
    }


def test_education_exact_and_max(invoke: Invoke) -> None:
    assert ids(invoke, "--education", "associate") == [
        "health-information-technologists-and-medical-registrars",
        "respiratory-therapists",
    ]
    assert ids(invoke, "--education", "hs") == ["information-clerks", "secretaries-and-administrative-assistants"]
    capped = ids(invoke, "--max-education", "postsecondary")
    assert set(capped) == {
        "actors",
        "information-clerks",
        "secretaries-and-administrative-assistants",
        "medical-records-and-health-information-technicians",
    }


def test_the_readme_example(invoke: Invoke) -> None:
    assert ids(invoke, "--outlook", "faster", "--education", "associate", "--sort", "pay") == ["respiratory-therapists"]


def test_pay_range(invoke: Invoke) -> None:
    assert ids(invoke, "--min-pay", "85000", "--sort", "pay") == [
        "medical-and-health-services-managers",
        "special-effects-artists-and-animators",
        "registered-nurses",
    ]
    # Profiles without an annual median never match a pay filter.
    assert "actors" not in ids(invoke, "--max-pay", "1000000")
    assert ids(invoke, "--min-pay", "45000", "--max-pay", "50000") == [
        "medical-records-and-health-information-technicians",
        "secretaries-and-administrative-assistants",
    ]


def test_group_by_slug_or_name(invoke: Invoke) -> None:
    office = ["information-clerks", "secretaries-and-administrative-assistants"]
    assert ids(invoke, "--group", "office-and-administrative-support") == office
    assert ids(invoke, "--group", "Office and Administrative Support") == office


def test_training_and_experience(invoke: Invoke) -> None:
    assert ids(invoke, "--training", "short-term") == [
        "information-clerks",
        "secretaries-and-administrative-assistants",
    ]
    assert ids(invoke, "--training", "long") == ["actors"]
    assert ids(invoke, "--experience", "less-than-5-years") == [
        "health-information-technologists-and-medical-registrars",
        "medical-and-health-services-managers",
    ]


@pytest.mark.parametrize(
    ("key", "first", "last_known"),
    [
        ("pay", "medical-and-health-services-managers", "information-clerks"),
        ("growth", "medical-and-health-services-managers", "secretaries-and-administrative-assistants"),
        (
            "jobs",
            "secretaries-and-administrative-assistants",
            "health-information-technologists-and-medical-registrars",
        ),
        ("change", "registered-nurses", "secretaries-and-administrative-assistants"),
        (
            "openings",
            "secretaries-and-administrative-assistants",
            "health-information-technologists-and-medical-registrars",
        ),
    ],
)
def test_sorts_largest_first_missing_last(invoke: Invoke, key: str, first: str, last_known: str) -> None:
    found = ids(invoke, "--sort", key)
    assert found[0] == first
    assert found[-1] == "military-careers"  # no figures at all: always last
    reverse = ids(invoke, "--sort", key, "--reverse")
    assert reverse[0] == last_known and reverse[-1] == "military-careers"


def test_title_sort_and_reverse(invoke: Invoke) -> None:
    found = ids(invoke)
    assert found[0] == "actors" and found[-1] == "special-effects-artists-and-animators"
    assert ids(invoke, "--reverse") == found[::-1]


def test_limit_and_footer(invoke: Invoke) -> None:
    result = invoke("list", "--sort", "pay", "--limit", "2")
    assert result.stdout.endswith("2 of 10 occupations shown; sorted by pay\n")
    assert ids(invoke, "--limit", "3") == ids(invoke)[:3]


def test_no_match_is_a_message_and_exit_0(invoke: Invoke) -> None:
    result = invoke("list", "--outlook", "little-change")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "ooh: no occupations match these filters\n"
    empty_json = invoke("list", "--outlook", "little-change", "-f", "json")
    assert empty_json.exit_code == 0 and json.loads(empty_json.stdout) == []


def test_csv_fields_and_nulls(invoke: Invoke) -> None:
    out = invoke("list", "--format", "csv").stdout
    reader = csv.DictReader(io.StringIO(out))
    assert reader.fieldnames == [
        "id",
        "title",
        "group",
        "soc_codes",
        "median_pay",
        "median_hourly",
        "pay_year",
        "education",
        "experience",
        "training",
        "jobs",
        "jobs_year",
        "growth_percent",
        "outlook",
        "change",
        "annual_openings",
        "period",
    ]
    rows = {row["id"]: row for row in reader}
    assert rows["military-careers"]["median_pay"] == ""
    assert rows["information-clerks"]["change"] == "-30000"
    assert rows["information-clerks"]["soc_codes"] == "43-4061, 43-4081"


def test_json_numbers_and_nulls(invoke: Invoke) -> None:
    rows = {r["id"]: r for r in json.loads(invoke("list", "-f", "json").stdout)}
    assert rows["actors"]["median_pay"] is None and rows["actors"]["median_hourly"] == 25.0
    assert rows["registered-nurses"]["jobs"] == 3000000


def test_markdown(invoke: Invoke) -> None:
    out = invoke("list", "--outlook", "faster", "-f", "markdown").stdout
    assert out == (
        "| Occupation | Median pay 2024 | Outlook 2024-34 | Jobs 2024 | Entry-level education |\n"
        "|---|---|---|---|---|\n"
        "| Registered Nurses | $90,000 | +5% faster | 3,000,000 | Bachelor's degree |\n"
        "| Respiratory Therapists | $80,000 | +6% faster | 130,000 | Associate's degree |\n"
        "\n"
        "2 occupations; outlook: Faster than average\n"
    )


def test_row_year_shown_when_it_differs(invoke: Invoke) -> None:
    out = invoke("list", "--education", "hs").stdout
    assert "$45,000 (2023)" in out


def test_narrow_terminal_drops_columns_not_readability(invoke: Invoke) -> None:
    out = invoke("list", env={"COLUMNS": "60"}).stdout
    assert all(len(line) <= 60 for line in out.splitlines())
    assert "Medical Records" in out and "Outlook" in out  # the key columns survive
    assert "$120,000" in out


def test_soc_codes_are_a_list_in_json_and_joined_in_csv(invoke: Invoke) -> None:
    rows = json.loads(invoke("list", "-f", "json").stdout)
    assert all(isinstance(row["soc_codes"], list) for row in rows)
    shown = json.loads(invoke("show", "registered-nurses", "-f", "json").stdout)
    listed = next(row for row in rows if row["id"] == "registered-nurses")
    assert listed["soc_codes"] == shown["soc_codes"] == ["29-1141"]
    csv_rows = list(csv.DictReader(io.StringIO(invoke("list", "-f", "csv").stdout)))
    several = next(row for row in csv_rows if row["soc_codes"].count(",") >= 1)
    assert ", " in several["soc_codes"] and "[" not in several["soc_codes"]

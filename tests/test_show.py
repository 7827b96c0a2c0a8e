"""`ooh show`: every section, every format, and how names resolve."""

from __future__ import annotations

import json

import pytest
import yaml

from ooh_cli.output.profile import SECTIONS
from tests.conftest import Invoke

MRT = "medical-records-and-health-information-technicians"


def test_show_prints_quick_facts_with_years(invoke: Invoke) -> None:
    result = invoke("show", "medical-records-technician")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("Medical Records Specialists\nHealthcare | SOC 29-2072 | id " + MRT)
    assert "Formerly: Medical Records and Health Information Technicians" in out
    assert "Median pay, 2024" in out and "$50,000 per year, $24.04 per hour" in out
    assert "Number of jobs, 2024" in out and "190,000" in out
    assert "Job outlook, 2024-34" in out and "+7% (Much faster than average)" in out
    assert "Employment change, 2024-34" in out and "+13,000" in out
    assert "Openings each year, on average, 2024-34" in out and "14,000" in out
    assert result.stderr == ""


def test_show_has_every_section_in_order(invoke: Invoke) -> None:
    out = invoke("show", MRT).stdout
    titles = [
        "Quick facts",
        "What they do",
        "Work environment",
        "How to become one",
        "Pay",
        "Job outlook",
        "Similar occupations",
        "Related programs of study",
        "More information",
        "Earlier editions",
        "Source",
    ]
    positions = [out.index(f"\n{title.upper()}\n") for title in titles]
    assert positions == sorted(positions)


def test_show_sections_carry_the_details(invoke: Invoke) -> None:
    out = invoke("show", MRT).stdout
    for text in (
        "Check patient charts for accuracy and completeness",
        "Contact with patients or the public  Little or none",
        "Largest employers, 2024",
        "Hospitals",
        "30%",
        "Medical terminology",
        "Registered Health Information Technician",
        "Detail oriented",
        "Lowest 10 percent earned less than, 2024   $35,000",
        "Median annual wage, all occupations, 2024  $50,000",
        "Projected number of jobs, 2034            203,000",
        "Coding skills stay in demand.",
        "Registered Nurses",
        "Health Information/Medical Records Technology/Technician",
        "American Health Information Management Association",
        "https://www.ahima.org",
        "2008-09 edition",
        "Median annual earnings, 2006",
        "$28,030",
        "about 170,000",
        "Outlook for health care careers",
        "2025-08-28",
    ):
        assert text in out, text


def test_missing_figures_read_not_available(invoke: Invoke) -> None:
    out = invoke("show", "military-careers").stdout
    pay = out[out.index("\nPAY\n") : out.index("\nJOB OUTLOOK\n")]
    assert "Lowest 10 percent earned less than         not available" in pay
    assert pay.count("not available") == 2 and "not available" not in out[: out.index("\nPAY\n")]
    assert "$0" not in out and " 0%" not in out


def test_hourly_only_pay(invoke: Invoke) -> None:
    out = invoke("show", "actors", "--section", "summary").stdout
    assert "$25.00 per hour" in out
    assert "per year" not in out


@pytest.mark.parametrize(
    "name",
    [
        "medical-records-technician",
        "health-information-technician",
        "Medical Records Specialists",
        "medical records specialist",
        "MEDICAL-RECORDS-SPECIALIST",
        "Medical Records and Health Information Technicians",
        "29-2072",
        "292072",
        "29-2072.00",
        "Medical Coder",
        "medical coders",
        MRT,
    ],
)
def test_every_kind_of_name_resolves(invoke: Invoke, name: str) -> None:
    result = invoke("show", name, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["id"] == MRT


def test_plural_and_singular_and_case(invoke: Invoke) -> None:
    for name in ("Registered Nurse", "registered-nurse", "registered nurses", "RN"):
        assert json.loads(invoke("show", name, "-f", "json").stdout)["id"] == "registered-nurses"


def test_close_typo_resolves_with_a_note(invoke: Invoke) -> None:
    result = invoke("show", "registerd nurses", "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["id"] == "registered-nurses"
    assert result.stderr == 'ooh: showing Registered Nurses for "registerd nurses"\n'


def test_a_name_people_mean_is_found_by_the_search_ranking(invoke: Invoke) -> None:
    result = invoke("show", "medical recrods", "-f", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["id"] == MRT
    assert result.stderr == 'ooh: showing Medical Records Specialists for "medical recrods"\n'


def test_unknown_occupation_suggests_the_closest(invoke: Invoke) -> None:
    # No profile has every word: not a guess, but the closest by the ranking of `ooh search`.
    result = invoke("show", "medical-assistants-nope")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("ooh: no occupation matches 'medical-assistants-nope'; closest: ")
    assert result.stderr.count("\n") == 1


def test_ambiguous_name_lists_candidates(invoke: Invoke) -> None:
    result = invoke("show", "teacher", data=None, env={"COLUMNS": "80"})
    assert result.exit_code == 1 and result.stdout == ""
    first, *candidates = result.stderr.splitlines()
    assert (
        first
        == "ooh: 'teacher' could mean several occupations (the first 8 of 9; `ooh search teacher` lists them all):"
    )
    assert len(candidates) == 8
    # Best first: of the profiles O*NET calls "Teacher", the one employing most people.
    assert candidates[0].split()[0] == "kindergarten-and-elementary-school-teachers"
    # Fitted to the terminal (80 columns in tests): a long title is cut, the id never.
    assert all(len(line) <= 80 for line in candidates)
    assert candidates[0].endswith("...")


def test_json_is_the_record_in_data_file_names(invoke: Invoke) -> None:
    data = json.loads(invoke("show", MRT, "-f", "json").stdout)
    assert data["pay"] == {
        "year": 2024,
        "median_annual": 50000,
        "median_hourly": 24.04,
        "percentile_10": 35000,
        "percentile_90": 80000,
        "top_coded": False,
        "percentile_10_hourly": None,
        "percentile_90_hourly": None,
        "occupations": [],
        "industries": [],
        "summary": None,
    }
    assert data["outlook"]["category"] == "much-faster"
    assert data["history"][0]["pay"]["median_annual"] == 28030
    military = json.loads(invoke("show", "military-careers", "-f", "json").stdout)
    assert military["pay"]["median_annual"] is None


def test_yaml_output_round_trips(invoke: Invoke) -> None:
    out = invoke("show", MRT, "--format", "yaml").stdout
    assert yaml.safe_load(out)["employment"]["jobs"] == 190000


def test_section_option_prints_one_section(invoke: Invoke) -> None:
    out = invoke("show", MRT, "--section", "pay").stdout
    assert "\nPAY\n" in out
    assert "QUICK FACTS" not in out and "JOB OUTLOOK" not in out
    data = json.loads(invoke("show", MRT, "-s", "outlook", "-f", "json").stdout)
    assert data["outlook"]["annual_openings"] == 14000 and data["employment"]["year"] == 2024


@pytest.mark.parametrize("section", SECTIONS.slugs())
def test_every_section_in_every_format(invoke: Invoke, section: str) -> None:
    for fmt in ("table", "json", "yaml", "markdown"):
        result = invoke("show", MRT, "--section", section, "--format", fmt)
        assert result.exit_code == 0, (section, fmt, result.stderr)
        assert result.stdout.strip()


def test_markdown_profile(invoke: Invoke) -> None:
    out = invoke("show", MRT, "-f", "markdown").stdout
    assert out.startswith("# Medical Records Specialists\n")
    assert "## Pay\n" in out
    assert "- **Median pay, 2024:** $50,000 per year, $24.04 per hour" in out
    assert "| Hospitals | 30% |" in out


def test_similar_occupation_missing_from_the_file_is_named(invoke: Invoke, write_data) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import SAMPLE

    text = SAMPLE.read_text().replace(
        "similar: [medical-records-and-health-information-technicians]\n- id: information",
        "similar: [no-such-job]\n- id: information",
    )
    path = write_data(text)
    result = invoke("show", "health-information-technologists-and-medical-registrars", "-s", "similar", data=path)
    assert result.exit_code == 0
    assert "no-such-job" in result.stdout and "not in this data file" in result.stdout
    assert "warning" in result.stderr and "no-such-job" in result.stderr

"""What the pages give beyond the whole profile's figures, as users see it: the pay of each detailed occupation,
broad SOC codes as names, the "More information" section, and quick facts that say where they come from."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from ooh_cli.core.yamlio import dump_yaml, parse_file
from ooh_cli.importer.onet_combine import import_onet
from tests.conftest import SAMPLE, Invoke
from tests.onet_fixture import write_database

SECRETARIES = "secretaries-and-administrative-assistants"
# Invented figures, as in the sample file.
PARTS = [
    {"name": "executive secretaries", "year": 2024, "median_annual": 70000, "percentile_10": 45000,
     "percentile_90": 110000},
    {"name": "legal secretaries", "year": 2024, "median_annual": 52000, "percentile_10": 35000,
     "percentile_90": 80000},
]  # fmt: skip
MEANS = [
    {"name": "Chief Nurses", "year": 2024, "mean_annual": 250000},
    {"name": "Charge Nurses", "year": 2024, "mean_annual": 120500},
]
PROJECTIONS = [
    {"title": "Secretaries and administrative assistants", "soc_code": "43-6010", "jobs": 3400000},
    {"title": "Executive secretaries", "soc_code": "43-6011", "jobs": 400000},
]


def edited_sample(folder: Path) -> Path:
    """The sample data with pay by occupation (percentiles for the secretaries' parts, means for nurses), a
    broad code in the secretaries' projections table, and a job zone beside experience that looks at odds."""
    document = parse_file(SAMPLE)
    records = {record["id"]: record for record in document["occupations"]}
    document["occupations"] = list(records.values())
    records[SECRETARIES]["pay"]["occupations"] = PARTS
    records[SECRETARIES]["outlook"]["projections"] = PROJECTIONS
    records["registered-nurses"]["pay"]["occupations"] = MEANS
    target = folder / "occupations.yaml"
    target.write_text(dump_yaml(document), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return edited_sample(tmp_path_factory.mktemp("figures"))


@pytest.fixture(scope="module")
def with_onet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("onet")
    target = folder / "occupations.yaml"
    shutil.copy(SAMPLE, target)
    import_onet(write_database(folder / "onet"), target)
    return target


def lines_with(text: str, *words: str) -> list[str]:
    return [line for line in text.splitlines() if all(word in line for word in words)]


# --- pay by occupation ---------------------------------------------------------------------------------------


def test_each_parts_percentiles_replace_not_available(invoke: Invoke, data: Path) -> None:
    result = invoke("show", SECRETARIES, "--section", "pay", data=data)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Pay by occupation, 2024" in out
    assert lines_with(out, "Executive secretaries", "$70,000", "$45,000", "$110,000")
    assert lines_with(out, "Legal secretaries", "$52,000", "$35,000", "$80,000")
    assert "less than" in out and "more than" in out
    # The whole profile has no percentiles: the table gives them, not a "not available" row.
    assert "Lowest 10 percent" not in out and "not available" not in out


def test_a_table_of_means_says_they_are_means(invoke: Invoke, data: Path) -> None:
    out = invoke("show", "registered-nurses", "--section", "pay", data=data).stdout
    assert lines_with(out, "Chief Nurses", "$250,000") and lines_with(out, "Charge Nurses", "$120,500")
    assert "Mean pay" in out and "Median pay" not in out
    assert "BLS publishes no median for these occupations" in out
    # The profile's own percentiles stay where it has none and no part has any.
    assert lines_with(out, "Lowest 10 percent earned less than, 2024", "not available")


def test_the_whole_profile_shows_the_table_too(invoke: Invoke, data: Path) -> None:
    out = invoke("show", SECRETARIES, data=data).stdout
    pay = out[out.index("\nPAY\n") : out.index("\nJOB OUTLOOK\n")]
    assert lines_with(pay, "Legal secretaries", "$52,000")


def test_json_yaml_and_markdown_carry_pay_by_occupation(invoke: Invoke, data: Path) -> None:
    record = json.loads(invoke("show", SECRETARIES, "--format", "json", data=data).stdout)
    first = record["pay"]["occupations"][0]
    assert first["name"] == "executive secretaries" and first["year"] == 2024
    assert (first["percentile_10"], first["percentile_90"], first["mean_annual"]) == (45000, 110000, None)
    section = yaml.safe_load(invoke("show", SECRETARIES, "--section", "pay", "--format", "yaml", data=data).stdout)
    assert section["occupations"][1]["median_annual"] == 52000
    markdown = invoke("show", SECRETARIES, "--section", "pay", "--format", "markdown", data=data).stdout
    assert "**Pay by occupation, 2024**" in markdown
    assert "| Legal secretaries | $52,000 | $35,000 | $80,000 |" in markdown


# --- broad codes as names ------------------------------------------------------------------------------------


def test_a_broad_code_of_the_projections_table_finds_its_profile(invoke: Invoke, data: Path) -> None:
    result = invoke("show", "43-6010", "--section", "summary", data=data)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Secretaries and Administrative Assistants\n")
    assert result.stderr == ""  # a name of its own, not a guess of the search


def test_a_broad_code_no_profile_lists_is_not_found(invoke: Invoke, data: Path) -> None:
    result = invoke("show", "43-6090", data=data)
    assert result.exit_code == 1 and result.stdout == ""


# --- labels --------------------------------------------------------------------------------------------------


def test_more_information_is_the_sections_title(invoke: Invoke) -> None:
    out = invoke("show", "medical-records-technician").stdout
    assert "\nMORE INFORMATION\n" in out and "PROFESSIONAL ASSOCIATIONS" not in out
    for name in ("more-information", "associations"):
        one = invoke("show", "medical-records-technician", "--section", name)
        assert one.exit_code == 0 and one.stdout.count("MORE INFORMATION") == 1


def test_military_quick_facts_say_why_they_do_not_apply(invoke: Invoke) -> None:
    out = invoke("show", "military-careers", "--section", "summary").stdout
    facts = out[out.index("QUICK FACTS") :]
    assert "not available" not in facts
    assert lines_with(facts, "Median pay", "rank and years of service")
    assert lines_with(facts, "Jobs and outlook", "not projected") and "civilian jobs" in facts
    assert lines_with(facts, "Entry requirements", "each branch")


def test_experience_none_beside_a_high_job_zone_says_where_each_comes_from(invoke: Invoke, with_onet: Path) -> None:
    document: dict[str, Any] = parse_file(with_onet)
    document["occupations"] = list(document["occupations"])
    artists = next(r for r in document["occupations"] if r["id"] == "special-effects-artists-and-animators")
    artists["how_to_become"]["experience"] = "none"  # beside the fixture's job zone 4
    with_onet.write_text(dump_yaml(document), encoding="utf-8")
    out = invoke("show", "special-effects-artists-and-animators", "--section", "summary", data=with_onet).stdout
    assert "Job zone (O*NET 29.3)" in out and "4 of 5" in out
    assert "BLS's typical requirements to enter the occupation" in " ".join(out.split())
    assert "O*NET's rating of all the preparation the work takes" in " ".join(out.split())
    # Job zone 3 speaks of no years of experience: nothing to explain.
    nurses = invoke("show", "registered-nurses", "--section", "summary", data=with_onet).stdout
    assert "3 of 5" in nurses and "BLS's typical requirements" not in nurses

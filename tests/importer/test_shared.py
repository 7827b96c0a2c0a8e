"""Import the real 2024-34 files from ../shared/bls/2024-34 (next to the repository); skipped when absent.

Figures below were checked by hand against the saved pages.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from ooh_cli.core.validate import Level, read_document
from ooh_cli.core.yamlio import dump_yaml
from ooh_cli.importer import ImportReport, build_document
from ooh_cli.importer.merge import merge_record

pytestmark = pytest.mark.shared

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "bls" / "2024-34"


@pytest.fixture(scope="module")
def imported() -> tuple[dict[str, Any], ImportReport]:
    if not (SHARED / "pages").is_dir():
        pytest.skip(f"the official files are not in {SHARED}")
    return build_document(SHARED / "pages", SHARED / "occupation.xlsx", SHARED / "a-z-index.html")


@pytest.fixture(scope="module")
def by_id(imported: tuple[dict[str, Any], ImportReport]) -> dict[str, dict[str, Any]]:
    return {record["id"]: record for record in imported[0]["occupations"]}


def test_every_profile_and_group(imported: tuple[dict[str, Any], ImportReport]) -> None:
    document, report = imported
    assert len(document["occupations"]) == 342
    assert len(report.added) == 342
    groups = document["meta"]["groups"]
    assert len(groups) == 25
    assert {"slug": "healthcare", "name": "Healthcare"} in groups
    assert {"slug": "education-training-and-library", "name": "Education, Training, and Library"} in groups
    meta = document["meta"]
    assert (meta["edition"], meta["base_year"], meta["average_growth_percent"], meta["median_pay_all"]) == (
        "2024-34",
        2024,
        3,
        49500,
    )
    # Single-occupation pages agree with their workbook rows (growth rounding aside), and every page's codes with
    # the line items the workbook links to it.
    assert report.disagreements == []
    assert report.warnings == ["military-careers: no Quick Facts table; its figures are left empty"]


def test_medical_records_specialists(by_id: dict[str, dict[str, Any]]) -> None:
    record = by_id["medical-records-and-health-information-technicians"]
    assert record["title"] == "Medical Records Specialists"
    assert record["group"] == "healthcare"
    assert record["soc_codes"] == ["29-2072"]
    assert record["pay"] == {
        "year": 2024,
        "median_annual": 50250,
        "median_hourly": 24.16,
        "percentile_10": 35780,
        "percentile_90": 80950,
        "industries": [
            {"name": "Management of companies and enterprises", "median_annual": 60750},
            {"name": "Hospitals; state, local, and private", "median_annual": 56520},
            {"name": "Professional, scientific, and technical services", "median_annual": 49970},
            {"name": "Administrative and support services", "median_annual": 49590},
            {"name": "Offices of physicians", "median_annual": 45620},
        ],
    }
    assert record["how_to_become"]["education"] == "postsecondary-nondegree"
    assert record["how_to_become"]["qualities"] == [
        "Analytical skills",
        "Detail oriented",
        "Integrity",
        "Interpersonal skills",
    ]
    assert record["employment"] == {"year": 2024, "jobs": 194800, "projected_year": 2034, "projected_jobs": 208600}
    assert record["outlook"] == {
        "period": "2024-34",
        "growth_percent": 7,
        "category": "much-faster",
        "change": 13800,
        "annual_openings": 14200,
        "projections": [
            {
                "title": "Medical records specialists",
                "soc_code": "29-2072",
                "jobs": 194800,
                "projected_jobs": 208600,
                "change_percent": 7,
                "change": 13800,
            }
        ],
    }
    assert record["work_environment"]["employers"][0] == {"name": "Hospitals; state, local, and private", "percent": 28}
    assert record["source"]["last_modified"] == "2025-08-28"
    assert "Health Information Coder" in record["aliases"]


def test_other_profiles(by_id: dict[str, dict[str, Any]]) -> None:
    physicians = by_id["physicians-and-surgeons"]
    pay = {key: value for key, value in physicians["pay"].items() if key != "occupations"}
    assert pay == {"year": 2024, "median_annual": 239200, "median_hourly": 115.0, "top_coded": True}
    # BLS gives means by specialty where it publishes no medians.
    assert physicians["pay"]["occupations"][0] == {"name": "Pediatric Surgeons", "year": 2024, "mean_annual": 450810}
    assert (physicians["employment"]["jobs"], physicians["outlook"]["annual_openings"]) == (839000, 23600)
    assert "29-1211" in physicians["soc_codes"]
    actors = by_id["actors"]  # hourly pay only, and 0% growth (a figure, not a gap)
    assert {key: actors["pay"][key] for key in ("year", "median_hourly")} == {"year": 2024, "median_hourly": 23.33}
    assert not {"median_annual", "percentile_10", "percentile_90"} & set(actors["pay"])
    assert (actors["outlook"]["growth_percent"], actors["outlook"]["category"]) == (0, "little-change")
    dispatchers = by_id["police-fire-and-ambulance-dispatchers"]
    assert dispatchers["title"] == "Public Safety Telecommunicators"
    assert "911 Dispatcher" in dispatchers["aliases"]
    assert (dispatchers["employment"]["jobs"], dispatchers["outlook"]["change"]) == (105200, 3600)
    assert dispatchers["soc_codes"] == ["43-5031"]
    assert "Airline transport pilot certificate" in by_id["airline-and-commercial-pilots"]["how_to_become"]["licenses"]


def test_military_careers_has_no_figures(by_id: dict[str, dict[str, Any]]) -> None:
    record = by_id["military-careers"]
    assert (record["title"], record["group"]) == ("Military Careers", "military")
    assert not {"pay", "employment", "outlook", "soc_codes"} & set(record)
    assert not {"education", "experience", "training"} & set(record["how_to_become"])


def test_references_resolve(by_id: dict[str, dict[str, Any]]) -> None:
    for record in by_id.values():
        assert set(record.get("similar", [])) <= set(by_id), record["id"]


def test_output_validates_and_round_trips(imported: tuple[dict[str, Any], ImportReport]) -> None:
    document = imported[0]
    text = dump_yaml(document)
    assert text is not None
    loaded = yaml.safe_load(text)
    dataset, problems = read_document(loaded)
    assert dataset is not None
    assert [p for p in problems if p.level is not Level.NOTE] == []
    assert dump_yaml(loaded) == text
    # Merging the sources into their own output changes nothing: the second import writes the same bytes.
    fresh = {record["id"]: record for record in document["occupations"]}
    assert all(merge_record(fresh[record["id"]], record) == record for record in loaded["occupations"])


# --- the Pay tab --------------------------------------------------------------------------------------------

HOURLY_ONLY = {
    *("actors", "bartenders", "cashiers", "childcare-workers", "cooks", "customer-service-representatives"),
    *("food-and-beverage-serving-and-related-workers", "food-preparation-workers", "general-office-clerks"),
    *("grounds-maintenance-workers", "janitors-and-building-cleaners", "manicurists-and-pedicurists", "models"),
    *("musicians-and-singers", "photographers", "receptionists", "skincare-specialists", "waiters-and-waitresses"),
}


def test_bartenders_are_paid_by_the_hour(by_id: dict[str, dict[str, Any]]) -> None:
    # "The median hourly wage for bartenders was $16.12 in May 2024. ... The lowest 10 percent earned less than
    # $9.58, and the highest 10 percent earned more than $34.58." Quick Facts give $33,530 a year too.
    pay = by_id["bartenders"]["pay"]
    assert pay == {
        "year": 2024,
        "median_annual": 33530,
        "median_hourly": 16.12,
        "percentile_10_hourly": 9.58,
        "percentile_90_hourly": 34.58,
        "industries": [
            {"name": "Traveler accommodation", "median_hourly": 17.18},
            {"name": "Full-service restaurants", "median_hourly": 16.87},
            {"name": "Drinking places (alcoholic beverages)", "median_hourly": 15.0},
            {"name": "Amusement, gambling, and recreation industries", "median_hourly": 14.77},
            {"name": "Civic and social organizations", "median_hourly": 13.18},
        ],
    }
    actors = by_id["actors"]["pay"]
    assert (actors["percentile_10_hourly"], actors["percentile_90_hourly"]) == (14.0, 97.19)
    assert actors["industries"][0] == {
        "name": "Accounting, tax preparation, bookkeeping, and payroll services",
        "median_hourly": 30.1,
    }


def test_hourly_percentiles_are_never_annual(by_id: dict[str, dict[str, Any]]) -> None:
    hourly = {key for key, record in by_id.items() if "percentile_10_hourly" in record.get("pay", {})}
    assert hourly == HOURLY_ONLY
    for record in by_id.values():
        pay = record.get("pay", {})
        assert not ({"percentile_10", "percentile_10_hourly"} <= set(pay)), record["id"]
        # Annual figures are whole dollars, hourly ones have cents.
        assert all(isinstance(pay[key], int) for key in ("percentile_10", "percentile_90") if key in pay)
        assert all(
            isinstance(pay[key], float) for key in ("percentile_10_hourly", "percentile_90_hourly") if key in pay
        )
        for industry in pay.get("industries", []):
            assert ("median_annual" in industry) != ("median_hourly" in industry), record["id"]
            if "part" not in industry:  # a part's table may be hourly where the profile's figures are annual
                assert ("median_hourly" in industry) == (record["id"] in HOURLY_ONLY), record["id"]


def test_industries_are_the_profiles_own(by_id: dict[str, dict[str, Any]]) -> None:
    nurses = by_id["registered-nurses"]["pay"]
    assert nurses["industries"][0] == {
        "name": "Government, excluding state and local education and hospitals",
        "median_annual": 106480,
    }
    assert nurses["industries"][-1] == {
        "name": "Educational services; state, local, and private",
        "median_annual": 74360,
    }
    # A profile covering several occupations gives a table for each: each wage says whose it is, and one
    # published only as "$239,200 or more" is kept as that, marked top-coded.
    executives = by_id["top-executives"]["pay"]["industries"]
    assert executives[0] == {
        "name": "Management of companies and enterprises",
        "median_annual": 239200,
        "part": "chief executives",
        "top_coded": True,
    }
    assert {wage["part"] for wage in executives} == {"chief executives", "general and operations managers"}
    assert sum("industries" in record.get("pay", {}) for record in by_id.values()) == 338


def test_fishers_wages_were_last_published_for_2017(by_id: dict[str, dict[str, Any]]) -> None:
    # Quick Facts leave the 2024 median pay empty; the Pay tab: "The median annual wage for fishing and hunting
    # workers was $28,530 in May 2017. ... less than $18,710, ... more than $48,170."
    fishers = by_id["fishers-and-related-fishing-workers"]
    assert fishers["pay"] == {"year": 2017, "median_annual": 28530, "percentile_10": 18710, "percentile_90": 48170}
    assert fishers["employment"]["year"] == 2024
    assert (fishers["outlook"]["growth_percent"], fishers["outlook"]["change"]) == (-5, -1000)


# --- the Job Outlook tab ------------------------------------------------------------------------------------


def test_projections_tables(by_id: dict[str, dict[str, Any]]) -> None:
    top = by_id["top-executives"]
    assert top["outlook"]["projections"] == [
        {"title": "Top executives", "jobs": 4022200, "projected_jobs": 4199500, "change_percent": 4, "change": 177300},
        {
            "title": "Chief executives",
            "soc_code": "11-1011",
            "jobs": 309400,
            "projected_jobs": 322700,
            "change_percent": 4,
            "change": 13300,
        },
        {
            "title": "General and operations managers",
            "soc_code": "11-1021",
            "jobs": 3712900,
            "projected_jobs": 3876800,
            "change_percent": 4,
            "change": 164000,
        },
    ]
    assert top["soc_codes"] == ["11-1011", "11-1021"]
    nurses = by_id["registered-nurses"]
    assert nurses["outlook"]["projections"] == [
        {
            "title": "Registered nurses",
            "soc_code": "29-1141",
            "jobs": 3391000,
            "projected_jobs": 3557100,
            "change_percent": 5,
            "change": 166100,
        }
    ]
    assert nurses["soc_codes"] == ["29-1141"]
    # Every profile but military-careers has a table; its first row is the profile's Quick Facts.
    for record in by_id.values():
        if record["id"] == "military-careers":
            continue
        first = record["outlook"]["projections"][0]
        assert (first["jobs"], first["change"]) == (record["employment"]["jobs"], record["outlook"]["change"])


# Profiles that listed codes of two levels: a group and its members, or codes the table no longer uses.
ONE_LEVEL = {
    "assemblers-and-fabricators": [
        "51-2011",
        "51-2021",
        "51-2028",
        "51-2031",
        "51-2041",
        "51-2051",
        "51-2061",
        "51-2090",
    ],
    "appraisers-and-assessors-of-real-estate": ["13-2020"],
    "clinical-laboratory-technologists-and-technicians": ["29-2010"],
    "home-health-aides-and-personal-care-aides": ["31-1120"],
    "purchasing-managers-buyers-and-purchasing-agents": ["11-3061", "13-1020"],
    "special-education-teachers": ["25-2051", "25-2052", "25-2057", "25-2058", "25-2059"],
    "substance-abuse-behavioral-disorder-and-mental-health-counselors": ["21-1018"],
    "teacher-assistants": ["25-9045"],
    "tour-and-travel-guides": ["39-7010"],
    "social-workers": ["21-1021", "21-1022", "21-1023", "21-1029"],
}


def test_soc_codes_are_one_level(by_id: dict[str, dict[str, Any]]) -> None:
    for profile_id, codes in ONE_LEVEL.items():
        assert by_id[profile_id]["soc_codes"] == codes, profile_id
    physicians = by_id["physicians-and-surgeons"]["soc_codes"]
    assert len(physicians) == 17
    assert not {"29-1210", "29-1240"} & set(physicians)  # physicians; surgeons: groups of the others
    for record in by_id.values():
        codes = record.get("soc_codes", [])
        listed = {line.get("soc_code") for line in record.get("outlook", {}).get("projections", [])}
        assert set(codes) <= listed, record["id"]
        # No group next to its members ("21-1020" with "21-1021").
        assert not any(c.endswith("0") and other != c and other[:6] == c[:6] for c in codes for other in codes)


# --- Quick Facts and links ----------------------------------------------------------------------------------


def test_see_how_to_become_one_is_varies(by_id: dict[str, dict[str, Any]]) -> None:
    assert by_id["agricultural-workers"]["how_to_become"]["education"] == "varies"
    assert by_id["agricultural-workers"]["how_to_become"]["training"] == "varies"
    social = by_id["social-workers"]["how_to_become"]
    assert (social["education"], social["experience"], social["training"]) == ("varies", "none", "varies")
    counts = {
        key: sum(record["how_to_become"].get(key) == "varies" for record in by_id.values())
        for key in ("education", "experience", "training")
    }
    assert counts == {"education": 36, "experience": 22, "training": 36}


def test_similar_occupations_are_not_taken_from_duties(by_id: dict[str, dict[str, Any]]) -> None:
    # Their duties mention veterinarians or lawyers, which the Handbook does not list as similar.
    for profile_id in ("agricultural-workers", "dental-assistants", "nursing-assistants", "phlebotomists"):
        assert "veterinarians" not in by_id[profile_id]["similar"], profile_id
    for profile_id in ("private-detectives-and-investigators", "secretaries-and-administrative-assistants"):
        assert "lawyers" not in by_id[profile_id]["similar"], profile_id
    assert by_id["phlebotomists"]["similar"][-1] == "veterinary-technologists-and-technicians"


def test_fire_inspectors_have_both_employer_tables(by_id: dict[str, dict[str, Any]]) -> None:
    record = by_id["fire-inspectors-and-investigators"]
    assert record["title"] == "Fire Inspectors"
    employers = record["work_environment"]["employers"]
    assert employers[0] == {
        "name": "Local government, excluding education and hospitals",
        "percent": 77,
        "part": "fire inspectors and investigators",
    }
    assert employers[-2:] == [
        {
            "name": "Local government, excluding education and hospitals",
            "percent": 39,
            "part": "forest fire inspectors and prevention specialists",
        },
        {
            "name": "State government, excluding education and hospitals",
            "percent": 37,
            "part": "forest fire inspectors and prevention specialists",
        },
    ]
    assert record["soc_codes"] == ["33-2021", "33-2022"]
    # The 52 profiles with a table per part, fire inspectors among them: every employer is marked with its part.
    several = [
        r for r in by_id.values() if any("part" in e for e in r.get("work_environment", {}).get("employers", []))
    ]
    assert len(several) == 52
    assert all("part" in e for r in several for e in r["work_environment"]["employers"])

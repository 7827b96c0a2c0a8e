"""What users see on the bundled 2024-34 data file (data/occupations.yaml), not on the small sample.

Every expected value here is hard-coded (read by hand from the seed profile in ../shared/seed and from the BLS
pages in ../shared/bls/2024-34), so these tests run in a fresh clone without ../shared.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Invoke

MRT = "medical-records-and-health-information-technicians"
NURSES = (
    "registered-nurses",
    "licensed-practical-and-licensed-vocational-nurses",
    "nurse-anesthetists-nurse-midwives-and-nurse-practitioners",
)
# Every list in full: more rows than there are profiles.
ALL = "1000"
# Box drawing and table rules, whichever style the renderer uses off a terminal.
FRAME = re.compile(r"[│╭╮╰╯─┃━]|-{3,}")


@pytest.fixture(scope="module")
def bundled_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("bundled-cache")


@pytest.fixture(autouse=True)
def share_the_cache(isolated_env: None, bundled_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One cache for the module: building the catalog of 342 profiles takes most of a second, a cache hit not.

    Cache behaviour itself is tested in test_cache.py.
    """
    monkeypatch.setenv("OOH_CACHE_DIR", str(bundled_cache))


def flat(text: str) -> str:
    """Output as one line of single-spaced words, so a phrase matches however panels and tables wrap it."""
    return " ".join(FRAME.sub(" ", text).split())


def ok(invoke: Invoke, *args: str) -> str:
    """Run `ooh ARGS` on the bundled data; it must succeed quietly. Returns stdout."""
    result = invoke(*args, data=None)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def rows(invoke: Invoke, *args: str) -> list[dict[str, Any]]:
    data = json.loads(ok(invoke, *args, "--format", "json"))
    assert isinstance(data, list)
    return data


def record(invoke: Invoke, name: str) -> dict[str, Any]:
    data = json.loads(ok(invoke, "show", name, "--format", "json"))
    assert isinstance(data, dict)
    return data


# --- the data file ----------------------------------------------------------------------------------------


def test_shipped_data_validates(invoke: Invoke) -> None:
    result = invoke("data", "validate", data=None)
    assert result.exit_code == 0, result.stderr
    assert "valid, 342 profiles" in result.stderr
    assert "warning" not in (result.stdout + result.stderr).casefold()


def test_data_info_names_the_edition(invoke: Invoke) -> None:
    out = flat(ok(invoke, "data", "info"))
    for fact in ("edition 2024-34", "projection period 2024-34", "base year 2024", "profiles 342", "groups 25"):
        assert fact in out, fact


# --- the seed profile: Medical Records and Health Information Technicians, 2008-09 edition -----------------

# Each fact of the seed (../shared/seed/000_6ae68c0966516f9f.txt), as `ooh show` words it.
SEED_FACTS = {
    "former title": "Formerly: Medical Records and Health Information Technicians",
    "edition": "2008-09 edition",
    "title then": "Title then Medical Records and Health Information Technicians",
    "median pay": "Median annual earnings, 2006 $28,030",
    "jobs": "Number of jobs, 2006 about 170,000",
    "outlook": "Projected growth, 2006-16 Much faster than average",
    "cluster outlook": "Outlook for health care careers Faster than average",
    "education": "Usual entry-level education Associate's degree",
    "patient contact": "Contact with patients or the public Little or none",
    "prospects very good": "very good",
    "coding in demand": "medical coding",
    "hospitals 2 in 5": "Hospitals 40%",
    "physicians' offices": "Offices of physicians",
    "nursing care": "Nursing care facilities",
    "outpatient": "Outpatient care centers",
    "home health": "Home health care services",
    "insurance firms": "Insurance firms that deal in health matters",
    "public health": "Public health departments",
    "insurers analyze data": "tallying and analyzing health data",
    "public health research": "helping with research",
    "community colleges": "community or junior college",
    "flexible study": "part time or online",
    "what the record holds": "symptoms and history, exam and test results, x-ray and lab reports, diagnoses, treatment plans",
    "complete and accurate": "complete and correct",
    **{
        f"course {course}": f"- {course}"
        for course in (
            *("Anatomy", "Physiology", "Medical terminology", "Statistics", "Computer science"),
            *("Legal aspects of health information", "Health data standards", "Coding and abstraction of data"),
            *("Database management", "Quality improvement methods"),
        )
    },
    **{
        f"program {program}": f"- {program}"
        for program in (
            "Health Information/Medical Records Technology/Technician",
            "Medical Insurance Coding Specialist/Coder",
            "Legal Secretaries",
            "Medical Secretaries",
        )
    },
    "AAPC": "American Academy of Professional Coders",
    "AHIMA": "American Health Information Management Association",
    "NCRA": "National Cancer Registrars Association",
}


@pytest.mark.parametrize("fact", list(SEED_FACTS))
def test_seed_fact_is_in_the_table(invoke: Invoke, fact: str) -> None:
    out = flat(ok(invoke, "show", "medical-records-technician"))
    # The seed's facts belong to the 2008-09 entry, not to today's profile (which also has hospitals, courses...).
    earlier = out if fact == "former title" else out[out.index("2008-09 edition") :]
    assert SEED_FACTS[fact] in earlier


def test_seed_facts_in_json(invoke: Invoke) -> None:
    data = record(invoke, "medical-records-technician")
    assert data["former_titles"] == ["Medical Records and Health Information Technicians"]
    (seed,) = [entry for entry in data["history"] if entry["edition"] == "2008-09"]
    assert seed["title"] == "Medical Records and Health Information Technicians"
    assert (seed["pay"]["year"], seed["pay"]["median_annual"]) == (2006, 28030)
    assert (seed["employment"]["year"], seed["employment"]["jobs"]) == (2006, 170000)
    assert (seed["outlook"]["period"], seed["outlook"]["category"]) == ("2006-16", "much-faster")
    assert "very good" in seed["outlook"]["prospects"] and "medical coding" in seed["outlook"]["prospects"]
    assert seed["education"] == "associate"
    assert seed["courses"][:5] == ["Anatomy", "Physiology", "Medical terminology", "Statistics", "Computer science"]
    assert seed["public_contact"] == "little"
    employers = {employer["name"]: employer["percent"] for employer in seed["employers"]}
    assert employers == {
        "Hospitals": 40,
        "Offices of physicians": None,
        "Nursing care facilities": None,
        "Outpatient care centers": None,
        "Home health care services": None,
        "Insurance firms that deal in health matters": None,
        "Public health departments": None,
    }
    assert seed["programs"] == [
        "Health Information/Medical Records Technology/Technician",
        "Medical Insurance Coding Specialist/Coder",
        "Legal Secretaries",
        "Medical Secretaries",
    ]
    assert seed["associations"] == [
        "American Academy of Professional Coders",
        "American Health Information Management Association",
        "National Cancer Registrars Association",
    ]
    assert seed["cluster_outlook"] == {"name": "Health care careers", "category": "faster"}


# --- today's profile under its old and new names --------------------------------------------------------

NAMES = ("medical-records-technician", "health-information-technician", MRT)
# Quick facts of pages/medical-records-and-health-information-technicians.html, each with its year or period.
QUICK_FACTS = (
    "Median pay, 2024 $50,250 per year, $24.16 per hour",
    "Typical entry-level education Postsecondary nondegree award",
    "Number of jobs, 2024 194,800",
    "Job outlook, 2024-34 +7% (Much faster than average)",
    "Employment change, 2024-34 +13,800",
    "Openings each year, on average, 2024-34 14,200",
)
FIGURES = ("$50,250", "$24.16", "194,800", "+7%", "+13,800", "14,200")


def test_old_and_new_names_show_one_profile(invoke: Invoke) -> None:
    outputs = {name: ok(invoke, "show", name) for name in NAMES}
    assert len(set(outputs.values())) == 1
    records = [record(invoke, name) for name in NAMES]
    assert all(data == records[0] for data in records)
    assert (records[0]["id"], records[0]["title"]) == (MRT, "Medical Records Specialists")


def test_2024_figures_each_with_its_year(invoke: Invoke) -> None:
    out = ok(invoke, "show", "medical-records-technician")
    assert out.startswith("Medical Records Specialists\n")
    text = flat(out)
    for fact in QUICK_FACTS:
        assert fact in text, fact
    # Wherever a figure appears (quick facts, pay, job outlook), its line names its reference year.
    for figure in FIGURES:
        lines = [line for line in out.splitlines() if figure in line]
        assert lines, figure
        assert all("2024" in line for line in lines), (figure, lines)


def test_2024_figures_in_json(invoke: Invoke) -> None:
    data = record(invoke, "health-information-technician")
    assert data["pay"]["year"] == 2024
    assert (data["pay"]["median_annual"], data["pay"]["median_hourly"]) == (50250, 24.16)
    assert data["employment"]["year"] == 2024 and data["employment"]["jobs"] == 194800
    assert data["outlook"]["period"] == "2024-34"
    outlook = {key: data["outlook"][key] for key in ("growth_percent", "category", "change", "annual_openings")}
    assert outlook == {"growth_percent": 7, "category": "much-faster", "change": 13800, "annual_openings": 14200}
    assert data["how_to_become"]["education"] == "postsecondary-nondegree"


def test_todays_programs_are_cip_2020s_and_the_2008_09_list_is_history(invoke: Invoke) -> None:
    data = record(invoke, "medical-records-technician")
    assert [program["code"] for program in data["programs"]] == ["51.0706", "51.0707", "51.0713", "51.0721"]
    assert "Legal Secretaries" in data["history"][0]["programs"]
    section = json.loads(ok(invoke, "show", "medical-records-technician", "--section", "programs", "-f", "json"))
    assert section["edition"] == "CIP 2020"
    out = flat(ok(invoke, "show", "medical-records-technician", "--section", "programs"))
    assert "CIP 2020" in out and "Legal Secretaries" not in out


# --- search ------------------------------------------------------------------------------------------------


def search_ids(invoke: Invoke, query: str) -> list[str]:
    return [row["id"] for row in rows(invoke, "search", query)]


def test_search_medical_coder(invoke: Invoke) -> None:
    assert search_ids(invoke, "medical coder")[0] == MRT
    assert search_ids(invoke, "coder medical")[0] == MRT  # word order does not matter


def test_search_nurse_finds_the_nursing_profiles(invoke: Invoke) -> None:
    assert set(NURSES) <= set(search_ids(invoke, "nurse")[:4])


@pytest.mark.parametrize(
    ("code", "profile"), [("29-2072", MRT), ("29-1141", "registered-nurses"), ("472111", "electricians")]
)
def test_search_soc_code(invoke: Invoke, code: str, profile: str) -> None:
    assert search_ids(invoke, code)[0] == profile


def test_search_typo(invoke: Invoke) -> None:
    result = invoke("search", "elecrtician", "--format", "json", data=None)
    assert result.exit_code == 0
    assert json.loads(result.stdout)[0]["id"] == "electricians"
    assert result.stderr == "ooh: searching for 'electrician' instead of 'elecrtician'\n"


# --- the A-Z index: job titles users type ------------------------------------------------------------------

# Entries of ../shared/bls/2024-34/a-z-index.html ("Title, see: Profile"), some typed in another case or number.
AZ_TITLES = [
    ("911 Dispatcher", "police-fire-and-ambulance-dispatchers"),
    ("911 dispatchers", "police-fire-and-ambulance-dispatchers"),
    ("Health Information Coder", MRT),
    ("health information coders", MRT),
    ("health-information-coder", MRT),  # the id form shell completion offers
    ("Toxicologists", "medical-scientists"),
    ("FBI Investigator", "police-and-detectives"),
    ("emt-b", "emts-and-paramedics"),
    ("Justices", "judges-and-hearing-officers"),
    ("motor coach drivers", "bus-drivers"),
    ("PERIODONTIST", "dentists"),
    ("cpht", "pharmacy-technicians"),
    ("Go-Go Dancers", "dancers-and-choreographers"),
    ("quilter", "craft-and-fine-artists"),
    ("Wildland Firefighter", "firefighters"),
    ("corporate pilots", "airline-and-commercial-pilots"),
    ("Drywall Hanger", "drywall-and-ceiling-tile-installers-and-tapers"),
    ("primary care pediatricians", "physicians-and-surgeons"),
    ("Electric Golf Cart Repairer", "small-engine-mechanics"),
    ("Fan Mail Editor", "information-clerks"),
    ("speech and language specialists", "speech-language-pathologists"),
    ("Onyx-Chip Terrazzo Worker", "brickmasons-blockmasons-and-stonemasons"),
    ("chicken handlers", "agricultural-workers"),
    ("Bookie", "gaming-services-occupations"),
    ("Bookies", "gaming-services-occupations"),
]


@pytest.mark.parametrize(("title", "profile"), AZ_TITLES)
def test_az_title_resolves(invoke: Invoke, title: str, profile: str) -> None:
    assert record(invoke, title)["id"] == profile


# --- top lists, groups, list, compare, similar --------------------------------------------------------------

# The field each list ranks by, whether larger comes first, and the caption that names the list.
TOPS = {
    "growth": ("growth_percent", True, "Fastest growing occupations, 2024-34 edition"),
    "new-jobs": ("change", True, "Occupations with the most new jobs, 2024-34 edition"),
    "pay": ("median_pay", True, "Highest paying occupations, 2024-34 edition"),
    "openings": ("annual_openings", True, "Most openings each year, 2024-34 edition"),
    "decline": ("growth_percent", False, "Fastest declining occupations, 2024-34 edition"),
}


@pytest.fixture
def everything(invoke: Invoke) -> list[dict[str, Any]]:
    """Every profile as `ooh list` gives it: the reference the rankings are checked against."""
    listed = rows(invoke, "list", "--limit", ALL)
    assert len(listed) == 342
    return listed


@pytest.mark.parametrize("ranking", list(TOPS))
def test_top_list_is_sorted_by_its_figure(invoke: Invoke, everything: list[dict[str, Any]], ranking: str) -> None:
    key, largest_first, _ = TOPS[ranking]
    ranked = rows(invoke, "top", ranking, "--limit", ALL)
    figures = [row[key] for row in ranked]
    assert None not in figures
    assert figures == sorted(figures, reverse=largest_first)
    assert [row["rank"] for row in ranked] == list(range(1, len(ranked) + 1))
    # Nothing with the figure is left out (military-careers has none), and the decline list holds only declines.
    eligible = {row["id"] for row in everything if row[key] is not None}
    if ranking == "decline":
        assert all(figure < 0 for figure in figures)
        eligible = {row["id"] for row in everything if row[key] is not None and row[key] < 0}
    assert {row["id"] for row in ranked} == eligible


@pytest.mark.parametrize("ranking", list(TOPS))
def test_top_table_names_its_list(invoke: Invoke, ranking: str) -> None:
    out = ok(invoke, "top", ranking)
    assert TOPS[ranking][2] in flat(out)


def test_top_pay_marks_top_coded_pay(invoke: Invoke) -> None:
    assert rows(invoke, "top", "pay", "--limit", "1")[0]["id"] == "physicians-and-surgeons"
    assert "Physicians and Surgeons $239,200 or more" in flat(ok(invoke, "top", "pay", "--limit", "3"))


def test_groups_cover_every_profile(invoke: Invoke, everything: list[dict[str, Any]]) -> None:
    groups = rows(invoke, "groups")
    assert len(groups) == 25
    assert sum(group["profiles"] for group in groups) == 342
    assert {group["group"]: group["profiles"] for group in groups} == Counter(row["group"] for row in everything)
    jobs: Counter[str] = Counter()
    for row in everything:
        jobs[row["group"]] += row["jobs"] or 0
    military = next(group for group in groups if group["group"] == "military")
    assert military["jobs"] is None  # no figures at all: "not available", not 0
    assert {group["group"]: group["jobs"] for group in groups if group is not military} == {
        name: total for name, total in jobs.items() if name != "military"
    }
    assert "Healthcare 49 17,533,300" in flat(ok(invoke, "groups"))


def test_list_outlook_faster(invoke: Invoke, everything: list[dict[str, Any]]) -> None:
    faster = rows(invoke, "list", "--outlook", "faster", "--limit", ALL)
    assert faster and all(row["outlook"] == "faster" for row in faster)
    assert all(5 <= row["growth_percent"] <= 6 for row in faster)  # the 2024-34 thresholds
    assert len(faster) == sum(row["outlook"] == "faster" for row in everything)
    assert f"{len(faster)} occupations" in flat(ok(invoke, "list", "--outlook", "faster"))


def test_lists_show_hourly_pay_where_there_is_no_annual_figure(invoke: Invoke) -> None:
    out = flat(ok(invoke, "list", "--group", "entertainment-and-sports", "--sort", "pay"))
    assert "Actors $23.33/hour" in out
    assert "Pay marked /hour: BLS publishes only an hourly median (sorted by pay, after annual figures)." in out
    # The hourly rows come after every annual figure.
    order = rows(invoke, "list", "--group", "entertainment-and-sports", "--sort", "pay")
    annual = [row["median_pay"] is not None for row in order]
    assert annual == sorted(annual, reverse=True) and not all(annual)


def test_compare_medical_records_and_nurses(invoke: Invoke) -> None:
    out = flat(ok(invoke, "compare", "medical-records-technician", "registered-nurses"))
    for fact in (
        "Medical Records Specialists Registered Nurses",
        "Median pay, 2024 $50,250",
        "$93,600 *",  # the better pay is marked
        "Job outlook, 2024-34 +7% *",
        "Number of jobs, 2024 194,800 3,391,000 *",
        "Same for all: Group, Work experience, On-the-job training.",
    ):
        assert fact in out, fact
    compared = rows(invoke, "compare", "medical-records-technician", "registered-nurses")
    assert [(row["id"], row["median_pay"], row["growth_percent"]) for row in compared] == [
        (MRT, 50250, 7),
        ("registered-nurses", 93600, 5),
    ]


def test_similar_lists_the_handbooks_choice_first(invoke: Invoke) -> None:
    handbook = record(invoke, MRT)["similar"]
    assert handbook == [
        "health-information-technologists-and-medical-registrars",
        "information-clerks",
        "medical-and-health-services-managers",
        "medical-assistants",
        "medical-transcriptionists",
        "pharmacy-technicians",
    ]
    similar = rows(invoke, "similar", "medical-records-technician")
    assert (similar[0]["id"], similar[0]["relation"]) == (MRT, "this profile")
    listed = similar[1 : 1 + len(handbook)]
    assert [row["id"] for row in listed] == handbook
    assert all(row["relation"] == "Handbook's list" for row in listed)
    nearest = similar[1 + len(handbook) :]
    assert nearest, "then the nearest other profiles"
    assert not {row["id"] for row in nearest} & {MRT, *handbook}
    # By what the work asks (O*NET): its related occupations, shared skills, interests and job zone; never pay.
    assert all(re.search(r"O\*NET|shares|interests", row["relation"]) for row in nearest)
    assert not any("pay" in row["relation"] for row in nearest)


# --- gaps and top-coded figures -----------------------------------------------------------------------------


def test_military_careers_figures_are_not_available(invoke: Invoke) -> None:
    out = ok(invoke, "show", "military-careers")
    text = flat(out)
    # Its quick facts say why BLS gives none, rather than "not available" eight times; its sections say it.
    facts = text[text.index("QUICK FACTS") : text.index("WHAT THEY DO")]
    assert "not available" not in facts and "civilian jobs only" in facts
    assert "Lowest 10 percent earned less than not available" in text
    assert not re.search(r"\$0\b|(?<![\d.])[+-]?0%|\b0 jobs", out)
    data = record(invoke, "military-careers")
    figures = {**data["pay"], **data["employment"], **data["outlook"]}
    prose = {"summary", "prospects"}  # our own words on pay and outlook, which its page does give
    assert {key: value for key, value in figures.items() if value not in (None, False, []) and key not in prose} == {}
    compared = flat(ok(invoke, "compare", "military-careers", "registered-nurses"))
    assert "Median pay, 2024 not available $93,600" in compared
    assert "Number of jobs, 2024 not available 3,391,000" in compared


def test_military_careers_header_without_soc_code(invoke: Invoke) -> None:
    header = ok(invoke, "show", "military-careers").splitlines()[1]
    assert header == "Military | id military-careers"


def test_physicians_pay_is_top_coded(invoke: Invoke) -> None:
    text = flat(ok(invoke, "show", "physicians-and-surgeons"))
    assert "Median pay, 2024 $239,200 or more per year, $115.00 or more per hour" in text
    assert "Median annual wage, 2024 $239,200 or more" in flat(
        ok(invoke, "show", "physicians-and-surgeons", "-s", "pay")
    )
    pay = record(invoke, "physicians-and-surgeons")["pay"]
    assert (pay["year"], pay["median_annual"], pay["median_hourly"], pay["top_coded"]) == (2024, 239200, 115.0, True)


# --- names as people type them ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "profile"),
    [
        ("chef", "chefs-and-head-cooks"),
        ("pilots", "airline-and-commercial-pilots"),
        ("hvac", "heating-air-conditioning-and-refrigeration-mechanics-and-installers"),
        ("police officer", "police-and-detectives"),
        ("nurse practitioner", "nurse-anesthetists-nurse-midwives-and-nurse-practitioners"),
        ("medical coder", "medical-records-and-health-information-technicians"),
        ("dancer", "dancers-and-choreographers"),
    ],
)
def test_a_name_people_mean_is_taken_and_said(invoke: Invoke, typed: str, profile: str) -> None:
    result = invoke("show", *typed.split(), "--section", "source", "-f", "json", data=None)  # no quotes
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("ooh: showing ") and result.stderr.endswith(f' for "{typed}"\n')


@pytest.mark.parametrize(
    ("typed", "first"),
    [("teacher", "kindergarten-and-elementary-school-teachers"), ("developer", "software-developers")],
)
def test_a_name_several_profiles_share_lists_them(invoke: Invoke, typed: str, first: str) -> None:
    result = invoke("show", typed, data=None)
    assert result.exit_code == 1 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"ooh: '{typed}' could mean several occupations")
    assert lines[1].split()[0] == first and 2 <= len(lines) - 1 <= 8


def test_compare_takes_names_people_mean(invoke: Invoke) -> None:
    result = invoke("compare", "actors", "dancers", "musicians", "-f", "json", data=None)
    assert [row["id"] for row in json.loads(result.stdout)] == [
        "actors",
        "dancers-and-choreographers",
        "musicians-and-singers",
    ]
    assert 'showing Dancers and Choreographers for "dancers"' in result.stderr
    result = invoke("compare", "registered", "nurse", "actors", data=None)
    assert result.exit_code == 1 and "quote a name of several words" in result.stderr


def test_search_takes_all_its_words(invoke: Invoke) -> None:
    assert search_ids(invoke, "medical coder")[0] == "medical-records-and-health-information-technicians"
    result = invoke("search", "medical", "coder", "-f", "json", data=None)
    assert json.loads(result.stdout)[0]["id"] == "medical-records-and-health-information-technicians"

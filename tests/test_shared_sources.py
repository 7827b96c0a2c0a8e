"""The bundled data against the official BLS pages in ../shared/bls/2024-34 (skipped in a fresh clone).

Two promises of the README: every figure comes from the pages, and no prose is copied from them (nor from the
2008-09 seed profile in ../shared/seed). Quick Facts are read twice: with the importer's parser for a sample, and
with plain regular expressions for every page, so that a parser bug cannot confirm itself.
"""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
import yaml

from ooh_cli.core.onet import CREDIT
from ooh_cli.importer.pages import read_profile
from tests.conftest import BLS, REPO, SHARED, needs_shared

pytestmark = pytest.mark.shared

PAGES = BLS / "pages"
# The 2008-09 profile the project started from: Handbook prose too, kept as history in our own words.
SEED = SHARED / "seed" / "000_6ae68c0966516f9f.txt"
DATA = REPO / "data" / "occupations.yaml"
# Profiles whose pages need care (no quick facts, top-coded or hourly-only pay, no median pay, a 0% outlook).
SPECIAL = ("military-careers", "physicians-and-surgeons", "actors", "fishers-and-related-fishing-workers")
# Every 8th profile plus the special ones: ~45 pages, about 1.5 s of parsing (all 342 take ~12 s).
SAMPLE_STEP = 8
RUN = 7  # words in a row that count as copying


@pytest.fixture(scope="module")
def bundled() -> dict[str, dict[str, Any]]:
    """The records of the bundled data file, by id."""
    needs_shared()
    document = yaml.load(DATA.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return {record["id"]: record for record in document["occupations"]}


def test_one_page_per_profile(bundled: dict[str, dict[str, Any]]) -> None:
    assert sorted(path.stem for path in PAGES.glob("*.html")) == sorted(bundled)


# --- figures ---------------------------------------------------------------------------------------------------

# The Quick Facts table, read with regular expressions, independently of ooh_cli.importer.
QUICK_FACTS = re.compile(r'<table[^>]*id="quickfacts".*?</table>', re.S)
ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
CELL = re.compile(r"<t([hd])\b[^>]*>(.*?)</t\1>", re.S)
TAG = re.compile(r"<[^>]+>")
MONEY = re.compile(r"\$([\d,]+(?:\.\d+)?) per (year|hour)")
OUTLOOK = re.compile(r"^(-?\d+)% \((.+)\)$")
# The Handbook's labels and the data file's slugs. "See How to Become One" is `varies`.
CATEGORIES = {
    "Much faster than average": "much-faster",
    "Faster than average": "faster",
    "As fast as average": "average",
    "Slower than average": "slower",
    "Little or no change": "little-change",
    "Decline": "decline",
}
EDUCATION = {
    "No formal educational credential": "none",
    "High school diploma or equivalent": "high-school",
    "Some college, no degree": "some-college",
    "Postsecondary nondegree award": "postsecondary-nondegree",
    "Associate's degree": "associate",
    "Bachelor's degree": "bachelor",
    "Master's degree": "master",
    "Doctoral or professional degree": "doctoral",
    "See How to Become One": "varies",
}
EXPERIENCE = {
    "None": "none",
    "Less than 5 years": "less-than-5-years",
    "5 years or more": "5-years-or-more",
    "See How to Become One": "varies",
}
# What every page but military-careers states (median pay may be missing).
REQUIRED = {
    *("how_to_become.education", "how_to_become.experience", "how_to_become.training"),
    *("employment.year", "employment.jobs", "outlook.period", "outlook.growth_percent", "outlook.category"),
    *("outlook.change", "pay.median_annual", "pay.median_hourly", "pay.top_coded"),
}
TRAINING = {
    "None": "none",
    "Short-term on-the-job training": "short-term",
    "Moderate-term on-the-job training": "moderate-term",
    "Long-term on-the-job training": "long-term",
    "Apprenticeship": "apprenticeship",
    "Internship/residency": "internship-residency",
    "See How to Become One": "varies",
}


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(TAG.sub(" ", fragment)).split())


def number(text: str) -> int | float:
    value = float(text.replace(",", ""))
    return int(value) if value.is_integer() else value


def quick_facts(page: str) -> dict[str, Any]:
    """The Quick Facts of a page in the data file's shape ({} when the page has none)."""
    table = QUICK_FACTS.search(page)
    facts: dict[str, Any] = {}
    if table is None:
        return facts
    for row in ROW.findall(table.group(0)):
        cells = {kind: text_of(content) for kind, content in CELL.findall(row)}
        label, value = cells.get("h", ""), cells.get("d")
        if value is None:
            continue
        year = re.search(r"\b(20\d\d)\b", label)
        if "Median Pay" in label:
            assert year is not None, label
            # A page without a median (fishers) must not get one in the data.
            facts["pay.median_annual"] = facts["pay.median_hourly"] = None
            for amount, unit in MONEY.findall(value):
                facts["pay.median_annual" if unit == "year" else "pay.median_hourly"] = number(amount)
                facts["pay.year"] = int(year.group(1))
            facts["pay.top_coded"] = "or greater" in value
        elif label == "Typical Entry-Level Education":
            facts["how_to_become.education"] = EDUCATION.get(value)
        elif label == "Work Experience in a Related Occupation":
            facts["how_to_become.experience"] = EXPERIENCE.get(value)
        elif label == "On-the-job Training":
            facts["how_to_become.training"] = TRAINING.get(value)
        elif label.startswith("Number of Jobs"):
            assert year is not None, label
            facts["employment.year"], facts["employment.jobs"] = int(year.group(1)), number(value)
        elif label.startswith("Job Outlook"):
            match = OUTLOOK.match(value)
            assert match is not None, value
            facts["outlook.growth_percent"] = int(match.group(1))
            facts["outlook.category"] = CATEGORIES[match.group(2)]
            facts["outlook.period"] = label.rpartition(" ")[2].replace("\u2013", "-")
        elif label.startswith("Employment Change"):
            facts["outlook.change"] = number(value)
    return facts


def field(record: dict[str, Any], dotted: str) -> Any:
    section, _, key = dotted.partition(".")
    value = (record.get(section) or {}).get(key)
    # The data file leaves out a false flag.
    return bool(value) if key == "top_coded" else value


def test_every_quick_fact_matches_its_page(bundled: dict[str, dict[str, Any]]) -> None:
    """All 342 pages: each figure and term of Quick Facts, with its year or period, is in the data as the page says."""
    wrong: list[str] = []
    for profile_id, record in bundled.items():
        facts = quick_facts((PAGES / f"{profile_id}.html").read_text(encoding="utf-8"))
        if profile_id == "military-careers":
            assert facts == {}
            continue
        assert not REQUIRED - facts.keys(), profile_id  # the regular expressions did read the table
        no_median = facts["pay.median_annual"] is None and facts["pay.median_hourly"] is None
        if no_median and field(record, "pay.year") != facts.get("pay.year"):
            # No median in Quick Facts (fishers): the data has the Pay tab's wages, of the earlier year it names.
            facts = {name: value for name, value in facts.items() if not name.startswith("pay.")}
        wrong += [
            f"{profile_id}: {name} is {field(record, name)!r}, the page says {value!r}"
            for name, value in facts.items()
            if field(record, name) != value
        ]
    assert wrong == []


def sample_ids() -> list[str]:
    if not PAGES.is_dir():
        return list(SPECIAL)  # skipped by needs_shared(); the ids only name the tests
    ids = sorted(path.stem for path in PAGES.glob("*.html"))
    return sorted({*ids[::SAMPLE_STEP], *SPECIAL})


@pytest.mark.parametrize("profile_id", sample_ids())
def test_record_matches_parsed_page(bundled: dict[str, dict[str, Any]], profile_id: str) -> None:
    """A sample over the whole file: every fact the importer reads from a page is in the record unchanged."""
    page = read_profile(PAGES / f"{profile_id}.html")
    record = bundled[profile_id]
    expected = {
        "title": page.title,
        "group": page.group,
        "pay.median_annual": page.median_annual,
        "pay.median_hourly": page.median_hourly,
        "pay.percentile_10": page.percentile_10,
        "pay.percentile_90": page.percentile_90,
        "pay.top_coded": page.top_coded,
        "how_to_become.education": page.education,
        "how_to_become.experience": page.experience,
        "how_to_become.training": page.training,
        "how_to_become.qualities": list(page.qualities) or None,
        "employment.jobs": page.jobs,
        "employment.projected_jobs": page.projected_jobs,
        "outlook.growth_percent": page.growth_percent,
        "outlook.category": page.category,
        "outlook.change": page.change,
        "outlook.annual_openings": page.annual_openings,
        "work_environment.employers": [
            {"name": e.name, "percent": e.percent} | ({"part": e.part} if e.part else {}) for e in page.employers
        ]
        or None,
        "source.url": page.url,
        "source.last_modified": page.last_modified,
        "similar": list(page.similar) or None,
        "associations": [{"name": link.name, "url": link.url} for link in page.associations] or None,
    }
    actual = {name: record.get(name) if "." not in name else field(record, name) for name in expected}
    assert actual == expected
    # Each section's reference year or period is the page's, and is there exactly when one of its figures is.
    pay = (page.median_annual, page.median_hourly, page.percentile_10, page.percentile_90)
    outlook = (page.growth_percent, page.category, page.change, page.annual_openings)
    assert field(record, "pay.year") == (page.pay_year if any(v is not None for v in pay) else None)
    assert field(record, "employment.year") == (page.jobs_year if page.jobs is not None else None)
    assert field(record, "employment.projected_year") == (
        page.projected_year if page.projected_jobs is not None else None
    )
    assert field(record, "outlook.period") == (page.period if any(v is not None for v in outlook) else None)
    assert set(page.soc_codes) <= set(record.get("soc_codes", []))


# --- own words ---------------------------------------------------------------------------------------------------

WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
MARKUP = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]+>", re.S | re.I)
# Names, not sentences: the Handbook's own name and its tab names in page order, which the README lists too.
NAMES = (
    "U.S. Bureau of Labor Statistics Occupational Outlook Handbook",
    "Summary What They Do Work Environment How to Become One Pay Job Outlook Similar Occupations",
    CREDIT,  # the attribution O*NET's licence asks for, in its own words
)


def words(text: str) -> list[str]:
    """Lower-case words without punctuation; a curly apostrophe is a straight one."""
    return WORD.findall(text.casefold().replace("\u2019", "'"))


def runs(text: str) -> set[tuple[str, ...]]:
    """Every run of RUN consecutive words."""
    found = words(text)
    return {tuple(found[i : i + RUN]) for i in range(len(found) - RUN + 1)}


@pytest.fixture(scope="module")
def page_runs(bundled: dict[str, dict[str, Any]]) -> dict[str, set[tuple[str, ...]]]:
    """The word runs of each page's text (tags, scripts and styles stripped), by profile id."""
    return {
        path.stem: runs(html.unescape(MARKUP.sub(" ", path.read_text(encoding="utf-8"))))
        for path in PAGES.glob("*.html")
    }


def prose(record: dict[str, Any]) -> list[tuple[str, str]]:
    """(field, text) for each prose field of a record, its history included."""
    found = [
        ("summary", record.get("summary")),
        ("what_they_do", record.get("what_they_do")),
        *(("duties", duty) for duty in record.get("duties") or []),
        *((f"{section}.{field}", (record.get(section) or {}).get(field)) for section, field in SECTION_PROSE),
        *(("notes", note) for note in record.get("notes") or []),
    ]
    for entry in record.get("history") or []:
        found.append((f"history {entry.get('edition')} prospects", (entry.get("outlook") or {}).get("prospects")))
        found += [(f"history {entry.get('edition')} notes", note) for note in entry.get("notes") or []]
    return [(name, text) for name, text in found if text]


# The prose fields inside a record's sections.
SECTION_PROSE = (
    ("work_environment", "summary"),
    ("how_to_become", "summary"),
    ("pay", "summary"),
    ("outlook", "prospects"),
)
# A number as prose writes it: 74,100, $59,310, 4.5, 2034.
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def numbers(text: str) -> set[str]:
    """The numbers in ``text``, written plainly (no thousands separators, no trailing zeros after a point)."""
    found = set()
    for number in NUMBER.findall(text):
        number = number.replace(",", "").rstrip(".")
        found.add(number.rstrip("0").rstrip(".") if "." in number else number)
    return found


def copied(text: str, source: set[tuple[str, ...]]) -> list[str]:
    """The runs of ``text`` found in ``source``, names aside."""
    allowed = set().union(*(runs(name) for name in NAMES))
    return [" ".join(run) for run in sorted((runs(text) - allowed) & source)]


def documents() -> list[str]:
    return ["README.md", *(f"docs/{path.name}" for path in sorted((REPO / "docs").glob("*.md")))]


@pytest.fixture(scope="module")
def any_page(page_runs: dict[str, set[tuple[str, ...]]]) -> set[tuple[str, ...]]:
    """The word runs of all pages together."""
    return set().union(*page_runs.values())


def test_prose_is_in_our_own_words(bundled: dict[str, dict[str, Any]], any_page: set[tuple[str, ...]]) -> None:
    """No prose field repeats a run of its own page, nor of any other page (a summary borrowed from a neighbour)."""
    found = [
        f"{profile_id} {name}: {run!r}"
        for profile_id, record in bundled.items()
        for name, text in prose(record)
        for run in copied(text, any_page)
    ]
    assert found == []
    # The check has something to check: every profile has a summary.
    assert all(record.get("summary") for record in bundled.values())


@pytest.mark.parametrize("document", documents())
def test_documentation_is_in_our_own_words(any_page: set[tuple[str, ...]], document: str) -> None:
    assert copied((REPO / document).read_text(encoding="utf-8"), any_page) == []


def test_nothing_copied_from_the_seed(bundled: dict[str, dict[str, Any]]) -> None:
    if not SEED.is_file():
        pytest.skip(f"the seed profile is not at {SEED}")
    seed = runs(SEED.read_text(encoding="utf-8"))
    texts = [(f"{profile_id} {name}", text) for profile_id, record in bundled.items() for name, text in prose(record)]
    texts += [(document, (REPO / document).read_text(encoding="utf-8")) for document in documents()]
    assert [f"{where}: {run!r}" for where, text in texts for run in copied(text, seed)] == []


def test_every_number_in_prose_is_on_the_profiles_page(bundled: dict[str, dict[str, Any]]) -> None:
    """A number our prose states (a percentage, an amount, a count, a year) is one the page states."""
    unsupported = []
    for profile_id, record in bundled.items():
        page = numbers(html.unescape(MARKUP.sub(" ", (PAGES / f"{profile_id}.html").read_text(encoding="utf-8"))))
        for name, text in prose(record):
            if name.startswith(("history", "notes")):
                continue  # the seed's edition, checked against the seed below
            unsupported += [f"{profile_id} {name}: {n}" for n in sorted(numbers(text) - page)]
    assert unsupported == []


def page_words(profile_id: str) -> str:
    """The words of a page, in order, spaced, with a space at each end."""
    text = html.unescape(MARKUP.sub(" ", (PAGES / f"{profile_id}.html").read_text(encoding="utf-8")))
    return f" {' '.join(words(text))} "


def on_page(line: str, page: str) -> bool:
    """Whether ``line`` is, word for word, somewhere on the page (``page_words``)."""
    return f" {' '.join(words(line))} " in page


def test_no_duty_is_a_line_of_its_page_however_short(bundled: dict[str, dict[str, Any]]) -> None:
    """A duty line shorter than RUN words can still be the page's own line, trimmed or whole."""
    found = []
    for profile_id, record in bundled.items():
        page = page_words(profile_id)
        found += [f"{profile_id}: {duty!r}" for duty in record.get("duties") or [] if on_page(duty, page)]
    assert found == []


def test_a_copied_duty_line_is_caught() -> None:
    profile = "medical-records-and-health-information-technicians"
    source = (PAGES / f"{profile}.html").read_text(encoding="utf-8")
    duty = html.unescape(re.findall(r"<li>([^<]{10,80})</li>", source.split('id="tab-2"', 1)[1])[0])
    assert on_page(duty.upper(), page_words(profile)) and not on_page(f"{duty} daily", page_words(profile))


def test_a_number_the_page_lacks_is_caught() -> None:
    assert numbers("About 74,100 openings, $59,310 a year, 4.50 percent, in 2034.") == {"74100", "59310", "4.5", "2034"}


def test_copying_is_caught(page_runs: dict[str, set[tuple[str, ...]]]) -> None:
    """The check itself: a page's paragraph is found, even re-cased, re-punctuated and with a straight apostrophe."""
    page = (PAGES / "medical-records-and-health-information-technicians.html").read_text(encoding="utf-8")
    paragraph = next(p for p in re.findall(r"<p>([^<]*)</p>", page) if "\u2019" in p and len(p.split()) > RUN)
    mangled = paragraph.upper().replace("\u2019", "'").replace(",", " ;")
    assert copied(mangled, page_runs["medical-records-and-health-information-technicians"])

"""Every profile carries every section in our own words, within the lengths a reader can take in.

(That the words are ours and every number in them is on the profile's page is checked against the BLS pages
in test_shared_sources.py.)
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from tests.conftest import REPO

DATA = yaml.load((REPO / "data" / "occupations.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
RECORDS: dict[str, dict[str, Any]] = {record["id"]: record for record in DATA["occupations"]}
WORD = re.compile(r"[A-Za-z0-9]+(?:['\u2019][A-Za-z]+)*")
# Field, and the range of words it must have.
LENGTHS = {
    "what_they_do": (40, 80),
    "work_environment.summary": (50, 150),
    "how_to_become.summary": (70, 200),
    "outlook.prospects": (30, 120),
}


def field(record: dict[str, Any], name: str) -> Any:
    value: Any = record
    for part in name.split("."):
        value = (value or {}).get(part)
    return value


def words(text: str) -> int:
    return len(WORD.findall(text))


@pytest.mark.parametrize("name", sorted(LENGTHS))
def test_every_profile_has_the_section_within_its_length(name: str) -> None:
    low, high = LENGTHS[name]
    wrong = {pid: words(field(r, name) or "") for pid, r in RECORDS.items()}
    assert {pid: n for pid, n in wrong.items() if not low <= n <= high} == {}


def test_every_profile_has_five_to_eight_short_duties() -> None:
    wrong = {
        pid: record.get("duties")
        for pid, record in RECORDS.items()
        if not 5 <= len(record.get("duties") or []) <= 8 or any(not 3 <= words(d) <= 16 for d in record["duties"])
    }
    assert wrong == {}


def test_what_they_do_does_not_repeat_the_summary() -> None:
    assert [pid for pid, record in RECORDS.items() if record["what_they_do"].strip() == record["summary"].strip()] == []


def test_a_note_on_pay_is_short_where_there_is_one() -> None:
    notes = {pid: field(r, "pay.summary") for pid, r in RECORDS.items() if field(r, "pay.summary")}
    assert len(notes) > 50  # where the page says how pay works: tips, commission, apprentices' scales
    assert {pid: words(note) for pid, note in notes.items() if words(note) > 60} == {}


def test_the_check_counts_words() -> None:
    assert words("Carpenters' tools: a 10-hour OSHA course") == 7


# Claims an audit found going further than their pages (issue 21), and duty lines that were the page's own.
# Each profile's prose must not say them again.
OVERREACH = (
    ("police-fire-and-ambulance-dispatchers", "40 or more hours plus continuing education"),
    ("oil-and-gas-workers", "most positions call for prior experience"),
    ("receptionists", "often control building access"),
    ("receptionists", "hotel"),
    ("massage-therapists", "gym"),
    ("agricultural-engineers", "drainage"),
    ("library-technicians-and-assistants", "register new patrons and issue library cards"),
    ("mining-and-geological-engineers", "design open-pit and underground mines"),
    # The page names warehouses, fleets and supply chains, not how goods travel.
    ("transportation-storage-and-distribution-managers", "rail, air, or sea"),
)


def prose_of(record: dict[str, Any]) -> str:
    """Every prose field of a record, lower-cased, one a line."""
    fields = [record.get("summary"), record.get("what_they_do"), *(record.get("duties") or [])]
    fields += [field(record, name) for name in ("work_environment.summary", "how_to_become.summary")]
    fields += [field(record, "pay.summary"), field(record, "outlook.prospects")]
    return "\n".join(text for text in fields if text).casefold()


@pytest.mark.parametrize(("profile", "claim"), OVERREACH)
def test_a_claim_its_page_does_not_make_stays_out(profile: str, claim: str) -> None:
    assert claim not in prose_of(RECORDS[profile])

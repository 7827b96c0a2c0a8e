"""Side-by-side comparison: one row per fact, the best value of each ranked row marked."""

from __future__ import annotations

from ooh_cli.facts import Fact, Value, facts
from ooh_cli.model import Meta, Summary
from ooh_cli.records import Record

# Facts that name a profile or a reference year appear in the header or the notes, not as rows.
HEADER_KEYS = {"id", "title", "pay_year", "jobs_year", "period"}


class Row(Record):
    fact: Fact
    values: list[Value]
    best: set[int]  # column indexes holding the best value
    differs: bool


def best_columns(fact: Fact, values: list[Value]) -> set[int]:
    numbers = [(i, v) for i, v in enumerate(values) if isinstance(v, (int, float))]
    if fact.better is None or len(numbers) < 2:
        return set()
    pick = max if fact.better == "higher" else min
    target = pick(v for _, v in numbers)
    if all(v == target for _, v in numbers):
        return set()
    return {i for i, v in numbers if v == target}


def compare_rows(meta: Meta, profiles: list[Summary]) -> list[Row]:
    rows = []
    for fact in facts(meta):
        if fact.key in HEADER_KEYS:
            continue
        values = [fact.get(profile) for profile in profiles]
        rows.append(Row(fact, values, best_columns(fact, values), len(set(map(str, values))) > 1))
    return rows


def year_notes(profiles: list[Summary]) -> list[str]:
    """A note for each kind of figure whose reference year or period is not the same for every profile."""
    notes = []
    for label, key in (("pay", "pay_year"), ("number of jobs", "jobs_year"), ("projections", "period")):
        years = [getattr(profile, key) for profile in profiles]
        if len({year for year in years if year is not None}) > 1:
            detail = ", ".join(f"{p.id} {year or 'not available'}" for p, year in zip(profiles, years, strict=True))
            notes.append(f"The {label} figures are from different years: {detail}.")
    return notes

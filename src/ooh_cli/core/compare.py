"""Side-by-side comparison: one row per fact, the best value of each ranked row marked."""

from __future__ import annotations

from collections.abc import Sequence

from ooh_cli.core.catalog import Match
from ooh_cli.core.errors import UsageError
from ooh_cli.core.facts import Fact, Value, facts
from ooh_cli.core.records import Meta, Record, Summary

# Facts that name a profile or a reference year appear in the header or the notes, not as rows.
HEADER_KEYS = {"id", "title", "pay_year", "jobs_year", "period"}


class Row(Record, frozen=True):
    fact: Fact
    values: list[Value]
    best: set[int]  # column indexes holding the best value
    differs: bool


def chosen_profiles(matches: Sequence[Match]) -> list[Summary]:
    """The profiles to compare: at least two, none named twice."""
    chosen = [match.summary for match in matches]
    ids = [profile.id for profile in chosen]
    if len(set(ids)) < 2:
        raise UsageError("compare needs at least two different occupations")
    if len(set(ids)) < len(ids):
        twice = ", ".join(sorted({i for i in ids if ids.count(i) > 1}))
        raise UsageError(f"the same occupation is named twice: {twice}")
    return chosen


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

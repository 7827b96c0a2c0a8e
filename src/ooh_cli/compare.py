"""Side-by-side comparison: one row per fact, the best value of each ranked row marked."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ooh_cli.facts import Fact, Value, facts
from ooh_cli.model import Meta, Occupation

# Facts that name a profile or a reference year appear in the header or the notes, not as rows.
HEADER_KEYS = {"id", "title", "pay_year", "jobs_year", "period"}


@dataclass(frozen=True, slots=True)
class Row:
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


def compare_rows(meta: Meta, occupations: list[Occupation]) -> list[Row]:
    rows = []
    for fact in facts(meta):
        if fact.key in HEADER_KEYS:
            continue
        values = [fact.get(occ) for occ in occupations]
        rows.append(Row(fact, values, best_columns(fact, values), len(set(map(str, values))) > 1))
    return rows


def year_notes(occupations: list[Occupation]) -> list[str]:
    """A note for each kind of figure whose reference year or period is not the same for every profile."""
    notes = []
    getters: list[tuple[str, Callable[[Occupation], object]]] = [
        ("pay", lambda o: o.pay.year),
        ("number of jobs", lambda o: o.employment.year),
        ("projections", lambda o: o.outlook.period),
    ]
    for label, get in getters:
        seen = {str(get(occ)) for occ in occupations if get(occ) is not None}
        if len(seen) > 1:
            detail = ", ".join(f"{occ.id} {get(occ) or 'not available'}" for occ in occupations)
            notes.append(f"The {label} figures are from different years: {detail}.")
    return notes

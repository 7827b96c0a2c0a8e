"""OEWS figures as people read them: "$97,550", "not released", "hourly only".

Kept apart from output/wages.py so that `ooh show` (output/localpay.py) loads only this and the wage table.
"""

from __future__ import annotations

from typing import Any

from ooh_cli.core.wagefile import FIGURES, NOT_RELEASED, PAID_OTHERWISE, Row, paid_only

NOT_RELEASED_TEXT = "not released"
NO_ESTIMATE = "no estimate"
# OEWS footnote 5 marks a wage at or above these amounts, which BLS then leaves out (the amounts of the
# footnote's text in the May 2025 release; tests/test_wages_shared.py checks them against the source).
FOOTNOTE_ABOVE = 5
ABOVE_ANNUAL = 239_200
ABOVE_HOURLY = 115.00


def pay_name(kind: str, hourly: bool) -> str:
    """The field of a pay figure: kind is mean, median, 10, 25, 75 or 90."""
    return f"{'hourly' if hourly else 'annual'}_{kind}"


def pay_text(row: Row | None, name: str) -> str:
    """A pay figure as people read it, or why there is none."""
    if row is None:
        return NO_ESTIMATE
    value = row.value(name)
    if value is None:
        if row.note(name) == PAID_OTHERWISE:
            return "hourly only" if name.startswith("annual") else "annual only"
        if row.note(name) == FOOTNOTE_ABOVE:
            return f"${ABOVE_HOURLY:,.2f} or more" if name.startswith("hourly") else f"${ABOVE_ANNUAL:,} or more"
        return NOT_RELEASED_TEXT
    return f"${value:,.2f}" if name.startswith("hourly") else f"${value:,.0f}"


def above_note(row: Row | None, name: str) -> str | None:
    """Why a wage reads "$239,200 or more", where it does."""
    if row is None or row.value(name) is not None or row.note(name) != FOOTNOTE_ABOVE:
        return None
    amount = f"${ABOVE_HOURLY:,.2f} an hour" if name.startswith("hourly") else f"${ABOVE_ANNUAL:,} a year"
    return f"BLS's footnote 5: the wage is {amount} or more, and BLS publishes no exact figure"


def count_text(row: Row | None, name: str) -> str:
    if row is None:
        return NO_ESTIMATE
    value = row.value(name)
    if value is None:
        return NOT_RELEASED_TEXT
    if name == "employment":
        return f"{value:,.0f}"
    return f"{value:.2f}" if name == "lq" else f"{value:g}"


def use_hourly(national: Row | None, hourly: bool) -> tuple[bool, str | None]:
    """Whether to show hourly figures, and why when the occupation's own reporting decides it."""
    only = paid_only(national)
    if only == "hourly" and not hourly:
        return True, "BLS reports pay for this occupation by the hour only: figures are hourly."
    if only == "annual" and hourly:
        return False, "BLS reports pay for this occupation by the year only: figures are annual."
    return hourly, None


def figures_record(row: Row | None) -> dict[str, Any]:
    """A row's figures for json and csv: None where BLS published none, with the reason in ``notes``."""
    record: dict[str, Any] = {name: (row.value(name) if row else None) for name, _, _ in FIGURES}
    notes = {}
    for name, _, _ in FIGURES:
        code = row.note(name) if row else 0
        if row is not None and record[name] is None:
            notes[name] = above_note(row, name) or (
                pay_text(row, name) if code == PAID_OTHERWISE else NOT_RELEASED_TEXT
            )
        elif code and code not in (NOT_RELEASED, PAID_OTHERWISE):
            notes[name] = f"BLS footnote {code}"
    record["notes"] = notes
    return record

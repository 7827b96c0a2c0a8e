"""View models of local pay (`ooh wages`, `list --state`, the `state-and-area` section): OEWS figures as text.

Every figure here is OEWS's (dated with its release, "May 2025"); a figure BLS did not publish reads
"not released", or "hourly only" / "annual only" where BLS reports that occupation's pay one way only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ooh_cli.core.model import Record
from ooh_cli.core.wagefile import FIGURES, NOT_RELEASED, PAID_OTHERWISE, Row
from ooh_cli.core.wages import Estimate, Occupation, paid_only
from ooh_cli.output.views import Listing

NOT_RELEASED_TEXT = "not released"
NO_ESTIMATE = "no estimate"
BAR_CELLS = 24
KIND_LABELS = {"national": "nation", "state": "state", "metro": "metro area", "nonmetro": "nonmetro area"}


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
        return NOT_RELEASED_TEXT
    return f"${value:,.2f}" if name.startswith("hourly") else f"${value:,.0f}"


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


def range_bar(row: Row, hourly: bool, ascii_only: bool) -> str | None:
    """10th to 90th percentile as a small bar: the middle half filled, the median marked."""
    points = [row.value(pay_name(kind, hourly)) for kind in ("10", "25", "median", "75", "90")]
    if any(point is None for point in points):
        return None
    low, p25, mid, p75, high = (float(p or 0) for p in points)
    span = (high - low) or 1.0

    def at(value: float) -> int:
        return min(BAR_CELLS - 1, max(0, round((value - low) / span * (BAR_CELLS - 1))))

    line, fill, mark = ("-", "=", "|") if ascii_only else ("\u2500", "\u2588", "\u2503")
    cells = [fill if at(p25) <= i <= at(p75) else line for i in range(BAR_CELLS)]
    cells[at(mid)] = mark
    return "".join(cells)


def national_lines(occ: Occupation, row: Row | None, period: str, hourly: bool, ascii_only: bool) -> list[str]:
    """The nation's figures for one detailed occupation, as lines under its heading."""
    lines = [f"{occ.title} (SOC {occ.soc}), OEWS {period}"]
    if row is None:
        return [*lines, "  United States: no estimate"]
    unit = "an hour" if hourly else "a year"
    lines.append(f"  United States: {count_text(row, 'employment')} jobs")
    lines.append(
        f"  Median pay: {pay_text(row, pay_name('median', hourly))} {unit}; mean {pay_text(row, pay_name('mean', hourly))}"
    )
    drawn = range_bar(row, hourly, ascii_only)
    if drawn is not None:
        low, high = pay_text(row, pay_name("10", hourly)), pay_text(row, pay_name("90", hourly))
        lines.append(f"  10th {low} {drawn} {high} 90th")
        p25, p75 = pay_text(row, pay_name("25", hourly)), pay_text(row, pay_name("75", hourly))
        lines.append(f"  middle half {p25} to {p75}; {'|' if ascii_only else chr(0x2503)} median")
    return lines


def area_listing(found: Sequence[Estimate], first: str, period: str, hourly: bool, footer: str = "") -> Listing:
    """One row per area: median, middle half, mean, jobs and location quotient (json and csv have every figure)."""
    rows = []
    for estimate in found:
        row = estimate.row
        low, high = pay_text(row, pay_name("25", hourly)), pay_text(row, pay_name("75", hourly))
        middle = f"{low} to {high}" if low.startswith("$") and high.startswith("$") else low
        rows.append(
            [
                estimate.area.name,
                pay_text(row, pay_name("median", hourly)),
                middle if row is not None else "",
                pay_text(row, pay_name("mean", hourly)) if row is not None else "",
                count_text(row, "employment") if row is not None else "",
                count_text(row, "lq") if row is not None else "",
            ]
        )
    unit = "hourly" if hourly else "annual"
    headers = [
        first,
        f"Median {unit}\n{period}",
        "Middle half",
        "Mean",
        f"Jobs\n{period}",
        "Location\nquotient",
    ]
    return Listing(headers, rows, {1, 2, 3, 4, 5}, footer)


def figures_record(row: Row | None) -> dict[str, Any]:
    """A row's figures for json and csv: None where BLS published none, with the reason in ``notes``."""
    record: dict[str, Any] = {name: (row.value(name) if row else None) for name, _, _ in FIGURES}
    notes = {}
    for name, _, _ in FIGURES:
        code = row.note(name) if row else 0
        if row is not None and record[name] is None:
            notes[name] = pay_text(row, name) if code == PAID_OTHERWISE else NOT_RELEASED_TEXT
        elif code and code not in (NOT_RELEASED, PAID_OTHERWISE):
            notes[name] = f"BLS footnote {code}"
    record["notes"] = notes
    return record


class WageReport(Record, frozen=True):
    """One detailed occupation's national figures and its table of areas."""

    occupation: Occupation
    national: Row | None
    found: list[Estimate]
    hourly: bool
    note: str | None
    heading: str  # what the table ranks or lists ("States by median pay")
    footer: str = ""


def report_records(reports: Sequence[WageReport], period: str) -> list[dict[str, Any]]:
    """`ooh wages --format json`: each occupation with its national figures and its areas."""
    return [
        {
            "soc_code": r.occupation.soc,
            "title": r.occupation.title,
            "period": period,
            "pay_reported": paid_only(r.national) or "annual and hourly",
            "national": figures_record(r.national),
            "areas": [_area_record(e) for e in r.found],
        }
        for r in reports
    ]


def _area_record(estimate: Estimate) -> dict[str, Any]:
    area = estimate.area
    head = {"area_code": area.code, "area": area.name, "kind": area.kind, "states": list(area.states)}
    return head | {"estimate": estimate.row is not None} | figures_record(estimate.row)


def report_rows(reports: Sequence[WageReport], period: str) -> tuple[list[dict[str, Any]], list[str]]:
    """`ooh wages --format csv`: one row per occupation and area, the nation first."""
    rows = []
    for r in reports:
        head = {"soc_code": r.occupation.soc, "title": r.occupation.title, "period": period}
        national = [("0000000", "United States", "national", r.national)]
        for code, name, kind, row in national + [(e.area.code, e.area.name, e.area.kind, e.row) for e in r.found]:
            figures = figures_record(row)
            notes = "; ".join(f"{k}: {v}" for k, v in figures.pop("notes").items())
            rows.append(head | {"area_code": code, "area": name, "kind": kind} | figures | {"notes": notes})
    fields = ["soc_code", "title", "period", "area_code", "area", "kind", *(n for n, _, _ in FIGURES), "notes"]
    return rows, fields

"""View models of local pay (`ooh wages`, `list --state`, the `state-and-area` section): OEWS figures as text.

Every figure here is OEWS's (dated with its release, "May 2025"); a figure BLS did not publish reads
"not released", "hourly only" / "annual only" where BLS reports that occupation's pay one way only, or
"$239,200 or more" where its footnote 5 says the wage is at least that.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ooh_cli.core.records import Record
from ooh_cli.core.wagefile import FIGURES, NATIONAL, Row, paid_only
from ooh_cli.core.wages import Estimate, Occupation
from ooh_cli.output.wagetext import above_note, count_text, figures_record, pay_name, pay_text

if TYPE_CHECKING:
    from ooh_cli.output.views import Listing

BAR_CELLS = 24


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
    else:
        kinds = ("10", "25", "75", "90")
        lines.append("  " + ", ".join(f"{kind}th {pay_text(row, pay_name(kind, hourly))}" for kind in kinds))
    return lines


def _short(dollars: str) -> str:
    """A dollar figure in thousands, for a range in a narrow column ($122,440 is $122k); hourly ones stay."""
    if "." in dollars or "," not in dollars:
        return dollars
    return f"${round(int(dollars[1:].replace(',', '')) / 1000)}k"


# The column of each order `ooh wages --sort` offers: a narrow terminal drops other columns before it.
SORTED_COLUMN = {"pay": 1, "jobs": 4, "lq": 5}


def area_listing(
    found: Sequence[Estimate], first: str, period: str, hourly: bool, footer: str = "", sort: str | None = None
) -> Listing:
    """One row per area: median, middle half, mean, jobs and location quotient (json and csv have every figure);
    the column ``sort`` ranks them by is kept however narrow the terminal."""
    from ooh_cli.output.views import Listing

    rows = []
    for estimate in found:
        row = estimate.row
        low, high = pay_text(row, pay_name("25", hourly)), pay_text(row, pay_name("75", hourly))
        published = row is not None and None not in (
            row.value(pay_name("25", hourly)),
            row.value(pay_name("75", hourly)),
        )
        middle = f"{_short(low)} to {_short(high)}" if published else low
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
    above = next(
        (
            n
            for e in found
            for kind in ("median", "25", "75", "mean")
            if (n := above_note(e.row, pay_name(kind, hourly)))
        ),
        None,
    )
    if above is not None:  # "$239,200 or more" in a cell: say whose word it is
        footer = "; ".join(filter(None, [footer, f'"or more": {above}']))
    unit = "hourly" if hourly else "annual"
    headers = [
        first,
        f"Median {unit}\n{period}",
        "Middle half",
        "Mean",
        f"Jobs\n{period}",
        "Location\nquotient",
    ]
    pinned = frozenset({0, SORTED_COLUMN[sort]} if sort in SORTED_COLUMN else {0})
    return Listing(headers, rows, {1, 2, 3, 4, 5}, footer, pinned)


class WageReport(Record, frozen=True):
    """One detailed occupation's national figures and its table of areas."""

    occupation: Occupation
    national: Row | None
    found: list[Estimate]
    hourly: bool
    note: str | None
    heading: str  # what the table ranks or lists ("States by median pay")
    first: str  # the first column's header: State or Area
    footer: str = ""
    sort: str | None = None  # what ranks the areas (None: the order asked for)


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
        national = [(NATIONAL, "United States", "national", r.national)]
        for code, name, kind, row in national + [(e.area.code, e.area.name, e.area.kind, e.row) for e in r.found]:
            figures = figures_record(row)
            notes = "; ".join(f"{k}: {v}" for k, v in figures.pop("notes").items())
            rows.append(head | {"area_code": code, "area": name, "kind": kind} | figures | {"notes": notes})
    fields = ["soc_code", "title", "period", "area_code", "area", "kind", *(n for n, _, _ in FIGURES), "notes"]
    return rows, fields

"""The Pay section's figures of a profile: its percentiles, and the pay of each detailed occupation it covers."""

from __future__ import annotations

from ooh_cli.core.model import OccupationPay, Pay
from ooh_cli.output.blocks import Block, Grid, Paragraph
from ooh_cli.output.facts import NOT_AVAILABLE, hourly, money


def wage(annual: float | None, per_hour: float | None, top_coded: bool = False) -> str:
    """An annual wage, or the hourly one where BLS publishes only that."""
    if annual is None and per_hour is not None:
        return f"{hourly(per_hour, top_coded)} per hour"
    return money(annual, top_coded)


def with_year(label: str, year: int | str | None) -> str:
    return f"{label}, {year}" if year is not None else label


def percentile_rows(pay: Pay) -> list[tuple[str, str]]:
    """The whole profile's 10th and 90th percentiles; none where only its occupations have them (the table of
    pay by occupation gives them there, rather than "not available" here)."""
    low = wage(pay.percentile_10, pay.percentile_10_hourly)
    high = wage(pay.percentile_90, pay.percentile_90_hourly)
    if low == high == NOT_AVAILABLE and any(_has_percentiles(part) for part in pay.occupations):
        return []
    return [
        (with_year("Lowest 10 percent earned less than", pay.year), low),
        (with_year("Highest 10 percent earned more than", pay.year), high),
    ]


def occupations_block(pay: Pay) -> list[Block]:
    """A table of the pay of each detailed occupation the profile covers, with the columns the page gives: the
    median, or the mean where BLS publishes no median (physicians), and the 10th and 90th percentiles."""
    parts = pay.occupations
    if not parts:
        return []
    years = {part.year for part in parts}
    title = with_year("Pay by occupation", years.pop() if len(years) == 1 else None)
    # Where every figure is hourly, the title says so once rather than each cell.
    per_hour = all(part.median_annual is None and part.mean_annual is None for part in parts)
    cell = (lambda _, hourly_figure, top=False: hourly(hourly_figure, top)) if per_hour else wage
    columns: list[tuple[str, list[str]]] = []
    if any(part.median_annual is not None or part.median_hourly is not None for part in parts):
        columns.append(("Median pay", [cell(p.median_annual, p.median_hourly, p.top_coded) for p in parts]))
    means = any(part.mean_annual is not None for part in parts)
    if means:
        columns.append(("Mean pay", [money(p.mean_annual) for p in parts]))
    if any(_has_percentiles(part) for part in parts):
        columns.append(("Lowest 10%\nless than", [cell(p.percentile_10, p.percentile_10_hourly) for p in parts]))
        columns.append(("Highest 10%\nmore than", [cell(p.percentile_90, p.percentile_90_hourly) for p in parts]))
    names = [_name(part, len(years) > 1) for part in parts]
    rows = [[name, *(cells[i] for _, cells in columns)] for i, name in enumerate(names)]
    headers = ["Occupation", *(header for header, _ in columns)]
    blocks: list[Block] = [
        Grid(title + (", per hour" if per_hour else ""), headers, rows, frozenset(range(1, len(headers))))
    ]
    if means:
        blocks.append(Paragraph("Mean pay is the average: BLS publishes no median for these occupations."))
    return blocks


def _has_percentiles(part: OccupationPay) -> bool:
    figures = (part.percentile_10, part.percentile_90, part.percentile_10_hourly, part.percentile_90_hourly)
    return any(figure is not None for figure in figures)


def _name(part: OccupationPay, dated: bool) -> str:
    """The occupation as a table row names it: capitalized, as the page's sentences do not ("web developers")."""
    name = part.name[:1].upper() + part.name[1:]
    return with_year(name, part.year) if dated else name

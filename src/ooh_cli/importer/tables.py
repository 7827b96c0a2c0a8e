"""The tables of a profile's tabs, and the wages its Pay tab states in sentences.

The Work Environment tab (``div#tab-3``) lists the largest employers, in one table or in one for each occupation
the profile covers. The Pay tab (``div#tab-5``) states the median and the 10th and 90th percentile wages in
sentences ("The median hourly wage for bartenders was $16.12 in May 2024. ... The lowest 10 percent earned less
than $9.58, and the highest 10 percent earned more than $34.58."): the numbers, their unit and their year are
read and the sentences dropped; a profile of several occupations may state them for each. A table may give the
median wage of each detailed occupation ("Median annual wages for special education teachers in May 2024 were
as follows:"). Below them, a table for each occupation lists its median wages "in the top industries in which
they worked". The Job Outlook tab's ``table#outlook-table`` gives employment and its
projected change for the profile as a whole and, indented under it, for each occupation it covers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ooh_cli.importer.html import attr, text_of
from ooh_cli.importer.values import parse_decimal, parse_int, plain_number

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

_AMOUNT = r"\$\s*([\d,]+(?:\.\d+)?)"
_YEAR = r"((?:19|20)\d\d)"
_MEDIAN = re.compile(
    rf"The median (annual|hourly) wage for (.+?) was (equal to or greater than )?{_AMOUNT}( or more)? in May {_YEAR}",
    re.IGNORECASE,
)
_PERCENTILES = re.compile(
    rf"lowest 10 percent earned less than {_AMOUNT},? and the highest 10 percent earned more than {_AMOUNT}",
    re.IGNORECASE,
)
_INDUSTRIES = re.compile(
    rf"In May {_YEAR}, the median (annual|hourly) wages for (.+?) in the top industries in which they worked",
    re.IGNORECASE,
)
# "Median annual wages for special education teachers in May 2024 were as follows:"; physicians' table gives
# "mean (average) annual wages" instead.
_BY_OCCUPATION = re.compile(
    rf"(median|mean(?: \(average\))?) (annual|hourly) wages for (.+?) in May {_YEAR} were as follows", re.IGNORECASE
)
_TOP_CODED = re.compile(r"or more|equal to or greater than|at least|>=|\u2265", re.IGNORECASE)
_SOC = re.compile(r"\d\d-\d{4}")
_NOT_GIVEN = frozenset({"", "-", "\u2013", "\u2014"})
_EMPLOYERS_OF = re.compile(r"largest employers of (.+?) were", re.IGNORECASE)
_JOBS_IN_YEAR = re.compile(rf"jobs in {_YEAR}")
_LEVEL = re.compile(r"sub(\d)")
_BASE = re.compile(rf"Employment, {_YEAR}")
_PROJECTED = re.compile(rf"Projected Employment, {_YEAR}")


@dataclass(frozen=True, slots=True)
class Employer:
    name: str
    percent: int | float | None
    # The occupation the table is for, when the profile gives one table per occupation it covers.
    part: str | None = None


@dataclass(frozen=True, slots=True)
class Wages:
    """One median wage statement of the Pay tab and the percentiles stated after it, in its unit and year."""

    workers: str
    hourly: bool
    year: int
    median: int | float
    top_coded: bool = False
    percentile_10: int | float | None = None
    percentile_90: int | float | None = None


@dataclass(frozen=True, slots=True)
class IndustryWage:
    """Median wage in one of the top industries employing the occupation; hourly or annual, as the page gives."""

    name: str
    median_annual: int | float | None = None
    median_hourly: float | None = None
    part: str | None = None  # whose wages, when a profile gives a table for each occupation it covers
    top_coded: bool = False  # published as "$239,200 or more"


@dataclass(frozen=True, slots=True)
class IndustryTable:
    """A table of median wages in the top industries, and whose wages they are ("bartenders")."""

    workers: str
    year: int
    hourly: bool
    rows: tuple[IndustryWage, ...]
    # What could not be read of it, for the import report.
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class OccupationWage:
    """The pay of one detailed occupation of the Pay tab: a median wage statement of its own, with its
    percentiles, or a row of the tab's table of pay by occupation (of means, for physicians and surgeons)."""

    name: str
    year: int
    median_annual: int | float | None = None
    median_hourly: float | None = None
    top_coded: bool = False
    percentile_10: int | float | None = None
    percentile_90: int | float | None = None
    percentile_10_hourly: float | None = None
    percentile_90_hourly: float | None = None
    mean_annual: int | float | None = None

    @classmethod
    def of(cls, wages: Wages) -> OccupationWage:
        low, high = wages.percentile_10, wages.percentile_90
        if wages.hourly:
            return cls(
                wages.workers,
                wages.year,
                median_hourly=float(wages.median),
                top_coded=wages.top_coded,
                percentile_10_hourly=None if low is None else float(low),
                percentile_90_hourly=None if high is None else float(high),
            )
        return cls(wages.workers, wages.year, wages.median, None, wages.top_coded, low, high)


@dataclass(frozen=True, slots=True)
class ProjectionLine:
    """A row of the projections table. ``level`` is its indent: 0 for the profile, 1 for an occupation under
    it, 2 for one under that (physicians and surgeons: physicians, then anesthesiologists)."""

    title: str
    soc_code: str | None
    jobs: int | None
    projected_jobs: int | None
    change_percent: int | float | None
    change: int | None
    level: int = 0


@dataclass(frozen=True, slots=True)
class ProjectionsTable:
    base_year: int | None
    projected_year: int | None
    lines: tuple[ProjectionLine, ...]

    def detailed_codes(self) -> list[str]:
        """The SOC codes of the rows nothing is indented under: the detailed occupations the profile covers, or
        the profile's own code when the table has only its row. Never a group next to its own members."""
        lines = self.lines
        return [
            line.soc_code
            for index, line in enumerate(lines)
            if line.soc_code is not None and (index + 1 == len(lines) or lines[index + 1].level <= line.level)
        ]


def employer_tables(
    tab: LexborNode, title: str, jobs_year: int | None
) -> tuple[int | None, tuple[Employer, ...], list[str]]:
    """The "largest employers" tables of the Work Environment tab: their year, their rows, and what is amiss.

    Profiles that combine occupations may show one table per part ("The largest employers of facilities
    managers ..."): a table for the whole profile (its workers named as the title names them) is taken when
    there is one, else every part's, each employer marked with the part it belongs to.
    """
    candidates: list[tuple[str, LexborNode]] = []
    intro = ""
    for element in tab.css("p, table"):
        if element.tag == "p":
            # An empty paragraph (browsers make one of a stray </p>) shows nothing between intro and table.
            intro = text_of(element) or intro
        elif "largest employers" in intro.casefold():
            candidates.append((intro, element))
    if not candidates:
        return None, (), []
    # Whose employers each table lists: "software developers" in "The largest employers of software developers".
    parts = [(named.group(1) if (named := _EMPLOYERS_OF.search(i)) else None, i, table) for i, table in candidates]
    whole = [entry for entry in parts if entry[0] is not None and entry[0].casefold() == title.casefold()]
    if len(parts) > 1 and len(whole) == 1:
        parts = whole
    year = _JOBS_IN_YEAR.search(parts[0][1])
    warnings: list[str] = []
    employers = []
    for part, _, table in parts:
        if len(parts) > 1 and part is None:
            warnings.append("an employer table whose workers are not named")
        for row in table.css("tr"):
            cells = [text_of(cell) for cell in row.css("td")]
            if len(cells) < 2 or not cells[0]:
                continue
            percent = parse_decimal(cells[1])
            share = None if percent is None else plain_number(percent)
            employers.append(Employer(cells[0], share, (part or "part of the occupation") if len(parts) > 1 else None))
    return (int(year.group(1)) if year else jobs_year), tuple(employers), warnings


def _money(text: str, hourly: bool) -> int | float | None:
    """A wage as written: hourly wages as floats ("$14.00" is 14.0), annual ones whole where they are."""
    number = parse_decimal(text)
    if number is None:
        return None
    return float(number) if hourly else plain_number(number)


def _written_in(unit: str, amounts: list[str]) -> bool:
    """Whether wages are written as their unit says: with cents when hourly, without when annual."""
    hourly = unit.casefold() == "hourly"
    return all(("." in amount) == hourly for amount in amounts)


def wage_statements(text: str) -> tuple[list[Wages], list[str]]:
    """Every "The median ... wage for X was $N in May YYYY" of the Pay tab's text, each with the percentiles
    stated before the next one; and what could not be read."""
    found = list(_MEDIAN.finditer(text))
    statements: list[Wages] = []
    warnings: list[str] = []
    for index, match in enumerate(found):
        unit, workers, at_least, amount, or_more, year = match.groups()
        end = found[index + 1].start() if index + 1 < len(found) else len(text)
        percentiles = _PERCENTILES.search(text, match.end(), end)
        amounts = [amount, *(percentiles.groups() if percentiles else ())]
        if not _written_in(unit, amounts):
            warnings.append(f"{unit} wages of {workers} written as {['$' + a for a in amounts]}; not imported")
            continue
        hourly = unit.casefold() == "hourly"
        median = _money(amount, hourly)
        if median is None:
            continue
        low, high = (_money(a, hourly) for a in amounts[1:]) if percentiles else (None, None)
        statements.append(Wages(workers, hourly, int(year), median, bool(at_least or or_more), low, high))
    return statements, warnings


def industry_tables(tab: LexborNode) -> list[IndustryTable]:
    """The Pay tab's tables of median wages in the top industries.

    A table follows the paragraph that names it ("In May 2024, the median hourly wages for bartenders in the top
    industries in which they worked were as follows:"); its first cell names the industry, the second the wage,
    "$17.18" in the first row and "16.87" below. A wage published only as "$239,200 or more" is kept as 239,200,
    marked top-coded.
    """
    tables: list[IndustryTable] = []
    intro = ""
    for element in tab.css("p, table"):
        if element.tag == "p":
            intro = text_of(element) or intro
            continue
        match = _INDUSTRIES.search(intro)
        intro = ""  # one table to an introduction
        if match is None:
            continue
        year, unit, workers = match.groups()
        rows, warnings = _industry_rows(element, unit, workers)
        tables.append(IndustryTable(workers, int(year), unit.casefold() == "hourly", rows, warnings))
    return tables


def occupation_table(tab: LexborNode) -> tuple[tuple[OccupationWage, ...], list[str]]:
    """The Pay tab's table of pay by detailed occupation, where it has one: a table following "Median annual
    wages for special education teachers in May 2024 were as follows:", a row per occupation, the name in the
    first cell and the wage in the second. Physicians and surgeons have means in it instead of medians."""
    intro = ""
    for element in tab.css("p, table"):
        if element.tag == "p":
            intro = text_of(element) or intro
            continue
        match = _BY_OCCUPATION.search(intro)
        intro = ""
        if match is None:
            continue
        measure, unit, workers, year = match.groups()
        rows, warnings = _wage_rows(element, unit, f"pay of {workers} by occupation")
        mean = measure.casefold().startswith("mean")
        if mean and unit.casefold() == "hourly":
            return (), [f"pay of {workers} by occupation: hourly means are not imported"]
        occupations = tuple(
            OccupationWage(name, int(year), mean_annual=amount)
            if mean
            else OccupationWage(name, int(year), median_hourly=amount, top_coded=top_coded)
            if unit.casefold() == "hourly"
            else OccupationWage(name, int(year), amount, top_coded=top_coded)
            for name, amount, top_coded in rows
        )
        return occupations, list(warnings)
    return (), []


def _industry_rows(table: LexborNode, unit: str, workers: str) -> tuple[tuple[IndustryWage, ...], tuple[str, ...]]:
    """The industries of a table and their wages in ``unit``; none when a wage is in another unit."""
    rows, warnings = _wage_rows(table, unit, f"top industries of {workers}")
    hourly = unit.casefold() == "hourly"
    return tuple(
        IndustryWage(name, median_hourly=amount, top_coded=top_coded)
        if hourly
        else IndustryWage(name, amount, top_coded=top_coded)
        for name, amount, top_coded in rows
    ), warnings


def _wage_rows(
    table: LexborNode, unit: str, what: str
) -> tuple[list[tuple[str, int | float | None, bool]], tuple[str, ...]]:
    """Each row's name, wage in ``unit`` (None where unreadable) and whether the wage is top-coded; no rows
    when a wage is in another unit. ``what`` names the table in warnings."""
    hourly = unit.casefold() == "hourly"
    rows: list[tuple[str, int | float | None, bool]] = []
    warnings: list[str] = []
    for row in table.css("tr"):
        cells = [text_of(cell) for cell in row.css("td")]
        if len(cells) < 2 or not cells[0]:
            continue
        name, wage = cells[0], cells[1]
        top_coded = bool(_TOP_CODED.search(wage))
        figure = _TOP_CODED.sub("", wage).strip()
        amount = _money(figure, hourly)
        if amount is None:
            warnings.append(f"{what}: the wage {wage!r} of {name!r} is left out")
            rows.append((name, None, False))
        elif not _written_in(unit, [figure]):
            return [], (f"{what}: {wage!r} is not an {unit} wage; table not imported",)
        else:
            rows.append((name, amount, top_coded))
    return rows, tuple(warnings)


def _indent(heading: LexborNode | None) -> int:
    """The indent of a projections row: N of the class "subN" of the paragraph in its heading, else 0."""
    paragraph = heading.css_first("p") if heading is not None else None
    for name in attr(paragraph, "class").split() if paragraph is not None else ():
        found = _LEVEL.fullmatch(name)
        if found:
            return int(found.group(1))
    return 0


def projections_table(table: LexborNode) -> tuple[ProjectionsTable, list[str]]:
    """The rows of ``table#outlook-table``, columns found by their headings (cells name them in ``headers``).

    A row's title is its row heading; its indent shows what it is part of.
    """
    columns = {attr(th, "id"): text_of(th) for th in table.css("thead th[id]")}
    base_year = projected_year = None
    base_column = projected_column = ""
    for name in columns.values():
        if base := _BASE.fullmatch(name):
            base_year, base_column = int(base.group(1)), name
        if projected := _PROJECTED.fullmatch(name):
            projected_year, projected_column = int(projected.group(1)), name
    warnings: list[str] = []
    lines: list[ProjectionLine] = []
    for row in table.css("tbody tr"):
        cells: dict[str, str] = {}
        for cell in row.css("td"):
            # The most specific heading a cell names: "Percent" rather than "Change, 2024-34".
            names = [columns[ref] for ref in attr(cell, "headers").split() if ref in columns]
            if names:
                cells.setdefault(names[-1], text_of(cell))
        heading = row.css_first("th")
        title = text_of(heading) if heading is not None else ""
        if not title or not cells:
            continue
        code = cells.get("SOC Code", "")
        if code not in _NOT_GIVEN and not _SOC.fullmatch(code):
            warnings.append(f"projections table: unreadable SOC code {code!r} of {title!r}")
        texts = [cells.get(name, "") for name in (base_column, projected_column, "Percent", "Numeric")]
        jobs, projected_jobs, change = parse_int(texts[0]), parse_int(texts[1]), parse_int(texts[3])
        percent = parse_decimal(texts[2])
        figures = (jobs, projected_jobs, percent, change)
        unread = [
            text for text, figure in zip(texts, figures, strict=True) if figure is None and text not in _NOT_GIVEN
        ]
        if unread:
            warnings.append(f"projections table: unreadable figures {unread} of {title!r}")
        lines.append(
            ProjectionLine(
                title=title,
                soc_code=code if _SOC.fullmatch(code) else None,
                jobs=jobs,
                projected_jobs=projected_jobs,
                change_percent=None if percent is None else plain_number(percent),
                change=change,
                level=_indent(heading),
            )
        )
    return ProjectionsTable(base_year, projected_year, tuple(lines)), warnings

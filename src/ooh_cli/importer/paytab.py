"""The Pay tab of a profile page (``div#tab-5``): the profile's percentiles, each detailed occupation's pay and
the top industries' wages, sorted out of the statements and tables tables.py reads."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ooh_cli.importer.html import text_of
from ooh_cli.importer.tables import (
    IndustryWage,
    OccupationWage,
    Wages,
    industry_tables,
    occupation_table,
    wage_statements,
)

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode


@dataclass(slots=True)
class QuickFacts:
    """The figures of the Quick Facts table."""

    pay_year: int | None = None
    median_annual: int | float | None = None
    median_hourly: float | None = None
    top_coded: bool = False
    education: str | None = None
    experience: str | None = None
    training: str | None = None
    jobs_year: int | None = None
    jobs: int | None = None
    period: str | None = None
    growth_percent: int | float | None = None
    category: str | None = None
    change: int | None = None


@dataclass(slots=True)
class PayFigures:
    """The figures of the Pay tab, in the unit the page gives them and for the year of the profile's pay."""

    percentile_10: int | float | None = None
    percentile_90: int | float | None = None
    percentile_10_hourly: float | None = None
    percentile_90_hourly: float | None = None
    occupations: tuple[OccupationWage, ...] = ()
    industries: tuple[IndustryWage, ...] = ()


def read_pay_tab(tab: LexborNode, title: str, facts: QuickFacts) -> tuple[PayFigures, list[str]]:
    """The percentiles, the pay by occupation and the top industries' wages of the Pay tab.

    Profiles of several occupations state a median and percentiles for each part rather than for the whole:
    each is kept as the pay of that occupation, as is each row of a table of pay by occupation. Their tables
    of the top industries are kept, each wage marked with the workers it is of.
    """
    pay = PayFigures()
    statements, warnings = wage_statements(text_of(tab))
    own = statements if len(statements) == 1 else [w for w in statements if w.workers.casefold() == title.casefold()]
    if len(own) == 1:
        warnings += _wages(own[0], facts, pay)
    else:
        own = []
    parts = [wages for wages in statements if wages not in own]
    by_occupation, table_warnings = occupation_table(tab)
    warnings += table_warnings
    pay.occupations = (*(OccupationWage.of(wages) for wages in parts), *by_occupation)
    tables = industry_tables(tab)
    whole = [table for table in tables if table.workers.casefold() == title.casefold()]
    if len(tables) > 1 and len(whole) == 1:
        tables = whole
    for table in tables:
        warnings.extend(table.warnings)
        if table.year != facts.pay_year:
            if table.rows:
                warnings.append(f"top industries' wages are of May {table.year}, the pay of {facts.pay_year}; left out")
            continue
        part = table.workers if len(tables) > 1 else None
        pay.industries += tuple(replace(row, part=part) for row in table.rows)
    return pay, warnings


def _wages(wages: Wages, facts: QuickFacts, pay: PayFigures) -> list[str]:
    """The percentiles of the profile's wage statement, hourly or annual as stated.

    Where Quick Facts give no median pay, the statement's median and year stand in: BLS may publish an
    occupation's wages only for an earlier year ("Wage data ... were updated most recently in May 2017").
    """
    if facts.median_annual is None and facts.median_hourly is None:
        facts.pay_year, facts.top_coded = wages.year, wages.top_coded
        if wages.hourly:
            facts.median_hourly = float(wages.median)
        else:
            facts.median_annual = wages.median
    else:
        median = facts.median_hourly if wages.hourly else facts.median_annual
        if wages.year != facts.pay_year or median not in (None, wages.median):
            return [
                f"the Pay tab's median is ${wages.median} in May {wages.year}, Quick Facts give ${median} in"
                f" {facts.pay_year}; percentiles not imported"
            ]
    if wages.hourly:
        pay.percentile_10_hourly, pay.percentile_90_hourly = (
            None if value is None else float(value) for value in (wages.percentile_10, wages.percentile_90)
        )
    else:
        pay.percentile_10, pay.percentile_90 = wages.percentile_10, wages.percentile_90
    return []

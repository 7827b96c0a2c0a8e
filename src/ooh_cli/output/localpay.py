"""The `state-and-area` section of a profile: where most people do the work and where it pays best (OEWS).

It reads the wage table's header and one occupation's brief (worked out at import), so `ooh show` stays fast.
Tables come back as plain lists; profile.py turns them into blocks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ooh_cli.core.wagefile import MissingWages, Place, Row
from ooh_cli.output.wagetext import count_text, figures_record, pay_name, pay_text, use_hourly

if TYPE_CHECKING:
    from ooh_cli.core.places import Place as Asked  # where the words asked about, not an area's figures
    from ooh_cli.core.wages import LocalChoice


# Plain classes: defining a Struct or NamedTuple class would cost every `ooh show` more than they save.
class LocalTable:
    __slots__ = ("headers", "rows", "title")

    def __init__(self, title: str, headers: list[str], rows: list[list[str]]) -> None:
        self.title, self.headers, self.rows = title, headers, rows


class LocalPay:
    __slots__ = ("data", "intro", "tables")

    def __init__(self, intro: list[str], tables: list[LocalTable], data: dict[str, Any]) -> None:
        self.intro, self.tables = intro, tables
        self.data = data  # the same for json and yaml


def local_pay(
    profile_id: str,
    soc_codes: tuple[str, ...],
    choose: Callable[[tuple[str, ...], Asked | None], LocalChoice],
    whole: bool,
    pay_year: int | None = None,
    place: Asked | None = None,
) -> LocalPay:
    """The section for a profile (``choose``: the catalog's local_choice), or a line saying why there is none; with
    ``place``, first the figures there."""
    more = f"More: ooh wages {profile_id} (--state ST, --area NAME, --by area, --map)."
    try:
        choice = choose(soc_codes, place)
    except MissingWages:
        return _without("there is no wage table beside this data file; `ooh data import --oews FILE` builds it")
    brief, period, asked = choice.brief, choice.period, choice.asked
    if brief is None:
        return _without(f"OEWS {period} has no estimates for this occupation")
    hourly = brief.paid == "hourly"
    which = f"{brief.title} (SOC {brief.soc})"
    if choice.known > 1:
        which += f", the largest of the profile's {choice.known} detailed occupations"
    intro = [f"OEWS {period} estimates for {which}."]
    if whole and pay_year is not None:
        intro.append(f"They come a year after the Handbook's pay above (May {pay_year}).")
    _, note = use_hourly(brief.national, False)
    if note:
        intro.append(note)
    median, unit = pay_name("median", hourly), "hourly" if hourly else "annual"
    pay_header, jobs_header = f"Median {unit}, {period}", f"Jobs, {period}"
    asked_rows = [[e.area.name, pay_text(e.row, median), count_text(e.row, "employment")] for e in asked]
    tables = [
        *([LocalTable(f"Where you asked, {period}", ["Area", pay_header, jobs_header], asked_rows)] if asked else []),
        LocalTable(
            f"Most jobs, {period}", ["State", jobs_header, pay_header], _rows(brief.most_jobs, median, jobs_first=True)
        ),
        LocalTable(
            f"Best-paying states, {period}", ["State", pay_header, jobs_header], _rows(brief.best_states, median)
        ),
        LocalTable(
            f"Best-paying metro areas, {period}", ["Area", pay_header, jobs_header], _rows(brief.best_areas, median)
        ),
    ]
    data = {
        "period": period,
        "soc_code": brief.soc,
        "title": brief.title,
        **({"asked": [_record(e.area.code, e.area.name, e.row) for e in asked]} if place is not None else {}),
        "most_jobs": [_record(p.code, p.name, p.row) for p in brief.most_jobs],
        "best_paying_states": [_record(p.code, p.name, p.row) for p in brief.best_states],
        "best_paying_areas": [_record(p.code, p.name, p.row) for p in brief.best_areas],
    }
    return LocalPay([*intro, more], tables, data)


def _without(why: str) -> LocalPay:
    return LocalPay([f"No state and area pay: {why}."], [], {"period": None, "note": why})


def _rows(found: list[Place], median: str, jobs_first: bool = False) -> list[list[str]]:
    rows = []
    for place in found:
        pay, jobs = pay_text(place.row, median), count_text(place.row, "employment")
        rows.append([place.name, jobs, pay] if jobs_first else [place.name, pay, jobs])
    return rows


def _record(code: str, name: str, row: Row | None) -> dict[str, Any]:
    figures = figures_record(row)
    return {"area_code": code, "area": name} | {
        key: figures[key] for key in ("employment", "annual_median", "hourly_median", "lq", "notes")
    }

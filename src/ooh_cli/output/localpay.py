"""The `state-and-area` section of a profile: where most people do the work and where it pays best (OEWS).

The store chooses the occupation and reads its brief (worked out at import, core/wages.py), so `ooh show`
stays fast. Tables come back as plain lists; profile.py turns them into blocks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ooh_cli.core.wagefile import Brief, MissingWages, Place
from ooh_cli.output.wagetext import count_text, figures_record, pay_name, pay_text, use_hourly


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
    choose: Callable[[tuple[str, ...]], tuple[Brief | None, int, str]],
    whole: bool,
    pay_year: int | None = None,
) -> LocalPay:
    """The section for a profile (``choose``: the store's local_choice), or a line saying why there is none."""
    more = f"More: ooh wages {profile_id} (--state ST, --area NAME, --by area, --map)."
    try:
        brief, count, period = choose(soc_codes)
    except MissingWages:
        return _without("there is no wage table beside this data file; `ooh data import --oews FILE` builds it")
    if brief is None:
        return _without(f"OEWS {period} has no estimates for this occupation")
    hourly = brief.paid == "hourly"
    which = f"{brief.title} (SOC {brief.soc})"
    if count > 1:
        which += f", the largest of the profile's {count} detailed occupations"
    intro = [f"OEWS {period} estimates for {which}."]
    if whole and pay_year is not None:
        intro.append(f"They come a year after the Handbook's pay above (May {pay_year}).")
    _, note = use_hourly(brief.national, False)
    if note:
        intro.append(note)
    median, unit = pay_name("median", hourly), "hourly" if hourly else "annual"
    pay_header, jobs_header = f"Median {unit}, {period}", f"Jobs, {period}"
    tables = [
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
        "most_jobs": [_record(p) for p in brief.most_jobs],
        "best_paying_states": [_record(p) for p in brief.best_states],
        "best_paying_areas": [_record(p) for p in brief.best_areas],
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


def _record(place: Place) -> dict[str, Any]:
    figures = figures_record(place.row)
    return {"area_code": place.code, "area": place.name} | {
        key: figures[key] for key in ("employment", "annual_median", "hourly_median", "lq", "notes")
    }

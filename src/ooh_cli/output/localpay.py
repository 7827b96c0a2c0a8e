"""The `state-and-area` section of a profile: where most people do the work and where it pays best (OEWS).

It reads the wage table's header, its areas and one occupation's rows, nothing more, so `ooh show` stays fast.
Tables come back as plain lists; profile.py turns them into blocks.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ooh_cli.core.errors import DataError
from ooh_cli.core.model import Record
from ooh_cli.core.wagefile import MissingWages
from ooh_cli.core.wages import Estimate, estimates, local_areas, national, occupations, open_table, rank, state_areas
from ooh_cli.output.wages import count_text, figures_record, pay_name, pay_text, use_hourly

TOP = 5


class LocalTable(Record, frozen=True):
    title: str
    headers: list[str]
    rows: list[list[str]]


class LocalPay(Record, frozen=True):
    intro: list[str]
    tables: list[LocalTable]
    data: dict[str, Any]  # the same for json and yaml


def local_pay(
    profile_id: str, soc_codes: tuple[str, ...], data_path: Path | None, whole: bool, pay_year: int | None = None
) -> LocalPay:
    """The section for a profile, or a line saying why there is none."""
    more = f"More: ooh wages {profile_id} (--state ST, --area NAME, --by area, --map)."
    if data_path is None:
        return _without("this data file has no wage table beside it")
    try:
        table = open_table(data_path)
    except MissingWages:
        return _without("there is no wage table beside this data file; `ooh data import --oews FILE` builds it")
    except DataError as error:
        return _without(str(error))
    period = table.header.release
    found = occupations(table, soc_codes)
    if not found:
        return _without(f"OEWS {period} has no estimates for this occupation")
    occ = found[0]
    hourly, note = use_hourly(national(table, occ.soc), False)
    which = f"{occ.title} (SOC {occ.soc})"
    if len(found) > 1:
        which += f", the largest of the profile's {len(found)} detailed occupations"
    intro = [f"OEWS {period} estimates for {which}."]
    if whole and pay_year is not None:
        intro.append(f"They are a year apart from the Handbook's pay above (May {pay_year}).")
    if note:
        intro.append(note)
    states = estimates(table, occ.soc, state_areas(table))
    areas = estimates(table, occ.soc, local_areas(table))
    median, unit = pay_name("median", hourly), "hourly" if hourly else "annual"
    pay_header, jobs_header = f"Median {unit}, {period}", f"Jobs, {period}"
    most = rank(states, "jobs")[:TOP]
    best_states = rank(states, "pay", hourly)[:TOP]
    best_areas = rank(areas, "pay", hourly)[:TOP]
    tables = [
        LocalTable(f"Most jobs, {period}", ["State", jobs_header, pay_header], _rows(most, median, jobs_first=True)),
        LocalTable(f"Best-paying states, {period}", ["State", pay_header, jobs_header], _rows(best_states, median)),
        LocalTable(f"Best-paying metro areas, {period}", ["Area", pay_header, jobs_header], _rows(best_areas, median)),
    ]
    data = {
        "period": period,
        "soc_code": occ.soc,
        "title": occ.title,
        "most_jobs": [_record(e) for e in most],
        "best_paying_states": [_record(e) for e in best_states],
        "best_paying_areas": [_record(e) for e in best_areas],
    }
    return LocalPay([*intro, more], tables, data)


def _without(why: str) -> LocalPay:
    return LocalPay([f"No state and area pay: {why}."], [], {"period": None, "note": why})


def _rows(found: list[Estimate], median: str, jobs_first: bool = False) -> list[list[str]]:
    rows = []
    for e in found:
        pay, jobs = pay_text(e.row, median), count_text(e.row, "employment")
        rows.append([e.area.name, jobs, pay] if jobs_first else [e.area.name, pay, jobs])
    return rows


def _record(estimate: Estimate) -> dict[str, Any]:
    figures = figures_record(estimate.row)
    return {"area_code": estimate.area.code, "area": estimate.area.name} | {
        key: figures[key] for key in ("employment", "annual_median", "hourly_median", "lq", "notes")
    }

"""`ooh list --state` and `ooh compare --state`: a state's OEWS pay in place of (or beside) the national figures."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import msgspec

from ooh_cli.cli.session import Session
from ooh_cli.output import emit, markdown_renderer, renderer

if TYPE_CHECKING:
    from ooh_cli.core.orders import SortKey
    from ooh_cli.core.query import Filters
    from ooh_cli.core.records import Summary
    from ooh_cli.core.states import State
    from ooh_cli.core.wages import StatePay
    from ooh_cli.output.views import Comparison, Listing


def _pay_in(current: Session, state: State, profiles: list[Summary]) -> tuple[dict[str, StatePay], str]:
    return current.store.state_pay(state, profiles)


def _money(pay: StatePay | None) -> str:
    if pay is None or not pay.estimated:
        return "no estimate"
    if pay.annual is not None:
        return f"${pay.annual:,}"
    return f"${pay.hourly:,.2f}/hour" if pay.hourly is not None else "not released"


def _jobs(pay: StatePay | None) -> str:
    if pay is None or not pay.estimated:
        return "no estimate"
    return f"{pay.jobs:,}" if pay.jobs is not None else "not released"


def _record(state: State, period: str, pay: StatePay | None) -> dict[str, Any]:
    return {
        "state": state.postal,
        "state_period": period,
        "state_soc_code": pay.soc if pay else None,
        "state_median_pay": pay.annual if pay else None,
        "state_median_hourly": pay.hourly if pay else None,
        "state_jobs": pay.jobs if pay else None,
    }


def list_in_state(
    current: Session,
    fmt: str,
    state: State,
    filters: Filters,
    sort: SortKey,
    reverse: bool,
    limit: int | None,
) -> None:
    """`ooh list --state ST`: the pay column, pay filters and pay order use the state's median (OEWS)."""
    from ooh_cli.core.facts import fact_row, facts
    from ooh_cli.core.query import sort_profiles
    from ooh_cli.output.views import LIST_KEYS, footer, listing

    catalog = current.catalog()
    pays, period = _pay_in(current, state, catalog.summaries)
    # The state's medians stand in for the national ones, so filters and sorting work as they always do.
    local = [
        msgspec.structs.replace(
            s,
            median_pay=pays[s.id].annual if s.id in pays else None,
            median_hourly=pays[s.id].hourly if s.id in pays else None,
            pay_year=None,
            top_coded=False,
        )
        for s in catalog.summaries
    ]
    matched = sort_profiles([s for s in local if filters.accepts(s)], sort, reverse)
    shown = matched[:limit] if limit is not None else matched
    if not shown:
        current.env.message("no occupations match these filters")
    meta = catalog.meta
    several = any(pays[s.id].several for s in shown if s.id in pays)

    def table_data() -> Listing:
        extra = ("Pay is for", [pays[s.id].title if s.id in pays else "" for s in shown]) if several else None
        text = footer(len(shown), len(matched))
        text += f". Pay: OEWS {period} median in {state.name}; the other columns are the Handbook's national figures"
        if several:
            text += f". A profile of several occupations shows the one with the most jobs in {state.name}"
        data = listing(meta, shown, LIST_KEYS, extra, text)
        headers = list(data.headers)
        headers[LIST_KEYS.index("median_pay")] = f"Median pay\n{state.name}, {period}"
        pay_at = LIST_KEYS.index("median_pay")
        rows = [list(row) for row in data.rows]
        for row, profile in zip(rows, shown, strict=True):
            if profile.median_pay is None and profile.median_hourly is None:
                row[pay_at] = _money(pays.get(profile.id))
        return msgspec.structs.replace(data, headers=headers, rows=rows)

    originals = {s.id: s for s in catalog.summaries}

    def records() -> list[dict[str, Any]]:
        columns = facts(meta)
        return [fact_row(originals[s.id], columns) | _record(state, period, pays.get(s.id)) for s in shown]

    def fields() -> list[str]:
        return [fact.key for fact in facts(meta)] + list(_record(state, period, None))

    env = current.env
    emit(
        env,
        fmt,
        table=lambda: renderer(env).listing(table_data(), env) if shown else None,
        json=records,
        csv=lambda: (records(), fields()),
        markdown=lambda: markdown_renderer().listing(table_data()) if shown else "",
    )


def state_lines(current: Session, states: list[State], profiles: list[Summary], compared: Comparison) -> Comparison:
    """`ooh compare --state`: each state's median pay and jobs as rows under the national ones."""
    from ooh_cli.output.views import Cell, Line

    lines = list(compared.lines)
    notes = list(compared.notes)
    period = ""
    for state in states:
        pays, period = _pay_in(current, state, profiles)
        found = [pays.get(p.id) for p in profiles]
        pay_values = [p.annual if p and p.annual is not None else None for p in found]
        best = max((v for v in pay_values if v is not None), default=None)
        cells = [Cell(_money(p), best is not None and v == best) for p, v in zip(found, pay_values, strict=True)]
        lines.append(Line(f"Median pay, {state.name}, {period}", cells, len({c.text for c in cells}) > 1))
        jobs = [Cell(_jobs(p)) for p in found]
        lines.append(Line(f"Jobs, {state.name}, {period}", jobs, len({c.text for c in jobs}) > 1))
        if any(p and p.several for p in found):
            used = [Cell(f"{p.title} ({p.soc})" if p and p.several else "") for p in found]
            lines.append(Line(f"Occupation used, {state.name}", used, True))
    if states:
        notes.append(
            f"State rows are OEWS {period} estimates; for a profile of several occupations, the one with the most "
            "jobs in that state."
        )
    return msgspec.structs.replace(compared, lines=lines, notes=notes)


def state_records(current: Session, states: list[State], profiles: list[Summary]) -> list[dict[str, Any]]:
    """The state figures of each compared profile, for json and csv (merged into its record)."""
    merged: list[dict[str, Any]] = [{} for _ in profiles]
    for state in states:
        pays, period = _pay_in(current, state, profiles)
        for record, profile in zip(merged, profiles, strict=True):
            figures = _record(state, period, pays.get(profile.id))
            record.update({f"{key}_{state.postal.lower()}": value for key, value in figures.items() if key != "state"})
    return merged

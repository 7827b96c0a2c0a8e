"""`ooh wages`: an occupation's pay by state and metro area, from OEWS May 2025."""

# No `from __future__ import annotations`: see lookup.py.
from typing import TYPE_CHECKING, Annotated, Literal, get_args

import typer

from ooh_cli.cli.options import LimitOption, OccupationArg, TableFormatOption, complete_state, examples
from ooh_cli.cli.session import session
from ooh_cli.cli.words import OneOf, OohTyper
from ooh_cli.core.errors import NotFoundError, UsageError
from ooh_cli.output import emit, markdown_renderer, renderer

if TYPE_CHECKING:
    from ooh_cli.core.states import State
    from ooh_cli.core.wagefile import WageTable
    from ooh_cli.core.wages import Occupation, WageSort
    from ooh_cli.output.env import Environment
    from ooh_cli.output.tilemap import TileMap
    from ooh_cli.output.views import Listing
    from ooh_cli.output.wages import WageReport

app = OohTyper()

# `--by area` ranks hundreds of areas: without --limit it shows the top ones.
AREA_LIMIT = 20
By = Literal["state", "area", "lq"]
Sort = Literal["pay", "jobs", "lq"]  # core.wages.WageSort, spelt out here: Typer reads it at every start
BY = OneOf(*get_args(By))
SORTS = OneOf(*get_args(Sort))


@app.command(
    epilog=examples(
        "ooh wages registered-nurses",
        "ooh wages registered-nurses --state TX --state california",
        'ooh wages software-developers --area "San Jose"',
        "ooh wages electricians --by area --state CA --limit 10",
        "ooh wages dental-hygienists --map",
    ),
)
def wages(
    ctx: typer.Context,
    occupation: OccupationArg,
    state: Annotated[
        list[str] | None,
        typer.Option(
            "--state",
            "-s",
            metavar="STATE",
            autocompletion=complete_state,
            help="A state by postal code or name (TX, texas); repeat for several.",
            show_default=False,
        ),
    ] = None,
    area: Annotated[
        list[str] | None,
        typer.Option(
            "--area",
            "-a",
            metavar="NAME",
            help='Metro and nonmetro areas whose names contain this, e.g. "San Jose" (with --state: in that state).',
            show_default=False,
        ),
    ] = None,
    by: Annotated[
        By | None,
        typer.Option(
            "--by",
            help="Rank the states or the metro and nonmetro areas (with --state: those in it); with --map, "
            "lq shades by location quotient.",
            parser=BY,
            metavar=BY.metavar,
            autocompletion=BY.complete,
            show_default=False,
        ),
    ] = None,
    sort: Annotated[
        Sort | None,
        typer.Option(
            "--sort",
            help="Order by median pay, jobs or location quotient, largest first.",
            parser=SORTS,
            metavar=SORTS.metavar,
            autocompletion=SORTS.complete,
        ),
    ] = None,
    limit: LimitOption = None,
    hourly: Annotated[bool, typer.Option("--hourly", help="Hourly rather than annual pay.")] = False,
    map_: Annotated[bool, typer.Option("--map", help="The states as a map of tiles, shaded by median pay.")] = False,
    soc: Annotated[
        str | None,
        typer.Option(
            "--soc",
            metavar="CODE",
            help="One detailed occupation of the profile, by SOC code (29-1141).",
            show_default=False,
        ),
    ] = None,
    fmt: TableFormatOption = "table",
) -> None:
    """Pay by state and metro area (OEWS May 2025): the nation's figures, then states ranked by median pay."""
    from ooh_cli.core.names import soc_code
    from ooh_cli.core.states import find_states
    from ooh_cli.core.wages import occupations

    if by == "lq" and not map_:
        raise UsageError("--by lq shades the map: add --map (to rank by location quotient, use --sort lq)")
    if area and by is not None:
        raise UsageError("--area and --by conflict: --area picks areas by name, --by ranks them all")
    if map_ and (area or by == "area" or limit):
        given = "--area" if area else "--by area" if by == "area" else "--limit"
        raise UsageError(f"--map draws every state; it does not go with {given}")
    chosen_states = find_states(state)
    current = session(ctx)
    match, place = current.resolve_with_place(" ".join(occupation), fmt)
    occ = match.summary
    if place is not None and place.areas:
        area = [*(area or []), *place.areas]
    elif place is not None and place.state is not None and place.state not in chosen_states:
        chosen_states.append(place.state)
    table = current.store.wages()
    period = table.release
    found = occupations(table, occ.soc_codes, soc)
    if not found:
        codes = ", ".join(occ.soc_codes) or "none"
        raise NotFoundError(f"OEWS {period} has no estimates for {occ.title} (SOC {codes})")
    env = current.env
    typed = soc_code(" ".join(occupation))
    order = "the most jobs first"
    if typed in occ.soc_codes and len(found) > 1:  # the code typed first, then the others
        found.sort(key=lambda o: o.soc != typed)
        order = f"{typed} first, then the most jobs"
    if len(found) > 1:
        env.message(f"{occ.title} covers {len(found)} detailed occupations, {order}; --soc CODE shows one")
    if map_:
        maps = [_map(table, o, chosen_states, "lq" in (by, sort), hourly) for o in found]
        _emit_maps(env, fmt, maps, period)
        return
    reports = [_report(table, o, chosen_states, area, by, sort, limit, hourly, env) for o in found]
    _emit_reports(env, fmt, reports, period)


def _report(
    table: "WageTable",
    occ: "Occupation",
    states: list["State"],
    names: list[str] | None,
    by: str | None,
    sort: "WageSort | None",
    limit: int | None,
    hourly: bool,
    env: "Environment",
) -> "WageReport":
    from ooh_cli.core.wages import estimates, local_areas, match_areas, national, rank, state_areas
    from ooh_cli.output.wages import WageReport
    from ooh_cli.output.wagetext import use_hourly

    row = national(table, occ.soc)
    hourly, note = use_hourly(row, hourly)
    label = {"pay": "median pay", "jobs": "jobs", "lq": "location quotient"}
    if names:
        found = estimates(table, occ.soc, match_areas(table, names, states or None))
        heading = f"Areas matching {', '.join(repr(n) for n in names)}"
    elif by == "area":
        found = estimates(table, occ.soc, local_areas(table, states or None))
        where = f" in {', '.join(s.name for s in states)}" if states else ""
        heading = f"Metro and nonmetro areas{where} by {label[sort or 'pay']}"
        sort = sort or "pay"
        limit = limit or AREA_LIMIT
    elif states:
        found = estimates(table, occ.soc, state_areas(table, states))
        heading = "Chosen states"
        sort = sort or ("pay" if by == "state" else None)
    else:
        found = estimates(table, occ.soc, state_areas(table))
        heading = f"States by {label[sort or 'pay']}"
        sort = sort or "pay"
    if sort is not None:
        found = rank(found, sort, hourly)
        if names or (states and by != "area"):
            heading += f", by {label[sort]}"
    missing = [e.area.name for e in found if e.row is None]
    chosen = bool(names) or (bool(states) and by != "area")
    if chosen:  # areas asked for by name: say which have no estimate
        for name in missing:
            env.message(f"OEWS has no estimate for {occ.title} in {name}")
    total = len(found)
    shown = found[:limit] if limit else found
    notes = [f"{len(shown)} of {total} shown; --limit for more"] if len(shown) < total else []
    if missing and not chosen:
        notes.append(f"{len(missing)} without an estimate, listed last")
    footer = "; ".join(notes)
    first = "Area" if names or by == "area" else "State"
    return WageReport(occ, row, shown, hourly, note, heading, first, footer, sort)


def _emit_reports(env: "Environment", fmt: str, reports: list["WageReport"], period: str) -> None:
    from ooh_cli.output.wages import area_listing, national_lines, report_records, report_rows

    def listing(r: "WageReport") -> "Listing":
        return area_listing(r.found, r.first, period, r.hourly, r.footer, r.sort)

    def table() -> None:
        for i, r in enumerate(reports):
            lines = national_lines(r.occupation, r.national, period, r.hourly, env.ascii_only)
            if r.note:
                lines.append(f"  {r.note}")
            env.stdout.write(("\n" if i else "") + "\n".join([*lines, "", f"{r.heading}, OEWS {period}"]) + "\n")
            renderer(env).listing(listing(r), env)

    def markdown() -> str:
        parts = []
        for r in reports:
            lines = national_lines(r.occupation, r.national, period, r.hourly, ascii_only=True)
            parts.append(f"## {lines[0]}\n\n" + "\n".join(f"- {line.strip()}" for line in lines[1:]))
            if r.note:
                parts.append(r.note)
            parts.append(f"### {r.heading}, OEWS {period}\n\n" + markdown_renderer().listing(listing(r)).rstrip())
        return "\n\n".join(parts) + "\n"

    emit(
        env,
        fmt,
        table=table,
        json=lambda: report_records(reports, period),
        csv=lambda: report_rows(reports, period),
        markdown=markdown,
    )


def _map(table: "WageTable", occ: "Occupation", states: list["State"], lq: bool, hourly: bool) -> "TileMap":
    from ooh_cli.core.wages import estimates, national, state_areas
    from ooh_cli.output.tilemap import tile_map
    from ooh_cli.output.wagetext import use_hourly

    hourly, _ = use_hourly(national(table, occ.soc), hourly)
    found = estimates(table, occ.soc, state_areas(table, states or None))
    name = "lq" if lq else "hourly_median" if hourly else "annual_median"
    values = {e.area.states[0]: e.row.value(name) if e.row else None for e in found}
    if lq:
        title = f"{occ.title} (SOC {occ.soc}): location quotient by state, OEWS {table.release}"
        return tile_map(title, values, lambda v: f"{v:.2f}", lambda v: f"{v:.2f}")
    unit = "hourly" if hourly else "annual"
    title = f"{occ.title} (SOC {occ.soc}): median {unit} pay by state, OEWS {table.release}"
    if hourly:
        return tile_map(title, values, lambda v: f"${v:.2f}", lambda v: f"${v:,.2f}")
    return tile_map(title, values, lambda v: f"${v / 1000:.0f}k", lambda v: f"${v:,.0f}")


def _emit_maps(env: "Environment", fmt: str, maps: list["TileMap"], period: str) -> None:
    from ooh_cli.output import tilemap

    def table() -> None:
        draw = tilemap.terminal if env.colour else tilemap.plain
        for i, view in enumerate(maps):
            if i:
                env.stdout.write("\n")
            draw(view, env)

    def records() -> list[dict[str, object]]:
        return [
            {"title": m.title, "period": period, "states": {t.postal: t.text for row in m.rows for t in row if t}}
            for m in maps
        ]

    def rows() -> tuple[list[dict[str, object]], list[str]]:
        out: list[dict[str, object]] = [
            {"title": m.title, "state": t.postal, "figure": t.text} for m in maps for row in m.rows for t in row if t
        ]
        return out, ["title", "state", "figure"]

    def markdown() -> str:
        from io import StringIO

        from ooh_cli.output.env import Environment

        buffer = StringIO()
        for view in maps:
            tilemap.plain(view, Environment(buffer, env.stderr, False, True))
        return f"```\n{buffer.getvalue()}```\n"

    emit(env, fmt, table=table, json=records, csv=rows, markdown=markdown)

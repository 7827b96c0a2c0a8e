"""Local pay: the OEWS estimates of a profile's occupations by state and area, chosen, matched and ranked."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import msgspec

from ooh_cli.core.errors import NotFoundError, UsageError
from ooh_cli.core.names import fold, soc_code
from ooh_cli.core.wagefile import NATIONAL, Area, Brief, Place, Row, WageTable, paid_only, wages_path

if TYPE_CHECKING:
    from ooh_cli.core.states import State

WageSort = Literal["pay", "jobs", "lq"]
AREA_KINDS = ("metro", "nonmetro")


# Structs rather than NamedTuples: a NamedTuple class costs a lookup's start-up several times more to define.
class Estimate(msgspec.Struct, frozen=True):
    """One area's row for one occupation; ``row`` is None where OEWS has no estimate there."""

    area: Area
    row: Row | None


class Occupation(msgspec.Struct, frozen=True):
    """One detailed occupation (SOC code) of a profile, as OEWS titles it, with its national employment."""

    soc: str
    title: str
    jobs: int | None


def open_table(data_path: Path) -> WageTable:
    """The wage table beside the data file (MissingWages when there is none)."""
    return WageTable(wages_path(data_path))


def occupations(table: WageTable, soc_codes: Sequence[str], chosen: str | None = None) -> list[Occupation]:
    """The profile's detailed occupations with estimates, largest national employment first, or just ``chosen``."""
    if chosen is not None:
        code = soc_code(chosen)
        if code is None or code not in soc_codes:
            raise UsageError(f"--soc: {chosen!r} is not a SOC code of this profile; expected one of", list(soc_codes))
        soc_codes = [code]
    column = table.column(NATIONAL)
    found = []
    for soc in soc_codes:
        index, title = table.index(soc), table.title(soc)
        if index is None or title is None:
            continue
        found.append(Occupation(soc, title, column.employment[index] if column else None))
    found.sort(key=lambda occ: -(occ.jobs or 0))
    return found


def national(table: WageTable, soc: str) -> Row | None:
    """The nation's row for ``soc`` (the nation is the first area)."""
    return next((row for row in table.rows(soc) if row.area == 0), None)


def estimates(table: WageTable, soc: str, areas: Sequence[Area]) -> list[Estimate]:
    """``soc``'s row in each of ``areas``, in that order (None where OEWS has none)."""
    by_area = {row.area: row for row in table.rows(soc)}
    position = {area.code: i for i, area in enumerate(table.areas())}
    return [Estimate(area, by_area.get(position[area.code])) for area in areas]


def state_areas(table: WageTable, states: Sequence[State] | None = None) -> list[Area]:
    """The state areas, all or those of ``states`` in the order given."""
    every = [area for area in table.areas() if area.kind == "state"]
    if states is None:
        return every
    by_postal = {area.states[0]: area for area in every}
    return [by_postal[state.postal] for state in states if state.postal in by_postal]


def local_areas(table: WageTable, states: Sequence[State] | None = None) -> list[Area]:
    """The metropolitan and nonmetropolitan areas, all or those within ``states``."""
    postal = {state.postal for state in states or ()}
    return [
        area for area in table.areas() if area.kind in AREA_KINDS and (not postal or postal.intersection(area.states))
    ]


def match_areas(table: WageTable, texts: Sequence[str], states: Sequence[State] | None = None) -> list[Area]:
    """The areas (of ``states``, if given) whose names contain each text ("San Jose"), also written with its
    state ("Austin, TX", "Austin TX") or by an everyday name of the vocabulary ("nyc", "bay area").

    A text that matches nothing is a NotFoundError naming the closest areas.
    """
    areas = local_areas(table, states)
    found: list[Area] = []
    for text in texts:
        matched = _areas_named(areas, text)
        if not matched:
            suggestions = _closest_areas(areas, text)
            hint = "; the closest names:" if suggestions else "; `ooh wages OCCUPATION --by area` lists them"
            where = f" in {', '.join(state.name for state in states)}" if states else ""
            raise NotFoundError(
                f"--area: no metropolitan or nonmetropolitan area{where} matches {text!r}{hint}", suggestions
            )
        found.extend(area for area in matched if area not in found)
    return found


def _areas_named(areas: Sequence[Area], text: str) -> list[Area]:
    from ooh_cli.core.states import BY_POSTAL

    key = fold(text)
    matched = [area for area in areas if key and key in fold(area.name)]
    words = text.replace(",", " ").split()
    if not matched and len(words) > 1 and words[-1].upper() in BY_POSTAL:
        place, postal = fold(" ".join(words[:-1])), words[-1].upper()
        matched = [area for area in areas if place and place in fold(area.name) and postal in area.states]
    if not matched and key:
        from ooh_cli.core import vocabulary  # read only for a name that no area has
        from ooh_cli.core.datafile import vocabulary_path

        names = vocabulary.load(vocabulary_path()).area_names().get(key, [])
        matched = [area for area in areas if any(fold(name) in fold(area.name) for name in names)]
    return matched


def _closest_areas(areas: Sequence[Area], text: str) -> list[str]:
    """Area names close to ``text``: by the whole name, by their first place ("Austn": Austin-Round Rock...),
    or sharing a word."""
    import difflib

    names = [area.name for area in areas]
    key = fold(text)
    first_places = {fold(name.split(",")[0].split("-")[0]): name for name in names}
    close = difflib.get_close_matches(text, names, n=5, cutoff=0.4)
    near = [first_places[p] for p in difflib.get_close_matches(key, list(first_places), n=5, cutoff=0.75)]
    words = [name for name in names if any(word in fold(name) for word in key.split("-") if len(word) > 2)]
    return list(dict.fromkeys([*near, *close, *words]))[:8]


def figure(row: Row | None, sort: WageSort, hourly: bool) -> int | None:
    """The figure an estimate is ranked by, as stored (scaled integers order as the figures do)."""
    if row is None:
        return None
    if sort == "jobs":
        return row.employment
    if sort == "lq":
        return row.lq
    return row.hourly_median if hourly else row.annual_median


def rank(found: Sequence[Estimate], sort: WageSort, hourly: bool = False) -> list[Estimate]:
    """Largest first; estimates without the figure last, in their order."""
    keyed = [(figure(e.row, sort, hourly), e) for e in found]
    known = [(value, e) for value, e in keyed if value is not None]
    known.sort(key=lambda pair: -pair[0])
    return [e for _, e in known] + [e for value, e in keyed if value is None]


class StatePay(msgspec.Struct, frozen=True):
    """A profile's pay in one state: of its detailed occupations, the one with the most jobs there."""

    soc: str
    title: str  # OEWS's title, given only when the profile has several detailed occupations
    annual: int | None
    hourly: float | None
    jobs: int | None
    estimated: bool  # whether OEWS has an estimate there at all (its figures may still be unreleased)
    several: bool  # whether the profile has several detailed occupations with estimates


def state_pay(table: WageTable, state: State, profiles: Sequence[tuple[str, Sequence[str]]]) -> dict[str, StatePay]:
    """``profiles`` (id, SOC codes) to their pay in ``state``, read from that state's column alone."""
    column = table.column(f"{state.fips}00000")
    if column is None:
        raise NotFoundError(f"the wage table has no figures for {state.name}")
    found = {}
    for profile_id, soc_codes in profiles:
        best: tuple[int, int, str] | None = None
        known = 0
        for soc in soc_codes:
            index = table.index(soc)
            if index is None:
                continue
            known += 1
            jobs = column.employment[index]
            if best is None or (jobs or -1) > best[0]:
                best = (jobs if jobs is not None else -1, index, soc)
        if best is None:
            continue
        _, index, soc = best
        hourly = column.hourly_median[index]
        found[profile_id] = StatePay(
            soc,
            (table.title(soc) or soc) if known > 1 else "",
            column.annual_median[index],
            None if hourly is None else hourly / 100,
            column.employment[index],
            column.estimated[index],
            known > 1,
        )
    return found


TOP = 5


def brief_of(soc: str, title: str, rows: list[Row], areas: list[Area]) -> Brief:
    """What `ooh show` prints of ``soc``: the states with the most jobs, the best-paying states and areas."""
    national = next((row for row in rows if areas[row.area].kind == "national"), None)
    paid = paid_only(national) or ""
    hourly = paid == "hourly"
    states = [Estimate(areas[row.area], row) for row in rows if areas[row.area].kind == "state"]
    local = [Estimate(areas[row.area], row) for row in rows if areas[row.area].kind in AREA_KINDS]

    def places(found: list[Estimate]) -> list[Place]:
        return [Place(e.area.code, e.area.name, e.row) for e in found[:TOP] if e.row is not None]

    return Brief(
        soc,
        title,
        national,
        paid,
        places(rank(states, "jobs")),
        places(rank(states, "pay", hourly)),
        places(rank(local, "pay", hourly)),
    )


def describe(data_path: Path) -> str | None:
    """What the wage table beside a data file holds, for `ooh data info`; None when there is none."""
    from ooh_cli.core.wagefile import MissingWages

    try:
        table = open_table(data_path)
    except MissingWages:
        return None
    return f"OEWS {table.header.release}, {len(table.socs)} SOC codes ({table.path})"

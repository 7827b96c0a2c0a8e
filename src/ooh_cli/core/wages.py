"""Local pay: the OEWS estimates of a profile's occupations by state and area, chosen, matched and ranked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

import msgspec

from ooh_cli.core.errors import NotFoundError, UsageError
from ooh_cli.core.names import fold, soc_code
from ooh_cli.core.wagefile import NATIONAL, Area, Brief, Place, Row, WageTable, paid_only

if TYPE_CHECKING:
    from ooh_cli.core.places import Place as Asked  # where the words asked about, not an area's figures
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


def occupations(table: WageTable, soc_codes: Sequence[str], chosen: str | None = None) -> list[Occupation]:
    """The profile's detailed occupations with estimates, largest national employment first, or just ``chosen``."""
    if chosen is not None:
        code = soc_code(chosen)
        if code is None or code not in soc_codes:
            raise UsageError(f"--soc: {chosen!r} is not a SOC code of this profile; expected one of", list(soc_codes))
        soc_codes = [code]
    titles = table.titles(soc_codes)
    nation = table.in_area(NATIONAL, list(titles)) or {}
    found = []
    for soc in soc_codes:
        title = titles.get(soc)
        if title is None:
            continue
        row = nation.get(soc)
        found.append(Occupation(soc, title, row.employment if row else None))
    found.sort(key=lambda occ: -(occ.jobs or 0))
    return found


def national(table: WageTable, soc: str) -> Row | None:
    """The nation's row for ``soc`` (the nation is the first area)."""
    return next(iter(table.rows(soc, [0])), None)


def estimates(table: WageTable, soc: str, areas: Sequence[Area]) -> list[Estimate]:
    """``soc``'s row in each of ``areas``, in that order (None where OEWS has none)."""
    position = {area.code: i for i, area in enumerate(table.areas())}
    by_area = {row.area: row for row in table.rows(soc, [position[area.code] for area in areas])}
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
    """``profiles`` (id, SOC codes) to their pay in ``state``: of each profile's SOC codes with estimates, the one
    with the most jobs there."""
    titles = table.titles()
    rows = table.in_area(f"{state.fips}00000")
    if rows is None:
        raise NotFoundError(f"the wage table has no figures for {state.name}")
    found = {}
    for profile_id, soc_codes in profiles:
        known = [soc for soc in soc_codes if soc in titles]
        if not known:
            continue
        # The most jobs; a code without an estimate there (or with its jobs unreleased) counts as none.
        jobs = {soc: (rows[soc].employment if soc in rows else None) for soc in known}
        soc = max(known, key=lambda code: jobs[code] or -1)
        row = rows.get(soc)
        hourly = row.hourly_median if row else None
        found[profile_id] = StatePay(
            soc,
            titles[soc] if len(known) > 1 else "",
            row.annual_median if row else None,
            None if hourly is None else hourly / 100,
            jobs[soc],
            row is not None,
            len(known) > 1,
        )
    return found


class LocalChoice(msgspec.Struct, frozen=True):
    """What `show` prints of a profile's pay by state and area."""

    brief: Brief | None  # of its detailed occupation with the most jobs in the nation; None without estimates
    known: int  # how many of its SOC codes have estimates
    period: str  # the OEWS release
    asked: list[Estimate]  # its estimates in the state or areas the words named


def local_choice(table: WageTable, soc_codes: Sequence[str], place: Asked | None = None) -> LocalChoice:
    """What `show` prints of a profile's pay by state and area (and, with ``place``, there first)."""
    titles = table.titles(soc_codes)
    known = [soc for soc in soc_codes if soc in titles]
    if not known:
        return LocalChoice(None, 0, table.release, [])
    if len(known) == 1:
        brief = table.brief(known[0])
    else:
        nation = table.in_area(NATIONAL, known) or {}
        brief = table.brief(max(known, key=lambda soc: (nation[soc].employment or 0) if soc in nation else 0))
    asked = _asked(table, brief.soc, place) if brief is not None and place is not None else []
    return LocalChoice(brief, len(known), table.release, asked)


def _asked(table: WageTable, soc: str, place: Asked) -> list[Estimate]:
    """The estimates of ``soc`` in the state or areas the words named."""
    if place.areas:
        areas = [area for area in local_areas(table) if area.name in place.areas]
    else:
        areas = state_areas(table, [place.state] if place.state else [])
    return estimates(table, soc, areas)


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

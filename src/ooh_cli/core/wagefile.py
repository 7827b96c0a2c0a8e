"""The wage tables (OEWS estimates by area for every SOC code of the profiles) in the data database.

Tables (core/database.py has the schema, docs/data-format.md describes it): ``wage_area`` (every area:
national, states, metropolitan and nonmetropolitan areas, indexed by position), ``wage_occupation`` (per SOC
code its OEWS title and its brief: the few rows `ooh show` prints, worked out at import, so `show` reads one
row) and ``wage`` (one row per SOC code and area with an estimate, keyed on both).

Figures are integers: dollars for annual pay, cents for hourly pay, thousandths for employment per 1,000 jobs,
hundredths for the location quotient; NULL where BLS publishes no figure, with its footnote code in ``notes``.
Every figure read is checked against what OEWS can publish (LIMITS): a damaged file is refused, never shown.

No `from __future__ import annotations`: msgspec would evaluate every annotation string on first decode.
"""

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import msgspec

from ooh_cli.core.database import Database
from ooh_cli.core.errors import DataError

# The figures of a row, their OEWS datatype codes and the factor each is stored multiplied by.
FIGURES: tuple[tuple[str, str, int], ...] = (
    ("employment", "01", 1),
    ("per_1000", "16", 1000),
    ("lq", "17", 100),
    ("hourly_mean", "03", 100),
    ("annual_mean", "04", 1),
    ("hourly_10", "06", 100),
    ("hourly_25", "07", 100),
    ("hourly_median", "08", 100),
    ("hourly_75", "09", 100),
    ("hourly_90", "10", 100),
    ("annual_10", "11", 1),
    ("annual_25", "12", 1),
    ("annual_median", "13", 1),
    ("annual_75", "14", 1),
    ("annual_90", "15", 1),
)
COLUMNS = ", ".join(name for name, _, _ in FIGURES)
# The largest figure each can be, as stored: far above any OEWS estimate (its annual pay is top-coded near
# $240,000; the nation has some 150 million jobs), far below what a damaged byte makes of one.
LIMITS = {
    "employment": 200_000_000,
    "per_1000": 1_000_000,
    "lq": 100_000,
    **{name: 100_000 for name, _, factor in FIGURES if name.startswith("hourly")},
    **{name: 2_000_000 for name, _, factor in FIGURES if name.startswith("annual")},
}
# Computed by SQLite beside each row it reads (in C, not a Python loop): 1 when a figure is out of range.
OUT_OF_RANGE = (
    "NOT (" + " AND ".join(f"coalesce({name} BETWEEN 0 AND {LIMITS[name]}, 1)" for name, _, _ in FIGURES) + ")"
)
# A row that cannot be: a figure out of range, or footnotes that are not one digit per figure.
BAD_ROW = f"{OUT_OF_RANGE} OR area < 0 OR (notes != '' AND (length(notes) != {len(FIGURES)} OR notes GLOB '*[^0-9]*'))"
ROW = f"area, {COLUMNS}, notes, {OUT_OF_RANGE}"
# Every row of one SOC code (the primary key keeps them in area order) as [area, [figures], notes], and whether
# any is bad.
ROWS_AS_JSON = (
    f"SELECT json_group_array(json_array(area, json_array({COLUMNS}), notes)), max({BAD_ROW}) FROM wage WHERE soc = ?"
)
# The figures kept per nation and state for every SOC code (wage_state), for `list --state` and choosing a
# profile's largest occupation.
MEDIANS = ("employment", "annual_median", "hourly_median")
SCALE = {name: factor for name, _, factor in FIGURES}
POSITION = {name: i for i, (name, _, _) in enumerate(FIGURES)}
NATIONAL = "0000000"  # the nation's area code
NOT_RELEASED = 8  # BLS footnote: estimate not released
PAID_OTHERWISE = 4  # BLS footnote: reported only hourly, or only annually


class Area(msgspec.Struct, array_like=True, frozen=True):
    code: str  # OEWS area code, 7 digits
    name: str
    kind: str  # national, state, metro or nonmetro
    states: tuple[str, ...]  # postal codes: a metro area may straddle several states


class Row(msgspec.Struct, array_like=True, frozen=True):
    """One occupation in one area: its figures as integers in FIGURES order (see SCALE), None where unpublished.

    One list rather than a field per figure: the class costs every lookup that imports it a fraction as much.
    """

    area: int
    figures: list[int | None]
    # One digit per figure, in FIGURES order: its BLS footnote code, 0 for none; empty when none has one.
    notes: str = ""

    def raw(self, name: str) -> int | None:
        """A figure as stored: scaled integers order as the figures do."""
        return self.figures[POSITION[name]]

    def value(self, name: str) -> float | None:
        raw = self.figures[POSITION[name]]
        return None if raw is None else raw / SCALE[name] if SCALE[name] != 1 else raw

    def note(self, name: str) -> int:
        return int(self.notes[POSITION[name]]) if self.notes else 0

    @property
    def employment(self) -> int | None:
        return self.figures[0]

    @property
    def lq(self) -> int | None:
        return self.figures[POSITION["lq"]]

    @property
    def hourly_median(self) -> int | None:
        return self.figures[POSITION["hourly_median"]]

    @property
    def annual_median(self) -> int | None:
        return self.figures[POSITION["annual_median"]]


class Medians(msgspec.Struct, array_like=True, frozen=True):
    """An occupation's employment and medians in the nation or a state (wage_state), as stored."""

    employment: int | None
    annual_median: int | None
    hourly_median: int | None


class Place(msgspec.Struct, array_like=True, frozen=True):
    """An area by name with its row, as a brief keeps it."""

    code: str
    name: str
    row: Row


class Brief(msgspec.Struct, array_like=True, frozen=True):
    """What a profile shows of one SOC code, worked out at import: read as one small block."""

    soc: str
    title: str
    national: Row | None
    paid: str  # "hourly" or "annual" where BLS reports pay only that way (footnote 4), else ""
    most_jobs: list[Place]  # states with the most jobs
    best_states: list[Place]  # states by median pay
    best_areas: list[Place]  # metro and nonmetro areas by median pay


class WageTable:
    """The wage tables of an open data database: areas and titles read once, rows when asked for."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.path = database.path
        release = database.meta("wages_release")
        if release is None:
            raise MissingWages(database.path)
        self.release: str = release  # "May 2025"
        self._areas: list[Area] | None = None
        self._titles: dict[str, str] | None = None
        self._rows: dict[tuple[str, tuple[int, ...] | None], list[Row]] = {}

    def _row(self, found: Sequence[Any]) -> Row:
        """A row as read with ROW, its figures checked against what OEWS can publish: a damaged file is refused."""
        area, *figures, notes, out_of_range = found
        if out_of_range or area < 0 or (notes and (len(notes) != len(FIGURES) or not notes.isdigit())):
            shown = ", ".join(f"{name} {value}" for (name, _, _), value in zip(FIGURES, figures, strict=True))
            raise self.database.damaged(f"a row out of range: area {area}, {shown}, footnotes {notes!r}")
        return Row(area, figures, notes)

    def _check(self, row: Row) -> None:
        """A row decoded from a brief, checked as ``_row`` checks a row read from the table."""
        bad = any(v is not None and not 0 <= v <= LIMITS[n] for (n, _, _), v in zip(FIGURES, row.figures, strict=True))
        self._row((row.area, *row.figures, row.notes, bad))

    def titles(self, socs: Sequence[str] | None = None) -> dict[str, str]:
        """The OEWS title of every SOC code with estimates (of ``socs`` alone, if given), by code."""
        if socs is not None and self._titles is None:
            marks = ", ".join("?" * len(socs))
            return dict(self.database.rows(f"SELECT soc, title FROM wage_occupation WHERE soc IN ({marks})", (*socs,)))
        if self._titles is None:
            self._titles = dict(self.database.rows("SELECT soc, title FROM wage_occupation ORDER BY soc"))
        return self._titles if socs is None else {soc: self._titles[soc] for soc in socs if soc in self._titles}

    @property
    def socs(self) -> list[str]:
        return list(self.titles())

    def rows(self, soc: str, areas: Sequence[int] | None = None) -> list[Row]:
        """Every area's row for ``soc`` (those of the ``areas`` positions alone, if given), in area order; empty
        when the table has none.

        SQLite hands them over as one JSON array, which msgspec decodes into rows in C (hundreds of rows: a
        Python loop over them would cost `ooh wages` a tenth of its run), with whether any is out of range.
        Reading only the areas asked for spares building and decoding the other five hundred.
        """
        key = (soc, None if areas is None else tuple(areas))
        if key not in self._rows:
            where = "" if areas is None else f" AND area IN ({', '.join('?' * len(areas))})"
            parameters = (soc, *(areas or ()))
            found = self.database.one(ROWS_AS_JSON + where, parameters)
            if found is None or found[0] is None:
                self._rows[key] = []
            elif found[1]:
                bad = self.database.one(f"SELECT {ROW} FROM wage WHERE soc = ?{where} AND ({BAD_ROW})", parameters)
                self._row(bad or (-1, *([None] * len(FIGURES)), "", 1))
            else:
                try:
                    self._rows[key] = msgspec.json.decode(found[0], type=list[Row])
                except msgspec.DecodeError as error:
                    raise self.database.damaged(str(error)) from None
        return self._rows[key]

    def in_area(self, area_code: str, socs: Sequence[str] | None = None) -> dict[str, Medians] | None:
        """The nation's or a state's employment and medians of every SOC code (of ``socs``, if given) with an
        estimate there, by SOC code; None when the area is neither the nation nor a state.

        SQLite hands them over as one JSON object, which msgspec decodes in C (a Python loop over the 600 rows
        of a state cost `list --state` a tenth of its run), with whether any figure is out of range.
        """
        position = self.database.one("SELECT position, kind FROM wage_area WHERE code = ?", (area_code,))
        if position is None or position[1] not in ("national", "state"):
            return None
        bad = " OR ".join(f"NOT coalesce({name} BETWEEN 0 AND {LIMITS[name]}, 1)" for name in MEDIANS)
        where = "area = ?" + ("" if socs is None else f" AND soc IN ({', '.join('?' * len(socs))})")
        parameters = (position[0], *(socs or ()))
        found = self.database.one(
            f"SELECT json_group_object(soc, json_array({', '.join(MEDIANS)})), max({bad}) FROM wage_state "
            f"WHERE {where}",
            parameters,
        )
        if found is None or found[0] is None:
            return {}
        if found[1]:
            soc, *figures = self.database.one(
                f"SELECT soc, {', '.join(MEDIANS)} FROM wage_state WHERE {where} AND ({bad})", parameters
            ) or ("?",)
            raise self.database.damaged(f"a figure of {soc} out of range: {figures}")
        try:
            return msgspec.json.decode(found[0], type=dict[str, Medians])
        except msgspec.DecodeError as error:
            raise self.database.damaged(str(error)) from None

    def brief(self, soc: str) -> Brief | None:
        """What a profile shows of ``soc``, or None when the table has no estimates for it."""
        found = self.database.one("SELECT brief FROM wage_occupation WHERE soc = ?", (soc,))
        if found is None:
            return None
        try:
            brief = msgspec.msgpack.decode(found[0], type=Brief)
        except (msgspec.DecodeError, TypeError) as error:
            raise self.database.damaged(str(error)) from None
        for row in [brief.national, *(p.row for p in (*brief.most_jobs, *brief.best_states, *brief.best_areas))]:
            if row is not None:
                self._check(row)
        return brief

    def areas(self) -> list[Area]:
        if self._areas is None:
            found = self.database.rows("SELECT position, code, name, kind, states FROM wage_area ORDER BY position")
            if [row[0] for row in found] != list(range(len(found))):
                raise self.database.damaged("its areas are out of order")
            self._areas = [Area(code, name, kind, tuple(states.split())) for _, code, name, kind, states in found]
        return self._areas

    def every_row(self) -> Iterator[tuple[str, Row]]:
        """Every (SOC code, row), by code then area: the whole table, for the export."""
        for soc, *row in self.database.stream(f"SELECT soc, {ROW} FROM wage ORDER BY soc, area"):
            yield soc, self._row(row)


def paid_only(row: Row | None) -> str | None:
    """Whether BLS reports this occupation's pay only by the hour or only by the year (footnote 4)."""
    if row is None:
        return None
    if row.annual_median is None and row.note("annual_median") == PAID_OTHERWISE:
        return "hourly"
    if row.hourly_median is None and row.note("hourly_median") == PAID_OTHERWISE:
        return "annual"
    return None


class MissingWages(DataError):
    """No wage table in the data database in use (or no database at all: ``path`` None for data in memory)."""

    def __init__(self, path: Path | None) -> None:
        where = f" in {path}" if path is not None else ""
        super().__init__(
            f"no wage table{where}: build it with `ooh data import --oews FILE` "
            "(FILE: the OEWS May 2025 SQLite file, e.g. ../shared/oews/may-2025/oews-2025.sqlite.gz)"
        )
        self.path = path

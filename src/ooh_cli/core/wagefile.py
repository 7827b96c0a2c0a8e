"""The wage table (data/wages.bin): OEWS estimates by area for every SOC code of the profiles, read piece by piece.

Layout: ``MAGIC``, the header's length (4 bytes, little-endian), the header (msgpack), then the sections the
header locates by (offset, length) from the end of the header:

- ``areas``: every area (national, states, metropolitan and nonmetropolitan areas), indexed by position;
- ``titles``: the OEWS title of each SOC code;
- one block per SOC code: that occupation's rows, one per area with an estimate, in area order, and beside it
  its brief: the few rows `ooh show` prints (most jobs, best-paying states and areas), so `show` decodes no block;
- one column per state (and the nation): employment and median pay of every SOC code, in the header's order,
  so that `ooh list --state` reads one small column rather than every block.

Figures are integers: dollars for annual pay, cents for hourly pay, thousandths for employment per 1,000 jobs,
hundredths for the location quotient; None where BLS publishes no figure, with its footnote code in ``notes``.

No `from __future__ import annotations`: msgspec would evaluate every annotation string on first decode.
"""

from pathlib import Path
from typing import BinaryIO, TypeVar

import msgspec

from ooh_cli.core.errors import DataError

T = TypeVar("T")

MAGIC = b"OOHWAGE1"
FILE_NAME = "wages.bin"
PREFIX = len(MAGIC) + 4

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


class Column(msgspec.Struct, array_like=True, frozen=True):
    """One area's employment and medians for every SOC code, in the header's order."""

    employment: list[int | None]
    annual_median: list[int | None]
    hourly_median: list[int | None]
    estimated: list[bool]  # whether OEWS has a row for the SOC code there at all


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


class Header:
    """Where everything is, read as a plain msgpack map: a Struct would cost every lookup that imports this."""

    __slots__ = ("areas", "columns", "release", "release_code", "socs", "spans", "titles")

    def __init__(
        self,
        release: str,
        release_code: str,
        socs: str,
        spans: bytes,
        titles: tuple[int, int],
        areas: tuple[int, int],
        columns: dict[str, tuple[int, int]],
    ) -> None:
        self.release = release  # "May 2025"
        self.release_code = release_code  # "2025A01"
        self.socs = socs  # the SOC codes, sorted, SOC_WIDTH characters each: found with str.find
        self.spans = spans  # per SOC code, 4 little-endian uint32: offset and length of its rows, then of its brief
        self.titles = titles  # the OEWS title of each SOC code, in that order
        self.areas = areas
        self.columns = columns  # area code of the nation or a state -> its column

    def to_data(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in self.__slots__}

    @classmethod
    def of(cls, data: object) -> "Header":
        """The header of a decoded map; ValueError when it is not one."""
        if not isinstance(data, dict) or set(data) != set(cls.__slots__):
            raise ValueError("its header is not a wage table's")
        release, code, socs, spans, columns = (data[k] for k in ("release", "release_code", "socs", "spans", "columns"))
        if not (isinstance(release, str) and isinstance(code, str) and isinstance(socs, str)):
            raise ValueError("its header has values of the wrong kind")
        if not isinstance(spans, bytes) or not isinstance(columns, dict):
            raise ValueError("its header has values of the wrong kind")
        return cls(
            release,
            code,
            socs,
            spans,
            _span(data["titles"]),
            _span(data["areas"]),
            {str(code): _span(span) for code, span in columns.items()},
        )


def _span(value: object) -> tuple[int, int]:
    if not isinstance(value, list) or len(value) != 2 or not all(isinstance(n, int) and n >= 0 for n in value):
        raise ValueError("its header has a section out of place")
    return value[0], value[1]


SOC_WIDTH = len("00-0000")
SPAN_WIDTH = 16


class WageTable:
    """An open wage table: the header is read at once, everything else when asked for."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._stream: BinaryIO = path.open("rb")
        except FileNotFoundError:
            raise MissingWages(path) from None
        except OSError as error:
            raise DataError(f"cannot read the wage table {path}: {error.strerror or error}") from None
        prefix = self._stream.read(PREFIX)
        if len(prefix) < PREFIX or not prefix.startswith(MAGIC):
            raise self._damaged("not a wage table written by this version of ooh")
        size = int.from_bytes(prefix[len(MAGIC) :], "little")
        try:
            self.header = Header.of(msgspec.msgpack.decode(self._stream.read(size)))
        except (msgspec.DecodeError, ValueError) as error:
            raise self._damaged(f"damaged ({error})") from None
        self._body = PREFIX + size
        self._index: dict[str, int] | None = None
        self._areas: list[Area] | None = None
        self._titles: list[str] | None = None
        self._rows: dict[str, list[Row]] = {}

    def _damaged(self, why: str) -> DataError:
        return DataError(f"{self.path}: {why}; rebuild it with `ooh data import --oews FILE`")

    def _decode(self, data: bytes, kind: type[T]) -> T:
        try:
            return msgspec.msgpack.decode(data, type=kind)
        except msgspec.DecodeError as error:
            raise self._damaged(f"damaged ({error})") from None

    def _read(self, span: tuple[int, int]) -> bytes:
        offset, length = span
        self._stream.seek(self._body + offset)
        data = self._stream.read(length)
        if len(data) != length:
            raise self._damaged("cut short")
        return data

    @property
    def socs(self) -> list[str]:
        codes = self.header.socs
        return [codes[i : i + SOC_WIDTH] for i in range(0, len(codes), SOC_WIDTH)]

    def index(self, soc: str) -> int | None:
        """The position of ``soc`` in the table, found in the header's string of codes."""
        codes = self.header.socs
        at = codes.find(soc) if len(soc) == SOC_WIDTH else -1
        while at != -1 and at % SOC_WIDTH:
            at = codes.find(soc, at + 1)
        return None if at == -1 else at // SOC_WIDTH

    def _span(self, index: int, which: int) -> tuple[int, int]:
        start = index * SPAN_WIDTH + which * 8
        piece = self.header.spans[start : start + 8]
        if len(piece) != 8:
            raise self._damaged("its index is cut short")
        return int.from_bytes(piece[:4], "little"), int.from_bytes(piece[4:], "little")

    def title(self, soc: str) -> str | None:
        i = self.index(soc)
        if i is None:
            return None
        if self._titles is None:
            self._titles = self._decode(self._read(self.header.titles), list[str])
        return self._titles[i]

    def rows(self, soc: str) -> list[Row]:
        """Every area's row for ``soc`` (empty when the table has none)."""
        i = self.index(soc)
        if i is None:
            return []
        if soc not in self._rows:
            self._rows[soc] = self._decode(self._read(self._span(i, 0)), list[Row])
        return self._rows[soc]

    def brief(self, soc: str) -> Brief | None:
        """What a profile shows of ``soc``, or None when the table has no estimates for it."""
        i = self.index(soc)
        return None if i is None else self._decode(self._read(self._span(i, 1)), Brief)

    def areas(self) -> list[Area]:
        if self._areas is None:
            self._areas = self._decode(self._read(self.header.areas), list[Area])
        return self._areas

    def column(self, area_code: str) -> Column | None:
        span = self.header.columns.get(area_code)
        return None if span is None else self._decode(self._read(span), Column)


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
    """No wage table beside the data file in use."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"no wage table at {path}: build it with `ooh data import --oews FILE` "
            "(FILE: the OEWS May 2025 SQLite file, e.g. ../shared/oews/may-2025/oews-2025.sqlite.gz)"
        )
        self.path = path


def wages_path(data_path: Path) -> Path:
    """Where the wage table of a data file lives: beside it."""
    return data_path.parent / FILE_NAME

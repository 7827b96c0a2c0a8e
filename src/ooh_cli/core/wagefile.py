"""The wage table (data/wages.bin): OEWS estimates by area for every SOC code of the profiles, read piece by piece.

Layout: ``MAGIC``, the header's length (4 bytes, little-endian), the header (msgpack), then the sections the
header locates by (offset, length) from the end of the header:

- ``areas``: every area (national, states, metropolitan and nonmetropolitan areas), indexed by position;
- ``titles``: the OEWS title of each SOC code;
- one block per SOC code: that occupation's rows, one per area with an estimate, in area order;
- one column per state (and the nation): employment and median pay of every SOC code, in the header's order,
  so that `ooh list --state` reads one small column rather than every block.

Figures are integers: dollars for annual pay, cents for hourly pay, thousandths for employment per 1,000 jobs,
hundredths for the location quotient; None where BLS publishes no figure, with its footnote code in ``notes``.
"""

from __future__ import annotations

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
NOT_RELEASED = 8  # BLS footnote: estimate not released
PAID_OTHERWISE = 4  # BLS footnote: reported only hourly, or only annually


class Area(msgspec.Struct, array_like=True, frozen=True):
    code: str  # OEWS area code, 7 digits
    name: str
    kind: str  # national, state, metro or nonmetro
    states: tuple[str, ...]  # postal codes: a metro area may straddle several states


class Row(msgspec.Struct, array_like=True, frozen=True):
    """One occupation in one area, figures stored as integers (see FIGURES)."""

    area: int
    employment: int | None
    per_1000: int | None
    lq: int | None
    hourly_mean: int | None
    annual_mean: int | None
    hourly_10: int | None
    hourly_25: int | None
    hourly_median: int | None
    hourly_75: int | None
    hourly_90: int | None
    annual_10: int | None
    annual_25: int | None
    annual_median: int | None
    annual_75: int | None
    annual_90: int | None
    # One digit per figure, in FIGURES order: its BLS footnote code, 0 for none; empty when none has one.
    notes: str = ""

    def value(self, name: str) -> float | None:
        raw: int | None = getattr(self, name)
        return None if raw is None else raw / SCALE[name] if SCALE[name] != 1 else raw

    def note(self, name: str) -> int:
        if not self.notes:
            return 0
        return int(self.notes[[figure for figure, _, _ in FIGURES].index(name)])


class Column(msgspec.Struct, array_like=True, frozen=True):
    """One area's employment and medians for every SOC code, in the header's order."""

    employment: list[int | None]
    annual_median: list[int | None]
    hourly_median: list[int | None]


class Header(msgspec.Struct, frozen=True):
    release: str  # "May 2025"
    release_code: str  # "2025A01"
    socs: list[str]  # SOC codes, sorted
    titles: tuple[int, int]  # the OEWS title of each SOC code, in that order
    blocks: list[tuple[int, int]]  # (offset, length) of each SOC code's rows
    areas: tuple[int, int]
    columns: dict[str, tuple[int, int]]  # area code of the nation or a state -> its column


def encode(
    release: str, release_code: str, socs: list[str], titles: list[str], areas: list[Area], rows: list[list[Row]]
) -> bytes:
    """The wage table's bytes: the same input always gives the same bytes."""
    encoder = msgspec.msgpack.Encoder()
    sections: list[bytes] = []
    at = 0

    def place(data: bytes) -> tuple[int, int]:
        nonlocal at
        sections.append(data)
        at += len(data)
        return at - len(data), len(data)

    area_span = place(encoder.encode(areas))
    title_span = place(encoder.encode(titles))
    blocks = [place(encoder.encode(block)) for block in rows]
    columns = {}
    by_area = [{row.area: row for row in block} for block in rows]
    for index, area in enumerate(areas):
        if area.kind not in ("national", "state"):
            continue
        found = [block.get(index) for block in by_area]
        column = Column(
            [row.employment if row else None for row in found],
            [row.annual_median if row else None for row in found],
            [row.hourly_median if row else None for row in found],
        )
        columns[area.code] = place(encoder.encode(column))
    header = encoder.encode(Header(release, release_code, socs, title_span, blocks, area_span, columns))
    return b"".join([MAGIC, len(header).to_bytes(4, "little"), header, *sections])


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
        self.header = self._decode(self._stream.read(size), Header)
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

    def index(self, soc: str) -> int | None:
        if self._index is None:
            self._index = {code: i for i, code in enumerate(self.header.socs)}
        return self._index.get(soc)

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
            self._rows[soc] = self._decode(self._read(self.header.blocks[i]), list[Row])
        return self._rows[soc]

    def areas(self) -> list[Area]:
        if self._areas is None:
            self._areas = self._decode(self._read(self.header.areas), list[Area])
        return self._areas

    def column(self, area_code: str) -> Column | None:
        span = self.header.columns.get(area_code)
        return None if span is None else self._decode(self._read(span), Column)


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

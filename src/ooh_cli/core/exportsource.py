"""What `ooh data export` reads, in one place: the profiles, the wage table and the O*NET data of a data file.

The export's schema (exportschema.py) is a public interface and must not follow how `ooh` stores its data; this
adapter is the only part of the export that knows the storage (the store, core/store.py), and hands the export
plain values in the export's own terms.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ooh_cli.core.exporttables import WAGE_FIGURES

if TYPE_CHECKING:
    from ooh_cli.core.model import Occupation
    from ooh_cli.core.onet import OnetData, OnetProfile
    from ooh_cli.core.records import Meta
    from ooh_cli.core.wagefile import WageTable

# The wage table's names of figures that the export names otherwise.
_STORED_NAME = {"employment_per_1000": "per_1000", "location_quotient": "lq"}


class WageArea(NamedTuple):
    code: str  # OEWS area code, 7 digits
    name: str
    kind: str  # national, state, metro or nonmetro
    states: tuple[str, ...]  # postal codes


class WageEstimate(NamedTuple):
    soc_code: str
    area_code: str
    figures: tuple[int | float | None, ...]  # in WAGE_FIGURES order, in dollars and units; None: not published
    footnotes: tuple[tuple[str, int], ...]  # (figure's column, BLS footnote code), for figures that have one


class Wages:
    """The OEWS estimates of the profiles' SOC codes."""

    def __init__(self, table: WageTable) -> None:
        self._table = table
        self.period = table.release  # "May 2025"
        self.areas = [WageArea(a.code, a.name, a.kind, a.states) for a in table.areas()]

    def titles(self) -> dict[str, str]:
        """SOC code -> OEWS's title, for every SOC code with estimates."""
        return self._table.titles()

    def estimates(self) -> Iterator[WageEstimate]:
        from ooh_cli.core.wagefile import POSITION, SCALE

        columns = [column.name for column in WAGE_FIGURES]
        stored = [_STORED_NAME.get(name, name) for name in columns]
        positions = [POSITION[name] for name in stored]
        scales = [SCALE[name] for name in stored]
        for soc, row in self._table.every_row():
            values = row.figures
            figures = tuple(
                None if (value := values[at]) is None else value / scale if scale != 1 else value
                for at, scale in zip(positions, scales, strict=True)
            )
            notes = row.notes
            footnotes = (
                tuple((name, int(notes[at])) for name, at in zip(columns, positions, strict=True) if notes[at] != "0")
                if notes
                else ()
            )
            yield WageEstimate(soc, self.areas[row.area].code, figures, footnotes)


class Onet:
    """The O*NET data of every profile O*NET covers."""

    def __init__(self, data: OnetData) -> None:
        from ooh_cli.core.onet import JOB_ZONES

        self._data = data
        self.release = f"{data.release} ({data.header.published})"
        self.job_zones = JOB_ZONES

    def profiles(self) -> Iterator[OnetProfile]:
        for position in range(len(self._data.header.ids)):
            yield self._data.block(position)


class ExportSource:
    """Everything `ooh` knows from the data file at ``path`` and the files beside it."""

    def __init__(self, path: Path) -> None:
        from ooh_cli.core.store import Store

        self.path = path
        self._store = Store(path)
        self.meta: Meta = self._store.catalog().meta

    def profiles(self) -> list[Occupation]:
        return list(self._store.records())

    def wages(self) -> Wages | None:
        """The wage table's estimates, or None when the data file has no wage table beside it."""
        from ooh_cli.core.wagefile import MissingWages

        try:
            return Wages(self._store.wages())
        except MissingWages:
            return None

    def onet(self) -> Onet | None:
        """The O*NET data, or None when the data file has none beside it."""
        data = self._store.onet()
        return None if data is None else Onet(data)

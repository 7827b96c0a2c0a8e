"""The one way to `ooh`'s data: a data file's profiles (through the cache), its wages and O*NET data.

A ``Store`` stands for one data file and the database beside it (core/database.py). Commands ask it questions
(a catalog of the profiles, the pay of profiles in a state, what the data holds); the catalog it gives answers for
one profile (its pay by state and area) and never open a file themselves. Everything is read on first use, so `--help` reads nothing and
`show` opens only what it prints.

The export reads everything through it too: ``records`` (every profile), ``wage_rows`` and ``onet_profiles``.
"""

from __future__ import annotations

import os
import stat as stat_mode
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ooh_cli.core import cache, datafile
from ooh_cli.core.catalog import Catalog, layout
from ooh_cli.core.database import Database, database_path
from ooh_cli.core.datafile import read_data_file, stat_data_file

if TYPE_CHECKING:
    from ooh_cli.core.model import Occupation
    from ooh_cli.core.onet import OnetData, OnetProfile
    from ooh_cli.core.records import Summary
    from ooh_cli.core.states import State
    from ooh_cli.core.vocabulary import Vocabulary
    from ooh_cli.core.wagefile import Row, WageTable
    from ooh_cli.core.wages import StatePay

NO_CACHE_ENV = "OOH_NO_CACHE"


class Store:
    """A data file and its database, opened as they are asked for."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.database_path = database_path(path)
        self._database: Database | None = None
        self._database_read = False
        self._catalog: Catalog | None = None
        self._wages: WageTable | None = None
        self._onet: OnetData | None = None
        self._onet_read = False

    def database(self) -> Database | None:
        """The database beside the data file, or None when there is none (a DataError when it is damaged)."""
        if not self._database_read:
            self._database = Database.open(self.database_path)
            self._database_read = True
        return self._database

    def catalog(self) -> Catalog:
        """The validated profiles, from the cache when it is still current (else parsed, and the cache rebuilt)."""
        if self._catalog is None:
            self._catalog = self._load()
        return self._catalog

    def wages(self) -> WageTable:
        """The wage table (MissingWages when the data has none)."""
        if self._wages is None:
            from ooh_cli.core.wagefile import MissingWages, WageTable

            database = self.database()
            if database is None:
                raise MissingWages(self.database_path)
            self._wages = WageTable(database)
        return self._wages

    def onet(self) -> OnetData | None:
        """The O*NET data, or None when the data has none."""
        if not self._onet_read:
            from ooh_cli.core.onet import OnetData

            database = self.database()
            self._onet = OnetData.open(database) if database is not None else None
            self._onet_read = True
        return self._onet

    # Questions the commands ask.

    def state_pay(self, state: State, profiles: Sequence[Summary]) -> tuple[dict[str, StatePay], str]:
        """The pay of ``profiles`` in ``state`` by profile id (core/wages.py), and the OEWS release."""
        from ooh_cli.core.wages import state_pay

        table = self.wages()
        return state_pay(table, state, [(p.id, p.soc_codes) for p in profiles]), table.release

    def check(self) -> None:
        """SQLite's check of every page of the database (a DataError naming it when damaged). It reads the whole
        file (a tenth of a second for the shipped one), so `ooh data info` runs it, lookups do not: they rely on
        the schema check on open and the range checks of the figures they read."""
        database = self.database()
        if database is not None:
            database.check()

    def describe(self) -> dict[str, str | None]:
        """What the database holds, for `ooh data info`: the wage table and the O*NET data."""
        from ooh_cli.core.wagefile import MissingWages

        try:
            table = self.wages()
            wages: str | None = f"OEWS {table.release}, {len(table.socs)} SOC codes ({self.database_path})"
        except MissingWages:
            wages = None
        onet = self.onet()
        found = f"{onet.release} ({onet.header.published}), {len(onet.header.ids)} profiles" if onet else None
        return {"wages": wages, "onet": found}

    # Everything, for the export.

    def records(self) -> Iterator[Occupation]:
        """Every profile, in title order."""
        catalog = self.catalog()
        return (catalog.record(position) for position in range(len(catalog)))

    def wage_rows(self) -> Iterator[tuple[str, Row]]:
        """Every (SOC code, row) of the wage table, by code then area; nothing when there is no wage table."""
        from ooh_cli.core.wagefile import MissingWages

        try:
            table = self.wages()
        except MissingWages:
            return iter(())
        return table.every_row()

    def onet_profiles(self) -> Iterator[OnetProfile]:
        """Every profile's O*NET data, by id; nothing when there is none."""
        onet = self.onet()
        return onet.profiles() if onet is not None else iter(())

    # Loading the catalog.

    def _load(self) -> Catalog:
        stat = stat_data_file(self.path)
        # A pipe or FIFO (`--data <(...)`) can be read once, its stat says nothing of what it holds, and it has
        # no database beside it.
        regular = stat_mode.S_ISREG(stat.st_mode)
        if not regular:
            self._database_read = True
        cached = os.environ.get(NO_CACHE_ENV, "") in ("", "0") and regular
        if cached:
            try:
                database_stat: os.stat_result | None = self.database_path.stat()
            except OSError:
                database_stat = None
            key = _with_vocabulary(cache.Key.of(self.path, stat, database_stat))
            sections = cache.read(self.path, key)
            if sections is not None:
                return self._catalog_of(sections, lambda: self._rebuild(key))
            return self._catalog_of(self._rebuild(key), None)
        from ooh_cli.core import cachewrite

        dataset, warnings = read_data_file(self.path)
        parts = layout(dataset.meta, dataset.occupations, self.onet(), _vocabulary())
        return self._catalog_of(cachewrite.in_memory(dataset.meta, warnings, *parts), None)

    def _rebuild(self, key: cache.Key) -> cache.Sections:
        """Parse the data file and write its cache; the sections in memory when the cache cannot be written."""
        from ooh_cli.core import cachewrite

        dataset, warnings = read_data_file(self.path)
        parts = layout(dataset.meta, dataset.occupations, self.onet(), _vocabulary())
        if cachewrite.write(self.path, key, dataset.meta, warnings, *parts):
            sections = cache.read(self.path, key)
            if sections is not None:
                return sections
        return cachewrite.in_memory(dataset.meta, warnings, *parts)

    def _catalog_of(self, sections: cache.Sections, rebuild: Callable[[], cache.Sections] | None) -> Catalog:
        return Catalog(sections, self.onet, rebuild, self.wages)


def _vocabulary() -> Vocabulary:
    from ooh_cli.core import vocabulary

    return vocabulary.load(datafile.vocabulary_path())


def _with_vocabulary(key: cache.Key) -> cache.Key:
    """The key with the vocabulary file's identity beside `ooh`'s version: the everyday names it holds are in
    the name index, so a cache built from another vocabulary is rebuilt like one from another `ooh`."""
    import msgspec

    try:
        stat = datafile.vocabulary_path().stat()
    except OSError:
        return key  # none: lookups work with the data file's own names
    return msgspec.structs.replace(key, version=f"{key.version} vocabulary {stat.st_size}:{stat.st_mtime_ns}")

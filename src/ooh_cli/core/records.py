"""What every record shares, and the records a catalog knows without reading a profile.

Records are frozen `msgspec.Struct`s, and their annotations are the schema of the data file: decoding checks
every type and range. Here are the base `Record`, the checked figure types (a pay, a year, a growth rate, each
with the bounds no real figure reaches), the edition's header (`Meta`) and each profile's `Summary`, all that
lists, searches and rankings read. The profiles themselves are in model.py. Every figure travels with its
reference year or period, and a missing figure is ``None`` (shown as "not available"), never zero.
"""

# No `from __future__ import annotations`: msgspec reads the annotations of every record it decodes, and as
# strings it would evaluate them again in each run.
from typing import Annotated

import msgspec

# Bounds no real figure reaches: anything outside is a typo or corruption.
MAX_PAY = 10_000_000
MAX_HOURLY = 5_000
MAX_JOBS = 500_000_000
MAX_GROWTH = 1_000
# Longest accepted text. Real names stay under 100 characters and real prose under 2,000; a megabyte-long
# title would make every table, the name index and fuzzy matching crawl.
MAX_NAME = 1_000
MAX_PROSE = 20_000


Name = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_NAME)]
Prose = Annotated[str, msgspec.Meta(max_length=MAX_PROSE)]
Year = Annotated[int, msgspec.Meta(ge=1900, le=2100)]
Jobs = Annotated[int, msgspec.Meta(ge=0, le=MAX_JOBS)]
JobChange = Annotated[int, msgspec.Meta(ge=-MAX_JOBS, le=MAX_JOBS)]
SocCode = Annotated[str, msgspec.Meta(pattern=r"^\d\d-\d{4}$")]
# Figures are whole or decimal numbers, kept as written (81680 stays an int, 24.16 a float).
Money = Annotated[int, msgspec.Meta(ge=0, le=MAX_PAY)] | Annotated[float, msgspec.Meta(ge=0, le=MAX_PAY)]
Hourly = Annotated[int, msgspec.Meta(ge=0, le=MAX_HOURLY)] | Annotated[float, msgspec.Meta(ge=0, le=MAX_HOURLY)]
Percent = Annotated[int, msgspec.Meta(ge=0, le=100)] | Annotated[float, msgspec.Meta(ge=0, le=100)]
Growth = Annotated[int, msgspec.Meta(ge=-100, le=MAX_GROWTH)] | Annotated[float, msgspec.Meta(ge=-100, le=MAX_GROWTH)]


class Record(msgspec.Struct, frozen=True, forbid_unknown_fields=False):
    """Base of every record: immutable, hashable, copyable and picklable; `msgspec.structs.replace` edits."""


class Group(Record, frozen=True):
    slug: Name
    name: Name


class Bounds(Record, frozen=True):
    """The growth range of one outlook category, in whole percent; None is an open end."""

    min: Growth | None = None
    max: Growth | None = None


class Thresholds(Record, frozen=True):
    """The edition's growth range for every outlook category (they differ between editions)."""

    much_faster: Bounds = msgspec.field(name="much-faster")
    faster: Bounds
    average: Bounds
    slower: Bounds
    little_change: Bounds = msgspec.field(name="little-change")
    decline: Bounds

    def ranges(self) -> list[tuple[str, Bounds]]:
        """(category slug, bounds), best first."""
        return [(field.encode_name, getattr(self, field.name)) for field in msgspec.structs.fields(self)]


class Meta(Record, frozen=True, kw_only=True):
    # Keyword-only, so that the fields can stand in the data file's order, required or not.
    edition: Name
    projection_period: Name
    base_year: Year
    average_growth_percent: Growth
    median_pay_all: Money | None = None
    median_pay_year: Year | None = None
    source_url: Name | None = None
    # The edition of the CIP-SOC crosswalk the programs of study come from, e.g. "CIP 2020".
    programs_edition: Name | None = None
    built: Name | None = None
    outlook_thresholds: Thresholds
    groups: Annotated[tuple[Group, ...], msgspec.Meta(min_length=1)]

    def group_name(self, slug: str) -> str:
        for group in self.groups:
            if group.slug == slug:
                return group.name
        return slug


class Summary(Record, frozen=True, array_like=True):
    """The key figures of a profile, flat: all that lists, rankings, searches and comparisons need.

    Field names are the keys of json and csv output. Catalogs keep every profile's summary in memory and
    decode a full ``Occupation`` only when one is shown.
    """

    id: str
    title: str
    group: str
    soc_codes: tuple[str, ...]
    median_pay: int | float | None
    median_hourly: int | float | None
    pay_year: int | None
    top_coded: bool
    education: str | None
    experience: str | None
    training: str | None
    jobs: int | None
    jobs_year: int | None
    growth_percent: int | float | None
    outlook: str | None
    change: int | None
    annual_openings: int | None
    period: str | None

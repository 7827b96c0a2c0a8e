"""The domain model: occupation profiles, their figures, and the edition they belong to.

Records are frozen `msgspec.Struct`s. Their annotations are the schema of the data file: decoding a parsed
YAML document into them checks every type and range (validate.py words the errors for people), and the same
classes read and write the cache as msgpack. Every figure travels with its reference year or period, and a
missing figure is ``None`` (shown as "not available"), never zero.
"""

# No `from __future__ import annotations`: msgspec reads the annotations of every record it decodes, and as
# strings it would evaluate them again in each run.
from collections.abc import Iterator
from typing import Annotated, Any

import msgspec

from ooh_cli.core.names import fold
from ooh_cli.core.vocab import ContactSlug, EducationSlug, ExperienceSlug, OutlookSlug, TrainingSlug

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


class Share(Record, frozen=True):
    """An employer or industry and the percent of the occupation's jobs it holds (None when unstated).

    ``part`` names the workers the share is of, for profiles that cover several occupations and give a table
    for each ("software quality assurance analysts and testers").
    """

    name: Name
    percent: Percent | None = None
    part: Name | None = None


class Association(Record, frozen=True):
    name: Name
    url: Name | None = None


class IndustryPay(Record, frozen=True):
    """Median pay in one of the industries employing the most workers of the occupation (the pay's year)."""

    name: Name
    median_annual: Money | None = None
    median_hourly: Hourly | None = None
    # The workers the wage is of, for profiles that cover several occupations and give a table for each.
    part: Name | None = None
    top_coded: bool = False  # BLS publishes it only as "$239,200 or more"


class OccupationPay(Record, frozen=True):
    """The pay of one detailed occupation a profile covers, as its Pay tab gives it (in May of ``year``): a
    median with its 10th and 90th percentiles, or a row of the tab's table of pay by occupation. That table
    gives means instead for physicians and surgeons, whose medians BLS does not publish."""

    name: Name
    year: Year | None = None
    median_annual: Money | None = None
    median_hourly: Hourly | None = None
    top_coded: bool = False  # the median is published only as "$239,200 or more"
    percentile_10: Money | None = None
    percentile_90: Money | None = None
    percentile_10_hourly: Hourly | None = None
    percentile_90_hourly: Hourly | None = None
    mean_annual: Money | None = None


class Pay(Record, frozen=True):
    year: Year | None = None
    median_annual: Money | None = None
    median_hourly: Hourly | None = None
    percentile_10: Money | None = None
    percentile_90: Money | None = None
    # BLS publishes some medians only as "$239,200 or more".
    top_coded: bool = False
    # The 10th and 90th percentiles per hour, for occupations BLS gives hourly wages for instead.
    percentile_10_hourly: Hourly | None = None
    percentile_90_hourly: Hourly | None = None
    # Each detailed occupation's pay, where the page gives it by occupation rather than (or beside) the whole's.
    occupations: tuple[OccupationPay, ...] = ()
    industries: tuple[IndustryPay, ...] = ()
    summary: Prose | None = None  # how pay works (tips, commission, overtime), in our own words


class Employment(Record, frozen=True):
    year: Year | None = None
    jobs: Jobs | None = None
    projected_year: Year | None = None
    projected_jobs: Jobs | None = None


class Projection(Record, frozen=True):
    """A line of the profile's projections table: the profile as a whole, or a detailed occupation it covers.

    Jobs are for the employment's base and projected years; the change is over the outlook's period.
    """

    title: Name
    soc_code: SocCode | None = None
    jobs: Jobs | None = None
    projected_jobs: Jobs | None = None
    change_percent: Growth | None = None
    change: JobChange | None = None


class Outlook(Record, frozen=True):
    period: Name | None = None
    growth_percent: Growth | None = None
    category: OutlookSlug | None = None
    change: JobChange | None = None
    annual_openings: Jobs | None = None
    prospects: Prose | None = None
    projections: tuple[Projection, ...] = ()


class WorkEnvironment(Record, frozen=True):
    summary: Prose | None = None
    public_contact: ContactSlug | None = None
    employers_year: Year | None = None
    employers: tuple[Share, ...] = ()


class Entry(Record, frozen=True):
    """How to become one: the entry-level requirements and what helps."""

    education: EducationSlug | None = None
    experience: ExperienceSlug | None = None
    training: TrainingSlug | None = None
    courses: tuple[Prose, ...] = ()
    licenses: tuple[Prose, ...] = ()
    qualities: tuple[Prose, ...] = ()
    summary: Prose | None = None  # the path in: education, training, credentials, advancement


class Program(Record, frozen=True):
    """A program of study (CIP) that prepares for the occupation."""

    code: Annotated[str, msgspec.Meta(pattern=r"^\d\d\.\d{4}$")]
    title: Name


class Source(Record, frozen=True):
    edition: Name | None = None
    url: Name | None = None
    last_modified: Name | None = None


class PageText(Record, frozen=True):
    """The page's own text of each section, for an edition the project wrote no prose for: BLS's words, kept
    only in a user's own edition (`ooh data update`), never in the bundled data."""

    edition: Name
    # Each section as the page's paragraphs and list items, in order.
    what_they_do: tuple[Prose, ...] = ()
    work_environment: tuple[Prose, ...] = ()
    how_to_become: tuple[Prose, ...] = ()
    pay: tuple[Prose, ...] = ()
    outlook: tuple[Prose, ...] = ()


class ClusterOutlook(Record, frozen=True):
    """An older edition's outlook for a whole career cluster, e.g. health care careers."""

    name: Name
    category: OutlookSlug


class HistoryEntry(Record, frozen=True):
    """What an earlier edition of the Handbook said, each figure with its own year or period."""

    edition: Name
    title: Name | None = None
    pay: Pay = Pay()
    employment: Employment = Employment()
    outlook: Outlook = Outlook()
    education: EducationSlug | None = None
    courses: tuple[Prose, ...] = ()
    employers: tuple[Share, ...] = ()
    public_contact: ContactSlug | None = None
    programs: tuple[Prose, ...] = ()
    associations: tuple[Prose, ...] = ()
    cluster_outlook: ClusterOutlook | None = None
    notes: tuple[Prose, ...] = ()


class Occupation(Record, frozen=True):
    id: Name
    title: Name
    group: Name
    soc_codes: tuple[SocCode, ...] = ()
    former_titles: tuple[Name, ...] = ()
    aliases: tuple[Name, ...] = ()
    summary: Prose | None = None
    what_they_do: Prose | None = None
    duties: tuple[Prose, ...] = ()
    work_environment: WorkEnvironment = WorkEnvironment()
    how_to_become: Entry = Entry()
    pay: Pay = Pay()
    employment: Employment = Employment()
    outlook: Outlook = Outlook()
    similar: tuple[Name, ...] = ()
    programs: tuple[Program, ...] = ()
    associations: tuple[Association, ...] = ()
    source: Source = Source()
    bls_text: PageText | None = None
    history: tuple[HistoryEntry, ...] = ()
    notes: tuple[Prose, ...] = ()

    def names(self) -> Iterator[str]:
        """Every folded name the profile is found by: id, titles, aliases and SOC codes, those of its
        projections table included (a broad group such as 11-3010 above the detailed codes it covers)."""
        table_codes = (line.soc_code for line in self.outlook.projections if line.soc_code)
        for name in (self.id, self.title, *self.former_titles, *self.aliases, *self.soc_codes, *table_codes):
            yield fold(name)


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

    @classmethod
    def of(cls, occ: Occupation) -> "Summary":
        pay, jobs, outlook, entry = occ.pay, occ.employment, occ.outlook, occ.how_to_become
        return cls(
            occ.id,
            occ.title,
            occ.group,
            occ.soc_codes,
            pay.median_annual,
            pay.median_hourly,
            pay.year,
            pay.top_coded,
            entry.education,
            entry.experience,
            entry.training,
            jobs.jobs,
            jobs.year,
            outlook.growth_percent,
            outlook.category,
            outlook.change,
            outlook.annual_openings,
            outlook.period,
        )


def to_data(value: Any) -> Any:
    """Records as plain dicts and lists (for json and yaml), keeping field names and order."""
    return msgspec.json.decode(msgspec.json.encode(value))

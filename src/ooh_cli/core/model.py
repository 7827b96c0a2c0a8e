"""The domain model: occupation profiles and their figures (records.py has the base record, the checked figure
types, and the edition's header and each profile's summary).

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
from ooh_cli.core.records import (
    Growth,
    Hourly,
    JobChange,
    Jobs,
    Money,
    Name,
    Percent,
    Prose,
    Record,
    SocCode,
    Summary,
    Year,
)
from ooh_cli.core.vocab import ContactSlug, EducationSlug, ExperienceSlug, OutlookSlug, TrainingSlug


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

    def key_figures(self) -> Summary:
        """The profile's key figures, flat (records.Summary)."""
        pay, jobs, outlook, entry = self.pay, self.employment, self.outlook, self.how_to_become
        return Summary(
            self.id,
            self.title,
            self.group,
            self.soc_codes,
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

    def names(self) -> Iterator[str]:
        """Every folded name the profile is found by: id, titles, aliases and SOC codes, those of its
        projections table included (a broad group such as 11-3010 above the detailed codes it covers)."""
        table_codes = (line.soc_code for line in self.outlook.projections if line.soc_code)
        for name in (self.id, self.title, *self.former_titles, *self.aliases, *self.soc_codes, *table_codes):
            yield fold(name)


def to_data(value: Any) -> Any:
    """Records as plain dicts and lists (for json and yaml), keeping field names and order."""
    return msgspec.json.decode(msgspec.json.encode(value))

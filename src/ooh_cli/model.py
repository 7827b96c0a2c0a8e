"""The domain model: occupation profiles, their figures and the vocabularies they use.

Every figure travels with its reference year or period, and a missing figure is ``None`` (shown as
"not available"), never zero.
"""

from __future__ import annotations

from typing import Any

from ooh_cli.records import Record


class Term(Record):
    """One value of a closed vocabulary: stored as ``slug``, shown as ``label``, ordered by ``rank``."""

    slug: str
    label: str
    rank: int
    short: tuple[str, ...] = ()

    @property
    def short_label(self) -> str:
        """The label without "than average", for narrow columns."""
        return (
            self.label.removesuffix(" than average").removesuffix(" as average").lower().replace("as fast", "average")
        )


class Vocabulary:
    """An ordered set of terms that also understands the short forms users type."""

    def __init__(self, name: str, terms: list[Term]) -> None:
        self.name = name
        self.terms = tuple(terms)
        self._by_slug = {term.slug: term for term in self.terms}
        self._by_key: dict[str, Term] | None = None  # what users type: built on first use, most runs never do

    def get(self, text: str) -> Term | None:
        if self._by_key is None:
            keys = ((key, term) for term in self.terms for key in (term.slug, term.label, *term.short))
            self._by_key = {normalize_key(key): term for key, term in keys}
        return self._by_key.get(normalize_key(text))

    def __getitem__(self, slug: str) -> Term:
        return self._by_slug[slug]

    def slugs(self) -> list[str]:
        return [term.slug for term in self.terms]

    def label(self, slug: str | None) -> str | None:
        return None if slug is None else self[slug].label


def normalize_key(text: str) -> str:
    """Fold case, punctuation and spacing so that "Associate's degree" and "associates-degree" meet."""
    out = []
    for ch in text.casefold().replace("'", "").replace("\u2019", ""):
        out.append(ch if ch.isalnum() else "-")
    return "-".join(part for part in "".join(out).split("-") if part)


# Best first: rank 0 is the fastest growth.
OUTLOOK = Vocabulary(
    "outlook category",
    [
        Term("much-faster", "Much faster than average", 0, ("much faster",)),
        Term("faster", "Faster than average", 1),
        Term("average", "As fast as average", 2, ("as-fast", "about-as-fast", "average-growth")),
        Term("slower", "Slower than average", 3, ("slow", "more-slowly")),
        Term("little-change", "Little or no change", 4, ("little", "no-change", "little-or-no-change")),
        Term("decline", "Decline", 5, ("declining", "declines")),
    ],
)

# Lowest first: rank grows with the schooling a job asks for.
EDUCATION = Vocabulary(
    "education level",
    [
        Term("none", "No formal educational credential", 0, ("no-credential", "no-formal-education")),
        Term("high-school", "High school diploma or equivalent", 1, ("hs", "diploma", "high-school-diploma", "ged")),
        Term("some-college", "Some college, no degree", 2, ("some-college-no-degree",)),
        Term(
            "postsecondary-nondegree",
            "Postsecondary nondegree award",
            3,
            ("postsecondary", "nondegree", "certificate", "postsecondary-certificate"),
        ),
        Term("associate", "Associate's degree", 4, ("associates", "associate-degree")),
        Term("bachelor", "Bachelor's degree", 5, ("bachelors", "bachelor-degree", "ba", "bs")),
        Term("master", "Master's degree", 6, ("masters", "master-degree", "ms", "ma")),
        Term("doctoral", "Doctoral or professional degree", 7, ("doctorate", "phd", "professional", "doctoral-degree")),
    ],
)

EXPERIENCE = Vocabulary(
    "work experience",
    [
        Term("none", "None", 0),
        Term("less-than-5-years", "Less than 5 years", 1, ("less-than-5", "under-5", "some")),
        Term("5-years-or-more", "5 years or more", 2, ("5-or-more", "5-plus", "5+")),
    ],
)

TRAINING = Vocabulary(
    "on-the-job training",
    [
        Term("none", "None", 0),
        Term("short-term", "Short-term on-the-job training", 1, ("short",)),
        Term("moderate-term", "Moderate-term on-the-job training", 2, ("moderate",)),
        Term("long-term", "Long-term on-the-job training", 3, ("long",)),
        Term("apprenticeship", "Apprenticeship", 4),
        Term("internship-residency", "Internship/residency", 5, ("internship", "residency")),
    ],
)

PUBLIC_CONTACT = Vocabulary(
    "public contact",
    [
        Term("little", "Little or none", 0, ("none", "little-or-none")),
        Term("some", "Some", 1, ("moderate",)),
        Term("frequent", "Frequent", 2, ("much", "constant")),
    ],
)


class Share(Record):
    """An employer or industry and the percent of the occupation's jobs it holds (None when unstated).

    ``part`` names the workers the share is of, for profiles that cover several occupations and give a table
    for each ("software quality assurance analysts and testers").
    """

    name: str
    percent: float | None = None
    part: str | None = None


class Association(Record):
    name: str
    url: str | None = None


class Pay(Record):
    year: int | None = None
    median_annual: float | None = None
    median_hourly: float | None = None
    percentile_10: float | None = None
    percentile_90: float | None = None
    # BLS publishes some medians only as "$239,200 or more".
    top_coded: bool = False


class Employment(Record):
    year: int | None = None
    jobs: int | None = None
    projected_year: int | None = None
    projected_jobs: int | None = None


class Outlook(Record):
    period: str | None = None
    growth_percent: float | None = None
    category: str | None = None
    change: int | None = None
    annual_openings: int | None = None
    prospects: str | None = None


class WorkEnvironment(Record):
    summary: str | None = None
    public_contact: str | None = None
    employers_year: int | None = None
    employers: tuple[Share, ...] = ()


class Entry(Record):
    """How to become one: the entry-level requirements and what helps."""

    education: str | None = None
    experience: str | None = None
    training: str | None = None
    courses: tuple[str, ...] = ()
    licenses: tuple[str, ...] = ()
    qualities: tuple[str, ...] = ()


class Source(Record):
    edition: str | None = None
    url: str | None = None
    last_modified: str | None = None


class ClusterOutlook(Record):
    """An older edition's outlook for a whole career cluster, e.g. health care careers."""

    name: str
    category: str


class HistoryEntry(Record):
    """What an earlier edition of the Handbook said, each figure with its own year or period."""

    edition: str
    title: str | None = None
    pay: Pay = Pay()
    employment: Employment = Employment()
    outlook: Outlook = Outlook()
    education: str | None = None
    courses: tuple[str, ...] = ()
    employers: tuple[Share, ...] = ()
    public_contact: str | None = None
    programs: tuple[str, ...] = ()
    associations: tuple[str, ...] = ()
    cluster_outlook: ClusterOutlook | None = None
    notes: tuple[str, ...] = ()


class Occupation(Record):
    id: str
    title: str
    group: str
    soc_codes: tuple[str, ...] = ()
    former_titles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    summary: str | None = None
    duties: tuple[str, ...] = ()
    work_environment: WorkEnvironment = WorkEnvironment()
    how_to_become: Entry = Entry()
    pay: Pay = Pay()
    employment: Employment = Employment()
    outlook: Outlook = Outlook()
    similar: tuple[str, ...] = ()
    programs: tuple[str, ...] = ()
    associations: tuple[Association, ...] = ()
    source: Source = Source()
    history: tuple[HistoryEntry, ...] = ()
    notes: tuple[str, ...] = ()


class Group(Record):
    slug: str
    name: str


class Threshold(Record):
    """The growth range of one outlook category, in whole percent; None is an open end."""

    category: str
    min: float | None
    max: float | None


class Meta(Record):
    edition: str
    projection_period: str
    base_year: int
    average_growth_percent: float
    median_pay_all: float | None
    median_pay_year: int | None
    thresholds: tuple[Threshold, ...]
    groups: tuple[Group, ...]
    source_url: str | None = None
    built: str | None = None

    def group_name(self, slug: str) -> str:
        for group in self.groups:
            if group.slug == slug:
                return group.name
        return slug


class Dataset(Record):
    meta: Meta
    occupations: tuple[Occupation, ...]


class Summary(Record):
    """The key figures of a profile, flat: all that lists, rankings, searches and comparisons need.

    Field names are the keys of json and csv output. Catalogs keep every profile's summary in memory and
    decode a full ``Occupation`` only when one is shown.
    """

    id: str
    title: str
    group: str
    soc_codes: tuple[str, ...]
    median_pay: float | None
    median_hourly: float | None
    pay_year: int | None
    top_coded: bool
    education: str | None
    experience: str | None
    training: str | None
    jobs: int | None
    jobs_year: int | None
    growth_percent: float | None
    outlook: str | None
    change: int | None
    annual_openings: int | None
    period: str | None

    @classmethod
    def of(cls, occ: Occupation) -> Summary:
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
    if isinstance(value, tuple) and hasattr(value, "_asdict"):
        return {key: to_data(item) for key, item in value._asdict().items()}
    if isinstance(value, (tuple, list)):
        return [to_data(item) for item in value]
    return value

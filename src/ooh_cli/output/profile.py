"""The view model of a profile: its heading and the Handbook's sections, as blocks every renderer can draw."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from ooh_cli.core.catalog import Catalog
from ooh_cli.core.model import HistoryEntry, Occupation, Share, to_data
from ooh_cli.core.records import Record
from ooh_cli.core.vocab import EDUCATION, EXPERIENCE, OUTLOOK, PUBLIC_CONTACT, TRAINING, Vocabulary
from ooh_cli.output.blocks import Block, Bullets, Grid, Links, Pairs, Paragraph
from ooh_cli.output.facts import NOT_AVAILABLE, count, growth_with_category, hourly, money, percent, signed_count
from ooh_cli.output.onet import (
    interests_blocks,
    job_zone_rows,
    onet_record,
    onet_section,
    skills_blocks,
    source_rows,
    technology_blocks,
)
from ooh_cli.output.pay import occupations_block, percentile_rows, wage

if TYPE_CHECKING:
    from ooh_cli.core.places import Place
    from ooh_cli.output.localpay import LocalPay


class Section(Record, frozen=True):
    slug: str
    title: str
    blocks: list[Block]


ONET_SECTIONS = ("skills", "interests", "technology")
# A profile lists this many programs of study; `--section programs` lists them all.
PROGRAMS_IN_PROFILE = 12


class ProfileView(Record, frozen=True):
    """A whole profile, or some of its sections, ready to draw."""

    id: str
    title: str
    group: str  # the group's name
    soc_codes: tuple[str, ...]
    former_titles: tuple[str, ...]
    summary: str | None
    # The summary sentence heads a whole profile, or the quick facts shown alone.
    with_summary: bool
    sections: list[Section]


SectionSlug = Literal[
    "summary",
    "what-they-do",
    "work-environment",
    "how-to-become-one",
    "pay",
    "state-and-area",
    "job-outlook",
    "skills",
    "interests",
    "technology",
    "similar",
    "programs",
    "associations",
    "history",
    "source",
]
SECTIONS = Vocabulary(
    "section",
    SectionSlug,
    [
        ("summary", "Quick facts", ("quick-facts", "facts")),
        ("what-they-do", "What they do", ("duties", "what")),
        ("work-environment", "Work environment", ("work", "environment", "employers")),
        ("how-to-become-one", "How to become one", ("how-to-become", "education", "become", "training")),
        ("pay", "Pay", ("wages", "salary")),
        ("state-and-area", "State and area pay", ("state", "area", "local-pay", "states")),
        ("job-outlook", "Job outlook", ("outlook", "jobs", "employment")),
        ("skills", "Skills and knowledge", ("knowledge", "what-the-work-asks")),
        ("interests", "Interests", ("riasec", "holland", "holland-code")),
        ("technology", "Technology", ("software", "tools")),
        ("similar", "Similar occupations", ("similar-occupations",)),
        ("programs", "Related programs of study", ("programs-of-study",)),
        # The 2024-34 pages' More Information tab: CareerOneStop, O*NET, licensing boards, some associations.
        ("associations", "More information", ("more-information", "more-info", "contacts", "links")),
        ("history", "Earlier editions", ("earlier-editions",)),
        ("source", "Source", ()),
    ],
)


def _label(vocabulary: Vocabulary, slug: str | None) -> str:
    return vocabulary.label(slug) or NOT_AVAILABLE


def _year(label: str, year: int | str | None) -> str:
    return f"{label}, {year}" if year is not None else label


def _shares(shares: tuple[Share, ...]) -> list[list[str]]:
    return [[s.name, NOT_AVAILABLE if s.percent is None else f"{s.percent:g}%"] for s in shares]


def quick_facts(occ: Occupation) -> list[tuple[str, str]]:
    pay, jobs, outlook, entry = occ.pay, occ.employment, occ.outlook, occ.how_to_become
    period = outlook.period
    growth = percent(outlook.growth_percent)
    if outlook.category:
        growth = (
            f"{growth} ({_label(OUTLOOK, outlook.category)})"
            if outlook.growth_percent is not None
            else (_label(OUTLOOK, outlook.category))
        )
    pay_text = NOT_AVAILABLE
    if pay.median_annual is not None or pay.median_hourly is not None:
        parts = []
        if pay.median_annual is not None:
            parts.append(f"{money(pay.median_annual, pay.top_coded)} per year")
        if pay.median_hourly is not None:
            parts.append(f"{hourly(pay.median_hourly, pay.top_coded)} per hour")
        pay_text = ", ".join(parts)
    return [
        (_year("Median pay", pay.year), pay_text),
        ("Typical entry-level education", _label(EDUCATION, entry.education)),
        ("Work experience in a related occupation", _label(EXPERIENCE, entry.experience)),
        ("On-the-job training", _label(TRAINING, entry.training)),
        (_year("Number of jobs", jobs.year), count(jobs.jobs)),
        (_year("Job outlook", period), growth),
        (_year("Employment change", period), signed_count(outlook.change)),
        (_year("Openings each year, on average", period), count(outlook.annual_openings)),
    ]


# Why a military profile has no quick facts, in place of a column of "not available".
MILITARY_FACTS = [
    ("Median pay", "none from BLS: basic pay follows rank and years of service, in tables shared by every branch"),
    ("Entry requirements", "set by each branch, for enlisted members and for officers (see How to become one)"),
    ("Jobs and outlook", "not projected: BLS's employment figures and projections cover civilian jobs only"),
]
# Why BLS's "work experience: none" and a job zone that speaks of years of experience can stand side by side.
SOURCES_NOTE = (
    "Education, work experience and training above are BLS's typical requirements to enter the occupation. The"
    " job zone is O*NET's rating of all the preparation the work takes, experience gained on the job included."
)


def _summary(occ: Occupation, catalog: Catalog, whole: bool) -> list[Block]:
    # The summary sentence itself heads the whole profile (see the renderers).
    facts = quick_facts(occ)
    if occ.group == "military" and all(value == NOT_AVAILABLE for _, value in facts):
        facts = MILITARY_FACTS
    blocks: list[Block] = [Pairs(facts + job_zone_rows(occ, catalog))]
    onet = catalog.onet()
    block = onet.profile(occ.id) if onet is not None else None
    zone = block.job_zone if block is not None else None
    # Zones 4 and 5 speak of years of experience, which entry may not ask for.
    if zone is not None and zone >= 4 and occ.how_to_become.experience == "none":
        blocks.append(Paragraph(SOURCES_NOTE))
    return blocks


def in_bls_words(occ: Occupation, section: str) -> list[Block]:
    """The page's own text of ``section``, labelled, where an update kept it (an edition we wrote no prose for)."""
    if occ.bls_text is None or not getattr(occ.bls_text, section):
        return []
    label = Paragraph(f"In BLS's words, {occ.bls_text.edition} edition:")
    return [label, *(Paragraph(paragraph) for paragraph in getattr(occ.bls_text, section))]


def _what(occ: Occupation, catalog: Catalog, whole: bool) -> list[Block]:
    # The summary heads the whole profile; this section says more, or stands in for it when shown alone.
    theirs = [] if occ.what_they_do else in_bls_words(occ, "what_they_do")
    text = occ.what_they_do or (None if theirs or (whole and occ.summary) else occ.summary or NOT_AVAILABLE)
    blocks: list[Block] = [Paragraph(text)] if text else theirs
    if occ.duties:
        blocks.append(Bullets("Duties", list(occ.duties)))
    return blocks or [Paragraph("Nothing beyond the summary above.")]


def _work(occ: Occupation, catalog: Catalog, whole: bool) -> list[Block]:
    work = occ.work_environment
    blocks: list[Block] = [Paragraph(work.summary)] if work.summary else in_bls_words(occ, "work_environment")
    if work.public_contact:  # rated for a few profiles only; the others are not "not available", they are silent
        blocks.append(Pairs([("Contact with patients or the public", _label(PUBLIC_CONTACT, work.public_contact))]))
    # One table for the profile, or one for each occupation it covers.
    for part in dict.fromkeys(share.part for share in work.employers):
        title = _year("Largest employers", work.employers_year) + (f": {part}" if part else "")
        shares = tuple(share for share in work.employers if share.part == part)
        blocks.append(Grid(title, ["Employer", "Share of jobs"], _shares(shares), frozenset({1})))
    return blocks


def _become(occ: Occupation, catalog: Catalog, whole: bool) -> list[Block]:
    entry = occ.how_to_become
    blocks: list[Block] = [Paragraph(entry.summary)] if entry.summary else in_bls_words(occ, "how_to_become")
    if not whole:  # in a whole profile the quick facts above give these
        blocks.append(Pairs(quick_facts(occ)[1:4]))
    return blocks + _lists(
        ("Typical courses", entry.courses),
        ("Licenses, certifications and registrations", entry.licenses),
        ("Important qualities", entry.qualities),
    )


def _lists(*lists: tuple[str, tuple[str, ...]]) -> list[Block]:
    """A titled bullet list for each list that has items."""
    return [Bullets(title, list(items)) for title, items in lists if items]


def _pay(occ: Occupation, catalog: Catalog, whole: bool) -> list[Block]:
    pay, meta = occ.pay, catalog.meta
    # In a whole profile the quick facts above give the median.
    medians = [
        (_year("Median annual wage", pay.year), money(pay.median_annual, pay.top_coded)),
        (_year("Median hourly wage", pay.year), hourly(pay.median_hourly, pay.top_coded)),
    ]
    rows = [*([] if whole else medians), *percentile_rows(pay)]
    if meta.median_pay_all is not None:
        rows.append((_year("Median annual wage, all occupations", meta.median_pay_year), money(meta.median_pay_all)))
    blocks: list[Block] = [Pairs(rows), *occupations_block(pay)]
    # One table for the profile, or one for each occupation it covers, as for employers.
    for part in dict.fromkeys(industry.part for industry in pay.industries):
        title = _year("Median pay in the top industries", pay.year) + (f": {part}" if part else "")
        wages = [
            [i.name, wage(i.median_annual, i.median_hourly, i.top_coded)] for i in pay.industries if i.part == part
        ]
        blocks.append(Grid(title, ["Industry", "Median pay"], wages, frozenset({1})))
    blocks += [Paragraph(pay.summary)] if pay.summary else in_bls_words(occ, "pay")
    return blocks


def _outlook(occ: Occupation, catalog: Catalog, whole: bool) -> list[Block]:
    outlook, jobs, meta = occ.outlook, occ.employment, catalog.meta
    period = outlook.period
    # In a whole profile the quick facts above give growth, jobs, change and openings.
    in_quick_facts = [
        (_year("Projected growth", period), percent(outlook.growth_percent)),
        ("Outlook category", _label(OUTLOOK, outlook.category)),
        (_year("Number of jobs", jobs.year), count(jobs.jobs)),
        (_year("Employment change", period), signed_count(outlook.change)),
        (_year("Openings each year, on average", period), count(outlook.annual_openings)),
    ]
    rows = [
        *([] if whole else in_quick_facts),
        (_year("Average growth, all occupations", meta.projection_period), percent(meta.average_growth_percent)),
        (_year("Projected number of jobs", jobs.projected_year), count(jobs.projected_jobs)),
    ]
    blocks: list[Block] = [Pairs(rows)]
    blocks += [Paragraph(outlook.prospects)] if outlook.prospects else in_bls_words(occ, "outlook")
    # The table says more than the figures above only for a profile covering several occupations.
    if len(outlook.projections) > 1:
        headers = [
            "Occupation (SOC code)",
            f"Jobs\n{jobs.year}",
            f"Projected\njobs {jobs.projected_year}",
            f"Change\n{period}",
            "Change,\njobs",
        ]
        table = [
            [
                f"{p.title} ({p.soc_code})" if p.soc_code else p.title,
                count(p.jobs),
                count(p.projected_jobs),
                percent(p.change_percent),
                change,
            ]
            for p in outlook.projections
            if (change := signed_count(p.change))
        ]
        blocks.append(Grid("Projections by occupation", headers, table, frozenset({1, 2, 3, 4})))
    return blocks


def _similar(occ: Occupation, catalog: Catalog, whole: bool) -> list[Block]:
    rows = []
    for other_id in occ.similar:
        other = catalog.summary(other_id)
        if other is None:
            rows.append([other_id, "not in this data file", "", ""])
            continue
        pay = money(other.median_pay, other.top_coded)
        rows.append([other.title, pay, _label(EDUCATION, other.education), growth_with_category(other)])
    if not rows:
        return [Paragraph("No similar occupations listed.")]
    headers = [
        "Occupation",
        _year("Median pay", occ.pay.year),
        "Entry-level education",
        _year("Outlook", occ.outlook.period),
    ]
    return [Grid("", headers, rows, frozenset({1}))]


def _programs(occ: Occupation, catalog: Catalog, whole: bool) -> list[Block]:
    if not occ.programs:
        return [Paragraph("No related programs of study listed.")]
    shown = occ.programs[:PROGRAMS_IN_PROFILE] if whole else occ.programs
    title = f"Programs that prepare for this work ({catalog.meta.programs_edition or 'CIP'})"
    blocks: list[Block] = [Grid(title, ["CIP code", "Program"], [[p.code, p.title] for p in shown])]
    if len(shown) < len(occ.programs):
        rest = len(occ.programs) - len(shown)
        blocks.append(Paragraph(f"And {rest:,} more: ooh show {occ.id} --section programs"))
    return blocks


def _associations(occ: Occupation, catalog: Catalog, whole: bool) -> list[Block]:
    if not occ.associations:
        return [Paragraph("No links listed.")]
    return [Links("", [(a.name, a.url or NOT_AVAILABLE) for a in occ.associations])]


def history_blocks(entry: HistoryEntry) -> list[Block]:
    pay, jobs, outlook = entry.pay, entry.employment, entry.outlook
    rows = [("Title then", entry.title or NOT_AVAILABLE)]
    if pay.median_annual is not None:
        rows.append((_year("Median annual earnings", pay.year), money(pay.median_annual)))
    if jobs.jobs is not None:
        rows.append((_year("Number of jobs", jobs.year), f"about {count(jobs.jobs)}"))
    if outlook.category:
        rows.append((_year("Projected growth", outlook.period), _label(OUTLOOK, outlook.category)))
    if entry.cluster_outlook:
        rows.append(
            (f"Outlook for {entry.cluster_outlook.name.lower()}", _label(OUTLOOK, entry.cluster_outlook.category))
        )
    if entry.education:
        rows.append(("Usual entry-level education", _label(EDUCATION, entry.education)))
    if entry.public_contact:
        rows.append(("Contact with patients or the public", _label(PUBLIC_CONTACT, entry.public_contact)))
    blocks: list[Block] = [Pairs(rows)]
    if outlook.prospects:
        blocks.append(Paragraph(f"Prospects: {outlook.prospects}"))
    if entry.employers:
        blocks.append(
            Grid(
                _year("Where the jobs were", jobs.year),
                ["Employer", "Share of jobs"],
                _shares(entry.employers),
                frozenset({1}),
            )
        )
    return blocks + _lists(
        ("Typical courses", entry.courses),
        ("Related programs of study", entry.programs),
        ("Associations", entry.associations),
        ("Notes", entry.notes),
    )


def _history(occ: Occupation, catalog: Catalog, whole: bool) -> list[Block]:
    if not occ.history:
        return [Paragraph("No earlier editions recorded.")]
    blocks: list[Block] = []
    for entry in occ.history:
        blocks.append(Paragraph(f"{entry.edition} edition"))
        blocks.extend(history_blocks(entry))
    return blocks


def _source(occ: Occupation, catalog: Catalog, whole: bool) -> list[Block]:
    source, meta = occ.source, catalog.meta
    rows = [
        ("Edition", source.edition or meta.edition),
        ("Last modified", source.last_modified or NOT_AVAILABLE),
        ("Publisher", "U.S. Bureau of Labor Statistics, Occupational Outlook Handbook"),
    ]
    if meta.built:
        rows.append(("Data file built", meta.built))
    if occ.bls_text is not None:
        rows.append(("Text", f"BLS's own words, {occ.bls_text.edition} edition (kept by `ooh data update`)"))
    rows += source_rows(catalog)
    blocks: list[Block] = [Pairs(rows), Links("", [("Profile page", source.url or NOT_AVAILABLE)])]
    if occ.notes:
        blocks.append(Bullets("Notes", list(occ.notes)))
    return blocks


def _local(occ: Occupation, catalog: Catalog, whole: bool, place: Place | None = None) -> LocalPay:
    from ooh_cli.output.localpay import local_pay

    return local_pay(occ.id, occ.soc_codes, catalog.local_choice, whole, occ.pay.year, place)


def _state_and_area(occ: Occupation, catalog: Catalog, whole: bool, place: Place | None = None) -> list[Block]:
    """OEWS figures by state and metro area, from the wage table beside the data file; first the place asked
    about, when the words named one."""
    local = _local(occ, catalog, whole, place)
    blocks: list[Block] = [Paragraph(" ".join(local.intro[:-1]))] if len(local.intro) > 1 else []
    blocks += [Grid(t.title, t.headers, t.rows, frozenset({1, 2})) for t in local.tables]
    return [*blocks, Paragraph(local.intro[-1])]


# Each builds a section from the profile; `whole` is true when the section is shown within the whole profile.
BUILDERS: dict[str, Callable[[Occupation, Catalog, bool], list[Block]]] = {
    "summary": _summary,
    "what-they-do": _what,
    "work-environment": _work,
    "how-to-become-one": _become,
    "pay": _pay,
    "state-and-area": _state_and_area,
    "job-outlook": _outlook,
    "skills": skills_blocks,
    "interests": interests_blocks,
    "technology": technology_blocks,
    "similar": _similar,
    "programs": _programs,
    "associations": _associations,
    "history": _history,
    "source": _source,
}


def profile_view(occ: Occupation, catalog: Catalog, only: str | None = None, place: Place | None = None) -> ProfileView:
    """The profile's sections in Handbook order, or just ``only``. A data file without O*NET data shows its
    sections only when asked for (they say how to add it). ``place``: where the words asked about, shown first
    in the state-and-area section."""
    slugs = [only] if only else [s for s in SECTIONS.slugs() if catalog.onet() or s not in ONET_SECTIONS]

    def section(slug: str) -> Section:
        whole = only is None
        blocks = _state_and_area(occ, catalog, whole, place) if slug == "state-and-area" else None
        return Section(slug, SECTIONS[slug].label, blocks or BUILDERS[slug](occ, catalog, whole))

    return ProfileView(
        occ.id,
        occ.title,
        catalog.meta.group_name(occ.group),
        occ.soc_codes,
        occ.former_titles,
        occ.summary,
        only in (None, "summary"),
        [section(slug) for slug in slugs],
    )


def section_data(occ: Occupation, catalog: Catalog, only: str | None, place: Place | None = None) -> Any:
    """The profile, or one section of it, in the data file's own field names (for json and yaml)."""
    record = to_data(occ)
    if only == "state-and-area":
        return _local(occ, catalog, False, place).data
    if only in (None, "summary", "skills", "interests", "technology", "source"):
        extra = onet_record(occ, catalog)
        if only is None:
            return record | extra
        if only in ONET_SECTIONS:
            return onet_section(occ, catalog, only)
        record["job_zone"] = extra["job_zone"]  # a quick fact
        record["source"] = record["source"] | {"onet": extra["onet"] and extra["onet"]["credit"]}
    similar = [
        {"id": other_id, "title": other.title if (other := catalog.summary(other_id)) else None}
        for other_id in occ.similar
    ]
    picks: dict[str, Any] = {
        "summary": {key: record[key] for key in ("id", "title", "group", "soc_codes", "summary")}
        | {"pay": record["pay"], "employment": record["employment"], "outlook": record["outlook"]}
        | {"how_to_become": {k: record["how_to_become"][k] for k in ("education", "experience", "training")}}
        | {"job_zone": record.get("job_zone")},
        "what-they-do": {"summary": occ.summary, "what_they_do": occ.what_they_do, "duties": record["duties"]},
        "work-environment": record["work_environment"],
        "how-to-become-one": record["how_to_become"],
        "pay": record["pay"],
        "job-outlook": {"outlook": record["outlook"], "employment": record["employment"]},
        "similar": similar,
        "programs": {"edition": catalog.meta.programs_edition, "programs": record["programs"]},
        "associations": record["associations"],
        "history": record["history"],
        "source": record["source"],
    }
    return picks[only]

"""The rows of each table of the export, in the order of its columns (exportschema.py, exporttables.py)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ooh_cli.core.exporttables import FOOTNOTES, OTHER_FOOTNOTE

if TYPE_CHECKING:
    from ooh_cli.core.exportsource import Onet, Wages
    from ooh_cli.core.model import Occupation
    from ooh_cli.core.records import Meta

Row = tuple[Any, ...]
Rows = dict[str, list[Row]]


def _flag(value: bool) -> int:
    return 1 if value else 0


def _numbered(items: Iterable[Any]) -> Iterator[tuple[int, Any]]:
    return enumerate(items, start=1)


def edition_rows(meta: Meta) -> Rows:
    from ooh_cli.core.vocab import EDUCATION, EXPERIENCE, OUTLOOK, PUBLIC_CONTACT, TRAINING

    vocabularies = {
        "outlook": OUTLOOK,
        "education": EDUCATION,
        "experience": EXPERIENCE,
        "training": TRAINING,
        "public_contact": PUBLIC_CONTACT,
    }
    return {
        "edition": [
            (
                meta.edition,
                meta.projection_period,
                meta.base_year,
                meta.average_growth_percent,
                meta.median_pay_all,
                meta.median_pay_year,
                meta.source_url,
                meta.programs_edition,
                meta.built,
            )
        ],
        "vocabulary": [
            (kind, term.slug, term.label, term.rank)
            for kind, vocabulary in vocabularies.items()
            for term in vocabulary.terms
        ],
        "outlook_thresholds": [
            (slug, bounds.min, bounds.max, meta.projection_period) for slug, bounds in meta.outlook_thresholds.ranges()
        ],
        "groups": [(group.slug, group.name) for group in meta.groups],
    }


def profile_row(occ: Occupation) -> Row:
    env, entry, pay, jobs, outlook, source = (
        occ.work_environment,
        occ.how_to_become,
        occ.pay,
        occ.employment,
        occ.outlook,
        occ.source,
    )
    return (
        occ.id,
        occ.title,
        occ.group,
        occ.summary,
        occ.what_they_do,
        env.summary,
        env.public_contact,
        entry.education,
        entry.experience,
        entry.training,
        entry.summary,
        pay.year,
        pay.median_annual,
        pay.median_hourly,
        _flag(pay.top_coded),
        pay.percentile_10,
        pay.percentile_90,
        pay.percentile_10_hourly,
        pay.percentile_90_hourly,
        pay.summary,
        jobs.year,
        jobs.jobs,
        jobs.projected_year,
        jobs.projected_jobs,
        outlook.period,
        outlook.growth_percent,
        outlook.category,
        outlook.change,
        outlook.annual_openings,
        outlook.prospects,
        env.employers_year,
        source.edition,
        source.url,
        source.last_modified,
    )


def profile_rows(profiles: list[Occupation]) -> Rows:
    """Every table of the Handbook's profiles but ``profiles`` itself (see profile_row) and the full-text index."""
    rows: Rows = {
        name: []
        for name in (
            "profile_soc_codes",
            "profile_names",
            "duties",
            "qualifications",
            "employers",
            "industry_pay",
            "projections",
            "programs",
            "profile_programs",
            "similar_occupations",
            "associations",
            "history",
            "history_items",
        )
    }
    programs: dict[str, str] = {}
    for occ in profiles:
        key, pay, jobs, outlook = occ.id, occ.pay, occ.employment, occ.outlook
        rows["profile_soc_codes"] += [(key, soc, n) for n, soc in _numbered(occ.soc_codes)]
        rows["profile_names"] += [(key, "former_title", n, name) for n, name in _numbered(occ.former_titles)]
        rows["profile_names"] += [(key, "alias", n, name) for n, name in _numbered(occ.aliases)]
        rows["duties"] += [(key, n, duty) for n, duty in _numbered(occ.duties)]
        entry = occ.how_to_become
        for kind, items in (("course", entry.courses), ("license", entry.licenses), ("quality", entry.qualities)):
            rows["qualifications"] += [(key, kind, n, item) for n, item in _numbered(items)]
        employers_year = occ.work_environment.employers_year
        rows["employers"] += [
            (key, n, e.name, e.percent, e.part, employers_year) for n, e in _numbered(occ.work_environment.employers)
        ]
        rows["industry_pay"] += [
            (key, n, i.name, i.median_annual, i.median_hourly, _flag(i.top_coded), i.part, pay.year)
            for n, i in _numbered(pay.industries)
        ]
        rows["projections"] += [
            (
                key,
                n,
                p.title,
                p.soc_code,
                jobs.year,
                p.jobs,
                jobs.projected_year,
                p.projected_jobs,
                outlook.period,
                p.change_percent,
                p.change,
            )
            for n, p in _numbered(outlook.projections)
        ]
        for n, program in _numbered(occ.programs):
            programs.setdefault(program.code, program.title)
            rows["profile_programs"].append((key, program.code, n))
        rows["similar_occupations"] += [(key, n, other) for n, other in _numbered(occ.similar)]
        rows["associations"] += [(key, n, a.name, a.url) for n, a in _numbered(occ.associations)]
        for past in occ.history:
            rows["history"].append(history_row(key, past))
            lists = (
                ("course", [(text, None) for text in past.courses]),
                ("employer", [(e.name, e.percent) for e in past.employers]),
                ("program", [(text, None) for text in past.programs]),
                ("association", [(text, None) for text in past.associations]),
                ("note", [(text, None) for text in past.notes]),
            )
            for kind, entries in lists:
                rows["history_items"] += [(key, past.edition, kind, n, t, p) for n, (t, p) in _numbered(entries)]
    rows["programs"] = sorted(programs.items())
    return rows


def history_row(profile_id: str, past: Any) -> Row:
    cluster = past.cluster_outlook
    return (
        profile_id,
        past.edition,
        past.title,
        past.pay.year,
        past.pay.median_annual,
        past.pay.median_hourly,
        past.employment.year,
        past.employment.jobs,
        past.outlook.period,
        past.outlook.growth_percent,
        past.outlook.category,
        past.outlook.prospects,
        past.education,
        past.public_contact,
        cluster.name if cluster else None,
        cluster.category if cluster else None,
    )


def search_row(occ: Occupation) -> Row:
    """A profile's row of profiles_fts (without its rowid)."""
    return (
        occ.title,
        "\n".join((*occ.former_titles, *occ.aliases)),
        occ.summary,
        occ.what_they_do,
        "\n".join(occ.duties),
        occ.work_environment.summary,
        occ.how_to_become.summary,
        occ.pay.summary,
        occ.outlook.prospects,
    )


def wage_rows(wages: Wages) -> dict[str, Iterable[Row]]:
    """The OEWS tables. The estimates, many, go to the database as they are read rather than all at once; the
    footnotes they carry are gathered on the way, so the footnote tables, written after the wages, are complete
    by the time they are read."""
    footnoted: list[Row] = []

    def estimates() -> Iterator[Row]:
        for estimate in wages.estimates():
            yield (estimate.soc_code, estimate.area_code, wages.period, *estimate.figures)
            footnoted.extend(
                (estimate.soc_code, estimate.area_code, figure, code) for figure, code in estimate.footnotes
            )

    def footnotes() -> Iterator[Row]:
        for code in sorted({row[3] for row in footnoted} | set(FOOTNOTES)):
            yield code, FOOTNOTES.get(code, OTHER_FOOTNOTE)

    return {
        "areas": [(area.code, area.name, area.kind) for area in wages.areas],
        "area_states": [(area.code, state) for area in wages.areas for state in area.states],
        "oews_occupations": sorted(wages.titles().items()),
        "wages": estimates(),
        "footnotes": footnotes(),
        "wage_footnotes": footnoted,
    }


def onet_rows(onet: Onet) -> Rows:
    rows: Rows = {
        name: []
        for name in (
            "onet_profiles",
            "onet_profile_occupations",
            "onet_sources",
            "onet_ratings",
            "onet_interests",
            "onet_technology",
            "onet_education",
            "onet_alternate_titles",
            "onet_related",
        )
    }
    occupations: dict[str, str | None] = {}
    release = onet.release
    for profile in onet.profiles():
        key = profile.id
        rows["onet_profiles"].append((key, release, profile.job_zone, profile.holland_code, profile.weighting))
        for part in profile.occupations:
            occupations.setdefault(part.code, part.title)
            rows["onet_profile_occupations"].append((key, part.code, part.weight))
        for rated, table in ((1, profile.sources), (0, profile.unrated)):
            rows["onet_sources"] += [(key, kind, code, rated) for kind, codes in table.items() for code in codes]
        for kind, ratings in (
            ("skill", profile.skills),
            ("knowledge", profile.knowledge),
            ("work_style", profile.work_styles),
            ("work_value", profile.work_values),
        ):
            rows["onet_ratings"] += [
                (key, kind, n, r.name, r.importance, r.level, release) for n, r in _numbered(ratings)
            ]
        rows["onet_interests"] += [(key, s.name, s.score, release) for s in profile.interests]
        rows["onet_technology"] += [
            (key, group.category, e.name, _flag(e.hot), _flag(e.in_demand), release)
            for group in profile.technology
            for e in group.examples
        ]
        rows["onet_education"] += [
            (key, n, share.level, share.percent, release) for n, share in _numbered(profile.education)
        ]
        rows["onet_alternate_titles"] += [(key, title) for title in profile.alternate_titles]
        rows["onet_related"] += [(key, n, other) for n, other in _numbered(profile.related)]
    # A finer O*NET occupation a kind of rating comes from, when the profile combines the broader one.
    for _, _, code, _ in rows["onet_sources"]:
        occupations.setdefault(code, None)
    return {
        "onet_occupations": [(code, code[:7], title) for code, title in sorted(occupations.items())],
        "job_zones": sorted(onet.job_zones.items()),
        **rows,
    }

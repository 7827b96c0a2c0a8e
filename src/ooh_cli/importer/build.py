"""Assemble the data document from the official sources and merge it into the existing one.

Records follow docs/data-format.md, with keys in the order of its table. One rule for empty values: a key
whose value is null, an empty list, an empty mapping or ``false`` (only ``pay.top_coded`` is a flag) is left
out of what the sources provide, since the loader reads a missing key as "not available". A section's
reference year or period is written only next to at least one figure of that section. Values kept from the
existing file are copied as they are.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from ooh_cli.core.errors import DataError
from ooh_cli.core.vocab import VARIES
from ooh_cli.importer.azindex import read_az_index
from ooh_cli.importer.completeness import check_pages, check_programs, missing_from_page, sourced_fields
from ooh_cli.importer.editions import EDITIONS, Edition, derived_edition
from ooh_cli.importer.errors import SourceError
from ooh_cli.importer.merge import META_KEYS, changed_fields, merge_record, prune, same, union_keys
from ooh_cli.importer.pages import ProfilePage, read_profile
from ooh_cli.importer.programs import programs_edition, programs_for, read_crosswalk
from ooh_cli.importer.projections import ProjectionRow, Projections, read_projections
from ooh_cli.importer.values import round_half_up

ProgressCallback = Callable[[int, int], None]

SOURCE_URL = "https://www.bls.gov/ooh/"


@dataclass(frozen=True, slots=True)
class Disagreement:
    """A figure that a single-occupation profile page and its workbook row state differently."""

    profile: str
    soc_code: str
    field: str
    page: object
    workbook: object

    def __str__(self) -> str:
        return f"{self.profile} ({self.soc_code}): {self.field} is {self.page} on the page, {self.workbook} in the workbook"


@dataclass(slots=True)
class ImportReport:
    """What an import did. Lists of profile ids are sorted; ``updated`` maps an id to its changed fields."""

    added: list[str] = field(default_factory=list)
    updated: dict[str, list[str]] = field(default_factory=dict)
    unchanged: list[str] = field(default_factory=list)
    no_longer_in_source: list[str] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)
    # Findings that did not stop the import, each starting with the file or profile concerned.
    warnings: list[str] = field(default_factory=list)
    meta_changed: list[str] = field(default_factory=list)
    built: str | None = None

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.meta_changed)

    def summary(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.updated)} updated, {len(self.unchanged)} unchanged, "
            f"{len(self.no_longer_in_source)} no longer in the source; "
            f"{len(self.disagreements)} page/workbook disagreements, {len(self.warnings)} warnings"
        )


def build_document(
    pages_dir: Path,
    projections_path: Path,
    index_path: Path,
    existing: Mapping[str, Any] | None = None,
    progress: ProgressCallback | None = None,
    *,
    cip: Path | None = None,
    today: date | None = None,
    allow_partial: bool = False,
    page_text: bool = False,
) -> tuple[dict[str, Any], ImportReport]:
    """Read the profile pages, the projections workbook and the A-Z index; merge into ``existing``.

    With ``cip``, the CIP-SOC crosswalk gives each profile its programs of study; without it, the programs
    already in ``existing`` stay as they are. ``page_text`` keeps each page's own text (importer/pagetext.py),
    for an edition the project wrote no prose for; it is never asked for the bundled data.

    Returns the document (``meta`` and ``occupations`` sorted by id, the YAML shape of docs/data-format.md)
    and a report. ``progress(done, total)`` is called after each file. ``meta.built`` becomes ``today``
    unless nothing else changed, in which case the existing value stays and the output is identical.
    Raises SourceError for a missing or malformed source file, a page cut short or a crosswalk that takes
    programs away (completeness.py; not with ``allow_partial``), and DataError for a malformed ``existing``.
    """
    pages_dir, projections_path, index_path = Path(pages_dir), Path(projections_path), Path(index_path)
    old_records = existing_records(existing)
    old_meta = existing.get("meta") if existing is not None else None
    page_paths = _page_paths(pages_dir)
    total = len(page_paths) + 2
    done = 0

    def advance() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)

    report = ImportReport()
    projections = read_projections(projections_path)
    report.warnings.extend(f"{projections_path.name}: {warning}" for warning in projections.warnings)
    advance()
    aliases = read_az_index(index_path)
    advance()
    crosswalk = read_crosswalk(Path(cip)) if cip is not None else None
    pages: list[ProfilePage] = []
    for path in page_paths:
        pages.append(read_profile(path))
        advance()

    edition_name = _edition_name(projections, pages, report)
    edition = EDITIONS.get(edition_name) or derived_edition(projections, pages)
    if edition is None:
        raise SourceError(
            projections_path,
            f"edition {edition_name}: its outlook thresholds are unknown and the pages do not show them; "
            f"add them to EDITIONS in {__name__}",
        )
    if edition_name not in EDITIONS:
        report.warnings.append(
            f"edition {edition_name}: outlook thresholds read from the pages' categories; check them against the "
            "Handbook's definitions and add them to EDITIONS"
        )
    linked = projections.by_profile()
    page_ids = {page.id for page in pages}
    known_ids = page_ids | set(old_records)
    for slug in sorted(set(linked) - page_ids):
        report.warnings.append(f"{projections_path.name}: codes link to profile {slug!r}, which has no page")
    for slug in sorted(set(aliases) - page_ids):
        report.warnings.append(f"{index_path.name}: titles point to profile {slug!r}, which has no page")

    records: dict[str, dict[str, Any]] = {}
    made: list[tuple[ProfilePage, dict[str, Any]]] = []
    for page, page_path in zip(pages, page_paths, strict=True):
        rows = linked.get(page.id, [])
        report.warnings.extend(f"{page.id}: {warning}" for warning in page.warnings)
        report.warnings.extend(_check_category(page, edition))
        report.disagreements.extend(_cross_check(page, rows, projections.base_year))
        report.warnings.extend(_check_codes(page, rows, projections_path.name))
        fresh = _record(page, rows, aliases.get(page.id, []), edition_name, known_ids, report)
        made.append((page, dict(fresh)))
        old = old_records.get(page.id)
        programs = programs_for(fresh, crosswalk, old)
        if programs:
            fresh["programs"] = programs
        if page_text:
            from ooh_cli.importer.pagetext import read_page_text

            fresh["bls_text"] = {"edition": edition_name, **read_page_text(page_path)}
        merged = merge_record(fresh, old)
        records[page.id] = merged
        if old is None:
            report.added.append(page.id)
        elif same(merged, old):
            report.unchanged.append(page.id)
        else:
            report.updated[page.id] = changed_fields(old, merged)
    sourced = sourced_fields(fresh for _, fresh in made)
    lacking = {page.id: missing_from_page(page, fresh, old_records.get(page.id), sourced) for page, fresh in made}
    check_pages(pages_dir, lacking, allow_partial)
    if crosswalk is not None and cip is not None:
        check_programs(
            Path(cip), old_records, {key: record.get("programs") for key, record in records.items()}, allow_partial
        )
    for record_id, old in old_records.items():
        if record_id not in records:
            records[record_id] = old
            report.no_longer_in_source.append(record_id)

    meta = _meta(edition_name, edition, projections, pages, records, old_meta, report)
    meta["programs_edition"] = programs_edition(crosswalk, old_meta)
    if meta["programs_edition"] is None:
        del meta["programs_edition"]
    document = {"meta": meta, "occupations": [records[key] for key in sorted(records)]}
    for key, value in (existing or {}).items():
        document.setdefault(key, value)  # a maintainer's own top-level keys
    finish(document, existing, report, today)
    return document, report


def finish(
    document: dict[str, Any], existing: Mapping[str, Any] | None, report: ImportReport, today: date | None
) -> None:
    """Date ``document`` and complete ``report``: ``meta.built`` becomes ``today`` unless nothing else changed,
    in which case the existing value stays and the output is identical; the report's lists are sorted."""
    meta = document["meta"]
    old_meta = existing.get("meta") if existing is not None else None
    old_built = old_meta.get("built") if isinstance(old_meta, Mapping) else None
    if old_built is not None and same(_without_built(document), _without_built(existing)):
        meta["built"] = old_built
    else:
        meta["built"] = (today or date.today()).isoformat()
    report.built = str(meta["built"])
    if isinstance(old_meta, Mapping):
        report.meta_changed = [key for key in union_keys(old_meta, meta) if old_meta.get(key) != meta.get(key)]
    report.added.sort()
    report.unchanged.sort()
    report.no_longer_in_source.sort()
    report.updated = dict(sorted(report.updated.items()))


def _page_paths(pages_dir: Path) -> list[Path]:
    if not pages_dir.is_dir():
        raise SourceError(pages_dir, "not a directory of profile pages")
    paths = sorted(pages_dir.glob("*.html"))
    if not paths:
        raise SourceError(pages_dir, "no profile pages (*.html)")
    return paths


def existing_records(existing: Mapping[str, Any] | None) -> dict[str, dict[str, Any]]:
    if existing is None:
        return {}
    if not isinstance(existing, Mapping):
        raise DataError("the existing data is not a mapping with 'meta' and 'occupations'")
    records = existing.get("occupations") or []
    if not isinstance(records, list):
        raise DataError("the existing data's 'occupations' is not a list")
    out: dict[str, dict[str, Any]] = {}
    for index, record in enumerate(records):
        if not isinstance(record, dict) or not isinstance(record.get("id"), str):
            raise DataError(f"the existing data's occupations[{index}] has no id; fix it before importing")
        if record["id"] in out:
            raise DataError(f"the existing data has two records with id {record['id']!r}")
        out[record["id"]] = record
    return out


def _edition_name(projections: Projections, pages: list[ProfilePage], report: ImportReport) -> str:
    """The projection period, as the workbook states it (or most pages do, failing that)."""
    periods = Counter(page.period for page in pages if page.period)
    for period, count in periods.items():
        if projections.period is not None and period != projections.period:
            report.warnings.append(f"pages: {count} give the period {period}, the workbook {projections.period}")
    name = projections.period or (periods.most_common(1)[0][0] if periods else None)
    if name is None:
        raise SourceError(projections.path, "no projection period in the workbook or the pages")
    return name


def _record(
    page: ProfilePage,
    rows: list[ProjectionRow],
    titles: list[str],
    edition: str,
    known_ids: set[str],
    report: ImportReport,
) -> dict[str, Any]:
    """The record as the sources give it, empty values left out."""
    similar = [other for other in page.similar if other in known_ids]
    for other in page.similar:
        if other not in known_ids:
            report.warnings.append(f"{page.id}: similar occupation {other!r} has no profile; left out")
    pay_figures = (page.median_annual, page.median_hourly, page.percentile_10, page.percentile_90)
    hourly_figures = (page.percentile_10_hourly, page.percentile_90_hourly)
    has_pay = any(value is not None for value in (*pay_figures, *hourly_figures)) or bool(page.industries)
    has_pay = has_pay or bool(page.occupations)
    record = {
        "id": page.id,
        "title": page.title,
        "group": page.group,
        # The page's codes, one level: the workbook's line items only where the page names none.
        "soc_codes": sorted(page.soc_codes or {row.soc_code for row in rows}),
        "aliases": [title for title in titles if title.casefold() != page.title.casefold()],
        "work_environment": {
            "employers_year": page.employers_year if page.employers else None,
            "employers": [
                {"name": e.name, "percent": e.percent} | ({"part": e.part} if e.part else {}) for e in page.employers
            ],
        },
        "how_to_become": {
            "education": page.education,
            "experience": page.experience,
            "training": page.training,
            "licenses": list(page.licenses),
            "qualities": list(page.qualities),
        },
        "pay": {
            "year": page.pay_year if has_pay else None,
            "median_annual": page.median_annual,
            "median_hourly": page.median_hourly,
            "percentile_10": page.percentile_10,
            "percentile_90": page.percentile_90,
            "top_coded": page.top_coded,
            "percentile_10_hourly": page.percentile_10_hourly,
            "percentile_90_hourly": page.percentile_90_hourly,
            "occupations": [asdict(wages) for wages in page.occupations],
            "industries": [
                {
                    "name": wage.name,
                    "median_annual": wage.median_annual,
                    "median_hourly": wage.median_hourly,
                    "part": wage.part,
                    "top_coded": wage.top_coded,
                }
                for wage in page.industries
            ],
        },
        "employment": {
            "year": page.jobs_year if page.jobs is not None else None,
            "jobs": page.jobs,
            "projected_year": page.projected_year if page.projected_jobs is not None else None,
            "projected_jobs": page.projected_jobs,
        },
        "outlook": {
            "period": page.period if _has_outlook(page) else None,
            "growth_percent": page.growth_percent,
            "category": page.category,
            "change": page.change,
            "annual_openings": page.annual_openings,
            "projections": [
                {
                    "title": line.title,
                    "soc_code": line.soc_code,
                    "jobs": line.jobs,
                    "projected_jobs": line.projected_jobs,
                    "change_percent": line.change_percent,
                    "change": line.change,
                }
                for line in page.projections
            ],
        },
        "similar": similar,
        "associations": [{"name": link.name, "url": link.url} for link in page.associations],
        "source": {"edition": edition, "url": page.url, "last_modified": page.last_modified},
    }
    return prune(record)  # type: ignore[no-any-return]


def _has_outlook(page: ProfilePage) -> bool:
    figures = (page.growth_percent, page.category, page.change, page.annual_openings)
    return any(value is not None for value in figures) or bool(page.projections)


def _check_codes(page: ProfilePage, rows: list[ProjectionRow], workbook: str) -> list[str]:
    """A page whose detailed occupations are not the workbook's line items linked to it."""
    linked = {row.soc_code for row in rows}
    if not page.soc_codes or not linked or linked == set(page.soc_codes):
        return []
    return [f"{page.id}: the page covers {', '.join(page.soc_codes)}; {workbook} links {', '.join(sorted(linked))}"]


def _cross_check(page: ProfilePage, rows: list[ProjectionRow], base_year: int | None) -> list[Disagreement]:
    """Compare a profile covering exactly one workbook line item with that line item.

    Pay is compared only when the page's is of the workbook's year, and "See How to Become One" (``varies``)
    contradicts no requirement.
    """
    if len(rows) != 1 or not page.has_quick_facts:
        return []
    row = rows[0]
    growth = row.growth_percent
    # The page rounds the unrounded projection, the workbook shows one decimal: 5.5 there may be 5 or 6 here.
    if growth is not None and page.growth_percent is not None and abs(page.growth_percent - growth) <= 0.5:
        growth = page.growth_percent
    both_paid = page.median_annual is not None and row.median_annual is not None
    if base_year is not None and page.pay_year != base_year:
        both_paid = False
    pairs: Iterable[tuple[str, object, object]] = (
        ("employment.jobs", page.jobs, row.jobs),
        ("employment.projected_jobs", page.projected_jobs, row.projected_jobs),
        ("outlook.growth_percent", page.growth_percent, growth),
        ("outlook.change", page.change, row.change),
        ("outlook.annual_openings", page.annual_openings, row.annual_openings),
        ("pay.median_annual", page.median_annual if both_paid else None, row.median_annual),
        ("pay.top_coded", page.top_coded if both_paid else None, row.top_coded if both_paid else None),
        ("how_to_become.education", page.education, row.education),
        ("how_to_become.experience", page.experience, row.experience),
        ("how_to_become.training", page.training, row.training),
    )
    return [
        Disagreement(page.id, row.soc_code, name, on_page, in_workbook)
        for name, on_page, in_workbook in pairs
        if on_page not in (None, VARIES) and in_workbook is not None and on_page != in_workbook
    ]


def _check_category(page: ProfilePage, edition: Edition) -> list[str]:
    """A page whose outlook category does not match its growth under the edition's thresholds."""
    if page.growth_percent is None or page.category is None:
        return []
    growth = page.growth_percent
    expected = next(
        (
            slug
            for slug, (low, high) in edition.thresholds.items()
            if (low is None or growth >= low) and (high is None or growth <= high)
        ),
        None,
    )
    if expected is None or expected == page.category:
        return []
    return [f"{page.id}: growth of {growth}% is {expected} by the edition's thresholds, the page says {page.category}"]


def _meta(
    name: str,
    edition: Edition,
    projections: Projections,
    pages: list[ProfilePage],
    records: Mapping[str, Mapping[str, Any]],
    old_meta: object,
    report: ImportReport,
) -> dict[str, Any]:
    old: Mapping[str, Any] = old_meta if isinstance(old_meta, Mapping) else {}
    total = projections.all_occupations
    growth = edition.average_growth_percent
    median_pay = edition.median_pay_all
    if total is not None and total.growth_percent is not None:
        growth = round_half_up(Decimal(repr(total.growth_percent)))
    if total is not None and total.median_annual is not None:
        median_pay = int(total.median_annual)
    if (growth, median_pay) != (edition.average_growth_percent, edition.median_pay_all):
        report.warnings.append(
            f"{projections.path.name}: all occupations grow {growth}% with median pay {median_pay}; the edition"
            f" states {edition.average_growth_percent}% and {edition.median_pay_all}"
        )
    base_year = projections.base_year or next((page.jobs_year for page in pages if page.jobs_year), None)
    meta: dict[str, Any] = {
        "edition": name,
        "projection_period": name,
        "base_year": base_year,
        "average_growth_percent": growth,
        "median_pay_all": median_pay,
        "median_pay_year": base_year,
        "source_url": SOURCE_URL,
        "programs_edition": None,  # set by build_document, which knows the crosswalk
        "built": None,
        "outlook_thresholds": {slug: {"min": low, "max": high} for slug, (low, high) in edition.thresholds.items()},
        "groups": _groups(pages, records, old.get("groups")),
    }
    for key, value in old.items():
        if key not in META_KEYS:
            meta[key] = value
    return meta


def _groups(
    pages: list[ProfilePage], records: Mapping[str, Mapping[str, Any]], old_groups: object
) -> list[dict[str, str]]:
    """The groups of the pages, named as their breadcrumbs name them, plus those of records kept from before."""
    old_names = {
        group["slug"]: group["name"]
        for group in (old_groups if isinstance(old_groups, list) else [])
        if isinstance(group, Mapping) and isinstance(group.get("slug"), str) and isinstance(group.get("name"), str)
    }
    names: dict[str, str] = {}
    for page in pages:
        if page.group_name and page.group not in names:
            names[page.group] = page.group_name
    for record in records.values():
        slug = record.get("group")
        if isinstance(slug, str) and slug not in names:
            names[slug] = old_names.get(slug) or slug.replace("-", " ").capitalize()
    return [{"slug": slug, "name": names[slug]} for slug in sorted(names)]


def _without_built(document: Mapping[str, Any] | None) -> object:
    if not isinstance(document, Mapping):
        return None
    meta = document.get("meta")
    if not isinstance(meta, Mapping):
        return dict(document)
    return {**document, "meta": {key: value for key, value in meta.items() if key != "built"}}

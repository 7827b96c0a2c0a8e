"""Whether every source is whole: a page saved half-way or a crosswalk cut short would import "successfully"
and quietly drop what the missing part held (qualities, percentiles, projections, programs).

A profile page must have what every profile page has, and whatever its current record has from the sources;
the crosswalk must give back the programs of the current records. Anything missing is a SourceError naming the
pages, unless `--allow-partial` says the loss is meant (a new edition that no longer publishes a figure).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ooh_cli.importer.errors import SourceError
from ooh_cli.importer.pages import ProfilePage

# What each of the Handbook's profile pages has (all 342 of the 2024-34 edition), by the parser's field.
EVERY_PAGE = {"qualities": "important qualities", "last_modified": "last-modified date"}
# ... and each page with a Quick Facts table (all but Military Careers).
WITH_QUICK_FACTS = {
    "pay_year": "pay",
    "education": "entry-level education",
    "jobs": "number of jobs",
    "period": "projection period",
    "projections": "projections table",
    "annual_openings": "annual openings",
    "similar": "similar occupations",
    "soc_codes": "SOC codes",
}
# Fields an import adds to rather than replaces (merge.py): a page without them takes nothing away.
MERGED = frozenset({"aliases", "how_to_become.licenses", "programs"})
SHOWN = 5  # pages named in the error; the rest are counted
ALLOW = "--allow-partial imports them anyway"


def _paths(record: Mapping[str, Any], prefix: str = "") -> set[str]:
    """The fields of ``record`` that hold something, as ``pay.percentile_10``, one level into each section."""
    found: set[str] = set()
    for key, value in record.items():
        if value in (None, [], {}, (), "", False):
            continue
        if isinstance(value, Mapping) and not prefix:
            found |= _paths(value, f"{key}.")  # a section counts by its fields: prose of our own may fill it
        else:
            found.add(f"{prefix}{key}")
    return found


def missing_from_page(
    page: ProfilePage, fresh: Mapping[str, Any], old: Mapping[str, Any] | None, sourced: set[str]
) -> list[str]:
    """What ``page`` lacks: sections every page has, and fields (of those the pages give, ``sourced``) that
    its current record ``old`` holds and ``fresh``, the record made from the page, does not."""
    wanted = {**EVERY_PAGE, **(WITH_QUICK_FACTS if page.has_quick_facts else {})}
    missing = [words for name, words in wanted.items() if getattr(page, name) in (None, (), "")]
    if not missing and old is not None:
        missing = sorted((_paths(old) & sourced) - _paths(fresh) - MERGED)
    return missing


def sourced_fields(records: Iterable[Mapping[str, Any]]) -> set[str]:
    """Every field that at least one record made from the pages holds: the fields the pages give."""
    found: set[str] = set()
    for record in records:
        found |= _paths(record)
    return found


def check_pages(pages_dir: Path, lacking: Mapping[str, list[str]], allow_partial: bool) -> None:
    """A SourceError naming the pages that lack something (``lacking``: page id to what it lacks)."""
    incomplete = {page: what for page, what in lacking.items() if what}
    if not incomplete or allow_partial:
        return
    named = "; ".join(f"{page}.html lacks {', '.join(what)}" for page, what in list(incomplete.items())[:SHOWN])
    more = f" (and {len(incomplete) - SHOWN} more pages)" if len(incomplete) > SHOWN else ""
    raise SourceError(pages_dir, f"pages cut short or not profile pages: {named}{more}; save them again, or {ALLOW}")


def check_programs(
    crosswalk_path: Path,
    old_records: Mapping[str, Mapping[str, Any]],
    new_programs: Mapping[str, Any],
    allow_partial: bool,
) -> None:
    """A SourceError when the crosswalk would take programs from current records: a file cut short loses the
    programs of every occupation past the cut."""
    if allow_partial:
        return
    losing = []
    for record_id, old in old_records.items():
        had = {program.get("code") for program in old.get("programs") or [] if isinstance(program, Mapping)}
        kept = {program["code"] for program in new_programs.get(record_id) or []}
        if had - kept:
            losing.append(record_id)
    if losing:
        named = ", ".join(losing[:SHOWN]) + (f" and {len(losing) - SHOWN} more" if len(losing) > SHOWN else "")
        raise SourceError(
            crosswalk_path,
            f"gives no link for programs that {len(losing)} profiles have now ({named}): is it cut short? {ALLOW}",
        )

"""Imports of one source over the existing data file, without the BLS profile pages, workbook and index."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from ooh_cli.core.errors import DataError
from ooh_cli.importer.build import ImportReport, existing_records, finish
from ooh_cli.importer.completeness import check_programs
from ooh_cli.importer.merge import RECORD_KEYS, changed_fields, same
from ooh_cli.importer.programs import Crosswalk, programs_edition, programs_for


def apply_crosswalk(
    existing: Mapping[str, Any] | None,
    crosswalk: Crosswalk,
    today: date | None = None,
    source: Path | None = None,
    allow_partial: bool = False,
) -> tuple[dict[str, Any], ImportReport]:
    """The existing document with every record's programs (and ``meta.programs_edition``) from ``crosswalk``.

    Everything else stays as it is; ``meta.built`` changes only when something else did.
    """
    if existing is None:
        raise DataError(
            "there is no data file to add programs to; build one first with --pages, --projections and --index"
        )
    report = ImportReport()
    records: list[dict[str, Any]] = []
    for old in existing_records(existing).values():
        record = _with_programs(old, programs_for(old, crosswalk, None))
        records.append(record)
        if same(record, old):
            report.unchanged.append(old["id"])
        else:
            report.updated[old["id"]] = changed_fields(old, record)
    if source is not None:
        new_programs = {record["id"]: record.get("programs") for record in records}
        check_programs(source, existing_records(existing), new_programs, allow_partial)
    old_meta = existing.get("meta")
    meta: dict[str, Any] = dict(old_meta) if isinstance(old_meta, Mapping) else {}
    edition = programs_edition(crosswalk, None)
    if "programs_edition" not in meta:  # in the documented place: just before `built`
        placed: dict[str, Any] = {}
        for key, value in meta.items():
            if key == "built":
                placed["programs_edition"] = edition
            placed[key] = value
        meta = placed
    meta["programs_edition"] = edition
    document = {**existing, "meta": meta, "occupations": records}
    finish(document, existing, report, today)
    return document, report


def _with_programs(old: Mapping[str, Any], programs: list[dict[str, str]] | None) -> dict[str, Any]:
    """``old`` with its programs replaced, in the documented key order (a maintainer's own keys after)."""
    record: dict[str, Any] = {}
    for key in RECORD_KEYS:
        if key == "programs":
            if programs:
                record[key] = programs
        elif key in old:
            record[key] = old[key]
    for key, value in old.items():
        if key not in RECORD_KEYS:
            record[key] = value
    return record

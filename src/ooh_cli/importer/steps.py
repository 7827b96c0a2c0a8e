"""The sources `ooh data import` writes into the database beside the data file, one step each, in one list.

A step reads its source for the profiles of the new document (or, without one, of the data file) and stages
its tables (importer/switch.py); `ooh data import` runs the steps whose option was given, commits what they
staged all or nothing, then reports each. Each step's reader is in core (core/wagefile.py, core/onet.py). A
new source adds its reader, its step here and its views.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ooh_cli.core.errors import DataError
from ooh_cli.importer.switch import Staged


@dataclass(slots=True)
class Prepared:
    """What a step staged, and what to tell the user about it."""

    staged: Staged
    summary: str  # one line: what the source gave
    notes: list[str] = field(default_factory=list)  # further lines for stdout
    warnings: list[str] = field(default_factory=list)  # lines for stderr


@dataclass(frozen=True, slots=True)
class Step:
    option: str  # the option of `ooh data import` that names the source
    doing: str  # what a spinner says while it runs
    prepare: Callable[[Path, Path, Mapping[str, Any] | None], Prepared]  # (source, data file, new document)


def _wages(source: Path, data_file: Path, document: Mapping[str, Any] | None) -> Prepared:
    """The wage tables for the SOC codes of the profiles, from the OEWS file."""
    from ooh_cli.importer.oews import read_oews
    from ooh_cli.importer.yamlfile import read_existing

    if document is None:
        document = read_existing(data_file)
        if document is None:
            raise DataError(
                f"data file not found: {data_file}; the wage table covers its profiles, so build it first "
                "(--pages, --projections and --index)"
            )
    records = document.get("occupations") or []
    socs = [soc for record in records if isinstance(record, Mapping) for soc in record.get("soc_codes") or []]
    found = read_oews(source, socs)
    summary = f"OEWS {found.release}: {found.socs} SOC codes, {found.areas} areas, {found.rows:,} estimates"
    missing = [f"the OEWS file has no estimates for SOC codes {', '.join(found.missing)}"] if found.missing else []
    return Prepared(found.staged, summary, warnings=missing)


def _onet(source: Path, data_file: Path, document: Mapping[str, Any] | None) -> Prepared:
    """The O*NET table for the profiles, from the O*NET database's folder of Excel files."""
    from ooh_cli.importer.onet_combine import prepare_onet

    report = prepare_onet(source, data_file, document)
    notes = [f"not in O*NET: {', '.join(report.without)}"] if report.without else []
    return Prepared(report.staged, report.summary(), notes)


STEPS = (
    Step("--oews", "Reading the OEWS file", _wages),  # a few seconds
    Step("--onet", "Reading the O*NET database", _onet),  # a quarter of a minute
)

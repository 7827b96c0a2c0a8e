"""`ooh data import`'s steps in their order, for `ooh data import` and `ooh data update` alike."""

from __future__ import annotations

from pathlib import Path

from ooh_cli.cli.onet_import import import_onet_source
from ooh_cli.cli.sources import import_records, import_wages
from ooh_cli.output.env import Environment


def import_sources(
    env: Environment,
    target: Path,
    pages: Path | None,
    projections: Path | None,
    index: Path | None,
    cip: Path | None,
    oews: Path | None,
    onet: Path | None,
    *,
    allow_partial: bool = False,
    page_text: bool = False,
) -> None:
    """Build ``target`` (and the tables beside it) from the sources given: everything is read and built
    before anything is written, so a bad source leaves every file as it was."""
    records = import_records(env, target, pages, projections, index, cip, allow_partial, page_text)
    document = records.document if records else None
    wages = import_wages(env, target, document, oews) if oews is not None else None
    onet_data = import_onet_source(env, target, document, onet) if onet is not None else None
    if records is not None:
        records.write(env)
    if wages is not None:
        wages.write(env)
    if onet_data is not None:
        onet_data.write(env)

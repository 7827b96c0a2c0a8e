"""The steps of `ooh data import`, one per source: each is optional and keeps what the others provide.

Each step reads its source and stages what it would write (importer/switch.py); `commit` then writes them all
or none, and each step reports what it did.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ooh_cli.core.errors import UsageError
from ooh_cli.output.env import Environment

if TYPE_CHECKING:
    from ooh_cli.importer import ImportReport
    from ooh_cli.importer.steps import Prepared

TRIO = ("--pages", "--projections", "--index")


def check_sources(
    pages: Path | None,
    projections: Path | None,
    index: Path | None,
    cip: Path | None,
    oews: Path | None,
    onet: Path | None = None,
) -> None:
    """At least one source; the BLS trio all together or not at all."""
    given = [name for name, value in zip(TRIO, (pages, projections, index), strict=True) if value is not None]
    if not given and cip is None and oews is None and onet is None:
        raise UsageError(
            "give at least one source: --pages, --projections and --index together (the BLS Handbook files), "
            "--cip (programs of study), --oews (state and metro pay) or --onet DIR (skills, interests, technology)"
        )
    if given and len(given) < len(TRIO):
        missing = [name for name in TRIO if name not in given]
        raise UsageError(f"{', '.join(given)} needs {' and '.join(missing)}: the three BLS files go together")


@dataclass(slots=True)
class RecordsImport:
    """The data file's new document, ready to be written."""

    target: Path
    document: dict[str, Any]
    report: ImportReport
    # The new YAML, when it differs from the file's.
    text: str | None

    @property
    def rewritten(self) -> bool:
        return self.text is not None

    def write(self, env: Environment) -> None:
        """Report what the import did (the file is written by `commit`)."""
        report, out = self.report, env.stdout.write
        out(f"{self.target}: {report.summary()}\n")
        for label, ids in (("added", report.added), ("no longer in the source (kept)", report.no_longer_in_source)):
            if ids:
                out(f"{label}: {', '.join(ids)}\n")
        for occ_id, fields in report.updated.items():
            out(f"updated {occ_id}: {', '.join(fields)}\n")
        if report.meta_changed:
            out(f"updated meta: {', '.join(report.meta_changed)}\n")
        for disagreement in report.disagreements:
            out(f"disagreement: {disagreement}\n")
        for warning in report.warnings:
            env.message(f"warning: {warning}")
        if not self.rewritten:
            out(f"{self.target}: already up to date; not rewritten\n")


def import_records(
    env: Environment,
    target: Path,
    pages: Path | None,
    projections: Path | None,
    index: Path | None,
    cip: Path | None,
    allow_partial: bool = False,
    page_text: bool = False,
) -> RecordsImport | None:
    """The data file rebuilt from the BLS files, or only its programs from the crosswalk; None without either.
    ``page_text`` keeps each page's own text (for an edition we wrote no prose for)."""
    from ooh_cli.core.yamlio import dump_yaml
    from ooh_cli.importer import build_document, read_existing

    if pages is None or projections is None or index is None:
        if cip is None:
            return None
        from ooh_cli.importer.partial import apply_crosswalk
        from ooh_cli.importer.programs import read_crosswalk

        existing = read_existing(target)
        document, report = apply_crosswalk(existing, read_crosswalk(cip), source=cip, allow_partial=allow_partial)
    else:
        existing = read_existing(target)
        if env.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress

            with Progress(transient=True, console=Console(stderr=True)) as bar:
                task = bar.add_task("Reading the BLS files", total=None)
                document, report = build_document(
                    pages,
                    projections,
                    index,
                    existing,
                    lambda done, total: bar.update(task, completed=done, total=total),
                    cip=cip,
                    allow_partial=allow_partial,
                    page_text=page_text,
                )
        else:
            document, report = build_document(
                pages, projections, index, existing, cip=cip, allow_partial=allow_partial, page_text=page_text
            )
    # Rewrite whenever the bytes would differ, so hand edits are put back in the documented layout.
    before = target.read_text(encoding="utf-8") if existing is not None else None
    text = dump_yaml(document)
    return RecordsImport(target, document, report, text if before != text else None)


def busy(env: Environment, doing: str) -> AbstractContextManager[object]:
    """A spinner saying what is going on, on a terminal's stderr; nothing elsewhere."""
    if not env.stderr.isatty():
        return nullcontext()
    from rich.console import Console

    return Console(stderr=True).status(doing)


def run_steps(
    env: Environment, target: Path, document: Mapping[str, Any] | None, given: Mapping[str, Path | None]
) -> list[Prepared]:
    """Run the import step of every source given (by option), in the order of importer/steps.py."""
    from ooh_cli.importer.steps import STEPS

    prepared = []
    for step in STEPS:
        source = given[step.option]
        if source is not None:
            with busy(env, step.doing):
                prepared.append(step.prepare(source, target, document))
    return prepared


def report_step(env: Environment, database: Path, prepared: Prepared) -> None:
    """What a step did, once its tables are committed."""
    env.stdout.write(f"{database}: {prepared.summary}\n")
    for note in prepared.notes:
        env.stdout.write(f"{note}\n")
    for warning in prepared.warnings:
        env.message(f"warning: {warning}")
    if not prepared.staged.changed:
        env.stdout.write(f"{database}: already up to date; not rewritten\n")


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
    """Build ``target`` and the database beside it from the sources given, for `ooh data import` and `ooh data
    update` alike. Everything is read and built before anything is written, then written all or nothing
    (importer/switch.py): a bad source, an interrupt or a full disk leaves every file as it was. One import at a
    time per folder."""
    from ooh_cli.core.database import database_path
    from ooh_cli.core.interrupts import terminate_as_interrupt
    from ooh_cli.importer.switch import commit, import_lock

    with import_lock(target.parent), terminate_as_interrupt():
        records = import_records(env, target, pages, projections, index, cip, allow_partial, page_text)
        document = records.document if records else None
        prepared = run_steps(env, target, document, {"--oews": oews, "--onet": onet})
        commit(target, records.text if records else None, [step.staged for step in prepared])
    if records is not None:
        records.write(env)
    for step in prepared:
        report_step(env, database_path(target), step)

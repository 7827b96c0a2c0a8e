"""`ooh data`: build the data file from the official BLS files, check it, describe it."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ooh_cli.errors import DataError
from ooh_cli.options import TableFormatOption

data_app = typer.Typer(
    name="data",
    help="Build, check and describe the data file.",
    no_args_is_help=True,
)


def _data_path(ctx: typer.Context) -> Path:
    from ooh_cli.cli import state

    return state(ctx).path


@data_app.command(
    "import",
    epilog="Example: ooh data import --pages ../shared/bls/2024-34/pages "
    "--projections ../shared/bls/2024-34/occupation.xlsx --index ../shared/bls/2024-34/a-z-index.html",
)
def import_(
    ctx: typer.Context,
    pages: Annotated[
        Path, typer.Option("--pages", help="Folder of the OOH profile pages (*.html).", show_default=False)
    ],
    projections: Annotated[
        Path, typer.Option("--projections", help="The Employment Projections workbook (.xlsx).", show_default=False)
    ],
    index: Annotated[Path, typer.Option("--index", help="The OOH A-Z index page (.html).", show_default=False)],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Where to write the data file [default: the --data file in use].", show_default=False
        ),
    ] = None,
) -> None:
    """Build the data file from one edition's official BLS files, keeping what they do not provide."""
    from ooh_cli.importer import build_document, dump_yaml, read_existing, write_yaml_atomic

    target = output or _data_path(ctx)
    existing = read_existing(target) if target.exists() else None
    if sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import Progress

        with Progress(transient=True, console=Console(stderr=True)) as bar:
            task = bar.add_task("Reading the BLS files", total=None)
            document, report = build_document(
                pages, projections, index, existing, lambda done, total: bar.update(task, completed=done, total=total)
            )
    else:
        document, report = build_document(pages, projections, index, existing)
    # Rewrite whenever the bytes would differ, so hand edits are put back in the documented layout.
    current = target.read_text(encoding="utf-8") if existing is not None else None
    rewritten = current != dump_yaml(document)
    if rewritten:
        write_yaml_atomic(document, target)
    out = sys.stdout.write
    out(f"{target}: {report.summary()}\n")
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
        sys.stderr.write(f"ooh: warning: {warning}\n")
    if not rewritten:
        out(f"{target}: already up to date; not rewritten\n")


@data_app.command(epilog="Example: ooh data validate data/occupations.yaml")
def validate(
    ctx: typer.Context,
    path: Annotated[
        Path | None, typer.Argument(help="The file to check [default: the --data file in use].", show_default=False)
    ] = None,
) -> None:
    """Check a data file: schema and types, duplicate ids and aliases, dangling similar occupations, ranges."""
    from ooh_cli.reading import check_file
    from ooh_cli.validate import Level

    target = path or _data_path(ctx)
    catalog, problems = check_file(target)
    for problem in problems:
        sys.stdout.write(problem.format(str(target)) + "\n")
    failing = [p for p in problems if p.level is not Level.NOTE]
    if failing:
        noun = "problem" if len(failing) == 1 else "problems"
        raise DataError(f"{target}: {len(failing)} {noun}; the lines above say where")
    count = len(catalog) if catalog is not None else 0
    sys.stderr.write(f"ooh: {target}: valid, {count} profiles\n")


@data_app.command(epilog="Example: ooh data info --format json")
def info(ctx: typer.Context, fmt: TableFormatOption = "table") -> None:
    """Describe the data file in use: edition, projection period, profiles, groups, when it was built."""
    from ooh_cli.cli import emit, state

    current = state(ctx)
    catalog = current.catalog()
    meta = catalog.meta
    facts = {
        "file": str(current.path),
        "edition": meta.edition,
        "projection_period": meta.projection_period,
        "base_year": meta.base_year,
        "profiles": len(catalog),
        "groups": len(meta.groups),
        "built": meta.built,
        "source": meta.source_url,
    }

    def table() -> None:
        width = max(map(len, facts))
        for key, value in facts.items():
            sys.stdout.write(f"{key.replace('_', ' '):<{width}}  {value if value is not None else 'not available'}\n")

    emit(
        fmt,
        table=table,
        json=lambda: facts,
        csv=lambda: ([facts], list(facts)),
        markdown=lambda: "\n".join(f"- **{k.replace('_', ' ')}:** {v}" for k, v in facts.items()) + "\n",
    )

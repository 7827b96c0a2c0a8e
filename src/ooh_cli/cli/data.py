"""`ooh data`: build the data file from the official BLS files, check it, describe it."""

# No `from __future__ import annotations`: see lookup.py.
from pathlib import Path
from typing import Annotated

import typer

from ooh_cli.cli.options import TableFormatOption, examples
from ooh_cli.cli.session import Session, session
from ooh_cli.cli.typer_compat import OohTyper
from ooh_cli.core.errors import DataError
from ooh_cli.output import emit

app = OohTyper(
    name="data",
    help="Build, check and describe the data file.",
    no_args_is_help=True,
    epilog=examples("ooh data info", "ooh data validate", "ooh data import --help"),
)


@app.command(
    "import",
    epilog=examples(
        "ooh data import --pages ../shared/bls/2024-34/pages --projections ../shared/bls/2024-34/occupation.xlsx "
        "--index ../shared/bls/2024-34/a-z-index.html --cip ../shared/cip/2020/CIP2020_SOC2018_Crosswalk.csv",
        "ooh data import --pages PAGES --projections WORKBOOK --index AZ.html --output /tmp/occupations.yaml",
        "ooh data import --onet ../shared/onet/29.3",
    ),
)
def import_(
    ctx: typer.Context,
    pages: Annotated[
        Path | None, typer.Option("--pages", help="Folder of the OOH profile pages (*.html).", show_default=False)
    ] = None,
    projections: Annotated[
        Path | None,
        typer.Option("--projections", help="The Employment Projections workbook (.xlsx).", show_default=False),
    ] = None,
    index: Annotated[
        Path | None, typer.Option("--index", help="The OOH A-Z index page (.html).", show_default=False)
    ] = None,
    cip: Annotated[
        Path | None,
        typer.Option(
            "--cip",
            help="The CIP-SOC crosswalk (.csv), for programs of study [default: keep the programs the file has].",
            show_default=False,
        ),
    ] = None,
    onet: Annotated[
        Path | None,
        typer.Option(
            "--onet",
            help="The O*NET database's folder of Excel files: skills, interests, technology, job zones, written "
            "beside the data file.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Where to write the data file [default: the --data file in use].", show_default=False
        ),
    ] = None,
) -> None:
    """Build the data file from one edition's official BLS files, keeping what they do not provide; add O*NET."""
    from ooh_cli.core.errors import UsageError

    current = session(ctx)
    target = output or current.path
    trio = (pages, projections, index)
    if any(trio) and not all(trio):
        raise UsageError("--pages, --projections and --index go together: give all three")
    if not any(trio) and onet is None:
        raise UsageError("give the BLS files (--pages, --projections, --index), --onet DIR, or both")
    if pages and projections and index:
        import_bls(current, pages, projections, index, cip, target)
    if onet is not None:
        import_onet_step(current, onet, target)


def import_onet_step(current: Session, directory: Path, target: Path) -> None:
    """Read the O*NET database and write its side file beside ``target``, only when its bytes change."""
    from ooh_cli.importer.onet_combine import import_onet

    out = current.env.stdout.write
    current.env.message(f"reading the O*NET database in {directory} (a minute at most)")
    report = import_onet(directory, target)
    out(f"{report.path}: {report.summary()}\n")
    if report.without:
        out(f"not in O*NET: {', '.join(report.without)}\n")
    if not report.rewritten:
        out(f"{report.path}: already up to date; not rewritten\n")


def import_bls(current: Session, pages: Path, projections: Path, index: Path, cip: Path | None, target: Path) -> None:
    from ooh_cli.core.yamlio import dump_yaml, write_yaml_atomic
    from ooh_cli.importer import build_document, read_existing

    env = current.env
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
            )
    else:
        document, report = build_document(pages, projections, index, existing, cip=cip)
    # Rewrite whenever the bytes would differ, so hand edits are put back in the documented layout.
    before = target.read_text(encoding="utf-8") if existing is not None else None
    rewritten = before != dump_yaml(document)
    if rewritten:
        write_yaml_atomic(document, target)
    out = env.stdout.write
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
        env.message(f"warning: {warning}")
    if not rewritten:
        out(f"{target}: already up to date; not rewritten\n")


@app.command(epilog=examples("ooh data validate", "ooh data validate data/occupations.yaml"))
def validate(
    ctx: typer.Context,
    path: Annotated[
        Path | None, typer.Argument(help="The file to check [default: the --data file in use].", show_default=False)
    ] = None,
) -> None:
    """Check a data file: schema and types, duplicate ids and aliases, dangling similar occupations, ranges."""
    from ooh_cli.core.datafile import check_file
    from ooh_cli.core.validate import Level

    current = session(ctx)
    target = path or current.path
    dataset, problems = check_file(target)
    for problem in problems:
        current.env.stdout.write(problem.format(str(target)) + "\n")
    failing = [p for p in problems if p.level is not Level.NOTE]
    if failing:
        noun = "problem" if len(failing) == 1 else "problems"
        raise DataError(f"{target}: {len(failing)} {noun}; the lines above say where")
    count = len(dataset.occupations) if dataset is not None else 0
    current.env.message(f"{target}: valid, {count} profiles")


@app.command(epilog=examples("ooh data info", "ooh data info --format json"))
def info(ctx: typer.Context, fmt: TableFormatOption = "table") -> None:
    """Describe the data file in use: edition, projection period, profiles, groups, when it was built."""
    current = session(ctx)
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
    onet = catalog.onet()
    if onet is not None:
        from ooh_cli.core.onet import CREDIT

        facts["onet"] = f"{onet.release} ({onet.header.published}), {len(onet.header.ids)} profiles"
        facts["onet_credit"] = CREDIT

    def table() -> None:
        width = max(map(len, facts))
        for key, value in facts.items():
            shown = value if value is not None else "not available"
            current.env.stdout.write(f"{key.replace('_', ' '):<{width}}  {shown}\n")

    emit(
        current.env,
        fmt,
        table=table,
        json=lambda: facts,
        csv=lambda: ([facts], list(facts)),
        markdown=lambda: "\n".join(f"- **{k.replace('_', ' ')}:** {v}" for k, v in facts.items()) + "\n",
    )

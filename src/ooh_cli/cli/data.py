"""`ooh data`: build the data file from the official BLS files, check it, describe it, export it."""

# No `from __future__ import annotations`: see lookup.py.
from pathlib import Path
from typing import Annotated

import typer

from ooh_cli.cli.options import TableFormatOption, examples
from ooh_cli.cli.session import session
from ooh_cli.cli.words import OohTyper
from ooh_cli.core.errors import DataError, UsageError
from ooh_cli.output import emit
from ooh_cli.update.sources import ONET_VERSIONS

app = OohTyper(
    name="data",
    help="Build, check, describe and export the data file.",
    no_args_is_help=True,
    epilog=examples("ooh data info", "ooh data validate", "ooh data import --help", "ooh data export --sqlite ooh.db"),
)


@app.command(
    "import",
    epilog=examples(
        "ooh data import --pages ../shared/bls/2024-34/pages --projections ../shared/bls/2024-34/occupation.xlsx "
        "--index ../shared/bls/2024-34/a-z-index.html --cip ../shared/cip/2020/CIP2020_SOC2018_Crosswalk.csv",
        "ooh data import --oews ../shared/oews/may-2025/oews-2025.sqlite.gz",
        "ooh data import --cip ../shared/cip/2020/CIP2020_SOC2018_Crosswalk.csv --output /tmp/occupations.yaml",
        "ooh data import --onet ../shared/onet/29.3",
    ),
)
def import_(
    ctx: typer.Context,
    pages: Annotated[
        Path | None,
        typer.Option("--pages", metavar="FOLDER", help="Folder of the OOH profile pages (*.html).", show_default=False),
    ] = None,
    projections: Annotated[
        Path | None,
        typer.Option(
            "--projections", metavar="FILE", help="The Employment Projections workbook (.xlsx).", show_default=False
        ),
    ] = None,
    index: Annotated[
        Path | None, typer.Option("--index", metavar="FILE", help="The OOH A-Z index page (.html).", show_default=False)
    ] = None,
    cip: Annotated[
        Path | None,
        typer.Option(
            "--cip",
            metavar="FILE",
            help="The CIP-SOC crosswalk (.csv), for programs of study; without it, the file's programs are kept.",
            show_default=False,
        ),
    ] = None,
    oews: Annotated[
        Path | None,
        typer.Option(
            "--oews",
            metavar="FILE",
            help="The OEWS SQLite file (.sqlite or .sqlite.gz), for state and metro pay; without it, the wage "
            "table is kept.",
            show_default=False,
        ),
    ] = None,
    onet: Annotated[
        Path | None,
        typer.Option(
            "--onet",
            metavar="FOLDER",
            help="The O*NET database's Excel files (a folder, or the zip O*NET publishes), for skills, interests, technology and job zones; "
            "without it, the O*NET data beside the data file is kept.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Where to write the data file (by default the --data file in use); the wage table goes beside it.",
            show_default=False,
        ),
    ] = None,
    allow_partial: Annotated[
        bool,
        typer.Option(
            "--allow-partial",
            help="Import pages that lack sections every profile page has (or that their record has now), and a "
            "crosswalk that takes programs away; without it, such sources are refused as cut short.",
        ),
    ] = False,
) -> None:
    """Build the data file (and the wage table beside it) from official files, keeping what they do not provide.

    Each source is optional: the BLS profile pages, workbook and index go together; --cip, --oews and --onet
    may each be given alone to update only what they provide.
    """
    from ooh_cli.cli.sources import check_sources, import_sources

    current = session(ctx)
    target = output or current.path
    if target.is_dir():
        raise UsageError(
            f"--output: {target} is a folder; name the data file to write, such as {target / 'occupations.yaml'}"
        )
    check_sources(pages, projections, index, cip, oews, onet)
    import_sources(current.env, target, pages, projections, index, cip, oews, onet, allow_partial=allow_partial)


@app.command(epilog=examples("ooh data validate", "ooh data validate data/occupations.yaml"))
def validate(
    ctx: typer.Context,
    path: Annotated[
        Path | None,
        typer.Argument(metavar="PATH", help="The file to check [default: the --data file in use].", show_default=False),
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
    """Describe the data file in use: edition, projection period, profiles, groups, when it was built, wages, O*NET."""
    from ooh_cli.cli.updating import in_use

    current = session(ctx)
    catalog = current.catalog()
    current.store.check()
    held = current.store.describe()
    meta = catalog.meta
    facts = {
        **in_use(current.path),
        "file": str(current.path),
        "edition": meta.edition,
        "projection_period": meta.projection_period,
        "base_year": meta.base_year,
        "profiles": len(catalog),
        "groups": len(meta.groups),
        "built": meta.built,
        "source": meta.source_url,
        "wages": held["wages"],
    }
    if held["onet"] is not None:
        from ooh_cli.core.onet import CREDIT

        facts["onet"] = held["onet"]
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


@app.command(
    "export",
    epilog=examples(
        "ooh data export --sqlite ooh.db",
        "ooh data export --sqlite ooh.db --force",
        'sqlite3 ooh.db "SELECT title, median_pay_annual, pay_year FROM profiles ORDER BY 2 DESC LIMIT 5"',
        "datasette ooh.db --metadata metadata.json",
    ),
)
def export(
    ctx: typer.Context,
    sqlite: Annotated[
        Path,
        typer.Option(
            "--sqlite",
            metavar="PATH",
            help="Write a SQLite database here, and Datasette's metadata.json beside it.",
            show_default=False,
        ),
    ],
    force: Annotated[
        bool, typer.Option("--force", help="Replace PATH and the metadata.json beside it if they exist.")
    ] = False,
) -> None:
    """Export everything ooh knows as one SQLite database: profiles, state and metro wages, O*NET.

    Tables and columns are in docs/export.md; a figure not published is NULL, and each has its period beside it.
    """
    from ooh_cli.cli.sources import busy
    from ooh_cli.core.export import export_sqlite
    from ooh_cli.core.exportsource import ExportSource

    current = session(ctx)
    env = current.env
    source = ExportSource(current.path)
    with busy(env, f"Writing {sqlite}"):
        done = export_sqlite(source, sqlite, force=force)
    rows = done.rows
    parts = [f"{rows['profiles']} profiles"]
    if done.wages:
        parts.append(f"{rows['wages']:,} wage estimates in {rows['areas']} areas")
    if done.onet:
        parts.append(f"O*NET data of {rows['onet_profiles']} profiles")
    env.stdout.write(f"{done.path}: {', '.join(parts)}; {len(rows)} tables\n")
    env.stdout.write(f"{done.metadata}: Datasette metadata (datasette {done.path} --metadata {done.metadata})\n")
    if not done.wages:
        env.message(f"no wage table beside {current.path}: the wage tables are empty (see `ooh data import --help`)")
    if not done.onet:
        env.message(f"no O*NET data beside {current.path}: the O*NET tables are empty (see `ooh data import --help`)")
    if not done.full_text:
        env.message("this Python's SQLite has no FTS5: exported without full-text search (docs/export.md)")


@app.command(
    epilog=examples(
        "ooh data update --contact you@example.org",
        "ooh data update --only oews",
        "ooh data update --check",
        "ooh data update --mirror file:///srv/mirror --into data",
    )
)
def update(
    ctx: typer.Context,
    only: Annotated[
        str | None,
        typer.Option(
            "--only",
            metavar="SOURCES",
            help="Update only these sources, comma-separated: ooh (the Handbook), oews (state and metro pay), onet.",
            show_default=False,
        ),
    ] = None,
    into: Annotated[
        Path | None,
        typer.Option(
            "--into",
            metavar="FOLDER",
            help="Write the new data files into this folder (data/ for a release) instead of a new edition.",
            show_default=False,
        ),
    ] = None,
    mirror: Annotated[
        str | None,
        typer.Option(
            "--mirror",
            metavar="URL",
            help="Read every official file from this mirror (http, https or file), laid out as MIRROR/host/path.",
            show_default=False,
        ),
    ] = None,
    contact: Annotated[
        str | None,
        typer.Option(
            "--contact",
            metavar="EMAIL",
            envvar="OOH_CONTACT",
            help="Your email address, sent with every request: BLS refuses downloads that do not say who asks.",
            show_default=False,
        ),
    ] = None,
    onet_version: Annotated[
        str,
        typer.Option("--onet-version", metavar="VERSION", help="The O*NET database release to download."),
    ] = ONET_VERSIONS[-1],
    check: Annotated[
        bool, typer.Option("--check", help="Only ask whether anything newer is published (exit 1 if so).")
    ] = False,
) -> None:
    """Download the newest official files, build a new edition from them, check it, and switch to it.

    The bundled data is never changed and stays the default until an update succeeds; a second update
    downloads only what changed. `ooh data use bundled` goes back to the bundled data.
    """
    from ooh_cli.cli.updating import run_check, run_update

    current = session(ctx)
    if check:
        run_check(current, only, mirror, contact, onet_version)
    else:
        run_update(current, only, into, mirror, contact, onet_version)


@app.command(epilog=examples("ooh data use bundled", "ooh data use 2025-35"))
def use(
    ctx: typer.Context,
    edition: Annotated[str, typer.Argument(metavar="EDITION", help="An edition `ooh data update` built, or bundled.")],
) -> None:
    """Switch the data in use to an edition built by `ooh data update`, or back to the bundled data."""
    from ooh_cli.core.editions import use as switch

    switch(edition)
    session(ctx).env.message(f"now using {'the bundled data' if edition == 'bundled' else 'edition ' + edition}")

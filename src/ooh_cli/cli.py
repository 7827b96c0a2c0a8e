"""The `ooh` command line: parse options, call the core, render. Errors become one line and an exit code."""

# No `from __future__ import annotations`: Typer reads every command's annotations at each run, and as
# strings they would be compiled and evaluated again each time.
import contextlib
import functools
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, Protocol

import typer
from typer._click import exceptions as click_exceptions  # Typer's own copy of click: its usage errors
from typer._click.core import Context as ClickContext
from typer.core import TyperGroup

from ooh_cli import __version__
from ooh_cli.errors import ExitCode, OohError, UsageError
from ooh_cli.options import (
    DataOption,
    EducationCapOption,
    GroupOption,
    LimitOption,
    OccupationArg,
    OccupationsArg,
    ShowFormatOption,
    SortKey,
    TableFormat,
    TableFormatOption,
    TopList,
)
from ooh_cli.stdout import ascii_only

# Commands import the rest of the package when they run: a lookup loads only what it uses.
if TYPE_CHECKING:
    from ooh_cli.catalog import Catalog, Match
    from ooh_cli.layout import Comparison, Listing
    from ooh_cli.model import Occupation, Summary
    from ooh_cli.profile import Section

DEBUG_ENV = "OOH_DEBUG"


def fail(message: str, code: int) -> None:
    # One line, always: some parser messages (and names users typed) carry line breaks and tabs.
    sys.stderr.write(f"ooh: {' '.join(message.split())}\n")
    sys.exit(code)


def reader_gone() -> None:
    """The reader went away (`ooh list | head -1`): not an error. Point stdout at nothing so the
    interpreter's final flush stays quiet."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(ExitCode.OK)


class OohGroup(TyperGroup):
    """Maps every error, ours or the parser's, to one line on stderr and a documented exit code."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        if hasattr(sys.stdout, "reconfigure") and ascii_only():
            # An ASCII-only stdout (LANG=C, PYTHONIOENCODING=ascii) gets "?" for what it cannot show.
            sys.stdout.reconfigure(errors="replace")
        try:
            code = super().main(args, prog_name or "ooh", complete_var, False, windows_expand_args, **extra)
            sys.stdout.flush()
        except OohError as error:
            fail(str(error), error.exit_code)
        except click_exceptions.UsageError as error:
            where = f" (see `{error.ctx.command_path} --help`)" if error.ctx else ""
            fail(f"{error.format_message()}{where}", ExitCode.USAGE)
        except click_exceptions.ClickException as error:
            fail(error.format_message(), error.exit_code)
        except (KeyboardInterrupt, typer.Abort):
            fail("interrupted", ExitCode.INTERRUPTED)
        except BrokenPipeError:
            reader_gone()
        except Exception as error:
            if os.environ.get(DEBUG_ENV):
                raise
            fail(
                f"unexpected error: {type(error).__name__}: {error} (set {DEBUG_ENV}=1 for details)", ExitCode.INTERNAL
            )
        sys.exit(code if isinstance(code, int) else ExitCode.OK)

    def invoke(self, ctx: ClickContext) -> Any:
        # Typer would turn a broken pipe inside a command into exit 1 before `main` sees it.
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            reader_gone()
        except KeyboardInterrupt:
            # Typer would end silently with 130; say why.
            fail("interrupted", ExitCode.INTERRUPTED)


# Every command, as (function, its @app.command arguments), so that `main` can build an app of just one.
COMMANDS: dict[str, tuple[Callable[..., None], dict[str, Any]]] = {}


def command(name: str | None = None, **settings: Any) -> Callable[[Callable[..., None]], Callable[..., None]]:
    def register(function: Callable[..., None]) -> Callable[..., None]:
        COMMANDS[name or function.__name__] = (function, {"name": name, **settings})
        return function

    return register


def build_app(only: str | None = None) -> typer.Typer:
    """The `ooh` app, or one holding just the command ``only``.

    Typer turns every command's signature into parser objects before running any, which costs more than
    the command itself for a lookup; a one-command app skips that for the others.
    """
    built = typer.Typer(
        name="ooh",
        cls=OohGroup,
        help="The U.S. Occupational Outlook Handbook in your terminal: pay, education, jobs and outlook, offline.",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    built.callback()(main_options)
    for name, (function, settings) in COMMANDS.items():
        if only in (None, name):
            built.command(**settings)(function)
    if only in (None, "data"):
        from ooh_cli.data_cli import data_app

        built.add_typer(data_app, name="data")
    return built


def invoked_command(args: Sequence[str]) -> str | None:
    """The command named on the command line, when it is one of ours and nothing asks for the whole app."""
    rest = iter(args)
    for arg in rest:
        if arg == "--data":
            next(rest, None)
        elif not arg.startswith("--data="):
            known = arg in COMMANDS or arg == "data"
            return arg if known else None
    return None


class State:
    """What the global options chose; the catalog is loaded on first use, so `--help` never reads data."""

    def __init__(self, data: Path | None) -> None:
        from ooh_cli.loader import data_path

        self.path = data_path(data)
        self._catalog: Catalog | None = None

    def catalog(self) -> "Catalog":
        if self._catalog is None:
            from ooh_cli.loader import load_catalog

            self._catalog = load_catalog(self.path)
            warnings = self._catalog.warnings
            if warnings:
                more = f" (and {len(warnings) - 1} more; run `ooh data validate`)" if len(warnings) > 1 else ""
                sys.stderr.write(f"ooh: {warnings[0]}{more}\n")
        return self._catalog

    def resolve(self, text: str) -> "Match":
        match = self.catalog().resolve(text)
        if match.guessed_from is not None:
            occ = match.occupation
            sys.stderr.write(f"ooh: taking {match.guessed_from!r} as {occ.id} ({occ.title})\n")
        return match


def state(ctx: typer.Context) -> State:
    obj = ctx.find_root().obj
    assert isinstance(obj, State)
    return obj


def print_version(value: bool) -> None:
    if value:
        sys.stdout.write(f"ooh {__version__}\n")
        raise typer.Exit()


def main_options(
    ctx: typer.Context,
    data: DataOption = None,
    version: Annotated[
        bool, typer.Option("--version", callback=print_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Look up any of the Handbook's ~340 occupation profiles.

    Examples: ooh show registered-nurse; ooh compare registered-nurses medical-records-technician;
    ooh list --outlook faster --education associate --sort pay
    """
    ctx.obj = State(data)


class View(Protocol):
    """How tables are drawn: `terminal` (Rich) or `plain`; both modules provide these."""

    def profile(self, occ: "Occupation", catalog: "Catalog", parts: list["Section"], summary: bool) -> None: ...

    def comparison(self, compared: "Comparison") -> None: ...

    def listing(self, table_data: "Listing") -> None: ...


def view() -> View:
    """Rich on a colour terminal; plain text for pipes, files, NO_COLOR and TERM=dumb."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        from ooh_cli import plain

        return plain
    # FORCE_COLOR and TTY_COMPATIBLE are Rich's own ways to ask for terminal output anyway.
    if sys.stdout.isatty() or os.environ.get("FORCE_COLOR") or os.environ.get("TTY_COMPATIBLE") == "1":
        from ooh_cli import terminal

        return terminal
    from ooh_cli import plain

    return plain


def markdown() -> ModuleType:
    """The Markdown writer, imported only when asked for."""
    from ooh_cli import markdown as writer

    return writer


def emit(
    fmt: str,
    *,
    table: Callable[[], None],
    json: Callable[[], Any] | None = None,
    yaml: Callable[[], Any] | None = None,
    csv: Callable[[], tuple[list[dict[str, Any]], list[str]]] | None = None,
    markdown: Callable[[], str] | None = None,
) -> None:
    """Write one result in the chosen format; each format builds (and imports) only what it needs."""
    if fmt == "markdown" and markdown is not None:
        sys.stdout.write(markdown())
    elif fmt == "json" and json is not None:
        from ooh_cli.output import write_json

        write_json(json())
    elif fmt == "yaml" and yaml is not None:
        from ooh_cli.output import write_yaml

        write_yaml(yaml())
    elif fmt == "csv" and csv is not None:
        from ooh_cli.output import write_csv

        write_csv(*csv())
    else:
        table()


@command(epilog="Example: ooh show medical-records-technician --section pay")
def show(
    ctx: typer.Context,
    occupation: OccupationArg,
    section: Annotated[
        str | None,
        typer.Option(
            "--section",
            "-s",
            help="Only this section: summary, what-they-do, work-environment, how-to-become-one, pay, job-outlook, "
            "similar, programs, associations, history, source.",
            show_default=False,
        ),
    ] = None,
    fmt: ShowFormatOption = "table",
) -> None:
    """Show one occupation's profile: quick facts, then every section of the Handbook."""
    from ooh_cli import profile
    from ooh_cli.query import parse_term

    only = parse_term(profile.SECTIONS, section, "--section")
    current = state(ctx)
    occ = current.resolve(occupation).occupation
    catalog = current.catalog()
    parts = profile.sections(occ, catalog, only)
    # The summary sentence heads a whole profile, or the quick facts shown alone.
    with_summary = only in (None, "summary")

    emit(
        fmt,
        table=lambda: view().profile(occ, catalog, parts, with_summary),
        json=lambda: profile.section_data(occ, catalog, only),
        yaml=lambda: profile.section_data(occ, catalog, only),
        markdown=lambda: markdown().profile(occ, catalog, parts),
    )


@command(epilog="Example: ooh compare registered-nurses medical-records-technician medical-assistants")
def compare(ctx: typer.Context, occupations: OccupationsArg, fmt: TableFormatOption = "table") -> None:
    """Compare occupations side by side: one column each, the best figure of each row marked."""
    from ooh_cli import layout
    from ooh_cli.facts import fact_row, facts
    from ooh_cli.model import Summary

    current = state(ctx)
    chosen = [Summary.of(current.resolve(text).occupation) for text in occupations]
    ids = [profile.id for profile in chosen]
    if len(set(ids)) < 2:
        raise UsageError("compare needs at least two different occupations")
    if len(set(ids)) < len(ids):
        raise UsageError(
            f"the same occupation is named twice: {', '.join(sorted({i for i in ids if ids.count(i) > 1}))}"
        )
    catalog = current.catalog()
    columns = facts(catalog.meta)
    emit(
        fmt,
        table=lambda: view().comparison(layout.comparison(catalog, chosen, ascii_only=ascii_only())),
        json=lambda: [fact_row(profile, columns) for profile in chosen],
        csv=lambda: ([fact_row(profile, columns) for profile in chosen], [f.key for f in columns]),
        markdown=lambda: markdown().comparison(layout.comparison(catalog, chosen, ascii_only=False)),
    )


@command("list", epilog="Example: ooh list --outlook faster --education associate --sort pay")
def list_(
    ctx: typer.Context,
    outlook: Annotated[
        list[str] | None,
        typer.Option(
            "--outlook",
            "-o",
            help="Exactly this outlook category; repeat or comma-separate for several: much-faster, faster, "
            "average, slower, little-change, decline.",
            rich_help_panel="Filters",
            show_default=False,
        ),
    ] = None,
    min_outlook: Annotated[
        str | None,
        typer.Option(
            "--min-outlook", help="This outlook category or better.", rich_help_panel="Filters", show_default=False
        ),
    ] = None,
    education: Annotated[
        str | None,
        typer.Option(
            "--education",
            "-e",
            help="Exactly this entry-level education: hs, associate, bachelor, ...",
            rich_help_panel="Filters",
            show_default=False,
        ),
    ] = None,
    max_education: EducationCapOption = None,
    min_pay: Annotated[
        float | None,
        typer.Option(
            "--min-pay",
            min=0,
            help="Median annual pay at least this many dollars.",
            rich_help_panel="Filters",
            show_default=False,
        ),
    ] = None,
    max_pay: Annotated[
        float | None,
        typer.Option(
            "--max-pay",
            min=0,
            help="Median annual pay at most this many dollars.",
            rich_help_panel="Filters",
            show_default=False,
        ),
    ] = None,
    group: GroupOption = None,
    training: Annotated[
        str | None,
        typer.Option(
            "--training",
            help="Exactly this on-the-job training: none, short-term, moderate-term, "
            "long-term, apprenticeship, internship.",
            rich_help_panel="Filters",
            show_default=False,
        ),
    ] = None,
    experience: Annotated[
        str | None,
        typer.Option(
            "--experience",
            help="Exactly this work experience: none, less-than-5-years, 5-years-or-more.",
            rich_help_panel="Filters",
            show_default=False,
        ),
    ] = None,
    sort: Annotated[
        SortKey,
        typer.Option("--sort", help="Order by title (A to Z) or a figure (largest first).", case_sensitive=False),
    ] = "title",
    reverse: Annotated[bool, typer.Option("--reverse", "-r", help="Reverse the order.")] = False,
    limit: LimitOption = None,
    fmt: TableFormatOption = "table",
) -> None:
    """List occupations, filtered by outlook, education, pay, group, training or experience."""
    from ooh_cli.layout import footer
    from ooh_cli.query import make_filters, select

    catalog = state(ctx).catalog()
    filters = make_filters(
        catalog,
        outlook=outlook,
        min_outlook=min_outlook,
        education=education,
        max_education=max_education,
        min_pay=min_pay,
        max_pay=max_pay,
        group=group,
        training=training,
        experience=experience,
    )
    shown, total = select(catalog, filters, sort, reverse, limit)
    if not shown:
        sys.stderr.write("ooh: no occupations match these filters\n")
    emit_profiles(fmt, catalog, shown, footer=footer(len(shown), total))


@command(epilog='Example: ooh search "medical coder"')
def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="Words to look for: a job title, a task, a SOC code; typos are fine.")],
    limit: LimitOption = 10,
    fmt: TableFormatOption = "table",
) -> None:
    """Find occupations by title, alias, A-Z job title, summary, duties, group or SOC code."""
    from ooh_cli.layout import footer
    from ooh_cli.search import search as run_search

    if not query.strip():
        raise UsageError("search needs at least one word")
    catalog = state(ctx).catalog()
    result = run_search(catalog.search_index, query, limit)
    for typo, word in result.corrections.items():
        sys.stderr.write(f"ooh: searching for {word!r} instead of {typo!r}\n")
    if not result.hits:
        sys.stderr.write(f"ooh: nothing matches {query!r}\n")
    shown = [catalog.summary_at(hit.position) for hit in result.hits]
    reasons = [hit.why(catalog.record(hit.position)) for hit in result.hits]
    emit_profiles(
        fmt,
        catalog,
        shown,
        keys=("title", "median_pay", "growth_percent"),
        extra=("Matched", reasons),
        machine_extra=[
            {"score": round(hit.score, 1), "matched": why} for hit, why in zip(result.hits, reasons, strict=True)
        ],
        footer=footer(len(shown), result.total),
    )


@command(epilog="Example: ooh top growth --limit 5 --max-education associate")
def top(
    ctx: typer.Context,
    ranking: Annotated[TopList, typer.Argument(help="Which list: growth, new-jobs, pay, openings or decline.")],
    limit: LimitOption = 10,
    group: GroupOption = None,
    max_education: EducationCapOption = None,
    fmt: TableFormatOption = "table",
) -> None:
    """The Handbook's top lists: fastest growing, most new jobs, highest paying, most openings, declining."""
    from ooh_cli.discover import RANKINGS
    from ooh_cli.discover import top as rank
    from ooh_cli.query import make_filters

    catalog = state(ctx).catalog()
    filters = make_filters(catalog, group=group, max_education=max_education)
    chosen = RANKINGS[ranking]
    shown = rank(chosen, (s for s in catalog.summaries if filters.accepts(s)), limit or 10)
    if not shown:
        sys.stderr.write("ooh: no occupations match these filters\n")
    keys = dict.fromkeys(("title", chosen.figure_key, "median_pay", "growth_percent", "education"))
    emit_profiles(
        fmt,
        catalog,
        shown,
        keys=tuple(keys),
        machine_extra=[{"rank": i} for i in range(1, len(shown) + 1)],
        footer=f"{chosen.title}, {catalog.meta.edition} edition",
    )


@command(epilog="Example: ooh similar medical-records-technician")
def similar(
    ctx: typer.Context,
    occupation: OccupationArg,
    limit: LimitOption = 5,
    fmt: TableFormatOption = "table",
) -> None:
    """The profile's similar occupations, then the nearest others by group, education and pay, saying why."""
    from ooh_cli.discover import nearest
    from ooh_cli.model import Summary

    current = state(ctx)
    occ = current.resolve(occupation).occupation
    catalog = current.catalog()
    listed = [other for other_id in occ.similar if (other := catalog.summary(other_id)) is not None]
    close = nearest(catalog, occ, limit or 5)
    shown = [Summary.of(occ), *listed, *(n.profile for n in close)]
    why = ["this profile", *(["Handbook's list"] * len(listed)), *("; ".join(n.reasons) for n in close)]
    emit_profiles(
        fmt,
        catalog,
        shown,
        keys=("title", "median_pay", "growth_percent", "education"),
        extra=("Why", why),
        machine_extra=[{"relation": w} for w in why],
        footer=f"{len(listed)} listed as similar, {len(close)} nearest by group, education and pay",
    )


@command(epilog="Example: ooh groups --format csv")
def groups(ctx: typer.Context, fmt: TableFormatOption = "table") -> None:
    """The occupational groups: profiles, jobs, employment-weighted growth and median pay."""
    from ooh_cli import facts as f
    from ooh_cli.discover import group_summaries
    from ooh_cli.layout import Listing
    from ooh_cli.model import OUTLOOK

    catalog = state(ctx).catalog()
    meta = catalog.meta
    summaries = group_summaries(catalog)
    rows = [
        {
            "group": s.group.slug,
            "name": s.group.name,
            "profiles": s.profiles,
            "jobs": s.jobs,
            "growth_percent": s.growth_percent,
            "outlook": s.category,
            "median_pay": s.median_pay,
        }
        for s in summaries
    ]
    table_data = Listing(
        [
            "Group",
            "Profiles",
            f"Jobs {meta.base_year}",
            f"Growth {meta.projection_period}",
            f"Median pay {meta.base_year}",
        ],
        [
            [
                s.group.name,
                str(s.profiles),
                f.count(s.jobs),
                f"{f.percent(s.growth_percent)} {OUTLOOK[s.category].short_label}" if s.category else f.NOT_AVAILABLE,
                f.money(s.median_pay),
            ]
            for s in summaries
        ],
        numeric={1, 2, 4},
        footer="Growth is weighted by each profile's jobs; median pay is the median of the profiles' medians.",
    )
    emit(
        fmt,
        table=lambda: view().listing(table_data),
        json=lambda: rows,
        csv=lambda: (rows, list(rows[0]) if rows else []),
        markdown=lambda: markdown().listing(table_data),
    )


def emit_profiles(
    fmt: TableFormat,
    catalog: "Catalog",
    profiles: list["Summary"],
    *,
    keys: tuple[str, ...] | None = None,
    extra: tuple[str, list[str]] | None = None,
    machine_extra: list[dict[str, Any]] | None = None,
    footer: str = "",
) -> None:
    """A list of profiles: a table of a few facts for people, every fact for json and csv."""
    from ooh_cli import layout
    from ooh_cli.facts import fact_row, facts

    def records() -> list[dict[str, Any]]:
        columns = facts(catalog.meta)
        return [fact_row(p, columns) | (machine_extra[i] if machine_extra else {}) for i, p in enumerate(profiles)]

    def fields() -> list[str]:
        return [fact.key for fact in facts(catalog.meta)] + (list(machine_extra[0]) if machine_extra else [])

    def table_data() -> "Listing":
        return layout.listing(catalog, profiles, keys or layout.LIST_KEYS, extra, footer)

    emit(
        fmt,
        table=lambda: view().listing(table_data()) if profiles else None,
        json=records,
        csv=lambda: (records(), fields()),
        markdown=lambda: markdown().listing(table_data()) if profiles else "",
    )


@functools.cache
def __getattr__(name: str) -> typer.Typer:
    # `app`, every command (for tests, docs and completion), is built on first use; `main` builds its own.
    if name == "app":
        return build_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> NoReturn:
    """The console script: builds only the command asked for (see build_app), and leaves without teardown."""
    completing = any(name.startswith("_OOH_COMPLETE") for name in os.environ)
    try:
        build_app(None if completing else invoked_command(sys.argv[1:]))()
    except SystemExit as done:
        exit_now(done.code)
    exit_now(ExitCode.OK)


def exit_now(code: object) -> NoReturn:
    """End the process as soon as its output is out, skipping the interpreter's teardown.

    Tearing down the modules of Typer and ooh takes about a tenth of a lookup's run, and nothing needs it:
    the files `ooh` writes are closed as they are written, and no atexit hook of ours holds work.
    """
    status = ExitCode.OK if code is None else code if isinstance(code, int) else 1
    if isinstance(code, str):
        sys.stderr.write(f"{code}\n")  # as sys.exit("message") would
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        pass  # the reader went away: not an error (see reader_gone)
    except (OSError, ValueError) as error:
        sys.stderr.write(f"ooh: cannot write the output: {error}\n")
        status = ExitCode.INTERNAL
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.flush()
    os._exit(status)

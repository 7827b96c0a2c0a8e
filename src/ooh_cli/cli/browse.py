"""Commands that find profiles: `list`, `search`, `top`, `similar` and `groups`."""

# No `from __future__ import annotations`: see lookup.py.
from typing import Annotated, get_args

import typer

from ooh_cli.cli.filters import (
    EducationCapOption,
    GroupOption,
    InterestOption,
    JobZoneOption,
    MinOutlookOption,
    MinPayOption,
    complete_education,
    complete_experience,
    complete_outlook,
    complete_training,
    filter_option,
)
from ooh_cli.cli.options import LimitOption, OccupationArg, TableFormatOption, complete_state, examples
from ooh_cli.cli.profiles import emit_profiles
from ooh_cli.cli.session import bounded, session
from ooh_cli.cli.words import OneOf, OohTyper
from ooh_cli.core.orders import SortKey, TopList
from ooh_cli.output import emit, markdown_renderer, renderer

app = OohTyper()
SORT_KEYS = OneOf(*get_args(SortKey))
RANKINGS = OneOf(*get_args(TopList))
# The width `similar` keeps for its reasons: at 80 columns the outlook gives way rather than the reasons
# wrap a few words a line.
WHY_ROOM = 24


@app.command(
    "list",
    epilog=examples(
        "ooh list --outlook faster --education associate --sort pay",
        "ooh list --group healthcare --min-pay 60k --limit 10",
        "ooh list --state TX --sort pay --limit 20",
        "ooh list --max-education hs --sort openings --format csv",
        "ooh list --job-zone 2-3 --interest R",
    ),
)
def list_(
    ctx: typer.Context,
    outlook: Annotated[
        list[str] | None,
        filter_option(
            "--outlook",
            "-o",
            metavar="CATEGORY",
            help="Exactly this outlook category; repeat or comma-separate for several: much-faster, faster, "
            "average, slower, little-change, decline.",
            autocompletion=complete_outlook,
        ),
    ] = None,
    min_outlook: MinOutlookOption = None,
    education: Annotated[
        str | None,
        filter_option(
            "--education",
            "-e",
            metavar="LEVEL",
            help="Exactly this entry-level education: hs, associate, bachelor, ...",
            autocompletion=complete_education,
        ),
    ] = None,
    max_education: EducationCapOption = None,
    min_pay: MinPayOption = None,
    max_pay: Annotated[
        str | None,
        filter_option(
            "--max-pay",
            metavar="AMOUNT",
            help="Median annual pay at most this: 60000, 60k or $60,000.",
        ),
    ] = None,
    group: GroupOption = None,
    training: Annotated[
        str | None,
        filter_option(
            "--training",
            metavar="LEVEL",
            help="Exactly this on-the-job training: none, short-term, moderate-term, "
            "long-term, apprenticeship, internship.",
            autocompletion=complete_training,
        ),
    ] = None,
    experience: Annotated[
        str | None,
        filter_option(
            "--experience",
            metavar="LEVEL",
            help="Exactly this work experience: none, less-than-5-years, 5-years-or-more.",
            autocompletion=complete_experience,
        ),
    ] = None,
    job_zone: JobZoneOption = None,
    interest: InterestOption = None,
    sort: Annotated[
        SortKey,
        typer.Option(
            "--sort",
            metavar="KEY",
            help="Order by title (A to Z) or a figure, largest first: title, pay, growth, jobs, change, openings.",
            parser=SORT_KEYS,
            autocompletion=SORT_KEYS.complete,
        ),
    ] = "title",
    reverse: Annotated[bool, typer.Option("--reverse", "-r", help="Reverse the order.")] = False,
    limit: LimitOption = None,
    fmt: TableFormatOption = "table",
    state: Annotated[
        str | None,
        filter_option(
            "--state",
            metavar="STATE",
            autocompletion=complete_state,
            help="Pay as the state's OEWS median (postal code or name): the column, --min-pay, --max-pay and "
            "--sort pay use it.",
        ),
    ] = None,
) -> None:
    """List occupations, filtered by outlook, education, pay, group, training, experience, job zone or interests."""
    from ooh_cli.core.query import make_filters, select
    from ooh_cli.output.views import filter_notes, footer

    current = session(ctx)
    catalog = current.catalog()
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
        job_zone=job_zone,
        interest=interest,
    )
    if state is not None:
        from ooh_cli.cli.statepay import list_in_state
        from ooh_cli.core.states import find_state

        list_in_state(current, fmt, find_state(state), filters, sort, reverse, limit)
        return
    shown, total = select(catalog, filters, sort, reverse, limit)
    if not shown:
        current.env.message("no occupations match these filters")
    from ooh_cli.output.views import LIST_KEYS, SORTED_KEYS

    # A list sorted by a figure shows it, after the title, when the usual columns do not hold it.
    by = SORTED_KEYS.get(sort)
    keys = LIST_KEYS if by is None or by in LIST_KEYS else (LIST_KEYS[0], by, *LIST_KEYS[1:])
    notes = filter_notes(filters, catalog.meta, sort, reverse)
    emit_profiles(current, fmt, shown, keys=keys, footer=footer(len(shown), total, notes), sort=sort)


@app.command(epilog=examples("ooh search medical coder", "ooh search wind turbine --limit 5", "ooh search 29-2072"))
def search(
    ctx: typer.Context,
    words: Annotated[
        list[str],
        typer.Argument(
            help="Words to look for: a job title, a task, a SOC code; typos are fine, quotes are not needed.",
            metavar="WORDS...",
            show_default=False,
        ),
    ],
    limit: LimitOption = 10,
    fmt: TableFormatOption = "table",
) -> None:
    """Find occupations by title, alias, A-Z job title, O*NET alternate title or technology, summary, duties,
    group or SOC code."""
    from ooh_cli.core.errors import UsageError
    from ooh_cli.core.search import search as run_search
    from ooh_cli.output.views import footer

    query = bounded(" ".join(words), "the query")
    if not query.strip():
        raise UsageError("search needs at least one word")
    current = session(ctx)
    catalog = current.catalog()
    result = run_search(catalog.search_index, query, limit)
    for typo, word in result.corrections.items():
        current.env.message(f"searching for {word!r} instead of {typo!r}")
    if not result.hits:
        current.env.message(f"nothing matches {query!r}")
    shown = catalog.shown([hit.position for hit in result.hits])
    reasons = [hit.why(found.texts, result.words) for hit, found in zip(result.hits, shown, strict=True)]
    whole = len(result.complete())
    emit_profiles(
        current,
        fmt,
        [found.summary for found in shown],
        keys=("title", "median_pay", "growth_percent"),
        extra=("Matched", reasons),
        machine_extra=[
            {"score": round(hit.score, 1), "matched": why, "partial": bool(hit.partial(result.words))}
            for hit, why in zip(result.hits, reasons, strict=True)
        ],
        footer=footer(len(result.hits), result.total) + _partial_note(whole, len(result.hits), len(result.words)),
    )


def _partial_note(whole: int, shown: int, words: int) -> str:
    if words < 2 or whole >= shown:
        return ""
    return f"; {whole} matching every word, the rest partial" if whole else "; none matches every word"


@app.command(
    epilog=examples(
        "ooh top growth --limit 5 --max-education associate", "ooh top pay --group healthcare", "ooh top decline"
    )
)
def top(
    ctx: typer.Context,
    ranking: Annotated[
        TopList,
        typer.Argument(
            metavar="RANKING",
            parser=RANKINGS,
            autocompletion=RANKINGS.complete,
            help="Which list: growth, new-jobs, pay, openings or decline.",
        ),
    ],
    limit: LimitOption = 10,
    group: GroupOption = None,
    max_education: EducationCapOption = None,
    fmt: TableFormatOption = "table",
) -> None:
    """The Handbook's top lists: fastest growing, most new jobs, highest paying, most openings, declining."""
    from ooh_cli.core.discover import RANKINGS
    from ooh_cli.core.discover import top as rank
    from ooh_cli.core.query import make_filters
    from ooh_cli.output.views import filter_notes

    current = session(ctx)
    catalog = current.catalog()
    filters = make_filters(catalog, group=group, max_education=max_education)
    chosen = RANKINGS[ranking]
    shown = rank(chosen, (s for s in catalog.summaries if filters.accepts(s)), limit or 10)
    if not shown:
        current.env.message("no occupations match these filters")
    keys = dict.fromkeys(("title", chosen.figure_key, "median_pay", "growth_percent", "education"))
    emit_profiles(
        current,
        fmt,
        shown,
        keys=tuple(keys),
        machine_extra=[{"rank": i} for i in range(1, len(shown) + 1)],
        footer="; ".join([f"{chosen.title}, {catalog.meta.edition} edition", *filter_notes(filters, catalog.meta)]),
    )


@app.command(epilog=examples("ooh similar medical-records-technician", "ooh similar software developer --limit 10"))
def similar(
    ctx: typer.Context,
    occupation: OccupationArg,
    limit: LimitOption = 5,
    fmt: TableFormatOption = "table",
) -> None:
    """The profile's similar occupations, then O*NET's related ones and the nearest by what the work asks, saying why."""
    from ooh_cli.core.discover import similar_profiles

    current = session(ctx)
    occ = current.resolve(" ".join(occupation), fmt).occupation
    related = similar_profiles(current.catalog(), occ, limit or 5)
    counts = {kind: sum(r.kind == kind for r in related) for kind in ("listed", "onet", "work", "nearest")}
    why = [r.reason for r in related]
    parts = [f"{counts['listed']} listed as similar"]
    if counts["onet"]:
        parts.append(f"{counts['onet']} related in O*NET 29.3")
    if counts["work"]:
        parts.append(f"{counts['work']} nearest by what the work asks (O*NET 29.3)")
    if counts["nearest"] or not (counts["onet"] or counts["work"]):
        parts.append(f"{counts['nearest']} nearest by group, education and pay")
    emit_profiles(
        current,
        fmt,
        [r.profile for r in related],
        keys=("title", "median_pay", "growth_percent", "education"),
        extra=("Why", why),
        machine_extra=[{"relation": w} for w in why],
        footer=", ".join(parts),
        extra_room=WHY_ROOM,
    )


@app.command(epilog=examples("ooh groups", "ooh groups --format csv"))
def groups(ctx: typer.Context, fmt: TableFormatOption = "table") -> None:
    """The occupational groups: profiles, jobs, employment-weighted growth and median pay."""
    from ooh_cli.core.discover import group_summaries
    from ooh_cli.output.views import group_records, group_table

    current = session(ctx)
    catalog, env = current.catalog(), current.env
    summaries = group_summaries(catalog)
    rows = group_records(summaries)
    emit(
        env,
        fmt,
        table=lambda: renderer(env).listing(group_table(catalog.meta, summaries), env),
        json=lambda: rows,
        csv=lambda: (rows, list(rows[0]) if rows else []),
        markdown=lambda: markdown_renderer().listing(group_table(catalog.meta, summaries)),
    )

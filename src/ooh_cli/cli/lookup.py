"""Commands about named profiles: `show` and `compare`."""

# No `from __future__ import annotations`: Typer reads every command's annotations at each run, and as
# strings they would be compiled and evaluated again each time.
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ooh_cli.cli.options import (
    OccupationArg,
    OccupationsArg,
    ShowFormatOption,
    StateOption,
    TableFormatOption,
    complete_section,
    examples,
)
from ooh_cli.cli.session import Session, session
from ooh_cli.cli.words import OohTyper
from ooh_cli.core.errors import AmbiguousError, DataError, NotFoundError
from ooh_cli.core.sanitize import is_web_address
from ooh_cli.output import emit, markdown_renderer, renderer
from ooh_cli.output.env import Environment

if TYPE_CHECKING:
    from ooh_cli.core.catalog import Match
    from ooh_cli.output.views import Comparison

app = OohTyper()


@app.command(
    epilog=examples(
        "ooh show registered nurse",
        "ooh show medical-records-technician --section pay",
        "ooh show 29-2072 --format json",
        "ooh show chef --web",
    )
)
def show(
    ctx: typer.Context,
    occupation: OccupationArg,
    section: Annotated[
        str | None,
        typer.Option(
            "--section",
            "-s",
            metavar="SECTION",
            help="Only this section: summary, what-they-do, work-environment, how-to-become-one, pay, state-and-area, "
            "job-outlook, skills, interests, technology, similar, programs, associations, history, source.",
            autocompletion=complete_section,
            show_default=False,
        ),
    ] = None,
    fmt: ShowFormatOption = "table",
    web: Annotated[
        bool, typer.Option("--web", help="Open the profile's page on the BLS site in a browser (or print its address).")
    ] = False,
) -> None:
    """Show one occupation's profile: quick facts, then every section of the Handbook."""
    from ooh_cli.output.profile import SECTIONS, profile_view, section_data

    only = SECTIONS.parse(section, "--section")
    current = session(ctx)
    match, place = current.resolve_with_place(" ".join(occupation), fmt, "for the state-and-area section")
    occ = match.occupation
    catalog = current.catalog()
    env = current.env
    if web:
        open_page(env, occ.source.url or catalog.meta.source_url)
        return
    emit(
        env,
        fmt,
        table=lambda: renderer(env).profile(profile_view(occ, catalog, only, place), env),
        json=lambda: section_data(occ, catalog, only, place),
        yaml=lambda: section_data(occ, catalog, only, place),
        markdown=lambda: markdown_renderer().profile(profile_view(occ, catalog, only, place)),
    )


def open_page(env: Environment, url: str | None) -> None:
    """Open ``url`` in a browser (`webbrowser` honours BROWSER); where none can be opened, print it."""
    import webbrowser

    if url is None:
        raise NotFoundError("this profile has no web page in the data file")
    if not is_web_address(url):
        # A browser would run javascript:, open local files, or read "-..." as one of its own options.
        raise DataError(f"not opening {url!r}: only http:// and https:// addresses are opened")
    if webbrowser.open(url):
        env.message(f"opened {url}")
    else:
        env.stdout.write(url + "\n")


def resolve_one_of_several(current: Session, text: str, fmt: str) -> "Match":
    """One of compare's names; when one does not name a profile, the error says how to give names of several words."""
    try:
        return current.resolve(text, fmt)
    except NotFoundError as error:
        hint = 'each argument is one name: quote a name of several words, as in "registered nurse"'
        if isinstance(error, AmbiguousError):
            raise AmbiguousError(str(error), error.candidates, [*error.choices, f"({hint})"]) from None
        raise NotFoundError(f"{error}; {hint}") from None


@app.command(
    epilog=examples(
        "ooh compare registered-nurses medical-records-technician medical-assistants",
        'ooh compare "registered nurse" "nurse practitioner"',
        "ooh compare registered-nurses dental-hygienists --state NY",
        "ooh compare actors dancers musicians --format csv",
    )
)
def compare(
    ctx: typer.Context, occupations: OccupationsArg, fmt: TableFormatOption = "table", state: StateOption = None
) -> None:
    """Compare occupations side by side: one column each, the best figure of each row marked."""
    from ooh_cli.core.compare import chosen_profiles
    from ooh_cli.core.facts import fact_row, facts
    from ooh_cli.core.states import find_states
    from ooh_cli.output.views import comparison

    current = session(ctx)
    chosen = chosen_profiles([resolve_one_of_several(current, text, fmt) for text in occupations])
    meta, env = current.catalog().meta, current.env
    columns = facts(meta)
    states = find_states(state)
    local: list[dict[str, Any]] = [{} for _ in chosen]
    if states:
        from ooh_cli.cli.statepay import state_records

        local = state_records(current, states, chosen)

    def compared(ascii_only: bool) -> "Comparison":
        view = comparison(meta, chosen, ascii_only)
        if not states:
            return view
        from ooh_cli.cli.statepay import state_lines

        return state_lines(current, states, chosen, view)

    def rows() -> list[dict[str, Any]]:
        return [fact_row(profile, columns) | extra for profile, extra in zip(chosen, local, strict=True)]

    emit(
        env,
        fmt,
        table=lambda: renderer(env).comparison(compared(env.ascii_only), env),
        json=rows,
        csv=lambda: (rows(), [f.key for f in columns] + list(local[0])),
        markdown=lambda: markdown_renderer().comparison(compared(False)),
    )

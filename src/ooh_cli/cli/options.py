"""Option and argument declarations shared by several commands, so each is written once."""

from pathlib import Path
from typing import Annotated, Literal, get_args

import typer

from ooh_cli.cli.words import OneOf, WholeNumber
from ooh_cli.core.datafile import DATA_ENV
from ooh_cli.core.vocab import Vocabulary

# The choices of options, as Literal types: Typer offers them like an Enum's values, and defining them costs
# nothing at start-up (four Enum classes cost a lookup about a millisecond).
ShowFormat = Literal["table", "json", "yaml", "markdown"]
TableFormat = Literal["table", "json", "csv", "markdown"]


def complete_occupation(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion: profile ids and aliases that start with what has been typed."""
    from ooh_cli.cli.completion import occupation_candidates

    return occupation_candidates(ctx, incomplete)


def complete_terms(vocabulary: Vocabulary, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion: the terms of ``vocabulary`` that start with what has been typed."""
    return [(t.slug, t.label) for t in vocabulary.terms if t.slug.startswith(incomplete.casefold())]


def complete_state(incomplete: str) -> list[tuple[str, str]]:
    """Shell completion: postal codes (in the case typed), else state names in id form ("new-york")."""
    from ooh_cli.core.names import slug
    from ooh_cli.core.states import STATES

    typed = incomplete.casefold()
    lower = incomplete != incomplete.upper()
    codes = [(s.postal.lower() if lower else s.postal, s.name) for s in STATES if s.postal.casefold().startswith(typed)]
    names = [(slug(s.name), s.name) for s in STATES if typed and slug(s.name).startswith(typed)]
    return codes or names


def complete_section(incomplete: str) -> list[tuple[str, str]]:
    from ooh_cli.output.profile import SECTIONS

    return complete_terms(SECTIONS, incomplete)


DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        envvar=DATA_ENV,
        metavar="PATH",
        help="Read this YAML data file instead of the bundled one.",
        show_envvar=True,
        dir_okay=True,
        rich_help_panel="Data",
    ),
]
OccupationArg = Annotated[
    list[str],
    typer.Argument(
        help="An id, title, alias, SOC code or close spelling, e.g. registered nurse or 29-2072 (no quotes needed).",
        autocompletion=complete_occupation,
        metavar="OCCUPATION...",
        show_default=False,
    ),
]
OccupationsArg = Annotated[
    list[str],
    typer.Argument(
        help="Two or more occupations, one an argument: ids, titles, aliases or SOC codes; quote a name of "
        'several words ("registered nurse").',
        autocompletion=complete_occupation,
        metavar="OCCUPATION...",
        show_default=False,
    ),
]
SHOW_FORMATS = OneOf(*get_args(ShowFormat))
TABLE_FORMATS = OneOf(*get_args(TableFormat))
ShowFormatOption = Annotated[
    ShowFormat,
    typer.Option(
        "--format",
        "-f",
        help="Output format.",
        parser=SHOW_FORMATS,
        metavar=SHOW_FORMATS.metavar,
        autocompletion=SHOW_FORMATS.complete,
    ),
]
TableFormatOption = Annotated[
    TableFormat,
    typer.Option(
        "--format",
        "-f",
        help="Output format.",
        parser=TABLE_FORMATS,
        metavar=TABLE_FORMATS.metavar,
        autocompletion=TABLE_FORMATS.complete,
    ),
]
LimitOption = Annotated[
    int | None,
    typer.Option(
        "--limit", "-n", parser=WholeNumber(1), metavar="N", help="Show at most this many rows.", show_default=False
    ),
]
StateOption = Annotated[
    list[str] | None,
    typer.Option(
        "--state",
        metavar="STATE",
        help="Add this state's OEWS pay and jobs (May 2025): a postal code or name (TX, texas); repeat for several.",
        autocompletion=complete_state,
        rich_help_panel="Local pay",
        show_default=False,
    ),
]


def examples(*commands: str) -> str:
    """A command's help epilog: its examples, one a line, as a shell prompt shows them (help drops indents)."""
    return "Examples:\n" + "\n".join(f"$ {command}" for command in commands)

"""Option and argument declarations shared by several commands, so each is written once."""

from pathlib import Path
from typing import Annotated, Literal

import typer

from ooh_cli.core.datafile import DATA_ENV

# The choices of options, as Literal types: Typer offers them like an Enum's values, and defining them costs
# nothing at start-up (four Enum classes cost a lookup about a millisecond).
ShowFormat = Literal["table", "json", "yaml", "markdown"]
TableFormat = Literal["table", "json", "csv", "markdown"]


def complete_occupation(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion: profile ids and aliases that start with what has been typed."""
    from ooh_cli.cli.completion import occupation_candidates

    return occupation_candidates(ctx, incomplete)


DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        envvar=DATA_ENV,
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
ShowFormatOption = Annotated[ShowFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)]
TableFormatOption = Annotated[TableFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)]
LimitOption = Annotated[
    int | None, typer.Option("--limit", "-n", min=1, help="Show at most this many rows.", show_default=False)
]
EducationCapOption = Annotated[
    str | None,
    typer.Option(
        "--max-education",
        help="This education level or less: none, hs, some-college, postsecondary, associate, bachelor, master, doctoral.",
        rich_help_panel="Filters",
        show_default=False,
    ),
]
GroupOption = Annotated[
    str | None,
    typer.Option(
        "--group",
        "-g",
        help="An occupational group, by slug or name (see `ooh groups`).",
        rich_help_panel="Filters",
        show_default=False,
    ),
]

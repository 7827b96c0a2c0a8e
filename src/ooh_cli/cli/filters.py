"""The filters of the commands that list profiles (`list`, `top`, `match`): declared apart from the options
every command shares, so that a lookup does not build them."""

from typing import Annotated

import typer

from ooh_cli.cli.options import complete_terms
from ooh_cli.core.vocab import EDUCATION, EXPERIENCE, OUTLOOK, TRAINING


def complete_group(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion: the group slugs of the data file in use."""
    from ooh_cli.cli.completion import group_candidates

    return group_candidates(ctx, incomplete)


def complete_outlook(incomplete: str) -> list[tuple[str, str]]:
    # A list of categories is comma-separated: complete the last one.
    done, _, last = incomplete.rpartition(",")
    return [(f"{done},{slug}" if done else slug, label) for slug, label in complete_terms(OUTLOOK, last)]


def complete_education(incomplete: str) -> list[tuple[str, str]]:
    return complete_terms(EDUCATION, incomplete)


def complete_training(incomplete: str) -> list[tuple[str, str]]:
    return complete_terms(TRAINING, incomplete)


def complete_experience(incomplete: str) -> list[tuple[str, str]]:
    return complete_terms(EXPERIENCE, incomplete)


EducationCapOption = Annotated[
    str | None,
    typer.Option(
        "--max-education",
        metavar="LEVEL",
        help="This education level or less: none, hs, some-college, postsecondary, associate, bachelor, master, doctoral.",
        autocompletion=complete_education,
        rich_help_panel="Filters",
        show_default=False,
    ),
]
GroupOption = Annotated[
    str | None,
    typer.Option(
        "--group",
        "-g",
        metavar="GROUP",
        help="An occupational group, by slug or name (see `ooh groups`).",
        autocompletion=complete_group,
        rich_help_panel="Filters",
        show_default=False,
    ),
]
MinOutlookOption = Annotated[
    str | None,
    typer.Option(
        "--min-outlook",
        metavar="CATEGORY",
        help="This outlook category or better.",
        autocompletion=complete_outlook,
        rich_help_panel="Filters",
        show_default=False,
    ),
]
MinPayOption = Annotated[
    str | None,
    typer.Option(
        "--min-pay",
        metavar="AMOUNT",
        help="Median annual pay at least this: 60000, 60k or $60,000.",
        rich_help_panel="Filters",
        show_default=False,
    ),
]
JobZoneOption = Annotated[
    str | None,
    typer.Option(
        "--job-zone",
        metavar="ZONE",
        help="O*NET job zone, how much preparation the work takes: 1 (little) to 5 (extensive), or a range such as 2-3.",
        rich_help_panel="Filters",
        show_default=False,
    ),
]
InterestOption = Annotated[
    str | None,
    typer.Option(
        "--interest",
        metavar="LETTERS",
        help="Interests in the profile's O*NET Holland code: one to three of R I A S E C, e.g. R or IC.",
        rich_help_panel="Filters",
        show_default=False,
    ),
]

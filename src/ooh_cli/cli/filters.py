"""The filters of the commands that list profiles (`list`, `top`, `match`): declared apart from the options
every command shares, so that a lookup does not build them."""

from typing import Annotated, Any

import typer

from ooh_cli.cli.options import complete_terms
from ooh_cli.core.vocab import EDUCATION, EXPERIENCE, OUTLOOK, TRAINING


def filter_option(*names: str, metavar: str, help: str, autocompletion: Any = None) -> Any:
    """An option of the Filters section of help, which narrows what a command lists; it has no default to show."""
    return typer.Option(
        *names,
        metavar=metavar,
        help=help,
        autocompletion=autocompletion,
        rich_help_panel="Filters",
        show_default=False,
    )


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
    filter_option(
        "--max-education",
        metavar="LEVEL",
        help="This education level or less: none, hs, some-college, postsecondary, associate, bachelor, master, doctoral.",
        autocompletion=complete_education,
    ),
]
GroupOption = Annotated[
    str | None,
    filter_option(
        "--group",
        "-g",
        metavar="GROUP",
        help="An occupational group, by slug or name (see `ooh groups`).",
        autocompletion=complete_group,
    ),
]
MinOutlookOption = Annotated[
    str | None,
    filter_option(
        "--min-outlook",
        metavar="CATEGORY",
        help="This outlook category or better.",
        autocompletion=complete_outlook,
    ),
]
MinPayOption = Annotated[
    str | None,
    filter_option(
        "--min-pay",
        metavar="AMOUNT",
        help="Median annual pay at least this: 60000, 60k or $60,000.",
    ),
]
JobZoneOption = Annotated[
    str | None,
    filter_option(
        "--job-zone",
        metavar="ZONE",
        help="O*NET job zone, how much preparation the work takes: 1 (little) to 5 (extensive), or a range such as 2-3.",
    ),
]
InterestOption = Annotated[
    str | None,
    filter_option(
        "--interest",
        metavar="LETTERS",
        help="Interests in the profile's O*NET Holland code: one to three of R I A S E C, e.g. R or IC.",
    ),
]

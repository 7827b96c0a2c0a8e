"""`ooh match`: occupations that fit a person's interests, skills and technology, from O*NET's ratings."""

# No `from __future__ import annotations`: see lookup.py.
from typing import Annotated

import typer

from ooh_cli.cli.filters import EducationCapOption, GroupOption, JobZoneOption, MinOutlookOption, MinPayOption
from ooh_cli.cli.options import LimitOption, TableFormatOption, examples
from ooh_cli.cli.profiles import emit_profiles
from ooh_cli.cli.session import session
from ooh_cli.cli.words import OohTyper

app = OohTyper()
SHOWN_LEFT_OUT = 3
# Rows of a table without --limit; json and csv give every row unless --limit is given.
TABLE_ROWS = 10
RIASEC = (
    "RIASEC: R realistic (hands-on), I investigative (ideas), A artistic (creating), S social (helping), "
    "E enterprising (leading), C conventional (organizing)"
)


@app.command(
    epilog=examples(
        "ooh match --interests CIS --limit 10",
        "ooh match --interests investigative,artistic --min-pay 80k",
        "ooh match --skills programming,mathematics --max-education bachelor",
        "ooh match --technology autocad --job-zone 2-3",
    ),
)
def match(
    ctx: typer.Context,
    interests: Annotated[
        str | None,
        typer.Option(
            "--interests",
            "-i",
            metavar="CODE",
            help="Your interest code, strongest first, as O*NET's Interest Profiler gives it: one to three RIASEC "
            "letters or names, e.g. CIS or investigative,artistic. R realistic (hands-on work), I investigative "
            "(ideas, research), A artistic (creating), S social (helping people), E enterprising (leading, "
            "selling), C conventional (organizing). Occupations whose Holland code holds all your letters in "
            "your order come first, then all of them in another order, then fewer.",
            show_default=False,
        ),
    ] = None,
    skills: Annotated[
        list[str] | None,
        typer.Option(
            "--skills",
            "-s",
            metavar="NAMES",
            help="Skills or knowledge areas, comma-separated; the start of a name is enough: programming,math.",
            show_default=False,
        ),
    ] = None,
    technology: Annotated[
        str | None,
        typer.Option(
            "--technology",
            "-t",
            metavar="NAME",
            help="A technology the work uses, e.g. python, autocad or epic.",
            show_default=False,
        ),
    ] = None,
    max_education: EducationCapOption = None,
    min_pay: MinPayOption = None,
    min_outlook: MinOutlookOption = None,
    group: GroupOption = None,
    job_zone: JobZoneOption = None,
    limit: LimitOption = None,
    fmt: TableFormatOption = "table",
) -> None:
    """Occupations that fit you: by interests (RIASEC), skills and technology, with why, pay and outlook."""
    from ooh_cli.core.errors import UsageError
    from ooh_cli.core.match import match as rank
    from ooh_cli.core.match import parse_elements, require
    from ooh_cli.core.onet import RELEASE, parse_interest_code
    from ooh_cli.core.query import make_filters
    from ooh_cli.output.views import filter_notes, footer

    code = parse_interest_code(interests, "--interests") if interests is not None else ""
    if not (code or skills or technology):
        raise UsageError("match needs --interests, --skills or --technology (or several); see `ooh match --help`")
    current = session(ctx)
    catalog = current.catalog()
    filters = make_filters(
        catalog,
        max_education=max_education,
        min_pay=min_pay,
        min_outlook=min_outlook,
        group=group,
        job_zone=job_zone,
    )
    elements = parse_elements(require(catalog), skills) if skills else []
    fits, left_out = rank(catalog, filters, code, elements, technology)
    if left_out:
        named = ", ".join(left_out[:SHOWN_LEFT_OUT]) + (", ..." if len(left_out) > SHOWN_LEFT_OUT else "")
        noun = "profile" if len(left_out) == 1 else "profiles"
        current.env.message(f"left out {len(left_out)} {noun} not rated in {RELEASE} for what you asked: {named}")
    if not fits:
        current.env.message("no occupations match; try fewer filters or other interests or skills")
    machine = fmt in ("json", "csv")
    shown = fits[: limit or (None if machine else TABLE_ROWS)]
    why = [f"fit {f.score:.0%}: " + "; ".join(f.reasons) for f in shown]
    emit_profiles(
        current,
        fmt,
        [f.profile for f in shown],
        keys=("title", "median_pay", "growth_percent"),
        extra=("Why", why),
        machine_extra=[
            {
                "fit": round(f.score, 3),
                "matched": "; ".join(f.reasons),
                "job_zone": f.job_zone,
                "holland_code": f.holland_code,
            }
            for f in shown
        ],
        footer=footer(
            len(shown),
            len(fits),
            [order(code, technology), *filter_notes(filters, catalog.meta), f"ratings from {RELEASE}"],
        )
        + (f". {RIASEC}." if code else ""),
        sort="fit",
    )


def order(code: str, technology: str | None) -> str:
    """The order of the rows, in words, as `match` sorts them (core.match.match)."""
    steps = []
    if code:
        steps.append(
            f"Holland codes with all of {code} first" + (", in your order before others" if len(code) > 1 else "")
        )
    if technology:
        steps.append("the technology in demand, then hot, then the most tools of its kind")
    return "sorted by " + ", then ".join([*steps, "fit"])

"""The tables of a profile's tabs.

The Work Environment tab (``div#tab-3``) lists the largest employers, in one table or in one for each occupation
the profile covers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ooh_cli.importer.html import text_of
from ooh_cli.importer.values import parse_decimal, plain_number

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

_YEAR = r"((?:19|20)\d\d)"
_EMPLOYERS_OF = re.compile(r"largest employers of (.+?) were", re.IGNORECASE)
_JOBS_IN_YEAR = re.compile(rf"jobs in {_YEAR}")


@dataclass(frozen=True, slots=True)
class Employer:
    name: str
    percent: int | float | None
    # The occupation the table is for, when the profile gives one table per occupation it covers.
    part: str | None = None


def employer_tables(
    tab: LexborNode, title: str, jobs_year: int | None
) -> tuple[int | None, tuple[Employer, ...], list[str]]:
    """The "largest employers" tables of the Work Environment tab: their year, their rows, and what is amiss.

    Profiles that combine occupations may show one table per part ("The largest employers of facilities
    managers ..."): a table for the whole profile (its workers named as the title names them) is taken when
    there is one, else every part's, each employer marked with the part it belongs to.
    """
    candidates: list[tuple[str, LexborNode]] = []
    intro = ""
    for element in tab.css("p, table"):
        if element.tag == "p":
            # An empty paragraph (browsers make one of a stray </p>) shows nothing between intro and table.
            intro = text_of(element) or intro
        elif "largest employers" in intro.casefold():
            candidates.append((intro, element))
    if not candidates:
        return None, (), []
    # Whose employers each table lists: "software developers" in "The largest employers of software developers".
    parts = [(named.group(1) if (named := _EMPLOYERS_OF.search(i)) else None, i, table) for i, table in candidates]
    whole = [entry for entry in parts if entry[0] is not None and entry[0].casefold() == title.casefold()]
    if len(parts) > 1 and len(whole) == 1:
        parts = whole
    year = _JOBS_IN_YEAR.search(parts[0][1])
    warnings: list[str] = []
    employers = []
    for part, _, table in parts:
        if len(parts) > 1 and part is None:
            warnings.append("an employer table whose workers are not named")
        for row in table.css("tr"):
            cells = [text_of(cell) for cell in row.css("td")]
            if len(cells) < 2 or not cells[0]:
                continue
            percent = parse_decimal(cells[1])
            share = None if percent is None else plain_number(percent)
            employers.append(Employer(cells[0], share, (part or "part of the occupation") if len(parts) > 1 else None))
    return (int(year.group(1)) if year else jobs_year), tuple(employers), warnings

"""What the Handbook states for a whole edition: the outlook thresholds, average growth and median pay.

Known editions are data, written here from the Handbook's definitions; an edition not yet here is read from its
own files (`derived_edition`), so that `ooh data update` can take a new edition the day BLS publishes it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from ooh_cli.importer.values import round_half_up

if TYPE_CHECKING:
    from ooh_cli.importer.pages import ProfilePage
    from ooh_cli.importer.projections import Projections


@dataclass(frozen=True, slots=True)
class Edition:
    """What the Handbook states for a whole edition, for checking (and backing up) what the files give."""

    average_growth_percent: int
    median_pay_all: int
    # Growth percent per outlook category, inclusive; None is an open end.
    thresholds: Mapping[str, tuple[int | None, int | None]]


# Data, not logic: the Handbook's definitions for the 2024-34 edition, as restated in
# ../shared/bls/2024-34/README.md ("Outlook categories"): average growth of all occupations 3%, median pay
# of all workers $49,500 (May 2024), and the category thresholds. Add an entry for each new edition.
EDITIONS: Mapping[str, Edition] = {
    "2024-34": Edition(
        average_growth_percent=3,
        median_pay_all=49500,
        thresholds={
            "much-faster": (7, None),
            "faster": (5, 6),
            "average": (3, 4),
            "slower": (1, 2),
            "little-change": (0, 0),
            "decline": (None, -1),
        },
    ),
}


def derived_edition(projections: Projections, pages: list[ProfilePage]) -> Edition | None:
    """An edition not in EDITIONS, as its files show it: the all-occupations row of the workbook gives the
    average growth and median pay, and each page's growth beside its category bounds that category. None when
    the files do not show every category or the all-occupations row."""
    total = projections.all_occupations
    if total is None or total.growth_percent is None or total.median_annual is None:
        return None
    seen: dict[str, list[int]] = {}
    for page in pages:
        if page.category is not None and page.growth_percent is not None:
            seen.setdefault(page.category, []).append(round_half_up(Decimal(repr(page.growth_percent))))
    order = list(EDITIONS["2024-34"].thresholds)  # the categories, fastest first; every edition has the same
    if set(seen) != set(order):
        return None
    thresholds: dict[str, tuple[int | None, int | None]] = {}
    for position, category in enumerate(order):
        low = None if position == len(order) - 1 else min(seen[category])
        high = None if position == 0 else max(seen[category])
        thresholds[category] = (low, high)
    return Edition(
        average_growth_percent=round_half_up(Decimal(repr(total.growth_percent))),
        median_pay_all=int(total.median_annual),
        thresholds=thresholds,
    )

"""An edition not yet written into the code is read from its own files: growth and pay from the workbook's
all-occupations row, each outlook category's bounds from the pages that state it."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from tests.conftest import BLS, needs_shared

from ooh_cli.importer.editions import EDITIONS, derived_edition

CATEGORIES = {"much-faster": 9, "faster": 5, "average": 3, "slower": 2, "little-change": 0, "decline": -4}


def workbook(growth: float | None = 3.1, pay: int | None = 49500) -> Any:
    return SimpleNamespace(all_occupations=SimpleNamespace(growth_percent=growth, median_annual=pay))


def pages(*growth: tuple[str, int]) -> list[Any]:
    return [SimpleNamespace(category=category, growth_percent=percent) for category, percent in growth]


def test_each_category_is_bounded_by_the_pages_in_it() -> None:
    found = pages(*CATEGORIES.items(), ("faster", 6), ("average", 4), ("slower", 1))
    edition = derived_edition(workbook(), found)
    assert edition is not None
    assert edition.average_growth_percent == 3 and edition.median_pay_all == 49500
    assert dict(edition.thresholds) == {
        "much-faster": (9, None),
        "faster": (5, 6),
        "average": (3, 4),
        "slower": (1, 2),
        "little-change": (0, 0),
        "decline": (None, -4),
    }


def test_without_every_category_or_the_total_row_nothing_is_guessed() -> None:
    everything = pages(*CATEGORIES.items())
    assert derived_edition(workbook(), everything[:-1]) is None
    assert derived_edition(workbook(growth=None), everything) is None
    assert derived_edition(SimpleNamespace(all_occupations=None), everything) is None


@pytest.mark.shared
def test_the_2024_34_files_give_the_handbook_s_own_thresholds() -> None:
    needs_shared()
    from ooh_cli.importer.pages import read_profile
    from ooh_cli.importer.projections import read_projections

    read = [read_profile(path) for path in sorted(Path(BLS / "pages").glob("*.html"))]
    assert derived_edition(read_projections(BLS / "occupation.xlsx"), read) == EDITIONS["2024-34"]

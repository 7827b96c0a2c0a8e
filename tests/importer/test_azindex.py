from __future__ import annotations

from pathlib import Path

import pytest

from ooh_cli.importer.azindex import read_az_index
from ooh_cli.importer.errors import SourceError

FIXTURES = Path(__file__).parent / "fixtures"


def test_titles_by_profile() -> None:
    titles = read_az_index(FIXTURES / "a-z-index.html")
    assert titles == {
        "castle-guards": ["Castle Sentry"],
        # "Sweep" is plain text before ", see:" and its profile link is relative.
        "chimney-sweeps": ["Chimney Brush Operator", "Chimney Sweeps and Flue Cleaners", "Sweep"],
        # "GAS LAMP ATTENDANT" repeats "Gas Lamp Attendant"; entities are decoded.
        "lamplighters": ["Gas Lamp Attendant", "Lamp Trimmer & Wick Setter", "Lamplighters"],
        "candle-makers": ["Sconce Maker"],
    }


def test_a_page_without_entries_is_refused() -> None:
    with pytest.raises(SourceError, match=r'lamplighters\.html: no "Job title, see: Profile" entries'):
        read_az_index(FIXTURES / "pages" / "lamplighters.html")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"a-z-index\.html: cannot read"):
        read_az_index(tmp_path / "a-z-index.html")

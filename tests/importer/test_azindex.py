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


def test_items_left_open_and_stray_end_tags(tmp_path: Path) -> None:
    # HTML lets a list item end where the next begins; stray end tags are dropped, as browsers do.
    index = tmp_path / "a-z-index.html"
    index.write_text(
        "<!DOCTYPE html><ul>"
        '<li><a href="/ooh/military/castle-guards.htm">Castle Sentry</a>, see: '
        '<a href="/ooh/military/castle-guards.htm">Castle guards</a></span>'
        '<li>Sweep</p>, see: <a href="/ooh/construction-and-extraction/chimney-sweeps.htm">Chimney sweeps</a>'
        "</ul>",
        encoding="utf-8",
    )
    assert read_az_index(index) == {"castle-guards": ["Castle Sentry"], "chimney-sweeps": ["Sweep"]}

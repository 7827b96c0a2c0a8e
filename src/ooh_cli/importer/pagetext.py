"""The text of a profile page's sections, in BLS's own words, for an edition the project has written no prose for.

Only `ooh data update` asks for it, and only for an edition other than the one the bundled prose was written
from: the text goes into the user's own edition, labelled as BLS's words, and never into this repository.
Each section is its paragraphs and list items, in page order.
"""

from __future__ import annotations

from pathlib import Path

from ooh_cli.importer.html import parse_html, read_page, text_of

# The record's name of each section, and the page's tab that holds it.
TABS = {"what_they_do": 2, "work_environment": 3, "how_to_become": 4, "pay": 5, "outlook": 6}


def read_page_text(path: Path) -> dict[str, list[str]]:
    """Each section's text, by the record's name; sections without text are left out."""
    tree = parse_html(read_page(path, "a saved OOH profile page"), path)
    found = {}
    for name, number in TABS.items():
        tab = tree.css_first(f"#tab-{number}")
        if tab is None:
            continue
        # Tables and charts (employers, wages, projections) are figures the record already holds; the
        # tab's footer is navigation.
        for figures in tab.css("table, .ooh-chart, .tab-footer"):
            figures.decompose()
        pieces = [text for node in tab.css("p, li") if (text := text_of(node))]
        if pieces:
            found[name] = list(dict.fromkeys(pieces))
    return found

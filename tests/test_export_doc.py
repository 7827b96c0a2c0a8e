"""docs/export.md documents the export exactly: every table and column of a real export, and nothing else."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from ooh_cli.core.export import export_sqlite
from ooh_cli.core.exportsource import ExportSource
from tests.conftest import REPO, SAMPLE

DOC = (REPO / "docs" / "export.md").read_text(encoding="utf-8")


def documented(text: str) -> dict[str, list[str]]:
    """Each table of the doc's Tables part (a `#### \\`name\\`` heading) and the columns its table lists."""
    tables: dict[str, list[str]] = {}
    current: list[str] = []
    for line in text[text.index("\n## Tables") :].splitlines():
        heading = re.fullmatch(r"#### `(\w+)`", line)
        if heading:
            current = tables.setdefault(heading.group(1), [])
        column = re.match(r"\| `(\w+)` \|", line)
        if column:
            current.append(column.group(1))
    return tables


def exported(db: sqlite3.Connection) -> dict[str, list[str]]:
    """Each table of the database people see (not FTS5's shadow tables) and its columns, in order."""
    names = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    indexes = [name for name in names if name.endswith("_fts")]
    shown = [name for name in names if not any(name.startswith(f"{fts}_") for fts in indexes)]
    return {name: [row[1] for row in db.execute(f"PRAGMA table_info({name})")] for name in shown}


@pytest.fixture(scope="module")
def exported_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("doc") / "ooh.db"
    export_sqlite(ExportSource(SAMPLE), path)
    return path


@pytest.fixture(scope="module")
def database(exported_path: Path) -> dict[str, list[str]]:
    with sqlite3.connect(exported_path) as db:
        return exported(db)


def test_the_doc_names_every_table_and_column_and_no_other(database: dict[str, list[str]]) -> None:
    assert documented(DOC) == database


def keys(text: str) -> dict[str, tuple[list[str], list[str]]]:
    """Each table's primary key and references ("a -> t.b") as its "Key: ... References: ..." line states them."""
    found = {}
    for name, line in re.findall(r"^#### `(\w+)`.*?^(Key: [^\n]*)$", text, re.MULTILINE | re.DOTALL):
        key = re.match(r"Key: (.*?)\.(?: |$)", line)
        primary = re.findall(r"`(\w+)`", key.group(1)) if key else []
        references = re.findall(r"`([\w, ]+)` → `(\w+)\.([\w, ]+)`", line)
        found[name] = (primary, sorted(f"{a} -> {t}.{b}" for a, t, b in references))
    return found


def test_the_doc_states_every_key_and_reference(exported_path: Path) -> None:
    with sqlite3.connect(exported_path) as db:
        for name, (primary, references) in keys(DOC).items():
            info = sorted((row[5], row[1]) for row in db.execute(f"PRAGMA table_info({name})") if row[5])
            assert primary == [column for _, column in info], name
            pairs: dict[int, tuple[str, list[str], list[str]]] = {}
            for row in db.execute(f"PRAGMA foreign_key_list({name})"):
                _, columns, targets = pairs.setdefault(row[0], (row[2], [], []))
                columns.append(row[3])
                targets.append(row[4])
            stated = sorted(f"{', '.join(c)} -> {t}.{', '.join(d)}" for t, c, d in pairs.values())
            assert references == stated, name
    assert len(keys(DOC)) == 36  # every table but the two full-text indexes


def test_the_check_can_fail(database: dict[str, list[str]]) -> None:
    assert len(database) == 38 and database["profiles"][0] == "id"
    dropped = DOC.replace("| `median_pay_year` |", "| median_pay_year |")
    assert documented(dropped) != database


def test_the_sizes_measured_are_stated() -> None:
    assert re.search(r"takes about \d+ seconds of CPU time", DOC) and re.search(r"The database is\s+\d+ MB", DOC)


def test_the_readme_shows_an_export_and_a_query() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "ooh data export --sqlite" in readme and "docs/export.md" in readme


def test_no_table_is_documented_twice() -> None:
    headings = re.findall(r"^#### `(\w+)`", DOC, re.MULTILINE)
    assert len(headings) == len(set(headings))

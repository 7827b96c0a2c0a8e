"""docs/data-format.md documents the model exactly: every field, and no field the model does not have."""

from __future__ import annotations

import re

import msgspec

from ooh_cli.core.model import HistoryEntry, Occupation
from ooh_cli.core.records import Meta
from tests.conftest import REPO

DOC = (REPO / "docs" / "data-format.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    start = DOC.index(title)
    end = DOC.find("\n## ", start + 1)
    return DOC[start : end if end > 0 else None]


def record_fields(kind: type[msgspec.Struct], nested: bool) -> set[str]:
    """Field names as the data file spells them; with ``nested``, a section's fields as "section.field"."""
    names: set[str] = set()
    for field in msgspec.structs.fields(kind):
        is_section = isinstance(field.type, type) and issubclass(field.type, msgspec.Struct)
        if nested and is_section and field.type is not HistoryEntry:
            names.update(f"{field.encode_name}.{sub}" for sub in field.type.__struct_encode_fields__)
        else:
            names.add(field.encode_name)
    return names


def yaml_keys(block_title: str, indent: str) -> set[str]:
    """The keys at ``indent`` in the first yaml example after ``block_title``."""
    text = section(block_title)
    example = text[text.index("```yaml") : text.index("```", text.index("```yaml") + 3)]
    return set(re.findall(rf"^(?:{indent}|- )([a-z_]+):", example, re.MULTILINE))


def test_the_record_table_lists_every_field() -> None:
    table = section("## `occupations`")
    documented = set()
    for first_cell in re.findall(r"^\| (.+?) \|", table, re.MULTILINE):
        documented.update(re.findall(r"`([a-z_.0-9]+)`", first_cell))
    documented.discard("field")
    assert documented == record_fields(Occupation, nested=True)


def test_the_meta_example_shows_every_field() -> None:
    assert yaml_keys("## `meta`", "  ") == record_fields(Meta, nested=False)


def test_the_history_example_shows_every_field() -> None:
    assert yaml_keys("### `history` entries", "  ") == record_fields(HistoryEntry, nested=False)


def test_the_check_can_fail() -> None:
    assert "pay.median_annual" in record_fields(Occupation, nested=True)
    assert "pay" not in record_fields(Occupation, nested=True)

"""The one YAML reader and dumper, shared by lookups, validation and the importer, and the YAML's atomic write."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import pytest
import yaml

from ooh_cli.core.errors import DataError
from ooh_cli.core.yamlio import dump_yaml
from ooh_cli.importer import read_existing, switch

LONG = "A summary in our own words, " * 20
SHARED = ["shared", "list"]
DOCUMENT: dict[str, Any] = {
    "meta": {"edition": "2024-34", "built": "2026-01-02", "base_year": 2024},
    "occupations": [
        {"id": "b", "title": "Señor Lamplighter", "summary": LONG, "similar": SHARED, "pay": {"median_hourly": 24.16}},
        {"id": "a", "title": "Sweeps", "similar": SHARED, "pay": {"median_hourly": 115.0, "top_coded": True}},
    ],
}


def test_dump_keeps_order_and_text() -> None:
    text = dump_yaml(DOCUMENT)
    assert text.startswith(
        "meta:\n  edition: 2024-34\n  built: '2026-01-02'\n  base_year: 2024\noccupations:\n- id: b\n"
    )
    assert "Señor" in text  # not escaped
    assert f"  summary: '{LONG}'\n" in text  # one line of 580 characters, never folded
    assert "&id" not in text and "*id" not in text  # no anchors for the shared list
    assert yaml.safe_load(text) == DOCUMENT


def test_dump_is_stable() -> None:
    text = dump_yaml(DOCUMENT)
    assert dump_yaml(DOCUMENT) == text
    assert dump_yaml(yaml.safe_load(text)) == text


def write_yaml_atomic(document: Any, path: Path) -> None:
    """What `ooh data import` does with a new document alone (importer/switch.py)."""
    switch.commit(path, dump_yaml(document), [])


def test_write_creates_a_readable_file(tmp_path: Path) -> None:
    path = tmp_path / "occupations.yaml"
    write_yaml_atomic(DOCUMENT, path)
    assert read_existing(path) == DOCUMENT
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert list(tmp_path.iterdir()) == [path]


def test_write_keeps_the_permissions_of_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "occupations.yaml"
    path.write_text("old: true\n", encoding="utf-8")
    path.chmod(0o600)
    write_yaml_atomic(DOCUMENT, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_failing_write_leaves_the_old_file_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "occupations.yaml"
    path.write_text("old: true\n", encoding="utf-8")

    def fail_fsync(fd: int) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(switch.os, "fsync", fail_fsync)
    with pytest.raises(RuntimeError, match="disk on fire"):
        write_yaml_atomic(DOCUMENT, path)
    assert path.read_text(encoding="utf-8") == "old: true\n"
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_a_failing_rename_leaves_the_old_file_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "occupations.yaml"
    path.write_text("old: true\n", encoding="utf-8")

    def refuse(source: Path, target: Path) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(switch.os, "replace", refuse)
    with pytest.raises(DataError, match=r"cannot write .*occupations\.yaml: Permission denied"):
        write_yaml_atomic(DOCUMENT, path)
    assert path.read_text(encoding="utf-8") == "old: true\n"
    assert list(tmp_path.iterdir()) == [path]


def test_write_into_a_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="cannot write"):
        write_yaml_atomic(DOCUMENT, tmp_path / "missing" / "occupations.yaml")


def test_read_existing(tmp_path: Path) -> None:
    path = tmp_path / "occupations.yaml"
    assert read_existing(path) is None
    path.write_text("", encoding="utf-8")
    assert read_existing(path) is None
    path.write_text("- a list\n", encoding="utf-8")
    with pytest.raises(DataError, match="expected a mapping"):
        read_existing(path)
    path.write_text("meta: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataError, match="not valid YAML"):
        read_existing(path)


def test_read_existing_is_as_strict_as_lookups(tmp_path: Path) -> None:
    # A plain loader would keep the second `meta:` and silently drop the first; the import must refuse it.
    path = tmp_path / "occupations.yaml"
    path.write_text("meta: {edition: one}\nmeta: {edition: two}\noccupations: []\n", encoding="utf-8")
    with pytest.raises(DataError, match="duplicate key 'meta'"):
        read_existing(path)
    path.write_text("meta: &m {edition: one}\nother: *m\n", encoding="utf-8")
    with pytest.raises(DataError, match="aliases"):
        read_existing(path)

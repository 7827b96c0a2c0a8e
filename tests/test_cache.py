"""The cache of parsed data: reused while valid, never stale, bypassed with OOH_NO_CACHE."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from ooh_cli.core import cache, yamlio
from ooh_cli.core.datafile import vocabulary_path
from tests.conftest import SAMPLE, Invoke


def pay_of(invoke: Invoke, path: Path, occupation: str = "registered-nurses") -> float:
    result = invoke("show", occupation, "-s", "pay", "-f", "json", data=path)
    assert result.exit_code == 0, result.stderr
    return float(json.loads(result.stdout)["median_annual"])


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    path = tmp_path / "copy.yaml"
    path.write_text(SAMPLE.read_text())
    return path


def cache_files(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache").glob("*.cache.sqlite"))


def test_first_run_writes_the_cache_and_later_runs_use_it(
    invoke: Invoke, data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert pay_of(invoke, data_copy) == 90000
    assert len(cache_files(tmp_path)) == 1

    def no_parsing(path: Path) -> None:
        raise AssertionError("parsed although the cache is current")

    monkeypatch.setattr(yamlio, "parse_file", no_parsing)
    assert pay_of(invoke, data_copy) == 90000


def test_an_edit_shows_on_the_next_run(invoke: Invoke, data_copy: Path) -> None:
    assert pay_of(invoke, data_copy) == 90000
    data_copy.write_text(data_copy.read_text().replace("median_annual: 90000", "median_annual: 91000"))
    assert pay_of(invoke, data_copy) == 91000


def test_an_edit_that_keeps_size_and_mtime_still_shows(invoke: Invoke, data_copy: Path) -> None:
    before = data_copy.stat()
    assert pay_of(invoke, data_copy) == 90000
    data_copy.write_text(data_copy.read_text().replace("median_annual: 90000", "median_annual: 90001"))
    os.utime(data_copy, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert data_copy.stat().st_size == before.st_size
    assert pay_of(invoke, data_copy) == 90001


def test_another_file_gets_its_own_cache(invoke: Invoke, data_copy: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text(SAMPLE.read_text().replace("median_annual: 90000", "median_annual: 1000"))
    assert pay_of(invoke, data_copy) == 90000
    assert pay_of(invoke, other) == 1000
    assert pay_of(invoke, data_copy) == 90000
    assert len(cache_files(tmp_path)) == 2


def test_no_cache_env_bypasses_the_cache(invoke: Invoke, data_copy: Path, tmp_path: Path) -> None:
    result = invoke("show", "actors", data=data_copy, env={"OOH_NO_CACHE": "1"})
    assert result.exit_code == 0
    assert cache_files(tmp_path) == []


def test_a_corrupt_cache_is_rebuilt(invoke: Invoke, data_copy: Path, tmp_path: Path) -> None:
    assert pay_of(invoke, data_copy) == 90000
    (cache,) = cache_files(tmp_path)
    cache.write_bytes(b"\x80\x05not a cache")
    result = invoke("show", "registered-nurses", "-s", "pay", "-f", "json", data=data_copy)
    assert result.exit_code == 0 and result.stderr == ""
    assert json.loads(result.stdout)["median_annual"] == 90000
    assert cache.read_bytes()[:2] != b"\x80\x05n"


def test_an_unwritable_cache_dir_only_costs_speed(invoke: Invoke, data_copy: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    result = invoke("show", "actors", data=data_copy, env={"OOH_CACHE_DIR": str(blocker / "cache")})
    assert result.exit_code == 0 and result.stderr == ""


def test_invalid_data_is_never_cached(invoke: Invoke, data_copy: Path, tmp_path: Path) -> None:
    data_copy.write_text("occupations: 5\n")
    assert invoke("list", data=data_copy).exit_code == 3
    assert invoke("list", data=data_copy).exit_code == 3
    assert cache_files(tmp_path) == []


def test_a_cache_of_another_format_is_rebuilt(
    invoke: Invoke, data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert pay_of(invoke, data_copy) == 90000
    (cache_file,) = cache_files(tmp_path)
    written = cache_file.stat().st_mtime_ns
    parsed: list[Path] = []
    real_parse = yamlio.parse_file
    monkeypatch.setattr(yamlio, "parse_file", lambda path: parsed.append(path) or real_parse(path))
    monkeypatch.setattr(cache, "FORMAT", cache.FORMAT + 1)
    assert pay_of(invoke, data_copy) == 90000
    assert parsed == [data_copy, vocabulary_path()]  # a rebuild reads the everyday names too
    assert cache_file.stat().st_mtime_ns >= written
    assert pay_of(invoke, data_copy) == 90000
    assert parsed == [data_copy, vocabulary_path()]  # the rebuilt cache serves the next run

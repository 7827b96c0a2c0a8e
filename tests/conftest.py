"""Shared fixtures: the sample data file, an isolated cache, and a CliRunner pinned to a fixed width."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from ooh_cli.cli import app

TESTS = Path(__file__).parent
SAMPLE = TESTS / "fixtures" / "sample.yaml"
REPO = TESTS.parent
SHARED = REPO.parent / "shared"
BLS = SHARED / "bls" / "2024-34"
WIDTH = 100

Invoke = Callable[..., Result]


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own cache and data directories, a fixed terminal width and no colour."""
    monkeypatch.setenv("OOH_CACHE_DIR", str(tmp_path / "cache"))
    # No edition a developer built with `ooh data update` takes the bundled data's place.
    monkeypatch.setenv("OOH_DATA_HOME", str(tmp_path / "data-home"))
    monkeypatch.setenv("COLUMNS", str(WIDTH))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("OOH_DATA", raising=False)
    monkeypatch.delenv("OOH_NO_CACHE", raising=False)
    monkeypatch.delenv("OOH_DEBUG", raising=False)


@pytest.fixture
def invoke() -> Invoke:
    """Run `ooh ARGS` on the sample data (unless the test passes its own --data)."""
    runner = CliRunner()

    def run(*args: str, data: Path | None = SAMPLE, env: dict[str, str] | None = None) -> Result:
        prefix = ["--data", str(data)] if data is not None else []
        return runner.invoke(app, [*prefix, *args], env=env)

    return run


@pytest.fixture
def write_data(tmp_path: Path) -> Callable[[str | bytes], Path]:
    """Write a data file with the given content and return its path."""

    def write(content: str | bytes, name: str = "data.yaml") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write


def needs_shared() -> None:
    if not BLS.is_dir():
        pytest.skip("the official BLS files in ../shared are not here (a fresh clone)")


def read_terminal(leader: int) -> str:
    """All a pseudo-terminal showed until the process on it closed it (``leader``: its reading end, closed here)."""
    out = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.close(leader)
    return out.decode().replace("\r\n", "\n")

"""Long output in a terminal goes through the pager; short output, pipes and machine formats never do.

The command runs in a pseudo-terminal (24 rows, 80 columns), with PAGER a script that saves what it is given.
"""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from tests.conftest import read_terminal

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")


def in_terminal(args: list[str], tmp_path: Path, **env: str | None) -> tuple[str, str]:
    """Run `python -m ooh_cli ARGS` with stdout a 24x80 terminal; what it showed there, and what the pager got."""
    paged = tmp_path / "paged.txt"
    pager = tmp_path / "pager.sh"
    pager.write_text(f"#!/bin/sh\ncat > {paged}\n", encoding="utf-8")
    pager.chmod(0o755)
    environment = {**os.environ, "PAGER": str(pager), "OOH_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1"}
    environment.pop("OOH_PAGER", None)
    environment.pop("COLUMNS", None)
    environment.pop("LINES", None)
    for name, value in env.items():
        if value is None:
            environment.pop(name, None)
        else:
            environment[name] = value
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "ooh_cli", *args], stdout=follower, stderr=subprocess.PIPE, env=environment
    )
    os.close(follower)
    shown = read_terminal(leader)
    process.wait(timeout=60)
    assert process.returncode == 0
    return shown, paged.read_text(encoding="utf-8") if paged.exists() else ""


def test_a_long_profile_goes_through_the_pager(tmp_path: Path) -> None:
    shown, paged = in_terminal(["show", "carpenters"], tmp_path)
    assert paged.startswith("Carpenters\n") and "WHAT THEY DO" in paged
    assert shown == ""


def test_short_output_is_shown_directly(tmp_path: Path) -> None:
    shown, paged = in_terminal(["show", "carpenters", "--section", "source"], tmp_path)
    assert paged == "" and "SOURCE" in shown


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--no-pager", "show", "carpenters"], {}),
        (["show", "carpenters"], {"OOH_PAGER": "cat"}),
        (["show", "carpenters"], {"OOH_PAGER": ""}),
        (["list", "--format", "json"], {}),
    ],
    ids=["no-pager", "ooh-pager-cat", "ooh-pager-empty", "json"],
)
def test_the_pager_can_be_turned_off_and_never_pages_machine_formats(
    tmp_path: Path, args: list[str], env: dict[str, str]
) -> None:
    shown, paged = in_terminal(args, tmp_path, **env)
    assert paged == "" and len(shown.splitlines()) > 24


def test_a_pipe_is_never_paged(tmp_path: Path) -> None:
    pager = tmp_path / "pager.sh"
    pager.write_text(f"#!/bin/sh\ntouch {tmp_path / 'paged'}\n", encoding="utf-8")
    pager.chmod(0o755)
    env = {**os.environ, "PAGER": str(pager), "OOH_CACHE_DIR": str(tmp_path / "cache")}
    result = subprocess.run([sys.executable, "-m", "ooh_cli", "show", "carpenters"], capture_output=True, env=env)
    assert result.returncode == 0 and result.stdout.startswith(b"Carpenters\n")
    assert not (tmp_path / "paged").exists()

"""Broken and odd streams, handled as git handles them: closed stdout or stderr, a reader that leaves, a full
disk, a COLUMNS that is no width, a pager that cannot start, fails, or is still open when Ctrl-C comes.

Each runs `python -m ooh_cli` in a real process; the terminal cases in a pseudo-terminal (24 rows, 80 columns).
"""

from __future__ import annotations

import fcntl
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from tests.conftest import SAMPLE, read_terminal

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX streams and pseudo-terminals")

NOISE = ("FORCE_COLOR", "NO_COLOR", "COLUMNS", "LINES", "OOH_PAGER", "PAGER", "TTY_COMPATIBLE", "CLICOLOR_FORCE")
OOH = [sys.executable, "-m", "ooh_cli"]
LONG = "medical-records-and-health-information-technicians"  # taller than 24 rows: paged


def environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if name not in NOISE}
    env.update(OOH_DATA=str(SAMPLE), OOH_CACHE_DIR=str(tmp_path / "cache"), PYTHONDONTWRITEBYTECODE="1")
    env.update(extra)
    return env


def shell(script: str, tmp_path: Path, **extra: str) -> subprocess.CompletedProcess[bytes]:
    """Run ``script`` in sh, where "$@" is `python -m ooh_cli`."""
    return subprocess.run(
        ["sh", "-c", script, "sh", *OOH], capture_output=True, env=environment(tmp_path, **extra), timeout=60
    )


def in_terminal(
    args: list[str], tmp_path: Path, new_session: bool = False, **extra: str
) -> tuple[subprocess.Popen[bytes], int]:
    """`ooh ARGS` with stdout a 24x80 pseudo-terminal; the process and the terminal's reading end."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    process = subprocess.Popen(
        [*OOH, *args],
        stdout=follower,
        stderr=subprocess.PIPE,
        env=environment(tmp_path, **extra),
        start_new_session=new_session,
    )
    os.close(follower)
    return process, leader


def terminal_run(args: list[str], tmp_path: Path, **extra: str) -> tuple[int, str, str]:
    process, leader = in_terminal(args, tmp_path, **extra)
    text = read_terminal(leader)
    assert process.stderr is not None
    stderr = process.stderr.read().decode()
    return process.wait(timeout=60), text, stderr


# --- closed and failing streams -----------------------------------------------------------------------


def test_a_closed_stdout_is_said_in_words(tmp_path: Path) -> None:
    result = shell('"$@" list >&-', tmp_path)
    assert result.returncode == 5
    assert result.stderr == b"ooh: cannot write the output: standard output is closed\n"


def test_a_closed_stderr_does_not_change_a_good_run(tmp_path: Path) -> None:
    result = shell('"$@" list 2>&-', tmp_path)
    assert result.returncode == 0
    assert b"Actors" in result.stdout


def test_a_closed_stderr_still_gives_the_error_code(tmp_path: Path) -> None:
    assert shell('"$@" show no-such-thing 2>&-', tmp_path).returncode == 1


@pytest.mark.parametrize("extra", [{"FORCE_COLOR": "1"}, {"NO_COLOR": "1"}], ids=["rich", "plain"])
def test_a_reader_that_leaves_is_no_error(tmp_path: Path, extra: dict[str, str]) -> None:
    # `FORCE_COLOR=1 ooh list | head -1`: Rich's own handling would exit 1.
    result = shell('"$@" show actors | head -1; exit "$(($? + 0))"', tmp_path, **extra)
    piped = subprocess.Popen(
        [*OOH, "list"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment(tmp_path, **extra)
    )
    assert piped.stdout is not None and piped.stderr is not None
    assert piped.stdout.readline()
    piped.stdout.close()
    assert piped.wait(timeout=60) == 0
    assert piped.stderr.read() == b""
    assert result.returncode == 0


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize(
    ("args", "extra"),
    [
        (["show", "actors"], {}),
        (["show", "actors", "--format", "json"], {}),
        (["list", "--format", "csv"], {}),
        (["show", "actors"], {"FORCE_COLOR": "1"}),
    ],
)
def test_a_full_disk_is_said_in_words(tmp_path: Path, args: list[str], extra: dict[str, str]) -> None:
    with Path("/dev/full").open("wb") as full:
        result = subprocess.run(
            [*OOH, *args], stdout=full, stderr=subprocess.PIPE, env=environment(tmp_path, **extra), timeout=60
        )
    assert result.returncode == 5
    assert result.stderr == b"ooh: cannot write the output: no space left on device\n"


# --- COLUMNS ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("columns", ["0", "-5", "abc", "\u0663\u0660", ""])
@pytest.mark.parametrize("colour", [{"NO_COLOR": "1"}, {}], ids=["plain", "rich"])
def test_columns_that_is_no_positive_number_is_ignored(tmp_path: Path, columns: str, colour: dict[str, str]) -> None:
    code, expected, _ = terminal_run(["list"], tmp_path, OOH_PAGER="cat", **colour)
    assert code == 0 and "Actors" in expected
    code, text, stderr = terminal_run(["list"], tmp_path, OOH_PAGER="cat", COLUMNS=columns, **colour)
    assert (code, stderr) == (0, "")
    assert text == expected  # as wide as the terminal, not 0 columns (nothing) nor an error


# --- the pager --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pager", "why"),
    [
        ("false", "ooh: the pager 'false' failed (exit status 1); output shown without it\n"),
        ("no-such-pager-anywhere", "ooh: the pager 'no-such-pager-anywhere' could not be run; showing the output"),
    ],
)
def test_a_pager_that_cannot_start_or_fails_loses_nothing(tmp_path: Path, pager: str, why: str) -> None:
    code, text, stderr = terminal_run(["show", LONG], tmp_path, PAGER=pager, NO_COLOR="1")
    assert code == 0
    assert "WHAT THEY DO" in text and "SOURCE" in text  # all of it, directly
    assert why in stderr


def test_ctrl_c_waits_for_the_pager(tmp_path: Path) -> None:
    # A pager that, like less, stays on Ctrl-C, and takes a moment to leave: ooh must not exit before it.
    started, finished = tmp_path / "started", tmp_path / "finished"
    pager = tmp_path / "pager.sh"
    pager.write_text(
        f"#!/bin/sh\ntrap '' INT\ncat > /dev/null\ntouch {started}\nsleep 1\ntouch {finished}\n", encoding="utf-8"
    )
    pager.chmod(0o755)
    process, leader = in_terminal(["show", LONG], tmp_path, new_session=True, PAGER=str(pager), NO_COLOR="1")
    deadline = time.monotonic() + 30
    while not started.exists():
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGINT)  # as the terminal does: to ooh and its pager alike
    code = process.wait(timeout=30)
    done = finished.exists()
    read_terminal(leader)
    assert process.stderr is not None
    assert code == 130
    assert done, "ooh exited while its pager was still running"
    assert process.stderr.read() in (b"", b"ooh: interrupted\n")  # as test_environment's Ctrl-C test

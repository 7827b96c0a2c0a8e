"""The process around `ooh`: closed pipes, Ctrl-C, pipes and FIFOs, colour and width settings, locales.

These run `python -m ooh_cli` in a real subprocess: pipes, signals and stdout encodings do not exist in CliRunner.
"""

from __future__ import annotations

import copy
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import pytest
import yaml

from tests.conftest import REPO, SAMPLE

MRT = "medical-records-and-health-information-technicians"
# Variables that would force colour or a width on the child whatever the test sets.
INHERITED_NOISE = ("FORCE_COLOR", "CLICOLOR_FORCE", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS", "LINES", "NO_COLOR")
# Each command with a word its output must still hold however narrow the terminal.
COMMANDS = {
    "list": (("list",), "Actors"),
    "show": (("show", MRT), "Specialists"),
    "compare": (("compare", "actors", MRT, "registered-nurses"), "Nurses"),
    "search": (("search", "medical"), "Medical"),
    "top": (("top", "pay"), "Managers"),
    "groups": (("groups",), "Healthcare"),
    "similar": (("similar", MRT), "Registrars"),
}

Run = Callable[..., subprocess.CompletedProcess[bytes]]


def child_env(cache: Path, **extra: str) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if name not in INHERITED_NOISE}
    env.update(OOH_DATA=str(SAMPLE), OOH_CACHE_DIR=str(cache), PYTHONDONTWRITEBYTECODE="1")
    env.update(extra)
    return env


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "ooh_cli", *args]


@pytest.fixture
def run(tmp_path: Path) -> Run:
    """Run `ooh ARGS` to completion with stdout and stderr piped (so never a terminal)."""

    def run(*args: str, **env: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            command(*args), capture_output=True, env=child_env(tmp_path / "cache", **env), cwd=REPO, timeout=60
        )

    return run


def assert_clean(result: subprocess.CompletedProcess[bytes]) -> str:
    """Exit 0, nothing on stderr, and the output as text."""
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert result.stderr == b""
    assert result.stdout
    return result.stdout.decode("utf-8")


# --- pipes and signals ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def many_profiles(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A data file whose listing is far larger than a pipe's buffer, and a cache directory already holding it."""
    folder = tmp_path_factory.mktemp("many")
    document = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    originals = document["occupations"]
    records = []
    for index in range(1500):
        record = copy.deepcopy(originals[index % len(originals)])
        record["id"] = f"{record['id']}-{index}"
        record["title"] = f"{record['title']} {index}"
        # Copies cannot claim the same aliases or point at ids that were renamed: both would warn on stderr.
        record.pop("aliases", None)
        record.pop("similar", None)
        records.append(record)
    document["occupations"] = records
    path = folder / "many.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    cache = folder / "cache"
    warm = subprocess.run(
        command("--data", str(path), "groups"), capture_output=True, env=child_env(cache), timeout=120
    )
    assert warm.returncode == 0 and warm.stderr == b"", warm.stderr
    return path, cache


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "markdown"])
def test_a_reader_that_stops_early_is_not_an_error(many_profiles: tuple[Path, Path], fmt: str) -> None:
    # `ooh list | head -1`: read one line, close the pipe while ooh is still writing.
    path, cache = many_profiles
    child = subprocess.Popen(
        command("--data", str(path), "list", "--format", fmt),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=child_env(cache),
    )
    assert child.stdout is not None and child.stderr is not None
    assert child.stdout.readline()
    child.stdout.close()
    stderr = child.stderr.read()
    assert child.wait(timeout=60) == 0, stderr.decode(errors="replace")
    assert stderr == b""


def wait_until_reading(child: subprocess.Popen[bytes]) -> None:
    """Wait until ``child`` sleeps in read(). A SIGINT that lands between its open() and its read() would only
    set Python's flag, which the blocking read then never checks: the child would wait for ever."""
    wchan = Path(f"/proc/{child.pid}/wchan")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if "read" in wchan.read_text():
                return
        except OSError:
            break  # no /proc: fall back to a pause
        time.sleep(0.01)
    time.sleep(0.5)


def test_ctrl_c_exits_130_without_a_traceback(tmp_path: Path) -> None:
    # `--data <(slow command)`: a pipe with no data yet holds `ooh` in its read, a moment sure to be inside
    # the command.
    read, write = os.pipe()
    try:
        child = subprocess.Popen(
            command("--data", f"/dev/fd/{read}", "list"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=child_env(tmp_path / "cache"),
            pass_fds=(read,),
        )
        os.close(read)
        wait_until_reading(child)
        child.send_signal(signal.SIGINT)
        stdout, stderr = child.communicate(timeout=30)
    finally:
        os.close(write)
    assert child.returncode == 130, stderr.decode(errors="replace")
    assert b"Traceback" not in stderr and b"KeyboardInterrupt" not in stderr
    assert stdout == b""
    assert stderr in (b"", b"ooh: interrupted\n")


def test_a_pipe_is_read_once(tmp_path: Path) -> None:
    # `ooh --data <(...)`: reading the data twice would block for ever on the second read.
    read, write = os.pipe()

    def feed() -> None:
        with os.fdopen(write, "wb") as stream:
            stream.write(SAMPLE.read_bytes())

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    try:
        result = subprocess.run(
            command("--data", f"/dev/fd/{read}", "show", "actors"),
            capture_output=True,
            env=child_env(tmp_path / "cache"),
            timeout=30,
            pass_fds=(read,),
        )
    finally:
        os.close(read)
    feeder.join(timeout=5)
    assert "Actors" in assert_clean(result)
    assert not (tmp_path / "cache").exists() or not list((tmp_path / "cache").iterdir())


def test_a_named_fifo_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    # With no writer, opening a FIFO blocks for ever; `ooh` says why it will not read it instead.
    fifo = tmp_path / "data.yaml"
    os.mkfifo(fifo)
    result = subprocess.run(
        command("--data", str(fifo), "list"), capture_output=True, env=child_env(tmp_path / "cache"), timeout=30
    )
    assert result.returncode == 3
    assert result.stderr.decode() == (
        f"ooh: data file {fifo} is a named pipe (FIFO); give a regular file, or `--data <(command)`\n"
    )


# --- colour, width, locale --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", COMMANDS)
@pytest.mark.parametrize(
    "env",
    [{"NO_COLOR": "1"}, {}, {"TERM": "dumb"}, {"TERM": "xterm-256color"}],
    ids=["no-color", "piped", "dumb", "xterm"],
)
def test_no_escape_codes_when_not_a_terminal(run: Run, name: str, env: dict[str, str]) -> None:
    args, _ = COMMANDS[name]
    assert "\x1b[" not in assert_clean(run(*args, **env))


@pytest.mark.parametrize("name", COMMANDS)
@pytest.mark.parametrize("width", [40, 60])
def test_narrow_terminals_get_lines_that_fit(run: Run, name: str, width: int) -> None:
    args, word = COMMANDS[name]
    text = assert_clean(run(*args, COLUMNS=str(width)))
    # A web address goes on a line of its own, whole, however long: the one thing allowed past the edge.
    too_long = [line for line in text.splitlines() if len(line) > width and not line.lstrip().startswith("https://")]
    assert not too_long, "\n".join(too_long)
    assert word in text  # readable: wrapped, not cut to nothing


@pytest.mark.parametrize("name", COMMANDS)
@pytest.mark.parametrize(
    "locale",
    [{"LANG": "C"}, {"LC_ALL": "C"}, {"LC_ALL": "C", "LANG": "C", "TERM": "dumb"}],
    ids=["lang", "lc-all", "all"],
)
def test_the_c_locale(run: Run, name: str, locale: dict[str, str]) -> None:
    args, word = COMMANDS[name]
    assert word in assert_clean(run(*args, **locale))


@pytest.mark.parametrize("name", COMMANDS)
def test_an_ascii_only_stdout(run: Run, name: str) -> None:
    # No locale coercion and no UTF-8 mode: stdout really is ASCII.
    args, word = COMMANDS[name]
    text = assert_clean(run(*args, LC_ALL="C", PYTHONCOERCECLOCALE="0", PYTHONUTF8="0"))
    assert word in text
    text.encode("ascii")


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_an_ascii_only_stdout_with_accented_data(run: Run, tmp_path: Path, fmt: str) -> None:
    data = tmp_path / "accents.yaml"
    text = SAMPLE.read_text(encoding="utf-8").replace("title: Actors\n", "title: Actors and Com\u00e9diens\n")
    data.write_text(text, encoding="utf-8")
    result = run("--data", str(data), "list", "--format", fmt, PYTHONIOENCODING="ascii")
    assert "Actors and Com" in assert_clean(result)


# --- leaving without teardown (cli.exit_now) ----------------------------------------------------------------


def exit_now_child(
    code: str, size: int = 100_000, stdout: int | BinaryIO = subprocess.PIPE
) -> subprocess.CompletedProcess[bytes]:
    """A child that prints ``size`` characters, then leaves through exit_now(``code``)."""
    script = f"import sys; from ooh_cli.cli.edge import exit_now; sys.stdout.write('x' * {size}); exit_now({code})"
    buffered = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    return subprocess.run(
        [sys.executable, "-c", script], stdout=stdout, stderr=subprocess.PIPE, env=buffered, timeout=60
    )


@pytest.mark.parametrize(
    ("code", "status", "stderr"), [("0", 0, b""), ("None", 0, b""), ("3", 3, b""), ("'ooh: why'", 1, b"ooh: why\n")]
)
def test_exit_now_flushes_the_output_and_keeps_the_status(code: str, status: int, stderr: bytes) -> None:
    result = exit_now_child(code)
    assert (result.returncode, result.stderr) == (status, stderr)
    assert result.stdout == b"x" * 100_000


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_exit_now_says_when_the_output_could_not_be_written() -> None:
    with Path("/dev/full").open("wb") as full:
        result = exit_now_child("0", size=100, stdout=full)  # small enough to wait in the buffer
    assert result.returncode == 5  # not 4: that is for bugs
    assert result.stderr == b"ooh: cannot write the output: no space left on device\n"

"""The installed `ooh` console script, run as users run it: a real process, started outside the repository.

No OOH_DATA here: the bundled data must be found from any directory, and a wheel must carry it.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from ooh_cli import __version__
from tests.conftest import REPO

pytestmark = pytest.mark.installed

OOH = Path(sys.executable).parent / "ooh"
MRT = "medical-records-and-health-information-technicians"
# Variables that would change what the child prints whatever the test sets.
INHERITED = ("OOH_DATA", "OOH_NO_CACHE", "OOH_DEBUG", "FORCE_COLOR", "CLICOLOR_FORCE", "TTY_COMPATIBLE", "NO_COLOR")
ANSI_ESCAPE = b"\x1b["

Run = Callable[..., subprocess.CompletedProcess[bytes]]


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache for the module: each cold start would rebuild the catalog (most of a second)."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture
def run(tmp_path: Path, cache_dir: Path) -> Run:
    """``run(COMMAND, NAME=VALUE...)``: stdout and stderr piped, cwd a fresh directory, NO_COLOR unless NO_COLOR=None."""

    def run(command: list[str | Path], **extra: str | None) -> subprocess.CompletedProcess[bytes]:
        env = {name: value for name, value in os.environ.items() if name not in INHERITED}
        env.update(OOH_CACHE_DIR=str(cache_dir), PYTHONDONTWRITEBYTECODE="1", NO_COLOR="1")
        for name, value in extra.items():
            if value is None:
                env.pop(name, None)
            else:
                env[name] = value
        return subprocess.run(command, capture_output=True, cwd=tmp_path, env=env, timeout=60)

    return run


@pytest.fixture
def ooh() -> Path:
    if not OOH.exists():
        pytest.skip(f"no `ooh` console script next to {sys.executable}; install the package first")
    return OOH


def test_show_from_another_directory(ooh: Path, run: Run) -> None:
    result = run([ooh, "show", "medical-records-technician"])
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().startswith("Medical Records Specialists\n")
    assert result.stderr == b""


def test_version(ooh: Path, run: Run) -> None:
    for command in ([ooh], [sys.executable, "-m", "ooh_cli"]):
        result = run([*command, "--version"])
        assert result.returncode == 0, result.stderr.decode()
        assert result.stdout.decode() == f"ooh {__version__}\n"


def test_list_json_parses(ooh: Path, run: Run) -> None:
    result = run([ooh, "list", "--outlook", "faster", "--format", "json"])
    assert result.returncode == 0, result.stderr.decode()
    rows = json.loads(result.stdout)
    assert rows and {row["outlook"] for row in rows} == {"faster"}


def test_unknown_occupation_is_one_line(ooh: Path, run: Run) -> None:
    result = run([ooh, "show", "no-such-occupation-at-all"])
    assert result.returncode == 1
    assert result.stdout == b""
    error = result.stderr.decode()
    assert error.startswith("ooh: no occupation matches 'no-such-occupation-at-all'")
    assert error.count("\n") == 1 and "Traceback" not in error


# The console script leaves without the interpreter's teardown (cli.exit_now): what it prints must all arrive.


def test_every_line_arrives_through_a_pipe_and_into_a_file(ooh: Path, run: Run, tmp_path: Path) -> None:
    piped = run([ooh, "list", "--format", "csv"])
    assert piped.returncode == 0, piped.stderr.decode()
    assert piped.stdout.decode().count("\n") == 343  # the header and 342 profiles
    saved = tmp_path / "list.csv"
    with saved.open("wb") as out:
        to_file = subprocess.run([ooh, "list", "--format", "csv"], stdout=out, cwd=tmp_path, timeout=60)
    assert to_file.returncode == 0
    assert saved.read_bytes() == piped.stdout


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["list", "--sort", "nonsense"], 2, "ooh: --sort: expected title, pay, growth"),
        (["--data", "no-such-file.yaml", "list"], 3, "ooh: data file not found"),
        (["show", "teacher"], 1, "ooh: 'teacher' could mean several occupations"),
    ],
)
def test_exit_codes_and_messages_survive_the_quick_exit(
    ooh: Path, run: Run, args: list[str], code: int, message: str
) -> None:
    result = run([ooh, *args])
    assert result.returncode == code
    first, *candidates = result.stderr.decode().splitlines()
    assert first.startswith(message) and result.stderr.endswith(b"\n")
    assert all(line.startswith("  ") for line in candidates)  # for a name that fits several profiles


@pytest.mark.parametrize("args", [("show", "medical-records-technician"), ("top", "growth"), ("groups",)])
def test_no_colour_into_a_pipe(ooh: Path, run: Run, args: tuple[str, ...]) -> None:
    # A colour terminal type and no NO_COLOR: only the pipe says "plain text".
    result = run([ooh, *args], NO_COLOR=None, TERM="xterm-256color", COLORTERM="truecolor")
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout
    assert ANSI_ESCAPE not in result.stdout and ANSI_ESCAPE not in result.stderr


# --- a regular (not editable) install ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel of the working tree; built without isolation when hatchling is here, else pip fetches it."""
    out = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(out)]
    if importlib.util.find_spec("hatchling") is not None:
        command.append("--no-build-isolation")
    # Offline, fail fast rather than retry for minutes.
    env = {**os.environ, "PIP_RETRIES": "0", "PIP_TIMEOUT": "10"}
    result = subprocess.run([*command, str(REPO)], capture_output=True, text=True, env=env, timeout=300)
    if result.returncode != 0:
        if "hatchling" in result.stderr and "No matching distribution" in result.stderr:
            pytest.skip("cannot build a wheel: the build backend hatchling is not installed and cannot be downloaded")
        pytest.fail(f"building the wheel failed:\n{result.stderr}")
    (built,) = out.glob("ooh_cli-*.whl")
    return built


def test_wheel_carries_the_data_and_every_module(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert archive.read("ooh_cli/data/occupations.yaml") == (REPO / "data" / "occupations.yaml").read_bytes()
        database = "ooh_cli/data/occupations.db"  # wages and O*NET, beside it
        assert archive.read(database) == (REPO / "data" / "occupations.db").read_bytes()
        assert archive.getinfo(database).compress_size <= 10_000_000
        entry_points = next(name for name in names if name.endswith(".dist-info/entry_points.txt"))
        assert "ooh = ooh_cli.console:main" in archive.read(entry_points).decode()
    source = REPO / "src"
    modules = {path.relative_to(source).as_posix() for path in source.rglob("*.py")}
    assert "ooh_cli/cli/__init__.py" in modules
    assert modules - names == set()
    assert "ooh_cli/py.typed" in names
    assert wheel.stat().st_size < 12_000_000


def test_wheel_install_runs_outside_the_repository(wheel: Path, run: Run, tmp_path: Path) -> None:
    """Installed from the wheel (its dependencies borrowed from this environment), `ooh` uses its own data copy."""
    site = tmp_path / "site"
    install = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", "--target", str(site)]
    subprocess.run([*install, str(wheel)], check=True, capture_output=True, timeout=120)
    # PYTHONPATH comes before the editable install's path entry, so the installed copy is the one imported.
    where = run(
        [sys.executable, "-c", "import ooh_cli.core.datafile as d; print(d.bundled_data_path())"], PYTHONPATH=str(site)
    )
    assert where.stdout.decode().strip() == str(site / "ooh_cli" / "data" / "occupations.yaml")
    result = run([site / "bin" / "ooh", "show", "health-information-coder", "-f", "json"], PYTHONPATH=str(site))
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)["id"] == MRT
    assert json.loads(result.stdout)["job_zone"] == 3  # the installed O*NET data is found
    assert result.stderr == b""
    wages = run(
        [site / "bin" / "ooh", "wages", "registered-nurses", "--state", "TX", "-f", "json"], PYTHONPATH=str(site)
    )
    assert wages.returncode == 0, wages.stderr.decode()
    assert json.loads(wages.stdout)[0]["areas"][0]["area"] == "Texas"


def test_web_opens_the_profile_page_with_the_browser_named_by_browser(ooh: Path, run: Run, tmp_path: Path) -> None:
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser.sh"
    browser.write_text(f'#!/bin/sh\nprintf "%s" "$1" > {opened}\n', encoding="utf-8")
    browser.chmod(0o755)
    result = run([ooh, "show", "carpenters", "--web"], BROWSER=f"{browser} %s")
    url = "https://www.bls.gov/ooh/construction-and-extraction/carpenters.htm"
    assert result.returncode == 0, result.stderr.decode()
    assert opened.read_text(encoding="utf-8") == url
    assert result.stdout == b"" and result.stderr.decode() == f"ooh: opened {url}\n"


def test_web_without_a_browser_prints_the_address(ooh: Path, run: Run, tmp_path: Path) -> None:
    # No display and no terminal type: webbrowser has no browser to fall back on.
    result = run(
        [ooh, "show", "carpenters", "--web"], BROWSER=str(tmp_path / "no-such-browser"), DISPLAY=None, TERM=None
    )
    assert result.returncode == 0
    assert result.stdout.decode() == "https://www.bls.gov/ooh/construction-and-extraction/carpenters.htm\n"

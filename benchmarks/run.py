"""Measure `ooh` against the floor (benchmarks/floor.py) on this machine, in one run.

Each case runs alternately with the floor, after a warm-up; medians, their ratio and each command's peak
memory are printed. Machines are noisy: compare ratios, not absolute times. "paired" is the median of each
run's ratio to the floor run just before it, which a slow spell of the machine moves less.

    python benchmarks/run.py                  # shipped data and a 10,000-profile file, about seven minutes
    python benchmarks/run.py --quick          # shipped data only
    python benchmarks/run.py --instructions   # also count instructions with valgrind: the same on every run
    python benchmarks/run.py --quick --before /tmp/old/.venv/bin/ooh   # an earlier version too, in the same run

With --before, each case runs the earlier `ooh` too, alternating with the floor and this one, and both ratios
are printed: before and after from one run of the machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
FLOOR = [sys.executable, str(HERE / "floor.py"), "hello"]
# The console script, as users run it (python -m adds runpy's own start-up).
SCRIPT = Path(sys.executable).parent / "ooh"
OOH = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "ooh_cli"]


class Sample(NamedTuple):
    seconds: float
    peak_mb: float


class Case(NamedTuple):
    name: str
    args: list[str]
    target: float  # the largest acceptable ratio to the floor

    def run_by(self, program: str) -> Case:
        """The same case run by another `ooh` executable (an earlier version)."""
        return self._replace(name=f"{self.name} (before)", args=[program, *self.args[len(OOH) :]])


def run_once(command: Sequence[str], env: dict[str, str]) -> Sample:
    """Run ``command`` with output to a pipe; its wall time and its own peak resident memory."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert process.stdout is not None
    process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed with exit code {process.returncode}")
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return Sample(elapsed, usage.ru_maxrss / scale)


def instructions(command: Sequence[str], env: dict[str, str]) -> int:
    """The instructions ``command`` executes, counted by valgrind, which no other load on the machine changes."""
    counter = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={os.devnull}", *command]
    result = subprocess.run(counter, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True)
    collected = re.search(r"Collected : (\d+)", result.stderr)
    if collected is None:
        raise SystemExit(f"valgrind counted nothing for {' '.join(command)}:\n{result.stderr}")
    return int(collected.group(1))


def with_before(cases: list[Case], before: str | None) -> list[Case]:
    """Each case, followed by the same case run by the ``before`` executable when there is one."""
    if before is None:
        return cases
    return [run for case in cases for run in (case, case.run_by(before))]


def count_instructions(cases: list[Case], env: dict[str, str]) -> None:
    floor = instructions(FLOOR, env)
    print(f"{'same, in instructions (valgrind)':<44} {'ooh':>8} {'floor':>8} {'ratio':>6}")
    for case in cases:
        count = instructions(case.args, env)
        print(f"{case.name:<44} {count / 1e6:>7.1f}M {floor / 1e6:>7.1f}M {count / floor:>6.2f}")


def measure(cases: list[Case], env: dict[str, str], runs: int, count: bool) -> None:
    for case in cases:  # warm-up: fills the cache, loads the files into the page cache
        run_once(case.args, env)
    run_once(FLOOR, env)
    floors: dict[str, list[float]] = {case.name: [] for case in cases}
    times: dict[str, list[Sample]] = {case.name: [] for case in cases}
    for _ in range(runs):
        for case in cases:
            floors[case.name].append(run_once(FLOOR, env).seconds)
            times[case.name].append(run_once(case.args, env))
    floor_median = statistics.median(seconds for floor in floors.values() for seconds in floor)
    print(f"{'command':<44} {'median':>8} {'floor':>8} {'ratio':>6} {'paired':>6} {'target':>7} {'peak MB':>8}")
    for case in cases:
        samples = times[case.name]
        median = statistics.median(s.seconds for s in samples)
        ratio = median / floor_median
        paired = statistics.median(s.seconds / floor for s, floor in zip(samples, floors[case.name], strict=True))
        verdict = "ok" if ratio <= case.target else "OVER"
        print(
            f"{case.name:<44} {median * 1000:>6.0f}ms {floor_median * 1000:>6.0f}ms {ratio:>6.2f} {paired:>6.2f} "
            f"{case.target:>6.2f}x {max(s.peak_mb for s in samples):>7.0f}  {verdict}"
        )
    if count:
        count_instructions(cases, env)


def cold_start(big: Path, env: dict[str, str], runs: int) -> None:
    """The first run after the data file changes, against libyaml alone parsing the same file."""
    parse = [sys.executable, "-c", f"import yaml; yaml.load(open({str(big)!r}).read(), Loader=yaml.CSafeLoader)"]
    show = [*OOH, "--data", str(big), "show", "registered-nurses"]
    parse_samples, show_samples = [], []
    cache = Path(env["OOH_CACHE_DIR"])
    for _ in range(runs):
        parse_samples.append(run_once(parse, env))
        shutil.rmtree(cache, ignore_errors=True)
        show_samples.append(run_once(show, env))
    parse_median = statistics.median(s.seconds for s in parse_samples)
    show_median = statistics.median(s.seconds for s in show_samples)
    print(
        f"{'first show after a change (10,000 profiles)':<44} {show_median:>7.2f}s "
        f"libyaml parse {parse_median:.2f}s  ratio {show_median / parse_median:.2f} (target 1.20x)  "
        f"peak {max(s.peak_mb for s in show_samples):.0f} MB (libyaml alone {max(s.peak_mb for s in parse_samples):.0f} MB)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="alternating runs per case (default 21)")
    parser.add_argument("--cold-runs", type=int, default=3, help="first-run measurements on the large file")
    parser.add_argument("--profiles", type=int, default=10_000, help="size of the synthetic file")
    parser.add_argument("--quick", action="store_true", help="only the shipped data")
    parser.add_argument(
        "--instructions", action="store_true", help="also count each command's instructions with valgrind (slow)"
    )
    parser.add_argument(
        "--before", metavar="OOH", help="an earlier version's `ooh` executable, measured in the same run"
    )
    args = parser.parse_args()
    if args.instructions and shutil.which("valgrind") is None:
        parser.error("--instructions needs valgrind on the PATH")

    print(f"{platform.node()}: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "OOH_CACHE_DIR": str(Path(tmp) / "cache"), "COLUMNS": "100"}
        for name in ("OOH_DATA", "OOH_NO_CACHE", "PYTHONDONTWRITEBYTECODE"):
            env.pop(name, None)  # bytecode caching on, as on a user's machine
        print("\nShipped data (342 profiles), output to a pipe:")
        measure(
            with_before(
                [
                    Case("ooh show medical-records-technician", [*OOH, "show", "medical-records-technician"], 1.15),
                    Case(
                        "ooh compare (3 profiles)",
                        [*OOH, "compare", "registered-nurses", "medical-records-technician", "medical-assistants"],
                        1.15,
                    ),
                    Case("ooh list --outlook faster", [*OOH, "list", "--outlook", "faster"], 1.15),
                    Case("ooh search nurse", [*OOH, "search", "nurse"], 1.15),
                    Case(
                        "ooh wages registered-nurses --state TX",
                        [*OOH, "wages", "registered-nurses", "--state", "TX"],
                        1.15,
                    ),
                    Case(
                        "ooh show --section state-and-area",
                        [*OOH, "show", "software-developers", "--section", "state-and-area"],
                        1.15,
                    ),
                    Case(
                        "ooh list --state TX --sort pay --limit 20",
                        [*OOH, "list", "--state", "TX", "--sort", "pay", "--limit", "20"],
                        1.3,
                    ),
                    # What the work asks (O*NET 29.3, the side file beside the data file).
                    Case(
                        "ooh show registered-nurses --section skills",
                        [*OOH, "show", "registered-nurses", "--section", "skills"],
                        1.15,
                    ),
                    Case("ooh match --interests CIS", [*OOH, "match", "--interests", "CIS"], 1.3),
                    Case("ooh match --skills programming,math", [*OOH, "match", "--skills", "programming,math"], 1.3),
                    # The profile of the first case, named by one of its O*NET alternate titles only.
                    Case(
                        "ooh show clinical documentation specialist",
                        [*OOH, "show", "clinical", "documentation", "specialist"],
                        1.15,
                    ),
                    Case("ooh search python (technology)", [*OOH, "search", "python"], 1.15),
                    # The profile's similar occupations, O*NET's related ones and the nearest by ratings.
                    Case("ooh similar registered-nurses", [*OOH, "similar", "registered-nurses"], 1.3),
                    # The O*NET filters on a page of rows, like the --state case (all 127 rows take longer to print).
                    Case(
                        "ooh list --job-zone 2-3 --interest R --limit 20",
                        [*OOH, "list", "--job-zone", "2-3", "--interest", "R", "--sort", "pay", "--limit", "20"],
                        1.15,
                    ),
                ],
                args.before,
            ),
            env,
            args.runs,
            args.instructions,
        )
        if args.quick:
            return
        big = Path(tmp) / "big.yaml"
        # Made by a child: a parent holding the big document would hand its memory high-water mark to every
        # process it forks, and the peak figures below would be its own.
        generate = [sys.executable, str(HERE / "generate.py"), "--profiles", str(args.profiles), "--output", str(big)]
        subprocess.run(generate, check=True, stdout=subprocess.DEVNULL)
        print(f"\nSynthetic file: {args.profiles:,} profiles, {big.stat().st_size / 1e6:.1f} MB, once read:")
        data = ["--data", str(big)]
        measure(
            [
                Case("ooh show (10,000 profiles)", [*OOH, *data, "show", "registered-nurses-17"], 1.3),
                Case("ooh list --limit 20 (10,000 profiles)", [*OOH, *data, "list", "--limit", "20"], 1.5),
                Case("ooh search nurse (10,000 profiles)", [*OOH, *data, "search", "nurse"], 1.5),
            ],
            env,
            args.runs,
            args.instructions,
        )
        cold_start(big, env, args.cold_runs)


if __name__ == "__main__":
    main()

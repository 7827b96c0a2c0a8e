"""`ooh wages` and local pay elsewhere (list, compare, show) on the sample data with a small OEWS fixture."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ooh_cli.cli import app
from tests.conftest import SAMPLE, Invoke
from tests.oews_fixture import make_oews


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample data file with a wage table beside it, built by `ooh data import --oews`."""
    folder = tmp_path_factory.mktemp("wages")
    target = folder / "occupations.yaml"
    shutil.copy(SAMPLE, target)
    source = make_oews(folder / "oews.sqlite.gz", packed=True)
    result = CliRunner().invoke(app, ["data", "import", "--oews", str(source), "--output", str(target)])
    assert result.exit_code == 0, result.output
    return target


@pytest.fixture
def wages(invoke: Invoke, data: Path) -> Invoke:
    def run(*args: str, env: dict[str, str] | None = None) -> object:
        return invoke(*args, data=data, env=env)

    return run  # type: ignore[return-value]


def states_column(stdout: str) -> list[str]:
    """The first column of the table under the national lines."""
    body = stdout.split("---\n", 1)[1]
    # Not the footer ("2 of 4 shown", "3 without an estimate"), which starts with a count.
    lines = [line for line in body.splitlines() if line and not line.startswith(" ") and not line[0].isdigit()]
    return [line.split("  ")[0].strip() for line in lines]


def test_the_nation_then_the_states_by_median_pay(wages: Invoke) -> None:
    result = wages("wages", "registered-nurses")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Registered Nurses (SOC 29-1141), OEWS May 2025\n")
    assert "United States: 3,000,000 jobs" in out
    assert "Median pay: $90,000 a year; mean $99,840" in out
    assert "10th $60,000" in out and "$130,000 90th" in out and "middle half $70,000 to $110,000" in out
    assert "States by median pay, OEWS May 2025" in out
    assert states_column(out)[:4] == ["California", "New York", "Texas", "Guam"]
    guam = next(line for line in out.splitlines() if line.startswith("Guam"))
    assert "not released" in guam and "$0" not in guam and " 0 " not in guam
    assert "2,000" in guam  # the employment BLS did publish


def test_wages_and_compare_read_summaries_not_whole_profiles(wages: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    # Decoding a whole profile costs a lookup a few percent; these commands need its title and SOC codes.
    from ooh_cli.core import cache

    assert wages("list").exit_code == 0  # the cache, built

    def refuse(*args: object) -> None:
        raise AssertionError("a whole profile read although its summary is all that is needed")

    monkeypatch.setattr(cache.Sections, "record", refuse)
    result = wages("wages", "registered nurse", "--state", "TX")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Registered Nurses (SOC 29-1141), OEWS May 2025\n")
    result = wages("compare", "registered-nurses", "actors")
    assert result.exit_code == 0, result.output
    assert "Registered Nurses" in result.stdout and "Actors" in result.stdout


def test_chosen_states_in_the_order_given_and_unknown_states(wages: Invoke) -> None:
    result = wages("wages", "registered-nurses", "--state", "tx", "--state", "New York")
    assert result.exit_code == 0, result.output
    assert states_column(result.stdout) == ["Texas", "New York"]
    assert "$92,000" in result.stdout and "$75k to $105k" in result.stdout
    sorted_ = wages("wages", "registered-nurses", "--state", "TX,NY", "--sort", "pay")
    assert states_column(sorted_.stdout) == ["New York", "Texas"]
    bad = wages("wages", "registered-nurses", "--state", "Texass")
    assert bad.exit_code == 2
    assert "'Texass' is not a state" in bad.stderr and "TX" in bad.stderr and "PR" in bad.stderr


def test_areas_by_part_of_their_name(wages: Invoke) -> None:
    one = wages("wages", "registered-nurses", "--area", "san jose")
    assert one.exit_code == 0, one.output
    assert "Areas matching 'san jose'" in one.stdout
    assert "San Jose-Sunnyvale-Santa Clara, CA" in one.stdout.replace("\n", " ") or "San Jose" in one.stdout
    assert "$175,000" in one.stdout
    several = wages("wages", "registered-nurses", "--area", "San", "--format", "json")
    names = [a["area"] for a in json.loads(several.stdout)[0]["areas"]]
    assert names == ["San Francisco-Oakland-Fremont, CA", "San Jose-Sunnyvale-Santa Clara, CA"]


def test_an_area_matching_nothing_exits_1_with_the_closest_names(wages: Invoke) -> None:
    result = wages("wages", "registered-nurses", "--area", "San Hose")
    assert result.exit_code == 1
    assert "no metropolitan or nonmetropolitan area matches 'San Hose'" in result.stderr
    assert "San Jose-Sunnyvale-Santa Clara, CA" in result.stderr


def test_areas_by_name_within_a_state(wages: Invoke) -> None:
    result = wages("wages", "registered-nurses", "--area", "a", "--state", "NY", "--format", "json")
    assert [a["area"] for a in json.loads(result.stdout)[0]["areas"]] == ["New York-Newark-Jersey City, NY-NJ"]
    none = wages("wages", "registered-nurses", "--area", "San Jose", "--state", "TX")
    assert none.exit_code == 1 and "no metropolitan or nonmetropolitan area in Texas matches" in none.stderr


def test_ranking_areas_within_a_state(wages: Invoke) -> None:
    result = wages("wages", "registered-nurses", "--by", "area", "--state", "TX", "--format", "json")
    areas = [a["area"] for a in json.loads(result.stdout)[0]["areas"]]
    assert areas == ["Houston-Pasadena-The Woodlands, TX", "West Texas Region of Texas nonmetropolitan area"]
    by_lq = wages("wages", "registered-nurses", "--by", "area", "--sort", "lq", "--limit", "1", "--format", "json")
    assert [a["area"] for a in json.loads(by_lq.stdout)[0]["areas"]] == [
        "West Texas Region of Texas nonmetropolitan area"
    ]
    table = wages("wages", "registered-nurses", "--by", "area", "--limit", "2")
    assert "Metro and nonmetro areas by median pay" in table.stdout
    assert "2 of 5 shown; --limit for more" in table.stdout


def test_hourly(wages: Invoke) -> None:
    result = wages("wages", "registered-nurses", "--state", "CA", "--hourly")
    assert "Median pay: $43.27 an hour; mean $48.00" in result.stdout
    assert "Median hourly" in result.stdout and "$67.31" in result.stdout


def test_a_profile_of_several_occupations_shows_each_largest_first(wages: Invoke) -> None:
    result = wages("wages", "secretaries-and-administrative-assistants", "--state", "TX")
    assert result.exit_code == 0, result.output
    headings = [line for line in result.stdout.splitlines() if "(SOC 43-" in line]
    assert [h.split("(SOC ")[1][:7] for h in headings] == ["43-6014", "43-6013", "43-6011", "43-6012"]
    assert headings[0].startswith("Secretaries and Administrative Assistants, Except Legal, Medical, and Executive")
    assert "covers 4 detailed occupations" in result.stderr
    one = wages("wages", "secretaries-and-administrative-assistants", "--soc", "436012")
    assert one.stdout.count("(SOC 43-") == 1 and "Legal Secretaries" in one.stdout
    bad = wages("wages", "secretaries-and-administrative-assistants", "--soc", "29-1141")
    assert bad.exit_code == 2 and "not a SOC code of this profile" in bad.stderr and "43-6011" in bad.stderr


def test_no_estimate_in_an_area_says_so(wages: Invoke) -> None:
    result = wages("wages", "secretaries-and-administrative-assistants", "--soc", "43-6011", "--state", "CA")
    assert result.exit_code == 0
    assert "no estimate" in result.stdout
    assert "OEWS has no estimate for Executive Secretaries" in result.stderr and "California" in result.stderr


def test_an_occupation_paid_by_the_hour_only(wages: Invoke) -> None:
    result = wages("wages", "actors")
    assert "by the hour only: figures are hourly" in result.stdout
    assert "Median pay: $25.00 an hour" in result.stdout
    record = json.loads(wages("wages", "actors", "--format", "json").stdout)[0]
    assert record["pay_reported"] == "hourly"
    assert record["national"]["annual_median"] is None
    assert record["national"]["notes"]["annual_median"] == "hourly only"


def test_an_occupation_without_estimates(wages: Invoke) -> None:
    result = wages("wages", "respiratory-therapists")
    assert result.exit_code == 1
    assert "has no estimates for Respiratory Therapists (SOC 29-1126)" in result.stderr


def test_machine_formats(wages: Invoke) -> None:
    records = json.loads(wages("wages", "registered-nurses", "--state", "GU", "--format", "json").stdout)
    assert records[0]["period"] == "May 2025"
    assert records[0]["national"]["annual_median"] == 90000
    guam = records[0]["areas"][0]
    assert guam["area"] == "Guam" and guam["annual_median"] is None and guam["employment"] == 2000
    assert guam["notes"]["annual_median"] == "not released"
    rows = list(csv.DictReader(io.StringIO(wages("wages", "registered-nurses", "--format", "csv").stdout)))
    assert rows[0]["area"] == "United States" and rows[0]["annual_median"] == "90000"
    assert {r["area"] for r in rows} >= {"California", "Guam"}
    assert next(r for r in rows if r["area"] == "Guam")["notes"].startswith("hourly_mean: not released")
    markdown = wages("wages", "registered-nurses", "--state", "TX", "--format", "markdown").stdout
    assert markdown.startswith("## Registered Nurses (SOC 29-1141), OEWS May 2025")
    assert "| Texas |" in markdown


def tiles(stdout: str) -> dict[str, str]:
    """Each tile's figure, read from the grid: a line of postal codes, then the line of their figures."""
    grid = stdout.split("\n\n")[1].splitlines()
    found = {}
    for codes, figures in zip(grid[::2], grid[1::2], strict=True):
        for at in (i for i, c in enumerate(codes) if c != " " and (i == 0 or codes[i - 1] == " ")):
            found[codes[at : at + 2]] = figures[at:].split()[0]
    return found


def test_the_map_in_plain_text_puts_the_figure_in_each_tile(wages: Invoke) -> None:
    result = wages("wages", "registered-nurses", "--map")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Registered Nurses (SOC 29-1141): median annual pay by state, OEWS May 2025"
    grid = lines[2:18]
    assert grid[0].split() == ["AK", "ME"] and grid[4].split()[:3] == ["WA", "ID", "MT"]
    assert grid[14].split() == ["HI", "TX", "FL", "PR", "VI"]
    assert grid[2].index("VT") == grid[4].index("RI") == grid[6].index("CT")  # tiles line up in columns
    figures = tiles(result.stdout)
    assert len(figures) == 54
    assert (figures["CA"], figures["NY"], figures["TX"], figures["GU"], figures["HI"]) == (
        "$140k",
        "$110k",
        "$92k",
        "n/r",
        "n/r",
    )
    assert "n/r: not released" in result.stdout
    assert max(map(len, grid)) <= 80
    lq = wages("wages", "registered-nurses", "--map", "--by", "lq").stdout
    assert "location quotient by state" in lq
    assert (tiles(lq)["CA"], tiles(lq)["GU"]) == ("0.85", "1.50")


def test_the_map_in_a_terminal_is_shaded_with_a_legend(wages: Invoke) -> None:
    result = wages("wages", "registered-nurses", "--map", env={"NO_COLOR": "", "FORCE_COLOR": "1"})
    assert result.exit_code == 0, result.output
    assert "\x1b[" in result.stdout
    assert " CA " in result.stdout and " TX " in result.stdout
    assert "$92,000 to $110,000" in result.stdout  # a shade's range in dollars
    assert "not released" in result.stdout


def test_bad_combinations_are_usage_errors(wages: Invoke) -> None:
    for args, words in (
        (["--by", "lq"], "--by lq shades the map"),
        (["--area", "San", "--by", "state"], "--area and --by conflict"),
        (["--map", "--area", "San"], "--map draws every state; it does not go with --area"),
        (["--map", "--by", "area"], "it does not go with --by area"),
        (["--map", "--limit", "3"], "it does not go with --limit"),
        (["--sort", "wages"], "--sort"),
        (["--limit", "0"], "--limit"),
    ):
        result = wages("wages", "registered-nurses", *args)
        assert result.exit_code == 2, args
        assert words in result.stderr


def test_without_a_wage_table_the_command_says_how_to_build_one(invoke: Invoke) -> None:
    result = invoke("wages", "registered-nurses")
    assert result.exit_code == 3
    assert "no wage table" in result.stderr and "ooh data import --oews" in result.stderr
    shown = invoke("show", "registered-nurses", "--section", "state-and-area")
    assert shown.exit_code == 0
    assert "No state and area pay: there is no wage table beside this data file" in shown.stdout
    assert shown.stdout.count("\n\n\n") == 0  # no empty paragraph before the note


def test_a_damaged_wage_table_is_reported(tmp_path: Path, invoke: Invoke) -> None:
    target = tmp_path / "occupations.yaml"
    shutil.copy(SAMPLE, target)
    (tmp_path / "occupations.db").write_bytes(b"SQLite format 3\x00\xff\xff\x00\x00junk")
    result = invoke("wages", "registered-nurses", data=target)
    assert result.exit_code == 3
    assert (
        f"{tmp_path / 'occupations.db'}: damaged" in result.stderr
        and "rebuild it with `ooh data import`" in result.stderr
    )
    (tmp_path / "occupations.db").write_bytes(b"something else entirely")
    assert "not a database of ooh" in invoke("wages", "registered-nurses", data=target).stderr


def test_show_has_a_state_and_area_section(wages: Invoke) -> None:
    result = wages("show", "registered-nurses")
    out = result.stdout
    assert "STATE AND AREA PAY" in out
    assert "OEWS May 2025 estimates for Registered Nurses (SOC 29-1141)." in out
    assert "(SOC 29-1141). They come a year after the Handbook's pay above (May 2024)." in " ".join(out.split())
    assert "Most jobs, May 2025" in out and "Best-paying states, May 2025" in out
    assert "Best-paying metro areas, May 2025" in out
    assert "More: ooh wages registered-nurses" in out
    section = out.split("STATE AND AREA PAY")[1]
    assert section.index("California") < section.index("Texas") < section.index("New York")  # most jobs
    several = wages("show", "secretaries-and-administrative-assistants", "--section", "state-and-area").stdout
    assert "(SOC 43-6014), the largest of the profile's 4 detailed occupations" in several
    data = json.loads(wages("show", "registered-nurses", "-s", "state", "--format", "json").stdout)
    assert data["period"] == "May 2025" and data["best_paying_states"][0]["area"] == "California"
    assert data["best_paying_areas"][0]["area"] == "San Francisco-Oakland-Fremont, CA"


def test_list_by_a_states_pay(wages: Invoke) -> None:
    result = wages("list", "--state", "texas", "--sort", "pay")
    assert result.exit_code == 0, result.output
    out = result.stdout
    header = out.split("\n---", 1)[0]  # a figure column's header wraps, over three lines here
    assert all(part in header for part in ("Median pay", "Texas, May", "2025"))
    lines = out.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("---")) + 1
    assert lines[first].startswith("Registered Nurses") and "$92,000" in lines[first]
    assert "Secretaries and" in lines[first + 1] and "$44,000" in lines[first + 1]
    assert "Pay is for" in out and "Except" in out  # which detailed occupation
    assert "OEWS May 2025 median in Texas" in out
    assert "no estimate" in out  # profiles without a Texas figure are not dropped
    rich = wages("list", "--state", "TX", "--min-pay", "50k", "--format", "json")
    assert [r["id"] for r in json.loads(rich.stdout)] == ["registered-nurses"]
    record = json.loads(rich.stdout)[0]
    assert record["median_pay"] != record["state_median_pay"] == 92000 and record["state_period"] == "May 2025"
    capped = wages("list", "--state", "TX", "--max-pay", "50000", "--format", "csv")
    assert [r["id"] for r in csv.DictReader(io.StringIO(capped.stdout))] == [
        "secretaries-and-administrative-assistants"
    ]
    assert wages("list", "--state", "Atlantis").exit_code == 2


def test_compare_adds_a_states_rows(wages: Invoke) -> None:
    result = wages("compare", "registered-nurses", "secretaries-and-administrative-assistants", "--state", "TX")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Median pay, Texas, May 2025" in out and "$92,000 *" in out and "$44,000" in out
    assert "Jobs, Texas, May 2025" in out and "220,000" in out
    assert "Occupation used, Texas" in out and "(43-6014)" in out
    assert "State rows are OEWS May 2025 estimates" in out
    records = json.loads(
        wages("compare", "registered-nurses", "actors", "--state", "NY", "--state", "TX", "--format", "json").stdout
    )
    assert records[0]["state_median_pay_ny"] == 110000 and records[0]["state_median_pay_tx"] == 92000
    assert records[1]["state_median_pay_tx"] is None


def test_by_state_ranks_chosen_states_too(wages: Invoke) -> None:
    result = wages("wages", "registered-nurses", "--state", "TX", "--state", "CA", "--by", "state")
    assert states_column(result.stdout) == ["California", "Texas"]
    assert "Chosen states, by median pay" in result.stdout


def test_by_state_ranks_by_the_sort_asked_for(wages: Invoke) -> None:
    result = wages("wages", "registered-nurses", "--by", "state", "--sort", "jobs", "--limit", "2")
    assert "States by jobs, OEWS May 2025" in result.stdout
    assert states_column(result.stdout) == ["California", "Texas"]
    assert "2 of 4 shown; --limit for more" in result.stdout
    assert result.stderr == ""
    missing = wages("wages", "secretaries-and-administrative-assistants", "--soc", "43-6011")
    assert "3 without an estimate, listed last" in missing.stdout and missing.stderr == ""
    assert states_column(missing.stdout)[-3:] == ["California", "Guam", "New York"]


def test_the_map_in_machine_formats_and_markdown(wages: Invoke) -> None:
    [record] = json.loads(wages("wages", "registered-nurses", "--map", "--format", "json").stdout)
    assert record["period"] == "May 2025" and record["states"]["TX"] == "$92k" and record["states"]["GU"] == "n/r"
    rows = list(csv.DictReader(io.StringIO(wages("wages", "registered-nurses", "--map", "--format", "csv").stdout)))
    assert {"state": "CA", "figure": "$140k"}.items() <= next(r for r in rows if r["state"] == "CA").items()
    markdown = wages("wages", "registered-nurses", "--map", "--hourly", "--format", "markdown").stdout
    assert markdown.startswith("```\nRegistered Nurses (SOC 29-1141): median hourly pay by state")
    assert tiles(markdown.strip("`\n"))["CA"] == "$67.31"


def test_several_areas_and_states_in_one_option(wages: Invoke) -> None:
    result = wages("wages", "registered-nurses", "--area", "Houston", "--area", "nonmetro", "--format", "json")
    assert [a["area"] for a in json.loads(result.stdout)[0]["areas"]] == [
        "Houston-Pasadena-The Woodlands, TX",
        "West Texas Region of Texas nonmetropolitan area",
    ]
    both = wages("wages", "registered-nurses", "--state", "CA,ny", "--format", "csv")
    assert [r["area"] for r in csv.DictReader(io.StringIO(both.stdout))] == ["United States", "California", "New York"]


def test_list_and_compare_with_a_state_in_markdown_and_bad_states(wages: Invoke) -> None:
    markdown = wages("list", "--state", "TX", "--sort", "pay", "--limit", "1", "--format", "markdown").stdout
    assert "Texas, May 2025" in markdown and "| Registered Nurses | $92,000 |" in markdown
    bad = wages("compare", "registered-nurses", "actors", "--state", "Narnia")
    assert bad.exit_code == 2 and "'Narnia' is not a state" in bad.stderr
    empty = wages("list", "--state", "TX", "--min-pay", "1m")
    assert empty.exit_code == 0 and empty.stdout == "" and "no occupations match" in empty.stderr


@pytest.mark.parametrize(
    ("words", "offered"),
    [
        ("ooh wages registered-nurses --state N", ["NC", "ND", "NE", "NH", "NJ", "NM", "NV", "NY"]),
        ("ooh list --state tex", ["texas"]),
        ("ooh compare actors registered-nurses --state new-y", ["new-york"]),
        ("ooh compare actors registered-nurses --state vi", ["vi"]),
    ],
)
def test_state_completion(words: str, offered: list[str]) -> None:
    env = {"_OOH_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(len(words.split()) - 1)}
    result = CliRunner().invoke(app, [], env=env, prog_name="ooh")
    assert result.stdout.split() == offered


def test_data_info_describes_the_wage_table(wages: Invoke, invoke: Invoke) -> None:
    info = json.loads(wages("data", "info", "--format", "json").stdout)
    assert info["wages"].startswith("OEWS May 2025, 6 SOC codes (") and info["wages"].endswith("occupations.db)")
    assert json.loads(invoke("data", "info", "--format", "json").stdout)["wages"] is None

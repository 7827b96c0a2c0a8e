"""Places are not occupations: a state or metro area in the words is read as a place, and said so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ooh_cli.core.places import split_place
from tests.conftest import Invoke
from tests.test_pager import in_terminal


@pytest.mark.parametrize(
    ("text", "rest", "postal"),
    [
        ("electricians in texas", "electricians", "TX"),
        ("nurse in Ohio", "nurse", "OH"),
        ("nurse ohio", "nurse", "OH"),
        ("registered nurse in New York", "registered nurse", "NY"),
        ("chef in tx", "chef", "TX"),
        ("electricians TX", "electricians", "TX"),
        ("electricians north carolina", "electricians", "NC"),
    ],
)
def test_a_state_at_the_end_is_a_place(text: str, rest: str, postal: str) -> None:
    found, place = split_place(text)
    assert found == rest
    assert place is not None and place.state is not None and place.state.postal == postal


@pytest.mark.parametrize(
    "text",
    ["pa", "ohio", "physician assistant pa", "nurse in", "in texas", "new york", "teacher in training", "hr me"],
)
def test_words_that_name_no_place_are_kept(text: str) -> None:
    # A lower-case postal code could be an abbreviation ("pa"); a place needs a name before it.
    assert split_place(text) == (text, None)


def test_after_in_an_area_is_asked_for_by_name() -> None:
    found, place = split_place("chef in Austin TX", lambda text: ["Austin-Round Rock-San Marcos, TX"])
    assert found == "chef"
    assert place is not None and place.areas == ("Austin-Round Rock-San Marcos, TX",)
    assert place.option == '--area "Austin-Round Rock-San Marcos, TX"'


def test_wages_in_a_state_is_the_state_option(invoke: Invoke) -> None:
    worded = invoke("wages", "electricians", "in", "texas", data=None)
    option = invoke("wages", "electricians", "--state", "TX", data=None)
    assert worded.exit_code == 0, worded.stderr
    assert worded.stdout == option.stdout
    assert "Texas" in worded.stdout and "Electrical and Electronic" not in worded.stdout
    assert worded.stderr == 'ooh: "in texas" read as --state TX\n'


def test_show_in_a_state_names_the_profile_and_uses_the_place(invoke: Invoke) -> None:
    result = invoke("show", "nurse", "in", "ohio", "-s", "state-and-area", data=None)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Registered Nurses\n")
    assert "Where you asked, May 2025" in result.stdout
    assert result.stdout.split("Where you asked")[1].split("Most jobs")[0].count("Ohio") == 1
    assert result.stderr == (
        'ooh: showing Registered Nurses for "nurse"; "in ohio" read as Ohio, for the state-and-area section\n'
    )
    data = json.loads(invoke("show", "nurse", "in", "ohio", "-s", "state-and-area", "-f", "json", data=None).stdout)
    assert [row["area"] for row in data["asked"]] == ["Ohio"]


@pytest.mark.parametrize(
    ("area", "found"),
    [
        ("Austin, TX", "Austin-Round Rock-San Marcos, TX"),
        ("Austin TX", "Austin-Round Rock-San Marcos, TX"),
        ("nyc", "New York-Newark-Jersey City, NY-NJ"),
        ("bay area", "San Jose-Sunnyvale-Santa Clara, CA"),
        ("bay area", "San Francisco-Oakland-Fremont, CA"),
    ],
)
def test_areas_by_the_names_people_use(invoke: Invoke, area: str, found: str) -> None:
    result = invoke("wages", "electricians", "--area", area, "-f", "json", data=None)
    assert result.exit_code == 0, result.stderr
    assert found in [row["area"] for row in json.loads(result.stdout)[0]["areas"]]


def test_a_near_miss_of_an_area_suggests_it(invoke: Invoke) -> None:
    result = invoke("wages", "electricians", "--area", "Austn", data=None)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[1] == "  Austin-Round Rock-San Marcos, TX"


@pytest.mark.parametrize("words", [["in", "Austin", "TX"], ["in", "austin"]])
def test_wages_in_a_metro_area(invoke: Invoke, words: list[str]) -> None:
    result = invoke("wages", "chef", *words, data=None)
    assert result.exit_code == 0, result.stderr
    assert "Austin-Round Rock-San Marcos, TX" in result.stdout
    typed = " ".join(words)
    assert result.stderr.endswith(f'"{typed}" read as --area "Austin-Round Rock-San Marcos, TX"\n')


def test_wages_with_a_state_named_after_the_occupation(invoke: Invoke) -> None:
    worded = invoke("wages", "electricians", "california", data=None)
    assert worded.stdout == invoke("wages", "electricians", "--state", "CA", data=None).stdout
    assert worded.stderr == 'ooh: "california" read as --state CA\n'


def test_the_note_is_the_first_line_in_a_terminal_and_in_the_pager(tmp_path: Path) -> None:
    shown, paged = in_terminal(["show", "doctor"], tmp_path)
    assert paged.startswith('ooh: showing Physicians and Surgeons for "doctor"\nPhysicians and Surgeons\n')
    unpaged = tmp_path / "unpaged"
    unpaged.mkdir()
    shown, paged = in_terminal(["show", "doctor", "-s", "history"], unpaged, OOH_PAGER="cat")
    assert paged == ""
    assert shown.startswith('ooh: showing Physicians and Surgeons for "doctor"\n')


def test_the_note_goes_to_stderr_for_pipes_and_machine_formats(invoke: Invoke) -> None:
    result = invoke("show", "doctor", "-s", "summary", data=None)
    assert result.stdout.startswith("Physicians and Surgeons\n")
    assert result.stderr == 'ooh: showing Physicians and Surgeons for "doctor"\n'

"""Layout at several terminal widths: exact outputs at 60 and 120 columns, whole words from 60 up, prose
at most 100 columns wide, each fact once in a profile, and footers that say every filter.

The exact outputs live in tests/fixtures/layout/; after a deliberate change of layout, rewrite them with
OOH_WRITE_LAYOUT=1 and read the diff before committing it.
"""

from __future__ import annotations

import os
import re
import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ooh_cli.output.plain import wrap
from tests.conftest import TESTS, Invoke

LAYOUT = TESTS / "fixtures" / "layout"
MRT = "medical-records-technician"

COMMANDS = {
    "show": ["show", MRT],
    "compare": ["compare", MRT, "registered-nurses", "information-clerks"],
    "list": ["list", "--sort", "pay"],
    "search": ["search", "medical", "coder"],
    "top": ["top", "growth", "--group", "healthcare"],
    "similar": ["similar", MRT],
    "groups": ["groups"],
}


def output(invoke: Invoke, args: list[str], width: int) -> str:
    result = invoke(*args, env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("width", [60, 120])
@pytest.mark.parametrize("name", COMMANDS)
def test_exact_output(invoke: Invoke, name: str, width: int) -> None:
    expected = LAYOUT / f"{name}-{width}.txt"
    text = output(invoke, COMMANDS[name], width)
    if os.environ.get("OOH_WRITE_LAYOUT"):
        expected.write_text(text, encoding="utf-8")
    assert text == expected.read_text(encoding="utf-8")


def words(text: str) -> set[str]:
    return {token for token in re.findall(r"[A-Za-z][\w'-]*", text) if len(token) > 2}


@pytest.mark.parametrize("width", [60, 80, 120, 200])
@pytest.mark.parametrize("name", COMMANDS)
def test_no_word_is_broken_from_60_columns(invoke: Invoke, name: str, width: int) -> None:
    # Nothing wraps at 1,000 columns: any word that appears only when narrower is a piece of a broken one.
    unwrapped = words(output(invoke, COMMANDS[name], 1000))
    assert words(output(invoke, COMMANDS[name], width)) - unwrapped == set()


def test_a_narrow_terminal_may_break_a_word_that_cannot_fit(invoke: Invoke) -> None:
    text = output(invoke, ["compare", MRT, "registered-nurses", "information-clerks"], 40)
    assert max(map(len, text.splitlines())) <= 40


def test_prose_stops_at_100_columns(invoke: Invoke) -> None:
    text = output(invoke, ["show", "registered-nurses", "-s", "what-they-do"], 200)
    prose = [line for line in text.splitlines() if line.startswith("  ") and not line.startswith("    ")]
    assert prose and max(map(len, prose)) <= 102  # 100 and the section's indent


def test_a_web_address_is_never_broken(invoke: Invoke) -> None:
    url = "https://www.bls.gov/ooh/healthcare/medical-records-and-health-information-technicians.htm"
    for width in (40, 60, 200):
        assert url in output(invoke, ["show", MRT, "-s", "source"], width).split()


def test_a_profile_says_each_fact_once(invoke: Invoke) -> None:
    whole = output(invoke, ["show", "registered-nurses"], 100)
    for label in ("Typical entry-level education", "Number of jobs, 2024", "Employment change, 2024-34"):
        assert whole.count(label) == 1, label
    assert "Median annual wage, 2024" not in whole
    # Shown alone, a section keeps its figures.
    assert "Median annual wage, 2024" in output(invoke, ["show", "registered-nurses", "-s", "pay"], 100)
    alone = output(invoke, ["show", "registered-nurses", "-s", "how-to-become-one"], 100)
    assert "Typical entry-level education" in alone


@pytest.mark.parametrize(
    ("args", "footer"),
    [
        (
            ["top", "pay", "--group", "health", "--max-education", "master"],
            "Highest paying occupations, 2024-34 edition; group: Healthcare; education: Master's degree or less",
        ),
        (
            ["list", "--outlook", "faster,much-faster", "--min-pay", "60k", "--sort", "pay", "-r"],
            "outlook: Faster than average or Much faster than average; median pay: at least $60,000; "
            "sorted by pay, reversed",
        ),
        (
            ["list", "--education", "bachelor", "--max-pay", "$95,000", "--training", "none", "--experience", "none"],
            "education: Bachelor's degree; median pay: at most $95,000; training: None; experience: None",
        ),
    ],
)
def test_footers_state_every_filter(invoke: Invoke, args: list[str], footer: str) -> None:
    last = output(invoke, args, 1000).splitlines()[-1]
    assert last.endswith(footer), last


def test_projections_of_several_occupations_fit_60_columns(invoke: Invoke) -> None:
    result = invoke("show", "postsecondary-teachers", "-s", "job-outlook", data=None, env={"COLUMNS": "60"})
    lines = result.stdout.splitlines()
    assert max(map(len, lines)) <= 60
    table = lines[lines.index("  Projections by occupation") :]
    assert "(25-1123)" in result.stdout
    # No change is written 0, without a sign, as BLS writes it.
    assert any(line.split()[-2:] == ["0%", "0"] for line in table)


def textwrap_layout(text: str, room: int, first: str, rest: str) -> list[str]:
    """How the plain renderer lays out one paragraph, as textwrap does it."""
    room = max(room, len(first) + 1, len(rest) + 1)
    if len(first) + len(text) <= room and "\t" not in text:
        return [(first + text).rstrip()]
    wrapped = textwrap.wrap(
        text, width=room, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False, tabsize=1
    )
    return wrapped or [first.rstrip()]


def test_a_paragraph_that_starts_with_a_space_wraps_on_the_narrowest_terminal() -> None:
    assert wrap(" a b", 3, "  - ", "    ") == ["  - a", "    b"]


@given(
    text=st.text(alphabet="ab-é \t\u00a0", max_size=80),
    room=st.integers(min_value=1, max_value=30),
    indents=st.sampled_from([("", ""), ("  - ", "    "), ("", "  ")]),
)
def test_paragraphs_wrap_as_textwrap_wraps_them(text: str, room: int, indents: tuple[str, str]) -> None:
    first, rest = indents
    assert wrap(text, room, first, rest) == textwrap_layout(text, room, first, rest)

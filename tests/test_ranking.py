"""Lists ranked by what was asked: `match` by the interest code as an ordered profile and by technology, search
by a real signal, and every list showing the column it is sorted by at 80 columns. On the shipped data."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.conftest import Invoke

IA = ["match", "--interests", "IA", "--min-pay", "80k", "--max-education", "bachelor"]


def rows(invoke: Invoke, *args: str) -> list[dict[str, Any]]:
    result = invoke(*args, "-f", "json", data=None)
    assert result.exit_code == 0, result.stderr
    found: list[dict[str, Any]] = json.loads(result.stdout)
    return found


def shares(code: str | None, letters: str) -> int:
    return sum(letter in (code or "") for letter in letters)


def test_an_interest_code_ranks_codes_with_all_its_letters_first(invoke: Invoke) -> None:
    found = rows(invoke, *IA)
    counts = [shares(row["holland_code"], "IA") for row in found]
    assert counts == sorted(counts, reverse=True)  # all the letters asked before one of them
    both = [row for row in found if shares(row["holland_code"], "IA") == 2]
    ordered = [row["holland_code"].replace("R", "").replace("C", "").replace("S", "").replace("E", "") for row in both]
    assert ordered == sorted(ordered, key=lambda code: code != "IA")  # in the order asked before another order
    titles = [row["title"] for row in found]
    assert titles.index("Architects") < titles.index("Geographers")
    assert found[0]["matched"] == "Investigative and Artistic, as you asked; code ICA"
    assert "Artistic and Investigative, in another order; code RAI" in [row["matched"] for row in found]


def test_interests_by_name(invoke: Invoke) -> None:
    named = rows(invoke, "match", "--interests", "investigative,artistic", "--min-pay", "80k")
    assert named == rows(invoke, "match", "--interests", "IA", "--min-pay", "80k")


def test_json_gives_every_row_unless_limited(invoke: Invoke) -> None:
    assert len(rows(invoke, *IA)) > 10
    assert len(rows(invoke, *IA, "--limit", "5")) == 5
    table = " ".join(invoke(*IA, data=None).stdout.split())
    assert f"10 of {len(rows(invoke, *IA))} occupations shown" in table


def test_the_footer_states_the_real_sort_and_explains_riasec_once(invoke: Invoke) -> None:
    footer = " ".join(invoke(*IA, data=None).stdout.split())
    assert "sorted by Holland codes with all of IA first, in your order before others, then fit" in footer
    assert "sorted by pay" not in footer
    assert footer.count("RIASEC: R realistic") == 1


def test_help_explains_riasec(invoke: Invoke) -> None:
    text = " ".join(invoke("match", "--help").stdout.split())
    for name in ("realistic", "investigative", "artistic", "social", "enterprising", "conventional"):
        assert name in text


def test_technology_ties_are_broken_by_flags_and_kindred_tools(invoke: Invoke) -> None:
    found = rows(invoke, "match", "--technology", "photoshop")
    assert len(found) > 50
    assert found[0]["title"] != "Advertising Sales Agents"  # no longer A to Z among 90 ties
    keys = [row["matched"] for row in found]
    assert all("Photoshop" in key for key in keys)
    kindred = [int(key.split("among ")[1].split()[0]) for key in keys[:20] if "among" in key]
    assert kindred == sorted(kindred, reverse=True)


def test_search_shows_the_technology_as_o_net_spells_it(invoke: Invoke) -> None:
    matched = [row["matched"] for row in rows(invoke, "search", "autocad")]
    assert 'technology "Autodesk AutoCAD"' in matched
    assert 'technology "autodesk autocad"' not in matched


def test_search_puts_registered_nurses_before_practical_nurses(invoke: Invoke) -> None:
    ids = [row["id"] for row in rows(invoke, "search", "nurse")]
    assert ids.index("registered-nurses") < ids.index("licensed-practical-and-licensed-vocational-nurses")


@pytest.mark.parametrize(
    ("args", "header"),
    [
        (["list", "--sort", "openings", "--limit", "3"], "Openings"),
        (["list", "--sort", "change", "--limit", "3"], "Change"),
        (["list", "--sort", "jobs", "--limit", "3"], "Jobs"),
        (["wages", "electricians", "--by", "area", "--sort", "lq", "--limit", "3"], "quotient"),
        (["wages", "electricians", "--sort", "lq", "--limit", "3"], "quotient"),
        (["groups"], "Median pay"),
    ],
)
def test_the_sorted_column_stays_at_80_columns(invoke: Invoke, args: list[str], header: str) -> None:
    result = invoke(*args, data=None, env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    assert header in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_similar_gives_its_reasons_room_at_80_columns(invoke: Invoke) -> None:
    out = invoke("similar", "registered-nurses", data=None, env={"COLUMNS": "80"}).stdout
    header = next(line for line in out.splitlines() if line.rstrip().endswith("Why"))
    assert 80 - header.index("Why") >= 26


def test_the_hourly_note_says_sorted_by_pay_only_when_it_is(invoke: Invoke) -> None:
    by_title = " ".join(invoke("list", "--group", "entertainment", data=None).stdout.split())
    by_pay = " ".join(invoke("list", "--group", "entertainment", "--sort", "pay", data=None).stdout.split())
    assert "Pay marked /hour" in by_title and "sorted by pay, after annual figures" not in by_title
    assert "sorted by pay, after annual figures" in by_pay

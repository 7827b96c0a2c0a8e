"""What the work asks, in the commands: show's O*NET sections, match, similar, list's filters and search, on the
sample data with the fixture O*NET database (tests/onet_fixture.py) imported beside it."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from ooh_cli.core.database import database_path
from ooh_cli.core.onet import CREDIT, OnetData
from ooh_cli.core.store import Store
from tests.conftest import Invoke
from tests.onet_fixture import sample_with_onet

MRT = "medical-records-and-health-information-technicians"


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample data file with the fixture's O*NET data beside it."""
    return sample_with_onet(tmp_path_factory.mktemp("data"))


def ids(result_stdout: str) -> list[str]:
    return [row["id"] for row in json.loads(result_stdout)]


# --- show -------------------------------------------------------------------------------------------------


def test_skills_section_lists_the_most_important_first_with_levels(invoke: Invoke, data: Path) -> None:
    result = invoke("show", "registered-nurses", "--section", "skills", data=data)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Skills, most important first (O*NET 29.3)" in out
    assert out.index("Active Listening") < out.index("Speaking") < out.index("Mathematics") < out.index("Programming")
    assert "4.00          4.50" in out  # importance and level
    assert "Medicine and Dentistry" in out
    assert re.search(r"Bachelor's degree +55\.0%", out)
    assert "Dependability 4.60" in out
    assert "From O*NET 29.3: Registered Nurses (29-1141.00)." in out


def test_a_profile_o_net_does_not_rate_says_so_never_zero(invoke: Invoke, data: Path) -> None:
    out = invoke("show", MRT, "--section", "skills", data=data).stdout
    assert "Skills: not rated in O*NET 29.3 for Medical Records Specialists (29-2072.00)." in out
    assert "Knowledge: not rated in O*NET 29.3" in out
    assert "0.00" not in out and " 0%" not in out
    record = json.loads(invoke("show", MRT, "--section", "skills", "-f", "json", data=data).stdout)
    assert record["skills"] is None and "skills" in record["not_rated"]
    assert record["job_zone"] == 3


def test_a_small_rated_share_is_named_not_borrowed(invoke: Invoke, data: Path) -> None:
    out = invoke("show", "secretaries-and-administrative-assistants", "--section", "skills", data=data).stdout
    assert "Skills: not rated in O*NET 29.3; only Secretaries and Administrative Assistants" in out
    assert "too small a share of this profile's jobs" in out


def test_a_profile_outside_o_net(invoke: Invoke, data: Path) -> None:
    for section in ("skills", "interests", "technology"):
        out = invoke("show", "military-careers", "--section", section, data=data).stdout
        assert "Not rated in O*NET 29.3: O*NET covers none of this profile's SOC codes." in out


def test_interests_strongest_first_with_the_holland_code(invoke: Invoke, data: Path) -> None:
    out = invoke("show", "registered-nurses", "--section", "interests", data=data).stdout
    assert "Holland code (O*NET 29.3)  SIC (Social, Investigative, Conventional)" in out
    order = [out.index(name) for name in ("Social", "Investigative", "Conventional", "Realistic", "Enterprising")]
    assert order == sorted(order)
    assert "6.00" in out


def test_technology_hot_and_in_demand_first(invoke: Invoke, data: Path) -> None:
    out = invoke("show", "registered-nurses", "--section", "technology", data=data).stdout
    assert out.index("Epic Systems") < out.index("Microsoft Excel") < out.index("Pyxis MedStation")
    assert "in demand, hot" in out


def test_the_job_zone_is_a_quick_fact_in_our_words(invoke: Invoke, data: Path) -> None:
    out = invoke("show", "registered-nurses", data=data).stdout
    assert "Job zone (O*NET 29.3)" in out and "3 of 5, medium preparation" in out
    assert "SKILLS AND KNOWLEDGE" in out and "INTERESTS" in out and "TECHNOLOGY" in out


def test_json_carries_job_zone_and_the_o_net_facts(invoke: Invoke, data: Path) -> None:
    record = json.loads(invoke("show", "registered-nurses", "-f", "json", data=data).stdout)
    assert record["job_zone"] == 3
    onet = record["onet"]
    assert onet["release"] == "O*NET 29.3" and onet["credit"] == CREDIT
    assert onet["holland_code"] == "SIC"
    assert onet["skills"][0] == {"name": "Active Listening", "importance": 4.0, "level": 4.5}
    assert onet["interests"][3] == {"name": "Social", "score": 6.0}
    assert onet["technology"][0]["examples"][0] == {"name": "Epic Systems", "hot": True, "in_demand": True}
    assert onet["not_rated"] == []
    summary = json.loads(invoke("show", "registered-nurses", "-s", "summary", "-f", "json", data=data).stdout)
    assert summary["job_zone"] == 3


def test_the_credit_is_in_the_source_section_and_data_info(invoke: Invoke, data: Path) -> None:
    assert CREDIT[:60] in " ".join(invoke("show", "actors", "--section", "source", data=data).stdout.split())
    source = json.loads(invoke("show", "actors", "--section", "source", "-f", "json", data=data).stdout)
    assert source["onet"] == CREDIT
    info = json.loads(invoke("data", "info", "-f", "json", data=data).stdout)
    assert info["onet_credit"] == CREDIT and info["onet"].startswith("O*NET 29.3 (May 2025)")


def test_without_o_net_data_the_sections_say_how_to_add_it(invoke: Invoke) -> None:
    out = invoke("show", "registered-nurses", "--section", "skills").stdout
    assert "this data file has no O*NET data (`ooh data import --onet DIR` adds it)" in " ".join(out.split())
    whole = invoke("show", "registered-nurses").stdout
    assert "SKILLS AND KNOWLEDGE" not in whole and "Job zone" not in whole  # asked for only
    record = json.loads(invoke("show", "registered-nurses", "-f", "json").stdout)
    assert record["job_zone"] is None and record["onet"] is None


# --- lookups and search -----------------------------------------------------------------------------------


def test_an_alternate_title_finds_its_profile(invoke: Invoke, data: Path) -> None:
    result = invoke("show", "Health", "Records", "Clerk", "--section", "summary", data=data)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Medical Records Specialists")
    assert 'showing Medical Records Specialists for "Health Records Clerk"' in result.stderr


def test_an_alternate_title_never_takes_a_profiles_own_name(invoke: Invoke, data: Path) -> None:
    # "Registered Nurses" is an O*NET alternate title of respiratory therapists in the fixture.
    result = invoke("show", "Registered", "Nurses", "--section", "summary", data=data)
    assert result.stdout.startswith("Registered Nurses") and result.stderr == ""


def test_an_alternate_title_of_several_profiles_lists_them(invoke: Invoke, data: Path) -> None:
    result = invoke("show", "compositor", data=data)
    assert result.exit_code == 1
    assert "could mean several occupations" in result.stderr
    assert {"respiratory-therapists", "special-effects-artists-and-animators"} <= set(result.stderr.split())


def test_search_finds_technologies_and_alternate_titles(invoke: Invoke, data: Path) -> None:
    assert set(ids(invoke("search", "python", "-f", "json", data=data).stdout)) == {
        "health-information-technologists-and-medical-registrars",
        "special-effects-artists-and-animators",
    }
    rows = json.loads(invoke("search", "pyxis", "-f", "json", data=data).stdout)
    assert [(r["id"], r["matched"]) for r in rows] == [
        ("registered-nurses", 'technology "Pyxis MedStation"')
    ]  # as O*NET spells it
    assert ids(invoke("search", "critical care nurse", "-f", "json", data=data).stdout)[0] == "registered-nurses"


# --- match ------------------------------------------------------------------------------------------------


def test_match_by_interests(invoke: Invoke, data: Path) -> None:
    result = invoke("match", "--interests", "A", "-f", "json", data=data)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["id"] for r in rows[:2]] == ["special-effects-artists-and-animators", "actors"]
    assert rows[0]["matched"] == "Artistic; code AI" and rows[0]["holland_code"] == "AI"
    assert rows[0]["fit"] > rows[1]["fit"] > rows[2]["fit"]


def test_interest_fit_weighs_scores_and_the_code_by_the_order_asked() -> None:
    from ooh_cli.core.match import interest_fit
    from ooh_cli.core.onet import Traits

    traits = Traits("x", 4, "IS", (1.0, 7.0, 1.0, 4.0, 1.0, 1.0), (), (), ())
    # Scores (I 1, S 0.5) weighted 3 and 2, and the code agreeing in both places: 0.3 * 1 + 0.7 * 0.8.
    assert interest_fit(traits, "IS") == pytest.approx(0.86)
    # S first: the scores weigh less, and both letters are in the code but elsewhere (half each).
    assert interest_fit(traits, "SI") == pytest.approx(0.3 * 0.5 + 0.7 * 0.7)
    assert interest_fit(traits, "R") == pytest.approx(0.0)


def test_interests_and_job_zones_are_read_without_the_skill_vectors(
    invoke: Invoke, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def every_vector(self: OnetData) -> None:
        raise AssertionError("decoded every profile's skill and knowledge vectors")

    monkeypatch.setattr(OnetData, "traits", every_vector)
    for args in (["match", "--interests", "sic"], ["list", "--job-zone", "3-4", "--interest", "c"]):
        result = invoke(*args, "-f", "json", data=data)
        assert result.exit_code == 0, result.output
        assert "registered-nurses" in ids(result.stdout)


def zones_and_codes(onet: OnetData, zones: tuple[int, int] | None, letters: str) -> frozenset[str]:
    """What the list filters mean, read from every profile's traits."""
    return frozenset(
        t.id
        for t in onet.interests()
        if (zones is None or (t.job_zone is not None and zones[0] <= t.job_zone <= zones[1]))
        and all(letter in (t.holland_code or "") for letter in letters)
    )


@pytest.mark.parametrize("indexed", [True, False], ids=["indexed", "a file without the index"])
def test_the_list_filters_are_answered_by_an_index_as_the_traits_would(
    data: Path, tmp_path: Path, indexed: bool
) -> None:
    copy = tmp_path / data.name
    shutil.copy(data, copy)
    shutil.copy(database_path(data), database_path(copy))
    if not indexed:
        with sqlite3.connect(database_path(copy)) as connection:
            connection.execute("DROP INDEX onet_profile_filters")
        connection.close()
    onet = Store(copy).onet()
    assert onet is not None
    asked = [(None, ""), ((3, 4), ""), ((1, 2), ""), (None, "C"), (None, "SI"), ((3, 4), "C"), ((5, 5), "R")]
    for zones, letters in asked:
        assert onet.matching_ids(zones, letters or None) == zones_and_codes(onet, zones, letters), (zones, letters)
    assert {ids for zones, letters in asked for ids in onet.matching_ids(zones, letters or None)}
    plan = str(onet.database.rows("EXPLAIN QUERY PLAN SELECT id FROM onet_profile WHERE job_zone BETWEEN 1 AND 2"))
    assert ("COVERING INDEX onet_profile_filters" in plan) is indexed


def test_match_by_a_code_of_three_letters(invoke: Invoke, data: Path) -> None:
    rows = json.loads(invoke("match", "--interests", "sic", "-f", "json", data=data).stdout)
    assert rows[0]["id"] == "registered-nurses"
    assert rows[0]["matched"] == "Social, Investigative and Conventional, as you asked; code SIC"
    assert rows[1]["id"] == "respiratory-therapists"


def test_match_by_skills_leaves_out_the_unrated_and_says_so(invoke: Invoke, data: Path) -> None:
    result = invoke("match", "--skills", "program,math", "-f", "json", data=data)
    rows = json.loads(result.stdout)
    assert rows[0]["id"] == "special-effects-artists-and-animators"
    assert rows[0]["matched"] == "Programming 4.5, Mathematics 3.8"  # the higher of skill and knowledge
    assert MRT not in [r["id"] for r in rows]
    assert f"left out 2 profiles not rated in O*NET 29.3 for what you asked: {MRT}" in result.stderr


def test_match_by_technology(invoke: Invoke, data: Path) -> None:
    rows = json.loads(invoke("match", "--technology", "epic", "-f", "json", data=data).stdout)
    assert [(r["id"], r["matched"]) for r in rows] == [
        ("registered-nurses", "uses Epic Systems (in demand, hot), among 2 tools of its kind"),
        (MRT, "uses Epic Systems (hot), among 2 tools of its kind"),
    ]


def test_match_with_filters(invoke: Invoke, data: Path) -> None:
    rows = json.loads(invoke("match", "--interests", "S", "--job-zone", "2", "-f", "json", data=data).stdout)
    assert [r["id"] for r in rows] == ["actors"]
    rows = json.loads(invoke("match", "--interests", "S", "--min-pay", "90k", "-f", "json", data=data).stdout)
    assert {r["median_pay"] >= 90000 for r in rows} == {True}


def test_match_table_says_why(invoke: Invoke, data: Path) -> None:
    out = invoke("match", "--interests", "C", "--limit", "2", data=data).stdout
    assert "Why" in out and "fit " in out and "Conventional" in out
    footer = " ".join(out.split())
    assert "2 of 7 occupations shown; sorted by Holland codes with all of C first, then fit; ratings from" in footer
    assert footer.count("RIASEC: R realistic") == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--interests", "XYZ"],
            "--interests: expected one to three different letters of RIASEC or their names, not 'XYZ': R Realistic",
        ),
        (["--interests", "CICI"], "expected one to three different letters"),
        (["--interests", ""], "expected one to three"),
        (["--skills", "juggling"], "--skills: 'juggling' is not one of O*NET's skills or knowledge areas"),
        (["--skills", "m"], "--skills: 'm' could mean several"),
        (["--skills", ","], "--skills: give at least one skill"),
        (["--technology", "!!"], "--technology: give a name"),
        ([], "match needs --interests, --skills or --technology"),
        (["--interests", "C", "--job-zone", "9"], "--job-zone: expected a zone from 1 to 5 or a range such as 2-3"),
        (["--interests", "C", "--job-zone", "3-2"], "--job-zone: expected a zone from 1 to 5"),
        (["--interests", "C", "--max-education", "phd-ish"], "--max-education: unknown"),
    ],
)
def test_match_bad_input_is_a_usage_error(invoke: Invoke, data: Path, args: list[str], message: str) -> None:
    result = invoke("match", *args, data=data)
    assert result.exit_code == 2, result.output
    assert message in result.stderr


def test_match_without_o_net_data(invoke: Invoke) -> None:
    result = invoke("match", "--interests", "C")
    assert result.exit_code == 3
    assert "ooh data import --onet DIR" in result.stderr


# --- similar ----------------------------------------------------------------------------------------------


def test_similar_adds_o_net_related_then_nearest_by_the_work(invoke: Invoke, data: Path) -> None:
    rows = json.loads(invoke("similar", "registered-nurses", "-f", "json", data=data).stdout)
    relations = [(r["id"], r["relation"]) for r in rows]
    assert relations[0] == ("registered-nurses", "this profile")
    assert relations[1] == (MRT, "Handbook's list")
    assert relations[2][0] == "respiratory-therapists"
    assert relations[2][1] == (
        "related in O*NET 29.3; shares Medicine and Dentistry, Active Listening, Speaking; interests SI; job zone 3"
    )
    assert relations[3][0] == "medical-and-health-services-managers" and "related in O*NET 29.3" in relations[3][1]
    nearest = relations[4:]
    assert nearest and not any("pay" in why for _, why in nearest)


def test_similar_nearest_by_the_work_has_known_answer(invoke: Invoke, data: Path) -> None:
    rows = json.loads(invoke("similar", "health-information-technologists", "-f", "json", data=data).stdout)
    nearest = [r for r in rows if r["relation"] not in ("this profile", "Handbook's list")]
    # Programming, mathematics and computers: the animators, with no medical knowledge, come first.
    assert nearest[0]["id"] == "special-effects-artists-and-animators"
    assert nearest[0]["relation"].startswith("shares Computers and Electronics")


def test_without_skill_ratings_the_technology_stands_in(data: Path) -> None:
    from ooh_cli.core.match import nearest_by_work
    from ooh_cli.core.store import Store

    nearest = nearest_by_work(Store(data).catalog(), MRT, set(), 3)
    # Both use Epic (hot); the others' hot tools are not the records specialists'.
    assert (nearest[0][0].id, nearest[0][1]) == ("registered-nurses", "uses Epic Systems too; interests C; job zone 3")


def test_similar_without_o_net_data_keeps_group_education_and_pay(invoke: Invoke) -> None:
    out = invoke("similar", "registered-nurses").stdout
    assert "nearest by group, education and pay" in " ".join(out.split())


# --- list -------------------------------------------------------------------------------------------------


def test_list_footer_states_the_o_net_filters(invoke: Invoke, data: Path) -> None:
    out = " ".join(invoke("list", "--job-zone", "3-4", "--interest", "c", data=data).stdout.split())
    assert out.endswith("3 occupations; job zone 3-4; interests C in the Holland code")


def test_list_by_job_zone_and_interest(invoke: Invoke, data: Path) -> None:
    assert ids(invoke("list", "--job-zone", "2", "-f", "json", data=data).stdout) == ["actors"]
    assert ids(invoke("list", "--job-zone", "3-4", "--interest", "C", "-f", "json", data=data).stdout) == [
        "health-information-technologists-and-medical-registrars",
        MRT,
        "registered-nurses",
    ]
    assert ids(invoke("list", "--interest", "ai", "-f", "json", data=data).stdout) == [
        "special-effects-artists-and-animators"
    ]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--job-zone", "0"], 2, "--job-zone: expected a zone from 1 to 5"),
        (["--job-zone", "two"], 2, "--job-zone: expected a zone from 1 to 5"),
        (["--interest", "Q"], 2, "--interest: expected one to three different letters of RIASEC"),
    ],
)
def test_list_bad_o_net_filters(invoke: Invoke, data: Path, args: list[str], code: int, message: str) -> None:
    result = invoke("list", *args, data=data)
    assert result.exit_code == code and message in result.stderr


def test_list_o_net_filters_need_o_net_data(invoke: Invoke) -> None:
    result = invoke("list", "--job-zone", "2")
    assert result.exit_code == 3 and "ooh data import --onet DIR" in result.stderr


def test_a_terminal_draws_the_ratings_as_bars(invoke: Invoke, data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plain = invoke("show", "registered-nurses", "--section", "interests", data=data).stdout
    assert "\u2588" not in plain  # text shows the figures alone
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    drawn = invoke("show", "registered-nurses", "--section", "interests", data=data).stdout
    social = next(line for line in drawn.splitlines() if "Social" in line and "6.00" in line)
    artistic = next(line for line in drawn.splitlines() if "Artistic" in line and "1.50" in line)
    assert social.count("\u2588") == 8 and artistic.count("\u2588") == 2  # 6/7 and 1.5/7 of ten cells

"""Finding profiles: `search`, `top`, `similar`, `groups` and shell completion, on the sample data."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ooh_cli.cli import app
from ooh_cli.core.datafile import bundled_data_path
from ooh_cli.core.names import slug
from ooh_cli.core.store import Store
from tests.conftest import SAMPLE, Invoke

MRT = "medical-records-and-health-information-technicians"


def search_ids(invoke: Invoke, query: str, *args: str) -> list[str]:
    result = invoke("search", query, *args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    return [row["id"] for row in json.loads(result.stdout)]


def test_alias_phrase_ranks_first(invoke: Invoke) -> None:
    assert search_ids(invoke, "medical coder")[0] == MRT
    assert search_ids(invoke, "coder medical")[0] == MRT  # word order does not matter


def test_title_words_beat_summary_words(invoke: Invoke) -> None:
    found = search_ids(invoke, "nurse")
    assert found[0] == "registered-nurses"


def test_typo_is_corrected_and_said(invoke: Invoke) -> None:
    result = invoke("search", "regstered", "-f", "json")
    assert json.loads(result.stdout)[0]["id"] == "registered-nurses"
    assert "searching for 'registered' instead of 'regstered'" in result.stderr


def test_soc_code_search(invoke: Invoke) -> None:
    assert search_ids(invoke, "29-1141") == ["registered-nurses"]


def test_search_shows_what_matched(invoke: Invoke) -> None:
    result = invoke("search", "medical coder")
    assert result.exit_code == 0
    first = result.stdout.splitlines()[3]
    assert first.startswith("Medical Records Specialists")
    assert 'A-Z title "Medical Coder"' in first
    assert result.stdout.endswith("4 occupations; 1 matching every word, the rest partial\n")
    rows = json.loads(invoke("search", "medical coder", "-f", "json").stdout)
    assert rows[0]["matched"] == 'A-Z title "Medical Coder"' and rows[0]["score"] > rows[1]["score"]
    assert [row["partial"] for row in rows] == [False, True, True, True]
    assert rows[1]["matched"] == 'partial (no "coder"): title "Medical"'  # the words of the title that matched


def test_search_quotes_the_words_around_a_match_in_prose(invoke: Invoke) -> None:
    rows = json.loads(invoke("search", "breathing", "-f", "json").stdout)
    assert rows[0]["matched"] == 'summary "...who have trouble breathing, from premature babies..."'


def test_search_group_and_summary_words(invoke: Invoke) -> None:
    assert "actors" in search_ids(invoke, "entertainment")
    assert search_ids(invoke, "breathing") == ["respiratory-therapists"]


def test_search_limit_and_nothing_found(invoke: Invoke) -> None:
    assert len(search_ids(invoke, "medical", "--limit", "2")) == 2
    result = invoke("search", "zzzzqqq")
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == "ooh: nothing matches 'zzzzqqq'\n"


@pytest.mark.parametrize(
    ("ranking", "expected", "figure"),
    [
        (
            "growth",
            ["medical-and-health-services-managers", "health-information-technologists-and-medical-registrars"],
            "growth_percent",
        ),
        ("new-jobs", ["registered-nurses", "medical-and-health-services-managers"], "change"),
        ("pay", ["medical-and-health-services-managers", "special-effects-artists-and-animators"], "median_pay"),
        ("openings", ["secretaries-and-administrative-assistants", "registered-nurses"], "annual_openings"),
        ("decline", ["secretaries-and-administrative-assistants", "information-clerks"], "growth_percent"),
    ],
)
def test_top_lists(invoke: Invoke, ranking: str, expected: list[str], figure: str) -> None:
    result = invoke("top", ranking, "--limit", "2", "-f", "json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["id"] for r in rows] == expected
    assert [r["rank"] for r in rows] == [1, 2]
    assert rows[0][figure] is not None


def test_top_decline_only_lists_declines(invoke: Invoke) -> None:
    rows = json.loads(invoke("top", "decline", "-f", "json").stdout)
    assert rows and all(r["growth_percent"] < 0 for r in rows)


def test_top_filters(invoke: Invoke) -> None:
    rows = json.loads(
        invoke("top", "pay", "--group", "healthcare", "--max-education", "associate", "-f", "json").stdout
    )
    assert [r["id"] for r in rows] == [
        "respiratory-therapists",
        "health-information-technologists-and-medical-registrars",
        MRT,
    ]


def test_top_table_shows_the_ranking_figure(invoke: Invoke) -> None:
    out = invoke("top", "openings", "--limit", "1").stdout
    assert "Openings" in out and "a year" in out and "300,000" in out
    assert "Most openings each year, 2024-34 edition" in out


def test_similar_lists_handbook_then_nearest(invoke: Invoke) -> None:
    result = invoke("similar", "medical-records-technician", "-f", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert rows[0]["id"] == MRT and rows[0]["relation"] == "this profile"
    listed = [r["id"] for r in rows if r["relation"] == "Handbook's list"]
    assert listed == ["health-information-technologists-and-medical-registrars", "registered-nurses"]
    nearest = rows[3:]
    assert nearest and all(
        "same" in r["relation"] or "similar" in r["relation"] or "pay" in r["relation"] for r in nearest
    )
    table = invoke("similar", "medical-records-technician").stdout
    assert "Why" in table and "Handbook's list" in table


def test_similar_reasons(invoke: Invoke) -> None:
    rows = json.loads(invoke("similar", "respiratory-therapists", "-f", "json").stdout)
    reasons = {r["id"]: r["relation"] for r in rows}
    assert reasons["health-information-technologists-and-medical-registrars"].startswith(
        "same group (Healthcare); same education (Associate's degree)"
    )


def test_groups(invoke: Invoke) -> None:
    rows = {r["group"]: r for r in json.loads(invoke("groups", "-f", "json").stdout)}
    assert len(rows) == 6
    health = rows["healthcare"]
    assert health["profiles"] == 4
    assert health["jobs"] == 190000 + 3000000 + 130000 + 40000
    weighted = (190000 * 7 + 3000000 * 5 + 130000 * 6 + 40000 * 14) / health["jobs"]
    assert health["growth_percent"] == round(weighted, 1)
    assert health["outlook"] == "faster"
    assert health["median_pay"] == 70000  # median of 50,000 60,000 80,000 90,000
    assert rows["military"]["median_pay"] is None and rows["military"]["outlook"] is None
    out = invoke("groups").stdout
    assert "Healthcare" in out and "3,360,000" in out


def test_list_group_accepts_slug_or_name(invoke: Invoke) -> None:
    for name in ("healthcare", "Healthcare", "HEALTHCARE"):
        assert invoke("list", "--group", name, "-f", "json").exit_code == 0


def complete(words: str, tmp_path: Path) -> list[str]:
    """What the shell would offer after ``ooh WORDS``, through Typer's completion protocol."""
    env = {
        "_OOH_COMPLETE": "complete_bash",
        "COMP_WORDS": f"ooh {words}",
        "COMP_CWORD": str(len(words.split(" "))),
        "OOH_DATA": str(SAMPLE),
        "OOH_CACHE_DIR": str(tmp_path),
    }
    result = CliRunner().invoke(app, [], env=env, prog_name="ooh")
    return result.stdout.split()


def test_completion_offers_ids_and_aliases(tmp_path: Path) -> None:
    offered = complete("show medical-rec", tmp_path)
    assert MRT in offered
    assert "medical-records-technician" in offered
    assert complete("compare registered-nurses resp", tmp_path) == ["respiratory-therapists"]
    assert "medical-coder" in complete("similar medical-c", tmp_path)


def test_completion_with_broken_data_is_silent(tmp_path: Path) -> None:
    env = {
        "_OOH_COMPLETE": "complete_bash",
        "COMP_WORDS": "ooh show x",
        "COMP_CWORD": "2",
        "OOH_DATA": str(tmp_path / "missing.yaml"),
        "OOH_CACHE_DIR": str(tmp_path),
    }
    result = CliRunner().invoke(app, [], env=env, prog_name="ooh")
    assert result.stdout.strip() == "" and "Traceback" not in result.output
    assert os.environ.get("_OOH_COMPLETE") is None


def test_every_completion_candidate_finds_its_profile_without_correction() -> None:
    # Over the shipped data: every id and every A-Z alias, in the id form completion offers.
    catalog = Store(bundled_data_path()).catalog()
    owners: dict[str, set[str]] = {}
    for occ in catalog.records():
        for name in (occ.id, *(slug(alias) for alias in occ.aliases)):
            owners.setdefault(name, set()).add(occ.id)
    offered = dict(catalog.completions(""))
    assert set(offered) == set(owners) and len(offered) > 4_000
    for name, ids in owners.items():
        match = catalog.resolve(name)
        assert match.guessed_from is None and match.occupation.id in ids, name


def test_completion_of_a_name_with_an_apostrophe(tmp_path: Path) -> None:
    # Once offered as "driver-s-license-examiner", which `show` then "corrected" to another profile.
    env = {"OOH_CACHE_DIR": str(tmp_path)}
    runner = CliRunner()
    words = "ooh show drivers-license-ex"
    completion = {**env, "_OOH_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": "2"}
    offered = runner.invoke(app, [], env=completion, prog_name="ooh").stdout.split()
    assert offered == ["drivers-license-examiner"]
    shown = runner.invoke(app, ["show", offered[0], "--section", "source", "--format", "json"], env=env)
    assert shown.exit_code == 0 and shown.stderr == ""


@pytest.mark.parametrize(
    ("growth", "category"), [(4.5, "faster"), (2.5, "average"), (6.49, "faster"), (0.4, "little-change")]
)
def test_outlook_categories_round_half_up_as_bls_does(growth: float, category: str) -> None:
    from ooh_cli.core.discover import classify

    meta = Store(bundled_data_path()).catalog().meta
    assert classify(meta, growth) == category


@pytest.mark.parametrize(
    ("words", "offered"),
    [
        ("list --outlook f", ["faster"]),
        ("list --outlook faster,l", ["faster,little-change"]),
        ("list --min-outlook much", ["much-faster"]),
        ("list --education ba", ["bachelor"]),
        ("list --max-education doc", ["doctoral"]),
        ("list --training app", ["apprenticeship"]),
        ("list --experience 5", ["5-years-or-more"]),
        ("list --group heal", ["healthcare"]),
        ("show carpenters --section w", ["what-they-do", "work-environment"]),
        ("list --sort p", ["pay"]),
        ("list --format c", ["csv"]),
        ("top g", ["growth"]),
    ],
)
def test_completion_of_option_values(tmp_path: Path, words: str, offered: list[str]) -> None:
    assert complete(words, tmp_path) == offered

"""Bad command lines never hurt: one clear line on stderr, the documented exit code, nothing on stdout."""

from __future__ import annotations

import math

import pytest
from typer.testing import Result

from ooh_cli.core.errors import UsageError
from ooh_cli.core.query import make_filters
from ooh_cli.core.store import Store
from tests.conftest import SAMPLE, Invoke

NOT_FOUND = 1
USAGE = 2
OUTLOOKS = "much-faster, faster, average, slower, little-change, decline"
EDUCATIONS = "none, high-school, some-college, postsecondary-nondegree, associate, bachelor, master, doctoral"


def assert_refused(result: Result, code: int, *fragments: str) -> None:
    assert result.exit_code == code, result.output
    assert result.stdout == ""
    assert "Traceback" not in result.output
    assert result.stderr.startswith("ooh: ") and result.stderr.count("\n") == 1, result.stderr
    for fragment in fragments:
        assert fragment in result.stderr


def test_an_unknown_occupation_suggests_close_ones(invoke: Invoke) -> None:
    assert_refused(
        invoke("show", "respiratory nope"), NOT_FOUND, "no occupation matches", "closest: respiratory-therapists"
    )


def test_an_occupation_nothing_resembles_points_to_search(invoke: Invoke) -> None:
    assert_refused(invoke("show", "zzqxj"), NOT_FOUND, "no occupation matches 'zzqxj'", "ooh search")


@pytest.mark.parametrize("command", ["show", "similar"])
@pytest.mark.parametrize("name", ["", "   ", "\t\n"], ids=["empty", "spaces", "tab-newline"])
def test_an_empty_occupation_name(invoke: Invoke, command: str, name: str) -> None:
    assert_refused(invoke(command, name), USAGE, "occupation name is empty")


@pytest.mark.parametrize("query", ["", "   "], ids=["empty", "spaces"])
def test_an_empty_search(invoke: Invoke, query: str) -> None:
    assert_refused(invoke("search", query), USAGE, "search needs at least one word")


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--outlook", "zooming", f"--outlook: unknown outlook category 'zooming'; choose from {OUTLOOKS}"),
        ("--outlook", "faster,zooming", "--outlook: unknown outlook category 'zooming'"),
        ("--min-outlook", "meh", f"--min-outlook: unknown outlook category 'meh'; choose from {OUTLOOKS}"),
        ("--education", "x", f"--education: unknown education level 'x'; choose from {EDUCATIONS}"),
        (
            "--max-education",
            "wizardry",
            f"--max-education: unknown education level 'wizardry'; choose from {EDUCATIONS}",
        ),
        ("--training", "osmosis", "--training: unknown on-the-job training 'osmosis'; choose from none, short-term"),
        ("--experience", "lots", "--experience: unknown work experience 'lots'; choose from none, less-than-5-years"),
    ],
)
def test_an_unknown_filter_value_lists_the_valid_ones(invoke: Invoke, option: str, value: str, message: str) -> None:
    assert_refused(invoke("list", option, value), USAGE, message)


def test_an_unknown_group_lists_the_groups_one_a_line(invoke: Invoke) -> None:
    for command in (("list",), ("top", "pay")):
        result = invoke(*command, "--group", "pirates")
        assert result.exit_code == USAGE and result.stdout == ""
        first, *groups = result.stderr.splitlines()
        assert first == "ooh: --group: 'pirates' is not a group; choose one of these (`ooh groups` describes them):"
        listed = [line.split()[0] for line in groups]
        assert {"arts-and-design", "entertainment-and-sports", "healthcare"} <= set(listed)
        assert all(line.startswith("  ") for line in groups)


def test_a_group_by_the_start_of_a_word(invoke: Invoke) -> None:
    assert (
        invoke("list", "--group", "entertain", "-f", "csv").stdout
        == invoke("list", "--group", "entertainment-and-sports", "-f", "csv").stdout
    )
    several = invoke("list", "--group", "a", data=None)
    assert several.exit_code == USAGE and "could mean several groups" in several.stderr


def test_top_checks_its_filters_too(invoke: Invoke) -> None:
    assert_refused(invoke("top", "pay", "--max-education", "x"), USAGE, "--max-education: unknown education level 'x'")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--outlook", "faster", "--min-outlook", "average"), "--outlook and --min-outlook conflict"),
        (("--education", "x", "--max-education", "y"), "--education and --max-education conflict"),
        (("--education", "bachelor", "--max-education", "master"), "--education and --max-education conflict"),
        (("--min-pay", "90000", "--max-pay", "10000"), "--min-pay (90,000) is above --max-pay (10,000)"),
    ],
    ids=["outlook", "education-unknown", "education-known", "pay"],
)
def test_conflicting_options(invoke: Invoke, args: tuple[str, ...], message: str) -> None:
    assert_refused(invoke("list", *args), USAGE, message)


@pytest.mark.parametrize("command", [("list",), ("search", "nurse"), ("top", "pay"), ("similar", "actors")])
@pytest.mark.parametrize("limit", ["0", "-1", "many"])
def test_a_limit_below_one(invoke: Invoke, command: tuple[str, ...], limit: str) -> None:
    assert_refused(
        invoke(*command, "--limit", limit),
        USAGE,
        f"--limit: expected a whole number, 1 or more, not {limit!r}",
        "--help",
    )


@pytest.mark.parametrize(
    ("option", "value"),
    [("--min-pay", "-5"), ("--max-pay", "lots"), ("--min-pay", "-inf"), ("--min-pay", "60kk"), ("--max-pay", "6,0")],
)
def test_a_pay_that_is_not_a_sane_amount(invoke: Invoke, option: str, value: str) -> None:
    message = f"{option}: expected an amount such as 60000, 60k or $60,000, not {value!r}"
    assert_refused(invoke("list", option, value), USAGE, message)


@pytest.mark.parametrize("written", ["85000", "85k", "85K", "$85,000", "$ 85,000.00", "0.085m"])
def test_amounts_as_people_write_them(invoke: Invoke, written: str) -> None:
    result = invoke("list", "--min-pay", written, "-f", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout == invoke("list", "--min-pay", "85000", "-f", "csv").stdout


@pytest.mark.parametrize("option", ["min_pay", "max_pay"])
def test_a_pay_of_nan_is_refused(option: str) -> None:
    # Click's FloatRange accepts "nan" (every comparison with it is false), and a NaN bound then matches
    # every profile: `ooh list --min-pay nan` lists all of them without a word.
    catalog = Store(SAMPLE).catalog()
    with pytest.raises(UsageError, match="pay"):
        make_filters(catalog, **{option: math.nan})


@pytest.mark.parametrize(
    "command", [("list",), ("show", "actors"), ("compare", "actors", "registered-nurses"), ("search", "nurse")]
)
def test_an_unknown_format(invoke: Invoke, command: tuple[str, ...]) -> None:
    assert_refused(invoke(*command, "--format", "xml"), USAGE, "--format: expected table, json, ", "not 'xml'")


def test_an_unknown_section(invoke: Invoke) -> None:
    assert_refused(
        invoke("show", "actors", "--section", "bogus"),
        USAGE,
        "--section: unknown section 'bogus'",
        "summary, what-they-do",
    )


@pytest.mark.parametrize(
    "names",
    [("actors",), ("actors", "actors"), ("actors", "Actors"), ("registered-nurses", "RN")],
    ids=["one", "twice", "twice-in-another-case", "by-id-and-alias"],
)
def test_compare_needs_two_different_occupations(invoke: Invoke, names: tuple[str, ...]) -> None:
    assert_refused(invoke("compare", *names), USAGE, "compare needs at least two different occupations")


def test_compare_names_one_occupation_given_twice(invoke: Invoke) -> None:
    assert_refused(
        invoke("compare", "actors", "registered-nurses", "RN"),
        USAGE,
        "the same occupation is named twice: registered-nurses",
    )


def test_compare_with_an_unknown_occupation(invoke: Invoke) -> None:
    assert_refused(invoke("compare", "actors", "zzqxj"), NOT_FOUND, "no occupation matches 'zzqxj'")


def test_an_unknown_command(invoke: Invoke) -> None:
    assert_refused(invoke("frobnicate"), USAGE, "No such command 'frobnicate'", "ooh --help")


def test_an_unknown_option(invoke: Invoke) -> None:
    assert_refused(invoke("list", "--colour", "red"), USAGE, "No such option: --colour", "ooh list --help")


def test_an_unknown_top_list(invoke: Invoke) -> None:
    assert_refused(
        invoke("top", "bogus"), USAGE, "RANKING: expected growth, new-jobs, pay, openings or decline, not 'bogus'"
    )


def test_a_missing_argument(invoke: Invoke) -> None:
    assert_refused(invoke("show"), USAGE, "ooh: missing OCCUPATION (see `ooh show --help`)")


def test_a_missing_choice_names_the_choices_on_one_line(invoke: Invoke) -> None:
    assert_refused(invoke("top"), USAGE, "missing RANKING: expected growth, new-jobs, pay, openings or decline")


def test_a_name_with_a_line_break_stays_on_one_line(invoke: Invoke) -> None:
    assert_refused(invoke("show", "zz\nqq"), NOT_FOUND, "no occupation matches 'zz\\nqq'")

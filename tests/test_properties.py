"""Property-based: whatever the data file or the command line holds, the outcome is a result or an OohError.

Documents are built around the real schema, so most fields are plausible and some are junk (wrong types,
missing keys, huge or negative numbers, nested lists and mappings); a good share of them validate, which lets
the catalog, the filters, the search and the name lookup run on odd but valid data too.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, get_args

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import Result

from ooh_cli.core.catalog import Catalog
from ooh_cli.core.errors import AmbiguousError, DataError, OohError
from ooh_cli.core.names import SOC_QUERY, fold
from ooh_cli.core.orders import SortKey
from ooh_cli.core.query import make_filters, select
from ooh_cli.core.search import search
from ooh_cli.core.validate import Level, read_document
from ooh_cli.core.vocab import EDUCATION, EXPERIENCE, OUTLOOK, PUBLIC_CONTACT, TRAINING, Vocabulary
from ooh_cli.core.yamlio import parse_file
from tests.conftest import SAMPLE, Invoke

T = TypeVar("T")

PURE = settings(max_examples=100, deadline=None)
# The CLI runs cost tens of milliseconds each; the fixtures hold no state between examples.
THROUGH_CLI = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)

SAMPLE_DOCUMENT = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
META = SAMPLE_DOCUMENT["meta"]
GROUPS = [group["slug"] for group in META["groups"]]
IDS = ["registered-nurses", "actors", "clerks", "a", "x y", "RN", "29-2072", "292072", "Nurse"]
NAMES = [
    "Registered Nurses",
    "registered nurse",
    "RN",
    "Medical Coder",
    "medical coders",
    "29-2072",
    "A",
    "é",
    "Ünïcödé",
]

# --- documents ----------------------------------------------------------------------------------------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([0, -5, 10**12, 10**40, -(10**30)]),
    st.floats(),
    st.text(max_size=12),
    st.sampled_from([*NAMES, "", "   ", "\n", "2024-34", "1e12", "60,000", "x" * 1_500]),
    st.dates(),
    st.binary(max_size=4),
)
junk = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6) | st.integers(), inner, max_size=3),
    max_leaves=6,
)


def mostly(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Usually ``strategy``, sometimes junk of any type."""
    return st.one_of(strategy, strategy, strategy, junk)


text = st.one_of(st.sampled_from(NAMES), st.text(min_size=1, max_size=24))
texts = st.lists(text, max_size=3)
numbers = st.one_of(
    st.integers(min_value=-1_000, max_value=5_000_000),
    st.floats(min_value=-1e3, max_value=1e7),
    st.sampled_from([0, -5, 5000, 1e12, float("nan"), float("inf")]),
)
years = st.integers(min_value=1890, max_value=2110)


def terms(vocabulary: Vocabulary) -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(vocabulary.slugs()), st.sampled_from([t.label for t in vocabulary.terms]), text)


def mapping(required: dict[str, Any], optional: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {key: mostly(value) for key, value in required.items()},
        optional={key: mostly(value) for key, value in optional.items()},
    )


pay = mapping(
    {},
    {
        "year": years,
        "median_annual": numbers,
        "median_hourly": numbers,
        "percentile_10": numbers,
        "percentile_90": numbers,
        "top_coded": st.booleans(),
    },
)
employment = mapping({}, {"year": years, "jobs": numbers, "projected_year": years, "projected_jobs": numbers})
outlook = mapping(
    {},
    {
        "period": st.sampled_from(["2024-34", "2006-16"]),
        "growth_percent": numbers,
        "category": terms(OUTLOOK),
        "change": numbers,
        "annual_openings": numbers,
        "prospects": text,
    },
)
employers = st.lists(mapping({"name": text}, {"percent": numbers}), max_size=2)
work_environment = mapping(
    {}, {"summary": text, "public_contact": terms(PUBLIC_CONTACT), "employers_year": years, "employers": employers}
)
how_to_become = mapping(
    {},
    {
        "education": terms(EDUCATION),
        "experience": terms(EXPERIENCE),
        "training": terms(TRAINING),
        "courses": texts,
        "licenses": texts,
        "qualities": texts,
    },
)
history = mapping(
    {"edition": st.sampled_from(["2008-09", "2016-17"])},
    {
        "title": text,
        "pay": pay,
        "employment": employment,
        "outlook": outlook,
        "education": terms(EDUCATION),
        "courses": texts,
        "employers": employers,
        "public_contact": terms(PUBLIC_CONTACT),
        "programs": texts,
        "associations": texts,
        "cluster_outlook": mapping({"name": text}, {"category": terms(OUTLOOK)}),
        "notes": texts,
    },
)
record = mapping(
    {"id": st.sampled_from(IDS) | text, "title": text, "group": st.sampled_from(GROUPS) | text},
    {
        "soc_codes": st.lists(st.sampled_from(["29-2072", "11-9111", "29-1141", "2072"]), max_size=2),
        "former_titles": texts,
        "aliases": st.lists(st.sampled_from(NAMES) | text, max_size=3),
        "summary": text,
        "duties": texts,
        "work_environment": work_environment,
        "how_to_become": how_to_become,
        "pay": pay,
        "employment": employment,
        "outlook": outlook,
        "similar": st.lists(st.sampled_from(IDS), max_size=2),
        "programs": texts,
        "associations": st.lists(mapping({"name": text}, {"url": text}), max_size=2),
        "source": mapping({}, {"edition": text, "url": text, "last_modified": st.dates() | text}),
        "history": st.lists(history, max_size=2),
        "notes": texts,
        "maintainer_note": junk,
    },
)


@st.composite
def metas(draw: st.DrawFn) -> Any:
    """The sample's meta, sometimes with one field spoiled, sometimes junk altogether."""
    kind = draw(st.sampled_from(["sample", "sample", "spoiled", "junk"]))
    if kind == "junk":
        return draw(junk)
    meta = dict(META)
    if kind == "spoiled":
        meta[draw(st.sampled_from([*META, "unknown_key"]))] = draw(junk)
    return meta


plain_text = st.text(st.characters(exclude_categories=["Cs", "Cc"]), min_size=1, max_size=30).filter(str.strip)


@st.composite
def valid_records(draw: st.DrawFn, record_id: str) -> dict[str, Any]:
    """A record that validates: every figure in range, yet as odd as the schema allows."""
    money = st.none() | st.floats(min_value=0, max_value=10_000_000)
    jobs = st.none() | st.integers(min_value=0, max_value=500_000_000)
    names = st.sampled_from(NAMES + IDS) | plain_text  # titles and aliases that collide with other ids
    return {
        "id": record_id,
        "title": draw(names),
        "group": draw(st.sampled_from(GROUPS)),
        "aliases": draw(st.lists(names, max_size=2)),
        "summary": draw(st.none() | plain_text),
        "duties": draw(st.lists(plain_text, max_size=2)),
        "how_to_become": {
            "education": draw(st.none() | st.sampled_from(EDUCATION.slugs())),
            "training": draw(st.none() | st.sampled_from(TRAINING.slugs())),
        },
        "pay": {
            "year": draw(st.none() | years.filter(lambda y: 1900 <= y <= 2100)),
            "median_annual": draw(money),
            "median_hourly": draw(st.none() | st.floats(min_value=0, max_value=5_000)),
            "percentile_10": draw(money),
            "percentile_90": draw(money),
            "top_coded": draw(st.booleans()),
        },
        "employment": {"year": 2024, "jobs": draw(jobs), "projected_year": 2034, "projected_jobs": draw(jobs)},
        "outlook": {
            "period": "2024-34",
            "growth_percent": draw(st.none() | st.floats(min_value=-100, max_value=1000)),
            "category": draw(st.none() | st.sampled_from(OUTLOOK.slugs())),
            "change": draw(st.none() | st.integers(min_value=-500_000_000, max_value=500_000_000)),
            "annual_openings": draw(jobs),
        },
        "work_environment": {"employers": [{"name": draw(plain_text), "percent": draw(st.none() | st.floats(0, 100))}]},
        "history": [{"edition": "2008-09", "pay": {"median_annual": draw(money)}, "outlook": {"category": "decline"}}],
    }


@st.composite
def valid_documents(draw: st.DrawFn, min_size: int = 0) -> dict[str, Any]:
    ids = draw(st.lists(st.sampled_from(IDS) | plain_text.map(str.strip), min_size=min_size, max_size=5, unique=True))
    return {"meta": META, "occupations": [draw(valid_records(record_id)) for record_id in ids]}


documents = st.one_of(
    valid_documents(),
    st.fixed_dictionaries({"meta": metas(), "occupations": st.lists(record, max_size=6)}),
    st.fixed_dictionaries({"meta": metas(), "occupations": junk}),
    junk,
)


def outcome(call: Callable[[], T]) -> T | OohError:
    """What ``call`` returns, or the OohError it raises; any other exception fails the test."""
    try:
        return call()
    except OohError as error:
        return error


def catalog_of(document: object) -> Catalog | None:
    """Validate ``document``; problems must be one-line reports, and no dataset means at least one error."""
    dataset, problems = read_document(document)
    for problem in problems:
        line = problem.format("data.yaml")
        assert "\n" not in line and len(line) < 1_000, line
    has_errors = any(p.level is Level.ERROR for p in problems)
    assert (dataset is None) == has_errors
    return None if dataset is None else Catalog.build(dataset.meta, dataset.occupations, [])


options = st.fixed_dictionaries(
    {},
    optional={
        "outlook": st.lists(terms(OUTLOOK), max_size=2),
        "min_outlook": terms(OUTLOOK),
        "education": terms(EDUCATION),
        "max_education": terms(EDUCATION),
        "min_pay": st.floats(min_value=0, max_value=1e7),
        "max_pay": st.floats(min_value=0, max_value=1e7),
        "group": st.sampled_from(GROUPS) | text,
        "training": terms(TRAINING),
        "experience": terms(EXPERIENCE),
    },
)
queries = st.lists(st.sampled_from(NAMES + IDS + ["", " ", "-", "29-2072.00", "nurse coder"]) | st.text(), max_size=4)


@PURE
@given(documents, options, st.sampled_from(get_args(SortKey)), st.booleans(), st.none() | st.integers(1, 5), queries)
def test_any_document_yields_a_catalog_that_answers_or_a_domain_error(
    document: object,
    filter_options: dict[str, Any],
    sort: SortKey,
    reverse: bool,
    limit: int | None,
    texts_typed: list[str],
) -> None:
    catalog = catalog_of(document)
    if catalog is None:
        return
    ids = {summary.id for summary in catalog.summaries}
    assert ids == {occ.id for occ in catalog.records()}

    filters = outcome(lambda: make_filters(catalog, **filter_options))
    if not isinstance(filters, OohError):
        shown, total = select(catalog, filters, sort, reverse, limit)
        assert len(shown) <= total <= len(catalog) and {s.id for s in shown} <= ids

    for typed in [*texts_typed, *(s.title for s in catalog.summaries[:3])]:
        found = outcome(lambda typed=typed: search(catalog.search_index, typed, limit))
        if not isinstance(found, OohError):
            assert {catalog.summaries[hit.position].id for hit in found.hits} <= ids
        if len(catalog):  # an empty catalog's lookups fail apart: test_a_data_file_with_no_occupations
            outcome(lambda typed=typed: catalog.resolve(typed))


@PURE
@given(valid_documents(min_size=1))
def test_every_id_finds_its_own_profile(document: object) -> None:
    catalog = catalog_of(document)
    assert catalog is not None
    for summary in catalog.summaries:
        if SOC_QUERY.fullmatch(summary.id.strip()) or not fold(summary.id):
            continue  # read as a SOC code, or no letters or digits to look up by
        found = outcome(lambda summary=summary: catalog.resolve(summary.id))
        if isinstance(found, AmbiguousError):
            assert summary.id in found.candidates  # another profile's alias or title folds to the same name
        else:
            assert not isinstance(found, OohError), found
            assert found.occupation.id == summary.id


# --- YAML text ----------------------------------------------------------------------------------------------

YAML_PIECES = [
    "meta:",
    "occupations:",
    "\n",
    "\n  ",
    "\n- ",
    "- ",
    ": ",
    "id: ",
    "title: ",
    "pay: ",
    "{",
    "}",
    "[",
    "]",
    ", ",
    "&a ",
    "*a",
    "<<: ",
    "!!int ",
    "!!float ",
    "!!bool ",
    "!!timestamp ",
    "!!binary ",
    "!!set ",
    "!!str ",
    "!!python/object/apply:os.system ",
    "!local ",
    "? ",
    "|\n  ",
    ">\n  ",
    "'",
    '"',
    "\\x",
    "\\u00e9",
    "#",
    "%YAML 1.1\n",
    "---\n",
    "...\n",
    "\t",
    "2024-13-45",
    "2024-02-30T25:61:00",
    "0x" + "f" * 40,
    "9" * 5_000,
    "1e12",
    "1.0e+400",
    ".nan",
    "-.inf",
    "190:20:30",
    "0b102",
    "0o9",
    "null",
    "~",
    "yes",
    "é",
    "\x00",
    "\x85",
    "\ufeff",
    "\u2028",
    "A",
]


@PURE
@given(st.lists(st.sampled_from(YAML_PIECES) | st.text(max_size=3), max_size=40))
def test_any_text_parses_or_is_refused_in_one_line(tmp_path_factory: Any, pieces: list[str]) -> None:
    path: Path = tmp_path_factory.mktemp("yaml") / "data.yaml"
    path.write_bytes("".join(pieces).encode("utf-8", errors="surrogatepass"))
    try:
        document = parse_file(path)
    except DataError as error:
        message = str(error)
        assert str(path) in message and "\n" not in message, message
        return
    catalog_of(document)


# --- the command line ---------------------------------------------------------------------------------------

# Control characters included: a name holding a line break must not break the one-line message.
cli_text = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"]), max_size=20),
    st.sampled_from(NAMES + IDS + ["", " ", "--", "-x", "--help", "nan", "-1", "0", "1e400", "a\nb", "\x00", "\u2028"]),
)
LIST_OPTIONS = [
    "--outlook",
    "--min-outlook",
    "--education",
    "--max-education",
    "--group",
    "--training",
    "--experience",
    "--min-pay",
    "--max-pay",
    "--sort",
    "--limit",
    "--format",
]


def assert_handled(result: Result) -> None:
    assert result.exit_code in (0, 1, 2), result.output
    assert "Traceback" not in result.output
    if result.exit_code != 0:
        assert result.stdout == ""
        # Lines of `ooh: ...` (notes, then what is wrong); a name that fits several profiles lists the candidates.
        lines = result.stderr.splitlines()
        assert lines[0].startswith("ooh: ") and all(line.startswith(("ooh: ", "  ")) for line in lines), result.stderr


@THROUGH_CLI
@given(st.lists(st.tuples(st.sampled_from(LIST_OPTIONS), cli_text), max_size=3))
def test_any_list_options(invoke: Invoke, chosen: list[tuple[str, str]]) -> None:
    assert_handled(invoke("list", *(part for pair in chosen for part in pair)))


@THROUGH_CLI
@given(st.sampled_from(["show", "similar", "search", "top"]), cli_text)
def test_any_single_argument(invoke: Invoke, command: str, argument: str) -> None:
    assert_handled(invoke(command, argument))


@THROUGH_CLI
@given(st.lists(cli_text, min_size=1, max_size=3))
def test_any_compare(invoke: Invoke, names: list[str]) -> None:
    assert_handled(invoke("compare", *names))


# --- odd but valid data through every renderer --------------------------------------------------------------


@THROUGH_CLI
@given(valid_documents(min_size=2), st.sampled_from(["table", "json", "markdown"]))
def test_odd_valid_data_renders_in_every_command(
    invoke: Invoke, tmp_path_factory: Any, document: dict[str, Any], fmt: str
) -> None:
    path: Path = tmp_path_factory.mktemp("odd") / "data.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    first, second = (record["id"] for record in document["occupations"][:2])
    table_fmt = "csv" if fmt == "json" else fmt
    title = document["occupations"][0]["title"]
    # Options first and `--` before names: a generated id may start with a dash.
    for args in (
        ("show", "--format", fmt, "--", first),
        ("list", "--sort", "pay", "--format", table_fmt),
        ("compare", "--format", table_fmt, "--", first, second),
        ("top", "growth", "--format", table_fmt),
        ("groups", "--format", table_fmt),
        ("similar", "--format", table_fmt, "--", first),
        ("search", "--format", table_fmt, "--", title),
    ):
        result = invoke(*args, data=path)
        assert_handled(result)
        # Names may be ambiguous (another profile's alias folds to the same); listings have no excuse.
        assert result.exit_code == 0 or args[0] in ("show", "compare", "similar", "search"), (args, result.output)

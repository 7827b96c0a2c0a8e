"""Bad data files never hurt: each is refused with one clear line on stderr and exit 3, or loads as it should."""

from __future__ import annotations

import os
import pickle
import sqlite3
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from ooh_cli.core import cache, cachewrite
from ooh_cli.core.records import MAX_NAME
from ooh_cli.core.validate import read_document
from tests.conftest import SAMPLE, Invoke

WriteData = Callable[..., Path]
BAD_DATA = 3
MRT = "medical-records-and-health-information-technicians"
SAMPLE_LINES = SAMPLE.read_text(encoding="utf-8").splitlines()
# The line on which the `actors` record starts in the sample, the one most tests spoil.
ACTORS_LINE = SAMPLE_LINES.index("- id: actors") + 1
BUILT_LINE = SAMPLE_LINES.index("  built: '2026-01-01'") + 1


def sample_with(old: str, new: str) -> str:
    """The sample data with one exact piece of text replaced."""
    text = SAMPLE.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"the sample no longer has exactly one {old!r}"
    return text.replace(old, new)


def assert_refused(result: Result, *fragments: str, code: int = BAD_DATA) -> str:
    """One line `ooh: ...` on stderr naming each fragment, the documented exit code, nothing on stdout."""
    assert result.exit_code == code, result.output
    assert result.stdout == ""
    assert "Traceback" not in result.output
    assert result.stderr.startswith("ooh: ") and result.stderr.endswith("\n"), result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    for fragment in fragments:
        assert fragment in result.stderr
    return result.stderr


def assert_loads(result: Result, warning: str | None = None) -> None:
    assert result.exit_code == 0, result.output
    assert result.stdout
    if warning is None:
        assert result.stderr == ""
    else:
        assert result.stderr.startswith("ooh: ") and warning in result.stderr, result.stderr
        assert "Traceback" not in result.output


def cache_files(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache").glob("*"))


def cache_count(path: Path) -> int:
    """The number of profiles in a cache file, read as `ooh` reads it (cache.Damaged when it cannot be)."""
    return len(cache.Sections(sqlite3.connect(path)))


def fail_writes(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    """Make the cache's write fill its temporary database, then fail with ``error`` before it is renamed (the
    catalog then held in memory is filled as usual)."""
    real_fill = cachewrite.fill
    failed: list[bool] = []

    def fill_then_fail(*args: object, **kwargs: object) -> None:
        real_fill(*args, **kwargs)  # type: ignore[arg-type]
        if not failed:
            failed.append(True)
            raise error

    monkeypatch.setattr(cachewrite, "fill", fill_then_fail)


def spoil_table(sql: str) -> Callable[[Path], None]:
    """Change a cache in place with ``sql`` (its checksums left as they were)."""

    def spoil(path: Path) -> None:
        with sqlite3.connect(path) as connection:
            connection.execute(sql)
        connection.close()

    return spoil


# --- the file itself ------------------------------------------------------------------------------------


def test_a_missing_file(invoke: Invoke, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.yaml"
    assert_refused(invoke("list", data=missing), f"data file not found: {missing}")


def test_a_directory(invoke: Invoke, tmp_path: Path) -> None:
    assert_refused(invoke("list", data=tmp_path), str(tmp_path), "is a directory")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode; see the monkeypatched test")
def test_an_unreadable_file(invoke: Invoke, write_data: WriteData) -> None:
    path = write_data(SAMPLE.read_text())
    path.chmod(0)
    try:
        assert_refused(invoke("list", data=path), f"cannot read data file {path}", "Permission denied")
    finally:
        path.chmod(0o644)


def test_an_unreadable_file_even_as_root(
    invoke: Invoke, write_data: WriteData, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_data(SAMPLE.read_text())
    real_open = Path.open

    def denied(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", denied)
    assert_refused(invoke("list", data=path), f"cannot read data file {path}: Permission denied")


@pytest.mark.parametrize(
    "content", ["", "   \n\n\t \n", "\ufeff", b"\xef\xbb\xbf  \r\n"], ids=["empty", "blank", "bom", "bom-blank"]
)
def test_an_empty_file(invoke: Invoke, write_data: WriteData, content: str | bytes) -> None:
    path = write_data(content)
    assert_refused(invoke("list", data=path), f"data file {path} is empty")


def test_a_file_of_comments_only(invoke: Invoke, write_data: WriteData) -> None:
    path = write_data("# nothing here yet\n")
    assert_refused(
        invoke("list", data=path), str(path), "expected a mapping with 'meta' and 'occupations', got nothing"
    )


def test_binary_garbage(invoke: Invoke, write_data: WriteData) -> None:
    path = write_data(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4)
    assert_refused(invoke("list", data=path), f"{path}:1:1: not UTF-8 text (byte 0x89)")


def test_control_characters_say_where(invoke: Invoke, write_data: WriteData) -> None:
    path = write_data(sample_with("title: Actors", "title: Ac\x00tors"))
    assert_refused(invoke("list", data=path), f"{path}:{ACTORS_LINE + 1}:12:", "control character U+0000")


def test_an_html_page(invoke: Invoke, write_data: WriteData) -> None:
    path = write_data("<!DOCTYPE html>\n<html><head><title>Not found</title></head><body>404</body></html>\n")
    assert_refused(invoke("show", "actors", data=path), str(path), "expected a mapping with 'meta' and 'occupations'")


def test_json_of_another_shape(invoke: Invoke, write_data: WriteData) -> None:
    path = write_data('{"jobs": [{"name": "nurse", "pay": 1}], "version": 2}\n')
    assert_refused(invoke("list", data=path), str(path), "field 'meta': is required")


def test_a_yaml_syntax_error_says_line_and_column(invoke: Invoke, write_data: WriteData) -> None:
    path = write_data(sample_with("  title: Actors\n", "  title: [Actors\n"))
    assert_refused(invoke("list", data=path), f"{path}:{ACTORS_LINE + 2}:", "not valid YAML")


def test_a_tab_indent_says_line_and_column(invoke: Invoke, write_data: WriteData) -> None:
    path = write_data(sample_with("  title: Actors\n", "\ttitle: Actors\n"))
    assert_refused(invoke("list", data=path), f"{path}:{ACTORS_LINE + 1}:1: not valid YAML")


@pytest.mark.parametrize(
    ("content", "shown"), [("- meta\n- occupations\n", "a list"), ("just some words\n", "'just some words'")]
)
def test_the_top_level_is_not_a_mapping(invoke: Invoke, write_data: WriteData, content: str, shown: str) -> None:
    path = write_data(content)
    assert_refused(
        invoke("list", data=path), str(path), f"expected a mapping with 'meta' and 'occupations', got {shown}"
    )


def test_a_bare_meta_key(invoke: Invoke, write_data: WriteData) -> None:
    # `meta:` with nothing under it once reached the loader with no error to report: an IndexError, exit 4.
    path = write_data("meta:\noccupations: []\n")
    assert_refused(invoke("list", data=path), str(path), "field 'meta': is required")


def test_a_data_file_with_no_occupations_lists_nothing(invoke: Invoke, write_data: WriteData) -> None:
    path = write_data(sample_with(SAMPLE.read_text()[SAMPLE.read_text().index("occupations:") :], "occupations: []\n"))
    for args in (("list",), ("top", "pay"), ("search", "nurse")):
        result = invoke(*args, data=path)
        assert result.exit_code == 0 and result.stdout == "", result.output
        assert result.stderr.startswith("ooh: ") and result.stderr.count("\n") == 1


def test_a_data_file_with_no_occupations_finds_none(invoke: Invoke, write_data: WriteData) -> None:
    path = write_data(sample_with(SAMPLE.read_text()[SAMPLE.read_text().index("occupations:") :], "occupations: []\n"))
    assert_refused(invoke("show", "actors", data=path), "no occupation matches 'actors'", code=1)


# --- records --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("- id: actors\n", "- name: actors\n", "field 'occupations[0].id': is required text, got nothing"),
        ("  title: Actors\n", "", f":{ACTORS_LINE}: error: record 'actors': field 'title': is required"),
        ("  group: entertainment-and-sports\n", "", "record 'actors': field 'group': is required"),
    ],
    ids=["id", "title", "group"],
)
def test_a_required_field_is_missing(invoke: Invoke, write_data: WriteData, old: str, new: str, where: str) -> None:
    path = write_data(sample_with(old, new))
    assert_refused(invoke("list", data=path), str(path), where)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "pay: {year: 2024, median_hourly: 25.0}",
            "pay: {median_annual: lots}",
            "field 'pay.median_annual': expected a number, got 'lots'",
        ),
        ("pay: {year: 2024, median_hourly: 25.0}", "pay: 25", "field 'pay': expected a mapping, got the number 25"),
        ("soc_codes: [27-2011]", "soc_codes: 27-2011", "field 'soc_codes': expected a list, got '27-2011'"),
        ("jobs: 60000}", "jobs: [60000]}", "field 'employment.jobs': expected a number, got a list"),
        ("pay: {year: 2024, median_hourly: 25.0}", "pay: {top_coded: maybe}", "expected true or false, got 'maybe'"),
    ],
    ids=["text-for-number", "number-for-mapping", "text-for-list", "list-for-number", "text-for-flag"],
)
def test_a_field_of_the_wrong_type(invoke: Invoke, write_data: WriteData, old: str, new: str, message: str) -> None:
    path = write_data(sample_with(old, new))
    assert_refused(invoke("list", data=path), f"{path}:{ACTORS_LINE}: error: record 'actors'", message)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("jobs: 60000}", "jobs: -5}", "field 'employment.jobs': -5 is out of range"),
        ("median_hourly: 25.0}", "median_annual: 1000000000000}", "field 'pay.median_annual': 1000000000000 is out"),
        ("median_hourly: 25.0}", "median_annual: 1.0e+12}", "field 'pay.median_annual': 1000000000000.0 is out"),
        (
            "growth_percent: 2, category: slower, change: 1200",
            "growth_percent: 5000, category: slower, change: 1200",
            "field 'outlook.growth_percent': 5000 is out of range",
        ),
        (
            "pay: {year: 2024, median_hourly",
            "pay: {year: 20245, median_hourly",
            "field 'pay.year': 20245 is out of range",
        ),
        (
            "jobs: 60000}",
            f"jobs: 0x{'f' * 5000}}}",
            "field 'employment.jobs': with more than 18 digits is out of range",
        ),
    ],
    ids=["negative-jobs", "trillion-pay", "trillion-pay-float", "growth-5000", "year", "5000-hex-digits"],
)
def test_an_absurd_figure(invoke: Invoke, write_data: WriteData, old: str, new: str, message: str) -> None:
    path = write_data(sample_with(old, new))
    assert_refused(invoke("list", data=path), f"{path}:{ACTORS_LINE}: error: record 'actors'", message)


def test_a_number_yaml_reads_as_text_gets_a_hint(invoke: Invoke, write_data: WriteData) -> None:
    # YAML 1.1 needs a dot before the exponent; 1e12 is the text "1e12" to PyYAML.
    path = write_data(sample_with("median_hourly: 25.0}", "median_annual: 1e12}"))
    assert_refused(invoke("list", data=path), "field 'pay.median_annual': expected a number, got '1e12'", "1.0e+12")


def test_an_unknown_outlook_category_lists_the_valid_ones(invoke: Invoke, write_data: WriteData) -> None:
    path = write_data(sample_with("category: slower, change: 1200", "category: zooming, change: 1200"))
    assert_refused(
        invoke("list", data=path),
        "record 'actors': field 'outlook.category': unknown outlook category 'zooming'",
        "much-faster, faster, average, slower, little-change, decline",
    )


def test_an_unknown_education_level_lists_the_valid_ones(invoke: Invoke, write_data: WriteData) -> None:
    path = write_data(sample_with("education: some-college", "education: wizardry"))
    assert_refused(
        invoke("list", data=path),
        "field 'how_to_become.education': unknown education level 'wizardry'",
        "none, high-school, some-college, postsecondary-nondegree, associate, bachelor, master, doctoral",
    )


def test_a_duplicate_id_names_both_records(invoke: Invoke, write_data: WriteData) -> None:
    path = write_data(sample_with("- id: information-clerks\n", "- id: actors\n"))
    assert_refused(invoke("list", data=path), "record 'actors': field 'id': is used again by occupations[2]")


def test_a_duplicate_key_is_refused_not_silently_dropped(invoke: Invoke, write_data: WriteData) -> None:
    # PyYAML keeps the second `pay:` and drops the first without a word.
    path = write_data(sample_with("  pay: {year: 2024, median_hourly: 25.0}\n", "  pay: {year: 2024}\n  pay: {}\n"))
    assert_refused(invoke("list", data=path), f"{path}:{ACTORS_LINE + 7}:3: duplicate key 'pay'")


def test_an_alias_claimed_twice_warns_and_lookups_still_work(invoke: Invoke, write_data: WriteData) -> None:
    path = write_data(
        sample_with("aliases: [Hospital Administrator]", "aliases: [Hospital Administrator, Medical Coder]")
    )
    for name in (MRT, "medical-and-health-services-managers", "hospital administrator", "health information coder"):
        assert_loads(invoke("show", name, data=path), warning="alias 'Medical Coder' is also claimed by")
    listed = invoke("list", data=path)
    assert_loads(listed, warning="warning: record")
    assert listed.stderr.count("\n") == 1
    # The shared alias itself names two profiles: a clear ambiguity, not a crash.
    shared = invoke("show", "medical coder", data=path)
    assert shared.exit_code == 1 and "could mean several occupations" in shared.stderr
    assert "Traceback" not in shared.output


def test_a_similar_occupation_that_does_not_exist_warns(invoke: Invoke, write_data: WriteData) -> None:
    path = write_data(sample_with("registrars, registered-nurses]", "registrars, ghosts]"))
    result = invoke("similar", MRT, data=path)
    assert_loads(result, warning="similar occupation 'ghosts' is not in the file")
    assert result.stderr.count("\n") == 1


# --- encodings and line endings ---------------------------------------------------------------------------


def test_latin1_bytes_say_where(invoke: Invoke, write_data: WriteData) -> None:
    path = write_data(sample_with("title: Actors", "title: Actors caf\u00e9").encode("latin-1"))
    assert_refused(invoke("list", data=path), f"{path}:{ACTORS_LINE + 1}:20: not UTF-8 text (byte 0xe9)")


def test_a_utf8_bom_loads(invoke: Invoke, write_data: WriteData) -> None:
    path = write_data(b"\xef\xbb\xbf" + SAMPLE.read_bytes())
    result = invoke("show", "actors", data=path)
    assert_loads(result)
    assert result.stdout == invoke("show", "actors").stdout


def test_windows_line_endings_load(invoke: Invoke, write_data: WriteData) -> None:
    path = write_data(SAMPLE.read_bytes().replace(b"\n", b"\r\n"))
    result = invoke("show", MRT, data=path)
    assert_loads(result)
    assert "\r" not in result.stdout
    assert result.stdout == invoke("show", MRT).stdout


def test_an_unquoted_date_is_read_as_text(invoke: Invoke, write_data: WriteData) -> None:
    # YAML reads 2025-08-28 as a date; the schema wants the text.
    path = write_data(sample_with("last_modified: '2025-08-28'", "last_modified: 2025-08-28"))
    assert_loads(invoke("show", MRT, "--section", "source", data=path))


@pytest.mark.parametrize(
    ("value", "kind"),
    [("2024-13-45", "date"), ("9" * 5000, "number"), ("!!float abc", "number"), ("!!bool maybe", "true/false")],
    ids=["month-13", "5000-digits", "tagged-float", "tagged-bool"],
)
def test_a_scalar_yaml_cannot_read_says_where(invoke: Invoke, write_data: WriteData, value: str, kind: str) -> None:
    # These once escaped the YAML library as bare ValueErrors: "unexpected error", exit 4.
    path = write_data(sample_with("built: '2026-01-01'", f"built: {value}"))
    assert_refused(invoke("list", data=path), f"{path}:{BUILT_LINE}:10:", f"cannot be read as a {kind}")


# --- size and hostility -----------------------------------------------------------------------------------


def test_a_megabyte_title_is_refused_fast(invoke: Invoke, write_data: WriteData) -> None:
    path = write_data(sample_with("title: Actors", "title: " + "Actor " * 200_000))
    started = time.perf_counter()
    result = invoke("search", "actor", data=path)
    assert time.perf_counter() - started < 2
    assert_refused(result, f"{path}:{ACTORS_LINE}:", "field 'title': is 1,199,999 characters long; at most 1,000")


def test_a_megabyte_summary_is_refused_fast(invoke: Invoke, write_data: WriteData) -> None:
    long_summary = "summary: " + "Actors act. " * 90_000
    path = write_data(
        sample_with("summary: Actors play characters on stage, in films and on television.", long_summary)
    )
    started = time.perf_counter()
    result = invoke("list", data=path)
    assert time.perf_counter() - started < 2
    assert_refused(result, "field 'summary': is 1,079,999 characters long; at most 20,000")


def test_a_long_but_sane_title_loads(invoke: Invoke, write_data: WriteData) -> None:
    title = "Actors " + "x" * (MAX_NAME - 10)
    path = write_data(sample_with("title: Actors", f"title: {title}"))
    result = invoke("show", "actors", data=path)
    assert_loads(result)


def test_long_valid_duties_search_fast(invoke: Invoke, write_data: WriteData) -> None:
    # Each duty is within the prose limit; together they make one 600 KB line of the duties blob.
    duties = "".join(f"  - {'ab ' * 1_500}\n" for _ in range(130))
    path = write_data(sample_with("  title: Actors\n", "  title: Actors\n  duties:\n" + duties))
    assert_loads(invoke("list", data=path))  # parsed and cached: what follows times the search alone
    started = time.perf_counter()
    result = invoke("search", "ab", data=path)
    assert time.perf_counter() - started < 2
    assert_loads(result)


@pytest.mark.parametrize(
    "tag",
    ["!!python/object/apply:os.system", "!!python/object/apply:subprocess.call", "!!python/object/new:os.system"],
)
def test_python_tags_are_refused_and_never_run(invoke: Invoke, write_data: WriteData, tmp_path: Path, tag: str) -> None:
    marker = tmp_path / "executed"
    path = write_data(sample_with("title: Actors", f"title: {tag} [['touch', '{marker}']]"))
    path_str = write_data(sample_with("title: Actors", f"title: {tag} ['touch {marker}']"), name="str.yaml")
    assert_refused(invoke("list", data=path), f"{path}:{ACTORS_LINE + 1}:10: the YAML tag", "is not allowed")
    assert_refused(invoke("list", data=path_str), "is not allowed")
    assert not marker.exists()


def laughs(depth: int, indent: str = "") -> str:
    """YAML anchors each listing the one before nine times: 9**depth strings from a few hundred bytes."""
    lines = [f'{indent}lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, depth + 1):
        refs = ", ".join([f"*lol{level - 1}"] * 9)
        lines.append(f"{indent}lol{level}: &lol{level} [{refs}]")
    return "\n".join(lines) + "\n"


BOMBS = {
    "top-level": laughs(9) + "meta: *lol9\noccupations: *lol9\n",
    "in-duties": sample_with("  title: Actors\n", "  title: Actors\n" + laughs(9, "  ") + "  duties: *lol9\n"),
    "in-aliases": sample_with("  title: Actors\n", "  title: Actors\n" + laughs(9, "  ") + "  aliases: *lol9\n"),
    # Every leaf a valid alias: only refusing aliases stops this one.
    "text-leaves": sample_with(
        "  title: Actors\n",
        "  title: Actors\n  spare: &big " + "x" * 900 + "\n  aliases: [" + "*big, " * 5000 + "*big]\n",
    ),
}


@pytest.mark.parametrize("bomb", BOMBS.values(), ids=BOMBS.keys())
def test_a_billion_laughs_is_refused_quickly_in_little_memory(
    invoke: Invoke, write_data: WriteData, tmp_path: Path, bomb: str
) -> None:
    path = write_data(bomb)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        result = invoke("search", "lol", data=path)
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert elapsed < 2
    assert peak < 50 * 2**20
    assert_refused(result, str(path), "YAML anchors and aliases (&name, *name) are not allowed")
    assert cache_files(tmp_path) == []


def test_the_validator_never_walks_an_expansion() -> None:
    # Shared lists stand for what a YAML alias bomb would build: 10**10 strings that no one may visit.
    bomb: list[object] = ["lol"] * 10
    for _ in range(9):
        bomb = [bomb] * 10
    document = {
        "meta": {"edition": "2024-34", "groups": bomb, "outlook_thresholds": {"much-faster": bomb}, "extra": bomb},
        "occupations": [
            {"id": "a", "title": "A", "group": "g", "duties": bomb, "aliases": bomb, "history": bomb, "x": bomb},
            {"id": "b", "title": "B", "group": "g", "pay": {"year": bomb}, "associations": bomb, "notes": bomb},
            *bomb,
        ],
    }
    started = time.perf_counter()
    dataset, problems = read_document(document)
    assert time.perf_counter() - started < 0.5
    assert dataset is None and problems


# --- pipes ----------------------------------------------------------------------------------------------


def test_a_pipe_is_read_once_and_never_cached(invoke: Invoke, tmp_path: Path) -> None:
    # `ooh --data <(curl ...)`: the data must come from one read, and a pipe's stat says nothing about its content.
    read, write = os.pipe()
    os.write(write, SAMPLE.read_bytes())
    os.close(write)
    try:
        result = invoke("show", "actors", data=Path(f"/dev/fd/{read}"))
    finally:
        os.close(read)
    assert_loads(result)
    assert cache_files(tmp_path) == []


def test_errors_in_a_pipe_are_reported_without_rereading(invoke: Invoke, tmp_path: Path) -> None:
    read, write = os.pipe()
    os.write(write, sample_with("category: slower, change: 1200", "category: zooming, change: 1200").encode())
    os.close(write)
    try:
        result = invoke("list", data=Path(f"/dev/fd/{read}"))
    finally:
        os.close(read)
    assert_refused(result, f"/dev/fd/{read}: error: record 'actors'", "unknown outlook category 'zooming'")


# --- the cache --------------------------------------------------------------------------------------------


@pytest.fixture
def data_copy(write_data: WriteData) -> Path:
    return write_data(SAMPLE.read_text())


def test_a_failed_cache_write_leaves_no_partial_file(
    invoke: Invoke, data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_writes(monkeypatch, sqlite3.OperationalError("database or disk is full"))
    assert_loads(invoke("show", "actors", data=data_copy))
    assert cache_files(tmp_path) == []


def test_ctrl_c_while_writing_the_cache_leaves_no_partial_file(
    invoke: Invoke, data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_writes(monkeypatch, KeyboardInterrupt())
    result = invoke("show", "actors", data=data_copy)
    assert result.exit_code == 130 and "Traceback" not in result.output
    assert cache_files(tmp_path) == []


def test_a_failed_rewrite_keeps_the_old_cache_readable(
    invoke: Invoke, data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert_loads(invoke("show", "actors", data=data_copy))
    (cache_file,) = cache_files(tmp_path)
    before = cache_file.read_bytes()
    data_copy.write_text(SAMPLE.read_text().replace("median_annual: 90000", "median_annual: 91000"))

    fail_writes(monkeypatch, OSError(28, "No space left on device"))
    result = invoke("show", "registered-nurses", "-s", "pay", "-f", "json", data=data_copy)
    assert_loads(result)
    assert '"median_annual": 91000' in result.stdout
    assert cache_files(tmp_path) == [cache_file]
    assert cache_file.read_bytes() == before
    assert cache_count(cache_file) == 10  # the untouched cache still reads


def test_a_read_only_cache_dir_only_costs_speed(invoke: Invoke, data_copy: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    cache_dir.chmod(0o500)
    try:
        assert_loads(invoke("show", "actors", data=data_copy))
        assert_loads(invoke("show", "actors", data=data_copy))
        if os.geteuid() != 0:  # root writes anyway
            assert cache_files(tmp_path) == []
        assert not [p for p in cache_dir.iterdir() if p.suffix == ".tmp"]
    finally:
        cache_dir.chmod(0o700)


def flip_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for at in range(len(data) // 3, len(data) // 3 + 64):
        data[at] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "spoil",
    [
        lambda path: path.write_bytes(os.urandom(path.stat().st_size)),
        lambda path: path.write_bytes(path.read_bytes()[: path.stat().st_size // 2]),
        lambda path: path.write_bytes(b""),
        spoil_table("PRAGMA application_id = 7"),
        spoil_table("UPDATE part SET body = x'93a16101' WHERE name = 'header'"),
        spoil_table("UPDATE record SET body = substr(body, 1, 40) || x'ff' || substr(body, 42)"),
        spoil_table("UPDATE name SET positions = '99' WHERE name = 'actors'"),
        spoil_table("DROP TABLE record"),
    ],
    ids=[
        "garbage",
        "truncated",
        "empty",
        "another-program",
        "header-checksum",
        "record-checksum",
        "name-out-of-range",
        "table-gone",
    ],
)
def test_a_corrupt_cache_is_ignored_and_rebuilt(
    invoke: Invoke, data_copy: Path, tmp_path: Path, spoil: Callable[[Path], None]
) -> None:
    first = invoke("show", "actors", data=data_copy)
    assert_loads(first)
    (cache_file,) = cache_files(tmp_path)
    spoil(cache_file)
    again = invoke("show", "actors", data=data_copy)
    assert_loads(again)
    assert again.stdout == first.stdout
    assert cache_count(cache_file) == 10  # rebuilt


def test_a_cache_damaged_in_its_middle_is_rebuilt_or_read_right(
    invoke: Invoke, data_copy: Path, tmp_path: Path
) -> None:
    first = invoke("list", "-f", "json", data=data_copy)
    (cache_file,) = cache_files(tmp_path)
    flip_middle(cache_file)
    again = invoke("list", "-f", "json", data=data_copy)
    assert_loads(again)
    assert again.stdout == first.stdout


class _Planted:
    """Unpickled, it would create a file: what a cache file planted by someone else could do to pickle."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, ...]:
        return (Path.touch, (self.marker,))


def test_a_cache_file_never_runs_code(invoke: Invoke, data_copy: Path, tmp_path: Path) -> None:
    first = invoke("show", "actors", data=data_copy)
    (cache_file,) = cache_files(tmp_path)
    marker = tmp_path / "planted-code-ran"
    cache_file.write_bytes(pickle.dumps(_Planted(marker)))
    again = invoke("show", "actors", data=data_copy)
    assert_loads(again)
    assert again.stdout == first.stdout
    assert not marker.exists()

"""Hostile data and hostile input: nothing that would act on a terminal reaches one, and nothing unbounded runs.

Data with terminal controls is refused by the loader; to test the output edge behind it, some tests switch the
validator's check off (as data that came in another way would be) and look at every output format.
"""

from __future__ import annotations

import json
import random
import re
import time
import webbrowser
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ooh_cli.core import validate
from ooh_cli.core.sanitize import (
    UNSAFE_CHARACTERS,
    clean,
    clean_all,
    escaped,
    first_unsafe,
    is_web_address,
    unsafe,
)
from tests.conftest import SAMPLE, Invoke

# What Rich writes on purpose: colours and styles (SGR), and OSC 8 hyperlinks.
RICH_SGR = re.compile(r"\x1b\[[0-9;]*m")
RICH_LINK = re.compile(r"\x1b\]8;[^\x1b\x07]*;([^\x1b\x07]*)\x1b\\")
CONTROLS = [chr(code) for code in range(32) if code not in (9, 10)] + ["\x7f", "\x85", "\x9b", "\u202e", "\u2066"]
HOSTILE = "Actors\x1b]52;c;ZXZpbA==\x07 \x1b[31mred\r\u202etxt.exe\x9b2J"
RICH = {"NO_COLOR": None, "FORCE_COLOR": "1"}


def hostile_file(tmp_path: Path, text: str, url: str = "https://www.bls.gov/ooh/actors.htm") -> Path:
    """The sample data with ``text`` in a title, a summary, a duty, a group name and an alias, and ``url``."""
    document = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    actors = document["occupations"][0]
    assert actors["id"] == "actors"
    actors["title"] = f"Actors {text}"
    actors["summary"] = f"They act. {text}"
    actors["duties"] = [f"Read scripts {text}"]
    actors["aliases"] = [f"Thespian {text}"]
    actors["source"] = {"edition": "2024-34", "url": url}
    document["meta"]["groups"][1]["name"] = f"Entertainment {text}"
    path = tmp_path / "hostile.yaml"
    # PyYAML escapes in double quotes what YAML forbids raw: the file is valid YAML holding every character.
    path.write_text(yaml.safe_dump(document, allow_unicode=False, sort_keys=False), encoding="utf-8")
    return path


def assert_safe(output: str, rich: bool = False) -> None:
    """No terminal control in ``output`` but, from Rich, its own styles and http(s) links."""
    if rich:
        links = RICH_LINK.findall(output)
        assert all(is_web_address(url) for url in links if url), links
        output = RICH_SGR.sub("", RICH_LINK.sub("", output))
    assert UNSAFE_CHARACTERS.isdisjoint(output), repr(sorted(UNSAFE_CHARACTERS.intersection(output)))


# --- the sanitizer ----------------------------------------------------------------------------------------


def test_clean_shows_controls_and_drops_bidi_overrides() -> None:
    assert clean("a\x1b[31mb\x07c\r\x7f\x9b\u202ed\u2066e\tf\ng") == "a␛[31mb␇c␍␡\ufffdde\tf\ng"
    assert clean("Registered Nurses") == "Registered Nurses"


@given(st.text(st.characters(max_codepoint=0x7F)) | st.text(st.characters(max_codepoint=0x2070)))
def test_ascii_text_is_checked_as_any_other(text: str) -> None:
    assert unsafe(text) is not UNSAFE_CHARACTERS.isdisjoint(text)


def test_escaped_keeps_json_exact() -> None:
    text = json.dumps({"t": "a\x85\u202e\x7f"}, ensure_ascii=False)
    assert json.loads(escaped(text)) == {"t": "a\x85\u202e\x7f"}
    assert UNSAFE_CHARACTERS.isdisjoint(escaped(text))


def test_clean_all_reaches_every_string_of_a_view() -> None:
    from ooh_cli.output.blocks import Links
    from ooh_cli.output.views import Listing

    view = Listing(["Occupation\x1b"], [["a\x07", "b"]], {1}, footer="f\u202e")
    assert clean_all(view) == Listing(["Occupation␛"], [["a␇", "b"]], {1}, footer="f")
    assert clean_all(Links("t", [("n\x1b", "u\x1b")])) == Links("t", [("n␛", "u␛")])


@pytest.mark.parametrize(
    ("url", "web"),
    [
        ("https://www.bls.gov/ooh/", True),
        ("HTTP://example.org/a?b=c", True),
        ("javascript:alert(1)", False),
        ("file:///etc/passwd", False),
        ("-a https://x.org", False),
        ("--new-window", False),
        ("https://x.org/\x1b]52;c;x\x07", False),
        ("https://x.org/>[click](javascript:x)", False),
        ("https://x.org/ a", False),
    ],
)
def test_only_http_addresses_are_links(url: str, web: bool) -> None:
    assert is_web_address(url) is web


def test_first_unsafe_names_the_character() -> None:
    assert first_unsafe("ok\x1b") == "U+001B"
    assert first_unsafe("two\nlines") is None
    assert first_unsafe("two\nlines", one_line=True) == "U+000A"


# --- the loader refuses controls ------------------------------------------------------------------------


@pytest.mark.parametrize("command", [("data", "validate"), ("list",)])
def test_the_loader_and_validate_refuse_controls(invoke: Invoke, tmp_path: Path, command: tuple[str, ...]) -> None:
    path = tmp_path / "title.yaml"
    path.write_text(SAMPLE.read_text(encoding="utf-8").replace("title: Actors", 'title: "Actors\\e[2J"'))
    args = (*command, str(path)) if command[0] == "data" else command
    result = invoke(*args, data=path, env={"OOH_NO_CACHE": "1"})
    assert result.exit_code == 3, result.output
    # The file and the record's line, the field and the character, and nothing raw on the terminal.
    said = result.stdout + result.stderr  # validate lists the problems on stdout
    assert re.search(
        rf"{re.escape(str(path))}:\d+: error: record 'actors': field 'title': contains the control character U\+001B",
        said,
    )
    assert "\x1b" not in said


def test_the_control_check_asks_each_record_class_for_its_fields_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # msgspec reads a class's annotations at every call: asked per record, checking the bundled file took
    # about a second of the first run after an install.
    import msgspec

    from ooh_cli.core.model import Occupation

    validate._field_names.cache_clear()
    asked: list[type] = []
    real = msgspec.structs.fields
    monkeypatch.setattr(msgspec.structs, "fields", lambda kind: asked.append(kind) or real(kind))
    document = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    records = [msgspec.convert(record, Occupation) for record in document["occupations"]]
    assert len(records) > 1
    problems: list[validate.Problem] = []
    for record in records:
        validate.check_controls(record, problems, record.id, "")
    assert problems == []
    assert asked and len(asked) == len(set(asked))


def test_a_line_break_in_a_title_is_refused_but_not_in_prose(invoke: Invoke, tmp_path: Path) -> None:
    document = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    document["occupations"][0]["summary"] = "Two paragraphs.\n\nThe second."
    document["occupations"][0]["title"] = "Act\nors"
    path = tmp_path / "breaks.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    result = invoke("data", "validate", str(path))
    assert result.exit_code == 3
    assert "field 'title': contains the control character U+000A" in result.stdout
    assert "summary" not in result.stdout
    assert "1 problem" in result.stderr


# --- the output edge, with the loader's check switched off ----------------------------------------------

# Every output format of the commands that show data.
FORMATS: list[tuple[tuple[str, ...], str, dict[str, str | None]]] = [
    (("show", "actors"), "table", {}),
    (("show", "actors"), "table", RICH),
    (("show", "actors"), "markdown", {}),
    (("show", "actors"), "json", {}),
    (("show", "actors"), "yaml", {}),
    (("list",), "table", {}),
    (("list",), "table", RICH),
    (("list",), "csv", {}),
    (("list",), "markdown", {}),
    (("list",), "json", {}),
    (("compare", "actors", "information-clerks"), "table", {}),
    (("compare", "actors", "information-clerks"), "table", RICH),
    (("compare", "actors", "information-clerks"), "csv", {}),
    (("compare", "actors", "information-clerks"), "markdown", {}),
    (("search", "act"), "table", {}),
    (("search", "act"), "table", RICH),
    (("search", "act"), "csv", {}),
    (("groups",), "table", RICH),
    (("groups",), "csv", {}),
]


@pytest.fixture
def unchecked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Data with controls gets past the loader, as data from elsewhere would."""
    monkeypatch.setattr(validate, "check_controls", lambda *args, **kwargs: None)
    monkeypatch.setenv("OOH_NO_CACHE", "1")


def strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [found for item in value.values() for found in strings(item)]
    if isinstance(value, list):
        return [found for item in value for found in strings(item)]
    return []


def run_everywhere(invoke: Invoke, path: Path, text: str) -> None:
    for args, fmt, env in FORMATS:
        result = invoke(*args, "--format", fmt, data=path, env=env)
        assert result.exit_code == 0, (args, fmt, result.stderr)
        assert_safe(result.stdout, rich=bool(env))
        assert_safe(result.stderr)
        if fmt == "json":
            assert any(text in found for found in strings(json.loads(result.stdout)))  # escaped, not lost
        if fmt == "yaml":
            assert yaml.safe_load(result.stdout)["title"] == f"Actors {text}"


@pytest.mark.usefixtures("unchecked")
def test_a_hostile_data_file_reaches_no_output_raw(invoke: Invoke, tmp_path: Path) -> None:
    run_everywhere(invoke, hostile_file(tmp_path, HOSTILE), HOSTILE)


@pytest.mark.usefixtures("unchecked")
def test_rich_reads_no_markup_in_data(invoke: Invoke, tmp_path: Path) -> None:
    path = hostile_file(tmp_path, "[bold red]loud[/] :smile:")
    result = invoke("show", "actors", data=path, env=RICH)
    assert "[bold red]loud[/] :smile:" in RICH_SGR.sub("", result.stdout)


@pytest.mark.usefixtures("unchecked")
@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "https://x.org/\x1b]52;c;eA==\x07"])
def test_links_only_for_http_addresses(invoke: Invoke, tmp_path: Path, url: str) -> None:
    path = hostile_file(tmp_path, "plain", url=url)
    rich = invoke("show", "actors", "--section", "source", data=path, env=RICH)
    assert rich.exit_code == 0
    assert RICH_LINK.findall(rich.stdout) == [] and "\x1b]52" not in rich.stdout
    markdown = invoke("show", "actors", "--section", "source", "--format", "markdown", data=path)
    assert f"<{url}>" not in markdown.stdout
    assert_safe(markdown.stdout)


@pytest.mark.usefixtures("unchecked")
def test_markdown_links_in_data_stay_text(invoke: Invoke, tmp_path: Path) -> None:
    path = hostile_file(tmp_path, "[click](javascript:alert(1)) <script>")
    result = invoke("show", "actors", "--format", "markdown", data=path)
    assert "[click](javascript" not in result.stdout and "<script>" not in result.stdout
    assert r"\[click\](javascript:alert(1)) \<script\>" in result.stdout


@pytest.mark.usefixtures("unchecked")
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.sampled_from([*CONTROLS, "a", " ", "[", "<"]), min_size=1, max_size=12))
def test_random_controls_in_any_field_never_reach_output_raw(invoke: Invoke, tmp_path: Path, text: str) -> None:
    run_everywhere(invoke, hostile_file(tmp_path, text), text)


# --- what users type --------------------------------------------------------------------------------------


def test_a_name_with_controls_is_not_echoed_raw(invoke: Invoke) -> None:
    result = invoke("show", "zz\x1b]0;pwned\x07qq")
    assert result.exit_code == 1
    assert "try `ooh search zz␛]0;pwned␇qq`" in result.stderr
    assert_safe(result.stderr)


def test_a_search_with_controls_is_not_echoed_raw(invoke: Invoke) -> None:
    result = invoke("search", "\x1b[2Jqqq\u202e")
    assert result.exit_code == 0
    assert_safe(result.stderr)
    assert result.stderr == "ooh: nothing matches '\\x1b[2Jqqq\\u202e'\n"


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "file:///etc/passwd", "-new-window https://x.org", "--help", "ftp://x.org"]
)
def test_web_opens_only_http_addresses(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, url: str
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda address: opened.append(address) or True)
    result = invoke("show", "actors", "--web", data=hostile_file(tmp_path, "plain", url=url))
    assert result.exit_code == 3
    assert opened == []
    assert "only http:// and https:// addresses are opened" in result.stderr


def test_web_opens_an_http_address(invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda address: opened.append(address) or True)
    result = invoke("show", "actors", "--web", data=hostile_file(tmp_path, "plain"))
    assert result.exit_code == 0 and opened == ["https://www.bls.gov/ooh/actors.htm"]


# --- bounds and small ones --------------------------------------------------------------------------------


def test_a_400_word_query_works_and_a_huge_one_is_a_usage_error(invoke: Invoke) -> None:
    words = " ".join(["nurse"] * 400)
    assert invoke("search", words).exit_code == 0
    huge = "a" * 5000
    for args in (("search", huge), ("show", huge), ("compare", huge, "actors"), ("similar", huge)):
        result = invoke(*args)
        assert result.exit_code == 2, args
        assert "is 5,000 characters long; at most 4,096 are taken" in result.stderr


def test_an_option_like_name_is_not_guessed(invoke: Invoke) -> None:
    # `--` makes "--help" a name; it names no profile, and its word "help" must not pick one (helpers).
    result = invoke("show", "--", "--help")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "ooh: no occupation is named '--help'; options such as --help go before `--`\n"


@pytest.mark.parametrize("value", ["", " ", ","])
@pytest.mark.parametrize("command", [("wages", "actors"), ("compare", "actors", "information-clerks"), ("list",)])
def test_an_empty_state_is_a_usage_error(invoke: Invoke, value: str, command: tuple[str, ...]) -> None:
    result = invoke(*command, "--state", value)
    assert result.exit_code == 2
    assert result.stderr.startswith("ooh: --state: ")
    assert "expected a postal code or a state name" in result.stderr


@pytest.mark.parametrize("value", ["\u0663", "\uff13", "1_0", "\u00b2"])
def test_only_ascii_digits_are_numbers(invoke: Invoke, value: str) -> None:
    result = invoke("list", "--limit", value)
    assert result.exit_code == 2
    assert f"--limit: expected a whole number, 1 or more, not {value!r}" in result.stderr


def test_only_ascii_digits_are_amounts(invoke: Invoke) -> None:
    result = invoke("list", "--min-pay", "٦٠٠٠٠")
    assert result.exit_code == 2


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: Path("/dev/zero"), "is a device or a socket, not a YAML file"),
        (lambda tmp: Path("/dev/null"), "is a device or a socket, not a YAML file"),
    ],
)
def test_devices_are_refused_before_reading(invoke: Invoke, tmp_path: Path, make: Any, message: str) -> None:
    result = invoke("list", data=make(tmp_path))
    assert result.exit_code == 3
    assert message in result.stderr


def test_a_file_over_the_size_limit_is_refused_before_reading(invoke: Invoke, tmp_path: Path) -> None:
    from ooh_cli.core.files import MAX_DATA_BYTES

    big = tmp_path / "big.yaml"
    with big.open("wb") as stream:
        stream.truncate(MAX_DATA_BYTES + 1)  # sparse: nothing is written, nothing must be read
    started = time.monotonic()
    result = invoke("list", data=big)
    assert result.exit_code == 3
    assert f"data file {big} is larger than 64 MB; not read" in result.stderr
    assert time.monotonic() - started < 5


# --- fuzz -------------------------------------------------------------------------------------------------

WORDS = ["nurse", "actors", "--limit", "--format", "json", "csv", "--state", "TX", "--sort", "pay", "-n", "--", "٣"]
COMMANDS = ["show", "compare", "list", "search", "top", "groups", "similar", "wages", "match", "data"]


def random_argument(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.4:
        return rng.choice(WORDS)
    if kind < 0.6:
        return "".join(rng.choice("abcdefghij \x1b\u202e-[]") for _ in range(rng.randint(0, 30)))
    if kind < 0.8:
        return rng.choice(["x", "nurse ", "--bogus", "-"]) * rng.randint(100, 2000)
    return str(rng.randint(-(10**30), 10**30))


def test_random_long_argument_lists_end_in_time_with_a_documented_code(invoke: Invoke) -> None:
    rng = random.Random(22)
    started = time.monotonic()
    for _ in range(60):
        args = [rng.choice(COMMANDS), *(random_argument(rng) for _ in range(rng.randint(0, 40)))]
        begun = time.monotonic()
        result = invoke(*args)
        assert time.monotonic() - begun < 3, args[:5]
        assert result.exit_code in (0, 1, 2, 3), (args[:5], result.stderr[-300:])
        assert "Traceback" not in result.stderr and "unexpected error" not in result.stderr
        assert_safe(result.stderr)
    assert time.monotonic() - started < 30

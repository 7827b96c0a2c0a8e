"""On a colour terminal `ooh` draws with Rich; piped or with NO_COLOR it prints plain text."""

from __future__ import annotations

import pytest

from tests.conftest import Invoke

MRT = "medical-records-and-health-information-technicians"
ESC = "\x1b["


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend stdout is a colour terminal, as Rich's FORCE_COLOR does."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")


@pytest.mark.usefixtures("terminal")
def test_profile_in_panels_with_colour(invoke: Invoke) -> None:
    out = invoke("show", MRT).stdout
    assert ESC in out
    assert "╭─ Quick facts" in out and "╭─ Earlier editions" in out
    assert "$50,000 per year" in out


@pytest.mark.usefixtures("terminal")
def test_compare_marks_the_best_in_colour(invoke: Invoke) -> None:
    out = invoke("compare", MRT, "registered-nurses").stdout
    assert f"{ESC}1m$90,000 *{ESC}0m" in out  # bold, and marked in words
    assert f"{ESC}1;32m+190,000 *{ESC}0m" in out or f"{ESC}32m" in out  # growth is green


@pytest.mark.usefixtures("terminal")
def test_colour_means_growth_or_decline(invoke: Invoke) -> None:
    listed = invoke("list", "--sort", "growth", env={"COLUMNS": "160"}).stdout
    assert f"{ESC}32m+14% much faster" in listed
    assert f"{ESC}31m-5% decline" in listed
    shown = invoke("show", "secretaries-and-administrative-assistants", "-s", "summary").stdout
    assert f"{ESC}31m-5% (Decline)" in shown and f"{ESC}31m-170,000" in shown


@pytest.mark.usefixtures("terminal")
def test_links_are_hyperlinks_in_a_terminal(invoke: Invoke) -> None:
    out = invoke("show", MRT, "-s", "source", env={"COLUMNS": "60"}).stdout
    url = "https://www.bls.gov/ooh/healthcare/medical-records-and-health-information-technicians.htm"
    assert "\x1b]8;id=" in out and f";{url}\x1b\\" in out


@pytest.mark.usefixtures("terminal")
def test_list_and_search_tables(invoke: Invoke) -> None:
    listed = invoke("list", "--outlook", "faster").stdout
    assert ESC in listed and "Registered Nurses" in listed and "2 occupations" in listed
    found = invoke("search", "medical coder").stdout
    assert 'A-Z title "Medical Coder"' in found


@pytest.mark.parametrize("env", [{"NO_COLOR": "1", "FORCE_COLOR": "1"}, {"TERM": "dumb", "FORCE_COLOR": "1"}, {}])
def test_plain_text_when_asked_or_piped(invoke: Invoke, monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    out = invoke("show", MRT).stdout
    assert ESC not in out and "╭" not in out
    assert "\nQUICK FACTS\n" in out


@pytest.mark.parametrize("width", [40, 60, 100])
@pytest.mark.parametrize(
    "command", [["show", MRT], ["compare", MRT, "registered-nurses"], ["list"], ["search", "nurse"]]
)
def test_plain_text_fits_the_width(invoke: Invoke, width: int, command: list[str]) -> None:
    out = invoke(*command, env={"COLUMNS": str(width)}).stdout
    assert out
    too_long = [line for line in out.splitlines() if len(line) > width and not line.lstrip().startswith("https://")]
    assert too_long == []


def test_plain_wrapping_keeps_words_whole_and_cuts_only_what_cannot_fit() -> None:
    from ooh_cli.output.plain import wrap

    assert wrap("Postsecondar nondegree award", 14) == ["Postsecondar", "nondegree", "award"]
    assert wrap("a well-known, hard-to-fill job", 12) == ["a", "well-known,", "hard-to-fill", "job"]
    assert wrap("Transcriptionists", 8) == ["Transcri", "ptionist", "s"]
    assert wrap("one two\nthree", 20, "- ", "  ") == ["- one two", "  three"]

"""The audit of issue 21, over all 342 profiles against ../shared (skipped when absent): every figure the pages
give per detailed occupation is in the shipped data, every broad SOC code has its programs and is a name, and a
wage BLS withholds under footnote 5 says so.

The pages, the crosswalk and the OEWS file are read here with regular expressions, csv and sqlite3, not with the
importer, so that a fault of the importer cannot hide itself.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import sqlite3
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ooh_cli.cli import app
from ooh_cli.core.yamlio import parse_file
from ooh_cli.output.wagetext import ABOVE_ANNUAL, ABOVE_HOURLY
from tests.conftest import BLS, REPO, SHARED, needs_shared

pytestmark = pytest.mark.shared

PAGES = BLS / "pages"
CIP = SHARED / "cip" / "2020" / "CIP2020_SOC2018_Crosswalk.csv"
OEWS = SHARED / "oews" / "may-2025" / "oews-2025.sqlite.gz"
DATA = REPO / "data" / "occupations.yaml"

_TAGS = re.compile(r"<[^>]+>")
_AMOUNT = r"\$([\d,]+(?:\.\d\d)?)"
_STATEMENT = re.compile(
    rf"The median (?:annual|hourly) wage for (.+?) was (?:equal to or greater than )?{_AMOUNT}(?: or more)? in May"
    rf" (\d{{4}})\.(.*?)(?=The median (?:annual|hourly) wage for|$)",
    re.DOTALL,
)
_PERCENTILES = re.compile(
    rf"lowest 10 percent earned less than {_AMOUNT},? and the highest 10 percent earned more than {_AMOUNT}"
)
_TABLE = re.compile(
    r"(?:median|mean \(average\)) (?:annual|hourly) wages for [^<]+? in May \d{4} were as follows:</p>\s*<table.*?</table>",
    re.DOTALL | re.IGNORECASE,
)
_ROW = re.compile(r"<td[^>]*>(.*?)</td>\s*<td[^>]*>(.*?)</td>", re.DOTALL)


def amount(text: str) -> float:
    return float(text.replace(",", "").replace("$", "").replace("or more", "").strip())


def pay_tab(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    start = html.index('id="tab-5"')
    return html[start : html.index('id="tab-6"', start)]


@pytest.fixture(scope="module")
def records() -> dict[str, dict[str, Any]]:
    needs_shared()
    return {record["id"]: record for record in parse_file(DATA)["occupations"]}


def test_every_percentile_a_page_gives_per_occupation_is_imported(records: dict[str, dict[str, Any]]) -> None:
    pages = 0
    missing: list[str] = []
    for page in sorted(PAGES.glob("*.html")):
        record = records[page.stem]
        text = " ".join(_TAGS.sub(" ", pay_tab(page)).split())
        statements = [m for m in _STATEMENT.finditer(text) if m.group(1).casefold() != record["title"].casefold()]
        if len(statements) < 2:
            continue  # one statement is the whole profile's, in pay.percentile_10 and _90
        pages += 1
        parts = {part["name"]: part for part in record["pay"].get("occupations", [])}
        for statement in statements:
            part = parts.get(statement.group(1), {})
            low_high = _PERCENTILES.search(statement.group(4))
            assert low_high is not None, f"{page.stem}: {statement.group(1)} has no percentiles"
            figures = [part.get(key) or part.get(f"{key}_hourly") for key in ("percentile_10", "percentile_90")]
            if figures != [amount(low_high.group(1)), amount(low_high.group(2))] or part.get("year") != int(
                statement.group(3)
            ):
                missing.append(f"{page.stem}: {statement.group(1)}")
    assert pages == 52  # the audit's count
    assert missing == []


def test_every_table_of_pay_by_occupation_is_imported(records: dict[str, dict[str, Any]]) -> None:
    pages = 0
    missing: list[str] = []
    for page in sorted(PAGES.glob("*.html")):
        table = _TABLE.search(pay_tab(page))
        if table is None:
            continue
        pages += 1
        imported = {part["name"]: part for part in records[page.stem]["pay"].get("occupations", [])}
        for name, wage in _ROW.findall(table.group(0)):
            name = " ".join(_TAGS.sub(" ", name).split())
            part = imported.get(name, {})
            figure = part.get("median_annual") or part.get("median_hourly") or part.get("mean_annual")
            if figure != amount(" ".join(wage.split())):
                missing.append(f"{page.stem}: {name}")
    assert pages == 45  # the audit's count
    assert missing == []


def test_broad_codes_have_the_programs_of_their_detailed_codes(records: dict[str, dict[str, Any]]) -> None:
    by_soc: dict[str, set[str]] = defaultdict(set)
    with CIP.open(encoding="utf-8-sig", newline="") as stream:
        for row in csv.DictReader(stream):
            by_soc[row["SOC2018Code"]].add(row["CIP2020Code"])
    expected = {"13-2020": 10, "29-2010": 11, "39-7010": 3, "31-1120": 1, "13-1020": 9}  # the audit's counts
    found: dict[str, int] = {}
    missing: list[str] = []
    for record in records.values():
        programs = {program["code"] for program in record.get("programs", [])}
        for broad in (code for code in record.get("soc_codes", []) if re.fullmatch(r"\d\d-\d\d[1-9]0", code)):
            under = set().union(*(cips for soc, cips in by_soc.items() if soc[:6] == broad[:6] and soc != broad))
            found[broad] = len(under)
            missing += [f"{record['id']} ({broad}): {code}" for code in sorted(under - programs)]
    assert {code: found.get(code) for code in expected} == expected
    assert missing == []


def test_every_code_of_a_projections_table_finds_its_profile(records: dict[str, dict[str, Any]]) -> None:
    runner = CliRunner()
    codes = {
        line["soc_code"]: record["id"]
        for record in records.values()
        for line in record.get("outlook", {}).get("projections", [])
        if line.get("soc_code") and line["soc_code"] not in record.get("soc_codes", [])
    }
    assert len(codes) >= 46  # the broad codes no longer among the profiles' own codes
    wrong = {}
    for code, profile in sorted(codes.items()):
        result = runner.invoke(app, ["--data", str(DATA), "show", code, "--section", "source", "--format", "json"])
        if result.exit_code != 0 or result.stderr or profile not in json.loads(result.stdout)["url"]:
            wrong[code] = result.stderr or result.stdout[:80]
    assert wrong == {}


def test_footnote_5_is_shown_for_what_it_says(records: dict[str, dict[str, Any]], tmp_path: Path) -> None:
    if not OEWS.is_file():
        pytest.skip(f"the OEWS file is not in {OEWS.parent}")
    database = tmp_path / "oews.sqlite"
    database.write_bytes(gzip.decompress(OEWS.read_bytes()))
    connection = sqlite3.connect(database)
    (text,) = connection.execute("SELECT footnote_text FROM footnote WHERE footnote_code = '5'").fetchone()
    hourly, annual = (amount(figure) for figure in re.findall(_AMOUNT, text))
    assert (hourly, annual) == (ABOVE_HOURLY, ABOVE_ANNUAL)  # the amounts `ooh` shows are the footnote's
    profile_of = {soc: record["id"] for record in records.values() for soc in record.get("soc_codes", [])}
    withheld: dict[str, set[str]] = defaultdict(set)
    query = "SELECT key FROM cell WHERE substr(key, 12, 6) = '000000' AND f13 = '5' AND v13 IN ('', '-')"
    for (key,) in connection.execute(query):
        soc = f"{key[17:19]}-{key[19:23]}"
        if soc in profile_of:
            withheld[soc].add(key[4:11])
    connection.close()
    assert sum(map(len, withheld.values())) == 339  # the audit's count of annual medians
    runner = CliRunner()
    shown = 0
    for soc, areas in sorted(withheld.items()):
        for by in ("state", "area"):
            args = ["--data", str(DATA), "wages", profile_of[soc], "--soc", soc, "--by", by, "--limit", "1000"]
            result = runner.invoke(app, [*args, "--format", "json"])
            assert result.exit_code == 0, result.output
            for area in json.loads(result.stdout)[0]["areas"]:
                if area["area_code"] in areas:
                    assert area["annual_median"] is None
                    assert area["notes"]["annual_median"].startswith("BLS's footnote 5: the wage is $239,200 a year")
                    shown += 1
    assert shown == 339


def test_a_fresh_import_run_twice_changes_no_byte(tmp_path: Path) -> None:
    needs_shared()
    target = tmp_path / "occupations.yaml"
    args = [
        "--pages",
        str(PAGES),
        "--projections",
        str(BLS / "occupation.xlsx"),
        "--index",
        str(BLS / "a-z-index.html"),
    ]
    args = ["data", "import", *args, "--cip", str(CIP), "--output", str(target)]
    first = CliRunner().invoke(app, args)
    assert first.exit_code == 0, first.output
    written = target.read_bytes()
    second = CliRunner().invoke(app, args)
    assert second.exit_code == 0, second.output
    assert "0 updated, 342 unchanged" in second.stdout and "not rewritten" in second.stdout
    assert target.read_bytes() == written

"""`ooh data update` and `ooh data use` against loopback mirrors: no test touches the network.

The synthetic mirror holds the importer's fixture pages, index and workbook (invented occupations); the
shared one holds the real 2024-34 files of ../shared, laid out at their official addresses.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from ooh_cli.core.datafile import bundled_data_path
from ooh_cli.core.editions import current_edition, data_home, edition_folder
from ooh_cli.importer.azindex import profile_paths
from ooh_cli.update import run
from ooh_cli.update.sources import INDEX_URL, WORKBOOK_URL
from tests.conftest import BLS, SAMPLE, Invoke, needs_shared
from tests.importer.conftest import FIXTURES, _make_workbook
from tests.mirror_server import Fault, Mirror, serve

CONTACT = ["--contact", "ooh-tests@example.org"]


def lay_out_ooh(mirror: Mirror, index: Path, pages: Path, workbook: Path) -> None:
    """The Handbook's files at their official addresses in ``mirror``; the index lists only the pages there are."""
    linked = profile_paths(index)
    text = index.read_text(encoding="utf-8")
    for slug, page in linked.items():
        source = pages / f"{slug}.html"
        if source.is_file():
            mirror.add(f"https://www.bls.gov{page}", source.read_bytes())
        else:
            text = re.sub(rf"<li>[^\n]*{re.escape(page)}[^\n]*</li>", "", text)
    mirror.add(INDEX_URL, text.encode())
    mirror.add(WORKBOOK_URL, workbook.read_bytes())


@pytest.fixture
def synthetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Mirror]:
    """A mirror of the importer's fixture files; an edition may have as few profiles as they do."""
    monkeypatch.setattr(run, "MIN_PROFILES", 2)
    with serve(tmp_path / "mirror") as mirror:
        workbook = _make_workbook(tmp_path / "occupation.xlsx")
        lay_out_ooh(mirror, FIXTURES / "a-z-index.html", FIXTURES / "pages", workbook)
        yield mirror


@pytest.fixture
def in_use(tmp_path: Path) -> Path:
    """A copy of the sample data, as the data in use (`--data`)."""
    target = tmp_path / "in-use" / "occupations.yaml"
    target.parent.mkdir()
    shutil.copy(SAMPLE, target)
    return target


def fingerprint(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def test_an_update_builds_an_edition_and_switches_to_it(invoke: Invoke, synthetic: Mirror, in_use: Path) -> None:
    before = fingerprint(in_use.parent)
    result = invoke("data", "update", "--only", "ooh", "--mirror", synthetic.url, *CONTACT, data=in_use)
    assert result.exit_code == 0, result.output
    assert current_edition() == "2024-34"
    built = yaml.safe_load((edition_folder("2024-34") / "occupations.yaml").read_text())
    ids = {record["id"] for record in built["occupations"]}
    assert {"chimney-sweeps", "lamplighters", "castle-guards"} <= ids
    assert fingerprint(in_use.parent) == before  # the data that was in use is untouched
    assert "now using edition 2024-34" in result.stderr
    # Lookups now read the edition (no --data, no OOH_DATA).
    shown = invoke("show", "lamplighters", "--section", "summary", data=None)
    assert shown.exit_code == 0 and "Lamplighters" in shown.stdout
    info = invoke("data", "info", "--format", "json", data=None)
    assert '"in_use": "edition 2024-34"' in info.stdout and synthetic.url in info.stdout


def test_a_second_update_downloads_nothing(invoke: Invoke, synthetic: Mirror, in_use: Path) -> None:
    invoke("data", "update", "--only", "ooh", "--mirror", synthetic.url, *CONTACT, data=in_use)
    again = invoke("data", "update", "--only", "ooh", "--mirror", synthetic.url, *CONTACT, data=in_use)
    assert again.exit_code == 0, again.output
    assert "0 of 5 files downloaded" in again.stderr
    assert all("if-none-match" in headers for headers in synthetic.seen("lamplighters.htm")[1:])


def test_403_names_the_contact_option_and_changes_nothing(invoke: Invoke, synthetic: Mirror, in_use: Path) -> None:
    synthetic.faults["/www.bls.gov/ooh/a-z-index.htm"] = Fault(status=403)
    result = invoke("data", "update", "--only", "ooh", "--mirror", synthetic.url, data=in_use)
    assert result.exit_code == 6
    assert "--contact" in result.stderr and "OOH_CONTACT" in result.stderr
    assert current_edition() is None and not (data_home() / "editions" / "2024-34").exists()


def test_404_is_a_clean_error(invoke: Invoke, synthetic: Mirror, in_use: Path) -> None:
    (synthetic.root / "www.bls.gov/emp/ind-occ-matrix/occupation.xlsx").unlink()
    result = invoke("data", "update", "--only", "ooh", "--mirror", synthetic.url, *CONTACT, data=in_use)
    assert result.exit_code == 6 and "occupation.xlsx: not found on the server (404)" in result.stderr
    assert current_edition() is None


def test_an_edition_that_fails_its_checks_is_not_used(
    invoke: Invoke, synthetic: Mirror, in_use: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(run, "MIN_PROFILES", 300)
    result = invoke("data", "update", "--only", "ooh", "--mirror", synthetic.url, *CONTACT, data=in_use)
    assert result.exit_code == 3
    assert "failed its checks" in result.stderr and "fewer than the 300" in result.stderr
    assert current_edition() is None
    assert [p.name for p in (data_home() / "editions").iterdir()] == []  # no staging folder left


def test_an_interrupted_build_leaves_nothing(
    invoke: Invoke, synthetic: Mirror, in_use: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ooh_cli.cli.sources

    def interrupted(*args: object, **options: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(ooh_cli.cli.sources, "import_sources", interrupted)
    result = invoke("data", "update", "--only", "ooh", "--mirror", synthetic.url, *CONTACT, data=in_use)
    assert result.exit_code == 130, result.output
    assert current_edition() is None and [p.name for p in (data_home() / "editions").iterdir()] == []


def test_into_writes_the_data_files_there(invoke: Invoke, synthetic: Mirror, in_use: Path, tmp_path: Path) -> None:
    result = invoke(
        "data",
        "update",
        "--only",
        "ooh",
        "--mirror",
        synthetic.url,
        *CONTACT,
        "--into",
        str(tmp_path / "out"),
        data=in_use,
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "occupations.yaml").is_file()
    assert current_edition() is None  # --into builds no edition and switches nothing


def test_use_switches_back_and_refuses_what_was_not_built(invoke: Invoke, synthetic: Mirror, in_use: Path) -> None:
    invoke("data", "update", "--only", "ooh", "--mirror", synthetic.url, *CONTACT, data=in_use)
    assert invoke("data", "use", "bundled").exit_code == 0
    assert current_edition() is None
    info = invoke("data", "info", "--format", "json", data=None)
    assert '"in_use": "bundled"' in info.stdout and str(bundled_data_path()) in info.stdout
    refused = invoke("data", "use", "1999-2009")
    assert refused.exit_code == 2 and "2024-34" in refused.stderr and "bundled" in refused.stderr
    assert invoke("data", "use", "2024-34").exit_code == 0 and current_edition() == "2024-34"


def test_only_takes_known_sources(invoke: Invoke) -> None:
    result = invoke("data", "update", "--only", "ooh,weather")
    assert result.exit_code == 2 and "ooh, oews, onet" in result.stderr


def test_check_says_up_to_date(invoke: Invoke, synthetic: Mirror, in_use: Path) -> None:
    result = invoke("data", "update", "--check", "--only", "ooh", "--mirror", synthetic.url, *CONTACT, data=in_use)
    assert result.exit_code == 0, result.output
    assert "ooh: in use 2024-34; published 2024-34 (up to date)" in result.stdout


def test_check_says_when_a_newer_edition_is_published(
    invoke: Invoke, synthetic: Mirror, in_use: Path, tmp_path: Path
) -> None:
    newer = _make_workbook(tmp_path / "newer.xlsx")
    from openpyxl import load_workbook

    book = load_workbook(newer)
    sheet = book["Table 1.2"]
    for cell in sheet[2]:
        if isinstance(cell.value, str):
            cell.value = cell.value.replace("2034", "2035").replace("2024", "2025").replace("\u201334", "\u201335")
    book.save(newer)
    synthetic.add(WORKBOOK_URL, newer.read_bytes())
    result = invoke("data", "update", "--check", "--only", "ooh", "--mirror", synthetic.url, *CONTACT, data=in_use)
    assert result.exit_code == 1
    assert "published 2025-35 (newer published)" in result.stdout


@pytest.mark.shared
def test_an_update_from_a_mirror_of_the_official_files_gives_the_bundled_records(
    invoke: Invoke, tmp_path: Path
) -> None:
    needs_shared()
    bundled = bundled_data_path()
    before = hashlib.sha256(bundled.read_bytes()).hexdigest()
    with serve(tmp_path / "mirror") as mirror:
        lay_out_ooh(mirror, BLS / "a-z-index.html", BLS / "pages", BLS / "occupation.xlsx")
        result = invoke("data", "update", "--only", "ooh", "--mirror", mirror.url, *CONTACT, data=None)
    assert result.exit_code == 0, result.output
    built = yaml.safe_load((edition_folder("2024-34") / "occupations.yaml").read_text())
    shipped = yaml.safe_load(bundled.read_text())
    assert built["occupations"] == shipped["occupations"]
    assert hashlib.sha256(bundled.read_bytes()).hexdigest() == before


def next_edition(text: str) -> str:
    """A 2024-34 page or header as the 2025-35 edition would write it."""
    text = text.replace("2034", "2035").replace("2024", "2025")
    return text.replace("&ndash;34", "&ndash;35").replace("\u201334", "\u201335")


def test_a_new_edition_keeps_bls_words_and_reports_what_changed(
    invoke: Invoke, synthetic: Mirror, in_use: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ooh_cli.importer import editions

    first = invoke("data", "update", "--only", "ooh", "--mirror", synthetic.url, *CONTACT, data=in_use)
    assert first.exit_code == 0, first.output
    # The 2025-35 edition: castle guards dropped, gas lamp keepers added, years moved on, new words, new headers.
    monkeypatch.setitem(editions.EDITIONS, "2025-35", editions.EDITIONS["2024-34"])
    pages = tmp_path / "pages-2025"
    pages.mkdir()
    for source in [FIXTURES / "pages" / "chimney-sweeps.html", FIXTURES / "pages" / "lamplighters.html"]:
        text = next_edition(source.read_text(encoding="utf-8"))
        (pages / source.name).write_text(text.replace("Filler paragraph about the work", "Words of 2025"))
    # A profile new in 2025-35, its page made from the lamplighters' one.
    lamps = next_edition((FIXTURES / "pages" / "lamplighters.html").read_text(encoding="utf-8"))
    keepers = lamps.replace("/lamplighters.htm", "/gas-lamp-keepers.htm").replace("Lamplighters", "Gas lamp keepers")
    (pages / "gas-lamp-keepers.html").write_text(keepers.replace("lamplighters", "gas lamp keepers"))
    index = FIXTURES.joinpath("a-z-index.html").read_text(encoding="utf-8")
    index = index.replace("military/castle-guards", "installation-maintenance-and-repair/gas-lamp-keepers")
    (tmp_path / "index-2025.html").write_text(index)
    from tests.importer.conftest import HEADER

    workbook = _make_workbook(tmp_path / "occupation-2025.xlsx", header=tuple(next_edition(h) for h in HEADER))
    with serve(tmp_path / "mirror-2025") as mirror:
        lay_out_ooh(mirror, tmp_path / "index-2025.html", pages, workbook)
        result = invoke("data", "update", "--only", "ooh", "--mirror", mirror.url, *CONTACT, data=None)
    assert result.exit_code == 0, result.output
    assert "edition 2025-35" in result.stdout
    assert "added: gas-lamp-keepers\n" in result.stdout
    dropped = next(line for line in result.stdout.splitlines() if line.startswith("dropped: "))
    assert "castle-guards" in dropped.split(": ")[1].split(", ") and "lamplighters" not in dropped
    assert current_edition() == "2025-35" and (edition_folder("2024-34") / "occupations.yaml").is_file()
    shown = invoke("show", "lamplighters", "--section", "what-they-do", data=None)
    assert "In BLS's words, 2025-35 edition:" in shown.stdout and "Words of 2025" in shown.stdout
    source = invoke("show", "lamplighters", "--section", "source", data=None)
    assert "BLS's own words, 2025-35 edition" in source.stdout and "2025-35" in source.stdout
    # The bundled data and its own edition never hold BLS's words.
    assert "bls_text" not in bundled_data_path().read_text(encoding="utf-8")
    assert "bls_text" not in (edition_folder("2024-34") / "occupations.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("signal_name", ["SIGINT", "SIGTERM"])
def test_a_signal_mid_update_leaves_the_data_in_use(
    synthetic: Mirror, in_use: Path, tmp_path: Path, signal_name: str
) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    # A slow page keeps the update downloading long enough to be interrupted there.
    synthetic.faults["/www.bls.gov/ooh/installation-maintenance-and-repair/lamplighters.htm"] = Fault(delay=5.0)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    update = ["data", "update", "--only", "ooh", "--mirror", synthetic.url, *CONTACT]
    child = subprocess.Popen(
        [sys.executable, "-m", "ooh_cli", "--data", str(in_use), *update],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    deadline = time.monotonic() + 30
    while not synthetic.seen("lamplighters.htm") and time.monotonic() < deadline:
        time.sleep(0.05)
    assert synthetic.seen("lamplighters.htm"), "the update never reached the pages"
    child.send_signal(getattr(signal, signal_name))
    _, stderr = child.communicate(timeout=30)
    assert child.returncode == 130, stderr.decode()
    assert b"Traceback" not in stderr
    assert current_edition() is None
    editions = data_home() / "editions"
    assert not editions.exists() or [p.name for p in editions.iterdir()] == []


def test_a_second_update_at_once_is_refused(invoke: Invoke, in_use: Path) -> None:
    import fcntl

    home = data_home()
    home.mkdir(parents=True)
    with (home / "update.lock").open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = invoke("data", "update", "--only", "ooh", "--mirror", "file:///nowhere", *CONTACT, data=in_use)
    assert result.exit_code == 3 and "another `ooh data update` is running" in result.stderr


def test_leftovers_of_a_killed_update_are_removed(invoke: Invoke, synthetic: Mirror, in_use: Path) -> None:
    leftover = data_home() / "editions" / ".staging-killed"
    leftover.mkdir(parents=True)
    (leftover / "occupations.yaml").write_text("half")
    result = invoke("data", "update", "--only", "ooh", "--mirror", synthetic.url, *CONTACT, data=in_use)
    assert result.exit_code == 0, result.output
    assert not leftover.exists()


def test_only_oews_renews_the_wage_table_from_bls_time_series_files(
    invoke: Invoke, synthetic: Mirror, in_use: Path, tmp_path: Path
) -> None:
    from tests.importer.test_oews_flat import write_flat_files
    from tests.oews_fixture import make_oews

    flat = write_flat_files(make_oews(tmp_path / "oews.sqlite"), tmp_path / "oe")
    for path in flat.iterdir():
        synthetic.add(f"https://download.bls.gov/pub/time.series/oe/{path.name}", path.read_bytes())
    synthetic.add("https://download.bls.gov/pub/time.series/oe/oe.industry", b"industry_code\tindustry_name\n")
    synthetic.add("https://download.bls.gov/pub/time.series/oe/oe.datatype", b"datatype_code\tdatatype_name\n")
    result = invoke("data", "update", "--only", "oews", "--mirror", synthetic.url, *CONTACT, data=in_use)
    assert result.exit_code == 0, result.output
    wages = invoke("wages", "registered-nurses", "--state", "TX", data=None)
    assert wages.exit_code == 0, wages.output
    assert "May 2025" in wages.stdout and "Texas" in wages.stdout


def test_only_onet_reads_the_zip_o_net_publishes(
    invoke: Invoke, synthetic: Mirror, in_use: Path, tmp_path: Path
) -> None:
    import zipfile

    from tests.onet_fixture import write_database

    database = write_database(tmp_path / "onet")
    packed = tmp_path / "db_29_3_excel.zip"
    with zipfile.ZipFile(packed, "w") as archive:
        for book in database.glob("*.xlsx"):
            archive.write(book, f"db_29_3_excel/{book.name}")
    synthetic.add("https://www.onetcenter.org/dl_files/database/db_29_3_excel.zip", packed.read_bytes())
    result = invoke("data", "update", "--only", "onet", "--mirror", synthetic.url, *CONTACT, data=in_use)
    assert result.exit_code == 0, result.output
    skills = invoke("show", "registered-nurses", "--section", "interests", data=None)
    assert skills.exit_code == 0, skills.output
    assert "O*NET 29.3" in skills.stdout


def test_a_field_no_profile_has_means_the_pages_changed() -> None:
    from ooh_cli.core.model import Occupation, Pay

    bare = [Occupation(id=f"o{n}", title=f"O {n}", group="g") for n in range(3)]
    found = run.problems(bare)
    assert found[0] == f"only 3 profiles, fewer than the {run.MIN_PROFILES} of any edition"
    assert "no profile has pay.median_annual: the pages' layout may have changed" in found
    paid = [*bare[:2], Occupation(id="o2", title="O 2", group="g", pay=Pay(median_annual=50000))]
    assert not any("pay.median_annual" in problem for problem in run.problems(paid))

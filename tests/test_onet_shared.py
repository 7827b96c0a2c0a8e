"""The shipped O*NET data against the O*NET 29.3 workbooks in ../shared/onet/29.3 (skipped in a fresh clone).

A few occupations' top skills, interests, job zones and technologies, read straight from the workbooks, must
be what `ooh` shows; the gaps O*NET 29.3 has must stay gaps.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ooh_cli.core.datafile import bundled_data_path
from ooh_cli.core.onet import OnetData, OnetProfile
from ooh_cli.core.store import Store
from tests.conftest import SHARED, Invoke

pytestmark = pytest.mark.shared

ONET = SHARED / "onet" / "29.3"
CODES = {"29-1141.00": "registered-nurses", "47-2111.00": "electricians", "15-1252.00": "software-developers"}


def rows(name: str) -> list[dict[str, Any]]:
    """The rows of one workbook for the occupations in CODES, as dicts by column name."""
    from openpyxl import load_workbook

    book = load_workbook(ONET / f"{name}.xlsx", read_only=True)
    lines = book.worksheets[0].iter_rows(values_only=True)
    header = list(next(lines))
    found = [dict(zip(header, line, strict=False)) for line in lines if line[0] in CODES]
    book.close()
    return found


@pytest.fixture(scope="module")
def shipped() -> OnetData:
    if not ONET.is_dir():
        pytest.skip(f"the O*NET files are not in {ONET}")
    onet = Store(bundled_data_path()).onet()
    assert onet is not None, "the O*NET data must ship beside data/occupations.yaml"
    return onet


def block(onet: OnetData, code: str) -> OnetProfile:
    found = onet.profile(CODES[code])
    assert found is not None
    return found


def test_skill_importance_and_level_are_o_nets(shipped: OnetData) -> None:
    source = rows("Skills")
    for code in ("29-1141.00", "47-2111.00"):
        importance = {
            r["Element Name"]: r["Data Value"] for r in source if r["O*NET-SOC Code"] == code and r["Scale ID"] == "IM"
        }
        level = {
            r["Element Name"]: r["Data Value"] for r in source if r["O*NET-SOC Code"] == code and r["Scale ID"] == "LV"
        }
        ours = block(shipped, code).skills
        assert len(ours) == 35
        assert {r.name: (r.importance, r.level) for r in ours} == {n: (importance[n], level[n]) for n in importance}
        top = max(importance, key=lambda n: importance[n])
        assert max(ours, key=lambda r: r.importance).importance == importance[top]


def test_interests_and_holland_codes_are_o_nets(shipped: OnetData) -> None:
    source = rows("Interests")
    for code in CODES:
        scores = {
            r["Element Name"]: r["Data Value"] for r in source if r["O*NET-SOC Code"] == code and r["Scale ID"] == "OI"
        }
        points = [r["Data Value"] for r in source if r["O*NET-SOC Code"] == code and r["Scale ID"] == "IH"]
        ours = block(shipped, code)
        if code == "15-1252.00":  # combined with the testers (15-1253.00), weighted by jobs
            assert ours.weighting == "employment"
            continue
        assert {s.name: s.score for s in ours.interests} == scores
        assert ours.holland_code == "".join("RIASEC"[int(p) - 1] for p in points if p)


def test_job_zones_are_o_nets(shipped: OnetData) -> None:
    zones = {r["O*NET-SOC Code"]: r["Job Zone"] for r in rows("Job Zones")}
    assert block(shipped, "29-1141.00").job_zone == zones["29-1141.00"]
    assert block(shipped, "47-2111.00").job_zone == zones["47-2111.00"]


def test_technology_and_its_flags_are_o_nets(shipped: OnetData) -> None:
    source = [r for r in rows("Technology Skills") if r["O*NET-SOC Code"] == "47-2111.00"]
    ours = {e.name: (e.hot, e.in_demand) for g in block(shipped, "47-2111.00").technology for e in g.examples}
    assert ours == {r["Example"]: (r["Hot Technology"] == "Y", r["In Demand"] == "Y") for r in source}


def test_the_gaps_of_o_net_29_3_stay_gaps(shipped: OnetData, invoke: Invoke) -> None:
    for occupation_id in ("software-developers", "medical-records-specialists"):
        result = invoke("show", occupation_id, "--section", "skills", "-f", "json", data=None)
        record = json.loads(result.stdout)
        assert record["skills"] is None and "skills" in record["not_rated"], occupation_id
    out = invoke("show", "software-developers", "--section", "skills", data=None).stdout
    assert "not rated in O*NET 29.3 for Software Developers (15-1252.00)" in " ".join(out.split())


def test_the_real_alternate_titles_and_technologies_are_found(invoke: Invoke, shipped: OnetData) -> None:
    rows_found = json.loads(invoke("search", "autocad", "-f", "json", data=None).stdout)
    assert "drafters" in [r["id"] for r in rows_found[:3]]
    result = invoke("show", "android", "developer", "--section", "summary", data=None)
    assert result.stdout.startswith("Software Developers")


def test_the_shipped_file_is_what_the_import_writes(tmp_path: Path, shipped: OnetData) -> None:
    import shutil

    from ooh_cli.importer.onet_combine import import_onet

    copy = tmp_path / "occupations.yaml"
    shutil.copy(bundled_data_path(), copy)
    report = import_onet(ONET, copy)
    digest = "onet_digest"
    assert Store(copy).database().meta(digest) == Store(bundled_data_path()).database().meta(digest)  # type: ignore[union-attr]
    assert report.profiles == 341 and report.without == ["military-careers"]

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ooh_cli.core.errors import DataError
from ooh_cli.core.yamlio import dump_yaml
from ooh_cli.importer import (
    Disagreement,
    ImportReport,
    SourceError,
    build_document,
    read_existing,
)

Sources = tuple[Path, Path, Path]
Document = dict[str, Any]
DAY_ONE = date(2026, 1, 2)
DAY_TWO = date(2026, 3, 4)


def build(
    sources: Sources, existing: Document | None = None, today: date = DAY_ONE, allow_partial: bool = False
) -> tuple[Document, ImportReport]:
    return build_document(*sources, existing, today=today, allow_partial=allow_partial)


def records(document: Document) -> dict[str, Document]:
    return {record["id"]: record for record in document["occupations"]}


@pytest.fixture(scope="module")
def first(sources: Sources) -> tuple[Document, ImportReport]:
    return build(sources)


def test_meta(first: tuple[Document, ImportReport]) -> None:
    meta = first[0]["meta"]
    assert list(meta) == [
        "edition",
        "projection_period",
        "base_year",
        "average_growth_percent",
        "median_pay_all",
        "median_pay_year",
        "source_url",
        "built",
        "outlook_thresholds",
        "groups",
    ]
    assert (meta["edition"], meta["projection_period"], meta["base_year"]) == ("2024-34", "2024-34", 2024)
    # From the workbook's all-occupations row: 3.1% and $49,500.
    assert (meta["average_growth_percent"], meta["median_pay_all"], meta["median_pay_year"]) == (3, 49500, 2024)
    assert meta["built"] == "2026-01-02"
    assert meta["outlook_thresholds"]["much-faster"] == {"min": 7, "max": None}
    assert meta["outlook_thresholds"]["decline"] == {"min": None, "max": -1}
    assert meta["groups"] == [
        {"slug": "construction-and-extraction", "name": "Construction and Extraction"},
        {"slug": "installation-maintenance-and-repair", "name": "Installation, Maintenance, and Repair"},
        {"slug": "military", "name": "Military"},
    ]


def test_record_has_the_documented_shape(first: tuple[Document, ImportReport]) -> None:
    document = first[0]
    assert [record["id"] for record in document["occupations"]] == ["castle-guards", "chimney-sweeps", "lamplighters"]
    assert records(document)["lamplighters"] == {
        "id": "lamplighters",
        "title": "Lamplighters",
        "group": "installation-maintenance-and-repair",
        "soc_codes": ["49-9099"],
        # The index's "Lamplighters" is the title itself; "GAS LAMP ATTENDANT" repeats an alias.
        "aliases": ["Gas Lamp Attendant", "Lamp Trimmer & Wick Setter"],
        "work_environment": {
            "employers_year": 2024,
            "employers": [
                {"name": "Local government, excluding education and hospitals", "percent": 61},
                {"name": "Utilities", "percent": 22},
                {"name": "Self-employed workers", "percent": 9},
            ],
        },
        "how_to_become": {
            "education": "postsecondary-nondegree",
            "experience": "less-than-5-years",
            "training": "moderate-term",
            "licenses": ["Gas fitter license", "Ladder safety (LS) certification", "Night work endorsement"],
            "qualities": ["Night vision", "Steady hands", "Punctuality"],
        },
        "pay": {
            "year": 2024,
            "median_annual": 48120,
            "median_hourly": 23.13,
            "percentile_10": 31050,
            "percentile_90": 72440,
            # The page's table of pay by occupation, a top-coded median kept as "$239,200 or more".
            "occupations": [
                {"name": "Lamplighters, electric", "year": 2024, "median_annual": 239200, "top_coded": True},
                {"name": "Lamplighters, gas", "year": 2024, "median_annual": 47010},
            ],
            "industries": [
                {"name": "Utilities", "median_annual": 52300},
                {"name": "Local government, excluding education and hospitals", "median_annual": 47910},
            ],
        },
        "employment": {"year": 2024, "jobs": 12300, "projected_year": 2034, "projected_jobs": 11800},
        "outlook": {
            "period": "2024-34",
            "growth_percent": -4,
            "category": "decline",
            "change": -500,
            "annual_openings": 1100,
            "projections": [
                {
                    "title": "Lamplighters",
                    "soc_code": "49-9099",
                    "jobs": 12300,
                    "projected_jobs": 11800,
                    "change_percent": -4,
                    "change": -500,
                }
            ],
        },
        # candle-makers has no page: left out.
        "similar": ["chimney-sweeps", "castle-guards"],
        "associations": [
            {"name": "CareerOneStop", "url": "https://www.careeronestop.org/Toolkit/Training/find-certifications.aspx"},
            {"name": "Guild of Lamplighters", "url": "https://lamplighters.example.org/"},
            {
                "name": "CareerOneStop: Lamplighters",
                "url": "https://www.careeronestop.org/videos/careeronestop-videos.aspx?videocode=49909907",
            },
        ],
        "source": {
            "edition": "2024-34",
            "url": "https://www.bls.gov/ooh/installation-maintenance-and-repair/lamplighters.htm",
            "last_modified": "2025-08-28",
        },
    }


def test_empty_values_are_left_out(first: tuple[Document, ImportReport]) -> None:
    by_id = records(first[0])
    guards = by_id["castle-guards"]
    assert set(guards) == {"id", "title", "group", "aliases", "how_to_become", "associations", "source"}
    assert guards["how_to_become"] == {"qualities": ["Vigilance"]}
    sweeps = by_id["chimney-sweeps"]
    pay = {key: value for key, value in sweeps["pay"].items() if key not in ("industries", "occupations")}
    assert pay == {"year": 2024, "median_annual": 239200, "median_hourly": 115.0, "top_coded": True}
    # The page states a median and percentiles for each part, not the whole: each part keeps its own.
    assert sweeps["pay"]["occupations"] == [
        {
            "name": "chimney sweeps",
            "year": 2024,
            "median_annual": 239200,
            "top_coded": True,
            "percentile_10": 150000,
            "percentile_90": 239200,
        },
        {
            "name": "flue cleaners",
            "year": 2024,
            "median_annual": 98000,
            "percentile_10": 60000,
            "percentile_90": 150000,
        },
    ]
    assert {wage.get("part") for wage in sweeps["pay"]["industries"]} == {"chimney sweeps", "flue cleaners"}
    assert sweeps["how_to_become"]["education"] == "varies"  # "See How to Become One"
    assert sweeps["work_environment"]["employers"][2] == {"name": "Utilities", "percent": 55, "part": "flue cleaners"}
    assert "top_coded" not in by_id["lamplighters"]["pay"]
    # The detailed occupations of the page's projections table; its summary row has no code ("—").
    assert sweeps["soc_codes"] == ["47-4071", "47-4099"]
    assert sweeps["outlook"]["projections"][0] == {
        "title": "Chimney sweeps and flue cleaners",
        "jobs": 1234500,
        "projected_jobs": 1320900,
        "change_percent": 7,
        "change": 86400,
    }
    assert [line.get("soc_code") for line in sweeps["outlook"]["projections"]] == [None, "47-4071", "47-4099"]


def test_report_of_a_first_import(first: tuple[Document, ImportReport]) -> None:
    report = first[1]
    assert report.added == ["castle-guards", "chimney-sweeps", "lamplighters"]
    assert (report.updated, report.unchanged, report.no_longer_in_source) == ({}, [], [])
    # Only lamplighters covers a single line item; the workbook's 1.2 thousand openings differ from 1,100.
    assert report.disagreements == [Disagreement("lamplighters", "49-9099", "outlook.annual_openings", 1100, 1200)]
    assert str(report.disagreements[0]) == (
        "lamplighters (49-9099): outlook.annual_openings is 1100 on the page, 1200 in the workbook"
    )
    assert report.warnings == [
        "occupation.xlsx: codes link to profile 'candle-makers', which has no page",
        "a-z-index.html: titles point to profile 'candle-makers', which has no page",
        "castle-guards: no Quick Facts table; its figures are left empty",
        "lamplighters: similar occupation 'candle-makers' has no profile; left out",
    ]
    assert report.changed
    assert report.built == "2026-01-02"
    assert report.summary().startswith("3 added, 0 updated, 0 unchanged, 0 no longer in the source; 1 ")


def test_progress_is_reported_per_file(sources: Sources) -> None:
    calls: list[tuple[int, int]] = []
    build_document(*sources, None, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]


def hand_edited(document: Document) -> Document:
    """``document`` with what maintainers add by hand, and a profile BLS has since dropped."""
    edited = copy.deepcopy(document)
    by_id = records(edited)
    lamp = by_id["lamplighters"]
    lamp["summary"] = "They light the streets."
    lamp["duties"] = ["Light lamps"]
    lamp["former_titles"] = ["Lamp men"]
    lamp["aliases"] = ["Lamp Guy", "gas lamp attendant"]
    lamp["work_environment"]["summary"] = "Outdoors, at night."
    lamp["work_environment"]["public_contact"] = "some"
    lamp["how_to_become"]["courses"] = ["Ladders"]
    lamp["outlook"]["prospects"] = "Dim."
    lamp["pay"]["note"] = "checked by hand"
    lamp["programs"] = ["Lighting"]
    lamp["history"] = [{"edition": "2008-09", "pay": {"year": 2006, "median_annual": 20000}}]
    lamp["notes"] = ["Fixture record."]
    lamp["review"] = {"by": "a maintainer", "done": False}
    # Stale figures the sources will overwrite.
    lamp["pay"]["median_annual"] = 1
    lamp["similar"] = ["town-criers"]
    by_id["chimney-sweeps"]["how_to_become"]["licenses"] = ["Sweep's license"]
    edited["meta"]["maintainer"] = "fixture"
    edited["comment"] = "kept"
    edited["meta"]["groups"].append({"slug": "public-service", "name": "Public Service"})
    edited["occupations"].append({"id": "town-criers", "title": "Town Criers", "group": "public-service"})
    return edited


def test_merge_keeps_what_the_sources_do_not_give(first: tuple[Document, ImportReport], sources: Sources) -> None:
    existing = hand_edited(first[0])
    document, report = build(sources, existing, today=DAY_TWO)
    by_id = records(document)
    lamp = by_id["lamplighters"]
    assert lamp["summary"] == "They light the streets."
    assert (lamp["duties"], lamp["former_titles"], lamp["programs"]) == (["Light lamps"], ["Lamp men"], ["Lighting"])
    # Hand-added aliases first, then the index's titles not already there.
    assert lamp["aliases"] == ["Lamp Guy", "gas lamp attendant", "Lamp Trimmer & Wick Setter"]
    assert lamp["work_environment"]["summary"] == "Outdoors, at night."
    assert lamp["work_environment"]["public_contact"] == "some"
    assert lamp["work_environment"]["employers"][1] == {"name": "Utilities", "percent": 22}
    assert lamp["how_to_become"]["courses"] == ["Ladders"]
    assert lamp["outlook"]["prospects"] == "Dim."
    assert lamp["outlook"]["annual_openings"] == 1100
    assert lamp["history"] == [{"edition": "2008-09", "pay": {"year": 2006, "median_annual": 20000}}]
    assert lamp["notes"] == ["Fixture record."]
    assert lamp["review"] == {"by": "a maintainer", "done": False}
    assert lamp["pay"]["median_annual"] == 48120
    assert lamp["pay"]["note"] == "checked by hand"
    assert lamp["similar"] == ["chimney-sweeps", "castle-guards"]
    # Documented keys in documented order, a maintainer's own keys after them.
    assert list(lamp) == [
        *("id", "title", "group", "soc_codes", "former_titles", "aliases", "summary", "duties"),
        *("work_environment", "how_to_become", "pay", "employment", "outlook", "similar", "programs"),
        *("associations", "source", "history", "notes", "review"),
    ]
    assert list(lamp["pay"])[-1] == "note"
    # The page names no license, so the hand-added one stays.
    assert by_id["chimney-sweeps"]["how_to_become"]["licenses"] == ["Sweep's license"]
    assert by_id["town-criers"] == {"id": "town-criers", "title": "Town Criers", "group": "public-service"}
    assert document["meta"]["maintainer"] == "fixture"
    assert list(document) == ["meta", "occupations", "comment"]
    assert {"slug": "public-service", "name": "Public Service"} in document["meta"]["groups"]

    assert report.added == []
    assert report.no_longer_in_source == ["town-criers"]
    # The license added by hand stood after the section's other keys: put back in place, and said so.
    assert report.updated == {
        "chimney-sweeps": ["the order of its fields"],
        "lamplighters": ["aliases", "pay.median_annual", "similar"],
    }
    assert report.unchanged == ["castle-guards"]
    assert report.meta_changed == ["built"]
    assert document["meta"]["built"] == "2026-03-04"


def test_figures_no_longer_published_are_removed(first: tuple[Document, ImportReport], sources: Sources) -> None:
    existing = copy.deepcopy(first[0])
    records(existing)["castle-guards"]["pay"] = {"year": 2022, "median_annual": 40000}
    # A page without what its record has may be a page cut short: that loss must be asked for.
    document, report = build(sources, existing, allow_partial=True)
    assert "pay" not in records(document)["castle-guards"]
    assert report.updated == {"castle-guards": ["pay"]}


def test_a_page_without_what_its_record_has_is_refused(first: tuple[Document, ImportReport], sources: Sources) -> None:
    existing = copy.deepcopy(first[0])
    records(existing)["castle-guards"]["pay"] = {"year": 2022, "median_annual": 40000}
    with pytest.raises(
        SourceError, match=r"castle-guards\.html lacks pay\.median_annual, pay\.year; .*--allow-partial"
    ):
        build(sources, existing)


def test_second_import_is_byte_identical(sources: Sources, tmp_path: Path) -> None:
    path = tmp_path / "occupations.yaml"
    document, _ = build(sources, today=DAY_ONE)
    path.write_text(dump_yaml(document), encoding="utf-8")
    first_bytes = path.read_bytes()

    document, report = build(sources, read_existing(path), today=DAY_TWO)
    path.write_text(dump_yaml(document), encoding="utf-8")
    assert path.read_bytes() == first_bytes  # built stays 2026-01-02: nothing else changed
    assert not report.changed
    assert report.unchanged == ["castle-guards", "chimney-sweeps", "lamplighters"]
    assert report.built == "2026-01-02"

    changed = read_existing(path)
    assert changed is not None
    records(changed)["lamplighters"]["outlook"]["change"] = 7
    document, report = build(sources, changed, today=DAY_TWO)
    assert document["meta"]["built"] == "2026-03-04"
    assert report.updated == {"lamplighters": ["outlook.change"]}


@pytest.mark.parametrize(
    ("existing", "message"),
    [
        ({"occupations": {"id": "x"}}, "'occupations' is not a list"),
        ({"occupations": [{"title": "No id"}]}, r"occupations\[0\] has no id"),
        ({"occupations": [{"id": "x"}, {"id": "x"}]}, "two records with id 'x'"),
    ],
)
def test_malformed_existing_data_is_refused(sources: Sources, existing: Document, message: str) -> None:
    with pytest.raises(DataError, match=message):
        build(sources, existing)


def test_missing_sources(sources: Sources, tmp_path: Path) -> None:
    pages, workbook, index = sources
    with pytest.raises(SourceError, match="no profile pages"):
        build_document(tmp_path, workbook, index)
    with pytest.raises(SourceError, match="not a directory"):
        build_document(tmp_path / "nowhere", workbook, index)
    with pytest.raises(SourceError, match=r"a-z\.html: cannot read"):
        build_document(pages, workbook, tmp_path / "a-z.html")


def test_a_non_profile_page_stops_the_import(sources: Sources, tmp_path: Path) -> None:
    _, workbook, index = sources
    bad = Path(__file__).parent / "fixtures" / "bad" / "not-a-profile.html"
    (tmp_path / bad.name).write_bytes(bad.read_bytes())
    with pytest.raises(SourceError, match=r"not-a-profile\.html: not an OOH profile page"):
        build_document(tmp_path, workbook, index)


def test_an_edition_without_known_thresholds_is_refused(
    sources: Sources,
    tmp_path: Path,
    make_workbook: Callable[..., Path],
    workbook_header: tuple[str, ...],
) -> None:
    pages, _, index = sources
    header = tuple(name.replace("2024\u201334", "2034\u201344") for name in workbook_header)
    workbook = make_workbook(tmp_path / "occupation.xlsx", header=header)
    with pytest.raises(SourceError, match="edition 2034-44: its outlook thresholds are unknown"):
        build_document(pages, workbook, index)


def test_wages_by_the_hour_and_of_an_earlier_year(sources: Sources, tmp_path: Path) -> None:
    pages, workbook, index = sources
    for path in [*pages.glob("*.html"), *(pages.parent / "profiles").glob("*.html")]:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    # These made-up pages lack sections every real profile page has.
    by_id = records(build_document(tmp_path, workbook, index, allow_partial=True)[0])
    keepers = by_id["lock-keepers"]
    assert keepers["pay"] == {
        "year": 2024,
        "median_hourly": 18.27,
        "percentile_10_hourly": 12.5,
        "percentile_90_hourly": 30.0,
        "industries": [
            {"name": "Federal government, excluding postal service", "median_hourly": 19.1},
            {"name": "Water transportation", "median_hourly": 17.25},
            {"name": "Local government, excluding education and hospitals", "median_hourly": 16.0},
        ],
    }
    assert keepers["soc_codes"] == ["53-6011", "53-6012", "53-6099"]
    assert keepers["how_to_become"] == {"education": "high-school", "experience": "varies", "training": "varies"}
    assert [share["part"] for share in keepers["work_environment"]["employers"]] == [
        *["lock keepers and bridge tenders"] * 2,
        *["canal lock keepers"] * 2,
    ]
    assert keepers["similar"] == ["lamplighters", "castle-guards"]
    divers = by_id["pearl-divers"]
    assert divers["pay"] == {"year": 2017, "median_annual": 28530, "percentile_10": 18710, "percentile_90": 48170}
    assert divers["employment"]["year"] == 2024


def test_the_cross_check_compares_like_with_like(sources: Sources, tmp_path: Path) -> None:
    pages, workbook, index = sources
    for path in pages.glob("*.html"):
        text = path.read_text(encoding="utf-8")
        if path.name == "lamplighters.html":
            # Pay of an earlier year (not comparable with the workbook's 2024 wage), "See How to Become One" for
            # the workbook's "Postsecondary nondegree award", a code the workbook lacks.
            text = (
                text.replace("$48,120     per year", "")
                .replace(">    Postsecondary nondegree award<", ">See How to Become One<")
                .replace("<br>$23.13     per hour", "")
                .replace("lamplighters was $48,120 in May 2024", "lamplighters was $30,000 in May 2019")
                .replace(">49-9099<", ">49-9098<")
            )
        (tmp_path / path.name).write_text(text, encoding="utf-8")
    document, report = build_document(tmp_path, workbook, index)
    pay = records(document)["lamplighters"]["pay"]
    assert {key: value for key, value in pay.items() if key != "occupations"} == {
        "year": 2019,
        "median_annual": 30000,
        "percentile_10": 31050,
        "percentile_90": 72440,
    }
    assert {part["year"] for part in pay["occupations"]} == {2024}  # each part dated as its table is
    assert records(document)["lamplighters"]["how_to_become"]["education"] == "varies"
    # Only the openings differ, as in the first import: neither pay nor education is a disagreement.
    assert [d.field for d in report.disagreements] == ["outlook.annual_openings"]
    assert "lamplighters: the page covers 49-9098; occupation.xlsx links 49-9099" in report.warnings

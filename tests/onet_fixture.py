"""A small O*NET database, written as Excel workbooks with openpyxl, whose answers the tests know.

The occupations match the SOC codes of tests/fixtures/sample.yaml:

- 29-1141.00 Registered Nurses (and 29-1141.01 Acute Care Nurses, a finer occupation rated differently):
  social first (SIC), job zone 3, Epic (hot, in demand), Microsoft Excel (hot); Pyxis from the finer one.
- 29-2072.00 Medical Records Specialists: interests, job zone and technology, but no skill or knowledge ratings
  (the gap O*NET 29.3 really has).
- 27-1014.00 Special Effects Artists and Animators: artistic, programming; Python (in demand, hot).
- 27-2011.00 Actors: artistic and social, speaking.
- 29-1126.00 Respiratory Therapists: has "Registered Nurses" among its alternate titles (it must not take that
  name from the registered-nurses profile).
- 43-6014.00 only, of the secretaries' four SOC codes: rated, but too small a share to stand for the profile.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

SKILLS = ("Active Listening", "Mathematics", "Programming", "Speaking", "Management of Personnel Resources")
KNOWLEDGE = ("Medicine and Dentistry", "Mathematics", "Computers and Electronics")
RIASEC = ("Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional")

TITLES = {
    "29-1141.00": "Registered Nurses",
    "29-1141.01": "Acute Care Nurses",
    "29-2072.00": "Medical Records Specialists",
    "27-1014.00": "Special Effects Artists and Animators",
    "27-2011.00": "Actors",
    "29-1126.00": "Respiratory Therapists",
    "43-6014.00": "Secretaries and Administrative Assistants, Except Legal, Medical, and Executive",
    "11-9111.00": "Medical and Health Services Managers",
    "29-9021.00": "Health Information Technologists and Medical Registrars",
}
# Importance per skill (level = importance + 0.5); missing ones are 1.0.
SKILL_RATINGS: dict[str, dict[str, float]] = {
    "29-1141.00": {"Active Listening": 4.0, "Speaking": 3.75, "Mathematics": 2.5, "Programming": 1.25},
    "29-1141.01": {"Active Listening": 2.0, "Speaking": 2.0},
    "27-1014.00": {"Programming": 4.5, "Mathematics": 3.5, "Active Listening": 3.0},
    "27-2011.00": {"Speaking": 4.5, "Active Listening": 4.0},
    "29-1126.00": {"Active Listening": 4.0, "Speaking": 3.5, "Mathematics": 3.0},
    "43-6014.00": {"Speaking": 3.0},
    "11-9111.00": {"Management of Personnel Resources": 4.5, "Speaking": 4.0},
    "29-9021.00": {"Programming": 2.5, "Mathematics": 3.5, "Active Listening": 3.0},
}
KNOWLEDGE_RATINGS: dict[str, dict[str, float]] = {
    "29-1141.00": {"Medicine and Dentistry": 4.5},
    "29-1141.01": {"Medicine and Dentistry": 4.8},
    "27-1014.00": {"Computers and Electronics": 4.6, "Mathematics": 3.8},
    "27-2011.00": {},
    "29-1126.00": {"Medicine and Dentistry": 4.4},
    "43-6014.00": {"Computers and Electronics": 3.0},
    "11-9111.00": {"Medicine and Dentistry": 3.5},
    "29-9021.00": {"Computers and Electronics": 4.0, "Medicine and Dentistry": 3.5},
}
INTEREST_SCORES: dict[str, tuple[float, ...]] = {  # R I A S E C
    "29-1141.00": (3.0, 5.0, 1.5, 6.0, 2.0, 4.0),
    "29-1141.01": (3.0, 5.5, 1.0, 6.5, 2.0, 4.0),
    "29-2072.00": (1.5, 3.5, 1.2, 2.0, 2.5, 6.5),
    "27-1014.00": (3.5, 4.0, 7.0, 1.5, 2.5, 2.0),
    "27-2011.00": (1.5, 1.5, 6.8, 4.5, 4.0, 1.0),
    "29-1126.00": (5.0, 5.0, 1.0, 5.5, 1.5, 3.0),
    "43-6014.00": (1.0, 1.5, 1.0, 3.0, 3.5, 6.8),
    "11-9111.00": (1.0, 3.0, 1.0, 4.5, 6.0, 5.0),
    "29-9021.00": (1.5, 5.0, 1.0, 2.0, 2.5, 6.0),
}
HIGH_POINTS = {  # 1-6 for R-C, 0 for none
    "29-1141.00": (4, 2, 6),
    "29-1141.01": (4, 2, 0),
    "29-2072.00": (6, 0, 0),
    "27-1014.00": (3, 2, 0),
    "27-2011.00": (3, 4, 5),
    "29-1126.00": (4, 1, 2),
    "43-6014.00": (6, 5, 0),
    "11-9111.00": (5, 6, 4),
    "29-9021.00": (6, 2, 0),
}
JOB_ZONES = {
    "29-1141.00": 3,
    "29-1141.01": 4,
    "29-2072.00": 3,
    "27-1014.00": 4,
    "27-2011.00": 2,
    "29-1126.00": 3,
    "43-6014.00": 2,
    "11-9111.00": 5,
    "29-9021.00": 4,
}
TECHNOLOGY = [  # code, example, commodity title, hot, in demand
    ("29-1141.00", "Epic Systems", "Medical software", "Y", "Y"),
    ("29-1141.00", "Microsoft Excel", "Spreadsheet software", "Y", "N"),
    ("29-1141.01", "Pyxis MedStation", "Medical software", "N", "N"),
    ("29-2072.00", "Epic Systems", "Medical software", "Y", "N"),
    ("29-2072.00", "3M Coding software", "Medical software", "N", "N"),
    ("27-1014.00", "Python", "Object or component oriented development software", "Y", "Y"),
    ("27-1014.00", "Autodesk Maya", "Graphics or photo imaging software", "Y", "N"),
    ("29-9021.00", "Python", "Object or component oriented development software", "Y", "N"),
]
ALTERNATE_TITLES = [
    ("29-1141.00", "Charge Nurse"),
    ("29-1141.00", "Staff Nurse"),  # the profile's own alias: not added again
    ("29-1141.01", "Critical Care Nurse"),
    ("29-2072.00", "Health Records Clerk"),
    ("27-1014.00", "Compositor"),
    ("29-1126.00", "Registered Nurses"),  # another profile's own title: must not take it
    ("29-1126.00", "Compositor"),  # shared with 27-1014.00: ambiguous as a name
]
RELATED = [  # code, related code, tier, index
    ("29-1141.00", "29-1126.00", "Primary-Short", 1),
    ("29-1141.00", "11-9111.00", "Primary-Long", 2),
    ("27-2011.00", "27-1014.00", "Primary-Short", 1),
]
# Required education categories 1-12 (percent of workers).
EDUCATION = {"29-1141.00": {3: 20.0, 5: 25.0, 6: 55.0}}
WORK_STYLES = {"29-1141.00": {"Dependability": 4.6, "Integrity": 4.5}}
WORK_VALUES = {"29-1141.00": {"Relationships": 6.3, "Support": 6.0, "Achievement": 5.3}}


def write_book(path: Path, header: list[str], rows: list[list[Any]]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)


RATING_HEADER = ["O*NET-SOC Code", "Title", "Element ID", "Element Name", "Scale ID", "Scale Name", "Data Value"]


def _ratings(table: dict[str, dict[str, float]], names: tuple[str, ...], level: bool) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for code, ratings in table.items():
        for name in names:
            value = ratings.get(name, 1.0)
            rows.append([code, TITLES[code], "x", name, "IM", "Importance", value])
            if level:
                rows.append([code, TITLES[code], "x", name, "LV", "Level", value + 0.5])
    return rows


def write_database(directory: Path) -> Path:
    """The whole fixture database in ``directory``; returns it."""
    directory.mkdir(parents=True, exist_ok=True)
    write_book(
        directory / "Occupation Data.xlsx",
        ["O*NET-SOC Code", "Title", "Description"],
        [[code, title, "A sentence that must never be copied."] for code, title in TITLES.items()],
    )
    write_book(directory / "Skills.xlsx", RATING_HEADER, _ratings(SKILL_RATINGS, SKILLS, level=True))
    write_book(directory / "Knowledge.xlsx", RATING_HEADER, _ratings(KNOWLEDGE_RATINGS, KNOWLEDGE, level=True))
    write_book(
        directory / "Work Styles.xlsx",
        RATING_HEADER,
        _ratings(WORK_STYLES, ("Dependability", "Integrity"), level=False),
    )
    write_book(
        directory / "Work Values.xlsx",
        RATING_HEADER,
        [[c, TITLES[c], "x", n, "EX", "Extent", v] for c, values in WORK_VALUES.items() for n, v in values.items()],
    )
    interests: list[list[Any]] = []
    for code, scores in INTEREST_SCORES.items():
        interests += [
            [code, TITLES[code], "x", n, "OI", "Occupational Interests", s] for n, s in zip(RIASEC, scores, strict=True)
        ]
        for rank, point in zip(("First", "Second", "Third"), HIGH_POINTS[code], strict=True):
            interests.append([code, TITLES[code], "x", f"{rank} Interest High-Point", "IH", "High-Point", point])
    write_book(directory / "Interests.xlsx", RATING_HEADER, interests)
    write_book(
        directory / "Job Zones.xlsx",
        ["O*NET-SOC Code", "Title", "Job Zone", "Date", "Domain Source"],
        [[code, TITLES[code], zone, "08/2023", "Analyst"] for code, zone in JOB_ZONES.items()],
    )
    write_book(
        directory / "Technology Skills.xlsx",
        ["O*NET-SOC Code", "Title", "Example", "Commodity Code", "Commodity Title", "Hot Technology", "In Demand"],
        [[code, TITLES[code], name, 1, kind, hot, demand] for code, name, kind, hot, demand in TECHNOLOGY],
    )
    write_book(
        directory / "Education, Training, and Experience.xlsx",
        ["O*NET-SOC Code", "Title", "Element ID", "Element Name", "Scale ID", "Category", "Data Value"],
        [
            [code, TITLES[code], "2.D.1", "Required Level of Education", "RL", category, share]
            for code, shares in EDUCATION.items()
            for category, share in shares.items()
        ],
    )
    write_book(
        directory / "Alternate Titles.xlsx",
        ["O*NET-SOC Code", "Title", "Alternate Title", "Short Title", "Source(s)"],
        [[code, TITLES[code], title, None, "08"] for code, title in ALTERNATE_TITLES],
    )
    write_book(
        directory / "Related Occupations.xlsx",
        ["O*NET-SOC Code", "Title", "Related O*NET-SOC Code", "Related Title", "Relatedness Tier", "Index"],
        [[code, TITLES[code], other, TITLES[other], tier, index] for code, other, tier, index in RELATED],
    )
    return directory


def sample_with_onet(folder: Path) -> Path:
    """The sample data file, copied into ``folder``, with this database imported beside it; returns the file."""
    from ooh_cli.importer.onet_combine import import_onet
    from tests.conftest import SAMPLE

    target = folder / "occupations.yaml"
    shutil.copy(SAMPLE, target)
    import_onet(write_database(folder / "onet"), target)
    return target

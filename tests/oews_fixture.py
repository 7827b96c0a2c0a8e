"""A small OEWS SQLite file in the official schema (see ../shared/oews/README.md), with invented figures.

It covers SOC codes of tests/fixtures/sample.yaml: registered nurses (29-1141) nearly everywhere, the four
secretaries codes of one profile (43-6011..43-6014), actors (27-2011, paid by the hour only), an estimate
BLS did not release and wages withheld under footnote 5.
"""

from __future__ import annotations

import gzip
import sqlite3
from pathlib import Path

AREAS = (
    ("0000000", "N", "00", "National"),
    ("0600000", "S", "06", "California"),
    ("3600000", "S", "36", "New York"),
    ("4800000", "S", "48", "Texas"),
    ("6600000", "S", "66", "Guam"),
    ("0041940", "M", "06", "San Jose-Sunnyvale-Santa Clara, CA"),
    ("0041860", "M", "06", "San Francisco-Oakland-Fremont, CA"),
    ("0026420", "M", "48", "Houston-Pasadena-The Woodlands, TX"),
    ("0035620", "M", "36", "New York-Newark-Jersey City, NY-NJ"),
    ("4800003", "M", "48", "West Texas Region of Texas nonmetropolitan area"),
)
NURSES = "291141"
# area code -> employment, hourly mean, annual mean, annual 10/25/50/75/90, per 1,000 jobs, location quotient
NURSE_FIGURES = {
    "0000000": (3000000, 48.00, 99840, 60000, 70000, 90000, 110000, 130000, None, None),
    "0600000": (300000, 70.00, 145600, 90000, 110000, 140000, 170000, 200000, 17.5, 0.85),
    "3600000": (180000, 55.00, 114400, 80000, 95000, 110000, 130000, 150000, 19.0, 0.92),
    "4800000": (220000, 45.00, 93600, 65000, 75000, 92000, 105000, 125000, 17.0, 0.88),
    "0041940": (15000, 85.00, 176800, 120000, 150000, 175000, 200000, 230000, 13.0, 0.70),
    "0041860": (40000, 88.00, 183040, 125000, 155000, 180000, 210000, 240000, 16.0, 0.80),
    "0026420": (50000, 46.00, 95680, 66000, 77000, 94000, 108000, 128000, 15.0, 0.85),
    "0035620": (150000, 58.00, 120640, 82000, 98000, 118000, 135000, 155000, 17.0, 0.90),
    "4800003": (900, 40.00, 83200, 60000, 68000, 80000, 90000, 100000, 10.0, 1.10),
}
# The secretaries profile: employment and annual median by code, nationally and in Texas.
SECRETARIES = {
    "436011": ("Executive Secretaries and Executive Administrative Assistants", 400000, 75000, 30000, 70000),
    "436012": ("Legal Secretaries and Administrative Assistants", 150000, 55000, 9000, 52000),
    "436013": ("Medical Secretaries and Administrative Assistants", 800000, 43000, 60000, 41000),
    "436014": (
        "Secretaries and Administrative Assistants, Except Legal, Medical, and Executive",
        1700000,
        46000,
        140000,
        44000,
    ),
}
COLUMNS = [f"v{n:02d}" for n in range(1, 18)] + [f"f{n:02d}" for n in range(1, 18)]


def _annual_cells(
    emp: int, hourly_mean: float, annual: tuple[int, ...], per_1000: float | None, lq: float | None
) -> dict[str, str]:
    cells = {"v01": str(emp), "v02": "1.0", "v03": f"{hourly_mean:.2f}", "v04": str(round(hourly_mean * 2080))}
    for n, value in zip(range(11, 16), annual, strict=True):
        cells[f"v{n:02d}"] = str(value)
        cells[f"v{n - 5:02d}"] = f"{value / 2080:.2f}"
    cells["v05"] = "0.5"
    if per_1000 is not None:
        cells["v16"], cells["v17"] = f"{per_1000:.3f}", f"{lq:.2f}"
    return cells


def make_oews(path: Path, packed: bool = False) -> Path:
    """Write the fixture at ``path`` (gzipped when ``packed``) and return ``path``."""
    plain = path.with_suffix("") if packed else path
    plain.unlink(missing_ok=True)
    db = sqlite3.connect(plain)
    db.executescript(
        "CREATE TABLE cell (key TEXT PRIMARY KEY, " + ", ".join(f"{c} TEXT" for c in COLUMNS) + ") WITHOUT ROWID;"
        "CREATE TABLE area (area_code TEXT PRIMARY KEY, areatype_code TEXT NOT NULL, state_code TEXT NOT NULL,"
        " area_name TEXT NOT NULL) WITHOUT ROWID;"
        "CREATE TABLE occupation (occupation_code TEXT PRIMARY KEY, occupation_name TEXT NOT NULL,"
        " display_level INTEGER NOT NULL) WITHOUT ROWID;"
        "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
        "CREATE TABLE footnote (footnote_code TEXT PRIMARY KEY, footnote_text TEXT NOT NULL) WITHOUT ROWID;"
    )
    db.executemany("INSERT INTO meta VALUES (?, ?)", [("release", "May 2025"), ("release_code", "2025A01")])
    db.executemany("INSERT INTO area VALUES (?, ?, ?, ?)", AREAS)
    titles = [(NURSES, "Registered Nurses", 3), ("272011", "Actors", 3)]
    titles += [(code, title, 3) for code, (title, *_) in SECRETARIES.items()]
    db.executemany("INSERT INTO occupation VALUES (?, ?, ?)", titles)
    rows: list[tuple[str, dict[str, str]]] = []
    kinds = {code: kind for code, kind, _, _ in AREAS}

    def key(area: str, soc: str, industry: str = "000000") -> str:
        return f"OEU{kinds[area]}{area}{industry}{soc}"

    for area, (emp, mean, _annual_mean, *rest) in NURSE_FIGURES.items():
        annual, (per_1000, lq) = tuple(rest[:5]), rest[5:]
        rows.append((key(area, NURSES), _annual_cells(emp, mean, annual, per_1000, lq)))
    # Guam: employment published, wages not released.
    guam = {"v01": "2000", "v16": "30.000", "v17": "1.50"}
    guam |= {f"v{n:02d}": "-" for n in range(3, 16)} | {f"f{n:02d}": "8" for n in range(3, 16)}
    rows.append((key("6600000", NURSES), guam))
    # An industry's own estimate, which the import leaves out.
    rows.append((key("0000000", NURSES, "622000"), _annual_cells(1, 1.0, (1, 1, 1, 1, 1), None, None)))
    for soc, (_, emp, median, tx_emp, tx_median) in SECRETARIES.items():
        for area, people, pay in (("0000000", emp, median), ("4800000", tx_emp, tx_median)):
            annual = (pay - 15000, pay - 8000, pay, pay + 9000, pay + 20000)
            rows.append((key(area, soc), _annual_cells(people, pay / 2080, annual, 5.0, 1.0)))
    # Legal secretaries in the New York metro area: wages withheld under footnote 5 (at or above its threshold).
    withheld = {"v01": "300"} | {f"v{n:02d}": "-" for n in range(3, 16)} | {f"f{n:02d}": "5" for n in range(3, 16)}
    rows.append((key("0035620", "436012"), withheld | {"v05": "", "f05": ""}))
    # Actors: hourly figures only; the annual ones carry footnote 4.
    actors = {"v01": "50000", "v03": "40.00", "v06": "17.00", "v07": "20.00", "v08": "25.00", "v09": "45.00"}
    actors |= {"v10": "80.00", "v04": "-", "f04": "4"} | {f"v{n}": "-" for n in range(11, 16)}
    actors |= {f"f{n}": "4" for n in range(11, 16)}
    rows.append((key("0000000", "272011"), actors))
    db.executemany(
        f"INSERT INTO cell (key, {', '.join(COLUMNS)}) VALUES (?, {', '.join('?' * len(COLUMNS))})",
        [(k, *(cells.get(c) for c in COLUMNS)) for k, cells in rows],
    )
    db.commit()
    db.close()
    if packed:
        path.write_bytes(gzip.compress(plain.read_bytes(), mtime=0))
        plain.unlink()
    return path

"""Read the O*NET database's Excel files into per-occupation facts, keyed by O*NET-SOC code (e.g. "15-1252.00").

Only names, codes, ratings, flags and titles are read; O*NET's sentences (descriptions, task statements) never
are. Columns are found by their names in the first row, so that a reordered release still reads right.
combine.py turns these facts into each profile's block; `import_onet` does both and writes the side file.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ooh_cli.core.onet import INTERESTS
from ooh_cli.importer.errors import SourceError

_CODE = re.compile(r"^\d\d-\d{4}\.\d\d$")
TIERS = {"Primary-Short": 0, "Primary-Long": 1, "Supplemental": 2}
# The files read, and the columns each must have.
FILES: dict[str, tuple[str, ...]] = {
    "Occupation Data": ("O*NET-SOC Code", "Title"),
    "Skills": ("O*NET-SOC Code", "Element Name", "Scale ID", "Data Value"),
    "Knowledge": ("O*NET-SOC Code", "Element Name", "Scale ID", "Data Value"),
    "Work Styles": ("O*NET-SOC Code", "Element Name", "Scale ID", "Data Value"),
    "Work Values": ("O*NET-SOC Code", "Element Name", "Scale ID", "Data Value"),
    "Interests": ("O*NET-SOC Code", "Element Name", "Scale ID", "Data Value"),
    "Job Zones": ("O*NET-SOC Code", "Job Zone"),
    "Technology Skills": ("O*NET-SOC Code", "Example", "Commodity Title", "Hot Technology", "In Demand"),
    "Education, Training, and Experience": ("O*NET-SOC Code", "Scale ID", "Category", "Data Value"),
    "Alternate Titles": ("O*NET-SOC Code", "Alternate Title"),
    "Related Occupations": ("O*NET-SOC Code", "Related O*NET-SOC Code", "Relatedness Tier", "Index"),
}
OPTIONAL_FILES = {"Work Styles", "Work Values", "Education, Training, and Experience", "Related Occupations"}


@dataclass
class Facts:
    """What O*NET says about one of its occupations. Ratings map an element's name to (importance, level)."""

    code: str
    title: str
    skills: dict[str, tuple[float, float | None]] = field(default_factory=dict)
    knowledge: dict[str, tuple[float, float | None]] = field(default_factory=dict)
    work_styles: dict[str, tuple[float, float | None]] = field(default_factory=dict)
    work_values: dict[str, tuple[float, float | None]] = field(default_factory=dict)
    interests: dict[str, float] = field(default_factory=dict)
    high_points: list[str] = field(default_factory=list)  # O*NET's Holland code, letter by letter
    job_zone: int | None = None
    # Commodity title -> example -> (hot, in demand).
    technology: dict[str, dict[str, tuple[bool, bool]]] = field(default_factory=dict)
    education: dict[int, float] = field(default_factory=dict)  # category 1-12 -> percent of workers
    alternate_titles: list[str] = field(default_factory=list)
    related: list[tuple[int, int, str]] = field(default_factory=list)  # (tier, index, code)


@dataclass
class Database:
    occupations: dict[str, Facts]
    skill_names: list[str]  # in the order O*NET lists them
    knowledge_names: list[str]


class Workbooks:
    """The database's Excel files: a folder of them, or the zip O*NET publishes, whose members are read into
    memory one at a time and never unpacked to disk."""

    def __init__(self, source: Path) -> None:
        self.source = source
        self._zip: zipfile.ZipFile | None = None
        if source.is_dir():
            self._members = {path.stem: path.name for path in source.glob("*.xlsx")}
        elif source.is_file() and zipfile.is_zipfile(source):
            self._zip = zipfile.ZipFile(source)
            listed = [name for name in self._zip.namelist() if name.endswith(".xlsx")]
            self._members = {PurePosixPath(name).stem: name for name in listed}
        else:
            raise SourceError(source, "not a folder or zip of the O*NET database's Excel files")

    def has(self, name: str) -> bool:
        return name in self._members

    def where(self, name: str) -> Path:
        return self.source / self._members.get(name, f"{name}.xlsx")

    def load(self, name: str) -> Any:
        """The workbook ``name``, opened read-only."""
        from openpyxl import load_workbook

        if name not in self._members:
            raise SourceError(
                self.where(name), "not found; is --onet the O*NET database's Excel files (a folder or zip)?"
            )
        if self._zip is None:
            return load_workbook(self.where(name), read_only=True, data_only=True)
        with self._zip.open(self._members[name]) as member:
            return load_workbook(io.BytesIO(member.read()), read_only=True, data_only=True)


def rows(workbooks: Workbooks, name: str) -> Iterator[dict[str, Any]]:
    """The rows of ``name``.xlsx as dicts of the columns it must have; a SourceError when it cannot be read."""
    path = workbooks.where(name)
    wanted = FILES[name]
    try:
        book = workbooks.load(name)
    except (SourceError, MemoryError):
        raise
    except Exception as error:  # openpyxl and zipfile raise many kinds for a file that is not a workbook
        raise SourceError(path, f"not a readable Excel workbook ({type(error).__name__})") from None
    try:
        sheet = book.worksheets[0]
        lines = sheet.iter_rows(values_only=True)
        header = [str(cell).strip() if cell is not None else "" for cell in next(lines, ())]
        missing = [column for column in wanted if column not in header]
        if missing:
            raise SourceError(path, f"expected the columns {', '.join(missing)} in the first row")
        columns = [(column, header.index(column)) for column in wanted]
        for line in lines:
            if line and line[columns[0][1]] is not None:
                yield {column: line[i] if i < len(line) else None for column, i in columns}
    finally:
        book.close()


def _code(path_name: str, value: Any) -> str:
    code = str(value).strip()
    if not _CODE.match(code):
        raise SourceError(path_name, f"{code!r} is not an O*NET-SOC code such as 15-1252.00")
    return code


def _number(path_name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        try:
            return float(str(value))
        except ValueError:
            raise SourceError(path_name, f"expected a number, not {value!r}") from None
    return float(value)


def read_database(source: Path) -> Database:
    """Every occupation of the database in ``source`` (a folder of Excel files, or O*NET's zip) with its facts."""
    directory = Workbooks(source)
    occupations: dict[str, Facts] = {}
    for row in rows(directory, "Occupation Data"):
        code = _code("Occupation Data.xlsx", row["O*NET-SOC Code"])
        occupations[code] = Facts(code, str(row["Title"]).strip())

    def facts(name: str, value: Any) -> Facts | None:
        return occupations.get(_code(f"{name}.xlsx", value))

    names: dict[str, list[str]] = {}
    for name, attribute in (
        ("Skills", "skills"),
        ("Knowledge", "knowledge"),
        ("Work Styles", "work_styles"),
        ("Work Values", "work_values"),
    ):
        if name in OPTIONAL_FILES and not directory.has(name):
            continue
        order = names.setdefault(attribute, [])
        for row in rows(directory, name):
            found, scale = facts(name, row["O*NET-SOC Code"]), row["Scale ID"]
            if found is None or scale not in ("IM", "LV", "EX"):
                continue
            element = str(row["Element Name"]).strip()
            value = _number(f"{name}.xlsx", row["Data Value"])
            ratings = getattr(found, attribute)
            importance, level = ratings.get(element, (None, None))
            if scale == "LV":
                level = value
            else:
                importance = value
            ratings[element] = (importance, level)
            if element not in order:
                order.append(element)
    for found in occupations.values():  # a level without an importance is no rating
        for attribute in ("skills", "knowledge", "work_styles", "work_values"):
            ratings = getattr(found, attribute)
            for element in [e for e, (importance, _) in ratings.items() if importance is None]:
                del ratings[element]
    _interests(directory, facts)
    for row in rows(directory, "Job Zones"):
        if (found := facts("Job Zones", row["O*NET-SOC Code"])) is not None:
            zone = int(_number("Job Zones.xlsx", row["Job Zone"]))
            if not 1 <= zone <= 5:
                raise SourceError("Job Zones.xlsx", f"job zone {zone} is not 1 to 5")
            found.job_zone = zone
    for row in rows(directory, "Technology Skills"):
        if (found := facts("Technology Skills", row["O*NET-SOC Code"])) is not None:
            examples = found.technology.setdefault(str(row["Commodity Title"]).strip(), {})
            hot, in_demand = examples.get(str(row["Example"]).strip(), (False, False))
            examples[str(row["Example"]).strip()] = (
                hot or row["Hot Technology"] == "Y",
                in_demand or row["In Demand"] == "Y",
            )
    if directory.has("Education, Training, and Experience"):
        for row in rows(directory, "Education, Training, and Experience"):
            found = facts("Education, Training, and Experience", row["O*NET-SOC Code"])
            if found is not None and row["Scale ID"] == "RL":
                category = int(_number("Education, Training, and Experience.xlsx", row["Category"]))
                found.education[category] = _number("Education, Training, and Experience.xlsx", row["Data Value"])
    for row in rows(directory, "Alternate Titles"):
        if (found := facts("Alternate Titles", row["O*NET-SOC Code"])) is not None and row["Alternate Title"]:
            found.alternate_titles.append(str(row["Alternate Title"]).strip())
    if directory.has("Related Occupations"):
        for row in rows(directory, "Related Occupations"):
            if (found := facts("Related Occupations", row["O*NET-SOC Code"])) is not None:
                other = _code("Related Occupations.xlsx", row["Related O*NET-SOC Code"])
                tier = TIERS.get(str(row["Relatedness Tier"]).strip(), len(TIERS))
                found.related.append((tier, int(_number("Related Occupations.xlsx", row["Index"])), other))
    return Database(occupations, names.get("skills", []), names.get("knowledge", []))


def _interests(directory: Workbooks, facts: Callable[[str, Any], Facts | None]) -> None:
    """RIASEC scores (scale OI) and O*NET's high-point codes (scale IH: 1-6 for R-C, 0 for none)."""
    high_points: dict[str, dict[str, int]] = {}
    for row in rows(directory, "Interests"):
        found = facts("Interests", row["O*NET-SOC Code"])
        if found is None:
            continue
        name, value = str(row["Element Name"]).strip(), _number("Interests.xlsx", row["Data Value"])
        if row["Scale ID"] == "OI" and name in INTERESTS:
            found.interests[name] = value
        elif row["Scale ID"] == "IH":
            high_points.setdefault(found.code, {})[name] = int(value)
    for code, points in high_points.items():
        letters = [points.get(f"{rank} Interest High-Point", 0) for rank in ("First", "Second", "Third")]
        found = facts("Interests", code)
        if found is not None:
            found.high_points = [INTERESTS[n - 1][0] for n in letters if 1 <= n <= len(INTERESTS)]

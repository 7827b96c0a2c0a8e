"""Turn parsed YAML into the typed model, collecting every problem with its record and field.

Reading is type-directed: only known fields are visited and each is checked against the type it must have,
so a hostile document (deep nesting, aliases that expand exponentially) is refused at the first wrong type
instead of being walked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any, TypeVar

from ooh_cli.model import (
    EDUCATION,
    EXPERIENCE,
    OUTLOOK,
    PUBLIC_CONTACT,
    TRAINING,
    Association,
    ClusterOutlook,
    Dataset,
    Employment,
    Entry,
    Group,
    HistoryEntry,
    Meta,
    Occupation,
    Outlook,
    Pay,
    Share,
    Source,
    Threshold,
    Vocabulary,
    WorkEnvironment,
)
from ooh_cli.names import name_key

T = TypeVar("T")


class Level(Enum):
    ERROR = "error"  # the file cannot be used
    WARNING = "warning"  # lookups go on; `ooh data validate` fails
    NOTE = "note"  # worth knowing; nothing fails


@dataclass(frozen=True, slots=True)
class Problem:
    level: Level
    message: str
    record: str | None = None
    field: str | None = None
    line: int | None = None

    def format(self, path: str) -> str:
        where = path if self.line is None else f"{path}:{self.line}"
        parts = [where, self.level.value]
        if self.record is not None:
            parts.append(f"record {self.record!r}")
        if self.field is not None:
            parts.append(f"field {self.field!r}")
        return ": ".join([*parts, self.message])


SOC_CODE = re.compile(r"\d\d-\d{4}")
# Bounds that no real figure reaches; anything outside is a typo or corruption.
MAX_PAY = 10_000_000
MAX_HOURLY = 5_000
MAX_JOBS = 500_000_000
YEARS = range(1900, 2101)
GROWTH_RANGE = (-100.0, 1000.0)
# Longest accepted text. Real titles and names stay under 100 characters and real prose under 2,000; a
# megabyte-long title would make every table, the name index and fuzzy matching crawl.
MAX_NAME = 1_000
MAX_PROSE = 20_000
# A number written in a way YAML 1.1 reads as text: 1e12 (no dot), 60,000, $60000.
NUMBER_LIKE = re.compile(r"[-+]?\$?[\d,_]*\.?\d+(?:[eE][-+]?\d+)?")

RECORD_FIELDS = frozenset(
    [
        "id",
        "title",
        "group",
        "soc_codes",
        "former_titles",
        "aliases",
        "summary",
        "duties",
        "work_environment",
        "how_to_become",
        "pay",
        "employment",
        "outlook",
        "similar",
        "programs",
        "associations",
        "source",
        "history",
        "notes",
    ]
)
META_FIELDS = frozenset(
    [
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
)


def type_name(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"the number {show_number(value)}"
    if isinstance(value, str):
        return repr(shorten(value))
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def shorten(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


def show_number(value: float) -> str:
    # str() refuses ints over 4,300 digits, and YAML reads 0x followed by 5,000 digits as one.
    return str(value) if not isinstance(value, int) or abs(value) < 10**18 else "with more than 18 digits"


def key_name(key: object) -> str:
    """A mapping key as a field name; YAML keys may be numbers, dates or nothing, and of any length."""
    return shorten(key) if isinstance(key, str) else type_name(key)


class Fields:
    """Reads one mapping of the document, recording a problem for each field that is wrong."""

    def __init__(self, data: Mapping[str, Any], problems: list[Problem], record: str | None, prefix: str) -> None:
        self.data = data
        self.problems = problems
        self.record = record
        self.prefix = prefix

    def path(self, key: str) -> str:
        return f"{self.prefix}{key}"

    def problem(self, key: str, message: str, level: Level = Level.ERROR) -> None:
        self.problems.append(Problem(level, message, self.record, self.path(key)))

    def _get(self, key: str, required: bool) -> Any:
        value = self.data.get(key)
        if value is None and required:
            self.problem(key, "is required")
        return value

    def text(self, key: str, required: bool = False, limit: int = MAX_PROSE) -> str | None:
        value = self._get(key, required)
        if value is None:
            return None
        text = as_text(value)
        if text is None:
            self.problem(key, f"expected text, got {type_name(value)}")
            return None
        if len(text) > limit:
            self.problem(key, f"is {len(text):,} characters long; at most {limit:,} allowed")
            return None
        return text

    def number(self, key: str, low: float, high: float) -> float | None:
        value = self._get(key, False)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            hint = ""
            if isinstance(value, str) and NUMBER_LIKE.fullmatch(value.strip()):
                hint = " (YAML reads it as text: write plain digits, no $ or commas, and 1e12 as 1.0e+12)"
            self.problem(key, f"expected a number, got {type_name(value)}{hint}")
            return None
        if not low <= value <= high:
            self.problem(key, f"{show_number(value)} is out of range ({low:g} to {high:g})")
            return None
        return value

    def integer(self, key: str, low: int, high: int) -> int | None:
        value = self.number(key, low, high)
        if value is None:
            return None
        if value != int(value):
            self.problem(key, f"expected a whole number, got {value}")
            return None
        return int(value)

    def year(self, key: str) -> int | None:
        return self.integer(key, YEARS.start, YEARS.stop - 1)

    def flag(self, key: str) -> bool:
        value = self._get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.problem(key, f"expected true or false, got {type_name(value)}")
            return False
        return value

    def term(self, key: str, vocabulary: Vocabulary) -> str | None:
        value = self.text(key)
        if value is None:
            return None
        term = vocabulary.get(value)
        if term is None:
            self.problem(key, f"unknown {vocabulary.name} {value!r}; expected one of {', '.join(vocabulary.slugs())}")
            return None
        return term.slug

    def texts(self, key: str, limit: int = MAX_PROSE) -> tuple[str, ...]:
        value = self._get(key, False)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.problem(key, f"expected a list of text, got {type_name(value)}")
            return ()
        out = []
        # The first wrong item ends the list: a hostile one may be millions long, all wrong.
        for index, item in enumerate(value):
            text = as_text(item)
            if text is None:
                self.problem(f"{key}[{index}]", f"expected text, got {type_name(item)}")
                return ()
            if len(text) > limit:
                self.problem(f"{key}[{index}]", f"is {len(text):,} characters long; at most {limit:,} allowed")
                return ()
            out.append(text)
        return tuple(out)

    def mapping(self, key: str) -> Fields | None:
        value = self._get(key, False)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.problem(key, f"expected a mapping, got {type_name(value)}")
            return None
        return Fields(value, self.problems, self.record, self.path(key) + ".")

    def items(self, key: str) -> Iterator[Fields]:
        """Each mapping of a list of mappings."""
        value = self._get(key, False)
        if value is None:
            return
        if not isinstance(value, list):
            self.problem(key, f"expected a list, got {type_name(value)}")
            return
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                self.problem(f"{key}[{index}]", f"expected a mapping, got {type_name(item)}")
                return
            yield Fields(item, self.problems, self.record, f"{self.path(key)}[{index}].")

    def sub(self, key: str, read: Callable[[Fields], T], default: T) -> T:
        fields = self.mapping(key)
        return default if fields is None else read(fields)


def as_text(value: object) -> str | None:
    """``value`` as stripped text, or None when it is not text (or is blank)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) or (isinstance(value, int) and abs(value) < 10**18):
        return str(value)  # YAML reads 2024-34 as text but 2024 as a number; both name a period
    if isinstance(value, date):
        return value.isoformat()  # an unquoted 2024-09-05 is a date to YAML, text to us
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def read_pay(f: Fields) -> Pay:
    return Pay(
        year=f.year("year"),
        median_annual=f.number("median_annual", 0, MAX_PAY),
        median_hourly=f.number("median_hourly", 0, MAX_HOURLY),
        percentile_10=f.number("percentile_10", 0, MAX_PAY),
        percentile_90=f.number("percentile_90", 0, MAX_PAY),
        top_coded=f.flag("top_coded"),
    )


def read_employment(f: Fields) -> Employment:
    return Employment(
        year=f.year("year"),
        jobs=f.integer("jobs", 0, MAX_JOBS),
        projected_year=f.year("projected_year"),
        projected_jobs=f.integer("projected_jobs", 0, MAX_JOBS),
    )


def read_outlook(f: Fields) -> Outlook:
    return Outlook(
        period=f.text("period"),
        growth_percent=f.number("growth_percent", *GROWTH_RANGE),
        category=f.term("category", OUTLOOK),
        change=f.integer("change", -MAX_JOBS, MAX_JOBS),
        annual_openings=f.integer("annual_openings", 0, MAX_JOBS),
        prospects=f.text("prospects"),
    )


def read_shares(f: Fields, key: str) -> tuple[Share, ...]:
    return tuple(
        Share(s.text("name", required=True) or "?", s.number("percent", 0, 100), s.text("part")) for s in f.items(key)
    )


def read_work(f: Fields) -> WorkEnvironment:
    return WorkEnvironment(
        summary=f.text("summary"),
        public_contact=f.term("public_contact", PUBLIC_CONTACT),
        employers_year=f.year("employers_year"),
        employers=read_shares(f, "employers"),
    )


def read_entry(f: Fields) -> Entry:
    return Entry(
        education=f.term("education", EDUCATION),
        experience=f.term("experience", EXPERIENCE),
        training=f.term("training", TRAINING),
        courses=f.texts("courses"),
        licenses=f.texts("licenses"),
        qualities=f.texts("qualities"),
    )


def read_source(f: Fields) -> Source:
    return Source(edition=f.text("edition"), url=f.text("url"), last_modified=f.text("last_modified"))


def read_cluster(f: Fields) -> ClusterOutlook | None:
    name, category = f.text("name", required=True), f.term("category", OUTLOOK)
    return None if name is None or category is None else ClusterOutlook(name, category)


def read_history(f: Fields) -> HistoryEntry:
    return HistoryEntry(
        edition=f.text("edition", required=True) or "?",
        title=f.text("title"),
        pay=f.sub("pay", read_pay, Pay()),
        employment=f.sub("employment", read_employment, Employment()),
        outlook=f.sub("outlook", read_outlook, Outlook()),
        education=f.term("education", EDUCATION),
        courses=f.texts("courses"),
        employers=read_shares(f, "employers"),
        public_contact=f.term("public_contact", PUBLIC_CONTACT),
        programs=f.texts("programs"),
        associations=f.texts("associations"),
        cluster_outlook=f.sub("cluster_outlook", read_cluster, None),
        notes=f.texts("notes"),
    )


def read_record(f: Fields, groups: set[str]) -> Occupation:
    group = f.text("group", required=True, limit=MAX_NAME) or "?"
    if groups and group not in groups and group != "?":
        f.problem("group", f"unknown group {group!r}; not one of meta.groups")
    soc_codes = f.texts("soc_codes", MAX_NAME)
    for code in soc_codes:
        if not SOC_CODE.fullmatch(code):
            f.problem("soc_codes", f"{code!r} is not a SOC code like 29-2072")
    for key in sorted(map(key_name, set(f.data) - RECORD_FIELDS)):
        f.problem(key, "is not a known field; kept but not used", Level.NOTE)
    return Occupation(
        id=f.record or "?",
        title=f.text("title", required=True, limit=MAX_NAME) or "?",
        group=group,
        soc_codes=soc_codes,
        former_titles=f.texts("former_titles", MAX_NAME),
        aliases=f.texts("aliases", MAX_NAME),
        summary=f.text("summary"),
        duties=f.texts("duties"),
        work_environment=f.sub("work_environment", read_work, WorkEnvironment()),
        how_to_become=f.sub("how_to_become", read_entry, Entry()),
        pay=f.sub("pay", read_pay, Pay()),
        employment=f.sub("employment", read_employment, Employment()),
        outlook=f.sub("outlook", read_outlook, Outlook()),
        similar=f.texts("similar", MAX_NAME),
        programs=f.texts("programs"),
        associations=tuple(
            Association(a.text("name", required=True) or "?", a.text("url")) for a in f.items("associations")
        ),
        source=f.sub("source", read_source, Source()),
        history=tuple(read_history(h) for h in f.items("history")),
        notes=f.texts("notes"),
    )


def read_thresholds(f: Fields) -> tuple[Threshold, ...]:
    out = []
    for slug in OUTLOOK.slugs():
        bounds = f.mapping(slug)
        if bounds is None:
            f.problem(slug, "is required: every outlook category needs its growth range")
            continue
        out.append(Threshold(slug, bounds.number("min", *GROWTH_RANGE), bounds.number("max", *GROWTH_RANGE)))
    for key in sorted(map(key_name, set(f.data) - set(OUTLOOK.slugs()))):
        f.problem(key, f"unknown outlook category; expected one of {', '.join(OUTLOOK.slugs())}")
    return tuple(out)


def read_meta(f: Fields) -> Meta:
    groups = tuple(
        Group(
            g.text("slug", required=True, limit=MAX_NAME) or "?", g.text("name", required=True, limit=MAX_NAME) or "?"
        )
        for g in f.items("groups")
    )
    if not groups:
        f.problem("groups", "is required: list the occupational groups as {slug, name}")
    for key in sorted(map(key_name, set(f.data) - META_FIELDS)):
        f.problem(key, "is not a known field; kept but not used", Level.NOTE)
    return Meta(
        edition=f.text("edition", required=True) or "?",
        projection_period=f.text("projection_period", required=True) or "?",
        base_year=f.year("base_year") or 0,
        average_growth_percent=f.number("average_growth_percent", *GROWTH_RANGE) or 0.0,
        median_pay_all=f.number("median_pay_all", 0, MAX_PAY),
        median_pay_year=f.year("median_pay_year"),
        thresholds=f.sub("outlook_thresholds", read_thresholds, ()),
        groups=groups,
        source_url=f.text("source_url"),
        built=f.text("built"),
    )


def check_references(occupations: list[Occupation], problems: list[Problem]) -> None:
    """Cross-record checks: an alias claimed twice, a similar occupation that is not in the file."""
    ids = {occ.id for occ in occupations}
    claimed: dict[str, str] = {}
    for occ in occupations:
        # Compared as lookups compare them, so "Medical Coder" and "medical coders" are one name.
        for alias in {name_key(a): a for a in occ.aliases}.values():
            owner = claimed.setdefault(name_key(alias), occ.id)
            if owner != occ.id:
                problems.append(
                    Problem(Level.WARNING, f"alias {alias!r} is also claimed by {owner!r}", occ.id, "aliases")
                )
        for other in occ.similar:
            if other not in ids:
                problems.append(
                    Problem(Level.WARNING, f"similar occupation {other!r} is not in the file", occ.id, "similar")
                )


def read_document(raw: object) -> tuple[Dataset | None, list[Problem]]:
    """Validate a parsed document. The dataset is None when any problem is an error."""
    problems: list[Problem] = []
    if not isinstance(raw, dict):
        problems.append(Problem(Level.ERROR, f"expected a mapping with 'meta' and 'occupations', got {type_name(raw)}"))
        return None, problems
    top = Fields(raw, problems, None, "")
    meta_fields = top.mapping("meta")
    if raw.get("meta") is None:  # absent, or a bare `meta:`
        top.problem("meta", "is required: the edition's metadata")
    meta = read_meta(meta_fields) if meta_fields else None
    group_slugs = {g.slug for g in meta.groups} if meta else set()

    records = raw.get("occupations")
    occupations: list[Occupation] = []
    # A list, or the iterator reading.py makes to parse one record at a time.
    if not isinstance(records, (list, Iterator)):
        top.problem("occupations", f"expected a list of occupation records, got {type_name(records)}")
    else:
        seen: set[str] = set()
        for index, item in enumerate(records):
            if not isinstance(item, dict):
                top.problem(f"occupations[{index}]", f"expected a mapping, got {type_name(item)}")
                continue
            record_id = item.get("id")
            if not isinstance(record_id, str) or not record_id.strip():
                top.problem(f"occupations[{index}].id", f"is required text, got {type_name(record_id)}")
                continue
            if len(record_id) > MAX_NAME:
                top.problem(
                    f"occupations[{index}].id", f"is {len(record_id):,} characters long; at most {MAX_NAME:,} allowed"
                )
                continue
            if record_id in seen:
                problems.append(Problem(Level.ERROR, f"is used again by occupations[{index}]", record_id, "id"))
                continue
            seen.add(record_id)
            occupations.append(read_record(Fields(item, problems, record_id, ""), group_slugs))
        check_references(occupations, problems)

    if meta is None or any(p.level is Level.ERROR for p in problems):
        return None, problems
    return Dataset(meta, tuple(occupations)), problems

"""Turn a parsed data file into the typed model, with every problem worded for people.

msgspec decodes each record against the model's annotations (types, ranges, vocabularies) and stops at the
record's first problem; this module says that problem in plain words with its record and field, and adds the
checks no single record can make: duplicate ids, unknown groups, aliases claimed twice, similar occupations
missing from the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Any

import msgspec

from ooh_cli.core.model import Occupation
from ooh_cli.core.names import fold
from ooh_cli.core.records import MAX_NAME, Meta, Record
from ooh_cli.core.sanitize import first_unsafe
from ooh_cli.core.vocab import EDUCATION, EXPERIENCE, OUTLOOK, PUBLIC_CONTACT, TRAINING, Vocabulary


class Dataset(Record, frozen=True):
    meta: Meta
    occupations: tuple[Occupation, ...]


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


# The vocabulary behind each field that holds a slug, by field name.
VOCABULARIES: dict[str, Vocabulary] = {
    "category": OUTLOOK,
    "education": EDUCATION,
    "experience": EXPERIENCE,
    "training": TRAINING,
    "public_contact": PUBLIC_CONTACT,
}
# msgspec's words for the types it expected, in ours.
TYPE_WORDS = {"str": "text", "array": "a list", "object": "a mapping", "bool": "true or false", "null": "nothing"}
# A number written in a way YAML 1.1 reads as text: 1e12 (no dot), 60,000, $60000.
NUMBER_LIKE = re.compile(r"[-+]?\$?[\d,_]*\.?\d+(?:[eE][-+]?\d+)?")
_AT = re.compile(r"^(?P<what>.*?)(?: - at `\$(?P<path>[^`]*)`)?$", re.S)
_STEP = re.compile(r"\.([^.\[]+)|\[(\d+)\]")
_MISSING = re.compile(r"Object missing required field `(?P<field>[^`]+)`")
_UNKNOWN = re.compile(r"Object contains unknown field `(?P<field>[^`]+)`")
_WRONG_TYPE = re.compile(r"Expected `(?P<expected>[^`]+)`, got `(?P<got>[^`]+)`")
_BOUND = re.compile(r"Expected `(?P<expected>[^`]+)` (?P<op>[<>]=?) (?P<bound>\S+)")
_LENGTH = re.compile(r"Expected `(?P<expected>str|array)` of length (?P<op>[<>]=?) (?P<bound>\d+)")
_PATTERN = re.compile(r"Expected `str` matching regex")
_ENUM = re.compile(r"Invalid enum value (?P<value>.+)")


# The fields that hold prose, where a line break or a tab may belong; every other text is one line.
PROSE_FIELDS = frozenset(
    {"summary", "what_they_do", "duties", "prospects", "courses", "licenses", "qualities", "programs", "notes"}
    | {"associations", "how_it_works", "description"}
)


def check_controls(value: object, problems: list[Problem], record: str | None, field: str, prose: bool = False) -> None:
    """A problem for each text in ``value`` (a decoded record, never the raw document: an alias bomb's
    expansion is never walked) that holds a terminal control (ESC, BEL, CR, C1, bidi overrides...): shown raw
    it could recolour, rewrite or retitle the terminal, or write the clipboard."""
    if isinstance(value, str):
        found = first_unsafe(value, one_line=not prose)
        if found is not None:
            message = f"contains the control character {found}; text may hold no terminal controls"
            problems.append(Problem(Level.ERROR, message, record, field or None))
    elif isinstance(value, msgspec.Struct):
        for attribute, name in _field_names(type(value)):
            inner = f"{field}.{name}".lstrip(".")
            check_controls(getattr(value, attribute), problems, record, inner, prose or name in PROSE_FIELDS)
    elif isinstance(value, dict):
        for key, item in value.items():
            check_controls(key, problems, record, field)
            check_controls(item, problems, record, f"{field}.{key_name(key)}".lstrip("."), prose)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            check_controls(item, problems, record, f"{field}[{index}]", prose)


@cache
def _field_names(kind: type[msgspec.Struct]) -> tuple[tuple[str, str], ...]:
    """Each field's attribute and its name in the data file. Asked once per record class: msgspec reads the
    class's annotations at every call, and the check walks some 12,000 records of the bundled file."""
    return tuple((spec.name, spec.encode_name) for spec in msgspec.structs.fields(kind))


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


def _value_at(document: object, steps: list[str | int]) -> object:
    for step in steps:
        if isinstance(step, int) and isinstance(document, list) and step < len(document):
            document = document[step]
        elif isinstance(step, str) and isinstance(document, dict):
            document = document.get(step)
        else:
            return None
    return document


def _field_path(steps: list[str | int]) -> str:
    return "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in steps).lstrip(".")


def explain(error: msgspec.ValidationError, document: object) -> tuple[str, str]:
    """(field path, message in plain words) for msgspec's error about ``document``."""
    parts = _AT.match(str(error))
    assert parts is not None  # the pattern matches any text
    what, path = parts["what"], parts["path"] or ""
    steps: list[str | int] = [key if key is not None else int(index) for key, index in _STEP.findall(path)]
    if missing := _MISSING.match(what):
        return _field_path([*steps, missing["field"]]), "is required"
    if unknown := _UNKNOWN.match(what):
        return _field_path(steps), f"unknown field {unknown['field']!r}"
    value = _value_at(document, steps)
    where = _field_path(steps)
    if enum := _ENUM.match(what):
        vocabulary = VOCABULARIES.get(str(steps[-1]) if steps else "")
        if vocabulary is not None:
            return where, f"unknown {vocabulary.name} {enum['value']}; expected one of {', '.join(vocabulary.slugs())}"
        return where, what
    if length := _LENGTH.match(what):
        if length["op"] == ">=":
            return where, "is required"
        size = len(value) if isinstance(value, (str, list)) else 0
        unit = "characters" if length["expected"] == "str" else "items"
        return where, f"is {size:,} {unit} long; at most {int(length['bound']):,} allowed"
    if _PATTERN.match(what):
        return where, f"{type_name(value)} is not a SOC code like 29-2072"
    if bound := _BOUND.match(what):
        limit = "at least" if bound["op"].startswith(">") else "at most"
        shown = show_number(value) if isinstance(value, (int, float)) else type_name(value)
        return where, f"{shown} is out of range ({limit} {bound['bound']})"
    if wrong := _WRONG_TYPE.match(what):
        expected = set(wrong["expected"].split(" | ")) - {"null"}
        if isinstance(value, float) and "int" in expected and "float" not in expected:
            return where, f"expected a whole number, got {show_number(value)}"
        words = "a number" if expected & {"int", "float"} else " or ".join(TYPE_WORDS.get(e, e) for e in expected)
        hint = ""
        if words == "a number" and isinstance(value, str) and NUMBER_LIKE.fullmatch(value.strip()):
            hint = " (YAML reads it as text: write plain digits, no $ or commas, and 1e12 as 1.0e+12)"
        return where, f"expected {words}, got {type_name(value)}{hint}"
    return where, what


def _decode(raw: dict[str, Any], kind: type[Any], problems: list[Problem], record: str | None, prefix: str) -> Any:
    try:
        return msgspec.convert(raw, kind)
    except msgspec.ValidationError as error:
        field, message = explain(error, raw)
        problems.append(Problem(Level.ERROR, message, record, f"{prefix}{field}" if field else prefix.rstrip(".")))
        return None


def _note_unknown(raw: dict[Any, Any], kind: type[Any], problems: list[Problem], record: str | None) -> None:
    known = set(kind.__struct_encode_fields__)
    for key in sorted(map(key_name, set(raw) - known)):
        prefix = "meta." if kind is Meta else ""
        problems.append(Problem(Level.NOTE, "is not a known field; kept but not used", record, f"{prefix}{key}"))


def _record_id(item: dict[Any, Any], index: int, problems: list[Problem], seen: set[str]) -> str | None:
    """The record's id, or None (with a problem) when it has none usable."""
    record_id = item.get("id")
    where = f"occupations[{index}].id"
    if not isinstance(record_id, str) or not record_id.strip():
        problems.append(Problem(Level.ERROR, f"is required text, got {type_name(record_id)}", field=where))
    elif len(record_id) > MAX_NAME:
        message = f"is {len(record_id):,} characters long; at most {MAX_NAME:,} allowed"
        problems.append(Problem(Level.ERROR, message, field=where))
    elif record_id in seen:
        problems.append(Problem(Level.ERROR, f"is used again by occupations[{index}]", record_id, "id"))
    else:
        seen.add(record_id)
        return record_id
    return None


def check_references(occupations: list[Occupation], groups: set[str], problems: list[Problem]) -> None:
    """Checks across records: unknown groups, an alias claimed twice, a similar occupation not in the file."""
    ids = {occ.id for occ in occupations}
    claimed: dict[str, str] = {}
    for occ in occupations:
        if groups and occ.group not in groups:
            problems.append(
                Problem(Level.ERROR, f"unknown group {occ.group!r}; not one of meta.groups", occ.id, "group")
            )
        # Compared as lookups compare them, so "Medical Coder" and "medical coders" are one name.
        for alias in {fold(a): a for a in occ.aliases}.values():
            owner = claimed.setdefault(fold(alias), occ.id)
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
    meta: Meta | None = None
    raw_meta = raw.get("meta")
    if raw_meta is None:  # absent, or a bare `meta:`
        problems.append(Problem(Level.ERROR, "is required: the edition's metadata", field="meta"))
    elif not isinstance(raw_meta, dict):
        problems.append(Problem(Level.ERROR, f"expected a mapping, got {type_name(raw_meta)}", field="meta"))
    else:
        meta = _decode(raw_meta, Meta, problems, None, "meta.")
        if meta is not None:
            check_controls(meta, problems, None, "meta")
        _note_unknown(raw_meta, Meta, problems, None)

    records = raw.get("occupations")
    occupations: list[Occupation] = []
    # A list, or the iterator yamlio makes to parse one record at a time.
    if not isinstance(records, (list, Iterator)):
        message = f"expected a list of occupation records, got {type_name(records)}"
        problems.append(Problem(Level.ERROR, message, field="occupations"))
    else:
        seen: set[str] = set()
        for index, item in enumerate(records):
            if not isinstance(item, dict):
                message = f"expected a mapping, got {type_name(item)}"
                problems.append(Problem(Level.ERROR, message, field=f"occupations[{index}]"))
                continue
            record_id = _record_id(item, index, problems, seen)
            if record_id is None:
                continue
            occ = _decode(item, Occupation, problems, record_id, "")
            if occ is not None:
                check_controls(occ, problems, record_id, "")
            _note_unknown(item, Occupation, problems, record_id)
            if occ is not None:
                occupations.append(occ)
        check_references(occupations, {g.slug for g in meta.groups} if meta else set(), problems)

    if meta is None or any(p.level is Level.ERROR for p in problems):
        return None, problems
    return Dataset(meta, tuple(occupations)), problems

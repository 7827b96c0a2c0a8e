"""How an import merges what the sources say into the existing data file.

The record layout is the model's (core/model.py): keys in the order of its fields. An import replaces the
fields the sources own and keeps everything else: our own prose, history, notes, a maintainer's extra keys.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import msgspec

from ooh_cli.core.model import Occupation
from ooh_cli.core.records import Meta


def _fields(kind: type[msgspec.Struct]) -> tuple[str, ...]:
    return tuple(kind.__struct_encode_fields__)


RECORD_KEYS = _fields(Occupation)
# The record's sections (pay, outlook...) and their keys: every field that holds a record of its own.
SECTION_KEYS = {
    field.encode_name: _fields(field.type)
    for field in msgspec.structs.fields(Occupation)
    if isinstance(field.type, type) and issubclass(field.type, msgspec.Struct)
}
META_KEYS = _fields(Meta)
# Fields an import replaces (also removing them when the sources no longer give them). Everything else in an
# existing record (our own prose, history, notes, a maintainer's extra keys) is kept. Two fields are merged:
# aliases (hand-added ones stay next to the A-Z index titles) and licenses (kept when a page names none).
# Programs come from the CIP crosswalk when it is given; otherwise build.py carries the existing ones over.
SOURCE_FIELDS = frozenset(
    {
        *("id", "title", "group", "soc_codes", "similar", "associations", "programs"),
        *("work_environment.employers_year", "work_environment.employers"),
        *("how_to_become.education", "how_to_become.experience", "how_to_become.training"),
        "how_to_become.qualities",
        *(f"pay.{key}" for key in SECTION_KEYS["pay"] if key != "summary"),
        *(f"employment.{key}" for key in SECTION_KEYS["employment"]),
        *(f"outlook.{key}" for key in SECTION_KEYS["outlook"] if key != "prospects"),
        *(f"source.{key}" for key in SECTION_KEYS["source"]),
        # BLS's own words, asked for by `ooh data update` for a new edition; any other import drops them.
        "bls_text",
    }
)


def prune(value: Any) -> Any:
    """``value`` without null, empty or false entries, recursively (see the module docstring)."""
    if isinstance(value, dict):
        pruned = {key: prune(item) for key, item in value.items()}
        return {key: item for key, item in pruned.items() if not _is_empty(item)}
    if isinstance(value, list):
        return [prune(item) for item in value]
    return value


def _is_empty(value: object) -> bool:
    # Not `value in (None, False, [], {})`: 0 == False, and a growth of 0% is a figure.
    return value is None or value is False or (isinstance(value, (list, dict)) and not value)


def merge_record(fresh: Mapping[str, Any], old: Mapping[str, Any] | None) -> dict[str, Any]:
    """``fresh`` (from the sources) merged into ``old``: source fields replaced, everything else kept.

    Keys come in the documented order, then any keys a maintainer added, in their order: a new record is laid
    out as the next import will lay it out, so that importing again changes no byte.
    """
    if old is None:
        old = {}
    merged: dict[str, Any] = {}
    for key in RECORD_KEYS:
        if key in SECTION_KEYS:
            section = _merge_section(key, fresh.get(key) or {}, old.get(key))
            if section:
                merged[key] = section
        elif key == "aliases":
            aliases = _union(old.get("aliases"), fresh.get("aliases"))
            if aliases:
                merged[key] = aliases
        elif key in SOURCE_FIELDS:
            if key in fresh:
                merged[key] = fresh[key]
        elif key in old:
            merged[key] = old[key]
    for key, value in old.items():
        if key not in RECORD_KEYS:
            merged[key] = value
    return merged


def _merge_section(name: str, fresh: Mapping[str, Any], old: object) -> dict[str, Any]:
    kept: Mapping[str, Any] = old if isinstance(old, Mapping) else {}
    merged: dict[str, Any] = {}
    for key in SECTION_KEYS[name]:
        path = f"{name}.{key}"
        if path in SOURCE_FIELDS:
            if key in fresh:
                merged[key] = fresh[key]
        elif path == "how_to_become.licenses" and fresh.get(key):
            merged[key] = fresh[key]
        elif key in kept:
            merged[key] = kept[key]
    for key, value in kept.items():
        if key not in SECTION_KEYS[name]:
            merged[key] = value
    return merged


def _union(first: object, second: object) -> list[Any]:
    """Items of ``first`` then new items of ``second``; text compared without regard to case."""
    out: list[Any] = []
    seen: set[object] = set()
    for items in (first, second):
        for item in items if isinstance(items, list) else ():
            key = item.casefold() if isinstance(item, str) else repr(item)
            if key not in seen:
                seen.add(key)
                out.append(item)
    return out


def same(first: object, second: object) -> bool:
    """Whether two parsed documents are equal, keys in the same order: written out, they are the same bytes."""
    if isinstance(first, Mapping) and isinstance(second, Mapping):
        return list(first) == list(second) and all(same(first[key], second[key]) for key in first)
    if isinstance(first, list) and isinstance(second, list):
        return len(first) == len(second) and all(same(a, b) for a, b in zip(first, second, strict=True))
    return first == second


def changed_fields(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """Dotted names of the fields that differ, one level into sections ("pay.median_annual"); "the order of its
    fields" when no value does."""
    changes: list[str] = []
    for key in union_keys(old, new):
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        if key in SECTION_KEYS and isinstance(before, Mapping) and isinstance(after, Mapping):
            changes.extend(f"{key}.{sub}" for sub in union_keys(before, after) if before.get(sub) != after.get(sub))
        else:
            changes.append(key)
    return changes or ["the order of its fields"]


def union_keys(first: Mapping[str, Any], second: Mapping[str, Any]) -> list[str]:
    return list(dict.fromkeys([*first, *second]))

"""Programs of study for each profile, from the CIP-SOC crosswalk of NCES and BLS (CIP 2020 to SOC 2018).

A profile's programs are the CIP programs linked to any of its SOC codes (for a broad code, to the detailed
codes under it): the code ("51.0707") and the title without the crosswalk's closing period. SOC code 99-9999 ("no match") links nothing.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ooh_cli.importer.errors import SourceError

_CODE_COLUMN = re.compile(r"^CIP(\d{4})Code$")
_CIP_CODE = re.compile(r"^\d\d\.\d{4}$")
_SOC_CODE = re.compile(r"^\d\d-\d{4}$")
# A broad occupation of the SOC: its last digit 0, the one before not (13-2020; 13-2000 is a minor group).
_BROAD_CODE = re.compile(r"^\d\d-\d\d[1-9]0$")
NO_MATCH = "99-9999"


@dataclass(frozen=True, slots=True)
class Crosswalk:
    """Which programs prepare for which occupations, in one CIP edition ("CIP 2020")."""

    edition: str
    by_soc: dict[str, dict[str, str]] = field(default_factory=dict)  # SOC code -> {CIP code: title}

    def programs(self, soc_codes: list[str]) -> list[dict[str, str]]:
        """The programs linked to any of ``soc_codes``, by CIP code, as the data file writes them. A broad
        code (13-2020) stands for the detailed codes under it (13-2022, 13-2023), which the crosswalk lists."""
        found: dict[str, str] = {}
        for soc in soc_codes:
            found.update(self.by_soc.get(soc, {}))
            if _BROAD_CODE.match(soc):
                for detailed, programs in self.by_soc.items():
                    if detailed.startswith(soc[:6]) and detailed != soc:
                        found.update(programs)
        return [{"code": code, "title": found[code]} for code in sorted(found)]


def programs_for(
    record: Mapping[str, Any], crosswalk: Crosswalk | None, old: Mapping[str, Any] | None
) -> list[dict[str, str]] | None:
    """A record's programs: from the crosswalk when one is given, else those the existing record has."""
    if crosswalk is not None:
        return crosswalk.programs(list(record.get("soc_codes") or []))
    return (old or {}).get("programs")


def programs_edition(crosswalk: Crosswalk | None, old_meta: object) -> str | None:
    """``meta.programs_edition``: the crosswalk's edition, else the one the existing file states."""
    if crosswalk is not None:
        return crosswalk.edition
    kept = old_meta.get("programs_edition") if isinstance(old_meta, Mapping) else None
    return kept if isinstance(kept, str) else None


def read_crosswalk(path: Path) -> Crosswalk:
    """Read the crosswalk CSV (UTF-8, with or without a byte-order mark); a SourceError says what is wrong."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            rows = list(csv.reader(stream))
    except UnicodeDecodeError:
        raise SourceError(path, "not a UTF-8 text file; expected the CIP-SOC crosswalk (.csv)") from None
    except OSError as error:
        raise SourceError(path, f"cannot read: {error.strerror or error}") from None
    if not rows:
        raise SourceError(path, "is empty; expected the CIP-SOC crosswalk (.csv)")
    header = [cell.strip() for cell in rows[0]]
    edition = next((m.group(1) for cell in header if (m := _CODE_COLUMN.match(cell))), None)
    columns = {"code": f"CIP{edition}Code", "title": f"CIP{edition}Title"}
    soc_column = next((cell for cell in header if cell.startswith("SOC") and cell.endswith("Code")), None)
    if edition is None or soc_column is None or not set(columns.values()) <= set(header):
        expected = "CIPyyyyCode, CIPyyyyTitle, SOCyyyyCode"
        raise SourceError(path, f"is not a CIP-SOC crosswalk: its columns are {', '.join(header)}; expected {expected}")
    at = {name: header.index(column) for name, column in {**columns, "soc": soc_column}.items()}
    crosswalk = Crosswalk(f"CIP {edition}")
    for number, row in enumerate(rows[1:], start=2):
        if len(row) < len(header):
            raise SourceError(path, f"line {number} has {len(row)} cells; the header has {len(header)}")
        code, title, soc = (row[at[name]].strip() for name in ("code", "title", "soc"))
        if soc == NO_MATCH:
            continue
        if not _CIP_CODE.match(code) or not _SOC_CODE.match(soc) or not title:
            raise SourceError(path, f"line {number}: expected a CIP code, a title and a SOC code, got {row!r}")
        crosswalk.by_soc.setdefault(soc, {})[code] = title.removesuffix(".")
    return crosswalk

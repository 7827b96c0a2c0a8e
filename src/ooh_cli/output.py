"""Machine-readable output: plain json, csv and yaml on stdout, never any colour or markup."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Mapping, Sequence
from typing import Any

from ooh_cli.stdout import ascii_only


def write_json(data: Any) -> None:
    # On an ASCII-only stdout, \u escapes keep the JSON exact where "?" would change it.
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=ascii_only()) + "\n")


def write_yaml(data: Any) -> None:
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    sys.stdout.write(yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=1000))


def write_csv(rows: Sequence[Mapping[str, Any]], fieldnames: Sequence[str]) -> None:
    writer = csv.DictWriter(sys.stdout, fieldnames=list(fieldnames), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        # csv has no null: an empty cell stands for "not available".
        writer.writerow({key: "" if value is None else value for key, value in row.items()})

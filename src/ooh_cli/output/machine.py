"""Machine-readable output: plain json, csv and yaml, never any colour or markup."""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping, Sequence
from typing import Any

from ooh_cli.core.sanitize import escaped
from ooh_cli.output.env import Environment


def write_json(data: Any, env: Environment) -> None:
    # On an ASCII-only stdout, \u escapes keep the JSON exact where "?" would change it. json escapes C0
    # controls itself; DEL, C1 and bidi controls can only be inside strings, where an escape means the same.
    env.stdout.write(escaped(json.dumps(data, indent=2, ensure_ascii=env.ascii_only)) + "\n")


def write_yaml(data: Any, env: Environment) -> None:
    from ooh_cli.core.yamlio import dump_yaml

    # Strings with controls are double-quoted, where the emitter escapes all but the bidi controls: those are
    # escaped here (inside double quotes, the only place they can be, \u202E means the same).
    env.stdout.write(escaped(dump_yaml(data)))


def write_csv(rows: Sequence[Mapping[str, Any]], fieldnames: Sequence[str], env: Environment) -> None:
    writer = csv.DictWriter(env.stdout, fieldnames=list(fieldnames), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        # csv has no null (an empty cell stands for "not available") and no list (SOC codes are joined).
        writer.writerow({key: _cell(value) for key, value in row.items()})


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    return ", ".join(map(str, value)) if isinstance(value, list) else value

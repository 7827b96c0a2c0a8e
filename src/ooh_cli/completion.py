"""Shell completion of occupation names: ids and aliases that start with what has been typed."""

from __future__ import annotations

import re
from pathlib import Path

import typer

from ooh_cli.loader import data_path, load_catalog

MAX_CANDIDATES = 50


def occupation_candidates(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """(value, help) pairs for the shell; never raises, since a broken completion must stay silent."""
    # During completion the options are not converted yet: --data may still be a plain string.
    given = ctx.find_root().params.get("data")
    try:
        catalog = load_catalog(data_path(Path(given) if given else None))
    except Exception:
        return []
    typed = incomplete.casefold()
    out: dict[str, str] = {}
    for occ in catalog.records():
        # Aliases are offered in id form ("health-information-coder"): no quoting needed in the shell.
        for name in (occ.id, *(slug(alias) for alias in occ.aliases)):
            if name.startswith(typed) and name not in out:
                out[name] = occ.title
                if len(out) >= MAX_CANDIDATES:
                    return list(out.items())
    return list(out.items())


def slug(text: str) -> str:
    return "-".join(re.findall(r"[0-9a-z]+", text.casefold()))

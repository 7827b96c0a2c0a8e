"""Shell completion of occupation names: ids and aliases that start with what has been typed."""

from pathlib import Path

import typer

from ooh_cli.core.datafile import data_path, load_catalog
from ooh_cli.core.names import slug

MAX_CANDIDATES = 50


def occupation_candidates(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """(value, help) pairs for the shell; never raises, since a broken completion must stay silent.

    Aliases are offered in id form ("health-information-coder"): no quoting needed in the shell, and each
    folds to the name it came from, so it finds its profile without any correction.
    """
    # During completion the options are not converted yet: --data may still be a plain string.
    given = ctx.find_root().params.get("data")
    try:
        catalog = load_catalog(data_path(Path(given) if given else None))
    except Exception:
        return []
    typed = incomplete.casefold()
    out: dict[str, str] = {}
    for occ in catalog.records():
        for name in (occ.id, *(slug(alias) for alias in occ.aliases)):
            if name.startswith(typed) and name not in out:
                out[name] = occ.title
                if len(out) >= MAX_CANDIDATES:
                    return list(out.items())
    return list(out.items())

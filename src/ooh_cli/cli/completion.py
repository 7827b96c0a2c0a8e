"""Shell completion of occupation names: ids and aliases that start with what has been typed."""

from itertools import islice
from pathlib import Path

import typer

from ooh_cli.core.catalog import Catalog
from ooh_cli.core.datafile import data_path
from ooh_cli.core.store import Store

MAX_CANDIDATES = 50


def occupation_candidates(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """(value, help) pairs for the shell; never raises, since a broken completion must stay silent."""
    catalog = _catalog(ctx)
    return list(islice(catalog.completions(incomplete), MAX_CANDIDATES)) if catalog else []


def group_candidates(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """The slugs of the groups starting with what has been typed, with their names."""
    catalog = _catalog(ctx)
    groups = catalog.meta.groups if catalog else ()
    return [(g.slug, g.name) for g in groups if g.slug.startswith(incomplete.casefold())]


def _catalog(ctx: typer.Context) -> Catalog | None:
    # During completion the options are not converted yet: --data may still be a plain string.
    given = ctx.find_root().params.get("data")
    try:
        return Store(data_path(Path(given) if given else None)).catalog()
    except Exception:
        return None

"""How every command that lists profiles writes them: a table of a few facts, or every fact for machines."""

from typing import TYPE_CHECKING, Any

from ooh_cli.cli.options import TableFormat
from ooh_cli.cli.session import Session
from ooh_cli.output import emit, markdown_renderer, renderer

if TYPE_CHECKING:
    from ooh_cli.core.records import Summary
    from ooh_cli.output.views import Listing


def emit_profiles(
    current: Session,
    fmt: TableFormat,
    profiles: list["Summary"],
    *,
    keys: tuple[str, ...] | None = None,
    extra: tuple[str, list[str]] | None = None,
    machine_extra: list[dict[str, Any]] | None = None,
    footer: str = "",
    sort: str = "title",
    extra_room: int = 0,
) -> None:
    """A list of profiles: ``keys`` (and an ``extra`` column) for people, every fact for json and csv; ``sort``
    is the order they come in, for the notes that depend on it."""
    from ooh_cli.core.facts import fact_row, facts
    from ooh_cli.output import views

    meta, env = current.catalog().meta, current.env

    def records() -> list[dict[str, Any]]:
        columns = facts(meta)
        return [fact_row(p, columns) | (machine_extra[i] if machine_extra else {}) for i, p in enumerate(profiles)]

    def fields() -> list[str]:
        return [fact.key for fact in facts(meta)] + (list(machine_extra[0]) if machine_extra else [])

    def table_data() -> "Listing":
        return views.listing(meta, profiles, keys or views.LIST_KEYS, extra, footer, sort, extra_room)

    emit(
        env,
        fmt,
        table=lambda: renderer(env).listing(table_data(), env) if profiles else None,
        json=records,
        csv=lambda: (records(), fields()),
        markdown=lambda: markdown_renderer().listing(table_data()) if profiles else "",
    )

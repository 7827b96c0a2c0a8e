"""What one run of `ooh` works with: the data chosen by the global options (its store), the terminal."""

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ooh_cli.core.errors import NotFoundError, UsageError
from ooh_cli.output.env import Environment

if TYPE_CHECKING:
    from ooh_cli.core.catalog import Catalog, Match
    from ooh_cli.core.places import Place
    from ooh_cli.core.store import Store

# The longest name or query taken: room for 400 words and more, and a bound on the work one query can ask for.
MAX_QUERY = 4_096


def bounded(text: str, what: str = "the occupation name") -> str:
    """``text`` when it is no longer than MAX_QUERY characters; else a usage error."""
    if len(text) > MAX_QUERY:
        raise UsageError(f"{what} is {len(text):,} characters long; at most {MAX_QUERY:,} are taken")
    return text


def checked(text: str) -> str:
    """What was typed as an occupation, when it can be one: bounded, and not an option."""
    if text.startswith("-"):
        # `ooh show -- --help`: no profile is named like an option, and a guess from its words ("help":
        # helpers) would answer a question nobody asked.
        raise NotFoundError(f"no occupation is named {text!r}; options such as --help go before `--`")
    return bounded(text)


class Session:
    """The catalog is loaded on first use, so that `--help` never reads data."""

    def __init__(self, data: Path | None, env: Environment) -> None:
        from ooh_cli.core.datafile import data_path

        self.path = data_path(data)
        self.env = env
        self._store: Store | None = None
        self._catalog: Catalog | None = None

    @property
    def store(self) -> "Store":
        """The data of this run: every command reaches its data through it."""
        if self._store is None:
            from ooh_cli.core.store import Store

            self._store = Store(self.path)
        return self._store

    def catalog(self) -> "Catalog":
        if self._catalog is None:
            self._catalog = self.store.catalog()
            warnings = self._catalog.warnings
            if warnings:
                more = f" (and {len(warnings) - 1} more; run `ooh data validate`)" if len(warnings) > 1 else ""
                self.env.message(f"{warnings[0]}{more}")
        return self._catalog

    def resolve(self, text: str, fmt: str = "table") -> "Match":
        """The profile ``text`` names. When it was chosen for the words rather than named exactly, a note says
        what it was taken as, where the output is read (env.note)."""
        match = self.catalog().resolve(checked(text))
        if match.guessed_from is not None:
            self.env.note(f'showing {match.summary.title} for "{match.guessed_from}"', fmt)
        return match

    def resolve_with_place(self, text: str, fmt: str, purpose: str = "") -> "tuple[Match, Place | None]":
        """The profile ``text`` names and the place at its end ("electricians in texas"), if any; the note says
        how the place was read: what for (``purpose``), else as which option."""
        # A place comes after a name: one word is never both, and words that are a name as a whole are that
        # name; neither needs the places read.
        if len(checked(text).split()) < 2 or self.catalog().is_name(text):
            return self.resolve(text, fmt), None
        from ooh_cli.core.places import split_place

        catalog = self.catalog()
        rest, place = split_place(text, self._area_names)
        if place is None or not rest:
            return self.resolve(text, fmt), None
        match = catalog.resolve(rest)
        shown = f'showing {match.summary.title} for "{rest}"; ' if match.guessed_from is not None else ""
        read = f"{place.label}, {purpose}" if purpose else place.option
        self.env.note(f'{shown}"{place.typed}" read as {read}', fmt)
        return match, place

    def _area_names(self, text: str) -> list[str]:
        """The OEWS names of the metro areas ``text`` names; none without a wage table."""
        from ooh_cli.core.errors import OohError
        from ooh_cli.core.wages import match_areas

        try:
            return [area.name for area in match_areas(self.store.wages(), [text])]
        except OohError:
            return []


def session(ctx: typer.Context) -> Session:
    obj = ctx.find_root().obj
    assert isinstance(obj, Session)
    return obj

"""The profiles of one data file and the lookups that find one by any name users type.

A catalog reads its parts from the cache's sections (cache.py) as commands ask for them: every profile's
``Summary`` for lists and rankings, the name index for lookups, the search index, and a full ``Occupation``
only for the profiles shown.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ooh_cli.core import cache
from ooh_cli.core.errors import AmbiguousError, NotFoundError, UsageError
from ooh_cli.core.model import Meta, Occupation, Record, Summary
from ooh_cli.core.names import fold, slug, soc_code

if TYPE_CHECKING:
    from ooh_cli.core.search import SearchIndex

# How sure a typo match must be, and how far ahead of the next profile, before `ooh` acts on it.
CLOSE_MATCH_SCORE = 88.0
CLOSE_MATCH_LEAD = 6.0
SUGGEST_SCORE = 60.0


class Match(Record, frozen=True):
    occupation: Occupation
    # What the user typed, when it was taken as a close spelling rather than an exact name.
    guessed_from: str | None = None


def title_order(profile: Occupation | Summary) -> tuple[str, str]:
    """The order of `ooh list`: titles A to Z, ids between equal titles."""
    return profile.title.casefold(), profile.id


def layout(
    meta: Meta, occupations: tuple[Occupation, ...], warnings: list[str], key: cache.Key | None
) -> Iterator[bytes]:
    """The cache's bytes for ``occupations``, in pieces. Profiles are kept in title order, so that lists by title
    need no sorting."""
    from ooh_cli.core.search import SearchIndex

    ordered = tuple(sorted(occupations, key=title_order))
    index = SearchIndex.build(ordered, {group.slug: group.name for group in meta.groups})
    return cache.encode(key, meta, warnings, ordered, index)


class Catalog:
    """All profiles of one data file, in title order, with lookups by any name users type."""

    def __init__(self, sections: cache.Sections) -> None:
        self.sections = sections
        self.meta: Meta = sections.header.meta
        self.warnings: list[str] = sections.header.warnings
        self._summaries: list[Summary] | None = None
        self._search: SearchIndex | None = None
        self._positions: dict[str, int] | None = None

    @classmethod
    def build(cls, meta: Meta, occupations: tuple[Occupation, ...], warnings: list[str]) -> Catalog:
        """A catalog of ``occupations`` in memory, laid out as the cache keeps it."""
        return cls(cache.Sections(b"".join(layout(meta, occupations, warnings, None))))

    def __len__(self) -> int:
        return len(self.sections)

    @property
    def summaries(self) -> list[Summary]:
        if self._summaries is None:
            self._summaries = self.sections.summaries()
        return self._summaries

    @property
    def search_index(self) -> SearchIndex:
        if self._search is None:
            self._search = self.sections.search()
        return self._search

    def record(self, position: int) -> Occupation:
        return self.sections.record(position)

    def records(self) -> list[Occupation]:
        return [self.record(i) for i in range(len(self))]

    def position(self, occupation_id: str) -> int | None:
        if self._positions is None:
            if self._summaries is None:
                # Summaries not read yet: the name index narrows the id to a few records, which confirm it.
                candidates = self.sections.lookup(fold(occupation_id))
                return next((p for p in candidates if self.record(p).id == occupation_id), None)
            self._positions = {s.id: i for i, s in enumerate(self._summaries)}
        return self._positions.get(occupation_id)

    def summary(self, occupation_id: str) -> Summary | None:
        position = self.position(occupation_id)
        return None if position is None else self.summary_at(position)

    def summary_at(self, position: int) -> Summary:
        """One profile's summary, without reading every summary when they are not at hand yet."""
        if self._summaries is not None:
            return self._summaries[position]
        return Summary.of(self.record(position))

    def completions(self, typed: str) -> Iterator[tuple[str, str]]:
        """(name, title) for every id, and every alias in id form, that starts with ``typed``.

        Aliases in id form ("health-information-coder") need no quoting in a shell, and each folds to the
        name it came from, so it finds its profile with no correction.
        """
        typed = typed.casefold()
        seen: set[str] = set()
        for occ in self.records():
            for name in (occ.id, *(slug(alias) for alias in occ.aliases)):
                if name.startswith(typed) and name not in seen:
                    seen.add(name)
                    yield name, occ.title

    def resolve(self, text: str) -> Match:
        """The one profile ``text`` names: an id, title, alias or SOC code, in any case or number, or a close typo."""
        if not text.strip():
            raise UsageError("occupation name is empty; try `ooh search WORDS` to find one")
        key = soc_code(text) or fold(text)
        positions = self.sections.lookup(key) if key else []
        if len(positions) == 1:
            return Match(self.record(positions[0]))
        if len(positions) > 1:
            raise self._ambiguous(text, positions)
        return self._close_match(text, key)

    def _close_match(self, text: str, key: str) -> Match:
        ranked = self.suggest(key, limit=5) or [(-1, 0.0)]
        (best, best_score), *rest = ranked
        runner_up = rest[0][1] if rest else 0.0
        if best_score >= CLOSE_MATCH_SCORE and best_score - runner_up >= CLOSE_MATCH_LEAD:
            return Match(self.record(best), guessed_from=text)
        close = [position for position, score in ranked if score >= CLOSE_MATCH_SCORE]
        if len(close) > 1:
            raise self._ambiguous(text, close)
        hints = [self.summaries[position].id for position, score in ranked[:3] if score >= SUGGEST_SCORE]
        if not hints:
            raise NotFoundError(f"no occupation matches {text!r}; try `ooh search {text}`")
        raise NotFoundError(f"no occupation matches {text!r}; did you mean: {', '.join(hints)}?")

    def _ambiguous(self, text: str, positions: list[int]) -> AmbiguousError:
        ids = [self.summaries[p].id for p in positions]
        listed = "; ".join(f"{s.id} ({s.title})" for s in (self.summaries[p] for p in positions[:8]))
        return AmbiguousError(f"{text!r} could mean several occupations: {listed}", ids)

    def suggest(self, key: str, limit: int) -> list[tuple[int, float]]:
        """Positions of the profiles whose names are closest to ``key``, best first, one entry per profile."""
        entries = self.sections.names()
        if not key or not entries:
            return []
        from rapidfuzz import fuzz, process

        names = [name for name, _ in entries]
        best: dict[int, float] = {}
        for _, score, index in process.extract(key, names, scorer=fuzz.token_sort_ratio, limit=limit * 8):
            for position in entries[index][1]:
                best[position] = max(best.get(position, 0.0), float(score))
        return sorted(best.items(), key=lambda item: (-item[1], self.summaries[item[0]].title))[:limit]

"""The profiles of one data file and the lookups that find one by any name users type.

A catalog reads its parts from the cache's sections (cache.py) as commands ask for them: every profile's
``Summary`` for lists and rankings, the name index for lookups, the search index, and a full ``Occupation``
only for the profiles shown. A cache found damaged while it is read is rebuilt from the data file (``rebuild``)
and the read done again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, TypeVar

from ooh_cli.core import cache
from ooh_cli.core.errors import AmbiguousError, NotFoundError, UsageError
from ooh_cli.core.model import Meta, Occupation, Record, Summary
from ooh_cli.core.names import fold, slug, soc_code

if TYPE_CHECKING:
    from ooh_cli.core.onet import OnetData
    from ooh_cli.core.search import Hit, SearchIndex
    from ooh_cli.core.wagefile import Brief, WageTable

T = TypeVar("T")

# How far ahead of the next profile the best search hit must score for `ooh` to take a name as it.
CLEAR_LEAD = 1.25
# The candidates an ambiguous name lists.
MAX_CANDIDATES = 8


class Match(Record, frozen=True):
    occupation: Occupation
    # What the user typed, when it was taken as a close spelling rather than an exact name.
    guessed_from: str | None = None


def title_order(profile: Occupation | Summary) -> tuple[str, str]:
    """The order of `ooh list`: titles A to Z, ids between equal titles."""
    return profile.title.casefold(), profile.id


def layout(
    meta: Meta, occupations: tuple[Occupation, ...], onet: OnetData | None = None
) -> tuple[tuple[Occupation, ...], SearchIndex, dict[str, list[str]]]:
    """What the cache holds of ``occupations``: the profiles in title order (so lists by title need no sorting),
    the search index and the extra names by profile id. O*NET's alternate titles become names and search
    fields, its technologies search fields."""
    from ooh_cli.core.search import SearchIndex, folded_words

    ordered = tuple(sorted(occupations, key=title_order))
    extras: dict[str, dict[str, list[str]]] = {}
    if onet is not None:
        # Folded once here for both indexes; technology names repeat across hundreds of profiles.
        folded: dict[str, str] = {}
        for occupation_id, fields in onet.search_fields().items():
            extras[occupation_id] = {
                field: [folded.get(text) or folded.setdefault(text, folded_words(text)) for text in texts]
                for field, texts in fields.items()
            }
    index = SearchIndex.build(ordered, {group.slug: group.name for group in meta.groups}, extras)
    names = {occupation_id: fields["alternate title"] for occupation_id, fields in extras.items()}
    return ordered, index, names


class Catalog:
    """All profiles of one data file, in title order, with lookups by any name users type."""

    def __init__(
        self,
        sections: cache.Sections,
        onet: Callable[[], OnetData | None] | None = None,
        rebuild: Callable[[], cache.Sections] | None = None,
        wages: Callable[[], WageTable] | None = None,
    ) -> None:
        # onet, wages: the store's readers of the data beside the data file, called on first use.
        self.sections = sections
        self._onet_reader = onet
        self._wages_reader = wages
        self._rebuild = rebuild
        self.meta: Meta = sections.header.meta
        self.warnings: list[str] = sections.header.warnings
        self._summaries: list[Summary] | None = None
        self._search: SearchIndex | None = None
        self._positions: dict[str, int] | None = None

    @classmethod
    def build(
        cls, meta: Meta, occupations: tuple[Occupation, ...], warnings: list[str], onet: OnetData | None = None
    ) -> Catalog:
        """A catalog of ``occupations`` in memory, laid out as the cache keeps it."""
        return cls(cache.in_memory(meta, warnings, *layout(meta, occupations, onet)), lambda: onet)

    def onet(self) -> OnetData | None:
        """The O*NET data of the data file, read on first use; None when there is none."""
        return self._onet_reader() if self._onet_reader is not None else None

    def wages(self) -> WageTable:
        """The wage table of the data file (MissingWages when there is none)."""
        if self._wages_reader is None:
            from ooh_cli.core.wagefile import MissingWages

            raise MissingWages(None)
        return self._wages_reader()

    def local_choice(self, soc_codes: Sequence[str]) -> tuple[Brief | None, int, str]:
        """What a profile shows of its pay by state and area (core/wages.py local_choice), and the OEWS release."""
        from ooh_cli.core.wages import local_choice

        table = self.wages()
        return (*local_choice(table, soc_codes), table.release)

    def _read(self, reading: Callable[[cache.Sections], T]) -> T:
        """``reading`` of the cache; a cache found damaged is rebuilt once and read again."""
        try:
            return reading(self.sections)
        except cache.Damaged:
            if self._rebuild is None:
                raise
            self.sections, self._rebuild = self._rebuild(), None
            return reading(self.sections)

    def __len__(self) -> int:
        return len(self.sections)

    @property
    def summaries(self) -> list[Summary]:
        if self._summaries is None:
            self._summaries = self._read(cache.Sections.summaries)
        return self._summaries

    @property
    def search_index(self) -> SearchIndex:
        if self._search is None:
            self._search = self._read(cache.Sections.search)
        return self._search

    def record(self, position: int) -> Occupation:
        return self._read(lambda sections: sections.record(position))

    def records(self) -> list[Occupation]:
        return [self.record(i) for i in range(len(self))]

    def position(self, occupation_id: str) -> int | None:
        if self._positions is None:
            if self._summaries is None:
                # Summaries not read yet: the name index narrows the id to a few records, which confirm it.
                candidates = self._read(lambda sections: sections.lookup(fold(occupation_id)))
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
        """The one profile ``text`` names.

        An exact name first: id, title, former title, alias or SOC code, in any case or number. Otherwise the
        search ranking (`ooh search`) decides: its best hit when clearly ahead (the match says it was a
        guess), else an AmbiguousError with the closest profiles, best first. Only where the Handbook's words
        match nothing: O*NET's alternate titles, then the search with O*NET's names and technologies.
        """
        if not text.strip():
            raise UsageError("occupation name is empty; try `ooh search WORDS` to find one")
        key = soc_code(text) or fold(text)
        positions = self._read(lambda sections: sections.lookup(key)) if key else []
        if len(positions) == 1:
            return Match(self.record(positions[0]))
        if len(positions) > 1:
            raise self._ambiguous(text, positions)
        from ooh_cli.core.search import search

        # Below the profiles' own names and every profile they might mean: O*NET's alternate titles. A name
        # that is one of those is no typo: no word of it is read as another.
        alternates = self._read(lambda sections: sections.lookup_alternate(key)) if key else []
        result = search(self.search_index, text, handbook_only=True, correct=not alternates)
        hits = result.complete()  # a guess must account for every word typed
        if not hits:
            if len(alternates) == 1:
                return Match(self.record(alternates[0]), guessed_from=text)
            if alternates:
                raise self._ambiguous(text, alternates)
            result = search(self.search_index, text)
            hits = result.complete()
        if not hits:
            closest = [self.summary_at(hit.position) for hit in result.hits[:3]]
            hint = f"closest: {', '.join(s.id for s in closest)}" if closest else f"try `ooh search {text}`"
            raise NotFoundError(f"no occupation matches {text!r}; {hint}")
        if _clearly_ahead(hits):
            return Match(self.record(hits[0].position), guessed_from=text)
        raise self._ambiguous(text, [hit.position for hit in hits])

    def _ambiguous(self, text: str, positions: list[int]) -> AmbiguousError:
        shown = [self.summary_at(p) for p in positions[:MAX_CANDIDATES]]
        more = f" (the first {MAX_CANDIDATES} of {len(positions)}; `ooh search {text}` lists them all)"
        message = f"{text!r} could mean several occupations" + (more if len(positions) > MAX_CANDIDATES else "")
        width = max(len(s.id) for s in shown)
        return AmbiguousError(message + ":", [s.id for s in shown], [f"{s.id:<{width}}  {s.title}" for s in shown])


def _clearly_ahead(hits: list[Hit]) -> bool:
    """Whether the best hit stands out: the only one, or matching more whole words, or scoring well above."""
    if len(hits) == 1:
        return True
    best, second = hits[0], hits[1]
    return len(best.whole_words) > len(second.whole_words) or best.score >= CLEAR_LEAD * second.score

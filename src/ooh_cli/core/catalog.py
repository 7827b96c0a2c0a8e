"""The profiles of one data file and the lookups that find one by any name users type.

A catalog reads its parts from the cache's sections (cache.py) as commands ask for them: every profile's
``Summary`` for lists and rankings, the name index for lookups, the search index, and a full ``Occupation``
only for the profiles shown. A cache found damaged while it is read is rebuilt from the data file (``rebuild``)
and the read done again.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, TypeVar

from ooh_cli.core import cache
from ooh_cli.core.errors import AmbiguousError, NotFoundError, UsageError
from ooh_cli.core.names import fold, slug, soc_code
from ooh_cli.core.records import Meta, Summary

if TYPE_CHECKING:
    from ooh_cli.core.indexbuild import IndexParts
    from ooh_cli.core.model import Occupation
    from ooh_cli.core.onet import OnetData
    from ooh_cli.core.places import Place
    from ooh_cli.core.search import Hit, SearchResult
    from ooh_cli.core.searchindex import Field, SearchIndex
    from ooh_cli.core.vocabulary import Vocabulary
    from ooh_cli.core.wagefile import WageTable
    from ooh_cli.core.wages import LocalChoice

T = TypeVar("T")

# How far ahead of the next profile the best search hit must score for `ooh` to take a name as it.
CLEAR_LEAD = 1.25
# The candidates an ambiguous name lists.
MAX_CANDIDATES = 8
# A name held by more Handbook titles than this is a kind of work ("technician", "assistant"), not one: an
# alternate title that is such a name lists the profiles rather than shows the one O*NET gives it to.
GENERIC_NAME = 3


class Match:
    """The profile a name was taken to mean, and what the user typed when it was taken as a close spelling
    rather than an exact name. Its summary or its whole record are read from the catalog when asked for: a note
    and `ooh wages` need only the summary, and decoding a whole profile costs a lookup a few percent."""

    def __init__(self, catalog: Catalog, position: int, guessed_from: str | None = None) -> None:
        self.position = position
        self.guessed_from = guessed_from
        self._catalog = catalog

    @property
    def summary(self) -> Summary:
        return self._catalog.summary_at(self.position)

    @property
    def occupation(self) -> Occupation:
        return self._catalog.record(self.position)


def title_order(profile: Occupation | Summary) -> tuple[str, str]:
    """The order of `ooh list`: titles A to Z, ids between equal titles."""
    return profile.title.casefold(), profile.id


def layout(
    meta: Meta,
    occupations: tuple[Occupation, ...],
    onet: OnetData | None = None,
    vocabulary: Vocabulary | None = None,
) -> tuple[tuple[Occupation, ...], IndexParts, dict[str, list[str]]]:
    """What the cache holds of ``occupations``: the profiles in title order (so lists by title need no sorting),
    the search index and the extra names by profile id. O*NET's alternate titles become names and search
    fields, its technologies search fields. The everyday names of ``vocabulary`` join the alternate titles,
    and a name there means only the profiles the vocabulary gives it."""
    from ooh_cli.core.indexbuild import IndexParts
    from ooh_cli.core.searchindex import folded_words

    ordered = tuple(sorted(occupations, key=title_order))
    extras: dict[str, dict[str, list[str]]] = {}
    spelled: dict[str, dict[str, list[str]]] = {}
    if vocabulary is not None:
        for name, profiles in vocabulary.profile_names(listed=True).items():
            for occupation_id in profiles:
                extras.setdefault(occupation_id, {}).setdefault("everyday name", []).append(name.replace("-", " "))
    if onet is not None:
        # Folded once here for both indexes; technology names repeat across hundreds of profiles.
        folded: dict[str, str] = {}
        spelled = onet.search_fields()
        for occupation_id, fields in spelled.items():
            extras.setdefault(occupation_id, {}).update(
                {
                    field: [folded.get(text) or folded.setdefault(text, folded_words(text)) for text in texts]
                    for field, texts in fields.items()
                }
            )
    index = IndexParts.build(ordered, {group.slug: group.name for group in meta.groups}, extras, spelled)
    names = {occupation_id: fields.get("alternate title", []) for occupation_id, fields in extras.items()}
    if vocabulary is not None:
        names = _with_vocabulary(names, vocabulary, {occ.id for occ in ordered})
    return ordered, index, names


def _with_vocabulary(names: dict[str, list[str]], vocabulary: Vocabulary, ids: set[str]) -> dict[str, list[str]]:
    """O*NET's alternate titles (folded words, by profile id) with the vocabulary's names in place of any they
    share: an everyday name means what the vocabulary says, not every profile O*NET gives it to."""
    every = (*vocabulary.profile_names().items(), *vocabulary.profile_names(listed=True).items())
    everyday = {name.replace("-", " "): [i for i in profiles if i in ids] for name, profiles in every}
    listed = {name.replace("-", " ") for name in vocabulary.profile_names(listed=True)}
    everyday = {name: profiles for name, profiles in everyday.items() if profiles}
    merged = {occupation_id: [n for n in titles if n not in everyday] for occupation_id, titles in names.items()}
    for name, profiles in everyday.items():
        for occupation_id in profiles if name not in listed else ():
            merged.setdefault(occupation_id, []).append(name)
    return merged


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
        # Profiles decoded so far: finding one by id and then showing its summary reads it once.
        self._records: dict[int, Occupation] = {}
        self._summary_at: dict[int, Summary] = {}  # summaries read one at a time, before all are at hand

    @classmethod
    def build(
        cls,
        meta: Meta,
        occupations: tuple[Occupation, ...],
        warnings: list[str],
        onet: OnetData | None = None,
        vocabulary: Vocabulary | None = None,
    ) -> Catalog:
        """A catalog of ``occupations`` in memory, laid out as the cache keeps it."""
        from ooh_cli.core.cachewrite import in_memory

        return cls(in_memory(meta, warnings, *layout(meta, occupations, onet, vocabulary)), lambda: onet)

    def onet(self) -> OnetData | None:
        """The O*NET data of the data file, read on first use; None when there is none."""
        return self._onet_reader() if self._onet_reader is not None else None

    def wages(self) -> WageTable:
        """The wage table of the data file (MissingWages when there is none)."""
        if self._wages_reader is None:
            from ooh_cli.core.wagefile import MissingWages

            raise MissingWages(None)
        return self._wages_reader()

    def local_choice(self, soc_codes: Sequence[str], place: Place | None = None) -> LocalChoice:
        """What a profile shows of its pay by state and area (core/wages.py local_choice)."""
        from ooh_cli.core.wages import local_choice

        return local_choice(self.wages(), soc_codes, place)

    def _read(self, reading: Callable[[cache.Sections], T]) -> T:
        """``reading`` of the cache; a cache found damaged is rebuilt once and read again."""
        try:
            return reading(self.sections)
        except cache.Damaged:
            if self._rebuild is None:
                raise
            self.sections, self._rebuild = self._rebuild(), None
            return reading(self.sections)

    def _lookup(self, key: str) -> list[int]:
        return self._read(lambda sections: sections.lookup(key))

    def _lookup_alternate(self, key: str) -> list[int]:
        return self._read(lambda sections: sections.lookup_alternate(key))

    def __len__(self) -> int:
        return len(self.sections)

    @property
    def summaries(self) -> list[Summary]:
        if self._summaries is None:
            self._summaries = self._read(cache.Sections.summaries)
        return self._summaries

    @property
    def search_index(self) -> SearchIndex:
        """The search fields, each read from the cache when a search first asks for it."""
        if self._search is None:
            from ooh_cli.core.searchindex import SearchIndex

            self._search = SearchIndex(self._search_fields, self._read(cache.Sections.jobs))
        return self._search

    def _search_fields(self, names: Sequence[str]) -> dict[str, Field]:
        from ooh_cli.core.searchindex import POSTED_FIELDS, Postings

        texts = [name for name in names if name not in POSTED_FIELDS]
        fields: dict[str, Field] = dict(self._read(lambda sections: sections.search_fields(texts, self._words)))
        for name in names:
            if name in POSTED_FIELDS:
                fields[name] = Postings(functools.partial(self._places, name), functools.partial(self._words, name))
        return fields

    def _places(self, field: str, word: str, whole: bool) -> list[tuple[str, bytes]]:
        return self._read(lambda sections: sections.places(field, word, whole))

    def _words(self, name: str) -> str:
        return self._read(lambda sections: sections.words(name))

    def shown(self, positions: Sequence[int]) -> list[cache.Shown]:
        """What a search shows of the profiles at ``positions``: their summaries and the texts its reasons
        quote (cache.Shown), without decoding their records."""
        return self._read(lambda sections: sections.shown(positions)) if positions else []

    def record(self, position: int) -> Occupation:
        if position not in self._records:
            self._records[position] = self._read(lambda sections: sections.record(position))
        return self._records[position]

    def records(self) -> list[Occupation]:
        return [self.record(i) for i in range(len(self))]

    def position(self, occupation_id: str) -> int | None:
        if self._positions is None:
            if self._summaries is None:
                # Summaries not read yet: the name index narrows the id to a few profiles, which confirm it.
                candidates = self._lookup(fold(occupation_id))
                return next((p for p in candidates if self.summary_at(p).id == occupation_id), None)
            self._positions = {s.id: i for i, s in enumerate(self._summaries)}
        return self._positions.get(occupation_id)

    def summary(self, occupation_id: str) -> Summary | None:
        position = self.position(occupation_id)
        return None if position is None else self.summary_at(position)

    def summary_at(self, position: int) -> Summary:
        """One profile's summary, without reading every summary when they are not at hand yet."""
        if self._summaries is not None:
            return self._summaries[position]
        if position not in self._summary_at:
            known = self._records.get(position)
            self._summary_at[position] = known.key_figures() if known else self.shown([position])[0].summary
        return self._summary_at[position]

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

    def is_name(self, text: str) -> bool:
        """Whether ``text`` is exactly a name of some profile (its own, everyday or O*NET's)."""
        key = soc_code(text) or fold(text)
        return bool(key) and bool(self._lookup(key) or self._lookup_alternate(key))

    def resolve(self, text: str) -> Match:
        """The one profile ``text`` names, shown only on strong evidence.

        Strong evidence: an exact name (id, title, former title, A-Z title or SOC code, in any case or number);
        an everyday name from the vocabulary or an O*NET alternate title that only one profile has, or that
        one of the profiles having it holds in its title and no other title holds; the same after reading typos as the closest
        words; or a search (`ooh search`) whose best hit has every word whole in its own names and stands
        clearly ahead. Anything else is an AmbiguousError listing the closest profiles, best first, or a
        NotFoundError when nothing matches every word.
        """
        if not text.strip():
            raise UsageError("occupation name is empty; try `ooh search WORDS` to find one")
        key = soc_code(text) or fold(text)
        own = self._lookup(key) if key else []
        if len(own) == 1:
            return Match(self, own[0])
        if own:
            raise self._ambiguous(text, self._most_jobs_first(own))
        from ooh_cli.core.search import search

        alternates = self._lookup_alternate(key) if key else []
        if alternates:
            # A name that is an everyday name or an alternate title is no typo: no word of it is read as another.
            return self._alternate(
                text, alternates, lambda fields: search(self.search_index, text, correct=False, only=fields)
            )
        result = search(self.search_index, text, handbook_only=True)
        if result.corrections:
            corrected = fold(" ".join(result.words))
            own = self._lookup(corrected)
            if len(own) == 1:
                return Match(self, own[0], guessed_from=text)
            if own:
                raise self._ambiguous(text, self._most_jobs_first(own))
            alternates = self._lookup_alternate(corrected)
            if alternates:
                return self._alternate(text, alternates, lambda fields: result)
        hits = result.complete()  # a guess must account for every word typed
        if not hits:
            result = search(self.search_index, text)
            hits = result.complete()
        if not hits:
            closest = [self.summary_at(hit.position) for hit in result.hits[:3]]
            hint = f"closest: {', '.join(s.id for s in closest)}" if closest else f"try `ooh search {text}`"
            raise NotFoundError(f"no occupation matches {text!r}; {hint}")
        if _clearly_ahead(hits, result.words):
            return Match(self, hits[0].position, guessed_from=text)
        raise self._ambiguous(text, [hit.position for hit in hits])

    def _alternate(self, text: str, alternates: list[int], searching: Callable[[Sequence[str]], SearchResult]) -> Match:
        """The profile meant of ``alternates``, those whose everyday names or O*NET alternate titles are the
        words; an AmbiguousError when the words mean several. The profiles whose Handbook title holds every
        word (of ``searching`` the fields given) settle a name several profiles have, unless so many hold it
        that it is a kind of work ("technician") rather than one."""
        from ooh_cli.core.searchindex import HANDBOOK_FIELDS

        # Which titles hold the words needs the titles alone; the order of the candidates, the Handbook's words.
        found = searching(("title",))
        titled = [hit.position for hit in found.hits if _named_by(hit, found.words, ("title",))]
        holders = [p for p in self._most_jobs_first(alternates) if p in titled]
        if len(titled) <= GENERIC_NAME:
            if len(alternates) == 1:
                return Match(self, alternates[0], guessed_from=text)
            if len(holders) == len(titled) == 1:
                return Match(self, holders[0], guessed_from=text)
        found = searching(HANDBOOK_FIELDS)
        titled = [hit.position for hit in found.hits if _named_by(hit, found.words, ("title",))]
        others = [p for p in self._most_jobs_first(alternates) if p not in holders]
        raise self._ambiguous(text, list(dict.fromkeys([*holders, *others, *titled])))

    def _ambiguous(self, text: str, positions: list[int]) -> AmbiguousError:
        shown = [self.summary_at(p) for p in positions[:MAX_CANDIDATES]]
        more = f" (the first {MAX_CANDIDATES} of {len(positions)}; `ooh search {text}` lists them all)"
        message = (
            f"{text!r} could mean several occupations" + (more if len(positions) > MAX_CANDIDATES else "")
            if len(positions) > 1
            else f"{text!r} is not a name ooh knows; the closest"
        )
        width = max(len(s.id) for s in shown)
        return AmbiguousError(message + ":", [s.id for s in shown], [f"{s.id:<{width}}  {s.title}" for s in shown])

    def _most_jobs_first(self, positions: list[int]) -> list[int]:
        """Profiles that share a name, the one employing most people first (the one most likely meant)."""
        jobs = {p: self.summary_at(p).jobs or 0 for p in positions}
        return sorted(positions, key=lambda p: -jobs[p])


def _clearly_ahead(hits: list[Hit], words: list[str]) -> bool:
    """Whether the best hit is what the words name: each of them a whole word of its title, a former title or
    an A-Z title, with no other hit so named, and scoring well above the next."""
    best = hits[0]
    if not _named_by(best, words):
        return False
    if len(hits) == 1:
        return True
    second = hits[1]
    return not _named_by(second, words) and best.score >= CLEAR_LEAD * second.score


def _named_by(hit: Hit, words: list[str], fields: tuple[str, ...] = ()) -> bool:
    """Whether every word is a whole word of the hit's names (of ``fields``, by default its own names)."""
    from ooh_cli.core.searchindex import FIELDS, NAMED_FIELDS

    weights, fields = dict(FIELDS), fields or NAMED_FIELDS
    reasons = [hit.reasons.get(word) for word in words]
    return all(r is not None and r[0] in fields and r[2] == weights[r[0]] for r in reasons)

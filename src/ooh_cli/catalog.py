"""The profiles of one data file, shaped for fast lookups, and the name index that finds them.

A catalog keeps every profile's ``Summary`` (the figures lists and rankings need), a text index of every name
in buckets, the search index, and each full ``Occupation`` encoded on its own, decoded only when it is shown.
That makes a cached catalog quick to load however many profiles the file has.
"""

from __future__ import annotations

import marshal
import zlib
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from ooh_cli.errors import AmbiguousError, NotFoundError, UsageError
from ooh_cli.model import Meta, Occupation, Summary
from ooh_cli.names import SOC_QUERY, name_key
from ooh_cli.records import Record, from_plain, to_plain

if TYPE_CHECKING:
    from ooh_cli.search import SearchIndex

# How sure a typo match must be, and how far ahead of the next profile, before `ooh` acts on it.
CLOSE_MATCH_SCORE = 88.0
CLOSE_MATCH_LEAD = 6.0
SUGGEST_SCORE = 60.0

# Names are spread over buckets by a hash of the folded name, so that a lookup reads one small bucket rather
# than every name (4 MB of them for 10,000 profiles).
NAME_BUCKETS = 1024


class Parts(Record):
    """What the cache stores of a catalog."""

    meta: Meta
    warnings: list[str]
    summaries: list[tuple[object, ...]]  # plain tuples: they load as fast as anything can
    search: SearchIndex
    names: Sequence[bytes]
    records: Sequence[bytes]


def title_order(profile: Occupation | Summary) -> tuple[str, str]:
    """The order of `ooh list`: titles A to Z, ids between equal titles."""
    return profile.title.casefold(), profile.id


def summary_rows(rows: list[tuple[object, ...]]) -> list[Summary]:
    """Plain tuples back into summaries, by tuple.__new__ directly: no Python call per profile."""
    return list(map(partial(tuple.__new__, Summary), rows))


class Match(Record):
    occupation: Occupation
    # What the user typed, when it was taken as a close spelling rather than an exact name.
    guessed_from: str | None = None


def name_bucket(key: str) -> int:
    return zlib.crc32(key.encode()) % NAME_BUCKETS


def _name_buckets(occupations: tuple[Occupation, ...]) -> list[bytes]:
    """Every folded name as a line "name<TAB>i,j" (profile positions) in its bucket, found by substring search."""
    owners: dict[str, list[int]] = {}
    for index, occ in enumerate(occupations):
        for name in (occ.id, occ.title, *occ.former_titles, *occ.aliases, *occ.soc_codes):
            ids = owners.setdefault(name_key(name), [])
            if index not in ids:
                ids.append(index)
    buckets: list[list[str]] = [[] for _ in range(NAME_BUCKETS)]
    for key, ids in owners.items():
        buckets[name_bucket(key)].append(f"{key}\t{','.join(map(str, ids))}\n")
    return [("\n" + "".join(lines)).encode() for lines in buckets]


class Catalog:
    """All profiles of one data file, with lookups by any name users type.

    ``records`` holds each profile on its own, as marshal bytes of its plain tuples, and ``names`` the name
    index in buckets. ``summaries`` and ``search`` are the values or, for a catalog read from the cache,
    functions that read them when first needed: `show` on a large file reads neither.
    """

    def __init__(
        self,
        meta: Meta,
        summaries: list[Summary] | Callable[[], list[Summary]],
        records: Sequence[bytes],
        names: Sequence[bytes],
        search: SearchIndex | Callable[[], SearchIndex],
        warnings: list[str],
    ) -> None:
        self.meta = meta
        self.warnings = warnings
        self._summaries = summaries
        self._records = records
        self._names = names
        self._search = search
        self._positions: dict[str, int] | None = None

    @classmethod
    def build(cls, meta: Meta, occupations: tuple[Occupation, ...], warnings: list[str]) -> Catalog:
        """A catalog of ``occupations``, kept in title order so that lists by title need no sorting."""
        from ooh_cli.search import SearchIndex

        occupations = tuple(sorted(occupations, key=title_order))
        groups = {group.slug: group.name for group in meta.groups}
        return cls(
            meta,
            [Summary.of(occ) for occ in occupations],
            [marshal.dumps(to_plain(occ)) for occ in occupations],
            _name_buckets(occupations),
            SearchIndex.build(occupations, groups),
            warnings,
        )

    @property
    def summaries(self) -> list[Summary]:
        if not isinstance(self._summaries, list):
            self._summaries = self._summaries()
        return self._summaries

    @property
    def search_index(self) -> SearchIndex:
        if callable(self._search):
            self._search = self._search()
        return self._search

    def parts(self) -> Parts:
        return Parts(
            self.meta, self.warnings, list(map(tuple, self.summaries)), self.search_index, self._names, self._records
        )

    def __len__(self) -> int:
        return len(self._records)

    def record(self, position: int) -> Occupation:
        return from_plain(Occupation, marshal.loads(self._records[position]))

    def records(self) -> list[Occupation]:
        return [self.record(i) for i in range(len(self))]

    def position(self, occupation_id: str) -> int | None:
        if self._positions is None:
            if not isinstance(self._summaries, list):
                # Summaries not read yet: the name index narrows the id to a few records, which confirm it.
                return next(
                    (p for p in self._lookup(name_key(occupation_id)) if self.record(p).id == occupation_id), None
                )
            self._positions = {s.id: i for i, s in enumerate(self._summaries)}
        return self._positions.get(occupation_id)

    def summary(self, occupation_id: str) -> Summary | None:
        position = self.position(occupation_id)
        return None if position is None else self.summary_at(position)

    def summary_at(self, position: int) -> Summary:
        """One profile's summary, without reading every summary when they are not at hand yet."""
        if isinstance(self._summaries, list):
            return self._summaries[position]
        return Summary.of(self.record(position))

    def _lookup(self, key: str) -> list[int]:
        bucket = self._names[name_bucket(key)].decode()
        start = bucket.find(f"\n{key}\t")
        if start < 0:
            return []
        start += len(key) + 2
        return [int(i) for i in bucket[start : bucket.index("\n", start)].split(",")]

    def resolve(self, text: str) -> Match:
        """The one profile ``text`` names: an id, title, alias or SOC code, in any case or number, or a close typo."""
        if not text.strip():
            raise UsageError("occupation name is empty; try `ooh search WORDS` to find one")
        soc = SOC_QUERY.fullmatch(text.strip())
        key = f"{soc.group(1)}-{soc.group(2)}" if soc else name_key(text)
        positions = self._lookup(key) if key else []
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
        lines = [line for bucket in self._names for line in bucket.decode().split("\n") if line]
        if not key or not lines:
            return []
        from rapidfuzz import fuzz, process

        names = [line.partition("\t")[0] for line in lines]
        best: dict[int, float] = {}
        for _, score, index in process.extract(key, names, scorer=fuzz.token_sort_ratio, limit=limit * 8):
            for position in map(int, lines[index].partition("\t")[2].split(",")):
                best[position] = max(best.get(position, 0.0), float(score))
        return sorted(best.items(), key=lambda item: (-item[1], self.summaries[item[0]].title))[:limit]

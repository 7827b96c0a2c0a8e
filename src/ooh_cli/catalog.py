"""The validated data plus the name index that turns what users type into profiles."""

from __future__ import annotations

from dataclasses import dataclass

from ooh_cli.errors import AmbiguousError, NotFoundError, UsageError
from ooh_cli.model import Dataset, Occupation
from ooh_cli.names import SOC_QUERY, name_key
from ooh_cli.search import SearchIndex

# How sure a typo match must be, and how far ahead of the next profile, before `ooh` acts on it.
CLOSE_MATCH_SCORE = 88.0
CLOSE_MATCH_LEAD = 6.0
SUGGEST_SCORE = 60.0


@dataclass(frozen=True, slots=True)
class Match:
    occupation: Occupation
    # What the user's text was taken as, when it was not an exact name (e.g. a typo).
    guessed_from: str | None = None


class Catalog:
    """All profiles of one data file, with lookups by any name users type."""

    def __init__(self, dataset: Dataset, warnings: list[str] | None = None) -> None:
        self.dataset = dataset
        self.meta = dataset.meta
        self.occupations = dataset.occupations
        self.warnings = list(warnings or [])
        self._by_id = {occ.id: occ for occ in self.occupations}
        self._names: dict[str, list[str]] = {}
        for occ in self.occupations:
            for name in (occ.id, occ.title, *occ.former_titles, *occ.aliases, *occ.soc_codes):
                ids = self._names.setdefault(name_key(name), [])
                if occ.id not in ids:
                    ids.append(occ.id)
        groups = {group.slug: group.name for group in self.meta.groups}
        self.search_index = SearchIndex(self.occupations, groups)

    def __len__(self) -> int:
        return len(self.occupations)

    def get(self, occupation_id: str) -> Occupation | None:
        return self._by_id.get(occupation_id)

    def names(self) -> dict[str, list[str]]:
        """Every indexed name (in its folded form) and the ids it belongs to."""
        return self._names

    def resolve(self, text: str) -> Match:
        """The one profile ``text`` names: an id, title, alias or SOC code, in any case or number, or a close typo."""
        if not text.strip():
            raise UsageError("occupation name is empty; try `ooh search WORDS` to find one")
        soc = SOC_QUERY.fullmatch(text.strip())
        key = f"{soc.group(1)}-{soc.group(2)}" if soc else name_key(text)
        ids = self._names.get(key, [])
        if len(ids) == 1:
            return Match(self._by_id[ids[0]])
        if len(ids) > 1:
            raise self._ambiguous(text, ids)
        return self._close_match(text, key)

    def _close_match(self, text: str, key: str) -> Match:
        ranked = self.suggest(key, limit=5) or [("", 0.0)]
        (best_id, best), *rest = ranked
        runner_up = rest[0][1] if rest else 0.0
        if best >= CLOSE_MATCH_SCORE and best - runner_up >= CLOSE_MATCH_LEAD:
            return Match(self._by_id[best_id], guessed_from=text)
        close = [occ_id for occ_id, score in ranked if score >= CLOSE_MATCH_SCORE]
        if len(close) > 1:
            raise self._ambiguous(text, close)
        hints = [occ_id for occ_id, score in ranked[:3] if score >= SUGGEST_SCORE]
        if not hints:
            raise NotFoundError(f"no occupation matches {text!r}; try `ooh search {text}`")
        raise NotFoundError(f"no occupation matches {text!r}; did you mean: {', '.join(hints)}?")

    def _ambiguous(self, text: str, ids: list[str]) -> AmbiguousError:
        listed = "; ".join(f"{occ_id} ({self._by_id[occ_id].title})" for occ_id in ids[:8])
        return AmbiguousError(f"{text!r} could mean several occupations: {listed}", ids)

    def suggest(self, key: str, limit: int) -> list[tuple[str, float]]:
        """Profiles whose names are closest to ``key``, best first, one entry per profile."""
        from rapidfuzz import fuzz, process

        best: dict[str, float] = {}
        for name, score, _ in process.extract(key, self._names.keys(), scorer=fuzz.WRatio, limit=limit * 8):
            for occ_id in self._names[name]:
                best[occ_id] = max(best.get(occ_id, 0.0), float(score))
        return sorted(best.items(), key=lambda item: (-item[1], item[0]))[:limit]

"""Ranked search over every name and word of the profiles, tolerant of typos and word order.

Each searchable field is one text blob with a line per name (a title, an alias, a summary...), built once
with the catalog and cached with it. A query word is found with one regular-expression scan per blob, so
search stays fast on tens of thousands of profiles without an index to build by hand.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ooh_cli.model import Occupation
from ooh_cli.names import SOC_QUERY, name_key

# Field name, weight: a hit in a title says more than a hit in a summary.
FIELDS: tuple[tuple[str, float], ...] = (
    ("title", 10.0),
    ("soc code", 10.0),
    ("former title", 8.0),
    ("alias", 7.0),
    ("group", 3.0),
    ("summary", 2.0),
    ("duties", 1.0),
)
NAMED_FIELDS = ("title", "soc code", "former title", "alias")
PREFIX_FACTOR = 0.6  # "nurs" finds "nurse", worth less than the whole word
EXACT_NAME_BONUS = 40.0  # the query is exactly a title or alias
PHRASE_BONUS = 12.0  # the query's words appear together, in order, in a title or alias
TYPO_SCORE = 80.0
MIN_TYPO_LENGTH = 4


def words(text: str) -> list[str]:
    """The words of ``text`` in the folded form names are indexed by."""
    return [w for w in name_key(text).split("-") if w]


def fold(text: str) -> str:
    return " ".join(words(text))


@dataclass(slots=True)
class Blob:
    """One field of every profile: a line per name, and which profile owns each line."""

    text: str = ""
    starts: array[int] = field(default_factory=lambda: array("I"))
    owners: array[int] = field(default_factory=lambda: array("I"))

    @classmethod
    def build(cls, lines: Iterable[tuple[int, str]]) -> Blob:
        parts: list[str] = []
        starts, owners = array("I"), array("I")
        offset = 0
        for owner, line in lines:
            starts.append(offset)
            owners.append(owner)
            parts.append(line)
            offset += len(line) + 1
        return cls("\n".join(parts), starts, owners)

    def line_at(self, position: int) -> tuple[int, str]:
        index = bisect_right(self.starts, position) - 1
        end = self.text.find("\n", position)
        return self.owners[index], self.text[self.starts[index] : end if end >= 0 else None]


def field_names(occ: Occupation, group_name: str) -> dict[str, Sequence[str]]:
    return {
        "title": [occ.title],
        "soc code": list(occ.soc_codes),
        "former title": list(occ.former_titles),
        "alias": list(occ.aliases),
        "group": [group_name],
        "summary": [occ.summary] if occ.summary else [],
        "duties": [" ".join(occ.duties)] if occ.duties else [],
    }


class SearchIndex:
    def __init__(self, occupations: Sequence[Occupation], group_names: dict[str, str]) -> None:
        per_field: dict[str, list[tuple[int, str]]] = {name: [] for name, _ in FIELDS}
        for index, occ in enumerate(occupations):
            for name, texts in field_names(occ, group_names.get(occ.group, occ.group)).items():
                per_field[name].extend((index, fold(text) if name != "soc code" else text) for text in texts)
        self.blobs = {name: Blob.build(lines) for name, lines in per_field.items()}

    def vocabulary(self) -> set[str]:
        return {word for blob in self.blobs.values() for word in blob.text.split()}


@dataclass(slots=True)
class Hit:
    occupation: Occupation
    score: float = 0.0
    matched_words: set[str] = field(default_factory=set)
    # (field, text, quality) of the best match per query word, in query order.
    reasons: dict[str, tuple[str, str, float]] = field(default_factory=dict)
    # The title or alias that holds the whole query, which explains the hit by itself.
    phrase: str | None = None

    def why(self) -> str:
        """What matched, e.g. 'alias "Medical Coder"; summary', with names as the data file spells them."""
        if self.phrase is not None:
            return self.phrase
        originals = field_names(self.occupation, "")
        seen: list[str] = []
        for field_name, folded, _ in self.reasons.values():
            note = field_name
            if field_name in NAMED_FIELDS:
                shown = next((n for n in originals[field_name] if fold(n) == folded or n == folded), folded)
                note = f'{field_name} "{shown}"'
            if note not in seen:
                seen.append(note)
        return "; ".join(seen)


@dataclass(slots=True)
class SearchResult:
    hits: list[Hit]
    total: int
    # Query words read as other words: typo -> correction.
    corrections: dict[str, str]


def _scan(index: SearchIndex, word: str, occupations: Sequence[Occupation], hits: dict[int, Hit]) -> bool:
    """Add every profile that has ``word`` (or a word starting with it) to ``hits``; False when none has."""
    pattern = re.compile(rf"(?<![0-9a-z]){re.escape(word)}([0-9a-z]*)")
    found = False
    for field_name, weight in FIELDS:
        blob = index.blobs[field_name]
        best: dict[int, tuple[float, str]] = {}
        for match in pattern.finditer(blob.text):
            owner, line = blob.line_at(match.start())
            quality = weight if not match.group(1) else weight * PREFIX_FACTOR
            if quality > best.get(owner, (0.0, ""))[0]:
                best[owner] = (quality, line)
        for owner, (quality, line) in best.items():
            hit = hits.setdefault(owner, Hit(occupations[owner]))
            hit.score += quality
            hit.matched_words.add(word)
            if quality > hit.reasons.get(word, ("", "", 0.0))[2]:
                hit.reasons[word] = (field_name, line, quality)
            found = True
    return found


def search(index: SearchIndex, occupations: Sequence[Occupation], query: str, limit: int | None = None) -> SearchResult:
    """Profiles ranked by how well they match ``query``: those matching every word first."""
    soc = SOC_QUERY.fullmatch(query.strip())
    query_words = [f"{soc.group(1)}-{soc.group(2)}"] if soc else list(dict.fromkeys(words(query)))
    hits: dict[int, Hit] = {}
    corrections: dict[str, str] = {}
    for word in query_words:
        if _scan(index, word, occupations, hits) or len(word) < MIN_TYPO_LENGTH or soc:
            continue
        correction = _correct(index, word)
        if correction:
            corrections[word] = correction
            _scan(index, correction, occupations, hits)
    phrase = " ".join(corrections.get(w, w) for w in query_words)
    for hit in hits.values():
        _phrase_bonus(hit, phrase, several_words=len(query_words) > 1)
    wanted = {corrections.get(w, w) for w in query_words}
    ranked = sorted(
        hits.values(),
        key=lambda h: (-len(h.matched_words & wanted), -h.score, h.occupation.title.casefold()),
    )
    return SearchResult(ranked[:limit] if limit else ranked, len(ranked), corrections)


def _phrase_bonus(hit: Hit, phrase: str, several_words: bool) -> None:
    """Reward a title or alias that is the query, or holds its words together and in order."""
    occ = hit.occupation
    named = [
        ("title", occ.title),
        *(("former title", t) for t in occ.former_titles),
        *(("alias", a) for a in occ.aliases),
    ]
    for field_name, name in named:
        folded = fold(name)
        if folded == phrase:
            hit.score += EXACT_NAME_BONUS
        elif several_words and f" {phrase} " in f" {folded} ":
            hit.score += PHRASE_BONUS
        else:
            continue
        hit.phrase = f'{field_name} "{name}"'
        return


def _correct(index: SearchIndex, word: str) -> str | None:
    from rapidfuzz import fuzz, process

    best = process.extractOne(word, index.vocabulary(), scorer=fuzz.ratio, score_cutoff=TYPO_SCORE)
    return None if best is None else str(best[0])

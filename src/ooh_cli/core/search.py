"""Ranked search over every name and word of the profiles, tolerant of typos and word order.

The fields searched and how they are kept are core/searchindex.py; here, how well a profile fits the words,
and what a hit says of why it was found.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

from ooh_cli.core.names import soc_code
from ooh_cli.core.records import Record
from ooh_cli.core.searchindex import (
    FIELDS,
    HANDBOOK_FIELDS,
    KEPT_FIELDS,
    NAMED_FIELDS,
    Field,
    Lines,
    Postings,
    SearchIndex,
    folded_words,
)

# How a match is described to users: aliases are the Handbook's A-Z index titles.
FIELD_LABELS = {"alias": "A-Z title"}
SNIPPET_WORDS = 3  # words shown on each side of a match in a summary or the duties
PREFIX_FACTOR = 0.6  # "nurs" finds "nurse", worth less than the whole word
MIN_PREFIX_LENGTH = 3  # shorter words match whole words only: "pa" is not the start of "painters"
EXACT_NAME_BONUS = 40.0  # the query is exactly a title or alias
PHRASE_BONUS = 12.0  # the query's words appear together, in order, in a title or alias
TYPO_SCORE = 80.0
MIN_TYPO_LENGTH = 4
# Unknown words read as their closest known word, per query: a correction costs tens of milliseconds, so a
# long paste of words found nowhere is searched as typed past the first few.
MAX_CORRECTIONS = 3
# From this many words a query, each word is first looked up in each field's sorted words (indexbuild.Blob.words).
SKIM_FROM = 4


class Hit:
    """One matching profile: its score and, per query word, the best field and (folded) text it matched, and
    which of the profile's lines in that field the text is (Lines.offset)."""

    __slots__ = ("bonus", "matched_words", "phrase", "position", "reasons", "score", "title", "whole_words")

    def __init__(self, position: int, title: str) -> None:
        self.position = position
        self.title = title  # folded, to order equal scores; the caller looks up what to show for the winners
        self.score = 0.0
        self.matched_words: set[str] = set()
        # Query words found as whole words: "nurse" in "Registered Nurses", not in "nursery".
        self.whole_words: set[str] = set()
        self.reasons: dict[str, tuple[str, str, float, int]] = {}
        # The title or alias that holds the whole query, which explains the hit by itself, and what it adds.
        self.phrase: tuple[str, str, int] | None = None
        self.bonus = 0.0

    def named(self) -> bool:
        """Whether every word matched is found in the profile's own names (title, former title, A-Z title)."""
        return all(field in NAMED_FIELDS for field, _, _, _ in self.reasons.values())

    @property
    def fit(self) -> float:
        """How well the words fit: each word's best field (a title over an alias over a summary), and the
        bonus for a name holding them all. The score adds every other field the words are found in."""
        return sum(quality for _, _, quality, _ in self.reasons.values()) + self.bonus

    def partial(self, words: Iterable[str]) -> list[str]:
        """The query words this profile does not match."""
        return [word for word in words if word not in self.matched_words]

    def why(self, texts: Mapping[str, Sequence[str]], words: Sequence[str] = ()) -> str:
        """The text that matched, as the data spells it: 'A-Z title "Health Information Coder"', 'summary
        "...keep patients' records..."'; a hit missing some of ``words`` says which. ``texts``: the profile's
        texts (shown_texts), line for line as its fields are indexed."""
        if self.phrase:
            matches = [(*self.phrase, "")]
        else:
            matches = [(field_name, text, offset, word) for word, (field_name, text, _, offset) in self.reasons.items()]
        # The title is in the row already: name only the words of it that matched.
        in_title = [w for f, _, _, w in matches if f == "title"] or (list(words) if self.phrase else [])
        notes: list[str] = []
        for field_name, folded, offset, word in matches:
            label = FIELD_LABELS.get(field_name, field_name)
            spelled = texts.get(field_name, ())
            original = spelled[offset] if offset < len(spelled) else None
            if field_name == "title":
                shown = _words_of(original or folded, in_title)
            elif field_name in (*NAMED_FIELDS, *KEPT_FIELDS):
                shown = original or folded  # SOC codes and everyday names are quoted as indexed
            else:
                shown = _snippet(original, word) if original else ""  # the group is named alone
            note = f'{label} "{shown}"' if shown else label
            if note not in notes:
                notes.append(note)
        missing = self.partial(words)
        if missing:
            absent = ", ".join(f'"{word}"' for word in missing)
            notes[0] = f"partial (no {absent}): {notes[0]}"
        return "; ".join(notes)


def _words_of(text: str, words: Sequence[str]) -> str:
    """The words of ``text`` that start with one of (folded) ``words``, in order."""
    wanted = tuple(words)
    found = (t.strip(",;:") for t in text.split() if any(p.startswith(wanted) for p in folded_words(t).split()))
    return " ".join(dict.fromkeys(found))


def _snippet(text: str, word: str) -> str:
    """The words around the first word of ``text`` that starts with (folded) ``word``."""
    tokens = text.split()
    for index, token in enumerate(tokens):
        if any(part.startswith(word) for part in folded_words(token).split()):
            low, high = max(0, index - SNIPPET_WORDS), min(len(tokens), index + SNIPPET_WORDS + 1)
            inner = " ".join(tokens[low:high]).strip(",;:.")
            return f"{'...' if low else ''}{inner}{'...' if high < len(tokens) else ''}"
    return ""


class SearchResult(Record, frozen=True):
    hits: list[Hit]
    total: int
    # Query words read as other words: typo -> correction.
    corrections: dict[str, str]
    # The words searched for, corrections applied.
    words: list[str]

    def complete(self) -> list[Hit]:
        """The hits that match every word (they come first)."""
        wanted = set(self.words)
        return [hit for hit in self.hits if wanted <= hit.matched_words]


def _word_starts(text: str, part: str) -> Iterator[int]:
    """Where ``part`` begins a word of ``text``, in order. (str.find skips through text several times faster
    than a regular expression: on 10,000 profiles that is most of a search's time.)"""
    position = text.find(part)
    while position >= 0:
        if not position or not text[position - 1].isalnum():
            yield position
        position = text.find(part, position + 1)


def _ends_word(text: str, end: int) -> bool:
    return end == len(text) or not text[end].isalnum()


def _scan(fields: Mapping[str, Field], titles: Lines, word: str, hits: dict[int, Hit], skim: bool = False) -> bool:
    """Add every profile that has ``word`` (or a word starting with it) to ``hits``; False when none has.
    ``skim``: first ask each field's sorted words whether any starts with ``word`` (worth it for long queries,
    where most words are found in few fields; a short query saves decoding the words). ``titles``: the title
    field, whose line `owner` is the title of profile `owner`."""
    found = False
    for field_name, weight in FIELDS:
        field = fields.get(field_name)
        if field is None:  # left out of this search
            continue
        if isinstance(field, Postings):
            best = _best_posted(field, word, weight)
        elif isinstance(field, Lines) and (not skim or field.has_word_starting(word)):
            best = _best_lines(field, word, weight)
        else:
            continue
        for owner, (quality, text, offset) in best.items():
            hit = hits.get(owner)
            if hit is None:
                hit = hits[owner] = Hit(owner, titles.line(owner))
            hit.score += quality
            hit.matched_words.add(word)
            if quality == weight:
                hit.whole_words.add(word)
            if quality > hit.reasons.get(word, ("", "", 0.0, 0))[2]:
                hit.reasons[word] = (field_name, text, quality, offset)
            found = True
    return found


def _best_lines(field: Lines, word: str, weight: float) -> dict[int, tuple[float, str, int]]:
    """Per profile, its first line of the best quality with ``word``: (quality, the line, Lines.offset)."""
    text = field.text
    # The line's text is cut out once, not at every match.
    best: dict[int, tuple[float, int]] = {}
    for start in _word_starts(text, word):
        whole = _ends_word(text, start + len(word))
        if not whole and len(word) < MIN_PREFIX_LENGTH:
            continue
        line_index = field.line_index(start)
        owner = field.owners[line_index]
        quality = weight if whole else weight * PREFIX_FACTOR
        if quality > best.get(owner, (0.0, 0))[0]:
            best[owner] = (quality, line_index)
    return {
        owner: (quality, field.line(line_index), field.offset(line_index))
        for owner, (quality, line_index) in best.items()
    }


def _best_posted(field: Postings, word: str, weight: float) -> dict[int, tuple[float, str, int]]:
    """As _best_lines, from the field's words: the text is the word of the line that ``word`` found."""
    best: dict[int, tuple[float, str, int]] = {}
    for found, places in field.find(word, len(word) < MIN_PREFIX_LENGTH):
        quality = weight if found == word else weight * PREFIX_FACTOR
        numbers = memoryview(places).cast("I")
        for index in range(0, len(numbers), 2):
            owner, offset = numbers[index], numbers[index + 1]
            known = best.get(owner)
            if known is None or quality > known[0] or (quality == known[0] and offset < known[2]):
                best[owner] = (quality, found, offset)
    return dict(sorted(best.items()))  # by profile, as the lines are


def _phrase_bonus(fields: Mapping[str, Field], phrase: str, several_words: bool, hits: dict[int, Hit]) -> None:
    """Reward a title or alias that is the query, or holds its words together and in order."""
    exact: list[tuple[int, str, str, int]] = []
    inside: list[tuple[int, str, str, int]] = []
    for field_name in NAMED_FIELDS:
        blob = fields.get(field_name)
        if not isinstance(blob, Lines):  # left out of this search
            continue
        for position in _word_starts(blob.text, phrase):
            if _ends_word(blob.text, position + len(phrase)):
                line_index = blob.line_index(position)
                owner, line = blob.owners[line_index], blob.line(line_index)
                (exact if line == phrase else inside).append((owner, field_name, line, blob.offset(line_index)))
    # An exact name outranks a name that merely holds the phrase, wherever each was found.
    for found, bonus in ((exact, EXACT_NAME_BONUS), (inside if several_words else [], PHRASE_BONUS)):
        for owner, field_name, line, offset in found:
            hit = hits.get(owner)
            if hit is not None and hit.phrase is None:
                hit.score += bonus
                hit.bonus = bonus
                hit.phrase = (field_name, line, offset)


def search(
    index: SearchIndex,
    query: str,
    limit: int | None = None,
    handbook_only: bool = False,
    correct: bool = True,
    only: Sequence[str] = (),
) -> SearchResult:
    """Profiles ranked by how well they match ``query``: those matching every word first. ``handbook_only``
    leaves out the names and technologies from O*NET, ``only`` every field but these (the title must be one);
    ``correct`` reads a word found nowhere as the closest word of the fields searched."""
    soc = soc_code(query)
    query_words = [soc] if soc else list(dict.fromkeys(folded_words(query).split()))
    fields = index.fields(only or (HANDBOOK_FIELDS if handbook_only else tuple(name for name, _ in FIELDS)))
    titles = fields["title"]
    assert isinstance(titles, Lines)  # never posted: a hit's title is its line of it
    hits: dict[int, Hit] = {}
    corrections: dict[str, str] = {}
    tried = 0
    known: list[str] | None = None  # the words of the fields searched, gathered for the first correction
    skim = len(query_words) > SKIM_FROM
    for word in query_words:
        if _scan(fields, titles, word, hits, skim) or len(word) < MIN_TYPO_LENGTH or soc or not correct:
            continue
        if tried == MAX_CORRECTIONS:
            continue
        tried += 1
        if known is None:
            # Sorted, so that of equally close words the same one wins every time.
            known = sorted({known for lines in fields.values() for known in lines.words.split()})
        correction = _correct(known, word)
        if correction:
            corrections[word] = correction
            _scan(fields, titles, correction, hits)
    words = [corrections.get(w, w) for w in query_words]
    if words and not soc:
        _phrase_bonus(fields, " ".join(words), len(words) > 1, hits)
    wanted = set(words)
    jobs = memoryview(index.jobs).cast("Q") if index.jobs else None
    ranked = sorted(
        hits.values(),
        key=lambda h: (
            -len(h.whole_words & wanted),
            -len(h.matched_words & wanted),
            -h.fit,
            # Among profiles the words name equally ("nurse": Registered Nurses, Licensed Practical Nurses), the
            # one more people do; a word found only in the technologies says nothing of that.
            -(jobs[h.position] if jobs and h.named() else 0),
            -h.score,
            h.title,
        ),
    )
    return SearchResult(ranked[:limit] if limit else ranked, len(ranked), corrections, words)


def _correct(vocabulary: list[str], word: str) -> str | None:
    from rapidfuzz import fuzz, process

    best = process.extractOne(word, vocabulary, scorer=fuzz.ratio, score_cutoff=TYPO_SCORE)
    return None if best is None else str(best[0])

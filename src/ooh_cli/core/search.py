"""Ranked search over every name and word of the profiles, tolerant of typos and word order.

Each searchable field is one text blob with a line per name (a title, an alias, a summary...), built once
with the catalog and cached with it. A query word is found with one `str.find` pass per blob, so search stays
fast on tens of thousands of profiles without an index to build by hand.
"""

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence

import msgspec

from ooh_cli.core.model import Occupation
from ooh_cli.core.names import fold, soc_code
from ooh_cli.core.records import Record

# Field name, weight: a hit in a title says more than a hit in a summary.
FIELDS: tuple[tuple[str, float], ...] = (
    ("title", 10.0),
    ("soc code", 10.0),
    ("former title", 8.0),
    ("alias", 7.0),
    ("alternate title", 4.0),  # O*NET's: below the Handbook's own names, and never an exact-name bonus
    ("everyday name", 4.0),  # the vocabulary's names of near profiles (core/vocabulary.py)
    ("technology", 2.0),  # software and tools O*NET lists for the work
    ("group", 3.0),
    ("summary", 2.0),
    ("duties", 1.0),
)
NAMED_FIELDS = ("title", "former title", "alias")
ONET_FIELDS = ("alternate title", "technology")
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
# From this many words a query, each word is first looked up in each field's sorted words (Blob.words).
SKIM_FROM = 4


def folded_words(text: str) -> str:
    """``text`` as the space-separated words names are indexed by."""
    return fold(text).replace("-", " ")


def field_texts(
    occ: Occupation, group_name: str, extra: dict[str, list[str]] | None = None
) -> dict[str, Sequence[str]]:
    """The searchable texts of a profile; ``extra`` adds O*NET's alternate titles and technologies."""
    texts: dict[str, Sequence[str]] = dict(extra or {})
    return texts | {
        "title": [occ.title],
        "soc code": list(occ.soc_codes),
        "former title": list(occ.former_titles),
        "alias": list(occ.aliases),
        "group": [group_name],
        "summary": [occ.summary] if occ.summary else [],
        "duties": [" ".join(occ.duties)] if occ.duties else [],
    }


class Blob(Record, frozen=True, array_like=True, gc=False):
    """One field of every profile: a line per name, where each line starts and the profile that owns it.

    Line starts and owners are kept as packed unsigned 32-bit numbers: the cache decodes them as one copy of
    bytes, where a list would cost a Python int each (on 10,000 profiles, more than the search itself).
    """

    text: str
    starts: bytes
    owners: bytes
    # Every distinct word of the text, sorted, each after a line break (a msgpack string, decoded only when a
    # search asks for it): whether a query word starts any word of the field is a binary search of it, and
    # spelling corrections choose among them.
    words: msgspec.Raw = msgspec.Raw()

    @classmethod
    def build(cls, lines: Iterable[tuple[int, str]]) -> "Blob":
        from array import array

        parts: list[str] = []
        starts, owners = array("I"), array("I")
        offset = 0
        for owner, line in lines:
            starts.append(offset)
            owners.append(owner)
            parts.append(line)
            offset += len(line) + 1
        text = "\n".join(parts)
        words = "".join(f"\n{word}" for word in sorted(set(text.split())))
        return cls(text, starts.tobytes(), owners.tobytes(), msgspec.Raw(msgspec.msgpack.encode(words)))

    def lines(self) -> "Lines":
        return Lines(self.text, memoryview(self.starts).cast("I"), memoryview(self.owners).cast("I"), self.words)


class Lines:
    """A blob ready to search: its line starts and owners read as numbers."""

    __slots__ = ("_raw_words", "_words", "owners", "starts", "text")

    def __init__(
        self, text: str, starts: Sequence[int], owners: Sequence[int], words: msgspec.Raw | None = None
    ) -> None:
        self.text, self.starts, self.owners = text, starts, owners
        self._raw_words, self._words = words, ""

    @property
    def words(self) -> str:
        """The sorted distinct words (Blob.words), decoded on first use."""
        if not self._words and self._raw_words:
            self._words = msgspec.msgpack.decode(self._raw_words, type=str)
        return self._words

    def has_word_starting(self, part: str) -> bool:
        """Whether a word of the field starts with ``part``: a binary search of the sorted words."""
        words = self.words
        low, high = 0, len(words)  # the first word at or after ``part`` starts in [low, high]
        while low < high:
            middle = words.rfind("\n", low, (low + high) // 2 + 1)
            if middle < low:  # no word starts in the first half: look from the middle on
                middle = words.find("\n", (low + high) // 2)
                if middle < 0 or middle >= high:
                    break
            end = words.find("\n", middle + 1)
            end = len(words) if end < 0 else end
            if words[middle + 1 : end] < part:
                low = end
            else:
                high = middle
        return words.startswith(part, high + 1)

    def line_index(self, position: int) -> int:
        return bisect_right(self.starts, position) - 1

    def line(self, index: int) -> str:
        end = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.text)
        return self.text[self.starts[index] : end]


class SearchIndex(Record, frozen=True, array_like=True):
    """A blob per searchable field of a catalog's profiles, and each profile's jobs (packed unsigned 64-bit
    numbers, 0 where unknown): of profiles the words fit as well, the one more people do comes first."""

    blobs: dict[str, Blob]
    jobs: bytes = b""

    @classmethod
    def build(
        cls,
        occupations: Sequence[Occupation],
        group_names: dict[str, str],
        extras: dict[str, dict[str, list[str]]] | None = None,
    ) -> "SearchIndex":
        """The index of ``occupations``; ``extras`` (by id) are O*NET's names, as ``folded_words`` gives them."""
        from array import array

        per_field: dict[str, list[tuple[int, str]]] = {name: [] for name, _ in FIELDS}
        jobs = array("Q", (occ.employment.jobs or 0 for occ in occupations))
        for position, occ in enumerate(occupations):
            extra = extras.get(occ.id) if extras else None
            for name, texts in field_texts(occ, group_names.get(occ.group, occ.group), extra).items():
                # SOC codes are kept as written; O*NET's names come folded already (catalog.layout).
                kept = name in ("soc code", "everyday name", *ONET_FIELDS)
                per_field[name].extend((position, text if kept else folded_words(text)) for text in texts)
        return cls({name: Blob.build(lines) for name, lines in per_field.items()}, jobs.tobytes())


class Hit:
    """One matching profile: its score and, per query word, the best field and (folded) text it matched."""

    __slots__ = ("bonus", "matched_words", "phrase", "position", "reasons", "score", "title", "whole_words")

    def __init__(self, position: int, title: str) -> None:
        self.position = position
        self.title = title  # folded, to order equal scores; the caller looks up what to show for the winners
        self.score = 0.0
        self.matched_words: set[str] = set()
        # Query words found as whole words: "nurse" in "Registered Nurses", not in "nursery".
        self.whole_words: set[str] = set()
        self.reasons: dict[str, tuple[str, str, float]] = {}
        # The title or alias that holds the whole query, which explains the hit by itself, and what it adds.
        self.phrase: tuple[str, str] | None = None
        self.bonus = 0.0

    def named(self) -> bool:
        """Whether every word matched is found in the profile's own names (title, former title, A-Z title)."""
        return all(field in NAMED_FIELDS for field, _, _ in self.reasons.values())

    @property
    def fit(self) -> float:
        """How well the words fit: each word's best field (a title over an alias over a summary), and the
        bonus for a name holding them all. The score adds every other field the words are found in."""
        return sum(quality for _, _, quality in self.reasons.values()) + self.bonus

    def partial(self, words: Iterable[str]) -> list[str]:
        """The query words this profile does not match."""
        return [word for word in words if word not in self.matched_words]

    def why(self, occ: Occupation, words: Sequence[str] = (), onet_names: dict[str, list[str]] | None = None) -> str:
        """The text that matched, as the data file spells it: 'A-Z title "Health Information Coder"',
        'summary "...keep patients' records..."'; a hit missing some of ``words`` says which. ``onet_names``
        (OnetData.names_of) spell O*NET's alternate titles and technologies as O*NET does."""
        originals = field_texts(occ, "", onet_names)
        if self.phrase:
            matches = [(*self.phrase, "")]
        else:
            matches = [(field_name, text, word) for word, (field_name, text, _) in self.reasons.items()]
        # The title is in the row already: name only the words of it that matched.
        in_title = [w for f, _, w in matches if f == "title"] or (list(words) if self.phrase else [])
        notes: list[str] = []
        for field_name, folded, word in matches:
            label = FIELD_LABELS.get(field_name, field_name)
            if field_name == "title":
                shown = _words_of(occ.title, in_title)
            elif field_name in (*NAMED_FIELDS, "soc code", "everyday name", *ONET_FIELDS):
                # O*NET's names are indexed folded; without ``onet_names`` they are shown so.
                found = originals.get(field_name, ())
                shown = next((n for n in found if n == folded or folded_words(n) == folded), folded)
            else:
                shown = next(filter(None, (_snippet(text, word) for text in originals.get(field_name, ()))), "")
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


def _scan(fields: dict[str, Lines], word: str, hits: dict[int, Hit], skim: bool = False) -> bool:
    """Add every profile that has ``word`` (or a word starting with it) to ``hits``; False when none has.
    ``skim``: first ask each field's sorted words whether any starts with ``word`` (worth it for long queries,
    where most words are found in few fields; a short query saves decoding the words)."""
    found = False
    for field_name, weight in FIELDS:
        blob = fields.get(field_name)
        if blob is None:  # left out of this search
            continue
        if skim and not blob.has_word_starting(word):
            continue
        text = blob.text
        # Best quality and line per profile; the line's text is cut out once, not at every match.
        best: dict[int, tuple[float, int]] = {}
        for start in _word_starts(text, word):
            whole = _ends_word(text, start + len(word))
            if not whole and len(word) < MIN_PREFIX_LENGTH:
                continue
            line_index = blob.line_index(start)
            owner = blob.owners[line_index]
            quality = weight if whole else weight * PREFIX_FACTOR
            if quality > best.get(owner, (0.0, 0))[0]:
                best[owner] = (quality, line_index)
        for owner, (quality, line_index) in best.items():
            line = blob.line(line_index)
            hit = hits.get(owner)
            if hit is None:
                # Every profile has exactly one title, so its title is line `owner` of the title blob.
                hit = hits[owner] = Hit(owner, fields["title"].line(owner))
            hit.score += quality
            hit.matched_words.add(word)
            if quality == weight:
                hit.whole_words.add(word)
            if quality > hit.reasons.get(word, ("", "", 0.0))[2]:
                hit.reasons[word] = (field_name, line, quality)
            found = True
    return found


def _phrase_bonus(fields: dict[str, Lines], phrase: str, several_words: bool, hits: dict[int, Hit]) -> None:
    """Reward a title or alias that is the query, or holds its words together and in order."""
    exact: list[tuple[int, str, str]] = []
    inside: list[tuple[int, str, str]] = []
    for field_name in NAMED_FIELDS:
        blob = fields[field_name]
        for position in _word_starts(blob.text, phrase):
            if _ends_word(blob.text, position + len(phrase)):
                line_index = blob.line_index(position)
                owner, line = blob.owners[line_index], blob.line(line_index)
                (exact if line == phrase else inside).append((owner, field_name, line))
    # An exact name outranks a name that merely holds the phrase, wherever each was found.
    for found, bonus in ((exact, EXACT_NAME_BONUS), (inside if several_words else [], PHRASE_BONUS)):
        for owner, field_name, line in found:
            hit = hits.get(owner)
            if hit is not None and hit.phrase is None:
                hit.score += bonus
                hit.bonus = bonus
                hit.phrase = (field_name, line)


def search(
    index: SearchIndex, query: str, limit: int | None = None, handbook_only: bool = False, correct: bool = True
) -> SearchResult:
    """Profiles ranked by how well they match ``query``: those matching every word first. ``handbook_only``
    leaves out the names and technologies from O*NET; ``correct`` reads a word found nowhere as the closest
    word of the fields searched."""
    soc = soc_code(query)
    query_words = [soc] if soc else list(dict.fromkeys(folded_words(query).split()))
    fields = {name: blob.lines() for name, blob in index.blobs.items() if not (handbook_only and name in ONET_FIELDS)}
    hits: dict[int, Hit] = {}
    corrections: dict[str, str] = {}
    tried = 0
    known: list[str] | None = None  # the words of the fields searched, gathered for the first correction
    skim = len(query_words) > SKIM_FROM
    for word in query_words:
        if _scan(fields, word, hits, skim) or len(word) < MIN_TYPO_LENGTH or soc or not correct:
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
            _scan(fields, correction, hits)
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

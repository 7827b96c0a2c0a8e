"""The search index: each searchable field of every profile, as a search reads it from the cache (built by
core/indexbuild.py).

Most fields are one text with a line per name (a title, an alias, a summary...), searched with one `str.find`
pass per query word (Lines), which stays fast on tens of thousands of profiles without an index to build by
hand. O*NET's fields, a megabyte of text for the shipped data, are kept as the places of each of their words
(Postings), so that a search reads only the words it looks for. Beside them, each profile's texts as the data
spells them, which the reasons of a search quote (core/search.py).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence

from ooh_cli.core.names import fold

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
# Fields indexed as given, not folded again: SOC codes as written, and names that come folded (catalog.layout).
KEPT_FIELDS = ("soc code", "everyday name", *ONET_FIELDS)
# What a search of the Handbook's own words reads (catalog.resolve); names alone when only titles count.
HANDBOOK_FIELDS = tuple(name for name, _ in FIELDS if name not in ONET_FIELDS)
# Fields searched by their words (Postings) rather than their text: O*NET's, a megabyte of text for the shipped
# data that a search would read and scan through for every word; no phrase is looked for in them.
POSTED_FIELDS = ONET_FIELDS


def folded_words(text: str) -> str:
    """``text`` as the space-separated words names are indexed by."""
    return fold(text).replace("-", " ")


class Field:
    """A field ready to search; its sorted words (indexbuild.Blob.words) are read on first use, by ``read_words``, since
    only long queries and spelling corrections need them."""

    __slots__ = ("_read_words", "_words")

    def __init__(self, read_words: Callable[[], str] | None = None) -> None:
        self._read_words, self._words = read_words, ""

    @property
    def words(self) -> str:
        """The sorted distinct words (Blob.words), read on first use."""
        if not self._words and self._read_words is not None:
            self._words = self._read_words()
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


class Lines(Field):
    """A field searched through its text: its line starts and owners read as numbers."""

    __slots__ = ("owners", "starts", "text")

    def __init__(
        self, text: str, starts: Sequence[int], owners: Sequence[int], read_words: Callable[[], str] | None = None
    ) -> None:
        super().__init__(read_words)
        self.text, self.starts, self.owners = text, starts, owners

    def line_index(self, position: int) -> int:
        return bisect_right(self.starts, position) - 1

    def line(self, index: int) -> str:
        end = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.text)
        return self.text[self.starts[index] : end]

    def offset(self, index: int) -> int:
        """Which of its owner's lines line ``index`` is (0 for its first): a profile's lines are together."""
        return index - bisect_left(self.owners, self.owners[index])


class Postings(Field):
    """A field searched through its words (POSTED_FIELDS): ``find`` gives the words of the field that are a
    word, or also those that start with it (``whole`` False), each with its places (``postings``)."""

    __slots__ = ("find",)

    def __init__(self, find: Callable[[str, bool], list[tuple[str, bytes]]], read_words: Callable[[], str]) -> None:
        super().__init__(read_words)
        self.find = find


class SearchIndex:
    """A catalog's search fields, read as a search asks for them (``read``: the fields of the names given, as
    Lines or Postings), and each profile's jobs (IndexParts.jobs)."""

    def __init__(self, read: Callable[[Sequence[str]], dict[str, Field]], jobs: bytes) -> None:
        self._read = read
        self._fields: dict[str, Field] = {}
        self.jobs = jobs

    def fields(self, names: Sequence[str]) -> dict[str, Field]:
        """The fields of ``names``, read once each, in the order of ``names``."""
        missing = [name for name in names if name not in self._fields]
        if missing:
            self._fields.update(self._read(missing))
        return {name: self._fields[name] for name in names}

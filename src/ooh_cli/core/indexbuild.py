"""Building the search index of a catalog for the cache (core/searchindex.py says what it holds): only a
cache build imports this.
"""

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ooh_cli.core.records import Record
from ooh_cli.core.searchindex import FIELDS, KEPT_FIELDS, POSTED_FIELDS, folded_words

if TYPE_CHECKING:
    from ooh_cli.core.model import Occupation


def field_texts(
    occ: "Occupation", group_name: str, extra: dict[str, list[str]] | None = None
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
    """One field of every profile, as the cache stores it: a line per name, where each line starts and the
    profile that owns it (packed unsigned 32-bit numbers, read back as one copy of bytes where a list would cost
    a Python int each), and every distinct word of the text, sorted, each after a line break."""

    text: str
    starts: bytes
    owners: bytes
    words: str

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
        return cls(text, starts.tobytes(), owners.tobytes(), words)


def postings(lines: Iterable[tuple[int, str]]) -> dict[str, bytes]:
    """Every word of the (owner, folded line) ``lines`` and where it is: (owner, which of the owner's lines)
    pairs, in line order, packed as unsigned 32-bit numbers (a word twice in a line is there twice, which a
    search reads as once: cheaper than making every line's words a set, on tens of thousands of lines)."""
    from array import array

    places: dict[str, list[int]] = {}
    found_at = places.get
    previous, offset = -1, 0
    for owner, line in lines:
        offset = offset + 1 if owner == previous else 0
        previous = owner
        place = (owner, offset)
        for word in line.split():
            found = found_at(word)
            if found is None:
                places[word] = [owner, offset]
            else:
                found += place
    return {word: array("I", found).tobytes() for word, found in places.items()}


class IndexParts(Record, frozen=True):
    """What a catalog's search needs, as the cache stores it: a blob per searchable field, each profile's jobs
    (packed unsigned 64-bit numbers, 0 where unknown: of profiles the words fit as well, the one more people do
    comes first), and per profile the texts its reasons quote (``shown_texts``), line for line as indexed."""

    blobs: dict[str, Blob]
    postings: dict[str, dict[str, bytes]]  # of POSTED_FIELDS, by word
    jobs: bytes
    texts: list[dict[str, list[str]]]

    @classmethod
    def build(
        cls,
        occupations: Sequence["Occupation"],
        group_names: dict[str, str],
        extras: dict[str, dict[str, list[str]]] | None = None,
        spelled: dict[str, dict[str, list[str]]] | None = None,
    ) -> "IndexParts":
        """The index of ``occupations``; ``extras`` (by id) are O*NET's and the vocabulary's names, as
        ``folded_words`` gives them, and ``spelled`` O*NET's names as O*NET spells them, in the same order."""
        from array import array

        per_field: dict[str, list[tuple[int, str]]] = {name: [] for name, _ in FIELDS}
        jobs = array("Q", (occ.employment.jobs or 0 for occ in occupations))
        for position, occ in enumerate(occupations):
            extra = extras.get(occ.id) if extras else None
            for name, texts in field_texts(occ, group_names.get(occ.group, occ.group), extra).items():
                # SOC codes are kept as written; O*NET's names come folded already (catalog.layout).
                kept = name in KEPT_FIELDS
                per_field[name].extend((position, text if kept else folded_words(text)) for text in texts)
        shown = [shown_texts(occ, spelled.get(occ.id) if spelled else None) for occ in occupations]
        return cls(
            {name: Blob.build(lines) for name, lines in per_field.items() if name not in POSTED_FIELDS},
            {name: postings(per_field[name]) for name in POSTED_FIELDS},
            jobs.tobytes(),
            shown,
        )


def shown_texts(occ: "Occupation", onet_names: dict[str, list[str]] | None = None) -> dict[str, list[str]]:
    """The texts of a profile's fields as the data spells them, for the reasons of a hit (Hit.why): the
    fields indexed as written (KEPT_FIELDS but O*NET's, spelled by ``onet_names``) and the group are left out,
    the reasons quote their lines as indexed, or name the group alone."""
    texts = field_texts(occ, "", onet_names)
    return {name: list(found) for name, found in texts.items() if name not in ("soc code", "everyday name", "group")}

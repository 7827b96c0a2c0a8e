"""What the work asks of a person, from the O*NET database: the model of one profile's block and its table.

The O*NET data of a data file lives in the data database beside it (core/database.py), written by `ooh data
import --onet` (importer/onet_combine.py): a table ``onet_profile`` with one row per profile (what `match` and
`similar` rank by: its traits, the ratings as vectors, those vectors centred on the average profile's and the
other profiles nearest to it, worked out once at import; and its block, everything `show` prints; each a
msgpack record) and the header (release, element names, ids) under ``onet_header`` in ``meta``. `show` reads
one row, `similar` a few.

Ratings are O*NET's own figures (importance 1-5, level 0-7, interests 1-7); a profile O*NET does not rate has
empty ratings, shown as "not rated in O*NET 29.3", never as zero.
"""

# No `from __future__ import annotations`: msgspec reads the annotations of the records it decodes.
from collections.abc import Iterator, Sequence
from typing import Any, TypeVar

import msgspec

from ooh_cli.core.database import Database
from ooh_cli.core.records import Record

T = TypeVar("T")
Kind = TypeVar("Kind", bound="Interests")
RELEASE = "O*NET 29.3"
PUBLISHED = "May 2025"
NOT_RATED = f"not rated in {RELEASE}"
CREDIT = (
    "This product includes information from the O*NET 29.3 Database by the U.S. Department of Labor, Employment "
    "and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET is a trademark of USDOL/ETA. "
    "ooh has modified some or all of this information; USDOL/ETA has not approved, endorsed, or tested these "
    "modifications."
)

# The six interest areas (Holland's RIASEC), in their usual order.
INTERESTS = ("Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional")
LETTERS = "".join(name[0] for name in INTERESTS)
# What each interest area is about, in our own words (for help and errors).
INTEREST_HINTS = {
    "R": "hands-on work with tools, machines, plants or animals",
    "I": "investigating: ideas, research, solving problems",
    "A": "creating: design, words, music, performance",
    "S": "helping, teaching or caring for people",
    "E": "leading, persuading, selling, starting things",
    "C": "organizing: data, records, procedures, detail",
}
# What each job zone means, in our own words.
JOB_ZONES = {
    1: "little or no preparation; the work is learned while doing it, within days or months",
    2: "some preparation; usually a high school diploma and up to a year of learning from experienced workers",
    3: "medium preparation; vocational school, an apprenticeship or an associate's degree, then a year or two on "
    "the job",
    4: "considerable preparation; usually a bachelor's degree and several years of related experience",
    5: "extensive preparation; usually a graduate degree, often with years of practice",
}
# O*NET's required-education categories 1-12, in our own short labels.
EDUCATION_LEVELS = (
    "Less than high school",
    "High school diploma",
    "Post-secondary certificate",
    "Some college",
    "Associate's degree",
    "Bachelor's degree",
    "Post-baccalaureate certificate",
    "Master's degree",
    "Post-master's certificate",
    "First professional degree",
    "Doctoral degree",
    "Post-doctoral training",
)


class Rating(Record, frozen=True, array_like=True):
    """An element (a skill, a knowledge area, a work style or value) and how much the work asks of it."""

    name: str
    importance: float  # 1-5 (work values: extent, 1-7)
    level: float | None = None  # 0-7, skills and knowledge only


class Score(Record, frozen=True, array_like=True):
    name: str  # an interest area, e.g. "Investigative"
    score: float  # 1-7


class Example(Record, frozen=True, array_like=True):
    """A technology people use in the work, and whether O*NET marks it hot (often in job postings) or in demand."""

    name: str
    hot: bool = False
    in_demand: bool = False


class Technology(Record, frozen=True):
    category: str  # O*NET's commodity title, e.g. "Development environment software"
    examples: tuple[Example, ...]


class Share(Record, frozen=True, array_like=True):
    level: str  # one of EDUCATION_LEVELS
    percent: float


class Part(Record, frozen=True, array_like=True):
    """An O*NET occupation the profile combines, and its weight in the profile's ratings (0-1)."""

    code: str  # O*NET-SOC code, e.g. "15-1252.00"
    title: str
    weight: float


class OnetProfile(Record, frozen=True):
    """One profile's O*NET data. Empty ratings are "not rated"; ``sources`` names the O*NET occupations each
    kind of rating came from (a profile may combine several, weighted as ``weighting`` says)."""

    id: str
    occupations: tuple[Part, ...] = ()
    weighting: str = "equal"  # "employment" (the profile's jobs per SOC code) or "equal"
    sources: dict[str, tuple[str, ...]] = msgspec.field(default_factory=dict)
    # Per kind of rating, the profile's O*NET occupations O*NET does not rate for it.
    unrated: dict[str, tuple[str, ...]] = msgspec.field(default_factory=dict)
    job_zone: int | None = None
    holland_code: str | None = None
    interests: tuple[Score, ...] = ()  # in RIASEC order
    skills: tuple[Rating, ...] = ()  # O*NET's order
    knowledge: tuple[Rating, ...] = ()
    work_styles: tuple[Rating, ...] = ()
    work_values: tuple[Rating, ...] = ()
    technology: tuple[Technology, ...] = ()
    education: tuple[Share, ...] = ()  # in EDUCATION_LEVELS order
    alternate_titles: tuple[str, ...] = ()
    related: tuple[str, ...] = ()  # profile ids, O*NET's closest first


class _Names(msgspec.Struct):
    technology: tuple[Technology, ...] = ()
    alternate_titles: tuple[str, ...] = ()


class Interests(Record, frozen=True, array_like=True):
    """The start of a profile's traits: its job zone and interests, all that `match --interests` asks, decoded
    without the skill and knowledge vectors after them (seven times the floats)."""

    id: str
    job_zone: int | None
    holland_code: str | None
    interests: tuple[float, ...]  # in RIASEC order (empty when not rated)


class Traits(Interests, frozen=True, array_like=True):
    """A profile's ratings as vectors, for ranking: importance per skill and knowledge area in the header's
    order (empty when not rated), after its interests."""

    skills: tuple[float, ...]
    knowledge: tuple[float, ...]
    hot: tuple[int, ...]  # its Hot Technology examples, as positions in the header's hot_technology


class Vectors(Record, frozen=True, array_like=True):
    """A profile's ratings as `similar` compares them: its importance per skill then knowledge area, and its
    interest scores, each less the average profile's and scaled to length 1. Centred, what every job asks
    (reading, speaking) does not make every job alike. Empty when not rated, or exactly average."""

    ratings: tuple[float, ...]
    interests: tuple[float, ...]


class Header(Record, frozen=True, array_like=True):
    release: str
    published: str
    skill_names: tuple[str, ...]
    knowledge_names: tuple[str, ...]
    hot_technology: tuple[str, ...]  # every Hot Technology example's name, sorted
    ids: tuple[str, ...]  # the profiles' ids, sorted: a profile's position in onet_profile


def header_of(skill_names: list[str], knowledge_names: list[str], ordered: list[OnetProfile]) -> Header:
    """The header of ``ordered`` (the profiles sorted by id)."""
    hot = sorted({e.name for p in ordered for group in p.technology for e in group.examples if e.hot})
    return Header(
        RELEASE, PUBLISHED, tuple(skill_names), tuple(knowledge_names), tuple(hot), tuple(p.id for p in ordered)
    )


def traits_of(profile: OnetProfile, skill_names: list[str], knowledge_names: list[str], hot: list[str]) -> Traits:
    def vector(ratings: tuple[Rating, ...], names: list[str]) -> tuple[float, ...]:
        found = {r.name: r.importance for r in ratings}
        # O*NET rates every element of an occupation it rates; one missing from a combination counts as the
        # bottom of the scale (1), what O*NET gives an element that does not matter in the work.
        return tuple(found.get(name, 1.0) for name in names) if found else ()

    return Traits(
        profile.id,
        profile.job_zone,
        profile.holland_code,
        tuple(s.score for s in profile.interests),
        vector(profile.skills, skill_names),
        vector(profile.knowledge, knowledge_names),
        tuple(sorted({hot.index(e.name) for group in profile.technology for e in group.examples if e.hot})),
    )


def vectors_of(every: list[Traits]) -> list[Vectors]:
    """The vectors of every profile of ``every`` (all of them: the average is theirs), in that order."""
    ratings = _centred([t.skills + t.knowledge if t.skills and t.knowledge else () for t in every])
    interests = _centred([t.interests for t in every])
    return [Vectors(r, i) for r, i in zip(ratings, interests, strict=True)]


def _centred(vectors: list[tuple[float, ...]]) -> list[tuple[float, ...]]:
    """Each vector minus the mean of them all, scaled to length 1 (empty and all-average vectors stay empty)."""
    import math
    import operator

    rated = [v for v in vectors if v]
    if not rated:
        return [() for _ in vectors]
    mean = [sum(column) / len(rated) for column in zip(*rated, strict=True)]
    out: list[tuple[float, ...]] = []
    for vector in vectors:
        centred = tuple(map(operator.sub, vector, mean)) if vector else ()
        norm = math.sqrt(sum(map(operator.mul, centred, centred)))
        out.append(tuple(x / norm for x in centred) if norm else ())
    return out


class OnetData:
    """The O*NET tables of an open data database: the header at once, the traits or one profile's block when asked."""

    def __init__(self, database: Database, header: bytes) -> None:
        self.database = database
        self.header = self._decode(header, Header)
        self._traits: list[Traits] | None = None
        self._interests: list[Interests] | None = None
        self._blocks: dict[str, OnetProfile | None] = {}

    @classmethod
    def open(cls, database: Database) -> "OnetData | None":
        """The O*NET data in ``database``, or None when it holds none."""
        header = database.meta("onet_header")
        return cls(database, header) if header is not None else None

    def _decode(self, data: Any, kind: type[T]) -> T:
        try:
            return msgspec.msgpack.decode(data, type=kind)
        except (msgspec.DecodeError, TypeError) as error:
            raise self.database.damaged(f"its O*NET data: {error}") from None

    @property
    def release(self) -> str:
        return self.header.release

    def profile(self, occupation_id: str) -> OnetProfile | None:
        """One profile's block (kept: a whole profile's sections each ask for it)."""
        if occupation_id not in self._blocks:
            found = self.database.one("SELECT body FROM onet_profile WHERE id = ?", (occupation_id,))
            self._blocks[occupation_id] = None if found is None else self._decode(found[0], OnetProfile)
        return self._blocks[occupation_id]

    def block(self, position: int) -> OnetProfile:
        return self._decode(self.raw_block(position), OnetProfile)

    def raw_block(self, position: int) -> bytes:
        return self._cell("body", position)

    def position(self, occupation_id: str) -> int | None:
        """The profile's position (its row in the O*NET tables), or None when O*NET has no block for it."""
        from bisect import bisect_left

        ids = self.header.ids
        position = bisect_left(ids, occupation_id)
        return position if position < len(ids) and ids[position] == occupation_id else None

    def search_fields(self) -> dict[str, dict[str, list[str]]]:
        """Per profile id, its alternate titles and technology names, for the name index and search."""
        decoder = msgspec.msgpack.Decoder(_Names)  # the names alone: the ratings are never decoded
        fields = {}
        for occupation_id, body in self.database.rows("SELECT id, body FROM onet_profile ORDER BY position"):
            try:
                names = decoder.decode(body)
            except (msgspec.DecodeError, TypeError) as error:
                raise self.database.damaged(f"its O*NET data: {error}") from None
            fields[occupation_id] = {
                "alternate title": list(names.alternate_titles),
                "technology": [e.name for group in names.technology for e in group.examples],
            }
        return fields

    def traits(self) -> list[Traits]:
        """Every profile's traits, in the header's order."""
        if self._traits is None:
            self._traits = self._every_traits(Traits)
        return self._traits

    def interests(self) -> Sequence[Interests]:
        """Every profile's job zone and interests, in the header's order."""
        if self._traits is not None:
            return self._traits
        if self._interests is None:
            self._interests = self._every_traits(Interests)
        return self._interests

    def _every_traits(self, kind: type[Kind]) -> list[Kind]:
        decoder = msgspec.msgpack.Decoder(kind)
        found = self.database.rows("SELECT traits FROM onet_profile ORDER BY position")
        try:
            every = [decoder.decode(data) for (data,) in found]
        except (msgspec.DecodeError, TypeError) as error:
            raise self.database.damaged(f"its O*NET data: {error}") from None
        if [t.id for t in every] != list(self.header.ids):
            raise self.database.damaged("its O*NET profiles do not match its header")
        return every

    def matching_ids(self, zones: tuple[int, int] | None, letters: str | None) -> frozenset[str]:
        """The profiles in job zones ``zones`` whose Holland code holds every letter of ``letters``, as an index
        of the database answers (never the profiles' rows, a page or more each)."""
        conditions = ["job_zone BETWEEN ? AND ?"] if zones else []
        conditions += ["instr(holland_code, ?) > 0"] * len(letters or "")
        where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        found = frozenset(
            row[0]
            for row in self.database.rows(f"SELECT id FROM onet_profile{where}", (*(zones or ()), *(letters or "")))
        )
        if not found <= set(self.header.ids):
            raise self.database.damaged("its O*NET profiles do not match its header")
        return found

    # One profile's row at a time, for `similar`: it shows a handful, and reading them one by one costs a
    # fraction of decoding every profile.

    def traits_at(self, position: int) -> Traits:
        if self._traits is not None:
            return self._traits[position]
        traits = self._decode(self._cell("traits", position), Traits)
        if traits.id != self.header.ids[position]:
            raise self.database.damaged("its O*NET profiles do not match its header")
        return traits

    def vectors_at(self, position: int) -> Vectors:
        vectors = self._decode(self._cell("vectors", position), Vectors)
        elements = len(self.header.skill_names) + len(self.header.knowledge_names)
        if len(vectors.ratings) not in (0, elements) or len(vectors.interests) not in (0, len(INTERESTS)):
            raise self.database.damaged("its O*NET vectors do not match its header")
        return vectors

    def nearest(self, position: int) -> tuple[int, ...]:
        """The positions of the other profiles nearest to this one by what the work asks, closest first (those
        with nothing to compare by left out): core/match.py nearest_order, worked out at import."""
        nearest = self._decode(self._cell("nearest", position), tuple[int, ...])
        if not all(0 <= other < len(self.header.ids) for other in nearest):
            raise self.database.damaged("its O*NET neighbours do not match its header")
        return nearest

    def _cell(self, column: str, position: int) -> bytes:
        """One column (a msgpack record) of the profile at ``position``."""
        found = self.database.one(f"SELECT {column} FROM onet_profile WHERE position = ?", (position,))
        if found is None or not isinstance(found[0], bytes):
            raise self.database.damaged("an O*NET profile is missing")
        return found[0]

    def profiles(self) -> Iterator[OnetProfile]:
        """Every profile's block, by id: the whole table, for the export."""
        for position in range(len(self.header.ids)):
            yield self.block(position)


def parse_job_zones(text: str) -> tuple[int, int]:
    """A job zone ("3") or a range of them ("2-3") as (lowest, highest), or a UsageError."""
    import re

    from ooh_cli.core.errors import UsageError

    found = re.fullmatch(r"\s*([1-5])\s*(?:-\s*([1-5]))?\s*", text)
    low, high = (int(found.group(1)), int(found.group(2) or found.group(1))) if found else (0, 0)
    if not found or low > high:
        raise UsageError(f"--job-zone: expected a zone from 1 to 5 or a range such as 2-3, not {text!r}")
    return low, high


def parse_interest_code(text: str, option: str, most: int = 3) -> str:
    """A RIASEC code as typed ("cis", "C,I", "investigative,artistic"): its letters in upper case, or a
    UsageError explaining them. A part longer than a letter is an interest's name, or the start of one."""
    from ooh_cli.core.errors import UsageError

    letters: list[str] = []
    for part in text.replace(",", " ").split():
        if len(part) <= most and all(ch in LETTERS for ch in part.upper()):
            letters.extend(part.upper())
        else:  # a name: "?" when it starts none, so that the error below explains the letters
            letters.append(next((n[0] for n in INTERESTS if n.casefold().startswith(part.casefold())), "?"))
    code = "".join(letters)
    if not code or len(code) > most or any(ch not in LETTERS for ch in code) or len(set(code)) != len(code):
        explained = "; ".join(
            f"{letter} {name} ({INTEREST_HINTS[letter]})" for letter, name in zip(LETTERS, INTERESTS, strict=True)
        )
        amount = "one letter" if most == 1 else f"one to {('two', 'three')[most - 2]} different letters"
        raise UsageError(f"{option}: expected {amount} of RIASEC or their names, not {text!r}: {explained}")
    return code

"""The closed vocabularies of the Handbook: outlook categories, education, experience, training, public contact.

Each is stored as slugs in the data file (the `Literal` types, which the model decodes against), shown with
the Handbook's labels, and ordered by rank. Users may type the labels or short forms.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, get_args

import msgspec

from ooh_cli.core.errors import UsageError
from ooh_cli.core.names import fold

OutlookSlug = Literal["much-faster", "faster", "average", "slower", "little-change", "decline"]
EducationSlug = Literal[
    "none",
    "high-school",
    "some-college",
    "postsecondary-nondegree",
    "associate",
    "bachelor",
    "master",
    "doctoral",
    "varies",
]
ExperienceSlug = Literal["none", "less-than-5-years", "5-years-or-more", "varies"]
TrainingSlug = Literal[
    "none", "short-term", "moderate-term", "long-term", "apprenticeship", "internship-residency", "varies"
]
# Where BLS says "See How to Become One": the requirement differs from worker to worker. It has no rank.
VARIES = "varies"
VARIES_TERM = (VARIES, "Varies (see How to become one)", ("see-how-to-become-one",))
ContactSlug = Literal["little", "some", "frequent"]


class Term(msgspec.Struct, frozen=True):
    """One value of a closed vocabulary: stored as ``slug``, shown as ``label``, ordered by ``rank``."""

    slug: str
    label: str
    rank: int | None  # None for "varies", which is neither more nor less than another term
    short: tuple[str, ...] = ()

    @property
    def short_label(self) -> str:
        """The label without "than average", for narrow columns."""
        return (
            self.label.removesuffix(" than average").removesuffix(" as average").lower().replace("as fast", "average")
        )


class Vocabulary:
    """An ordered set of terms that also understands the short forms users type."""

    def __init__(self, name: str, slugs: object, terms: list[tuple[str, str, tuple[str, ...]]]) -> None:
        self.name = name
        self.terms = tuple(
            Term(slug, label, None if slug == VARIES else rank, short)
            for rank, (slug, label, short) in enumerate(terms)
        )
        if tuple(term.slug for term in self.terms) != get_args(slugs):
            raise AssertionError(f"the {name} terms do not match their Literal type")  # a programming error
        self._by_slug = {term.slug: term for term in self.terms}
        self._by_key: dict[str, Term] | None = None  # what users type: built on first use, most runs never do

    def get(self, text: str) -> Term | None:
        if self._by_key is None:
            keys = ((key, term) for term in self.terms for key in (term.slug, term.label, *term.short))
            self._by_key = {fold(key): term for key, term in keys}
        return self._by_key.get(fold(text))

    def __getitem__(self, slug: str) -> Term:
        return self._by_slug[slug]

    def slugs(self) -> list[str]:
        return [term.slug for term in self.terms]

    def label(self, slug: str | None) -> str | None:
        return None if slug is None else self[slug].label

    def parse_all(self, values: Iterable[str], option: str) -> list[str]:
        """Slugs for what a user typed, comma-separated or repeated; an unknown value lists the valid ones."""
        slugs: list[str] = []
        for value in values:
            for part in value.split(","):
                if not part.strip():
                    continue
                term = self.get(part)
                if term is None:
                    raise UsageError(
                        f"{option}: unknown {self.name} {part.strip()!r}; choose from {', '.join(self.slugs())}"
                    )
                if term.slug not in slugs:
                    slugs.append(term.slug)
        if values and not slugs:
            raise UsageError(f"{option}: give a {self.name}; choose from {', '.join(self.slugs())}")
        return slugs

    def parse(self, value: str | None, option: str) -> str | None:
        """The slug for one value a user typed (None for none)."""
        if value is None:
            return None
        slugs = self.parse_all([value], option)
        if len(slugs) != 1:
            raise UsageError(f"{option}: give one {self.name}")
        return slugs[0]


# Best first: rank 0 is the fastest growth.
OUTLOOK = Vocabulary(
    "outlook category",
    OutlookSlug,
    [
        ("much-faster", "Much faster than average", ("much faster",)),
        ("faster", "Faster than average", ()),
        ("average", "As fast as average", ("as-fast", "about-as-fast", "average-growth")),
        ("slower", "Slower than average", ("slow", "more-slowly")),
        ("little-change", "Little or no change", ("little", "no-change", "little-or-no-change")),
        ("decline", "Decline", ("declining", "declines")),
    ],
)

# Lowest first: rank grows with the schooling a job asks for.
EDUCATION = Vocabulary(
    "education level",
    EducationSlug,
    [
        ("none", "No formal educational credential", ("no-credential", "no-formal-education")),
        ("high-school", "High school diploma or equivalent", ("hs", "diploma", "high-school-diploma", "ged")),
        ("some-college", "Some college, no degree", ("some-college-no-degree",)),
        (
            "postsecondary-nondegree",
            "Postsecondary nondegree award",
            ("postsecondary", "nondegree", "certificate", "postsecondary-certificate"),
        ),
        ("associate", "Associate's degree", ("associates", "associate-degree")),
        ("bachelor", "Bachelor's degree", ("bachelors", "bachelor-degree", "ba", "bs")),
        ("master", "Master's degree", ("masters", "master-degree", "ms", "ma")),
        ("doctoral", "Doctoral or professional degree", ("doctorate", "phd", "professional", "doctoral-degree")),
        VARIES_TERM,
    ],
)

EXPERIENCE = Vocabulary(
    "work experience",
    ExperienceSlug,
    [
        ("none", "None", ()),
        ("less-than-5-years", "Less than 5 years", ("less-than-5", "under-5", "some")),
        ("5-years-or-more", "5 years or more", ("5-or-more", "5-plus", "5+")),
        VARIES_TERM,
    ],
)

TRAINING = Vocabulary(
    "on-the-job training",
    TrainingSlug,
    [
        ("none", "None", ()),
        ("short-term", "Short-term on-the-job training", ("short",)),
        ("moderate-term", "Moderate-term on-the-job training", ("moderate",)),
        ("long-term", "Long-term on-the-job training", ("long",)),
        ("apprenticeship", "Apprenticeship", ()),
        ("internship-residency", "Internship/residency", ("internship", "residency")),
        VARIES_TERM,
    ],
)

PUBLIC_CONTACT = Vocabulary(
    "public contact",
    ContactSlug,
    [
        ("little", "Little or none", ("none", "little-or-none")),
        ("some", "Some", ("moderate",)),
        ("frequent", "Frequent", ("much", "constant")),
    ],
)

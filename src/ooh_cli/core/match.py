"""Matching people to occupations, and occupations to each other, by what the work asks (O*NET ratings).

`ooh match` starts from a person: RIASEC interests, skills or knowledge areas, a technology. Each profile's fit
is the mean of what was asked: how strong its scores are in the interests named (the first letter counting
most), how important the skills named are, whether it uses the technology. `ooh similar` ranks profiles by the
cosine similarity of their rating vectors (skills and knowledge, interests), centred on the average profile so
that what every job asks (reading, speaking) does not make every job alike. That compares every profile with
every other, so the import does it (``nearest_order``) and `similar` reads the order.
"""

from __future__ import annotations

import math
import operator
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

import msgspec

from ooh_cli.core.errors import DataError, UsageError
from ooh_cli.core.names import fold
from ooh_cli.core.onet import (
    INTERESTS,
    LETTERS,
    RELEASE,
    Example,
    Interests,
    OnetData,
    Technology,
    Traits,
    Vectors,
)
from ooh_cli.core.records import Record, Summary

if TYPE_CHECKING:
    from ooh_cli.core.catalog import Catalog
    from ooh_cli.core.query import Filters

# The weight of each letter of a code: the first interest counts most.
LETTER_WEIGHTS = (3.0, 2.0, 1.0)
# Each RIASEC letter's interest area, for the reasons.
INTEREST_NAMES = dict(zip(LETTERS, INTERESTS, strict=True))
# How much the Holland code's agreement counts against the scores themselves.
CODE_SHARE = 0.3
# Importance at or above this counts as mattering in the work (the scale is 1-5).
IMPORTANT = 3.0
# In `similar`, skills and knowledge count this much against interests.
RATINGS_SHARE = 2 / 3
SHARED_SHOWN = 3
# Taken off the similarity per job zone between two profiles: work that takes far more preparation is not near.
ZONE_PENALTY = 0.15


class Element(Record, frozen=True):
    """A skill or knowledge area as asked for: its name and where it sits in the traits' vectors."""

    name: str
    skill: int | None = None  # index into Traits.skills
    knowledge: int | None = None  # index into Traits.knowledge


class Fit(Record, frozen=True):
    profile: Summary
    score: float  # 0-1
    reasons: list[str]
    job_zone: int | None
    holland_code: str | None
    # What ranks before the score: how many of the letters asked the Holland code shares, and whether all of
    # them in the order asked; the technology's in-demand and hot flags and how many kindred tools the work
    # uses (larger first).
    standing: tuple[int, ...] = ()


def require(catalog: Catalog) -> OnetData:
    onet = catalog.onet()
    if onet is None:
        raise DataError(f"this data file has no {RELEASE} data; `ooh data import --onet DIR` adds it")
    return onet


def parse_elements(onet: OnetData, names: list[str]) -> list[Element]:
    """Skill or knowledge names as typed, comma-separated: a whole name or the start of one ("program")."""
    header = onet.header
    known = list(dict.fromkeys((*header.skill_names, *header.knowledge_names)))
    found: list[Element] = []
    for typed in (part.strip() for value in names for part in value.split(",")):
        if not typed:
            continue
        key = fold(typed)
        exact = [name for name in known if fold(name) == key]
        starts = exact or [name for name in known if fold(name).startswith(key)]
        if len(starts) != 1:
            problem = "could mean several" if starts else "is not one of O*NET's skills or knowledge areas"
            raise UsageError(f"--skills: {typed!r} {problem}; choose from:", sorted(starts or known))
        name = starts[0]
        element = Element(
            name,
            header.skill_names.index(name) if name in header.skill_names else None,
            header.knowledge_names.index(name) if name in header.knowledge_names else None,
        )
        if element not in found:
            found.append(element)
    if names and not found:
        raise UsageError("--skills: give at least one skill or knowledge name, e.g. programming,mathematics")
    return found


def importance(traits: Traits, element: Element) -> float | None:
    """How important the element is in the work (skill or knowledge, the higher where it is both)."""
    values = []
    if element.skill is not None and traits.skills:
        values.append(traits.skills[element.skill])
    if element.knowledge is not None and traits.knowledge:
        values.append(traits.knowledge[element.knowledge])
    return max(values) if values else None


def importances(traits: Traits, elements: list[Element]) -> list[float] | None:
    """The importance of each element in the work; None when one of them is not rated."""
    found = []
    for element in elements:
        value = importance(traits, element)
        if value is None:
            return None
        found.append(value)
    return found


class _Technologies(msgspec.Struct):
    """A block's technology alone: decoding it skips the rest of the block."""

    technology: tuple[Technology, ...] = ()


class Use(Record, frozen=True):
    """A technology a profile uses, as O*NET names it, and how many tools of its kind the profile lists."""

    example: Example
    category: str
    kindred: int  # the examples of the same category, itself included


def technology_users(onet: OnetData, typed: str) -> dict[str, Use]:
    """Profile ids whose technology examples include ``typed`` (whole words or their start), and the use."""
    key = fold(typed)
    if not key:
        raise UsageError("--technology: give a name, e.g. python or autocad")
    users: dict[str, Use] = {}
    decoder = msgspec.msgpack.Decoder(_Technologies)
    for position, occupation_id in enumerate(onet.header.ids):
        raw = onet.raw_block(position)
        if key.split("-")[0][:4].encode() not in raw.lower():
            continue  # most blocks never mention it: skip decoding them
        hits = [
            Use(e, group.category, len(group.examples))
            for group in decoder.decode(raw).technology
            for e in group.examples
            if f"-{fold(e.name)}-".find(f"-{key}") >= 0
        ]
        if hits:
            users[occupation_id] = min(
                hits, key=lambda u: (not u.example.in_demand, not u.example.hot, -u.kindred, len(u.example.name))
            )
    return users


def match(
    catalog: Catalog,
    filters: Filters,
    interests: str = "",
    elements: list[Element] | None = None,
    technology: str | None = None,
) -> tuple[list[Fit], list[str]]:
    """Profiles passing ``filters`` ranked by fit, best first, and the ids left out for want of ratings."""
    onet = require(catalog)
    elements = elements or []
    users = technology_users(onet, technology) if technology else None
    left_out: list[str] = []
    fits: list[Fit] = []
    summaries = {s.id: s for s in catalog.summaries}  # every one is looked at: read them all at once
    # Only --skills asks for the skill and knowledge vectors; decoding them is most of the work.
    every: Sequence[Interests] = onet.traits() if elements else onet.interests()
    for traits in every:
        summary = summaries.get(traits.id)
        if summary is None or not filters.accepts(summary):
            continue
        if users is not None and traits.id not in users:
            continue
        parts: list[float] = []
        reasons: list[str] = []
        standing: list[int] = []
        if interests:
            if not traits.interests:
                left_out.append(traits.id)
                continue
            parts.append(interest_fit(traits, interests))
            reasons.append(interest_reason(traits, interests))
            standing += interest_standing(traits.holland_code or "", interests)
        if elements:
            known = importances(cast("Traits", traits), elements)  # with elements, every is onet.traits()
            if known is None:
                left_out.append(traits.id)
                continue
            parts.append(sum([(v - 1) / 4 for v in known]) / len(known))
            shown = sorted(zip(elements, known, strict=True), key=lambda pair: -pair[1])
            reasons.append(", ".join([f"{e.name} {v:.1f}" for e, v in shown]))
        if users is not None:
            use = users[traits.id]
            example = use.example
            marks = [m for m, on in (("in demand", example.in_demand), ("hot", example.hot)) if on]
            parts.append(1.0 if example.in_demand else 0.9 if example.hot else 0.8)
            others = f", among {use.kindred} tools of its kind" if use.kindred > 1 else ""
            reasons.append(f"uses {example.name}" + (f" ({', '.join(marks)})" if marks else "") + others)
            standing += [example.in_demand, example.hot, use.kindred]
        fit = Fit(summary, sum(parts) / len(parts), reasons, traits.job_zone, traits.holland_code, tuple(standing))
        fits.append(fit)
    fits.sort(key=lambda f: (*map(operator.neg, f.standing), -round(f.score, 6), f.profile.title.casefold()))
    return fits, left_out


def interest_fit(traits: Interests, code: str) -> float:
    """How strong the profile's scores (1-7) are in the letters of ``code``, weighted by their order, and how far
    its Holland code agrees (a letter in the same place counts fully, elsewhere in the code half): 0-1."""
    # One loop, no comprehensions: `match` asks this of every profile.
    holland = traits.holland_code or ""
    weights = LETTER_WEIGHTS[: len(code)]
    by_scores, by_code = [], []
    for i, (letter, weight) in enumerate(zip(code, weights, strict=True)):
        by_scores.append(weight * ((traits.interests[LETTERS.index(letter)] - 1) / 6))
        by_code.append(weight * (1.0 if holland[i : i + 1] == letter else 0.5 if letter in holland else 0.0))
    total = sum(weights)
    return CODE_SHARE * (sum(by_code) / total) + (1 - CODE_SHARE) * (sum(by_scores) / total)


def interest_standing(holland: str, code: str) -> list[int]:
    """How a Holland code answers the letters asked, as O*NET's Interest Profiler reads a code: the number of
    letters it shares, then whether it holds them all in the order asked (IA in IAR or ISA, not in AIS)."""
    shared = [letter for letter in holland if letter in code]
    return [len(shared), "".join(shared) == code]


def interest_reason(traits: Interests, code: str) -> str:
    """The fit in words: "Investigative and Artistic, as you asked; code IAR"."""
    holland = traits.holland_code or ""
    shared = [letter for letter in holland if letter in code]
    listed = _and([INTEREST_NAMES[letter] for letter in shared]) if shared else ""
    if not holland:
        scores = ", ".join(f"{letter} {traits.interests[LETTERS.index(letter)]:.1f}" for letter in code)
        return f"no Holland code; scores {scores} of 7"
    if "".join(shared) == code:
        return f"{listed}, as you asked; code {holland}" if len(code) > 1 else f"{listed}; code {holland}"
    if len(shared) == len(code):
        return f"{listed}, in another order; code {holland}"
    missing = [INTEREST_NAMES[letter] for letter in code if letter not in holland]
    if shared:
        return f"{listed}, not {_and(missing, 'or')}; code {holland}"
    return f"not {_and(missing, 'or')}; code {holland}"


def _and(words: list[str], joiner: str = "and") -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {joiner} {words[-1]}"


# --- similar ----------------------------------------------------------------------------------------------


def nearest_order(every: Sequence[Traits], vectors: Sequence[Vectors], hot: Sequence[str]) -> list[tuple[int, ...]]:
    """For each profile of ``every`` (with its ``vectors``), the positions of the others closest first by what
    the work asks; those with nothing to compare by are left out. ``hot``: the header's Hot Technology names.

    The import works it out (it compares every profile with every other), `similar` reads it: nearest_by_work.
    """
    tools = _technologies(every, hot)
    rarity = _rarity(tools)
    # math.fsum: a sum that does not depend on the order of the set, so a second import gives the same order.
    norms = {occupation: math.sqrt(math.fsum(rarity[t] for t in used)) for occupation, used in tools.items()}
    order = []
    for position, (mine, mine_vectors) in enumerate(zip(every, vectors, strict=True)):
        # Without skill ratings (O*NET 29.3's gap), the hot technologies the work uses stand in for them,
        # weighted by rarity: sharing a tool few occupations use says more than sharing Microsoft Excel.
        mine_tools = tools[mine.id] if not mine_vectors.ratings else frozenset()
        scored: list[tuple[float, int]] = []
        for i, (other, other_vectors) in enumerate(zip(every, vectors, strict=True)):
            if i == position:
                continue
            by_ratings = _cosine(mine_vectors.ratings, other_vectors.ratings)
            by_interests = _cosine(mine_vectors.interests, other_vectors.interests)
            if mine_tools and tools[other.id]:
                norm = norms[mine.id] * norms[other.id]
                by_ratings = math.fsum(rarity[t] for t in mine_tools & tools[other.id]) / norm if norm else 0.0
            if by_ratings is None and by_interests is None:
                continue
            if by_ratings is not None and by_interests is not None:
                similarity = RATINGS_SHARE * by_ratings + (1 - RATINGS_SHARE) * by_interests
            else:
                similarity = by_ratings if by_ratings is not None else by_interests  # type: ignore[assignment]
            if mine.job_zone is not None and other.job_zone is not None:
                similarity -= ZONE_PENALTY * abs(mine.job_zone - other.job_zone)
            scored.append((similarity, i))
        scored.sort(key=lambda item: (-item[0], every[item[1]].id))
        order.append(tuple(i for _, i in scored))
    return order


def _cosine(a: tuple[float, ...], b: tuple[float, ...]) -> float | None:
    """The cosine similarity of two unit vectors; None when either is missing."""
    return sum(map(operator.mul, a, b)) if a and b else None


def nearest_by_work(catalog: Catalog, occupation_id: str, exclude: set[str], limit: int) -> list[tuple[Summary, str]]:
    """The ``limit`` profiles whose ratings are closest to the profile's (nearest_order), each with the reason in
    words."""
    onet = catalog.onet()
    position = onet.position(occupation_id) if onet is not None else None
    if onet is None or position is None:
        return []
    header = onet.header
    mine, mine_vectors = onet.traits_at(position), onet.vectors_at(position)
    # Shared tools are named only where they stood in for the ratings.
    tools = _technologies(onet.traits(), header.hot_technology) if not mine_vectors.ratings else {}
    rarity = _rarity(tools)
    mine_tools = tools.get(occupation_id, frozenset())
    names = (*header.skill_names, *header.knowledge_names)
    found = []
    for i in onet.nearest(position):  # read one by one: only the profiles shown
        other_id = header.ids[i]
        summary = catalog.summary(other_id) if other_id not in exclude else None
        if summary is None:
            continue
        other = onet.traits_at(i)
        reason = _shared(mine_vectors.ratings, onet.vectors_at(i).ratings, names, mine, other)
        shared_tools = sorted(mine_tools & tools.get(other_id, frozenset()), key=lambda t: (-rarity[t], t))
        if shared_tools:
            reason = f"uses {', '.join(shared_tools[:SHARED_SHOWN])} too; {reason}"
        found.append((summary, reason))
        if len(found) == limit:
            break
    return found


def _technologies(every: Sequence[Traits], hot: Sequence[str]) -> dict[str, frozenset[str]]:
    """Every profile's Hot Technology examples: the tools that say most about the work."""
    return {t.id: frozenset(hot[i] for i in t.hot) for t in every}


def _rarity(tools: dict[str, frozenset[str]]) -> dict[str, float]:
    """How much sharing each tool says: the fewer profiles use it, the more."""
    users = Counter(t for used in tools.values() for t in used)
    return {t: math.log(len(tools) / n) ** 2 for t, n in users.items()}


def _shared(a: tuple[float, ...], b: tuple[float, ...], names: tuple[str, ...], mine: Traits, other: Traits) -> str:
    """ "shares Programming, Systems Analysis; interests IC": what both ask more of than the average profile, and
    the interest letters both codes hold."""
    parts = []
    if a and b:
        both = sorted(((min(x, y), n) for x, y, n in zip(a, b, names, strict=True) if x > 0 and y > 0), reverse=True)
        if both:
            parts.append("shares " + ", ".join(dict.fromkeys(n for _, n in both[:SHARED_SHOWN])))
    letters = "".join(letter for letter in (mine.holland_code or "") if letter in (other.holland_code or ""))
    if letters:
        parts.append(f"interests {letters}")
    elif mine.interests and other.interests:
        parts.append(f"similar interests ({other.holland_code or 'no code'})")
    if mine.job_zone is not None and mine.job_zone == other.job_zone:
        parts.append(f"job zone {mine.job_zone}")
    return "; ".join(parts) or f"similar {RELEASE} ratings"


def related_by_onet(catalog: Catalog, occupation_id: str, limit: int) -> list[tuple[Summary, str]]:
    """O*NET's related occupations of the profile (closest first), each with what it shares."""
    onet = catalog.onet()
    block = onet.profile(occupation_id) if onet is not None else None
    if onet is None or block is None:
        return []
    position = onet.position(occupation_id)
    if position is None:
        return []
    mine, mine_vectors = onet.traits_at(position), onet.vectors_at(position)
    header = onet.header
    names = (*header.skill_names, *header.knowledge_names)
    found = []
    for other_id in block.related[:limit]:
        summary, other = catalog.summary(other_id), onet.position(other_id)
        if summary is None or other is None:
            continue
        shared = _shared(mine_vectors.ratings, onet.vectors_at(other).ratings, names, mine, onet.traits_at(other))
        found.append((summary, f"related in {RELEASE}; {shared}"))
    return found

"""Ways to discover profiles: the Handbook's top lists, the nearest neighbours of a profile, group totals."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from ooh_cli.core.orders import TopList
from ooh_cli.core.records import Group, Meta, Record, Summary
from ooh_cli.core.vocab import EDUCATION

if TYPE_CHECKING:
    from ooh_cli.core.catalog import Catalog
    from ooh_cli.core.model import Occupation

# How close two median pays must be (as a share of the larger) to count as similar pay.
CLOSE_PAY = 0.10
NEAR_PAY = 0.25


class Ranking(Record, frozen=True):
    title: str
    figure_key: str  # the Summary field that ranks the list
    largest_first: bool = True
    # The declining list keeps only falling figures.
    only_negative: bool = False


RANKINGS: dict[TopList, Ranking] = {
    "growth": Ranking("Fastest growing occupations", "growth_percent"),
    "new-jobs": Ranking("Occupations with the most new jobs", "change"),
    "pay": Ranking("Highest paying occupations", "median_pay"),
    "openings": Ranking("Most openings each year", "annual_openings"),
    "decline": Ranking("Fastest declining occupations", "growth_percent", largest_first=False, only_negative=True),
}


def top(ranking: Ranking, profiles: Iterable[Summary], limit: int) -> list[Summary]:
    """The first ``limit`` profiles by the ranking's figure; ties broken by title, missing figures left out."""
    scored = [
        (value, s)
        for s in profiles
        if (value := getattr(s, ranking.figure_key)) is not None and not (ranking.only_negative and value >= 0)
    ]
    scored.sort(key=lambda pair: (-pair[0] if ranking.largest_first else pair[0], pair[1].title.casefold()))
    return [o for _, o in scored[:limit]]


class Neighbour(Record, frozen=True):
    profile: Summary
    score: int
    reasons: list[str]


def nearest(catalog: Catalog, occ: Occupation, limit: int) -> list[Neighbour]:
    """Other profiles closest to ``occ`` by group, entry-level education and pay, each saying why."""
    listed = {occ.id, *occ.similar}
    found = []
    for other in catalog.summaries:
        if other.id in listed:
            continue
        score, reasons = 0, []
        if other.group == occ.group:
            score += 2
            reasons.append(f"same group ({catalog.meta.group_name(occ.group)})")
        education, other_education = occ.how_to_become.education, other.education
        steps = _education_steps(education, other_education)
        if education and other_education and steps is not None:
            if steps == 0:
                score += 2
                reasons.append(f"same education ({EDUCATION[education].label})")
            elif steps == 1:
                score += 1
                reasons.append(f"similar education ({EDUCATION[other_education].label})")
        gap = pay_gap(occ.pay.median_annual, other.median_pay)
        if gap is not None and gap <= NEAR_PAY:
            score += 2 if gap <= CLOSE_PAY else 1
            reasons.append(f"pay within {max(1, round(gap * 100))}%")
        if score >= 3:
            found.append(Neighbour(other, score, reasons))
    found.sort(key=lambda n: (-n.score, pay_gap(occ.pay.median_annual, n.profile.median_pay) or 1.0, n.profile.title))
    return found[:limit]


def _education_steps(first: str | None, second: str | None) -> int | None:
    """How many levels apart two entry-level educations are; None when either is unknown or varies."""
    ranks = (EDUCATION[first].rank if first else None, EDUCATION[second].rank if second else None)
    return None if ranks[0] is None or ranks[1] is None else abs(ranks[0] - ranks[1])


def pay_gap(a: float | None, b: float | None) -> float | None:
    if a is None or b is None or max(a, b) <= 0:
        return None
    return abs(a - b) / max(a, b)


def classify(meta: Meta, growth: float) -> str | None:
    """The edition's outlook category for a growth percent (BLS rounds half up, to whole percent, first)."""
    from decimal import ROUND_HALF_UP, Decimal  # imported here: only `ooh groups` classifies

    rounded = int(Decimal(repr(growth)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    for category, bounds in meta.outlook_thresholds.ranges():
        low = bounds.min if bounds.min is not None else float("-inf")
        high = bounds.max if bounds.max is not None else float("inf")
        if low <= rounded <= high:
            return category
    return None


class GroupSummary(Record, frozen=True):
    group: Group
    profiles: int
    jobs: int | None
    growth_percent: float | None
    category: str | None
    median_pay: float | None


def group_summaries(catalog: Catalog) -> list[GroupSummary]:
    import statistics  # imported here: it costs every other command's start-up a few milliseconds

    members: dict[str, list[Summary]] = {g.slug: [] for g in catalog.meta.groups}
    for s in catalog.summaries:
        members.setdefault(s.group, []).append(s)
    out = []
    for group in catalog.meta.groups:
        profiles = members[group.slug]
        jobs = [s.jobs for s in profiles if s.jobs is not None]
        weighted = [(s.jobs, s.growth_percent) for s in profiles if s.jobs and s.growth_percent is not None]
        weight = sum(j for j, _ in weighted)
        growth = round(sum(j * g for j, g in weighted) / weight, 1) if weight else None
        pays = [s.median_pay for s in profiles if s.median_pay is not None]
        out.append(
            GroupSummary(
                group,
                len(profiles),
                sum(jobs) if jobs else None,
                growth,
                classify(catalog.meta, growth) if growth is not None else None,
                statistics.median(pays) if pays else None,
            )
        )
    return out


class Related(Record, frozen=True):
    """A profile shown by `ooh similar`, and why."""

    profile: Summary
    # "onet": O*NET's related occupations; "work": nearest by O*NET's ratings; "nearest": by group,
    # education and pay, where there are no O*NET ratings.
    kind: Literal["self", "listed", "onet", "work", "nearest"]
    reason: str


def similar_profiles(catalog: Catalog, occ: Occupation, limit: int) -> list[Related]:
    """The profile itself, the Handbook's similar occupations, then O*NET's related occupations and the ``limit``
    nearest others by what the work asks (skills, knowledge, interests); without O*NET data, the nearest by
    group, education and pay."""
    from ooh_cli.core.match import nearest_by_work, related_by_onet

    # A score of profiles are shown: reading every summary at once costs less than finding each by its name.
    by_id = {s.id: s for s in catalog.summaries}
    listed = [by_id[other_id] for other_id in occ.similar if other_id in by_id]
    found = [
        Related(occ.key_figures(), "self", "this profile"),
        *(Related(o, "listed", "Handbook's list") for o in listed),
    ]
    seen = {r.profile.id for r in found}
    related = [(s, why) for s, why in related_by_onet(catalog, occ.id, limit) if s.id not in seen]
    found += [Related(s, "onet", why) for s, why in related]
    seen |= {s.id for s, _ in related}
    work = nearest_by_work(catalog, occ.id, seen, limit)
    if work:
        return found + [Related(s, "work", why) for s, why in work]
    return found + [Related(n.profile, "nearest", "; ".join(n.reasons)) for n in nearest(catalog, occ, limit)]

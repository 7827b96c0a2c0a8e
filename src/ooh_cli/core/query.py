"""Filtering and sorting profiles for `ooh list`, with option values checked against the vocabularies."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ooh_cli.core.errors import UsageError
from ooh_cli.core.names import fold
from ooh_cli.core.orders import SortKey
from ooh_cli.core.records import Group, Record, Summary
from ooh_cli.core.vocab import EDUCATION, EXPERIENCE, OUTLOOK, TRAINING, Vocabulary

if TYPE_CHECKING:
    from ooh_cli.core.catalog import Catalog


# The Summary field each figure sort orders by.
SORT_FIELDS: dict[SortKey, str] = {
    "pay": "median_pay",
    "growth": "growth_percent",
    "jobs": "jobs",
    "change": "change",
    "openings": "annual_openings",
}


_AMOUNT = re.compile(r"\$?\s*(\d[\d,]*(?:\.\d+)?|\.\d+)\s*([km]?)", re.IGNORECASE | re.ASCII)


def parse_amount(option: str, text: str | float | None) -> float | None:
    """Dollars as people write them: 60000, 60k, $60,000, 1.2m; a UsageError for anything else."""
    if text is None or isinstance(text, float):
        return text
    found = _AMOUNT.fullmatch(text.strip())
    if found is None or (
        "," in found.group(1) and not re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", found.group(1), re.ASCII)
    ):
        raise UsageError(f"{option}: expected an amount such as 60000, 60k or $60,000, not {text!r}")
    scale = {"": 1, "k": 1_000, "m": 1_000_000}[found.group(2).casefold()]
    return float(found.group(1).replace(",", "")) * scale


def find_group(catalog: Catalog, text: str) -> Group:
    """A group by its slug or name in any case, or by the start of its name or of one of its words ("health")."""
    key = fold(text)
    groups = catalog.meta.groups
    exact = [g for g in groups if key in (fold(g.slug), fold(g.name))]
    words = key.split("-")
    # Every word typed starts a word of the name: "health" is Healthcare, "social" Community and Social Service.
    started = [
        g for g in groups if key and all(any(part.startswith(w) for part in fold(g.name).split("-")) for w in words)
    ]
    found = exact or started
    if len(found) == 1:
        return found[0]
    listed = [f"{g.slug:<40}  {g.name}" for g in (found or groups)]
    problem = "could mean several groups" if found else "is not a group"
    raise UsageError(f"--group: {text!r} {problem}; choose one of these (`ooh groups` describes them):", listed)


class Filters(Record, frozen=True):
    outlook: tuple[str, ...] = ()
    min_outlook: str | None = None
    education: str | None = None
    max_education: str | None = None
    min_pay: float | None = None
    max_pay: float | None = None
    group: str | None = None
    training: str | None = None
    experience: str | None = None
    # O*NET's job zones (lowest, highest) and interest letters, and the profiles they accept (None: no filter).
    job_zones: tuple[int, int] | None = None
    interest: str | None = None
    onet_ids: frozenset[str] | None = None

    def accepts(self, s: Summary) -> bool:
        if self.onet_ids is not None and s.id not in self.onet_ids:
            return False
        if self.outlook and s.outlook not in self.outlook:
            return False
        if self.min_outlook and not _within(OUTLOOK, s.outlook, self.min_outlook):
            return False
        if self.education and s.education != self.education:
            return False
        if self.max_education and not _within(EDUCATION, s.education, self.max_education):
            return False
        pay = s.median_pay
        if self.min_pay is not None and (pay is None or pay < self.min_pay):
            return False
        if self.max_pay is not None and (pay is None or pay > self.max_pay):
            return False
        if self.group and s.group != self.group:
            return False
        if self.training and s.training != self.training:
            return False
        return not (self.experience and s.experience != self.experience)


def _within(vocabulary: Vocabulary, slug: str | None, bound: str) -> bool:
    """Whether ``slug`` ranks at or before ``bound`` (outlook: that fast or faster; education: that much or less)."""
    rank, limit = (None, None) if slug is None else (vocabulary[slug].rank, vocabulary[bound].rank)
    return rank is not None and limit is not None and rank <= limit


def make_filters(
    catalog: Catalog,
    *,
    outlook: list[str] | None = None,
    min_outlook: str | None = None,
    education: str | None = None,
    max_education: str | None = None,
    min_pay: str | float | None = None,
    max_pay: str | float | None = None,
    group: str | None = None,
    training: str | None = None,
    experience: str | None = None,
    job_zone: str | None = None,
    interest: str | None = None,
) -> Filters:
    """Check raw option values and turn them into filters."""
    min_pay, max_pay = parse_amount("--min-pay", min_pay), parse_amount("--max-pay", max_pay)
    for option, pay in (("--min-pay", min_pay), ("--max-pay", max_pay)):
        if pay is not None and not math.isfinite(pay):
            raise UsageError(f"{option}: give a number of dollars, not {pay}")
    if min_pay is not None and max_pay is not None and min_pay > max_pay:
        raise UsageError(f"--min-pay ({min_pay:,.0f}) is above --max-pay ({max_pay:,.0f}); nothing can match")
    if outlook and min_outlook:
        raise UsageError("--outlook and --min-outlook conflict; use one")
    if education and max_education:
        raise UsageError("--education and --max-education conflict; use one")
    return Filters(
        outlook=tuple(OUTLOOK.parse_all(outlook or [], "--outlook")),
        min_outlook=OUTLOOK.parse(min_outlook, "--min-outlook"),
        education=EDUCATION.parse(education, "--education"),
        max_education=EDUCATION.parse(max_education, "--max-education"),
        min_pay=min_pay,
        max_pay=max_pay,
        group=find_group(catalog, group).slug if group else None,
        training=TRAINING.parse(training, "--training"),
        experience=EXPERIENCE.parse(experience, "--experience"),
        **_onet_filters(catalog, job_zone, interest),
    )


def _onet_filters(catalog: Catalog, job_zone: str | None, interest: str | None) -> dict[str, Any]:
    """--job-zone and --interest, and the profiles they accept, from the O*NET data (imported only when asked)."""
    if job_zone is None and interest is None:
        return {}
    from ooh_cli.core.errors import DataError
    from ooh_cli.core.onet import RELEASE, parse_interest_code, parse_job_zones

    zones = parse_job_zones(job_zone) if job_zone is not None else None
    letters = parse_interest_code(interest, "--interest") if interest is not None else None
    onet = catalog.onet()
    if onet is None:
        raise DataError(f"--job-zone and --interest need {RELEASE} data; `ooh data import --onet DIR` adds it")
    return {"job_zones": zones, "interest": letters, "onet_ids": onet.matching_ids(zones, letters)}


def sort_profiles(profiles: Iterable[Summary], key: SortKey, reverse: bool = False) -> list[Summary]:
    """Titles A to Z; figures largest first. ``reverse`` flips the order; missing figures always go last.

    ``profiles`` come in title order, as a catalog keeps them.
    """
    by_title = list(profiles)
    if key == "title":
        return by_title[::-1] if reverse else by_title
    field_name = SORT_FIELDS[key]
    known = [s for s in by_title if getattr(s, field_name) is not None]
    missing = [s for s in by_title if getattr(s, field_name) is None]
    # list.sort() is stable, so equal figures stay in title order either way.
    known.sort(key=lambda s: getattr(s, field_name), reverse=not reverse)
    return known + missing


def select(
    catalog: Catalog, filters: Filters, sort: SortKey = "title", reverse: bool = False, limit: int | None = None
) -> tuple[list[Summary], int]:
    """The matching profiles in order (at most ``limit``) and how many matched in all."""
    if filters == Filters() and sort == "title" and limit is not None:
        # Everything matches and the catalog is in title order: read just the profiles shown.
        positions = range(len(catalog) - 1, -1, -1) if reverse else range(len(catalog))
        return [catalog.summary_at(p) for p in positions[:limit]], len(catalog)
    # With no filter, every profile matches: skip the test rather than run it on each of them.
    chosen = catalog.summaries if filters == Filters() else [s for s in catalog.summaries if filters.accepts(s)]
    matched = sort_profiles(chosen, sort, reverse)
    return (matched[:limit] if limit is not None else matched), len(matched)

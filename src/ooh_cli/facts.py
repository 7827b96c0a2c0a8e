"""The key figures of a profile as flat, named facts: one shape for `list`, `compare`, json and csv."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from ooh_cli.model import EDUCATION, EXPERIENCE, OUTLOOK, TRAINING, Meta, Occupation

NOT_AVAILABLE = "not available"

Value = str | int | float | None
Better = Literal["higher", "lower"] | None


@dataclass(frozen=True, slots=True)
class Fact:
    """One named figure of a profile. ``key`` is the field name in json and csv output."""

    key: str
    label: str
    get: Callable[[Occupation], Value]
    # Which way is better, for highlighting in `compare`; None for facts that are not ranked.
    better: Better = None
    kind: Literal["text", "money", "hourly", "count", "percent", "year"] = "text"
    # Machine formats carry slugs; people read labels ("associate" -> "Associate's degree").
    label_of: Callable[[str], str | None] | None = None


def facts(meta: Meta) -> list[Fact]:
    """Every flat fact, in display order. Each figure is followed by its year or period."""
    return [
        Fact("id", "ID", lambda o: o.id),
        Fact("title", "Title", lambda o: o.title),
        Fact("group", "Group", lambda o: o.group, label_of=meta.group_name),
        Fact("soc_codes", "SOC codes", lambda o: ", ".join(o.soc_codes) or None),
        Fact("median_pay", "Median pay", lambda o: o.pay.median_annual, "higher", "money"),
        Fact("median_hourly", "Median hourly pay", lambda o: o.pay.median_hourly, "higher", "hourly"),
        Fact("pay_year", "Pay year", lambda o: o.pay.year, kind="year"),
        Fact("education", "Entry-level education", lambda o: o.how_to_become.education, label_of=EDUCATION.label),
        Fact("experience", "Work experience", lambda o: o.how_to_become.experience, label_of=EXPERIENCE.label),
        Fact("training", "On-the-job training", lambda o: o.how_to_become.training, label_of=TRAINING.label),
        Fact("jobs", "Number of jobs", lambda o: o.employment.jobs, "higher", "count"),
        Fact("jobs_year", "Jobs year", lambda o: o.employment.year, kind="year"),
        Fact("growth_percent", "Job outlook", lambda o: o.outlook.growth_percent, "higher", "percent"),
        Fact("outlook", "Outlook category", lambda o: o.outlook.category, label_of=OUTLOOK.label),
        Fact("change", "Employment change", lambda o: o.outlook.change, "higher", "count"),
        Fact("annual_openings", "Openings each year", lambda o: o.outlook.annual_openings, "higher", "count"),
        Fact("period", "Projection period", lambda o: o.outlook.period),
    ]


def fact_row(occ: Occupation, fact_list: list[Fact]) -> dict[str, Value]:
    return {fact.key: fact.get(occ) for fact in fact_list}


def money(value: float | None, top_coded: bool = False) -> str:
    if value is None:
        return NOT_AVAILABLE
    text = f"${value:,.0f}" if value == int(value) else f"${value:,.2f}"
    return f"{text} or more" if top_coded else text


def hourly(value: float | None, top_coded: bool = False) -> str:
    if value is None:
        return NOT_AVAILABLE
    return f"${value:,.2f}" + (" or more" if top_coded else "")


def count(value: int | None) -> str:
    return NOT_AVAILABLE if value is None else f"{value:,}"


def signed_count(value: int | None) -> str:
    return NOT_AVAILABLE if value is None else f"{value:+,}"


def percent(value: float | None) -> str:
    if value is None:
        return NOT_AVAILABLE
    return f"{value:+g}%" if value else "0%"


def show_value(fact: Fact, occ: Occupation) -> str:
    """A fact as people read it: "$50,250", "194,800", "+7%", or "not available"."""
    value = fact.get(occ)
    if value is None:
        return NOT_AVAILABLE
    if fact.kind == "money":
        return money(float(value), occ.pay.top_coded)
    if fact.kind == "hourly":
        return hourly(float(value), occ.pay.top_coded)
    if fact.kind == "count":
        return signed_count(int(value)) if fact.key == "change" else count(int(value))
    if fact.kind == "percent":
        return percent(float(value))
    if fact.label_of is not None:
        return fact.label_of(str(value)) or str(value)
    return str(value)


def growth_with_category(occ: Occupation) -> str:
    """Growth for narrow columns: "+7% much faster", or whichever half is known."""
    outlook = occ.outlook
    if outlook.category is None:
        return percent(outlook.growth_percent)
    category = OUTLOOK[outlook.category].short_label
    return category if outlook.growth_percent is None else f"{percent(outlook.growth_percent)} {category}"

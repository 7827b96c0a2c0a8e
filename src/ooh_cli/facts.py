"""The key figures of a profile as named facts, and how people read them: "$50,250", "+7%", "not available"."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from ooh_cli.model import EDUCATION, EXPERIENCE, OUTLOOK, TRAINING, Meta, Summary
from ooh_cli.records import Record

NOT_AVAILABLE = "not available"

Value = str | int | float | None
Kind = Literal["text", "money", "hourly", "count", "change", "percent", "year", "codes"]


class Fact(Record):
    """One field of ``Summary`` with its label; ``key`` is the field name in json and csv output."""

    key: str
    label: str
    kind: Kind = "text"
    # Which way is better, for marking the best value in `compare`; None for facts that are not ranked.
    better: Literal["higher", "lower"] | None = None
    # Machine formats carry slugs; people read labels ("associate" -> "Associate's degree").
    label_of: Callable[[str], str | None] | None = None

    def get(self, summary: Summary) -> Value:
        value = getattr(summary, self.key)
        if self.kind == "codes":
            return ", ".join(value) or None
        return value  # type: ignore[no-any-return]


def facts(meta: Meta) -> list[Fact]:
    """Every fact, in display order; each figure is followed by its year or period."""
    return [
        Fact("id", "ID"),
        Fact("title", "Title"),
        Fact("group", "Group", label_of=meta.group_name),
        Fact("soc_codes", "SOC codes", "codes"),
        Fact("median_pay", "Median pay", "money", "higher"),
        Fact("median_hourly", "Median hourly pay", "hourly", "higher"),
        Fact("pay_year", "Pay year", "year"),
        Fact("education", "Entry-level education", label_of=EDUCATION.label),
        Fact("experience", "Work experience", label_of=EXPERIENCE.label),
        Fact("training", "On-the-job training", label_of=TRAINING.label),
        Fact("jobs", "Number of jobs", "count", "higher"),
        Fact("jobs_year", "Jobs year", "year"),
        Fact("growth_percent", "Job outlook", "percent", "higher"),
        Fact("outlook", "Outlook category", label_of=OUTLOOK.label),
        Fact("change", "Employment change", "change", "higher"),
        Fact("annual_openings", "Openings each year", "count", "higher"),
        Fact("period", "Projection period"),
    ]


def fact_row(summary: Summary, fact_list: list[Fact]) -> dict[str, Value]:
    """One profile as a flat json/csv record."""
    return {fact.key: fact.get(summary) for fact in fact_list}


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


def show_value(fact: Fact, summary: Summary) -> str:
    """A fact as people read it."""
    value = fact.get(summary)
    if value is None:
        return NOT_AVAILABLE
    if fact.kind == "money":
        return money(float(value), summary.top_coded)
    if fact.kind == "hourly":
        return hourly(float(value), summary.top_coded)
    if fact.kind == "count":
        return count(int(value))
    if fact.kind == "change":
        return signed_count(int(value))
    if fact.kind == "percent":
        return percent(float(value))
    if fact.label_of is not None:
        return fact.label_of(str(value)) or str(value)
    return str(value)


def growth_with_category(summary: Summary) -> str:
    """Growth for narrow columns: "+7% much faster", or whichever half is known."""
    if summary.outlook is None:
        return percent(summary.growth_percent)
    category = OUTLOOK[summary.outlook].short_label
    return category if summary.growth_percent is None else f"{percent(summary.growth_percent)} {category}"

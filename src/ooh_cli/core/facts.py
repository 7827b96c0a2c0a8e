"""The key figures of a profile as named facts: their keys in json and csv, labels, and which way is better."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from ooh_cli.core.records import Meta, Record, Summary
from ooh_cli.core.vocab import EDUCATION, EXPERIENCE, OUTLOOK, TRAINING

Value = str | int | float | list[str] | None
Kind = Literal["text", "money", "hourly", "count", "change", "percent", "year", "codes"]


class Fact(Record, frozen=True):
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
            return list(value)  # a list in json; csv and tables join it
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

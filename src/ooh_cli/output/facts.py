"""How people read the figures of a profile: "$50,250", "+7%", "not available"."""

from __future__ import annotations

from ooh_cli.core.facts import Fact
from ooh_cli.core.records import Summary
from ooh_cli.core.vocab import OUTLOOK

NOT_AVAILABLE = "not available"


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
    if value is None:
        return NOT_AVAILABLE
    return f"{value:+,}" if value else "0"  # no change has no sign, as in percent()


def percent(value: float | None) -> str:
    if value is None:
        return NOT_AVAILABLE
    return f"{value:+g}%" if value else "0%"


def show_value(fact: Fact, summary: Summary) -> str:
    """A fact as people read it."""
    value = fact.get(summary)
    if isinstance(value, list):
        return ", ".join(value) or NOT_AVAILABLE
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

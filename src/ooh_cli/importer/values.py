"""Reading figures as BLS writes them: "$50,250", "-2,300", "7%", periods with en dashes, float noise."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from ooh_cli.core.vocab import VARIES, Vocabulary

# En dash, em dash and minus sign all appear where a hyphen is meant.
_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2212": "-"})
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_PERIOD = re.compile(r"(\d{4})\s*-\s*(\d{2}(?:\d{2})?)")
SEE_HOW_TO_BECOME_ONE = "see how to become one"


def dehyphen(text: str) -> str:
    """``text`` with en dashes, em dashes and minus signs turned into ASCII hyphens."""
    return text.translate(_DASHES)


def parse_decimal(text: str) -> Decimal | None:
    """The number in a figure like "$1,234.50", "-2,300", "7%" or "(28%)"; None for "—" or anything else."""
    cleaned = dehyphen(text).strip().strip("()").replace(",", "").replace("$", "").replace("%", "").strip()
    if not _NUMBER.fullmatch(cleaned):
        return None
    return Decimal(cleaned)


def parse_int(text: str) -> int | None:
    value = parse_decimal(text)
    return None if value is None else round_half_up(value)


def round_half_up(value: Decimal) -> int:
    """The nearest whole number, halves away from zero (Python's round() sends halves to the even side)."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def round_decimal(value: Decimal, places: int) -> Decimal:
    """``value`` to ``places`` decimals, halves away from zero."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def spreadsheet_decimal(value: object) -> Decimal | None:
    """A workbook cell as a Decimal, None for "—", blanks and text.

    ``repr`` of a float is the shortest string that reads back as the same float, so noise such as
    4.0999999999999996 becomes 4.1 before any rounding happens.
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        return Decimal(repr(value))
    except InvalidOperation:  # nan, inf
        return None


def thousands_to_count(value: object) -> int | None:
    """A figure in thousands (e.g. 194.8) as a whole count (194800), rounded half away from zero."""
    number = spreadsheet_decimal(value)
    return None if number is None else round_half_up(number * 1000)


def plain_number(value: Decimal) -> int | float:
    """An int when the value is whole, else a float: YAML then shows 7 rather than 7.0."""
    return int(value) if value == value.to_integral_value() else float(value)


def projection_period(text: str) -> str | None:
    """The projection period in ``text`` as "2024-34"; BLS writes it with an en dash, sometimes as 2024-2034."""
    match = _PERIOD.search(dehyphen(text))
    if match is None:
        return None
    return f"{match.group(1)}-{match.group(2)[-2:]}"


def vocabulary_slug(vocabulary: Vocabulary, text: str | None) -> tuple[str | None, bool]:
    """The slug of a BLS label and whether the label was understood.

    Blank and "—" mean the figure is not given: (None, True). "See How to Become One" is ``varies``: the
    requirement differs from worker to worker, as the How to Become One tab tells.
    """
    label = (text or "").strip()
    if not label or label in {"-", "\u2014", "\u2013"}:
        return None, True
    if label.casefold() == SEE_HOW_TO_BECOME_ONE:
        return VARIES, True
    term = vocabulary.get(label)
    return (None, False) if term is None else (term.slug, True)

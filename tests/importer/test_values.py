from __future__ import annotations

from decimal import Decimal

import pytest

from ooh_cli.core.vocab import EDUCATION, TRAINING
from ooh_cli.importer.values import (
    parse_decimal,
    parse_int,
    plain_number,
    projection_period,
    thousands_to_count,
    vocabulary_slug,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$50,250", Decimal(50250)),
        ("  194,800 ", Decimal(194800)),
        ("-2,300", Decimal(-2300)),
        ("\u22122,300", Decimal(-2300)),  # minus sign
        ("\u20135%", Decimal(-5)),  # en dash
        ("28%", Decimal(28)),
        ("$24.16", Decimal("24.16")),
        ("\u2014", None),
        ("", None),
        ("n/a", None),
    ],
)
def test_parse_decimal(text: str, expected: Decimal | None) -> None:
    assert parse_decimal(text) == expected


def test_parse_int_rounds_half_away_from_zero() -> None:
    assert parse_int("2.5") == 3
    assert parse_int("-2.5") == -3


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (194.8, 194800),
        (4.0999999999999996, 4100),
        (12.299999999999999, 12300),
        (0.1 + 0.2, 300),
        (0.0125, 13),  # 12.5 jobs: half away from zero, where round() would give 12
        (-0.0125, -13),
        (-32.2, -32200),
        (5, 5000),
        ("\u2014", None),
        (None, None),
        (True, None),
    ],
)
def test_thousands_to_count(value: object, expected: int | None) -> None:
    assert thousands_to_count(value) == expected


def test_plain_number_keeps_whole_numbers_whole() -> None:
    assert plain_number(Decimal("7")) == 7
    assert isinstance(plain_number(Decimal("7.0")), int)
    assert plain_number(Decimal("24.16")) == 24.16


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Job Outlook, 2024\u201334", "2024-34"),
        ("Employment change, numeric, 2024\u20132034", "2024-34"),
        ("2024-34", "2024-34"),
        ("Number of Jobs, 2024", None),
    ],
)
def test_projection_period(text: str, expected: str | None) -> None:
    assert projection_period(text) == expected


def test_vocabulary_slug() -> None:
    assert vocabulary_slug(EDUCATION, "Associate's degree") == ("associate", True)
    assert vocabulary_slug(EDUCATION, "  See How to Become One ") == ("varies", True)
    assert vocabulary_slug(TRAINING, "\u2014") == (None, True)
    assert vocabulary_slug(EDUCATION, None) == (None, True)
    assert vocabulary_slug(EDUCATION, "Wizarding diploma") == (None, False)

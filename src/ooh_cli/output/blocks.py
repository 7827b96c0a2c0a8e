"""The blocks a profile's sections are made of, which every renderer can draw."""

from __future__ import annotations

import msgspec

from ooh_cli.core.records import Record


class Paragraph(Record, frozen=True):
    text: str


class Pairs(Record, frozen=True):
    """Label and value lines, like the Handbook's quick facts."""

    rows: list[tuple[str, str]]


class Bullets(Record, frozen=True):
    title: str
    items: list[str]


class Grid(Record, frozen=True):
    title: str
    headers: list[str]
    rows: list[list[str]]
    numeric: frozenset[int] = frozenset()  # columns of figures: aligned right, never wrapped


class Links(Record, frozen=True):
    """Named web addresses: an address is never broken across lines, and is a hyperlink in a terminal."""

    title: str
    links: list[tuple[str, str]]  # (name, url)


class Bars(Grid, frozen=True):
    """A grid whose rows each have a bar: a terminal draws it beside the row; text shows the figures alone."""

    fractions: list[float] = msgspec.field(default_factory=list)  # one per row, 0-1


Block = Paragraph | Pairs | Bullets | Grid | Links

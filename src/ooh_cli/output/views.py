"""View models of tables: what a listing or a comparison says, worked out once for every renderer.

Nothing here imports Rich: plain output and machine formats must not pay for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ooh_cli.core.facts import Fact, facts
from ooh_cli.core.records import Meta, Record, Summary
from ooh_cli.core.vocab import EDUCATION, EXPERIENCE, OUTLOOK, TRAINING
from ooh_cli.output.facts import NOT_AVAILABLE, count, growth_with_category, hourly, money, percent, show_value
from ooh_cli.output.layout import GAP, TITLE_ROOM, TITLE_WIDTH, WHOLE_WORDS_FROM, column_widths

if TYPE_CHECKING:
    from ooh_cli.core.discover import GroupSummary
    from ooh_cli.core.query import Filters

BAR_WIDTH = 10
COMFORTABLE_TEXT = 14
FIRST_COLUMN = 20
# Group names are short phrases ("Transportation and Material Moving"): at 80 columns they wrap so that
# every column of `ooh groups` stays.
GROUP_COLUMN = 17
COLUMN_GAP = 3
LIST_KEYS = ("title", "median_pay", "growth_percent", "jobs", "education")
NUMERIC_KEYS = {"median_pay", "median_hourly", "jobs", "change", "annual_openings"}
BEST_MARK = " *"
BEST_NOTE = "* best of the compared values."
# The field holding the reference year of each figure that has one.
YEAR_FIELDS = {
    "median_pay": "pay_year",
    "median_hourly": "pay_year",
    "jobs": "jobs_year",
    "growth_percent": "period",
    "change": "period",
    "annual_openings": "period",
}
BARRED_KEYS = ("median_pay", "growth_percent")
# The fact each order of `ooh list --sort` ranks by (core.query.SORT_FIELDS, as the facts name them).
SORTED_KEYS = {
    "pay": "median_pay",
    "growth": "growth_percent",
    "jobs": "jobs",
    "change": "change",
    "openings": "annual_openings",
}


def bar(value: float, largest: float, ascii_only: bool) -> str:
    """A small horizontal bar, ``value`` against ``largest``, in eighths of a cell."""
    if largest <= 0 or value <= 0:
        return ""
    eighths = round(BAR_WIDTH * 8 * min(value / largest, 1.0))
    if ascii_only:
        return "#" * max(1, eighths // 8)
    partial = ("", "\u258f", "\u258e", "\u258d", "\u258c", "\u258b", "\u258a", "\u2589")[eighths % 8]
    return "\u2588" * (eighths // 8) + partial


def comparison_cells(compared: Comparison) -> list[list[str]]:
    """The comparison's rows as text: label, then each value with its best mark and bar."""
    return [
        [line.label, *(c.text + (BEST_MARK if c.best else "") + (f"\n{c.bar}" if c.bar else "") for c in line.cells)]
        for line in compared.lines
    ]


def comparison_headers(compared: Comparison, room: int) -> tuple[list[tuple[str, str]], list[str]]:
    """The columns' headers, and a legend: the titles as headers when they fit side by side in whole
    words; else numbers, with a legend of (number, title) to print above the table."""
    headers = ["", *compared.titles]
    widths = column_widths(headers, comparison_cells(compared), set(), room, room < WHOLE_WORDS_FROM)
    if sum(widths) + len(GAP) * (len(widths) - 1) <= room:
        return [], headers
    numbers = [str(n) for n in range(1, len(compared.titles) + 1)]
    return list(zip(numbers, compared.titles, strict=True)), ["", *numbers]


def footer(shown: int, total: int, notes: Sequence[str] = ()) -> str:
    """'3 of 5 occupations shown', then what chose and ordered them."""
    noun = "occupation" if total == 1 else "occupations"
    counted = f"{total} {noun}" if shown == total else f"{shown} of {total} {noun} shown"
    return "; ".join([counted, *notes])


def filter_notes(filters: Filters, meta: Meta, sort: str = "title", reverse: bool = False) -> list[str]:
    """Every filter in force, and the order when it is not A to Z, in words for a footer."""
    notes = []
    if filters.group:
        notes.append(f"group: {meta.group_name(filters.group)}")
    if filters.outlook:
        notes.append("outlook: " + " or ".join(OUTLOOK[slug].label for slug in filters.outlook))
    if filters.min_outlook:
        notes.append(f"outlook: {OUTLOOK[filters.min_outlook].label} or better")
    if filters.education:
        notes.append(f"education: {EDUCATION[filters.education].label}")
    if filters.max_education:
        notes.append(f"education: {EDUCATION[filters.max_education].label} or less")
    low, high = filters.min_pay, filters.max_pay
    if low is not None or high is not None:
        bounds = [
            f"at least {money(low)}" if low is not None else "",
            f"at most {money(high)}" if high is not None else "",
        ]
        notes.append(f"median pay: {' and '.join(filter(None, bounds))}")
    if filters.training:
        notes.append(f"training: {TRAINING[filters.training].label}")
    if filters.experience:
        notes.append(f"experience: {EXPERIENCE[filters.experience].label}")
    if filters.job_zones:
        low_zone, high_zone = filters.job_zones
        notes.append(f"job zone {low_zone}" + (f"-{high_zone}" if high_zone != low_zone else ""))
    if filters.interest:
        notes.append(f"interests {filters.interest} in the Holland code")
    if sort != "title" or reverse:
        notes.append(f"sorted by {sort}" + (", reversed" if reverse else ""))
    return notes


# --- compare ----------------------------------------------------------------------------------------------


class Cell(Record, frozen=True):
    text: str
    best: bool = False
    bar: str = ""


class Line(Record, frozen=True):
    """One fact across the compared profiles."""

    label: str
    cells: list[Cell]
    differs: bool


class Comparison(Record, frozen=True):
    titles: list[str]
    lines: list[Line]
    notes: list[str]  # what to say under the table: the best mark, what is the same, differing years


def _with_year(fact: Fact, profiles: list[Summary]) -> str:
    """A row label with the reference year when every profile shares it (otherwise a note says)."""
    year_field = YEAR_FIELDS.get(fact.key)
    known = {getattr(p, year_field) for p in profiles} - {None} if year_field else set()
    return f"{fact.label}, {known.pop()}" if len(known) == 1 else fact.label


def comparison(meta: Meta, profiles: list[Summary], ascii_only: bool) -> Comparison:
    from ooh_cli.core.compare import compare_rows, year_notes  # only a comparison needs the rows of one

    lines = []
    for row in compare_rows(meta, profiles):
        largest = max((float(v) for v in row.values if isinstance(v, (int, float))), default=0.0)
        cells = []
        for i, (profile, value) in enumerate(zip(profiles, row.values, strict=True)):
            drawn = ""
            if row.fact.key in BARRED_KEYS and isinstance(value, (int, float)):
                drawn = bar(float(value), largest, ascii_only)
            cells.append(Cell(show_value(row.fact, profile), i in row.best, drawn))
        lines.append(Line(_with_year(row.fact, profiles), cells, row.differs))
    notes = [BEST_NOTE]
    same = [line.label for line in lines if not line.differs]
    if same:
        notes.append(f"Same for all: {', '.join(same)}.")
    notes += [f"Note: {note}" for note in year_notes(profiles)]
    return Comparison([p.title for p in profiles], lines, notes)


# --- lists of profiles -----------------------------------------------------------------------------------


def _header(fact: Fact, meta: Meta) -> str:
    return {
        "title": "Occupation",
        "median_pay": f"Median pay\n{meta.base_year}",
        "growth_percent": f"Outlook\n{meta.projection_period}",
        "jobs": f"Jobs\n{meta.base_year}",
        "change": f"Change\n{meta.projection_period}",
        "annual_openings": f"Openings a year\n{meta.projection_period}",
    }.get(fact.key, fact.label)


def _cell(fact: Fact, profile: Summary, meta: Meta) -> str:
    """A list cell, with its own year where it differs from the column's."""
    shown = growth_with_category(profile) if fact.key == "growth_percent" else show_value(fact, profile)
    if fact.key == "median_pay" and profile.median_pay is None and profile.median_hourly is not None:
        shown = f"{hourly(profile.median_hourly, profile.top_coded)}/hour"  # BLS publishes no annual figure
    year_field = YEAR_FIELDS.get(fact.key)
    if year_field is None:
        return shown
    year = getattr(profile, year_field)
    expected = meta.projection_period if year_field == "period" else meta.base_year
    return f"{shown} ({year})" if year is not None and str(year) != str(expected) else shown


class Listing(Record, frozen=True):
    """Rows of text ready for a table or Markdown, plus which columns hold figures."""

    headers: list[str]
    rows: list[list[str]]
    numeric: set[int]
    footer: str = ""
    # Columns never dropped to fit a narrow terminal; the others go from the right.
    pinned: frozenset[int] = frozenset({0})
    # The room the last column (an extra column of reasons) keeps before other columns are dropped; 0: none.
    extra_room: int = 0
    # The width the first column may wrap down to before other columns are dropped.
    first_column: int = FIRST_COLUMN

    def fitted(self, width: int) -> Listing:
        """Drop unpinned columns from the right until the rest fit ``width``."""
        keep = list(range(len(self.headers)))
        droppable = [i for i in keep if i not in self.pinned]
        least = {i: self.min_width(i) for i in keep}
        if self.extra_room:
            # The titles keep the room layout.column_widths gives them before it narrows the reasons.
            natural = max(
                len(line) for cell in [self.headers[0], *(r[0] for r in self.rows)] for line in cell.split("\n")
            )
            least[0] = min(natural, TITLE_ROOM, max(TITLE_WIDTH, width // 3))
        while droppable and sum(least[i] + COLUMN_GAP for i in keep) > width:
            keep.remove(droppable.pop())
        if len(keep) == len(self.headers):
            return self
        return Listing(
            [self.headers[i] for i in keep],
            [[row[i] for i in keep] for row in self.rows],
            {new for new, old in enumerate(keep) if old in self.numeric},
            self.footer,
            frozenset(new for new, old in enumerate(keep) if old in self.pinned),
            self.extra_room,
            self.first_column,
        )

    def min_width(self, column: int) -> int:
        """Figures never wrap; text wraps at spaces but reads badly much narrower than a short phrase."""
        cells = [*self.headers[column].split("\n"), *(row[column] for row in self.rows)]
        if self.extra_room and column == len(self.headers) - 1:
            return min(max(map(len, cells)), self.extra_room)
        if column in self.numeric:  # its header wraps down to its longest word (layout.column_widths)
            header_words = self.headers[column].split()
            return max(*map(len, cells[len(self.headers[column].split("\n")) :]), *map(len, header_words), 0)
        if column == 0:  # the occupation: readable titles matter more than a fifth column
            return min(max(map(len, cells)), self.first_column)
        longest_word = max(len(word) for cell in cells for word in cell.split() or [""])
        return min(TITLE_WIDTH, max(longest_word, min(max(map(len, cells)), COMFORTABLE_TEXT)))


def listing(
    meta: Meta,
    profiles: list[Summary],
    keys: Sequence[str] = LIST_KEYS,
    extra: tuple[str, list[str]] | None = None,
    footer: str = "",
    sort: str = "title",
    extra_room: int = 0,
) -> Listing:
    """The profiles as rows of the given facts, with an optional extra column (e.g. what matched); ``sort``
    says what orders them; ``extra_room``: the width the extra column keeps (Listing.extra_room)."""
    by_key = {fact.key: fact for fact in facts(meta)}
    columns = [by_key[key] for key in keys]
    headers = [_header(fact, meta) for fact in columns]
    rows = [[_cell(fact, profile, meta) for fact in columns] for profile in profiles]
    if extra is not None:
        headers.append(extra[0])
        for row, value in zip(rows, extra[1], strict=True):
            row.append(value)
    numeric = {i for i, key in enumerate(keys) if key in NUMERIC_KEYS}
    # The titles, the extra column, and the figure the rows are sorted by survive a narrow terminal.
    sorted_key = SORTED_KEYS.get(sort)
    pinned = frozenset(
        {0} | ({len(headers) - 1} if extra else set()) | ({keys.index(sorted_key)} if sorted_key in keys else set())
    )
    if "median_pay" in keys and any(p.median_pay is None and p.median_hourly is not None for p in profiles):
        note = "Pay marked /hour: BLS publishes only an hourly median" + (
            " (sorted by pay, after annual figures)." if sort == "pay" else "."
        )
        footer = f"{footer}. {note}" if footer else note
    return Listing(headers, rows, numeric, footer, pinned, extra_room)


def group_table(meta: Meta, summaries: list[GroupSummary]) -> Listing:
    """`ooh groups`: one row per occupational group."""
    return Listing(
        [
            "Group",
            "Profiles",
            f"Jobs\n{meta.base_year}",
            f"Growth\n{meta.projection_period}",
            f"Median pay\n{meta.base_year}",
        ],
        [
            [
                s.group.name,
                str(s.profiles),
                count(s.jobs),
                f"{percent(s.growth_percent)} {OUTLOOK[s.category].short_label}" if s.category else NOT_AVAILABLE,
                money(s.median_pay),
            ]
            for s in summaries
        ],
        numeric={1, 2, 4},
        footer="Growth is weighted by each profile's jobs; median pay is the median of the profiles' medians.",
        first_column=GROUP_COLUMN,
    )


def group_records(summaries: list[GroupSummary]) -> list[dict[str, object]]:
    """`ooh groups` for json and csv."""
    return [
        {
            "group": s.group.slug,
            "name": s.group.name,
            "profiles": s.profiles,
            "jobs": s.jobs,
            "growth_percent": s.growth_percent,
            "outlook": s.category,
            "median_pay": s.median_pay,
        }
        for s in summaries
    ]

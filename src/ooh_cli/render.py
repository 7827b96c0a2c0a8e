"""Text renderers: Rich for the terminal (plain when piped or NO_COLOR), Markdown for documents."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ooh_cli.catalog import Catalog
from ooh_cli.compare import Row, compare_rows, year_notes
from ooh_cli.facts import Fact, facts, growth_with_category, show_value
from ooh_cli.model import Occupation, Summary
from ooh_cli.profile import Block, Bullets, Pairs, Paragraph, Section

BAR_WIDTH = 10
TITLE_WIDTH = 18  # narrower and most titles break into one word per line
COMFORTABLE_TEXT = 14
COLUMN_GAP = 3


def make_console(stderr: bool = False) -> Console:
    # highlight=False: Rich would otherwise colour every number it sees, drowning the highlights we choose.
    return Console(stderr=stderr, highlight=False)


def bar(value: float, largest: float, ascii_only: bool) -> str:
    """A small horizontal bar, ``value`` against ``largest``, in eighths of a cell."""
    if largest <= 0 or value <= 0:
        return ""
    eighths = round(BAR_WIDTH * 8 * min(value / largest, 1.0))
    if ascii_only:
        return "#" * max(1, eighths // 8)
    partial = ("", "\u258f", "\u258e", "\u258d", "\u258c", "\u258b", "\u258a", "\u2589")[eighths % 8]
    return "\u2588" * (eighths // 8) + partial


# --- show -------------------------------------------------------------------------------------------------


def _block(block: Block) -> RenderableType:
    if isinstance(block, Paragraph):
        return Text(block.text)
    if isinstance(block, Pairs):
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", ratio=2)
        table.add_column(ratio=3)
        for label, value in block.rows:
            table.add_row(label, value)
        return table
    if isinstance(block, Bullets):
        # A grid, so that a long item wraps under its own text rather than under the dash.
        items = Table.grid(padding=(0, 1))
        items.add_column(width=3, justify="right")
        items.add_column()
        for item in block.items:
            items.add_row("-", item)
        return Group(Text(block.title, style="bold"), items) if block.title else items
    table = Table(title=block.title or None, title_justify="left", box=box.SIMPLE_HEAD, show_edge=False)
    for header in block.headers:
        table.add_column(header, overflow="fold")
    for row in block.rows:
        table.add_row(*row)
    return table


def render_profile(console: Console, occ: Occupation, catalog: Catalog, parts: list[Section]) -> None:
    group = catalog.meta.group_name(occ.group)
    codes = ", ".join(occ.soc_codes) or "no SOC code"
    console.print(Text(occ.title, style="bold"))
    console.print(Text(f"{group} | SOC {codes} | id {occ.id}", style="dim"))
    if occ.former_titles:
        console.print(Text(f"Formerly: {'; '.join(occ.former_titles)}", style="dim"))
    if occ.summary and (len(parts) > 1 or parts[0].slug == "summary"):
        console.print(Padding(Text(occ.summary), (1, 0)))
    for section in parts:
        body = Group(*(Padding(_block(b), (0, 0, 1, 0)) for b in section.blocks[:-1]), _block(section.blocks[-1]))
        console.print(Panel(body, title=section.title, title_align="left", box=box.ROUNDED, expand=True))


def markdown_profile(occ: Occupation, catalog: Catalog, parts: list[Section]) -> str:
    lines = [
        f"# {occ.title}",
        "",
        f"*{catalog.meta.group_name(occ.group)}; SOC {', '.join(occ.soc_codes) or 'none'}*",
        "",
    ]
    if occ.summary:
        lines += [occ.summary, ""]
    for section in parts:
        lines += [f"## {section.title}", ""]
        for block in section.blocks:
            lines += [*_markdown_block(block), ""]
    return "\n".join(lines).rstrip() + "\n"


def _md_cell(text: str) -> str:
    # Markdown table cells are one line.
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(map(_md_cell, headers)) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(map(_md_cell, row)) + " |" for row in rows]
    return lines


def _markdown_block(block: Block) -> list[str]:
    if isinstance(block, Paragraph):
        return [block.text]
    if isinstance(block, Pairs):
        return [f"- **{label}:** {value}" for label, value in block.rows]
    if isinstance(block, Bullets):
        head = [f"**{block.title}**", ""] if block.title else []
        return head + [f"- {item}" for item in block.items]
    head = [f"**{block.title}**", ""] if block.title else []
    return head + markdown_table(block.headers, block.rows)


# --- compare ----------------------------------------------------------------------------------------------


def _compare_cell(row: Row, index: int, profile: Summary, largest: float, ascii_only: bool) -> Text:
    shown = show_value(row.fact, profile)
    value = row.values[index]
    cell = Text(shown)
    if index in row.best:
        cell = Text(shown + " *", style="bold green")
    if row.fact.key in ("median_pay", "growth_percent") and isinstance(value, (int, float)):
        drawn = bar(float(value), largest, ascii_only)
        if drawn:
            cell.append("\n" + drawn, style="cyan")
    if not row.differs:
        cell.stylize("dim")
    return cell


def render_compare(console: Console, catalog: Catalog, profiles: list[Summary]) -> None:
    rows = compare_rows(catalog.meta, profiles)
    ascii_only = not console.encoding.lower().startswith("utf")
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("", style="bold", overflow="fold")
    for profile in profiles:
        table.add_column(profile.title, overflow="fold")
    for row in rows:
        numbers = [float(v) for v in row.values if isinstance(v, (int, float))]
        largest = max(numbers, default=0.0)
        label = _with_year(row.fact, profiles)
        table.add_row(label, *(_compare_cell(row, i, p, largest, ascii_only) for i, p in enumerate(profiles)))
    console.print(table)
    same = [row.fact.label for row in rows if not row.differs]
    console.print("* best of the compared values.", style="dim")
    if same:
        console.print(f"Same for all: {', '.join(same)}.", style="dim")
    for note in year_notes(profiles):
        console.print(Text(f"Note: {note}", style="yellow"))


# The field holding the reference year of each figure that has one.
YEAR_FIELDS = {
    "median_pay": "pay_year",
    "median_hourly": "pay_year",
    "jobs": "jobs_year",
    "growth_percent": "period",
    "change": "period",
    "annual_openings": "period",
}


def _with_year(fact: Fact, profiles: list[Summary]) -> str:
    """A row label with the reference year when every profile shares it (otherwise the notes say)."""
    year_field = YEAR_FIELDS.get(fact.key)
    known = {getattr(p, year_field) for p in profiles} - {None} if year_field else set()
    return f"{fact.label}, {known.pop()}" if len(known) == 1 else fact.label


def markdown_compare(catalog: Catalog, profiles: list[Summary]) -> str:
    rows = compare_rows(catalog.meta, profiles)
    body = []
    for row in rows:
        cells = []
        for i, profile in enumerate(profiles):
            shown = show_value(row.fact, profile)
            cells.append(f"**{shown}**" if i in row.best else shown)
        body.append([_with_year(row.fact, profiles), *cells])
    lines = markdown_table(["", *(p.title for p in profiles)], body)
    lines += ["", *(f"> {note}" for note in year_notes(profiles))]
    return "\n".join(lines).rstrip() + "\n"


# --- lists of profiles -----------------------------------------------------------------------------------


LIST_KEYS = ("title", "median_pay", "growth_percent", "jobs", "education")
NUMERIC_KEYS = {"median_pay", "median_hourly", "jobs", "change", "annual_openings"}


def _header(fact: Fact, catalog: Catalog) -> str:
    meta = catalog.meta
    return {
        "title": "Occupation",
        "median_pay": f"Median pay\n{meta.base_year}",
        "growth_percent": f"Outlook\n{meta.projection_period}",
        "jobs": f"Jobs\n{meta.base_year}",
        "change": f"Change\n{meta.projection_period}",
        "annual_openings": f"Openings a year\n{meta.projection_period}",
    }.get(fact.key, fact.label)


def _cell(fact: Fact, profile: Summary, catalog: Catalog) -> str:
    """A list cell, with its own year where it differs from the column's."""
    shown = growth_with_category(profile) if fact.key == "growth_percent" else show_value(fact, profile)
    year_field = YEAR_FIELDS.get(fact.key)
    if year_field is None:
        return shown
    year = getattr(profile, year_field)
    expected = catalog.meta.projection_period if year_field == "period" else catalog.meta.base_year
    return f"{shown} ({year})" if year is not None and str(year) != str(expected) else shown


class Listing(NamedTuple):
    """Rows of text ready for a table or Markdown, plus which columns hold figures."""

    headers: list[str]
    rows: list[list[str]]
    numeric: set[int]
    footer: str = ""
    # Columns never dropped to fit a narrow terminal; the others go from the right.
    pinned: frozenset[int] = frozenset({0})

    def fitted(self, width: int) -> Listing:
        """Drop unpinned columns from the right until the rest fit ``width``."""
        keep = list(range(len(self.headers)))
        droppable = [i for i in keep if i not in self.pinned]
        while droppable and sum(self._min_width(i) + COLUMN_GAP for i in keep) > width:
            keep.remove(droppable.pop())
        if len(keep) == len(self.headers):
            return self
        return Listing(
            [self.headers[i] for i in keep],
            [[row[i] for i in keep] for row in self.rows],
            {new for new, old in enumerate(keep) if old in self.numeric},
            self.footer,
            frozenset(new for new, old in enumerate(keep) if old in self.pinned),
        )

    def _min_width(self, column: int) -> int:
        """Figures never wrap; text wraps at spaces but reads badly much narrower than a short phrase."""
        cells = [*self.headers[column].split("\n"), *(row[column] for row in self.rows)]
        if column in self.numeric:
            return max(map(len, cells))
        longest_word = max(len(word) for cell in cells for word in cell.split() or [""])
        return min(TITLE_WIDTH, max(longest_word, min(max(map(len, cells)), COMFORTABLE_TEXT)))


def listing(
    catalog: Catalog,
    profiles: list[Summary],
    keys: Sequence[str] = LIST_KEYS,
    extra: tuple[str, list[str]] | None = None,
    footer: str = "",
) -> Listing:
    """The profiles as rows of the given facts, with an optional extra column (e.g. what matched)."""
    by_key = {fact.key: fact for fact in facts(catalog.meta)}
    columns = [by_key[key] for key in keys]
    headers = [_header(fact, catalog) for fact in columns]
    rows = [[_cell(fact, profile, catalog) for fact in columns] for profile in profiles]
    if extra is not None:
        headers.append(extra[0])
        for row, value in zip(rows, extra[1], strict=True):
            row.append(value)
    numeric = {i for i, key in enumerate(keys) if key in NUMERIC_KEYS}
    pinned = frozenset({0, len(headers) - 1} if extra else {0})
    return Listing(headers, rows, numeric, footer, pinned)


def render_listing(console: Console, table_data: Listing) -> None:
    table_data = table_data.fitted(console.width)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for i, header in enumerate(table_data.headers):
        numeric = i in table_data.numeric
        table.add_column(
            header,
            justify="right" if numeric else "left",
            no_wrap=numeric,
            overflow="fold",
            min_width=TITLE_WIDTH if i == 0 else None,
        )
    for row in table_data.rows:
        table.add_row(Text(row[0], style="bold"), *row[1:])
    console.print(table)
    if table_data.footer:
        console.print(table_data.footer, style="dim")


def markdown_listing(table_data: Listing) -> str:
    lines = markdown_table(table_data.headers, table_data.rows)
    if table_data.footer:
        lines += ["", table_data.footer]
    return "\n".join(lines) + "\n"


def footer(shown: int, total: int) -> str:
    noun = "occupation" if total == 1 else "occupations"
    return f"{total} {noun}" if shown == total else f"{shown} of {total} {noun} shown"

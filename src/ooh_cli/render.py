"""Text renderers: Rich for the terminal (plain when piped or NO_COLOR), Markdown for documents."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ooh_cli.catalog import Catalog
from ooh_cli.compare import Row, compare_rows, year_notes
from ooh_cli.facts import Fact, facts, show_value
from ooh_cli.model import OUTLOOK, Occupation
from ooh_cli.profile import Block, Bullets, Pairs, Paragraph, Section

BAR_WIDTH = 10


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
        lines = [Text(block.title, style="bold")] if block.title else []
        lines += [Text(f"  - {item}") for item in block.items]
        return Group(*lines)
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


def _compare_cell(row: Row, index: int, occ: Occupation, largest: float, ascii_only: bool) -> Text:
    shown = show_value(row.fact, occ)
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


def render_compare(console: Console, catalog: Catalog, occupations: list[Occupation]) -> None:
    rows = compare_rows(catalog.meta, occupations)
    ascii_only = not console.encoding.lower().startswith("utf")
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("", style="bold", overflow="fold")
    for occ in occupations:
        table.add_column(occ.title, overflow="fold")
    for row in rows:
        numbers = [float(v) for v in row.values if isinstance(v, (int, float))]
        largest = max(numbers, default=0.0)
        label = _with_year(row.fact, occupations)
        table.add_row(label, *(_compare_cell(row, i, o, largest, ascii_only) for i, o in enumerate(occupations)))
    console.print(table)
    same = [row.fact.label for row in rows if not row.differs]
    console.print("* best of the compared values.", style="dim")
    if same:
        console.print(f"Same for all: {', '.join(same)}.", style="dim")
    for note in year_notes(occupations):
        console.print(Text(f"Note: {note}", style="yellow"))


def _with_year(fact: Fact, occupations: list[Occupation]) -> str:
    """A row label with the reference year when every profile shares it (otherwise the notes say)."""
    years: dict[str, set[object]] = {
        "median_pay": {o.pay.year for o in occupations},
        "median_hourly": {o.pay.year for o in occupations},
        "jobs": {o.employment.year for o in occupations},
        "growth_percent": {o.outlook.period for o in occupations},
        "change": {o.outlook.period for o in occupations},
        "annual_openings": {o.outlook.period for o in occupations},
    }
    known = {y for y in years.get(fact.key, set()) if y is not None}
    return f"{fact.label}, {known.pop()}" if len(known) == 1 else fact.label


def markdown_compare(catalog: Catalog, occupations: list[Occupation]) -> str:
    rows = compare_rows(catalog.meta, occupations)
    body = []
    for row in rows:
        cells = []
        for i, occ in enumerate(occupations):
            shown = show_value(row.fact, occ)
            cells.append(f"**{shown}**" if i in row.best else shown)
        body.append([_with_year(row.fact, occupations), *cells])
    lines = markdown_table(["", *(o.title for o in occupations)], body)
    lines += ["", *(f"> {note}" for note in year_notes(occupations))]
    return "\n".join(lines).rstrip() + "\n"


# --- list -------------------------------------------------------------------------------------------------


LIST_KEYS = ("title", "median_pay", "growth_percent", "jobs", "education")


def list_columns(catalog: Catalog) -> list[Fact]:
    by_key = {fact.key: fact for fact in facts(catalog.meta)}
    return [by_key[key] for key in LIST_KEYS]


def _list_header(fact: Fact, catalog: Catalog) -> str:
    meta = catalog.meta
    return {
        "title": "Occupation",
        "median_pay": f"Median pay {meta.base_year}",
        "growth_percent": f"Outlook {meta.projection_period}",
        "jobs": f"Jobs {meta.base_year}",
    }.get(fact.key, fact.label)


def _list_cell(fact: Fact, occ: Occupation, catalog: Catalog) -> str:
    """A list cell, with its own year where it differs from the column's."""
    shown = show_value(fact, occ)
    if fact.key == "growth_percent" and occ.outlook.category:
        category = OUTLOOK[occ.outlook.category].short_label
        shown = f"{shown} {category}" if occ.outlook.growth_percent is not None else category
    year: object = {
        "median_pay": occ.pay.year,
        "jobs": occ.employment.year,
        "growth_percent": occ.outlook.period,
    }.get(fact.key)
    expected = {"median_pay": catalog.meta.base_year, "jobs": catalog.meta.base_year}.get(
        fact.key, catalog.meta.projection_period
    )
    if year is not None and str(year) != str(expected):
        shown += f" ({year})"
    return shown


def list_rows(catalog: Catalog, occupations: list[Occupation]) -> tuple[list[str], list[list[str]]]:
    columns = list_columns(catalog)
    headers = [_list_header(fact, catalog) for fact in columns]
    return headers, [[_list_cell(fact, occ, catalog) for fact in columns] for occ in occupations]


def render_list(console: Console, catalog: Catalog, occupations: list[Occupation], total: int) -> None:
    headers, rows = list_rows(catalog, occupations)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for i, header in enumerate(headers):
        numeric = i in (1, 3)
        table.add_column(header, justify="right" if numeric else "left", no_wrap=numeric, overflow="fold")
    for row in rows:
        table.add_row(Text(row[0], style="bold"), *row[1:])
    console.print(table)
    console.print(footer(len(occupations), total), style="dim")


def footer(shown: int, total: int) -> str:
    noun = "occupation" if total == 1 else "occupations"
    return f"{total} {noun}" if shown == total else f"{shown} of {total} {noun} shown"


def markdown_list(catalog: Catalog, occupations: list[Occupation], total: int) -> str:
    headers, rows = list_rows(catalog, occupations)
    lines = markdown_table(["ID", *headers], [[occ.id, *row] for occ, row in zip(occupations, rows, strict=True)])
    return "\n".join([*lines, "", footer(len(occupations), total)]) + "\n"

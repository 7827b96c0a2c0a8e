"""Rich output for a colour terminal: panels, tables, highlights and bars.

Rich draws on the raw stream (its escape codes must pass), so every view is cleaned of terminal controls first
(core/sanitize.py), and no text is read as Rich markup or emoji codes: a title such as "[red]x" shows as typed.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from rich import box
from rich.console import Console, Group, RenderableType
from rich.constrain import Constrain
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ooh_cli.core.sanitize import clean_all, is_web_address
from ooh_cli.output.blocks import Bars, Block, Bullets, Links, Pairs, Paragraph
from ooh_cli.output.env import Environment
from ooh_cli.output.layout import PROSE_WIDTH, WHOLE_WORDS_FROM, column_widths
from ooh_cli.output.profile import ProfileView
from ooh_cli.output.views import Comparison, Listing, bar, comparison_cells, comparison_headers

# A signed change ("+7%", "-2,200"), as growth and employment change are written.
GROWING, SHRINKING = re.compile(r"\+\d"), re.compile(r"-\d")
PANEL_FRAME = 4  # a section's border and padding, left and right


def tone(text: str) -> str:
    """The colour a value means: growth green, decline red, anything else none. The words say it too."""
    words = text.casefold()
    if "decline" in words or SHRINKING.match(text):
        return "red"
    if "faster" in words or GROWING.match(text):
        return "green"
    return ""


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # Rich would exit 1; the edge treats a reader that went away as no error, as git does.
        raise BrokenPipeError


def console(env: Environment) -> Console:
    # highlight=False: Rich would otherwise colour every number it sees, drowning the highlights we choose.
    return _Console(file=env.raw, highlight=False, markup=False, emoji=False)


def _add_columns(
    table: Table, headers: Sequence[str], rows: Sequence[Sequence[str]], numeric: Collection[int], room: int
) -> None:
    """Columns as wide as the plain renderer makes them (see column_widths), so that Rich wraps between words."""
    widths = column_widths(headers, rows, set(numeric), room, room < WHOLE_WORDS_FROM)
    for i, (header, width) in enumerate(zip(headers, widths, strict=True)):
        table.add_column(header, justify="right" if i in numeric else "left", overflow="fold", width=width)


def _block(block: Block, width: int) -> RenderableType:
    if isinstance(block, Paragraph):
        return Constrain(Text(block.text), PROSE_WIDTH)
    if isinstance(block, Pairs):
        pairs = Table.grid(padding=(0, 2))
        pairs.add_column(style="bold", ratio=2)
        pairs.add_column(ratio=3)
        for label, value in block.rows:
            pairs.add_row(label, Text(value, style=tone(value)))
        return pairs
    if isinstance(block, Bullets):
        # A grid, so that a long item wraps under its own text rather than under the dash.
        items = Table.grid(padding=(0, 1))
        items.add_column(width=3, justify="right")
        items.add_column()
        for item in block.items:
            items.add_row("-", item)
        bullets = Constrain(items, PROSE_WIDTH)
        return Group(Text(block.title, style="bold"), bullets) if block.title else bullets
    if isinstance(block, Links):
        # The address is an OSC 8 hyperlink: however the terminal folds it, a click opens all of it.
        links = [Text(name, style="bold") for name, _ in block.links]
        for (_, url), text in zip(block.links, links, strict=True):
            text.append("\n")
            text.append(url, style=f"link {url}" if is_web_address(url) else "")
        return Group(*links)
    grid = Table(title=block.title or None, title_justify="left", box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    _add_columns(grid, block.headers, block.rows, block.numeric, width - PANEL_FRAME)
    bars = block.fractions if isinstance(block, Bars) else []
    if bars:
        grid.add_column("", no_wrap=True, style="cyan")
    for i, row in enumerate(block.rows):
        grid.add_row(*row, *([bar(bars[i], 1.0, ascii_only=False)] if bars else []))
    return grid


def profile(view: ProfileView, env: Environment) -> None:
    view = clean_all(view)
    out = console(env)
    codes = f" | SOC {', '.join(view.soc_codes)}" if view.soc_codes else ""
    out.print(Text(view.title, style="bold"))
    out.print(Text(f"{view.group}{codes} | id {view.id}", style="dim"))
    if view.former_titles:
        out.print(Text(f"Formerly: {'; '.join(view.former_titles)}", style="dim"))
    if view.with_summary and view.summary:
        out.print(Padding(Constrain(Text(view.summary), PROSE_WIDTH), (1, 0)))
    width = out.width
    for section in view.sections:
        blocks = [_block(block, width) for block in section.blocks]
        # A section may have no blocks (a duties list without the duties section's paragraph, say).
        body = Group(*(Padding(block, (0, 0, 1, 0)) for block in blocks[:-1]), *blocks[-1:])
        out.print(Panel(body, title=section.title, title_align="left", box=box.ROUNDED, expand=True))


def comparison(compared: Comparison, env: Environment) -> None:
    compared = clean_all(compared)
    out = console(env)
    legend, headers = comparison_headers(compared, out.width)
    for number, title in legend:
        out.print(Text(f"{number}  ", style="bold").append(title))
    if legend:
        out.print()
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    _add_columns(table, headers, comparison_cells(compared), (), out.width)
    for line in compared.lines:
        cells = []
        for cell in line.cells:
            text = Text(cell.text, style=tone(cell.text))
            if cell.best:
                text.append(" *")
                text.stylize("bold")
            if cell.bar:
                text.append("\n" + cell.bar, style="cyan")
            if not line.differs:
                text.stylize("dim")
            cells.append(text)
        table.add_row(Text(line.label, style="bold"), *cells)
    out.print(table)
    for note in compared.notes:
        out.print(Text(note, style="yellow" if note.startswith("Note:") else "dim"))


def listing(table_data: Listing, env: Environment) -> None:
    table_data = clean_all(table_data)
    out = console(env)
    table_data = table_data.fitted(out.width)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    _add_columns(table, table_data.headers, table_data.rows, table_data.numeric, out.width)
    for row in table_data.rows:
        table.add_row(Text(row[0], style="bold"), *(Text(cell, style=tone(cell)) for cell in row[1:]))
    out.print(table)
    if table_data.footer:
        out.print(table_data.footer, style="dim")

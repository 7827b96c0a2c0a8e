"""Rich output for a colour terminal: panels, tables, highlights and bars."""

from __future__ import annotations

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ooh_cli.output.blocks import Bars, Block, Bullets, Pairs, Paragraph
from ooh_cli.output.env import Environment
from ooh_cli.output.profile import ProfileView
from ooh_cli.output.views import TITLE_WIDTH, Comparison, Listing, bar


def console(env: Environment) -> Console:
    # highlight=False: Rich would otherwise colour every number it sees, drowning the highlights we choose.
    return Console(file=env.stdout, highlight=False)


def _block(block: Block) -> RenderableType:
    if isinstance(block, Paragraph):
        return Text(block.text)
    if isinstance(block, Pairs):
        pairs = Table.grid(padding=(0, 2))
        pairs.add_column(style="bold", ratio=2)
        pairs.add_column(ratio=3)
        for label, value in block.rows:
            pairs.add_row(label, value)
        return pairs
    if isinstance(block, Bullets):
        # A grid, so that a long item wraps under its own text rather than under the dash.
        items = Table.grid(padding=(0, 1))
        items.add_column(width=3, justify="right")
        items.add_column()
        for item in block.items:
            items.add_row("-", item)
        return Group(Text(block.title, style="bold"), items) if block.title else items
    grid = Table(title=block.title or None, title_justify="left", box=box.SIMPLE_HEAD, show_edge=False)
    for i, header in enumerate(block.headers):
        numeric = i in block.numeric
        grid.add_column(header, justify="right" if numeric else "left", no_wrap=numeric, overflow="fold")
    bars = block.fractions if isinstance(block, Bars) else []
    if bars:
        grid.add_column("", no_wrap=True, style="cyan")
    for i, row in enumerate(block.rows):
        grid.add_row(*row, *([bar(bars[i], 1.0, ascii_only=False)] if bars else []))
    return grid


def profile(view: ProfileView, env: Environment) -> None:
    out = console(env)
    codes = f" | SOC {', '.join(view.soc_codes)}" if view.soc_codes else ""
    out.print(Text(view.title, style="bold"))
    out.print(Text(f"{view.group}{codes} | id {view.id}", style="dim"))
    if view.former_titles:
        out.print(Text(f"Formerly: {'; '.join(view.former_titles)}", style="dim"))
    if view.with_summary and view.summary:
        out.print(Padding(Text(view.summary), (1, 0)))
    for section in view.sections:
        body = Group(*(Padding(_block(b), (0, 0, 1, 0)) for b in section.blocks[:-1]), _block(section.blocks[-1]))
        out.print(Panel(body, title=section.title, title_align="left", box=box.ROUNDED, expand=True))


def comparison(compared: Comparison, env: Environment) -> None:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("", style="bold", overflow="fold")
    for title in compared.titles:
        table.add_column(title, overflow="fold")
    for line in compared.lines:
        cells = []
        for cell in line.cells:
            text = Text(cell.text + " *", style="bold green") if cell.best else Text(cell.text)
            if cell.bar:
                text.append("\n" + cell.bar, style="cyan")
            if not line.differs:
                text.stylize("dim")
            cells.append(text)
        table.add_row(line.label, *cells)
    out = console(env)
    out.print(table)
    for note in compared.notes:
        out.print(Text(note, style="yellow" if note.startswith("Note:") else "dim"))


def listing(table_data: Listing, env: Environment) -> None:
    out = console(env)
    table_data = table_data.fitted(out.width)
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
    out.print(table)
    if table_data.footer:
        out.print(table_data.footer, style="dim")

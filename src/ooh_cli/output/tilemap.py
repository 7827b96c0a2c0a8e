"""`ooh wages --map`: the states as a grid of square tiles, each shaded by a figure, with a legend.

Each tile is two lines, its postal code over its figure, so a pipe or NO_COLOR loses nothing; a colour
terminal also shades the tiles and adds a legend (Rich, imported only there).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ooh_cli.core.records import Record
from ooh_cli.output.env import Environment

# Data: the common square-tile layout of the states (Alaska top left, Maine top right, Hawaii and Texas at the
# bottom), with the territories OEWS covers placed by the coast nearest them. "." is an empty tile.
GRID = (
    "AK . . . . . . . . . ME",
    ". . . . . . . . . VT NH",
    "WA ID MT ND MN IL WI MI NY RI MA",
    "OR NV WY SD IA IN OH PA NJ CT .",
    "CA UT CO NE MO KY WV VA MD DE .",
    ". AZ NM KS AR TN NC SC DC . .",
    "GU . . OK LA MS AL GA . . .",
    "HI . . TX . . . . FL PR VI",
)
SHADES = 5
# Light to dark; the text on each stays readable.
PALETTE = (
    ("#000000", "#dceefb"),
    ("#000000", "#9ecae1"),
    ("#000000", "#6baed6"),
    ("#ffffff", "#3182bd"),
    ("#ffffff", "#08519c"),
)
MISSING_STYLE = ("#000000", "#bdbdbd")


class Tile(Record, frozen=True):
    postal: str
    text: str  # the figure, or "n/r" where none was published
    shade: int | None  # 0 (lowest) to SHADES - 1, None without a figure


class TileMap(Record, frozen=True):
    title: str
    rows: list[list[Tile | None]]
    legend: list[str]  # one range per shade, lowest first
    notes: list[str]


def tile_map(
    title: str, values: Mapping[str, float | None], short: Callable[[float], str], full: Callable[[float], str]
) -> TileMap:
    """The grid with each state's figure: ``short`` writes it in a tile, ``full`` in the legend."""
    known = sorted(v for v in values.values() if v is not None)
    # Shade ranges hold about as many states each: breaks at the quintiles of the figures.
    breaks = [known[len(known) * i // SHADES] for i in range(1, SHADES)] if known else []

    def shade(value: float) -> int:
        return sum(value >= b for b in breaks)

    rows = []
    for line in GRID:
        row: list[Tile | None] = []
        for postal in line.split():
            value = values.get(postal) if postal != "." else None
            if postal == ".":
                row.append(None)
            else:
                row.append(
                    Tile(postal, "n/r" if value is None else short(value), None if value is None else shade(value))
                )
        rows.append(row)
    legend = []
    if known:
        edges = [known[0], *breaks, known[-1]]
        for i in range(SHADES):
            low, high = edges[i], edges[i + 1]
            legend.append(f"{full(low)} to {full(high)}")
    notes = ["n/r: not released (BLS published no figure for that state)"] if None in values.values() else []
    return TileMap(title, rows, legend, notes)


def plain(view: TileMap, env: Environment) -> None:
    """The same grid as in a terminal, each tile its postal code over its figure."""
    width = _tile_width(view)
    lines = [view.title, ""]
    for row in view.rows:
        for field in ("postal", "text"):
            lines.append(" ".join(f" {getattr(t, field)}".ljust(width) if t else " " * width for t in row).rstrip())
    if view.notes:
        lines += ["", *view.notes]
    env.stdout.write("\n".join(lines) + "\n")


def _tile_width(view: TileMap) -> int:
    return max((len(t.text) for row in view.rows for t in row if t), default=4) + 1


def terminal(view: TileMap, env: Environment) -> None:
    """Tiles shaded by their figure, with the postal code and the figure; the legend gives each shade's range."""
    from rich.text import Text

    from ooh_cli.core.sanitize import clean_all
    from ooh_cli.output.terminal import console

    view = clean_all(view)  # Rich draws on the raw stream: see terminal.py
    out = console(env)
    out.print(Text(view.title, style="bold"))
    out.print()
    width = _tile_width(view)
    for row in view.rows:
        # Two lines a tile, near square in most terminal fonts: the postal code, then the figure.
        for field in ("postal", "text"):
            line = Text()
            for tile in row:
                if tile is None:
                    line.append(" " * (width + 1))
                    continue
                ink, paper = MISSING_STYLE if tile.shade is None else PALETTE[tile.shade]
                line.append(f" {getattr(tile, field)}".ljust(width), style=f"{ink} on {paper}")
                line.append(" ")
            out.print(line)
    out.print()
    for i, text in enumerate(view.legend):
        ink, paper = PALETTE[i]
        out.print(Text.assemble(("      ", f"{ink} on {paper}"), f" {text}"))
    if view.notes:
        ink, paper = MISSING_STYLE
        out.print(Text.assemble(("      ", f"{ink} on {paper}"), " n/r: not released"))

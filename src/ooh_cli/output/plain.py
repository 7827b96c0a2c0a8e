"""Plain-text output, for pipes, files, NO_COLOR and dumb terminals: the same content, no escape codes.

Written with the standard library only, so a piped lookup does not pay for importing Rich.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from ooh_cli.output.blocks import Block, Bullets, Pairs, Paragraph
from ooh_cli.output.env import Environment
from ooh_cli.output.profile import ProfileView
from ooh_cli.output.views import BEST_MARK, TITLE_WIDTH, Comparison, Listing

GAP = "   "
INDENT = "  "
NARROWEST = 4


def write(env: Environment, lines: Sequence[str]) -> None:
    env.stdout.write("".join(line.rstrip() + "\n" for line in lines))


def wrap(text: str, room: int, first: str = "", rest: str = "") -> list[str]:
    """``text`` in lines of at most ``room`` characters, keeping its own line breaks.

    The first line starts with ``first`` and the others with ``rest``, as bullets do.
    """
    room = max(room, 1)
    out: list[str] = []
    for paragraph in text.split("\n"):
        prefix = rest if out else first
        if len(prefix) + len(paragraph) <= room and "\t" not in paragraph:
            out.append((prefix + paragraph).rstrip())  # most cells fit as they are
        else:
            out += _fill(paragraph, room, prefix, rest)
    return out


def _fill(text: str, room: int, prefix: str, rest: str) -> list[str]:
    """Words in lines of at most ``room``, greedily; a word longer than a line is cut, never at a hyphen."""
    lines = textwrap.wrap(
        text, width=room, initial_indent=prefix, subsequent_indent=rest, break_on_hyphens=False, tabsize=1
    )
    return lines or [prefix.rstrip()]


def _column_widths(headers: Sequence[str], rows: Sequence[Sequence[str]], numeric: set[int], room: int) -> list[int]:
    """Each column as wide as its widest line, then the widest text columns narrowed until the table fits."""
    columns = range(len(headers))
    cells = [[headers[i], *(row[i] for row in rows)] for i in columns]
    natural = [max(len(line) for cell in cells[i] for line in cell.split("\n")) for i in columns]
    # Text may wrap down to its longest word, and a word longer than a title column is broken.
    least = [
        natural[i]
        if i in numeric
        else min(natural[i], TITLE_WIDTH, max(len(w) for c in cells[i] for w in [*c.split(), ""]))
        for i in columns
    ]
    widths = list(natural)
    # If whole words cannot fit, break them too, down to a few characters a column.
    for floor in (least, [w if i in numeric else min(w, NARROWEST) for i, w in enumerate(least)]):
        while sum(widths) + len(GAP) * (len(widths) - 1) > room:
            shrinkable = [i for i in columns if widths[i] > floor[i]]
            if not shrinkable:
                break
            widest = max(shrinkable, key=lambda i: widths[i])
            widths[widest] -= 1
    return widths


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], numeric: set[int], room: int) -> list[str]:
    """Aligned columns under a rule; text wraps inside its column, figures align right."""
    widths = _column_widths(headers, rows, numeric, room)

    def render(cells: Sequence[str], bottom: bool = False) -> list[str]:
        wrapped = [wrap(cell, widths[i]) for i, cell in enumerate(cells)]
        height = max(map(len, wrapped))
        lines = []
        for n in range(height):
            parts = []
            for i, cell_lines in enumerate(wrapped):
                # Headers sit on their last line, just above the rule, however many lines each takes.
                offset = height - len(cell_lines) if bottom else 0
                text = cell_lines[n - offset] if 0 <= n - offset < len(cell_lines) else ""
                parts.append(text.rjust(widths[i]) if i in numeric else text.ljust(widths[i]))
            lines.append(GAP.join(parts))
        return lines

    out = render(headers, bottom=True)
    out.append("-" * (sum(widths) + len(GAP) * (len(widths) - 1)))
    for row in rows:
        out += render(row)
    return out


def _block(block: Block, room: int) -> list[str]:
    if isinstance(block, Paragraph):
        return wrap(block.text, room)
    if isinstance(block, Pairs):
        label_width = min(max(len(label) for label, _ in block.rows), room * 3 // 5)
        out = []
        for label, value in block.rows:
            labels, values = wrap(label, label_width), wrap(value, room - label_width - 2)
            for n in range(max(len(labels), len(values))):
                left = labels[n] if n < len(labels) else ""
                right = values[n] if n < len(values) else ""
                out.append(f"{left.ljust(label_width)}  {right}")
        return out
    head = wrap(block.title, room) if block.title else []
    if isinstance(block, Bullets):
        return head + [line for item in block.items for line in wrap(item, room, "  - ", "    ")]
    return head + table(block.headers, block.rows, set(block.numeric), room)


def profile(view: ProfileView, env: Environment) -> None:
    room = env.width
    codes = f" | SOC {', '.join(view.soc_codes)}" if view.soc_codes else ""
    lines = [*wrap(view.title, room), *wrap(f"{view.group}{codes} | id {view.id}", room)]
    if view.former_titles:
        lines += wrap(f"Formerly: {'; '.join(view.former_titles)}", room)
    if view.with_summary and view.summary:
        lines += ["", *wrap(view.summary, room)]
    for section in view.sections:
        lines += ["", section.title.upper()]
        for i, block in enumerate(section.blocks):
            if i:
                lines.append("")
            lines += [INDENT + line for line in _block(block, room - len(INDENT))]
    write(env, lines)


def comparison(compared: Comparison, env: Environment) -> None:
    rows = [
        [
            line.label,
            *(
                cell.text + (BEST_MARK if cell.best else "") + (f"\n{cell.bar}" if cell.bar else "")
                for cell in line.cells
            ),
        ]
        for line in compared.lines
    ]
    room = env.width
    lines = table(["", *compared.titles], rows, set(), room)
    for note in compared.notes:
        lines += wrap(note, room)
    write(env, lines)


def listing(table_data: Listing, env: Environment) -> None:
    room = env.width
    fitted = table_data.fitted(room)
    lines = table(fitted.headers, fitted.rows, fitted.numeric, room)
    if fitted.footer:
        lines += wrap(fitted.footer, room)
    write(env, lines)

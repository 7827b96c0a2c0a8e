"""Plain-text output, for pipes, files, NO_COLOR and dumb terminals: the same content, no escape codes.

Written with the standard library only, so a piped lookup does not pay for importing Rich.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ooh_cli.output.blocks import Block, Bullets, Links, Pairs, Paragraph
from ooh_cli.output.env import Environment
from ooh_cli.output.layout import GAP, PROSE_WIDTH, WHOLE_WORDS_FROM, column_widths

if TYPE_CHECKING:
    from ooh_cli.output.profile import ProfileView
    from ooh_cli.output.views import Comparison, Listing

INDENT = "  "


def write(env: Environment, lines: Sequence[str]) -> None:
    env.stdout.write("".join(line.rstrip() + "\n" for line in lines))


def wrap(text: str, room: int, first: str = "", rest: str = "") -> list[str]:
    """``text`` in lines of at most ``room`` characters, keeping its own line breaks.

    The first line starts with ``first`` and the others with ``rest``, as bullets do. Only a word longer than
    ``room`` is cut (see _column_widths for when that can happen).
    """
    # A line keeps a character beside its indent however narrow the terminal: with none, textwrap never
    # returns from a paragraph that starts with a space.
    room = max(room, len(first) + 1, len(rest) + 1)
    out: list[str] = []
    for paragraph in text.split("\n"):
        prefix = rest if out else first
        if len(prefix) + len(paragraph) <= room and "\t" not in paragraph:
            out.append((prefix + paragraph).rstrip())  # most cells fit as they are
        else:
            out += _fill(paragraph, room, prefix, rest)
    return out


def _fill(text: str, room: int, prefix: str, rest: str) -> list[str]:
    """Words in lines of at most ``room``, greedily; a word longer than a line is cut, never at a hyphen.

    Most prose is printable words one space apart that each fit a line, laid out here as textwrap would; textwrap
    takes the rest (tabs, runs of spaces, words to cut), since for all of a profile it costs a millisecond more.
    """
    words = text.split(" ")
    if "" in words or not text.isprintable() or max(map(len, words)) > room - max(len(prefix), len(rest)):
        lines = textwrap.wrap(
            text, width=room, initial_indent=prefix, subsequent_indent=rest, break_on_hyphens=False, tabsize=1
        )
        return lines or [prefix.rstrip()]
    lines, line = [], prefix + words[0]
    for word in words[1:]:
        if len(line) + 1 + len(word) > room:
            lines.append(line)
            line = rest + word
        else:
            line += " " + word
    lines.append(line)
    return lines


def table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], numeric: set[int], room: int, break_words: bool
) -> list[str]:
    """Aligned columns under a rule; text wraps inside its column, figures align right."""
    widths = column_widths(headers, rows, numeric, room, break_words)

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


def _block(block: Block, room: int, break_words: bool) -> list[str]:
    if isinstance(block, Paragraph):
        return wrap(block.text, min(room, PROSE_WIDTH))
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
        return head + [line for item in block.items for line in wrap(item, min(room, PROSE_WIDTH), "  - ", "    ")]
    if isinstance(block, Links):
        return head + _links(block.links, room)
    return head + table(block.headers, block.rows, set(block.numeric), room, break_words)


def _links(links: Sequence[tuple[str, str]], room: int) -> list[str]:
    """Names and addresses side by side where all fit; else each address on its own line, never broken."""
    name_width = max(len(name) for name, _ in links)
    if all(name_width + len(GAP) + len(url) <= room for _, url in links):
        return [f"{name.ljust(name_width)}{GAP}{url}" for name, url in links]
    return [line for name, url in links for line in (*wrap(name, room), f"{INDENT}{url}")]


def profile(view: ProfileView, env: Environment) -> None:
    room = env.width
    codes = f" | SOC {', '.join(view.soc_codes)}" if view.soc_codes else ""
    lines = [*wrap(view.title, room), *wrap(f"{view.group}{codes} | id {view.id}", room)]
    if view.former_titles:
        lines += wrap(f"Formerly: {'; '.join(view.former_titles)}", room)
    if view.with_summary and view.summary:
        lines += ["", *wrap(view.summary, min(room, PROSE_WIDTH))]
    for section in view.sections:
        lines += ["", section.title.upper()]
        for i, block in enumerate(section.blocks):
            if i:
                lines.append("")
            lines += [INDENT + line for line in _block(block, room - len(INDENT), room < WHOLE_WORDS_FROM)]
    write(env, lines)


def comparison(compared: Comparison, env: Environment) -> None:
    from ooh_cli.output.views import comparison_cells, comparison_headers

    room = env.width
    legend, headers = comparison_headers(compared, room)
    lines = [line for number, title in legend for line in wrap(title, room, f"{number}  ", "   ")]
    lines += [""] if legend else []
    lines += table(headers, comparison_cells(compared), set(), room, room < WHOLE_WORDS_FROM)
    for note in compared.notes:
        lines += wrap(note, room)
    write(env, lines)


def listing(table_data: Listing, env: Environment) -> None:
    room = env.width
    fitted = table_data.fitted(room)
    lines = table(fitted.headers, fitted.rows, fitted.numeric, room, room < WHOLE_WORDS_FROM)
    if fitted.footer:
        lines += wrap(fitted.footer, room)
    write(env, lines)

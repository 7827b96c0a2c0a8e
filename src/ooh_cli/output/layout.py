"""Table and prose widths, shared by the plain and the Rich renderers so that both lay out a table alike.

Plain arithmetic on strings: importing it costs a lookup nothing it does not use.
"""

from __future__ import annotations

from collections.abc import Sequence

# Prose stops here however wide the terminal: longer lines are hard to read.
PROSE_WIDTH = 100
# From this terminal width up, no word is broken: a column is at least as wide as its longest word.
WHOLE_WORDS_FROM = 60
GAP = "   "  # between table columns
NARROWEST = 4  # a text column on a narrow terminal, words broken
TITLE_ROOM = 30  # a title column keeps this much while other text columns can give room
TITLE_WIDTH = 18  # narrower and most titles break into one word per line


def column_widths(
    headers: Sequence[str], rows: Sequence[Sequence[str]], numeric: set[int], room: int, break_words: bool
) -> list[int]:
    """Each column as wide as its widest line, then narrowed until the table fits: first the headers of
    figure columns (they wrap down to the widest figure), then text columns, widest first, down to their
    longest word, except that the first column, which holds the titles, keeps TITLE_ROOM (a third of a narrow
    table) until no other can give more.

    Words are broken only when ``break_words`` (a terminal narrower than WHOLE_WORDS_FROM); else a table
    that cannot fit with whole words runs past the edge rather than cut one.
    """
    columns = range(len(headers))
    cells = [[headers[i], *(row[i] for row in rows)] for i in columns]
    natural = [max(len(line) for cell in cells[i] for line in cell.split("\n")) for i in columns]
    longest_word = [max(len(w) for c in cells[i] for w in [*c.split(), ""]) for i in columns]
    figures = [max([len(line) for cell in cells[i][1:] for line in cell.split("\n")] or [0]) for i in columns]
    widths = list(natural)
    whole_words = [natural[i] if i in numeric else min(natural[i], longest_word[i]) for i in columns]
    title_room = min(natural[0], TITLE_ROOM, max(TITLE_WIDTH, room // 3))
    titles_first = [max(w, title_room) if i == 0 else w for i, w in enumerate(whole_words)]
    text = set(columns) - numeric
    steps = [
        (numeric, [max(figures[i], longest_word[i]) if i in numeric else natural[i] for i in columns]),
        (text, titles_first),
        (text, whole_words),
    ]
    if break_words:  # down to a few characters a column
        steps.append((set(columns) - numeric, [natural[i] if i in numeric else NARROWEST for i in columns]))
    for which, floor in steps:
        while sum(widths) + len(GAP) * (len(widths) - 1) > room:
            shrinkable = [i for i in which if widths[i] > floor[i]]
            if not shrinkable:
                break
            widths[max(shrinkable, key=lambda i: widths[i])] -= 1
    return widths

"""Markdown output: profiles, comparisons and lists as documents to paste anywhere."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ooh_cli.core.sanitize import clean_all, is_web_address
from ooh_cli.output.blocks import Block, Bullets, Links, Pairs, Paragraph
from ooh_cli.output.profile import ProfileView
from ooh_cli.output.views import Comparison, Listing

# What would make text a link, an image or HTML: data is shown as written, never as markup of its own.
MARKUP = re.compile(r"([\\\[\]<>])")


def _literal(text: str) -> str:
    return MARKUP.sub(r"\\\1", text)


def _cell(text: str) -> str:
    # Markdown table cells are one line.
    return text.replace("|", "\\|").replace("\n", " ")


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(map(_cell, headers)) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(map(_cell, row)) + " |" for row in rows]
    return lines


def _block(block: Block) -> list[str]:
    if isinstance(block, Paragraph):
        return [block.text]
    if isinstance(block, Pairs):
        return [f"- **{label}:** {value}" for label, value in block.rows]
    head = [f"**{block.title}**", ""] if block.title else []
    if isinstance(block, Bullets):
        return head + [f"- {item}" for item in block.items]
    if isinstance(block, Links):
        return head + [f"- {name}: <{url}>" if is_web_address(url) else f"- {name}: {url}" for name, url in block.links]
    return head + table(block.headers, block.rows)


def profile(view: ProfileView) -> str:
    view = clean_all(view, _literal)
    codes = ", ".join(view.soc_codes) or "none"
    lines = [f"# {view.title}", "", f"*{view.group}; SOC {codes}*", ""]
    if view.summary:
        lines += [view.summary, ""]
    for section in view.sections:
        lines += [f"## {section.title}", ""]
        for block in section.blocks:
            lines += [*_block(block), ""]
    return "\n".join(lines).rstrip() + "\n"


def comparison(compared: Comparison) -> str:
    compared = clean_all(compared, _literal)
    body = [[line.label, *(f"**{c.text}**" if c.best else c.text for c in line.cells)] for line in compared.lines]
    lines = table(["", *compared.titles], body)
    notes = [note.removeprefix("Note: ") for note in compared.notes if note.startswith("Note: ")]
    lines += ["", *(f"> {note}" for note in notes)]
    return "\n".join(lines).rstrip() + "\n"


def listing(table_data: Listing) -> str:
    table_data = clean_all(table_data, _literal)
    lines = table(table_data.headers, table_data.rows)
    if table_data.footer:
        lines += ["", table_data.footer]
    return "\n".join(lines) + "\n"

"""Reading saved BLS pages as HTML: the document tree, the visible text of an element, and names in it.

Pages are parsed by selectolax's lexbor backend, which builds the tree as browsers do: elements left open end
where HTML says they end, and stray end tags are dropped (or, like ``</p>``, become empty elements).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ooh_cli.core.names import slug
from ooh_cli.importer.errors import SourceError

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser, LexborNode

EMPHASIS = frozenset({"strong", "em", "b", "i"})
# Content of these is never shown as text.
_UNSHOWN = frozenset({"script", "style"})
# Last words of a credential's name ("Commercial pilot certificate", "Instrument rating").
CREDENTIAL_WORDS = frozenset(
    {
        *("certificate", "certification", "license", "licence", "rating", "registration", "credential"),
        *("certificates", "certifications", "licenses", "licences", "ratings", "registrations", "credentials"),
        *("endorsement", "endorsements"),
    }
)
# A lead-in or list item longer than this is a sentence, not a name.
MAX_NAME_WORDS = 8


def read_page(path: Path, expected: str) -> str:
    """The text of a saved BLS page; a SourceError naming the file when it cannot be read as one."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise SourceError(path, f"not a UTF-8 text file; expected {expected}") from None
    except OSError as error:
        raise SourceError(path, f"cannot read: {error.strerror or error}") from None


def parse_html(text: str, path: Path) -> LexborHTMLParser:
    """The document tree of a page, built as browsers build it (implied ends, stray end tags and all)."""
    try:
        from selectolax.lexbor import LexborHTMLParser  # imported here so that a missing extra is reported
    except ImportError:
        raise SourceError(path, "reading the saved pages needs selectolax: pip install 'ooh-cli[import]'") from None
    return LexborHTMLParser(text)


def text_of(node: LexborNode) -> str:
    """The visible text of ``node``, whitespace (including no-break spaces) collapsed to single spaces.

    A line break counts as a space. Scripts, styles and elements of class ``invisible`` (BLS's placeholder
    "empty heading") are left out.
    """
    return collapse("".join(text for text, _ in runs(node)))


def collapse(text: str) -> str:
    # str.split() also splits on U+00A0 (&nbsp;), which BLS uses liberally.
    return " ".join(text.split())


def attr(node: LexborNode, name: str) -> str:
    """An attribute's value; empty when the attribute is missing or has no value."""
    return node.attributes.get(name) or ""


def runs(node: LexborNode, emphasized: bool = False) -> Iterator[tuple[str, bool]]:
    """The visible text of ``node`` as (text, is it bold or italic) runs, in order."""
    for child in node.iter(include_text=True):
        # Nodes other than elements are named "-text", "-comment" and so on (is_text_node came only in 0.4.4).
        tag = child.tag or "-"
        if tag == "-text":
            yield child.text_content or "", emphasized
        elif tag == "br":
            yield " ", emphasized
        elif not tag.startswith("-") and tag not in _UNSHOWN and "invisible" not in attr(child, "class").split():
            yield from runs(child, emphasized or tag in EMPHASIS)


def lead_in(element: LexborNode) -> str | None:
    """The bold or italic name a paragraph starts with ("Analytical skills." -> "Analytical skills")."""
    lead: list[str] = []
    for text, emphasized in runs(element):
        if not emphasized and text.strip():
            break
        lead.append(text)
    name = re.split(r"[.:](?:\s|$)", collapse("".join(lead)), maxsplit=1)[0].strip()
    return name if is_name(name) else None


def credential_name(element: LexborNode) -> str | None:
    """A list item or sub-heading that names a credential, e.g. "Private pilot certificate"."""
    if element.tag == "h4":
        name = text_of(element).rstrip(".:")
        return name if is_name(name) else None
    name = text_of(element).rstrip(".;")
    bare = re.sub(r"\s*\([^)]*\)$", "", name)
    words = bare.split()
    if not words or words[-1].casefold().strip(",") not in CREDENTIAL_WORDS:
        return None
    return name if is_name(name) else None


def is_name(text: str) -> bool:
    return bool(text) and len(text.split()) <= MAX_NAME_WORDS and text[-1] not in ".,;!?"


def dedupe(names: list[str]) -> tuple[str, ...]:
    """First spelling of each name; case, punctuation and a parenthesized abbreviation do not count."""
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(slug(re.sub(r"\([^)]*\)", "", name)), name)
    return tuple(seen.values())

"""A small element tree built with the standard library's HTML tokenizer.

The BLS pages are served HTML, not XHTML: some elements close implicitly and stray end tags occur. The builder
applies the few implied-end rules those pages need, which is enough to navigate them by id, class and nesting.
"""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from ooh_cli.importer.errors import SourceError

VOID_TAGS = frozenset(
    ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr")
)
# Content of these is never shown as text.
RAW_TAGS = frozenset({"script", "style"})
# Opening one of these closes a <p> that is still open (HTML's implied end of a paragraph).
BLOCK_TAGS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "fieldset"),
        *("figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr"),
        *("li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "ul"),
    }
)
# Opening the key closes an open element of these tags when it is the innermost one.
IMPLIED_END = {
    "li": frozenset({"li"}),
    "dt": frozenset({"dt", "dd"}),
    "dd": frozenset({"dt", "dd"}),
    "tr": frozenset({"tr", "td", "th"}),
    "td": frozenset({"td", "th"}),
    "th": frozenset({"td", "th"}),
}


class Element:
    """One element: its tag, attributes and children (elements and text, in document order)."""

    __slots__ = ("attrs", "children", "tag")

    def __init__(self, tag: str, attrs: dict[str, str]) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[Element | str] = []

    @property
    def id(self) -> str | None:
        return self.attrs.get("id")

    def has_class(self, name: str) -> bool:
        return name in self.attrs.get("class", "").split()

    def iter(self, *tags: str) -> Iterator[Element]:
        """Descendants in document order, optionally only those with one of ``tags``."""
        stack: list[Element] = [self]
        while stack:
            element = stack.pop()
            for child in reversed(element.children):
                if isinstance(child, Element):
                    stack.append(child)
            if element is not self and (not tags or element.tag in tags):
                yield element

    def find(self, *tags: str, cls: str | None = None) -> Element | None:
        return next(self.find_all(*tags, cls=cls), None)

    def find_all(self, *tags: str, cls: str | None = None) -> Iterator[Element]:
        for element in self.iter(*tags):
            if cls is None or element.has_class(cls):
                yield element

    def text(self) -> str:
        """The visible text, whitespace (including no-break spaces) collapsed to single spaces.

        A line break counts as a space. Scripts, styles and elements of class ``invisible`` (BLS's placeholder
        "empty heading") are left out.
        """
        parts: list[str] = []
        self._collect(parts)
        return collapse("".join(parts))

    def _collect(self, parts: list[str]) -> None:
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag == "br":
                parts.append(" ")
            elif child.tag not in RAW_TAGS and not child.has_class("invisible"):
                child._collect(parts)


def collapse(text: str) -> str:
    # str.split() also splits on U+00A0 (&nbsp;), which BLS uses liberally.
    return " ".join(text.split())


class Document:
    """A parsed page: the element tree and an index of its ids (the first element wins, as in browsers)."""

    def __init__(self, root: Element, ids: dict[str, Element]) -> None:
        self.root = root
        self._ids = ids

    def by_id(self, element_id: str) -> Element | None:
        return self._ids.get(element_id)


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.ids: dict[str, Element] = {}
        self._stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._open(tag, attrs, void=tag in VOID_TAGS)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._open(tag, attrs, void=True)

    def _open(self, tag: str, attrs: list[tuple[str, str | None]], void: bool) -> None:
        stack = self._stack
        if tag in BLOCK_TAGS and stack[-1].tag == "p":
            stack.pop()
        closes = IMPLIED_END.get(tag)
        while closes is not None and len(stack) > 1 and stack[-1].tag in closes:
            stack.pop()
        element = Element(tag, {name: value or "" for name, value in attrs})
        stack[-1].children.append(element)
        if element.id:
            self.ids.setdefault(element.id, element)
        if not void:
            stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        stack = self._stack
        for depth in range(len(stack) - 1, 0, -1):
            if stack[depth].tag == tag:
                del stack[depth:]
                return
        # An end tag with no open element is ignored, as browsers do.

    def handle_data(self, data: str) -> None:
        self._stack[-1].children.append(data)


def parse_html(text: str) -> Document:
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return Document(builder.root, builder.ids)


def read_page(path: Path, expected: str) -> str:
    """The text of a saved BLS page; a SourceError naming the file when it cannot be read as one."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise SourceError(path, f"not a UTF-8 text file; expected {expected}") from None
    except OSError as error:
        raise SourceError(path, f"cannot read: {error.strerror or error}") from None

"""The characters that must never reach a terminal raw, and the one function that makes text safe to show.

Data files, the sources the importer reads and what users type may hold control characters: ESC starts the
sequences that recolour, move the cursor, retitle the window, write the clipboard (OSC 52) or make links
(OSC 8); BEL, BS and CR overwrite what was shown; C1 controls (U+0080-U+009F) are the same sequences in one
character to many terminals; bidi overrides and isolates make text read otherwise than it is stored (the
"Trojan Source" trick). Every renderer writes through `clean` (the output environment applies it to stdout and
stderr, and the Rich renderer to every string of its views); json and yaml escape them instead, and the
validator refuses them in a data file (`first_unsafe`).

The rules (docs/safety.md says them for users):
- C0 controls other than tab and newline, DEL, and C1 controls are shown as a visible stand-in: the
  Unicode control picture (``␛`` for ESC, ``␍`` for CR, ``␡`` for DEL) or, for C1, U+FFFD.
- Bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) are removed.
- Links are made only of ``http://`` and ``https://`` addresses (`is_web_address`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import TypeVar, cast

import msgspec

# Tables for str.translate rather than regular expressions: compiling three patterns over these ranges cost
# every lookup about 9M instructions at start-up (3% of a run), and translating is as quick.
CONTROL_PICTURES = 0x2400  # U+2400 + code: the picture of each C0 control
DEL_PICTURE = "\u2421"
REPLACEMENT = "\ufffd"
_BIDI = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
# Tab (\x09) and newline (\x0a) are left: prose keeps its paragraphs, and renderers lay them out.
SHOWN: dict[int, str | None] = {
    **{code: chr(CONTROL_PICTURES + code) for code in range(0x20) if code not in (0x09, 0x0A)},
    0x7F: DEL_PICTURE,
    **dict.fromkeys(range(0x80, 0xA0), REPLACEMENT),
    **dict.fromkeys(_BIDI),  # removed
}
UNSAFE_CHARACTERS = frozenset(map(chr, SHOWN))
# The ASCII characters that are safe, for a quicker look at ASCII text (most of what ooh writes): deleting them
# from its bytes leaves the unsafe ones, where a set walks the text a character object at a time.
SAFE_ASCII = bytes(code for code in range(0x80) if code not in SHOWN)
# Tab and newline, besides, in what must be one line: names, titles, addresses.
UNSAFE_IN_LINE = UNSAFE_CHARACTERS | {"\t", "\n"}
ESCAPES = {code: f"\\u{code:04x}" for code in SHOWN}
WEB_SCHEMES = ("https://", "http://")
NOT_IN_ADDRESS = UNSAFE_IN_LINE | set('<>[]"\\`')
T = TypeVar("T")


def clean(text: str) -> str:
    """``text`` with every character a terminal would act on made visible or removed (see the module's rules)."""
    return text.translate(SHOWN) if unsafe(text) else text


def escaped(text: str) -> str:
    """``text`` (json output) with the characters json leaves raw written as ``\\uXXXX`` escapes."""
    return text.translate(ESCAPES) if unsafe(text) else text


@cache
def _pattern(characters: frozenset[str]) -> re.Pattern[str]:
    """A pattern matching any of ``characters``: compiled only where a whole data file is checked."""
    return re.compile(f"[{''.join(sorted(map(re.escape, characters)))}]")


def unsafe(text: str) -> bool:
    """Whether ``text`` holds a character `clean` would change."""
    if text.isascii():
        return bool(text.encode("ascii").translate(None, SAFE_ASCII))
    return not UNSAFE_CHARACTERS.isdisjoint(text)


def first_unsafe(text: str, one_line: bool = False) -> str | None:
    """The first character of ``text`` that `clean` would change, as ``U+001B``; None when there is none."""
    found = _pattern(frozenset(UNSAFE_IN_LINE if one_line else UNSAFE_CHARACTERS)).search(text)
    return None if found is None else f"U+{ord(found[0]):04X}"


def is_web_address(url: str) -> bool:
    """Whether ``url`` may be a link or opened in a browser: http(s) only, nothing that could end a Markdown
    link or autolink early, no space and no control character."""
    return url.lower().startswith(WEB_SCHEMES) and not any(c.isspace() or c in NOT_IN_ADDRESS for c in url)


def clean_all(value: T, change: Callable[[str], str] = clean) -> T:
    """``value`` with every string in it (in structs, lists, tuples, sets and dicts) passed through ``change``."""

    def each(item: object) -> object:
        if isinstance(item, str):
            return change(item)
        if isinstance(item, msgspec.Struct):
            return msgspec.structs.replace(item, **{name: each(getattr(item, name)) for name in item.__struct_fields__})
        if isinstance(item, (list, tuple, set, frozenset)):
            return type(item)(map(each, item))
        if isinstance(item, dict):
            return {each(key): each(inner) for key, inner in item.items()}
        return item

    return cast(T, each(value))

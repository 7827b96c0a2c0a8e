"""The one way `ooh` reads and writes YAML: a strict reader, a stable dumper and an atomic writer.

Lookups, validation and the importer all read through `parse_file`, so a file one of them refuses, every one
refuses. Only a cache miss, `ooh data` or a yaml output comes here: a cached lookup never imports YAML.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import re
import stat as stat_mode
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, AnyStr

from ooh_cli.core.errors import DataError, unreadable
from ooh_cli.core.files import read_bounded
from ooh_cli.core.sanitize import unsafe
from ooh_cli.core.validate import shorten

if TYPE_CHECKING:
    from yaml import CSafeLoader, SafeLoader
    from yaml.error import Mark
    from yaml.nodes import MappingNode, Node, ScalarNode

# What YAML 1.1 forbids in a stream; libyaml reports only an offset, so the character is found again for its line.
NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# The scalar types whose constructors can fail with plain Python errors (a date of month 13, an int too long).
PARSED_SCALARS = {"int": "number", "float": "number", "bool": "true/false", "timestamp": "date", "binary": "binary"}
MERGE_TAG = "tag:yaml.org,2002:merge"
# The block layout of a data file, for parsing it a record at a time.
DOCUMENT_MARKER = re.compile(rb"^(---|\.\.\.)", re.MULTILINE)
OCCUPATIONS_KEY = re.compile(rb"^occupations:[ \t]*(#.*)?$", re.MULTILINE)
TOP_LEVEL_LINE = re.compile(rb"^[^\s#-]", re.MULTILINE)
ITEM_START = re.compile(rb"^( *)- ", re.MULTILINE)
# Wide enough that no line is ever folded, so a value never moves between lines from one run to the next.
NEVER_FOLD = 1_000_000


class RefusedYAML(Exception):
    """Valid YAML that no data file needs and that could hurt: aliases, unknown tags, duplicate keys."""

    def __init__(self, problem: str, mark: Mark) -> None:
        super().__init__(problem)
        self.problem = problem
        self.mark = mark


def parse_file(path: Path) -> Any:
    """Read and parse the YAML of ``path``; every failure becomes a DataError naming the file.

    The occupations come back as an iterator that reads and parses one record at a time when the file has the
    usual block layout: libyaml builds a node graph many times the file's size before any value exists, and a
    record at a time keeps that graph small, while the file's text is never held whole beside the records
    (see `_split_records`). Any other layout is parsed whole.
    """
    try:
        raw = read_bounded(path)
        # A regular file is read again a record at a time; a pipe (`--data <(...)`) can only be read once.
        rereadable = stat_mode.S_ISREG(path.stat().st_mode)
    except OSError as error:
        raise unreadable(path, error) from None
    if not raw.removeprefix(codecs.BOM_UTF8).strip():
        raise DataError(f"data file {path} is empty")
    split = _split_records(raw)
    if split is None:
        return _load(_decoded(raw, path), path)
    (head_end, body_end), chunks = split
    # The document without its records: what precedes them and what follows, with a line break between.
    head = _decoded(raw, path, 0, head_end) + "\n" + _decoded(raw, path, body_end)
    document = _load(head, path)
    if isinstance(document, dict) and document.get("occupations") is None:
        document["occupations"] = _records(path, None if rereadable else raw, chunks)
    return document


def _decoded(raw: bytes, path: Path, start: int = 0, end: int | None = None) -> str:
    """``raw[start:end]`` as text; a DataError saying where, when it is not UTF-8."""
    try:
        return raw[start:end].decode("utf-8-sig" if start == 0 else "utf-8")
    except UnicodeDecodeError as error:
        at = start + error.start
        line, column = _position(raw, at, b"\n")
        raise DataError(
            f"{path}:{line}:{column}: not UTF-8 text (byte 0x{raw[at]:02x}); save the file as UTF-8"
        ) from None


def _split_records(raw: bytes) -> tuple[tuple[int, int], list[tuple[int, int, int]]] | None:
    """Where the records' block starts and ends, and each record's (start, end, first line), in bytes.

    Only for the block layout `ooh data import` writes (and people usually type): `occupations:` alone on a
    line at column 0 and its items starting `- ` at one indentation. None for anything else.
    """
    if DOCUMENT_MARKER.search(raw):
        return None
    header = OCCUPATIONS_KEY.search(raw)
    if header is None:
        return None
    body_start = header.end() + 1
    next_key = TOP_LEVEL_LINE.search(raw, body_start)
    body_end = next_key.start() if next_key else len(raw)
    items = list(ITEM_START.finditer(raw, body_start, body_end))
    if not items or raw[body_start : items[0].start()].strip(b" \n\r"):
        return None
    indent = items[0].group(1)
    starts = [m.start() for m in items if m.group(1) == indent]
    chunks, line = [], raw.count(b"\n", 0, starts[0])
    for start, end in zip(starts, [*starts[1:], body_end], strict=True):
        chunks.append((start, end, line))
        line += raw.count(b"\n", start, end)
    return (header.end(), body_end), chunks


def _records(path: Path, raw: bytes | None, chunks: list[tuple[int, int, int]]) -> Iterator[Any]:
    """Each record of ``chunks``, read from ``raw`` or, when it is None, from the file again."""
    with contextlib.ExitStack() as stack:
        stream = stack.enter_context(path.open("rb")) if raw is None else None
        for start, end, first_line in chunks:
            if stream is None:
                assert raw is not None  # read from memory when the file cannot be read again
                text = _decoded(raw, path, start, end)
            else:
                stream.seek(start)
                piece = stream.read(end - start)
                try:
                    text = piece.decode("utf-8")
                except UnicodeDecodeError:
                    text = _decoded(path.read_bytes(), path, start, end)  # raises, saying where
            try:
                parsed = _load(textwrap.dedent(text), path, first_line)
            except DataError:
                # A layout the split misread would show as a confusing error: the whole file says what is wrong.
                whole = raw if raw is not None else path.read_bytes()
                _load(_decoded(whole, path), path)
                raise
            yield from parsed if isinstance(parsed, list) else [parsed]


def _load(text: str, path: Path, first_line: int = 0) -> Any:
    """``text`` parsed by the strict loader; ``first_line`` places its errors in the whole file."""
    import yaml

    def where(mark: Mark | None) -> str:
        return f"{path}:{mark.line + 1 + first_line}:{mark.column + 1}" if mark else str(path)

    try:
        return yaml.load(text, Loader=_strict_loader())
    except RefusedYAML as error:
        raise DataError(f"{where(error.mark)}: {error.problem}") from None
    except yaml.MarkedYAMLError as error:
        problem = " ".join((error.problem or error.context or "invalid YAML").split())
        raise DataError(f"{where(error.problem_mark or error.context_mark)}: not valid YAML: {problem}") from None
    except yaml.reader.ReaderError:
        # Its own message spans two lines and counts characters from the start of the file.
        bad = NOT_PRINTABLE.search(text)
        if bad is None:
            raise DataError(f"{path}: not valid YAML: unreadable characters") from None
        line, column = _position(text, bad.start(), "\n")
        raise DataError(
            f"{path}:{line + first_line}:{column}: not valid YAML: control character U+{ord(bad.group()):04X} "
            "is not allowed"
        ) from None
    except yaml.YAMLError as error:
        raise DataError(f"{path}: not valid YAML: {' '.join(str(error).split())}") from None
    except RecursionError:
        raise DataError(f"{path}: not valid YAML: nested too deeply") from None


def _position(text: AnyStr, offset: int, newline: AnyStr) -> tuple[int, int]:
    """1-based line and column of ``offset``."""
    start = text.rfind(newline, 0, offset) + 1
    return text.count(newline, 0, offset) + 1, offset - start + 1


@functools.cache
def _strict_loader() -> type[CSafeLoader | SafeLoader]:
    """The safe YAML loader, minus what a hostile or mistyped file could use to hurt.

    Aliases are refused outright: no data file needs them, and ten nested ones make a "billion laughs" document
    whose expansion the validator, the search index and the cache would otherwise walk.
    """
    import yaml

    base: type[CSafeLoader | SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class StrictLoader(base):  # type: ignore[valid-type,misc]  # a base chosen at run time
        def construct_object(self, node: Node, deep: bool = False) -> Any:
            # Each node is built once; meeting one again means an alias (or a cycle) points at it.
            if node in self.constructed_objects:
                raise RefusedYAML(
                    "YAML anchors and aliases (&name, *name) are not allowed in a data file; write the value out",
                    node.start_mark,
                )
            return super().construct_object(node, deep)

        def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
            # PyYAML keeps the last of two equal keys, silently dropping the first (a second `pay:` block).
            seen: set[str] = set()
            # `!!set` on a scalar gets here too; the base class refuses it with a located error.
            for key, _ in node.value if isinstance(node, yaml.MappingNode) else ():
                if isinstance(key, yaml.ScalarNode) and key.tag != MERGE_TAG:
                    if key.value in seen:
                        raise RefusedYAML(f"duplicate key {shorten(key.value)!r} in one mapping", key.start_mark)
                    seen.add(key.value)
            return super().construct_mapping(node, deep)  # type: ignore[no-any-return]

        def refuse_tag(self, node: Node) -> Any:
            raise RefusedYAML(f"the YAML tag {node.tag!r} is not allowed in a data file", node.start_mark)

    StrictLoader.add_constructor(None, StrictLoader.refuse_tag)
    for suffix, kind in PARSED_SCALARS.items():
        tag = f"tag:yaml.org,2002:{suffix}"
        StrictLoader.add_constructor(tag, _readable(base.yaml_constructors[tag], kind))
    # A date is text to the model ("last_modified: 2025-08-28"): checked as a date, kept as written.
    read_date = _readable(base.yaml_constructors["tag:yaml.org,2002:timestamp"], "date")
    StrictLoader.add_constructor(
        "tag:yaml.org,2002:timestamp", lambda loader, node: read_date(loader, node) and node.value
    )
    return StrictLoader


def _readable(construct: Callable[[Any, ScalarNode], Any], kind: str) -> Callable[[Any, ScalarNode], Any]:
    """``construct``, with the Python errors of an unreadable scalar turned into a refusal that says where."""

    def read(loader: Any, node: ScalarNode) -> Any:
        try:
            return construct(loader, node)
        except (ValueError, TypeError, LookupError, AttributeError, ArithmeticError):
            # The Python error ("month must be in 1..12", "string index out of range") would only confuse.
            raise RefusedYAML(
                f"{shorten(str(node.value))!r} cannot be read as a {kind}; quote it if it is text", node.start_mark
            ) from None

    return read


def dump_yaml(document: Any) -> str:
    """``document`` as YAML: keys in their given order, Unicode as is, block style, never folded.

    The same document always gives the same text, and a value shared by two places is written out twice,
    never as an anchor and alias.
    """
    import yaml

    return yaml.dump(
        document,
        Dumper=_dumper(),
        sort_keys=False,
        allow_unicode=True,
        width=NEVER_FOLD,
        default_flow_style=False,
    )


@functools.cache
def _dumper() -> type[Any]:
    import yaml

    base: type[Any] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

    class Dumper(base):  # type: ignore[misc]  # a base chosen at run time
        def ignore_aliases(self, data: Any) -> bool:
            return True

        def represent_str(self, data: str) -> Any:
            # Double quotes, where the emitter escapes controls (\e, \x9B, \N) rather than writing them raw.
            return self.represent_scalar("tag:yaml.org,2002:str", data, style='"' if unsafe(data) else None)

    Dumper.add_representer(str, Dumper.represent_str)
    return Dumper

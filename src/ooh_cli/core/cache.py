"""The cache: a data file's validated catalog, laid out so that a lookup reads only what it needs.

Parsing YAML is the slowest thing `ooh` does (about 0.1 s per MB even with libyaml), so the validated result
is kept in one file per data file in the user's cache directory. The file is msgpack, written by msgspec from
the model's own classes, so reading it never runs code. It is read in place (memory-mapped): `show` decodes
the header and one record, `list` the summaries, `search` its index. A file that is missing, stale, cut short
or damaged is simply rebuilt.

Layout: the summaries, the search index, the name index (sorted, for a binary search) and the records one
after another, then the header (key, meta, warnings, where each section ends) and its length (8 bytes). The
header comes last so that the file can be written as the records are encoded, never whole in memory.
"""

import mmap
import os
import sys
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from ooh_cli import __version__
from ooh_cli.core.errors import DataError
from ooh_cli.core.files import write_atomic
from ooh_cli.core.model import Meta, Occupation, Summary

if TYPE_CHECKING:
    from ooh_cli.core.search import SearchIndex

# Bump when the model or this layout changes: a cache of another format is rebuilt, never misread.
FORMAT = 5
_LENGTH_BYTES = 8
# Marks a name index line whose names come from another source than the profiles (O*NET's alternate titles).
ALTERNATE = b"~"


class Key(msgspec.Struct, array_like=True, frozen=True):
    """What a cache was built from: the data file's identity, the cache format and `ooh`'s version."""

    format: int
    version: str
    path: str
    size: int
    mtime_ns: int
    # ctime moves on any write, even one that puts the old mtime back.
    ctime_ns: int
    inode: int
    # The O*NET side file's size and mtime (-1 without one): its alternate titles are in the name index.
    onet_size: int = -1
    onet_mtime_ns: int = -1

    @classmethod
    def of(cls, path: Path, stat: os.stat_result, onet: os.stat_result | None = None) -> "Key":
        return cls(
            FORMAT,
            __version__,
            str(path.resolve()),
            stat.st_size,
            stat.st_mtime_ns,
            stat.st_ctime_ns,
            stat.st_ino,
            onet.st_size if onet else -1,
            onet.st_mtime_ns if onet else -1,
        )


class Header(msgspec.Struct, array_like=True):
    key: Key | None
    meta: Meta
    warnings: list[str]
    # Where each section ends, counted from the end of the header.
    summaries_end: int
    search_end: int
    names_end: int
    # Where each line of the name index starts, and where each record ends: packed unsigned 32- and
    # 64-bit numbers, which decode as one copy of bytes rather than a Python int each.
    name_starts: bytes
    record_ends: bytes


class Sections:
    """A catalog's parts, read from the bytes `encode` wrote (a memory-mapped cache file, or in memory)."""

    def __init__(self, buffer: bytes | mmap.mmap) -> None:
        view = memoryview(buffer)
        header_end = len(buffer) - _LENGTH_BYTES
        size = int.from_bytes(view[header_end:], "little")
        if not 0 < size <= header_end:
            raise ValueError("the cache is cut short or was not written whole")
        self.header = header = msgspec.msgpack.decode(view[header_end - size : header_end], type=Header)
        self._buffer, self._view, self._start = buffer, view, 0
        self._name_starts = memoryview(header.name_starts).cast("I")
        self._record_ends = memoryview(header.record_ends).cast("Q")
        self._records_start = header.names_end
        end = self._records_start + (self._record_ends[-1] if self._record_ends else 0)
        if header_end - size != end or not header.summaries_end <= header.search_end <= header.names_end:
            raise ValueError("the cache is cut short or was not written whole")

    def __len__(self) -> int:
        return len(self._record_ends)

    def summaries(self) -> list[Summary]:
        start = self._start
        return msgspec.msgpack.decode(self._view[start : start + self.header.summaries_end], type=list[Summary])

    def search(self) -> "SearchIndex":
        from ooh_cli.core.search import SearchIndex

        header = self.header
        return msgspec.msgpack.decode(
            self._view[self._start + header.summaries_end : self._start + header.search_end], type=SearchIndex
        )

    def lookup(self, key: str) -> list[int]:
        """Positions of the profiles with the folded name ``key``: a binary search of the sorted name index."""
        found = self._positions(key)
        return [] if found is None or found.startswith(ALTERNATE) else [int(p) for p in found.split(b",")]

    def lookup_alternate(self, key: str) -> list[int]:
        """Positions of the profiles with ``key`` among their names from other sources (O*NET's alternate titles)."""
        found = self._positions(key)
        return [int(p) for p in found[1:].split(b",")] if found and found.startswith(ALTERNATE) else []

    def _positions(self, key: str) -> bytes | None:
        buffer, names_start = self._buffer, self._start + self.header.search_end

        def name_at(line: int) -> bytes:
            start = names_start + self._name_starts[line]
            return bytes(buffer[start : buffer.find(b"\t", start)])

        wanted = key.encode()
        line = bisect_left(range(len(self._name_starts)), wanted, key=name_at)
        if line == len(self._name_starts) or name_at(line) != wanted:
            return None
        start = names_start + self._name_starts[line] + len(wanted) + 1
        return bytes(buffer[start : buffer.find(b"\n", start)])

    def record(self, position: int) -> Occupation:
        ends = self._record_ends
        begin = self._records_start + (ends[position - 1] if position else 0)
        return msgspec.msgpack.decode(self._view[begin : self._records_start + ends[position]], type=Occupation)


def encode(
    key: Key | None,
    meta: Meta,
    warnings: list[str],
    occupations: tuple[Occupation, ...],
    index: "SearchIndex",
    extra_names: Mapping[str, Sequence[str]] | None = None,
) -> Iterator[bytes]:
    """The cache's bytes for these profiles, in pieces; the profiles must be in the catalog's order.
    ``extra_names`` (by profile id) are names from other sources, such as O*NET's alternate titles, folded
    into space-separated words (search.folded_words)."""
    encoder = msgspec.msgpack.Encoder()
    summaries = encoder.encode([Summary.of(occ) for occ in occupations])
    search = encoder.encode(index)
    names, name_starts = _name_index(occupations, extra_names or {})
    yield from (summaries, search, names)
    record_ends, total = array("Q"), 0
    for occ in occupations:
        record = encoder.encode(occ)
        total += len(record)
        record_ends.append(total)
        yield record
    sizes = (len(summaries), len(summaries) + len(search), len(summaries) + len(search) + len(names))
    header = encoder.encode(Header(key, meta, warnings, *sizes, name_starts.tobytes(), record_ends.tobytes()))
    yield header
    yield len(header).to_bytes(_LENGTH_BYTES, "little")


def _name_index(
    occupations: tuple[Occupation, ...], extra_names: Mapping[str, Sequence[str]]
) -> tuple[bytes, "array[int]"]:
    """Every folded name as a line "name<TAB>i,j" (the positions of its profiles), sorted, and where each starts.

    An extra name counts only where no profile has it as its own name, and its line is marked (``ALTERNATE``
    before the positions), so that lookups take the profiles' own names first (catalog.resolve).
    """
    owners: dict[bytes, list[int]] = {}
    for position, occ in enumerate(occupations):
        for key in occ.names():
            ids = owners.setdefault(key.encode(), [])
            if position not in ids:
                ids.append(position)
    extra: dict[bytes, list[int]] = {}
    for position, occ in enumerate(occupations):
        for name in extra_names.get(occ.id, ()):
            folded = name.replace(" ", "-").encode()  # the words of `fold`, joined as it joins them
            if folded and folded not in owners:
                ids = extra.setdefault(folded, [])
                if position not in ids:
                    ids.append(position)
    positions = {key: ",".join(map(str, ids)).encode() for key, ids in owners.items()}
    positions.update({key: ALTERNATE + ",".join(map(str, ids)).encode() for key, ids in extra.items()})
    lines = [b"%s\t%s\n" % (key, ids) for key, ids in sorted(positions.items())]
    starts = array("I", accumulate((len(line) for line in lines[:-1]), initial=0)) if lines else array("I")
    return b"".join(lines), starts


def directory() -> Path:
    """`OOH_CACHE_DIR`, else the user's cache directory for `ooh` (~/.cache/ooh on Linux)."""
    configured = os.environ.get("OOH_CACHE_DIR")
    if configured:
        return Path(configured)
    if sys.platform.startswith("linux"):
        # What platformdirs answers on Linux (the XDG rule), without the 5 ms its import costs every lookup.
        return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "ooh"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("ooh", appauthor=False))


def cache_file(path: Path) -> Path:
    """One cache file per data file; the key inside says whether it is still current."""
    return directory() / f"{zlib.crc32(str(path.resolve()).encode()):08x}-{path.name}.cache"


def read(path: Path, key: Key) -> Sections | None:
    """The cached sections of ``path``, or None when there is no current, whole cache for ``key``."""
    try:
        with cache_file(path).open("rb") as stream:
            # The map outlives the file object; a newer cache written meanwhile replaces the name, not the file.
            buffer = mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)
        sections = Sections(buffer)
    except (OSError, ValueError, TypeError, msgspec.DecodeError):  # TypeError: packed numbers cut short
        return None
    return sections if sections.header.key == key else None


def write(path: Path, pieces: Iterable[bytes]) -> bool:
    """Write the cache atomically, so a concurrent run reads the old one or the new one; False when it cannot."""
    target = cache_file(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, pieces, durable=False)
    except (OSError, DataError):
        return False  # a read-only cache directory or a full disk: the next run parses the file again
    return True

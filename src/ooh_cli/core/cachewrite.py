"""Writing the cache (cache.py reads it): only a run that builds one, after reading the data file, loads this."""

import contextlib
import os
import sqlite3
import zlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from ooh_cli.core.cache import APPLICATION_ID, POSTING_START, Header, Key, Sections, Shown, cache_file
from ooh_cli.core.records import Meta

if TYPE_CHECKING:
    from ooh_cli.core.indexbuild import IndexParts
    from ooh_cli.core.model import Occupation

# Tables holding large blobs keep their rowid: SQLite finds a row of a WITHOUT ROWID table by comparing whole
# rows, blobs and all (milliseconds for the search index).
SCHEMA = """
CREATE TABLE part (name TEXT PRIMARY KEY, crc INTEGER NOT NULL, body BLOB NOT NULL);
CREATE TABLE name (name TEXT PRIMARY KEY, positions TEXT NOT NULL, alternate INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE record (position INTEGER PRIMARY KEY, crc INTEGER NOT NULL, body BLOB NOT NULL);
CREATE TABLE field (
    name TEXT PRIMARY KEY, crc INTEGER NOT NULL, size INTEGER NOT NULL, starts BLOB NOT NULL, owners BLOB NOT NULL,
    text TEXT NOT NULL
);
CREATE TABLE posting (
    field TEXT NOT NULL, start TEXT NOT NULL, crc INTEGER NOT NULL, body BLOB NOT NULL, PRIMARY KEY (field, start)
);
CREATE TABLE word (name TEXT PRIMARY KEY, size INTEGER NOT NULL, words TEXT NOT NULL);
CREATE TABLE shown (position INTEGER PRIMARY KEY, crc INTEGER NOT NULL, body BLOB NOT NULL);
"""


def fill(
    connection: sqlite3.Connection,
    key: Key | None,
    meta: Meta,
    warnings: list[str],
    occupations: tuple["Occupation", ...],
    index: "IndexParts",
    extra_names: Mapping[str, Sequence[str]] | None = None,
) -> None:
    """Write the cache's tables for these profiles on ``connection``; the profiles must be in the catalog's order.
    ``extra_names`` (by profile id) are names from other sources, such as O*NET's alternate titles, folded
    into space-separated words (searchindex.folded_words)."""
    encoder = msgspec.msgpack.Encoder()
    connection.executescript(SCHEMA)
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    summaries = [occ.key_figures() for occ in occupations]
    parts = {
        "header": encoder.encode(Header(key, meta, warnings, len(occupations))),
        "summaries": encoder.encode(summaries),
        "jobs": index.jobs,
    }
    connection.executemany("INSERT INTO part VALUES (?, ?, ?)", [(n, zlib.crc32(b), b) for n, b in parts.items()])
    connection.executemany("INSERT INTO name VALUES (?, ?, ?)", _name_index(occupations, extra_names or {}))
    records = ((position, encoder.encode(occ)) for position, occ in enumerate(occupations))
    connection.executemany("INSERT INTO record VALUES (?, ?, ?)", ((p, zlib.crc32(b), b) for p, b in records))
    connection.executemany(
        "INSERT INTO field VALUES (?, ?, ?, ?, ?, ?)",
        (
            (
                name,
                zlib.crc32(blob.owners, zlib.crc32(blob.starts)),
                len(blob.text),
                blob.starts,
                blob.owners,
                blob.text,
            )
            for name, blob in index.blobs.items()
        ),
    )
    connection.executemany(
        "INSERT INTO posting VALUES (?, ?, ?, ?)",
        ((field, start, zlib.crc32(body), body) for (field, start), body in _posting_groups(index.postings).items()),
    )
    words = {name: blob.words for name, blob in index.blobs.items()}
    words.update({name: "".join(f"\n{word}" for word in sorted(places)) for name, places in index.postings.items()})
    connection.executemany("INSERT INTO word VALUES (?, ?, ?)", ((name, len(w), w) for name, w in words.items()))
    shown = (encoder.encode(Shown(summary, texts)) for summary, texts in zip(summaries, index.texts, strict=True))
    connection.executemany("INSERT INTO shown VALUES (?, ?, ?)", ((p, zlib.crc32(b), b) for p, b in enumerate(shown)))


def _posting_groups(postings: Mapping[str, Mapping[str, bytes]]) -> dict[tuple[str, str], bytes]:
    """The postings of each field (indexbuild.postings), by field and first letters, each group encoded as a map
    from word to places, the words in order."""
    groups: dict[tuple[str, str], dict[str, bytes]] = {}
    for field, places in postings.items():
        for word in sorted(places):
            groups.setdefault((field, word[:POSTING_START]), {})[word] = places[word]
    encoder = msgspec.msgpack.Encoder()
    return {key: encoder.encode(group) for key, group in groups.items()}


def _name_index(
    occupations: tuple["Occupation", ...], extra_names: Mapping[str, Sequence[str]]
) -> list[tuple[str, str, int]]:
    """Every folded name with the positions of its profiles ("i,j"), and whether it comes from another source.

    An extra name counts only where no profile has it as its own name, and is marked, so that lookups take the
    profiles' own names first (catalog.resolve).
    """
    owners: dict[str, list[int]] = {}
    for position, occ in enumerate(occupations):
        for key in occ.names():
            ids = owners.setdefault(key, [])
            if position not in ids:
                ids.append(position)
    extra: dict[str, list[int]] = {}
    for position, occ in enumerate(occupations):
        for name in extra_names.get(occ.id, ()):
            folded = name.replace(" ", "-")  # the words of `fold`, joined as it joins them
            if folded and folded not in owners:
                ids = extra.setdefault(folded, [])
                if position not in ids:
                    ids.append(position)
    own = [(key, ",".join(map(str, ids)), 0) for key, ids in owners.items()]
    return own + [(key, ",".join(map(str, ids)), 1) for key, ids in extra.items()]


def in_memory(
    meta: Meta,
    warnings: list[str],
    occupations: tuple["Occupation", ...],
    index: "IndexParts",
    extra_names: Mapping[str, Sequence[str]] | None = None,
) -> Sections:
    """A cache held in memory only, for a data file that cannot be cached (a pipe, or caching turned off)."""
    connection = sqlite3.connect(":memory:")
    fill(connection, None, meta, warnings, occupations, index, extra_names)
    return Sections(connection)


def write(
    path: Path,
    key: Key,
    meta: Meta,
    warnings: list[str],
    occupations: tuple["Occupation", ...],
    index: "IndexParts",
    extra_names: Mapping[str, Sequence[str]] | None = None,
) -> bool:
    """Write the cache whole and rename it into place, so a concurrent run reads the old one or the new one;
    False when it cannot (a read-only cache directory or a full disk: the next run parses the file again)."""
    import tempfile

    target = cache_file(path)
    temp: Path | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(handle)
        temp = Path(name)
        connection = sqlite3.connect(temp)
        try:
            # A cache is rebuilt when lost: no journal, no waiting for the disk.
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            fill(connection, key, meta, warnings, occupations, index, extra_names)
            connection.commit()
        finally:
            connection.close()
        temp.replace(target)
    except (OSError, sqlite3.Error):
        return False
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                temp.unlink()
    return True

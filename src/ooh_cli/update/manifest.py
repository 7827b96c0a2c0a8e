"""What was downloaded, file by file: the manifest beside the downloads, as in ../shared/oews/may-2025/.

It lets the next update ask each server "changed since?" (ETag, Last-Modified) and check that what is on
disk is what was downloaded (size, SHA-256). It is JSON, written atomically, sorted, so that it diffs well.
"""

from __future__ import annotations

import json
from pathlib import Path

import msgspec

from ooh_cli.core.files import write_atomic

MANIFEST = "manifest.json"


class Entry(msgspec.Struct, frozen=True, omit_defaults=True):
    """One downloaded file: where it came from, what it holds, and what its server said of it."""

    url: str
    path: str
    bytes: int
    sha256: str
    retrieved: str
    etag: str | None = None
    last_modified: str | None = None


class Manifest(msgspec.Struct, omit_defaults=True):
    files: dict[str, Entry] = msgspec.field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path) -> Manifest:
        """The manifest in ``folder``; an empty one if there is none or it cannot be read (it only saves work)."""
        try:
            return msgspec.json.decode((folder / MANIFEST).read_bytes(), type=cls)
        except (OSError, msgspec.DecodeError, msgspec.ValidationError):
            return cls()

    def save(self, folder: Path) -> None:
        document = {"files": {url: msgspec.to_builtins(self.files[url]) for url in sorted(self.files)}}
        write_atomic(folder / MANIFEST, (json.dumps(document, indent=2) + "\n").encode())

"""Read the existing data file for an import: through the same strict reader lookups use."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ooh_cli.core.errors import DataError


def read_existing(path: Path) -> dict[str, Any] | None:
    """The data file at ``path`` as parsed YAML, or None when there is no file yet.

    The file must be one `ooh` itself would read: one with a duplicate key, an alias or invalid YAML is refused
    (DataError) and left untouched, rather than rewritten without what the loose reading dropped.
    """
    from ooh_cli.core.yamlio import parse_file

    if not path.exists() or not path.read_bytes().strip():
        return None
    document = parse_file(path)
    if not isinstance(document, dict):
        raise DataError(f"{path}: expected a mapping with 'meta' and 'occupations'")
    occupations = document.get("occupations")
    if occupations is not None and not isinstance(occupations, list):
        document["occupations"] = list(occupations)  # the reader's record-at-a-time iterator
    return document

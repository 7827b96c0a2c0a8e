"""The importer's error: a source file that cannot be read or is not what it should be."""

from __future__ import annotations

from pathlib import Path

from ooh_cli.core.errors import DataError


class SourceError(DataError):
    """An official source file is missing, unreadable or not in the expected format.

    ``str(error)`` names the file; ``path`` carries it for callers that want it separately. As a ``DataError``
    it maps to exit code 3 at the CLI edge.
    """

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")

"""Everyday names: the abbreviations and short names people type for a profile or a metro area.

They live in one reviewed data file (data/vocabulary.yaml), each with the title that justifies it, never as a
ranking rule in code. The names for profiles are folded into the lookup index when the cache is built
(catalog.layout), so a cached lookup never reads this file; the cache key carries the file's identity
(datafile.vocabulary_path), so an edited file rebuilds the cache. Area names are read only when a place typed
matches no area by itself.
"""

from __future__ import annotations

from pathlib import Path

import msgspec

from ooh_cli.core.errors import DataError
from ooh_cli.core.names import fold


class NameEntry(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Words that mean these profiles: one is shown directly; several are listed, most jobs first. ``listed``
    entries name profiles that are near, not the same (the Handbook has no profile for the work): they are
    only found by search, so a lookup lists them and never shows one."""

    words: list[str]
    profiles: list[str]
    because: str
    listed: bool = False


class AreaEntry(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Words that mean the metro areas whose OEWS names contain each of ``areas``."""

    words: list[str]
    areas: list[str]
    because: str


class Vocabulary(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    names: list[NameEntry] = []
    areas: list[AreaEntry] = []

    def profile_names(self, listed: bool = False) -> dict[str, list[str]]:
        """Folded name -> the profile ids it means, in the file's order: the names that are names of the
        profiles, or with ``listed`` those of near profiles."""
        return {
            fold(word): list(entry.profiles)
            for entry in self.names
            if entry.listed == listed
            for word in entry.words
            if fold(word)
        }

    def area_names(self) -> dict[str, list[str]]:
        """Folded name -> the texts that pick its areas out of OEWS's names."""
        return {fold(word): list(entry.areas) for entry in self.areas for word in entry.words if fold(word)}


def load(path: Path) -> Vocabulary:
    """The vocabulary file read and checked (datafile.vocabulary_path is the shipped one); a missing file is an
    empty vocabulary: lookups work without it."""
    from ooh_cli.core.yamlio import parse_file

    if not path.exists():
        return Vocabulary()
    document = parse_file(path)
    try:
        vocabulary = msgspec.convert(document or {}, Vocabulary)
    except msgspec.ValidationError as error:
        raise DataError(f"{path}: {error}") from None
    entries: list[NameEntry | AreaEntry] = [*vocabulary.names, *vocabulary.areas]
    for entry in entries:
        if not entry.because.strip() or not entry.words:
            raise DataError(f"{path}: every entry needs words and a because: ({entry.words})")
    return vocabulary

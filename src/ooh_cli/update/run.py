"""`ooh data update`, step by step: download, build in a staging folder, check, switch in one rename.

The bundled data is never touched; the user's editions live in the data home (core/editions.py). Downloads
are kept between runs in ``<data home>/downloads``, with their manifest, so that a second update fetches only
what changed. An edition is built in a staging folder beside the editions and renamed into place only when it
has passed every check: an interrupt, a full disk or a failed check leaves the data in use as it was.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ooh_cli.core.editions import ABOUT, DATA_FILE, EDITIONS, edition_folder
from ooh_cli.core.errors import DataError
from ooh_cli.core.model import Occupation
from ooh_cli.update.fetch import Fetched, Fetcher, Progress
from ooh_cli.update.sources import (
    INDEX,
    OEWS,
    OEWS_DIR,
    ONET,
    ONET_DIR,
    OOH,
    PAGES,
    WORKBOOK,
    first_files,
    profile_pages,
)

DOWNLOADS = "downloads"
# An edition with fewer profiles than this is taken for a failed download or a changed site, not a new edition.
MIN_PROFILES = 300
# Fields every profile of an edition has; one that no profile has means the pages' layout changed.
EXPECTED_FIELDS = ("pay.median_annual", "employment.jobs", "outlook.growth_percent", "how_to_become.education")


@dataclass(frozen=True, slots=True)
class Downloaded:
    """What a download left in ``folder``, as the sources `ooh data import` takes; None for a source not fetched."""

    folder: Path
    fetched: tuple[Fetched, ...]
    pages: Path | None = None
    projections: Path | None = None
    index: Path | None = None
    oews: Path | None = None
    onet: Path | None = None

    @property
    def changed(self) -> bool:
        return any(item.downloaded for item in self.fetched)


def download(
    folder: Path,
    sources: tuple[str, ...],
    onet_version: str,
    *,
    contact: str | None,
    mirror: str | None,
    progress: Progress | None = None,
) -> Downloaded:
    """Fetch the official files of ``sources`` into ``folder`` (pages after the index that names them)."""
    fetcher = Fetcher(folder, contact=contact, mirror=mirror, progress=progress)
    wanted = first_files(sources, onet_version)
    fetched = fetcher.fetch(wanted)
    found: dict[str, Any] = {}
    if OOH in sources:
        pages = profile_pages(folder / INDEX)
        fetched += fetcher.fetch(pages)
        _prune(folder / PAGES, {Path(page.path).name for page in pages})
        found.update(pages=folder / PAGES, projections=folder / WORKBOOK, index=folder / INDEX)
    if OEWS in sources:
        found["oews"] = folder / OEWS_DIR
    if ONET in sources:
        found["onet"] = folder / next(item.path for item in wanted if item.path.startswith(ONET_DIR))
    return Downloaded(folder, tuple(fetched), **found)


def _prune(pages: Path, kept: set[str]) -> None:
    """Pages of profiles the index no longer lists would come back as profiles: remove them."""
    for page in pages.glob("*.html"):
        if page.name not in kept:
            page.unlink()


@dataclass(slots=True)
class Changes:
    """How an edition's profiles differ from the data in use."""

    added: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    # (old id, new id): a profile that kept its SOC codes under a new id.
    renamed: list[tuple[str, str]] = field(default_factory=list)


def changes(before: Iterable[tuple[str, tuple[str, ...]]], after: Iterable[tuple[str, tuple[str, ...]]]) -> Changes:
    """Profiles added, dropped and renamed, from (id, SOC codes) pairs of the old and the new data."""
    old, new = dict(before), dict(after)
    found = Changes(sorted(set(new) - set(old)), sorted(set(old) - set(new)))
    for gone in list(found.dropped):
        heir = next((i for i in found.added if old[gone] and new[i] == old[gone]), None)
        if heir is not None:
            found.renamed.append((gone, heir))
            found.dropped.remove(gone)
            found.added.remove(heir)
    return found


def problems(records: Sequence[Occupation]) -> list[str]:
    """Why an edition built from downloads must not replace the data in use; [] when it may."""
    found = []
    if len(records) < MIN_PROFILES:
        found.append(f"only {len(records)} profiles, fewer than the {MIN_PROFILES} of any edition")
    for name in EXPECTED_FIELDS:
        section, key = name.split(".")
        if records and not any(getattr(getattr(record, section), key) is not None for record in records):
            found.append(f"no profile has {name}: the pages' layout may have changed")
    return found


@contextlib.contextmanager
def exclusive(home: Path) -> Any:
    """Hold the update lock of ``home`` for the block: a second update refuses rather than mix its files in.
    Leftovers of an update that was killed outright (SIGKILL, power loss) are removed once the lock is held."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock, as before
        yield
        return
    home.mkdir(parents=True, exist_ok=True)
    with (home / "update.lock").open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise DataError(f"another `ooh data update` is running on {home}; try again when it has finished") from None
        for leftover in [*(home / EDITIONS).glob(".staging-*"), *(home / EDITIONS).glob(".old-*")]:
            shutil.rmtree(leftover, ignore_errors=True)
        yield


@contextlib.contextmanager
def staging(home: Path) -> Any:
    """A fresh folder beside the editions, removed on the way out unless it was installed (renamed away)."""
    parent = home / EDITIONS
    try:
        parent.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix=".staging-", dir=parent))
    except OSError as error:
        raise DataError(f"cannot write {parent}: {error.strerror or error}") from None
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def seed(staging_folder: Path, data_file: Path, records: bool) -> Path:
    """Copy the data in use into the staging folder so that what an update does not renew is kept: the tables
    beside the data file, and the data file itself when ``records`` (the same edition: its prose is written for
    it, and its profiles are the ones the pages give). The staged data file's path."""
    target = staging_folder / DATA_FILE
    stem = data_file.stem
    try:
        for path in data_file.parent.iterdir():
            if path == data_file:
                if records:
                    shutil.copy2(path, target)
            elif path.is_file() and path.name.startswith(stem + "."):  # the database beside it
                shutil.copy2(path, staging_folder / path.name.replace(stem, target.stem, 1))
    except OSError as error:
        raise DataError(f"cannot copy the data in use into {staging_folder}: {error.strerror or error}") from None
    return target


def install(staging_folder: Path, name: str, home: Path, about: dict[str, Any]) -> Path:
    """Rename the staging folder to the edition's folder (an older build of it is replaced); its path."""
    import json

    from ooh_cli.core.files import write_atomic

    write_atomic(staging_folder / ABOUT, (json.dumps(about, indent=2, sort_keys=True) + "\n").encode())
    target = edition_folder(name, home)
    old = target.with_name(f".old-{name}-{os.getpid()}")
    try:
        if target.exists():
            target.rename(old)
        staging_folder.rename(target)
    except OSError as error:
        if old.exists() and not target.exists():
            old.rename(target)
        raise DataError(f"cannot install edition {name} in {target.parent}: {error.strerror or error}") from None
    shutil.rmtree(old, ignore_errors=True)
    return target


def publish(built: Path, into: Path, copy: Callable[[Path, Path], object] = shutil.copy2) -> list[Path]:
    """Copy a built edition's data files into ``into`` (`--into data/`), each replacing its old copy at once."""
    written = []
    into.mkdir(parents=True, exist_ok=True)
    for path in sorted(built.iterdir()):
        if path.is_file() and path.name not in (ABOUT,):
            temp = into / f".{path.name}.tmp"
            copy(path, temp)
            temp.replace(into / path.name)
            written.append(into / path.name)
    return written

"""All or nothing: `ooh data import` stages every output beside the old, then switches them in one step.

An import writes two files at most: the data file (YAML) and its database (core/database.py). Both are built
under hidden temporary names in the data file's folder, so a rename moves each into place. When both change,
the old database is first linked to a third name, then the database and the YAML are renamed over the old
ones, with SIGINT and SIGTERM held back for those few system calls; should the second rename fail, the old
database is renamed back. Either way the link is removed, so nothing is left behind but the old files or the
new ones. Why not one folder renamed in one step: a data file may live in any folder (`--data`, `-o`) beside
other files, and `ooh` must not take the folder over.

A second import into the same folder while one runs is refused (an exclusive ``flock`` on the folder): the two
would each read the old data and one's update would be lost.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import signal
import sqlite3
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ooh_cli.core.database import ONET_TABLES, SCHEMA, WAGE_TABLES, Database, create, database_path
from ooh_cli.core.errors import DataError


@dataclass(slots=True)
class Staged:
    """One source's tables in the database, built and ready to be written: the import step's interface.

    ``fill`` writes the source's rows into its (empty) ``tables``; ``meta`` is what it records in the meta
    table; ``content`` identifies what it writes, so an import that would change nothing writes nothing.
    """

    source: str
    tables: tuple[str, ...]
    fill: Callable[[sqlite3.Connection], None]
    meta: dict[str, Any]
    content: bytes
    changed: bool = field(default=False)

    @property
    def digest(self) -> str:
        # The schema is part of it: tables laid out anew are written anew, though their content is the same.
        return hashlib.sha256(SCHEMA.encode() + self.content).hexdigest()


@contextlib.contextmanager
def import_lock(folder: Path) -> Iterator[None]:
    """Hold the folder's import lock; a DataError when another import holds it."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError as error:
        raise DataError(f"cannot open the folder {folder}: {error.strerror or error}") from None
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise DataError(
                f"another `ooh data import` is writing to {folder}; run this one again when it has finished"
            ) from None
        yield
    finally:
        os.close(handle)  # closing the folder releases the lock


def _temp(target: Path) -> Path:
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    return Path(name)


def _stage_database(target: Path, steps: Sequence[Staged], temp: Path) -> None:
    """Write the new database to ``temp``: the old one's tables, with those of ``steps`` replaced. When ``steps``
    give every source's tables, the old one is not read at all, so that a damaged one or one of another version
    can be rebuilt; otherwise such a one is a DataError saying so."""
    whole = {table for step in steps for table in step.tables} == {*WAGE_TABLES, *ONET_TABLES}
    try:
        old = None if whole else Database.open(target)
    except DataError as error:
        raise DataError(f"{error} (--oews and --onet together rebuild it whole)") from None
    temp.unlink()
    connection = sqlite3.connect(temp)
    try:
        create(connection)
        if old is not None:
            connection.execute("ATTACH DATABASE ? AS old", (f"{old.path.resolve().as_uri()}?mode=ro",))
            replaced = {table for step in steps for table in step.tables}
            replaced_keys = {key for step in steps for key in (*step.meta, f"{step.source}_digest")}
            for (table,) in connection.execute("SELECT name FROM old.sqlite_master WHERE type = 'table'").fetchall():
                if table not in replaced:
                    connection.execute(f"INSERT INTO main.{table} SELECT * FROM old.{table}")
            connection.execute("DELETE FROM main.meta")
            connection.executemany(
                "INSERT INTO main.meta SELECT key, value FROM old.meta WHERE key = ?",
                [(key,) for (key,) in connection.execute("SELECT key FROM old.meta") if key not in replaced_keys],
            )
            connection.commit()
            connection.execute("DETACH DATABASE old")
        for step in steps:
            step.fill(connection)
            rows = [*step.meta.items(), (f"{step.source}_digest", step.digest)]
            connection.executemany("INSERT INTO meta VALUES (?, ?)", rows)
        connection.commit()
        connection.execute("VACUUM")
    except sqlite3.Error as error:
        raise DataError(f"cannot write {target}: {error}") from None
    finally:
        connection.close()
    temp.chmod(0o644)
    with temp.open("rb") as stream:
        os.fsync(stream.fileno())


def _old_digest(target: Path, source: str) -> str | None:
    """What the old database holds of ``source``; None when it holds none, or cannot be read (to be rebuilt)."""
    try:
        old = Database.open(target)
        return old.meta(f"{source}_digest") if old is not None else None
    except DataError:
        return None


def commit(data_file: Path, yaml_text: str | None, steps: Sequence[Staged]) -> None:
    """Write the data file (when ``yaml_text`` is given) and the tables of ``steps`` into the database beside it,
    all or nothing. Each step's ``changed`` says whether its tables differed from the old ones."""
    target = database_path(data_file)
    for step in steps:
        step.changed = _old_digest(target, step.source) != step.digest
    changed = [step for step in steps if step.changed]
    temps: list[Path] = []
    try:
        moves: list[tuple[Path, Path]] = []
        if changed:
            staged_db = _temp(target)
            temps.append(staged_db)
            _stage_database(target, changed, staged_db)
            moves.append((staged_db, target))
        if yaml_text is not None:
            staged_yaml = _temp(data_file)
            temps.append(staged_yaml)
            with staged_yaml.open("w", encoding="utf-8", newline="\n") as stream:
                stream.write(yaml_text)
                stream.flush()
                os.fsync(stream.fileno())
            try:
                staged_yaml.chmod(data_file.stat().st_mode & 0o777)
            except FileNotFoundError:
                staged_yaml.chmod(0o644)
            moves.append((staged_yaml, data_file))
        if moves:
            switch(moves)
    except OSError as error:
        raise DataError(f"cannot write {data_file}: {error.strerror or error}") from None
    finally:
        for temp in temps:
            with contextlib.suppress(OSError):
                temp.unlink()


def switch(moves: Sequence[tuple[Path, Path]]) -> None:
    """Rename each staged file over its target, all or none, with SIGINT and SIGTERM held until it is done."""
    held = {signal.SIGINT, signal.SIGTERM}
    signal.pthread_sigmask(signal.SIG_BLOCK, held)
    backups: list[tuple[Path, Path]] = []
    try:
        for _, target in moves[:-1]:
            if target.exists():
                backup = _temp(target)
                backup.unlink()
                os.link(target, backup)
                backups.append((backup, target))
        done: list[Path] = []
        try:
            for staged, target in moves:
                os.replace(staged, target)  # noqa: PTH105 (looked up as it runs, so that tests can make it fail)
                done.append(target)
        except BaseException:
            restored = {target for _, target in backups}
            for backup, target in backups:
                os.replace(backup, target)  # noqa: PTH105 (the same call as the switch's own)
            for target in done:
                if target not in restored:
                    target.unlink()  # a file that was not there before the import
            backups.clear()
            raise
        finally:
            for backup, _ in backups:
                with contextlib.suppress(OSError):
                    backup.unlink()
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, held)
    _sync(moves[-1][1].parent)


def _sync(folder: Path) -> None:
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)

"""Find, read, parse and validate the data file, through a cache of the validated result.

Parsing YAML is the slowest thing `ooh` does (about 0.1 s per MB even with libyaml), so the validated catalog
is pickled to the user's cache directory and reused until the data file or `ooh` changes.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import re
import tempfile
from pathlib import Path
from typing import Any

from ooh_cli import __version__
from ooh_cli.catalog import Catalog
from ooh_cli.errors import DataError
from ooh_cli.validate import Level, Problem, read_document

DATA_ENV = "OOH_DATA"
NO_CACHE_ENV = "OOH_NO_CACHE"
CACHE_DIR_ENV = "OOH_CACHE_DIR"
# The modules whose classes are pickled: an edited checkout must not unpickle objects of an older shape.
PICKLED_MODULES = ("model.py", "catalog.py", "search.py", "names.py", "validate.py")
MAX_REPORTED = 5
RECORD_LINE = re.compile(r"^\s*-?\s*id:\s*['\"]?([^'\"\s#]+)", re.MULTILINE)


def bundled_data_path() -> Path:
    """The data shipped inside the wheel, or the repository's copy in a source checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "data" / "occupations.yaml"
    return packaged if packaged.exists() else here.parents[1] / "data" / "occupations.yaml"


def data_path(option: Path | None) -> Path:
    if option is not None:
        return option
    from_env = os.environ.get(DATA_ENV)
    return Path(from_env) if from_env else bundled_data_path()


def load_catalog(path: Path) -> Catalog:
    """The validated catalog of ``path``, from the cache when it is still current."""
    stat = _stat(path)
    if os.environ.get(NO_CACHE_ENV, "") not in ("", "0"):
        return _build(path)
    cache_file = _cache_file(path)
    key = _cache_key(path, stat)
    cached = _read_cache(cache_file, key)
    if cached is not None:
        return cached
    catalog = _build(path)
    _write_cache(cache_file, key, catalog)
    return catalog


def _stat(path: Path) -> os.stat_result:
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise DataError(f"data file not found: {path}") from None
    except OSError as error:
        raise DataError(f"cannot read data file {path}: {error.strerror or error}") from None
    if path.is_dir():
        raise DataError(f"data file {path} is a directory, not a YAML file")
    return stat


def parse_file(path: Path) -> Any:
    """Read and parse the YAML of ``path``; every failure becomes a DataError naming the file."""
    import yaml

    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise DataError(f"data file {path} is a directory, not a YAML file") from None
    except OSError as error:
        raise DataError(f"cannot read data file {path}: {error.strerror or error}") from None
    if not raw.strip():
        raise DataError(f"data file {path} is empty")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DataError(f"{path}: not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start})") from None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        problem = error.problem or error.context or "invalid YAML"
        raise DataError(f"{where}: not valid YAML: {problem}") from None
    except yaml.YAMLError as error:
        raise DataError(f"{path}: not valid YAML: {error}") from None
    except RecursionError:
        raise DataError(f"{path}: not valid YAML: nested too deeply") from None


def check_file(path: Path) -> tuple[Catalog | None, list[Problem]]:
    """Parse and validate without the cache: the catalog (None on errors) and every problem, with lines."""
    _stat(path)
    text_lines = _record_lines(path)
    catalog_data, problems = read_document(parse_file(path))
    located = [
        Problem(p.level, p.message, p.record, p.field, text_lines.get(p.record) if p.record else None) for p in problems
    ]
    if catalog_data is None:
        return None, located
    return Catalog(catalog_data, [p.format(str(path)) for p in located if p.level is Level.WARNING]), located


def _build(path: Path) -> Catalog:
    catalog, problems = check_file(path)
    if catalog is None:
        errors = [p for p in problems if p.level is Level.ERROR]
        more = f" (and {len(errors) - 1} more; run `ooh data validate {path}`)" if len(errors) > 1 else ""
        raise DataError(errors[0].format(str(path)) + more)
    return catalog


def _record_lines(path: Path) -> dict[str, int]:
    """The line on which each record starts, for problem reports; only read when validating."""
    try:
        text = path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        return {}
    lines: dict[str, int] = {}
    for match in RECORD_LINE.finditer(text):
        lines.setdefault(match.group(1), text.count("\n", 0, match.start()) + 1)
    return lines


def _cache_file(path: Path) -> Path:
    directory = os.environ.get(CACHE_DIR_ENV)
    if not directory:
        from platformdirs import user_cache_dir

        directory = user_cache_dir("ooh", appauthor=False)
    name = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:24]
    return Path(directory) / f"{name}.pickle"


def _cache_key(path: Path, stat: os.stat_result) -> tuple[object, ...]:
    here = Path(__file__).parent
    code = tuple((here / name).stat().st_mtime_ns for name in PICKLED_MODULES)
    # ctime moves on any write, even one that restores the old mtime.
    return (__version__, code, str(path.resolve()), stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


def _read_cache(cache_file: Path, key: tuple[object, ...]) -> Catalog | None:
    """The cached catalog, or None when missing, stale or unreadable (a bad cache is rebuilt, never an error)."""
    try:
        with cache_file.open("rb") as stream:
            stored_key, catalog = pickle.load(stream)
    except Exception:
        return None
    if stored_key != key or not isinstance(catalog, Catalog):
        return None
    return catalog


def _write_cache(cache_file: Path, key: tuple[object, ...], catalog: Catalog) -> None:
    """Write atomically so a concurrent run reads the old cache or the new one, never half of one."""
    tmp_name = None
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=cache_file.parent, suffix=".tmp", delete=False) as stream:
            tmp_name = stream.name
            pickle.dump((key, catalog), stream, protocol=pickle.HIGHEST_PROTOCOL)
        Path(tmp_name).replace(cache_file)
    except Exception:
        # A read-only or full cache directory only costs speed.
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                Path(tmp_name).unlink()

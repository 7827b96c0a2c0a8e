"""`ooh data update` and `ooh data use`: what the commands in data.py run (update/run.py does the steps)."""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from ooh_cli.core.errors import DataError

if TYPE_CHECKING:
    from ooh_cli.cli.session import Session
    from ooh_cli.output.env import Environment
    from ooh_cli.update.fetch import Fetched, Progress
    from ooh_cli.update.run import Changes


def run_update(
    current: Session,
    only: str | None,
    into: Path | None,
    mirror: str | None,
    contact: str | None,
    onet_version: str,
) -> None:
    from ooh_cli.core.editions import data_home
    from ooh_cli.core.interrupts import terminate_as_interrupt
    from ooh_cli.update.run import exclusive
    from ooh_cli.update.sources import parse_only

    sources = parse_only(only)
    home = data_home()
    with exclusive(home), terminate_as_interrupt():
        _update(current, sources, home, into, mirror, contact, onet_version)


def _update(
    current: Session,
    sources: tuple[str, ...],
    home: Path,
    into: Path | None,
    mirror: str | None,
    contact: str | None,
    onet_version: str,
) -> None:
    from ooh_cli.cli.sources import import_sources
    from ooh_cli.core.datafile import read_data_file
    from ooh_cli.core.editions import use
    from ooh_cli.update.run import DOWNLOADS, changes, download, install, problems, publish, seed, staging

    env = current.env
    with _progress(env) as progress:
        got = download(
            home / DOWNLOADS,
            sources,
            onet_version,
            contact=contact,
            mirror=mirror,
            progress=progress,
        )
    fresh = sum(item.downloaded for item in got.fetched)
    env.message(f"{fresh} of {len(got.fetched)} files downloaded, the others unchanged since the last update")
    before = current.catalog()
    period = None
    if got.projections is not None:
        from ooh_cli.importer.projections import read_projections

        period = read_projections(got.projections).period
    with staging(home) as folder:
        # Our prose belongs to the edition it was written from: a new edition starts from the pages alone, and
        # keeps their text, labelled as BLS's.
        same_edition = period in (None, before.meta.edition)
        data_file = seed(folder, current.path, records=same_edition)
        import_sources(
            env, data_file, got.pages, got.projections, got.index, None, got.oews, got.onet, page_text=not same_edition
        )
        dataset, _ = read_data_file(data_file)
        found = problems(dataset.occupations)
        if found:
            raise DataError(
                "the downloaded edition failed its checks and was not used; the data in use is unchanged", found
            )
        name = dataset.meta.edition
        diff = changes(
            ((s.id, s.soc_codes) for s in before.summaries),
            ((o.id, o.soc_codes) for o in dataset.occupations),
        )
        _report(env, name, diff)
        if into is not None:
            for path in publish(folder, into):
                env.message(f"wrote {path}")
            return
        about = {
            "edition": name,
            "built": datetime.now(UTC).isoformat(timespec="seconds"),
            "sources": sorted({item.wanted.url.rsplit("/", 1)[0] + "/" for item in got.fetched}),
            "mirror": mirror,
            "files": len(got.fetched),
        }
        place = install(folder, name, home, about)
    use(name, home)
    env.message(f"now using edition {name} ({place}); `ooh data use bundled` goes back to the bundled data")


def _report(env: Environment, name: str | None, diff: Changes) -> None:
    out = env.stdout.write
    out(f"edition {name}\n")
    if diff.added:
        out(f"added: {', '.join(diff.added)}\n")
    if diff.dropped:
        out(f"dropped: {', '.join(diff.dropped)}\n")
    for old, new in diff.renamed:
        out(f"renamed: {old} -> {new}\n")


def _progress(env: Environment) -> AbstractContextManager[Progress | None]:
    """A Rich progress display of the downloads on a terminal's stderr; nothing on a pipe."""
    if not env.stderr.isatty():
        return nullcontext()
    return _Bars()


class _Bars:
    """Two bars: files done of files wanted, and bytes with their rate."""

    def __enter__(self) -> Progress:
        from rich.console import Console
        from rich.progress import BarColumn, DownloadColumn, MofNCompleteColumn, TextColumn, TransferSpeedColumn
        from rich.progress import Progress as Bars

        from ooh_cli.update.fetch import Progress

        bars = Bars(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            DownloadColumn(),
            TransferSpeedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        files = bars.add_task("files", total=0)
        data = bars.add_task("bytes", total=0)

        class Drawn(Progress):
            def begin(self, count: int) -> None:
                bars.update(files, total=(bars.tasks[files].total or 0) + count)

            def grow(self, url: str, total: int | None) -> None:
                if total:
                    bars.update(data, total=(bars.tasks[data].total or 0) + total)

            def advance(self, url: str, size: int) -> None:
                bars.update(data, advance=size, description=url.rsplit("/", 1)[-1][:30])

            def done(self, fetched: Fetched) -> None:
                bars.advance(files)

        self.bars = bars
        bars.start()
        return Drawn()

    def __exit__(self, *exc: object) -> None:
        self.bars.stop()


def run_check(current: Session, only: str | None, mirror: str | None, contact: str | None, onet_version: str) -> None:
    """Say, per source, what is in use and what is published; exit 1 when anything newer is."""
    from ooh_cli.core.editions import data_home
    from ooh_cli.importer.projections import read_projections
    from ooh_cli.update.fetch import Fetcher, Wanted
    from ooh_cli.update.run import DOWNLOADS
    from ooh_cli.update.sources import OEWS, OEWS_URL, ONET, OOH, WORKBOOK, WORKBOOK_URL, parse_only

    sources = parse_only(only)
    fetcher = Fetcher(data_home() / DOWNLOADS, contact=contact, mirror=mirror)
    catalog = current.catalog()
    rows: list[tuple[str, str | None, str | None]] = []
    if OOH in sources:
        (workbook,) = fetcher.fetch([Wanted(WORKBOOK_URL, WORKBOOK)])
        published = read_projections(fetcher.folder / workbook.entry.path).period
        rows.append(("ooh", catalog.meta.edition, published))
    if OEWS in sources:
        (release,) = fetcher.fetch([Wanted(OEWS_URL + "oe.release", "oews/oe.release")])
        rows.append(("oews", _wage_release(current), _newest_month(fetcher.folder / release.entry.path)))
    if ONET in sources:
        onet = catalog.onet()
        rows.append(("onet", onet.release.removeprefix("O*NET ") if onet else None, onet_version))
    newer = False
    for source, in_use, published in rows:
        later = published is not None and published != in_use
        newer = newer or later
        state = "newer published" if later else "up to date"
        current.env.stdout.write(f"{source}: in use {in_use or 'none'}; published {published or 'unknown'} ({state})\n")
    if newer:
        raise typer.Exit(1)


def _wage_release(current: Session) -> str | None:
    from ooh_cli.core.wagefile import MissingWages

    try:
        return current.store.wages().release
    except MissingWages:
        return None


MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _newest_month(path: Path) -> str | None:
    """The latest "May 2025" that BLS's release list names."""
    import re

    text = path.read_text(encoding="utf-8", errors="replace")
    found = [
        (int(year), MONTHS.index(month)) for month, year in re.findall(rf"\b({'|'.join(MONTHS)}) (\d{{4}})\b", text)
    ]
    if not found:
        return None
    year, month = max(found)
    return f"{MONTHS[month]} {year}"


def in_use(data_file: Path) -> dict[str, Any]:
    """What `ooh data info` says of the data in use: the bundled data, an edition (built when, from where), or
    a file of the user's own."""
    from ooh_cli.core.datafile import bundled_data_path
    from ooh_cli.core.editions import about, current_data_file, current_edition

    name = current_edition()
    if name is not None and data_file == current_data_file():
        facts = about(name)
        return {"in_use": f"edition {name}", "updated": facts.get("built"), "from": facts.get("mirror") or "official"}
    if data_file == bundled_data_path():
        return {"in_use": "bundled"}
    return {"in_use": "a data file of your own (--data or OOH_DATA)"}

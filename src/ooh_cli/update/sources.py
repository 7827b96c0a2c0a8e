"""The official files of each source, by their official addresses, and where they go in a download folder.

The Handbook's profile pages are not listed anywhere but in its A-Z index, so that source is fetched in two
steps: the index and the projections workbook, then every profile page the index links to.
"""

from __future__ import annotations

from pathlib import Path

from ooh_cli.core.errors import UsageError
from ooh_cli.update.fetch import Wanted

OOH = "ooh"
OEWS = "oews"
ONET = "onet"
SOURCES = (OOH, OEWS, ONET)

INDEX_URL = "https://www.bls.gov/ooh/a-z-index.htm"
WORKBOOK_URL = "https://www.bls.gov/emp/ind-occ-matrix/occupation.xlsx"
OEWS_URL = "https://download.bls.gov/pub/time.series/oe/"
OEWS_FILES = (
    "oe.release",
    "oe.area",
    "oe.occupation",
    "oe.industry",
    "oe.datatype",
    "oe.footnote",
    "oe.data.0.Current",
)
ONET_URL = "https://www.onetcenter.org/dl_files/database/db_{version}_excel.zip"
# The O*NET releases whose files the importer is known to read, oldest first; the last is the default of
# --onet-version. (30.3 renamed files: a release is added here once the importer reads its layout.)
ONET_VERSIONS = ("29.3",)

# Where each source's files go in a download folder: the layout `ooh data import` reads.
INDEX = "bls/a-z-index.html"
WORKBOOK = "bls/occupation.xlsx"
PAGES = "bls/pages"
OEWS_DIR = "oews"
ONET_DIR = "onet"


def parse_only(value: str | None) -> tuple[str, ...]:
    """`--only ooh,oews`: the sources named, in their usual order; all of them without the option."""
    if value is None:
        return SOURCES
    named = [part.strip().casefold() for part in value.split(",") if part.strip()]
    unknown = [name for name in named if name not in SOURCES]
    if unknown or not named:
        raise UsageError(f"--only: expected sources among {', '.join(SOURCES)}, not {value!r}")
    return tuple(source for source in SOURCES if source in named)


def onet_zip(version: str) -> Wanted:
    if version not in ONET_VERSIONS:
        raise UsageError(f"--onet-version: expected one of {', '.join(ONET_VERSIONS)}, not {version!r}")
    return Wanted(ONET_URL.format(version=version.replace(".", "_")), f"{ONET_DIR}/db_{version}_excel.zip")


def first_files(sources: tuple[str, ...], onet_version: str) -> list[Wanted]:
    """What to fetch first: everything but the profile pages, which the A-Z index names."""
    wanted = []
    if OOH in sources:
        wanted += [Wanted(INDEX_URL, INDEX), Wanted(WORKBOOK_URL, WORKBOOK)]
    if OEWS in sources:
        wanted += [Wanted(OEWS_URL + name, f"{OEWS_DIR}/{name}") for name in OEWS_FILES]
    if ONET in sources:
        wanted.append(onet_zip(onet_version))
    return wanted


def profile_pages(index: Path) -> list[Wanted]:
    """Every profile page the saved A-Z index points to, once each, in index order."""
    from ooh_cli.importer.azindex import profile_paths

    return [Wanted(f"https://www.bls.gov{page}", f"{PAGES}/{slug}.html") for slug, page in profile_paths(index).items()]

"""Read the OOH A-Z index: entries "<a>Job title</a>, see: <a>Profile</a>" become aliases of the profile."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from ooh_cli.importer.errors import SourceError
from ooh_cli.importer.html import attr, parse_html, read_page, text_of

_PROFILE_PATH = re.compile(r"^/ooh/[a-z0-9-]+/([a-z0-9-]+)\.htm$")
_SEE = ", see:"


def read_az_index(path: Path) -> dict[str, list[str]]:
    """The job titles of each profile slug, in index order, each title once (case-insensitively)."""
    text = read_page(path, "the saved OOH A-Z index page")
    titles: dict[str, dict[str, str]] = {}
    for item in parse_html(text, path).css("li"):
        entry = text_of(item)
        if _SEE not in entry:
            continue
        title = entry.split(_SEE, 1)[0].strip()
        # The profile is the link after "see:"; the title may be linked too, to the same page.
        targets = [_profile_slug(attr(anchor, "href")) for anchor in item.css("a")]
        slug = next((target for target in reversed(targets) if target), None)
        if title and slug:
            titles.setdefault(slug, {}).setdefault(title.casefold(), title)
    if not titles:
        raise SourceError(path, 'no "Job title, see: Profile" entries; expected the OOH A-Z index page')
    return {slug: list(names.values()) for slug, names in titles.items()}


def _profile_slug(href: str) -> str | None:
    match = _PROFILE_PATH.match(urlsplit(href).path)
    return match.group(1) if match else None


def profile_paths(path: Path) -> dict[str, str]:
    """The address path (``/ooh/<group>/<slug>.htm``) of every profile the index lists, by slug, in index order.

    A profile is listed under its own title ("Military careers") as well as behind other titles' "see:"; the
    page's banner also links to pages that are no profiles (the FAQ), so it is left out.
    """
    tree = parse_html(read_page(path, "the saved OOH A-Z index page"), path)
    for banner in tree.css("#ooh-banner"):
        banner.decompose()
    pages: dict[str, str] = {}
    for anchor in tree.css("li a"):
        page = urlsplit(attr(anchor, "href")).path
        match = _PROFILE_PATH.match(page)
        if match:
            pages.setdefault(match.group(1), page)
    if not pages:
        raise SourceError(path, "no links to profile pages; expected the OOH A-Z index page")
    return pages

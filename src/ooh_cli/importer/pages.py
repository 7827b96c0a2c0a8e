"""Read the facts of one OOH profile page: names, codes, figures and links, never BLS sentences.

A saved profile holds every tab of the profile. Facts come from fixed places: the Quick Facts table
(``table#quickfacts``), the breadcrumb (``div#ooh-breadcrumbs``), the canonical link, the tabs ``div#tab-3``
(employers), ``#tab-4`` (licenses, important qualities), ``#tab-5`` (pay, see paytab.py), ``#tab-6``
(openings, ``table#outlook-table``), ``#tab-8`` (``table#similar-occupations``), ``#tab-9`` (more information)
and ``p.update`` (last modified date). Where a page states a figure only inside a sentence (openings, wages),
the number is read from the sentence and the sentence itself is dropped.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from ooh_cli.core.vocab import EDUCATION, EXPERIENCE, OUTLOOK, TRAINING, Vocabulary
from ooh_cli.importer.errors import SourceError
from ooh_cli.importer.html import attr, credential_name, dedupe, lead_in, parse_html, read_page, text_of
from ooh_cli.importer.paytab import PayFigures, QuickFacts, read_pay_tab
from ooh_cli.importer.tables import (
    Employer,
    IndustryWage,
    OccupationWage,
    ProjectionLine,
    employer_tables,
    projections_table,
)
from ooh_cli.importer.values import (
    parse_decimal,
    parse_int,
    plain_number,
    projection_period,
    vocabulary_slug,
)

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser, LexborNode

BLS_ROOT = "https://www.bls.gov/"
# https://www.bls.gov/ooh/<group>/<slug>.htm, also written relative ("/ooh/<group>/<slug>.htm").
_PROFILE_URL = re.compile(r"^/ooh/([a-z0-9-]+)/([a-z0-9-]+)\.htm$")
_ONET = re.compile(r"onetonline\.org/link/summary/(\d\d-\d{4})")
_MONEY = re.compile(r"\$\s*([\d,]+(?:\.\d+)?)\s*(?:per\s+)?(year|hour)", re.IGNORECASE)
_TOP_CODED = re.compile(r"or more|equal to or greater than|at least|>=|\u2265", re.IGNORECASE)
_OUTLOOK = re.compile(r"^\s*([-\u2212\u2013]?\d+(?:\.\d+)?)\s*%\s*\(([^)]+)\)")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_OPENINGS = re.compile(r"\b(\d[\d,]*) openings\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Link:
    name: str
    url: str


@dataclass(slots=True, kw_only=True)
class ProfilePage(QuickFacts):
    """The facts of one profile page (the Quick Facts and the rest); None (or empty) where the page does not
    give them."""

    id: str
    title: str
    group: str
    group_name: str | None
    url: str
    last_modified: str | None = None
    percentile_10: int | float | None = None
    percentile_90: int | float | None = None
    percentile_10_hourly: float | None = None
    percentile_90_hourly: float | None = None
    # Each detailed occupation's pay: its own wage statement, or a row of the table of pay by occupation.
    occupations: tuple[OccupationWage, ...] = ()
    industries: tuple[IndustryWage, ...] = ()
    projected_year: int | None = None
    projected_jobs: int | None = None
    # The projections table, row by row: the profile, then each occupation it covers.
    projections: tuple[ProjectionLine, ...] = ()
    annual_openings: int | None = None
    employers_year: int | None = None
    employers: tuple[Employer, ...] = ()
    licenses: tuple[str, ...] = ()
    qualities: tuple[str, ...] = ()
    similar: tuple[str, ...] = ()
    associations: tuple[Link, ...] = ()
    # The detailed occupations of the projections table (or the profile's own code when it covers one).
    soc_codes: tuple[str, ...] = ()
    has_quick_facts: bool = True
    # What the parser could not make sense of, for the import report.
    warnings: tuple[str, ...] = ()


def read_profile(path: Path) -> ProfilePage:
    """Parse the profile page at ``path``; its file name (without .html) is the profile id."""
    return parse_profile(read_page(path, "a saved OOH profile page"), path)


def parse_profile(text: str, path: Path) -> ProfilePage:
    return _PageReader(parse_html(text, path), path).read()


class _PageReader:
    def __init__(self, document: LexborHTMLParser, path: Path) -> None:
        self.document = document
        self.path = path
        self.warnings: list[str] = []

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    def by_id(self, element_id: str) -> LexborNode | None:
        """The first element with this id, as in browsers."""
        return self.document.css_first(f"#{element_id}")

    def tab(self, number: int) -> LexborNode | None:
        return self.by_id(f"tab-{number}")

    def read(self) -> ProfilePage:
        quickfacts = self.by_id("quickfacts")
        tabs = self.by_id("tabs")
        heading = self.document.css_first("h1")
        breadcrumbs = self.by_id("ooh-breadcrumbs")
        if quickfacts is None and (tabs is None or heading is None or breadcrumbs is None):
            raise SourceError(self.path, "not an OOH profile page: no Quick Facts table and no profile tabs")
        profile_id = self.path.stem
        url, group = self._url_and_group(profile_id, breadcrumbs)
        title = self._title(quickfacts, heading)
        facts = QuickFacts()
        if quickfacts is None:
            self.warn("no Quick Facts table; its figures are left empty")
        else:
            self._quick_facts(quickfacts, facts)
        projected_year, projected_jobs, table_codes, projections = self._projections_table(facts)
        employers_year, employers = self._employers(title, facts.jobs_year)
        pay = self._pay_tab(title, facts)
        licenses, qualities = self._entry_names()
        associations, onet_codes = self._more_info(url)
        return ProfilePage(
            id=profile_id,
            title=title,
            group=group,
            group_name=self._group_name(breadcrumbs),
            url=url,
            last_modified=self._last_modified(),
            **asdict(facts),
            **{field.name: getattr(pay, field.name) for field in fields(pay)},
            projected_year=projected_year,
            projected_jobs=projected_jobs,
            projections=projections,
            annual_openings=self._openings(),
            employers_year=employers_year,
            employers=employers,
            licenses=licenses,
            qualities=qualities,
            similar=self._similar(profile_id),
            associations=associations,
            # Without a projections table, the codes of the O*NET links name the occupations covered.
            soc_codes=tuple(dict.fromkeys(table_codes or onet_codes)),
            has_quick_facts=quickfacts is not None,
            warnings=tuple(self.warnings),
        )

    # -- identity -------------------------------------------------------------------------------------------

    def _url_and_group(self, profile_id: str, breadcrumbs: LexborNode | None) -> tuple[str, str]:
        link = self.document.css_first('link[rel~="canonical"]')
        canonical = attr(link, "href") if link is not None else ""
        match = _PROFILE_URL.match(urlsplit(canonical).path) if canonical else None
        if match is not None:
            if match.group(2) != profile_id:
                self.warn(f"the page's own URL names it {match.group(2)!r}, the file {profile_id!r}")
            return canonical, match.group(1)
        # No canonical link: the group's home page in the breadcrumb gives the group.
        for anchor in breadcrumbs.css("a") if breadcrumbs is not None else ():
            parts = urlsplit(attr(anchor, "href")).path.strip("/").split("/")
            if len(parts) == 3 and parts[0] == "ooh" and parts[2] == "home.htm":
                return f"{BLS_ROOT}ooh/{parts[1]}/{profile_id}.htm", parts[1]
        raise SourceError(self.path, "cannot tell the occupational group: no canonical link and no group breadcrumb")

    @staticmethod
    def _group_name(breadcrumbs: LexborNode | None) -> str | None:
        if breadcrumbs is None:
            return None
        names = [text_of(anchor) for anchor in breadcrumbs.css("a")]
        # The first crumb is the Handbook itself; the last is the group.
        return names[-1] if len(names) > 1 and names[-1] else None

    def _title(self, quickfacts: LexborNode | None, heading: LexborNode | None) -> str:
        if quickfacts is not None:
            header = self.by_id("quickfacts-0-0")
            if header is None:
                header = quickfacts.css_first("th")
            if header is not None:
                title = re.sub(r"^Quick Facts:\s*", "", text_of(header), flags=re.IGNORECASE)
                if title:
                    return title
        if heading is not None and text_of(heading):
            return text_of(heading)
        raise SourceError(self.path, "no occupation title (neither a Quick Facts heading nor an <h1>)")

    def _last_modified(self) -> str | None:
        for paragraph in self.document.css("p.update"):
            text = re.sub(r"^.*?Last Modified Date:\s*", "", text_of(paragraph), flags=re.IGNORECASE)
            # "Thursday, August 28, 2025": the weekday is optional.
            date_text = text.split(", ", 1)[1] if text.count(",") == 2 else text
            try:
                return datetime.strptime(date_text, "%B %d, %Y").date().isoformat()
            except ValueError:
                self.warn(f"unreadable last modified date {text!r}")
        return None

    # -- Quick Facts ------------------------------------------------------------------------------------------

    def _quick_facts(self, table: LexborNode, facts: QuickFacts) -> None:
        for row in table.css("tr"):
            header, cell = row.css_first("th"), row.css_first("td")
            if header is None or cell is None:
                continue
            label = text_of(header)
            key = label.casefold()
            value = text_of(cell)
            if "median pay" in key:
                self._pay(value, label, facts)
            elif "entry-level education" in key:
                facts.education = self._term(EDUCATION, value, "education")
            elif "work experience" in key:
                facts.experience = self._term(EXPERIENCE, value, "work experience")
            elif "on-the-job training" in key:
                facts.training = self._term(TRAINING, value, "training")
            elif "number of jobs" in key:
                facts.jobs = parse_int(value)
                facts.jobs_year = _year(label)
            elif "job outlook" in key:
                facts.period = facts.period or projection_period(label)
                self._outlook(value, facts)
            elif "employment change" in key:
                facts.change = parse_int(value)
                facts.period = facts.period or projection_period(label)
            else:
                self.warn(f"unknown Quick Facts row {label!r}")

    def _pay(self, text: str, label: str, facts: QuickFacts) -> None:
        facts.pay_year = _year(label)
        for amount, unit in _MONEY.findall(text):
            number = parse_decimal(amount)
            if number is None:
                continue
            if unit.casefold() == "year":
                facts.median_annual = plain_number(number)
            else:
                facts.median_hourly = float(number)
        if facts.median_annual is not None or facts.median_hourly is not None:
            facts.top_coded = bool(_TOP_CODED.search(text))
        elif text:
            self.warn(f"unreadable median pay {text!r}")

    def _outlook(self, value: str, facts: QuickFacts) -> None:
        match = _OUTLOOK.match(value)
        if match is None:
            if value:
                self.warn(f"unreadable job outlook {value!r}")
            return
        growth = parse_decimal(match.group(1))
        facts.growth_percent = None if growth is None else plain_number(growth)
        facts.category = self._term(OUTLOOK, match.group(2), "outlook category")

    def _term(self, vocabulary: Vocabulary, label: str, what: str) -> str | None:
        slug, understood = vocabulary_slug(vocabulary, label)
        if not understood:
            self.warn(f"unknown {what} {label!r}")
        return slug

    # -- tabs -------------------------------------------------------------------------------------------------

    def _employers(self, title: str, jobs_year: int | None) -> tuple[int | None, tuple[Employer, ...]]:
        tab = self.tab(3)
        if tab is None:
            return None, ()
        year, employers, warnings = employer_tables(tab, title, jobs_year)
        self.warnings.extend(warnings)
        return year, employers

    def _pay_tab(self, title: str, facts: QuickFacts) -> PayFigures:
        tab = self.tab(5)
        if tab is None:
            return PayFigures()
        pay, warnings = read_pay_tab(tab, title, facts)
        self.warnings.extend(warnings)
        return pay

    def _openings(self) -> int | None:
        tab = self.tab(6)
        if tab is None:
            return None
        values = {parse_int(number) for number in _OPENINGS.findall(text_of(tab))}
        if len(values) > 1:
            self.warn(f"several annual openings figures {sorted(v for v in values if v is not None)}; none imported")
            return None
        return next(iter(values), None)

    def _projections_table(
        self, facts: QuickFacts
    ) -> tuple[int | None, int | None, list[str], tuple[ProjectionLine, ...]]:
        """Projected employment of the whole profile (the table's first row), the detailed SOC codes and the
        table's rows."""
        element = self.by_id("outlook-table")
        if element is None:
            return None, None, [], ()
        table, warnings = projections_table(element)
        self.warnings.extend(warnings)
        if not table.lines:
            return None, None, [], ()
        codes, lines = table.detailed_codes(), table.lines
        if facts.jobs_year is not None and table.base_year != facts.jobs_year:
            self.warn(
                f"projections table counts jobs in {table.base_year}, Quick Facts in {facts.jobs_year}; not imported"
            )
            return None, None, codes, ()
        first = lines[0]
        if facts.jobs is not None and first.jobs != facts.jobs:
            # The first row is not the whole profile, so its projection is not the profile's either.
            self.warn(
                f"projections table starts with {first.jobs} jobs, Quick Facts say {facts.jobs}; projection not imported"
            )
            return None, None, codes, lines
        return table.projected_year, first.projected_jobs, codes, lines

    def _entry_names(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Names of licenses and certifications, and of important qualities, from How to Become One.

        Qualities are the bold lead-ins of their paragraphs ("Analytical skills."). Credentials count only
        when the page names them: as a lead-in, a sub-heading or a short list item ending in "certificate",
        "license", "rating" and the like. Requirements lists and prose are left out.
        """
        tab = self.tab(4)
        if tab is None:
            return (), ()
        licenses: list[str] = []
        qualities: list[str] = []
        section = ""
        for element in tab.css("h2, h3, h4, p, li"):
            if element.tag in ("h2", "h3"):
                section = text_of(element).casefold()
                continue
            in_licenses = "license" in section or "certification" in section
            if "important qualities" in section and element.tag in ("p", "li"):
                name = lead_in(element)
                if name:
                    qualities.append(name)
            elif in_licenses:
                name = lead_in(element) if element.tag == "p" else credential_name(element)
                if name:
                    licenses.append(name)
        return dedupe(licenses), dedupe(qualities)

    def _similar(self, profile_id: str) -> tuple[str, ...]:
        """The profile each row of the similar occupations table is about: the link of its Occupation cell (the
        duties beside it may link other profiles, "... help scientists, veterinarians, and others")."""
        table = self.by_id("similar-occupations")
        if table is None:
            return ()
        column = next((attr(th, "id") for th in table.css("th[id]") if text_of(th).casefold() == "occupation"), "")
        ids: list[str] = []
        for row in table.css("tr"):
            cells = [cell for cell in row.css("td") if not column or column in attr(cell, "headers").split()]
            # Without a heading to go by, the row's first link: its picture's or its name's.
            for anchor in (anchor for cell in cells for anchor in cell.css("a")):
                match = _PROFILE_URL.match(urlsplit(attr(anchor, "href")).path)
                if match:
                    if match.group(2) != profile_id:
                        ids.append(match.group(2))
                    break
        return tuple(dict.fromkeys(ids))

    def _more_info(self, page_url: str) -> tuple[tuple[Link, ...], list[str]]:
        """Organizations and resources of the More Info tab, and the SOC codes of its O*NET links.

        A link under a sub-heading is named after both ("CareerOneStop: Registered Nurses"), since the link text
        alone is often just the occupation.
        """
        tab = self.tab(9)
        if tab is None:
            return (), []
        links: dict[str, Link] = {}
        codes: list[str] = []
        heading = ""
        for element in tab.css("h2, h3, h4, a"):
            if element.tag != "a":
                heading = text_of(element) if element.tag != "h2" else ""
                continue
            href = attr(element, "href").strip()
            onet = _ONET.search(href)
            if onet:
                codes.append(onet.group(1))
                continue
            url = urljoin(page_url, href)
            if urlsplit(url).scheme not in ("http", "https") or href.startswith("#"):
                continue
            name = text_of(element)
            if not name:
                continue
            if heading and heading.casefold() != name.casefold():
                name = f"{heading}: {name}"
            links.setdefault(url, Link(name, url))
        return tuple(links.values()), codes


def _year(text: str) -> int | None:
    match = _YEAR.search(text)
    return int(match.group(1)) if match else None

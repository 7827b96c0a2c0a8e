from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ooh_cli.importer.errors import SourceError
from ooh_cli.importer.pages import Link, ProfilePage, parse_profile, read_profile
from ooh_cli.importer.tables import Employer, IndustryWage, ProjectionLine

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = FIXTURES / "pages"
# Pages for these tests only, not imported by test_build: hourly wages, wages of an earlier year, and more.
PROFILES = FIXTURES / "profiles"


@pytest.fixture(scope="module")
def lamplighters() -> ProfilePage:
    return read_profile(PAGES / "lamplighters.html")


def test_identity(lamplighters: ProfilePage) -> None:
    page = lamplighters
    assert page.id == "lamplighters"
    assert page.title == "Lamplighters"
    assert page.group == "installation-maintenance-and-repair"
    assert page.group_name == "Installation, Maintenance, and Repair"
    assert page.url == "https://www.bls.gov/ooh/installation-maintenance-and-repair/lamplighters.htm"
    assert page.last_modified == "2025-08-28"
    assert page.warnings == ()


def test_quick_facts(lamplighters: ProfilePage) -> None:
    page = lamplighters
    assert (page.pay_year, page.median_annual, page.median_hourly, page.top_coded) == (2024, 48120, 23.13, False)
    assert (page.education, page.experience, page.training) == (
        "postsecondary-nondegree",
        "less-than-5-years",
        "moderate-term",
    )
    assert (page.jobs_year, page.jobs) == (2024, 12300)
    assert (page.period, page.growth_percent, page.category, page.change) == ("2024-34", -4, "decline", -500)


def test_figures_from_the_tabs(lamplighters: ProfilePage) -> None:
    page = lamplighters
    assert (page.percentile_10, page.percentile_90) == (31050, 72440)
    assert (page.percentile_10_hourly, page.percentile_90_hourly) == (None, None)  # annual wages only
    # The Pay tab's table: "$52,300" in the first row, "47,910" below.
    assert page.industries == (
        IndustryWage("Utilities", 52300),
        IndustryWage("Local government, excluding education and hospitals", 47910),
    )
    assert page.annual_openings == 1100
    assert (page.projected_year, page.projected_jobs) == (2034, 11800)
    assert page.projections == (ProjectionLine("Lamplighters", "49-9099", 12300, 11800, -4, -500),)
    assert page.soc_codes == ("49-9099",)  # the table's only row, the profile's own
    # The table of detailed occupations above the employers table is not an employers table.
    assert page.employers_year == 2024
    assert page.employers == (
        Employer("Local government, excluding education and hospitals", 61),
        Employer("Utilities", 22),
        Employer("Self-employed workers", 9),
    )


def test_names_only_from_how_to_become_one(lamplighters: ProfilePage) -> None:
    page = lamplighters
    # Requirements ("Be at least 18 years old") and prose are not credentials.
    assert page.licenses == ("Gas fitter license", "Ladder safety (LS) certification", "Night work endorsement")
    assert page.qualities == ("Night vision", "Steady hands", "Punctuality")


def test_links(lamplighters: ProfilePage) -> None:
    page = lamplighters
    assert page.similar == ("chimney-sweeps", "castle-guards", "candle-makers")
    # O*NET links are left out, repeated URLs kept once, a link under a heading named after both.
    assert page.associations == (
        Link("CareerOneStop", "https://www.careeronestop.org/Toolkit/Training/find-certifications.aspx"),
        Link("Guild of Lamplighters", "https://lamplighters.example.org/"),
        Link(
            "CareerOneStop: Lamplighters",
            "https://www.careeronestop.org/videos/careeronestop-videos.aspx?videocode=49909907",
        ),
    )


def test_several_occupations_in_one_profile() -> None:
    page = read_profile(PAGES / "chimney-sweeps.html")
    assert page.title == "Chimney Sweeps and Flue Cleaners"
    # "This wage is equal to or greater than $239,200 per year or $115.00 per hour."
    assert (page.median_annual, page.median_hourly, page.top_coded) == (239200, 115.0, True)
    assert page.education == "varies"  # "See How to Become One"
    assert (page.experience, page.training) == ("none", "apprenticeship")
    assert (page.jobs, page.growth_percent, page.category, page.change) == (1234500, 7, "much-faster", 86400)
    assert (page.projected_year, page.projected_jobs) == (2034, 1320900)  # the table's first row: the whole
    assert page.projections == (
        ProjectionLine("Chimney sweeps and flue cleaners", None, 1234500, 1320900, 7, 86400),  # "—": no code
        ProjectionLine("Chimney sweeps", "47-4071", 1000000, 1070000, 7, 70000, level=1),
        ProjectionLine("Flue cleaners", "47-4099", 234500, 250900, 7, 16400, level=1),
    )
    assert page.soc_codes == ("47-4071", "47-4099")
    # Percentiles are given per part only: not figures of the whole profile. The industry tables keep whose
    # wages they are.
    assert (page.percentile_10, page.percentile_90) == (None, None)
    assert [(wage.name, wage.part) for wage in page.industries] == [
        ("Building services", "chimney sweeps"),
        ("Self-employed workers", "chimney sweeps"),
        ("Utilities", "flue cleaners"),
    ]
    # Employers too, so each part's table is kept, marked with the workers it is about.
    assert page.employers == (
        Employer("Building services", 70, "chimney sweeps"),
        Employer("Self-employed workers", 30, "chimney sweeps"),
        Employer("Utilities", 55, "flue cleaners"),
        Employer("Manufacturing", 45, "flue cleaners"),
    )
    assert page.employers_year == 2024
    assert page.licenses == ()  # the section is prose only
    assert page.last_modified == "2025-09-16"
    assert page.warnings == ()


def test_hourly_wages_stay_hourly() -> None:
    page = read_profile(PROFILES / "lock-keepers.html")
    # "The median hourly wage for lock keepers was $18.27 in May 2024. ... less than $12.50, ... more than $30.00."
    assert (page.pay_year, page.median_annual, page.median_hourly) == (2024, None, 18.27)
    assert (page.percentile_10_hourly, page.percentile_90_hourly) == (12.5, 30.0)
    assert (page.percentile_10, page.percentile_90) == (None, None)  # never an hourly figure in an annual field
    assert page.industries == (
        IndustryWage("Federal government, excluding postal service", median_hourly=19.1),
        IndustryWage("Water transportation", median_hourly=17.25),
        IndustryWage("Local government, excluding education and hospitals", median_hourly=16.0),
    )
    assert page.warnings == ()


def test_wages_last_published_for_an_earlier_year() -> None:
    page = read_profile(PROFILES / "pearl-divers.html")
    # Quick Facts give no median pay; the Pay tab gives the wages of May 2017, and nothing more is said.
    assert (page.pay_year, page.median_annual, page.median_hourly, page.top_coded) == (2017, 28530, None, False)
    assert (page.percentile_10, page.percentile_90) == (18710, 48170)
    assert (page.percentile_10_hourly, page.percentile_90_hourly, page.industries) == (None, None, ())
    assert (page.jobs_year, page.jobs) == (2024, 21900)
    assert page.warnings == ()


def test_pay_tab_figures_that_do_not_fit_are_left_out() -> None:
    text = (PAGES / "lamplighters.html").read_text(encoding="utf-8")
    # Wages of another year than Quick Facts': percentiles and industries would be misdated.
    page = parse_profile(text.replace("May 2024", "May 2023"), Path("lamplighters.html"))
    assert (page.pay_year, page.median_annual) == (2024, 48120)
    assert (page.percentile_10, page.percentile_90, page.industries) == (None, None, ())
    assert page.warnings == (
        "the Pay tab's median is $48120 in May 2023, Quick Facts give $48120 in 2024; percentiles not imported",
        "top industries' wages are of May 2023, the pay of 2024; left out",
    )
    # Annual wages written with cents, an hourly wage in an annual table: not guessed at.
    page = parse_profile(text.replace("$31,050", "$31.05").replace("47,910", "23.03"), Path("lamplighters.html"))
    assert (page.percentile_10, page.percentile_90, page.percentile_10_hourly, page.industries) == (None,) * 3 + ((),)
    assert page.warnings == (
        "annual wages of lamplighters written as ['$48,120', '$31.05', '$72,440']; not imported",
        "top industries of lamplighters: '23.03' is not an annual wage; table not imported",
    )
    # A wage published as "or more" is kept as the amount, marked top-coded, as the median pay is.
    page = parse_profile(text.replace("$52,300", "$239,200 or more"), Path("lamplighters.html"))
    assert page.industries[0] == IndustryWage("Utilities", 239200, top_coded=True)  # "$239,200 or more"
    assert page.industries[1].median_annual == 47910
    assert page.warnings == ()


def test_soc_codes_are_the_detailed_occupations_of_the_projections_table() -> None:
    page = read_profile(PROFILES / "lock-keepers.html")
    # Three levels: the profile ("—"), a group (53-6010) and its members, then one more occupation (53-6099).
    assert [(line.title, line.soc_code, line.level) for line in page.projections] == [
        ("Lock keepers", None, 0),
        ("Lock and bridge workers", "53-6010", 1),
        ("Lock keepers and bridge tenders", "53-6011", 2),
        ("Canal lock keepers", "53-6012", 2),
        ("Weir keepers", "53-6099", 1),
    ]
    assert page.projections[1] == ProjectionLine(
        "Lock and bridge workers", "53-6010", 4000000, 4178000, 4.5, 178000, level=1
    )
    # One level: no group next to its members, and no O*NET code the table does not list (53-6013).
    assert page.soc_codes == ("53-6011", "53-6012", "53-6099")
    assert (page.projected_year, page.projected_jobs) == (2034, 4199500)


def test_projections_of_other_years_are_left_out() -> None:
    text = (PAGES / "lamplighters.html").read_text(encoding="utf-8")
    page = parse_profile(text.replace("Employment, 2024", "Employment, 2023"), Path("lamplighters.html"))
    assert (page.projections, page.projected_jobs) == ((), None)
    assert page.soc_codes == ("49-9099",)
    assert page.warnings == ("projections table counts jobs in 2023, Quick Facts in 2024; not imported",)


def test_see_how_to_become_one_is_varies() -> None:
    page = read_profile(PROFILES / "lock-keepers.html")
    assert (page.education, page.experience, page.training) == ("high-school", "varies", "varies")


def test_employer_tables_of_parts_named_like_the_title() -> None:
    # "Lock Keepers" begins "lock keepers and bridge tenders", one of two parts: not a table of the whole.
    page = read_profile(PROFILES / "lock-keepers.html")
    assert page.employers == (
        Employer("Federal government, excluding postal service", 77, "lock keepers and bridge tenders"),
        Employer("Local government, excluding education and hospitals", 9, "lock keepers and bridge tenders"),
        Employer("State government, excluding education and hospitals", 39, "canal lock keepers"),
        Employer("Water transportation", 37, "canal lock keepers"),
    )
    assert page.employers_year == 2024


def test_similar_occupations_are_the_occupation_cells_links() -> None:
    # Duties may link other profiles ("... mention chimney sweeps"): not similar occupations.
    assert read_profile(PROFILES / "lock-keepers.html").similar == ("lamplighters", "castle-guards")
    assert "lighthouse-keepers" not in read_profile(PAGES / "lamplighters.html").similar


def test_profile_without_quick_facts_has_no_figures() -> None:
    page = read_profile(PAGES / "castle-guards.html")
    assert (page.title, page.group, page.group_name) == ("Castle Guards", "military", "Military")
    assert page.has_quick_facts is False
    figures = (page.median_annual, page.median_hourly, page.pay_year, page.jobs, page.growth_percent)
    assert figures == (None, None, None, None, None)
    assert (page.category, page.change, page.annual_openings, page.education) == (None, None, None, None)
    assert (page.percentile_10_hourly, page.industries, page.projections, page.soc_codes) == (None, (), (), ())
    assert page.qualities == ("Vigilance",)
    assert page.warnings == ("no Quick Facts table; its figures are left empty",)


def test_page_that_is_not_a_profile_is_refused() -> None:
    path = FIXTURES / "bad" / "not-a-profile.html"
    with pytest.raises(SourceError, match=r"not-a-profile\.html: not an OOH profile page") as caught:
        read_profile(path)
    assert caught.value.path == path
    assert caught.value.exit_code == 3


def test_unreadable_files_are_refused(tmp_path: Path) -> None:
    binary = tmp_path / "image.html"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    with pytest.raises(SourceError, match=r"image\.html: not a UTF-8 text file"):
        read_profile(binary)
    with pytest.raises(SourceError, match=r"missing\.html: cannot read"):
        read_profile(tmp_path / "missing.html")


def test_missing_html_parser_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "selectolax.lexbor", None)  # as if the import extra were not installed
    with pytest.raises(SourceError, match=r"lamplighters\.html: reading the saved pages needs selectolax") as caught:
        read_profile(PAGES / "lamplighters.html")
    assert caught.value.exit_code == 3


def test_sloppy_html_still_parses() -> None:
    text = (PAGES / "lamplighters.html").read_text(encoding="utf-8")
    # Cells, rows, paragraphs and list items left open, a stray end tag: what browsers forgive, the parser must too.
    sloppy = (
        text.replace("</td>", "")
        .replace("</tr>", "")
        .replace("</p>", "")
        .replace("</li>", "")
        .replace("<h1>", "</span><h1>")
    )
    page = parse_profile(sloppy, Path("lamplighters.html"))
    assert (page.title, page.jobs, page.category, page.change) == ("Lamplighters", 12300, "decline", -500)
    assert (page.median_annual, page.median_hourly, page.annual_openings) == (48120, 23.13, 1100)
    assert page.employers[0] == Employer("Local government, excluding education and hospitals", 61)
    assert page.qualities == ("Night vision", "Steady hands", "Punctuality")
    assert page.licenses == ("Gas fitter license", "Ladder safety (LS) certification", "Night work endorsement")
    assert (page.percentile_10, page.industries[1].median_annual, page.projections[0].change) == (31050, 47910, -500)
    assert page.similar == ("chimney-sweeps", "castle-guards", "candle-makers")


def test_stray_end_tags_change_nothing(lamplighters: ProfilePage) -> None:
    text = (PAGES / "lamplighters.html").read_text(encoding="utf-8")
    # Browsers make an empty paragraph of a stray </p> and a line break of </br>; other stray end tags are dropped.
    sloppy = (
        text.replace("were as follows:</p>", "were as follows:</p></p>")
        .replace("<br>$23.13", "</br>$23.13")
        .replace("<h3>Important Qualities</h3>", "</li></td></em><h3>Important Qualities</h3></strong>")
        .replace("<h3>Guild of Lamplighters</h3>", "</a></h4><h3>Guild of Lamplighters</h3>")
    )
    assert parse_profile(sloppy, Path("lamplighters.html")) == lamplighters


def test_scripts_styles_and_invisible_text_are_not_read() -> None:
    text = (PAGES / "lamplighters.html").read_text(encoding="utf-8")
    hidden = '<script>var s = "$99,999 per year";</script><style>p::after { content: "$1 per hour"; }</style>'
    page = parse_profile(
        text.replace("$48,120     per year", f"{hidden}$48,120     per year").replace(
            "Quick Facts:     Lamplighters", 'Quick Facts: <span class="tip invisible">Hidden</span> Lamplighters'
        ),
        Path("lamplighters.html"),
    )
    assert (page.title, page.median_annual, page.median_hourly, page.warnings) == ("Lamplighters", 48120, 23.13, ())


def test_unknown_labels_are_reported_not_guessed() -> None:
    text = (PAGES / "lamplighters.html").read_text(encoding="utf-8")
    page = parse_profile(text.replace("Postsecondary nondegree award", "Wizarding diploma"), Path("x.html"))
    assert page.education is None
    assert "unknown education 'Wizarding diploma'" in page.warnings
    # The canonical link names the page differently from its file: reported, the file name is the id.
    assert page.id == "x"
    assert any("names it 'lamplighters'" in warning for warning in page.warnings)

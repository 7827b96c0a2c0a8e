"""The export's tables of state and metro wages (OEWS) and of O*NET, and its full-text indexes (see exportschema.py)."""

from __future__ import annotations

from ooh_cli.core.exportschema import POSITION, PROFILE_ID, TO_PROFILE, C, Column, FtsTable, Table
from ooh_cli.core.onet import PUBLISHED, RELEASE

# The figures of a wage estimate, in the order of the wages table.
WAGE_FIGURES: tuple[Column, ...] = (
    C("employment", "INTEGER", "number of jobs"),
    C("employment_per_1000", "REAL", "jobs in the occupation per 1,000 jobs in the area"),
    C("location_quotient", "REAL", "employment_per_1000 against the nation's: above 1, more concentrated than average"),
    C("hourly_mean", "REAL", "mean hourly wage, dollars"),
    C("annual_mean", "INTEGER", "mean annual wage, dollars"),
    C("hourly_10", "REAL", "10th percentile hourly wage, dollars"),
    C("hourly_25", "REAL", "25th percentile hourly wage, dollars"),
    C("hourly_median", "REAL", "median hourly wage, dollars"),
    C("hourly_75", "REAL", "75th percentile hourly wage, dollars"),
    C("hourly_90", "REAL", "90th percentile hourly wage, dollars"),
    C("annual_10", "INTEGER", "10th percentile annual wage, dollars"),
    C("annual_25", "INTEGER", "25th percentile annual wage, dollars"),
    C("annual_median", "INTEGER", "median annual wage, dollars"),
    C("annual_75", "INTEGER", "75th percentile annual wage, dollars"),
    C("annual_90", "INTEGER", "90th percentile annual wage, dollars"),
)
# BLS's footnote codes on OEWS figures, said in our own words; a code not listed gets a generic meaning.
FOOTNOTES = {
    4: "BLS publishes this occupation's wages only by the hour or only by the year (work not done year-round "
    "full time, such as teaching or acting): the other kind is not published",
    5: "the wage is above the highest figure BLS publishes for this estimate, so no figure is given",
    8: "BLS did not release this estimate",
}
OTHER_FOOTNOTE = "a BLS footnote (see the OEWS footnote list)"

ONET_RELEASE = C("release", "TEXT NOT NULL", f"the O*NET release the figures are from ({RELEASE}, {PUBLISHED})")
ONET_OCCUPATION = C("onet_soc_code", "TEXT NOT NULL", "an O*NET occupation (onet_occupations.onet_soc_code)")
TO_ONET = (("onet_soc_code",), "onet_occupations", ("onet_soc_code",))

OEWS_TABLES: tuple[Table, ...] = (
    Table(
        "areas",
        "OEWS areas",
        "oews",
        "The areas of the OEWS estimates: the nation, states and territories, metropolitan and nonmetropolitan areas.",
        (
            C("area_code", "TEXT NOT NULL", "the OEWS area code, 7 digits (the nation: 0000000)"),
            C("name", "TEXT NOT NULL", "the area's name"),
            C("kind", "TEXT NOT NULL", "national, state, metro or nonmetro"),
        ),
        ("area_code",),
        (),
        (("kind",),),
    ),
    Table(
        "area_states",
        "States of OEWS areas",
        "oews",
        "The states (postal codes) each area lies in: a metropolitan area may straddle several.",
        (
            C("area_code", "TEXT NOT NULL", "the area (areas.area_code)"),
            C("state", "TEXT NOT NULL", "a postal code, e.g. TX"),
        ),
        ("area_code", "state"),
        ((("area_code",), "areas", ("area_code",)),),
        (("state",),),
    ),
    Table(
        "oews_occupations",
        "OEWS occupations",
        "oews",
        "The detailed occupations of the profiles that OEWS has estimates for, with OEWS's titles.",
        (C("soc_code", "TEXT NOT NULL", "the SOC code NN-NNNN"), C("title", "TEXT NOT NULL", "OEWS's title")),
        ("soc_code",),
    ),
    Table(
        "wages",
        "Wages by area (OEWS)",
        "oews",
        "OEWS estimates of employment and wages for each SOC code of the profiles in each area, all industries. "
        "A figure BLS does not publish is NULL; wage_footnotes says why.",
        (
            C("soc_code", "TEXT NOT NULL", "the occupation (oews_occupations.soc_code)"),
            C("area_code", "TEXT NOT NULL", "the area (areas.area_code)"),
            C("period", "TEXT NOT NULL", "the reference period of the estimate, e.g. May 2025"),
            *WAGE_FIGURES,
        ),
        ("soc_code", "area_code"),
        ((("soc_code",), "oews_occupations", ("soc_code",)), (("area_code",), "areas", ("area_code",))),
        (("area_code",),),
    ),
    Table(
        "footnotes",
        "OEWS footnotes",
        "oews",
        "What BLS's footnote codes on OEWS figures mean, in ooh's words.",
        (C("footnote", "INTEGER NOT NULL", "BLS's footnote code"), C("meaning", "TEXT NOT NULL", "what it means")),
        ("footnote",),
    ),
    Table(
        "wage_footnotes",
        "Footnotes of wage figures",
        "oews",
        "BLS's footnote on a figure of an estimate: why it is missing, or how it is to be read.",
        (
            C("soc_code", "TEXT NOT NULL", "the estimate's occupation"),
            C("area_code", "TEXT NOT NULL", "the estimate's area"),
            C("figure", "TEXT NOT NULL", "the figure's column in wages, e.g. annual_median"),
            C("footnote", "INTEGER NOT NULL", "the footnote (footnotes.footnote)"),
        ),
        ("soc_code", "area_code", "figure"),
        (
            (("soc_code", "area_code"), "wages", ("soc_code", "area_code")),
            (("footnote",), "footnotes", ("footnote",)),
        ),
    ),
)

ONET_TABLES: tuple[Table, ...] = (
    Table(
        "onet_occupations",
        "O*NET occupations",
        "onet",
        "The O*NET occupations the profiles combine, and the finer ones some of their ratings come from.",
        (
            C("onet_soc_code", "TEXT NOT NULL", "the O*NET-SOC code, e.g. 29-1141.00"),
            C("soc_code", "TEXT NOT NULL", "the SOC code it falls under"),
            C("title", "TEXT", "O*NET's title; NULL for a finer occupation ooh keeps only as a rating's source"),
        ),
        ("onet_soc_code",),
        (),
        (("soc_code",),),
    ),
    Table(
        "onet_profiles",
        "O*NET facts of profiles",
        "onet",
        "Each profile's job zone and Holland code, from the O*NET occupations it combines.",
        (
            PROFILE_ID,
            ONET_RELEASE,
            C("job_zone", "INTEGER", "1-5, how much preparation the work takes (job_zones); NULL: not rated"),
            C("holland_code", "TEXT", "one to three RIASEC letters, strongest interest first; NULL: not rated"),
            C("weighting", "TEXT NOT NULL", "how the O*NET occupations are combined: employment or equal"),
        ),
        ("profile_id",),
        TO_PROFILE,
    ),
    Table(
        "job_zones",
        "Job zones",
        "onet",
        "What each O*NET job zone means, in ooh's words.",
        (C("job_zone", "INTEGER NOT NULL", "the zone, 1-5"), C("meaning", "TEXT NOT NULL", "the preparation it takes")),
        ("job_zone",),
    ),
    Table(
        "onet_profile_occupations",
        "O*NET occupations of profiles",
        "onet",
        "The O*NET occupations each profile combines, and the weight of each in the profile's ratings.",
        (PROFILE_ID, ONET_OCCUPATION, C("weight", "REAL NOT NULL", "its weight, 0-1")),
        ("profile_id", "onet_soc_code"),
        (*TO_PROFILE, TO_ONET),
        (("onet_soc_code",),),
    ),
    Table(
        "onet_sources",
        "O*NET occupations behind each kind of rating",
        "onet",
        "Per profile and kind of rating, the O*NET occupations it came from, and those O*NET does not rate for it.",
        (
            PROFILE_ID,
            C("kind", "TEXT NOT NULL", "skills, knowledge, work_styles, work_values, interests, job_zone, education"),
            ONET_OCCUPATION,
            C("rated", "INTEGER NOT NULL", "1: the kind came from it; 0: O*NET does not rate it for this kind"),
        ),
        ("profile_id", "kind", "onet_soc_code"),
        (*TO_PROFILE, TO_ONET),
    ),
    Table(
        "onet_ratings",
        "O*NET ratings",
        "onet",
        "Skills, knowledge, work styles and work values: how much each profile's work asks of each. A profile "
        "O*NET does not rate for a kind has no rows of it (never zeros).",
        (
            PROFILE_ID,
            C("kind", "TEXT NOT NULL", "skill, knowledge, work_style or work_value"),
            POSITION,
            C("element", "TEXT NOT NULL", "the skill, knowledge area, work style or work value"),
            C("importance", "REAL NOT NULL", "importance, 1-5 (work values: extent, 1-7)"),
            C("level", "REAL", "level, 0-7 (skills and knowledge; NULL for the others)"),
            ONET_RELEASE,
        ),
        ("profile_id", "kind", "element"),
        TO_PROFILE,
        (("kind", "element"),),
    ),
    Table(
        "onet_interests",
        "O*NET interests",
        "onet",
        "The six RIASEC interest scores of each profile O*NET rates.",
        (
            PROFILE_ID,
            C("interest", "TEXT NOT NULL", "Realistic, Investigative, Artistic, Social, Enterprising or Conventional"),
            C("score", "REAL NOT NULL", "how strongly the work suits the interest, 1-7"),
            ONET_RELEASE,
        ),
        ("profile_id", "interest"),
        TO_PROFILE,
    ),
    Table(
        "onet_technology",
        "O*NET technology",
        "onet",
        "Software and tools used in each profile's work.",
        (
            PROFILE_ID,
            C("category", "TEXT NOT NULL", "O*NET's commodity title, e.g. Spreadsheet software"),
            C("example", "TEXT NOT NULL", "the product, e.g. Microsoft Excel"),
            C("hot", "INTEGER NOT NULL", "1 when O*NET marks it a Hot Technology (often in job postings)"),
            C("in_demand", "INTEGER NOT NULL", "1 when O*NET marks it in demand for the occupation"),
            ONET_RELEASE,
        ),
        ("profile_id", "category", "example"),
        TO_PROFILE,
        (("example",),),
    ),
    Table(
        "onet_education",
        "Education of workers (O*NET)",
        "onet",
        "The education current workers of each profile hold, as O*NET's survey gives it.",
        (
            PROFILE_ID,
            POSITION,
            C("level", "TEXT NOT NULL", "the level of education, lowest first by position"),
            C("percent", "REAL NOT NULL", "the share of workers holding it, percent"),
            ONET_RELEASE,
        ),
        ("profile_id", "position"),
        TO_PROFILE,
    ),
    Table(
        "onet_alternate_titles",
        "O*NET alternate titles",
        "onet",
        "Other job titles of each profile's O*NET occupations, less the profile's own names.",
        (PROFILE_ID, C("title", "TEXT NOT NULL", "the title")),
        (),
        TO_PROFILE,
        (("profile_id",), ("title",)),
    ),
    Table(
        "onet_related",
        "O*NET related occupations",
        "onet",
        "The profiles O*NET relates to each profile, closest first.",
        (PROFILE_ID, POSITION, C("related_id", "TEXT NOT NULL", "the related profile (profiles.id)")),
        ("profile_id", "position"),
        (*TO_PROFILE, (("related_id",), "profiles", ("id",))),
        (("related_id",),),
    ),
)

FTS_TABLES: tuple[FtsTable, ...] = (
    FtsTable(
        "profiles_fts",
        "Full-text search of profiles",
        "ooh",
        "Titles, other names and prose of each profile; its rowid is the profile's rowid in profiles.",
        "profiles",
        (
            C("title", "", "the profile's title"),
            C("names", "", "its former titles and A-Z index titles, one a line"),
            C("summary", "", "profiles.summary"),
            C("what_they_do", "", "profiles.what_they_do"),
            C("duties", "", "its duties, one a line"),
            C("work_environment", "", "profiles.work_environment"),
            C("how_to_become", "", "profiles.how_to_become"),
            C("pay_summary", "", "profiles.pay_summary"),
            C("outlook_prospects", "", "profiles.outlook_prospects"),
        ),
        external=False,
    ),
    FtsTable(
        "onet_alternate_titles_fts",
        "Full-text search of O*NET alternate titles",
        "onet",
        "An index of onet_alternate_titles.title (its rows' rowids).",
        "onet_alternate_titles",
        (C("title", "", "onet_alternate_titles.title"),),
        external=True,
    ),
)

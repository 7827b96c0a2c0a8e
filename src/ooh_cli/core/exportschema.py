"""The schema of `ooh data export --sqlite`: a public interface for users, independent of how `ooh` stores data.

Each table is declared once here with its columns and their meanings: the SQL, the indexes and Datasette's
metadata.json are made from these declarations, and docs/export.md documents them (a test keeps the two equal).
Every figure has its reference period beside it, in a column of its row (``pay_year``, ``period``, ``release``).
"""

from __future__ import annotations

from typing import NamedTuple

from ooh_cli.core.onet import CREDIT, PUBLISHED, RELEASE


class Source(NamedTuple):
    name: str
    url: str
    license: str
    license_url: str
    credit: str | None = None


BLS_LICENSE = "Public domain (U.S. government work)"
BLS_LICENSE_URL = "https://www.bls.gov/opub/copyright-information.htm"
SOURCES = {
    "ooh": Source("BLS Occupational Outlook Handbook", "https://www.bls.gov/ooh/", BLS_LICENSE, BLS_LICENSE_URL),
    "oews": Source(
        "BLS Occupational Employment and Wage Statistics (OEWS)",
        "https://www.bls.gov/oes/",
        BLS_LICENSE,
        BLS_LICENSE_URL,
    ),
    "cip": Source(
        "NCES and BLS CIP 2020 to SOC 2018 crosswalk",
        "https://nces.ed.gov/ipeds/cipcode/",
        BLS_LICENSE,
        BLS_LICENSE_URL,
    ),
    "onet": Source(
        f"{RELEASE} Database ({PUBLISHED})",
        "https://www.onetcenter.org/database.html",
        "CC BY 4.0",
        "https://creativecommons.org/licenses/by/4.0/",
        CREDIT,
    ),
}
# The prose columns are the project's own summaries, under the project's licence.
PROSE_NOTE = " Prose columns are the ooh project's own words (MIT licence), not the Handbook's."


class Column(NamedTuple):
    name: str
    kind: str  # the SQL declaration: type and constraints
    meaning: str


class Table(NamedTuple):
    name: str
    title: str
    source: str  # a key of SOURCES
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()
    # (columns, the table they refer to, its columns): several columns for a composite key
    references: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = ()
    indexes: tuple[tuple[str, ...], ...] = ()
    # A table with a primary key is stored by it (WITHOUT ROWID), which saves an index the size of the table,
    # unless its rowid is wanted: a full-text index refers to its rows by rowid.
    rowid: bool = False

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def sql(self) -> str:
        lines = [f"{c.name} {c.kind}" for c in self.columns]
        if self.primary_key:
            lines.append(f"PRIMARY KEY ({', '.join(self.primary_key)})")
        lines += [f"FOREIGN KEY ({', '.join(a)}) REFERENCES {t} ({', '.join(b)})" for a, t, b in self.references]
        storage = " WITHOUT ROWID" if self.primary_key and not self.rowid else ""
        return f"CREATE TABLE {self.name} (\n  " + ",\n  ".join(lines) + "\n)" + storage

    def index_sql(self) -> list[str]:
        return [
            f"CREATE INDEX {self.name}_{'_'.join(cols)} ON {self.name} ({', '.join(cols)})" for cols in self.indexes
        ]


class FtsTable(NamedTuple):
    """A full-text index (SQLite FTS5) whose rowid is the rowid of ``table``'s rows."""

    name: str
    title: str
    source: str
    description: str
    table: str  # the table searched: a row of the index is the row of that table with the same rowid
    columns: tuple[Column, ...]
    external: bool  # True when the index reads its text from ``table`` (FTS5 external content)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def sql(self) -> str:
        content = f', content="{self.table}"' if self.external else ""
        # Porter stemming: "nurse" also finds "nurses", "coders" finds "Medical Coder".
        return (
            f"CREATE VIRTUAL TABLE {self.name} USING fts5({', '.join(self.column_names)}{content}, "
            "tokenize='porter unicode61')"
        )


C = Column  # short, as the declarations below are many


PROFILE_ID = C("profile_id", "TEXT NOT NULL", "the profile (profiles.id)")
POSITION = C("position", "INTEGER NOT NULL", "order in its list, from 1")
PROFILE_REFERENCE = (("profile_id",), "profiles", ("id",))
TO_PROFILE = (PROFILE_REFERENCE,)

# The Handbook's tables (the wages' and O*NET's are in exporttables.py).
OOH_TABLES: tuple[Table, ...] = (
    Table(
        "sources",
        "Sources",
        "ooh",
        "Where each part of this database comes from, with its licence and the credit it requires.",
        (
            C("source", "TEXT NOT NULL", "short name of the source, as tables' descriptions use it"),
            C("name", "TEXT NOT NULL", "the source's full name and release"),
            C("url", "TEXT NOT NULL", "where it is published"),
            C("license", "TEXT NOT NULL", "its licence"),
            C("license_url", "TEXT NOT NULL", "the licence's text"),
            C("credit", "TEXT", "the credit line its licence asks for, where it asks for one"),
        ),
        ("source",),
    ),
    Table(
        "edition",
        "Handbook edition",
        "ooh",
        "The edition of the Occupational Outlook Handbook the profiles come from: one row.",
        (
            C("edition", "TEXT NOT NULL", "the edition, named by its projection period, e.g. 2024-34"),
            C("projection_period", "TEXT NOT NULL", "the period of the projections, e.g. 2024-34"),
            C("base_year", "INTEGER NOT NULL", "the year of the employment and pay figures"),
            C("average_growth_percent", "REAL", "projected employment growth of all occupations over the period"),
            C("median_pay_all", "INTEGER", "median annual wage of all workers, dollars, in median_pay_year"),
            C("median_pay_year", "INTEGER", "the year of median_pay_all (May of that year)"),
            C("source_url", "TEXT", "the Handbook's address"),
            C("programs_edition", "TEXT", "the CIP-SOC crosswalk the programs of study come from, e.g. CIP 2020"),
            C("built", "TEXT", "the date `ooh data import` built the data, YYYY-MM-DD"),
        ),
        ("edition",),
    ),
    Table(
        "vocabulary",
        "Vocabularies",
        "ooh",
        "The closed vocabularies of the profiles: the slug stored in other tables, the Handbook's label, the rank.",
        (
            C("kind", "TEXT NOT NULL", "outlook, education, experience, training or public_contact"),
            C("slug", "TEXT NOT NULL", "the value other tables store, e.g. much-faster"),
            C("label", "TEXT NOT NULL", "the Handbook's label, e.g. Much faster than average"),
            C("rank", "INTEGER", "order, best or lowest first; NULL for varies, which has no rank"),
        ),
        ("kind", "slug"),
    ),
    Table(
        "outlook_thresholds",
        "Outlook categories",
        "ooh",
        "The growth each outlook category stands for in this edition (categories differ between editions).",
        (
            C("category", "TEXT NOT NULL", "outlook category slug"),
            C("min_growth_percent", "REAL", "lowest projected growth in the category, inclusive; NULL: no bound"),
            C("max_growth_percent", "REAL", "highest projected growth in the category, inclusive; NULL: no bound"),
            C("period", "TEXT NOT NULL", "the projection period the thresholds apply to"),
        ),
        ("category",),
    ),
    Table(
        "groups",
        "Occupational groups",
        "ooh",
        "The Handbook's occupational groups.",
        (C("slug", "TEXT NOT NULL", "the group's id"), C("name", "TEXT NOT NULL", "the group's name")),
        ("slug",),
    ),
    Table(
        "profiles",
        "Occupation profiles",
        "ooh",
        "One row per profile of the Handbook, with its quick facts; each figure has its year or period beside it, "
        "and a figure BLS does not publish is NULL." + PROSE_NOTE,
        (
            C("id", "TEXT NOT NULL", "the profile's id, its BLS page name, e.g. registered-nurses"),
            C("title", "TEXT NOT NULL", "the current title"),
            C("group_slug", "TEXT NOT NULL", "its occupational group (groups.slug)"),
            C("summary", "TEXT", "one or two sentences on the work (prose)"),
            C("what_they_do", "TEXT", "the work day to day (prose)"),
            C("work_environment", "TEXT", "where and how they work (prose)"),
            C("public_contact", "TEXT", "how much the work deals with the public: little, some or frequent"),
            C("education", "TEXT", "typical entry-level education (vocabulary slug)"),
            C("experience", "TEXT", "work experience in a related occupation (vocabulary slug)"),
            C("training", "TEXT", "typical on-the-job training (vocabulary slug)"),
            C("how_to_become", "TEXT", "education, training, credentials and advancement (prose)"),
            C("pay_year", "INTEGER", "the year of the pay figures (May of that year)"),
            C("median_pay_annual", "INTEGER", "median annual wage, dollars, in pay_year"),
            C("median_pay_hourly", "REAL", "median hourly wage, dollars, in pay_year"),
            C("median_pay_top_coded", "INTEGER NOT NULL", "1 when BLS publishes the median only as at least this"),
            C("pay_percentile_10", "INTEGER", "10th percentile annual wage, dollars, in pay_year"),
            C("pay_percentile_90", "INTEGER", "90th percentile annual wage, dollars, in pay_year"),
            C("pay_percentile_10_hourly", "REAL", "10th percentile hourly wage, where BLS gives hourly wages only"),
            C("pay_percentile_90_hourly", "REAL", "90th percentile hourly wage, where BLS gives hourly wages only"),
            C("pay_summary", "TEXT", "how pay works: tips, commission, overtime (prose)"),
            C("jobs_year", "INTEGER", "the year of jobs"),
            C("jobs", "INTEGER", "number of jobs in jobs_year"),
            C("projected_year", "INTEGER", "the last year of the projection period"),
            C("projected_jobs", "INTEGER", "projected jobs in projected_year"),
            C("projection_period", "TEXT", "the period of the outlook figures, e.g. 2024-34"),
            C("growth_percent", "REAL", "projected employment change over projection_period, percent"),
            C("outlook_category", "TEXT", "the outlook category of growth_percent (vocabulary slug)"),
            C("employment_change", "INTEGER", "projected employment change over projection_period, jobs"),
            C("annual_openings", "INTEGER", "projected openings each year of projection_period, on average"),
            C("outlook_prospects", "TEXT", "what drives demand (prose)"),
            C("employers_year", "INTEGER", "the year of the employer shares (employers table)"),
            C("source_edition", "TEXT", "the Handbook edition the profile comes from"),
            C("source_url", "TEXT", "the profile's page on the BLS site"),
            C("source_last_modified", "TEXT", "when BLS last changed the page, YYYY-MM-DD"),
        ),
        ("id",),
        ((("group_slug",), "groups", ("slug",)),),
        (("group_slug",),),
        rowid=True,
    ),
    Table(
        "profile_soc_codes",
        "SOC codes of profiles",
        "ooh",
        "The Standard Occupational Classification codes each profile covers: join wages and O*NET on soc_code.",
        (PROFILE_ID, C("soc_code", "TEXT NOT NULL", "a SOC code NN-NNNN"), POSITION),
        ("profile_id", "soc_code"),
        TO_PROFILE,
        (("soc_code",),),
    ),
    Table(
        "profile_names",
        "Other names of profiles",
        "ooh",
        "Former titles of profiles and the job titles of the Handbook's A-Z index.",
        (
            PROFILE_ID,
            C("kind", "TEXT NOT NULL", "former_title (a title of earlier editions) or alias (an A-Z index title)"),
            POSITION,
            C("name", "TEXT NOT NULL", "the name"),
        ),
        ("profile_id", "kind", "position"),
        TO_PROFILE,
        (("name",),),
    ),
    Table(
        "duties",
        "Duties",
        "ooh",
        "What the work involves, a short line each." + PROSE_NOTE,
        (PROFILE_ID, POSITION, C("duty", "TEXT NOT NULL", "one duty (prose)")),
        ("profile_id", "position"),
        TO_PROFILE,
    ),
    Table(
        "qualifications",
        "Courses, licenses and qualities",
        "ooh",
        "How to become one, as lists: typical courses, licenses and certifications, important qualities (names).",
        (
            PROFILE_ID,
            C("kind", "TEXT NOT NULL", "course, license or quality"),
            POSITION,
            C("name", "TEXT NOT NULL", "the course, license or quality"),
        ),
        ("profile_id", "kind", "position"),
        TO_PROFILE,
    ),
    Table(
        "employers",
        "Largest employers",
        "ooh",
        "The industries employing the most workers of each profile, with their share of its jobs.",
        (
            PROFILE_ID,
            POSITION,
            C("employer", "TEXT NOT NULL", "the industry or kind of employer"),
            C("percent", "REAL", "its share of the occupation's jobs, percent; NULL where BLS gives none"),
            C(
                "part",
                "TEXT",
                "the occupation the share is of, where a profile covering several gives a table for each",
            ),
            C("year", "INTEGER", "the year of the shares"),
        ),
        ("profile_id", "position"),
        TO_PROFILE,
    ),
    Table(
        "industry_pay",
        "Pay in the top industries",
        "ooh",
        "Median pay in the industries employing the most workers of each profile.",
        (
            PROFILE_ID,
            POSITION,
            C("industry", "TEXT NOT NULL", "the industry"),
            C("median_annual", "INTEGER", "median annual wage there, dollars, in year"),
            C("median_hourly", "REAL", "median hourly wage there, dollars, in year"),
            C("top_coded", "INTEGER NOT NULL", "1 when BLS publishes the median only as at least this"),
            C("part", "TEXT", "the workers the wage is of, where a profile covering several gives a table for each"),
            C("year", "INTEGER", "the year of the wages (May of that year)"),
        ),
        ("profile_id", "position"),
        TO_PROFILE,
    ),
    Table(
        "projections",
        "Employment projections",
        "ooh",
        "Each profile's projections table: the profile as a whole and each detailed occupation it covers.",
        (
            PROFILE_ID,
            POSITION,
            C("title", "TEXT NOT NULL", "the occupation's title"),
            C("soc_code", "TEXT", "its SOC code; NULL for a line that sums several"),
            C("jobs_year", "INTEGER", "the base year of the projections"),
            C("jobs", "INTEGER", "jobs in jobs_year"),
            C("projected_year", "INTEGER", "the last year of the projections"),
            C("projected_jobs", "INTEGER", "projected jobs in projected_year"),
            C("period", "TEXT", "the projection period"),
            C("change_percent", "REAL", "projected employment change over period, percent"),
            C("change", "INTEGER", "projected employment change over period, jobs"),
        ),
        ("profile_id", "position"),
        TO_PROFILE,
        (("soc_code",),),
    ),
    Table(
        "programs",
        "Programs of study",
        "cip",
        "Programs of study of the Classification of Instructional Programs (CIP 2020) linked to the profiles.",
        (C("cip_code", "TEXT NOT NULL", "the CIP code NN.NNNN"), C("title", "TEXT NOT NULL", "the program's title")),
        ("cip_code",),
    ),
    Table(
        "profile_programs",
        "Programs of study of profiles",
        "cip",
        "The programs of study that prepare for each profile, through its SOC codes.",
        (PROFILE_ID, C("cip_code", "TEXT NOT NULL", "the program (programs.cip_code)"), POSITION),
        ("profile_id", "cip_code"),
        (PROFILE_REFERENCE, (("cip_code",), "programs", ("cip_code",))),
        (("cip_code",),),
    ),
    Table(
        "similar_occupations",
        "Similar occupations",
        "ooh",
        "The Handbook's similar occupations of each profile.",
        (PROFILE_ID, POSITION, C("similar_id", "TEXT NOT NULL", "the similar profile (profiles.id)")),
        ("profile_id", "position"),
        (PROFILE_REFERENCE, (("similar_id",), "profiles", ("id",))),
        (("similar_id",),),
    ),
    Table(
        "associations",
        "Professional associations",
        "ooh",
        "Professional associations and other sources of information for each profile.",
        (
            PROFILE_ID,
            POSITION,
            C("name", "TEXT NOT NULL", "the association"),
            C("url", "TEXT", "its address"),
        ),
        ("profile_id", "position"),
        TO_PROFILE,
    ),
    Table(
        "history",
        "Earlier editions",
        "ooh",
        "What earlier editions of the Handbook said of a profile, each figure with its own year or period."
        + PROSE_NOTE,
        (
            PROFILE_ID,
            C("edition", "TEXT NOT NULL", "the earlier edition, e.g. 2008-09"),
            C("title", "TEXT", "the title then"),
            C("pay_year", "INTEGER", "the year of median_pay_annual and median_pay_hourly"),
            C("median_pay_annual", "INTEGER", "median annual wage then, dollars, in pay_year"),
            C("median_pay_hourly", "REAL", "median hourly wage then, dollars, in pay_year"),
            C("jobs_year", "INTEGER", "the year of jobs"),
            C("jobs", "INTEGER", "jobs in jobs_year"),
            C("projection_period", "TEXT", "that edition's projection period"),
            C("growth_percent", "REAL", "projected growth over projection_period, percent"),
            C("outlook_category", "TEXT", "that edition's outlook category (by that edition's thresholds)"),
            C("outlook_prospects", "TEXT", "the prospects then (prose)"),
            C("education", "TEXT", "typical entry-level education then (vocabulary slug)"),
            C("public_contact", "TEXT", "little, some or frequent"),
            C("cluster", "TEXT", "the career cluster that edition gave an outlook for"),
            C("cluster_outlook", "TEXT", "the cluster's outlook category"),
        ),
        ("profile_id", "edition"),
        TO_PROFILE,
    ),
    Table(
        "history_items",
        "Lists of earlier editions",
        "ooh",
        "The lists of earlier editions: courses, employers, programs, associations and notes." + PROSE_NOTE,
        (
            PROFILE_ID,
            C("edition", "TEXT NOT NULL", "the earlier edition (history.edition)"),
            C("kind", "TEXT NOT NULL", "course, employer, program, association or note"),
            POSITION,
            C("text", "TEXT NOT NULL", "the item (notes are prose)"),
            C("percent", "REAL", "an employer's share of the jobs then, percent; NULL where none was given"),
        ),
        ("profile_id", "edition", "kind", "position"),
        ((("profile_id", "edition"), "history", ("profile_id", "edition")),),
    ),
)

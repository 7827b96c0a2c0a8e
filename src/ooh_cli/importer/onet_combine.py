"""Each profile's O*NET block, from the O*NET occupations its SOC codes cover, and the import that writes them.

A profile's SOC code 29-1141 covers every O*NET-SOC code starting "29-1141." (29-1141.00 Registered Nurses,
29-1141.01 Acute Care Nurses...). For each kind of rating, a SOC code is represented by its ".00" occupation
(the SOC occupation as a whole) when O*NET rates it, else by its rated finer occupations in equal shares; the
SOC codes are weighted by the profile's jobs (outlook.projections) when known for all of them, else equally.
The block records which O*NET occupations each kind of rating came from; a kind whose rated occupations hold less
than half the profile's weight is left unrated rather than borrowed. Technology, alternate titles and
related occupations are the union of every covered O*NET occupation.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ooh_cli.core.database import ONET_TABLES, database_path
from ooh_cli.core.model import Occupation
from ooh_cli.core.names import fold
from ooh_cli.core.onet import (
    EDUCATION_LEVELS,
    INTERESTS,
    Example,
    OnetProfile,
    Part,
    Rating,
    Score,
    Share,
    Technology,
    header_of,
    traits_of,
    vectors_of,
)
from ooh_cli.importer.onet import Database, Facts, read_database
from ooh_cli.importer.switch import Staged

RELATED_KEPT = 10
# A kind of rating stands for the profile only when the rated occupations hold at least this share of its weight
# (software developers: O*NET 29.3 rates testers, a tenth of the jobs, and not developers: not rated).
MIN_COVERAGE = 0.5
# 2018 SOC codes that O*NET 29.3 still splits into the finer codes of its own taxonomy.
SPLIT_CODES = {
    "21-1018": ("21-1011", "21-1014"),
    "25-9045": ("25-9042", "25-9043", "25-9044", "25-9049"),
}


@dataclass(frozen=True)
class OnetReport:
    path: Path  # the database the tables go to
    profiles: int  # profiles with O*NET data
    without: list[str]  # profiles none of whose SOC codes O*NET has
    skills_not_rated: list[str]
    staged: Staged

    def summary(self) -> str:
        return (
            f"O*NET data for {self.profiles} profiles ({len(self.skills_not_rated)} without skill ratings); "
            f"{len(self.without)} not in O*NET"
        )


def covered(database: Database, soc: str) -> list[Facts]:
    """The O*NET occupations a SOC code covers. A broad code ending in 0 (13-2020) covers the detailed codes
    under it (13-2022, 13-2023) when O*NET has no occupation of its own for it."""
    prefixes = tuple(f"{code}." for code in SPLIT_CODES.get(soc, (soc,)))
    found = [facts for code, facts in sorted(database.occupations.items()) if code.startswith(prefixes)]
    if not found and soc.endswith("0"):
        found = [facts for code, facts in sorted(database.occupations.items()) if code.startswith(soc[:6])]
    return found


def soc_weights(occ: Occupation) -> tuple[dict[str, float], str]:
    """Each SOC code's weight: its jobs where the projections give them for every code, else equal."""
    jobs = {p.soc_code: p.jobs for p in occ.outlook.projections if p.soc_code and p.jobs}
    if len(occ.soc_codes) > 1 and all(jobs.get(soc) for soc in occ.soc_codes):
        return {soc: float(jobs[soc] or 0) for soc in occ.soc_codes}, "employment"
    return dict.fromkeys(occ.soc_codes, 1.0), "equal"


def basis(
    per_soc: dict[str, list[Facts]],
    weights: dict[str, float],
    rated: Callable[[Facts], bool],
    coverage: float = MIN_COVERAGE,
) -> list[tuple[Facts, float]]:
    """The rated O*NET occupations for one kind of rating and their weights (summing to 1); empty if none is rated."""
    chosen: list[tuple[Facts, float]] = []
    for soc, occupations in per_soc.items():
        whole = [f for f in occupations if f.code.endswith(".00") and rated(f)]
        parts = whole or [f for f in occupations if rated(f)]
        chosen.extend((f, weights[soc] / len(parts)) for f in parts)
    total = sum(weight for _, weight in chosen)
    if not total or total < coverage * sum(weights.values()):
        return []
    return [(f, weight / total) for f, weight in chosen]


def _ratings(chosen: list[tuple[Facts, float]], attribute: str, order: Iterable[str]) -> tuple[Rating, ...]:
    if not chosen:
        return ()
    out = []
    for name in order:
        pairs = [(getattr(f, attribute).get(name), w) for f, w in chosen]
        known = [(value, w) for value, w in pairs if value is not None]
        if not known:
            continue
        weight = sum(w for _, w in known)
        importance = sum(v[0] * w for v, w in known) / weight
        levels = [(v[1], w) for v, w in known if v[1] is not None]
        level = sum(lv * w for lv, w in levels) / sum(w for _, w in levels) if levels else None
        out.append(Rating(name, round(importance, 2), None if level is None else round(level, 2)))
    return tuple(out)


def _holland(chosen: list[tuple[Facts, float]], scores: tuple[Score, ...]) -> str | None:
    """O*NET's own code for one occupation; for several, as many letters as the weightiest one's code, taken
    from the combined scores, strongest first."""
    if not chosen:
        return None
    codes = {"".join(f.high_points) for f, _ in chosen}
    if len(codes) == 1:
        return codes.pop() or None
    letters = len(max(chosen, key=lambda pair: pair[1])[0].high_points)
    ranked = sorted(scores, key=lambda s: -s.score)
    return "".join(s.name[0] for s in ranked[:letters]) or None


def _technology(occupations: list[Facts]) -> tuple[Technology, ...]:
    merged: dict[str, dict[str, tuple[bool, bool]]] = {}
    for facts in occupations:
        for category, examples in facts.technology.items():
            into = merged.setdefault(category, {})
            for name, (hot, in_demand) in examples.items():
                was = into.get(name, (False, False))
                into[name] = (was[0] or hot, was[1] or in_demand)
    return tuple(
        Technology(
            category,
            tuple(Example(name, *flags) for name, flags in sorted(examples.items(), key=lambda e: e[0].casefold())),
        )
        for category, examples in sorted(merged.items(), key=lambda c: c[0].casefold())
    )


def _alternate_titles(occ: Occupation, occupations: list[Facts]) -> tuple[str, ...]:
    """O*NET's titles of the covered occupations and their alternate titles, less the profile's own names."""
    own = set(occ.names())
    titles: dict[str, str] = {}
    for facts in occupations:
        for title in (facts.title, *facts.alternate_titles):
            key = fold(title)
            if key and key not in own:
                titles.setdefault(key, title)
    return tuple(titles[key] for key in sorted(titles))


def profile_block(occ: Occupation, database: Database, profiles_by_soc: dict[str, list[str]]) -> OnetProfile | None:
    per_soc = {soc: covered(database, soc) for soc in occ.soc_codes}
    every = [f for occupations in per_soc.values() for f in occupations]
    if not every:
        return None
    weights, weighting = soc_weights(occ)
    kinds: dict[str, Callable[[Facts], bool]] = {
        "skills": lambda f: bool(f.skills),
        "knowledge": lambda f: bool(f.knowledge),
        "work_styles": lambda f: bool(f.work_styles),
        "work_values": lambda f: bool(f.work_values),
        "interests": lambda f: len(f.interests) == len(INTERESTS),
        "job_zone": lambda f: f.job_zone is not None,
        "education": lambda f: bool(f.education),
    }
    chosen = {kind: basis(per_soc, weights, rated) for kind, rated in kinds.items()}
    overall = basis(per_soc, weights, lambda f: True, coverage=0.0)
    interests = tuple(
        Score(name, round(sum(f.interests[name] * w for f, w in chosen["interests"]), 2))
        for name in (INTERESTS if chosen["interests"] else ())
    )
    zones: dict[int, float] = {}
    for f, w in chosen["job_zone"]:
        if f.job_zone is not None:
            zones[f.job_zone] = zones.get(f.job_zone, 0.0) + w
    education = tuple(
        Share(label, round(sum(f.education.get(i, 0.0) * w for f, w in chosen["education"]), 2))
        for i, label in enumerate(EDUCATION_LEVELS if chosen["education"] else (), start=1)
    )
    related: list[str] = []
    for _, _, code in sorted(r for f in every for r in f.related):
        for other in profiles_by_soc.get(code[:7], []):
            if other != occ.id and other not in related:
                related.append(other)
    return OnetProfile(
        id=occ.id,
        occupations=tuple(Part(f.code, f.title, round(w, 4)) for f, w in overall),
        weighting=weighting if len(overall) > 1 else "equal",
        sources={kind: tuple(f.code for f, _ in pairs) for kind, pairs in chosen.items() if pairs},
        unrated={
            kind: codes for kind, rated in kinds.items() if (codes := tuple(f.code for f, _ in overall if not rated(f)))
        },
        # The zone most of the weight is in; ties go to the lower zone.
        job_zone=min(zones, key=lambda z: (-round(zones[z], 6), z)) if zones else None,
        holland_code=_holland(chosen["interests"], interests),
        interests=interests,
        skills=_ratings(chosen["skills"], "skills", database.skill_names),
        knowledge=_ratings(chosen["knowledge"], "knowledge", database.knowledge_names),
        work_styles=_ratings(chosen["work_styles"], "work_styles", _order(chosen["work_styles"], "work_styles")),
        work_values=_ratings(chosen["work_values"], "work_values", _order(chosen["work_values"], "work_values")),
        technology=_technology(every),
        education=education,
        alternate_titles=_alternate_titles(occ, every),
        related=tuple(related[:RELATED_KEPT]),
    )


def _order(chosen: list[tuple[Facts, float]], attribute: str) -> list[str]:
    return list(dict.fromkeys(name for f, _ in chosen for name in getattr(f, attribute)))


def build_blocks(occupations: Iterable[Occupation], database: Database) -> tuple[list[OnetProfile], list[str]]:
    """The blocks of the profiles O*NET covers, and the ids of those it does not."""
    chosen = list(occupations)
    profiles_by_soc: dict[str, list[str]] = {}
    for occ in chosen:
        for soc in occ.soc_codes:
            profiles_by_soc.setdefault(soc, []).append(occ.id)
    blocks, without = [], []
    for occ in chosen:
        block = profile_block(occ, database, profiles_by_soc)
        if block is None:
            without.append(occ.id)
        else:
            blocks.append(block)
    return blocks, without


def stage(skill_names: list[str], knowledge_names: list[str], profiles: list[OnetProfile]) -> Staged:
    """The O*NET table and header, ready to be written; the same profiles always give the same rows."""
    import msgspec

    from ooh_cli.core.match import nearest_order

    encoder = msgspec.msgpack.Encoder(order="deterministic")
    ordered = sorted(profiles, key=lambda p: p.id)
    header = header_of(skill_names, knowledge_names, ordered)
    traits = [traits_of(p, skill_names, knowledge_names, list(header.hot_technology)) for p in ordered]
    # What `similar` compares every profile with every other by, worked out once here rather than on every run.
    vectors = vectors_of(traits)
    nearest = nearest_order(traits, vectors, header.hot_technology)
    rows = [
        (
            position,
            p.id,
            p.job_zone,
            p.holland_code,
            encoder.encode(traits[position]),
            encoder.encode(vectors[position]),
            encoder.encode(nearest[position]),
            encoder.encode(p),
        )
        for position, p in enumerate(ordered)
    ]
    encoded_header = encoder.encode(header)

    def fill(connection: sqlite3.Connection) -> None:
        connection.executemany("INSERT INTO onet_profile VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)

    content = encoded_header + b"".join(b"".join(row[4:]) for row in rows)
    return Staged("onet", ONET_TABLES, fill, {"onet_header": encoded_header}, content)


def prepare_onet(directory: Path, data_path: Path, document: Mapping[str, Any] | None = None) -> OnetReport:
    """The O*NET tables for the profiles of ``document`` (the data file's new document, not written yet) or,
    without it, of the data file at ``data_path``; nothing is written (importer/switch.py commits them)."""
    from ooh_cli.core.datafile import read_data_file

    if document is not None:
        from ooh_cli.core.errors import DataError
        from ooh_cli.core.validate import read_document

        dataset, problems = read_document(document)
        if dataset is None:
            raise DataError(f"{data_path}: the new data file does not validate: {problems[0].message}")
    else:
        dataset, _ = read_data_file(data_path)
    database = read_database(directory)
    blocks, without = build_blocks(dataset.occupations, database)
    staged = stage(database.skill_names, database.knowledge_names, blocks)
    return OnetReport(
        database_path(data_path), len(blocks), sorted(without), sorted(b.id for b in blocks if not b.skills), staged
    )


def import_onet(directory: Path, data_path: Path) -> OnetReport:
    """Read the O*NET database in ``directory`` for the profiles of ``data_path`` and write its tables into the
    database beside it, only when they change."""
    from ooh_cli.importer.switch import commit, import_lock

    with import_lock(data_path.parent):
        report = prepare_onet(directory, data_path)
        commit(data_path, None, [report.staged])
    return report

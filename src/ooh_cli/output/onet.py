"""The O*NET sections of a profile (skills, interests, technology), the job zone among the quick facts, the
credit, and the same facts for json and yaml.

Where O*NET rates nothing, the sections say "not rated in O*NET 29.3": never zero, never another occupation's
figures without saying whose they are.
"""

from __future__ import annotations

from typing import Any

import msgspec

from ooh_cli.core.catalog import Catalog
from ooh_cli.core.model import Occupation
from ooh_cli.core.onet import CREDIT, INTERESTS, JOB_ZONES, NOT_RATED, RELEASE, OnetProfile, Rating
from ooh_cli.output.blocks import Bars, Block, Grid, Pairs, Paragraph

# A whole profile shows this many of each list; the section alone shows them all.
TOP_IN_PROFILE = 8
TECHNOLOGY_IN_PROFILE = 12
NAMED_IN_PROFILE = 4  # O*NET occupations a note names within the whole profile
MAX_IMPORTANCE = 5.0
MAX_INTEREST = 7.0
# The kinds of rating json lists under "not_rated" when O*NET gives none.
RATED_KINDS = ("skills", "knowledge", "work_styles", "work_values", "interests", "education", "technology")


def _block(occ: Occupation, catalog: Catalog) -> tuple[OnetProfile | None, str]:
    """The profile's O*NET block, or why there is none."""
    onet = catalog.onet()
    if onet is None:
        return None, f"Not rated in {RELEASE}: this data file has no O*NET data (`ooh data import --onet DIR` adds it)."
    block = onet.profile(occ.id)
    if block is None:
        return None, f"Not rated in {RELEASE}: O*NET covers none of this profile's SOC codes."
    return block, ""


def _names(block: OnetProfile, codes: tuple[str, ...]) -> str:
    titles = {p.code: p.title for p in block.occupations}
    return "; ".join(f"{titles[code]} ({code})" if code in titles else code for code in codes)


def basis_note(block: OnetProfile, kind: str, slug: str, whole: bool = False) -> str:
    """Which O*NET occupations a kind of rating comes from, how they were combined, and which are not rated;
    within the whole profile, a long list is left to the section shown alone."""
    codes = block.sources.get(kind, ())
    unrated = block.unrated.get(kind, ())
    if whole and len(codes) + len(unrated) > NAMED_IN_PROFILE:
        how = "weighted by each occupation's jobs" if block.weighting == "employment" else "in equal parts"
        left = f"; {len(unrated)} not rated" if unrated else ""
        named = f"ooh show {block.id} --section {slug} names them"
        return f"Combined from {len(codes)} {RELEASE} occupations, {how}{left} ({named})."
    gap = f" Not rated in {RELEASE}, so left out: {_names(block, unrated)}." if unrated else ""
    if len(codes) <= 1:
        return f"From {RELEASE}: {_names(block, codes) or 'no occupation'}.{gap}"
    how = "weighted by each occupation's jobs" if block.weighting == "employment" else "in equal parts"
    return f"Combined from {len(codes)} {RELEASE} occupations, {how}: {_names(block, codes)}.{gap}"


def not_rated(block: OnetProfile, kind: str) -> str:
    """What is missing, for which of the profile's O*NET occupations, and why the rated ones are not shown."""
    unrated = block.unrated.get(kind, ())
    text = f"{kind.replace('_', ' ').capitalize()}: {NOT_RATED}" + (f" for {_names(block, unrated)}" if unrated else "")
    rated = tuple(p.code for p in block.occupations if p.code not in unrated)
    if rated:
        text += f"; only {_names(block, rated)} is rated, too small a share of this profile's jobs to stand for it"
    return text + "."


def _figure(value: float | None) -> str:
    return "not rated" if value is None else f"{value:.2f}"


def _ratings(title: str, ratings: tuple[Rating, ...], limit: int | None) -> Bars:
    top = sorted(ratings, key=lambda r: -r.importance)[:limit]
    return Bars(
        title,
        ["Name", "Importance (1-5)", "Level (0-7)"],
        [[r.name, _figure(r.importance), _figure(r.level)] for r in top],
        frozenset({1, 2}),
        fractions=[r.importance / MAX_IMPORTANCE for r in top],
    )


def skills_blocks(occ: Occupation, catalog: Catalog, whole: bool) -> list[Block]:
    block, missing = _block(occ, catalog)
    if block is None:
        return [Paragraph(missing)]
    limit = TOP_IN_PROFILE if whole else None
    out: list[Block] = []
    notes = []
    for kind, title in (("skills", "Skills"), ("knowledge", "Knowledge")):
        ratings = getattr(block, kind)
        if ratings:
            out.append(_ratings(f"{title}, most important first ({RELEASE})", ratings, limit))
        else:
            notes.append(Paragraph(not_rated(block, kind)))
    rows = []
    if block.work_styles:
        styles = sorted(block.work_styles, key=lambda r: -r.importance)[: limit or 6]
        rows.append(("Work styles that matter most", ", ".join(f"{r.name} {r.importance:.2f}" for r in styles)))
    if block.work_values:
        values = sorted(block.work_values, key=lambda r: -r.importance)
        rows.append(("Work values, strongest first (1-7)", ", ".join(f"{r.name} {r.importance:.2f}" for r in values)))
    shares = [s for s in block.education if s.percent > 0]
    if shares:
        out.append(
            Grid(
                f"Education current workers hold ({RELEASE})",
                ["Level", "Share of workers"],
                [[s.level, f"{s.percent:.1f}%"] for s in sorted(shares, key=lambda s: -s.percent)],
                frozenset({1}),
            )
        )
    if rows:
        out.append(Pairs(rows))
    out += notes
    if block.skills or block.knowledge:
        out.append(Paragraph(basis_note(block, "skills" if block.skills else "knowledge", "skills", whole)))
    if whole and (len(block.skills) > TOP_IN_PROFILE or len(block.knowledge) > TOP_IN_PROFILE):
        out.append(Paragraph(f"All of them: ooh show {occ.id} --section skills"))
    return out


def interests_blocks(occ: Occupation, catalog: Catalog, whole: bool) -> list[Block]:
    block, missing = _block(occ, catalog)
    if block is None:
        return [Paragraph(missing)]
    if not block.interests:
        return [Paragraph(not_rated(block, "interests"))]
    ranked = sorted(block.interests, key=lambda s: -s.score)
    code = block.holland_code or ""
    letters = ", ".join(next(name for name in INTERESTS if name[0] == letter) for letter in code)
    return [
        Pairs([(f"Holland code ({RELEASE})", f"{code} ({letters})" if code else NOT_RATED)]),
        Bars(
            "Interests, strongest first",
            ["Interest", "Score (1-7)"],
            [[s.name, f"{s.score:.2f}"] for s in ranked],
            frozenset({1}),
            fractions=[s.score / MAX_INTEREST for s in ranked],
        ),
        Paragraph(basis_note(block, "interests", "interests", whole)),
    ]


def technology_blocks(occ: Occupation, catalog: Catalog, whole: bool) -> list[Block]:
    block, missing = _block(occ, catalog)
    if block is None:
        return [Paragraph(missing)]
    examples = [(e, group.category) for group in block.technology for e in group.examples]
    if not examples:
        return [Paragraph(f"Technology: {NOT_RATED} (no examples listed).")]
    # In demand first, then hot, then the rest; A to Z within each.
    examples.sort(key=lambda pair: (not pair[0].in_demand, not pair[0].hot, pair[0].name.casefold()))
    shown = examples[:TECHNOLOGY_IN_PROFILE] if whole else examples
    rows = [
        [e.name, category, ", ".join(m for m, on in (("in demand", e.in_demand), ("hot", e.hot)) if on)]
        for e, category in shown
    ]
    out: list[Block] = [Grid(f"Technology used in the work ({RELEASE})", ["Technology", "Kind", "Marked"], rows)]
    if len(shown) < len(examples):
        out.append(Paragraph(f"And {len(examples) - len(shown):,} more: ooh show {occ.id} --section technology"))
    out.append(
        Paragraph("Hot: often named in employers' job postings. In demand: among the most requested for this work.")
    )
    return out


def job_zone_text(zone: int) -> str:
    return f"{zone} of 5, {JOB_ZONES[zone]}"


def job_zone_rows(occ: Occupation, catalog: Catalog) -> list[tuple[str, str]]:
    """The quick facts' job zone line: how much preparation the work takes, on O*NET's scale of five."""
    onet = catalog.onet()
    if onet is None:
        return []
    block = onet.profile(occ.id)
    zone = block.job_zone if block is not None else None
    return [(f"Job zone ({RELEASE})", job_zone_text(zone) if zone is not None else NOT_RATED)]


def source_rows(catalog: Catalog) -> list[tuple[str, str]]:
    return [("O*NET data", CREDIT)] if catalog.onet() is not None else []


def onet_record(occ: Occupation, catalog: Catalog) -> dict[str, Any]:
    """The whole profile's O*NET facts for json and yaml: ``job_zone`` and ``onet``."""
    onet = catalog.onet()
    block = onet.profile(occ.id) if onet is not None else None
    if block is None:
        return {"job_zone": None, "onet": None}
    data = named(block)
    data.pop("id")
    zone = data.pop("job_zone")
    missing = [kind for kind in RATED_KINDS if not data.get(kind)]
    return {
        "job_zone": zone,
        "onet": {"release": RELEASE, "credit": CREDIT, "job_zone_meaning": JOB_ZONES.get(zone) if zone else None}
        | data
        | {"not_rated": missing},
    }


def named(value: Any) -> Any:
    """Records as objects with their field names (the side file keeps small records as arrays)."""
    if isinstance(value, msgspec.Struct):
        return {name: named(getattr(value, name)) for name in value.__struct_fields__}
    if isinstance(value, (list, tuple)):
        return [named(item) for item in value]
    if isinstance(value, dict):
        return {key: named(item) for key, item in value.items()}
    return value


def onet_section(occ: Occupation, catalog: Catalog, slug: str) -> dict[str, Any]:
    """One O*NET section for json and yaml: its facts, with the release and the credit; None where not rated."""
    record = onet_record(occ, catalog)
    onet = record["onet"] or {}
    keys = {
        "skills": ("skills", "knowledge", "work_styles", "work_values", "education"),
        "interests": ("holland_code", "interests"),
        "technology": ("technology",),
    }[slug]
    picked: dict[str, Any] = {"release": RELEASE, "credit": CREDIT, "job_zone": record["job_zone"]}
    for key in keys:
        value = onet.get(key)
        picked[key] = value if value not in ((), [], None) else None
    picked["occupations"] = onet.get("occupations")
    picked["sources"] = onet.get("sources")
    picked["not_rated"] = onet.get("not_rated", list(RATED_KINDS))
    return picked

"""Write a large synthetic data file from the real records, for measuring `ooh` at scale.

Each copy of a real record gets a unique id, title, aliases and SOC codes, so lookups and search behave as
they would on a file that large; the figures are the real ones, repeated.

    python benchmarks/generate.py --profiles 10000 --output /tmp/ooh-10k.yaml
"""

from __future__ import annotations

import argparse
import copy
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = REPO / "data" / "occupations.yaml"


def synthesize(document: dict[str, Any], profiles: int) -> dict[str, Any]:
    """``profiles`` records cycled from ``document``; copy n of a record is suffixed "-n" / " (n)"."""
    real = document["occupations"]
    positions = {record["id"]: i for i, record in enumerate(real)}
    records = []
    for n in range(profiles):
        source = real[n % len(real)]
        round_ = n // len(real)
        record = copy.deepcopy(source)
        if round_:
            record["id"] = f"{source['id']}-{round_}"
            record["title"] = f"{source['title']} ({round_})"
            record["aliases"] = [f"{alias} ({round_})" for alias in source.get("aliases", [])]
            record["soc_codes"] = [
                f"{code[:2]}-{(int(code[3:]) + round_) % 10000:04d}" for code in source.get("soc_codes", [])
            ]
            # Point at the same round's copies where they exist, else at the originals.
            record["similar"] = [
                f"{other}-{round_}" if positions[other] + round_ * len(real) < profiles else other
                for other in source.get("similar", [])
            ]
        records.append(record)
    return {"meta": document["meta"], "occupations": records}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=10_000)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args()
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    document = yaml.load(args.source.read_text(encoding="utf-8"), Loader=loader)
    with args.output.open("w", encoding="utf-8") as stream:
        yaml.dump(synthesize(document, args.profiles), stream, Dumper=dumper, sort_keys=False, allow_unicode=True)
    print(f"{args.output}: {args.profiles} profiles, {args.output.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()

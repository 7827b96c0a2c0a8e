"""What `similar` reads from the import: each profile's nearest by what the work asks, worked out once
(core/match.py nearest_order). The order ranks as documented, the shipped database holds what the code works
out today, a run reads only the profiles it shows, and a damaged row is a clean error."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import msgspec
import pytest

from ooh_cli.core.database import database_path
from ooh_cli.core.match import nearest_order
from ooh_cli.core.onet import OnetData, Traits, Vectors, vectors_of
from ooh_cli.core.store import Store
from tests.conftest import REPO, Invoke
from tests.onet_fixture import sample_with_onet


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample data file with the fixture's O*NET data beside it."""
    return sample_with_onet(tmp_path_factory.mktemp("data"))


def traits(occupation_id: str, job_zone: int) -> Traits:
    return Traits(occupation_id, job_zone, None, (), (), (), ())


def test_nearest_order_ranks_by_ratings_then_interests_less_the_job_zone_gap_ties_by_id() -> None:
    every = [traits(name, zone) for name, zone in (("a", 4), ("b", 4), ("c", 4), ("d", 4), ("e", 4), ("f", 1))]
    vectors = [
        Vectors((1.0, 0.0), (1.0, 0.0)),  # a
        Vectors((1.0, 0.0), (0.0, 1.0)),  # b: the same ratings, other interests: 2/3
        Vectors((0.0, 1.0), (1.0, 0.0)),  # c: the same interests only: 1/3
        Vectors((1.0, 0.0), (0.0, 1.0)),  # d: as b, after it by id
        Vectors((), ()),  # e: nothing to compare by
        Vectors((1.0, 0.0), (1.0, 0.0)),  # f: as a, but three job zones away: 1 - 0.45
    ]
    order = nearest_order(every, vectors, ())
    assert order[0] == (1, 3, 5, 2)
    assert order[4] == ()
    assert 4 not in order[1]


def test_the_shipped_database_holds_what_the_code_works_out_today() -> None:
    """A change to how `similar` ranks (a weight, the job-zone penalty) needs the import run again."""
    onet = Store(REPO / "data" / "occupations.yaml").onet()
    assert onet is not None
    every = onet.traits()
    vectors = vectors_of(every)
    positions = range(len(every))
    assert [onet.vectors_at(i) for i in positions] == vectors
    assert [onet.nearest(i) for i in positions] == nearest_order(every, vectors, onet.header.hot_technology)


def test_similar_reads_only_the_profiles_it_shows(invoke: Invoke, data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def every_profile(self: OnetData) -> list[Traits]:
        raise AssertionError("similar decoded every profile's traits")

    monkeypatch.setattr(OnetData, "traits", every_profile)
    result = invoke("similar", "registered-nurses", "-f", "json", data=data)
    assert result.exit_code == 0, result.output
    assert [r["relation"] for r in json.loads(result.stdout)][-1].startswith("shares ")  # the nearest by the work


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("nearest", msgspec.msgpack.encode((1, 9999))),
        ("nearest", b"\xc1"),
        ("vectors", msgspec.msgpack.encode(Vectors((0.5, 0.5), ()))),
        ("traits", msgspec.msgpack.encode(traits("actors", 3))),
    ],
    ids=["neighbour-out-of-range", "not-msgpack", "vector-of-another-size", "traits-of-another-profile"],
)
def test_a_damaged_row_is_exit_3_naming_the_database(
    invoke: Invoke, data: Path, tmp_path: Path, column: str, value: bytes
) -> None:
    copy = tmp_path / data.name
    shutil.copy(data, copy)
    shutil.copy(database_path(data), database_path(copy))
    with sqlite3.connect(database_path(copy)) as connection:
        connection.execute(f"UPDATE onet_profile SET {column} = ? WHERE id = 'registered-nurses'", (value,))
    connection.close()
    result = invoke("similar", "registered-nurses", data=copy)
    assert result.exit_code == 3, result.output
    assert f"{database_path(copy)}: damaged" in result.stderr and "Traceback" not in result.output

"""Records are standard frozen msgspec Structs: copyable, picklable, editable by replace, and exact through the cache."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

import msgspec
import pytest

from ooh_cli.core.datafile import bundled_data_path
from ooh_cli.core.model import HistoryEntry, Occupation, Pay, Share, WorkEnvironment
from ooh_cli.core.records import Meta, Summary
from ooh_cli.core.validate import read_document
from ooh_cli.core.yamlio import parse_file
from tests.conftest import SAMPLE

NESTED = Occupation(
    "id",
    "Title",
    "group",
    work_environment=WorkEnvironment(employers=(Share("Hospitals", 40.0), Share("Offices"))),
    history=(HistoryEntry("2008-09", pay=Pay(2006, 28030)),),
)


def test_copy_deepcopy_and_pickle_give_equal_records() -> None:
    pay = Pay(2024, 1.0)
    assert copy.copy(pay) == pay
    assert copy.deepcopy(pay) == pay and copy.deepcopy(pay).year == 2024
    assert pickle.loads(pickle.dumps(NESTED)) == NESTED
    assert copy.deepcopy(NESTED) == NESTED


def test_replace_edits_a_copy() -> None:
    changed = msgspec.structs.replace(NESTED, title="Other")
    assert changed.title == "Other" and NESTED.title == "Title"
    assert changed.history == NESTED.history


def test_records_are_immutable_and_hashable() -> None:
    with pytest.raises(AttributeError):
        NESTED.title = "x"  # type: ignore[misc]
    assert hash(NESTED) == hash(copy.deepcopy(NESTED))


def test_bad_arguments_fail_as_a_call_would() -> None:
    with pytest.raises(TypeError, match="Missing required argument 'title'"):
        Occupation("id")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="Unexpected keyword argument 'z'"):
        Pay(z=1)  # type: ignore[call-arg]


def test_nested_records_come_back_from_msgpack() -> None:
    back = msgspec.msgpack.decode(msgspec.msgpack.encode(NESTED), type=Occupation)
    assert back == NESTED
    assert type(back.history[0].pay) is Pay and type(back.work_environment.employers[1]) is Share
    # A whole number stays one: json and yaml output print 28030, not 28030.0.
    assert type(back.history[0].pay.median_annual) is int


@pytest.mark.parametrize("path", [SAMPLE, bundled_data_path()], ids=["sample", "shipped data"])
def test_every_profile_survives_the_cache_encoding(path: Path) -> None:
    # Straight from the validator, before any catalog has encoded them.
    dataset, _ = read_document(parse_file(path))
    assert dataset is not None
    for occ in dataset.occupations:
        assert msgspec.msgpack.decode(msgspec.msgpack.encode(occ), type=Occupation) == occ
        summary = occ.key_figures()
        assert msgspec.msgpack.decode(msgspec.msgpack.encode(summary), type=Summary) == summary
    assert msgspec.msgpack.decode(msgspec.msgpack.encode(dataset.meta), type=Meta) == dataset.meta

"""Record classes behave as the NamedTuples type checkers take them for, and survive the cache's plain form."""

from __future__ import annotations

import importlib
import marshal
import pkgutil
from pathlib import Path

import pytest

import ooh_cli
from ooh_cli.loader import bundled_data_path
from ooh_cli.model import HistoryEntry, Meta, Occupation, Pay, Share, WorkEnvironment
from ooh_cli.reading import parse_file
from ooh_cli.records import Record, from_plain, to_plain
from ooh_cli.validate import read_document
from tests.conftest import SAMPLE


class Point(Record):
    x: int
    y: int = 0
    label: str | None = None


def test_fields_defaults_and_keywords() -> None:
    assert Point(1) == (1, 0, None)
    assert Point(1, 2, "a") == Point(x=1, label="a", y=2) == (1, 2, "a")
    assert Point(3, label="c").label == "c"
    assert Point._fields == ("x", "y", "label")
    assert Point(1)._asdict() == {"x": 1, "y": 0, "label": None}
    assert repr(Point(1, 2)) == "Point(x=1, y=2, label=None)"
    assert isinstance(Point(1), tuple)
    assert hash(Point(1)) == hash((1, 0, None))


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda: Point(),  # type: ignore[call-arg]
            "Point() missing required argument: 'x'",
        ),
        (
            lambda: Point(1, 2, "a", "b"),  # type: ignore[call-arg]
            "Point() takes 3 arguments but 4 were given",
        ),
        (
            lambda: Point(1, x=2),  # type: ignore[misc]
            "Point() got multiple values for argument 'x'",
        ),
        (
            lambda: Point(1, z=2),  # type: ignore[call-arg]
            "Point() got an unexpected keyword argument 'z'",
        ),
    ],
)
def test_bad_arguments_fail_as_a_call_would(make: object, message: str) -> None:
    assert callable(make)
    with pytest.raises(TypeError) as error:
        make()
    assert str(error.value) == message


def test_records_are_immutable() -> None:
    point = Point(1)
    with pytest.raises(AttributeError):
        point.x = 2  # type: ignore[misc]
    with pytest.raises(AttributeError):
        point.z = 2  # type: ignore[attr-defined]


def test_nested_records_come_back_from_their_plain_form() -> None:
    occ = Occupation(
        "id",
        "Title",
        "group",
        work_environment=WorkEnvironment(employers=(Share("Hospitals", 40.0), Share("Offices"))),
        history=(HistoryEntry("2008-09", pay=Pay(2006, 28030.0)),),
    )
    plain = marshal.loads(marshal.dumps(to_plain(occ)))
    back = from_plain(Occupation, plain)
    assert repr(back) == repr(occ)  # repr names every record class, nested ones too
    assert type(back.history[0].pay) is Pay and type(back.work_environment.employers[1]) is Share


@pytest.mark.parametrize("path", [SAMPLE, bundled_data_path()], ids=["sample", "shipped data"])
def test_every_profile_survives_the_plain_form(path: Path) -> None:
    # Straight from the validator, before any catalog has encoded them.
    dataset, _ = read_document(parse_file(path))
    assert dataset is not None
    for occ in dataset.occupations:
        assert repr(from_plain(Occupation, marshal.loads(marshal.dumps(to_plain(occ))))) == repr(occ)
    assert repr(from_plain(Meta, marshal.loads(marshal.dumps(to_plain(dataset.meta))))) == repr(dataset.meta)


def test_every_record_module_keeps_annotations_as_text() -> None:
    # from_plain finds nested records by reading the annotations as written (see records.py).
    for module_info in pkgutil.walk_packages(ooh_cli.__path__, "ooh_cli."):
        if module_info.name == "ooh_cli.__main__":
            continue  # importing it runs the command line
        module = importlib.import_module(module_info.name)
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, Record) and value.__module__ == module.__name__:
                assert all(isinstance(a, str) for a in value.__annotations__.values()), value


def test_an_annotation_from_plain_cannot_read_is_refused() -> None:
    class Holder(Record):
        points: list[Point]

    with pytest.raises(TypeError, match=r"cannot rebuild records from a field annotated 'list\[Point\]'"):
        from_plain(Holder, ([(1, 0, None)],))

"""The search index in the cache: what a search and a lookup read, that the words of O*NET's fields find what
a scan of their text finds, and that damage to the index is rebuilt or harmless."""

from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from ooh_cli.core import cache
from ooh_cli.core.indexbuild import Blob, postings
from ooh_cli.core.onet import OnetData
from ooh_cli.core.search import _best_lines, _best_posted
from ooh_cli.core.searchindex import Lines, Postings
from tests.conftest import Invoke
from tests.onet_fixture import sample_with_onet


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample data file with the fixture's O*NET data beside it."""
    return sample_with_onet(tmp_path_factory.mktemp("data"))


def cache_file(tmp_path: Path) -> Path:
    (found,) = (tmp_path / "cache").glob("*.cache.sqlite")
    return found


def refuse(*args: object) -> None:
    raise AssertionError("read although it is not needed")


def matched(invoke: Invoke, data: Path, *words: str) -> list[tuple[str, str]]:
    result = invoke("search", *words, "-f", "json", data=data)
    assert result.exit_code == 0, result.output
    return [(row["id"], row["matched"]) for row in json.loads(result.stdout)]


def test_a_search_decodes_no_record_and_opens_no_onet_data(
    invoke: Invoke, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert invoke("list", data=data).exit_code == 0  # the cache, built
    monkeypatch.setattr(cache.Sections, "record", refuse)
    monkeypatch.setattr(OnetData, "open", refuse)
    # The reasons quote O*NET's spelling, and the Handbook's, from the cache alone.
    assert matched(invoke, data, "pyxis") == [("registered-nurses", 'technology "Pyxis MedStation"')]
    assert matched(invoke, data, "health", "records", "clerk")[0] == (
        "medical-records-and-health-information-technicians",
        'former title "Medical Records and Health Information Technicians"; title "Records"; '
        'alternate title "Health Records Clerk"',
    )


def test_an_alternate_title_is_settled_by_the_titles_alone(
    invoke: Invoke, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert invoke("list", data=data).exit_code == 0
    asked: list[list[str]] = []
    real = cache.Sections.search_fields

    def recording(sections: cache.Sections, names: list[str], read_words: Callable[[str], str]) -> object:
        asked.append(list(names))
        return real(sections, names, read_words)

    monkeypatch.setattr(cache.Sections, "search_fields", recording)
    result = invoke("show", "Health", "Records", "Clerk", "--section", "summary", data=data)
    assert result.stdout.startswith("Medical Records Specialists")
    assert asked == [["title"]]


def test_a_word_of_o_net_is_found_whole_or_as_the_start_of_a_longer_one(invoke: Invoke, data: Path) -> None:
    assert matched(invoke, data, "pyx") == [("registered-nurses", 'technology "Pyxis MedStation"')]
    assert matched(invoke, data, "medstation") == [("registered-nurses", 'technology "Pyxis MedStation"')]
    # Words shorter than three letters are found whole only.
    assert invoke("search", "py", data=data).stderr == "ooh: nothing matches 'py'\n"


WORDS = ["nurse", "nurses", "nursery", "aide", "a", "ab", "abc", "python", "py", "care", "cat", "x1"]


@pytest.mark.parametrize("seed", range(5))
def test_postings_find_what_a_scan_of_the_text_finds(seed: int) -> None:
    rng = random.Random(seed)
    lines = [
        (owner, " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4))))
        for owner in range(30)
        for _ in range(rng.randint(0, 4))
    ]
    blob = Blob.build(lines)
    text = Lines(blob.text, memoryview(blob.starts).cast("I"), memoryview(blob.owners).cast("I"))
    places = postings(lines)

    def find(word: str, whole: bool) -> list[tuple[str, bytes]]:
        return [(w, p) for w, p in sorted(places.items()) if w == word or (not whole and w.startswith(word))]

    posted = Postings(find, lambda: "")
    for word in {*WORDS, "n", "nu", "nur", "c", "zz", "x"}:
        scanned, looked_up = _best_lines(text, word, 4.0), _best_posted(posted, word, 4.0)
        assert list(looked_up) == list(scanned), word  # the same profiles, in the same order
        for owner, (quality, found, offset) in looked_up.items():
            assert (quality, offset) == (scanned[owner][0], scanned[owner][2]), word
            assert found.startswith(word) and found in scanned[owner][1].split()


def spoil(sql: str) -> Callable[[Path], None]:
    def run(path: Path) -> None:
        with sqlite3.connect(path) as connection:
            connection.execute(sql)
        connection.close()

    return run


# Damage, and words whose search it would change if it went unnoticed.
DAMAGE = {
    "posting-checksum": (
        "UPDATE posting SET body = (SELECT body FROM posting WHERE start = 'ep') WHERE start = 'py'",
        ["pyxis"],
    ),
    "line-owners": (
        "UPDATE field SET owners = CAST(substr(owners, 5) || substr(owners, 1, 4) AS BLOB) WHERE name = 'title'",
        ["registered", "nurses"],
    ),
    "text-encoding": (
        "UPDATE field SET text = CAST(x'ff' || substr(CAST(text AS BLOB), 2) AS TEXT) WHERE name = 'title'",
        ["actors"],
    ),
    "text-cut": ("UPDATE field SET text = substr(text, 1, 10) WHERE name = 'title'", ["registered", "nurses"]),
    "shown-checksum": (
        "UPDATE shown SET body = (SELECT body FROM shown WHERE position = 0) WHERE position > 0",
        ["nurse", "records", "pyxis", "actors", "therapists"],
    ),
    # Many words: each field's words are read first (search.SKIM_FROM).
    "words-cut": ("UPDATE word SET words = substr(words, 1, 3)", ["registered", "nurses", "care", "patients", "x"]),
    "field-gone": ("DELETE FROM field WHERE name = 'duties'", ["registered", "nurses"]),
}


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_search_index_is_rebuilt(invoke: Invoke, data: Path, tmp_path: Path, damage: str) -> None:
    sql, words = DAMAGE[damage]
    first = invoke("search", *words, "-f", "json", data=data)
    assert first.exit_code == 0, first.output
    spoil(sql)(cache_file(tmp_path))
    again = invoke("search", *words, "-f", "json", data=data)
    assert (again.exit_code, again.stderr, again.stdout) == (0, first.stderr, first.stdout)
    again = invoke("search", *words, "-f", "json", data=data)  # from the rebuilt cache
    assert again.stdout == first.stdout


def test_a_letter_changed_in_the_index_text_never_makes_a_search_fail(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    """The text is not checksummed (cache.py says why): a letter changed in it may change what is found."""
    assert invoke("list", data=data).exit_code == 0
    spoil("UPDATE field SET text = replace(text, 'nurse', 'nurze')")(cache_file(tmp_path))
    for words in (["nurse"], ["nurze"], ["registered", "nurse"]):
        result = invoke("search", *words, data=data)
        assert result.exit_code in (0, 1) and "Traceback" not in result.output, result.output

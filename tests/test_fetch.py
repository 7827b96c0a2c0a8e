"""Downloads for `ooh data update`, against a loopback mirror: no test touches the network."""

from __future__ import annotations

import errno
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ooh_cli import __version__
from ooh_cli.update.fetch import RETRIES, Fetched, Fetcher, FetchError, Progress, Wanted, mirrored
from tests.mirror_server import Fault, Mirror, serve

PAGE = "https://www.bls.gov/ooh/healthcare/lamplighters.htm"
BIG = "https://download.bls.gov/pub/time.series/oe/oe.data.0.Current"
BODY = b"<html>lamplighters</html>\n"
BIG_BODY = bytes(range(256)) * 2048  # 512 kB: several blocks


@pytest.fixture
def mirror(tmp_path: Path) -> Iterator[Mirror]:
    with serve(tmp_path / "mirror") as served:
        served.add(PAGE, BODY)
        served.add(BIG, BIG_BODY)
        yield served


class Pauses:
    def __init__(self) -> None:
        self.taken: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.taken.append(seconds)


def fetcher(folder: Path, mirror: Mirror, **options: Any) -> Fetcher:
    options.setdefault("sleep", Pauses())
    return Fetcher(folder, mirror=mirror.url, contact="ooh-tests@example.org", **options)


WANTED = [Wanted(PAGE, "pages/lamplighters.html"), Wanted(BIG, "oews/oe.data.0.Current")]


def test_mirror_layout_is_wgets() -> None:
    assert mirrored(PAGE, "file:///srv/m/") == "file:///srv/m/www.bls.gov/ooh/healthcare/lamplighters.htm"
    assert mirrored(PAGE, None) == PAGE


def test_files_arrive_whole_with_a_manifest(tmp_path: Path, mirror: Mirror) -> None:
    got = fetcher(tmp_path / "d", mirror).fetch(WANTED)
    assert [f.downloaded for f in got] == [True, True]
    assert (tmp_path / "d/pages/lamplighters.html").read_bytes() == BODY
    assert (tmp_path / "d/oews/oe.data.0.Current").read_bytes() == BIG_BODY
    manifest = json.loads((tmp_path / "d/manifest.json").read_text())["files"]
    entry = manifest[BIG]
    assert entry["bytes"] == len(BIG_BODY) and len(entry["sha256"]) == 64 and entry["etag"].startswith('"')
    assert entry["path"] == "oews/oe.data.0.Current" and entry["last_modified"]
    assert not list((tmp_path / "d").rglob("*.part"))


def test_requests_name_ooh_and_the_contact(tmp_path: Path, mirror: Mirror) -> None:
    fetcher(tmp_path / "d", mirror).fetch(WANTED[:1])
    assert mirror.seen("lamplighters.htm")[0]["user-agent"] == f"ooh/{__version__} (ooh-tests@example.org)"


def test_a_second_run_downloads_nothing(tmp_path: Path, mirror: Mirror) -> None:
    fetcher(tmp_path / "d", mirror).fetch(WANTED)
    again = fetcher(tmp_path / "d", mirror).fetch(WANTED)
    assert [f.downloaded for f in again] == [False, False]
    assert all("if-none-match" in headers for headers in mirror.seen("oe.data.0.Current")[1:])


def test_a_changed_file_is_downloaded_again(tmp_path: Path, mirror: Mirror) -> None:
    fetcher(tmp_path / "d", mirror).fetch(WANTED[:1])
    mirror.add(PAGE, b"<html>new</html>")
    assert fetcher(tmp_path / "d", mirror).fetch(WANTED[:1])[0].downloaded
    assert (tmp_path / "d/pages/lamplighters.html").read_bytes() == b"<html>new</html>"


def test_a_damaged_local_copy_is_downloaded_again(tmp_path: Path, mirror: Mirror) -> None:
    fetcher(tmp_path / "d", mirror).fetch(WANTED[:1])
    (tmp_path / "d/pages/lamplighters.html").write_bytes(b"damaged")
    assert fetcher(tmp_path / "d", mirror).fetch(WANTED[:1])[0].downloaded
    assert (tmp_path / "d/pages/lamplighters.html").read_bytes() == BODY


def test_403_says_how_to_name_yourself(tmp_path: Path, mirror: Mirror) -> None:
    mirror.faults["/www.bls.gov/ooh/healthcare/lamplighters.htm"] = Fault(status=403)
    with pytest.raises(FetchError, match=r"403 Forbidden.*--contact.*OOH_CONTACT") as raised:
        Fetcher(tmp_path / "d", mirror=mirror.url, sleep=Pauses()).fetch(WANTED[:1])
    assert raised.value.exit_code == 6
    assert not (tmp_path / "d/pages/lamplighters.html").exists()


def test_404_names_the_file(tmp_path: Path, mirror: Mirror) -> None:
    with pytest.raises(FetchError, match=r"ooh/missing\.htm: not found on the server \(404\)"):
        fetcher(tmp_path / "d", mirror).fetch([Wanted("https://www.bls.gov/ooh/missing.htm", "m.html")])


def test_429_waits_as_long_as_the_server_asks(tmp_path: Path, mirror: Mirror) -> None:
    mirror.faults["/www.bls.gov/ooh/healthcare/lamplighters.htm"] = Fault(status=429, retry_after="7")
    pauses = Pauses()
    assert fetcher(tmp_path / "d", mirror, sleep=pauses).fetch(WANTED[:1])[0].downloaded
    assert pauses.taken == [7.0]


def test_server_errors_are_retried_with_growing_pauses(tmp_path: Path, mirror: Mirror) -> None:
    mirror.faults["/www.bls.gov/ooh/healthcare/lamplighters.htm"] = Fault(status=503, times=3)
    pauses = Pauses()
    assert fetcher(tmp_path / "d", mirror, sleep=pauses).fetch(WANTED[:1])[0].downloaded
    assert pauses.taken == [1.0, 2.0, 4.0]


def test_a_server_that_keeps_failing_is_given_up_on(tmp_path: Path, mirror: Mirror) -> None:
    mirror.faults["/www.bls.gov/ooh/healthcare/lamplighters.htm"] = Fault(status=500, times=RETRIES + 1)
    with pytest.raises(FetchError, match=rf"answered 500, {RETRIES + 1} tries"):
        fetcher(tmp_path / "d", mirror).fetch(WANTED[:1])


def test_a_timeout_is_retried(tmp_path: Path, mirror: Mirror) -> None:
    mirror.faults["/www.bls.gov/ooh/healthcare/lamplighters.htm"] = Fault(delay=1.0)
    pauses = Pauses()
    assert fetcher(tmp_path / "d", mirror, sleep=pauses, timeout=0.3).fetch(WANTED[:1])[0].downloaded
    assert pauses.taken == [1.0]


def test_a_download_cut_short_goes_on_from_where_it_stopped(tmp_path: Path, mirror: Mirror) -> None:
    mirror.faults["/download.bls.gov/pub/time.series/oe/oe.data.0.Current"] = Fault(cut=100_000)
    got = fetcher(tmp_path / "d", mirror).fetch(WANTED[1:])
    assert got[0].downloaded and (tmp_path / "d/oews/oe.data.0.Current").read_bytes() == BIG_BODY
    assert mirror.seen("oe.data.0.Current")[-1]["range"] == "bytes=100000-"


def test_a_checksum_mismatch_keeps_nothing(tmp_path: Path, mirror: Mirror) -> None:
    with pytest.raises(FetchError, match="SHA-256"):
        fetcher(tmp_path / "d", mirror).fetch([Wanted(PAGE, "p.html", sha256="0" * 64)])
    assert not (tmp_path / "d/p.html").exists() and not (tmp_path / "d/p.html.part").exists()


class StopAfter(Progress):
    """Ctrl-C after ``limit`` bytes of the big file."""

    def __init__(self, limit: int) -> None:
        self.limit, self.seen = limit, 0

    def advance(self, url: str, size: int) -> None:
        self.seen += size
        if self.seen >= self.limit:
            raise KeyboardInterrupt


def test_ctrl_c_then_resume(tmp_path: Path, mirror: Mirror) -> None:
    with pytest.raises(KeyboardInterrupt):
        fetcher(tmp_path / "d", mirror, progress=StopAfter(200_000)).fetch(WANTED[1:])
    part = tmp_path / "d/oews/oe.data.0.Current.part"
    assert 0 < part.stat().st_size < len(BIG_BODY)
    assert not (tmp_path / "d/oews/oe.data.0.Current").exists()
    kept = part.stat().st_size
    fetcher(tmp_path / "d", mirror).fetch(WANTED[1:])
    assert (tmp_path / "d/oews/oe.data.0.Current").read_bytes() == BIG_BODY
    assert mirror.seen("oe.data.0.Current")[-1]["range"] == f"bytes={kept}-"


def test_a_full_disk_says_so_and_frees_the_space(
    tmp_path: Path, mirror: Mirror, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = Path.open

    def full_disk(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        stream = real_open(self, mode, *args, **kwargs)
        if self.suffix == ".part" and "b" in mode and mode[0] in "wa":

            class Full:
                def __enter__(self) -> Full:
                    return self

                def __exit__(self, *exc: object) -> None:
                    stream.close()

                def write(self, data: bytes) -> int:
                    raise OSError(errno.ENOSPC, "No space left on device")

            return Full()
        return stream

    monkeypatch.setattr(Path, "open", full_disk)
    with pytest.raises(FetchError, match="no space left on device"):
        fetcher(tmp_path / "d", mirror).fetch(WANTED[1:])
    assert not list((tmp_path / "d").rglob("*.part"))


def test_a_file_mirror_is_copied_once(tmp_path: Path, mirror: Mirror) -> None:
    file_mirror = (tmp_path / "mirror").as_uri()
    first = Fetcher(tmp_path / "d", mirror=file_mirror).fetch(WANTED)
    again = Fetcher(tmp_path / "d", mirror=file_mirror).fetch(WANTED)
    assert [f.downloaded for f in first] == [True, True] and [f.downloaded for f in again] == [False, False]
    assert (tmp_path / "d/oews/oe.data.0.Current").read_bytes() == BIG_BODY


def test_progress_hears_of_every_file(tmp_path: Path, mirror: Mirror) -> None:
    class Count(Progress):
        def __init__(self) -> None:
            self.files, self.bytes, self.done_files = 0, 0, []

        def begin(self, files: int) -> None:
            self.files = files

        def advance(self, url: str, size: int) -> None:
            self.bytes += size

        def done(self, fetched: Fetched) -> None:
            self.done_files.append(fetched.wanted.path)

    count = Count()
    fetcher(tmp_path / "d", mirror, progress=count).fetch(WANTED)
    assert count.files == 2 and count.bytes == len(BODY) + len(BIG_BODY)
    assert sorted(count.done_files) == sorted(w.path for w in WANTED)

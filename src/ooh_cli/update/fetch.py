"""Download official files politely: named, few at a time, retried, conditional, resumable, checked.

- Every request names `ooh`, its version and the user's contact (BLS refuses anonymous clients with 403).
- At most ``CONCURRENCY`` requests at once; timeouts, 429 and 5xx are retried with growing pauses, honouring
  the server's Retry-After.
- A file the manifest knows is asked for with If-None-Match / If-Modified-Since, so an unchanged file costs
  one small answer (304) and is not downloaded again.
- Bytes stream to ``<name>.part`` beside the target; a download cut short (Ctrl-C, a dropped connection) goes
  on from where it stopped the next time, with a Range request. The target appears only when complete, its
  size checked against Content-Length and its SHA-256 recorded (and checked, when one is expected).
- ``mirror`` replaces every host: ``https://www.bls.gov/ooh/x.htm`` is read from ``MIRROR/www.bls.gov/ooh/x.htm``,
  the layout ``wget --mirror`` writes; a ``file:`` mirror is read from disk.

httpx is imported here only, and this module only by `ooh data update`: no lookup pays for it.
"""

from __future__ import annotations

import contextlib
import email.utils
import errno
import hashlib
import shutil
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from ooh_cli import __version__
from ooh_cli.core.errors import ExitCode, OohError
from ooh_cli.update.manifest import Entry, Manifest

if TYPE_CHECKING:
    import httpx

CONCURRENCY = 4
RETRIES = 4
# Seconds: the first pause, doubled at each retry; a Retry-After longer than the cap is waited only up to it.
BACKOFF = 1.0
MAX_PAUSE = 60.0
TIMEOUT = 60.0
CHUNK = 1 << 16
CONTACT_ENV = "OOH_CONTACT"
RETRIED_STATUSES = frozenset({429, 500, 502, 503, 504})


class FetchError(OohError):
    """A download failed: the server refused it, has no such file, or could not be reached."""

    exit_code = ExitCode.DOWNLOAD


@dataclass(frozen=True, slots=True)
class Wanted:
    """A file to fetch: its official address, where it goes (relative to the download folder), and the
    SHA-256 it must have, where one is known beforehand."""

    url: str
    path: str
    sha256: str | None = None


@dataclass(frozen=True, slots=True)
class Fetched:
    wanted: Wanted
    entry: Entry
    # False when the server said the copy on disk is current (304), or a file: mirror's copy was the same.
    downloaded: bool


class Progress:
    """What a download reports as it goes; the CLI draws it, tests count it. This one ignores everything."""

    def begin(self, files: int) -> None:
        """``files`` are about to be fetched."""

    def grow(self, url: str, total: int | None) -> None:
        """``url`` will send ``total`` bytes (None: unknown)."""

    def advance(self, url: str, size: int) -> None:
        """``size`` more bytes of ``url`` arrived."""

    def done(self, fetched: Fetched) -> None:
        """One file is complete (or was current)."""


def user_agent(contact: str | None) -> str:
    return f"ooh/{__version__} ({contact})" if contact else f"ooh/{__version__}"


def mirrored(url: str, mirror: str | None) -> str:
    """Where ``url`` is read from: itself, or ``mirror/<host>/<path>``."""
    if not mirror:
        return url
    parts = urlsplit(url)
    return f"{mirror.rstrip('/')}/{parts.netloc}{parts.path}"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while block := stream.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


class Fetcher:
    """Fetches files into ``folder``, keeping its manifest; see the module's docstring."""

    def __init__(
        self,
        folder: Path,
        *,
        contact: str | None = None,
        mirror: str | None = None,
        progress: Progress | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        backoff: float = BACKOFF,
        timeout: float = TIMEOUT,
    ) -> None:
        self.folder = folder
        self.contact = contact
        self.mirror = mirror
        self.progress = progress or Progress()
        self.sleep = sleep
        self.backoff = backoff
        self.manifest = Manifest.load(folder)
        self._manifest_lock = threading.Lock()
        self._stop = threading.Event()
        self._transport = transport
        self._timeout = timeout

    def fetch(self, wanted: Sequence[Wanted]) -> list[Fetched]:
        """Every file of ``wanted``, in that order; the first failure stops the rest and is raised.

        Ctrl-C stops every download at its next block; what has arrived stays in ``.part`` files for the next run.
        """
        import httpx

        self.folder.mkdir(parents=True, exist_ok=True)
        self.progress.begin(len(wanted))
        headers = {"User-Agent": user_agent(self.contact)}
        with (
            httpx.Client(
                headers=headers, timeout=self._timeout, follow_redirects=True, transport=self._transport
            ) as client,
            ThreadPoolExecutor(max_workers=CONCURRENCY) as pool,
        ):
            futures = [pool.submit(self._one, client, item) for item in wanted]
            try:
                return [future.result() for future in futures]
            except BaseException:
                self._stop.set()
                for future in futures:
                    future.cancel()
                raise
            finally:
                self.manifest.save(self.folder)

    # --- one file -------------------------------------------------------------------------------------------

    def _one(self, client: httpx.Client, wanted: Wanted) -> Fetched:
        source = mirrored(wanted.url, self.mirror)
        target = self.folder / wanted.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.startswith("file:"):
            return self._record(wanted, self._copy(Path(unquote(urlsplit(source).path)), target, wanted))
        attempt = 0
        while True:
            if self._stop.is_set():
                raise KeyboardInterrupt
            try:
                return self._record(wanted, self._download(client, source, target, wanted))
            except _Retry as retry:
                attempt += 1
                if attempt > RETRIES:
                    raise FetchError(f"cannot download {wanted.url}: {retry.reason}, {RETRIES + 1} tries") from None
                self.sleep(
                    min(retry.after if retry.after is not None else self.backoff * 2 ** (attempt - 1), MAX_PAUSE)
                )

    def _download(self, client: httpx.Client, source: str, target: Path, wanted: Wanted) -> tuple[Entry, bool]:
        import httpx

        known = self.manifest.files.get(wanted.url)
        current = known is not None and target.is_file() and sha256_of(target) == known.sha256
        part = target.with_name(target.name + ".part")
        have = part.stat().st_size if part.is_file() else 0
        headers = {}
        if current and known is not None:
            if known.etag:
                headers["If-None-Match"] = known.etag
            if known.last_modified:
                headers["If-Modified-Since"] = known.last_modified
        elif have:
            headers["Range"] = f"bytes={have}-"
        try:
            with client.stream("GET", source, headers=headers) as response:
                if response.status_code == 304 and current and known is not None:
                    return known, False
                self._check_status(response, wanted)
                resumed = response.status_code == 206
                total = _length(response, have if resumed else 0)
                self.progress.grow(wanted.url, total)
                if resumed:
                    self.progress.advance(wanted.url, have)
                written = self._stream(response, part, append=resumed)
        except httpx.TimeoutException:
            raise _Retry("the server did not answer in time") from None
        except httpx.TransportError as error:
            # A dropped connection: what arrived stays in the .part file, and the retry asks for the rest.
            raise _Retry(f"the connection failed ({type(error).__name__})") from None
        if total is not None and written != total:
            raise _Retry(f"the download stopped at {written:,} of {total:,} bytes")
        digest = sha256_of(part)
        if wanted.sha256 is not None and digest != wanted.sha256:
            part.unlink()
            raise FetchError(f"{wanted.url}: the download's SHA-256 is {digest}, expected {wanted.sha256}")
        part.replace(target)
        entry = Entry(
            url=wanted.url,
            path=wanted.path,
            bytes=written,
            sha256=digest,
            retrieved=_today(),
            etag=response.headers.get("ETag"),
            last_modified=response.headers.get("Last-Modified"),
        )
        return entry, True

    def _check_status(self, response: httpx.Response, wanted: Wanted) -> None:
        status = response.status_code
        if status in (200, 206):
            return
        if status in RETRIED_STATUSES:
            raise _Retry(f"the server answered {status}", _retry_after(response.headers.get("Retry-After")))
        if status == 403:
            hint = (
                f"it was sent with contact {self.contact!r}; check the address, or try again later"
                if self.contact
                else f"BLS refuses downloads that do not say who is asking: give an email address with "
                f"--contact or the {CONTACT_ENV} environment variable"
            )
            raise FetchError(f"{wanted.url}: the server refused the download (403 Forbidden); {hint}")
        if status == 404:
            raise FetchError(f"{wanted.url}: not found on the server (404); the file may have moved")
        raise FetchError(f"{wanted.url}: the server answered {status} {response.reason_phrase}")

    def _stream(self, response: httpx.Response, part: Path, append: bool) -> int:
        written = part.stat().st_size if append else 0
        try:
            with part.open("ab" if append else "wb") as stream:
                for block in response.iter_bytes():
                    if self._stop.is_set():
                        raise KeyboardInterrupt
                    stream.write(block)
                    written += len(block)
                    self.progress.advance(str(response.request.url), len(block))
        except OSError as error:
            if error.errno == errno.ENOSPC:
                # Nothing to resume on a full disk: give the space back.
                with contextlib.suppress(OSError):
                    part.unlink()
                raise FetchError(f"cannot save {part.name.removesuffix('.part')}: no space left on device") from None
            raise FetchError(f"cannot save {part.name.removesuffix('.part')}: {error.strerror or error}") from None
        return written

    def _copy(self, source: Path, target: Path, wanted: Wanted) -> tuple[Entry, bool]:
        """A file: mirror's copy: copied when it differs from what the manifest recorded."""
        if not source.is_file():
            raise FetchError(f"{wanted.url}: not in the mirror ({source})")
        digest = sha256_of(source)
        known = self.manifest.files.get(wanted.url)
        if known is not None and known.sha256 == digest and target.is_file() and sha256_of(target) == digest:
            return known, False
        if wanted.sha256 is not None and digest != wanted.sha256:
            raise FetchError(f"{wanted.url}: the mirror's copy has SHA-256 {digest}, expected {wanted.sha256}")
        part = target.with_name(target.name + ".part")
        try:
            shutil.copyfile(source, part)
        except OSError as error:
            with contextlib.suppress(OSError):
                part.unlink()
            reason = "no space left on device" if error.errno == errno.ENOSPC else error.strerror or str(error)
            raise FetchError(f"cannot save {wanted.path}: {reason}") from None
        part.replace(target)
        size = target.stat().st_size
        self.progress.grow(wanted.url, size)
        self.progress.advance(wanted.url, size)
        return Entry(url=wanted.url, path=wanted.path, bytes=size, sha256=digest, retrieved=_today()), True

    def _record(self, wanted: Wanted, result: tuple[Entry, bool]) -> Fetched:
        entry, downloaded = result
        with self._manifest_lock:
            self.manifest.files[wanted.url] = entry
        fetched = Fetched(wanted, entry, downloaded)
        self.progress.done(fetched)
        return fetched


class _Retry(Exception):
    def __init__(self, reason: str, after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.after = after


def _length(response: httpx.Response, offset: int) -> int | None:
    """The whole file's size: Content-Length, plus what a ranged answer skips."""
    length = response.headers.get("Content-Length")
    return int(length) + offset if length and length.isdigit() else None


def _retry_after(value: str | None) -> float | None:
    """Retry-After as seconds: a number of seconds, or an HTTP date."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    with contextlib.suppress(TypeError, ValueError):
        when = email.utils.parsedate_to_datetime(value)
        return max(0.0, (when - datetime.now(UTC)).total_seconds())
    return None


def _today() -> str:
    return datetime.now(UTC).date().isoformat()

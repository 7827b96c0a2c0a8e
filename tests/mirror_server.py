"""A loopback HTTP server over a mirror tree (``<root>/<host>/<path>``), for tests of `ooh data update`.

It answers as the official servers do where that matters: ETag and Last-Modified, 304 to a conditional
request, 206 to a Range request. ``faults`` makes a path misbehave a given number of times: an HTTP status
(with Retry-After for 429), a body cut short, or a slow answer. It listens on 127.0.0.1 only and records
every request's path and headers.
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

LAST_MODIFIED = "Fri, 15 May 2026 08:00:00 GMT"


@dataclass
class Fault:
    """How a path misbehaves, ``times`` times: ``status`` (e.g. 403, 429, 500), ``cut`` (send only this many
    bytes of the body, then close), or ``delay`` seconds before answering."""

    status: int | None = None
    cut: int | None = None
    delay: float = 0.0
    retry_after: str | None = None
    times: int = 1


@dataclass
class Mirror:
    root: Path
    url: str = ""
    faults: dict[str, Fault] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def add(self, url: str, body: bytes) -> Path:
        """Put ``body`` where ``url`` (an official address) is mirrored."""
        host_and_path = url.split("://", 1)[1]
        path = self.root / host_and_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(body)
        return path

    def seen(self, suffix: str) -> list[dict[str, str]]:
        """The headers of each request for a path ending in ``suffix``."""
        return [headers for path, headers in self.requests if path.endswith(suffix)]


def _handler(mirror: Mirror) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            mirror.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            fault = mirror.faults.get(self.path)
            if fault is not None and fault.times > 0:
                fault.times -= 1
                time.sleep(fault.delay)
                if fault.status is not None:
                    self.send_response(fault.status)
                    if fault.retry_after is not None:
                        self.send_header("Retry-After", fault.retry_after)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
            else:
                fault = None
            path = mirror.root / self.path.lstrip("/")
            if not path.is_file():
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body = path.read_bytes()
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            start = 0
            ranged = self.headers.get("Range", "")
            if ranged.startswith("bytes=") and ranged.endswith("-"):
                start = int(ranged[6:-1])
            self.send_response(206 if start else 200)
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", LAST_MODIFIED)
            self.send_header("Content-Length", str(len(body) - start))
            self.end_headers()
            payload = body[start:]
            if fault is not None and fault.cut is not None:
                payload = payload[: fault.cut]
                self.close_connection = True
            # A client that stops reading (Ctrl-C in a test) is no error of the server's.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(payload)
                self.wfile.flush()

    return Handler


@contextmanager
def serve(root: Path) -> Iterator[Mirror]:
    """A mirror of ``root`` served on a free loopback port for the duration of the block."""
    mirror = Mirror(root)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(mirror))
    server.daemon_threads = True
    mirror.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield mirror
    finally:
        server.shutdown()
        server.server_close()

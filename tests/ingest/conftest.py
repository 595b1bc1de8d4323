"""Fixtures for ingest tests: a real HTTP server on 127.0.0.1 and composed pages."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@dataclass
class Route:
    body: bytes
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html"})


@dataclass
class LocalServer:
    """Serves `routes` (path -> Route) on 127.0.0.1 and records the requests it saw."""

    base: str
    routes: dict[str, Route]
    seen: list[tuple[str, dict[str, str]]]

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture
def local_server() -> Iterator[LocalServer]:
    routes: dict[str, Route] = {}
    seen: list[tuple[str, dict[str, str]]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append((self.path, dict(self.headers.items())))
            route = routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            self.send_response(route.status)
            for key, value in route.headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            self.wfile.write(route.body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield LocalServer(f"http://{host}:{port}", routes, seen)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture
def summit_html() -> bytes:
    return (EXAMPLES / "harbour-summit.html").read_bytes()

"""The service under test: apps built in-process around one shared, loaded pipeline.

Loading spaCy and every analyzer takes seconds, so one `Pipeline` is built per test
session and handed to every app (`create_app(settings, pipeline=...)`); each test module
gets the apps it needs, each run with its lifespan by `TestClient`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

pytest.importorskip("fastapi", reason="the service needs the 'serve' extra")

from fastapi.testclient import TestClient

from newsprobe.service import Settings, create_app

if TYPE_CHECKING:
    import httpx

    from newsprobe.analyzers.pipeline import Pipeline

TOKEN = "composed-test-token"

# Composed articles: invented outlets, people and places.
HARBOUR = (
    "Harbour board cosies up to ferry firm\n\n"
    "The Lindqvist harbour board approved 12 new berths on Monday, its chair Mara Ode said. "
    '"We expect the first ferries in May," she told reporters. Critics fear the deal could '
    "raise fares, according to the Coastline Gazette. The berths will cost 4 million euros."
)
HARBOUR_RETOLD = (
    "Lindqvist approves 14 berths for ferries\n\n"
    "The harbour board of Lindqvist approved 14 new berths on Monday, chair Mara Ode said, "
    "according to the Coastline Gazette. The berths will cost 4 million euros. "
    '"We expect the first ferries in May," Ode said.'
)
HARBOUR_BRIEF = (
    "Ferry berths approved in Lindqvist\n\n"
    "Mara Ode, chair of the Lindqvist harbour board, said on Monday that the board had "
    "approved 12 new berths for ferries. The berths will cost 4 million euros, she said. "
    "The first ferries are expected in May."
)
#: Another event, the same week, in another town: it must start a story of its own.
LIBRARY = (
    "Brennmoor library reopens after the flood\n\n"
    "The Brennmoor public library reopened on Thursday after three months of repairs, its "
    "director Tobias Renk said. About 300 readers came on the first day. The repairs cost "
    "600,000 euros, the town council said."
)
#: The composed coverage, as (text, outlet, published): three outlets on the Lindqvist
#: berths (stored in this order), then the distractor.
COVERAGE = (
    (HARBOUR, "Coastline Gazette", "2026-03-02T09:00:00+00:00"),
    (HARBOUR_RETOLD, "Fjordside Post", "2026-03-02T15:00:00+00:00"),
    (HARBOUR_BRIEF, "Lindqvist Ledger", "2026-03-03T07:30:00+00:00"),
    (LIBRARY, "Brennmoor Courier", "2026-03-05T12:00:00+00:00"),
)
HOSTILE = (
    "Council snubs <script>alert(1)</script> plan\n\n"
    'The Brennmoor council rejected the plan <img src=x onerror="alert(2)"> on Tuesday, '
    "its speaker Ilse Marrow said. Could this be the end of the tram? "
    '<a href="javascript:alert(3)">Read more</a> Officials may reconsider next year.'
)


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """Every analyzer, loaded once for the whole session."""
    from newsprobe.analyzers.pipeline import Pipeline

    shared = Pipeline(on_error="record")
    shared.warm_up()
    return shared


ClientFactory = Callable[..., TestClient]


@pytest.fixture
def make_client(pipeline: Pipeline) -> Iterator[ClientFactory]:
    """Build a started app with these settings; it is stopped after the test."""
    with ExitStack() as stack:

        def make(**settings: object) -> TestClient:
            app = create_app(Settings.model_validate(settings), pipeline=pipeline)
            return stack.enter_context(TestClient(app, raise_server_exceptions=False))

        yield make


@pytest.fixture
def client(make_client: ClientFactory) -> TestClient:
    """No corpus, no token: the defaults."""
    return make_client()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "corpus.db"


@pytest.fixture
def corpus_client(make_client: ClientFactory, db_path: Path) -> TestClient:
    """A corpus on SQLite and a token: every endpoint on."""
    return make_client(db=str(db_path), token=TOKEN)


def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}


def store_coverage(client: TestClient | httpx.Client) -> list[dict[str, Any]]:
    """`COVERAGE` stored through ``POST /v1/corpus/articles``, as a client would store it:
    the stored articles as the answers give them (each with the `story_id` the server
    filed it in), in `COVERAGE`'s order."""
    stored = []
    for text, outlet, published in COVERAGE:
        answer = client.post(
            "/v1/corpus/articles",
            json={"text": text, "outlet": outlet, "published": published},
            headers=auth(),
        )
        assert answer.status_code == 201, answer.text
        stored.append(answer.json()["article"])
    return stored


@pytest.fixture(scope="session")
def page_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A static web server on 127.0.0.1 serving one composed article page."""
    import threading
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    folder = tmp_path_factory.mktemp("site")
    headline, body = HARBOUR.split("\n\n")
    paragraphs = "".join(f"<p>{p}.</p>" for p in body.split(". "))
    (folder / "harbour.html").write_text(
        f"<html><head><title>{headline}</title></head><body><article><h1>{headline}</h1>"
        f"{paragraphs}</article></body></html>",
        encoding="utf-8",
    )

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def served_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the live server keeps its corpus (``corpus.db``) and its log."""
    return tmp_path_factory.mktemp("served")


@pytest.fixture(scope="module")
def live_server(served_folder: Path) -> Iterator[str]:
    """`newsprobe serve` really started (uvicorn, a subprocess) on a free 127.0.0.1 port,
    with a corpus and a token; its base URL once /healthz answers."""
    import os
    import signal
    import subprocess
    import sys
    import time

    import httpx

    folder = served_folder
    port = free_port()
    database = folder / "corpus.db"
    log = (folder / "server.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "newsprobe", "serve", "--port", str(port), "--db", str(database)],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "NEWSPROBE_TOKEN": TOKEN},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            if process.poll() is not None:
                pytest.fail(f"newsprobe serve exited: {(folder / 'server.log').read_text()}")
            try:
                if httpx.get(base + "/healthz", timeout=2).json()["ready"]:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("newsprobe serve was not ready within 180 s")
            time.sleep(0.25)
        yield base
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()

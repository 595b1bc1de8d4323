"""Hostile servers and URLs: credentials, trickling servers, rebinding, site-local IPv6."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterable, Iterator

import httpx
import pytest
from typer.testing import CliRunner

from newsprobe.cli import app
from newsprobe.errors import FetchError
from newsprobe.ingest import IngestOptions, load
from newsprobe.ingest.web import check_address, fetch, redact_url
from tests.ingest.ingest_pages import PARAGRAPHS, LocalServer, Route, article_page

PAGE = article_page("Ferry operator adds two daily sailings", PARAGRAPHS).encode()
PUBLIC_IP = "93.184.216.34"


def public(host: str, port: int) -> Iterable[str]:
    return [PUBLIC_IP]


def test_url_with_credentials_is_refused_without_showing_the_password() -> None:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, headers={"Content-Type": "text/html"}, content=PAGE)

    with pytest.raises(FetchError) as caught:
        fetch("https://ana:s3cr3t@news.example/a", transport=httpx.MockTransport(handler))
    assert "user:password@" in str(caught.value) and "s3cr3t" not in str(caught.value)
    assert caught.value.url == "https://news.example/a"
    assert sent == []  # nothing went out, so no Authorization header either


def test_redirect_to_a_url_with_credentials_is_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": "https://bo:hunter2@other.example/"})

    with pytest.raises(FetchError, match=r"redirected from https://news\.example/a") as caught:
        fetch("https://news.example/a", transport=httpx.MockTransport(handler), resolve=public)
    assert "hunter2" not in str(caught.value)


def test_cli_never_prints_the_password() -> None:
    result = CliRunner().invoke(app, ["analyze", "https://ana:s3cr3t@news.example/a"])
    assert result.exit_code == 1
    assert "s3cr3t" not in result.output and "news.example/a" in result.stderr


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://ana:pw@news.example/a?b=c@d", "https://news.example/a?b=c@d"),
        ("http://user@news.example", "http://news.example"),
        ("https://news.example/a@b", "https://news.example/a@b"),
    ],
)
def test_redact_url(url: str, shown: str) -> None:
    assert redact_url(url) == shown


@pytest.mark.parametrize("address", ["fec0::1", "feff:ffff::1", "fec0:0:0:1::5"])
def test_deprecated_site_local_ipv6_is_not_public(address: str) -> None:
    with pytest.raises(FetchError, match="site-local address"):
        check_address(address, url="u")


def test_refused_redirect_names_the_url_that_was_given() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": "http://169.254.169.254/latest"})

    with pytest.raises(FetchError) as caught:
        fetch("https://news.example/story", transport=httpx.MockTransport(handler), resolve=public)
    message = str(caught.value)
    assert "169.254.169.254" in message and "redirected from https://news.example/story" in message


def test_connection_goes_to_the_checked_address(local_server: LocalServer) -> None:
    """The name is resolved once, by the guard; the socket goes to that address.

    ``rebind.example`` resolves nowhere in the system's DNS: reaching the local server
    through it shows the connection used the guard's answer, not a second lookup.
    """
    local_server.routes["/story"] = Route(PAGE)
    port = local_server.base.rsplit(":", 1)[1]
    answers: list[str] = []

    def resolve(host: str, port: int) -> Iterable[str]:
        answers.append(host)
        return ["127.0.0.1"]

    article = load(
        f"http://rebind.example:{port}/story",
        IngestOptions(allow_private=True),
        resolve=resolve,
    )
    assert article.headline_text == "Ferry operator adds two daily sailings"
    assert answers == ["rebind.example"]
    assert local_server.seen[0][1]["Host"] == f"rebind.example:{port}"


@pytest.fixture
def trickling_server() -> Iterator[tuple[str, list[float]]]:
    """A server that sends its answer one byte every 0.2 s, headers included."""
    listener = socket.create_server(("127.0.0.1", 0))
    closed: list[float] = []
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            with conn:
                conn.recv(65_536)
                answer = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + PAGE
                try:
                    for byte in answer:
                        if stop.is_set():
                            break
                        conn.sendall(bytes([byte]))
                        time.sleep(0.2)
                except OSError:
                    pass
                closed.append(time.monotonic())

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/", closed
    finally:
        stop.set()
        thread.join(5)
        listener.close()


def test_trickling_server_is_given_up_at_the_overall_deadline(
    trickling_server: tuple[str, list[float]],
) -> None:
    url, _ = trickling_server
    started = time.monotonic()
    with pytest.raises(FetchError, match="no complete answer within 2 s"):
        fetch(url, allow_private=True, timeout=0.5)
    assert time.monotonic() - started < 4

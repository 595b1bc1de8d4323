"""Guarded fetching: a real server on 127.0.0.1, MockTransport, and every refusal."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Callable, Iterable, Iterator

import httpx
import pytest

from newsprobe.errors import FetchError
from newsprobe.ingest import IngestOptions, load
from newsprobe.ingest.web import MAX_REDIRECTS, USER_AGENT, check_address, fetch
from tests.ingest.ingest_pages import PARAGRAPHS, LocalServer, Route, article_page

PAGE = article_page("Ferry operator adds two daily sailings", PARAGRAPHS).encode()
PUBLIC_IP = "93.184.216.34"


def public_resolver(host: str, port: int) -> Iterable[str]:
    """Every name resolves to a public address, except those the test names."""
    return {"intranet.example": ["10.1.2.3"], "sneaky.example": [PUBLIC_IP, "127.0.0.1"]}.get(
        host, [PUBLIC_IP]
    )


def mock(handler: Callable[[httpx.Request], httpx.Response]) -> httpx.MockTransport:
    return httpx.MockTransport(handler)


class Chunks(httpx.SyncByteStream):
    """A body that arrives in pieces, as from a socket (``content=`` would be pre-read)."""

    def __init__(self, body: bytes, size: int = 16_384) -> None:
        self.body, self.size = body, size

    def __iter__(self) -> Iterator[bytes]:
        for start in range(0, len(self.body), self.size):
            yield self.body[start : start + self.size]


def html_response(body: bytes = PAGE, **headers: str) -> httpx.Response:
    return httpx.Response(
        200, headers={"Content-Type": "text/html", **headers}, stream=Chunks(body)
    )


# --- a real server on 127.0.0.1 ---------------------------------------------------------


def test_local_server_allowed_when_private_is_allowed(local_server: LocalServer) -> None:
    local_server.routes["/news/ferry"] = Route(PAGE, headers={"Content-Type": "text/html"})
    article = load(local_server.url("/news/ferry"), IngestOptions(allow_private=True))
    assert article.headline_text == "Ferry operator adds two daily sailings"
    assert article.url == local_server.url("/news/ferry")
    assert "Vantongeren" in article.body_text
    assert "Home" not in article.body_text
    _, headers = local_server.seen[0]
    assert headers["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("newsprobe/")


def test_local_server_refused_by_default(local_server: LocalServer) -> None:
    local_server.routes["/a"] = Route(PAGE)
    with pytest.raises(
        FetchError, match=r"127\.0\.0\.1 is a loopback address; pass --allow-private"
    ):
        load(local_server.url("/a"))
    assert local_server.seen == []  # refused before any connection


def test_local_server_redirect_chain_followed(local_server: LocalServer) -> None:
    local_server.routes["/old"] = Route(b"", 301, {"Location": "/older"})
    local_server.routes["/older"] = Route(b"", 302, {"Location": local_server.url("/new")})
    local_server.routes["/new"] = Route(PAGE, headers={"Content-Type": "text/html; charset=utf-8"})
    article = load(local_server.url("/old"), IngestOptions(allow_private=True))
    assert article.url == local_server.url("/new")
    assert [p for p, _ in local_server.seen] == ["/old", "/older", "/new"]


def test_local_server_http_error_status(local_server: LocalServer) -> None:
    with pytest.raises(FetchError, match="HTTP 404") as info:
        load(local_server.url("/missing"), IngestOptions(allow_private=True))
    assert info.value.status == 404


def test_local_server_charset_from_header(local_server: LocalServer) -> None:
    paragraphs = [*PARAGRAPHS, "Le maire de Sainte-Élise a salué une décision très attendue."]
    body = article_page("Ferry adds sailings", paragraphs).replace('<meta charset="utf-8">', "")
    local_server.routes["/fr"] = Route(
        body.encode("cp1252"), headers={"Content-Type": "text/html; charset=windows-1252"}
    )
    article = load(local_server.url("/fr"), IngestOptions(allow_private=True))
    assert "Sainte-Élise a salué une décision très attendue" in article.body_text


# --- MockTransport: redirects into private space ---------------------------------------


@pytest.mark.parametrize(
    ("location", "reason"),
    [
        ("http://127.0.0.1/admin", "127.0.0.1 is a loopback address"),
        ("http://10.0.0.1/", "10.0.0.1 is a private address"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
        ("http://[::1]:8080/", "::1 is a loopback address"),
        ("http://[::ffff:127.0.0.1]/", r"::ffff:7f00:1 \(127.0.0.1\) is a loopback address"),
        ("http://[fe80::1]/", "fe80::1 is a link-local address"),
        ("http://0.0.0.0/", "0.0.0.0 is an unspecified address"),
        ("http://224.0.0.1/", "224.0.0.1 is a multicast address"),
        ("http://intranet.example/", "10.1.2.3 is a private address"),
        ("http://sneaky.example/", "127.0.0.1 is a loopback address"),
    ],
)
def test_redirect_into_private_space_is_refused(location: str, reason: str) -> None:
    requested: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requested.append(str(request.url))
        if request.url.host == "news.example":
            return httpx.Response(302, headers={"Location": location})
        return html_response()

    with pytest.raises(FetchError, match=reason + "; pass --allow-private to allow it"):
        fetch("https://news.example/story", transport=mock(handler), resolve=public_resolver)
    assert requested == ["https://news.example/story"]


def test_redirect_to_private_allowed_when_asked() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "news.example":
            return httpx.Response(302, headers={"Location": "http://10.0.0.1/story"})
        return html_response()

    page = fetch(
        "https://news.example/story",
        allow_private=True,
        transport=mock(handler),
        resolve=public_resolver,
    )
    assert page.url == "http://10.0.0.1/story"
    assert page.content == PAGE


def test_too_many_redirects() -> None:
    hops: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        hops.append(request.url.path)
        return httpx.Response(302, headers={"Location": f"/hop{len(hops)}"})

    with pytest.raises(FetchError, match=f"too many redirects \\(more than {MAX_REDIRECTS}\\)"):
        fetch("https://news.example/start", transport=mock(handler), resolve=public_resolver)
    assert len(hops) == MAX_REDIRECTS + 1


def test_five_redirects_are_fine() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        step = int(request.url.params.get("n", "0"))
        if step < MAX_REDIRECTS:
            return httpx.Response(301, headers={"Location": f"/s?n={step + 1}"})
        return html_response()

    page = fetch("https://news.example/s", transport=mock(handler), resolve=public_resolver)
    assert page.url.endswith(f"n={MAX_REDIRECTS}")


def test_preloaded_body_from_a_custom_transport() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Type": "text/html"}, content=PAGE)

    page = fetch("https://news.example/p", transport=mock(handler), resolve=public_resolver)
    assert page.content == PAGE
    with pytest.raises(FetchError, match="larger than 1,000 bytes"):
        fetch(
            "https://news.example/p",
            max_bytes=1000,
            transport=mock(handler),
            resolve=public_resolver,
        )


def test_oversize_body_is_refused() -> None:
    big = b"<html><body>" + b"<p>word word word</p>" * 10_000 + b"</body></html>"
    with pytest.raises(FetchError, match="larger than 50,000 bytes"):
        fetch(
            "https://news.example/big",
            max_bytes=50_000,
            transport=mock(lambda r: html_response(big)),
            resolve=public_resolver,
        )


def test_gzip_bomb_is_stopped_by_the_decompressed_cap() -> None:
    bomb = gzip.compress(b"\0" * 50_000_000)  # ~50 KB on the wire
    assert len(bomb) < 100_000

    def handler(request: httpx.Request) -> httpx.Response:
        # No Content-Length to trust: the cap must count decompressed bytes.
        return html_response(bomb, **{"Content-Encoding": "gzip"})

    with pytest.raises(FetchError, match="larger than 1,000,000 bytes \\(decompressed\\)"):
        fetch(
            "https://news.example/bomb",
            max_bytes=1_000_000,
            transport=mock(handler),
            resolve=public_resolver,
        )


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "raw-deflate"])
def test_compressed_bodies_are_decoded(encoding: str) -> None:
    if encoding == "gzip":
        body = gzip.compress(PAGE)
    elif encoding == "deflate":
        body = zlib.compress(PAGE)
    else:
        squeezer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
        body = squeezer.compress(PAGE) + squeezer.flush()
    header = "deflate" if encoding == "raw-deflate" else encoding

    def handler(request: httpx.Request) -> httpx.Response:
        return html_response(body, **{"Content-Encoding": header})

    page = fetch("https://news.example/z", transport=mock(handler), resolve=public_resolver)
    assert page.content == PAGE


@pytest.mark.parametrize("content_type", ["application/pdf", "image/jpeg", "application/json"])
def test_wrong_content_type_is_refused(content_type: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Type": content_type}, content=b"%PDF-1.7")

    with pytest.raises(FetchError, match=f"content type {content_type} is not an article page"):
        fetch("https://news.example/doc", transport=mock(handler), resolve=public_resolver)


@pytest.mark.parametrize(
    "url", ["ftp://news.example/a.txt", "file:///etc/passwd", "gopher://news.example/"]
)
def test_non_http_scheme_is_refused(url: str) -> None:
    with pytest.raises(FetchError, match="only http:// and https:// URLs"):
        fetch(url, transport=mock(lambda r: html_response()), resolve=public_resolver)


def test_redirect_to_non_http_scheme_is_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": "file:///etc/passwd"})

    with pytest.raises(FetchError, match="file scheme is not fetched"):
        fetch("https://news.example/a", transport=mock(handler), resolve=public_resolver)


def test_unresolvable_host() -> None:
    def resolve(host: str, port: int) -> Iterable[str]:
        raise OSError("Name or service not known")

    with pytest.raises(FetchError, match=r"cannot resolve host 'nowhere\.example'"):
        fetch(
            "https://nowhere.example/", transport=mock(lambda r: html_response()), resolve=resolve
        )


def test_timeout_becomes_a_fetch_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    with pytest.raises(FetchError, match="timed out"):
        fetch("https://news.example/slow", transport=mock(handler), resolve=public_resolver)


def test_plain_text_url_becomes_an_article() -> None:
    text = b"Ferry adds sailings\n\nThe operator will add two sailings a day from March."

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Type": "text/plain"}, stream=Chunks(text))

    article = load(
        "https://news.example/wire.txt", transport=mock(handler), resolve=public_resolver
    )
    assert article.headline_text == "Ferry adds sailings"
    assert article.url == "https://news.example/wire.txt"


@pytest.mark.parametrize(
    ("address", "allowed"),
    [
        ("8.8.8.8", True),
        ("2606:4700:4700::1111", True),
        ("192.168.1.10", False),
        ("172.16.0.1", False),
        ("100.64.0.1", False),  # carrier-grade NAT: not private, not global either
        ("::", False),
        ("::ffff:10.0.0.1", False),
        ("2002:7f00:1::", False),  # 6to4 wrapping 127.0.0.1
        ("fd00::1", False),
        ("240.0.0.1", False),
    ],
)
def test_check_address(address: str, allowed: bool) -> None:
    if allowed:
        check_address(address, url="u")
    else:
        with pytest.raises(FetchError, match="refused"):
            check_address(address, url="u")


def test_forced_format_applies_to_the_fetched_page() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return html_response()

    opts = IngestOptions(format="text")
    article = load("https://news.example/p", opts, transport=mock(handler), resolve=public_resolver)
    assert "<p>" in article.text  # taken as plain text, markup and all


def test_connection_refused_is_a_fetch_error() -> None:
    import socket

    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match="could not fetch"):
        fetch(f"http://127.0.0.1:{port}/", allow_private=True, timeout=5)

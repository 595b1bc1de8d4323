"""WARC archives built here with warcio: HTML captures in, everything else out."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsprobe.document import Article
from newsprobe.errors import ExtractionError, IngestError
from newsprobe.ingest import IngestOptions, read
from tests.ingest.ingest_pages import PARAGRAPHS, article_page

LOGIN = b"""<html lang="en"><head><title>Sign in</title></head><body><nav><a href="/">Home</a>
<a href="/news">News</a></nav><form><input name="u"><button>Sign in</button></form></body></html>"""


def response(
    writer: WARCWriter,
    url: str,
    body: bytes,
    *,
    status: str = "200 OK",
    content_type: str = "text/html; charset=utf-8",
    extra: list[tuple[str, str]] | None = None,
) -> None:
    headers = StatusAndHeaders(
        status, [("Content-Type", content_type), *(extra or [])], protocol="HTTP/1.1"
    )
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
    )
    writer.write_record(record)


def build_warc(*, gzip: bool) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test"}))
    request = writer.create_warc_record(
        "https://tidewater.example/ferry",
        "request",
        payload=io.BytesIO(b"GET /ferry HTTP/1.1\r\n\r\n"),
        length=23,
    )
    writer.write_record(request)
    page_one = article_page("Ferry operator adds two daily sailings", PARAGRAPHS).encode()
    response(writer, "https://tidewater.example/ferry", page_one)
    response(
        writer,
        "https://tidewater.example/logo.png",
        b"\x89PNG\r\n\x1a\n" + bytes(300),
        content_type="image/png",
    )
    response(
        writer,
        "https://tidewater.example/old",
        b"",
        status="301 Moved Permanently",
        extra=[("Location", "https://tidewater.example/ferry")],
    )
    response(writer, "https://tidewater.example/login", LOGIN)
    # Declared gzip-encoded, but the payload is not gzip: this record is broken.
    response(
        writer,
        "https://tidewater.example/broken",
        b"\x1f\x8b\x08\x00garbage-not-gzip" * 20,
        extra=[("Content-Encoding", "gzip")],
    )
    page_two = article_page(
        "Bridge on the coast road reopens",
        [
            "The coast road bridge at Marrow Bay reopened on Wednesday, three months after "
            "a lorry struck one of its supports and engineers closed it to traffic.",
            "Regional roads director Piet Oosterhuis said repairs had cost 2.3 million crowns.",
        ],
    ).encode("cp1252")
    response(
        writer,
        "https://tidewater.example/bridge",
        page_two,
        content_type="text/html; charset=windows-1252",
    )
    return out.getvalue()


def split(items: list[Article | IngestError]) -> tuple[list[Article], list[IngestError]]:
    return (
        [i for i in items if isinstance(i, Article)],
        [i for i in items if isinstance(i, IngestError)],
    )


@pytest.mark.parametrize(("gzip", "name"), [(True, "crawl.warc.gz"), (False, "crawl.warc")])
def test_html_responses_become_articles(tmp_path: Path, gzip: bool, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(build_warc(gzip=gzip))
    articles, errors = split(list(read(path)))
    assert [a.headline_text for a in articles] == [
        "Ferry operator adds two daily sailings",
        "Bridge on the coast road reopens",
    ]
    assert [a.url for a in articles] == [
        "https://tidewater.example/ferry",
        "https://tidewater.example/bridge",
    ]
    assert "Home" not in articles[0].body_text
    assert articles[1].language == "en"
    # The login page (no article) and the broken record are reported; images, requests
    # and redirects are skipped silently.
    assert len(errors) == 2
    assert isinstance(errors[0], ExtractionError)
    assert "tidewater.example/login" in str(errors[0])
    assert "tidewater.example/broken" in str(errors[1])


def test_sniffed_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "crawl-0001"
    path.write_bytes(build_warc(gzip=True))
    articles, _ = split(list(read(path)))
    assert len(articles) == 2


def test_per_page_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(build_warc(gzip=True))
    articles, errors = split(list(read(path, IngestOptions(max_bytes=600))))
    assert articles == []
    assert any("larger than 600 bytes" in str(e) for e in errors)


def test_truncated_archive_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    data = build_warc(gzip=True)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 300])  # the last record is cut
    items = list(read(path))
    articles, _ = split(items)
    assert [a.headline_text for a in articles] == ["Ferry operator adds two daily sailings"]
    assert isinstance(items[-1], IngestError)
    assert "truncated or corrupt" in str(items[-1])


def test_arc_file(tmp_path: Path) -> None:
    page = article_page("Ferry operator adds two daily sailings", PARAGRAPHS).encode()
    http = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
    version = b"1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n"
    header = b"filedesc://old.arc 0.0.0.0 20261124120000 text/plain %d\n%s\n" % (
        len(version),
        version,
    )
    record = b"http://tidewater.example/ferry 93.184.216.34 20261124120000 text/html %d\n%s\n" % (
        len(http),
        http,
    )
    path = tmp_path / "old.arc"
    path.write_bytes(header + record)
    (article,) = list(read(path))
    assert isinstance(article, Article)
    assert article.url == "http://tidewater.example/ferry"
    assert article.headline_text == "Ferry operator adds two daily sailings"

"""Every ingest format fuzzed with hypothesis: structure first, then damage.

Each strategy builds an input that looks like its format (so the reader gets past the
sniffing and into its own code), then damages it: truncation, flipped bytes, another
encoding, gzip around it (itself cut short). Whatever comes in, `read` yields articles
and `IngestError`s or raises an `IngestError`: never another exception, never a hang.
A CI-sized run: a few seconds per format (`max_examples` below); `benchmarks/hostile.py`
runs a large generated corpus in subprocesses with time and memory limits.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import tempfile
from collections.abc import Iterable
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprobe.document import Article
from newsprobe.errors import IngestError
from newsprobe.ingest import IngestOptions, read
from newsprobe.ingest.records import RECORD_FIELDS

# Each example runs real readers (trafilatura on HTML); 40 keeps a format near 5 s here.
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# Feeds fetch teaser entries: every fetch is answered 404 here, without a network.
_NO_NETWORK = httpx.MockTransport(lambda request: httpx.Response(404))
_WORDS = st.sampled_from(
    ["Talks", "ended", "in", "Port", "Elsin", ".", "\n\n", '"', ",", "مرحبا", "👩‍🚀", "\x00"]
)
prose = st.lists(_WORDS | st.text(max_size=6), max_size=40).map(" ".join)
field_names = st.sampled_from([n for names in RECORD_FIELDS.values() for n in names] + ["x"])
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | prose,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(field_names, inner, max_size=4),
    max_leaves=20,
)


_DATES = ["Tue, 24 Nov 2026 09:30:00 +0100", "yesterday", ""]


def _public(host: str, port: int) -> Iterable[str]:
    return ["93.184.216.34"]


@st.composite
def damaged(draw: st.DrawFn, data: bytes) -> bytes:
    """`data` as it is, cut short, with bytes flipped, re-encoded, or gzipped (and cut)."""
    how = draw(st.sampled_from(["as is", "cut", "flip", "utf-16", "gzip", "gzip cut"]))
    # Positions are drawn independently of the length (WARC record ids and dates make
    # lengths differ from run to run, and hypothesis needs the same draws to replay).
    if how == "cut" and data:
        return data[: draw(st.integers(0, 1 << 16)) % len(data)]
    if how == "flip" and data:
        spots = [
            s % len(data) for s in draw(st.lists(st.integers(0, 1 << 16), min_size=1, max_size=8))
        ]
        flipped = bytearray(data)
        for spot in spots:
            flipped[spot] ^= draw(st.integers(1, 255))
        return bytes(flipped)
    if how == "utf-16":
        return data.decode("utf-8", "replace").encode("utf-16")
    if how.startswith("gzip"):
        packed = gzip.compress(data)
        if how == "gzip cut":
            packed = packed[: draw(st.integers(0, 1 << 16)) % len(packed)]
        return packed
    return data


def _read(name: str, data: bytes, **options: object) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        opts = IngestOptions(timeout=1.0, **options)  # type: ignore[arg-type]
        try:
            items = list(read(path, opts, transport=_NO_NETWORK, resolve=_public))
        except IngestError:
            return
        assert all(isinstance(item, Article | IngestError) for item in items)


@st.composite
def jsonl_files(draw: st.DrawFn) -> bytes:
    records = draw(st.lists(json_values, max_size=6))
    lines = [json.dumps(r, ensure_ascii=draw(st.booleans())).encode() for r in records]
    depth = draw(st.sampled_from([0, 0, 5_000]))
    if depth:
        lines.insert(0, b"[" * depth + b"]" * depth)
    return draw(damaged(b"\n".join(lines) + b"\n"))


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    header = draw(st.lists(field_names, min_size=1, max_size=4, unique=True))
    rows = draw(st.lists(st.lists(prose, min_size=len(header), max_size=len(header)), max_size=6))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=draw(st.sampled_from([",", ";", "\t"])))
    writer.writerow(header)
    writer.writerows(rows)
    return draw(damaged(out.getvalue().encode("utf-8")))


@st.composite
def html_pages(draw: st.DrawFn) -> bytes:
    paragraphs = draw(st.lists(prose, max_size=6))
    charset = draw(st.sampled_from(["utf-8", "cp1252", "utf-16", "nonsense"]))
    page = (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{draw(prose)}</title>'
        "</head><body><article><h1>" + draw(prose) + "</h1>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</article></body></html>"
    )  # fmt: skip
    return draw(damaged(page.encode("utf-8", "surrogatepass")))


@st.composite
def feeds(draw: st.DrawFn) -> bytes:
    items = draw(st.lists(st.tuples(prose, prose, st.booleans()), max_size=4))
    body = "".join(
        f"<item><title>{title}</title><link>https://wire.example/{i}</link>"
        + (
            f"<description>{text}</description>"
            if short
            else f"<content:encoded><![CDATA[<p>{text * 40}</p>]]></content:encoded>"
        )
        + f"<pubDate>{draw(st.sampled_from(_DATES))}</pubDate></item>"
        for i, (title, text, short) in enumerate(items)
    )  # fmt: skip
    feed = (
        '<?xml version="1.0"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>Wire</title>{body}</channel></rss>"
    )
    return draw(damaged(feed.encode("utf-8", "surrogatepass")))


@st.composite
def warcs(draw: st.DrawFn) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=draw(st.booleans()))
    for number in range(draw(st.integers(0, 4))):
        page = f"<html><body><p>{draw(prose)}</p></body></html>".encode("utf-8", "surrogatepass")
        encoding = draw(st.sampled_from(["", "gzip", "br"]))
        if encoding == "gzip":
            page = gzip.compress(page)
        headers = [("Content-Type", draw(st.sampled_from(["text/html", "image/png", ""])))]
        if encoding:
            headers.append(("Content-Encoding", encoding))
        status = draw(st.sampled_from(["200 OK", "301 Moved", "500 Oops"]))
        record = writer.create_warc_record(
            f"https://crawl.example/{number}",
            "response",
            payload=io.BytesIO(page),
            length=len(page),
            http_headers=StatusAndHeaders(status, headers, protocol="HTTP/1.1"),
        )
        writer.write_record(record)
    return draw(damaged(out.getvalue()))


@st.composite
def texts(draw: st.DrawFn) -> bytes:
    text = draw(prose) + "\n\n" + draw(prose)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252"]))
    return draw(damaged(text.encode(encoding, "replace")))


@pytest.mark.parametrize(
    ("name", "strategy"),
    [
        ("dump.jsonl", jsonl_files()),
        ("dump.json", jsonl_files()),
        ("dump.csv", csv_files()),
        ("page.html", html_pages()),
        ("wire.rss", feeds()),
        ("crawl.warc", warcs()),
        ("story.txt", texts()),
    ],
    ids=["jsonl", "json", "csv", "html", "feed", "warc", "text"],
)
def test_damaged_inputs_give_articles_or_ingest_errors(
    name: str, strategy: st.SearchStrategy[bytes]
) -> None:
    @FUZZ
    @given(strategy)
    def run(data: bytes) -> None:
        _read(name, data)
        _read(name + ".gz", gzip.compress(data))

    run()


@FUZZ
@given(st.sampled_from(["dump.jsonl", "dump.csv", "story.txt", "page.html"]), st.binary())
def test_small_size_caps_never_break_a_reader(name: str, data: bytes) -> None:
    _read(name, b"title,text\n" + data if name.endswith(".csv") else data, max_bytes=64)

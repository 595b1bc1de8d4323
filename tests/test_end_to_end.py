"""newsprobe as a new user meets it: the CLI on real files, streams, URLs and archives.

Every test goes through `newsprobe.cli.app` (or the installed console script where process
start-up, tracebacks or real stderr matter) and checks what a user relies on: readable
reports, JSON that validates and whose spans index `article.text` exactly, bad inputs named
on stderr while the rest is processed, and the documented exit statuses (0 ok, 1 input
error, 2 usage error, 3 analyzer failure).

Fixtures are built in tmp dirs; pages are served from 127.0.0.1 by a server thread. Known
bugs in modules these tests do not own are `xfail(strict=True)`: they fail loudly once
fixed, so the mark is removed with the fix.
"""

from __future__ import annotations

import gzip
import http.server
import io
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from newsprobe.analyzers.base import Analyzer, Context
from newsprobe.analyzers.registry import BUILTIN_ANALYZERS, available_analyzers
from newsprobe.cli import app
from newsprobe.document import Analysis
from newsprobe.errors import ModelNotFoundError
from newsprobe.findings import FindingBase

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
FERRY = EXAMPLES / "ferry-strike.txt"
SUMMIT = EXAMPLES / "harbour-summit.html"
CONSOLE_SCRIPT = Path(sys.executable).parent / "newsprobe"
# Wide enough that rich never wraps an analyzer name or a one-line message.
runner = CliRunner(env={"COLUMNS": "200", "NO_COLOR": "1"})
# Analyzers that need only the fast parse layers: enough for ingest-focused tests.
FEW = ["-a", "quantities", "-a", "quotes"]


def invoke(*args: str | Path, stdin: str | bytes | None = None) -> Result:
    return runner.invoke(app, [str(a) for a in args], input=stdin)


def analyses(jsonl: str) -> list[Analysis]:
    """Every analysis in JSON Lines output, each checked against the span contract."""
    found = [Analysis.from_json(line) for line in jsonl.splitlines() if line.strip()]
    for analysis in found:
        assert_spans_exact(analysis)
    return found


def assert_spans_exact(analysis: Analysis) -> None:
    text = analysis.article.text
    article = analysis.article
    assert text[article.headline.start : article.headline.end] == article.headline_text
    assert article.body.end == len(text)
    for finding in analysis.findings:
        assert finding.text == text[finding.span.start : finding.span.end], finding.id
        for span in finding.all_spans():
            assert 0 <= span.start <= span.end <= len(text), (finding.id, span)


def stderr_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


# --- the bundled examples, all analyzers ------------------------------------------------


@pytest.fixture(scope="module")
def ferry_json() -> Result:
    return invoke("analyze", FERRY, "--format", "json")


def test_ferry_json_validates_and_spans_index_the_text(ferry_json: Result) -> None:
    assert ferry_json.exit_code == 0, ferry_json.output
    [analysis] = analyses(ferry_json.stdout)
    assert analysis.errors == [], analysis.errors
    assert analysis.article.headline_text.startswith("Ferry crews walk out for 48 hours")
    assert analysis.article.authors == ["Mireille Okafor", "Dan Whitcombe"]
    assert analysis.article.language == "en"
    assert analysis.models.get("spacy")
    kinds = {f.kind for f in analysis.findings}
    assert {"quantity", "quote", "entity", "attribution"} <= kinds, kinds
    # Every finding is stamped by the pipeline with a unique id and name@version.
    ids = [f.id for f in analysis.findings]
    assert len(ids) == len(set(ids))
    assert all("@" in f.analyzer for f in analysis.findings)
    # The JSON round-trips exactly.
    assert Analysis.from_json(analysis.to_json()) == analysis


def test_ferry_quotes_and_numbers_are_the_right_ones(ferry_json: Result) -> None:
    [analysis] = analyses(ferry_json.stdout)
    speakers = {getattr(q, "speaker", None) for q in analysis.of_kind("quote")}
    assert {"Hana Brodsky", "Piet Vandermolen"} <= speakers
    written = {q.text for q in analysis.of_kind("quantity")}
    assert {"4.5%", "£12m", "$2.5bn", "More than 1,200".lower()} & {w.lower() for w in written}
    entity_names = {getattr(e, "canonical", "") for e in analysis.of_kind("entity")}
    assert "Bluewake Lines" in entity_names


def test_ferry_text_report_is_readable() -> None:
    result = invoke("analyze", FERRY)
    assert result.exit_code == 0, result.output
    report = result.stdout
    assert report.splitlines()[0] == FERRY.read_text(encoding="utf-8").splitlines()[0]
    assert "Mireille Okafor, Dan Whitcombe" in report
    for section in ("Quotes", "Numbers", "People, organizations and places"):
        assert section in report
    assert "Hana Brodsky" in report and "£12m" in report
    assert "error:" not in report and "Traceback" not in result.output


def test_text_report_does_not_repeat_the_whole_article() -> None:
    # Article-wide findings (sourcing, the sensational rate) once printed the whole text.
    result = invoke("analyze", FERRY)
    body_sentence = "The Port Alder Chamber of Commerce estimated the cost"
    assert result.stdout.count(body_sentence) <= 2, result.stdout.count(body_sentence)


def test_harbour_summit_html_metadata_and_clean_body() -> None:
    result = invoke("analyze", SUMMIT, "-f", "json", *FEW)
    assert result.exit_code == 0, result.output
    [analysis] = analyses(result.stdout)
    article = analysis.article
    assert article.headline_text == (
        "Velko and Riedel agree on joint port authority after harbour summit"
    )
    assert article.outlet == "The Coastal Ledger"
    assert article.authors == ["Lena Markovic"]
    assert article.published is not None
    assert article.published.isoformat() == "2026-11-24T16:05:00+01:00"
    assert article.meta["canonical_url"] == (
        "https://www.coastal-ledger.example/world/2026/11/24/harbour-summit-velko-riedel"
    )
    captions = article.meta["photo_captions"]
    assert isinstance(captions, list) and "greets Prime Minister Tomas Riedel" in str(captions)
    body = article.body_text
    assert "greets Prime Minister" not in body, "the caption leaked into the body"
    for debris in ("Accept all", "Advertisement", "Switch your energy", "harbourwatcher77",
                   "Fish prices climb", "All rights reserved"):  # fmt: skip
        assert debris not in body, debris
    assert body.startswith("The leaders of Ostravia and Kestland agreed on Tuesday")
    assert body.endswith("Neither leader would commit to a date.")
    assert any(q.text == "45 minutes" for q in analysis.of_kind("quantity"))


def test_harbour_summit_text_report_shows_outlet_and_date() -> None:
    result = invoke("analyze", SUMMIT, *FEW)
    assert result.exit_code == 0, result.output
    header = result.stdout.splitlines()[1]
    assert "The Coastal Ledger" in header and "2026-11-24" in header and "Lena Markovic" in header


# --- many inputs, some bad ---------------------------------------------------------------


def _jsonl_gz_truncated(path: Path, records: int) -> None:
    lines = [
        json.dumps(
            {
                "title": f"Council vote {i}",
                "text": f"The Carrow council voted {i + 3} to 2 on Monday to close the old "
                "bridge for repairs, the mayor's office said. " * 4,
            }
        )
        for i in range(records)
    ]
    data = gzip.compress(("\n".join(lines) + "\n").encode())
    path.write_bytes(data[: len(data) // 2])


def test_many_inputs_bad_ones_named_rest_processed(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)))
    _jsonl_gz_truncated(tmp_path / "dump.jsonl.gz", 40)
    (tmp_path / "nav.html").write_text(
        "<html><head><title>Index</title></head><body><nav><a href='/'>Home</a>"
        "<a href='/world'>World</a></nav></body></html>"
    )
    out = tmp_path / "report.jsonl"
    names = ["empty.txt", "photo.jpg", "missing.txt", "dump.jsonl.gz", "nav.html"]
    result = invoke(
        "analyze", *(tmp_path / n for n in names), FERRY, SUMMIT,
        "-f", "json", "--out", out, "-a", "quantities",
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    errors = stderr_lines(result)
    for name in ("empty.txt", "photo.jpg", "missing.txt", "nav.html"):
        assert sum(name in line for line in errors) == 1, (name, errors)
    truncation = [line for line in errors if "dump.jsonl.gz" in line]
    assert len(truncation) == 1 and "truncated" in truncation[0], truncation
    assert all(line.startswith("newsprobe: skipped: ") for line in errors), errors
    assert "Traceback" not in result.output
    found = analyses(out.read_text(encoding="utf-8"))
    headlines = [a.article.headline_text for a in found]
    # The records before the damage, then the two good files, in input order.
    readable = [h for h in headlines if h.startswith("Council vote ")]
    assert readable == [f"Council vote {i}" for i in range(len(readable))]
    assert len(readable) >= 5
    assert headlines[-2:] == [
        "Ferry crews walk out for 48 hours as Port Alder talks collapse",
        "Velko and Riedel agree on joint port authority after harbour summit",
    ]
    assert f"after {len(readable)} record(s)" in truncation[0]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("none.jsonl", b"", "no records found"),
        ("header.csv", b"title,text\n", "no records found"),
        ("notes.jsonl", b"Just a line of notes.\n" * 40, "stopped reading"),
    ],
)
def test_record_files_without_records_are_errors(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = invoke("analyze", path, "-f", "json", "-a", "quantities")
    assert result.exit_code == 1, result.output
    assert message in result.stderr
    assert len(stderr_lines(result)) <= 11, "one error per line of a non-JSONL file"


# --- stdin, headline, formats, field names -----------------------------------------------

BRIDGE = (
    "The Old Mill bridge in Carrow will close for six weeks from Monday, the county "
    'council said. "We have no choice," said Rhea Tamsin, who chairs the roads committee.'
)


def test_stdin_with_and_without_headline() -> None:
    with_headline = invoke(
        "analyze", "-", "--headline", "Carrow bridge to close", "-f", "json", *FEW, stdin=BRIDGE
    )
    assert with_headline.exit_code == 0, with_headline.output
    [analysis] = analyses(with_headline.stdout)
    assert analysis.article.headline_text == "Carrow bridge to close"
    assert analysis.article.body_text == BRIDGE
    assert any(q.text == "six weeks" for q in analysis.of_kind("quantity"))

    plain = invoke("analyze", "-", "-f", "json", *FEW, stdin="Carrow bridge to close\n\n" + BRIDGE)
    assert plain.exit_code == 0, plain.output
    [analysis] = analyses(plain.stdout)
    assert analysis.article.headline_text == "Carrow bridge to close"

    headless = invoke("analyze", "-", "-f", "json", *FEW, stdin=BRIDGE)
    assert headless.exit_code == 0, headless.output
    [analysis] = analyses(headless.stdout)
    assert analysis.article.headline_text == ""
    assert analysis.article.text == BRIDGE


def test_stdin_empty_is_an_input_error() -> None:
    result = invoke("analyze", "-", *FEW, stdin="")
    assert result.exit_code == 1, result.output
    assert "-: " in result.stderr and "Traceback" not in result.output


def test_input_format_forces_html_on_stdin_and_on_a_txt_file(tmp_path: Path) -> None:
    html = SUMMIT.read_bytes()
    result = invoke("analyze", "-", "--input-format", "html", "-f", "json", *FEW, stdin=html)
    assert result.exit_code == 0, result.output
    [analysis] = analyses(result.stdout)
    assert analysis.article.outlet == "The Coastal Ledger"
    # Forced to text, the page's markup stays markup: the option is honoured.
    saved = tmp_path / "page.txt"
    saved.write_bytes(html)
    as_text = invoke("analyze", saved, "--input-format", "text", "-f", "json", "-a", "quantities")
    assert as_text.exit_code == 0, as_text.output
    assert "<html" in analyses(as_text.stdout)[0].article.text


def test_field_names_for_jsonl_and_csv(tmp_path: Path) -> None:
    records = [
        {"heading": "Carrow bridge to close", "content": BRIDGE, "site": "Carrow Courier",
         "writer": "Ola Benn", "when": "2026-11-23T08:00:00Z"},
        {"heading": "Elsin market reopens", "site": "Elsin Post", "writer": "Ida Moor",
         "content": "The covered market in Elsin reopened on Saturday after 14 months of "
         "repairs, the town's trading office said."},
    ]  # fmt: skip
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    sheet = tmp_path / "sheet.csv"
    buffer = io.StringIO()
    import csv

    writer = csv.DictWriter(buffer, fieldnames=list(records[0]), delimiter=";")
    writer.writeheader()
    writer.writerows(records)
    sheet.write_text(buffer.getvalue(), encoding="utf-8")
    fields = [
        "--field", "text=content", "--field", "headline=heading", "--field", "outlet=site",
        "--field", "authors=writer", "--field", "published=when",
    ]  # fmt: skip
    result = invoke("analyze", dump, sheet, "-f", "json", "-a", "quantities", *fields)
    assert result.exit_code == 0, result.output
    found = analyses(result.stdout)
    assert [a.article.headline_text for a in found] == [r["heading"] for r in records] * 2
    assert [a.article.outlet for a in found] == ["Carrow Courier", "Elsin Post"] * 2
    assert [a.article.authors for a in found] == [["Ola Benn"], ["Ida Moor"]] * 2
    assert found[0].article.body_text == BRIDGE
    assert found[0].article.published is not None
    assert found[0].article.published.isoformat() == "2026-11-23T08:00:00+00:00"


def test_unknown_record_field_is_a_usage_error() -> None:
    result = invoke("analyze", FERRY, "--field", "bodytext=content", "-a", "quantities")
    assert result.exit_code == 2, result.output
    assert "unknown record field(s) bodytext" in result.stderr


# --- URLs against a local server ---------------------------------------------------------


@dataclass
class Server:
    base: str
    routes: dict[str, tuple[int, dict[str, str], bytes]] = field(default_factory=dict)
    seen: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    state = Server(base="")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.seen.append(self.path)
            status, headers, body = state.routes.get(self.path, (404, {}, b"not found"))
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    html = {"Content-Type": "text/html; charset=utf-8"}
    state.routes["/world/summit"] = (200, html, SUMMIT.read_bytes())
    state.routes["/meta"] = (302, {"Location": "http://169.254.169.254/latest/meta-data/"}, b"")
    state.routes["/meta6"] = (302, {"Location": "http://[::ffff:169.254.169.254]/"}, b"")
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_url_on_loopback_refused_without_allow_private(server: Server) -> None:
    url = server.base + "/world/summit"
    before = len(server.seen)
    result = invoke("analyze", url, *FEW)
    assert result.exit_code == 1, result.output
    [line] = stderr_lines(result)
    assert url in line and "loopback" in line and "--allow-private" in line
    assert len(server.seen) == before, "the refused URL was requested anyway"


def test_url_on_loopback_with_allow_private(server: Server) -> None:
    url = server.base + "/world/summit"
    result = invoke("analyze", url, "--allow-private", "-f", "json", *FEW)
    assert result.exit_code == 0, result.output
    [analysis] = analyses(result.stdout)
    assert analysis.article.url == url
    assert analysis.article.outlet == "The Coastal Ledger"


@pytest.mark.parametrize("path", ["/meta", "/meta6"])
def test_redirect_to_cloud_metadata_refused_even_with_allow_private(
    server: Server, path: str
) -> None:
    result = invoke("analyze", server.base + path, "--allow-private", *FEW)
    assert result.exit_code == 1, result.output
    [line] = stderr_lines(result)
    assert "refused" in line and "169.254.169.254" in line, line


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://files.example/story.txt"])
def test_other_url_schemes_are_refused_clearly(url: str) -> None:
    result = invoke("analyze", url, *FEW)
    assert result.exit_code == 1
    assert "only http:// and https:// URLs" in result.stderr


# --- WARC archives and feeds -------------------------------------------------------------


def _page(headline: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>{headline}</title></head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>{headline}</h1>{body}</article>"
        "<footer>Copyright Elsin Post</footer></body></html>"
    ).encode()


PAGES = {
    "https://elsin-post.example/market": _page(
        "Elsin market reopens after 14 months",
        [
            "The covered market in Elsin reopened on Saturday after 14 months of repairs, "
            "the town's trading office said, with 62 of its 70 stalls let again.",
            'Stallholders said trade on the first morning was brisk. "People queued from '
            "seven o'clock,\" said Noor Vesting, who sells cheese from the west aisle.",
            "The repairs cost 3.2 million euros, about a third more than planned, after damp "
            "was found in the roof beams during the first winter of work.",
        ],
    ),
    "https://elsin-post.example/bridge": _page(
        "Carrow bridge to close for six weeks",
        [
            "The Old Mill bridge in Carrow will close for six weeks from Monday while "
            "engineers replace its bearings, the county council said on Friday.",
            'Drivers face a diversion of about 11 kilometres through Hessel. "We know this '
            'is a nuisance," said Rhea Tamsin, who chairs the roads committee.',
            "The council said the work could not wait until spring because two of the "
            "bearings had cracked during the October floods.",
        ],
    ),
}


def test_warc_with_several_records(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)

        def response(url: str, status: str, content_type: str, body: bytes) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], "HTTP/1.1")
            # With the length given, warcio needs no temporary file (which it never closes).
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
            )
            writer.write_record(record)

        for url, body in PAGES.items():
            response(url, "200 OK", "text/html; charset=utf-8", body)
        response("https://elsin-post.example/logo.png", "200 OK", "image/png", b"\x89PNG")
        response("https://elsin-post.example/gone", "404 Not Found", "text/html", b"<p>no</p>")
        response("https://elsin-post.example/empty", "200 OK", "text/html", b"<html></html>")
    result = invoke("analyze", path, "-f", "json", *FEW)
    assert result.exit_code == 1, result.output  # the empty page is named, the rest read
    found = analyses(result.stdout)
    assert [a.article.url for a in found] == list(PAGES)
    assert [a.article.headline_text for a in found] == [
        "Elsin market reopens after 14 months",
        "Carrow bridge to close for six weeks",
    ]
    assert all("Home" not in a.article.body_text for a in found)
    [line] = stderr_lines(result)
    assert "https://elsin-post.example/empty" in line


def test_warc_without_html_pages_and_forced_warc_on_text(tmp_path: Path) -> None:
    forced = invoke("analyze", FERRY, "--input-format", "warc", "-a", "quantities")
    assert forced.exit_code == 1
    assert stderr_lines(forced) == [
        f"newsprobe: skipped: {FERRY}: not a WARC or ARC archive "
        "(it does not start with a WARC/ARC header)"
    ]


def _rss(items: list[str]) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Elsin Post</title>'
        "<link>https://elsin-post.example/</link><description>Local news</description>"
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def _item(title: str, url: str, paragraphs: list[str] | None, author: str) -> str:
    content = (
        "<content:encoded><![CDATA["
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "]]></content:encoded>"
        if paragraphs
        else ""
    )
    return (
        f"<item><title>{title}</title><link>{url}</link><dc:creator>{author}</dc:creator>"
        "<pubDate>Mon, 23 Nov 2026 09:30:00 +0100</pubDate>"
        f"<description>Short teaser.</description>{content}</item>"
    )


def test_rss_feed_with_full_content_entries(tmp_path: Path) -> None:
    items = [
        _item("Elsin market reopens after 14 months", "https://elsin-post.example/market",
              ["The covered market in Elsin reopened on Saturday after 14 months of repairs, "
               "the town's trading office said, with 62 of its 70 stalls let again and a waiting "
               "list for the rest.",
               "The repairs cost 3.2 million euros, about a third more than planned, after "
               "damp was found in the roof beams during the first winter of work."], "Ida Moor"),
        _item("Carrow bridge to close for six weeks", "https://elsin-post.example/bridge",
              ["The Old Mill bridge in Carrow will close for six weeks from Monday while "
               "engineers replace its bearings, the county council said on Friday after a "
               "meeting with the bus operators.",
               "Drivers face a diversion of about 11 kilometres through Hessel, and buses "
               "will run every 20 minutes instead of every 15 while the work lasts."], "Ola Benn"),
        _item("Ferry timetable cut for winter", "https://elsin-post.example/ferry",
              ["Bluewake Lines will run four crossings a day instead of six from December, "
               "the operator said, citing falling passenger numbers after the strike and higher "
               "fuel costs.",
               "About 9,000 passengers a day used the route in the summer, according to the "
               "regional transport authority, against 5,500 in November."], "Ida Moor"),
    ]  # fmt: skip
    # Each content block is over 300 characters, the length feeds.py takes as a whole article
    # (shorter ones count as teasers and their links are fetched).
    feed = tmp_path / "feed.xml"
    feed.write_bytes(_rss(items))
    result = invoke("analyze", feed, "-f", "json", *FEW)
    assert result.exit_code == 0, result.output
    found = analyses(result.stdout)
    assert [a.article.headline_text for a in found] == [
        "Elsin market reopens after 14 months",
        "Carrow bridge to close for six weeks",
        "Ferry timetable cut for winter",
    ]
    assert [a.article.authors for a in found] == [["Ida Moor"], ["Ola Benn"], ["Ida Moor"]]
    assert found[0].article.url == "https://elsin-post.example/market"
    assert found[0].article.published is not None
    assert found[0].article.published.isoformat() == "2026-11-23T09:30:00+01:00"
    assert all("Short teaser" not in a.article.text for a in found)


def test_feed_with_link_only_entries_fetches_them(server: Server, tmp_path: Path) -> None:
    html = {"Content-Type": "text/html; charset=utf-8"}
    server.routes["/market"] = (200, html, PAGES["https://elsin-post.example/market"])
    server.routes["/bridge"] = (200, html, PAGES["https://elsin-post.example/bridge"])
    items = [
        _item("Elsin market reopens", server.base + "/market", None, "Ida Moor"),
        _item("Carrow bridge closes", server.base + "/bridge", None, "Ola Benn"),
        _item("Gone story", server.base + "/gone", None, "Ola Benn"),
    ]
    feed = tmp_path / "wire.rss"
    feed.write_bytes(_rss(items))
    refused = invoke("analyze", feed, "-f", "json", "-a", "quantities")
    assert refused.exit_code == 1
    assert refused.stdout == ""
    assert len(stderr_lines(refused)) == 3 and "loopback" in refused.stderr

    result = invoke("analyze", feed, "--allow-private", "-f", "json", "-a", "quantities")
    assert result.exit_code == 1, result.output  # the 404 entry
    found = analyses(result.stdout)
    assert [a.article.url for a in found] == [server.base + "/market", server.base + "/bridge"]
    assert "14 months of repairs" in found[0].article.body_text
    assert [a.article.authors for a in found] == [["Ida Moor"], ["Ola Benn"]]
    [line] = stderr_lines(result)
    assert "/gone" in line and "404" in line


# --- other languages ---------------------------------------------------------------------

GERMAN = (
    "Fährverkehr im Kessin-Sund eingestellt\n\n"
    "Die Fährverbindungen zwischen Port Alder und Elsin sind am Dienstag ausgefallen, "
    "nachdem mehr als 1200 Besatzungsmitglieder in einen 48-stündigen Streik getreten sind. "
    "„Wir sind mit offenen Händen gekommen und mit nichts gegangen“, sagte die "
    "Gewerkschaftssekretärin Hana Brodsky. Die Reederei bot nach eigenen Angaben eine "
    "Lohnerhöhung von 4,5 Prozent über zwei Jahre an."
)
FRENCH = (
    "Le marché couvert d'Elsin rouvre après quatorze mois de travaux\n\n"
    "Le marché couvert d'Elsin a rouvert samedi après quatorze mois de travaux, a indiqué "
    "l'office du commerce de la ville. « Les gens faisaient la queue dès sept heures », a "
    "déclaré Noor Vesting, fromagère dans l'allée ouest. Les travaux ont coûté 3,2 millions "
    "d'euros, environ un tiers de plus que prévu."
)


@pytest.mark.parametrize(("text", "code", "name"), [(GERMAN, "de", "German"),
                                                     (FRENCH, "fr", "French")])  # fmt: skip
def test_non_english_articles_skip_english_analyzers_visibly(
    tmp_path: Path, text: str, code: str, name: str
) -> None:
    path = tmp_path / f"story-{code}.txt"
    path.write_text(text, encoding="utf-8")
    as_json = invoke("analyze", path, "-f", "json", *FEW)
    assert as_json.exit_code == 0, as_json.output
    [analysis] = analyses(as_json.stdout)
    assert analysis.article.language == code
    assert analysis.article.headline_text == text.split("\n", 1)[0]
    skipped = {n.analyzer.split("@")[0] for n in analysis.notices}
    assert skipped == {"quantities", "quotes"}
    assert all(name in n.message for n in analysis.notices)
    assert analysis.findings == []

    as_text = invoke("analyze", path, *FEW)
    assert as_text.exit_code == 0, as_text.output
    assert f"language: {code}" in as_text.stdout
    notes = [line for line in as_text.stdout.splitlines() if line.startswith("note:")]
    # One line names every analyzer skipped for the same reason.
    assert len(notes) == 1 and f"in {name}" in notes[0], notes
    assert "quantities" in notes[0] and "quotes" in notes[0], notes


def test_over_as_during_is_not_a_lower_bound(ferry_json: Result) -> None:
    [analysis] = analyses(ferry_json.stdout)
    [over] = [q for q in analysis.of_kind("quantity") if q.text.endswith("two years")]
    assert getattr(over, "lower", None) is None, over


# --- a huge input ------------------------------------------------------------------------


def _huge_text(path: Path, size: int) -> None:
    paragraph = (
        "The ferry from Carrow to Elsin left {n} minutes late on Tuesday, the harbour "
        'office said. "We may need about {m} more crew members," a spokesperson added, and '
        "officials suggested the delays could last for roughly three hours."
    )
    parts = ["Ferry delays pile up on the Carrow route"]
    total, n = 0, 0
    while total < size:
        n += 1
        parts.append(paragraph.format(n=n, m=n % 50 + 2))
        total += len(parts[-1]) + 2
    path.write_text("\n\n".join(parts), encoding="utf-8")


def test_article_over_a_million_characters_completes_with_a_valid_analysis(
    tmp_path: Path,
) -> None:
    # Past spaCy's 1,000,000-character limit, which is what this guards; larger costs time.
    # Past newsprobe's own default limit too, which --max-chars raises.
    path = tmp_path / "huge.txt"
    _huge_text(path, 1_100_000)
    out = tmp_path / "huge.json"
    result = invoke(
        "analyze", path, "-f", "json", "--out", out, "-a", "quantities", "--max-chars", "1200000"
    )
    assert result.exit_code == 0, result.output
    [analysis] = analyses(out.read_text(encoding="utf-8"))
    assert len(analysis.article.text) > 1_050_000
    assert len(analysis.of_kind("quantity")) > 500


# --- debug, tracebacks, failing analyzers -----------------------------------------------


class BoomAnalyzer(Analyzer):
    """Fails on every article (stands in for a broken analyzer)."""

    name = "boom"
    languages = None

    def analyze(self, ctx: Context) -> list[FindingBase]:
        raise RuntimeError("boom went the analyzer")


@pytest.fixture
def boom(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setitem(BUILTIN_ANALYZERS, "boom", f"{__name__}:BoomAnalyzer")
    available_analyzers.cache_clear()
    yield
    available_analyzers.cache_clear()


def test_analyzer_failure_is_status_3_and_listed_in_the_report(boom: None) -> None:
    result = invoke("analyze", FERRY, "-a", "quantities", "-a", "boom", "-f", "json")
    assert result.exit_code == 3, result.output
    [analysis] = analyses(result.stdout)
    assert analysis.of_kind("quantity"), "the other analyzers still ran"
    assert [(e.analyzer, e.error) for e in analysis.errors] == [("boom@1", "RuntimeError")]
    assert "Traceback" not in result.output
    [line] = stderr_lines(result)
    assert line.startswith("newsprobe: error: ") and "analyzer failures" in line

    text = invoke("analyze", FERRY, "-a", "quantities", "-a", "boom")
    assert text.exit_code == 3
    assert "error: boom@1 failed (RuntimeError: boom went the analyzer)" in text.stdout


class ColdAnalyzer(Analyzer):
    """Cannot load its model (stands in for a missing shipped model file)."""

    name = "cold"
    languages = None

    def warm_up(self) -> None:
        raise ModelNotFoundError("the shipped model file 'cold.json' is missing")

    def analyze(self, ctx: Context) -> list[FindingBase]:
        return []


def test_analyzer_that_cannot_warm_up_does_not_sink_the_others(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(BUILTIN_ANALYZERS, "cold", f"{__name__}:ColdAnalyzer")
    available_analyzers.cache_clear()
    try:
        result = invoke("analyze", FERRY, "-a", "quantities", "-a", "cold", "-f", "json")
    finally:
        available_analyzers.cache_clear()
    assert result.exit_code == 3, result.output
    [analysis] = analyses(result.stdout)
    assert analysis.of_kind("quantity")
    assert [e.analyzer for e in analysis.errors] == ["cold@1"]


def test_debug_raises_the_analyzer_failure(boom: None) -> None:
    result = invoke("--debug", "analyze", FERRY, "-a", "boom")
    assert result.exit_code != 0
    assert result.exception is not None
    assert isinstance(result.exception.__cause__, RuntimeError)


def _console(*args: str | Path, stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run(
        [str(CONSOLE_SCRIPT), *map(str, args)],
        input=stdin.decode(),
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_console_script_traceback_only_with_debug(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    quiet = _console("analyze", missing, "-a", "quantities")
    assert quiet.returncode == 1
    assert quiet.stderr.strip().splitlines() == [
        f"newsprobe: skipped: {missing}: no such file (or a URL without http:// or https://)"
    ]
    loud = _console("--debug", "analyze", missing, "-a", "quantities")
    assert loud.returncode != 0
    assert "Traceback (most recent call last)" in loud.stderr
    assert "IngestError" in loud.stderr


# --- listing analyzers, exit statuses ----------------------------------------------------


def test_analyzers_lists_every_registered_one() -> None:
    result = invoke("analyzers")
    assert result.exit_code == 0, result.output
    assert "cannot be loaded" not in result.stdout
    rows = {
        line.split()[0].partition("@")[0]: line
        for line in result.stdout.splitlines()
        if line.strip()
    }
    for name in available_analyzers():
        assert name in rows, name
        # name@version, kinds, languages, then a description of several words.
        assert len(rows[name].split("│")[-1].split()) >= 3, rows[name]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["analyze", FERRY, "--bogus"], 2, "No such option"),
        (["analyze", FERRY, "-a", "nope"], 2, "unknown analyzer 'nope'; available analyzers:"),
        (["analyze", FERRY, "--format", "xml"], 2, "'xml' is not one of"),
        (["analyze"], 2, "Missing argument"),
        (["frobnicate"], 2, "No such command"),
        (["analyze", FERRY, "-a", "sourcing"], 0, ""),  # brings the attribution it reads
        (["analyze", FERRY, "--field", "text"], 2, "OURS=THEIRS"),
        (["analyze", "no/such/story.txt"], 1, "no such file"),
        (["analyze", FERRY, "-a", "quantities"], 0, ""),
    ],
)
def test_exit_statuses(args: list[str | Path], code: int, message: str) -> None:
    result = invoke(*args)
    assert result.exit_code == code, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_unknown_input_format_is_a_usage_error() -> None:
    result = invoke("analyze", FERRY, "--input-format", "pdf")
    assert result.exit_code == 2, result.output


# --- the composed examples: records and a feed, all analyzers -----------------------------


def test_example_records_and_feed_with_every_analyzer() -> None:
    result = invoke("analyze", EXAMPLES / "articles.jsonl", EXAMPLES / "feed.xml", "-f", "json")
    assert result.exit_code == 0, result.output
    found = analyses(result.stdout)
    assert [a.article.outlet for a in found] == [
        "Elsin Post", "Carrow Courier", "Hessel Herald", *["Kessin Strait Wire"] * 3,
    ]  # fmt: skip
    assert all(a.errors == [] and a.article.language == "en" for a in found)
    assert all(a.article.published is not None and a.article.authors for a in found)
    bait = found[2]
    assert bait.article.headline_text.startswith("You won't believe")
    assert [a.of_kind("clickbait") != [] for a in found] == [
        False,
        False,
        True,
        False,
        False,
        False,
    ]
    assert {f.text for f in bait.of_kind("engagement_bait")} >= {"What do you think?"}
    assert not any(a.of_kind("engagement_bait") for i, a in enumerate(found) if i != 2)

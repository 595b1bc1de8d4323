"""Composed batch inputs: a WARC and a JSONL file of invented news, bad records mixed in.

Every story is invented (outlets, people and places included). `GOOD_WARC` and
`GOOD_JSONL` say how many records of each input are articles, `BAD_WARC` and `BAD_JSONL`
how many are not, so tests can check that each record gave exactly one line somewhere.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.ingest.ingest_pages import article_page

TOWNS = ("Marrow Bay", "Port Alder", "Kessling", "Orrin Falls", "Thessaly Creek", "Dunmore")
PEOPLE = ("Ilse Vantongeren", "Tomas Reyl", "Ana Ruiz", "Piet Oosterhuis", "Mara Quill")
SUBJECTS = ("ferry timetable", "harbour dredging", "library budget", "bus depot", "sea wall")


def story(number: int) -> tuple[str, list[str]]:
    """Headline and paragraphs of invented story `number` (each one different)."""
    town = TOWNS[number % len(TOWNS)]
    person = PEOPLE[number % len(PEOPLE)]
    subject = SUBJECTS[number % len(SUBJECTS)]
    headline = f"{town} council approves {subject} plan after {number + 3}-hour debate"
    paragraphs = [
        f"The {town} council voted {number + 5} to 2 on Tuesday to approve the {subject} "
        f"plan, ending a debate that ran for {number + 3} hours.",
        f"Council leader {person} said the plan would cost about {number + 2} million "
        f'crowns over four years. "We could not wait another winter," {person} said.',
        f"Opponents reportedly plan to challenge the decision, and about {10 * number + 40} "
        "residents protested outside the town hall.",
    ]
    return headline, paragraphs


def _response(writer: WARCWriter, url: str, body: bytes, **headers: str) -> None:
    status = StatusAndHeaders(
        "200 OK",
        [("Content-Type", "text/html; charset=utf-8"), *headers.items()],
        protocol="HTTP/1.1",
    )
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), length=len(body), http_headers=status
    )
    writer.write_record(record)


GOOD_WARC = 7
BAD_WARC = 2  # a page with no article text; a record whose gzip encoding is broken
GOOD_JSONL = 9
BAD_JSONL = 3  # invalid JSON; a record with no text; a JSON array instead of an object


def write_warc(path: Path) -> None:
    """A gzipped WARC: GOOD_WARC article pages, BAD_WARC bad ones, and records skipped
    without an error (warcinfo, a request, an image)."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    writer.write_record(writer.create_warcinfo_record(path.name, {"software": "composed"}))
    for number in range(GOOD_WARC):
        headline, paragraphs = story(number)
        url = f"https://tidewater.example/news/{number}"
        if number == 2:
            request = writer.create_warc_record(
                url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"), length=18
            )
            writer.write_record(request)
            _response(writer, "https://tidewater.example/login", b"<html><body></body></html>")
        if number == 5:
            _response(
                writer,
                "https://tidewater.example/broken",
                b"\x1f\x8b\x08\x00not-really-gzip" * 20,
                **{"Content-Encoding": "gzip"},
            )
        _response(writer, url, article_page(headline, paragraphs).encode())
    image = b"\x89PNG\r\n\x1a\n" + bytes(100)
    status = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://tidewater.example/logo.png",
            "response",
            payload=io.BytesIO(image),
            length=len(image),
            http_headers=status,
        )
    )
    path.write_bytes(out.getvalue())


def write_jsonl(path: Path) -> None:
    """GOOD_JSONL articles (from story 20 on) with BAD_JSONL bad records among them."""
    lines: list[str] = []
    for number in range(GOOD_JSONL):
        headline, paragraphs = story(20 + number)
        lines.append(
            json.dumps(
                {
                    "title": headline,
                    "text": "\n\n".join(paragraphs),
                    "url": f"https://coastline-wire.example/{number}",
                    "source": "Coastline Wire",
                    "date": f"2026-03-{number + 1:02d}T08:00:00Z",
                    "author": "Mara Quill",
                }
            )
        )
        if number == 1:
            lines.append('{"title": "Half a record", "text": ')
        if number == 4:
            lines.append(json.dumps({"title": "Headline only", "source": "Coastline Wire"}))
        if number == 6:
            lines.append(json.dumps(["not", "an", "object"]))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

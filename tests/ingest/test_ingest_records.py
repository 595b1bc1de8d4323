"""JSONL and CSV records: field names, field maps, bad lines, gzip, truncation."""

from __future__ import annotations

import csv
import gzip
import io
import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from newsprobe.document import Article
from newsprobe.errors import ConfigError, ExtractionError, IngestError
from newsprobe.ingest import IngestOptions, read
from tests.ingest.ingest_pages import PARAGRAPHS, article_page

BODY = " ".join(PARAGRAPHS)


def records(n: int) -> list[dict[str, object]]:
    return [
        {
            "title": f"Ferry adds sailings on route {i}",
            "body": f"Route {i}: {BODY}",
            "link": f"https://tidewater.example/ferry-{i}",
            "pubDate": "Tue, 24 Nov 2026 09:30:00 +0100",
            "source": {"id": "tw", "name": "Tidewater Post"},
            "author": "Ilse Brandt; Omar Haddad",
            "lang": "en-US",
        }
        for i in range(n)
    ]


def jsonl(items: list[dict[str, object]]) -> bytes:
    return b"".join(json.dumps(item).encode() + b"\n" for item in items)


def split(items: list[Article | IngestError]) -> tuple[list[Article], list[IngestError]]:
    return (
        [i for i in items if isinstance(i, Article)],
        [i for i in items if isinstance(i, IngestError)],
    )


def test_jsonl_common_field_names(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(jsonl(records(3)))
    articles, errors = split(list(read(path)))
    assert errors == []
    assert [a.headline_text for a in articles] == [
        f"Ferry adds sailings on route {i}" for i in range(3)
    ]
    first = articles[0]
    assert first.body_text.startswith("Route 0: The ferry operator")
    assert first.url == "https://tidewater.example/ferry-0"
    assert first.outlet == "Tidewater Post"
    assert first.authors == ["Ilse Brandt", "Omar Haddad"]
    assert first.language == "en"
    assert first.published == datetime(2026, 11, 24, 9, 30, tzinfo=timezone(timedelta(hours=1)))


def test_news_please_dump_fields(tmp_path: Path) -> None:
    """news-please and CC-News dumps: "maintext", "date_publish", "source_domain"."""
    path = tmp_path / "cc.jsonl"
    record = {
        "title": "Ferry adds winter sailings",
        "maintext": "The ferry operator will add two winter sailings from December.",
        "date_publish": "2026-11-24 09:30:00",
        "source_domain": "tidewater.example",
        "url": "https://tidewater.example/ferry",
        "language": "en",
    }
    (article,) = [a for a in read(path_with(path, [record])) if isinstance(a, Article)]
    assert article.outlet == "tidewater.example"
    assert article.published == datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
    assert article.body_text.startswith("The ferry operator")


def path_with(path: Path, items: list[dict[str, object]]) -> Path:
    path.write_bytes(jsonl(items))
    return path


def test_field_map(tmp_path: Path) -> None:
    path = tmp_path / "custom.jsonl"
    row = {"kop": "Ferry adds sailings", "tekst": BODY, "datum": 1795420800, "text": "ignored"}
    path.write_bytes(jsonl([row]))
    opts = IngestOptions(field_map={"headline": "kop", "text": "tekst", "published": "datum"})
    (article,) = list(read(path, opts))
    assert isinstance(article, Article)
    assert article.headline_text == "Ferry adds sailings"
    assert article.body_text == BODY
    assert article.published == datetime.fromtimestamp(1795420800, tz=UTC)


def test_unknown_field_in_map_lists_valid_names(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_bytes(jsonl(records(1)))
    with pytest.raises(ConfigError, match=r"unknown record field.*bodytext.*valid: headline, text"):
        list(read(path, IngestOptions(field_map={"bodytext": "content"})))


def test_bad_lines_are_reported_and_reading_goes_on(tmp_path: Path) -> None:
    good = jsonl(records(2)).split(b"\n")
    lines = [
        good[0],
        b'{"title": "broken", "text": ',
        b"",
        b"[1, 2]",
        b'{"title": "no body"}',
        good[1],
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    items = list(read(path))
    articles, errors = split(items)
    assert len(articles) == 2
    messages = [str(e) for e in errors]
    assert messages[0].startswith(f"{path}:2: invalid JSON")
    assert messages[1].startswith(f"{path}:4: expected a JSON object, got list")
    assert messages[2].startswith(f"{path}:5: the record has no text field (looked for text/")
    assert "its fields: title" in messages[2] and "--field text=NAME" in messages[2]
    assert isinstance(errors[2], ExtractionError)
    assert len(errors) == 3


def test_record_with_html_instead_of_text(tmp_path: Path) -> None:
    page = article_page("Ferry operator adds two daily sailings", PARAGRAPHS)
    path = tmp_path / "pages.jsonl"
    path.write_bytes(
        jsonl([{"url": "https://tidewater.example/f", "html": page, "date": "2026-11-02"}])
    )
    (article,) = list(read(path))
    assert isinstance(article, Article)
    assert article.headline_text == "Ferry operator adds two daily sailings"
    assert article.outlet == "Tidewater Post"
    assert "Home" not in article.body_text and "Vantongeren" in article.body_text
    assert article.published == datetime(2026, 11, 2, tzinfo=UTC)
    assert article.meta["published_tz_assumed"] is True


def test_oversized_record_is_skipped(tmp_path: Path) -> None:
    big = {"title": "Huge", "text": "word " * 5000}
    path = tmp_path / "big.jsonl"
    path.write_bytes(jsonl([records(1)[0], big, records(2)[1]]))
    articles, errors = split(list(read(path, IngestOptions(max_bytes=4000))))
    assert len(articles) == 2
    assert [str(e) for e in errors] == [f"{path}:2: record larger than 4,000 bytes"]


def test_jsonl_gz_streams(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(gzip.compress(jsonl(records(50))))
    articles, errors = split(list(read(path)))
    assert len(articles) == 50 and errors == []


def test_truncated_gz_reports_after_the_readable_records(tmp_path: Path) -> None:
    data = gzip.compress(jsonl(records(400)))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    items = list(read(path))
    articles, errors = split(items)
    assert 50 < len(articles) < 400
    assert items[-1] is errors[-1]
    assert "truncated or corrupt" in str(errors[-1])
    # The line cut in the middle may also be reported as bad JSON; nothing else is.
    assert len(errors) <= 2


def test_json_array_document(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(records(3), indent=2))
    articles, errors = split(list(read(path)))
    assert len(articles) == 3 and errors == []


def test_csv_with_field_map_and_multiline_text(tmp_path: Path) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "kop", "inhoud", "gepubliceerd", "site"])
    writer.writerow(
        [
            "1",
            "Ferry adds sailings",
            "\n\n".join(PARAGRAPHS),
            "2026-11-24T09:30:00Z",
            "Tidewater Post",
        ]
    )
    writer.writerow(["2", "Empty row", "", "", ""])
    writer.writerow(
        ["3", "Bridge reopens", "The bridge reopened, with a new, wider footpath.", "", ""]
    )
    path = tmp_path / "export.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    opts = IngestOptions(
        field_map={"headline": "kop", "text": "inhoud", "published": "gepubliceerd"}
    )
    articles, errors = split(list(read(path, opts)))
    assert [a.headline_text for a in articles] == ["Ferry adds sailings", "Bridge reopens"]
    assert articles[0].body_text.count("\n\n") == len(PARAGRAPHS) - 1
    assert articles[0].outlet == "Tidewater Post"
    assert articles[0].meta["record_id"] == "1"
    assert articles[0].published == datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
    # The first record spans lines 2-8 (quoted newlines); the empty one starts after it.
    assert [str(e) for e in errors] == [f"{path}:9: the record's text field 'inhoud' is empty"]


def test_csv_semicolons_cp1252_and_gzip(tmp_path: Path) -> None:
    text = "title;text\nCafé reopens;Le café de la gare a rouvert ses portes à Sainte-Élise.\n"
    path = tmp_path / "export.csv.gz"
    path.write_bytes(gzip.compress(text.encode("cp1252")))
    (article,) = list(read(path))
    assert isinstance(article, Article)
    assert article.headline_text == "Café reopens"
    assert "Sainte-Élise" in article.body_text
    assert article.language == "fr"


def test_csv_with_huge_field(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    long_text = "The council met again. " * 20_000  # ~460 KB, beyond csv's default limit
    path.write_text(f'title,text\nMarathon meeting,"{long_text}"\n')
    (article,) = list(read(path))
    assert isinstance(article, Article) and len(article.body_text) > 400_000


def test_lone_surrogates_in_json_escapes(tmp_path: Path) -> None:
    path = tmp_path / "odd.jsonl"
    path.write_bytes(b'{"title": "Talks \\ud800 end", "text": "They ended \\udc00 today."}\n')
    (article,) = list(read(path))
    assert isinstance(article, Article)
    assert article.headline_text == "Talks \ufffd end"
    article.model_dump_json()  # encodable

"""Hostile local inputs: deep JSON, devices, FIFOs, link loops, endless lines.

Each test builds its own hostile file and checks the reader answers with a clean
`IngestError` (or skips a bad record and goes on) within seconds, never a crash or a hang.
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
from pathlib import Path

import pytest

from newsprobe.document import Article
from newsprobe.errors import IngestError, UnsupportedInputError
from newsprobe.ingest import IngestOptions, read

GOOD = {"title": "Dock reopens", "text": "The Eastgate dock reopened on Friday, its operator said."}


def _items(path: Path | str, options: IngestOptions | None = None) -> list[Article | IngestError]:
    return list(read(path, options))


@pytest.mark.parametrize(
    "deep",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
        # Deep enough for Python's recursive walks, shallow enough for the decoder.
        b'{"text": "\\ud800 x", "n": ' + b"[" * 950 + b"]" * 950 + b"}",
    ],
)
def test_deeply_nested_json_is_one_bad_record_and_reading_goes_on(
    tmp_path: Path, deep: bytes
) -> None:
    path = tmp_path / "deep.jsonl"
    good = json.dumps(GOOD).encode() + b"\n"
    path.write_bytes(good + deep + b"\n" + good)
    items = _items(path)
    errors = [i for i in items if isinstance(i, IngestError)]
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.headline_text for a in articles] == ["Dock reopens"] * 2
    assert len(errors) <= 1
    assert all("deep.jsonl:2" in str(e) for e in errors)


def test_deeply_nested_json_document_is_a_clean_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    items = _items(path)
    assert len(items) == 1 and isinstance(items[0], IngestError)
    assert "nested too deeply" in str(items[0])


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_dev_zero_as_records_is_refused_at_once(tmp_path: Path, suffix: str) -> None:
    zero = tmp_path / f"zero{suffix}"
    zero.symlink_to("/dev/zero")
    started = time.monotonic()
    with pytest.raises(UnsupportedInputError, match="binary data"):
        _items(zero)
    assert time.monotonic() - started < 5


def test_dev_zero_as_text_stops_at_the_size_cap(tmp_path: Path) -> None:
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")
    with pytest.raises(UnsupportedInputError, match="--max-bytes"):
        _items(zero, IngestOptions(max_bytes=100_000))


def test_fifo_without_a_writer_is_refused_after_the_wait(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(IngestError, match=r"FIFO .* nothing written to it within 0\.3 s"):
        _items(fifo, IngestOptions(timeout=0.3))
    assert time.monotonic() - started < 5


def test_fifo_with_a_writer_is_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)

    def write() -> None:
        with fifo.open("wb") as handle:
            handle.write(json.dumps(GOOD).encode() + b"\n")

    writer = threading.Thread(target=write)
    writer.start()
    try:
        items = _items(fifo, IngestOptions(timeout=10))
    finally:
        writer.join(10)
    assert [i.headline_text for i in items if isinstance(i, Article)] == ["Dock reopens"]


def test_symlink_loop_is_named_as_one(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    with pytest.raises(IngestError, match="symbolic link loop"):
        _items(tmp_path / "a.txt")


def test_missing_file_is_still_no_such_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no such file"):
        _items(tmp_path / "nope.txt")


def test_line_without_end_stops_reading_instead_of_draining_for_ever(tmp_path: Path) -> None:
    path = tmp_path / "endless.jsonl"
    path.write_bytes(json.dumps(GOOD).encode() + b"\n" + b"x" * 10_000)
    items = _items(path, IngestOptions(max_bytes=1_000))
    assert isinstance(items[0], Article)
    assert any("without a line end" in str(i) for i in items[1:])


@pytest.mark.parametrize(
    "archive",
    [b"WARC/1.0\r\nWARC-Type: response", b"WARC/1.0\r\nContent-Length: x\r\n\r\n", b"WARC/\r\n"],
)
def test_warc_header_cut_short_is_a_clean_error(tmp_path: Path, archive: bytes) -> None:
    """Found by the fuzz test: warcio raised AttributeError on a header cut short."""
    path = tmp_path / "crawl.warc"
    path.write_bytes(archive)
    try:
        items = _items(path)
    except IngestError:
        return
    assert items and all(isinstance(i, IngestError) for i in items)


def test_warc_with_a_wrong_content_length_prints_nothing_itself(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """warcio wrote a warning with the whole following line (here 1 MB) to stderr."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    page = b"<html><body><p>" + b"Ferries sailed on time. " * 40_000 + b"</p></body></html>"
    for number in range(2):
        record = writer.create_warc_record(
            f"https://crawl.example/{number}",
            "response",
            payload=io.BytesIO(page),
            length=len(page),
            http_headers=StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1"
            ),
        )
        writer.write_record(record)
    # The first record claims half its length: the rest of its page follows "the end".
    data = re.sub(
        rb"Content-Length: (\d+)",
        lambda m: b"Content-Length: %d" % (int(m[1]) // 2),
        out.getvalue(),
        count=1,
    )
    path = tmp_path / "crawl.warc"
    path.write_bytes(data)
    try:
        items = _items(path)
    except IngestError:
        items = []
    assert capfd.readouterr().err == ""
    assert all(isinstance(i, Article | IngestError) for i in items)


def test_article_over_the_character_limit_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("Long story\n\n" + "The ferry sailed on time. " * 800, encoding="utf-8")
    [item] = _items(path, IngestOptions(max_chars=10_000))
    assert isinstance(item, IngestError)
    message = str(item)
    assert "\n" not in message and "long.txt" in message
    assert '"Long story"' in message and "--max-chars" in message
    [article] = _items(path, IngestOptions(max_chars=100_000))
    assert isinstance(article, Article)


def test_only_the_long_record_of_a_dump_is_refused(tmp_path: Path) -> None:
    long_one = {"title": "Huge", "text": "Ferries sailed. " * 2_000}
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in (GOOD, long_one, GOOD)) + "\n")
    items = _items(path, IngestOptions(max_chars=5_000))
    assert [type(i).__name__ for i in items] == ["Article", "IngestError", "Article"]


def test_record_url_with_a_password_is_stored_without_it(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text(json.dumps({**GOOD, "url": "https://ana:s3cr3t@wire.example/dock"}) + "\n")
    [article] = _items(path)
    assert isinstance(article, Article)
    assert article.url == "https://wire.example/dock"
    assert "s3cr3t" not in article.model_dump_json()

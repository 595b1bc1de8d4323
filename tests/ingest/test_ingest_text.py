"""Plain-text sources: encodings, empty and binary files, headlines, stdin, sniffing."""

from __future__ import annotations

import codecs
import io
import sys
from pathlib import Path

import pytest

from newsprobe.errors import ExtractionError, IngestError, UnsupportedInputError
from newsprobe.ingest import FORMATS, IngestOptions, load, read
from newsprobe.ingest.sniff import sniff_format

STORY = (
    "Dockers vote to end strike at Velmar terminal\n\n"
    "Dock workers at the Velmar container terminal voted on Thursday to end a strike that "
    "had lasted 11 days, after the operator offered a pay rise of 6 percent.\n\n"
    "Union secretary Rosa Kemény said the café near the gate would reopen on Friday."
)


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("cp1252", b""),
        ("latin-1", b""),
    ],
)
def test_reads_text_in_any_common_encoding(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(prefix + STORY.encode(encoding))
    article = load(path)
    assert article.headline_text == "Dockers vote to end strike at Velmar terminal"
    assert "Rosa Kemény" in article.body_text
    assert "café" in article.body_text
    assert article.language == "en"


def test_cp1252_smart_quotes_decode(tmp_path: Path) -> None:
    text = "Port talks stall\n\n\u201cWe are not there yet,\u201d said the mediator \u2013 again."
    path = tmp_path / "quotes.txt"
    path.write_bytes(text.encode("cp1252"))
    assert "\u201cWe are not there yet,\u201d" in load(path).body_text


def test_empty_file_is_an_extraction_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n\n ")
    with pytest.raises(ExtractionError, match="empty"):
        load(path)


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 8)
    with pytest.raises(UnsupportedInputError, match="binary"):
        load(path)


def test_headline_detection_and_byline(tmp_path: Path) -> None:
    path = tmp_path / "byline.md"
    path.write_text("# Bridge reopens\n\nBy Ana Ruiz and Tom Bell\n\nThe bridge reopened today.")
    article = load(path)
    assert article.headline_text == "Bridge reopens"
    assert article.authors == ["Ana Ruiz", "Tom Bell"]
    assert article.body_text == "The bridge reopened today."


def test_first_sentence_is_not_taken_for_a_headline(tmp_path: Path) -> None:
    path = tmp_path / "nohead.txt"
    path.write_text("The bridge reopened today.\nTraffic was light in the morning.")
    article = load(path)
    assert article.headline_text == ""
    assert article.body_text.startswith("The bridge reopened today.")


def test_headline_option_overrides(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    article = load(path, IngestOptions(headline="Strike over"))
    assert article.headline_text == "Strike over"
    assert article.body_text.startswith("Dockers vote to end strike")


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BufferedReader(io.BytesIO(STORY.encode("utf-16"))))
    monkeypatch.setattr(sys, "stdin", fake)
    article = load("-")
    assert article.headline_text.startswith("Dockers vote")


def test_stdin_jsonl_streams(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = b'{"title": "One", "text": "First story text here."}\n' * 3
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(lines))))
    items = list(read("-"))
    assert [a.headline_text for a in items if not isinstance(a, IngestError)] == ["One"] * 3


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no such file"):
        load(tmp_path / "absent.txt")
    with pytest.raises(UnsupportedInputError, match="folder"):
        load(tmp_path)


def test_too_large_document_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Headline\n\n" + "word " * 1000)
    with pytest.raises(UnsupportedInputError, match="larger than"):
        load(path, IngestOptions(max_bytes=1000))


def test_unknown_format_lists_the_valid_ones(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    with pytest.raises(UnsupportedInputError, match="choose one of text, html"):
        load(path, IngestOptions(format="pdf"))


def test_forced_format_wins_over_sniffing(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("<p>Tags are text here</p>\n\nAnd the body follows on.")
    article = load(path, IngestOptions(format="text"))
    assert "<p>" in article.text


def test_load_refuses_several_articles(tmp_path: Path) -> None:
    path = tmp_path / "two.jsonl"
    path.write_text('{"text": "One story."}\n{"text": "Another story."}\n')
    with pytest.raises(UnsupportedInputError, match="several"):
        load(path)


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("https://news.example/a", b"", "url"),
        ("crawl.bin", b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", "warc"),
        ("old.arc", b"filedesc://crawl.arc 0.0.0.0 20260101", "warc"),
        ("page.txt", b"\n  <!DOCTYPE html><html><body>x</body></html>", "html"),
        ("page", b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', "html"),
        ("feed", b'<?xml version="1.0"?><!-- hi --><rss version="2.0">', "feed"),
        ("feed.xml", b'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="x">', "feed"),
        ("feed", b"<rdf:RDF xmlns:rdf='x'>", "feed"),
        ("notes", b'{"title": "a", "text": "b"}\n{"title": "c"}', "jsonl"),
        ("dump.jsonl.gz", b"garbage", "jsonl"),
        ("table.csv", b"title,text\nA,B\n", "csv"),
        ("story.md", b"# Title\n\nBody", "text"),
        ("story", b"{not json at all", "text"),
        ("utf16", "<!doctype html><html>".encode("utf-16"), "html"),
    ],
)
def test_sniff_format(name: str, head: bytes, expected: str) -> None:
    assert sniff_format(name, head) == expected
    assert expected in FORMATS


@pytest.mark.parametrize(
    "line",
    [
        "Storm closes port at Tessel",
        "You won't believe what this harbour did next!",
        "Is this the end of the Varn ferry?",
    ],
)
def test_one_line_that_looks_like_a_headline_is_a_headline(tmp_path: Path, line: str) -> None:
    path = tmp_path / "one.txt"
    path.write_text(line + "\n", encoding="utf-8")
    article = load(path)
    assert article.headline_text == line
    assert article.body_text == ""


@pytest.mark.parametrize(
    "line",
    [
        "The port shut on Monday after the storm.",
        "Storm closes port. Ferries were cancelled all day",
        "the port shut on monday",
        "Officials at the Tessel harbour board said on Tuesday that all ferries would stay in"
        " port until the wind dropped below gale force",
    ],
)
def test_one_line_of_body_text_stays_a_body(tmp_path: Path, line: str) -> None:
    path = tmp_path / "one.txt"
    path.write_text(line + "\n", encoding="utf-8")
    article = load(path)
    assert article.headline_text == ""
    assert article.body_text == line


def test_photo_credit_lines_go_to_meta(tmp_path: Path) -> None:
    path = tmp_path / "credits.txt"
    path.write_text(
        "Fees rise at Tessel harbour\n\n"
        "The harbour board raised mooring fees on Tuesday.\n"
        "(Photo: Jane Roe/Agency via Wire)\n\n"
        "Fishermen protested outside the board's office. (Image: Getty)\n\n"
        "Credit: Harbour Courier\n\n"
        "Image: Marta Kell\n",
        encoding="utf-8",
    )
    article = load(path)
    assert article.meta["photo_credits"] == [
        "Jane Roe/Agency via Wire",
        "Getty",
        "Harbour Courier",
        "Marta Kell",
    ]
    assert "Photo" not in article.text and "Getty" not in article.text
    assert article.body_text == (
        "The harbour board raised mooring fees on Tuesday.\n\n"
        "Fishermen protested outside the board's office."
    )


def test_prose_that_opens_like_a_credit_is_kept(tmp_path: Path) -> None:
    line = (
        "Credit: the bank says lending will rise by 3 percent in the coming quarter because"
        " rates fell and demand for mortgages recovered strongly over the summer months"
    )
    path = tmp_path / "prose.txt"
    path.write_text("Lending to rise\n\n" + line + "\n", encoding="utf-8")
    article = load(path)
    assert article.body_text == line
    assert "photo_credits" not in article.meta


def test_an_agency_in_a_credit_is_never_a_source_nor_a_retelling(tmp_path: Path) -> None:
    from newsprobe import analyze
    from newsprobe.findings import AttributionFinding, SourcingFinding

    path = tmp_path / "tabloid.txt"
    path.write_text(
        "Singer Mira Valt weds in secret ceremony\n\n"
        "Pop star Mira Valt married her long-time partner on a beach near Corvo on Saturday,"
        " her spokesman Dan Elsby said.\n"
        "(Photo: Jane Roe/Harbour Agency via Reuters)\n\n"
        "The couple met in 2019, Elsby said. Guests included her former bandmates.\n\n"
        "Image: Getty\n",
        encoding="utf-8",
    )
    analysis = analyze(path, analyzers=["attribution", "sourcing"])
    sources = [f for f in analysis.findings if isinstance(f, AttributionFinding)]
    assert not [f for f in sources if "Reuters" in (f.source or "") or "Getty" in (f.source or "")]
    sourcing = next(f for f in analysis.findings if isinstance(f, SourcingFinding))
    assert sourcing.verdict != "retelling"
    assert "Reuters" not in sourcing.outlets
    assert analysis.article.meta["photo_credits"] == [
        "Jane Roe/Harbour Agency via Reuters",
        "Getty",
    ]

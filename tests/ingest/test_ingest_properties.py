"""Any input either becomes articles or fails with an IngestError, never anything else."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprobe.document import Article
from newsprobe.errors import IngestError
from newsprobe.ingest import FORMATS, read
from newsprobe.ingest.html import article_from_html, html_to_text
from newsprobe.ingest.sniff import sniff_format

_TAGS = [
    "<p>", "</p>", "<div class='caption'>", "</div>", "<figure>", "<figcaption>",
    "<html lang='ar'>", "<script>", "</script>", "<!--", "-->", "<br>", "<nav>",
    "<meta charset='utf-16'>", "&amp;", "&#0;", "<![CDATA[", "]]>", "<?xml?>", "<table>",
]  # fmt: skip
_WORDS = ["Talks", "ended", "in", "Port", "Elsin", "مرحبا", "שלום", "👩‍🚀", "١٢٣", "\u202e", "\x00"]
html_soup = st.lists(st.sampled_from(_TAGS + _WORDS) | st.text(max_size=8), max_size=60).map(
    " ".join
)
# Openings that send the bytes to each reader, so that every reader meets garbage.
_STARTS = [
    b"", b"\x1f\x8b\x08\x00\x00\x00\x00\x00", b"WARC/1.0\r\n", b"<rss><channel><item>",
    b'{"text": "Talks end"}\n{', b"title,text\n", b"<!doctype html><p>", b"\xff\xfe",
]  # fmt: skip
# Few examples: each one runs trafilatura; the point is the failure mode, not coverage.
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(html_soup)
def test_html_soup_gives_an_article_or_an_ingest_error(soup: str) -> None:
    try:
        article = article_from_html(soup)
    except IngestError:
        return
    assert article.body_text
    assert article.text[article.body.start : article.body.end] == article.body_text


@SETTINGS
@given(html_soup)
def test_html_to_text_never_raises(soup: str) -> None:
    text = html_to_text(soup)
    assert "<script>" not in text or "<script>" in soup


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30), st.binary(max_size=200))
def test_sniff_always_names_a_format(name: str, head: bytes) -> None:
    assert sniff_format(name, head) in FORMATS


@SETTINGS
@given(
    st.sampled_from([".jsonl", ".csv", ".txt", ".warc", ".rss", ".html", ".gz", ""]),
    st.sampled_from(_STARTS),
    st.binary(max_size=400),
)
def test_any_bytes_under_any_name(suffix: str, start: bytes, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(start + data)
        try:
            items = list(read(path))
        except IngestError:
            return
        assert all(isinstance(item, Article | IngestError) for item in items)

"""`IngestOptions`: how sources are read (re-exported by `newsprobe.ingest`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["FORMATS", "MAX_ARTICLE_CHARS", "MAX_DOCUMENT_BYTES", "IngestOptions"]

#: Formats `read` understands; `IngestOptions.format` forces one instead of sniffing.
FORMATS = ("text", "html", "jsonl", "csv", "warc", "feed", "url")

#: Largest single document (a text or HTML file, a download, one record) in bytes. Record,
#: WARC and feed files stream, so the limit applies to each article in them, not the file.
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

#: Longest article text analysed, in characters. Peak memory of one analysis grows with
#: the length: 1,000,000 characters (spaCy's own default limit) measured 1.0 GB with
#: every analyzer (benchmarks/long_articles.py), so a 5 MB one-line text would need about
#: 5 GB. Longer articles are refused with one line rather than killed by MemoryError.
MAX_ARTICLE_CHARS = 1_000_000


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How to read sources.

    Attributes:
        headline: use this headline (plain text and stdin only).
        format: force a format from `FORMATS` instead of guessing from name and content.
        allow_private: allow fetching URLs on private, loopback or link-local addresses.
        field_map: record field names, e.g. ``{"text": "content", "headline": "title"}``.
        max_bytes: largest download or single document accepted.
        max_chars: longest article text accepted (after extraction and normalization).
        timeout: seconds for connecting and for each read when fetching (the whole fetch
            gets four times as long); also how long a FIFO may stay silent at the start.
    """

    headline: str | None = None
    format: str | None = None
    allow_private: bool = False
    field_map: Mapping[str, str] = field(default_factory=dict)
    max_bytes: int = MAX_DOCUMENT_BYTES
    max_chars: int = MAX_ARTICLE_CHARS
    timeout: float = 15.0

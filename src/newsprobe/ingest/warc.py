"""WARC and ARC web archives: every archived HTML page becomes an article.

Only successful HTML captures count: ``response`` records with HTTP status 200 and an
HTML content type. Requests, metadata, redirects, images and scripts are skipped. Records
stream one at a time (a 5 GB crawl is never held), each page capped at
`IngestOptions.max_bytes`. A record that cannot be read or holds no article is yielded as
an `IngestError` and the next record is read; a truncated or corrupt archive ends with
one error after the records before the damage.

    >>> for item in read_warc(stream, name="crawl.warc.gz", options=IngestOptions()):
    ...     ...
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator
from typing import IO, Any

from newsprobe.document import Article
from newsprobe.errors import IngestError
from newsprobe.ingest.decode import decode_bytes
from newsprobe.ingest.html import article_from_html, declared_charset
from newsprobe.ingest.options import IngestOptions

__all__ = ["read_warc"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# warcio logs a warning per odd header (spaces in a target URI are common in real crawls);
# without a handler Python prints each to stderr. A NullHandler keeps them out of the
# terminal while an application that configures logging still receives them.
logging.getLogger("warcio").addHandler(logging.NullHandler())
# What warcio raises on damaged input: its own error, I/O and decoding errors, and, on
# headers cut short or mangled, the AttributeError/TypeError/IndexError of its parser
# meeting None or a short list (found by tests/ingest/test_ingest_fuzz.py).
_DAMAGE = (
    OSError, ValueError, EOFError, zlib.error, AttributeError, TypeError, IndexError, KeyError
)  # fmt: skip


def _charset(content_type: str) -> str | None:
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'").lower()
    return None


def _is_html_capture(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    if record.http_headers.get_statuscode() != "200":
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return any(kind in content_type for kind in _HTML_TYPES)


def _article(record: Any, *, where: str, url: str | None, options: IngestOptions) -> Article:
    payload = record.content_stream().read(options.max_bytes + 1)
    if len(payload) > options.max_bytes:
        raise IngestError(f"page larger than {options.max_bytes:,} bytes; skipped", source=where)
    content_type = record.http_headers.get_header("Content-Type") or ""
    declared = _charset(content_type) or declared_charset(payload)
    html = decode_bytes(payload, source=where, declared=declared)
    return article_from_html(html, url=url, source=where)


def read_warc(
    stream: IO[bytes], *, name: str, options: IngestOptions
) -> Iterator[Article | IngestError]:
    """Articles in a WARC or ARC stream (gzip-compressed or not).

    Args:
        stream: the archive, positioned at its start.
        name: file name for messages (``name: record 7 (https://...)``).
        options: the per-page size cap.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    records = ArchiveIterator(stream, arc2warc=True)
    # warcio writes a warning straight to stderr for every record not followed by a blank
    # line, with the whole next line in it: megabytes of page on the user's terminal. The
    # message is its (instance-overridable) format string; the count stays in err_count
    # and is reported once, below.
    records.INC_RECORD = ""
    number = 0
    try:
        for record in records:
            number += 1
            if not _is_html_capture(record):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{name}: record {number}" + (f" ({url})" if url else "")
            try:
                yield _article(record, where=where, url=url, options=options)
            except IngestError as exc:
                yield exc
            except _DAMAGE as exc:
                # A payload that fails to decode (bad chunking, broken gzip encoding).
                yield IngestError(f"unreadable record: {exc}", source=where)
    except (ArchiveLoadFailed, *_DAMAGE) as exc:
        yield IngestError(
            f"the archive is truncated or corrupt after record {number} ({exc}); "
            "the records before it were read",
            source=name,
        )
    if records.err_count:
        yield IngestError(
            f"{records.err_count:,} record(s) were not followed by a blank line (a wrong "
            "Content-Length?); the records after them may be misread",
            source=name,
        )

"""Which reader a source needs, told from its name and its first bytes.

Content wins over the name when it is unmistakable (a ``.txt`` file that starts with
``<!DOCTYPE html>`` is a saved page); the extension decides otherwise; the first line
decides last (a JSON object means JSONL), and anything else is plain text.

    >>> sniff_format("dump.bin", b"WARC/1.1\\r\\nWARC-Type: warcinfo")
    'warc'
    >>> sniff_format("notes", b'{"title": "Talks end", "text": "..."}\\n')
    'jsonl'
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import re
import zlib
from collections.abc import Callable
from typing import IO, Any

__all__ = [
    "GZIP_MAGIC",
    "SNIFF_BYTES",
    "CountingReader",
    "GzipStream",
    "gzip_error",
    "open_peekable",
    "peek_head",
    "sniff_format",
    "strip_compression",
]

GZIP_MAGIC = b"\x1f\x8b"
#: Bytes looked at to tell a format; enough for a long XML prolog or JSON first line.
SNIFF_BYTES = 16_384

_EXTENSIONS = {
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".warc": "warc", ".arc": "warc",
    ".rss": "feed", ".atom": "feed", ".rdf": "feed",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonlines": "jsonl", ".json": "jsonl",
    ".csv": "csv", ".tsv": "csv",
    ".txt": "text", ".md": "text", ".markdown": "text", ".text": "text",
}  # fmt: skip
# Prolog that may precede the root element: XML declaration, stylesheet PIs, comments.
_PROLOG = r"(?:\s|<\?[^>]*\?>|<!--.*?-->)*"
_FEED_ROOT = re.compile(_PROLOG + r"<(?:rss|feed|rdf:rdf)\b", re.IGNORECASE | re.DOTALL)
_HTML_ROOT = re.compile(
    _PROLOG + r"<(?:!doctype\s+html|html|head\b|body\b)", re.IGNORECASE | re.DOTALL
)
_UTF16_32 = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def strip_compression(name: str) -> str:
    """The name without a ``.gz`` suffix (``dump.jsonl.gz`` -> ``dump.jsonl``)."""
    return name[:-3] if name.lower().endswith(".gz") else name


def _head_text(head: bytes) -> str:
    for bom, encoding in _UTF16_32:
        if head.startswith(bom):
            return head.decode(encoding, errors="ignore")
    # latin-1 maps every byte and keeps ASCII markup as is, whatever the real encoding.
    return head.removeprefix(codecs.BOM_UTF8).decode("latin-1")


def _first_line_is_object(text: str) -> bool:
    line = text.lstrip().split("\n", 1)[0].strip()
    if not line.startswith("{"):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def sniff_format(name: str, head: bytes) -> str:
    """The format (one of ``FORMATS``) for a source with this name and these first bytes.

    Args:
        name: file name or URL; a ``.gz`` suffix is ignored (pass decompressed `head`).
        head: the first bytes of the (decompressed) content, `SNIFF_BYTES` or fewer.
    """
    if name.lower().startswith(("http://", "https://")):
        return "url"
    if head.startswith((b"WARC/", b"filedesc://")):
        return "warc"
    text = _head_text(head[:SNIFF_BYTES])
    if _FEED_ROOT.match(text):
        return "feed"
    if _HTML_ROOT.match(text):
        return "html"
    lower = strip_compression(name).lower()
    for extension, fmt in _EXTENSIONS.items():
        if lower.endswith(extension):
            return fmt
    if _first_line_is_object(text):
        return "jsonl"
    return "text"


class GzipStream(io.RawIOBase):
    """Decompresses gzip as it is read; a truncated or corrupt stream ends like a file.

    The data before the damage is delivered, then end-of-file, and the error is kept in
    `error`: readers get every readable record, and the caller reports the damage once,
    after them (see `gzip_error`).
    """

    def __init__(self, fileobj: IO[bytes]) -> None:
        super().__init__()
        self._gzip = gzip.GzipFile(fileobj=fileobj, mode="rb")
        self.error: BaseException | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.error is not None:
            return 0
        try:
            # read1, not readinto: one decompression step per call, so that what was
            # decompressed before the damage is returned rather than lost with the error.
            data = self._gzip.read1(len(buffer))
        except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
            self.error = exc
            return 0
        buffer[: len(data)] = data
        return len(data)


class CountingReader(io.RawIOBase):
    """Reads from `raw` and tells `progress` how many bytes have been read in all."""

    def __init__(self, raw: IO[bytes], progress: Callable[[int], None]) -> None:
        super().__init__()
        # read1 where there is one: what is there now, without waiting for a whole buffer
        # (a pipe delivers as its writer writes).
        self._read = getattr(raw, "read1", raw.read)
        self._progress = progress
        self._count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._read(len(buffer))
        if not data:
            return 0
        buffer[: len(data)] = data
        self._count += len(data)
        self._progress(self._count)
        return len(data)


def open_peekable(stream: IO[bytes]) -> io.BufferedReader:
    """A buffered stream whose ``peek`` shows the first bytes; gzip is opened transparently.

    The gzip data is decompressed as it is read, so a large ``.jsonl.gz`` or ``.warc.gz``
    is streamed, never held whole.
    """
    if isinstance(stream, io.BufferedReader):
        buffered = stream
    else:
        buffered = io.BufferedReader(stream, SNIFF_BYTES)
    if buffered.peek(2)[:2] == GZIP_MAGIC:
        return io.BufferedReader(GzipStream(buffered), SNIFF_BYTES)
    return buffered


def gzip_error(stream: io.BufferedReader) -> BaseException | None:
    """Truncation or corruption met so far in a stream from `open_peekable`, if any."""
    raw = stream.raw
    return raw.error if isinstance(raw, GzipStream) else None


def peek_head(stream: io.BufferedReader) -> bytes:
    """Up to `SNIFF_BYTES` from the start of `stream` without consuming them."""
    return stream.peek(SNIFF_BYTES)[:SNIFF_BYTES]

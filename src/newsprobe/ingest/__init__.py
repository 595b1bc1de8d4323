"""Turn any source into `Article`s: text, Markdown, HTML, URLs, JSONL/CSV, WARC, feeds, stdin.

    >>> article = newsprobe.load("examples/harbour-talks.txt")
    >>> for item in read("dump.jsonl"):        # streams; never reads the file whole
    ...     if isinstance(item, IngestError):  # a bad record: report it and go on
    ...         print(item)

`read` yields articles and, for a bad record inside a multi-record source, the
`IngestError` describing it, so that callers report it and continue. An error about the
source as a whole (missing file, refused URL, binary data) is raised.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from newsprobe.errors import IngestError, UnsupportedInputError
from newsprobe.ingest.decode import decode_bytes
from newsprobe.ingest.text import article_from_text
from newsprobe.language import detect_language
from newsprobe.model import Article

__all__ = ["FORMATS", "IngestOptions", "load", "read"]

#: Formats `read` understands; `IngestOptions.format` forces one instead of sniffing.
FORMATS = ("text", "html", "jsonl", "csv", "warc", "feed", "url")

#: Largest text or HTML file read whole (bytes). Record, WARC and feed files stream.
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How to read sources.

    Attributes:
        headline: use this headline (plain text and stdin only).
        format: force a format from `FORMATS` instead of guessing from name and content.
        allow_private: allow fetching URLs on private, loopback or link-local addresses.
        field_map: record field names, e.g. ``{"text": "content", "headline": "title"}``.
        max_bytes: largest download or single document accepted.
        timeout: seconds for connecting and for each read when fetching.
    """

    headline: str | None = None
    format: str | None = None
    allow_private: bool = False
    field_map: Mapping[str, str] = field(default_factory=dict)
    max_bytes: int = MAX_DOCUMENT_BYTES
    timeout: float = 15.0


def _with_language(article: Article) -> Article:
    if article.language:
        return article
    return article.model_copy(update={"language": detect_language(article.body_text)})


def read(source: str | Path, options: IngestOptions | None = None) -> Iterator[Article | IngestError]:
    """Every article in `source` ("-" is stdin), streaming; see the module docstring."""
    opts = options or IngestOptions()
    if opts.format is not None and opts.format not in FORMATS:
        raise UnsupportedInputError(
            f"unknown format {opts.format!r}; choose one of {', '.join(FORMATS)}",
            source=str(source),
        )
    name = str(source)
    if name == "-":
        data = sys.stdin.buffer.read(opts.max_bytes + 1)
        yield from _read_document(data, name=name, opts=opts)
        return
    path = Path(source)
    if not path.exists():
        raise IngestError("no such file (or a URL without http:// or https://)", source=name)
    if path.is_dir():
        raise UnsupportedInputError("this is a folder; give files inside it", source=name)
    with path.open("rb") as handle:
        data = handle.read(opts.max_bytes + 1)
    yield from _read_document(data, name=name, opts=opts)


def _read_document(data: bytes, *, name: str, opts: IngestOptions) -> Iterator[Article]:
    if len(data) > opts.max_bytes:
        raise UnsupportedInputError(
            f"larger than {opts.max_bytes // 1_000_000} MB; raise the limit to read it",
            source=name,
        )
    text = decode_bytes(data, source=name)
    yield _with_language(article_from_text(text, headline=opts.headline, source=name))


def load(source: str | Path, options: IngestOptions | None = None) -> Article:
    """The one article in `source`.

    Raises:
        IngestError: the source cannot be read, holds no article, or holds several
            (use `read` for those).
    """
    items = read(source, options)
    first = next(items, None)
    if first is None:
        raise IngestError("no article found", source=str(source))
    if isinstance(first, IngestError):
        raise first
    if next(items, None) is not None:
        raise UnsupportedInputError(
            "holds several articles; use newsprobe.ingest.read() to stream them",
            source=str(source),
        )
    return first

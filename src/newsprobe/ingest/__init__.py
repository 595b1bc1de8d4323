"""Turn any source into `Article`s: text, Markdown, HTML, URLs, JSONL/CSV, WARC, feeds, stdin.

    >>> article = newsprobe.load("examples/harbour-summit.html")
    >>> for item in read("dump.jsonl.gz"):     # streams; never reads the file whole
    ...     if isinstance(item, IngestError):  # a bad record: report it and go on
    ...         print(item)

`read` yields articles and, for a bad record inside a multi-record source (a JSONL line,
a WARC record, a feed entry), the `IngestError` describing it, so that callers report it
and continue. An error about the source as a whole (missing file, refused URL, binary
data, an empty page) is raised.

The format is sniffed from the name and the first bytes (`sniff.sniff_format`) unless
`IngestOptions.format` forces one. Modules: `text`, `html` (trafilatura), `web` (guarded
fetch), `records` (JSONL/CSV), `warc`, `feeds`; `decode`, `fields` and `sniff` help them.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

from newsprobe.document import Article
from newsprobe.errors import ExtractionError, IngestError, UnsupportedInputError
from newsprobe.ingest.decode import decode_bytes, looks_binary
from newsprobe.ingest.files import open_local
from newsprobe.ingest.html import article_from_html, declared_charset
from newsprobe.ingest.options import (
    FORMATS,
    MAX_ARTICLE_CHARS,
    MAX_DOCUMENT_BYTES,
    IngestOptions,
)
from newsprobe.ingest.records import check_field_map
from newsprobe.ingest.sniff import (
    SNIFF_BYTES,
    CountingReader,
    gzip_error,
    open_peekable,
    peek_head,
    sniff_format,
)
from newsprobe.ingest.text import article_from_text
from newsprobe.ingest.web import Fetcher, Page, Resolver, redact_url
from newsprobe.nlp.language import detect_language

if TYPE_CHECKING:
    import httpx

__all__ = ["FORMATS", "MAX_ARTICLE_CHARS", "MAX_DOCUMENT_BYTES", "IngestOptions", "load", "read"]

# First bytes of a WARC record, or of an ARC file's version block.
_ARCHIVE_STARTS = (b"WARC/", b"filedesc://")


def _with_language(article: Article) -> Article:
    if article.language:
        return article
    return article.model_copy(update={"language": detect_language(article.body_text)})


def read(
    source: str | Path,
    options: IngestOptions | None = None,
    *,
    transport: httpx.BaseTransport | None = None,
    resolve: Resolver | None = None,
    progress: Callable[[int], None] | None = None,
) -> Generator[Article | IngestError, None, None]:
    """Every article in `source`, streaming; see the module docstring.

    Args:
        source: a file path, an http(s) URL, or "-" for stdin.
        options: how to read it (`IngestOptions`).
        transport: httpx transport for fetching (tests pass ``httpx.MockTransport``).
        resolve: host-name resolver for the private-address guard (tests pass a stub).
        progress: called with the bytes of a local file (or stdin) read so far
            (compressed bytes for a ``.gz``) as reading goes on: a caller can show how
            far it has got.

    Raises:
        IngestError: the source as a whole cannot be read (and its subclasses:
            `FetchError`, `ExtractionError`, `UnsupportedInputError`).
    """
    opts = options or IngestOptions()
    if opts.format is not None and opts.format not in FORMATS:
        raise UnsupportedInputError(
            f"unknown format {opts.format!r}; choose one of {', '.join(FORMATS)}",
            source=str(source),
        )
    # A misspelt field name is a usage error (ConfigError), told before any input is read;
    # on a text or HTML file it would otherwise be silently ignored.
    check_field_map(opts.field_map)
    name = str(source)
    fetcher = Fetcher(
        allow_private=opts.allow_private,
        timeout=opts.timeout,
        max_bytes=opts.max_bytes,
        transport=transport,
        resolve=resolve,
    )
    with fetcher:
        if name.lower().startswith(("http://", "https://")):
            items = _read_url(name, opts, fetcher)
            yield from (_finished(item, name, opts.max_chars) for item in items)
            return
        if name == "-":
            items = _read_stream(sys.stdin.buffer, name=name, opts=opts, fetcher=fetcher)
            yield from (_finished(item, name, opts.max_chars) for item in items)
            return
        with open_local(Path(source), name=name, wait=opts.timeout) as handle:
            items = _read_stream(handle, name=name, opts=opts, fetcher=fetcher, progress=progress)
            yield from (_finished(item, name, opts.max_chars) for item in items)


def _finished(item: Article | IngestError, name: str, limit: int) -> Article | IngestError:
    """The article without a password in its URL, or an `IngestError` in its place when
    it is too long to analyse.

    A record, archived page or feed entry may carry ``https://user:secret@host/`` as its
    URL; it is kept without the ``user:secret@`` part, so no report or store holds it.
    """
    if isinstance(item, IngestError):
        return item
    if item.url and redact_url(item.url) != item.url:
        item = item.model_copy(update={"url": redact_url(item.url)})
    if len(item.text) <= limit:
        return item
    title = item.headline_text or item.body_text[:60]
    shown = f'"{title[:60]}…"' if len(title) > 60 else f'"{title}"'
    return IngestError(
        f"the article {shown} is {len(item.text):,} characters long, over the "
        f"{limit:,}-character limit for one analysis (about 1 GB of memory per million); "
        "raise it with --max-chars (IngestOptions.max_chars) or split the text",
        source=item.url or name,
    )


def _read_stream(
    raw: IO[bytes],
    *,
    name: str,
    opts: IngestOptions,
    fetcher: Fetcher,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Article | IngestError]:
    if progress is not None:
        raw = io.BufferedReader(CountingReader(raw, progress), SNIFF_BYTES)
    stream = open_peekable(raw)
    head = peek_head(stream)
    fmt = opts.format or sniff_format(name, head)
    if fmt not in ("warc", "jsonl", "csv"):
        data = _read_capped(stream, name=name, limit=opts.max_bytes)
        yield from _read_document(data, fmt=fmt, name=name, opts=opts, fetcher=fetcher)
        return
    if fmt in ("jsonl", "csv") and looks_binary(head):
        # /dev/zero or an image named .jsonl: refused at once, not read line by line for
        # ever (a stream of NUL bytes has no line ends).
        raise UnsupportedInputError(
            f"this is binary data, not {fmt.upper()}; give a text, HTML, JSONL, CSV, WARC "
            "or feed file",
            source=name,
        )
    if fmt == "warc":
        from newsprobe.ingest.warc import read_warc

        if not head.startswith(_ARCHIVE_STARTS):
            raise UnsupportedInputError(
                "not a WARC or ARC archive (it does not start with a WARC/ARC header)",
                source=name,
            )
        items = read_warc(stream, name=name, options=opts)
    else:
        from newsprobe.ingest.records import read_records

        items = read_records(stream, name=name, fmt=fmt, options=opts)
    count = 0
    for item in items:
        count += 1
        yield _language_of(item)
    error = gzip_error(stream)
    if error is not None:
        yield IngestError(
            f"the gzip data is truncated or corrupt after {count} record(s) ({error}); "
            "the records before the damage were read",
            source=name,
        )
    elif count == 0:
        # An empty dump, a CSV with only its header, an archive without one HTML page:
        # nothing was analysed, and a silent success would hide that.
        what = "no archived HTML pages" if fmt == "warc" else "no records"
        raise ExtractionError(f"{what} found in this {fmt.upper()} input", source=name)


def _language_of(item: Article | IngestError) -> Article | IngestError:
    return _with_language(item) if isinstance(item, Article) else item


def _read_capped(stream: io.BufferedReader, *, name: str, limit: int) -> bytes:
    data = stream.read(limit + 1)
    error = gzip_error(stream)
    if error is not None:
        raise UnsupportedInputError(f"corrupt or truncated gzip data ({error})", source=name)
    if len(data) > limit:
        raise UnsupportedInputError(
            f"larger than the {limit:,}-byte limit; raise it with --max-bytes "
            "(IngestOptions.max_bytes) to read it",
            source=name,
        )
    return data


def _read_document(
    data: bytes, *, fmt: str, name: str, opts: IngestOptions, fetcher: Fetcher
) -> Iterator[Article | IngestError]:
    if fmt == "feed":
        from newsprobe.ingest.feeds import read_feed

        yield from map(_language_of, read_feed(data, name=name, options=opts, fetch=fetcher))
    elif fmt == "html":
        yield _with_language(article_from_html(data, source=name))
    elif fmt == "url":
        urls = decode_bytes(data, source=name).split()
        if len(urls) != 1:
            raise UnsupportedInputError("expected one URL", source=name)
        yield from _read_url(urls[0], opts, fetcher)
    else:
        text = decode_bytes(data, source=name)
        yield _with_language(article_from_text(text, headline=opts.headline, source=name))


def _read_url(url: str, opts: IngestOptions, fetcher: Fetcher) -> Iterator[Article | IngestError]:
    page = fetcher(url)
    yield from _read_page(page, opts=opts, fetcher=fetcher)


def _read_page(
    page: Page, *, opts: IngestOptions, fetcher: Fetcher
) -> Iterator[Article | IngestError]:
    """A fetched page: HTML or a feed (told by content, then content type), or text.

    A format forced in the options (other than "url") applies to the page's content.
    """
    if not page.content.strip():
        raise ExtractionError("the page is empty", source=page.url)
    fmt = opts.format if opts.format not in (None, "url") else None
    if fmt is None:
        fmt = sniff_format("", page.content[:SNIFF_BYTES])
        if fmt != "feed" and page.content_type in ("text/html", "application/xhtml+xml"):
            fmt = "html"
    if fmt in ("jsonl", "csv", "warc"):
        raise UnsupportedInputError(
            f"reading {fmt} from a URL is not supported; download the file and read it",
            source=page.url,
        )
    if fmt == "feed":
        from newsprobe.ingest.feeds import read_feed

        items = read_feed(page.content, name=page.url, options=opts, fetch=fetcher)
        yield from map(_language_of, items)
        return
    declared = page.charset or declared_charset(page.content)
    text = decode_bytes(page.content, source=page.url, declared=declared)
    if fmt == "html":
        yield _with_language(article_from_html(text, url=page.url))
    else:
        article = article_from_text(text, headline=opts.headline, source=page.url, url=page.url)
        yield _with_language(article)


def load(
    source: str | Path,
    options: IngestOptions | None = None,
    *,
    transport: httpx.BaseTransport | None = None,
    resolve: Resolver | None = None,
) -> Article:
    """The one article in `source` (arguments as for `read`).

    Raises:
        IngestError: the source cannot be read, holds no article, or holds several
            (use `read` for those).
    """
    items = read(source, options, transport=transport, resolve=resolve)
    try:
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
    finally:
        items.close()

"""JSONL and CSV files of articles, streamed record by record.

Field names differ between dumps, so each of our fields is looked up under its common
names (case-insensitive); `IngestOptions.field_map` names others (``{"text": "content"}``).
A record may hold ``html`` instead of text; the page is then extracted. A bad record
(invalid JSON, no text) is yielded as an `IngestError` naming ``file:line``, and reading
goes on; a truncated ``.gz`` yields one error after the records that could be read.

    >>> for item in read_records(stream, name="dump.jsonl", fmt="jsonl", options=opts):
    ...     ...
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import zlib
from collections.abc import Iterator, Mapping
from typing import IO, Any

from newsprobe.document import Article
from newsprobe.errors import ConfigError, ExtractionError, IngestError
from newsprobe.ingest.fields import language_code, split_authors, with_published
from newsprobe.ingest.html import article_from_html
from newsprobe.ingest.options import IngestOptions
from newsprobe.ingest.sniff import GzipStream
from newsprobe.ingest.text import article_from_text
from newsprobe.normalize import normalize_line

__all__ = ["RECORD_FIELDS", "check_field_map", "read_records", "record_to_article"]

#: Our field -> the names it is found under, in order of preference.
RECORD_FIELDS: dict[str, tuple[str, ...]] = {
    "headline": ("headline", "title"),
    "text": ("text", "body", "content", "article", "articlebody", "maintext", "full_text"),
    "html": ("html", "raw_html", "content_html"),
    "url": ("url", "link", "canonical_url"),
    "published": (
        "date", "published", "pubdate", "published_at", "publishedat", "datepublished",
        "date_publish", "publish_date", "published_date", "publication_date", "pub_date",
        "timestamp",
    ),
    # "source_domain" and "domain": news-please and CC-News dumps name the outlet by its host.
    "outlet": (
        "outlet", "source", "site", "publisher", "site_name", "source_name", "source_domain",
        "domain",
    ),
    "authors": ("authors", "author", "byline"),
    "language": ("language", "lang"),
    "description": ("description", "summary", "abstract"),
    "tags": ("tags", "keywords", "categories"),
    "section": ("section", "category"),
    "id": ("id", "_id", "uuid"),
}  # fmt: skip
_RECORD_ERRORS = (EOFError, zlib.error, OSError, UnicodeDecodeError)
_DELIMITERS = ",;\t|"
_SURROGATE = re.compile("[\ud800-\udfff]")
# A file forced or named as JSONL whose first lines all fail to parse is not JSONL (a text
# file, a pretty-printed JSON document); ten lines tell it without one error per line.
_GIVE_UP_AFTER = 10
# An oversized JSONL line is skipped by reading on to its end; one more than 4 times the
# cap long (80 MB by default) is taken to have no end (a device, an endless pipe).
_MAX_DRAIN = 4


def check_field_map(field_map: Mapping[str, str]) -> None:
    """Refuse a field map naming a field we do not have.

    Raises:
        ConfigError: the message lists the valid names.
    """
    unknown = sorted(set(field_map) - set(RECORD_FIELDS))
    if unknown:
        raise ConfigError(
            f"unknown record field(s) {', '.join(unknown)}; valid: {', '.join(RECORD_FIELDS)}"
        )


def _lookup(record: Mapping[str, Any], field_map: Mapping[str, str]) -> dict[str, Any]:
    lowered = {str(k).lower(): v for k, v in record.items() if k is not None}
    found: dict[str, Any] = {}
    for ours, names in RECORD_FIELDS.items():
        wanted = (field_map[ours],) if ours in field_map else names
        for name in wanted:
            value = lowered.get(name.lower())
            if value not in (None, "", [], {}):
                found[ours] = value
                break
    return found


def _string(value: Any) -> str | None:
    if isinstance(value, dict):  # {"name": "Harbour Wire", "id": "hw"} (news API style)
        value = value.get("name") or value.get("title")
    return normalize_line(value) or None if isinstance(value, str) else None


def _record_meta(values: Mapping[str, Any]) -> dict[str, Any]:
    """Description, section, tags and the record's own id, for `Article.meta`."""
    meta: dict[str, Any] = {}
    for key in ("description", "section"):
        text = _string(values.get(key))
        if text:
            meta[key] = text
    if isinstance(values.get("id"), str | int) and not isinstance(values.get("id"), bool):
        meta["record_id"] = values["id"]
    tags = values.get("tags")
    if isinstance(tags, str):
        tags = [t.strip() for t in tags.split(",") if t.strip()]
    if isinstance(tags, list) and tags and all(isinstance(t, str) for t in tags):
        meta["tags"] = tags
    return meta


def record_to_article(record: Mapping[str, Any], *, where: str, options: IngestOptions) -> Article:
    """One record (a JSON object or CSV row) as an article.

    Raises:
        ExtractionError: the record holds neither text nor HTML.
    """
    values = _lookup(record, options.field_map)
    fields: dict[str, Any] = {"meta": _record_meta(values)}
    meta = fields["meta"]
    with_published(fields, values.get("published"))
    outlet, url = _string(values.get("outlet")), _string(values.get("url"))
    authors = split_authors(values.get("authors"))
    language = language_code(values.get("language"))
    headline = _string(values.get("headline"))
    text = values.get("text")
    if isinstance(text, str) and text.strip():
        return article_from_text(
            text,
            headline=headline,
            source=where,
            url=url,
            outlet=outlet,
            authors=authors,
            language=language,
            **fields,
        )
    html = values.get("html")
    if isinstance(html, str) and html.strip():
        page = article_from_html(html, url=url, source=where)
        merged = {**page.meta, **meta}
        if "published" not in fields:
            fields["published"] = page.published
            merged.pop("published_tz_assumed", None)
            if page.meta.get("published_tz_assumed"):
                merged["published_tz_assumed"] = True
        fields["meta"] = merged
        return Article.create(
            headline=headline or page.headline_text,
            body=page.body_text,
            url=url or page.url,
            outlet=outlet or page.outlet,
            authors=authors or page.authors,
            language=language or page.language,
            **fields,
        )
    raise ExtractionError(_no_text(record, options), source=where)


def _no_text(record: Mapping[str, Any], options: IngestOptions) -> str:
    """Why a record gave no article, in terms of its own fields."""
    wanted = [
        name
        for ours in ("text", "html")
        for name in (
            (options.field_map[ours],) if ours in options.field_map else RECORD_FIELDS[ours]
        )
    ]
    present = {str(k).lower(): str(k) for k in record if k is not None}
    empty = [present[name.lower()] for name in wanted if name.lower() in present]
    if empty:
        return f"the record's text field {empty[0]!r} is empty"
    fields = ", ".join(sorted(present.values())[:8]) or "none"
    return (
        f"the record has no text field (looked for {'/'.join(wanted)}; its fields: {fields}); "
        "name the field with --field text=NAME (field_map in Python)"
    )


def _lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) pairs; a line longer than `limit` comes as None and is skipped."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            drained = 0
            while True:  # drain the rest of the oversized line without keeping it
                rest = stream.readline(1 << 20)
                drained += len(rest)
                if not rest or rest.endswith(b"\n"):
                    break
                if drained > _MAX_DRAIN * limit:
                    # No line end in sight: an endless stream, not a record; stop here.
                    raise _Endless(number)
            yield number, None
            continue
        yield number, line


class _Endless(Exception):
    """A line went on past `_MAX_DRAIN` times the record cap: the input has no line ends."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


def _truncated(name: str, last_line: int, exc: BaseException) -> IngestError:
    return IngestError(
        f"the file is truncated or corrupt after line {last_line} ({exc}); "
        "the records before it were read",
        source=name,
    )


def _read_jsonl(
    stream: IO[bytes], *, name: str, options: IngestOptions
) -> Iterator[Article | IngestError]:
    last = 0
    parsed = bad = 0
    try:
        for number, line in _lines(stream, options.max_bytes):
            last = number
            where = f"{name}:{number}"
            if line is None:
                yield IngestError(f"record larger than {options.max_bytes:,} bytes", source=where)
                continue
            if not line.strip():
                continue
            try:
                record = _parse_json(line)
            except ValueError as exc:
                if not line.endswith(b"\n") and _damaged(stream):
                    continue  # the half line cut by truncation; the damage is reported once
                bad += 1
                yield IngestError(f"invalid JSON: {exc}", source=where)
                if not parsed and bad >= _GIVE_UP_AFTER:
                    yield IngestError(
                        f"stopped reading: the first {bad} lines are not JSON; "
                        "is this really JSON Lines (one object per line)?",
                        source=name,
                    )
                    return
                continue
            parsed += 1
            if b"\\ud" in line.lower():
                try:
                    record = _scrub(record)
                except RecursionError:
                    yield IngestError("the record is nested too deeply to read", source=where)
                    continue
            yield from _one(record, where=where, options=options)
    except _Endless as endless:
        yield IngestError(
            f"stopped reading: line {endless.number} runs on for more than "
            f"{_MAX_DRAIN * options.max_bytes:,} bytes without a line end",
            source=name,
        )
    except _RECORD_ERRORS as exc:
        yield _truncated(name, last, exc)


def _parse_json(data: bytes) -> Any:
    """`json.loads`, with nesting too deep for Python's stack as an ordinary ValueError.

    A record nested 100,000 levels deep (``[[[[...``) raises RecursionError in the
    decoder; uncaught, it ended the whole run and the records after it were never read.
    """
    try:
        return json.loads(data)
    except RecursionError:
        raise ValueError("nested too deeply to read (thousands of levels)") from None


def _damaged(stream: IO[bytes]) -> bool:
    """Whether the gzip stream under `stream` ended early (see `sniff.GzipStream`)."""
    raw = getattr(stream, "raw", None)
    return isinstance(raw, GzipStream) and raw.error is not None


def _scrub(value: Any) -> Any:
    """Replace lone surrogates (legal in JSON escapes, not in UTF-8) with U+FFFD."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_scrub(v) for v in value]
    if isinstance(value, dict):
        return {k: _scrub(v) for k, v in value.items()}
    return value


def _one(record: Any, *, where: str, options: IngestOptions) -> Iterator[Article | IngestError]:
    if not isinstance(record, dict):
        yield IngestError(f"expected a JSON object, got {type(record).__name__}", source=where)
        return
    try:
        yield record_to_article(record, where=where, options=options)
    except IngestError as exc:
        yield exc
    except RecursionError:
        # Nesting the decoder accepted (under ~1,000 levels) can still be too deep for
        # the recursive walks after it (`_scrub`, pydantic).
        yield IngestError("the record is nested too deeply to read", source=where)


def _csv_encoding(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(head).best()
    return best.encoding if best is not None else "cp1252"


def _read_csv(
    stream: io.BufferedReader, *, name: str, options: IngestOptions
) -> Iterator[Article | IngestError]:
    head = stream.peek(65_536)[:65_536]
    text = io.TextIOWrapper(stream, encoding=_csv_encoding(head), errors="replace", newline="")
    header_line = head.split(b"\n", 1)[0].decode("latin-1")
    if name.lower().removesuffix(".gz").endswith(".tsv"):
        delimiter = "\t"
    else:
        delimiter = max(_DELIMITERS, key=header_line.count)
    # The csv module's field limit is process-wide; it is only ever raised here, to the
    # document cap, since a whole article body sits in one field.
    csv.field_size_limit(max(csv.field_size_limit(), options.max_bytes))
    reader = csv.DictReader(text, delimiter=delimiter)
    try:
        yield from _csv_rows(reader, name=name, options=options)
    finally:
        # The wrapper must not close the caller's stream when it is garbage-collected.
        text.detach()


def _csv_rows(
    reader: csv.DictReader[str], *, name: str, options: IngestOptions
) -> Iterator[Article | IngestError]:
    last = 1
    good = bad = 0
    try:
        while True:
            start = last + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                last = reader.line_num
                bad += 1
                yield IngestError(f"bad CSV row: {exc}", source=f"{name}:{start}")
                if not good and bad >= _GIVE_UP_AFTER:
                    # An endless field (a stream with no line ends) fails once per field
                    # limit for ever; ten failures before any good row tell it.
                    yield IngestError(
                        f"stopped reading: the first {bad} rows are not valid CSV",
                        source=name,
                    )
                    return
                continue
            good += 1
            last = reader.line_num
            yield from _one(row, where=f"{name}:{start}", options=options)
    except _RECORD_ERRORS as exc:
        yield _truncated(name, last, exc)


def read_records(
    stream: io.BufferedReader, *, name: str, fmt: str, options: IngestOptions
) -> Iterator[Article | IngestError]:
    """Articles in a JSONL or CSV stream (already decompressed), one record at a time.

    A ``.json`` file holding one object or an array of objects (not one per line) is read
    whole, up to `options.max_bytes`.

    Args:
        stream: the binary stream, positioned at the start.
        name: file name for messages (``name:line``).
        fmt: ``"jsonl"`` or ``"csv"``.
        options: field map and size cap.
    """
    check_field_map(options.field_map)
    if fmt == "csv":
        yield from _read_csv(stream, name=name, options=options)
        return
    first = stream.peek(1)[:1]
    if first == b"[" or (
        name.lower().removesuffix(".gz").endswith(".json") and not _first_line_parses(stream)
    ):
        yield from _read_json_document(stream, name=name, options=options)
        return
    yield from _read_jsonl(stream, name=name, options=options)


def _first_line_parses(stream: io.BufferedReader) -> bool:
    line = stream.peek(65_536).split(b"\n", 1)[0]
    try:
        json.loads(line)
    except RecursionError:
        # Nested too deep to decode: a record of JSON lines, which the JSONL reader turns
        # into one bad record and reads on (as a whole document it would lose the rest).
        return True
    except ValueError:
        return False
    return True


def _read_json_document(
    stream: IO[bytes], *, name: str, options: IngestOptions
) -> Iterator[Article | IngestError]:
    try:
        data = stream.read(options.max_bytes + 1)
    except _RECORD_ERRORS as exc:
        yield _truncated(name, 0, exc)
        return
    if len(data) > options.max_bytes:
        yield IngestError(
            f"a JSON document (not JSON lines) larger than {options.max_bytes:,} bytes "
            "cannot be streamed; write one object per line (JSONL)",
            source=name,
        )
        return
    try:
        document = _parse_json(data)
    except ValueError as exc:
        yield IngestError(f"invalid JSON: {exc}", source=name)
        return
    try:
        items = _scrub(document if isinstance(document, list) else [document])
    except RecursionError:
        yield IngestError("the JSON document is nested too deeply to read", source=name)
        return
    for number, record in enumerate(items, 1):
        yield from _one(record, where=f"{name}: item {number}", options=options)

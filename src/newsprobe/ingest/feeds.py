"""RSS and Atom feeds: one article per entry.

An entry that carries the article (``content:encoded`` or Atom ``content`` of article
length) is used as it is; an entry with only a teaser is fetched from its link, under the
same guards as any URL (private addresses stay refused unless allowed). A failed entry is
yielded as an `IngestError`, and the next entry is read.

    >>> for item in read_feed(feed_bytes, name="wire.rss", options=IngestOptions(), fetch=get):
    ...     print(item.headline_text if isinstance(item, Article) else item)
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

from newsprobe.document import Article
from newsprobe.errors import ExtractionError, IngestError, UnsupportedInputError
from newsprobe.ingest.decode import decode_bytes
from newsprobe.ingest.fields import language_code, split_authors, with_published
from newsprobe.ingest.html import article_from_html, declared_charset, html_to_text
from newsprobe.ingest.options import IngestOptions
from newsprobe.ingest.text import article_from_text
from newsprobe.ingest.web import Page
from newsprobe.normalize import normalize_line

__all__ = ["FULL_CONTENT_BLOCK_CHARS", "FULL_CONTENT_CHARS", "read_feed"]

# Entry text of at least this many characters is taken as the full article. Teasers in
# RSS descriptions run to ~150-400 characters (one or two sentences), so a description
# must pass 500; a content block (content:encoded, Atom content) is meant to be the
# article and passes at 300, the length of a three-sentence brief.
FULL_CONTENT_CHARS = 500
FULL_CONTENT_BLOCK_CHARS = 300

Fetch = Callable[[str], Page]


def _entry_body(entry: Any) -> tuple[str, bool]:
    """The entry's longest text, and whether it is the full article (see the constants)."""
    blocks = [html_to_text(str(c.get("value", ""))) for c in entry.get("content", []) or []]
    block = max(blocks, key=len, default="")
    summary = html_to_text(str(entry.get("summary", "") or ""))
    if len(block) >= FULL_CONTENT_BLOCK_CHARS and len(block) >= len(summary):
        return block, True
    best = max(block, summary, key=len)
    return best, len(best) >= FULL_CONTENT_CHARS


def _entry_published(entry: Any, fields: dict[str, Any]) -> None:
    # dict.get, not entry.get: feedparser maps a missing "published" to "updated" with a
    # DeprecationWarning per entry (an error under `-W error`, noise otherwise).
    for key in ("published", "updated", "created"):
        value = dict.get(entry, key)
        if value:
            with_published(fields, value)
            if "published" in fields:
                return
    parsed = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
    if parsed:
        # feedparser's struct_time is already converted to UTC.
        year, month, day, hour, minute, second = parsed[:6]
        fields["published"] = datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def _entry_fields(entry: Any, feed: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {"meta": {}}
    _entry_published(entry, fields)
    authors = split_authors(entry.get("authors") or entry.get("author"))
    if authors:
        fields["authors"] = authors
    source = entry.get("source") or {}
    outlet = source.get("title") or feed.get("title")
    if outlet:
        fields["outlet"] = normalize_line(outlet)
    tags = [t.get("term") for t in entry.get("tags", []) or [] if t.get("term")]
    if tags:
        fields["meta"]["tags"] = tags
    if entry.get("id"):
        fields["meta"]["feed_entry_id"] = str(entry["id"])
    language = language_code(entry.get("language")) or language_code(feed.get("language"))
    if language:
        fields["language"] = language
    return fields


def _from_page(page: Page, *, title: str | None, fields: dict[str, Any]) -> Article:
    """The article a fetched link holds; entry metadata fills what the page lacks."""
    text = decode_bytes(
        page.content, source=page.url, declared=page.charset or declared_charset(page.content)
    )
    if page.content_type == "text/plain":
        return article_from_text(text, headline=title, source=page.url, url=page.url, **fields)
    found = article_from_html(text, url=page.url)
    meta = {**fields.get("meta", {}), **found.meta}
    meta.pop("published_tz_assumed", None)
    # The page's own date wins; the zone flag must come from whichever date is used.
    dated = found.meta if found.published is not None else fields.get("meta", {})
    if dated.get("published_tz_assumed"):
        meta["published_tz_assumed"] = True
    return Article.create(
        # The feed's title is written for listing and free of " | Outlet" suffixes.
        headline=title or found.headline_text,
        body=found.body_text,
        url=page.url,
        outlet=found.outlet or fields.get("outlet"),
        authors=found.authors or fields.get("authors"),
        published=found.published or fields.get("published"),
        language=found.language or fields.get("language"),
        meta=meta,
    )


def _entry_article(entry: Any, feed: Any, *, where: str, fetch: Fetch) -> Article:
    title = normalize_line(entry.get("title", "") or "") or None
    link = entry.get("link")
    fields = _entry_fields(entry, feed)
    body, full = _entry_body(entry)
    if full or (body and not link):
        if not full:
            fields["meta"]["summary_only"] = True
        return Article.create(headline=title, body=body, url=link, **fields)
    if not link:
        raise ExtractionError("the entry has neither content nor a link", source=where)
    if body:
        fields["meta"]["description"] = body
    return _from_page(fetch(link), title=title, fields=fields)


def read_feed(
    data: bytes, *, name: str, options: IngestOptions, fetch: Fetch
) -> Iterator[Article | IngestError]:
    """Articles of an RSS or Atom feed, entry by entry.

    Args:
        data: the feed document (at most `options.max_bytes`).
        name: file name or URL of the feed, for messages.
        options: ingest options (size limits apply to fetched entries through `fetch`).
        fetch: fetches an entry's link under the URL guards (`web.Fetcher`).

    Raises:
        UnsupportedInputError: the data is not a feed at all.
    """
    import feedparser

    # A stream, never a string: given a string, feedparser would treat it as a URL or a
    # path and open it itself, outside our guards.
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=True)
    if not parsed.entries:
        if parsed.get("bozo") and not parsed.get("feed"):
            raise UnsupportedInputError(
                f"not an RSS or Atom feed ({parsed.get('bozo_exception')})", source=name
            )
        raise ExtractionError("the feed has no entries", source=name)
    for number, entry in enumerate(parsed.entries, 1):
        where = f"{name}: entry {number}"
        try:
            yield _entry_article(entry, parsed.feed, where=where, fetch=fetch)
        except IngestError as exc:
            yield _tagged(exc, where)


def _tagged(exc: IngestError, where: str) -> IngestError:
    """The error with the entry it came from in its message (the URL alone is not enough)."""
    if exc.source == where:
        return exc
    exc.source = f"{where} ({exc.source})" if exc.source else where
    return exc

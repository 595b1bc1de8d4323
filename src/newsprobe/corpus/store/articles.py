"""Store articles with their analyses once, find them again, and say what is a duplicate.

An article is a duplicate when its canonical URL is stored already (``same_url``: the
stored version is kept), or when the same outlet's same text is stored under another URL
(``same_text``: that URL is recorded as another address of the stored article, so that
looking it up finds the article). Every function here runs inside a transaction the caller
opened (`transactions.read` / `transactions.write`).
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from functools import cache
from typing import Any

from sqlalchemy import Row, bindparam, func, insert, literal, select, text, union_all
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.sql import ColumnElement

from newsprobe.corpus.keys import name_key
from newsprobe.corpus.records import Duplicate, StoredArticle
from newsprobe.corpus.store.schema import (
    analyses,
    article_entities,
    article_urls,
    articles,
    utc_now,
)
from newsprobe.corpus.store.transactions import RetryTransaction
from newsprobe.corpus.urls import article_canonical_url, canonical_url
from newsprobe.document import Analysis, Article
from newsprobe.findings import EntityFinding, Span

__all__ = [
    "COMPRESSION_LEVEL",
    "Inserted",
    "analysis_row",
    "article_row",
    "content_key",
    "entity_rows",
    "find_duplicate",
    "insert_analysis",
    "load_analyses",
    "load_analysis",
    "lookup_pk",
    "record_alias",
    "stored_articles",
]

#: zlib level of the stored analysis JSON. Measured on 12 analysed FNC-1 bodies (30 KB of
#: JSON each): level 1 took 0.63 ms for 6.1 KB, level 3 0.77 ms for 5.7 KB, level 6 1.5 ms
#: for 5.1 KB. Level 3 keeps most of the saving at half the time of the default.
COMPRESSION_LEVEL = 3


_FTS_INSERT = text("INSERT INTO articles_fts (rowid, headline, body) VALUES (:pk, :head, :body)")


@dataclass(frozen=True, slots=True)
class Inserted:
    """An article that was stored: its row key and its id."""

    pk: int
    article_id: str


def content_key(article: Article) -> str:
    """sha256 of the outlet (case-folded) and the text: one outlet's one article."""
    outlet = name_key(article.outlet or "")
    return hashlib.sha256(f"{outlet}\x00{article.text}".encode()).hexdigest()


@cache
def _upsert_ignore(dialect: str, table: Any) -> Any:
    """``INSERT ... ON CONFLICT DO NOTHING`` in a dialect, built once: values are bound
    per call, so adding an article costs no statement construction."""
    return (
        (postgresql if dialect == "postgresql" else sqlite).insert(table).on_conflict_do_nothing()
    )


# Statements of the hot path, built once (SQLAlchemy then only binds parameters).
_PK_BY_ID = select(articles.c.pk).where(articles.c.id == bindparam("id"))
# Everything a new article may collide with, in one round trip: its URL, its content, its
# id. Each round trip to PostgreSQL waits for the server to be scheduled, which on a busy
# machine cost milliseconds each.
_COLLISIONS = union_all(
    select(literal("same_url").label("reason"), articles.c.id)
    .join(article_urls, article_urls.c.article_pk == articles.c.pk)
    .where(article_urls.c.url == bindparam("url")),
    select(literal("same_text").label("reason"), articles.c.id).where(
        articles.c.content_key == bindparam("key")
    ),
    select(literal("same_id").label("reason"), articles.c.id).where(
        articles.c.id == bindparam("id")
    ),
)


_INSERT_ANALYSIS = insert(analyses)
_INSERT_ENTITIES = insert(article_entities)


def _collisions(connection: Connection, article: Article) -> dict[str, str]:
    """{reason: id of the stored article} for what the article collides with."""
    rows = connection.execute(
        _COLLISIONS,
        {
            "url": article_canonical_url(article) or "",
            "key": content_key(article),
            "id": article.id,
        },
    )
    return {row.reason: row.id for row in rows}


def _duplicate(article: Article, found: dict[str, str]) -> Duplicate | None:
    for reason in ("same_url", "same_text"):
        if reason in found:
            return Duplicate(
                article_id=article.id,
                url=article.url,
                duplicate_of=found[reason],
                reason=reason,
            )
    return None


def find_duplicate(connection: Connection, article: Article) -> Duplicate | None:
    """The stored article this one duplicates, by canonical URL then by content, if any."""
    return _duplicate(article, _collisions(connection, article))


def record_alias(connection: Connection, article: Article, duplicate: Duplicate) -> None:
    """Keep a same-text duplicate's canonical URL as another address of the stored one."""
    canonical = article_canonical_url(article)
    if duplicate.reason != "same_text" or canonical is None:
        return
    pk = connection.execute(_PK_BY_ID, {"id": duplicate.duplicate_of}).scalar_one()
    insert_url = _upsert_ignore(connection.dialect.name, article_urls)
    connection.execute(insert_url, {"url": canonical, "article_pk": pk})


def _free_id(article: Article, taken: bool) -> str:
    """The article's id, or, when another text holds it, one derived from its content.

    Two outlets' identical texts read without URLs have the same `Article.id` (a hash of
    the text) but are two articles; the second gets an id of its own.
    """
    if not taken:
        return article.id
    return hashlib.sha256(f"{article.id}\x00{content_key(article)}".encode()).hexdigest()[:16]


def _encode(analysis: Analysis) -> bytes:
    # pydantic-core writes the JSON itself: twice as fast as dumping to dicts first.
    payload = analysis.model_dump_json(exclude={"article"})
    return zlib.compress(payload.encode(), COMPRESSION_LEVEL)


def _entity_keys(analysis: Analysis) -> set[str]:
    names: set[str] = set()
    for finding in analysis.of_kind("entity"):
        if isinstance(finding, EntityFinding):
            names.update(name_key(n) for n in (finding.canonical, *finding.aliases))
    names.discard("")
    return names


def _offset_minutes(published: datetime | None) -> int | None:
    if published is None:
        return None
    offset = published.utcoffset()
    return None if offset is None else int(offset.total_seconds() // 60)


def article_row(article: Article, article_id: str) -> dict[str, Any]:
    """The `articles` row of an article (its story is filed apart)."""
    return {
        "id": article_id,
        "url": article.url,
        "content_key": content_key(article),
        "outlet": article.outlet,
        "outlet_key": name_key(article.outlet) if article.outlet else None,
        "published": article.published,
        "published_offset": _offset_minutes(article.published),
        "language": article.language,
        "text": article.text,
        "headline_start": article.headline.start,
        "headline_end": article.headline.end,
        "body_start": article.body.start,
        "body_end": article.body.end,
        "authors": list(article.authors),
        "meta": dict(article.meta),
        "added": utc_now(),
    }


def analysis_row(analysis: Analysis, pk: int) -> dict[str, Any]:
    """The `analyses` row of an article's analysis."""
    return {
        "article_pk": pk,
        "schema_version": analysis.schema_version,
        "newsprobe_version": analysis.newsprobe_version,
        "errors": len(analysis.errors),
        "data": _encode(analysis),
    }


def entity_rows(analysis: Analysis, pk: int) -> list[dict[str, Any]]:
    """The `article_entities` rows of an article (for search by entity)."""
    return [{"name_key": k, "article_pk": pk} for k in sorted(_entity_keys(analysis))]


def insert_analysis(connection: Connection, analysis: Analysis) -> Inserted | Duplicate:
    """Store an article and its analysis, or say which stored article it duplicates.

    Raises:
        RetryTransaction: another writer stored a conflicting row meanwhile (PostgreSQL).
    """
    article = analysis.article
    found = _collisions(connection, article)
    duplicate = _duplicate(article, found)
    if duplicate is not None:
        record_alias(connection, article, duplicate)
        return duplicate
    article_id = _free_id(article, "same_id" in found)
    dialect = connection.dialect.name
    row = article_row(article, article_id)
    insert_article = _upsert_ignore(dialect, articles).returning(articles.c.pk)
    pk = connection.execute(insert_article, row).scalar()
    if pk is None:
        raise RetryTransaction(f"article {article_id} was stored by another writer meanwhile")
    canonical = article_canonical_url(article)
    if canonical is not None:
        insert_url = _upsert_ignore(dialect, article_urls).returning(article_urls.c.url)
        if connection.execute(insert_url, {"url": canonical, "article_pk": pk}).scalar() is None:
            raise RetryTransaction(f"{canonical} was stored by another writer meanwhile")
    connection.execute(_INSERT_ANALYSIS, analysis_row(analysis, pk))
    entities = entity_rows(analysis, pk)
    if entities:
        connection.execute(_INSERT_ENTITIES, entities)
    if dialect == "sqlite":
        connection.execute(
            _FTS_INSERT, {"pk": pk, "head": article.headline_text, "body": article.body_text}
        )
    return Inserted(pk=pk, article_id=article_id)


def lookup_pk(connection: Connection, id_or_url: str) -> int | None:
    """The row key of the article with this id, or stored under this URL."""
    pk = connection.execute(select(articles.c.pk).where(articles.c.id == id_or_url)).scalar()
    if pk is None:
        pk = connection.execute(
            select(article_urls.c.article_pk).where(article_urls.c.url == canonical_url(id_or_url))
        ).scalar()
    return pk


def _headline() -> ColumnElement[str]:
    return func.substr(
        articles.c.text,
        articles.c.headline_start + 1,
        articles.c.headline_end - articles.c.headline_start,
    )


def _aware(instant: datetime | None, offset: int | None) -> datetime | None:
    if instant is None:
        return None
    return instant.astimezone(timezone(timedelta(minutes=offset or 0)) if offset else UTC)


_SUMMARY_COLUMNS = (
    articles.c.pk,
    articles.c.id,
    articles.c.url,
    articles.c.outlet,
    articles.c.published,
    articles.c.published_offset,
    articles.c.language,
    _headline().label("headline"),
    articles.c.added,
    articles.c.story_id,
    analyses.c.errors,
)


def _summary(row: Row[Any], urls: Sequence[str]) -> StoredArticle:
    return StoredArticle(
        id=row.id,
        url=row.url,
        urls=list(urls),
        outlet=row.outlet,
        published=_aware(row.published, row.published_offset),
        language=row.language,
        headline=row.headline or "",
        added=row.added,
        story_id=row.story_id,
        analyzer_errors=row.errors or 0,
    )


def stored_articles(connection: Connection, pks: Iterable[int]) -> dict[int, StoredArticle]:
    """The stored articles with these row keys, by row key (missing keys are left out)."""
    wanted = list(dict.fromkeys(pks))
    if not wanted:
        return {}
    rows = connection.execute(
        select(*_SUMMARY_COLUMNS)
        .outerjoin(analyses, analyses.c.article_pk == articles.c.pk)
        .where(articles.c.pk.in_(wanted))
    ).all()
    urls: dict[int, list[str]] = defaultdict(list)
    for url, pk in connection.execute(
        select(article_urls.c.url, article_urls.c.article_pk)
        .where(article_urls.c.article_pk.in_(wanted))
        .order_by(article_urls.c.url)
    ):
        urls[pk].append(url)
    return {row.pk: _summary(row, urls[row.pk]) for row in rows}


def _analysis(row: Row[Any], kinds: frozenset[str] | None = None) -> Analysis:
    article = Article(
        id=row.id,
        text=row.text,
        headline=Span(start=row.headline_start, end=row.headline_end),
        body=Span(start=row.body_start, end=row.body_end),
        url=row.url,
        outlet=row.outlet,
        authors=row.authors,
        published=_aware(row.published, row.published_offset),
        language=row.language,
        meta=row.meta,
    )
    payload = json.loads(zlib.decompress(row.data))
    if kinds is not None:
        payload["findings"] = [f for f in payload["findings"] if f.get("kind") in kinds]
        payload["assessment"] = None
    payload["article"] = article
    return Analysis.model_validate(payload)


def load_analyses(
    connection: Connection, pks: Sequence[int], *, kinds: frozenset[str] | None = None
) -> dict[int, Analysis]:
    """Stored analyses (each with its article, rebuilt from the article row), by row key.

    Args:
        kinds: keep only findings of these kinds, and no assessment: a partial analysis
            for a reader that needs no more (cross-checking reads a story's other articles
            this way: validating the findings it never reads was a third of the read).
            None: the analysis exactly as it was stored.
    """
    if not pks:
        return {}
    rows = connection.execute(
        select(articles, analyses.c.data)
        .join(analyses, analyses.c.article_pk == articles.c.pk)
        .where(articles.c.pk.in_(list(pks)))
    )
    return {row.pk: _analysis(row, kinds) for row in rows}


def load_analysis(connection: Connection, pk: int) -> Analysis | None:
    """The stored analysis of an article, or None when it has none."""
    return load_analyses(connection, [pk]).get(pk)

"""The corpus tables, as SQLAlchemy Core objects the store's queries are written against.

The migrations in `migrations/versions` create these tables, each spelled out as it was at
its revision; a test checks that the head revision and this module describe the same
schema. Engine-specific parts live only in the migrations and in `search.py`: SQLite's FTS5
table (over the view `article_text`) and PostgreSQL's ``articles.search`` tsvector column
with its GIN index.

Articles are keyed inside the database by an integer `pk` (compact in the large lookup
tables, and the rowid the FTS5 index needs); outside it, by `Article.id`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.types import TypeDecorator

__all__ = [
    "UTCDateTime",
    "analyses",
    "article_bands",
    "article_entities",
    "article_keys",
    "article_urls",
    "articles",
    "edges",
    "metadata",
    "profiles",
    "stories",
    "utc_now",
]


def utc_now() -> datetime:
    """The current time, aware, in UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime, stored in UTC, read back aware in UTC, on every engine.

    PostgreSQL keeps it as ``timestamptz``; SQLite has no time zones, so the value is
    stored as naive UTC text, whose order is the order of time.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise ValueError(f"the corpus stores aware datetimes only, not {value!r}")
        utc = value.astimezone(UTC)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)  # type: ignore[no-any-return]
        return value.astimezone(UTC)  # type: ignore[no-any-return]


metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("id", String(64), nullable=False, unique=True),
    Column("url", Text),
    # sha256 of the outlet (case-folded) and the text: the same outlet's same article under
    # another address. Wire copies carried verbatim by two outlets stay two articles.
    Column("content_key", String(64), nullable=False, unique=True),
    Column("outlet", Text),
    Column("outlet_key", Text, index=True),
    Column("published", UTCDateTime, index=True),
    # The publication time's own UTC offset in minutes, to give the time back as written.
    Column("published_offset", Integer),
    Column("language", String(16)),
    Column("text", Text, nullable=False),
    Column("headline_start", Integer, nullable=False),
    Column("headline_end", Integer, nullable=False),
    Column("body_start", Integer, nullable=False),
    Column("body_end", Integer, nullable=False),
    Column("authors", JSON, nullable=False),
    Column("meta", JSON, nullable=False),
    Column("added", UTCDateTime, nullable=False),
    Column("story_id", Integer, ForeignKey("stories.id"), index=True),
)

#: Every canonical URL an article was added under: the first, and any duplicate's.
article_urls = Table(
    "article_urls",
    metadata,
    Column("url", Text, primary_key=True),
    Column(
        "article_pk",
        Integer,
        ForeignKey("articles.pk", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
)

#: The findings of each article: zlib-compressed JSON of its `Analysis` without the article.
analyses = Table(
    "analyses",
    metadata,
    Column("article_pk", Integer, ForeignKey("articles.pk", ondelete="CASCADE"), primary_key=True),
    Column("schema_version", String(16), nullable=False),
    Column("newsprobe_version", String(32), nullable=False),
    Column("errors", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),
)

#: Normalized names of the people, organizations and places an article mentions
#: (canonical names and aliases), for `search(..., entity=...)`.
article_entities = Table(
    "article_entities",
    metadata,
    Column("name_key", Text, primary_key=True),
    Column(
        "article_pk",
        Integer,
        ForeignKey("articles.pk", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)

stories = Table(
    "stories",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("title", Text, nullable=False),
    Column("first_published", UTCDateTime, index=True),
    Column("last_published", UTCDateTime, index=True),
    Column("article_count", Integer, nullable=False),
    Column("undated_count", Integer, nullable=False),
    Column("outlets", JSON, nullable=False),
    Column("created", UTCDateTime, nullable=False),
)

#: What cross-checking derived from each article (`records.Profile`).
profiles = Table(
    "profiles",
    metadata,
    Column("article_pk", Integer, ForeignKey("articles.pk", ondelete="CASCADE"), primary_key=True),
    Column("version", String(32), nullable=False),
    Column("data", JSON, nullable=False),
)

# Lookup postings carry the article's publication time, so that a candidate lookup reads
# only the postings inside its time window (an index range), not every article sharing a
# common name.
article_keys = Table(
    "article_keys",
    metadata,
    Column("key", Text, primary_key=True),
    Column(
        "article_pk",
        Integer,
        ForeignKey("articles.pk", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
    Column("published", UTCDateTime),
    Index("ix_article_keys_key_published", "key", "published"),
)

article_bands = Table(
    "article_bands",
    metadata,
    Column("band", Text, primary_key=True),
    Column(
        "article_pk",
        Integer,
        ForeignKey("articles.pk", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
    Column("published", UTCDateTime),
    Index("ix_article_bands_band_published", "band", "published"),
)

edges = Table(
    "edges",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("story_id", Integer, ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
    Column("source_article", String(64), ForeignKey("articles.id"), nullable=False),
    Column("source_outlet", Text),
    Column("target_article", String(64), ForeignKey("articles.id")),
    Column("target_outlet", Text),
    Column("kind", String(32), nullable=False),
    Column("evidence", JSON, nullable=False),
    Column("confidence", Float),
    Column("note", Text),
    Index("ix_edges_story_id", "story_id"),
)

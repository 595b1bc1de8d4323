"""Articles, their addresses and analyses, the entity filter and the full-text index.

Revision ID: 0001
Revises:
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# SQLite: FTS5 over a view of the articles table, so the text is stored once. Porter
# stemming on unicode61 words with accents folded: "talks" finds "talk", "Zoë" finds "Zoe".
_SQLITE_FTS = (
    "CREATE VIEW article_text AS SELECT pk,"
    " substr(text, headline_start + 1, headline_end - headline_start) AS headline,"
    " substr(text, body_start + 1, body_end - body_start) AS body FROM articles",
    "CREATE VIRTUAL TABLE articles_fts USING fts5(headline, body,"
    " content='article_text', content_rowid='pk',"
    " tokenize='porter unicode61 remove_diacritics 2')",
)
# PostgreSQL: a stored tsvector column (headline weighted above body) with a GIN index.
# The 'english' configuration stems English words; words of other languages are indexed
# as they are spelt.
_POSTGRES_FTS = (
    "ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS ("
    " setweight(to_tsvector('english',"
    "  substr(text, headline_start + 1, headline_end - headline_start)), 'A') ||"
    " setweight(to_tsvector('english',"
    "  substr(text, body_start + 1, body_end - body_start)), 'B')) STORED",
    "CREATE INDEX ix_articles_search ON articles USING gin (search)",
)


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(64), nullable=False, unique=True),
        sa.Column("url", sa.Text),
        sa.Column("content_key", sa.String(64), nullable=False, unique=True),
        sa.Column("outlet", sa.Text),
        sa.Column("outlet_key", sa.Text, index=True),
        sa.Column("published", sa.DateTime(timezone=True), index=True),
        sa.Column("published_offset", sa.Integer),
        sa.Column("language", sa.String(16)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("headline_start", sa.Integer, nullable=False),
        sa.Column("headline_end", sa.Integer, nullable=False),
        sa.Column("body_start", sa.Integer, nullable=False),
        sa.Column("body_end", sa.Integer, nullable=False),
        sa.Column("authors", sa.JSON, nullable=False),
        sa.Column("meta", sa.JSON, nullable=False),
        sa.Column("added", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "article_urls",
        sa.Column("url", sa.Text, primary_key=True),
        sa.Column(
            "article_pk",
            sa.Integer,
            sa.ForeignKey("articles.pk", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
    )
    op.create_table(
        "analyses",
        sa.Column(
            "article_pk",
            sa.Integer,
            sa.ForeignKey("articles.pk", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("schema_version", sa.String(16), nullable=False),
        sa.Column("newsprobe_version", sa.String(32), nullable=False),
        sa.Column("errors", sa.Integer, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "article_entities",
        sa.Column("name_key", sa.Text, primary_key=True),
        sa.Column(
            "article_pk",
            sa.Integer,
            sa.ForeignKey("articles.pk", ondelete="CASCADE"),
            primary_key=True,
            index=True,
        ),
    )
    dialect = op.get_bind().dialect.name
    for statement in _SQLITE_FTS if dialect == "sqlite" else _POSTGRES_FTS:
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("the corpus schema is not downgraded: restore a backup instead")

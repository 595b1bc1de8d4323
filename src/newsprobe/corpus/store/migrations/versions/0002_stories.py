"""What cross-checking needs: stories, article profiles with their lookup keys and LSH
bands, and provenance edges.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stories",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("first_published", sa.DateTime(timezone=True), index=True),
        sa.Column("last_published", sa.DateTime(timezone=True), index=True),
        sa.Column("article_count", sa.Integer, nullable=False),
        sa.Column("undated_count", sa.Integer, nullable=False),
        sa.Column("outlets", sa.JSON, nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
    )
    if op.get_bind().dialect.name == "sqlite":
        # SQLite adds a column with a REFERENCES clause in place (its value starts NULL);
        # Alembic would otherwise copy the whole table to add the constraint.
        op.execute("ALTER TABLE articles ADD COLUMN story_id INTEGER REFERENCES stories (id)")
    else:
        op.add_column("articles", sa.Column("story_id", sa.Integer))
        op.create_foreign_key(
            "fk_articles_story_id_stories", "articles", "stories", ["story_id"], ["id"]
        )
    op.create_index("ix_articles_story_id", "articles", ["story_id"])
    op.create_table(
        "profiles",
        sa.Column(
            "article_pk",
            sa.Integer,
            sa.ForeignKey("articles.pk", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("version", sa.String(32), nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
    )
    for table, column in (("article_keys", "key"), ("article_bands", "band")):
        op.create_table(
            table,
            sa.Column(column, sa.Text, primary_key=True),
            sa.Column(
                "article_pk",
                sa.Integer,
                sa.ForeignKey("articles.pk", ondelete="CASCADE"),
                primary_key=True,
                index=True,
            ),
            sa.Column("published", sa.DateTime(timezone=True)),
        )
        op.create_index(f"ix_{table}_{column}_published", table, [column, "published"])
    op.create_table(
        "edges",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "story_id",
            sa.Integer,
            sa.ForeignKey("stories.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("source_article", sa.String(64), sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("source_outlet", sa.Text),
        sa.Column("target_article", sa.String(64), sa.ForeignKey("articles.id")),
        sa.Column("target_outlet", sa.Text),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("evidence", sa.JSON, nullable=False),
        sa.Column("confidence", sa.Float),
        sa.Column("note", sa.Text),
    )
    op.create_index("ix_edges_story_id", "edges", ["story_id"])


def downgrade() -> None:
    raise NotImplementedError("the corpus schema is not downgraded: restore a backup instead")

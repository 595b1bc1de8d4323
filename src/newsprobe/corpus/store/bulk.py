"""Loading many ready analyses at once, with their profiles and stories: one multi-row
statement per table per batch.

`corpus add` stores one article per transaction and checks each for duplicates, which
costs a dozen statements per article; that is what a user's run needs (nothing lost when
it is killed, concurrent writers). Building a large corpus of articles known to be new,
whose stories are known already (the synthetic corpora of `benchmarks/corpus.py`, an
import from another store), needs neither: `load` writes a batch with one multi-row
INSERT per table (SQLAlchemy's "insertmanyvalues" batches the rows of one `execute`),
files each article in the story its batch names, and sets each story's summary once.

    >>> with engine.begin() as connection:  # doctest: +SKIP
    ...     pks = load(connection, [BulkArticle(analysis, profile, story="summit-17"), ...])

Duplicates are not looked for: an article whose id, canonical URL or content is stored
already makes the whole batch fail on the database's unique constraints.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, text
from sqlalchemy.engine import Connection

from newsprobe.corpus.records import Profile
from newsprobe.corpus.store.articles import analysis_row, article_row, entity_rows
from newsprobe.corpus.store.schema import (
    analyses,
    article_bands,
    article_entities,
    article_keys,
    article_urls,
    articles,
    profiles,
    stories,
    utc_now,
)
from newsprobe.corpus.stories import story_title
from newsprobe.corpus.urls import article_canonical_url
from newsprobe.document import Analysis

__all__ = ["BulkArticle", "load"]

_FTS_INSERT = text("INSERT INTO articles_fts (rowid, headline, body) VALUES (:pk, :head, :body)")


@dataclass(frozen=True, slots=True)
class BulkArticle:
    """An analysed article to load, its profile (None: none) and the key of its story
    within the batch (None: filed in no story). Articles with the same key form one new
    story, titled with the first one's headline."""

    analysis: Analysis
    profile: Profile | None = None
    story: str | None = None


def _stories(connection: Connection, batch: Sequence[BulkArticle]) -> dict[str, int]:
    """Insert one story per story key of the batch, with its summary; key -> story id."""
    members: dict[str, list[Analysis]] = {}
    for item in batch:
        if item.story is not None:
            members.setdefault(item.story, []).append(item.analysis)
    if not members:
        return {}
    rows = []
    for group in members.values():
        dated = [a.article.published for a in group if a.article.published is not None]
        rows.append(
            {
                "title": story_title(group[0].article),
                "article_count": len(group),
                "undated_count": len(group) - len(dated),
                "first_published": min(dated) if dated else None,
                "last_published": max(dated) if dated else None,
                "outlets": sorted({a.article.outlet for a in group if a.article.outlet}),
                "created": utc_now(),
            }
        )
    ids = connection.execute(
        insert(stories).returning(stories.c.id, sort_by_parameter_order=True), rows
    ).scalars()
    return dict(zip(members, ids, strict=True))


def load(connection: Connection, batch: Sequence[BulkArticle]) -> list[int]:
    """Insert the batch's articles, analyses, profiles and stories; their row keys.

    Runs inside the caller's transaction; see the module docstring for what is not checked.
    """
    if not batch:
        return []
    story_ids = _stories(connection, batch)
    rows: list[dict[str, Any]] = []
    for item in batch:
        row = article_row(item.analysis.article, item.analysis.article.id)
        row["story_id"] = story_ids[item.story] if item.story is not None else None
        rows.append(row)
    pks = list(
        connection.execute(
            insert(articles).returning(articles.c.pk, sort_by_parameter_order=True), rows
        ).scalars()
    )
    urls, findings, entities, blobs, keys, bands, fts = [], [], [], [], [], [], []
    for pk, item in zip(pks, batch, strict=True):
        article = item.analysis.article
        canonical = article_canonical_url(article)
        if canonical is not None:
            urls.append({"url": canonical, "article_pk": pk})
        findings.append(analysis_row(item.analysis, pk))
        entities += entity_rows(item.analysis, pk)
        fts.append({"pk": pk, "head": article.headline_text, "body": article.body_text})
        if item.profile is not None:
            profile = item.profile
            blobs.append({"article_pk": pk, "version": profile.version, "data": profile.data})
            published = article.published
            keys += [
                {"key": k, "article_pk": pk, "published": published}
                for k in sorted(set(profile.keys))
            ]
            bands += [
                {"band": b, "article_pk": pk, "published": published}
                for b in sorted(set(profile.bands))
            ]
    for table, values in (
        (article_urls, urls),
        (analyses, findings),
        (article_entities, entities),
        (profiles, blobs),
        (article_keys, keys),
        (article_bands, bands),
    ):
        if values:
            connection.execute(insert(table), values)
    if connection.dialect.name == "sqlite":
        connection.execute(_FTS_INSERT, fts)
    return pks

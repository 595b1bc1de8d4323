"""What cross-checking keeps: profiles, candidate lookup, stories and provenance edges.

The store interprets none of cross-checking's judgments. It keeps each article's profile
(an opaque JSON blob) and indexes its lookup keys and LSH bands, so that `candidates` finds
the stored articles sharing them within a time window; it files articles in stories and
keeps each story's summary (dates, outlets, counts) in step with its members; it keeps the
provenance edges of each story. Every function runs inside the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import (
    Row,
    and_,
    bindparam,
    delete,
    func,
    insert,
    literal,
    or_,
    select,
    union_all,
    update,
)
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import Label

from newsprobe.corpus.records import Candidate, Profile, ProvenanceEdge, Story
from newsprobe.corpus.store.schema import (
    article_bands,
    article_keys,
    articles,
    edges,
    profiles,
    stories,
    utc_now,
)
from newsprobe.findings import Span

__all__ = [
    "Unfiled",
    "assign",
    "candidates",
    "delete_story",
    "file_new",
    "load_edges",
    "load_profiles",
    "new_story",
    "refresh_story",
    "replace_edges",
    "save_profile",
    "story_member_pks",
    "story_rows",
]


# The statements of storing and placing an article, built once: SQLAlchemy then only
# binds their values (building one and computing its cache key cost about 0.1 ms each,
# several times per stored article).
_INSERT_PROFILE = insert(profiles)
_INSERT_KEYS = insert(article_keys)
_INSERT_BANDS = insert(article_bands)
_PROFILES_OF = select(profiles.c.article_pk, profiles.c.version, profiles.c.data).where(
    profiles.c.article_pk.in_(bindparam("pks", expanding=True))
)


def save_profile(
    connection: Connection,
    pk: int,
    profile: Profile,
    *,
    new: bool = False,
    published: datetime | None = None,
) -> None:
    """Store (or replace) an article's profile with its lookup keys and bands.

    `new`: the article was stored in this transaction (nothing to replace), and
    `published` is its publication time; otherwise both are read from the database.
    """
    if not new:
        for table in (profiles, article_keys, article_bands):
            connection.execute(delete(table).where(table.c.article_pk == pk))
        published = connection.execute(
            select(articles.c.published).where(articles.c.pk == pk)
        ).scalar()
    connection.execute(
        _INSERT_PROFILE, {"article_pk": pk, "version": profile.version, "data": profile.data}
    )
    for statement, column, values in (
        (_INSERT_KEYS, "key", profile.keys),
        (_INSERT_BANDS, "band", profile.bands),
    ):
        unique = sorted(set(values))
        if unique:
            connection.execute(
                statement,
                [{column: v, "article_pk": pk, "published": published} for v in unique],
            )


def load_profiles(connection: Connection, pks: Sequence[int]) -> dict[int, Profile]:
    """The stored profiles (data only; keys and bands are for lookup) of these articles."""
    if not pks:
        return {}
    rows = connection.execute(_PROFILES_OF, {"pks": list(pks)})
    # `model_construct`: the blob is JSON this store wrote, and validating it as `JsonValue`
    # walked every value of 50 candidates' profiles per placement (a third of the lookup).
    return {
        row.article_pk: Profile.model_construct(
            version=row.version, data=row.data, keys=[], bands=[]
        )
        for row in rows
    }


def candidates(
    connection: Connection,
    *,
    keys: Sequence[str],
    bands: Sequence[str],
    published: datetime | None,
    window: timedelta | None,
    include_undated: bool,
    whole_window: bool,
    exclude_pk: int | None,
    limit: int,
) -> list[Candidate]:
    """Stored articles sharing keys or bands with a profile, most shared bands first.

    With `published` and `window`, only articles published within `window` of it are
    candidates (and, with `include_undated`, articles without a date); without them,
    any article is. With `whole_window` too, every article in the window is a candidate,
    sharing something or not (those sharing most still come first).
    """
    timed = published is not None and window is not None
    if not keys and not bands and not (timed and whole_window):
        return []
    statement = _candidate_statement(
        bool(keys), bool(bands), timed, include_undated, whole_window, exclude_pk is not None
    )
    values: dict[str, Any] = {"limit": limit, "exclude": exclude_pk}
    if keys:
        values["article_keys_in"] = sorted(set(keys))
    if bands:
        values["article_bands_in"] = sorted(set(bands))
    if timed:
        assert published is not None and window is not None
        values["low"], values["high"] = published - window, published + window
    rows = connection.execute(statement, values).all()
    return [
        Candidate(
            article_id=row.id,
            story_id=row.story_id,
            published=row.published,
            outlet=row.outlet,
            shared_keys=int(row.shared_keys or 0),
            shared_bands=int(row.shared_bands or 0),
            # `model_construct` as in `load_profiles` (the blob is JSON this store wrote).
            profile=None
            if row.profile_version is None
            else Profile.model_construct(
                version=row.profile_version, data=row.profile_data, keys=[], bands=[]
            ),
            story_first_published=row.story_first_published,
            story_last_published=row.story_last_published,
        )
        for row in rows
    ]


@cache
def _candidate_statement(
    keys: bool, bands: bool, timed: bool, include_undated: bool, whole_window: bool, exclude: bool
) -> Any:
    """The candidate query of one shape, built once: its values (keys, bands, the window's
    bounds, the article left out, the limit) are bound per call. Building it anew cost
    about a tenth of a placement (SQLAlchemy coerces every clause)."""
    low = bindparam("low", type_=articles.c.published.type)
    high = bindparam("high", type_=articles.c.published.type)

    def postings(table: Any, column: Any, is_key: int) -> list[Any]:
        # One expanding parameter rather than a literal per value: SQLAlchemy then builds
        # and caches the statement once instead of coercing ~30 values per placement.
        wanted: Any = bindparam(f"{table.name}_in", expanding=True)
        part = select(table.c.article_pk.label("pk"), literal(is_key).label("is_key")).where(
            column.in_(wanted)
        )
        if not timed:
            return [part]
        # The window and the undated postings as two index ranges, not one OR: with
        # "published BETWEEN .. OR published IS NULL" SQLite searched the (key, published)
        # index by key alone and read every posting of a common name in the whole corpus
        # (the lookup grew with the corpus: 15 ms at 50,000 articles, 77 at 100,000).
        # The two sets are disjoint, so their UNION ALL holds the same rows.
        found = [part.where(table.c.published.between(low, high))]
        if include_undated:
            found.append(part.where(table.c.published.is_(None)))
        return found

    parts = []
    if keys:
        parts += postings(article_keys, article_keys.c.key, 1)
    if bands:
        parts += postings(article_bands, article_bands.c.band, 0)
    key_hits: Label[Any]
    band_hits: Label[Any]
    if parts:
        shared = union_all(*parts).subquery("shared")
        counts = (
            select(
                shared.c.pk,
                func.sum(shared.c.is_key).label("n_keys"),
                (func.count() - func.sum(shared.c.is_key)).label("n_bands"),
            )
            .group_by(shared.c.pk)
            .subquery("counts")
        )
        key_hits = func.coalesce(counts.c.n_keys, 0).label("shared_keys")
        band_hits = func.coalesce(counts.c.n_bands, 0).label("shared_bands")
    else:
        key_hits = literal(0).label("shared_keys")
        band_hits = literal(0).label("shared_bands")
    statement = select(
        articles.c.pk,
        articles.c.id,
        articles.c.story_id,
        articles.c.published,
        articles.c.outlet,
        key_hits,
        band_hits,
    )
    if parts:
        on = counts.c.pk == articles.c.pk
        statement = (
            statement.outerjoin(counts, on)
            if timed and whole_window
            else statement.join(counts, on)
        )
    statement = statement.order_by(band_hits.desc(), key_hits.desc(), articles.c.pk.desc())
    if exclude:
        statement = statement.where(articles.c.pk != bindparam("exclude"))
    if timed and whole_window:
        within = articles.c.published.between(low, high)
        statement = statement.where(
            or_(within, articles.c.published.is_(None)) if include_undated else within
        )
    # The chosen candidates' profiles and their stories' date ranges in the same
    # statement: reading them after (profiles by row keys, stories by id) was two more
    # statements per placement, whose IN lists SQLAlchemy rendered anew each time
    # (expanding parameters). Joined after the limit, so that a whole window of articles
    # is sorted without its profiles; the order is restated because a subquery's order
    # does not carry over.
    found = statement.limit(bindparam("limit")).subquery("found")
    return (
        select(
            found,
            profiles.c.version.label("profile_version"),
            profiles.c.data.label("profile_data"),
            stories.c.first_published.label("story_first_published"),
            stories.c.last_published.label("story_last_published"),
        )
        .outerjoin(profiles, profiles.c.article_pk == found.c.pk)
        .outerjoin(stories, stories.c.id == found.c.story_id)
        .order_by(found.c.shared_bands.desc(), found.c.shared_keys.desc(), found.c.pk.desc())
    )


# Built once, like the statements of filing below: a placement that starts a story runs it.
_NEW_STORY = insert(stories).returning(stories.c.id)


def new_story(connection: Connection, *, title: str) -> int:
    """A new, empty story; its id."""
    return int(
        connection.execute(
            _NEW_STORY,
            {
                "title": title,
                "article_count": 0,
                "undated_count": 0,
                "outlets": [],
                "created": utc_now(),
            },
        ).scalar_one()
    )


def refresh_story(connection: Connection, story_id: int) -> None:
    """Recompute a story's dates, outlets and counts from its members."""
    summary = connection.execute(
        select(
            func.count(),
            func.min(articles.c.published),
            func.max(articles.c.published),
            func.count(articles.c.published),
        ).where(articles.c.story_id == story_id)
    ).one()
    outlets = connection.execute(
        select(articles.c.outlet)
        .where(and_(articles.c.story_id == story_id, articles.c.outlet.is_not(None)))
        .distinct()
    ).scalars()
    count, first, last, dated = summary
    connection.execute(
        update(stories)
        .where(stories.c.id == story_id)
        .values(
            article_count=count,
            undated_count=count - dated,
            first_published=first,
            last_published=last,
            outlets=sorted(outlets),
        )
    )


# The statements of filing a new article, built once (only their values are bound).
_FILED = select(articles.c.story_id, articles.c.published, articles.c.outlet).where(
    articles.c.pk == bindparam("pk")
)
_SUMMARY = select(
    stories.c.article_count,
    stories.c.undated_count,
    stories.c.first_published,
    stories.c.last_published,
    stories.c.outlets,
).where(stories.c.id == bindparam("story"))
_FILE = (
    update(articles)
    .where(articles.c.pk == bindparam("article"))
    .values(story_id=bindparam("story"))
)
_SUMMARISE = update(stories).where(stories.c.id == bindparam("story"))


@dataclass(frozen=True, slots=True)
class Unfiled:
    """What filing needs of an article known to be in no story (stored in this
    transaction): its publication time and outlet, as stored."""

    published: datetime | None
    outlet: str | None


#: The summary of a story no article is filed in yet (what `new_story` writes).
_EMPTY = (0, 0, None, None, ())


def file_new(
    connection: Connection,
    pk: int,
    story_id: int,
    *,
    unfiled: Unfiled | None = None,
    empty: bool = False,
) -> bool:
    """File an article that is in no story, updating the story's summary from this
    article alone: what `refresh_story` would find, without reading every member (the
    aggregate over a story's members grew with the story, and ran in the story-locked
    write transaction of every placement). False when there is no such story.

    An article already in a story is moved with `assign` instead. A caller that knows
    the article is in none (`unfiled`: it stored it in this transaction) and that the
    story is one it started in this transaction with nothing filed in it yet (`empty`)
    spares the reads of the article and of the story: two of the five statements of a
    placement that starts a story, one of the four of one that joins.
    """
    article = unfiled if unfiled is not None else connection.execute(_FILED, {"pk": pk}).one()
    if isinstance(article, Row) and article.story_id is not None:
        assign(connection, pk, story_id)
        return True
    if empty:
        count, undated, first, last, stored_outlets = _EMPTY
    else:
        story = connection.execute(_SUMMARY, {"story": story_id}).one_or_none()
        if story is None:
            return False
        count, undated, first, last, stored_outlets = story
    connection.execute(_FILE, {"article": pk, "story": story_id})
    published = article.published
    dated = [d for d in (first, last, published) if d]
    outlets = set(stored_outlets or [])
    if article.outlet is not None:
        outlets.add(article.outlet)
    connection.execute(
        _SUMMARISE,
        {
            "story": story_id,
            "article_count": count + 1,
            "undated_count": undated + (published is None),
            "first_published": min(dated) if dated else None,
            "last_published": max(dated) if dated else None,
            "outlets": sorted(outlets),
        },
    )
    return True


def assign(connection: Connection, pk: int, story_id: int | None) -> None:
    """File an article in a story (None: in none), keeping both stories' summaries."""
    before = connection.execute(select(articles.c.story_id).where(articles.c.pk == pk)).scalar()
    connection.execute(update(articles).where(articles.c.pk == pk).values(story_id=story_id))
    for touched in {before, story_id} - {None}:
        assert touched is not None
        refresh_story(connection, touched)


def delete_story(connection: Connection, story_id: int) -> None:
    """Remove a story and its edges; its articles are left in no story."""
    connection.execute(
        update(articles).where(articles.c.story_id == story_id).values(story_id=None)
    )
    connection.execute(delete(edges).where(edges.c.story_id == story_id))
    connection.execute(delete(stories).where(stories.c.id == story_id))


def _story(row: Row[Any]) -> Story:
    return Story(
        id=row.id,
        title=row.title,
        first_published=row.first_published,
        last_published=row.last_published,
        outlets=list(row.outlets or []),
        article_count=row.article_count,
        undated_count=row.undated_count,
    )


_STORIES_BY_ID = (
    select(stories)
    .where(stories.c.id.in_(bindparam("ids", expanding=True)))
    .order_by(stories.c.last_published.desc().nulls_last(), stories.c.id.desc())
)


def story_rows(
    connection: Connection,
    *,
    ids: Iterable[int] | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int | None = None,
) -> list[Story]:
    """Stories, latest first (undated ones last); those with `ids`, or active in a range.

    A story is in the range [since, until) when it has an article published in it; an
    undated story (no member has a date) is listed only without a range.
    """
    if ids is not None and since is None and until is None and limit is None:
        # Every placement and cross-check asks for stories by id: bind them to a
        # statement built once (building it was about a millisecond each time).
        return [_story(row) for row in connection.execute(_STORIES_BY_ID, {"ids": list(ids)})]
    statement = select(stories).order_by(
        stories.c.last_published.desc().nulls_last(), stories.c.id.desc()
    )
    if ids is not None:
        statement = statement.where(stories.c.id.in_(list(ids)))
    if since is not None:
        statement = statement.where(stories.c.last_published >= since)
    if until is not None:
        statement = statement.where(stories.c.first_published < until)
    if limit is not None:
        statement = statement.limit(limit)
    return [_story(row) for row in connection.execute(statement)]


def story_member_pks(connection: Connection, story_id: int) -> list[int]:
    """Row keys of a story's articles, oldest first, undated last."""
    return list(
        connection.execute(
            select(articles.c.pk)
            .where(articles.c.story_id == story_id)
            .order_by(articles.c.published.asc().nulls_last(), articles.c.pk)
        ).scalars()
    )


def replace_edges(connection: Connection, story_id: int, found: Sequence[ProvenanceEdge]) -> None:
    """Make `found` the story's provenance edges (they are recomputed per story).

    The edge's endpoints and kind are columns (to find a story's edges from an article);
    its evidence span and text, and whether it is directed, are kept in `evidence`.
    """
    connection.execute(delete(edges).where(edges.c.story_id == story_id))
    if not found:
        return
    connection.execute(
        insert(edges),
        [
            {
                "story_id": story_id,
                "source_article": edge.source,
                "source_outlet": None,
                "target_article": edge.to,
                "target_outlet": edge.to_outlet,
                "kind": edge.kind,
                "evidence": {
                    "span": edge.evidence.model_dump(mode="json"),
                    "text": edge.evidence_text,
                    "directed": edge.directed,
                },
                "confidence": edge.score,
                "note": None,
            }
            for edge in found
        ],
    )


def load_edges(connection: Connection, story_id: int) -> list[ProvenanceEdge]:
    """A story's provenance edges, in the order they were saved."""
    rows = connection.execute(
        select(edges).where(edges.c.story_id == story_id).order_by(edges.c.pk)
    )
    return [
        ProvenanceEdge(
            source=row.source_article,
            to=row.target_article,
            to_outlet=row.target_outlet,
            kind=row.kind,
            evidence=Span(**row.evidence["span"]),
            evidence_text=row.evidence["text"],
            directed=row.evidence.get("directed", True),
            score=row.confidence,
        )
        for row in rows
    ]

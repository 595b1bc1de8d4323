"""`CorpusSession`: the corpus's operations inside one transaction, by article id.

Cross-checking places an article in a story by reading candidates and writing the
assignment in one transaction, under the story lock, so that two processes adding articles
about the same event at once never start two stories for it. `Corpus.add` hands its
`Indexer` such a session; `Corpus.transaction` gives one to any other caller:

    >>> def place(session: CorpusSession) -> int:
    ...     story = session.new_story(title="Ferry crews walk out")
    ...     session.assign("3f2a9c0d1e4b5a67", story)
    ...     return story
    >>> corpus.transaction(place)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.engine import Connection

from newsprobe.corpus.records import Candidate, Profile, ProvenanceEdge, StoredArticle, Story
from newsprobe.corpus.store import articles as article_ops
from newsprobe.corpus.store import stories as story_ops
from newsprobe.corpus.store.schema import articles
from newsprobe.corpus.store.transactions import lock
from newsprobe.document import Analysis
from newsprobe.errors import NotInCorpusError

__all__ = ["DEFAULT_CANDIDATES", "CorpusSession"]

#: Candidates `CorpusSession.candidates` returns unless told otherwise: enough for a story
#: of dozens of outlets' articles, few enough to compare each in detail.
DEFAULT_CANDIDATES = 50


class CorpusSession:
    """The corpus inside one transaction; changes are committed when it ends well.

    Args:
        connection: a connection inside a transaction (a write one for the writing methods).
    """

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self._pks: dict[str, int] = {}
        # Stored in this transaction, in no story yet (`_stored_now`), and stories started
        # in it that nothing is filed in yet (`new_story`): filing one in the other then
        # reads neither (`story_ops.file_new`).
        self._unfiled: dict[int, story_ops.Unfiled] = {}
        self._empty: set[int] = set()

    # --- articles ---------------------------------------------------------------------

    def pk(self, id_or_url: str) -> int:
        """The row key of an article, by id or by any URL it was stored under.

        Raises:
            NotInCorpusError: no stored article has that id or URL.
        """
        if id_or_url not in self._pks:
            pk = article_ops.lookup_pk(self.connection, id_or_url)
            if pk is None:
                raise NotInCorpusError(f"no article in the corpus has the id or URL {id_or_url!r}")
            self._pks[id_or_url] = pk
        return self._pks[id_or_url]

    def article(self, id_or_url: str) -> StoredArticle:
        """A stored article, by id or URL."""
        pk = self.pk(id_or_url)
        return article_ops.stored_articles(self.connection, [pk])[pk]

    def analysis(self, id_or_url: str) -> Analysis:
        """A stored article's analysis, with the article, exactly as it was stored."""
        analysis = article_ops.load_analysis(self.connection, self.pk(id_or_url))
        if analysis is None:
            raise NotInCorpusError(f"the article {id_or_url!r} has no stored analysis")
        return analysis

    def analyses(self, ids: Sequence[str]) -> list[Analysis]:
        """Stored analyses by article id, in the order asked (one query for all)."""
        pks = [self.pk(i) for i in ids]
        found = article_ops.load_analyses(self.connection, pks)
        return [found[pk] for pk in pks]

    def story_analyses(
        self, story_id: int, *, kinds: frozenset[str] | None = None
    ) -> list[Analysis]:
        """The analyses of a story's articles, oldest first, undated last; with `kinds`,
        partial ones: only findings of those kinds, no assessment (see `load_analyses`)."""
        self.story(story_id)
        pks = story_ops.story_member_pks(self.connection, story_id)
        found = article_ops.load_analyses(self.connection, pks, kinds=kinds)
        # Their keys are known now: reading their profiles next (a cross-check does)
        # needs no lookup per article id.
        self._pks.update((analysis.article.id, pk) for pk, analysis in found.items())
        return [found[pk] for pk in pks]

    def articles(self, ids: Sequence[str]) -> list[StoredArticle]:
        """Stored articles by id, in the order asked."""
        pks = [self.pk(i) for i in ids]
        found = article_ops.stored_articles(self.connection, pks)
        return [found[pk] for pk in pks]

    # --- profiles and candidates -------------------------------------------------------

    def save_profile(self, article_id: str, profile: Profile) -> None:
        """Store (or replace) an article's profile, its lookup keys and LSH bands."""
        story_ops.save_profile(self.connection, self.pk(article_id), profile)

    def _stored_now(
        self,
        article_id: str,
        pk: int,
        profile: Profile | None,
        published: datetime | None,
        *,
        outlet: str | None,
    ) -> None:
        """An article `Corpus.add` stored in this transaction (with this publication time
        and outlet): known key, in no story, fresh profile."""
        self._pks[article_id] = pk
        self._unfiled[pk] = story_ops.Unfiled(published=published, outlet=outlet)
        if profile is not None:
            story_ops.save_profile(self.connection, pk, profile, new=True, published=published)

    def profiles(self, ids: Sequence[str]) -> dict[str, Profile]:
        """The stored profiles of these articles, by id (articles without one are left out)."""
        pks = {self.pk(i): i for i in ids}
        found = story_ops.load_profiles(self.connection, list(pks))
        return {pks[pk]: profile for pk, profile in found.items()}

    def without_profile(self, version: str, *, limit: int = 1000) -> list[str]:
        """Ids of articles with no profile, or one of another version, oldest first."""
        from newsprobe.corpus.store.schema import profiles

        rows = self.connection.execute(
            select(articles.c.id)
            .outerjoin(profiles, profiles.c.article_pk == articles.c.pk)
            .where((profiles.c.version.is_(None)) | (profiles.c.version != version))
            .order_by(articles.c.pk)
            .limit(limit)
        )
        return list(rows.scalars())

    def without_story(self, *, limit: int = 1000) -> list[str]:
        """Ids of articles not filed in any story, oldest first (by publication, undated last)."""
        rows = self.connection.execute(
            select(articles.c.id)
            .where(articles.c.story_id.is_(None))
            .order_by(articles.c.published.asc().nulls_last(), articles.c.pk)
            .limit(limit)
        )
        return list(rows.scalars())

    def candidates(
        self,
        *,
        keys: Sequence[str] = (),
        bands: Sequence[str] = (),
        published: datetime | None = None,
        window: timedelta | None = None,
        include_undated: bool = True,
        whole_window: bool = False,
        exclude: str | None = None,
        limit: int = DEFAULT_CANDIDATES,
    ) -> list[Candidate]:
        """Stored articles sharing lookup keys or LSH bands, most shared bands first.

        Args:
            keys: lookup keys of the article being placed (see `Profile.keys`).
            bands: its LSH band hashes (see `Profile.bands`).
            published: its publication time; with `window`, only articles published
                within `window` of it are candidates.
            window: half-width of the time window; None: no time limit.
            include_undated: also return articles without a publication date.
            whole_window: every article published within the window is a candidate,
                sharing keys or bands or not (those sharing most come first); needs
                `published` and `window`.
            exclude: an article id to leave out (the one being placed, once stored).
            limit: most candidates returned.
        """
        return story_ops.candidates(
            self.connection,
            keys=keys,
            bands=bands,
            published=published,
            window=window,
            include_undated=include_undated,
            whole_window=whole_window,
            exclude_pk=self.pk(exclude) if exclude is not None else None,
            limit=limit,
        )

    # --- stories ----------------------------------------------------------------------

    def lock_stories(self) -> None:
        """Hold the story lock until the transaction ends: one placement at a time."""
        lock(self.connection, "stories")

    def new_story(self, *, title: str) -> int:
        """Start an empty story; its id. File articles in it with `assign`."""
        story = story_ops.new_story(self.connection, title=title)
        self._empty.add(story)
        return story

    def assign(self, article_id: str, story_id: int | None) -> None:
        """File an article in a story (None: take it out of its story).

        The story's dates, outlets and counts follow; a story left empty is deleted.
        """
        pk = self.pk(article_id)
        empty = story_id in self._empty
        if story_id is not None:
            self._empty.discard(story_id)
        if story_id is not None and pk in self._unfiled:
            # Just stored (`_stored_now`): filed with an update of the story's summary.
            unfiled = self._unfiled.pop(pk)
            if not story_ops.file_new(self.connection, pk, story_id, unfiled=unfiled, empty=empty):
                raise NotInCorpusError(f"there is no story {story_id} in the corpus")
            return
        if story_id is not None:
            self.story(story_id)
        before = self.connection.execute(
            select(articles.c.story_id).where(articles.c.pk == pk)
        ).scalar()
        story_ops.assign(self.connection, pk, story_id)
        if before is not None and before != story_id and not self.story(before).article_count:
            story_ops.delete_story(self.connection, before)

    def merge_stories(self, keep: int, drop: int) -> None:
        """Move every article of story `drop` into `keep`, then delete `drop`."""
        self.story(keep)
        self._empty -= {keep, drop}
        for pk in story_ops.story_member_pks(self.connection, drop):
            self.connection.execute(
                articles.update().where(articles.c.pk == pk).values(story_id=keep)
            )
        story_ops.delete_story(self.connection, drop)
        story_ops.refresh_story(self.connection, keep)

    def story(self, story_id: int) -> Story:
        """One story's summary.

        Raises:
            NotInCorpusError: there is no story with that id.
        """
        found = story_ops.story_rows(self.connection, ids=[story_id])
        if not found:
            raise NotInCorpusError(f"there is no story {story_id} in the corpus")
        return found[0]

    def stories_by_id(self, ids: Iterable[int]) -> list[Story]:
        """The summaries of these stories (unknown ids are left out), in one query."""
        wanted = sorted(set(ids))
        return story_ops.story_rows(self.connection, ids=wanted) if wanted else []

    def story_members(self, story_id: int) -> list[StoredArticle]:
        """A story's articles, oldest first, undated last."""
        self.story(story_id)
        pks = story_ops.story_member_pks(self.connection, story_id)
        found = article_ops.stored_articles(self.connection, pks)
        return [found[pk] for pk in pks]

    def stories(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int | None = None,
    ) -> list[Story]:
        """Stories with an article published in [since, until), latest first."""
        return story_ops.story_rows(self.connection, since=since, until=until, limit=limit)

    # --- provenance -------------------------------------------------------------------

    def save_edges(self, story_id: int, edges: Sequence[ProvenanceEdge]) -> None:
        """Make `edges` the story's provenance edges (replacing the ones saved before)."""
        self.story(story_id)
        story_ops.replace_edges(self.connection, story_id, edges)

    def edges(self, story_id: int) -> list[ProvenanceEdge]:
        """The story's provenance edges."""
        self.story(story_id)
        return story_ops.load_edges(self.connection, story_id)

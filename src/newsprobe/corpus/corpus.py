"""`Corpus`: the memory across articles, in an SQLite file or a PostgreSQL database.

    >>> with Corpus("newsprobe.db") as corpus:              # or "postgresql://..."
    ...     summary = corpus.add(newsprobe.read("dump.jsonl"))
    ...     print(summary.line())                           # added 12, duplicates 3, failed 0
    ...     for hit in corpus.search("ferry strike", outlet="Coastline Wire").hits:
    ...         print(hit.article.headline, hit.snippet)

Opening a corpus creates it if needed and upgrades an older schema (`store.migrate`).
`add` analyzes each new article once and stores it with its analysis, a few articles per
transaction (`COMMIT_ARTICLES`, `COMMIT_SECONDS`): a run that is killed keeps every
transaction it had committed, and the same run again skips those articles before
analysing anything (`add_iter`). Cross-checking plugs in through an
`Indexer` (`indexing.py`) and reads and writes stories through `CorpusSession`.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import chain
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Literal, TypeVar

from sqlalchemy import func, select
from sqlalchemy.engine import URL, Connection

from newsprobe.corpus.indexing import profile_all
from newsprobe.corpus.records import (
    AddSummary,
    Candidate,
    Duplicate,
    Profile,
    ProvenanceEdge,
    SearchResult,
    StoredArticle,
    Story,
)
from newsprobe.corpus.session import DEFAULT_CANDIDATES, CorpusSession
from newsprobe.corpus.store import articles as article_ops
from newsprobe.corpus.store import bulk, transactions
from newsprobe.corpus.store import search as search_ops
from newsprobe.corpus.store.bulk import BulkArticle
from newsprobe.corpus.store.engine import create_engine_for, database_url, describe
from newsprobe.corpus.store.migrate import ensure_schema
from newsprobe.corpus.store.schema import articles
from newsprobe.document import Analysis, Article
from newsprobe.errors import IngestError

if TYPE_CHECKING:
    from newsprobe.analyzers.pipeline import Pipeline
    from newsprobe.corpus.indexing import Indexer

__all__ = ["COMMIT_ARTICLES", "COMMIT_SECONDS", "AddOutcome", "Corpus", "SummaryBuilder"]

T = TypeVar("T")

#: Articles `add` stores per write transaction by default. A transaction per article cost
#: 9.4 ms of CPU per stored article (profiles precomputed; the composed corpus's 112
#: analyses, 6 interleaved rounds, load average 3.9), 8.4 at 4, 7.5 at 8, 7.3 at 16, 7.6
#: at 32; wall 13.8, 11.1, 9.8, 9.7, 9.9 ms. The batch's leads are also encoded in one
#: call: 9.9 ms per lead one at a time, 8.1 by 4, 7.5 by 8, 7.4 by 16, 7.8 by 32 (8
#: rounds). Eight takes nearly all of both savings while a kill loses at most eight
#: analysed articles (the analysis batch, `nlp.parse.BATCH_SIZE`, is 32 already).
COMMIT_ARTICLES = 8
#: Longest a write transaction of `add` goes on taking articles, in seconds, however few it
#: holds: it bounds how long another writer waits for the lock and how long Ctrl-C waits
#: for the transaction in hand. Eight composed articles take about 0.1 s, so this binds
#: only for long articles (an article is never split: one slow one is a transaction alone).
COMMIT_SECONDS = 0.5


@dataclass(frozen=True, slots=True)
class AddOutcome:
    """What became of one input of `Corpus.add_iter`.

    Attributes:
        status: "added", "duplicate" (see `duplicate`) or "failed" (see `failure`).
        article: the article as it was read (None for an input that failed).
        article_id: the id it is stored under (for a duplicate: the stored article's).
        analyzer_errors: analyzers that failed on it (their errors are stored with it).
    """

    status: Literal["added", "duplicate", "failed"]
    article: Article | None = None
    article_id: str | None = None
    duplicate: Duplicate | None = None
    failure: str | None = None
    analyzer_errors: int = 0


@dataclass
class SummaryBuilder:
    """Tallies `AddOutcome`s into an `AddSummary`, also part-way through a run."""

    added: int = 0
    duplicates: list[Duplicate] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    analyzer_errors: int = 0
    undated: int = 0
    without_outlet: int = 0
    languages: Counter[str] = field(default_factory=Counter)

    def count(self, outcome: AddOutcome) -> None:
        if outcome.status == "failed":
            self.failed.append(outcome.failure or "unknown failure")
        elif outcome.status == "duplicate" and outcome.duplicate is not None:
            self.duplicates.append(outcome.duplicate)
        elif outcome.status == "added" and outcome.article is not None:
            self.added += 1
            self.analyzer_errors += outcome.analyzer_errors > 0
            self.undated += outcome.article.published is None
            self.without_outlet += outcome.article.outlet is None
            self.languages[outcome.article.language or "unknown"] += 1

    def summary(self) -> AddSummary:
        return AddSummary(
            added=self.added,
            duplicates=list(self.duplicates),
            failed=list(self.failed),
            analyzer_errors=self.analyzer_errors,
            undated=self.undated,
            without_outlet=self.without_outlet,
            languages=dict(self.languages),
        )


class Corpus:
    """A corpus of analysed articles, with search, stories and provenance.

    Args:
        db: an SQLite file path (made if absent; default ``./newsprobe.db``), an
            ``sqlite:///`` URL, or a ``postgresql://user:password@host/database`` URL.

    Raises:
        CorpusError: the database cannot be opened, belongs to another program, or has a
            newer schema than this newsprobe knows; the message says which and why.
    """

    def __init__(self, db: str | Path | None = None) -> None:
        self.url: URL = database_url(db)
        self._engine = create_engine_for(self.url)
        try:
            ensure_schema(self._engine)
        except BaseException:
            self._engine.dispose()
            raise

    def __repr__(self) -> str:
        return f"Corpus({describe(self.url)!r})"

    @property
    def location(self) -> str:
        """The database as a user may see it: a path, or the URL without its password."""
        return describe(self.url)

    def close(self) -> None:
        """Release the database connections (committed data is already safe)."""
        self._engine.dispose()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # --- transactions -----------------------------------------------------------------

    def transaction(self, work: Callable[[CorpusSession], T]) -> T:
        """Run `work` in one write transaction; it may run again if it collides.

        `work` must act on the corpus only through the session it is given.
        """
        return transactions.write(self._engine, lambda c: work(CorpusSession(c)))

    def reading(self, work: Callable[[CorpusSession], T]) -> T:
        """Run `work` in one read transaction (a consistent view of the corpus); it may run
        again if the database is briefly busy."""
        return transactions.read(self._engine, lambda c: work(CorpusSession(c)))

    # --- adding -----------------------------------------------------------------------

    def add(
        self,
        items: Iterable[Article | Analysis | IngestError],
        *,
        pipeline: Pipeline | None = None,
        indexer: Indexer | None = None,
        commit_every: int = COMMIT_ARTICLES,
        commit_seconds: float | None = COMMIT_SECONDS,
    ) -> AddSummary:
        """Analyse and store every new article; see `add_iter`. Returns the tally."""
        builder = SummaryBuilder()
        for outcome in self.add_iter(
            items,
            pipeline=pipeline,
            indexer=indexer,
            commit_every=commit_every,
            commit_seconds=commit_seconds,
        ):
            builder.count(outcome)
        return builder.summary()

    def add_iter(
        self,
        items: Iterable[Article | Analysis | IngestError],
        *,
        pipeline: Pipeline | None = None,
        indexer: Indexer | None = None,
        commit_every: int = COMMIT_ARTICLES,
        commit_seconds: float | None = COMMIT_SECONDS,
        stop: Callable[[], bool] | None = None,
    ) -> Iterator[AddOutcome]:
        """Store each input once, yielding what became of it as soon as it is committed.

        An `Article` already stored (same canonical URL, or the same outlet's same text) is
        a duplicate and is not analysed again; a new one is analysed (by `pipeline`,
        default every analyzer with failures recorded, not raised) and stored with its
        analysis. An `Analysis` is stored as it is. An `IngestError` (as `newsprobe.read`
        yields for a bad record) counts as failed.

        Args:
            items: articles, analyses, or ingest errors, in any mix.
            pipeline: the analyzers to run on articles.
            indexer: cross-checking's profile and story placement, run per stored article.
            commit_every: most articles stored per transaction (`COMMIT_ARTICLES`, what
                `corpus add` does). A killed process loses the analyses of the
                transaction in flight, never a committed one; one per transaction costs
                about 4 ms more per article; bulk loads of ready analyses take hundreds.
            commit_seconds: a transaction that has run this long takes no further
                article (`COMMIT_SECONDS`); None: no time limit.
            stop: asked before each input is read and after each analysis; once it
                answers True, the analyses handed over so far are committed, their
                outcomes yielded, and the iteration ends (`corpus add`'s
                Ctrl-C: the tally then covers every committed article).

        Within a transaction each article is stored and placed before the next, so the
        stories, duplicates and outcomes are those of one transaction per article.
        """
        if commit_every < 1:
            raise ValueError(f"commit_every must be at least 1, not {commit_every}")
        if commit_seconds is not None and commit_seconds <= 0:
            raise ValueError(f"commit_seconds must be positive, not {commit_seconds}")
        batch = _Batch(self, indexer, commit_every, commit_seconds)
        to_analyse = self._new_articles(items, batch, stop)
        first = next(to_analyse, None)
        yield from batch.done()
        if first is not None:
            if pipeline is None:
                from newsprobe.analyzers.pipeline import Pipeline

                pipeline = Pipeline(on_error="record")
            for analysis in pipeline.analyze_many(chain([first], to_analyse)):
                batch.append(analysis)
                if stop is not None and stop():
                    break
                yield from batch.done()
        batch.flush()
        yield from batch.done()

    def _new_articles(
        self,
        items: Iterable[Article | Analysis | IngestError],
        batch: _Batch,
        stop: Callable[[], bool] | None = None,
    ) -> Iterator[Article]:
        """The articles that need analysing; everything else is decided on the way.
        Reading stops when `stop` says so (a long run of duplicates included)."""
        for item in items:
            if stop is not None and stop():
                return
            if isinstance(item, IngestError):
                batch.outcomes.append(AddOutcome(status="failed", failure=str(item)))
            elif isinstance(item, Analysis):
                batch.append(item)
            elif isinstance(item, Article):
                duplicate = self._known(item)
                if duplicate is None:
                    yield item
                else:
                    batch.outcomes.append(
                        AddOutcome(
                            status="duplicate",
                            article=item,
                            article_id=duplicate.duplicate_of,
                            duplicate=duplicate,
                        )
                    )
            else:
                raise TypeError(f"Corpus.add takes articles and analyses, not {item!r}")

    def _known(self, article: Article) -> Duplicate | None:
        """The stored article this one duplicates (recording a new address of it), if any."""
        found = transactions.read(self._engine, lambda c: article_ops.find_duplicate(c, article))
        if found is not None and found.reason == "same_text":
            transactions.write(self._engine, lambda c: article_ops.record_alias(c, article, found))
        return found

    def _store(
        self,
        pending: Sequence[tuple[Analysis, Profile | None]],
        indexer: Indexer | None,
        seconds: float | None,
    ) -> list[AddOutcome]:
        """Store analyses in one write transaction, placing each before the next, until
        all are stored or the transaction has run `seconds`; what became of those stored
        (a prefix of `pending`, never empty)."""

        def work(connection: Connection) -> list[article_ops.Inserted | Duplicate]:
            began = time.monotonic()
            results: list[article_ops.Inserted | Duplicate] = []
            session = CorpusSession(connection)
            for analysis, profile in pending:
                if results and seconds is not None and time.monotonic() - began >= seconds:
                    break
                result = article_ops.insert_analysis(connection, analysis)
                results.append(result)
                if isinstance(result, article_ops.Inserted) and indexer is not None:
                    assert profile is not None
                    published = analysis.article.published
                    session._stored_now(
                        result.article_id,
                        result.pk,
                        profile,
                        published,
                        outlet=analysis.article.outlet,
                    )
                    session.lock_stories()
                    indexer.place(session, result.article_id, profile, analysis)
            return results

        results = transactions.write(self._engine, work)
        outcomes = []
        for (analysis, _), result in zip(pending[: len(results)], results, strict=True):
            if isinstance(result, Duplicate):
                outcomes.append(
                    AddOutcome(
                        status="duplicate",
                        article=analysis.article,
                        article_id=result.duplicate_of,
                        duplicate=result,
                    )
                )
            else:
                outcomes.append(
                    AddOutcome(
                        status="added",
                        article=analysis.article,
                        article_id=result.article_id,
                        analyzer_errors=len(analysis.errors),
                    )
                )
        return outcomes

    def bulk_load(self, batch: Sequence[BulkArticle]) -> list[int]:
        """Load ready analyses with their profiles and stories in one transaction, one
        multi-row statement per table; their row keys. No duplicate checks: for articles
        known to be new (see `store.bulk`)."""
        return transactions.write(self._engine, lambda c: bulk.load(c, batch))

    # --- reading ----------------------------------------------------------------------

    def count(self) -> int:
        """How many articles the corpus holds."""
        return self.reading(
            lambda s: int(
                s.connection.execute(select(func.count()).select_from(articles)).scalar_one()
            )
        )

    def article(self, id_or_url: str) -> StoredArticle:
        """A stored article by id or by any URL it was added under.

        Raises:
            NotInCorpusError: no stored article has that id or URL.
        """
        return self.reading(lambda s: s.article(id_or_url))

    def analysis(self, id_or_url: str) -> Analysis:
        """A stored article's analysis (with the article) by id or URL.

        Raises:
            NotInCorpusError: no stored article has that id or URL.
        """
        return self.reading(lambda s: s.analysis(id_or_url))

    def search(
        self,
        query: str,
        *,
        outlet: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        entity: str | None = None,
        limit: int = 20,
    ) -> SearchResult:
        """Full-text search, best matches first.

        Args:
            query: words (all must occur), "a phrase", OR between alternatives, -word.
            outlet: only this outlet's articles (case and accents ignored).
            since: only articles published at or after this time (aware datetime).
            until: only articles published before this time.
            entity: only articles that name this person, organization or place.
            limit: most hits returned.

        Raises:
            ConfigError: the query has no word to look for.
        """
        return self.reading(
            lambda s: search_ops.search(
                s.connection,
                query,
                outlet=outlet,
                since=since,
                until=until,
                entity=entity,
                limit=limit,
            )
        )

    # --- cross-checking (each call is one transaction; see `transaction` to combine) ----

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
        """See `CorpusSession.candidates`."""
        return self.reading(
            lambda s: s.candidates(
                keys=keys,
                bands=bands,
                published=published,
                window=window,
                include_undated=include_undated,
                whole_window=whole_window,
                exclude=exclude,
                limit=limit,
            )
        )

    def save_profile(self, article_id: str, profile: Profile) -> None:
        """See `CorpusSession.save_profile`."""
        self.transaction(lambda s: s.save_profile(article_id, profile))

    def profiles(self, ids: Sequence[str]) -> dict[str, Profile]:
        """See `CorpusSession.profiles`."""
        return self.reading(lambda s: s.profiles(ids))

    def new_story(self, *, title: str) -> int:
        """See `CorpusSession.new_story`."""
        return self.transaction(lambda s: s.new_story(title=title))

    def assign(self, article_id: str, story_id: int | None) -> None:
        """See `CorpusSession.assign`."""
        self.transaction(lambda s: s.assign(article_id, story_id))

    def story(self, story_id: int) -> Story:
        """See `CorpusSession.story`."""
        return self.reading(lambda s: s.story(story_id))

    def story_members(self, story_id: int) -> list[StoredArticle]:
        """See `CorpusSession.story_members`."""
        return self.reading(lambda s: s.story_members(story_id))

    def story_analyses(self, story_id: int) -> list[Analysis]:
        """See `CorpusSession.story_analyses`."""
        return self.reading(lambda s: s.story_analyses(story_id))

    def stories(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int | None = None,
    ) -> list[Story]:
        """See `CorpusSession.stories`."""
        return self.reading(lambda s: s.stories(since=since, until=until, limit=limit))

    def save_edges(self, story_id: int, edges: Sequence[ProvenanceEdge]) -> None:
        """See `CorpusSession.save_edges`."""
        self.transaction(lambda s: s.save_edges(story_id, edges))

    def edges(self, story_id: int) -> list[ProvenanceEdge]:
        """See `CorpusSession.edges`."""
        return self.reading(lambda s: s.edges(story_id))


class _Batch:
    """Analyses waiting for their transaction, and outcomes waiting to be yielded."""

    def __init__(
        self, corpus: Corpus, indexer: Indexer | None, size: int, seconds: float | None
    ) -> None:
        self.corpus = corpus
        self.indexer = indexer
        self.size = size
        self.seconds = seconds
        self.pending: list[Analysis] = []
        self.outcomes: list[AddOutcome] = []

    def append(self, analysis: Analysis) -> None:
        self.pending.append(analysis)
        if len(self.pending) >= self.size:
            self.flush()

    def flush(self) -> None:
        """Profile the pending analyses together (outside any transaction), then store
        them in as many transactions as `seconds` allows."""
        if not self.pending:
            return
        analyses, self.pending = self.pending, []
        profiles: Sequence[Profile | None] = (
            profile_all(self.indexer, analyses)
            if self.indexer is not None
            else [None] * len(analyses)
        )
        waiting = list(zip(analyses, profiles, strict=True))
        while waiting:
            stored = self.corpus._store(waiting, self.indexer, self.seconds)
            self.outcomes += stored
            waiting = waiting[len(stored) :]

    def done(self) -> Iterator[AddOutcome]:
        """The outcomes committed so far (each once)."""
        while self.outcomes:
            yield self.outcomes.pop(0)

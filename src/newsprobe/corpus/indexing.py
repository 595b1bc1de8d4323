"""The hook through which cross-checking files each new article as `Corpus.add` stores it.

An `Indexer` does two things per stored article:

1. `profile(analysis)`: derive what cross-checking needs later (entity keys, MinHash LSH
   bands, whatever else it compares), as a `Profile`. Pure and CPU-only: it runs outside
   any transaction, so it never holds a database lock.
2. `place(session, article_id, profile, analysis)`: inside the write transaction that
   stores the article (with up to `COMMIT_ARTICLES - 1` others, each placed before the
   next is stored, so it sees them), after the article, its analysis and its profile are
   stored and with the story lock held, file the article in a story (`session.candidates`,
   `session.new_story`, `session.assign`). If the transaction collides with another writer
   it runs again from the start, so `place` must only act through `session`.

`Corpus.add(..., indexer=...)` takes one; without one, articles are stored unfiled and
can be profiled and placed later (`CorpusSession.without_profile`, `without_story`,
`story_indexer.place_unfiled`). An indexer may also offer `profile_many(analyses)`, the
profiles of a commit batch at once (`profile_all` uses it when present), which is how
`StoryIndexer` encodes lead vectors in batches. Cross-checking's own is
`story_indexer.StoryIndexer`, which `newsprobe corpus add` and `newsprobe batch --corpus` use.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from newsprobe.corpus.records import Profile
    from newsprobe.corpus.session import CorpusSession
    from newsprobe.document import Analysis

__all__ = ["Indexer", "profile_all"]


class Indexer(Protocol):
    """Derives an article's profile and files it in a story (see the module docstring)."""

    def profile(self, analysis: Analysis) -> Profile:
        """What cross-checking keeps of this article; no database access."""
        ...

    def place(
        self, session: CorpusSession, article_id: str, profile: Profile, analysis: Analysis
    ) -> None:
        """File the stored article `article_id` in a story, through `session` only."""
        ...


def profile_all(indexer: Indexer, analyses: Sequence[Analysis]) -> list[Profile]:
    """The profiles of `analyses`, in one `profile_many` call when the indexer has one."""
    many = getattr(indexer, "profile_many", None)
    if many is not None:
        profiles: list[Profile] = many(analyses)
        return profiles
    return [indexer.profile(a) for a in analyses]

"""`StoryIndexer`: files each article in its story as `Corpus.add` stores it.

The concrete `Indexer` (`indexing.py`) that `newsprobe corpus add` and `newsprobe batch
--corpus` use. `profile` builds the article's `ArticleProfile` (`profile.py`: name keys,
event day, MinHash bands, lead vector) outside any transaction; `place`, inside the
write transaction that stores the article (and the few stored with it, placed in turn)
with the story lock held, asks the store for candidates (the
articles of `stories.time_window`, sharing name keys or LSH bands first) and lets
`stories.assign_story` decide: join the best candidate's story, or start a new one titled
with this article's headline. Placement is incremental: stories are never regrouped later.

    >>> with Corpus("newsprobe.db") as corpus:  # doctest: +SKIP
    ...     corpus.add(newsprobe.read("dump.jsonl"), indexer=StoryIndexer())

Provenance edges are not saved here: they are computed when read (`corpus provenance`,
`corpus crosscheck`), from the story's stored analyses. Saving them per story on every
addition would load and shingle every member's text inside the story-locked write
transaction (the cost grows with the story, and it holds up every other writer), while a
reader needs them for one story at a time and computes them in milliseconds; cross-checking
recomputes them anyway, to know which articles are copies (wire copies count once).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from newsprobe.corpus.profile import (
    PROFILE_VERSION,
    ArticleProfile,
    build_profile,
    build_profiles,
)
from newsprobe.corpus.records import Candidate as StoredCandidate
from newsprobe.corpus.records import Profile
from newsprobe.corpus.session import DEFAULT_CANDIDATES
from newsprobe.corpus.stories import (
    JOIN_SCORE,
    Assignment,
    Candidate,
    StorySettings,
    assign_story,
    story_range_veto,
    story_title,
    time_window,
)
from newsprobe.document import Analysis

if TYPE_CHECKING:
    from newsprobe.corpus.session import CorpusSession

__all__ = [
    "STORY_PROFILE_VERSION",
    "StoryIndexer",
    "from_stored",
    "place_unfiled",
    "search_window",
    "story_candidates",
    "to_stored",
]

#: The stored `Profile.version` of story profiles; profiles of another version (another
#: indexer's, or an older format) are not compared, and `without_profile` finds them.
STORY_PROFILE_VERSION = f"story-{PROFILE_VERSION}"


def to_stored(profile: ArticleProfile) -> Profile:
    """The store's form of a profile: the blob, its lookup keys and LSH bands."""
    return Profile(
        version=STORY_PROFILE_VERSION,
        data=profile.model_dump(mode="json"),
        keys=list(profile.keys),
        bands=list(profile.bands),
    )


def from_stored(profile: Profile) -> ArticleProfile | None:
    """The `ArticleProfile` in a stored profile; None for one of another version."""
    if profile.version != STORY_PROFILE_VERSION:
        return None
    return ArticleProfile.model_validate(profile.data)


def search_window(
    profile: ArticleProfile, settings: StorySettings
) -> tuple[datetime | None, timedelta | None]:
    """`time_window` as the store asks for it: a centre and a half-width (or no bound)."""
    start, end = time_window(profile, settings)
    if start is None or end is None:
        return None, None
    half = (end - start) / 2
    return start + half, half


def story_candidates(
    found: Sequence[StoredCandidate], *, exclude: str | None = None
) -> list[Candidate]:
    """The stored candidates that are filed in a story and have a story profile."""
    chosen = []
    for candidate in found:
        if candidate.story_id is None or candidate.profile is None:
            continue  # stored without an indexer: `place_unfiled` files it first
        profile = from_stored(candidate.profile)
        if profile is not None and candidate.article_id != exclude:
            chosen.append(Candidate(profile=profile, story=str(candidate.story_id)))
    return chosen


def _latest_first(ranges: dict[int, tuple[datetime | None, datetime | None]]) -> list[int]:
    """Story ids by their last publication time, latest first, undated last; then by id,
    highest first (the order of `session.stories_by_id`)."""
    by_id = sorted(ranges, reverse=True)
    last = {story: end for story, (_, end) in ranges.items() if end is not None}
    # A stable sort: stories of the same last time keep the highest id first.
    dated = sorted((s for s in by_id if s in last), key=last.__getitem__, reverse=True)
    return dated + [s for s in by_id if s not in last]


class StoryIndexer:
    """Profiles each stored article and files it in its story (see the module docstring).

    Args:
        settings: how far in time candidates are looked for.
        join_score: the score from which an article joins a story (`stories.JOIN_SCORE`).
        max_candidates: candidates the store hands over per article, those sharing most
            LSH bands and name keys first (`session.DEFAULT_CANDIDATES`).
    """

    def __init__(
        self,
        *,
        settings: StorySettings | None = None,
        join_score: float = JOIN_SCORE,
        max_candidates: int = DEFAULT_CANDIDATES,
    ) -> None:
        self.settings = settings or StorySettings()
        self.join_score = join_score
        self.max_candidates = max_candidates

    def profile(self, analysis: Analysis) -> Profile:
        """The article's story profile (CPU only: names, days, MinHash, lead vector)."""
        return to_stored(build_profile(analysis))

    def profile_many(self, analyses: Sequence[Analysis]) -> list[Profile]:
        """`profile` of each, their lead vectors encoded in one call (`Corpus.add` calls it
        per commit batch). The encoder streams its weights once per micro-batch of about
        four leads, so a batch costs about 15 % less per article than one at a time
        (measured: 42 against 50 ms per lead, 64 leads on this 2-core machine)."""
        if len(analyses) == 1:  # the same vector `profile` computes, to the last bit
            return [self.profile(analyses[0])]
        return [to_stored(p) for p in build_profiles(analyses)]

    def decide(
        self, session: CorpusSession, profile: ArticleProfile, *, exclude: str | None = None
    ) -> Assignment:
        """Which stored story `profile` belongs to (read only; `Assignment.story` is the
        story id as a string, None for a new story)."""
        centre, half = search_window(profile, self.settings)
        found = session.candidates(
            keys=profile.keys,
            bands=profile.bands,
            published=centre,
            window=half,
            include_undated=True,
            whole_window=centre is not None,
            exclude=exclude,
            limit=self.max_candidates,
        )
        candidates = story_candidates(found, exclude=exclude)
        # The candidates' stories' dated ranges came with them (no query of their own),
        # listed latest first as `session.stories_by_id` lists stories (the order of the
        # vetoes that `--explain` shows).
        wanted = {c.story for c in candidates}
        dated = {
            c.story_id: (c.story_first_published, c.story_last_published)
            for c in found
            if c.story_id is not None and str(c.story_id) in wanted
        }
        ranges = {str(story): dated[story] for story in _latest_first(dated)}
        vetoed = {
            story: reason
            for story, (first, last) in ranges.items()
            if (reason := story_range_veto(profile, first, last)) is not None
        }
        kept = [c for c in candidates if c.story not in vetoed]
        decision = assign_story(profile, kept, join_score=self.join_score)
        return replace(decision, rejected={**vetoed, **decision.rejected})

    def place(
        self, session: CorpusSession, article_id: str, profile: Profile, analysis: Analysis
    ) -> None:
        """File the stored article in the story `decide` names, or in a new one."""
        mine = from_stored(profile)
        if mine is None:  # pragma: no cover - `profile` above made it
            raise ValueError(f"not a story profile: version {profile.version!r}")
        decision = self.decide(session, mine, exclude=article_id)
        if decision.story is None:
            story = session.new_story(title=story_title(analysis.article))
        else:
            story = int(decision.story)
        session.assign(article_id, story)


def place_unfiled(session: CorpusSession, indexer: StoryIndexer, *, limit: int = 1000) -> int:
    """File stored articles that are in no story (stored without an indexer), oldest first.

    Returns how many were filed; run it again until it returns 0 for a large backlog.
    """
    filed = 0
    session.lock_stories()
    for article_id in session.without_story(limit=limit):
        stored = session.profiles([article_id]).get(article_id)
        analysis = session.analysis(article_id)
        if stored is None or from_stored(stored) is None:
            stored = indexer.profile(analysis)
            session.save_profile(article_id, stored)
        indexer.place(session, article_id, stored, analysis)
        filed += 1
    return filed

"""Cross-checking against the store: a story with its articles, a cross-check, provenance.

What `newsprobe corpus story`, `crosscheck` and `provenance` run. Each reads what it needs
in one read transaction (a consistent view while other processes add articles) and
compares outside it, with the pure functions of `crosscheck.py`:

    >>> with Corpus("newsprobe.db") as corpus:  # doctest: +SKIP
    ...     check = crosscheck_stored(corpus, "https://harbour-times.example/ferry")
    ...     graph = story_graph(corpus, check.story.id)

A new article (`crosscheck_new`) is placed in its story exactly as `corpus add` would
place it (`StoryIndexer.decide`), but read only: nothing is written unless the caller adds
it first. Provenance is computed here from the story's analyses, never read from saved
edges (see `story_indexer.py` for why).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

from newsprobe.corpus.corpus import Corpus
from newsprobe.corpus.crosscheck import MEMBER_KINDS, crosscheck, story_provenance
from newsprobe.corpus.names import name_keys
from newsprobe.corpus.other_events import wanted_names
from newsprobe.corpus.profile import build_profile
from newsprobe.corpus.records import Duplicate, StoredArticle
from newsprobe.corpus.session import CorpusSession
from newsprobe.corpus.store import articles as article_ops
from newsprobe.corpus.story_indexer import STORY_PROFILE_VERSION, StoryIndexer
from newsprobe.corpus.view import ArticleView
from newsprobe.coverage import ArticleRef, CrossCheck, ProvenanceGraph, Story
from newsprobe.document import Analysis

__all__ = [
    "article_ref",
    "crosscheck_new",
    "crosscheck_stored",
    "find_stored",
    "story_graph",
    "story_with_articles",
]

#: A story as cross-checking reads it: the story, its members' analyses, their event days,
#: and the stored stories of events its articles recall, by id.
_StoryData = tuple[Story | None, list[Analysis], dict[str, date | None], dict[int, list[Analysis]]]

#: Most stored stories read as candidates for the events a story recalls. Two recalled
#: events in one story are rare, and each candidate story costs a read of its members;
#: `other_events.match_stories` then keeps the one (if any) about each event.
_RECALLED_CANDIDATES = 3

_UNFILED = (
    "the article is stored but filed in no story (it was added without cross-checking): "
    "there is nothing to compare; add it again with `newsprobe corpus add` to file it"
)


def article_ref(stored: StoredArticle) -> ArticleRef:
    """How a story listing shows a stored article."""
    return ArticleRef(
        id=stored.id,
        url=stored.url,
        outlet=stored.outlet,
        published=stored.published,
        language=stored.language,
        headline=stored.headline,
    )


def _story(
    session: CorpusSession, story_id: int, analyses: Sequence[Analysis] | None = None
) -> Story:
    """The story with its articles; from `analyses` (the story's, in its order) when they
    are at hand, which spares reading its members a second time (a sixth of the read of
    a cross-check against a 10-article story: `benchmarks/corpus.py`, `--indexer story`)."""
    if analyses is not None:
        refs = [ArticleView(a).ref() for a in analyses]
    else:
        refs = [article_ref(m) for m in session.story_members(story_id)]
    return session.story(story_id).model_copy(update={"articles": refs})


def story_with_articles(corpus: Corpus, story_id: int) -> Story:
    """One story with its articles (id, url, outlet, published, language), oldest first.

    Raises:
        NotInCorpusError: there is no story with that id.
    """
    return corpus.reading(lambda s: _story(s, story_id))


def _event_days(session: CorpusSession, ids: Sequence[str]) -> dict[str, date | None]:
    """The event day in each article's stored story profile: all a cross-check reads of
    them, taken from the blob without validating the rest (vector, MinHash, names), which
    cost more than a millisecond per member."""
    found: dict[str, date | None] = {}
    for article_id, stored in session.profiles(ids).items():
        if stored.version == STORY_PROFILE_VERSION:
            day = stored.data.get("event_day") if isinstance(stored.data, dict) else None
            found[article_id] = date.fromisoformat(day) if isinstance(day, str) else None
    return found


def _recalled(
    session: CorpusSession,
    story_id: int | None,
    analyses: Sequence[Analysis],
    days: dict[str, date | None],
) -> dict[int, list[Analysis]]:
    """Stored stories that may be the events the story's articles recall ("two days after
    a ramming near Dovrin"): those sharing most name keys with the places tied to them
    (`other_events.wanted_names`). `days` gains their members' event days."""
    names = wanted_names([ArticleView(a) for a in analyses], days)
    keys = sorted({key for name in names for key in name_keys(name)})
    if not keys:
        return {}
    shared: Counter[int] = Counter()
    for candidate in session.candidates(keys=keys):
        if candidate.story_id is not None and candidate.story_id != story_id:
            shared[candidate.story_id] += candidate.shared_keys
    found: dict[int, list[Analysis]] = {}
    for other, _ in shared.most_common(_RECALLED_CANDIDATES):
        found[other] = session.story_analyses(other, kinds=MEMBER_KINDS)
        days.update(_event_days(session, [m.article.id for m in found[other]]))
    return found


def _with_story(
    session: CorpusSession, story_id: int | None, target: Analysis | None = None
) -> _StoryData:
    """The story's data; `target`, when it is not stored, counts among its articles for
    the events they recall."""
    if story_id is None:
        members: list[Analysis] = []
        days: dict[str, date | None] = {}
    else:
        members = session.story_analyses(story_id, kinds=MEMBER_KINDS)
        days = _event_days(session, [m.article.id for m in members])
    readers = members if target is None else [target, *members]
    recalled = _recalled(session, story_id, readers, days)
    story = None if story_id is None else _story(session, story_id, members)
    return story, members, days, recalled


def crosscheck_stored(corpus: Corpus, id_or_url: str) -> CrossCheck:
    """Cross-check a stored article (by id or any URL it was added under) against its story.

    Raises:
        NotInCorpusError: no stored article has that id or URL.
    """

    def read(session: CorpusSession) -> tuple[Analysis, _StoryData]:
        stored = session.article(id_or_url)
        return session.analysis(stored.id), _with_story(session, stored.story_id)

    analysis, (story, members, days, recalled) = corpus.reading(read)
    check = crosscheck(
        analysis, members, event_days=days, story=story, stored=True, others=recalled
    )
    if story is None:
        check = check.model_copy(update={"notices": [_UNFILED, *check.notices]})
    return check


def find_stored(corpus: Corpus, analysis: Analysis) -> Duplicate | None:
    """The stored article that `analysis`'s article duplicates (same URL or same text)."""
    return corpus.reading(lambda s: article_ops.find_duplicate(s.connection, analysis.article))


def crosscheck_new(
    corpus: Corpus, analysis: Analysis, *, indexer: StoryIndexer | None = None
) -> CrossCheck:
    """Cross-check an analysed article that is not stored, against the story it would join.

    Nothing is written. An article the corpus already holds (same canonical URL, or the
    same outlet's same text) is cross-checked as stored.
    """
    duplicate = find_stored(corpus, analysis)
    if duplicate is not None:
        check = crosscheck_stored(corpus, duplicate.duplicate_of)
        note = (
            f"the corpus already holds this article as {duplicate.duplicate_of} "
            f"({duplicate.reason.replace('_', ' ')}): it was cross-checked as stored"
        )
        return check.model_copy(update={"notices": [note, *check.notices]})
    indexer = indexer or StoryIndexer()
    profile = build_profile(analysis)

    def read(session: CorpusSession) -> _StoryData:
        decision = indexer.decide(session, profile)
        story_id = int(decision.story) if decision.story else None
        return _with_story(session, story_id, analysis)

    days: dict[str, date | None] = {analysis.article.id: profile.event_day}
    story, members, stored_days, recalled = corpus.reading(read)
    days.update(stored_days)
    check = crosscheck(
        analysis, members, event_days=days, story=story, stored=False, others=recalled
    )
    if story is None:
        note = "no stored story is about the same event: the article would start a new one"
        notices = [n for n in check.notices if not n.startswith("no other article")]
        check = check.model_copy(update={"notices": [note, *notices]})
    return check


def story_graph(corpus: Corpus, story_id: int) -> ProvenanceGraph:
    """The provenance graph of a stored story: its articles, the outlets they cite, edges.

    Raises:
        NotInCorpusError: there is no story with that id.
    """
    members = corpus.reading(lambda s: s.story_analyses(story_id, kinds=MEMBER_KINDS))
    return story_provenance(members, story=story_id)

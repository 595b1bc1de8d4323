"""What the corpus endpoints and pages ask of the corpus, in one thin module.

Every call here is a library function that exists on its own (`Corpus` methods,
`corpus.crosscheck.crosscheck`, `story_provenance`); the service only gathers their
results. Story assignment plugs in through `indexer()`: until the cross-checking indexer
is wired into `Corpus.add`, articles are stored unfiled, and the story endpoints serve
whatever stories the store holds. Re-point `indexer()` (and nothing else) when it lands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprobe.corpus.records import StoredArticle
from newsprobe.corpus.records import Story as StoryRecord
from newsprobe.coverage import ArticleRef, CrossCheck, ProvenanceGraph
from newsprobe.coverage import Story as CoverageStory
from newsprobe.service.models import StoryDetail

if TYPE_CHECKING:
    from newsprobe.corpus import Corpus, Indexer
    from newsprobe.document import Analysis

__all__ = ["coverage_story", "crosscheck_stored", "indexer", "provenance_of", "story_detail"]


def indexer() -> Indexer | None:
    """Cross-checking's profile and story placement, run as each article is stored.

    None while story assignment is not wired into the store (as `newsprobe corpus add`
    does too): articles are then stored unfiled and placed in stories later.
    """
    return None


def _ref(stored: StoredArticle) -> ArticleRef:
    return ArticleRef(
        id=stored.id,
        url=stored.url,
        outlet=stored.outlet,
        published=stored.published,
        language=stored.language,
        headline=stored.headline,
    )


def coverage_story(record: StoryRecord, members: list[StoredArticle]) -> CoverageStory:
    """The store's story record as the cross-check model names it (with its articles)."""
    return CoverageStory(
        id=str(record.id),
        title=record.title,
        first_published=record.first_published,
        last_published=record.last_published,
        outlets=list(record.outlets),
        article_count=record.article_count,
        articles=[_ref(m) for m in members],
    )


def provenance_of(story_id: int, analyses: list[Analysis]) -> ProvenanceGraph:
    """Who retells whom among a story's articles (computed from their analyses)."""
    # Imported on first use: cross-checking's modules take seconds to import (they read
    # their tables and models), and a server without a corpus never needs them.
    from newsprobe.corpus.crosscheck import story_provenance

    return story_provenance(analyses, story=str(story_id))


def story_detail(corpus: Corpus, story_id: int) -> StoryDetail:
    """One story: its record, articles and provenance graph.

    Raises:
        NotInCorpusError: there is no such story.
    """
    record = corpus.story(story_id)
    members = corpus.story_members(story_id)
    analyses = corpus.story_analyses(story_id)
    return StoryDetail(story=record, articles=members, provenance=provenance_of(story_id, analyses))


def crosscheck_stored(
    corpus: Corpus, article: str, *, story: int | None = None
) -> tuple[Analysis, CrossCheck]:
    """A stored article's analysis and its cross-check against its story's coverage.

    Args:
        corpus: the store.
        article: the article's id or a URL it was stored under.
        story: compare with this story instead of the article's own (when it has none
            yet, the result says there was nothing to compare).

    Raises:
        NotInCorpusError: no such article or story.
    """
    from newsprobe.corpus.crosscheck import crosscheck

    stored = corpus.article(article)
    target = corpus.analysis(stored.id)
    story_id = story if story is not None else stored.story_id
    if story_id is None:
        return target, crosscheck(target, [], stored=True)
    record = corpus.story(story_id)
    members = corpus.story_members(story_id)
    analyses = corpus.story_analyses(story_id)
    result = crosscheck(target, analyses, story=coverage_story(record, members), stored=True)
    return target, result

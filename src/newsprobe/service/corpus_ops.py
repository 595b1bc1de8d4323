"""What the corpus endpoints and pages ask of the corpus: `corpus/checking.py`, as the CLI.

Storing files each article in its story with `StoryIndexer` (the route hands it to
`Corpus.add_iter`, as `newsprobe corpus add` does); a story, a cross-check and a
provenance graph come from the very functions `newsprobe corpus story`, `crosscheck` and
`provenance` call, so the API and the CLI give the same answers.
Nothing here compares or groups anything itself: the functions below only import
cross-checking on first use (its modules take seconds to import, reading their tables
and models, and a server without a corpus never needs them) and gather a story page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprobe.service.models import StoryDetail

if TYPE_CHECKING:
    from newsprobe.corpus import Corpus
    from newsprobe.coverage import CrossCheck, ProvenanceGraph
    from newsprobe.document import Analysis

__all__ = ["crosscheck_new", "crosscheck_stored", "story_detail", "story_graph"]


def story_detail(corpus: Corpus, story_id: int) -> StoryDetail:
    """One story with its articles (`corpus story ID`) and its provenance graph
    (`corpus provenance ID`).

    Raises:
        NotInCorpusError: there is no such story.
    """
    from newsprobe.corpus.checking import story_graph, story_with_articles

    return StoryDetail(
        story=story_with_articles(corpus, story_id), provenance=story_graph(corpus, story_id)
    )


def story_graph(corpus: Corpus, story_id: int) -> ProvenanceGraph:
    """`checking.story_graph`: who retells whom in a stored story."""
    from newsprobe.corpus.checking import story_graph

    return story_graph(corpus, story_id)


def crosscheck_stored(corpus: Corpus, article: str) -> CrossCheck:
    """`checking.crosscheck_stored`: a stored article (id or URL) against its story.

    Raises:
        NotInCorpusError: no stored article has that id or URL.
    """
    from newsprobe.corpus.checking import crosscheck_stored

    return crosscheck_stored(corpus, article)


def crosscheck_new(corpus: Corpus, analysis: Analysis) -> CrossCheck:
    """`checking.crosscheck_new`: an article that is not stored, against the story it
    would join (nothing is written)."""
    from newsprobe.corpus.checking import crosscheck_new

    return crosscheck_new(corpus, analysis)

"""The corpus: stored articles and analyses, full-text search, stories across outlets, and
each article cross-checked against the others (aligned figures, claims, quotes,
speculation answered, provenance).

    >>> from newsprobe.corpus import Corpus, StoryIndexer
    >>> with Corpus("newsprobe.db") as corpus:
    ...     corpus.add(newsprobe.read("dump.jsonl"), indexer=StoryIndexer())

The store: `corpus.py` (the `Corpus` facade), `session.py` (its operations inside one
transaction), `indexing.py` (the hook through which cross-checking files each article as it
is stored), `records.py` (what is handed back: pydantic models shared by JSON output and
the API), `urls.py` and `keys.py` (canonical URLs, normalized names), and `store/`
(engines, schema, migrations, search).

Cross-checking, one job per module: `profile` (what grouping compares, computed once per
article), `stories` (incremental story assignment), `alignment` (figures lined up),
`claim_check`, `quote_fidelity`, `speculation`, `provenance` (who retells whom) and
`crosscheck` (all of them against one article). `i18n` reads figures, days and names in
other languages. The two meet in `story_indexer.py` (`StoryIndexer`: each article filed
in its story as it is stored) and `checking.py` (a story, a cross-check or a provenance
graph read from the store).

The store's names below are imported on first use: the database libraries cost a tenth of
a second to import, and cross-checking's pure functions do not need them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsprobe.corpus.corpus import AddOutcome, Corpus, SummaryBuilder
    from newsprobe.corpus.indexing import Indexer
    from newsprobe.corpus.records import (
        AddSummary,
        Candidate,
        Duplicate,
        EdgeKind,
        Profile,
        ProvenanceEdge,
        SearchHit,
        SearchResult,
        StoredArticle,
        Story,
    )
    from newsprobe.corpus.session import CorpusSession
    from newsprobe.corpus.story_indexer import StoryIndexer

_HOMES = {
    "AddOutcome": "corpus",
    "Corpus": "corpus",
    "SummaryBuilder": "corpus",
    "Indexer": "indexing",
    "CorpusSession": "session",
    "StoryIndexer": "story_indexer",
    **{
        name: "records"
        for name in (
            "AddSummary",
            "Candidate",
            "Duplicate",
            "EdgeKind",
            "Profile",
            "ProvenanceEdge",
            "SearchHit",
            "SearchResult",
            "StoredArticle",
            "Story",
        )
    },
}

__all__ = [
    "AddOutcome",
    "AddSummary",
    "Candidate",
    "Corpus",
    "CorpusSession",
    "Duplicate",
    "EdgeKind",
    "Indexer",
    "Profile",
    "ProvenanceEdge",
    "SearchHit",
    "SearchResult",
    "StoredArticle",
    "Story",
    "StoryIndexer",
    "SummaryBuilder",
]


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'newsprobe.corpus' has no attribute {name!r}")
    return getattr(import_module(f"newsprobe.corpus.{home}"), name)

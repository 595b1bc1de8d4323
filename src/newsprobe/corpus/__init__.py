"""The corpus: stored articles and analyses, full-text search, stories and provenance.

    >>> from newsprobe.corpus import Corpus
    >>> with Corpus("newsprobe.db") as corpus:
    ...     corpus.add(newsprobe.read("dump.jsonl"))

`corpus.py` (the `Corpus` facade), `session.py` (its operations inside one transaction),
`indexing.py` (the hook cross-checking files articles through), `records.py` (what is
handed back: pydantic models shared by JSON output and the API), `urls.py` and `keys.py`
(canonical URLs, normalized names), and `store/` (engines, schema, migrations, search).
"""

from __future__ import annotations

from newsprobe.corpus.corpus import AddOutcome, Corpus, SummaryBuilder
from newsprobe.corpus.indexing import Indexer
from newsprobe.corpus.records import (
    AddSummary,
    Candidate,
    Duplicate,
    EdgeKind,
    Evidence,
    Profile,
    ProvenanceEdge,
    SearchHit,
    SearchResult,
    StoredArticle,
    Story,
)
from newsprobe.corpus.session import CorpusSession

__all__ = [
    "AddOutcome",
    "AddSummary",
    "Candidate",
    "Corpus",
    "CorpusSession",
    "Duplicate",
    "EdgeKind",
    "Evidence",
    "Indexer",
    "Profile",
    "ProvenanceEdge",
    "SearchHit",
    "SearchResult",
    "StoredArticle",
    "Story",
    "SummaryBuilder",
]

"""What the corpus hands back: stored articles, search hits, stories, edges, add summaries.

These pydantic models are the one definition that `--format json`, the text reports and
the REST API all share. They describe stored things; the article itself, with its text and
spans, stays `newsprobe.document.Article`, and its findings `newsprobe.document.Analysis`.
A story and a provenance edge mean the same in the store as in a cross-check, so they are
defined once, in `newsprobe.coverage`, and re-exported here.
"""

from __future__ import annotations

from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, JsonValue

from newsprobe.coverage import EdgeKind, ProvenanceEdge, Story
from newsprobe.findings import Span

__all__ = [
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
]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class StoredArticle(_Record):
    """An article as the corpus knows it: where it came from and where it is filed."""

    id: str = Field(description="The article's stable id (`Article.id`).")
    url: str | None = None
    urls: list[str] = Field(
        default_factory=list,
        description="Every canonical URL the article was added under (duplicates included).",
    )
    outlet: str | None = None
    published: AwareDatetime | None = None
    language: str | None = None
    headline: str
    added: AwareDatetime = Field(description="When it was stored (UTC).")
    story_id: int | None = Field(default=None, description="Its story, once assigned.")
    analyzer_errors: int = Field(
        default=0, description="Analyzers that failed on it (their errors are stored)."
    )


class SearchHit(_Record):
    """One article that matches a search, with the passage that matched."""

    article: StoredArticle
    score: float = Field(description="Relevance from the engine's ranking; higher is better.")
    snippet: str = Field(description="A short passage around the matching words.")
    matches: list[Span] = Field(
        default_factory=list, description="The matching words, as offsets into `snippet`."
    )


class SearchResult(_Record):
    """The hits of one search, best first, and what the filters left out."""

    query: str
    hits: list[SearchHit] = Field(default_factory=list)
    undated_left_out: int = Field(
        default=0,
        description="Matching articles without a publication date, left out by since/until.",
    )


class Duplicate(_Record):
    """An input the corpus already held."""

    article_id: str = Field(description="The id the input would have had.")
    url: str | None = None
    duplicate_of: str = Field(description="Id of the stored article it duplicates.")
    reason: Literal["same_url", "same_text"] = Field(
        description="same_url: its canonical URL is stored already (the stored version is "
        "kept); same_text: the same outlet's same text under another URL (the URL is "
        "recorded as another address of the stored article)."
    )


class AddSummary(_Record):
    """What one `Corpus.add` did: added, duplicates, failed, and what was not possible."""

    added: int = 0
    duplicates: list[Duplicate] = Field(default_factory=list)
    failed: list[str] = Field(
        default_factory=list, description="One line per input that could not be read."
    )
    analyzer_errors: int = Field(
        default=0, description="Articles stored whose analysis recorded analyzer failures."
    )
    undated: int = Field(default=0, description="Added articles without a publication date.")
    without_outlet: int = Field(default=0, description="Added articles without an outlet.")
    languages: dict[str, int] = Field(
        default_factory=dict, description="Added articles per language ('unknown' if none)."
    )

    def line(self) -> str:
        """The one-line summary `corpus add` prints."""
        head = f"added {self.added}, duplicates {len(self.duplicates)}, failed {len(self.failed)}"
        notes = []
        if self.undated:
            notes.append(f"{self.undated} undated")
        if self.without_outlet:
            notes.append(f"{self.without_outlet} without outlet")
        other = {k: v for k, v in sorted(self.languages.items()) if k != "en"}
        notes += [f"{count} in language '{code}'" for code, count in other.items()]
        if self.analyzer_errors:
            notes.append(f"{self.analyzer_errors} with analyzer failures")
        return head + (f" ({'; '.join(notes)})" if notes else "")


class Profile(_Record):
    """What cross-checking derives from one article, stored to find and compare it later.

    The store interprets none of it: `data` is kept as it is, `keys` (normalized entity
    names, places, dates...) and `bands` (LSH band hashes of a MinHash signature) are
    indexed so that `Corpus.candidates` finds the articles sharing them.
    """

    version: str = Field(description="Format version of `data`; a new one means recompute.")
    data: dict[str, JsonValue] = Field(default_factory=dict)
    keys: list[str] = Field(default_factory=list)
    bands: list[str] = Field(default_factory=list)


class Candidate(_Record):
    """A stored article that shares lookup keys or LSH bands with the one being placed."""

    article_id: str
    story_id: int | None
    published: AwareDatetime | None
    outlet: str | None
    shared_keys: int
    shared_bands: int
    profile: Profile | None = None
    story_first_published: AwareDatetime | None = Field(
        default=None, description="The first publication time in its story (None: undated)."
    )
    story_last_published: AwareDatetime | None = Field(
        default=None, description="The last publication time in its story (None: undated)."
    )

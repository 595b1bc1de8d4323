"""What the API takes in, and the few answers that are not models of the core.

Answers are the core's own models: `newsprobe.document.Analysis` (exactly the JSON of
``newsprobe analyze --format json``), the corpus records (`newsprobe.corpus.records`) and
the cross-check (`newsprobe.coverage.CrossCheck`). Only requests, and answers that gather
several of those models, are defined here.
"""

from __future__ import annotations

from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from newsprobe.corpus.records import AddSummary, StoredArticle, Story
from newsprobe.coverage import ProvenanceGraph

__all__ = [
    "AddResult",
    "AnalyzeRequest",
    "CrossCheckRequest",
    "Health",
    "StoryDetail",
    "StoryList",
]

_REQUEST = ConfigDict(extra="forbid")


class AnalyzeRequest(BaseModel):
    """One article to analyse: exactly one of `text`, `html` or `url`."""

    model_config = _REQUEST

    text: str | None = Field(
        default=None,
        description="Plain text or Markdown. Without `headline`, a short first line is the "
        "headline.",
    )
    html: str | None = Field(default=None, description="An HTML page; the article is extracted.")
    url: str | None = Field(
        default=None,
        description="An http(s) URL to fetch (private and local addresses are refused).",
    )
    headline: str | None = Field(default=None, description="Use this headline.")
    outlet: str | None = Field(default=None, description="The publishing outlet.")
    published: AwareDatetime | None = Field(
        default=None, description="Publication time, with its time zone."
    )

    @model_validator(mode="after")
    def _exactly_one_source(self) -> AnalyzeRequest:
        given = [name for name in ("text", "html", "url") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError(
                "give exactly one of text, html or url"
                + (f" (got {', '.join(given)})" if given else "")
            )
        return self

    @property
    def kind(self) -> Literal["text", "html", "url"]:
        if self.html is not None:
            return "html"
        return "url" if self.url is not None else "text"


class CrossCheckRequest(BaseModel):
    """A stored article to compare with the other coverage of its story (or of `story`)."""

    model_config = _REQUEST

    article: str = Field(
        min_length=1,
        max_length=4096,
        description="The stored article's id, or a URL it was added under.",
    )
    story: int | None = Field(
        default=None,
        ge=1,
        le=2**63 - 1,  # the store's ids are 64-bit integers
        description="Compare with this story's articles instead of the article's own story.",
    )


class StoryList(BaseModel):
    """Stories, the most recent first."""

    stories: list[Story] = Field(default_factory=list)


class StoryDetail(BaseModel):
    """One story: its record, its articles (earliest first) and who retells whom."""

    story: Story
    articles: list[StoredArticle] = Field(default_factory=list)
    provenance: ProvenanceGraph


class AddResult(BaseModel):
    """What storing one article did, and where it is filed."""

    summary: AddSummary
    article: StoredArticle | None = Field(
        default=None, description="The stored article (the original, for a duplicate)."
    )


class Health(BaseModel):
    """The worker's state: ready once the pipeline is loaded."""

    status: Literal["ok", "starting"]
    version: str
    ready: bool
    corpus: str | None = Field(description="The corpus database, or None without one.")
    writes_enabled: bool
    analyzers: list[str] = Field(default_factory=list)

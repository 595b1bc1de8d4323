"""What the API takes in, and the few answers that are not models of the core.

Answers are the core's own models: `newsprobe.document.Analysis` (exactly the JSON of
``newsprobe analyze --format json``), the corpus records (`newsprobe.corpus.records`) and
the cross-check (`newsprobe.coverage.CrossCheck`). Only requests, and answers that gather
several of those models, are defined here.
"""

from __future__ import annotations

from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from newsprobe.corpus.records import AddSummary, StoredArticle
from newsprobe.coverage import ProvenanceGraph, Story

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
    """An article to compare with the other coverage of its story: a stored one
    (`article`), or a new one (`new`), analysed and compared with the story it would join
    without being stored, as ``newsprobe corpus crosscheck SOURCE`` does."""

    model_config = _REQUEST

    article: str | None = Field(
        default=None,
        min_length=1,
        max_length=4096,
        description="The stored article's id, or a URL it was added under.",
    )
    new: AnalyzeRequest | None = Field(
        default=None,
        description="An article that is not stored (as for `/v1/analyze`). One the corpus "
        "holds already (same URL, or the same outlet's same text) is checked as stored.",
    )

    @model_validator(mode="after")
    def _exactly_one_article(self) -> CrossCheckRequest:
        if (self.article is None) == (self.new is None):
            raise ValueError("give exactly one of article (a stored one) or new")
        return self


class StoryList(BaseModel):
    """Stories, the most recent first."""

    stories: list[Story] = Field(default_factory=list)


class StoryDetail(BaseModel):
    """One story with its articles, earliest first (the JSON of ``newsprobe corpus story
    ID``), and who retells whom (that of ``newsprobe corpus provenance ID``)."""

    story: Story
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

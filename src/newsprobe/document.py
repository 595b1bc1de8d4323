"""The document model every interface shares: `Span`, `Article`, `Analysis`.

JSON output, the JSON Schema (`newsprobe schema`) and the REST API are all generated from
these pydantic definitions; there is no second, hand-kept copy.

Offsets are Python code points into `Article.text` and into nothing else. `Article.text` is
the headline, a blank line, then the body; `article.text[span.start:span.end]` is always
the evidence for a finding.

    >>> article = Article.create(headline="Talks end", body="The talks ended.")
    >>> article.text
    'Talks end\\n\\nThe talks ended.'
    >>> article.slice(article.headline)
    'Talks end'
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, JsonValue, model_validator

from newsprobe._version import __version__
from newsprobe.assessment import Assessment
from newsprobe.findings import Finding, Span
from newsprobe.normalize import normalize_body, normalize_line

__all__ = ["SCHEMA_VERSION", "Analysis", "AnalyzerFailure", "Article", "Notice", "Span"]

#: Bumped on any change to the meaning or shape of the JSON output.
#: 1.1: `analyzers` (what ran) and `assessment` (criteria and rating) were added.
#: 1.2: attribution findings: `source_span` is the whole description of the source, the
#: name alone is `name_span`; `cue_type` and `content_span` were added.
SCHEMA_VERSION = "1.2"

_HEADLINE_SEPARATOR = "\n\n"


def _stable_id(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


class Article(BaseModel):
    """One news article: its normalized text and what is known about where it came from.

    Build articles with `Article.create`, which normalizes the text once; the constructor
    only checks that the spans fit the text it is given.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(description="Stable id: hash of the canonical URL, else of the text.")
    text: str = Field(description="Headline, a blank line, body. Every offset indexes this.")
    headline: Span
    body: Span
    url: str | None = None
    outlet: str | None = Field(default=None, description="Publishing outlet or site name.")
    authors: list[str] = Field(default_factory=list)
    published: AwareDatetime | None = None
    language: str | None = Field(default=None, description="ISO 639-1 code, e.g. 'en'.")
    meta: dict[str, JsonValue] = Field(
        default_factory=dict,
        description="Everything else: canonical_url, description, tags, photo_credits...",
    )

    @model_validator(mode="after")
    def _spans_fit(self) -> Article:
        for name in ("headline", "body"):
            span: Span = getattr(self, name)
            if span.end > len(self.text):
                raise ValueError(f"{name} span {span} is outside the text")
        return self

    @classmethod
    def create(
        cls,
        *,
        headline: str | None,
        body: str,
        url: str | None = None,
        outlet: str | None = None,
        authors: list[str] | None = None,
        published: datetime | None = None,
        language: str | None = None,
        meta: dict[str, Any] | None = None,
    ) -> Article:
        """Normalize headline and body and build the article with its spans and id.

        A naive `published` datetime is rejected rather than guessed: the ingest layer
        decides the time zone (UTC when the source gives none) and says so.
        """
        head = normalize_line(headline or "")
        text_body = normalize_body(body)
        if head:
            text = head + _HEADLINE_SEPARATOR + text_body if text_body else head
            head_span = Span(start=0, end=len(head))
            body_start = len(head) + len(_HEADLINE_SEPARATOR) if text_body else len(text)
        else:
            text, head_span, body_start = text_body, Span(start=0, end=0), 0
        canonical = (meta or {}).get("canonical_url") or url
        return cls(
            id=_stable_id(str(canonical) if canonical else text),
            text=text,
            headline=head_span,
            body=Span(start=body_start, end=len(text)),
            url=url,
            outlet=normalize_line(outlet) or None if outlet else None,
            authors=[a for a in (normalize_line(a) for a in authors or []) if a],
            published=published,
            language=language,
            meta=meta or {},
        )

    def slice(self, span: Span) -> str:
        """The text a span points at."""
        return self.text[span.start : span.end]

    @property
    def headline_text(self) -> str:
        return self.slice(self.headline)

    @property
    def body_text(self) -> str:
        return self.slice(self.body)


class AnalyzerFailure(BaseModel):
    """An analyzer that raised; the rest of the analysis went on without it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    analyzer: str = Field(description="name@version")
    error: str = Field(description="Exception type name.")
    message: str


class Notice(BaseModel):
    """Something the reader should know about how the analysis ran.

    For example: an English-only analyzer skipped an article written in German.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    analyzer: str
    message: str


class Analysis(BaseModel):
    """An article, everything newsprobe found in it, the versions that found it, and the
    assessment built from those findings.

    `assessment` is None only for an analysis built by hand; the pipeline always sets it
    (criteria whose analyzers did not run say so in `Assessment.not_judged`).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: str = SCHEMA_VERSION
    newsprobe_version: str = __version__
    models: dict[str, str] = Field(
        default_factory=dict, description="Name -> version of every model used."
    )
    analyzers: list[str] = Field(
        default_factory=list,
        description="name@version of every analyzer that ran on this article (an analyzer "
        "that found nothing is listed; one skipped or failed is not).",
    )
    article: Article
    findings: list[Finding] = Field(default_factory=list)
    errors: list[AnalyzerFailure] = Field(default_factory=list)
    notices: list[Notice] = Field(default_factory=list)
    assessment: Assessment | None = None

    @model_validator(mode="after")
    def _findings_point_into_text(self) -> Analysis:
        text = self.article.text
        for finding in self.findings:
            for span in finding.all_spans():
                if span.end > len(text):
                    raise ValueError(
                        f"{finding.kind} finding span {span} is outside the article text "
                        f"({len(text)} characters)"
                    )
            if finding.text != text[finding.span.start : finding.span.end]:
                raise ValueError(f"{finding.kind} finding text does not match its span")
        if self.assessment is not None:
            for criterion in self.assessment.criteria:
                for span in criterion.spans:
                    if span.end > len(text):
                        raise ValueError(
                            f"criterion {criterion.id} span {span} is outside the article text"
                        )
        return self

    def ran(self, analyzer: str) -> bool:
        """Whether the analyzer with this name ran on the article."""
        return any(name.partition("@")[0] == analyzer for name in self.analyzers)

    def of_kind(self, kind: str) -> list[Finding]:
        """Findings of one kind, in text order."""
        return [f for f in self.findings if f.kind == kind]

    def to_json(self, *, indent: int | None = 2) -> str:
        return self.model_dump_json(indent=indent)

    @classmethod
    def from_json(cls, data: str | bytes) -> Analysis:
        return cls.model_validate_json(data)

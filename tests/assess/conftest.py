"""Shared fixtures of the assessment tests: one pipeline, composed articles, cross-checks."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import pytest

from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.document import Analysis, Article
from newsprobe.findings import Span


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


Analyze = Callable[..., Analysis]


@pytest.fixture(scope="session")
def analyze(pipeline: Pipeline) -> Analyze:
    """Analyse a composed article with every analyzer: analyze(body, headline=...)."""

    def run(body: str, *, headline: str = "", outlet: str | None = None) -> Analysis:
        article = Article.create(headline=headline, body=body, outlet=outlet, language="en")
        return pipeline.analyze(article)

    return run


# --- cross-check results, with the attribute names of the corpus's CrossCheck ------------
# (newsprobe.coverage on the corpus branch; newsprobe.assess.evidence lists what is read)


@dataclass(frozen=True)
class Ref:
    id: str
    outlet: str | None = None


@dataclass(frozen=True)
class StoryInfo:
    id: str = "story-1"
    title: str = "Leaders meet at the lake palace"
    outlets: Sequence[str] = ("Coastline Wire", "Valemont Times", "The Daily Blaze")
    article_count: int = 3
    articles: Sequence[Ref] = ()


@dataclass(frozen=True)
class Agreement:
    value: float
    approximate: bool = False
    support: int = 3
    voices: int = 4
    basis: str = "majority"


@dataclass(frozen=True)
class Value:
    article: str
    outlet: str | None
    span: Span
    text: str
    verdict: str | None


@dataclass(frozen=True)
class Figure:
    description: str
    unit: str | None
    consensus: Agreement | None
    values: Sequence[Value]


@dataclass(frozen=True)
class Evidence:
    article: str
    outlet: str | None
    text: str


@dataclass(frozen=True)
class ClaimResult:
    span: Span
    text: str
    verdict: str
    corroborated_by: Sequence[Evidence] = ()
    disputed_by: Sequence[Evidence] = ()


@dataclass(frozen=True)
class Version:
    article: str
    outlet: str | None
    text: str


@dataclass(frozen=True)
class QuoteResult:
    speaker: str
    span: Span
    text: str
    fidelity: str
    reference: Version | None = None


@dataclass(frozen=True)
class Edge:
    source: str
    to: str | None
    to_outlet: str | None
    kind: str
    evidence_text: str


@dataclass(frozen=True)
class CrossCheck:
    target: Ref
    story: StoryInfo | None = field(default_factory=StoryInfo)
    figures: Sequence[Figure] = ()
    claims: Sequence[ClaimResult] = ()
    quotes: Sequence[QuoteResult] = ()
    provenance: Sequence[Edge] = ()
    notices: Sequence[str] = ()


def span_of(article: Article, surface: str) -> Span:
    """The first occurrence of `surface` in the article's text."""
    start = article.text.index(surface)
    return Span(start=start, end=start + len(surface))

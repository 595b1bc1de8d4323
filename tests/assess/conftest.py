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


# --- cross-check results, shaped as newsprobe.assess.evidence describes -------------------


@dataclass(frozen=True)
class Value:
    outlet: str | None
    surface: str
    verdict: str
    this_article: bool = False
    span: Span | None = None


@dataclass(frozen=True)
class AlignedFigure:
    about: str
    consensus: str
    values: Sequence[Value]


@dataclass(frozen=True)
class ClaimResult:
    span: Span
    verdict: str
    by: Sequence[str] = ()


@dataclass(frozen=True)
class QuoteResult:
    span: Span
    speaker: str | None
    fidelity: str
    reference: str | None = None
    reference_outlet: str | None = None


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    kind: str
    evidence: str | None = None


@dataclass(frozen=True)
class CrossCheck:
    article_id: str
    story: str | None = "story-1"
    title: str | None = "Leaders meet at the lake palace"
    outlets: Sequence[str] = ("Coastline Wire", "Valemont Times", "The Daily Blaze")
    article_count: int = 3
    figures: Sequence[AlignedFigure] = ()
    claims: Sequence[ClaimResult] = ()
    quotes: Sequence[QuoteResult] = ()
    provenance: Sequence[Edge] = field(default_factory=tuple)


def span_of(article: Article, surface: str) -> Span:
    """The first occurrence of `surface` in the article's text."""
    start = article.text.index(surface)
    return Span(start=start, end=start + len(surface))

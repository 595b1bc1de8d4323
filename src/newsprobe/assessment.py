"""The assessment of an article: named criteria, each with its evidence, and a rating.

Part of the data model (`Analysis.assessment`), so JSON output, the JSON Schema and every
interface share these definitions. The logic that fills them lives in `newsprobe.assess`;
the criteria, their weights and the reason for each weight are one table,
``newsprobe/assess/criteria.toml``.

An assessment never says that an article is true or false. Each criterion says what a
careful reader would check and why, with the figure it rests on and the spans of the
article that support it; the rating sums up how many of those checks the article makes
easy.

    >>> analysis.assessment.rating.score, analysis.assessment.rating.word
    (86, 'strong')
    >>> [c.id for c in analysis.assessment.criteria if c.outcome == "fail"]
    []
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from newsprobe.findings import Span

__all__ = [
    "OUTCOME_POINTS",
    "Assessment",
    "CorpusUsed",
    "Criterion",
    "Figure",
    "Outcome",
    "Rating",
]

Outcome = Literal["pass", "warn", "fail", "not_applicable"]

#: What each outcome adds to the rating, per unit of weight; "not_applicable" adds
#: neither points nor weight. A warning is half a pass: the reader has something to
#: check, but the article does not fail the criterion outright.
OUTCOME_POINTS: dict[str, float] = {"pass": 1.0, "warn": 0.5, "fail": 0.0}


class Figure(BaseModel):
    """The measurement a criterion rests on, with the thresholds it was compared to."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(description="What is measured, e.g. 'clickbait score of the headline'.")
    value: float
    display: str = Field(description="The value as a reader reads it: '0.12', '40 %', '3'.")
    thresholds: str = Field(
        default="", description="How the value was judged, e.g. 'warn from 0.50, fail from 0.80'."
    )


class Criterion(BaseModel):
    """One line of the checklist."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(description="Stable key, e.g. 'sources_named'.")
    name: str = Field(description="The criterion as a reader reads it: 'Sources are named'.")
    scope: Literal["article", "corpus"] = Field(
        description="'article': judged on the article alone; 'corpus': needs other outlets."
    )
    outcome: Outcome
    weight: float = Field(ge=0.0, description="Its share of the rating (see `reason`).")
    reason: str = Field(description="Why the criterion carries its weight.")
    explanation: str = Field(description="One sentence: what was found and what it means.")
    check: str | None = Field(
        default=None, description="What a careful reader should check, when anything."
    )
    figure: Figure | None = None
    spans: list[Span] = Field(default_factory=list, description="The supporting text.")
    findings: list[str] = Field(
        default_factory=list, description="Ids of the findings the outcome rests on."
    )
    missing: list[str] = Field(
        default_factory=list,
        description="Analyzers it needs that did not run; non-empty means 'not judged'.",
    )

    @property
    def judged(self) -> bool:
        """Whether the criterion counted in the rating."""
        return self.outcome != "not_applicable"


class Rating(BaseModel):
    """The weighted share of criteria passed, with its arithmetic spelled out."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    score: int | None = Field(ge=0, le=100, description="0-100; None when nothing was judged.")
    word: str = Field(description="The band of the score: strong, fair, weak, poor.")
    points: float = Field(description="Sum of weight x outcome points over judged criteria.")
    weight: float = Field(description="Sum of the weights of the judged criteria.")
    arithmetic: str = Field(description="The computation, term by term.")
    bands: str = Field(description="Which score gives which word.")


class CorpusUsed(BaseModel):
    """The other coverage a cross-check compared the article with."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    story: str | None = Field(default=None, description="Story id in the corpus.")
    title: str | None = None
    articles: int = Field(ge=0, description="Articles in the story, this one included.")
    outlets: list[str] = Field(default_factory=list)


class Assessment(BaseModel):
    """The checklist of one article and its overall rating."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: str = Field(description="Version of the criteria table that was applied.")
    summary: str = Field(description="Two sentences: the rating, and what it does not say.")
    rating: Rating
    criteria: list[Criterion]
    not_judged: list[str] = Field(
        default_factory=list,
        description="Criteria that could not be judged because an analyzer did not run.",
    )
    models: dict[str, str] = Field(
        default_factory=dict, description="Models whose output the criteria read."
    )
    corpus: CorpusUsed | None = Field(
        default=None, description="The coverage cross-checked against; None: article alone."
    )

    def criterion(self, criterion_id: str) -> Criterion:
        """The criterion with this id.

        Raises:
            KeyError: no such criterion; the message lists the ids there are.
        """
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion
        raise KeyError(
            f"no criterion {criterion_id!r}; criteria: {', '.join(c.id for c in self.criteria)}"
        )
